"""The pass over a rendered 公文 (GB/T 9704): what only the filled-in text decides.

The signature is centred over the date (§7.3.5.1), the 附件说明 hangs under its first
character, a masthead too long for the 版心 is made smaller, and the closing lines never
open a page alone.
"""
from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from outputs.gongwen import DEFAULT_LAYOUT, Layout
from outputs.ooxml import PPR_ORDER, put, set_indent, set_size, text_width_chars


def finish(doc: DocxDocument, lay: Layout = DEFAULT_LAYOUT, style_of: Any = None) -> None:
    """After rendering: signature centred over the date (GB/T 9704 §7.3.5.1), masthead fitted.

    ``style_of`` (from ``paragraph_style_of``) may be given when ``doc``'s styles are known.
    """
    paragraphs = list(doc.paragraphs)
    style_of = style_of or paragraph_style_of(doc)
    styles = [style_of(p) for p in paragraphs]
    _keep_closing_with_text(paragraphs, styles)
    for i, (p, style) in enumerate(zip(paragraphs, styles)):
        if style == "GwDate" and p.text.strip():
            signature = [q for q, s in zip(paragraphs[max(0, i - 3):i], styles[max(0, i - 3):i])
                         if s == "GwSignature" and q.text.strip()]
            _place_signature(signature, p, lay)
        elif style == "GwAttachNote" and p.text.strip():
            _hang_attachment_name(p, lay)
        elif style == "GwMasthead" and p.text.strip():
            fit = 0.96 * lay.text_width_pt / text_width_chars(p.text.strip())
            size = min(lay.masthead_pt, fit)
            for r in p.runs:
                set_size(r._r.get_or_add_rPr(), int(size * 2) / 2)


_CLOSING = ("GwContact", "GwAttachNote", "GwSignature", "GwDate")  # the text before comes along
_PSTYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"


def paragraph_style_of(doc: DocxDocument) -> Any:
    """``p.style.style_id`` without python-docx's style-part lookup for every paragraph."""
    ids = {s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_id = default.style_id if default is not None else None

    def style_of(p: Any) -> str | None:
        found = p._p.find(_PSTYLE)
        sid = found.get(qn("w:val")) if found is not None else None
        return sid if sid in ids else default_id

    return style_of


def _keep_closing_with_text(paragraphs: list, styles: list[str | None]) -> None:
    """附件说明, 署名 and 日期 never open a page alone: the text before them comes along, and a
    date right before the 版记 keeps with it (the 版记 frame sits on its anchor's page)."""
    for i, style in enumerate(styles):
        if style in _CLOSING:
            for q, s in zip(paragraphs[max(0, i - 1):i + 1], styles[max(0, i - 1):i + 1]):
                if s != "GwDate":
                    _keep_with_next(q._p.get_or_add_pPr())
            following = [s for q, s in zip(paragraphs[i + 1:], styles[i + 1:]) if q.text.strip()
                         or (s or "").startswith("GwImprint")]  # the frame, then its anchor
            if style == "GwDate" and following and (following[0] or "").startswith("GwImprint"):
                _keep_with_next(paragraphs[i]._p.get_or_add_pPr())


def _keep_with_next(ppr: Any) -> None:
    """``paragraph_format.keep_with_next = True`` without python-docx's schema walk."""
    found = ppr.find(qn("w:keepNext"))
    if found is None:
        put(ppr, "keepNext", PPR_ORDER)
    else:
        found.attrib.pop(qn("w:val"), None)


_ATTACH_PREFIX = re.compile(r"^(附件：|　*)(\d+[.．])?")


def _hang_attachment_name(p: Any, lay: Layout) -> None:
    """附件说明 左空二字; a name that wraps lines up under its own first character."""
    prefix = _ATTACH_PREFIX.match(p.text).group(0)
    width = text_width_chars(prefix)
    set_indent(p._p.get_or_add_pPr(), lay.body_pt, first=-width, left=2 + width)


def _place_signature(signature: list, date: Any, lay: Layout) -> None:
    """Date 右空四字; each signature line centred over it, never past the right margin."""
    date_w = text_width_chars(date.text.strip())
    for p in signature:
        right = max(0.0, 4 + (date_w - text_width_chars(p.text.strip())) / 2)
        set_indent(p._p.get_or_add_pPr(), lay.body_pt, right=right)

