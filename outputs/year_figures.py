"""Year over year, computed from records.json (SPEC §10): per unit and for the district.

A unit checked with ``--history`` carries ``previous`` ({year, score, grade, findings}) and
``repeated`` on the findings raised both years; the records carry ``history``, last year's
district figures. Plain data out, for the ledger's 年度对比 sheet and the circular alike.
A finding the clerk dismissed (``dismissed``, SPEC §9) is no problem of the unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from outputs.figures import grade_counts, submitted_units, totals
from outputs.labels import RULE_TITLES

EXCELLENT = "优秀"


@dataclass(frozen=True)
class UnitChange:
    """One unit against last year: scores, grades and rule codes repeated / new / resolved."""

    unit: str
    former_name: str | None  # last year's name when the unit was renamed since
    last_score: float | None
    last_grade: str | None
    score: float | None
    grade: str | None
    repeated: tuple[str, ...]
    new: tuple[str, ...]
    resolved: tuple[str, ...]

    @property
    def score_change(self) -> float | None:
        if self.score is None or self.last_score is None:
            return None
        return round(self.score - self.last_score, 1)


@dataclass(frozen=True)
class DistrictChange:
    """One district figure this year and last year (None where not known)."""

    key: str
    label: str
    word: str  # measure word: 个
    last: int | None
    now: int | None

    @property
    def change(self) -> int | None:
        return None if self.last is None or self.now is None else self.now - self.last


def has_history(records: dict[str, Any]) -> bool:
    return any(isinstance(u.get("previous"), dict) for u in records.get("units") or [])


def raised(unit: dict[str, Any]) -> list[str]:
    """The unit's rule codes this year, in order, once each (dismissed findings left out)."""
    return list(dict.fromkeys(f.get("rule") for f in unit.get("findings") or []
                              if not f.get("dismissed") and f.get("rule")))


def unit_changes(records: dict[str, Any]) -> list[UnitChange]:
    """Every unit that existed last year, in records order."""
    renamed = (records.get("history") or {}).get("renamed") or {}
    out = []
    for u in records.get("units") or []:
        prev = u.get("previous")
        if not isinstance(prev, dict):
            continue
        now, before = raised(u), list(prev.get("findings") or [])
        out.append(UnitChange(
            u["unit"], renamed.get(u["unit"]), prev.get("score"), prev.get("grade"),
            u.get("score"), u.get("grade"),
            tuple(r for r in now if r in before), tuple(r for r in now if r not in before),
            tuple(r for r in before if r not in now)))
    return out


def repeated_units(records: dict[str, Any]) -> dict[str, list[str]]:
    """Rule code -> units with that finding raised both years (``repeated``, not dismissed)."""
    out: dict[str, list[str]] = {}
    for u in records.get("units") or []:
        for f in u.get("findings") or []:
            if f.get("repeated") and not f.get("dismissed"):
                names = out.setdefault(f["rule"], [])
                if u["unit"] not in names:
                    names.append(u["unit"])
    return out


def district_changes(records: dict[str, Any]) -> list[DistrictChange]:
    """报送材料的单位, 以案释法典型案例, 评定为优秀的单位: this year (as the circular counts them)
    against last year's ``history`` summary."""
    last = records.get("history") or {}
    units = submitted_units(records)
    cases = totals(units)["cases_total"]
    excellent = next((g["count"] for g in grade_counts(units) if g["grade"] == EXCELLENT), 0)
    last_grades = last.get("grades") or {}
    return [
        DistrictChange("submitted", "报送材料参加评议的单位", "个", last.get("submitted"), len(units)),
        DistrictChange("cases_total", "报送以案释法典型案例", "个", last.get("cases_total"), cases),
        DistrictChange("excellent", "评定为优秀的单位", "个",
                       last_grades.get(EXCELLENT, 0) if "grades" in last else None, excellent),
    ]


def titles(rules: tuple[str, ...] | list[str]) -> str:
    """Chinese short titles of rule codes, joined with 、."""
    return "、".join(RULE_TITLES.get(r, r) for r in rules)


def change_phrase(change: int | None, word: str) -> str:
    """较上年增加2个 / 较上年减少1个 / 与上年持平."""
    if change is None:
        return ""
    if change == 0:
        return "与上年持平"
    return f"较上年{'增加' if change > 0 else '减少'}{abs(change)}{word}"
