"""What a notice adds when a problem was also raised last year (SPEC §10, ``repeated``)."""
from __future__ import annotations

from typing import Any


def _last_year(records: dict[str, Any]) -> str:
    year = (records.get("history") or {}).get("year")
    return f"{year}年度" if year else "上一年度"


def repeated_note(finding: dict[str, Any], records: dict[str, Any]) -> str:
    """“该问题在2022年度评议中已经指出，连续两年存在，请作为整改重点。” for a repeated finding, else ""."""
    if not finding.get("repeated"):
        return ""
    when = _last_year(records)
    return f"该问题在{when}评议中已经指出，连续两年存在，请作为整改重点。"


def repeated_missing(findings: list[dict[str, Any]], records: dict[str, Any]) -> list[dict[str, Any]]:
    """For a unit that sent nothing two years running, a line saying so (its notice lists no other problem)."""
    if not any(f.get("rule") == "missing_submission" and f.get("repeated") for f in findings):
        return []
    when = _last_year(records)
    return [{"message": f"你单位{when}也未报送履职材料，已连续两年未报送，请高度重视。", "evidence": []}]
