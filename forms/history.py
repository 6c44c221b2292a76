"""Year over year (SPEC §10): last year's records.json against this year's units.

``load_history`` reads and validates last year's result once; ``pair_units`` finds, for each
of this year's units, the unit it was last year (same name, an abbreviation or alias, or a
former name from the roster's ``曾用名`` column); ``apply_history`` then adds ``previous`` to
each unit that existed last year, ``repeated`` to each finding raised both years, and a
``history`` summary of last year (the circular compares the district's figures with it).
A finding the clerk dismissed last year (``dismissed``, SPEC §9) was not raised.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.finders.units import RosterEntry, best_match
from forms.config import ConfigError

log = logging.getLogger(__name__)

SCHEMA = "pufa.records/1"
UNKNOWN_UNIT = "（未识别单位）"


class HistoryError(ConfigError):
    """Last year's records.json cannot be compared with this year's check (one Chinese line, exit 2)."""

    def __init__(self, path: Path | str, problem: str) -> None:
        Exception.__init__(self, f"上一年度结果“{Path(path).name}”无法用于年度对比：{problem}")
        self.source, self.key, self.problem = str(path), "", problem


@dataclass(frozen=True)
class LastYear:
    """One unit as last year's records.json has it."""

    unit: str
    score: float | None
    grade: str | None
    findings: tuple[str, ...]  # rule codes raised (dismissed ones left out), in order, no repeats
    submitted: bool
    cases_total: int | float | None


@dataclass(frozen=True)
class History:
    path: Path
    year: int | None
    units: tuple[LastYear, ...]
    data: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)  # the whole file

    def unit(self, name: str) -> LastYear | None:
        return next((u for u in self.units if u.unit == name), None)


# ---------------------------------------------------------------- loading

def load_history(path: Path) -> History:
    """Last year's records.json, checked: a pufa result of the current schema with units."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise HistoryError(path, "不是 pufa 生成的 records.json（无法按 JSON 读取）") from None
    if not isinstance(data, dict):
        raise HistoryError(path, "不是 pufa 生成的 records.json")
    schema = data.get("schema")
    if schema != SCHEMA:
        if isinstance(schema, str) and schema.startswith("pufa.records/") or schema is None and "units" in data:
            raise HistoryError(path, f"格式版本为“{schema or '无版本号'}”，本工具只能读取“{SCHEMA}”；"
                                     "请用当前版本对上一年度材料重新运行 pufa check 后再比对")
        raise HistoryError(path, "不是 pufa 生成的 records.json（缺少 schema 标记）")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise HistoryError(path, f"年度“{year}”不是整数")
    units = _units(path, data)
    if not units:
        raise HistoryError(path, "其中没有任何单位的结果")
    return History(Path(path), year, tuple(units), data)


def _units(path: Path, data: Mapping[str, Any]) -> list[LastYear]:
    raw = data.get("units")
    missing = data.get("missing_units", [])
    if not isinstance(raw, list) or not isinstance(missing, list):
        raise HistoryError(path, "结构不完整（units 或 missing_units 不是列表）")
    out: dict[str, LastYear] = {}
    for i, u in enumerate(raw, 1):
        if not isinstance(u, dict) or not isinstance(u.get("unit"), str) or not u["unit"]:
            raise HistoryError(path, f"结构不完整（units 第{i}项缺少单位名称）")
        if u["unit"] == UNKNOWN_UNIT or u["unit"] in out:
            continue
        out[u["unit"]] = _last_year(path, i, u, u["unit"] in missing)
    for name in missing:
        if isinstance(name, str) and name and name not in out:
            out[name] = LastYear(name, None, None, ("missing_submission",), False, None)
    return list(out.values())


def _last_year(path: Path, i: int, u: Mapping[str, Any], missing: bool) -> LastYear:
    findings = u.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) and isinstance(f.get("rule"), str)
                                                 for f in findings):
        raise HistoryError(path, f"结构不完整（单位“{u['unit']}”的 findings 不是问题列表）")
    score = u.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
        raise HistoryError(path, f"结构不完整（单位“{u['unit']}”的得分“{score}”不是数字）")
    grade = u.get("grade") if isinstance(u.get("grade"), str) else None
    raised = tuple(dict.fromkeys(f["rule"] for f in findings if not f.get("dismissed")))
    fields = u.get("fields") if isinstance(u.get("fields"), dict) else {}
    cases = fields.get("cases_total")
    cases = cases if isinstance(cases, (int, float)) and not isinstance(cases, bool) else None
    submitted = bool(u.get("files")) and not missing
    return LastYear(u["unit"], score, grade, raised, submitted, cases)


# ---------------------------------------------------------------- pairing

def pair_units(history: History, names: Sequence[RosterEntry]) -> dict[str, str]:
    """{this year's unit: last year's unit}, one to one.

    By the same name first, then a last-year name that is this year's alias or 曾用名, then one
    the roster matcher surely takes for the unit (abbreviations, 鹤溪区交通运输局 for 区交通运输局).
    No pair at all means last year's result is of another district: ``HistoryError``.
    """
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    last = [u.unit for u in history.units]

    def take(now: str, before: str) -> None:
        if now not in pairs and before not in taken:
            pairs[now] = before
            taken.add(before)

    for e in names:
        if e.name in last:
            take(e.name, e.name)
    for e in names:
        for before in (*e.former, *e.aliases):
            if before in last:
                take(e.name, before)
    entries = [e for e in names if e.name not in pairs]
    for before in last:
        if before not in taken and entries:
            entry, _ = best_match(entries, before)
            if entry is not None:
                take(entry.name, before)
    if not pairs:
        sample = "、".join(last[:3]) + ("等" if len(last) > 3 else "")
        raise HistoryError(history.path, f"其中的单位（{sample}）与本次检查的单位无一对应，"
                                         "可能是其他地区的结果；如有单位更名，请在名单中增加“曾用名”列")
    log.info("history: %d of %d units paired with %s", len(pairs), len(names), history.year)
    return pairs


def prepare(history: History, roster: Sequence[RosterEntry], unit_names: Sequence[str],
            year: int | None) -> tuple[dict[str, str], dict[str, Any]]:
    """The pairs of units (``pair_units``: against the roster, or this year's units without one) and
    last year's records as the duplicate check reads them (files under this year's names)."""
    check_year(history, year)
    names = list(roster) or [RosterEntry(n) for n in unit_names if n != UNKNOWN_UNIT]
    pairs = pair_units(history, names)
    return pairs, renamed_for_similarity(history.data, pairs)


def check_year(history: History, year: int | None) -> None:
    """Last year's result must be of an earlier year than this check's."""
    if history.year is not None and year is not None and history.year >= year:
        raise HistoryError(history.path, f"其年度为{history.year}年，不早于本次检查的{year}年度，"
                                         "请指定上一年度的 records.json")


def renamed_for_similarity(data: Mapping[str, Any], pairs: Mapping[str, str]) -> dict[str, Any]:
    """Last year's records with its files under this year's unit names (for the duplicate check)."""
    back = {before: now for now, before in pairs.items()}
    files = data.get("files") if isinstance(data.get("files"), list) else []
    return {**data, "files": [{**f, "unit": back.get(f.get("unit"), f.get("unit"))} if isinstance(f, dict)
                              else f for f in files]}


# ---------------------------------------------------------------- annotating

def apply_history(records: dict[str, Any], history: History, pairs: Mapping[str, str]) -> dict[str, Any]:
    """``records`` with ``previous`` on each paired unit, ``repeated`` on findings raised both
    years, and ``history``: last year's figures and the units renamed since."""
    units, last = [], {u.unit: u for u in history.units}
    for u in records.get("units") or []:
        before = last.get(pairs.get(u.get("unit"), ""))
        units.append(u if before is None else _annotated(u, before, history.year))
    return {**records, "units": units, "history": summary(history, pairs)}


def _annotated(u: dict[str, Any], before: LastYear, year: int | None) -> dict[str, Any]:
    raised = set(before.findings)
    findings = [{**f, "repeated": True} if f.get("rule") in raised else f for f in u.get("findings") or []]
    previous = {"year": year, "score": before.score, "grade": before.grade, "findings": list(before.findings)}
    return {**u, "findings": findings, "previous": previous}


def summary(history: History, pairs: Mapping[str, str]) -> dict[str, Any]:
    """Last year's district figures, counted as the circular counts this year's."""
    sent = [u for u in history.units if u.submitted]
    cases = [u.cases_total for u in sent if u.cases_total is not None]
    grades: dict[str, int] = {}
    for u in sent:
        if u.grade:
            grades[u.grade] = grades.get(u.grade, 0) + 1
    return {
        "file": str(history.path), "year": history.year,
        "units": len(history.units), "submitted": len(sent),
        "missing": sum(1 for u in history.units if "missing_submission" in u.findings),
        "cases_total": int(sum(cases)) if cases else None, "grades": grades,
        "renamed": {now: before for now, before in pairs.items() if now != before},
    }
