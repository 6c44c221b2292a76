"""The record types and SPEC constants every layer uses; nothing here imports the project.

Data flows one way: a reader turns a file into a ``Document`` of ``Block``s
(text with a citable location); the field finders turn blocks into
``Value``s that carry ``Evidence``; the checks group them into ``FileRecord``s
and ``UnitRecord``s with ``Finding``s.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# SPEC §6 error codes with the Chinese message a clerk can act on: what happened and
# what to ask the unit for.
ERROR_MESSAGES: dict[str, str] = {
    "empty": "文件为空（0字节或打开后没有任何文字），请联系该单位核对附件，重新报送有内容的原文件。",
    "corrupt": "文件已损坏或内容与扩展名不符（如改过扩展名、未下载完整），无法打开，"
               "请联系该单位用 Word 或 WPS 打开原文件，另存为 .docx 或 PDF 后重新报送。",
    "encrypted": "文件或压缩包设置了打开密码，无法读取，请联系该单位取消密码后重新报送。",
    "unsupported_format": "文件格式暂不支持，请联系该单位改报 .docx、.pdf、.ofd 或 .xlsx 格式。",
    "scanned_no_text": "文件为扫描件或图片，未能识别出文字，请联系该单位报送可编辑的电子版"
                       "（.docx 或可复制文字的 PDF），或更清晰的扫描件。",
    "too_large": "文件过大，超过读取上限，请联系该单位压缩其中的图片或删去无关附件后重新报送，或改报文字版 .docx。",
    "archive_bomb": "压缩包解压后体积、文件数量或嵌套层数异常（疑似压缩炸弹），已拒绝解压，"
                    "请联系该单位不要压缩，直接把各个原文件作为附件报送。",
    "unsafe_content": "文件含有不安全的内容（如外部实体引用），已拒绝读取，"
                      "请联系该单位用 Word 或 WPS 打开后另存为新的 .docx/.xlsx 再报送。",
    "timeout": "文件读取超时（内容异常复杂或已损坏），请联系该单位另存为 .docx 或可复制文字的 PDF 后重新报送。",
}

# A more telling message for one cause of a code; the code stays the SPEC's.
MESSAGE_VARIANTS: dict[tuple[str, str], str] = {
    ("unsupported_format", "needs_office"):
        "文件为旧版 Word/WPS/Excel 或 RTF 格式（.doc/.wps/.xls/.et/.rtf），读取需要 LibreOffice，本机未安装："
        "请安装 LibreOffice 后重新检查，或联系该单位另存为 .docx/.xlsx 后报送。",
    ("corrupt", "office_failed"):
        "文件为旧版 Word/WPS/Excel 或 RTF 格式，LibreOffice 未能打开（文件可能已损坏或设置了密码），"
        "请联系该单位用 Word 或 WPS 打开后另存为 .docx/.xlsx，取消密码后重新报送。",
    ("unsupported_format", "archive"):
        "压缩包为 RAR/7z 等格式，暂不能解压，请联系该单位改用 .zip 压缩，或直接把原文件作为附件报送。",
    ("scanned_no_text", "no_ocr"):
        "文件为扫描件或图片，本机未安装文字识别（OCR）组件，无法读取：请安装 pufa[ocr] 后重新检查，"
        "或联系该单位报送可编辑的电子版（.docx 或可复制文字的 PDF）。",
    ("unsupported_format", "special_file"):
        "收件文件夹中的这一项不是普通文件（命名管道、设备等特殊文件，或指向它们的链接），无法读取："
        "请从来件邮件中重新保存该单位的附件放入收件文件夹，如附件缺失请联系该单位重新报送。",
    ("unsafe_content", "link_outside"):
        "这一项是指向收件文件夹以外位置的链接（快捷方式），为安全起见未读取："
        "请把该单位报送的原文件本身放入收件文件夹，如原文件缺失请联系该单位重新报送。",
    ("corrupt", "link_broken"):
        "这一项是已失效的链接（快捷方式），指向的文件不存在："
        "请把该单位报送的原文件放入收件文件夹，如原文件缺失请联系该单位重新报送。",
    ("corrupt", "unreadable"):
        "文件无法打开（本机没有读取权限，或检查过程中文件被移走、替换）："
        "请检查该文件的权限和位置后重新检查，如文件已丢失请联系该单位重新报送。",
    ("archive_bomb", "too_deep"):
        "压缩包内嵌套的压缩包层数过多，已拒绝解压，请联系该单位解压后直接把原文件作为附件报送。",
}


class UnreadableFile(Exception):
    """A file that cannot be read; ``code`` is one of ``ERROR_MESSAGES``.

    ``detail`` is for the log; ``variant`` picks a more specific clerk message
    from ``MESSAGE_VARIANTS`` when the cause is known (e.g. LibreOffice missing).
    """

    def __init__(self, code: str, detail: str = "", variant: str | None = None) -> None:
        if code not in ERROR_MESSAGES:
            raise ValueError(f"unknown error code {code!r}")
        if variant is not None and (code, variant) not in MESSAGE_VARIANTS:
            raise ValueError(f"unknown message variant {variant!r} for {code!r}")
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.variant = variant

    def __reduce__(self):  # noqa: ANN204 - keeps code/detail/variant across processes
        return (UnreadableFile, (self.code, self.detail, self.variant))

    @property
    def message(self) -> str:
        return error_message(self.code, self.variant)


def error_message(code: str, variant: str | None = None) -> str:
    return MESSAGE_VARIANTS.get((code, variant or ""), ERROR_MESSAGES[code])


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

    def __init__(self, text: str, where: str, kind: str = "para", page: int | None = None,
                 table: int | None = None, row: int | None = None, col: int | None = None,
                 heading: bool = False) -> None:
        # The fields above, set in one call: a frozen dataclass's own __init__ sets each through
        # object.__setattr__, which made building a spreadsheet's thousand cells cost 2.5× as much.
        self.__dict__.update(text=text, where=where, kind=kind, page=page, table=table, row=row, col=col,
                             heading=heading)


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


# ---- the records the checks see and produce (was forms/base.py) ----

# SPEC §3 field keys, in the order the ledger and records.json show them.
FIELD_KEYS: tuple[str, ...] = (
    "unit", "year", "doc_type", "date", "leading_group", "leader_in_charge",
    "staff_assigned", "duty_list", "cases_total", "cases_by_quarter", "activities",
    "materials", "consultations", "audience", "study_sessions", "new_media",
    "budget", "sections",
)
LIST_KEYS = frozenset({"new_media", "sections"})
DOC_TYPES: tuple[str, ...] = (
    "annual_report", "self_inspection", "duty_list", "case_report", "plan", "stats_form", "other",
)
SECTION_NAMES: tuple[str, ...] = ("基本情况", "主要做法", "存在问题", "下一步打算")
# The clerk's verdicts on a finding in the ledger's 问题清单 (SPEC §9).
CONFIRMED, DISMISSED = "属实", "排除"


@dataclass(frozen=True)
class FileRecord:
    """One received file after reading and extraction."""

    path: str
    sha256: str
    status: str  # ok | error
    error_code: str | None = None
    error_message: str | None = None
    unit: str | None = None
    doc_type: str | None = None
    fields: dict[str, Value] = field(default_factory=dict)
    text: str = ""  # normalised full text, for length/similarity rules
    size: int = 0
    mtime: float | None = None  # arrival time proxy
    fmt: str = ""  # what the bytes are: docx, pdf, xlsx …
    timings: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # seconds per stage
    # a report's tokens and fingerprint for the duplicate check, made by the worker that read it
    analysis: tuple[Any, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def is_sheet(self) -> bool:
        """A spreadsheet: figures and short notes in cells, not a narrative report."""
        return self.fmt in ("xlsx", "xls", "et", "csv")

    def value(self, key: str) -> Any:
        v = self.fields.get(key)
        return None if v is None else v.value


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning
    message: str
    evidence: tuple[Evidence, ...] = ()
    file: str | None = None
    verdict: str | None = None  # the clerk's 核实结果 (SPEC §9): 属实 | 排除, from the ledger
    reason: str = ""  # the clerk's 核实说明

    @property
    def dismissed(self) -> bool:
        """The clerk dismissed it (排除): it stays on record but leaves notices, scores and drafts."""
        return self.verdict == DISMISSED


@dataclass(frozen=True)
class UnitRecord:
    unit: str
    files: tuple[FileRecord, ...]
    fields: dict[str, Value]
    on_roster: bool = True
    findings: tuple[Finding, ...] = ()
    score: float | None = None
    grade: str | None = None
    score_items: tuple[dict[str, Any], ...] = ()
    other_year: frozenset[str] = frozenset()  # paths of files about an earlier year (``merge.other_year``)
    corrections: tuple[dict[str, Any], ...] = ()  # the clerk's (SPEC §9): {field, value, was, reason}

    def value(self, key: str) -> Any:
        v = self.fields.get(key)
        return None if v is None else v.value


# ---- what one check run hands back to the command line ----

@dataclass
class CheckResult:
    records: dict[str, Any]
    outputs: list[Path] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        units = self.records["units"]
        received = [u for u in units if u["files"]]
        return {
            "files": len(self.records["files"]),
            "unreadable": sum(1 for f in self.records["files"] if f["status"] == "error"),
            "received": len(received),
            "missing": len(self.records["missing_units"]),
            "with_problems": sum(1 for u in received if _open(u)),
            "errors": sum(1 for u in units for x in _open(u) if x["severity"] == "error"),
        }


def _open(unit: dict[str, Any]) -> list[dict[str, Any]]:
    """A unit's findings in records.json the clerk did not dismiss (SPEC §9)."""
    return [f for f in unit["findings"] if not f.get("dismissed")]
