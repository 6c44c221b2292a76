"""What the circular says about last year (SPEC §10), when the records carry ``previous``.

基本情况 gains the district's figures against last year (units evaluated, cases reported,
优秀 count) and the units that put right everything raised last year; 存在问题 names the
units whose problems came back, as a real 通报 does: “区农业农村局连续两年未成立普法工作领导小组”.
Without history the circular has none of this.
"""
from __future__ import annotations

from typing import Any

from outputs.year_figures import change_phrase, district_changes, has_history, unit_changes

# rule -> what the unit did (or failed to do) two years running, told after “XX局连续两年”.
REPEATED_PHRASES: dict[str, str] = {
    "missing_submission": "未报送履职材料",
    "late_submission": "逾期报送履职材料",
    "unreadable_file": "报送的文件无法正常打开",
    "no_leading_group": "未成立普法工作领导小组",
    "no_leader_in_charge": "未明确普法工作分管领导",
    "no_staff_assigned": "未明确专人负责普法工作",
    "no_duty_list": "未制定普法责任清单",
    "cases_below_min": "以案释法典型案例报送数量不足",
    "quarter_without_case": "存在季度未报送以案释法典型案例的情况",
    "study_below_min": "领导班子集体学法次数不足",
    "no_new_media": "未运用新媒体开展普法宣传",
    "missing_section": "履职报告结构不完整",
    "too_thin": "履职报告内容简单空洞",
    "duplicate_content": "履职报告内容与往年雷同",
}


def _last_year(records: dict[str, Any]) -> str:
    year = (records.get("history") or {}).get("year")
    return f"{year}年度" if year else "上年度"


def comparison_sentence(records: dict[str, Any]) -> str:
    """“与2022年度相比，报送履职材料的单位8个，与上年持平；…。” (figures known both years only)."""
    parts = [f"{d.label}{d.now}{d.word}，{change_phrase(d.change, d.word)}"
             for d in district_changes(records) if d.change is not None]
    if not parts:
        return ""
    return f"与{_last_year(records)}相比，" + "；".join(parts) + "。"


def put_right(records: dict[str, Any]) -> list[str]:
    """Units that had problems last year (other than sending nothing) and none of them this year,
    having sent this year's material."""
    out = []
    for c in unit_changes(records):
        before = set(c.resolved) | set(c.repeated)
        if before - {"missing_submission"} and not c.repeated and "missing_submission" not in c.new:
            out.append(c.unit)
    return out


def comparison_item(records: dict[str, Any]) -> dict[str, str] | None:
    """基本情况's item on the change since last year, or None without history."""
    if not has_history(records):
        return None
    text = comparison_sentence(records)
    fixed = put_right(records)
    if fixed:
        text += f"上年评议指出问题的单位中，{'、'.join(fixed)}已整改到位。"
    return {"title": "与上年对比情况。", "text": text} if text else None


def repeated_sentences(records: dict[str, Any]) -> list[str]:
    """“区农业农村局连续两年未成立普法工作领导小组、以案释法典型案例报送数量不足”, one per unit."""
    out = []
    for u in records.get("units") or []:
        rules = list(dict.fromkeys(f["rule"] for f in u.get("findings") or []
                                   if f.get("repeated") and not f.get("dismissed") and f.get("rule")))
        if rules:
            phrases = [REPEATED_PHRASES.get(r) or f"存在“{r}”问题" for r in rules]
            out.append(f"{u['unit']}连续两年{'、'.join(phrases)}")
    return out


def repeated_item(records: dict[str, Any]) -> dict[str, str] | None:
    """存在问题's item naming the units whose problems came back, or None."""
    sentences = repeated_sentences(records)
    if not sentences:
        return None
    return {"title": "部分问题整改不到位。", "text": (
        f"对照{_last_year(records)}评议结果，{'；'.join(sentences)}，"
        "上年评议指出的问题未得到有效整改。")}
