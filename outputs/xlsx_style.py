"""Safe cell writing and the common look of every sheet we generate with XlsxWriter.

Safety: text from submissions (unit names, quotes, file names) is never a formula, a
link or a number. The workbook is made with XlsxWriter's string conversions off
(``WORKBOOK_OPTIONS``) and every str goes through ``write_string`` all the same; text
starting with ``= + - @``, tab or CR gets the quote prefix so Excel/WPS keep it literal
even when the clerk edits it. Characters XML forbids are stripped instead of crashing
the writer, and text is cut to what one Excel cell holds.

Looks: a cell's look is one of three bases (header, body, wrapped body) plus an optional
``Mark`` (a fill, bold, a number format) chosen by the sheet; ``Styles`` makes one
XlsxWriter format per combination in use.
"""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from outputs.text_width import display_width
from outputs.xlsx_print import set_row_heights

log = logging.getLogger(__name__)

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False, "in_memory": True}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # as openpyxl's
MAX_CELL_CHARS = 32767  # Excel's limit for one cell
MAX_WIDTH = 60
MIN_WIDTH = 6
PIXELS_PER_WIDTH = 7  # Calibri 11's digit: <col width="N"> is N * 7 pixels

ERROR_FILL = "#FFC7CE"    # light red
WARNING_FILL = "#FFEB9C"  # amber
HEADER_FILL = "#DDEBF7"   # light blue
BORDER_COLOUR = "#BFBFBF"

# A cell's extra look on top of its base, as XlsxWriter format properties (hashable).
Mark = tuple[tuple[str, Any], ...]


def fill(colour: str) -> Mark:
    return (("bg_color", colour), ("pattern", 1))


ERROR_MARK, WARNING_MARK = fill(ERROR_FILL), fill(WARNING_FILL)
SEVERITY_MARKS = {"error": ERROR_MARK, "warning": WARNING_MARK}
TOTAL_MARK: Mark = (("bold", True),)

HEADER, BODY, WRAP = "header", "body", "wrap"
_BORDER = {"border": 1, "border_color": BORDER_COLOUR}
_BASES: dict[str, dict[str, Any]] = {
    HEADER: {**_BORDER, "bold": True, "bg_color": HEADER_FILL, "pattern": 1,
             "align": "center", "valign": "vcenter", "text_wrap": True},
    BODY: {**_BORDER, "valign": "top"},
    WRAP: {**_BORDER, "valign": "top", "text_wrap": True},
}


class Styles:
    """The formats of one workbook, made on first use: (base, quote prefix, mark) -> Format."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._formats: dict[tuple[str, bool, Mark], Format] = {}

    def get(self, base: str, quote: bool = False, mark: Mark = ()) -> Format:
        key = (base, quote, mark)
        found = self._formats.get(key)
        if found is None:
            props = {**_BASES[base], **dict(mark)}
            if quote:
                props["quote_prefix"] = True
            found = self._formats[key] = self.wb.add_format(props)
        return found


def clean_text(text: str) -> str:
    """Drop characters XML cannot hold and cut to what one Excel cell takes."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def put(ws: Worksheet, styles: Styles, row: int, col: int, value: Any, base: str = BODY,
        mark: Mark = ()) -> None:
    """Write one value (0-based row and column): a number as a number, None or "" as a
    blank cell that keeps its look, anything else as literal text, never a formula."""
    if isinstance(value, str):
        text = clean_text(value)
    elif value is None:
        text = ""
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        ws.write_number(row, col, value, styles.get(base, False, mark))
        return
    else:
        text = clean_text(str(value))
    if text:
        ws.write_string(row, col, text, styles.get(base, text.startswith(FORMULA_TRIGGERS), mark))
    else:  # XlsxWriter would store "" as a string
        ws.write_blank(row, col, None, styles.get(base, False, mark))


def write_table(ws: Worksheet, styles: Styles, headers: Sequence[str],
                rows: Iterable[Sequence[Any]], marks: Mapping[tuple[int, int], Mark] | None = None,
                max_width: int | Sequence[int] = MAX_WIDTH) -> int:
    """Write a header row and data rows from A1, fitted and filtered; return the row count.

    ``marks`` gives some cells an extra look, keyed by (data row, column), both from 0;
    ``max_width`` caps every column (or each, given one per column): longer text wraps.
    """
    data = [list(values) for values in rows]
    caps = [max_width] * len(headers) if isinstance(max_width, int) else list(max_width)
    widths = [min(w, cap) for w, cap in zip(natural_widths(headers, data), caps)]
    wide = [natural > cap for natural, cap in zip(natural_widths(headers, data), caps)]
    marks = marks or {}
    for col, header in enumerate(headers):
        put(ws, styles, 0, col, header, HEADER)
    for row, values in enumerate(data):
        for col, value in enumerate(values):
            wrap = wide[col] or (isinstance(value, str) and "\n" in value)
            put(ws, styles, row + 1, col, value, WRAP if wrap else BODY, marks.get((row, col), ()))
    finish_sheet(ws, widths, len(data))
    set_row_heights(ws, headers, data, shown_widths(widths))
    return len(data)


def finish_sheet(ws: Worksheet, widths: Sequence[int], data_rows: int) -> None:
    """Freeze the header, filter over the data, set column widths (capped)."""
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, data_rows, max(len(widths), 1) - 1)
    for col, width in enumerate(shown_widths(widths)):
        # in pixels: set_column(width) would add XlsxWriter's 5-pixel padding to the width
        ws.set_column_pixels(col, col, width * PIXELS_PER_WIDTH)


def shown_widths(widths: Sequence[int]) -> list[int]:
    """The widths ``finish_sheet`` gives the columns (natural widths, capped)."""
    return [max(MIN_WIDTH, min(width, MAX_WIDTH)) for width in widths]


def natural_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Per column: the widest shown text plus a margin, before capping."""
    widths = [display_width(h) for h in headers]
    for values in rows:
        for col, value in enumerate(values):
            width = display_width(value if isinstance(value, str) else _shown(value))
            if width > widths[col]:
                widths[col] = width
    return [width + 2 for width in widths]


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)
