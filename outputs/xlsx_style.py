"""Safe cell writing and the common look of every sheet we generate with openpyxl.

Safety: text from submissions (unit names, quotes, file names) is never written as
a formula. openpyxl turns any str starting with ``=`` into a formula cell, so we
force the string type afterwards, and give text starting with ``= + - @``, tab or
CR the quote prefix so Excel/WPS keep it literal even when the clerk edits it.
Characters XML forbids are stripped instead of crashing the writer.
"""
from __future__ import annotations

import logging
import os
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767  # Excel's limit for one cell
MAX_WIDTH = 60
MIN_WIDTH = 6

ERROR_FILL = PatternFill(fill_type="solid", fgColor="FFC7CE")    # light red
WARNING_FILL = PatternFill(fill_type="solid", fgColor="FFEB9C")  # amber
HEADER_FILL = PatternFill(fill_type="solid", fgColor="DDEBF7")   # light blue
SEVERITY_FILLS = {"error": ERROR_FILL, "warning": WARNING_FILL}
HEADER_FONT = Font(bold=True)
TOTAL_FONT = Font(bold=True)
_THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def clean_text(text: str) -> str:
    """Drop characters XML cannot hold and cut to what one Excel cell takes."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def put(ws: Worksheet, row: int, col: int, value: Any) -> Cell:
    """Write one value; a str always lands as literal text, never as a formula."""
    cell = ws.cell(row=row, column=col)
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        cell.value = value
        return cell
    text = clean_text(value if isinstance(value, str) else str(value))
    cell.value = text  # openpyxl marks "=..." as a formula here ...
    cell.data_type = "s"  # ... so force the string type back
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    return cell


def write_table(ws: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header row and data rows from A1; return the number of data rows."""
    for col, header in enumerate(headers, start=1):
        cell = put(ws, 1, col, header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    count = 0
    for count, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            cell = put(ws, count + 1, col, value)
            cell.border = BORDER
            cell.alignment = WRAP if isinstance(cell.value, str) and "\n" in cell.value else TOP
    finish_sheet(ws, len(headers))
    return count


def finish_sheet(ws: Worksheet, ncols: int) -> None:
    """Freeze the header, filter over the data, fit widths to Chinese text."""
    ws.freeze_panes = "A2"
    last = get_column_letter(max(ncols, 1))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
    for col in range(1, ncols + 1):
        fit_column(ws, col)


def display_width(text: str) -> int:
    """Width of the longest line, east-asian wide/full-width characters counting 2."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def fit_column(ws: Worksheet, col: int) -> None:
    """Set the column width from its longest text; wrap the column when it is capped."""
    cells = [row[0] for row in ws.iter_rows(min_col=col, max_col=col)]
    widest = max((display_width(_shown(c.value)) for c in cells), default=0)
    ws.column_dimensions[get_column_letter(col)].width = max(MIN_WIDTH, min(widest + 2, MAX_WIDTH))
    if widest + 2 > MAX_WIDTH:
        for cell in cells[1:]:
            cell.alignment = WRAP


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def fill_row(ws: Worksheet, row: int, ncols: int, fill: PatternFill) -> None:
    for col in range(1, ncols + 1):
        ws.cell(row=row, column=col).fill = fill


def save_atomic(wb: Workbook, path: Path) -> Path:
    """Save to a temp file in the target folder, then rename over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A fresh name (not mkstemp) so the file gets the usual permissions, not 0600.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.debug("wrote %s", path)
    return path
