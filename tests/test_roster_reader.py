"""The roster is read with our own xlsx reader: the values openpyxl gives, a broken file a clean error."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from extractors.units import RosterEntry, load_roster
from extractors.xlsx_reader import first_sheet_rows


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
