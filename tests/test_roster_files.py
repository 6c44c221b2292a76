"""The roster as clerks keep it: .xlsx or .csv; one that cannot be used stops the run with one
Chinese line (exit 2) naming the headers found; every row kept literally or reported (issue 11)."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import cli
from tests.hostile_files import REPORT, encrypted_office, make_docx


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "收件箱"
    box.mkdir()
    make_docx(box / "区市场监督管理局履职报告.docx")
    return box


def run(inbox: Path, roster: Path, out: Path, capsys) -> tuple[int, str, dict]:
    code = cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    records = json.loads((out / "records.json").read_text(encoding="utf-8")) if (out / "records.json").exists() else {}
    return code, err, records


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_csv_roster_works_like_an_xlsx_one(inbox: Path, tmp_path: Path, capsys, encoding: str) -> None:
    roster = tmp_path / "名单.csv"
    roster.write_bytes("序号,单位名称,简称\n1,区市场监督管理局,市场监管局\n2,区统计局,\n".encode(encoding))
    code, err, records = run(inbox, roster, tmp_path / "out", capsys)
    assert code == 0, err
    assert records["roster"] == ["区市场监督管理局", "区统计局"] and records["missing_units"] == ["区统计局"]
    (f,) = records["files"]
    assert f["unit"] == "区市场监督管理局"


def test_roster_names_are_kept_literally_and_passed_over_rows_reported(inbox: Path, tmp_path: Path, capsys,
                                                                      caplog) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["序号", "单位名称"], ["一、行政执法部门", None], [1, "区市场监督管理局"],
                [2, '=HYPERLINK("http://x.cn","区财政局")'], [3, "Qingjiang Customs"], [4, "区市场监督管理局"]):
        ws.append(row)
    ws["B4"].data_type = "s"  # a text cell, as a clerk's paste leaves it: no formula
    wb.save(tmp_path / "名单.xlsx")
    code, err, records = run(inbox, tmp_path / "名单.xlsx", tmp_path / "out", capsys)
    assert code == 0
    assert records["roster"] == ["区市场监督管理局", '=HYPERLINK("http://x.cn","区财政局")', "Qingjiang Customs"]
    assert '=HYPERLINK("http://x.cn","区财政局")' in records["missing_units"]
    assert "名单中有 2 行未列为单位" in caplog.text and "一、行政执法部门" in caplog.text
    ledger = openpyxl.load_workbook(tmp_path / "out" / "台账.xlsx")
    cells = [c for row in ledger["未报送"].iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)  # shown as text, never as a formula


def one_line_refusal(code: int, err: str, out: Path) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 2 and len(lines) == 1, err
    assert not (out / "records.json").exists()
    return lines[0]


def test_a_roster_without_a_unit_column_stops_the_run(inbox: Path, tmp_path: Path, capsys) -> None:
    wb = openpyxl.Workbook()
    for row in (["序号", "联系人", "联系电话"], [1, "张三", "0000-1234567"], [2, "李四", "0000-7654321"]):
        wb.active.append(row)
    wb.save(tmp_path / "名单.xlsx")
    line = one_line_refusal(*run(inbox, tmp_path / "名单.xlsx", tmp_path / "out", capsys)[:2], tmp_path / "out")
    assert "找不到单位名称列" in line and "序号、联系人、联系电话" in line and "“单位名称”" in line


def test_an_encrypted_roster_stops_the_run_with_the_clerks_own_hint(inbox: Path, tmp_path: Path, capsys) -> None:
    roster = encrypted_office(tmp_path / "名单.xlsx")
    line = one_line_refusal(*run(inbox, roster, tmp_path / "out", capsys)[:2], tmp_path / "out")
    assert "设置了打开密码" in line and "取消密码" in line and "联系该单位" not in line


def test_a_docx_roster_stops_the_run(inbox: Path, tmp_path: Path, capsys) -> None:
    roster = make_docx(tmp_path / "名单.docx", ["单位名称", "区市场监督管理局"])
    line = one_line_refusal(*run(inbox, roster, tmp_path / "out", capsys)[:2], tmp_path / "out")
    assert "不是表格" in line and ".xlsx 或 .csv" in line
