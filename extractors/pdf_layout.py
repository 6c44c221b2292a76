"""Rebuilding lines and paragraphs of a PDF page from character boxes.

The order of characters in a content stream is not reading order (quotes
set in another font come last, justified lines arrive in pieces), so lines
are rebuilt from where the characters stand: grouped by baseline, sorted
left to right. A paragraph starts where a line is indented (公文 paragraphs
open with two characters of indent) or starts a heading, and ends where a
line stops short of the right margin.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from statistics import median

_HEAD = re.compile(r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)"
                   r"|第[一二三四五六七八九十]+[部分章节条]|【)")
_PAGE_NO = re.compile(r"^[\s—\-－–―]*(第?\s*\d+\s*页?(\s*[/／共]\s*\d+\s*页?)?)[\s—\-－–―]*$")


_OPENING = "《“（(【‘「『〈"


@dataclass
class Line:
    text: str
    x0: float  # where the text starts, for indentation (past an opening bracket's blank half)
    x1: float
    y: float
    h: float


@dataclass
class Para:
    text: str
    opened: bool  # starts with an indent or a heading: not a continuation of the page before
    closed: bool  # its last line stops short: not continued on the next page


def page_chars(textpage) -> list[tuple[str, float, float, float, float]]:  # noqa: ANN001 - PdfTextPage
    """(char, left, right, bottom, top) of every visible character of a page."""
    import pypdfium2.raw as raw

    tp = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    out = []
    for i in range(raw.FPDFText_CountChars(tp)):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or code < 32 and code not in (9,):
            continue
        ch = chr(code)
        if ch.isspace():
            continue
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        out.append((ch, left.value, right.value, bottom.value, top.value))
    return out


def lines_of(chars: list[tuple[str, float, float, float, float]]) -> list[Line]:
    if not chars:
        return []
    heights = [t - b for _, _, _, b, t in chars if t > b]
    h = median(heights) if heights else 10.0
    rows: list[list[tuple[str, float, float, float, float]]] = []
    mids: list[float] = []  # the mid-heights of the last row, in the (descending) order they came
    for c in sorted(chars, key=lambda c: -(c[3] + c[4]) / 2):
        mid = (c[3] + c[4]) / 2
        if rows and abs(_ordered_median(mids) - mid) <= 0.5 * h:
            rows[-1].append(c)
            mids.append(mid)
        else:
            rows.append([c])
            mids = [mid]
    return [_line(sorted(r, key=lambda c: c[1]), h) for r in rows]


def _ordered_median(values: list[float]) -> float:
    """``median(values)`` of values already in order: the middle, no sorting (each character asks)."""
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def _mid(row) -> float:  # noqa: ANN001
    return median((c[3] + c[4]) / 2 for c in row)


def _line(row, h: float) -> Line:  # noqa: ANN001
    parts = []
    prev = None
    for ch, x0, x1, _, _ in row:
        if prev is not None and x0 - prev[2] > 0.45 * h and prev[0].isascii() and ch.isascii():
            parts.append(" ")
        parts.append(ch)
        prev = (ch, x0, x1)
    heights = [c[4] - c[3] for c in row if c[4] > c[3]]
    lh = median(heights) if heights else h
    x0 = row[0][1]
    if row[0][0] in _OPENING and len(row) > 1:
        x0 = min(x0, row[1][1] - lh)  # the bracket's ink sits in the right half of its cell
    return Line("".join(parts), x0, max(c[2] for c in row), _mid(row), lh)


_SENTENCE_END = re.compile(r"[。！？；：:;!?…][\"'”’」』）)]*\s*$")


def paragraphs(lines: list[Line]) -> list[Para]:
    lines = [ln for ln in lines if not _PAGE_NO.match(ln.text)]
    if not lines:
        return []
    h = median(ln.h for ln in lines)
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    paras: list[Para] = []
    cur, prev = "", None
    for ln in lines:
        starts = ln.x0 > left + 1.2 * h or bool(_HEAD.match(ln.text))
        if cur and (starts or prev is not None and abs(ln.h - prev.h) > 0.25 * h):
            paras.append(Para(cur, True, True))
            cur = ""
        cur += ln.text
        gap = right - ln.x1
        # a short line ends its paragraph when it ends a sentence, or is much shorter: a line cut short
        # only because “个，” may not start the next one (全年报送典型案例4 | 个，…) runs on
        if gap > 1.5 * h and (_SENTENCE_END.search(ln.text) or gap > 4 * h):
            paras.append(Para(cur, True, True))
            cur = ""
        prev = ln
    if cur:
        paras.append(Para(cur, True, False))
    if paras:
        first = lines[0]
        paras[0].opened = first.x0 > left + 1.2 * h or bool(_HEAD.match(first.text))
    return paras
