"""The roster is read with our own xlsx reader: the values openpyxl gives, a broken file a clean error."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from extractors.finders.units import RosterEntry
from extractors.roster import load_roster
from extractors.readers.xlsx import first_sheet_rows


def test_first_sheet_rows_are_openpyxls_values(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位名称", "简称/别名", "序号", "日期", "是否"])
    ws.append(["区市场监督管理局", "市场监管局、市监局", 1, dt.datetime(2022, 12, 1), True])
    ws.append([None, None, None])
    ws.append(["区民政局", None, 2.5])
    ws["H9"] = "远处的格子"
    wb.create_sheet("第二张").append(["不读"])
    wb.save(tmp_path / "名单.xlsx")
    expected = [r for r in openpyxl.load_workbook(tmp_path / "名单.xlsx", read_only=True, data_only=True)
                .worksheets[0].iter_rows(values_only=True) if any(v is not None for v in r)]
    got = first_sheet_rows(tmp_path / "名单.xlsx")
    assert [tuple(v for v in r) for r in got] == [r[:len(g)] for r, g in zip(expected, got)]
    assert all(v is None for r, g in zip(expected, got) for v in r[len(g):])
    assert load_roster(tmp_path / "名单.xlsx") == [RosterEntry("区市场监督管理局", ("市场监管局", "市监局")),
                                                 RosterEntry("区民政局")]


def test_a_broken_roster_is_a_plain_error(tmp_path: Path) -> None:
    bad = tmp_path / "名单.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValueError, match="名单文件“名单.xlsx”无法读取"):
        load_roster(bad)


def _roster(tmp_path: Path, rows: list[list], merge: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(tmp_path / "名单.xlsx")
    return tmp_path / "名单.xlsx"


def test_a_title_row_above_the_header_and_a_note_below_are_passed_over(tmp_path: Path) -> None:
    path = _roster(tmp_path, [
        ["某县2024年度“谁执法谁普法”履职评议单位名单"],
        ["序号", "单位性质", "责任单位", "简称", "普法联络员", "联系电话"],
        [1, "行政机关", "某县交通运输局", "县交通局、交通局", "张三", "0000-1234567"],
        [2, "司法机关", "某县人民法院", "", "李四", "0000-7654321"],
        ["注：名单经县普法领导小组审定，如有调整另行通知。"],
    ], merge="A1:F1")
    assert load_roster(path) == [RosterEntry("某县交通运输局", ("县交通局", "交通局")), RosterEntry("某县人民法院")]


def test_without_a_header_the_column_of_unit_names_is_taken(tmp_path: Path) -> None:
    path = _roster(tmp_path, [[1, "某区民政局", "王五"], [2, "某区司法局", "赵六"], [3, "某区街道办事处", "钱七"]])
    assert [e.name for e in load_roster(path)] == ["某区民政局", "某区司法局", "某区街道办事处"]


def test_a_one_column_roster_with_its_header(tmp_path: Path) -> None:
    path = _roster(tmp_path, [["单位名称"], ["某区市场监督管理局"], ["某区公安分局"]])
    assert [e.name for e in load_roster(path)] == ["某区市场监督管理局", "某区公安分局"]


def test_the_roster_sheet_is_found_after_a_notes_sheet_and_group_rows_are_passed_over(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填报说明"
    for line in ["填报说明", "1. 本表为某市2025年度评议单位名单。", "2. 名单见第二张工作表。"]:
        notes.append([line])
    ws = wb.create_sheet("评议单位名单")
    for r in [["某市评议单位名单"], ["序号", "单位名称", "简称", "联络科室"], ["一、行政执法部门（2家）"],
              [1, "某市市场监督管理局", "市监局", "法规科"], [2, "某市税务局", "税务局", "法制股"],
              ["二、司法机关（1家）"], [3, "某市人民法院", "法院", "研究室"]]:
        ws.append(r)
    wb.save(tmp_path / "名单.xlsx")
    assert [e.name for e in load_roster(tmp_path / "名单.xlsx")] == ["某市市场监督管理局", "某市税务局", "某市人民法院"]
