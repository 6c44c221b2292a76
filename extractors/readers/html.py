"""Word/WPS "web page" files: HTML or MHT, often sent with a .doc extension.

Parsed with lxml.html with the network off; DTDs and entities are never
loaded (HTML has no external entities in libxml2's HTML parser, and
``no_network`` stops any fetch). Scripts, styles and comments are dropped.
Paragraph-like elements become paragraph blocks, table cells cell blocks
located like the .docx reader's (表1第2行第3列).
"""
from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

from lxml import etree, html

from . import limits
from model import Block, UnreadableFile
from .txt import decode_text

_PARA_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "pre", "title"}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "xml")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\r\n\u00a0]+")


def read_html(path: Path) -> tuple[list[Block], dict]:
    data = path.read_bytes()
    return html_blocks(decode_html(data)), {"source_format": "html"}


def read_mht(path: Path) -> tuple[list[Block], dict]:
    """MHT (MIME HTML, "single file web page"): the first text/html part."""
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            payload = b""
        charset = part.get_content_charset()
        text = decode_text(payload, charset) if charset else decode_html(payload)
        return html_blocks(text), {"source_format": "mht"}
    raise UnreadableFile("corrupt", "no text/html part in MHT")


def decode_html(data: bytes) -> str:
    """Bytes to text: BOM, then the declared charset, then UTF-8, then GB18030."""
    m = _CHARSET.search(data[:4096])
    return decode_text(data, m.group(1).decode("ascii") if m else None)


def html_blocks(text: str) -> list[Block]:
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                             remove_blank_text=True, huge_tree=False)
    text = _XML_DECL.sub("", text)
    if not text.strip():
        return []
    if len(text) > limits.max_file_bytes():
        raise UnreadableFile("too_large", "html text")
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise UnreadableFile("corrupt", f"html: {e}") from None
    for el in root.iter(*_DROP_TAGS):
        el.drop_tree()
    blocks: list[Block] = []
    _walk(root.find("body") if root.find("body") is not None else root, blocks, [0, 0])
    return blocks


def _walk(el: html.HtmlElement, blocks: list[Block], counters: list[int]) -> None:
    """Paragraphs in document order; ``counters`` holds [paragraphs, tables] seen so far."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        if tag == "table":
            counters[1] += 1
            _table(child, counters[1], blocks, counters)
        elif tag in _PARA_TAGS and not _has_block_child(child):
            text = _clean(child.text_content())
            if text:
                counters[0] += 1
                blocks.append(Block(text, f"第{counters[0]}段", heading=tag.startswith("h") and len(tag) == 2))
        else:
            _walk(child, blocks, counters)


def _table(table: html.HtmlElement, t: int, blocks: list[Block], counters: list[int]) -> None:
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    for r, tr in enumerate(rows):
        col = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            text = _clean(" ".join(_cell_texts(cell, blocks, counters)))
            if text:
                blocks.append(Block(text, f"表{t}第{r + 1}行第{col + 1}列", kind="cell", table=t, row=r, col=col))
            col += _span(cell)


def _cell_texts(cell: html.HtmlElement, blocks: list[Block], counters: list[int]) -> list[str]:
    """The cell's own text; a table nested in it is read as a table of its own."""
    out = [cell.text or ""]
    for child in cell:
        if isinstance(child.tag, str) and child.tag.lower() == "table":
            counters[1] += 1
            _table(child, counters[1], blocks, counters)
        elif isinstance(child.tag, str):
            out.append(child.text_content())
        out.append(child.tail or "")
    return out


def _nearest_table(el: html.HtmlElement) -> html.HtmlElement | None:
    for anc in el.iterancestors():
        if anc.tag == "table":
            return anc
    return None


def _span(cell: html.HtmlElement) -> int:
    try:
        return max(1, min(int(cell.get("colspan", "1")), 100))
    except ValueError:
        return 1


def _has_block_child(el: html.HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and (c.tag.lower() in _PARA_TAGS or c.tag.lower() == "table")
               for c in el.iter() if c is not el)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
