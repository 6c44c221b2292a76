"""What the drafts say, computed from records.json: totals, counts, problems, in plain Chinese.

Every function takes the records dict (or its units) and returns plain data, so the
figures a draft prints can be checked against the records in tests.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from outputs.records import open_findings

# Totals the circular reports: (field, what, measure word).
TOTALS: tuple[tuple[str, str, str], ...] = (
    ("cases_total", "报送以案释法典型案例", "个"),
    ("activities", "开展普法宣传活动", "场次"),
    ("materials", "发放宣传资料", "份"),
    ("consultations", "解答法律咨询", "人次"),
    ("audience", "覆盖受教育群众", "人次"),
    ("study_sessions", "组织领导班子集体学法", "次"),
)

# Requirements counted per unit: (label, test on the unit's fields and the thresholds).
REQUIREMENTS: tuple[tuple[str, str, Any], ...] = (
    ("leading_group", "成立了普法工作领导小组", lambda f, c: f.get("leading_group") is True),
    ("leader_in_charge", "明确了分管领导", lambda f, c: f.get("leader_in_charge") is True),
    ("staff_assigned", "明确了专人负责普法工作", lambda f, c: f.get("staff_assigned") is True),
    ("duty_list", "制定了普法责任清单", lambda f, c: f.get("duty_list") is True),
    ("budget", "普法经费纳入了预算", lambda f, c: f.get("budget") is True),
    ("new_media", "运用新媒体开展普法宣传", lambda f, c: bool(f.get("new_media"))),
    ("cases_total", "全年报送以案释法典型案例不少于{min_cases}个",
     lambda f, c: _number(f.get("cases_total")) >= c["min_cases"]),
    ("study_sessions", "领导班子集体学法不少于{min_study_sessions}次",
     lambda f, c: _number(f.get("study_sessions")) >= c["min_study_sessions"]),
)


def _number(value: Any) -> float:
    """A stated figure, or -1 when absent (so it meets no minimum)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return -1
    return value


# 存在的主要问题: (heading, ((rule, phrase after "有N个单位"), …)), in the order of seed 004.
PROBLEM_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("部分单位报送工作不够及时规范", (
        ("missing_submission", "未按要求报送履职材料"),
        ("late_submission", "逾期报送履职材料"),
        ("unreadable_file", "报送的文件无法正常打开或识别"),
    )),
    ("普法工作机制有待进一步健全", (
        ("no_leading_group", "未成立或未调整普法工作领导小组"),
        ("no_leader_in_charge", "未明确分管领导"),
        ("no_staff_assigned", "未明确专人负责普法工作"),
        ("no_duty_list", "尚未制定普法责任清单"),
    )),
    ("以案释法工作有待进一步加强", (
        ("cases_below_min", "全年报送以案释法典型案例数量不足或未说明报送数量"),
        ("quarter_without_case", "存在季度未报送典型案例的情况"),
    )),
    ("领导干部学法有待进一步加强", (
        ("study_below_min", "领导班子集体学法次数不足"),
    )),
    ("普法新媒体宣传有待进一步加强", (
        ("no_new_media", "未运用微信公众号、微博、短视频等新媒体开展普法宣传"),
    )),
    ("履职报告质量有待进一步提高", (
        ("missing_section", "履职报告结构不完整，缺少基本情况、主要做法、存在问题或下一步打算等内容"),
        ("too_thin", "履职报告内容简单空洞、缺少具体数据"),
        ("duplicate_content", "履职报告与其他单位或往年报告内容雷同"),
    )),
)
KNOWN_RULES = {rule for _, rules in PROBLEM_GROUPS for rule, _ in rules} | {"unknown_unit"}


def amount(n: int | float) -> str:
    """A figure as prose writes it: 126, 800, 5万, 1.2万余 (Arabic numerals)."""
    n = int(n)
    if n < 10000:
        return str(n)
    tenths = n // 1000
    text = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10:.1f}"
    return f"{text}万" + ("" if n == tenths * 1000 else "余")


def cn_date(value: str | dt.date) -> str:
    """成文日期 in Arabic numerals, no padding: 2022年12月9日."""
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{d.year}年{d.month}月{d.day}日"


def submitted_units(records: dict[str, Any]) -> list[dict[str, Any]]:
    """Units that sent at least one file (missing units and empty entries excluded)."""
    missing = set(records.get("missing_units") or [])
    return [u for u in records.get("units") or [] if u.get("files") and u["unit"] not in missing]


def totals(units: list[dict[str, Any]]) -> dict[str, int | None]:
    """Sum of each TOTALS field over units that state it; None when none does."""
    result: dict[str, int | None] = {}
    for key, _, _ in TOTALS:
        stated = [u["fields"][key] for u in units
                  if isinstance((u.get("fields") or {}).get(key), (int, float))
                  and not isinstance(u["fields"][key], bool)]
        result[key] = int(sum(stated)) if stated else None
    return result


def totals_sentence(units: list[dict[str, Any]], keys: tuple[str, ...] | None = None) -> str:
    """“报送以案释法典型案例126个，开展普法宣传活动468场次，…” (only stated figures)."""
    sums = totals(units)
    parts = [f"{what}{amount(sums[key])}{word}" for key, what, word in TOTALS
             if sums[key] is not None and (keys is None or key in keys)]
    return "，".join(parts)


def requirement_counts(units: list[dict[str, Any]], config: dict[str, Any]) -> list[dict[str, Any]]:
    """For each requirement, how many units meet it: [{key, label, count}]."""
    rows = []
    for key, label, test in REQUIREMENTS:
        count = sum(1 for u in units if test(u.get("fields") or {}, config))
        rows.append({"key": key, "label": label.format(**config), "count": count})
    return rows


def grade_counts(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{grade, count}] in the order 优秀/良好/合格/不合格, then any other grade seen."""
    order = ["优秀", "良好", "合格", "不合格"]
    seen = [u["grade"] for u in units if u.get("grade")]
    order += [g for g in dict.fromkeys(seen) if g not in order]
    return [{"grade": g, "count": seen.count(g)} for g in order if g in seen]


def units_by_rule(records: dict[str, Any]) -> dict[str, list[str]]:
    """Rule code -> names of the units with that finding, in records order, no repeats."""
    result: dict[str, list[str]] = {}
    for u in records.get("units") or []:
        for f in open_findings(u):
            names = result.setdefault(f["rule"], [])
            if u["unit"] not in names:
                names.append(u["unit"])
    listed = {u.get("unit") for u in records.get("units") or []}  # their missing_submission, if any, is above
    for name in records.get("missing_units") or []:
        if name in listed:
            continue
        names = result.setdefault("missing_submission", [])
        if name not in names:
            names.append(name)
    return result


def problems(records: dict[str, Any], name_units: bool,
             missing_note: str = "") -> list[dict[str, Any]]:
    """存在的主要问题: [{title, text, rules, count}], one per group that has findings."""
    by_rule = units_by_rule(records)
    result = []
    for title, rules in PROBLEM_GROUPS:
        phrases, counted = [], set()
        for rule, phrase in rules:
            names = by_rule.get(rule)
            if not names:
                continue
            counted.update(names)
            if rule == "missing_section" and lacking_sections(records):
                phrases.append(sections_phrase(lacking_sections(records), name_units))
                continue
            note = missing_note if rule == "missing_submission" and missing_note else (
                f"（{'、'.join(names)}）" if name_units else "")
            phrases.append(f"有{len(names)}个单位{phrase}{note}")
        if phrases:
            result.append({"title": title, "text": "；".join(phrases) + "。",
                           "rules": [r for r, _ in rules if r in by_rule],
                           "count": len(counted)})
    other = _other_problems(records, by_rule, name_units)
    return result + ([other] if other else [])


def _other_problems(records: dict[str, Any], by_rule: dict[str, list[str]],
                    name_units: bool) -> dict[str, Any] | None:
    """Findings of rules a region added: told with their own message."""
    extra = [r for r in by_rule if r not in KNOWN_RULES]
    if not extra:
        return None
    phrases = []
    for rule in extra:
        names = by_rule[rule]
        message = next(f["message"] for u in records["units"] for f in open_findings(u)
                       if f["rule"] == rule)
        note = f"（{'、'.join(names)}）" if name_units else ""
        phrases.append(f"有{len(names)}个单位存在“{message.rstrip('。')}”的问题{note}")
    return {"title": "其他问题", "text": "；".join(phrases) + "。", "rules": extra,
            "count": len({n for r in extra for n in by_rule[r]})}


_LACKS = re.compile(r"缺少“([^”]+)”")


def lacking_sections(records: dict[str, Any]) -> dict[str, list[str]]:
    """Unit -> the sections its report lacks, as its missing_section findings name them."""
    out: dict[str, list[str]] = {}
    for u in records.get("units") or []:
        for f in open_findings(u):
            found = _LACKS.search(f.get("message") or "") if f.get("rule") == "missing_section" else None
            if found and found.group(1) not in out.setdefault(u["unit"], []):
                out[u["unit"]].append(found.group(1))
    return {unit: sections for unit, sections in out.items() if sections}


def sections_phrase(lacking: dict[str, list[str]], name_units: bool) -> str:
    """“有1个单位履职报告结构不完整（区水利局缺少“基本情况”“下一步打算”部分）”."""
    def quoted(sections: list[str]) -> str:
        return "".join(f"“{s}”" for s in sections)

    if name_units:
        parts = "，".join(f"{unit}缺少{quoted(sections)}部分" for unit, sections in lacking.items())
        return f"有{len(lacking)}个单位履职报告结构不完整（{parts}）"
    union = list(dict.fromkeys(s for sections in lacking.values() for s in sections))
    return f"有{len(lacking)}个单位履职报告结构不完整，缺少{quoted(union)}等部分"
