"""The clerk's review through the real command line (SPEC §9, issue 13).

check → the clerk edits 台账.xlsx (openpyxl, then optionally saved again by LibreOffice as a
clerk's WPS/Excel would) → a new submission arrives → check again: the edits are carried
over, applied, and shown in records.json, the ledger, the notices and the circular.
"""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import cli
from tests import hostile_files as hf
from tests.docx_helper import all_text, open_doc
from tests.makers import docx_from_paragraphs, xlsx_from_rows

ROSTER = [["单位名称", "简称/别名"], ["区司法局", ""], ["区财政局", ""], ["区民政局", "民政局"]]
CASES_REASON = "第4个案例在附件二中，系统漏计"
MEDIA_REASON = "电话核实：该局已开设微信公众号普法专栏，报告漏写"
NEW_MEDIA_LINE = "未运用微信公众号、微博、短视频等新媒体开展普法宣传"
MEDIA_TITLE = "未运用新媒体普法"  # the rule's name in 问题清单


def report(unit: str, cases: int, media: bool = True) -> list[str]:
    """A complete annual report; ``cases`` 以案释法 cases, new media only when ``media``."""
    return [
        f"清江区{unit}2022年度普法工作总结",
        "区委依法治区办：",
        "一、基本情况",
        "我局成立了普法工作领导小组，明确分管副局长为分管普法工作的领导，普法日常工作由法规科承担。"
        "我局制定了2022年度普法责任清单并印发各科室执行。普法经费纳入年度财政预算。",
        "二、主要做法",
        "全年共开展普法宣传活动26场次，发放宣传资料6000份，接受法律咨询300人次，受教育群众4000人次。"
        f"局党组理论学习中心组集体学法3次。全年报送以案释法典型案例{cases}个。"
        + ("通过微信公众号推送普法信息120条。" if media else ""),
        "三、存在问题",
        "普法形式较为单一，针对性有待加强。",
        "四、下一步打算",
        "继续推进以案释法，加强普法队伍建设。",
        f"清江区{unit}",
        "2022年11月30日",
    ]


UNATTRIBUTED = ["以案释法典型案例", "案例一：某养老机构未按规定备案被责令改正案",
                "基本案情：2022年5月，执法人员检查发现某养老机构未按规定办理备案。",
                "释法说理：依据《养老机构管理办法》，养老机构应当依法办理备案。",
                "普法意义：引导养老服务机构依法经营。"]


def check(inbox: Path, roster: Path, out: Path) -> None:
    rules = roster.with_name("规则.yaml")  # short look-alike test reports: judged on content only
    rules.write_text("too_thin:\n  enabled: false\nduplicate_content:\n  enabled: false\n", encoding="utf-8")
    code = cli.main(["check", str(inbox), "--roster", str(roster), "--year", "2022", "--out", str(out),
                     "--rules", str(rules), "--jobs", "1"])
    assert code == 0


def circular(out: Path, tmp: Path, name: str) -> str:
    config = tmp / "通报.yaml"
    config.write_text("name_units: true\n", encoding="utf-8")
    target = tmp / name
    assert cli.main(["draft", "circular", "--records", str(out / "records.json"), "--config", str(config),
                     "-o", str(target)]) == 0
    return all_text(open_doc(target))


def notice(out: Path, unit: str) -> str | None:
    path = out / "通知" / f"{unit}_整改通知.docx"
    return all_text(open_doc(path)) if path.is_file() else None


def unit_of(records: dict, name: str) -> dict:
    return next(u for u in records["units"] if u["unit"] == name)


def sheet_rows(path: Path, sheet: str) -> list[dict]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    rows = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(c not in (None, "") for c in r)]


def clerk_edits(ledger: Path) -> None:
    """What the clerk does in the ledger: dismiss a finding, correct a count, assign a file."""
    wb = openpyxl.load_workbook(ledger)
    ws = wb["问题清单"]
    head = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(head)}
    for row in ws.iter_rows(min_row=2):
        if row[col["单位"]].value == "区财政局" and row[col["问题类型"]].value == MEDIA_TITLE:
            row[col["核实结果"]].value = "排除"
            row[col["核实说明"]].value = MEDIA_REASON
    ws = wb["更正"]
    ws.append(["区司法局", "以案释法案例数", 4, CASES_REASON])  # after the empty formatted rows: still read
    ws = wb["文件"]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[head.index("文件")].value == "补充材料.docx":
            row[head.index("归属单位（人工）")].value = "民政局"  # the roster's alias
    wb.save(ledger)


@pytest.fixture()
def box(tmp_path: Path) -> tuple[Path, Path]:
    inbox = tmp_path / "收件箱"
    for unit, cases, media in (("司法局", 3, True), ("财政局", 5, False)):
        (inbox / unit).mkdir(parents=True)
        docx_from_paragraphs(inbox / unit / "2022年度普法工作总结.docx", report(unit, cases, media))
    docx_from_paragraphs(inbox / "补充材料.docx", UNATTRIBUTED)
    return inbox, xlsx_from_rows(tmp_path / "名单.xlsx", ROSTER)


@pytest.mark.parametrize("saved_by", ["openpyxl", pytest.param("libreoffice", marks=pytest.mark.skipif(
    hf.soffice() is None, reason="LibreOffice (soffice) not installed"))])
def test_review_survives_a_rerun_with_new_files(box, tmp_path, saved_by, capsys):
    inbox, roster = box
    out = tmp_path / "输出"
    check(inbox, roster, out)
    first = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert "cases_below_min" in [f["rule"] for f in unit_of(first, "区司法局")["findings"]]
    assert [f["rule"] for f in unit_of(first, "区财政局")["findings"]] == ["no_new_media"]
    assert first["unknown_files"] == ["补充材料.docx"] and first["missing_units"] == ["区民政局"]
    notice_before = notice(out, "区司法局")
    assert "3个" in notice_before and notice(out, "区财政局") is not None
    text = circular(out, tmp_path, "通报1.docx")
    assert NEW_MEDIA_LINE in text and "区财政局" in text.split(NEW_MEDIA_LINE)[1][:20]

    ledger = out / "台账.xlsx"
    clerk_edits(ledger)
    if saved_by == "libreoffice":  # saved again by another office suite: styles, strings, validation rewritten
        (tmp_path / "lo").mkdir()
        ledger.write_bytes(hf.convert_with_soffice(ledger, "xlsx", tmp_path / "lo").read_bytes())
    edited = ledger.read_bytes()
    (inbox / "民政局").mkdir()  # a new submission arrives
    docx_from_paragraphs(inbox / "民政局" / "2022年度普法工作总结.docx", report("民政局", 6))
    capsys.readouterr()
    check(inbox, roster, out)
    assert "台账中的核实记录：排除 1 项，更正 1 项，人工归属文件 1 项。" in capsys.readouterr().out

    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    sfj, czj, mzj = (unit_of(records, n) for n in ("区司法局", "区财政局", "区民政局"))
    assert sfj["fields"]["cases_total"] == 4
    assert sfj["corrections"] == [{"field": "cases_total", "value": 4, "was": 3, "reason": CASES_REASON}]
    assert sfj["evidence"]["cases_total"][0]["where"] == "人工更正"
    assert sfj["evidence"]["cases_total"][0]["quote"] == CASES_REASON
    assert "cases_below_min" not in [f["rule"] for f in sfj["findings"]]
    assert sfj["score"] > unit_of(first, "区司法局")["score"]  # the score follows the corrected count
    [media] = czj["findings"]
    assert media["rule"] == "no_new_media" and media["dismissed"] is True and media["reason"] == MEDIA_REASON
    assert "民政局/2022年度普法工作总结.docx" in mzj["files"] and "补充材料.docx" in mzj["files"]
    extra = next(f for f in records["files"] if f["path"] == "补充材料.docx")
    assert extra["unit"] == "区民政局" and extra["assigned_unit"] == "区民政局"
    assert records["unknown_files"] == [] and records["missing_units"] == []
    assert records["unmatched_review"] == []

    after = notice(out, "区司法局")
    assert after is None or (len(after) < len(notice_before) and "以案释法" not in after)
    assert notice(out, "区财政局") is None  # its one finding dismissed: no notice
    text = circular(out, tmp_path, "通报2.docx")
    assert NEW_MEDIA_LINE not in text

    # the new ledger shows the edits again, and the edited one is kept once as the backup
    findings = sheet_rows(ledger, "问题清单")
    row = next(r for r in findings if r["单位"] == "区财政局" and r["问题类型"] == MEDIA_TITLE)
    assert (row["核实结果"], row["核实说明"], row["严重程度"]) == ("排除", MEDIA_REASON, "已排除")
    assert [(r["单位"], r["项目"], r["更正值"], r["说明"]) for r in sheet_rows(ledger, "更正")] == [
        ("区司法局", "以案释法案例数", 4, CASES_REASON)]
    files = {r["文件"]: r for r in sheet_rows(ledger, "文件")}
    assert files["补充材料.docx"]["归属单位（人工）"] == "区民政局"
    assert files["补充材料.docx"]["单位"] == "区民政局"
    ws = openpyxl.load_workbook(ledger)["汇总"]
    col = [c.value for c in ws[1]].index("以案释法案例数") + 1
    cell = next(ws.cell(r, col) for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "区司法局")
    assert cell.value == 4 and cell.fill.fgColor.rgb.endswith("E2EFDA")  # a corrected figure shows as such
    summary = {r["单位"]: r for r in sheet_rows(ledger, "汇总")}
    assert summary["区财政局"]["问题数"] == 0 and "已排除" in summary["区财政局"]["问题摘要"]
    assert (out / "台账.上次.xlsx").read_bytes() == edited

    # a third run with nothing new keeps all of it
    check(inbox, roster, out)
    again = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert unit_of(again, "区司法局")["corrections"] == sfj["corrections"]
    assert unit_of(again, "区财政局")["findings"] == czj["findings"]
    assert next(f for f in again["files"] if f["path"] == "补充材料.docx")["assigned_unit"] == "区民政局"


def test_an_entry_that_matches_nothing_is_kept_and_shown(box, tmp_path):
    inbox, roster = box
    out = tmp_path / "输出"
    check(inbox, roster, out)
    clerk_edits(out / "台账.xlsx")
    wb = openpyxl.load_workbook(out / "台账.xlsx")
    wb["更正"].append(["区财政局", "集体学法", "两次半", "看不清"])  # no number: reported, not guessed
    wb["更正"].append(["区财政局", "办公经费", "5", ""])  # no such item
    wb.save(out / "台账.xlsx")
    (inbox / "财政局" / "2022年度普法工作总结.docx").unlink()  # its finding disappears with it
    docx_from_paragraphs(inbox / "财政局" / "2022年度普法工作总结（修改稿）.docx", report("财政局", 5, True))
    check(inbox, roster, out)

    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    unmatched = {(e["kind"], e["item"]): e for e in records["unmatched_review"]}
    assert set(unmatched) == {("核实", "no_new_media"), ("更正", "集体学法"), ("更正", "办公经费")}
    assert unmatched["核实", "no_new_media"]["note"] == MEDIA_REASON
    assert "不是一个数字" in unmatched["更正", "集体学法"]["why"]
    assert "不是“汇总”表中可更正的项目" in unmatched["更正", "办公经费"]["why"]
    assert unit_of(records, "区财政局")["fields"]["study_sessions"] == 3  # nothing guessed
    rows = sheet_rows(out / "台账.xlsx", "未匹配的核实记录")
    assert {(r["类型"], r["规则代码或项目"]) for r in rows} == set(unmatched)
    assert next(r for r in rows if r["类型"] == "核实")["说明"] == MEDIA_REASON

    check(inbox, roster, out)  # tried again, still kept
    again = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert {(e["kind"], e["item"]) for e in again["unmatched_review"]} == set(unmatched)
