"""What the ledger's cells say to a clerk: rule names, file sizes, replaced versions, 未报送.

Codes (rule codes, the sha256) stay in records.json; the ledger shows Chinese.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from model.system import shown_path
from outputs.labels import RULE_TITLES, doc_type_name
from outputs.notice_text import file_title

MISSING = "未报送"
# 文件: the path, then what a clerk reads; the error code last (README lists the codes).
FILE_HEADERS = ("文件", "单位", "材料类型", "状态", "大小", "说明", "错误代码")
_COUNTS = {"file_count": 0, "finding_count": None, "score": None}


def rule_title(finding: dict[str, Any]) -> str:
    """The Chinese name of a finding's rule (a region's own rule: its message, shortened)."""
    rule = finding.get("rule") or ""
    if rule in RULE_TITLES:
        return RULE_TITLES[rule]
    message = str(finding.get("message") or rule)
    return message.rstrip("。")[:20]


def missing_value(key: str, findings: list[dict[str, Any]]) -> Any:
    """A 汇总 cell of a unit that sent nothing: 未报送, not 未提及."""
    if key == "finding_count":
        return len(findings)
    if key == "summary":
        return "；".join(dict.fromkeys(rule_title(f) for f in findings))
    if key in _COUNTS:
        return _COUNTS[key]
    return MISSING


def readable_size(size: Any) -> str:
    """1536 → “1.5 KB”; a size a clerk can read at a glance."""
    if not isinstance(size, (int, float)) or isinstance(size, bool):
        return ""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{int(size)} 字节"


def superseding_files(files: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Path of each replaced version -> the path of the unit's later version of that kind."""
    files = list(files)
    current: dict[tuple[Any, Any], str] = {}
    for g in files:
        if not g.get("superseded"):
            current.setdefault((g.get("unit"), g.get("doc_type")), g.get("path") or "")
    return {f.get("path") or "": current[key] for f in files if f.get("superseded")
            and (key := (f.get("unit"), f.get("doc_type"))) in current}


def file_row(f: dict[str, Any], replaced_by: str | None, no_unit: str) -> tuple[Any, ...]:
    """One 文件 row: 文件, 单位, 材料类型, 状态, 大小, 说明, 错误代码."""
    error = f.get("error") or {}
    ok = f.get("status") == "ok"
    note = error.get("message") or ""
    if not ok:
        status = "无法读取"
    elif f.get("superseded"):
        status = "已被替代"
        note = f"已由后报送的《{file_title(replaced_by)}》替代，不再计入" if replaced_by else \
            "已由后报送的版本替代，不再计入"
    elif f.get("other_year"):
        status = "其他年度"
        year = (f.get("fields") or {}).get("year")
        note = f"是{year}年度的材料，不计入本年度" if year else "不是本年度的材料，不计入本年度"
    else:
        status = "正常"
    return (shown_path(f.get("path") or ""), f.get("unit") or no_unit,
            doc_type_name(f.get("doc_type")) if ok else "", status,
            readable_size(f.get("size")), note, error.get("code") or "")
