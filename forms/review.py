"""The clerk's review (SPEC §9): entries read from the ledger and applied to the run.

Three kinds of entry, each matched to what this run found:

- ``Assignment`` (文件 · 归属单位（人工）): a file, by its path, belongs to the unit named;
  applied to the files before they are grouped into units.
- ``Correction`` (更正): a unit's field has the value the clerk gives; applied to the
  unit's merged fields before the rules run, so rules and scores follow.
- ``Verdict`` (问题清单 · 核实结果 / 核实说明): a finding, by unit + rule + file, is 属实
  or 排除, with the clerk's note; applied to the findings after the rules, before scoring.

An entry that matches nothing (its file or finding is gone, its unit unknown, its value
unreadable) comes back as ``Unmatched`` with the reason, to be shown again, never dropped.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Union

from extractors.finders.fields import BOOL_KEYS as FACT_KEYS, COUNT_KEYS
from extractors.finders.numbers import NUMBER, parse_quantity
from extractors.finders.patterns import NEW_MEDIA
from extractors.finders.units import RosterEntry, best_match
from forms.ruleset import RULE_TITLES
from model import (CONFIRMED, DISMISSED, LIST_KEYS, SECTION_NAMES, Evidence, FileRecord, Finding,
                   UnitRecord, Value)

MANUAL = "人工更正"  # the ``where`` of a value the clerk gave (SPEC §9)
VERDICTS = (CONFIRMED, DISMISSED)
# rules that judge the unit as a whole, once per unit (SPEC §4); the others judge one file
UNIT_RULES = frozenset({"missing_submission", "cases_below_min", "quarter_without_case", "no_duty_list",
                        "no_leading_group", "no_leader_in_charge", "no_staff_assigned", "no_new_media",
                        "study_below_min"})
INT_KEYS = frozenset({"year", *COUNT_KEYS})
BOOL_KEYS = frozenset(FACT_KEYS)
NOT_STATED = ("未提及", "未说明", "不详")
_TRUE, _FALSE = ("是", "有", "已", "true", "yes", "y", "1", "√"), ("否", "无", "没有", "未", "false", "no", "n", "0", "×")
_MEASURE = r"(?:个|件|篇|场次|场|期|份|册|人次|人|次|条|项|种)?"
_INT = re.compile(rf"\s*(?P<n>{NUMBER})\s*{_MEASURE}\s*")
_SEPARATORS = re.compile(r"[、，,；;/\s]+")
_DATE = re.compile(r"\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*")


@dataclass(frozen=True)
class Assignment:
    path: str  # the file's 文件路径
    unit: str  # 归属单位（人工）


@dataclass(frozen=True)
class Correction:
    unit: str
    item: str  # 项目 as written: a 汇总 column header or a SPEC §3 key
    key: str | None  # the SPEC §3 key it names, None when it names none
    value: str  # 更正值 as written
    reason: str  # 说明


@dataclass(frozen=True)
class Verdict:
    unit: str
    rule: str
    files: str  # the 文件 cell of the finding's row: its files, one a line
    message: str  # 问题（中文说明）: tells apart findings of one rule on one file (缺少章节 ×4)
    result: str  # 属实 | 排除 | "" (a note only)
    note: str  # 核实说明


Entry = Union[Assignment, Correction, Verdict]
KIND_NAMES: dict[type, str] = {Verdict: "核实", Correction: "更正", Assignment: "归属"}


@dataclass(frozen=True)
class Unmatched:
    entry: Entry
    why: str  # one Chinese sentence: why the entry applies to nothing in this run

    def as_dict(self) -> dict[str, Any]:
        """The record of an unmatched entry (records.json ``unmatched_review``, the ledger's sheet)."""
        e, kind = self.entry, KIND_NAMES[type(self.entry)]
        if isinstance(e, Verdict):
            return {"kind": kind, "unit": e.unit, "item": e.rule, "file": e.files, "message": e.message,
                    "value": e.result, "note": e.note, "why": self.why}
        if isinstance(e, Correction):
            return {"kind": kind, "unit": e.unit, "item": e.item, "file": "", "message": "",
                    "value": e.value, "note": e.reason, "why": self.why}
        return {"kind": kind, "unit": e.unit, "item": "", "file": e.path, "message": "", "value": "",
                "note": "", "why": self.why}


@dataclass(frozen=True)
class Review:
    """Every entry the clerk made in the ledger, as read before the run writes anything."""

    assignments: tuple[Assignment, ...] = ()
    corrections: tuple[Correction, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    source: str = ""  # the ledger they were read from ("" when there was none)

    def __len__(self) -> int:
        return len(self.assignments) + len(self.corrections) + len(self.verdicts)


# ---------------------------------------------------------------- names and files

def resolve_unit(name: str, known: Collection[str], roster: Sequence[RosterEntry] = ()) -> str | None:
    """The unit a clerk's typed name means: a known unit's exact name, else the roster's sure match."""
    name = re.sub(r"\s+", "", name or "")
    if not name:
        return None
    if name in known:
        return name
    if roster:
        entry, _ = best_match(list(roster), name)
        return entry.name if entry is not None else None
    return None


def finding_files(finding: Finding | Mapping[str, Any]) -> str:
    """The 文件 cell of a finding's row in 问题清单: its file, then its evidence's, one a line."""
    if isinstance(finding, Finding):
        file, evidence = finding.file, [e.file for e in finding.evidence]
    else:
        file = finding.get("file")
        evidence = [e.get("file") for e in finding.get("evidence") or [] if isinstance(e, dict)]
    files = ([file] if file else []) + [f for f in evidence if f]
    return "\n".join(dict.fromkeys(files))


def same_lines(a: str, b: str) -> bool:
    """Two cells that say the same once line ends and spaces around lines are set aside
    (LibreOffice writes CR LF where we wrote LF)."""
    def lines(s: str) -> list[str]:
        return [normal_path(x) for x in re.split(r"[\r\n]+", s or "") if x.strip()]
    return lines(a) == lines(b)


def normal_path(path: str) -> str:
    """A path as written in the ledger, compared whatever way it is shown there (``a\\b.docx`` on
    Windows, an archive member ``a.zip\\b.docx`` for ``a.zip!/b.docx``)."""
    return (path or "").strip().replace("!/", "/").replace("\\", "/")


# ---------------------------------------------------------------- values

def parse_value(key: str, text: str) -> Any:
    """The 更正值 the clerk wrote, as the field's type; ValueError (Chinese) when it is not one.

    Numbers as in the submissions (4, 四, 四个, 1.2万); 是/否 for facts; lists with 、;
    未提及 for “not stated” (null). Nothing is guessed.
    """
    text = (text or "").strip()
    if not text:
        raise ValueError("更正值为空")
    if text in NOT_STATED:
        return [] if key in LIST_KEYS else None
    if key in INT_KEYS:
        return _int(text)
    if key in BOOL_KEYS:
        return _bool(text)
    if key == "cases_by_quarter":
        parts = [p for p in _SEPARATORS.split(text) if p]
        if len(parts) != 4:
            raise ValueError(f"分季度案例应为四个数字，用顿号分隔（如 1、1、1、1），而不是“{text}”")
        return [_int(p) for p in parts]
    if key in LIST_KEYS:
        return _names(key, text)
    if key == "date":
        return _date(text)
    raise ValueError(f"“{key}”不能在“更正”表中更正（单位请在“文件”表的“归属单位（人工）”中指定）")


def _int(text: str) -> int:
    m = _INT.fullmatch(text)
    n = parse_quantity(m.group("n")) if m else None
    if n is None:
        raise ValueError(f"“{text}”不是一个数字")
    return n


def _bool(text: str) -> bool:
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError(f"“{text}”应填“是”或“否”")


def _names(key: str, text: str) -> list[str]:
    allowed = SECTION_NAMES if key == "sections" else tuple(name for name, _ in NEW_MEDIA)
    if text in ("无", "没有"):
        return []
    names = [p for p in _SEPARATORS.split(text) if p]
    wrong = [n for n in names if n not in allowed]
    if wrong:
        raise ValueError(f"“{'、'.join(wrong)}”不在可填的名称中（{'、'.join(allowed)}）")
    return list(dict.fromkeys(names))


def _date(text: str) -> str:
    m = _DATE.fullmatch(text)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        pass
    raise ValueError(f"“{text}”不是日期，请写成 2022-12-10 的形式")


# ---------------------------------------------------------------- applying

def assign_files(files: Sequence[FileRecord], assignments: Sequence[Assignment],
                 roster: Sequence[RosterEntry] = ()) -> tuple[list[FileRecord], dict[str, str], list[Unmatched]]:
    """Files with the unit the clerk assigned; (files, {path: unit}, unmatched).

    With a roster the name must be a roster unit's (an abbreviation the roster knows will do);
    without one, the name is taken as written.
    """
    by_path = {normal_path(f.path): i for i, f in enumerate(files)}
    out, assigned, unmatched = list(files), {}, []
    names = {e.name for e in roster}
    for a in assignments:
        i = by_path.get(normal_path(a.path))
        unit = resolve_unit(a.unit, names, roster) if roster else re.sub(r"\s+", "", a.unit)
        if i is None:
            unmatched.append(Unmatched(a, "本次检查中没有这个文件"))
        elif not unit:
            unmatched.append(Unmatched(a, f"名单中没有“{a.unit}”这个单位"))
        else:
            out[i] = _assigned(out[i], unit)
            assigned[out[i].path] = unit
    return out, assigned, unmatched


def _assigned(f: FileRecord, unit: str) -> FileRecord:
    fields = dict(f.fields)
    if f.status == "ok":
        fields["unit"] = Value(unit, (Evidence(f.path, MANUAL, f"归属单位（人工）：{unit}"),))
    return replace(f, unit=unit, fields=fields)


def correct_units(units: Sequence[UnitRecord], corrections: Sequence[Correction],
                  roster: Sequence[RosterEntry] = ()) -> tuple[list[UnitRecord], list[Unmatched]]:
    """Units whose merged fields carry the clerk's corrections (evidence ``人工更正`` with the
    说明), each recorded in ``UnitRecord.corrections`` with the value it replaced."""
    out = list(units)
    index = {u.unit: i for i, u in enumerate(out)}
    unmatched = []
    for c in corrections:
        name = resolve_unit(c.unit, index, roster)
        if c.key is None:
            unmatched.append(Unmatched(c, f"“{c.item}”不是“汇总”表中可更正的项目"))
            continue
        if name is None or name not in index:
            unmatched.append(Unmatched(c, f"本次检查中没有“{c.unit}”这个单位"))
            continue
        try:
            value = parse_value(c.key, c.value)
        except ValueError as e:
            unmatched.append(Unmatched(c, f"更正值无法识别：{e}"))
            continue
        i = index[name]
        out[i] = _corrected(out[i], c.key, value, c.reason)
    return out, unmatched


def _corrected(unit: UnitRecord, key: str, value: Any, reason: str) -> UnitRecord:
    fields = dict(unit.fields)
    was = unit.value(key)
    fields[key] = Value(value, (Evidence("", MANUAL, reason),))
    record = {"field": key, "value": value, "was": was, "reason": reason}
    return replace(unit, fields=fields, corrections=(*unit.corrections, record))


def judge(unit: str, findings: Sequence[Finding], verdicts: Sequence[Verdict]) -> list[Finding]:
    """The unit's findings with the clerk's verdicts on them (``Finding.verdict``, ``reason``)."""
    matched = match_verdicts(unit, findings, verdicts)
    return [replace(f, verdict=matched[i].result or None, reason=matched[i].note) if i in matched else f
            for i, f in enumerate(findings)]


def match_verdicts(unit: str, findings: Sequence[Finding], verdicts: Sequence[Verdict]) -> dict[int, Verdict]:
    """{index of a finding: the verdict on it}: same unit, rule and files; where several findings
    share these (缺少章节 on one report), the one with the same message.

    A rule judged on the unit as a whole (``UNIT_RULES``) raises one finding per unit whose files
    are only its evidence: when a new file changes them, the finding is still the one judged.
    """
    taken: dict[int, Verdict] = {}
    for v in verdicts:
        if v.unit.strip() != unit or (v.result and v.result not in VERDICTS):
            continue
        rule = [i for i, f in enumerate(findings) if i not in taken and same_rule(f, v.rule)]
        same = [i for i in rule if same_lines(finding_files(findings[i]), v.files)]
        if rule and not same and findings[rule[0]].rule in UNIT_RULES:
            same = rule
        exact = [i for i in same if findings[i].message == v.message.strip()]
        if exact or len(same) == 1:
            taken[(exact or same)[0]] = v
    return taken


def same_rule(finding: Finding, text: str) -> bool:
    """Whether the ledger's rule cell names the finding's rule: its SPEC §4 code, its short
    Chinese title, or (a region's own rule) the start of its message."""
    text = text.strip()
    return text in (finding.rule, RULE_TITLES.get(finding.rule), finding.message.rstrip("。")[:20])


def unmatched_verdicts(units: Sequence[UnitRecord], verdicts: Sequence[Verdict]) -> list[Unmatched]:
    """Verdicts on findings this run did not raise (judge the units first)."""
    judged = by_unit(verdicts)
    used = {id(v) for u in units for v in match_verdicts(u.unit, u.findings, judged.get(u.unit, ())).values()}
    out = []
    for v in verdicts:
        if id(v) not in used:
            why = "核实结果只能填“属实”或“排除”" if v.result and v.result not in VERDICTS \
                else "本次检查未再发现这个问题（可能已补报或已更正）"
            out.append(Unmatched(v, why))
    return out


def by_unit(verdicts: Iterable[Verdict]) -> dict[str, list[Verdict]]:
    result: dict[str, list[Verdict]] = {}
    for v in verdicts:
        result.setdefault(v.unit.strip(), []).append(v)
    return result
