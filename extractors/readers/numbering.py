"""Rendering Word auto-numbering (numbering.xml) as the text a reader sees.

Headings such as ``一、基本情况`` are often produced by a numbering
definition rather than typed; without the prefix a heading looks like any
short line.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .safezip import read_member
from .xmlsafe import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CN = "零一二三四五六七八九"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_NUMPR_PATH = f"{_w('pPr')}/{_w('numPr')}"
_PPR, _NUMPR = _w("pPr"), _w("numPr")


def chinese_counting(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    return str(n)


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional",
               "chineseLegalSimplified", "taiwaneseCounting", "ideographDigital"):
        return chinese_counting(n)
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class Numbering:
    # (numId) -> {ilvl: (fmt, lvlText, start)}
    levels: dict[str, dict[int, tuple[str, str, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    # paragraph -> its pPr/numPr, for the body given to ``for_body`` (None: look each one up)
    numprs: dict[etree._Element, etree._Element] | None = None

    @classmethod
    def empty(cls) -> "Numbering":
        return cls()

    @classmethod
    def from_zip(cls, zf: zipfile.ZipFile) -> "Numbering":
        return cls.from_root(parse_xml(read_member(zf, "word/numbering.xml"), "numbering.xml"))

    @classmethod
    def from_root(cls, root: etree._Element) -> "Numbering":
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(_w("abstractNum")):
            lv = {}
            for lvl in an.iter(_w("lvl")):
                lv[_int(lvl.get(_w("ilvl")), 0)] = (
                    _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
                    _int(_val(lvl, "start", "1"), 1))
            abstract[an.get(_w("abstractNumId"), "")] = lv
        levels = {}
        for num in root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is not None:
                levels[num.get(_w("numId"), "")] = abstract.get(ref.get(_w("val"), ""), {})
        return cls(levels)

    @classmethod
    def for_body(cls, root: etree._Element | None, body: etree._Element) -> "Numbering":
        """The numbering of ``body``'s paragraphs, from numbering.xml's ``root`` (None: there is none).

        Every paragraph's ``pPr/numPr`` is found in one pass; the definitions are only
        read when some paragraph is numbered.
        """
        numprs: dict[etree._Element, etree._Element] = {}
        for numpr in body.iter(_NUMPR):
            ppr = numpr.getparent()
            if ppr.tag == _PPR:
                numprs.setdefault(ppr.getparent(), numpr)  # document order: p.find's first match
        numbering = cls.from_root(root) if root is not None and numprs else cls()
        numbering.numprs = numprs
        return numbering

    def prefix(self, p: etree._Element) -> str:
        """The rendered number of paragraph ``p`` (advancing the counters)."""
        if not self.levels:
            return ""
        numpr = self.numprs.get(p) if self.numprs is not None else p.find(_NUMPR_PATH)
        if numpr is None:
            return ""
        num_id = _val(numpr, "numId", "")
        ilvl = _int(_val(numpr, "ilvl", "0"), 0)
        lv = self.levels.get(num_id)
        if not lv or ilvl not in lv or not 0 <= ilvl < 9:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        text = lv[ilvl][1]
        for k in range(ilvl + 1):
            fmt, _, start = lv.get(k, ("decimal", "", 1))
            n = counts[k] + start - 1 if counts[k] else start
            text = text.replace(f"%{k + 1}", format_number(n, fmt))
        return text if lv[ilvl][0] != "bullet" else ""


def _val(el: etree._Element, tag: str, default: str) -> str:
    child = el.find(_w(tag))
    return child.get(_w("val"), default) if child is not None else default


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default
