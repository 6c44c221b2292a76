"""Reading the clerk's entries: a ledger that cannot be read stops the run before anything is
written (exit 2, one Chinese line); what the clerk types is read as a careful reader would."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

import cli
from forms.review import parse_value
from outputs.labels import RULE_TITLES
from outputs.review_read import field_key, rule_code
from tests import hostile_files as hf
from tests.makers import docx_from_paragraphs, xlsx_from_rows
from tests.test_review import report

needs_soffice = pytest.mark.skipif(hf.soffice() is None, reason="LibreOffice (soffice) not installed")


def snapshot(root: Path) -> dict[str, tuple[int, int, bytes]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size, p.read_bytes() if p.is_file() else b"")
            for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """An inbox, its roster and the output folder of a first check."""
    root = tmp_path_factory.mktemp("review-ledger")
    inbox = root / "收件箱"
    (inbox / "司法局").mkdir(parents=True)
    docx_from_paragraphs(inbox / "司法局" / "总结.docx", report("司法局", 3))
    roster = xlsx_from_rows(root / "名单.xlsx", [["单位名称"], ["区司法局"], ["区民政局"]])
    out = root / "输出"
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"]) == 0
    return inbox, roster, out


def _directory(ledger: Path, tmp: Path) -> None:  # how a locked file looks on Linux: it cannot be opened
    ledger.unlink()
    ledger.mkdir()


def _empty(ledger: Path, tmp: Path) -> None:
    ledger.write_bytes(b"")


def _truncated(ledger: Path, tmp: Path) -> None:
    ledger.write_bytes(ledger.read_bytes()[:3000])


def _html(ledger: Path, tmp: Path) -> None:  # WPS “另存为网页” under the old name
    ledger.write_text("<html><body><table><tr><td>单位</td></tr></table></body></html>", encoding="utf-8")


def _encrypted(ledger: Path, tmp: Path) -> None:
    hf.encrypted_office(ledger)


def _converted(target: str) -> object:
    def convert(ledger: Path, tmp: Path) -> None:
        made = hf.convert_with_soffice(ledger, target, tmp)
        ledger.write_bytes(made.read_bytes())
    return convert


def _open_in_excel(ledger: Path, tmp: Path) -> None:  # Excel and WPS keep a lock file beside it
    ledger.with_name("~$台账.xlsx").write_bytes(b"\x0bclerk" + b"\0" * 100)


def _open_in_libreoffice(ledger: Path, tmp: Path) -> None:
    ledger.with_name(".~lock.台账.xlsx#").write_text("clerk,host,/home/clerk,06.12.2026 09:30,", encoding="utf-8")


BAD = [
    ("directory", _directory, "请关闭台账.xlsx后重试"),
    ("open-excel", _open_in_excel, "请保存并关闭台账.xlsx后重试（若已关闭仍出现此提示，请删除输出文件夹中的 ~$台账.xlsx）"),
    ("open-libreoffice", _open_in_libreoffice, ".~lock.台账.xlsx#"),
    ("empty", _empty, "0字节"),
    ("truncated", _truncated, "已损坏"),
    ("html", _html, "另存为“Excel 工作簿（.xlsx）”"),
    ("encrypted", _encrypted, "设置了打开密码"),
    pytest.param("xls", _converted("xls"), "旧版 .xls/.et 格式", marks=needs_soffice),
    pytest.param("ods", _converted("ods"), "OpenDocument", marks=needs_soffice),
]


@pytest.mark.parametrize("name,spoil,says", BAD)
def test_an_unreadable_ledger_stops_the_run_and_nothing_is_written(checked, tmp_path, capsys, name, spoil, says):
    inbox, roster, first = checked
    out = tmp_path / "输出"
    shutil.copytree(first, out)
    spoil(out / "台账.xlsx", tmp_path)
    before = snapshot(out)
    capsys.readouterr()
    code = cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert says in err and "\n" not in err and err.startswith("未写出任何文件：")
    assert snapshot(out) == before


def test_a_missing_ledger_is_read_from_its_backup(checked, tmp_path):
    inbox, roster, first = checked
    out = tmp_path / "输出"
    shutil.copytree(first, out)
    wb = openpyxl.load_workbook(out / "台账.xlsx")
    wb["更正"]["A2"], wb["更正"]["B2"], wb["更正"]["C2"] = "区司法局", "cases_total", "四"
    wb.save(out / "台账.上次.xlsx")
    os.remove(out / "台账.xlsx")  # deleted by mistake
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"]) == 0
    wb = openpyxl.load_workbook(out / "台账.xlsx", read_only=True)
    assert list(wb["更正"].iter_rows(min_row=2, max_row=2, values_only=True)) == [("区司法局", "以案释法案例数", 4, None)]


@pytest.mark.parametrize("key,text,value", [
    ("cases_total", "4", 4), ("cases_total", "四", 4), ("cases_total", "四个", 4), ("cases_total", "十二件", 12),
    ("audience", "1.2万人次", 12000), ("activities", "0", 0), ("cases_total", "未提及", None),
    ("duty_list", "是", True), ("budget", "否", False), ("leading_group", "有", True),
    ("new_media", "微信公众号、抖音", ["微信公众号", "抖音"]), ("new_media", "无", []),
    ("sections", "基本情况，存在问题", ["基本情况", "存在问题"]),
    ("cases_by_quarter", "1、1、0、2", [1, 1, 0, 2]), ("date", "2022年11月30日", "2022-11-30"),
    ("date", "2022-12-10", "2022-12-10"), ("year", "2022", 2022),
])
def test_values_the_clerk_writes(key, text, value):
    assert parse_value(key, text) == value


@pytest.mark.parametrize("key,text,says", [
    ("cases_total", "两次半", "不是一个数字"), ("cases_total", "", "为空"), ("cases_total", "3-4", "不是一个数字"),
    ("duty_list", "大概有", "应填“是”或“否”"), ("new_media", "微信群", "不在可填的名称中"),
    ("cases_by_quarter", "1、2", "四个数字"), ("date", "去年底", "不是日期"), ("date", "2022-13-40", "不是日期"),
])
def test_values_that_are_reported_not_guessed(key, text, says):
    with pytest.raises(ValueError, match=says):
        parse_value(key, text)


@pytest.mark.parametrize("item,key", [
    ("以案释法案例数", "cases_total"), ("cases_total", "cases_total"), (" 集体学法(次) ", "study_sessions"),
    ("集体学法（次）", "study_sessions"), ("普法活动", "activities"), ("责任清单", "duty_list"),
    ("材料类型", None), ("单位", None), ("办公经费", None), ("", None),
])
def test_items_name_a_field_by_its_ledger_header_or_key(item, key):
    assert field_key(item) == key


def _sorted(review) -> list[list[str]]:
    return [sorted(map(repr, entries)) for entries in (review.assignments, review.corrections, review.verdicts)]


def test_the_memo_of_an_unsaved_ledger_holds_what_parsing_it_gives(checked, tmp_path):
    import json

    from outputs.review_memo import review_from_records
    from outputs.review_read import MEMO, _read, remembered

    inbox, roster, first = checked
    out = tmp_path / "输出"
    shutil.copytree(first, out)
    wb = openpyxl.load_workbook(out / "台账.xlsx")
    ws = wb["问题清单"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    rows = list(ws.iter_rows(min_row=2))
    rows[0][col["核实结果"]].value, rows[0][col["核实说明"]].value = "排除", "已电话核实"
    rows[-1][col["核实说明"]].value = "待核"  # a note without a verdict is kept too
    wb["更正"]["A2"], wb["更正"]["B2"], wb["更正"]["C2"] = "区司法局", "责任清单", "是"
    wb["更正"]["A3"], wb["更正"]["B3"], wb["更正"]["C3"] = "区司法局", "分季度案例", "1、2"  # unmatched
    wb.save(out / "台账.xlsx")
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"]) == 0

    ledger = out / "台账.xlsx"
    parsed = _read(ledger)
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert len(parsed.verdicts) == 2 and len(parsed.corrections) == 2
    assert _sorted(review_from_records(records)) == _sorted(parsed)
    assert (out / MEMO).is_file() and _sorted(remembered(out, ledger)) == _sorted(parsed)
    openpyxl.load_workbook(ledger).save(ledger)  # saved by the clerk, nothing changed: parsed again
    assert remembered(out, ledger) is None



@pytest.mark.parametrize("code", sorted(RULE_TITLES))
def test_every_rule_name_the_ledger_shows_is_read_back_as_its_code(code):
    assert rule_code(RULE_TITLES[code]) == code and rule_code(code) == code
