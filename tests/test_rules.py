"""Each SPEC §4 rule fires on a crafted unit and stays quiet on a sound one; config is validated."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from model import UnitRecord
from forms.check import check_units, sort_findings
from forms.config import ConfigError
from forms.rules import RULES, Context, applicable_rules, load_rules, run_rules
from forms.ruleset import MESSAGE_FIELDS, RULE_CODES
from forms.textstats import find_figures
from tests.units_helper import file, unit

SECTIONS = ["基本情况", "主要做法", "存在问题", "下一步打算"]
GOOD_TEXT = "全年开展普法宣传活动35场次，发放宣传资料1.2万份，解答咨询800人次。" * 30
SOUND = dict(leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
             cases_total=4, cases_by_quarter=[1, 1, 1, 1], study_sessions=2, new_media=["微信公众号"],
             sections=SECTIONS, date="2022-11-28")


def sound_unit(name: str = "区司法局", **changes: object) -> UnitRecord:
    fields = {**SOUND, **changes}
    return unit(name, [file("a/报告.docx", text=GOOD_TEXT, unit=name, **fields)])


def ctx(path: Path | None = None, deadline: date | None = date(2022, 12, 10)) -> Context:
    return Context(rules=load_rules(path), deadline=deadline)


def rules_of(u: UnitRecord, c: Context | None = None) -> list[str]:
    return [f.rule for f in run_rules(u, c or ctx())]


def test_sound_unit_has_no_findings() -> None:
    assert rules_of(sound_unit()) == []


@pytest.mark.parametrize("code,changes", [
    ("cases_below_min", {"cases_total": 3}),
    ("cases_below_min", {"cases_total": None}),
    ("quarter_without_case", {"cases_by_quarter": [1, 0, 2, 1]}),
    ("no_duty_list", {"duty_list": False}),
    ("no_duty_list", {"duty_list": None}),
    ("no_leading_group", {"leading_group": False}),
    ("no_leading_group", {"leading_group": None}),
    ("no_leader_in_charge", {"leader_in_charge": None}),
    ("no_staff_assigned", {"staff_assigned": False}),
    ("no_new_media", {"new_media": []}),
    ("study_below_min", {"study_sessions": 1}),
    ("study_below_min", {"study_sessions": None}),
    ("missing_section", {"sections": ["基本情况", "主要做法", "下一步打算"]}),
    ("late_submission", {"date": "2022-12-11"}),
])
def test_rule_fires_on_shortfall(code: str, changes: dict) -> None:
    assert rules_of(sound_unit(**changes)) == [code]


def test_messages_are_ready_to_paste() -> None:
    u = sound_unit(cases_total=3, study_sessions=None, cases_by_quarter=[1, 0, 2, 0])
    messages = {f.rule: f.message for f in run_rules(u, ctx())}
    assert messages == {
        "cases_below_min": "区司法局全年以案释法典型案例仅报送3个（要求全年不少于4个），请补报典型案例。",
        "quarter_without_case": "区司法局第二季度、第四季度报送以案释法典型案例少于1个（各季度分别为1、0、2、0个），"
                                "请按每季度至少1个报送。",
        "study_below_min": "区司法局领导班子集体学法未作说明（要求全年不少于2次），请落实领导干部集体学法制度。",
    }


def test_boolean_finding_keeps_the_negation_as_evidence() -> None:
    (f,) = run_rules(sound_unit(leading_group=False), ctx())
    assert (f.rule, f.severity, f.file) == ("no_leading_group", "warning", "a/报告.docx")
    assert [e.quote for e in f.evidence] == ["leading_group=False"]
    (g,) = run_rules(sound_unit(leading_group=None), ctx())
    assert g.evidence == () and g.file is None


def test_duty_list_file_silences_no_duty_list_even_if_report_says_none() -> None:
    report = file("报告.docx", text=GOOD_TEXT, **{**SOUND, "duty_list": False})
    listing = file("清单.xlsx", doc_type="duty_list")
    u = unit("区司法局", [report, listing], duty_list=False)
    assert rules_of(u) == []


def test_quarter_rule_quiet_when_quarters_unknown() -> None:
    assert "quarter_without_case" not in rules_of(sound_unit(cases_by_quarter=None))


def test_missing_section_one_finding_per_section_per_report() -> None:
    u = sound_unit(sections=["主要做法"])
    got = [(f.rule, f.file, f.message) for f in run_rules(u, ctx())]
    assert [g[0] for g in got] == ["missing_section"] * 3
    assert got[0][2] == "区司法局报送的《报告.docx》缺少“基本情况”部分，请补充完善。"
    # A unit without an annual_report/self_inspection gets no missing_section.
    cases_only = unit("区司法局", [file("案例.docx", doc_type="case_report", **{**SOUND, "sections": []})])
    assert "missing_section" not in rules_of(cases_only)


def test_too_thin_on_length_and_on_figures() -> None:
    short = unit("区司法局", [file("报告.docx", text="全年开展活动35场次，发放资料800份，咨询20人次。", **SOUND)])
    (f,) = run_rules(short, ctx())
    assert f.rule == "too_thin"
    assert f.message == ("区司法局报送的《报告.docx》内容简单空洞（正文仅27字，要求不少于800字），"
                         "请补充具体工作情况和数据。")
    hollow_text = "我局高度重视普法工作，认真落实普法责任制，取得了较好成效。" * 40
    no_figures = {**SOUND, "cases_total": None, "cases_by_quarter": None, "study_sessions": None}
    hollow = unit("区司法局", [file("报告.docx", text=hollow_text, **no_figures)])
    (g,) = [f for f in run_rules(hollow, ctx()) if f.rule == "too_thin"]
    assert "具体数据仅0项，要求不少于3项" in g.message
    # the figures are in the report's own table (活动场次 | 36): read into its fields, they count
    tabled = unit("区司法局", [file("报告.docx", text=hollow_text, **{**SOUND, "activities": 36, "materials": 900})])
    assert "too_thin" not in [f.rule for f in run_rules(tabled, ctx())]


def test_targets_and_plans_are_no_figures_of_the_year() -> None:
    """不少于24场次 and 计划开展… state what is to be done, not what was (空洞 all the same)."""
    words = load_rules().param("too_thin", "measure_words")
    text = ("全年开展普法宣传活动12场次。2025年，我局将于一季度制定清单，全年开展活动不少于24场次，"
            "发放资料不少于8000份；计划组织集体学法4次。")
    assert find_figures(text, words) == ["12场次", "24场次", "8000份", "4次"]
    from forms.rules import _NOT_RESULTS

    assert find_figures(text, words, _NOT_RESULTS) == ["12场次"]
    planned = ("我局高度重视普法工作。" * 60 + "下一年，力争开展普法活动不少于30场，发放资料不少于5000份，"
               "确保报送案例不少于4个。")
    no_figures = {**SOUND, "cases_total": None, "cases_by_quarter": None, "study_sessions": None}
    (g,) = [f for f in run_rules(unit("区司法局", [file("报告.docx", text=planned, **no_figures)]), ctx())
            if f.rule == "too_thin"]
    assert "具体数据仅0项" in g.message


def test_figures_ignore_dates_serial_numbers_and_ordinals() -> None:
    words = load_rules().param("too_thin", "measure_words")
    text = ("2022年12月4日，（一）加强领导。1.第3次会议。一名同志负责。千家万户。"
            "开展活动35场次，发放5万余份，受教育群众6000余人(次)，解答咨询 1500 人次，集体学法两次，报送十二个案例。")
    assert find_figures(text, words) == ["35场次", "5万余份", "6000余人", "1500 人次", "两次", "十二个"]


def test_late_submission_by_date_and_by_arrival_time() -> None:
    deadline = date(2022, 12, 10)
    arrived = datetime(2022, 12, 12, 9, 30).timestamp()
    undated = unit("区司法局", [file("报告.docx", text=GOOD_TEXT, mtime=arrived, **{**SOUND, "date": None})])
    (f,) = run_rules(undated, ctx(deadline=deadline))
    assert f.rule == "late_submission"
    assert f.message == "区司法局报送的《报告.docx》收到文件时间为2022年12月12日 09:30，晚于报送截止日期2022年12月10日。"
    assert [(e.where, e.quote) for e in f.evidence] == [("文件时间", "2022-12-12 09:30")]
    # A file time years later is a copy, not an arrival; a dated file is judged on its date.
    copied = unit("区司法局", [file("报告.docx", text=GOOD_TEXT, mtime=datetime(2026, 1, 1).timestamp(),
                                 **{**SOUND, "date": None})])
    assert rules_of(copied, ctx(deadline=deadline)) == []
    dated = unit("区司法局", [file("报告.docx", text=GOOD_TEXT, mtime=arrived, **SOUND)])
    assert rules_of(dated, ctx(deadline=deadline)) == []


def test_late_submission_off_without_deadline() -> None:
    assert rules_of(sound_unit(date="2023-01-05"), ctx(deadline=None)) == []


def test_missing_submission_only_for_roster_units_without_files() -> None:
    (f,) = run_rules(unit("区民政局", []), ctx())
    assert (f.rule, f.severity) == ("missing_submission", "error")
    assert f.message == "区民政局未报送普法履职报告等材料，请尽快补报。"
    assert applicable_rules(unit("区民政局", [])) == ("missing_submission",)


def test_unreadable_file_names_the_error_and_mutes_content_rules() -> None:
    bad = file("坏文件.docx", status="error")
    (f,) = run_rules(unit("区司法局", [bad]), ctx())
    assert f.rule == "unreadable_file" and f.file == "坏文件.docx"
    assert f.message == "区司法局报送的《坏文件.docx》无法读取：文件已损坏，无法打开。"
    both = unit("区司法局", [bad, file("报告.docx", text=GOOD_TEXT, **SOUND)])
    assert rules_of(both) == ["unreadable_file"]


def test_unknown_unit_for_unattributed_files_and_off_roster_units() -> None:
    stray = unit("", [file("说明.docx", unit=None, doc_type="other")], on_roster=False)
    (f,) = run_rules(stray, ctx())
    assert f.rule == "unknown_unit"
    assert f.message == "文件《说明.docx》未能从文件中识别出报送单位，请核实报送单位。"
    off = unit("区档案馆", [file("报告.docx", unit="区档案馆", text="短")], on_roster=False)
    (g,) = run_rules(off, ctx())
    assert g.message == "文件《报告.docx》无法对应到评议名单中的单位（识别为：区档案馆），请核实报送单位。"


def test_every_message_field_is_supplied(tmp_path: Path) -> None:
    """A region may use any documented placeholder; each rule must fill all of them."""
    lines = ["messages:"] + [f'  {c}: "' + "|".join("{%s}" % n for n in sorted(MESSAGE_FIELDS[c])) + '"'
                             for c in RULE_CODES]
    region = tmp_path / "全字段.yaml"
    region.write_text("\n".join(lines), encoding="utf-8")
    c = ctx(region)
    other = sound_unit("区财政局")
    crafted = [
        unit("区民政局", []), unit("区司法局", [file("坏.docx", status="error")]),
        unit("", [file("x.docx", unit=None)], on_roster=False),
        unit("区司法局", [file("报告.docx", text="空", **{**SOUND, "cases_total": 1, "study_sessions": 0,
                                                      "cases_by_quarter": [0, 1, 0, 0], "new_media": [],
                                                      "leading_group": None, "leader_in_charge": None,
                                                      "staff_assigned": None, "duty_list": None,
                                                      "sections": [], "date": "2022-12-20"})]),
    ]
    findings = [f for u in crafted for f in run_rules(u, c)]
    dup = check_units([sound_unit("区甲局"), other], c.rules, deadline=None)
    seen = {f.rule for f in findings}
    assert seen == set(RULE_CODES) - {"duplicate_content"}
    assert all("" not in f.message.split("|") for f in findings), [f.message for f in findings]
    assert {f.rule for u in dup for f in u.findings} == {"duplicate_content"}
    assert all("" not in f.message.split("|") for u in dup for f in u.findings)


def test_findings_sorted_errors_first_then_rule_order() -> None:
    u = sound_unit(new_media=[], cases_total=1, leading_group=None, date="2022-12-30")
    (checked,) = check_units([u], load_rules(), deadline=date(2022, 12, 10))
    assert [f.rule for f in checked.findings] == [
        "cases_below_min", "late_submission", "no_leading_group", "no_new_media"]
    assert sort_findings(list(reversed(checked.findings))) == list(checked.findings)


def test_registry_matches_config() -> None:
    assert tuple(RULES) == RULE_CODES
    rs = load_rules()
    assert all(rs.enabled(c) for c in RULE_CODES)
    assert {c for c in RULE_CODES if rs.severity(c) == "error"} == {
        "missing_submission", "unreadable_file", "cases_below_min", "no_duty_list", "late_submission"}
    assert rs.deadline is None


# ------------------------------------------------------------ configuration --

def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "规则.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_region_turns_a_rule_off_and_changes_a_threshold(tmp_path: Path) -> None:
    region = write(tmp_path, "no_new_media: {enabled: false}\ncases_below_min: {min: 6, severity: warning}\n"
                             "late_submission: {deadline: 2022-12-05}\n"
                             "messages:\n  cases_below_min: \"{unit}案例{cases}，不足{min}个。\"\n")
    rs = load_rules(region)
    u = sound_unit(new_media=[], cases_total=5, date="2022-12-08")
    c = Context(rules=rs, deadline=rs.deadline)
    found = {f.rule: f for f in run_rules(u, c)}
    assert set(found) == {"cases_below_min", "late_submission"}
    assert found["cases_below_min"].severity == "warning"
    assert found["cases_below_min"].message == "区司法局案例仅报送5个，不足6个。"
    assert rs.param("cases_below_min", "min") == 6 and rs.param("study_below_min", "min") == 2
    assert rs.deadline == date(2022, 12, 5)
    # The command line's deadline wins over the file's.
    (checked,) = check_units([u], rs, deadline=date(2022, 12, 31))
    assert "late_submission" not in {f.rule for f in checked.findings}


@pytest.mark.parametrize("text,key,problem", [
    ("no_new_medias: {enabled: false}\n", "no_new_medias", "未知的配置项"),
    ("cases_below_min: {minimum: 4}\n", "cases_below_min.minimum", "未知的配置项"),
    ("cases_below_min: {min: 四}\n", "cases_below_min.min", "应为非负整数"),
    ("cases_below_min: {min: -1}\n", "cases_below_min.min", "应为非负整数"),
    ("no_new_media: {enabled: 是}\n", "no_new_media.enabled", "应为true 或 false"),
    ("no_new_media: {severity: high}\n", "no_new_media.severity", "应为 error 或 warning"),
    ("missing_section: {sections: [基本情况, 工作亮点]}\n", "missing_section.sections", "未知的部分 '工作亮点'"),
    ("late_submission: {deadline: 12月10日}\n", "late_submission.deadline", "日期格式应为 2022-12-10"),
    ("duplicate_content: {threshold: 80}\n", "duplicate_content.threshold", "0 到 1 之间"),
    ("no_new_media: false\n", "no_new_media", "映射"),
    ("messages:\n  no_new_media: \"{unit}未用{platform}\"\n", "messages.no_new_media", "未知的占位符 {platform}"),
    ("messages:\n  no_new_medium: \"x\"\n", "messages.no_new_medium", "未知的配置项"),
    ("messages:\n  no_new_media: \"{unit\"\n", "messages.no_new_media", "花括号不成对"),
])
def test_config_errors_name_the_file_and_key(tmp_path: Path, text: str, key: str, problem: str) -> None:
    region = write(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        load_rules(region)
    assert e.value.key == key and e.value.source == str(region)
    assert problem in str(e.value)
    assert str(e.value).startswith(f"配置有误：{region} 中的 {key}：")


def test_missing_or_broken_rules_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="文件不存在"):
        load_rules(tmp_path / "没有.yaml")
    with pytest.raises(ConfigError, match="YAML 格式错误"):
        load_rules(write(tmp_path, "cases_below_min: {min: 4\n"))


def test_content_rules_look_at_the_revision_not_the_draft_it_replaces() -> None:
    draft = file("自查报告.docx", doc_type="self_inspection", text="短",
                 **{**SOUND, "sections": ["基本情况"], "date": "2022-12-01"})
    revised = file("自查报告（修改稿）.docx", doc_type="self_inspection", text=GOOD_TEXT,
                   **{**SOUND, "date": "2022-12-05"})
    assert rules_of(unit("区公安分局", [draft, revised])) == []


def test_unattributed_bucket_without_roster_only_gets_unknown_unit() -> None:
    """With no roster the pipeline marks every unit on_roster, the bucket of unnamed files too."""
    bucket = unit("（未识别单位）", [file("扫描.docx", unit=None, text="短")], on_roster=True)
    (f,) = run_rules(bucket, ctx())
    assert f.rule == "unknown_unit" and f.message == "文件《扫描.docx》未能从文件中识别出报送单位，请核实报送单位。"
    (checked,) = check_units([bucket], load_rules(), deadline=None)
    assert checked.score is None


def test_a_self_assessment_sheet_is_judged_as_the_report_only_when_it_is_the_only_one() -> None:
    from dataclasses import replace

    sheet = replace(file("自评表.xlsx", doc_type="self_inspection", text=GOOD_TEXT, **{**SOUND, "sections": []}),
                    fmt="xlsx")
    alone = unit("区司法局", [sheet])
    assert "missing_section" in [f.rule for f in run_rules(alone, ctx())]
    both = unit("区司法局", [file("报告.docx", text=GOOD_TEXT, **SOUND), sheet])
    assert "missing_section" not in [f.rule for f in run_rules(both, ctx())]
