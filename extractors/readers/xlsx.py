"""Reading .xlsx cells as blocks located by sheet and cell reference.

The package is vetted by ``safezip`` and its parts are parsed with lxml
without DTDs or entities (``xmlsafe``), streaming each sheet row by row.
Reading the SpreadsheetML directly gives the same values openpyxl's
``data_only`` read-only mode gives (shared and inline strings, cached
formula results, booleans, dates by their number format) in a tenth of the
time: openpyxl builds the whole style sheet and scans every sheet twice.
"""
from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from lxml import etree

from model import Block, UnreadableFile
from .safezip import open_zip, read_member
from .xmlsafe import check_no_dtd, parse_xml, refuse_dtds

_MAX_CELLS = 200_000
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ROW, _C, _V, _IS = f"{{{NS}}}row", f"{{{NS}}}c", f"{{{NS}}}v", f"{{{NS}}}is"
_T, _R, _RPH = f"{{{NS}}}t", f"{{{NS}}}r", f"{{{NS}}}rPh"
_SHEET_DATA = f"{{{NS}}}sheetData"
_TREE_BYTES = 2 << 20  # a sheet part up to this size is parsed whole (its tree takes ~10× that)
_REF_LETTERS = re.compile(r"^\$?([A-Za-z]{1,3})\$?$")
_DIGITS = "0123456789"


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


@lru_cache(maxsize=4096)
def column_letter(col: int) -> str:
    """1 → A, 27 → AA."""
    s = ""
    while col > 0:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


@lru_cache(maxsize=4096)
def _ref_column(letters: str) -> int | None:
    """Column of a cell reference's letters (``A``, ``$AB$``), None when it is not one."""
    m = _REF_LETTERS.match(letters)
    return _column_index(m.group(1)) if m else None


def rich_text(el: etree._Element) -> str:
    """Text of a string item (``si``/``is``): plain and run text, phonetic hints left out."""
    if len(el) == 1 and el[0].tag == _T:  # most items: one plain text
        return el[0].text or ""
    parts = []
    for child in el:
        if child.tag == _T:
            parts.append(child.text or "")
        elif child.tag == _R:
            parts.extend(t.text or "" for t in child.iter(_T))
    return "".join(parts)


Reader = Callable[[zipfile.ZipFile, str], bytes]


class _ReadOnce:
    """``read_member`` that keeps what the DTD check read for the one parse that follows it:
    each part is inflated once, not twice (beyond ``_KEEP_BYTES`` in all, parts are read again)."""

    _KEEP_BYTES = 16 << 20

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}
        self.room = self._KEEP_BYTES

    def __call__(self, zf: zipfile.ZipFile, name: str) -> bytes:
        data = self.kept.pop(name, None)
        if data is not None:
            self.room += len(data)
            return data
        data = read_member(zf, name)
        if len(data) <= self.room:
            self.kept[name] = data
            self.room -= len(data)
        return data


class _Book:
    """What the cells of every sheet need: shared strings, date styles, the epoch."""

    def __init__(self, zf: zipfile.ZipFile, read: Reader = read_member) -> None:
        names = set(zf.namelist())
        wb = parse_xml(read(zf, "xl/workbook.xml"), "workbook.xml")
        pr = wb.find(f"{{{NS}}}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904", "0") in ("1", "true")
        rels = _rels(zf, "xl/_rels/workbook.xml.rels", names, read)
        self.sheets = []  # (title, part) of the worksheets, chart sheets left out
        for s in wb.iter(f"{{{NS}}}sheet"):
            kind, part = rels.get(s.get(f"{{{REL}}}id", ""), ("", ""))
            if kind.endswith("/worksheet") and part in names:
                self.sheets.append((s.get("name", ""), part))
        self.strings = _shared_strings(zf, names, read)
        self.date_styles, self.timedelta_styles = _date_styles(zf, names, read)

    def number(self, text: str, style: int) -> object:
        value: float | int = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        if style not in self.date_styles:
            return value
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        epoch = CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900
        try:
            return from_excel(value, epoch, timedelta=style in self.timedelta_styles)
        except (OverflowError, ValueError):
            return "#VALUE!"


def _rels(zf: zipfile.ZipFile, name: str, names: set[str], read: Reader) -> dict[str, tuple[str, str]]:
    if name not in names:
        return {}
    base = posixpath.dirname(posixpath.dirname(name))
    out = {}
    for rel in parse_xml(read(zf, name), name).iter(f"{{{PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return out


def _shared_strings(zf: zipfile.ZipFile, names: set[str], read: Reader) -> list[str]:
    part = "xl/sharedStrings.xml"
    if part not in names:
        return []
    root = parse_xml(read(zf, part), part)
    return [rich_text(si).replace("x005F_", "") for si in root.iterchildren(f"{{{NS}}}si")]


def _date_styles(zf: zipfile.ZipFile, names: set[str], read: Reader) -> tuple[set[int], set[int]]:
    """Indexes of the cell styles whose number format is a date (or a duration), as openpyxl decides."""
    part = "xl/styles.xml"
    if part not in names:
        return set(), set()
    root = parse_xml(read(zf, part), part)
    custom = {int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{{{NS}}}numFmt")}
    xfs = root.find(f"{{{NS}}}cellXfs")
    ids = [int(x.get("numFmtId", "0") or 0) for x in xfs.iterchildren(f"{{{NS}}}xf")] if xfs is not None else []
    if not any(i in custom or 14 <= i <= 22 or 45 <= i <= 47 for i in ids):
        return set(), set()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    fmts = [custom.get(i) or BUILTIN_FORMATS.get(i) for i in ids]
    return ({k for k, f in enumerate(fmts) if is_date_format(f)},
            {k for k, f in enumerate(fmts) if is_timedelta_format(f)})


def _value_text(c: etree._Element) -> str | None:
    for child in c:  # findtext(_V) without the path lookup, once per cell
        if child.tag == _V:
            return child.text or ""
    return None


def _cell_value(c: etree._Element, book: _Book) -> object:
    kind = c.get("t", "n")
    if kind == "s":  # most cells: a shared string
        text = _value_text(c)
        try:
            return book.strings[int(text)] if text else None
        except (ValueError, IndexError):
            raise UnreadableFile("corrupt", f"bad cell value {text!r}") from None
    if kind == "inlineStr":
        inline = c.find(_IS)
        return rich_text(inline) if inline is not None else None
    text = _value_text(c) or None
    if text is None:
        return None
    try:
        if kind == "n":
            return book.number(text, int(c.get("s", "0") or 0))
        if kind == "s":
            return book.strings[int(text)]
        if kind == "b":
            return bool(int(text))
    except (ValueError, IndexError):
        raise UnreadableFile("corrupt", f"bad cell value {text!r}") from None
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(text)
    return text  # str (formula result), e (error)


def _sheet_blocks(data: bytes, title: str, t: int, book: _Book, blocks: list[Block]) -> None:
    """Append the sheet's non-empty cells as blocks. A sheet below ``_TREE_BYTES`` is parsed whole
    (20% faster than streaming), a larger one row by row, each row dropped once read."""
    if len(data) <= _TREE_BYTES:
        sheet_data = parse_xml(data, title).find(_SHEET_DATA)
        if sheet_data is not None:
            _cells_to_blocks(sheet_data.iterchildren(_ROW), title, t, book, blocks)
        return
    check_no_dtd(data, title)
    try:
        rows = etree.iterparse(io.BytesIO(data), events=("end",), tag=_ROW, resolve_entities=False,
                               no_network=True, load_dtd=False, huge_tree=False)
        _cells_to_blocks((_dropping_previous(row) for _, row in rows), title, t, book, blocks)
    except etree.XMLSyntaxError as e:
        raise UnreadableFile("corrupt", f"{title}: {e}") from None


def _dropping_previous(row: etree._Element) -> etree._Element:
    """The row, the rows parsed before it freed (streaming keeps memory flat)."""
    while row.getprevious() is not None:
        del row.getparent()[0]
    return row


def _cells_to_blocks(rows: Iterable[etree._Element], title: str, t: int, book: _Book,
                     blocks: list[Block]) -> None:
    row_no = 0
    append, strings = blocks.append, book.strings
    for row in rows:
        row_no = int(row.get("r") or row_no + 1)
        digits = str(row_no)
        col = 0
        for c in row.iterchildren(_C):
            ref = c.get("r", "")
            letters = ref.rstrip(_DIGITS)
            col = (_ref_column(letters) if len(letters) < len(ref) else None) or col + 1
            kind = c.get("t")
            if kind == "s":  # most cells: a shared string (the checks of _cell_value, inlined)
                index = _value_text(c)
                try:
                    value = strings[int(index)] if index else None
                except (ValueError, IndexError):
                    raise UnreadableFile("corrupt", f"bad cell value {index!r}") from None
            elif kind == "inlineStr" and len(c) and c[0].tag == _IS:
                value = rich_text(c[0])
            else:
                value = _cell_value(c, book)
            text = (value if type(value) is str else cell_text(value)).strip()
            if text:  # the reference as written when it is this row's, in capitals (A1), else rebuilt
                where = ref if ref.isupper() and ref[len(letters):] == digits else f"{column_letter(col)}{row_no}"
                append(Block(text, f"{title}!{where}", "cell", None, t, row_no - 1, col - 1))
        if len(blocks) > _MAX_CELLS:
            raise UnreadableFile("too_large", "too many cells")
        row.clear()


def first_sheet_rows(path: Path) -> list[tuple[object, ...]]:
    """The values of the first worksheet's rows, as openpyxl's ``iter_rows(values_only=True)``
    gives them (``None`` for an empty cell), rows that hold nothing left out."""
    sheets = sheet_rows(path, limit=1)
    return sheets[0][1] if sheets else []


def sheet_rows(path: Path, limit: int = 32) -> list[tuple[str, list[tuple[object, ...]]]]:
    """(title, rows) of the first ``limit`` worksheets, rows as ``first_sheet_rows`` gives them."""
    with open_zip(path) as zf:
        read = _ReadOnce()
        refuse_dtds(zf, read)
        if "xl/workbook.xml" not in set(zf.namelist()):
            raise UnreadableFile("corrupt", "no xl/workbook.xml")
        book = _Book(zf, read)
        parts = [(title, read(zf, part)) for title, part in book.sheets[:limit]]
    return [(title, _rows(data, title, book)) for title, data in parts]


def _rows(data: bytes, title: str, book: _Book) -> list[tuple[object, ...]]:
    check_no_dtd(data, title)
    rows: list[tuple[object, ...]] = []
    try:
        for _, row in etree.iterparse(io.BytesIO(data), events=("end",), tag=_ROW, resolve_entities=False,
                                      no_network=True, load_dtd=False, huge_tree=False):
            values: dict[int, object] = {}
            col = 0
            for c in row.iterchildren(_C):
                ref = c.get("r", "")
                letters = ref.rstrip(_DIGITS)
                col = (_ref_column(letters) if len(letters) < len(ref) else None) or col + 1
                values[col] = _cell_value(c, book)
            if any(v is not None for v in values.values()):
                rows.append(tuple(values.get(k) for k in range(1, max(values) + 1)))
            row.clear()
    except etree.XMLSyntaxError as e:
        raise UnreadableFile("corrupt", f"{title}: {e}") from None
    return rows


def read_xlsx(path: Path) -> tuple[list[Block], dict]:
    with open_zip(path) as zf:
        read = _ReadOnce()
        refuse_dtds(zf, read)  # any part, as before: a DTD anywhere is refused
        if "xl/workbook.xml" not in set(zf.namelist()):
            raise UnreadableFile("corrupt", "no xl/workbook.xml")
        book = _Book(zf, read)
        blocks: list[Block] = []
        for t, (title, part) in enumerate(book.sheets, 1):
            _sheet_blocks(read(zf, part), title, t, book, blocks)
    return blocks, {"sheets": [title for title, _ in book.sheets]}
