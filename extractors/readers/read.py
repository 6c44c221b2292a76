"""Sniff what a file really is and hand it to the one reader for that kind.

The extension is a hint only: a .doc may be a .docx, a .docx may be an old
binary Word file or HTML saved by WPS. The bytes decide.
"""
from __future__ import annotations

import logging
import stat
from pathlib import Path
from typing import Callable

from . import limits
from model import Block, Document, UnreadableFile
from .docx import read_docx
from .html import read_html, read_mht
from .regular import open_regular
from .ocr import read_image
from .ofd import read_ofd
from .ole import is_password_protected
from .office_convert import read_doc, read_xls
from .pdf import read_pdf
from .txt import read_txt
from .xlsx import read_xlsx

log = logging.getLogger(__name__)

Reader = Callable[[Path], tuple[list[Block], dict]]

# One explicit table: sniffed kind -> reader.
READERS: dict[str, Reader] = {
    "docx": read_docx,
    "pdf": read_pdf,
    "xlsx": read_xlsx,
    "ofd": read_ofd,
    "doc": read_doc,  # old binary Word, WPS and RTF: through LibreOffice when installed
    "wps": read_doc,
    "rtf": read_doc,
    "xls": read_xls,  # old binary Excel and WPS 表格
    "et": read_xls,
    "html": read_html,  # a Word/WPS "web page" saved as .doc
    "mht": read_mht,
    "image": read_image,  # photos and scans: OCR
    "txt": read_txt,  # a plain-text report, UTF-8 or GBK
}

_ARCHIVES = {"rar", "7z", "gz", "bz2", "xz", "tar", "cab", "arj", "lzh"}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")


_IMAGES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"GIF87a", b"GIF89a", b"BM")
_MAGIC = ((b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"), (b"\x1f\x8b", "gz"),
          (b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"))


def sniff(path: Path) -> str:
    """Return the kind of file at ``path`` from its bytes (extension as tie-break).

    Only a regular file is opened (a FIFO or device raises ``OSError`` instead of blocking)."""
    with open_regular(path) as f:
        head = f.read(1024)
    ext = path.suffix.lower().lstrip(".")
    if b"%PDF-" in head:  # PDF allows junk before %PDF within the first KiB
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        return _sniff_ole(path, ext)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGES) and (not head.startswith(b"BM") or ext == "bmp"):
        return "image"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return _sniff_text(head) or ext or "unknown"


def _sniff_text(head: bytes) -> str | None:
    """HTML or MHT ("web page" files Word and WPS save, often named .doc)."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff\x00\r\n\t ").replace(b"\x00", b"").lower()
    if text.startswith(b"mime-version:") or b"content-type: multipart/related" in text:
        return "mht"
    if text.startswith((b"<html", b"<!doctype html", b"<head", b"<meta")) or (
            text.startswith((b"<?xml", b"<!--")) and b"<html" in text):
        return "html"
    return None


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
    """OLE2 containers: the streams inside decide (a .doc may hold a workbook), then the extension."""
    with open(path, "rb") as f:
        data = f.read(4 * 1024 * 1024)
    if _ENCRYPTED_OOXML in data:
        return "encrypted-ooxml"
    if "WordDocument".encode("utf-16-le") in data:
        return "wps" if ext == "wps" else "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "et" if ext == "et" else "xls"
    if ext in ("doc", "wps", "xls", "et", "dps", "ppt"):
        return ext
    return "ole"


_OLE_OFFICE = ("doc", "wps", "xls", "et")


def read_document(path: Path, rel: str) -> Document:
    """Read one file into a ``Document``; raise ``UnreadableFile`` when it cannot be."""
    try:
        st = path.stat()
    except OSError as e:
        raise UnreadableFile("corrupt", str(e), "unreadable") from None
    if not stat.S_ISREG(st.st_mode):  # replaced by a folder or a FIFO since it was listed
        raise UnreadableFile("corrupt", "not a regular file", "unreadable")
    size = st.st_size
    if size == 0:
        raise UnreadableFile("empty")
    if size > limits.max_file_bytes():
        raise UnreadableFile("too_large", f"{size} bytes")
    kind = sniff(path)
    if kind == "encrypted-ooxml":
        raise UnreadableFile("encrypted", "OOXML EncryptedPackage")
    if kind == "corrupt-zip":
        raise UnreadableFile("corrupt", "broken zip container")
    if kind in _OLE_OFFICE and is_password_protected(path):
        raise UnreadableFile("encrypted", f"password-protected {kind}")
    reader = READERS.get(kind)
    if reader is None:
        raise UnreadableFile("unsupported_format", kind, "archive" if kind in _ARCHIVES else None)
    blocks, meta = reader(path)
    if not any(b.text.strip() for b in blocks):
        if kind in ("pdf", "image"):
            raise UnreadableFile("scanned_no_text", "no text found")
        raise UnreadableFile("empty", "no text")
    return Document(rel, kind, tuple(blocks), meta)
