"""Safe cell writing and the common look of every sheet we generate with openpyxl.

Safety: text from submissions (unit names, quotes, file names) is never written as
a formula. openpyxl turns any str starting with ``=`` into a formula cell, so we
force the string type afterwards, and give text starting with ``= + - @``, tab or
CR the quote prefix so Excel/WPS keep it literal even when the clerk edits it.
Characters XML forbids are stripped instead of crashing the writer.
"""
from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Sequence
from copy import copy
from functools import lru_cache
from weakref import WeakKeyDictionary
from typing import Any

from openpyxl.cell.cell import Cell, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
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
TOTAL_FONT = Font(bold=True)
_THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_STYLE, BODY_STYLE, WRAP_STYLE = "台账表头", "台账正文", "台账换行"


def clean_text(text: str) -> str:
    """Drop characters XML cannot hold and cut to what one Excel cell takes."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def put(ws: Worksheet, row: int, col: int, value: Any, style: str | None = None) -> Cell:
    """Write one value; a str always lands as literal text, never as a formula."""
    cell = ws.cell(row=row, column=col)
    if style:
        # what ``cell.style = style`` does (a copy of the named style's array), without the
        # two searches through the workbook's style names it makes for every cell
        cell._style = copy(_named_style(ws.parent, style).as_tuple())
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
    """Write a header row and data rows from A1, fitted and filtered; return the row count."""
    data = [list(values) for values in rows]
    widths = natural_widths(headers, data)
    _add_named_styles(ws.parent)
    for col, header in enumerate(headers, start=1):
        put(ws, 1, col, header, HEADER_STYLE)
    for row, values in enumerate(data, start=2):
        for col, value in enumerate(values, start=1):
            wrap = widths[col - 1] > MAX_WIDTH or (isinstance(value, str) and "\n" in value)
            put(ws, row, col, value, WRAP_STYLE if wrap else BODY_STYLE)
    finish_sheet(ws, widths)
    return len(data)


def finish_sheet(ws: Worksheet, widths: Sequence[int]) -> None:
    """Freeze the header, filter over the data, set column widths (capped)."""
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(widths), 1))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(MIN_WIDTH, min(width, MAX_WIDTH))


def natural_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Per column: the widest shown text plus a margin, before capping."""
    widths = [display_width(h) + 2 for h in headers]
    for values in rows:
        for col, value in enumerate(values):
            widths[col] = max(widths[col], display_width(_shown(value)) + 2)
    return widths


_NAMED: WeakKeyDictionary[Workbook, dict[str, NamedStyle]] = WeakKeyDictionary()


def _named_style(wb: Workbook, name: str) -> NamedStyle:
    found = _NAMED.setdefault(wb, {})
    if name not in found:
        found[name] = wb._named_styles[name]
    return found[name]


@lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Width of the longest line, east-asian wide/full-width characters counting 2."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _add_named_styles(wb: Workbook) -> None:
    """Register the header/body/wrap styles once per workbook (shown in Excel's style list)."""
    for name, kw in ((HEADER_STYLE, {"font": Font(bold=True), "fill": HEADER_FILL,
                                     "alignment": Alignment(horizontal="center", vertical="center",
                                                            wrap_text=True)}),
                     (BODY_STYLE, {"alignment": Alignment(vertical="top")}),
                     (WRAP_STYLE, {"alignment": Alignment(vertical="top", wrap_text=True)})):
        if name not in wb.named_styles:
            wb.add_named_style(NamedStyle(name=name, border=BORDER, **kw))


def fill_row(ws: Worksheet, row: int, ncols: int, fill: PatternFill) -> None:
    for col in range(1, ncols + 1):
        ws.cell(row=row, column=col).fill = fill


