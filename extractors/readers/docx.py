"""Reading .docx with lxml over the package parts.

python-docx's ``Paragraph.text`` misses text boxes, drops tracked insertions
and repeats merged cells (PITFALLS: python-docx), and is slow for reading
thousands of files; walking WordprocessingML directly gets each of those
right: text boxes once (``mc:Choice``, not ``mc:Fallback``), ``w:ins`` kept,
``w:del`` dropped, a merged cell once, nested tables, auto-numbering
rendered (``一、`` produced by numbering.xml is part of what a reader sees).
"""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from model import Block, UnreadableFile
from .docx_styles import read_styles
from .numbering import Numbering
from .safezip import open_zip, read_member
from .xmlsafe import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Subtrees whose text a reader does not see in the paragraph itself.
_SKIP = {w("del"), w("moveFrom"), w("delText"), w("instrText"), w("txbxContent"),
         f"{{{MC}}}Fallback", w("rPr"), w("pPr"), w("fldData")}
_BODY_CONTAINERS = {w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo"), w("smartTag")}
# Tags and paths looked up for every paragraph and cell, built once.
_P, _TBL, _TR, _TC, _R, _T, _PPR = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t"), w("pPr")
_TCPR, _GRID_SPAN, _VMERGE, _VAL = w("tcPr"), w("gridSpan"), w("vMerge"), w("val")
_RPR, _B, _PSTYLE, _OUTLINE = w("rPr"), w("b"), w("pStyle"), w("outlineLvl")
_TXBX = w("txbxContent")
_SDT, _CUSTOM_XML = w("sdt"), w("customXml")


class _Walker:
    def __init__(self, styles: dict[str, tuple[str, bool]], numbering: Numbering, boxes: bool = True) -> None:
        self.styles = styles
        self.numbering = numbering
        self.boxes = boxes  # whether the tree has text boxes at all (most have none)
        self.blocks: list[Block] = []
        self.para_no = 0
        self.table_no = 0

    # -- paragraphs -------------------------------------------------------
    def paragraph(self, p: etree._Element, kind: str, where: str | None = None) -> None:
        text = self.numbering.prefix(p) + para_text(p)
        heading = self._is_heading(p, text)
        for tb in self._textboxes(p):
            for q in tb.iter(_P):
                if _under(q, tb, _BOX_STOP):
                    continue
                t = para_text(q)
                if t.strip():
                    self.blocks.append(Block(t, "文本框", kind="textbox"))
        if not text.strip():
            return
        if where is None:
            self.para_no += 1
            where = f"第{self.para_no}段"
        self.blocks.append(Block(text, where, kind=kind, heading=heading))

    def _textboxes(self, p: etree._Element) -> list[etree._Element]:
        """Text-box contents once: outermost txbxContent not under an mc:Fallback."""
        if not self.boxes:
            return []
        return [tb for tb in p.iter(_TXBX) if not _under(tb, p, _BOX_STOP)]

    def _is_heading(self, p: etree._Element, text: str) -> bool:
        ppr = first_child(p, _PPR)
        if ppr is not None:
            st = None
            for child in ppr:  # a few children: cheaper than a tag-filtered lookup
                tag = child.tag
                if tag == _OUTLINE:
                    return True
                if tag == _PSTYLE and st is None:
                    st = child
            if st is not None:
                name, outline = self.styles.get(st.get(_VAL, ""), ("", False))
                if outline or name.lower().startswith("heading") or name.startswith("标题"):
                    return True
        if len(text.strip()) > 30:
            return False
        return _all_runs_bold(p)

    # -- tables -----------------------------------------------------------
    def table(self, tbl: etree._Element, merges: dict | None = None) -> None:
        """One block per cell with text, a merged cell once; the hot loop of list-like documents."""
        if merges is None:
            merges = _merges(tbl)
        self.table_no += 1
        t = self.table_no
        blocks = self.blocks
        for r, tr in enumerate(tbl.iterchildren(_TR)):
            col, row_where = 0, f"表{t}第{r + 1}行"
            for tc in _cells(tr):
                tcpr, content = None, []
                for child in tc:
                    tag = child.tag
                    if tag == _P or tag == _TBL:
                        content.append(child)
                    elif tag == _TCPR and tcpr is None:
                        tcpr = child
                span, merged = merges.get(tcpr, _NO_MERGE)
                if not merged:
                    text = self._cell_text(content, merges)
                    if text.strip():
                        # positional: kind, page, table, row, col (one block per cell, the hot path)
                        blocks.append(Block(text, f"{row_where}第{col + 1}列", "cell", None, t, r, col))
                col += span

    def _cell_text(self, content: list[etree._Element], merges: dict) -> str:
        """A cell's paragraphs, one a line; a nested table is read on its own (before the cell)."""
        texts = []
        for child in content:
            if child.tag == _P:
                s = self.numbering.prefix(child) + para_text(child)
                if s.strip():
                    texts.append(s)
            else:
                self.table(child, merges)
        return texts[0] if len(texts) == 1 else "\n".join(texts)

    # -- body ---------------------------------------------------------------
    def body(self, el: etree._Element, kind: str = "para") -> None:
        for child in el:
            if child.tag == _P:
                self.paragraph(child, kind, None if kind == "para" else _KIND_WHERE[kind])
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag in _BODY_CONTAINERS:
                self.body(child, kind)


_BOX_STOP = {f"{{{MC}}}Fallback", w("txbxContent")}


def _under(el: etree._Element, top: etree._Element, tags: set[str]) -> bool:
    """Whether an element with one of ``tags`` lies between ``el`` and ``top``."""
    for anc in el.iterancestors():
        if anc is top:
            return False
        if anc.tag in tags:
            return True
    return False


_KIND_WHERE = {"header": "页眉", "footer": "页脚", "note": "脚注"}


def _cells(tr: etree._Element):
    # Plain iteration: a tag-filtered iterchildren costs more to set up than a row of cells.
    for child in tr:
        tag = child.tag
        if tag == _TC:
            yield child
        elif tag == _SDT or tag == _CUSTOM_XML:
            yield from child.iter(_TC)


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """``el.find(tag)`` for a plain tag, without ElementPath: the first child is usually the one."""
    for child in el:
        return child if child.tag == tag else next(el.iterchildren(tag), None)
    return None


_NO_MERGE = (1, False)


def _merges(tbl: etree._Element) -> dict[etree._Element, tuple[int, bool]]:
    """tcPr -> (grid span, continues a vertical merge), for the cells of ``tbl`` that say either.

    One pass over the table (nested ones included) instead of two lookups per cell; the
    first ``w:gridSpan``/``w:vMerge`` child of a ``w:tcPr`` counts, as ``find`` would take it.
    """
    found: dict[etree._Element, list] = {}
    for el in tbl.iter(_GRID_SPAN, _VMERGE):
        tcpr = el.getparent()
        if tcpr.tag == _TCPR:
            slot = found.setdefault(tcpr, [None, None])
            i = el.tag != _GRID_SPAN
            slot[i] = el if slot[i] is None else slot[i]
    return {tcpr: (_grid_span(gs), vm is not None and vm.get(_VAL, "continue") == "continue")
            for tcpr, (gs, vm) in found.items()}


def _grid_span(gs: etree._Element | None) -> int:
    try:
        return max(1, int(gs.get(_VAL))) if gs is not None else 1
    except (TypeError, ValueError):
        return 1


def _all_runs_bold(p: etree._Element) -> bool:
    """Whether ``p`` has runs with text and every one of them is bold."""
    any_text = False
    for r in p.iter(_R):
        # the run's text and tails, as "".join(r.itertext()), in C
        if etree.tostring(r, method="text", encoding=str, with_tail=False).strip():
            if not _run_bold(r):
                return False
            any_text = True
    return any_text


def _run_bold(r: etree._Element) -> bool:
    """``r.find("rPr/b")`` says bold, looked up without ElementPath."""
    for rpr in r:
        if rpr.tag == _RPR:
            for b in rpr:
                if b.tag == _B:
                    return b.get(_VAL, "true") not in ("0", "false", "off")
    return False


_EMITTED = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
_NO_TEXT = _SKIP | {_P}  # paragraphs nested in text boxes are read separately


def para_text(p: etree._Element) -> str:
    """Visible text of a paragraph: insertions kept, deletions and field codes dropped."""
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _EMITTED:
            out.append(_EMITTED[tag])
        elif tag not in _NO_TEXT and isinstance(tag, str):
            _collect(child, out)


def _header_footer_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    rels_name = "word/_rels/document.xml.rels"
    if rels_name not in zf.namelist():
        return []
    rels = parse_xml(read_member(zf, rels_name), rels_name)
    parts = []
    for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
        typ = rel.get("Type", "")
        kind = "header" if typ.endswith("/header") else "footer" if typ.endswith("/footer") else None
        if kind and rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            parts.append((kind, target))
    return sorted(parts)


def read_docx(path: Path) -> tuple[list[Block], dict]:
    with open_zip(path) as zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise UnreadableFile("corrupt", "no word/document.xml")
        root = parse_xml(read_member(zf, "word/document.xml"), "document.xml")
        numbering_root = (parse_xml(read_member(zf, "word/numbering.xml"), "numbering.xml")
                          if "word/numbering.xml" in names else None)
        body = root.find(w("body"))
        if body is None:
            raise UnreadableFile("corrupt", "no w:body")
        parts = [(kind, parse_xml(read_member(zf, part), part))
                 for kind, part in _header_footer_parts(zf) if part in names]
        used = {el.get(_VAL, "") for tree in (root, *(t for _, t in parts)) for el in tree.iter(_PSTYLE)}
        walker = _Walker(read_styles(zf, used), Numbering.for_body(numbering_root, body),
                         boxes=next(body.iter(_TXBX), None) is not None)
        walker.body(body)
        seen: set[str] = set()
        for kind, tree in parts:
            sub = _Walker(walker.styles, Numbering.empty())
            sub.body(tree, kind)
            for b in sub.blocks:
                if b.text not in seen:
                    seen.add(b.text)
                    walker.blocks.append(b)
        for part in ("word/footnotes.xml", "word/endnotes.xml"):  # 脚注 and 尾注 are the document's text too
            if part in names:
                notes = _Walker(walker.styles, Numbering.empty())
                for note in parse_xml(read_member(zf, part), part):
                    if note.get(w("type")) in (None, "normal"):  # not the separator lines
                        notes.body(note, "note")
                walker.blocks += notes.blocks
        meta = _core_props(zf) if "docProps/core.xml" in names else {}
    return walker.blocks, meta


def _core_props(zf: zipfile.ZipFile) -> dict:
    root = parse_xml(read_member(zf, "docProps/core.xml"), "core.xml")
    meta = {}
    for el in root:
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local in ("title", "creator", "created", "modified", "subject") and (el.text or "").strip():
            meta[local] = el.text.strip()
    return meta
