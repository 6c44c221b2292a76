"""Plain frozen dataclasses handed from stage to stage, and the reader error.

Data flows one way: a reader turns a file into a ``Document`` of ``Block``s
(text with a citable location); the field extractors turn blocks into
``Value``s that carry ``Evidence``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# SPEC §6 error codes with the Chinese message a clerk can act on.
ERROR_MESSAGES: dict[str, str] = {
    "empty": "文件为空（0字节或没有任何文字），请联系该单位重新报送。",
    "corrupt": "文件已损坏或内容与扩展名不符，无法打开，请联系该单位重新导出后报送。",
    "encrypted": "文件设置了密码或已加密，无法读取，请联系该单位报送未加密的版本。",
    "unsupported_format": "文件格式暂不支持，请联系该单位改报 .docx、.pdf 或 .xlsx 格式。",
    "scanned_no_text": "文件为扫描件或图片，未能识别出文字，请联系该单位报送可编辑的电子版（.docx 或文字版 PDF）。",
    "too_large": "文件超过大小上限，请联系该单位压缩图片后重新报送或改报文字版。",
    "archive_bomb": "压缩包解压后体积或文件数量异常（疑似压缩炸弹），已拒绝解压，请联系该单位直接报送原文件。",
    "unsafe_content": "文件含有不安全的内容（如外部实体引用），已拒绝读取，请联系该单位用办公软件另存后重新报送。",
    "timeout": "文件读取超时，请联系该单位检查文件后重新报送（可另存为 .docx 或文字版 PDF）。",
}


class UnreadableFile(Exception):
    """A file that cannot be read; ``code`` is one of ``ERROR_MESSAGES``."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in ERROR_MESSAGES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail

    @property
    def message(self) -> str:
        return ERROR_MESSAGES[self.code]


@dataclass(frozen=True)
class Block:
    """A run of text with the place a clerk can find it again.

    ``where`` is the human location cited as evidence: 第3段, 第2页,
    表1第2行第3列, 页眉, 文本框, 统计表!B4.  ``kind`` is one of
    para, cell, header, footer, textbox, note.  Table cells also carry their
    table/row/col (0-based) so table readers can rebuild the grid.
    """

    text: str
    where: str
    kind: str = "para"
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    heading: bool = False  # the source marks it as a heading (style/outline/bold short line)


@dataclass(frozen=True)
class Document:
    """A read file: its blocks in reading order plus what the container says."""

    path: str  # relative to INBOX, ``a.zip!/inner/b.docx`` inside archives
    fmt: str  # docx | pdf | xlsx | doc | wps | ofd | xls | ...
    blocks: tuple[Block, ...]
    meta: dict[str, Any] = field(default_factory=dict)  # title, created, modified, ocr ...


@dataclass(frozen=True)
class Evidence:
    file: str
    where: str
    quote: str

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "where": self.where, "quote": self.quote}


@dataclass(frozen=True)
class Value:
    value: Any
    evidence: tuple[Evidence, ...] = ()
