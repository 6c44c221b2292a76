"""Run the rules and the rubric over all units: the ``forms`` stage of ``pufa check``."""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from forms.review import Verdict, by_unit, judge
from model import Finding, UnitRecord
from forms.rules import Context, RuleSet, current_reports, run_rules, under_evaluation
from forms.ruleset import RULE_CODES
from forms.scoring import Rubric, load_rubric, score_unit
from forms.similarity import Match, Report, find_duplicates

log = logging.getLogger(__name__)

_SEVERITY_ORDER = {"error": 0, "warning": 1}
_RULE_ORDER = {code: i for i, code in enumerate(RULE_CODES)}


def check_units(units: Sequence[UnitRecord], rules: RuleSet, *, deadline: date | None,
                rubric: Rubric | None = None,
                history: Mapping[str, Any] | None = None,
                verdicts: Sequence[Verdict] = ()) -> list[UnitRecord]:
    """Units with ``findings`` (errors first, then by rule order), ``score``, ``grade``, ``score_items``.

    ``deadline`` (the command line's) wins over the rules file's ``late_submission.deadline``;
    ``rubric`` defaults to the shipped ``forms/rubric.yaml``; ``history`` is an earlier
    year's records.json (dict) whose report files carry a ``fingerprint``; ``verdicts``, the
    clerk's from the ledger, mark findings 属实/排除 before scoring (a dismissed one costs nothing).
    Findings are collected, never raised.
    """
    ctx = Context(rules=rules, deadline=deadline or rules.deadline,
                  duplicates=_duplicates(units, rules, history))
    rubric = rubric if rubric is not None else load_rubric(None)
    out = []
    judged = by_unit(verdicts)
    for unit in units:
        findings = judge(unit.unit, sort_findings(run_rules(unit, ctx)), judged.get(unit.unit, ()))
        checked = replace(unit, findings=tuple(findings))
        if _scored(checked):
            score, grade, items = score_unit(checked, rubric)
            checked = replace(checked, score=score, grade=grade, score_items=tuple(items))
        out.append(checked)
    log.info("checked %d units: %d findings", len(out), sum(len(u.findings) for u in out))
    return out


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Errors before warnings, then SPEC §4 rule order; stable within a rule."""
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 2), _RULE_ORDER.get(f.rule, 99)))


def _scored(unit: UnitRecord) -> bool:
    """A roster unit that sent something readable is scored; the rest get no score."""
    return under_evaluation(unit) and any(f.status == "ok" for f in unit.files)


def _duplicates(units: Sequence[UnitRecord], rules: RuleSet,
                history: Mapping[str, Any] | None) -> dict[str, tuple[Match, ...]]:
    if not rules.enabled("duplicate_content"):
        return {}
    reports = [Report(u.unit, f.path, f.text) for u in units if under_evaluation(u)
               for f in current_reports(u) if f.text.strip()]
    return find_duplicates(reports, rules.param("duplicate_content", "threshold"), history)
