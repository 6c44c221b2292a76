"""Small WordprocessingML helpers python-docx lacks: ordered children, fonts, indents, fields.

Word rejects a ``w:pPr``/``w:rPr`` whose children are out of schema order, so every
element goes in through ``put`` with the order lists below.
"""
from __future__ import annotations

import unicodedata

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

TWIPS_PER_PT = 20

# CT_PPrBase / CT_RPr child order (ECMA-376 §17.3.1.26, §17.3.2.28).
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)
THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def put(parent: BaseOxmlElement, tag: str, order: tuple[str, ...], **attrs: str) -> BaseOxmlElement:
    """Replace child ``w:tag`` of ``parent`` by a new one with ``attrs``, in schema order."""
    old = parent.find(qn(f"w:{tag}"))
    if old is not None:
        parent.remove(old)
    el = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    later = order[order.index(tag) + 1:]
    for child in parent:
        if child.tag in {qn(f"w:{t}") for t in later}:
            child.addprevious(el)
            return el
    parent.append(el)
    return el


def child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...]) -> BaseOxmlElement:
    """The child ``w:tag`` of ``parent``, created in schema order when absent."""
    found = parent.find(qn(f"w:{tag}"))
    return found if found is not None else put(parent, tag, order)


def set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Name ``font`` for every script, East Asian included, and drop theme fonts."""
    rfonts = child(rpr, "rFonts", RPR_ORDER)
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), font)


def strip_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove every theme-font reference under ``root`` so named fonts win."""
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            rfonts.attrib.pop(qn(f"w:{attr}"), None)


def set_size(rpr: BaseOxmlElement, pt: float) -> None:
    half_points = str(round(pt * 2))
    put(rpr, "sz", RPR_ORDER, val=half_points)
    put(rpr, "szCs", RPR_ORDER, val=half_points)


def set_indent(ppr: BaseOxmlElement, char_pt: float, first: float = 0, left: float = 0,
               right: float = 0) -> None:
    """Indent in characters (``first`` < 0 is a hanging indent), with twips for readers
    that ignore the ``*Chars`` attributes (LibreOffice)."""
    attrs: dict[str, str] = {}
    for name, chars in (("left", left), ("right", right)):
        if chars:
            attrs[f"{name}Chars"] = str(round(chars * 100))
            attrs[name] = str(round(chars * char_pt * TWIPS_PER_PT))
    if first > 0:
        attrs["firstLineChars"] = str(round(first * 100))
        attrs["firstLine"] = str(round(first * char_pt * TWIPS_PER_PT))
    elif first < 0:
        attrs["hangingChars"] = str(round(-first * 100))
        attrs["hanging"] = str(round(-first * char_pt * TWIPS_PER_PT))
    if not attrs:
        attrs = {"left": "0", "right": "0", "firstLine": "0"}
    put(ppr, "ind", PPR_ORDER, **attrs)


def field_runs(instruction: str) -> list[BaseOxmlElement]:
    """The runs of a complex field (``PAGE``…) whose cached result is ``1``."""
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = OxmlElement("w:r")
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        elif kind == "result":
            el = OxmlElement("w:t")
            el.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        r.append(el)
        runs.append(r)
    return runs


def text_width_chars(text: str) -> float:
    """Width in full-width characters: CJK and full-width count 1, the rest 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)
