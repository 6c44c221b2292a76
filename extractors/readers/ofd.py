"""Reading .ofd (GB/T 33190, the Chinese fixed-layout e-document format).

An OFD is a zip of XML: ``OFD.xml`` names the document root
(``DocBody/DocRoot``, e.g. ``Doc_0/Document.xml``), which lists the pages
(``Pages/Page/@BaseLoc``, e.g. ``Pages/Page_0/Content.xml``); each page's
``TextObject``s hold ``TextCode`` runs placed at X/Y inside the object's
``Boundary``. Runs are put in reading order (page, then line by Y, then X)
and lines are joined into paragraphs like a PDF's. Members are read through
``safezip`` (limits first) and parsed by ``xmlsafe`` (no DTD, no entities);
nothing is unpacked to disk.
"""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from model import Block, UnreadableFile
from .pdf import join_lines
from .safezip import open_zip, read_member
from .xmlsafe import parse_xml

_MAX_PAGES = 2000


@dataclass(frozen=True)
class _Run:
    x: float
    y: float
    size: float
    text: str


def read_ofd(path: Path) -> tuple[list[Block], dict]:
    with open_zip(path) as zf:
        names = {n.lower(): n for n in zf.namelist()}
        if "ofd.xml" not in names:
            raise UnreadableFile("corrupt", "no OFD.xml")
        ofd = _parse(zf, names, "OFD.xml")
        doc_root = _doc_root(ofd)
        document = _parse(zf, names, doc_root)
        pages = _page_locations(document, doc_root)
        if len(pages) > _MAX_PAGES:
            raise UnreadableFile("too_large", f"{len(pages)} pages")
        blocks: list[Block] = []
        images = 0
        for i, loc in enumerate(pages, 1):
            content = _parse(zf, names, loc)
            images += sum(1 for _ in _iter_local(content, "ImageObject"))
            for para in join_lines(page_lines(content)):
                blocks.append(Block(para, f"第{i}页", kind="para", page=i))
    if not blocks and images:
        raise UnreadableFile("scanned_no_text", "OFD holds page images only")
    return blocks, {"pages": len(pages), **_doc_info(ofd)}


def _doc_root(ofd: etree._Element) -> str:
    for el in _iter_local(ofd, "DocRoot"):
        if (el.text or "").strip():
            return _normalise(el.text.strip())
    raise UnreadableFile("corrupt", "OFD.xml names no DocRoot")


def _page_locations(document: etree._Element, doc_root: str) -> list[str]:
    base = posixpath.dirname(doc_root)
    out = []
    for page in _iter_local(document, "Page"):
        loc = page.get("BaseLoc")
        if loc:
            out.append(_resolve(base, loc))
    return out


def page_lines(content: etree._Element) -> list[str]:
    """The page's text as lines, top to bottom, each run left to right."""
    runs = sorted(_runs(content), key=lambda r: (r.y, r.x))
    lines: list[list[_Run]] = []
    for run in runs:
        if lines and abs(run.y - lines[-1][0].y) <= max(run.size, lines[-1][0].size) * 0.5:
            lines[-1].append(run)
        else:
            lines.append([run])
    return ["".join(r.text for r in sorted(line, key=lambda r: r.x)) for line in lines]


def _runs(content: etree._Element) -> list[_Run]:
    out = []
    for obj in _iter_local(content, "TextObject"):
        bx, by = _boundary_origin(obj.get("Boundary", ""))
        size = _float(obj.get("Size"), 3.5)
        for code in _iter_local(obj, "TextCode"):
            text = code.text or ""
            if text.strip():
                out.append(_Run(bx + _float(code.get("X"), 0), by + _float(code.get("Y"), 0), size, text))
    return out


def _boundary_origin(boundary: str) -> tuple[float, float]:
    parts = boundary.split()
    return (_float(parts[0], 0), _float(parts[1], 0)) if len(parts) >= 2 else (0.0, 0.0)


def _doc_info(ofd: etree._Element) -> dict:
    """Title and creation date from ``OFD.xml``'s ``DocInfo``."""
    meta = {}
    for key, local in (("title", "Title"), ("created", "CreationDate"), ("creator", "Author")):
        el = next(_iter_local(ofd, local), None)
        if el is not None and (el.text or "").strip():
            meta[key] = el.text.strip()
    return meta


def _parse(zf: zipfile.ZipFile, names: dict[str, str], member: str) -> etree._Element:
    real = names.get(member.lower())
    if real is None:
        raise UnreadableFile("corrupt", f"missing OFD part {member}")
    return parse_xml(read_member(zf, real), member)


def _iter_local(root: etree._Element, local: str):  # noqa: ANN202 - generator of elements
    for el in root.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname == local:
            yield el


def _resolve(base: str, loc: str) -> str:
    loc = loc.strip().replace("\\", "/")
    return _normalise(loc if loc.startswith("/") else posixpath.join(base, loc))


def _normalise(loc: str) -> str:
    norm = posixpath.normpath(loc.lstrip("/"))
    if norm.startswith(".."):
        raise UnreadableFile("corrupt", f"OFD part outside the package: {loc}")
    return norm


def _float(s: str | None, default: float) -> float:
    try:
        return float(s) if s is not None else default
    except ValueError:
        return default
