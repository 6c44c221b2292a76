"""The clerk's part of 台账.xlsx (SPEC §9), written back from the records every run.

问题清单 gets 核实结果 (a drop-down: 属实 / 排除) and 核实说明; 文件 gets 归属单位（人工）;
the sheet 更正 lists the corrections in force and leaves empty rows for new ones; entries
that matched nothing in this run are kept in 未匹配的核实记录, to be tried again next run.
``outputs.review_read`` reads all of these back, by header text.
"""
from __future__ import annotations

from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from model import CONFIRMED, DISMISSED
from outputs.labels import FIELD_HEADERS
from outputs.review_read import (ASSIGNED, CORRECTION_HEADERS, CORRECTIONS, NOTE, RESULT, UNMATCHED,
                                 UNMATCHED_HEADERS, correction_rows)
from outputs.xlsx_style import (MAX_WIDTH, PIXELS_PER_WIDTH, WARNING_MARK, Mark, Styles, fill, natural_widths,
                                 write_table)

VERDICT_HEADERS = (RESULT, NOTE)
VERDICT_CAPS, ASSIGNED_CAP = (10, 30), 24  # column widths past which text wraps
DISMISSED_NAME = "已排除"
DISMISSED_MARK: Mark = fill("#D9D9D9") + (("font_color", "#595959"),)
CORRECTED_MARK: Mark = fill("#E2EFDA")  # light green: a value the clerk gave
BLANK_ROWS = 30  # empty, formatted 更正 rows for the clerk
CHOICES_FROM = 500  # rows given the drop-down beyond the data, so a pasted row has it too
ROOM = (20, 18, 12, 40)  # 更正 column widths to type into (单位, 项目, 更正值, 说明)
CORRECTION_HINTS = ("单位名称，与“汇总”表一致。", "“汇总”表的栏目名，如“以案释法案例数”。",
                    "数字（4 或 四个）、是/否，多项用顿号分隔；填“未提及”为清空。",
                    "更正的理由；下次运行检查时生效。")


def verdict_cells(finding: dict[str, Any]) -> tuple[str, str]:
    """核实结果 and 核实说明 of a finding's row."""
    result = DISMISSED if finding.get("dismissed") else CONFIRMED if finding.get("confirmed") else ""
    return result, finding.get("reason") or ""


def add_verdict_choices(ws: Worksheet, col: int, rows: int) -> None:
    """The 属实 / 排除 drop-down on 核实结果 (column ``col``, 0-based) of every data row."""
    ws.data_validation(1, col, max(rows, 1) + CHOICES_FROM, col, {
        "validate": "list", "source": [CONFIRMED, DISMISSED],
        "input_title": "核实结果", "input_message": "选择“属实”或“排除”，并在“核实说明”中写明理由。",
        "error_title": "核实结果", "error_message": "请选择“属实”或“排除”。"})


def corrected_marks(unit: dict[str, Any], keys: list[str], row: int,
                    marks: dict[tuple[int, int], Mark]) -> dict[tuple[int, int], Mark]:
    """汇总 cells the clerk corrected and no finding colours: filled green, so a corrected figure
    is told from a read one."""
    cells = {(row, keys.index(c["field"])) for c in unit.get("corrections") or [] if c.get("field") in keys}
    return {cell: CORRECTED_MARK for cell in cells if cell not in marks}


def assigned_cell(file: dict[str, Any]) -> str:
    return file.get("assigned_unit") or ""


def add_unit_choices(ws: Worksheet, col: int, rows: int, units: int, extra: dict[str, str] | None = None) -> None:
    """A drop-down of the ledger's units (汇总 column A) on column ``col``; other names are
    allowed after a warning (an abbreviation the roster knows)."""
    if units:
        ws.data_validation(1, col, rows + CHOICES_FROM, col, {
            "validate": "list", "source": f"='汇总'!$A$2:$A${units + 1}", "error_type": "warning",
            "error_title": "单位", "error_message": "这个单位不在“汇总”表中，仍要填写吗？", **(extra or {})})


def write_corrections(ws: Worksheet, styles: Styles, records: dict[str, Any], units: int) -> None:
    """更正: the corrections in force, then empty formatted rows with room to type, a drop-down
    of 项目 and of 单位, and a one-line hint on each column (shown as the clerk types)."""
    rows = correction_rows(records)
    write_table(ws, styles, CORRECTION_HEADERS, rows + [("",) * 4] * BLANK_ROWS)
    last = len(rows) + BLANK_ROWS
    for col, width in enumerate(natural_widths(CORRECTION_HEADERS, rows)):
        ws.set_column_pixels(col, col, min(max(width, ROOM[col]), MAX_WIDTH) * PIXELS_PER_WIDTH)
    labels = [label for key, label in FIELD_HEADERS.items() if key != "doc_type"]
    ws.data_validation(1, 1, last + CHOICES_FROM, 1, {
        "validate": "list", "source": labels, "error_type": "warning", **_hint(1),
        "error_title": "项目", "error_message": "请填写“汇总”表中的栏目名（如“以案释法案例数”），仍要填写吗？"})
    add_unit_choices(ws, 0, last, units, _hint(0))
    for col in (2, 3):
        ws.data_validation(1, col, last + CHOICES_FROM, col, {"validate": "any", **_hint(col)})


def _hint(col: int) -> dict[str, str]:
    return {"input_title": CORRECTION_HEADERS[col], "input_message": CORRECTION_HINTS[col]}


def write_unmatched(wb: Workbook, styles: Styles, records: dict[str, Any]) -> None:
    """未匹配的核实记录, only when some entry matched nothing: kept and tried again next run."""
    entries = records.get("unmatched_review") or []
    if not entries:
        return
    keys = ("kind", "unit", "item", "file", "message", "value", "note", "why")
    rows = [tuple(e.get(k) or "" for k in keys) for e in entries]
    marks = {(i, len(keys) - 1): WARNING_MARK for i in range(len(rows))}
    write_table(wb.add_worksheet(UNMATCHED), styles, UNMATCHED_HEADERS, rows, marks)


def add_correction_sheet(wb: Workbook, styles: Styles, records: dict[str, Any], units: int) -> None:
    write_corrections(wb.add_worksheet(CORRECTIONS), styles, records, units)

