"""Dataclasses for what the checks see and produce."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractors.base import Evidence, Value

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
