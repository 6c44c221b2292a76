"""Reading .xlsx cells as blocks located by sheet and cell reference.

openpyxl parses with defusedxml when it is installed (it is a dependency),
and the package is vetted by ``safezip`` before openpyxl opens it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .base import Block, UnreadableFile
from .safezip import open_zip

_MAX_CELLS = 200_000


def cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def read_xlsx(path: Path) -> tuple[list[Block], dict]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    open_zip(path).close()  # size/ratio/entry checks before openpyxl inflates anything
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises KeyError, ValueError, zipfile errors...
        raise UnreadableFile("corrupt", f"{type(e).__name__}: {e}") from None
    blocks: list[Block] = []
    try:
        for t, ws in enumerate(wb.worksheets, 1):
            for r, row in enumerate(ws.iter_rows(values_only=True)):
                for c, v in enumerate(row):
                    text = cell_text(v).strip()
                    if not text:
                        continue
                    blocks.append(Block(text, f"{ws.title}!{get_column_letter(c + 1)}{r + 1}",
                                        kind="cell", table=t, row=r, col=c))
                    if len(blocks) > _MAX_CELLS:
                        raise UnreadableFile("too_large", "too many cells")
        meta = {"sheets": [ws.title for ws in wb.worksheets]}
        props = wb.properties
        if props is not None and props.title:
            meta["title"] = props.title
    finally:
        wb.close()
    return blocks, meta
