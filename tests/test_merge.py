"""A unit's fields are the merge of its files'."""
from extractors.base import Evidence, Value
from forms.base import FileRecord
from forms.merge import merge_fields, superseded


def rec(path, doc_type, date=None, mtime=0.0, **fields):
    vals = {k: Value(v, (Evidence(path, "第1段", f"{k}={v}"),)) for k, v in fields.items()}
    vals["doc_type"] = Value(doc_type)
    if date:
        vals["date"] = Value(date)
    return FileRecord(path, "0" * 64, "ok", unit="区司法局", doc_type=doc_type, fields=vals, mtime=mtime)


def test_report_total_wins_over_case_files_and_case_files_add_up():
    report = rec("总结.docx", "annual_report", cases_total=6)
    c1, c2 = rec("案例1.docx", "case_report", cases_total=2), rec("案例2.docx", "case_report", cases_total=3)
    assert merge_fields([report, c1, c2])["cases_total"].value == 6
    merged = merge_fields([c1, c2])["cases_total"]
    assert merged.value == 5 and len(merged.evidence) == 2


def test_duty_list_file_makes_the_fact_true_over_a_report_saying_otherwise():
    report = rec("总结.docx", "annual_report", duty_list=False)
    lst = rec("清单.docx", "duty_list", duty_list=True)
    assert merge_fields([report, lst])["duty_list"].value is True
    assert merge_fields([report])["duty_list"].value is False


def test_lists_are_united_in_canonical_order():
    a = rec("a.docx", "annual_report", new_media=["微博"], sections=["存在问题", "基本情况"])
    b = rec("b.docx", "self_inspection", new_media=["微信公众号", "微博"], sections=["主要做法"])
    m = merge_fields([a, b])
    assert m["new_media"].value == ["微博", "微信公众号"]
    assert m["sections"].value == ["基本情况", "主要做法", "存在问题"]


def test_a_later_version_replaces_the_earlier_one():
    old = rec("总结.docx", "annual_report", date="2022-11-20", activities=10)
    new = rec("总结（修改稿）.docx", "annual_report", date="2022-11-28", activities=12)
    cases = [rec("案例1.docx", "case_report"), rec("案例2.docx", "case_report")]
    assert superseded([old, new, *cases]) == {"总结.docx"}
    same_day = rec("总结（修改稿）.docx", "annual_report", date="2022-11-20", activities=12)
    assert superseded([old, same_day]) == {"总结.docx"}
