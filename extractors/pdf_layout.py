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
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import neg

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
    count, get_unicode, get_box = _text_calls()
    tp = textpage.raw
    box = (ctypes.c_double * 4)()  # left, right, bottom, top; kept from the last char if a call fails
    refs = [ctypes.byref(box, 8 * k) for k in range(4)]
    values = memoryview(box).cast("B").cast("d")
    out = []
    for i in range(count(tp)):
        code = get_unicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or code < 32 and code not in (9,):
            continue
        ch = chr(code)
        if ch.isspace():
            continue
        get_box(tp, i, *refs)
        left, right, bottom, top = values.tolist()
        out.append((ch, left, right, bottom, top))
    return out


@functools.cache
def _text_calls():  # noqa: ANN202 - ctypes function pointers
    """FPDFText_CountChars, _GetUnicode and _GetCharBox, the last two without argument checks.

    pypdfium2's bindings convert and check every argument through ``argtypes``, which
    costs more than pdfium's own work for one character; the same C functions called
    through bare pointers (arguments we build: the text page, an int, four ``byref``
    doubles) take a third of the time, and a page has thousands of characters.
    """
    import pypdfium2.raw as raw

    def bare(fn, restype):  # noqa: ANN001, ANN202
        f = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
        f.restype = restype
        return f

    return (raw.FPDFText_CountChars, bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
            bare(raw.FPDFText_GetCharBox, ctypes.c_int))


def lines_of(chars: list[tuple[str, float, float, float, float]]) -> list[Line]:
    """Characters grouped by baseline (top to bottom), each line left to right.

    A character joins the line above when its mid-height is within half a median
    character height of the median mid-height of that line so far. The work is done on
    columns (one list per field, lines as slices) rather than line by line: a page has
    a few dozen lines of a few dozen characters.
    """
    if not chars:
        return []
    chs, lefts, rights, bottoms, tops = map(list, zip(*chars))
    heights = [t - b for b, t in zip(bottoms, tops)]  # > 0 exactly when top > bottom
    positive = [d for d in heights if d > 0]
    h = _median(positive) if positive else 10.0
    mids = [(b + t) / 2 for b, t in zip(bottoms, tops)]
    order = sorted(range(len(mids)), key=list(map(neg, mids)).__getitem__)  # by -(bottom + top) / 2
    bounds = _row_bounds([mids[i] for i in order], 0.5 * h)
    start = 0
    for end in bounds:  # each line left to right
        if end - start > 1:
            order[start:end] = sorted(order[start:end], key=lefts.__getitem__)
        start = end
    columns = [[col[i] for i in order] for col in (lefts, rights, mids, heights)]
    return _lines("".join([chs[i] for i in order]), *columns, bounds, h)


def _row_bounds(mids: list[float], half: float) -> list[int]:
    """Where each line ends in ``mids`` (descending): a mid-height more than ``half`` from
    the median of the line so far opens the next line."""
    bounds, start = [], 0
    for pos in range(1, len(mids)):
        n = pos - start  # the line so far is mids[start:pos], in order: its median needs no sort
        k = start + (n >> 1)
        med = mids[k] if n & 1 else (mids[k - 1] + mids[k]) / 2
        if not abs(med - mids[pos]) <= half:
            bounds.append(pos)
            start = pos
    bounds.append(len(mids))
    return bounds


def _lines(text: str, lefts: list[float], rights: list[float], mids: list[float], heights: list[float],
           bounds: list[int], h: float) -> list[Line]:
    """The lines of ``text`` (lines one after another, each left to right; ``bounds`` their ends),
    with its characters' lefts, rights, mid-heights and heights."""
    spaces = _spaces(text, lefts, rights, 0.45 * h)
    lines, start = [], 0
    for end in bounds:
        hs = [x for x in heights[start:end] if x > 0]
        lh = _median(hs) if hs else h
        x0 = lefts[start]
        if text[start] in _OPENING and end - start > 1:
            x0 = min(x0, lefts[start + 1] - lh)  # the bracket's ink sits in the right half of its cell
        lines.append(Line(_line_text(text, start, end, spaces), x0, max(rights[start:end]),
                          _median(mids[start:end]), lh))
        start = end
    return lines


_ASCII_RUN = re.compile(r"[\x00-\x7f]{2,}")


def _spaces(text: str, lefts: list[float], rights: list[float], gap: float) -> list[int]:
    """Positions of ``text`` preceded by a space: two ASCII characters set more than ``gap`` apart."""
    return [j for m in _ASCII_RUN.finditer(text) for j in range(m.start() + 1, m.end())
            if lefts[j] - rights[j - 1] > gap]


def _line_text(text: str, start: int, end: int, spaces: list[int]) -> str:
    """``text[start:end]`` with the spaces that fall inside it (not before its first character)."""
    cuts = spaces[bisect_right(spaces, start):bisect_left(spaces, end)]
    if not cuts:
        return text[start:end]
    parts = []
    for j in cuts:
        parts += (text[start:j], " ")
        start = j
    return "".join(parts) + text[start:end]


def _median(values: list[float]) -> float:
    """``statistics.median``, the same arithmetic without its overhead (it runs once a line)."""
    data = sorted(values)
    k = len(data) >> 1
    return data[k] if len(data) & 1 else (data[k - 1] + data[k]) / 2


def paragraphs(lines: list[Line]) -> list[Para]:
    lines = [ln for ln in lines if not _PAGE_NO.match(ln.text)]
    if not lines:
        return []
    h = _median([ln.h for ln in lines])
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
        if ln.x1 < right - 1.5 * h:
            paras.append(Para(cur, True, True))
            cur = ""
        prev = ln
    if cur:
        paras.append(Para(cur, True, False))
    if paras:
        first = lines[0]
        paras[0].opened = first.x0 > left + 1.2 * h or bool(_HEAD.match(first.text))
    return paras
