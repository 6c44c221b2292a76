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

from .base import Block, UnreadableFile
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


class _Walker:
    def __init__(self, styles: dict[str, tuple[str, bool]], numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.para_no = 0
        self.table_no = 0

    # -- paragraphs -------------------------------------------------------
    def paragraph(self, p: etree._Element, kind: str, where: str | None = None) -> None:
        text = self.numbering.prefix(p) + para_text(p)
        heading = self._is_heading(p, text)
        for tb in self._textboxes(p):
            for q in tb.iter(w("p")):
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
        return [tb for tb in p.iter(w("txbxContent")) if not _under(tb, p, _BOX_STOP)]

    def _is_heading(self, p: etree._Element, text: str) -> bool:
        ppr = p.find(w("pPr"))
        if ppr is not None:
            if ppr.find(w("outlineLvl")) is not None:
                return True
            st = ppr.find(w("pStyle"))
            if st is not None:
                name, outline = self.styles.get(st.get(w("val"), ""), ("", False))
                if outline or name.lower().startswith("heading") or name.startswith("标题"):
                    return True
        runs = [r for r in p.iter(w("r")) if "".join(r.itertext()).strip()]
        if runs and len(text.strip()) <= 30 and all(_run_bold(r) for r in runs):
            return True
        return False

    # -- tables -----------------------------------------------------------
    def table(self, tbl: etree._Element) -> None:
        self.table_no += 1
        t = self.table_no
        for r, tr in enumerate(tbl.iterchildren(w("tr"))):
            col = 0
            for tc in _cells(tr):
                span = _grid_span(tc)
                if not _is_vmerge_continue(tc):
                    texts = []
                    for child in tc:
                        if child.tag == w("p"):
                            s = self.numbering.prefix(child) + para_text(child)
                            if s.strip():
                                texts.append(s)
                        elif child.tag == w("tbl"):
                            self.table(child)
                    text = "\n".join(texts)
                    if text.strip():
                        self.blocks.append(Block(text, f"表{t}第{r + 1}行第{col + 1}列",
                                                 kind="cell", table=t, row=r, col=col))
                col += span

    # -- body ---------------------------------------------------------------
    def body(self, el: etree._Element, kind: str = "para") -> None:
        for child in el:
            if child.tag == w("p"):
                self.paragraph(child, kind, None if kind == "para" else _KIND_WHERE[kind])
            elif child.tag == w("tbl"):
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
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            yield from (c for c in child.iter(w("tc")))


def _grid_span(tc: etree._Element) -> int:
    gs = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return max(1, int(gs.get(w("val")))) if gs is not None else 1
    except (TypeError, ValueError):
        return 1


def _is_vmerge_continue(tc: etree._Element) -> bool:
    vm = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    return vm is not None and vm.get(w("val"), "continue") == "continue"


def _run_bold(r: etree._Element) -> bool:
    b = r.find(f"{w('rPr')}/{w('b')}")
    return b is not None and b.get(w("val"), "true") not in ("0", "false", "off")


def para_text(p: etree._Element) -> str:
    """Visible text of a paragraph: insertions kept, deletions and field codes dropped."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == w("t"):
                out.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                out.append("\t")
            elif tag in (w("br"), w("cr")):
                out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag == w("p"):
                continue  # paragraphs nested in text boxes are read separately
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _styles(zf: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    if "word/styles.xml" not in zf.namelist():
        return {}
    root = parse_xml(read_member(zf, "word/styles.xml"), "styles.xml")
    out = {}
    for st in root.iter(w("style")):
        name_el = st.find(w("name"))
        name = name_el.get(w("val"), "") if name_el is not None else ""
        outline = st.find(f"{w('pPr')}/{w('outlineLvl')}") is not None
        out[st.get(w("styleId"), "")] = (name, outline)
    return out


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
        numbering = Numbering.from_zip(zf) if "word/numbering.xml" in names else Numbering.empty()
        walker = _Walker(_styles(zf), numbering)
        body = root.find(w("body"))
        if body is None:
            raise UnreadableFile("corrupt", "no w:body")
        walker.body(body)
        seen: set[str] = set()
        for kind, part in _header_footer_parts(zf):
            if part not in names:
                continue
            sub = _Walker(walker.styles, Numbering.empty())
            sub.body(parse_xml(read_member(zf, part), part), kind)
            for b in sub.blocks:
                if b.text not in seen:
                    seen.add(b.text)
                    walker.blocks.append(b)
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
