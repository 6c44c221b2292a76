"""Sniff what a file really is and hand it to the one reader for that kind.

The extension is a hint only: a .doc may be a .docx, a .docx may be an old
binary Word file or HTML saved by WPS. The bytes decide.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from .base import Block, Document, UnreadableFile
from .docx_reader import read_docx
from .pdf_reader import read_pdf
from .xlsx_reader import read_xlsx

log = logging.getLogger(__name__)

MAX_BYTES = 200 * 1024 * 1024

Reader = Callable[[Path], tuple[list[Block], dict]]

# One explicit table: sniffed kind -> reader.
READERS: dict[str, Reader] = {
    "docx": read_docx,
    "pdf": read_pdf,
    "xlsx": read_xlsx,
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path) -> str:
    """Return the kind of file at ``path`` from its bytes (extension as tie-break)."""
    with open(path, "rb") as f:
        head = f.read(8)
    ext = path.suffix.lower().lstrip(".")
    if head.startswith(b"%PDF") or _pdf_header_later(path, head):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        return _sniff_ole(path, ext)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return ext or "unknown"


def _pdf_header_later(path: Path, head: bytes) -> bool:
    # PDF allows junk before %PDF within the first KiB
    if head.startswith(b"%PDF"):
        return True
    with open(path, "rb") as f:
        return b"%PDF-" in f.read(1024)


def _sniff_zip(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        return "corrupt-zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    if "[Content_Types].xml" in names:
        return "ooxml-other"
    return "zip"


def _sniff_ole(path: Path, ext: str) -> str:
    with open(path, "rb") as f:
        data = f.read(4 * 1024 * 1024)
    if _ENCRYPTED_OOXML in data:
        return "encrypted-ooxml"
    if ext in ("doc", "wps", "xls", "et", "dps", "ppt"):
        return ext
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    return "ole"


def read_document(path: Path, rel: str) -> Document:
    """Read one file into a ``Document``; raise ``UnreadableFile`` when it cannot be."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise UnreadableFile("corrupt", str(e)) from None
    if size == 0:
        raise UnreadableFile("empty")
    if size > MAX_BYTES:
        raise UnreadableFile("too_large", f"{size} bytes")
    kind = sniff(path)
    if kind == "encrypted-ooxml":
        raise UnreadableFile("encrypted", "OOXML EncryptedPackage")
    if kind == "corrupt-zip":
        raise UnreadableFile("corrupt", "broken zip container")
    reader = READERS.get(kind)
    if reader is None:
        raise UnreadableFile("unsupported_format", kind)
    blocks, meta = reader(path)
    if not any(b.text.strip() for b in blocks):
        if kind == "pdf":
            raise UnreadableFile("scanned_no_text", "no text layer")
        raise UnreadableFile("empty", "no text")
    return Document(rel, kind, tuple(blocks), meta)
