"""Reading text PDFs: pypdfium2 for speed, pdfplumber as a second opinion.

pypdfium2 is ~20x faster than pdfplumber here (PITFALLS: PDF); its output is
scored and a page whose text is mostly replacement or control characters
(a Chinese font without ToUnicode) is not trusted. Lines are joined back
into paragraphs: a line that fills the text width continues on the next.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from model import Block, UnreadableFile
from .textcheck import looks_like_language
from .pdf_layout import Chars, Para, lines_of, page_chars, paragraphs

log = logging.getLogger(__name__)

_PAGE_NO = re.compile(r"^[\s—\-－–―]*(第?\s*\d+\s*页?(\s*[/／共]\s*\d+\s*页?)?)[\s—\-－–―]*$")
_HEAD = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)"
                   r"|第[一二三四五六七八九十]+[部分章节条]|【)")
_END = "。！？；：…”』」）)"
_MAX_PAGES = 2000


def text_quality(text: str) -> float:
    """Share of characters that are plausible text (CJK, ASCII, punctuation)."""
    chars = len("".join(text.split()))  # the characters that are not white space
    if not chars:
        return 0.0
    if "(cid:" in text:
        return 0.0
    return (chars - len(_IMPLAUSIBLE.findall(text))) / chars


# what _plausible rejects, white space aside (\t\n\v\f\r and \x1c-\x1f are white space)
_IMPLAUSIBLE = re.compile("[\x00-\x08\x0e-\x1b\ufffd\ue000-\uf8ff]")
_WIDE = re.compile("[\u2e81-\U0010ffff]")


def _plausible(c: str) -> bool:
    o = ord(c)
    if c == "\ufffd" or o < 32 or 0xE000 <= o <= 0xF8FF:
        return False
    return True


def join_lines(lines: list[str]) -> list[str]:
    """Rebuild paragraphs from the lines of one page."""
    lines = [ln.rstrip() for ln in lines]
    lines = [ln for ln in lines if ln.strip() and not _PAGE_NO.match(ln)]
    if not lines:
        return []
    full = max(_width(ln) for ln in lines)
    paras: list[str] = []
    cur = ""
    for ln in lines:
        if cur and _HEAD.match(ln):
            paras.append(cur)
            cur = ""
        cur += ln.strip() if not cur else ln.strip()
        if _width(ln) < full - 2.5 or ln.rstrip().endswith(tuple(_END)) and _width(ln) < full - 0.5:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return paras


def _width(s: str) -> float:
    """Width in em: CJK characters 1, the rest ½ (exact: sums of halves)."""
    t = s.strip()
    return 0.5 * len(t) + 0.5 * len(_WIDE.findall(t))


def read_pdf(path: Path) -> tuple[list[Block], dict]:
    pages, scanned, meta = _layout_pages(path)
    whole = "".join(_page_text(page) for page in pages)
    if text_quality(whole) < 0.9 or not looks_like_language(whole):
        log.info("%s: pdfium text looks garbled, trying pdfplumber", path)
        plumber = _plumber_pages(path)
        if plumber:
            pages = [[Para(t, True, True) for t in join_lines(text.split("\n"))] for text in plumber]
    texts = [_page_text(page) for page in pages]
    # PITFALLS: fonts without ToUnicode give odd characters, or glyph numbers that read as symbols
    garbled = {i for i, t in enumerate(texts) if t.strip() and (text_quality(t) < 0.9 or not looks_like_language(t))}
    need_ocr = sorted({i for i in scanned if not _has_text(texts[i])} | garbled)
    if need_ocr:
        found = _ocr_pages(path, need_ocr, meta, nothing_else=not any(_has_text(t) for t in texts))
        for i in garbled - set(found):
            pages[i] = []  # garbage is no text: the page counts as unread, like a scan without OCR
        for i, paras in found.items():
            pages[i] = [Para(t, True, True) for t in paras]
    blocks = _join_pages(pages)
    meta["text_pages"] = len({b.page for b in blocks})
    return blocks, meta


def _layout_pages(path: Path) -> tuple[list[list[Para]], list[int], dict]:
    """Each page's paragraphs, the pages that look like scans, and the document's metadata."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg or "security" in msg:
            raise UnreadableFile("encrypted", str(e)) from None
        raise UnreadableFile("corrupt", str(e)) from None
    try:
        n = len(pdf)
        if n > _MAX_PAGES:
            raise UnreadableFile("too_large", f"{n} pages")
        pages, scanned = [], []
        ruled = _RuledTables(path)
        try:
            for i in range(n):
                pages.append(_page_items(pdf, i, ruled))
                if not _has_text(_page_text(pages[-1])) and _looks_scanned(pdf, i):
                    scanned.append(i)
        finally:
            ruled.close()
        meta: dict = {"pages": n}
        info = pdf.get_metadata_dict(skip_empty=True)
        if info.get("Title"):
            meta["title"] = info["Title"]
    finally:
        pdf.close()
    return pages, scanned, meta


def _has_text(text: str) -> bool:
    """Enough trusted characters on a page not to need OCR."""
    return len("".join(text.split())) >= 10 and text_quality(text) >= 0.9 and looks_like_language(text)


def _looks_scanned(pdf, i: int) -> bool:  # noqa: ANN001 - PdfDocument
    """A page drawn as an image, or as many vector shapes (text turned into outlines)."""
    import pypdfium2.raw as pdfium_c

    page = pdf[i]
    try:
        paths = 0
        for obj in page.get_objects(max_depth=3):
            if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                return True
            paths += obj.type == pdfium_c.FPDF_PAGEOBJ_PATH
            if paths >= 50:
                return True
        return False
    finally:
        page.close()


def _ocr_pages(path: Path, pages: list[int], meta: dict, nothing_else: bool) -> dict[int, list[str]]:
    from . import ocr

    if not ocr.available():
        if nothing_else:
            raise UnreadableFile("scanned_no_text", "image-only PDF, OCR off", ocr.missing_variant())
        meta["ocr_missing_pages"] = len(pages)
        return {}
    found, skipped = ocr.ocr_pdf_pages(path, pages)
    meta.update(ocr=True, ocr_pages=len(found), ocr_skipped_pages=skipped)
    return {i: paras for i, paras in found.items() if paras}


def _page_items(pdf, i: int, ruled: "_RuledTables") -> list[Para | Table]:  # noqa: ANN001 - PdfDocument
    """The page's paragraphs, and its ruled tables as tables, in the order they stand on the page."""
    page = pdf[i]
    try:
        tp = page.get_textpage()
        try:
            chars = page_chars(tp)
        finally:
            tp.close()
        tables = ruled.tables(i, page.get_height()) if _has_rules(page) else []
    finally:
        page.close()
    if not tables:
        return paragraphs(lines_of(chars))
    items: list[Para | Table] = []
    for k, part in enumerate(_around(chars, tables)):
        items += paragraphs(lines_of(part))
        if k < len(tables):
            items.append(tables[k])
    return items


def _page_text(items: list[Para | Table]) -> str:
    return "".join(p.text if isinstance(p, Para) else "".join(c or "" for row in p.rows for c in row) for p in items)


def _join_pages(pages: list[list[Para | Table]]) -> list[Block]:
    """Blocks located by page; a paragraph running over a page break is joined; a table's
    cells are blocks of their own (表N第r行第c列), numbered through the document."""
    blocks: list[Block] = []
    open_tail, table_no = False, 0
    for i, page in enumerate(pages, 1):
        good = [p for p in page if isinstance(p, Table) or text_quality(p.text) >= 0.9]
        for j, p in enumerate(good):
            if isinstance(p, Table):
                table_no += 1
                blocks += p.blocks(i, table_no)
            elif j == 0 and open_tail and not p.opened and blocks:
                last = blocks.pop()
                blocks.append(Block(last.text + p.text, last.where, kind="para", page=last.page))
            else:
                blocks.append(Block(p.text, f"第{i}页", kind="para", page=i))
        open_tail = bool(good) and isinstance(good[-1], Para) and not good[-1].closed
    return blocks


@dataclass
class Table:
    """A ruled table of a page: its cells' text by row (None where a merged cell continues) and
    where it stands (PDF points from the page's bottom: left, bottom, right, top)."""

    rows: list[list[str | None]]
    box: tuple[float, float, float, float]

    def blocks(self, page: int, number: int) -> list[Block]:
        return [Block(text, f"第{page}页表{number}第{r + 1}行第{c + 1}列", "cell", page, number, r, c)
                for r, row in enumerate(self.rows) for c, text in enumerate(row) if text and text.strip()]


_MIN_RULES = 6  # path objects on a page before it is searched for ruled tables (a table has more)
_MAX_RULES = 3000  # more is a drawing or text set as outlines: not searched (the search grows with them)


def _has_rules(page) -> bool:  # noqa: ANN001 - PdfPage
    """Whether the page draws enough lines to hold a ruled table (text-only pages draw none), and
    not so many that looking for one would cost more than the page is worth."""
    import pypdfium2.raw as raw

    count, get, kind = raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType
    found = 0
    for k in range(count(page.raw)):
        if kind(get(page.raw, k)) == raw.FPDF_PAGEOBJ_PATH:
            found += 1
            if found > _MAX_RULES:
                return False
    return found >= _MIN_RULES


class _RuledTables:
    """pdfplumber's ruled-table finder (lines drawn around the cells), opened only for a document
    with a page that draws lines; a failure costs the tables, never the text."""

    def __init__(self, path: Path) -> None:
        self.path, self.pdf, self.failed = path, None, False

    def tables(self, i: int, height: float) -> list[Table]:
        if self.failed:
            return []
        try:
            if self.pdf is None:
                import pdfplumber

                self.pdf = pdfplumber.open(self.path)
            page = self.pdf.pages[i]
            if page.rotation % 360 or abs(page.height - height) > 1:
                return []  # coordinates that do not line up with pdfium's: no tables rather than wrong ones
            found = []
            for t in page.find_tables():
                rows = [[_cell_text(c) for c in row] for row in t.extract()]
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    x0, top, x1, bottom = t.bbox
                    found.append(Table(rows, (x0, height - bottom, x1, height - top)))
            return sorted(found, key=lambda t: -t.box[3])  # top to bottom
        except Exception as e:  # pdfminer raises many kinds on hostile files
            log.info("%s: no ruled tables (%s)", self.path, e)
            self.failed = True
            return []

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _cell_text(text: str | None) -> str | None:
    """A cell's lines joined (a line break inside a cell is where the cell wrapped)."""
    return None if text is None else "".join(text.split("\n"))


def _around(chars: Chars, tables: list[Table]) -> list[Chars]:
    """The page's characters outside the tables, split into the runs above each table and after the
    last (a character belongs after every table whose bottom stands above it)."""
    parts = [[] for _ in range(len(tables) + 1)]
    for k, (c, left, right, bottom, top) in enumerate(chars.boxes()):
        x, y = (left + right) / 2, (bottom + top) / 2
        if any(t.box[0] <= x <= t.box[2] and t.box[1] <= y <= t.box[3] for t in tables):
            continue
        parts[sum(t.box[1] > y for t in tables)].append(k)
    return [Chars("".join(chars.text[k] for k in ks), [chars.lefts[k] for k in ks], [chars.rights[k] for k in ks],
                  [chars.bottoms[k] for k in ks], [chars.tops[k] for k in ks]) for ks in parts]


def _plumber_pages(path: Path) -> list[str]:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return [(p.dedupe_chars().extract_text() or "") for p in pdf.pages]
    except Exception as e:  # pdfminer raises many kinds on hostile files
        log.info("pdfplumber failed on %s: %s", path, e)
        return []
