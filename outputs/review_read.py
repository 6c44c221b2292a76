"""Reading the clerk's entries (SPEC §9) from the 台账.xlsx already in the output folder.

Run before anything is written. Columns are found by their header text, not their place,
so a ledger saved again by Excel, WPS or LibreOffice (which rewrite styles, shared strings
and data validation) reads the same. A ledger that exists but cannot be read stops the
run with ``LedgerUnreadable``: its one Chinese line tells the clerk what to do, and the
clerk's work in it is never overwritten.

When 台账.xlsx is missing but the previous run's backup (台账.上次.xlsx) is there, the
entries are read from the backup: a ledger deleted or moved away by mistake loses at most
what was typed into it since the run before.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from extractors.readers.xlsx import cell_text as xlsx_cell_text
from forms.review import Assignment, Correction, Review, Verdict
from forms.ruleset import RULE_TITLES as SCORING_TITLES
from model import FIELD_KEYS
from outputs.labels import FIELD_HEADERS, RULE_TITLES, format_field

log = logging.getLogger(__name__)

LEDGER = "台账.xlsx"
BACKUP = "台账.上次.xlsx"  # the previous run's ledger, kept once beside the new one
FINDINGS, FILES, CORRECTIONS, UNMATCHED = "问题清单", "文件", "更正", "未匹配的核实记录"
# header texts (SPEC §9 and the ledger's own)
RESULT, NOTE, ASSIGNED = "核实结果", "核实说明", "归属单位（人工）"
CORRECTION_HEADERS = ("单位", "项目", "更正值", "说明")
UNMATCHED_HEADERS = ("类型", "单位", "规则代码或项目", "文件", "问题（中文说明）", "核实结果或更正值", "说明",
                     "未能匹配的原因")
MEMO = Path(".pufa") / "review.json"  # the entries of the ledger the last run wrote (``outputs.review_memo``)
# the ledger's other names for a column the review reads (Chinese rule names, a shorter 文件 header)
ALIASES: dict[str, tuple[str, ...]] = {"规则代码": ("问题类型",), "文件路径": ("文件",)}
HEADER_ROWS = 5  # a header is looked for in the first rows (a title row above it is tolerated)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class LedgerUnreadable(Exception):
    """The existing ledger cannot be read: the run must not overwrite it."""


def read_review(out: Path) -> Review:
    """The clerk's entries in ``out``'s 台账.xlsx (or, missing that, in 台账.上次.xlsx)."""
    path, backup = Path(out) / LEDGER, Path(out) / BACKUP
    if not os.path.lexists(path):
        if not backup.is_file():
            return Review()
        log.warning("%s is missing: the clerk's entries are read from %s", path, backup)
        path = backup
    check_not_open(path)
    check_readable(path)
    if path.name == LEDGER:
        known = remembered(out, path)  # the ledger the last run wrote, saved by nobody since
        if known is not None:
            return known
    try:
        return _read(path)
    except LedgerUnreadable:
        raise
    except Exception as e:  # openpyxl's many ways to fail on a damaged part
        log.info("%s: %s", path, e, exc_info=True)
        raise LedgerUnreadable(_corrupt(path)) from None


def check_not_open(path: Path) -> None:
    """Raise ``LedgerUnreadable`` when Excel/WPS (``~$台账.xlsx``) or LibreOffice (``.~lock.台账.xlsx#``)
    has the ledger open: what the clerk has typed there may not be saved yet."""
    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if os.path.lexists(lock):
            raise LedgerUnreadable(f"{path.name}正在 Excel、WPS 或 LibreOffice 中打开：请保存并关闭{path.name}后重试"
                                   f"（若已关闭仍出现此提示，请删除输出文件夹中的 {lock.name}）。")


def check_readable(path: Path) -> None:
    """Raise ``LedgerUnreadable`` unless ``path`` is an .xlsx we can open."""
    name = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except (IsADirectoryError, PermissionError) as e:
        log.info("%s: %s", path, e)
        raise LedgerUnreadable(f"无法打开{name}（可能正在 Excel 或 WPS 中打开）：请关闭{name}后重试。") from None
    except OSError as e:
        raise LedgerUnreadable(f"无法读取{name}（{e.strerror or e}）：请关闭{name}或检查文件夹权限后重试。") from None
    if not head:
        raise LedgerUnreadable(f"{name}是空文件（0字节），可能正在被 Excel 或 WPS 保存：请关闭{name}后重试；"
                               f"若仍为空，请用{BACKUP}替换它后重试。")
    if head == _OLE2:
        raise LedgerUnreadable(_ole_message(path))
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            raise LedgerUnreadable(_corrupt(path))  # a zip cut short: saving interrupted, a copy incomplete
        raise LedgerUnreadable(f"{name}不是 .xlsx 格式（可能被另存为其他格式）：请用 Excel 或 WPS 打开它，"
                               f"另存为“Excel 工作簿（.xlsx）”后重试。")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise LedgerUnreadable(_corrupt(path)) from None
    if b"opendocument" in mimetype:
        raise LedgerUnreadable(f"{name}实际是 OpenDocument 表格（.ods）：请用 WPS、Excel 或 LibreOffice 打开它，"
                               f"另存为“Excel 工作簿（.xlsx）”后重试。")
    if "xl/workbook.xml" not in names:
        raise LedgerUnreadable(_corrupt(path))


def _ole_message(path: Path) -> str:
    """An OLE2 file under the .xlsx name: a password-protected .xlsx, or an .xls/.et saved over it."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            encrypted = ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage")
    except Exception:  # noqa: BLE001 - a broken container is simply corrupt
        return _corrupt(path)
    if encrypted:
        return f"{path.name}设置了打开密码，无法读取其中的核实记录：请在 Excel 或 WPS 中取消密码后保存，再重试。"
    return (f"{path.name}实际是旧版 .xls/.et 格式：请用 Excel 或 WPS 打开它，"
            f"另存为“Excel 工作簿（.xlsx）”后重试。")


def _corrupt(path: Path) -> str:
    return (f"{path.name}已损坏，无法读取其中的核实记录：请用 Excel 或 WPS 打开并修复后另存为 .xlsx，"
            f"或用{BACKUP}替换它后重试。")


def _read(path: Path) -> Review:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = {ws.title: ws for ws in wb.worksheets}
        assignments = list(_assignments(sheets.get(FILES)))
        corrections = list(_corrections(sheets.get(CORRECTIONS)))
        verdicts = list(_verdicts(sheets.get(FINDINGS)))
        for entry in _unmatched(sheets.get(UNMATCHED)):
            {Assignment: assignments, Correction: corrections, Verdict: verdicts}[type(entry)].append(entry)
    finally:
        wb.close()
    review = Review(tuple(assignments), tuple(corrections), tuple(verdicts), str(path))
    log.info("%s: %d entries of the clerk's", path, len(review))
    return review


def remembered(out: Path, ledger: Path) -> Review | None:
    """The entries of ``ledger`` when it is the one the last run wrote and nobody saved since."""
    try:
        memo = json.loads((Path(out) / MEMO).read_text(encoding="utf-8"))
        if memo["size"] != ledger.stat().st_size or memo["sha256"] != hashlib.sha256(ledger.read_bytes()).hexdigest():
            return None
        return Review(tuple(Assignment(**a) for a in memo["assignments"]),
                      tuple(Correction(**c) for c in memo["corrections"]),
                      tuple(Verdict(**v) for v in memo["verdicts"]), str(ledger))
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.info("no memo of the ledger's entries: %s", e)
        return None


# ---------------------------------------------------------------- sheets

def _rows(ws: Any, wanted: Sequence[str]) -> Iterator[dict[str, str]]:
    """The data rows of ``ws`` as {header: text} for the ``wanted`` headers found (a header
    the ledger also wrote under another name, ``ALIASES``, counts as it); none when the sheet
    or its first wanted header is missing (a ledger from before the review)."""
    if ws is None:
        return
    rows = ws.iter_rows(values_only=True)
    columns: dict[str, int] = {}
    for _, row in zip(range(HEADER_ROWS), rows):
        texts = [cell_text(c) for c in row]
        found = {w: _column(texts, w) for w in wanted}
        if found[wanted[0]] is not None and any(found[w] is not None for w in wanted[1:]):
            columns = {w: i for w, i in found.items() if i is not None}
            break
    if not columns:
        return
    for row in rows:
        values = {w: cell_text(row[i]) if i < len(row) else "" for w, i in columns.items()}
        if any(values.values()):
            yield values


def _column(texts: list[str], header: str) -> int | None:
    for name in (header, *ALIASES.get(header, ())):
        if name in texts:
            return texts.index(name)
    return None


def cell_text(value: Any) -> str:
    """A cell as the clerk sees it (as the xlsx reader shows it: 4 not 4.0, a date as 2022-12-10), stripped."""
    return xlsx_cell_text(value).strip()


def _assignments(ws: Any) -> Iterator[Assignment]:
    for row in _rows(ws, ("文件路径", ASSIGNED)):
        if row.get(ASSIGNED) and row.get("文件路径"):
            yield Assignment(row["文件路径"], row[ASSIGNED])


def _corrections(ws: Any) -> Iterator[Correction]:
    for row in _rows(ws, CORRECTION_HEADERS):
        if row.get("单位") or row.get("项目") or row.get("更正值"):
            yield Correction(row.get("单位", ""), row.get("项目", ""), field_key(row.get("项目", "")),
                             row.get("更正值", ""), row.get("说明", ""))


def _verdicts(ws: Any) -> Iterator[Verdict]:
    for row in _rows(ws, ("单位", "规则代码", "问题（中文说明）", "文件", RESULT, NOTE)):
        if row.get(RESULT) or row.get(NOTE):
            yield Verdict(row.get("单位", ""), rule_code(row.get("规则代码", "")), row.get("文件", ""),
                          row.get("问题（中文说明）", ""), row.get(RESULT, ""), row.get(NOTE, ""))


def _unmatched(ws: Any) -> Iterator[Assignment | Correction | Verdict]:
    """Entries that matched nothing last time: tried again in this run."""
    for row in _rows(ws, UNMATCHED_HEADERS):
        kind, unit, item = row.get("类型"), row.get("单位", ""), row.get("规则代码或项目", "")
        value, note = row.get("核实结果或更正值", ""), row.get("说明", "")
        if kind == "核实":
            yield Verdict(unit, rule_code(item), row.get("文件", ""), row.get("问题（中文说明）", ""), value, note)
        elif kind == "更正":
            yield Correction(unit, item, field_key(item), value, note)
        elif kind == "归属" and row.get("文件"):
            yield Assignment(row["文件"], unit)


# the ledger's Chinese rule names (outputs.labels, what 问题清单 shows) and the rubric's -> codes
_CODES_BY_TITLE = {title: code for titles in (SCORING_TITLES, RULE_TITLES) for code, title in titles.items()}


def rule_code(text: str) -> str:
    """The SPEC §4 code of a rule the ledger names by its Chinese title; other text as it is."""
    text = (text or "").strip()
    return _CODES_BY_TITLE.get(text, text)


# 汇总 header -> SPEC key; keys themselves are accepted too (SPEC §9)
_LABELS = {**{label: key for key, label in FIELD_HEADERS.items()}, **{key: key for key in FIELD_KEYS}}
_BARE = {label.split("(")[0]: key for label, key in _LABELS.items()}  # 普法活动 for 普法活动(场次)
CORRECTABLE = frozenset(FIELD_HEADERS) - {"doc_type"}


def field_key(item: str) -> str | None:
    """The SPEC §3 key a 项目 names: the 汇总 header (以案释法案例数), with or without its unit in
    brackets (普法活动 for 普法活动(场次)), or the key itself; None when it names no correctable field."""
    text = "".join(item.split()).replace("（", "(").replace("）", ")")
    key = _LABELS.get(text) or _LABELS.get(text.lower())
    if key is None:
        key = _BARE.get(text.split("(")[0])
    return key if key in CORRECTABLE else None


# ---------------------------------------------------------------- what the ledger shows

def correction_rows(records: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The corrections in force, one row each: 单位, 项目 (the 汇总 header), 更正值, 说明."""
    return [(u["unit"], FIELD_HEADERS.get(c["field"], c["field"]), _shown(format_field(c["field"], c["value"])),
             c.get("reason") or "")
            for u in records.get("units") or [] for c in u.get("corrections") or []]


def _shown(value: Any) -> Any:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


# ---------------------------------------------------------------- the backup

def backup_ledger(out: Path, scratch: Path | None = None) -> Path | None:
    """Keep the ledger about to be replaced as 台账.上次.xlsx (one backup, the last run's);
    copied first into ``scratch`` (the run's, removed whatever happens) or beside it."""
    path, backup = Path(out) / LEDGER, Path(out) / BACKUP
    if not path.is_file():
        return None
    tmp = (Path(scratch) if scratch is not None else backup.parent) / f".{backup.name}.tmp"
    shutil.copy2(path, tmp)
    os.replace(tmp, backup)
    return backup
