"""Plain-text reports (.txt), and the decoding of Chinese text of unknown encoding.

Offices still save a report as a .txt now and then, in GBK more often than UTF-8. The
bytes decide: a byte-order mark, else the declared charset (for web pages), else
UTF-8 if it decodes, else GB18030 (GBK's superset: 喆 and other rare names are in it,
not in GB2312). Each non-empty line is a paragraph.
"""
from __future__ import annotations

from pathlib import Path

from model import Block, UnreadableFile

_GBK_NAMES = ("gb2312", "gbk", "cp936", "x-gbk", "gb_2312-80")


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, then ``declared``, then UTF-8, then GB18030 (with replacement at last)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    names = [declared] if declared else []
    for name in [*names, "utf-8", "gb18030"]:
        name = "gb18030" if name.lower() in _GBK_NAMES else name
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", "replace")


def read_txt(path: Path) -> tuple[list[Block], dict]:
    text = decode_text(path.read_bytes())
    if "\x00" in text or sum(c < " " and c not in "\t\n\r\f" for c in text) > len(text) // 100:
        raise UnreadableFile("corrupt", "binary data in a text file")
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks = [Block(line, f"第{n}段") for n, line in enumerate((ln for ln in lines if ln), 1)]
    return blocks, {"source_format": "txt"}
