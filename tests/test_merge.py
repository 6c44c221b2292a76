"""A unit's fields are the merge of its files'."""
from model import Evidence, FileRecord, Value
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


def test_last_years_report_sent_again_gives_none_of_this_years_fields():
    from forms.check import check_units
    from forms.rules import load_rules
    from pipeline import group_units

    old = rec("林草局履职报告.doc", "annual_report", date="2023-12-08", year=2023, cases_total=5,
              duty_list=True, leading_group=True, staff_assigned=True, study_sessions=3)
    assert superseded([old]) == set()
    (u,) = group_units([old], [], 2024)
    assert u.other_year == {"林草局履职报告.doc"} and u.value("cases_total") is None
    rules = {f.rule for f in check_units([u], load_rules(), deadline=None)[0].findings}
    assert {"cases_below_min", "no_duty_list", "no_leading_group", "no_staff_assigned"} <= rules
    assert "missing_section" not in rules and "too_thin" not in rules  # no report of this year to judge
    # this year's report dated in the next January, or a misread year with this year's date: kept
    for kept in (rec("报告.docx", "annual_report", date="2025-01-06", year=2024, cases_total=5),
                 rec("报告.docx", "annual_report", date="2024-12-01", year=2023, cases_total=5)):
        (u,) = group_units([kept], [], 2024)
        assert u.other_year == frozenset() and u.value("cases_total") == 5
    assert group_units([old], [], None)[0].value("cases_total") == 5  # no year to compare with
