"""XML parsing that never resolves entities, loads DTDs or touches the network."""
from __future__ import annotations

import re

from lxml import etree

from model import UnreadableFile

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def check_no_dtd(data: bytes, name: str = "") -> None:
    """A DOCTYPE or entity declaration is ``unsafe_content``.

    OOXML and OFD parts never carry a DTD, so one is a sign of an XXE or
    billion-laughs attempt and the file is refused rather than parsed.
    """
    if has_dtd(data):
        raise UnreadableFile("unsafe_content", f"DTD/entity declaration in {name}")


def has_dtd(data: bytes) -> bool:
    """Whether ``data`` holds ``<!DOCTYPE`` or ``<!ENTITY`` (any case) anywhere.

    ``_DOCTYPE.search`` over the whole part, found faster: "!" is rare in XML and
    ``bytes.find`` of one byte is a memchr, so the pattern is only tried where one is.
    """
    i = data.find(b"!")
    while i >= 0:
        if i and data[i - 1] == 0x3C and _DOCTYPE.match(data, i - 1):  # 0x3C: "<"
            return True
        i = data.find(b"!", i + 1)
    return False


def parse_xml(data: bytes, name: str = "") -> etree._Element:
    """Parse ``data`` after ``check_no_dtd``."""
    check_no_dtd(data, name)
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
            if has_dtd(read(zf, name)):
                raise UnreadableFile("unsafe_content", f"DTD/entity declaration in {name}")
