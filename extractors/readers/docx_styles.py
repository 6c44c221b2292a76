"""The paragraph styles a .docx uses: their names and whether they carry an outline level.

styles.xml is often hundreds of KiB of latent styles, of which a document uses a few;
those few ``w:style`` elements are cut out of the bytes and parsed alone.
"""
from __future__ import annotations

import re
import zipfile

from lxml import etree

from .safezip import read_member
from .xmlsafe import check_no_dtd, parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def read_styles(zf: zipfile.ZipFile, used: set[str]) -> dict[str, tuple[str, bool]]:
    """(name, has an outline level) of the paragraph styles ``used``.

    styles.xml is often hundreds of KiB of latent styles; only the few
    ``w:style`` elements the document refers to are cut out and parsed
    (with the root's namespace declarations), the whole part only when
    that cannot be done safely.
    """
    if not used or "word/styles.xml" not in zf.namelist():
        return {}
    data = read_member(zf, "word/styles.xml")
    check_no_dtd(data, "styles.xml")
    return _styles_cut(data, used) or _styles_parsed(parse_xml(data, "styles.xml"))


_STYLES_ROOT = re.compile(rb"<w:styles\b[^>]*>")


def _styles_cut(data: bytes, used: set[str]) -> dict[str, tuple[str, bool]] | None:
    root = _STYLES_ROOT.search(data[:8192])
    if root is None or f'xmlns:w="{W}"'.encode() not in root.group():
        return None
    parts = []
    for sid in sorted(used):
        for m in _style_tags(_style_pattern(sid.encode()), data, sid.encode()):
            if m.group().endswith(b"/>"):
                parts.append(m.group())
                continue
            end = data.find(b"</w:style>", m.end())
            if end < 0:
                return None
            parts.append(data[m.start():end + len(b"</w:style>")])
    try:
        cut = etree.fromstring(root.group() + b"".join(parts) + b"</w:styles>", parser=_CUT_PARSER)
    except etree.XMLSyntaxError:
        return None
    return _styles_parsed(cut)


def _style_tags(pat: re.Pattern, data: bytes, sid: bytes):
    """``pat.finditer(data)``, ``pat`` being ``_style_pattern(sid)``, found faster in a large styles.xml.

    ``bytes.find`` goes to each ``<w:style`` where a match can start, and the pattern is
    only tried there when ``w:styleId="sid"`` (or '…') comes before the tag's first ``>``:
    the part of the pattern ahead of it cannot cross a ``>``.
    """
    literals = [[b'w:styleId="' + sid + b'"', -1], [b"w:styleId='" + sid + b"'", -1]]
    pos = data.find(b"<w:style")
    while pos >= 0:
        for lit in literals:  # the next place of each literal at or after pos (len(data): none)
            if lit[1] < pos:
                k = data.find(lit[0], pos)
                lit[1] = k if k >= 0 else len(data)
        first = min(literals[0][1], literals[1][1])
        if first == len(data):
            return
        end = data.find(b">", pos)
        m = pat.match(data, pos) if first < end or end < 0 else None
        if m:
            yield m
            pos = data.find(b"<w:style", m.end())
        else:
            pos = data.find(b"<w:style", pos + 1)


def _style_pattern(sid: bytes) -> re.Pattern:
    return re.compile(rb'<w:style\b[^>]*?\sw:styleId=(["\'])' + re.escape(sid) + rb"\1[^>]*>")


_CUT_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _styles_parsed(root: etree._Element) -> dict[str, tuple[str, bool]]:
    out = {}
    for st in root.iter(w("style")):
        name_el = st.find(w("name"))
        name = name_el.get(w("val"), "") if name_el is not None else ""
        outline = st.find(f"{w('pPr')}/{w('outlineLvl')}") is not None
        out[st.get(w("styleId"), "")] = (name, outline)
    return out
