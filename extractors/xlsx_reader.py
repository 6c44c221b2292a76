"""Reading .xlsx cells as blocks located by sheet and cell reference.

openpyxl parses with defusedxml when it is installed (it is a dependency),
and the package is vetted by ``safezip`` before openpyxl opens it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .base import Block, UnreadableFile
from .safezip import open_zip, read_member
from .xmlsafe import refuse_dtds

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

    with open_zip(path) as zf:  # size/ratio/entry checks before openpyxl inflates anything
        refuse_dtds(zf, read_member)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises KeyError, ValueError, zipfile errors...
        raise _unreadable(e) from None
    blocks: list[Block] = []
    try:
        _read_sheets(wb, blocks)
    except UnreadableFile:
        raise
    except Exception as e:  # sheets are parsed lazily in read-only mode
        raise _unreadable(e) from None
    finally:
        wb.close()
    meta = {"sheets": [ws.title for ws in wb.worksheets]}
    return blocks, meta


def _unreadable(e: Exception) -> UnreadableFile:
    from defusedxml import DefusedXmlException

    if isinstance(e, DefusedXmlException):
        return UnreadableFile("unsafe_content", f"{type(e).__name__}")
    return UnreadableFile("corrupt", f"{type(e).__name__}: {e}")


def _read_sheets(wb, blocks: list[Block]) -> None:
    from openpyxl.utils import get_column_letter

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
