"""Year over year (SPEC §10), through the real command line on the sample district's two years.

鹤溪区 2022 (samples/inbox_2022) is checked first; 2023 (samples/inbox) is checked with
``--history`` on its records.json. The 年度对比 sheet, the ``repeated`` marks, the notices and
the circular are compared with what the two records.json files say, computed here on their own.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

import cli
from extractors.finders.units import RosterEntry
from extractors.roster import load_roster
from forms.history import HistoryError, load_history, pair_units, renamed_for_similarity
from outputs.labels import RULE_TITLES
from tests.makers import docx_from_paragraphs, xlsx_from_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RENAMED = {"区文化旅游体育局": "区文化和旅游局"}  # the 2023 roster's 曾用名


def check(*args: str) -> int:
    return cli.main(["check", *args, "--jobs", "1"])


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("years")
    out22, out23 = tmp / "2022", tmp / "2023"
    assert check(str(SAMPLES / "inbox_2022"), "--roster", str(SAMPLES / "名单_2022.xlsx"), "--year", "2022",
                 "--deadline", "2022-12-10", "--out", str(out22)) == 0
    assert check(str(SAMPLES / "inbox"), "--roster", str(SAMPLES / "名单.xlsx"), "--deadline", "2023-12-10",
                 "--notice-config", str(SAMPLES / "通知.yaml"), "--history", str(out22 / "records.json"),
                 "--out", str(out23)) == 0
    circular = tmp / "通报.docx"
    assert cli.main(["draft", "circular", "--records", str(out23 / "records.json"),
                     "--config", str(SAMPLES / "通报.yaml"), "-o", str(circular)]) == 0
    return {"out22": out22, "out23": out23, "circular": circular, "tmp": tmp}


def records(path: Path) -> dict:
    return json.loads((path / "records.json").read_text(encoding="utf-8"))


def rules_of(unit: dict) -> list[str]:
    return list(dict.fromkeys(f["rule"] for f in unit["findings"] if not f.get("dismissed")))


def paired(r22: dict, r23: dict) -> list[tuple[dict, dict]]:
    last = {u["unit"]: u for u in r22["units"]}
    return [(u, last[RENAMED.get(u["unit"], u["unit"])]) for u in r23["units"]
            if RENAMED.get(u["unit"], u["unit"]) in last]


# ---------------------------------------------------------------- records.json

def test_every_unit_of_both_years_carries_previous(two_years):
    r22, r23 = records(two_years["out22"]), records(two_years["out23"])
    pairs = paired(r22, r23)
    assert len(pairs) == 9 == len(r23["units"])
    for now, before in pairs:
        assert now["previous"] == {"year": 2022, "score": before["score"], "grade": before["grade"],
                                   "findings": rules_of(before)}
    assert r23["history"]["renamed"] == RENAMED


def test_repeated_findings_are_exactly_those_raised_both_years(two_years):
    r22, r23 = records(two_years["out22"]), records(two_years["out23"])
    repeated = {}
    for now, before in paired(r22, r23):
        both = set(rules_of(now)) & set(rules_of(before))
        for f in now["findings"]:
            assert f.get("repeated", False) is (f["rule"] in both), (now["unit"], f["rule"])
        if both:
            repeated[now["unit"]] = both
    assert repeated == {"区住房和城乡建设局": {"study_below_min"},
                        "区农业农村局": {"cases_below_min", "no_leading_group"},
                        "区文化旅游体育局": {"no_duty_list"}}


def test_a_finding_dismissed_last_year_was_not_raised(two_years):
    r22 = records(two_years["out22"])
    for u in r22["units"]:
        if u["unit"] == "区住房和城乡建设局":
            for f in u["findings"]:
                if f["rule"] == "study_below_min":
                    f.update(dismissed=True, reason="已核实：学法记录漏报")
    last = two_years["tmp"] / "dismissed.json"
    last.write_text(json.dumps(r22, ensure_ascii=False), encoding="utf-8")
    out = two_years["tmp"] / "2023-dismissed"
    assert check(str(SAMPLES / "inbox"), "--roster", str(SAMPLES / "名单.xlsx"), "--history", str(last),
                 "--out", str(out)) == 0
    unit = next(u for u in records(out)["units"] if u["unit"] == "区住房和城乡建设局")
    assert unit["previous"]["findings"] == ["no_new_media"]
    assert not any(f.get("repeated") for f in unit["findings"])


# ---------------------------------------------------------------- 台账.xlsx 年度对比

def _titles(rules) -> str:
    return "、".join(RULE_TITLES[r] for r in rules) or "无"


def test_year_sheet_figures_equal_those_of_the_two_records(two_years):
    r22, r23 = records(two_years["out22"]), records(two_years["out23"])
    wb = openpyxl.load_workbook(two_years["out23"] / "台账.xlsx")
    ws = wb["年度对比"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:8] == ("单位", "上年单位名称", "2022年得分", "2022年等级", "2023年得分", "2023年等级",
                           "得分变化", "等级变化")
    body = {r[0]: r for r in rows[1:] if r[0] and r[0] != "全区情况"}
    for now, before in paired(r22, r23):
        row = body[now["unit"]]
        this, last = rules_of(now), rules_of(before)
        change = None if now["score"] is None or before["score"] is None else round(now["score"] - before["score"], 1)
        assert row[1] == (before["unit"] if before["unit"] != now["unit"] else None)
        assert row[2:6] == (before["score"], before["grade"], now["score"], now["grade"])
        assert row[6] == change
        assert row[8] == _titles([r for r in this if r in last])
        assert row[9] == _titles([r for r in this if r not in last])
        assert row[10] == _titles([r for r in last if r not in this])
        fill = ws.cell(list(body).index(now["unit"]) + 2, 9).fill.fgColor.rgb
        assert (fill == "FFFFC7CE") is any(r in last for r in this)  # repeated problems in red
    district = {r[0]: r[1:4] for r in rows if r[0] and r[0].endswith("（个）")}

    def figures(r: dict) -> tuple[int, int, int]:
        sent = [u for u in r["units"] if u["files"] and u["unit"] not in r["missing_units"]]
        cases = sum(u["fields"]["cases_total"] for u in sent if isinstance(u["fields"]["cases_total"], int))
        return len(sent), cases, sum(u["grade"] == "优秀" for u in sent)

    (s22, c22, e22), (s23, c23, e23) = figures(r22), figures(r23)
    assert district == {"报送材料参加评议的单位（个）": (s22, s23, s23 - s22),
                        "报送以案释法典型案例（个）": (c22, c23, c23 - c22),
                        "评定为优秀的单位（个）": (e22, e23, e23 - e22)}
    assert ws._charts and wb.sheetnames[-1] == "年度对比"


def test_no_year_sheet_and_no_previous_without_history(two_years):
    wb = openpyxl.load_workbook(two_years["out22"] / "台账.xlsx", read_only=True)
    assert "年度对比" not in wb.sheetnames
    r22 = records(two_years["out22"])
    assert "history" not in r22 and not any("previous" in u for u in r22["units"])
    assert not any("repeated" in f for u in r22["units"] for f in u["findings"])


# ---------------------------------------------------------------- notices and circular

def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_notices_say_a_problem_is_raised_for_the_second_year_running(two_years):
    notices = two_years["out23"] / "通知"
    farm = _text(notices / "区农业农村局_整改通知.docx")
    assert farm.count("该问题在2022年度评议中已经指出，连续两年存在，请作为整改重点。") == 2
    assert "连续两年" not in _text(notices / "区医疗保障局_整改通知.docx")  # its problem is new


def _change(now: int, last: int) -> str:
    return "与上年持平" if now == last else f"较上年{'增加' if now > last else '减少'}{abs(now - last)}个"


def test_circular_compares_the_district_with_last_year(two_years):
    r22, r23 = records(two_years["out22"]), records(two_years["out23"])
    text = _text(two_years["circular"])
    sent22 = [u for u in r22["units"] if u["files"] and u["unit"] not in r22["missing_units"]]
    sent23 = [u for u in r23["units"] if u["files"] and u["unit"] not in r23["missing_units"]]
    c22 = sum(u["fields"]["cases_total"] or 0 for u in sent22)
    c23 = sum(u["fields"]["cases_total"] or 0 for u in sent23)
    e22 = sum(u["grade"] == "优秀" for u in sent22)
    e23 = sum(u["grade"] == "优秀" for u in sent23)
    sentence = (f"与2022年度相比，报送材料参加评议的单位{len(sent23)}个，{_change(len(sent23), len(sent22))}；"
                f"报送以案释法典型案例{c23}个，{_change(c23, c22)}；评定为优秀的单位{e23}个，{_change(e23, e22)}。")
    assert sentence in text
    assert sentence == ("与2022年度相比，报送材料参加评议的单位8个，与上年持平；报送以案释法典型案例28个，"
                        "较上年增加1个；评定为优秀的单位4个，较上年减少1个。")
    assert "上年评议指出问题的单位中，区交通运输局、区公安分局已整改到位。" in text
    assert "区文化旅游体育局连续两年未制定普法责任清单" in text
    assert "区农业农村局连续两年以案释法典型案例报送数量不足、未成立普法工作领导小组" in text
    assert "区医疗保障局连续两年" not in text


def test_circular_without_history_says_nothing_of_last_year(two_years):
    out = two_years["tmp"] / "通报2022.docx"
    assert cli.main(["draft", "circular", "--records", str(two_years["out22"] / "records.json"),
                     "--config", str(SAMPLES / "通报.yaml"), "-o", str(out)]) == 0
    text = _text(out)
    assert "与上年对比" not in text and "连续两年" not in text and "较上年" not in text


# ---------------------------------------------------------------- last year's file unusable: exit 2

@pytest.fixture()
def small_inbox(tmp_path: Path) -> Path:
    box = tmp_path / "收件箱"
    box.mkdir()
    docx_from_paragraphs(box / "区司法局2023年度普法工作总结.docx",
                         ["鹤溪区司法局2023年度普法工作总结", "全年开展普法活动12场。", "鹤溪区司法局", "2023年11月30日"])
    return box


def _bad(tmp_path: Path, data) -> Path:
    p = tmp_path / "去年" / "records.json"
    p.parent.mkdir(exist_ok=True)
    p.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


LAST = {"schema": "pufa.records/1", "year": 2022, "files": [], "missing_units": [],
        "units": [{"unit": "区司法局", "files": ["a.docx"], "findings": [], "score": 90, "grade": "优秀"}]}


@pytest.mark.parametrize("data, message", [
    ({**LAST, "schema": "pufa.records/0"}, "格式版本为“pufa.records/0”，本工具只能读取“pufa.records/1”"),
    ({k: v for k, v in LAST.items() if k != "schema"}, "格式版本为“无版本号”"),
    ({"title": "台账"}, "不是 pufa 生成的 records.json（缺少 schema 标记）"),
    ("这不是 JSON", "不是 pufa 生成的 records.json（无法按 JSON 读取）"),
    ({**LAST, "units": {"区司法局": {}}}, "结构不完整（units 或 missing_units 不是列表）"),
    ({**LAST, "units": [{"unit": "区司法局", "findings": "无"}]}, "结构不完整（单位“区司法局”的 findings 不是问题列表）"),
    ({**LAST, "units": [{**LAST["units"][0], "unit": "临沣县教育局"}, {**LAST["units"][0], "unit": "临沣县民政局"}]},
     "其中的单位（临沣县教育局、临沣县民政局）与本次检查的单位无一对应，可能是其他地区的结果"),
    ({**LAST, "year": 2023}, "其年度为2023年，不早于本次检查的2023年度"),
])
def test_unusable_history_is_one_chinese_line_and_exit_2(tmp_path, small_inbox, capsys, data, message):
    out = tmp_path / "输出"
    code = check(str(small_inbox), "--year", "2023", "--history", str(_bad(tmp_path, data)), "--out", str(out))
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("上一年度结果“records.json”无法用于年度对比：") and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (out / "records.json").exists()


def test_another_district_is_refused_before_reading_with_a_roster(tmp_path, small_inbox, capsys):
    roster = xlsx_from_rows(tmp_path / "名单.xlsx", [["单位名称"], ["区司法局"], ["区民政局"]])
    last = _bad(tmp_path, {**LAST, "units": [{**LAST["units"][0], "unit": "临沣县教育局"}]})
    assert check(str(small_inbox), "--roster", str(roster), "--history", str(last), "--out", str(tmp_path / "o")) == 2
    assert "可能是其他地区的结果；如有单位更名，请在名单中增加“曾用名”列" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()  # nothing read, nothing written


# ---------------------------------------------------------------- pairing units across years

def _history(tmp_path: Path, names: list[str]):
    return load_history(_bad(tmp_path, {**LAST, "units": [{**LAST["units"][0], "unit": n} for n in names]}))


def test_units_are_paired_by_name_former_name_alias_and_abbreviation(tmp_path):
    history = _history(tmp_path, ["区司法局", "区城市管理局", "人社局", "鹤溪区交通运输局", "区档案局"])
    roster = [RosterEntry("区司法局"), RosterEntry("区综合行政执法局", former=("区城市管理局",)),
              RosterEntry("区人力资源和社会保障局", aliases=("人社局",)), RosterEntry("区交通运输局"),
              RosterEntry("区统计局")]
    assert pair_units(history, roster) == {"区司法局": "区司法局", "区综合行政执法局": "区城市管理局",
                                           "区人力资源和社会保障局": "人社局", "区交通运输局": "鹤溪区交通运输局"}


def test_pairs_are_one_to_one_and_the_same_name_wins(tmp_path):
    history = _history(tmp_path, ["区司法局", "司法局"])
    assert pair_units(history, [RosterEntry("区司法局", aliases=("司法局",))]) == {"区司法局": "区司法局"}


def test_renamed_unit_keeps_its_reports_for_the_copy_check(tmp_path):
    data = {"files": [{"path": "a.docx", "unit": "区城市管理局", "fingerprint": [1]}]}
    renamed = renamed_for_similarity(data, {"区综合行政执法局": "区城市管理局"})
    assert renamed["files"][0]["unit"] == "区综合行政执法局" and data["files"][0]["unit"] == "区城市管理局"


def test_roster_reads_the_former_names_column(tmp_path):
    entries = load_roster(SAMPLES / "名单.xlsx")
    assert next(e for e in entries if e.name == "区文化旅游体育局").former == ("区文化和旅游局",)
    roster = xlsx_from_rows(tmp_path / "名单.xlsx", [["单位名称", "简称", "曾用名"],
                                                   ["区综合行政执法局", "执法局", "区城市管理局、区城管局"]])
    assert load_roster(roster) == [RosterEntry("区综合行政执法局", ("执法局",), ("区城市管理局", "区城管局"))]


def test_history_error_is_a_config_error_with_the_file_name(tmp_path):
    with pytest.raises(HistoryError, match="上一年度结果“records.json”无法用于年度对比：其中没有任何单位的结果"):
        load_history(_bad(tmp_path, {**LAST, "units": []}))


def test_the_summary_says_how_many_units_repeat_a_problem(two_years):
    from outputs.console import year_line

    assert year_line(records(two_years["out23"])) == "与2022年度对比：3个单位有问题连续两年存在，见台账“年度对比”表"
    assert year_line(records(two_years["out22"])) == ""


def test_a_unit_missing_two_years_running_is_told_so(two_years):
    r22 = records(two_years["out22"])
    for u in r22["units"]:
        if u["unit"] == "区退役军人事务局":
            u.update(files=[], score=None, grade=None, findings=[{"rule": "missing_submission", "severity": "error",
                                                                   "message": "区退役军人事务局未报送任何材料。"}])
    r22["missing_units"] = ["区水利局", "区退役军人事务局"]
    last = two_years["tmp"] / "missing.json"
    last.write_text(json.dumps(r22, ensure_ascii=False), encoding="utf-8")
    out = two_years["tmp"] / "2023-missing"
    assert check(str(SAMPLES / "inbox"), "--roster", str(SAMPLES / "名单.xlsx"), "--history", str(last),
                 "--out", str(out)) == 0
    unit = next(u for u in records(out)["units"] if u["unit"] == "区退役军人事务局")
    assert unit["previous"] == {"year": 2022, "score": None, "grade": None, "findings": ["missing_submission"]}
    assert unit["findings"][0]["repeated"] is True
    notice = _text(out / "通知" / "区退役军人事务局_补报通知.docx")
    assert "1.你单位2022年度也未报送履职材料，已连续两年未报送，请高度重视。" in notice
    assert "连续两年" not in _text(two_years["out23"] / "通知" / "区退役军人事务局_补报通知.docx")


SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py not beside the repo")
def test_last_years_sample_reads_as_its_truth(two_years):
    import subprocess
    import sys

    metrics = two_years["tmp"] / "m.json"
    res = subprocess.run([sys.executable, str(SCORER), str(SAMPLES / "truth_2022.json"),
                          str(two_years["out22"] / "records.json"), "--json", str(metrics)],
                         capture_output=True, text=True, check=True)
    m = json.loads(metrics.read_text())
    assert m["overall_field_acc"] == 1.0 and m["findings_f1"] == 1.0, res.stdout
    assert m["unit_attribution_acc"] == 1.0 and m["missing_recall"] == 1.0, res.stdout
