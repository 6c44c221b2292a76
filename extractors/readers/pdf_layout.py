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
from math import isfinite
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


_INVISIBLE = re.compile(r"[\x00-\x1f\ufffe\uffff\s]")  # control, non-character or white space


@dataclass
class Chars:
    """The visible characters of a page, as columns: ``text[i]`` spans lefts[i]..rights[i]
    across and bottoms[i]..tops[i] up."""

    text: str
    lefts: list[float]
    rights: list[float]
    bottoms: list[float]
    tops: list[float]

    def boxes(self) -> list[tuple[str, float, float, float, float]]:
        """(char, left, right, bottom, top) of each character."""
        return list(zip(self.text, self.lefts, self.rights, self.bottoms, self.tops))


def page_chars(textpage) -> Chars:  # noqa: ANN001 - PdfTextPage
    """Every visible character of a page and its box."""
    count, get_unicode, get_box, get_text, text_index = _text_calls()
    tp = textpage.raw
    n = count(tp)
    text = _page_text(get_text, text_index, tp, n)
    if text is None:  # each character's code asked for one by one
        text = "".join([chr(get_unicode(tp, i)) for i in range(n)])
    box = (ctypes.c_double * 4)()  # left, right, bottom, top; kept from the last char if a call fails
    left, right, bottom, top = (ctypes.byref(box, 8 * k) for k in range(4))
    one, boxes = memoryview(box).cast("B"), bytearray()
    start = 0
    for end in [m.start() for m in _INVISIBLE.finditer(text)] + [n]:  # runs of visible characters
        for i in range(start, end):
            get_box(tp, i, left, right, bottom, top)
            boxes += one
        start = end + 1
    flat = memoryview(boxes).cast("d").tolist()
    return Chars(_INVISIBLE.sub("", text), flat[0::4], flat[1::4], flat[2::4], flat[3::4])


def _page_text(get_text, text_index, tp, n: int) -> str | None:  # noqa: ANN001 - ctypes
    """The code of each of the page's ``n`` characters from one ``FPDFText_GetText`` call.

    pdfium's page text has one entry per character of its list, in order, except for the
    characters it leaves out (control characters, characters with neither a code nor a
    Unicode value): with one left out the last character's text index falls below n-1,
    and None asks for the codes one by one. The entries equal ``FPDFText_GetUnicode``,
    but for hyphens and unmapped characters (U+FFFE for 2 and 0: invisible either way).
    A code beyond U+FFFF is dropped (or split in two by older pdfium builds): the length
    differs, and None again. (A code past U+10FFFF, on which ``chr`` fails when the codes
    are asked one by one, comes out cut to 16 bits.)
    """
    if n == 0:
        return ""
    if text_index(tp, n - 1) != n - 1:
        return None
    buf = (ctypes.c_uint16 * (2 * n + 2))()  # room for the surrogate pairs of older builds
    if get_text(tp, 0, n, buf) != n + 1:  # n code units and the terminator
        return None
    text = bytes(buf)[:2 * n].decode("utf-16-le", "surrogatepass")
    return text if len(text) == n else "".join(map(chr, buf[:n]))  # a surrogate pair is two characters


@functools.cache
def _text_calls():  # noqa: ANN202 - ctypes function pointers
    """FPDFText_CountChars, _GetUnicode, _GetCharBox, _GetText and _GetTextIndexFromCharIndex.

    pypdfium2's bindings convert and check every argument through ``argtypes``, which
    costs more than pdfium's own work for one character; the same C functions called
    through bare pointers (arguments we build: the text page, ints, ``byref`` doubles,
    a ctypes array) take a third of the time, and a page has thousands of characters.
    """
    import pypdfium2.raw as raw

    def bare(fn, restype=ctypes.c_int):  # noqa: ANN001, ANN202
        f = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
        f.restype = restype
        return f

    return (raw.FPDFText_CountChars, bare(raw.FPDFText_GetUnicode, ctypes.c_uint),
            bare(raw.FPDFText_GetCharBox), bare(raw.FPDFText_GetText),
            bare(raw.FPDFText_GetTextIndexFromCharIndex))


def lines_of(chars: Chars) -> list[Line]:
    """Characters grouped by baseline (top to bottom), each line left to right.

    A character joins the line above when its mid-height is within half a median
    character height of the median mid-height of that line so far. The work is done on
    columns (one list per field, lines as slices) rather than line by line: a page has
    a few dozen lines of a few dozen characters.
    """
    if not chars.text:
        return []
    lefts, bottoms, tops = chars.lefts, chars.bottoms, chars.tops
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
    each = list(zip(chars.text, lefts, chars.rights, mids, heights))
    text, *columns = zip(*[each[i] for i in order])  # reordered as one list of tuples, then columns again
    return _lines("".join(text), *columns, bounds, h, len(positive) == len(heights))


def _row_bounds(mids: list[float], half: float) -> list[int]:
    """Where each line ends in ``mids`` (descending): a mid-height more than ``half`` from
    the median of the line so far opens the next line.

    Taken a run at a time: the next characters within ``half`` of the line's median all
    join it, for the median only falls as lower characters join (each of them would have
    joined one at a time); the first that does not is asked again with the new median.
    Where the runs end is found by bisection and checked with the exact comparison.
    """
    n = len(mids)
    if not isfinite(sum(mids)):  # a NaN or infinity: no order to rely on
        return _row_bounds_one_by_one(mids, half)
    bounds, start, pos = [], 0, 1
    while pos < n:
        size = pos - start  # the line so far is mids[start:pos], in order: its median needs no sort
        k = start + (size >> 1)
        med = mids[k] if size & 1 else (mids[k - 1] + mids[k]) / 2
        end = bisect_right(mids, half - med, pos, key=neg)  # about the first with med - m > half
        while end > pos and not abs(med - mids[end - 1]) <= half:
            end -= 1
        while end < n and abs(med - mids[end]) <= half:
            end += 1
        if end > pos:
            pos = end
        else:
            bounds.append(pos)
            start, pos = pos, pos + 1
    bounds.append(n)
    return bounds


def _row_bounds_one_by_one(mids: list[float], half: float) -> list[int]:
    """``_row_bounds`` asking each character in turn (what it must agree with)."""
    bounds, start = [], 0
    for pos in range(1, len(mids)):
        size = pos - start
        k = start + (size >> 1)
        med = mids[k] if size & 1 else (mids[k - 1] + mids[k]) / 2
        if not abs(med - mids[pos]) <= half:
            bounds.append(pos)
            start = pos
    bounds.append(len(mids))
    return bounds


def _lines(text: str, lefts: tuple[float, ...], rights: tuple[float, ...], mids: tuple[float, ...],
           heights: tuple[float, ...], bounds: list[int], h: float, all_positive: bool) -> list[Line]:
    """The lines of ``text`` (lines one after another, each left to right; ``bounds`` their ends),
    with its characters' lefts, rights, mid-heights and heights (``all_positive``: all are > 0)."""
    spaces = _spaces(text, lefts, rights, 0.45 * h)
    lines, start = [], 0
    for end in bounds:
        hs = heights[start:end] if all_positive else [x for x in heights[start:end] if x > 0]
        lh = _median(hs) if hs else h
        x0 = lefts[start]
        if text[start] in _OPENING and end - start > 1:
            x0 = min(x0, lefts[start + 1] - lh)  # the bracket's ink sits in the right half of its cell
        lines.append(Line(_line_text(text, start, end, spaces), x0, max(rights[start:end]),
                          _median(mids[start:end]), lh))
        start = end
    return lines


_ASCII_RUN = re.compile(r"[\x00-\x7f]{2,}")


def _spaces(text: str, lefts: tuple[float, ...], rights: tuple[float, ...], gap: float) -> list[int]:
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


_SENTENCE_END = re.compile(r"[。！？；：:;!?…][\"'”’」』）)]*\s*$")


_NUMBER_END = re.compile(r"[\d０-９]\s*(?:余|多)?\s*万?$")
_MEASURE_START = re.compile(r"^(?:场次|人次|场|次|份|册|本|个|件|期|篇|则|例|起|人|名|户|家)")
_BARE_NUMBER = re.compile(r"^\s*[\d０-９][\d０-９.,，]*\s*(?:余|多)?\s*万?\s*$")


def _page_number_lines(lines: list[Line]) -> set[int]:
    """A page number stands above or below the text (— 2 —, 第2页, 2/5): only the first and last
    two lines of a page can be one; a figure on a line of its own inside the text is not."""
    ends = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
    return {i for i in ends if _PAGE_NO.match(lines[i].text)}


def _runs_on(text: str, nxt: Line | None) -> bool:
    """The paragraph cannot end here: a figure split from its measure word by a line break
    (典型案例4 | 个, 受教育群众 | 3000 | 人次)."""
    if nxt is None:
        return False
    return bool(_NUMBER_END.search(text) and _MEASURE_START.match(nxt.text) or _BARE_NUMBER.match(nxt.text))


def paragraphs(lines: list[Line]) -> list[Para]:
    dropped = _page_number_lines(lines)
    lines = [ln for i, ln in enumerate(lines) if i not in dropped]
    if not lines:
        return []
    h = _median([ln.h for ln in lines])
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    paras: list[Para] = []
    cur, prev = "", None
    for k, ln in enumerate(lines):
        starts = ln.x0 > left + 1.2 * h or bool(_HEAD.match(ln.text))
        if _BARE_NUMBER.match(ln.text) or prev is not None and _NUMBER_END.search(prev.text) \
                and _MEASURE_START.match(ln.text):
            starts = False  # the figure (or its measure word) continues the sentence before it
        if cur and (starts or prev is not None and abs(ln.h - prev.h) > 0.25 * h):
            paras.append(Para(cur, True, True))
            cur = ""
        cur += ln.text
        gap = right - ln.x1
        # a short line ends its paragraph when it ends a sentence, or is much shorter: a line cut short
        # only because “个，” may not start the next one (全年报送典型案例4 | 个，…) runs on
        if gap > 1.5 * h and (_SENTENCE_END.search(ln.text) or gap > 4 * h) \
                and not _runs_on(ln.text, lines[k + 1] if k + 1 < len(lines) else None):
            paras.append(Para(cur, True, True))
            cur = ""
        prev = ln
    if cur:
        paras.append(Para(cur, True, False))
    if paras:
        first = lines[0]
        paras[0].opened = first.x0 > left + 1.2 * h or bool(_HEAD.match(first.text))
    return paras
