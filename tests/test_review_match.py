"""Which finding a clerk's verdict in 问题清单 is about (unit + rule + file, SPEC §9)."""
from __future__ import annotations

from forms.review import Verdict, finding_files, judge, unmatched_verdicts
from model import Evidence, Finding, UnitRecord

SECTIONS = [Finding("missing_section", "warning", f"区水利局报送的《总结.docx》缺少“{s}”部分。", file="总结.docx")
            for s in ("基本情况", "下一步打算")]
MEDIA = Finding("no_new_media", "warning", "区水利局未运用新媒体开展普法。",
                evidence=(Evidence("总结.docx", "第3段", "…"),))
THIN = Finding("too_thin", "warning", "区水利局报送的《总结.docx》内容简单。", file="总结.docx")


def verdict(rule: str, files: str, message: str = "", result: str = "排除", unit: str = "区水利局") -> Verdict:
    return Verdict(unit, rule, files, message, result, "电话核实")


def test_findings_of_one_rule_on_one_file_are_told_apart_by_their_message():
    judged = judge("区水利局", SECTIONS, [verdict("missing_section", "总结.docx", SECTIONS[1].message)])
    assert [f.dismissed for f in judged] == [False, True]
    assert judged[1].reason == "电话核实"


def test_one_of_several_alike_findings_without_its_message_matches_none():
    judged = judge("区水利局", SECTIONS, [verdict("missing_section", "总结.docx", "改过的说明")])
    assert not any(f.dismissed for f in judged)


def test_a_unit_rule_is_still_matched_when_a_new_file_changed_its_evidence():
    v = verdict("no_new_media", "旧总结.docx")
    judged = judge("区水利局", [MEDIA, THIN], [v])
    assert [f.dismissed for f in judged] == [True, False]


def test_a_file_rule_on_another_file_is_another_finding():
    v = verdict("too_thin", "旧总结.docx", THIN.message)
    unit = UnitRecord("区水利局", (), {}, findings=tuple(judge("区水利局", [MEDIA, THIN], [v])))
    assert not any(f.dismissed for f in unit.findings)
    [left] = unmatched_verdicts([unit], [v])
    assert "未再发现" in left.why


def test_lines_of_the_file_cell_as_another_suite_saved_them():
    f = Finding("late_submission", "error", "逾期", file="a.docx", evidence=(Evidence("b.xlsx", "D2", "…"),))
    judged = judge("区水利局", [f], [verdict("late_submission", " a.docx\r\nb.xlsx ", result="属实")])
    assert judged[0].verdict == "属实" and not judged[0].dismissed


def test_a_result_that_is_neither_is_reported_not_applied():
    v = verdict("no_new_media", "总结.docx", result="不属实")
    unit = UnitRecord("区水利局", (), {}, findings=tuple(judge("区水利局", [MEDIA], [v])))
    assert unit.findings[0].verdict is None
    [left] = unmatched_verdicts([unit], [v])
    assert left.why == "核实结果只能填“属实”或“排除”"


def test_a_note_alone_is_kept_on_the_finding():
    judged = judge("区水利局", [MEDIA], [verdict("no_new_media", "总结.docx", result="")])
    assert judged[0].verdict is None and judged[0].reason == "电话核实"


def test_a_dismissed_finding_costs_no_points():
    from forms.scoring import load_rubric, score_unit

    late = Finding("late_submission", "error", "逾期报送。", file="总结.docx")
    rubric = load_rubric(None)

    def on_time(finding: Finding) -> float:
        _, _, items = score_unit(UnitRecord("区水利局", (), {}, findings=(finding,)), rubric)
        return next(i["score"] for i in items if i["item"] == "按时报送")

    dismissed = judge("区水利局", [late], [verdict("late_submission", "总结.docx")])[0]
    assert (on_time(late), on_time(dismissed)) == (0, 5)


def test_a_rule_is_named_by_its_code_its_chinese_title_or_its_message():
    own = Finding("no_publicity_plan", "warning", "区水利局未制定年度普法宣传计划。")
    for name, finding in (("no_new_media", MEDIA), ("未运用新媒体普法", MEDIA), ("区水利局未制定年度普法宣传计划", own)):
        assert judge("区水利局", [finding], [verdict(name, finding_files(finding))])[0].dismissed, name


def test_a_ledger_whose_columns_have_other_names_is_read(tmp_path):
    import openpyxl

    from outputs.review_read import read_review

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append(["单位", "问题类型", "问题（中文说明）", "文件", "核实结果", "核实说明"])
    ws.append(["区水利局", "未运用新媒体普法", MEDIA.message, "总结.docx", "排除", "电话核实"])
    files = wb.create_sheet("文件")
    files.append(["文件", "单位", "归属单位（人工）"])
    files.append(["补充材料.docx", "（无法确定单位）", "区水利局"])
    wb.save(tmp_path / "台账.xlsx")
    review = read_review(tmp_path)
    assert judge("区水利局", [MEDIA], review.verdicts)[0].dismissed
    assert [(a.path, a.unit) for a in review.assignments] == [("补充材料.docx", "区水利局")]


def test_paths_as_windows_shows_them_match_the_records():
    from forms.review import Assignment, assign_files
    from model import FileRecord

    member = Finding("too_thin", "warning", "内容简单。", file="材料.zip!/水利局/总结.docx")
    assert judge("区水利局", [member], [verdict("too_thin", "材料.zip\\水利局\\总结.docx")])[0].dismissed
    files, assigned, unmatched = assign_files([FileRecord("补报/说明.docx", "0" * 64, "ok")],
                                              [Assignment("补报\\说明.docx", "区水利局")])
    assert files[0].unit == "区水利局" and assigned == {"补报/说明.docx": "区水利局"} and unmatched == []
