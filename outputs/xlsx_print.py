"""How every ledger sheet prints, and row heights that show wrapped text whole.

``apply_print_layout(wb, title)`` gives every worksheet of the workbook the same page
setup (landscape A4, all columns on one page wide, the header row repeated, the title
in the page header and “第 N 页，共 M 页” in the footer); it runs once, just before the
workbook is closed, so a sheet added by any writer gets it without asking.

XlsxWriter does not autofit heights and LibreOffice/WPS keep a row one line high, which
cuts wrapped text: ``row_heights`` works out each row's height from its longest wrapped
cell, counting CJK characters as two width units.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from outputs.text_width import display_width

A4 = 9  # XlsxWriter's paper code
LINE_PT = 15.0  # one line of 11-point text (CJK faces included) with its leading
PADDING_PT = 3.0  # space above and below the text in a row
WIDTH_MARGIN = 1  # width units a cell's padding takes from its text


def apply_print_layout(wb: Workbook, title: str) -> None:
    """Landscape A4, one page wide, header row repeated, title and page numbers: every sheet."""
    for ws in wb.worksheets():
        print_layout(ws, title)


def print_layout(ws: Worksheet, title: str, header_rows: int = 1) -> None:
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)  # as wide as one page, as many pages long as it takes
    if header_rows and not ws.is_chartsheet:
        ws.repeat_rows(0, header_rows - 1)
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    ws.set_header(f"&C&\"-,Bold\"{_escape(title)}（&A）")
    ws.set_footer("&C第 &P 页，共 &N 页")
    ws.center_horizontally()


def _escape(text: str) -> str:
    """``&`` starts a control code in Excel headers and footers."""
    return text.replace("&", "&&")


def lines_in(text: str, width: int) -> int:
    """How many lines ``text`` takes in a column ``width`` units wide (wide characters 2)."""
    room = max(1, width - WIDTH_MARGIN)
    return sum(max(1, math.ceil(display_width(line) / room)) for line in text.split("\n"))


def row_height(values: Sequence[Any], widths: Sequence[int]) -> float | None:
    """Points for a row whose tallest cell wraps to several lines; None: one line will do."""
    lines = max((lines_in(v, w) for v, w in zip(values, widths) if isinstance(v, str)), default=1)
    return None if lines <= 1 else round(lines * LINE_PT + PADDING_PT, 1)


def set_row_heights(ws: Worksheet, header: Sequence[str], rows: Sequence[Sequence[Any]],
                    widths: Sequence[int], first_row: int = 0) -> None:
    """Each row (header first, at ``first_row``) as high as its longest wrapped cell."""
    for i, values in enumerate([list(header), *rows]):
        height = row_height(values, widths)
        if height is not None:
            ws.set_row(first_row + i, height)
