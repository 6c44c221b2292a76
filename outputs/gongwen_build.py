"""Building 公文 documents paragraph by paragraph (used by ``templates/build.py``).

Every paragraph takes one of the styles of ``outputs.gongwen``; text goes into a single
run so a docxtpl tag is never split.
"""
from __future__ import annotations

from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Twips

from outputs.gongwen import DEFAULT_LAYOUT, Layout, apply_layout
from outputs.ooxml import PPR_ORDER, TWIPS_PER_PT, put


def new_document(lay: Layout = DEFAULT_LAYOUT) -> DocxDocument:
    """An empty 公文 with the profile applied and no stray preview or English metadata."""
    doc = docx.Document()
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel_id, rel in list(rels.items()):
            # The template's English preview, and Word 2010's stale copy of the styles.
            if rel.reltype.endswith(("/thumbnail", "/stylesWithEffects")):
                del rels[rel_id]
    doc.core_properties.author = ""
    doc.core_properties.language = "zh-CN"
    apply_layout(doc, lay)
    return doc


def add_paragraph(doc: DocxDocument, text: str, style_id: str) -> Any:
    """A paragraph of ``style_id`` holding ``text`` in one run (docxtpl tags need that)."""
    style = doc.styles[doc.styles.element.get_by_id(style_id).name_val]
    para = doc.add_paragraph(style=style)
    if text:
        para.add_run(text)
    return para


def add_table(doc: DocxDocument, lay: Layout, head: list[str], cells: list[str],
              widths: list[float], loop: str, justify: tuple[int, ...] = ()) -> Any:
    """A bordered table: a repeated header row, then one row ``cells`` repeated by the
    docxtpl row loop ``loop`` (e.g. ``r in rows``); ``widths`` are relative; the columns
    in ``justify`` (long text) are justified instead of centred."""
    table = doc.add_table(rows=0, cols=len(head))
    table.style = doc.styles["Table Grid"]
    table.alignment = 1  # centred
    total = lay.text_width_pt * TWIPS_PER_PT
    col_twips = [round(total * w / sum(widths)) for w in widths]
    for col, width in zip(table.columns, col_twips):
        col.width = Twips(width)
    _table_row(doc, table, head, "GwTableHead", col_twips, header=True)
    _table_row(doc, table, [f"{{%tr for {loop} %}}"] + [""] * (len(head) - 1), "GwTableText",
               col_twips)
    row = _table_row(doc, table, cells, "GwTableText", col_twips)
    for i in justify:
        put(row.cells[i].paragraphs[0]._p.get_or_add_pPr(), "jc", PPR_ORDER, val="both")
    _table_row(doc, table, ["{%tr endfor %}"] + [""] * (len(head) - 1), "GwTableText", col_twips)
    return table


def _table_row(doc: DocxDocument, table: Any, texts: list[str], style_id: str,
               col_twips: list[int], header: bool = False) -> Any:
    style = doc.styles[doc.styles.element.get_by_id(style_id).name_val]
    row = table.add_row()
    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(qn("w:cantSplit"), {}))
    trpr.append(trpr.makeelement(qn("w:trHeight"), {qn("w:val"): "454", qn("w:hRule"): "atLeast"}))
    if header:
        trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))
    for cell, text, width in zip(row.cells, texts, col_twips):
        cell.width = Twips(width)
        cell.vertical_alignment = 1  # centre
        para = cell.paragraphs[0]
        para.style = style
        if text:
            para.add_run(text)
    return row


def anchor_to_foot(paragraphs: list[Any], lay: Layout = DEFAULT_LAYOUT) -> None:
    """The paragraphs as one frame as wide as the 版心, its bottom on the bottom margin of the
    page they fall on: the 版记 at the foot of the last page, its last rule on the 版心's
    last line (GB/T 9704-2012 §7.4).  Text above flows as usual; the frame keeps its place."""
    width = str(round(lay.text_width_pt * TWIPS_PER_PT))
    for p in paragraphs:
        put(p._p.get_or_add_pPr(), "framePr", PPR_ORDER, w=width, vSpace=str(round(lay.line_pitch_pt * TWIPS_PER_PT)),
            wrap="notBeside", vAnchor="margin", hAnchor="margin", xAlign="center", yAlign="bottom")
