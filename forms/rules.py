"""The checks of SPEC §4: one small pure function per rule code, registered in ``RULES``.

Each rule takes a unit's merged record and a ``Context`` (the loaded ``RuleSet``,
the deadline, the near-duplicate matches found across units) and returns the
``Finding``s it sees — possibly none.  Thresholds, on/off, severity and message
wording all come from configuration (``forms/rules.yaml``, ``forms/messages.yaml``,
a region's ``--rules`` file); nothing here raises on a shortfall.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from model import ERROR_MESSAGES, Evidence, FileRecord, Finding, UnitRecord
from extractors.finders.fields import COUNT_KEYS
from extractors.finders.patterns import FUTURE_MARKERS, PLAN_MARKERS
from forms.merge import superseded
from forms.ruleset import RULE_CODES, RuleSet, load_rules
from forms.similarity import REPORT_TYPES, Match
from forms.textstats import cn_date, count_chars, file_name, find_figures, parse_date

__all__ = ["Context", "RULES", "RuleSet", "load_rules", "run_rules", "applicable_rules",
           "current_reports", "under_evaluation"]

QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")
UNKNOWN_UNIT_NAME = "未识别"


@dataclass(frozen=True)
class Context:
    """What rules may consult besides the unit itself."""

    rules: RuleSet
    deadline: date | None = None
    duplicates: Mapping[str, tuple[Match, ...]] = field(default_factory=dict)  # by file path


def _finding(ctx: Context, code: str, unit: UnitRecord, *, file: str | None = None,
             evidence: Iterable[Evidence] = (), **fields: Any) -> Finding:
    deadline = cn_date(ctx.deadline) if ctx.deadline else "规定时限"
    name = unit.unit if unit.unit and not _unattributed(unit) else UNKNOWN_UNIT_NAME
    message = ctx.rules.message(code, unit=name, deadline=deadline,
                                file=file_name(file) if file else "", **fields)
    return Finding(rule=code, severity=ctx.rules.severity(code), message=message,
                   evidence=tuple(evidence), file=file)


def _unattributed(unit: UnitRecord) -> bool:
    """The bucket of files that name no unit (whatever the pipeline calls it)."""
    return not unit.unit or (bool(unit.files) and all(f.unit is None for f in unit.files))


def under_evaluation(unit: UnitRecord) -> bool:
    """A unit on the roster (or any named unit when there is no roster)."""
    return unit.on_roster and not _unattributed(unit)


def current_reports(unit: UnitRecord) -> list[FileRecord]:
    """The unit's readable prose reports, without versions replaced by a later one (修改稿) or
    reports on an earlier year (``UnitRecord.other_year``).

    A self-assessment sheet (.xlsx) beside a prose report is a form, not the report: it has no
    sections to miss. A unit that sent only the sheet sent it as its report, and it is judged so.
    """
    old = superseded(unit.files) | unit.other_year
    reports = [f for f in unit.files if f.status == "ok" and f.doc_type in REPORT_TYPES and f.path not in old]
    return [f for f in reports if not f.is_sheet] or reports


def _not_true(unit: UnitRecord, ctx: Context, code: str, key: str) -> list[Finding]:
    """A boolean fact that is False (stated absent) or None (not stated)."""
    v = unit.fields.get(key)
    if v is not None and v.value is True:
        return []
    evidence = v.evidence if v is not None else ()
    return [_finding(ctx, code, unit, file=evidence[0].file if evidence else None, evidence=evidence)]


# ---------------------------------------------------------------- the rules --

def missing_submission(unit: UnitRecord, ctx: Context) -> list[Finding]:
    if unit.files or not unit.on_roster:
        return []
    return [_finding(ctx, "missing_submission", unit)]


def unreadable_file(unit: UnitRecord, ctx: Context) -> list[Finding]:
    out = []
    for f in unit.files:
        if f.status == "error":
            error = f.error_message or ERROR_MESSAGES.get(f.error_code or "", "文件无法读取。")
            out.append(_finding(ctx, "unreadable_file", unit, file=f.path, error=error,
                                error_code=f.error_code or ""))
    return out


def unknown_unit(unit: UnitRecord, ctx: Context) -> list[Finding]:
    if under_evaluation(unit):
        return []
    reason = ("未能从文件中识别出报送单位" if _unattributed(unit)
              else f"无法对应到评议名单中的单位（识别为：{unit.unit}）")
    return [_finding(ctx, "unknown_unit", unit, file=f.path, reason=reason) for f in unit.files]


def _below_min(unit: UnitRecord, ctx: Context, code: str, key: str, phrase: str,
               words: tuple[str, str, str]) -> list[Finding]:
    """A count under the rule's minimum, or not stated; ``words`` say none-stated / zero / n."""
    need = ctx.rules.param(code, "min")
    v = unit.fields.get(key)
    n = v.value if v is not None else None
    if isinstance(n, int) and n >= need:
        return []
    said = words[0] if n is None else (words[1] if n == 0 else words[2].format(n=n))
    evidence = v.evidence if v is not None else ()
    return [_finding(ctx, code, unit, evidence=evidence, min=need, file=evidence[0].file if evidence else None,
                     **{phrase: said})]


def cases_below_min(unit: UnitRecord, ctx: Context) -> list[Finding]:
    return _below_min(unit, ctx, "cases_below_min", "cases_total", "cases",
                      ("未见报送或未作说明", "未报送", "仅报送{n}个"))


def quarter_without_case(unit: UnitRecord, ctx: Context) -> list[Finding]:
    need = ctx.rules.param("quarter_without_case", "min")
    v = unit.fields.get("cases_by_quarter")
    q = v.value if v is not None else None
    if not isinstance(q, (list, tuple)) or len(q) != 4 or not all(isinstance(c, int) for c in q):
        return []
    low = [QUARTERS[i] for i, c in enumerate(q) if c < need]
    if not low:
        return []
    assert v is not None
    return [_finding(ctx, "quarter_without_case", unit, evidence=v.evidence, min=need,
                     quarters="、".join(low), cases="、".join(str(c) for c in q),
                     file=v.evidence[0].file if v.evidence else None)]


def no_duty_list(unit: UnitRecord, ctx: Context) -> list[Finding]:
    if any(f.doc_type == "duty_list" for f in unit.files):
        return []
    return _not_true(unit, ctx, "no_duty_list", "duty_list")


def no_leading_group(unit: UnitRecord, ctx: Context) -> list[Finding]:
    return _not_true(unit, ctx, "no_leading_group", "leading_group")


def no_leader_in_charge(unit: UnitRecord, ctx: Context) -> list[Finding]:
    return _not_true(unit, ctx, "no_leader_in_charge", "leader_in_charge")


def no_staff_assigned(unit: UnitRecord, ctx: Context) -> list[Finding]:
    return _not_true(unit, ctx, "no_staff_assigned", "staff_assigned")


def no_new_media(unit: UnitRecord, ctx: Context) -> list[Finding]:
    if unit.value("new_media"):
        return []
    return [_finding(ctx, "no_new_media", unit)]


def study_below_min(unit: UnitRecord, ctx: Context) -> list[Finding]:
    return _below_min(unit, ctx, "study_below_min", "study_sessions", "count", ("未作说明", "未开展", "仅{n}次"))


def missing_section(unit: UnitRecord, ctx: Context) -> list[Finding]:
    required = ctx.rules.param("missing_section", "sections")
    out = []
    for f in current_reports(unit):
        present = set(f.value("sections") or ())
        out += [_finding(ctx, "missing_section", unit, file=f.path, section=s)
                for s in required if s not in present]
    return out


# a clause giving a target or a plan (不少于24场次, 计划开展…, 2025年将于…) states no result of the year
_NOT_RESULTS = re.compile(f"{PLAN_MARKERS}|{FUTURE_MARKERS}|将于|将在")


def too_thin(unit: UnitRecord, ctx: Context) -> list[Finding]:
    p = ctx.rules.rules["too_thin"].params
    out = []
    for f in current_reports(unit):
        # figures in prose, or those read from the report's own tables (活动场次 | 36), whichever are more
        stated = sum(f.value(k) is not None for k in COUNT_KEYS)
        chars = count_chars(f.text)
        if chars >= p["min_chars"] and stated >= p["min_figures"]:
            continue  # long enough, and its fields alone are figures enough: no need to look for more
        figures = max(len(find_figures(f.text, p["measure_words"], _NOT_RESULTS)), stated)
        reasons = []
        if chars < p["min_chars"]:
            reasons.append(f"正文仅{chars}字，要求不少于{p['min_chars']}字")
        if figures < p["min_figures"]:
            reasons.append(f"具体数据仅{figures}项，要求不少于{p['min_figures']}项")
        if reasons:
            out.append(_finding(ctx, "too_thin", unit, file=f.path, reason="；".join(reasons),
                                chars=chars, figures=figures,
                                min_chars=p["min_chars"], min_figures=p["min_figures"]))
    return out


def late_submission(unit: UnitRecord, ctx: Context) -> list[Finding]:
    """A file dated after the deadline; undated, one whose arrival (mtime) is after it.

    A file time more than ``arrival_window_days`` past the deadline is taken for the
    time the file was copied or unpacked, not when it arrived, and is not held against
    the unit.
    """
    if ctx.deadline is None:
        return []
    window = ctx.rules.param("late_submission", "arrival_window_days")
    out = []
    for f in unit.files:
        d = parse_date(f.value("date"))
        if d is not None:
            if d > ctx.deadline:
                out.append(_finding(ctx, "late_submission", unit, file=f.path, basis="落款日期",
                                    date=cn_date(d), evidence=f.fields["date"].evidence))
            continue
        if f.mtime is None:
            continue
        arrived = datetime.fromtimestamp(f.mtime)
        late_days = (arrived.date() - ctx.deadline).days
        if late_days > 0 and (window is None or late_days <= window):
            stamp = arrived.strftime("%Y-%m-%d %H:%M")
            out.append(_finding(ctx, "late_submission", unit, file=f.path, basis="收到文件时间",
                                date=f"{cn_date(arrived.date())} {arrived:%H:%M}",
                                evidence=(Evidence(f.path, "文件时间", stamp),)))
    return out


def duplicate_content(unit: UnitRecord, ctx: Context) -> list[Finding]:
    out = []
    for f in current_reports(unit):
        for m in ctx.duplicates.get(f.path, ()):
            if m.from_history:
                other = f"本单位{m.history_year}年度" if m.history_year else "本单位往年"
            else:
                other = m.other_unit
            out.append(_finding(ctx, "duplicate_content", unit, file=f.path, other_unit=other,
                                other_file=file_name(m.other_path), evidence=m.evidence,
                                similarity=f"{m.similarity:.0%}"))
    return out


Rule = Callable[[UnitRecord, Context], list[Finding]]

# The one registry, by rule code, in SPEC §4 order (the order findings are listed in).
RULES: dict[str, Rule] = {
    "missing_submission": missing_submission,
    "unreadable_file": unreadable_file,
    "unknown_unit": unknown_unit,
    "cases_below_min": cases_below_min,
    "quarter_without_case": quarter_without_case,
    "no_duty_list": no_duty_list,
    "no_leading_group": no_leading_group,
    "no_leader_in_charge": no_leader_in_charge,
    "no_staff_assigned": no_staff_assigned,
    "no_new_media": no_new_media,
    "study_below_min": study_below_min,
    "missing_section": missing_section,
    "too_thin": too_thin,
    "late_submission": late_submission,
    "duplicate_content": duplicate_content,
}
assert tuple(RULES) == RULE_CODES, "RULES and forms.ruleset.PARAMS must list the same codes"

_FILE_RULES = ("unreadable_file", "unknown_unit")


def applicable_rules(unit: UnitRecord) -> tuple[str, ...]:
    """Which rules make sense for this unit.

    A roster unit that sent nothing only gets ``missing_submission``; files that belong
    to no roster unit only get the file rules; a unit none of whose files could be read
    gets the file rules and ``late_submission`` (its content is unknown, not deficient).
    """
    if not unit.files:
        return ("missing_submission",)
    if not under_evaluation(unit):
        return _FILE_RULES
    if not any(f.status == "ok" for f in unit.files):
        return (*_FILE_RULES, "late_submission")
    return RULE_CODES


def run_rules(unit: UnitRecord, ctx: Context) -> list[Finding]:
    """Every enabled, applicable rule's findings for one unit, in rule order."""
    out: list[Finding] = []
    for code in applicable_rules(unit):
        if ctx.rules.enabled(code):
            out.extend(RULES[code](unit, ctx))
    return out
