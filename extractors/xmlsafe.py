"""XML parsing that never resolves entities, loads DTDs or touches the network."""
from __future__ import annotations

import re
import zipfile

from lxml import etree

from .base import UnreadableFile

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def parse_xml(data: bytes, name: str = "") -> etree._Element:
    """Parse ``data``; a DOCTYPE or entity declaration is ``unsafe_content``.

    OOXML and OFD parts never carry a DTD, so one is a sign of an XXE or
    billion-laughs attempt and the file is refused rather than parsed.
    """
    if _DOCTYPE.search(data[:4096]) or _DOCTYPE.search(data):
        raise UnreadableFile("unsafe_content", f"DTD/entity declaration in {name}")
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as e:
        raise UnreadableFile("corrupt", f"{name}: {e}") from None


def refuse_dtds(zf, read) -> None:  # noqa: ANN001 - zipfile.ZipFile and safezip.read_member
    """Refuse a package any of whose XML parts declares a DTD or entities.

    Used before handing a package to a third-party parser (openpyxl) whose
    error for a refused entity is indistinguishable from a broken file.
    """
    for name in zf.namelist():
        if name.endswith((".xml", ".rels", ".vml")):
            if _DOCTYPE.search(read(zf, name)):
                raise UnreadableFile("unsafe_content", f"DTD/entity declaration in {name}")


_PROLOG_BYTES = 64 * 1024
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def check_parts(zf: zipfile.ZipFile) -> None:
    """Refuse a package any of whose XML parts declares a DTD or entities.

    For parts parsed by another library (openpyxl): only the prolog, before the
    root element, can hold a DOCTYPE, so the first 64 KiB of each part are read.
    """
    for info in zf.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with zf.open(info) as f:
                head = f.read(_PROLOG_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise UnreadableFile("corrupt", f"{info.filename}: {e}") from None
        root = _ROOT_START.search(head)
        prolog = head[:root.start()] if root else head
        if _DOCTYPE.search(prolog) or (root is None and len(head) == _PROLOG_BYTES):
            raise UnreadableFile("unsafe_content", f"DTD/entity declaration in {info.filename}")
