"""A unit's fields: the merge of its files' fields, evidence kept.

A later version of the same document replaces an earlier one (same unit,
same kind of document, the later date or the later arrival). Counts come
from the unit's report when it states them, else from its statistics form,
else from its case files (summed); facts are true when any file states
them, false when a file states their absence and none states them; lists
are united.
"""
from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Iterable

from model import FIELD_KEYS, SECTION_NAMES, Evidence, FileRecord, Value

REPORTS = ("annual_report", "self_inspection")
# document kinds of which a unit sends one: a second one is a revision
SINGLE_KINDS = frozenset({"annual_report", "self_inspection", "duty_list", "plan", "stats_form"})
COUNTS = ("activities", "materials", "consultations", "audience", "study_sessions")
BOOLS = ("leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget")
_REVISION_WORDS = ("修改稿", "修订稿", "修订版", "更正", "最终稿", "终稿", "定稿", "修改版", "新版", "补充", "重报", "v2", "V2")


def superseded(files: Iterable[FileRecord]) -> set[str]:
    """Paths of files replaced by a later version of the same document.

    Two files are versions of one document when they are of the same kind,
    both sheets or both prose, and named alike once revision marks
    (修改稿, 修订版 …) are set aside; a self-inspection report and its
    scoring sheet are two documents, not two versions.
    """
    groups: dict[tuple[str, bool], list[FileRecord]] = defaultdict(list)
    for f in files:
        if f.status == "ok" and f.doc_type in SINGLE_KINDS:
            groups[(f.doc_type, f.is_sheet)].append(f)
    out: set[str] = set()
    for same in groups.values():
        for f in same:
            later = [g for g in same if g is not f and _alike(f, g) and _version_key(g) > _version_key(f)]
            if later:
                out.add(f.path)
    return out


# what a unit sends about its year's work: one of another year says nothing of this one
_OF_A_YEAR = ("annual_report", "self_inspection", "stats_form")


def other_year(files: Iterable[FileRecord], year: int | None) -> set[str]:
    """Paths of reports and statistics forms about an earlier year than ``year`` (last year's
    report sent again): their figures and facts are not this year's.

    Both the year reported on and the document's date must be earlier: a report on the year
    dated in the next January is this year's, and a misread year alone never drops a file.
    """
    if year is None:
        return set()
    out = set()
    for f in files:
        stated, dated = f.value("year"), str(f.value("date") or "")[:4]
        if f.status == "ok" and f.doc_type in _OF_A_YEAR and isinstance(stated, int) and stated < year \
                and dated.isdigit() and int(dated) < year:
            out.add(f.path)
    return out


def _stem(f: FileRecord) -> str:
    name = re.split(r"[!/]", f.path)[-1].rsplit(".", 1)[0]
    for w in _REVISION_WORDS:
        name = name.replace(w, "")
    return re.sub(r"[（）()\[\]【】\s_\-—]|第?[一二三四五\d]稿|v\d", "", name)


def _alike(a: FileRecord, b: FileRecord) -> bool:
    if a.doc_type in ("annual_report", "self_inspection") and not a.is_sheet:
        return True  # a unit sends one report a year: a second one is a revision
    return SequenceMatcher(None, _stem(a), _stem(b)).ratio() >= 0.6


def _version_key(f: FileRecord) -> tuple:
    revised = any(w in f.path for w in _REVISION_WORDS)
    return (f.value("date") or "", revised, f.mtime or 0.0, f.path)


def merge_fields(files: list[FileRecord]) -> dict[str, Value]:
    live = [f for f in files if f.status == "ok"]
    out: dict[str, Value] = {}
    reports = [f for f in live if f.doc_type in REPORTS]
    stats = [f for f in live if f.doc_type == "stats_form"]
    cases = [f for f in live if f.doc_type == "case_report"]
    for key in COUNTS:
        v = _first(key, reports) or _first(key, stats) or _first(key, live)
        if v is not None:
            out[key] = v
    ct = _first("cases_total", reports) or _first("cases_total", stats) or _sum("cases_total", cases)
    if ct is None:
        ct = _first("cases_total", live)
    if ct is not None:
        out["cases_total"] = ct
    q = _first("cases_by_quarter", stats) or _first("cases_by_quarter", live)
    if q is not None:
        out["cases_by_quarter"] = q
    for key in BOOLS:
        v = _bool(key, live)
        if v is not None:
            out[key] = v
    out["new_media"] = _union("new_media", live)
    sections = _union("sections", reports)
    out["sections"] = Value([s for s in SECTION_NAMES if s in sections.value], sections.evidence)
    for key in ("year", "date", "doc_type"):
        v = _first(key, reports) or _first(key, live)
        if v is not None:
            out[key] = v
    return {k: out[k] for k in FIELD_KEYS if k in out}


def _first(key: str, files: list[FileRecord]) -> Value | None:
    for f in files:
        v = f.fields.get(key)
        if v is not None and v.value is not None:
            return v
    return None


def _sum(key: str, files: list[FileRecord]) -> Value | None:
    vals = [f.fields[key] for f in files if f.fields.get(key) is not None and f.fields[key].value is not None]
    if not vals:
        return None
    return Value(sum(v.value for v in vals), tuple(e for v in vals for e in v.evidence))


def _bool(key: str, files: list[FileRecord]) -> Value | None:
    vals = [f.fields[key] for f in files if f.fields.get(key) is not None and f.fields[key].value is not None]
    for want in (True, False):
        hits = [v for v in vals if v.value is want]
        if hits:
            return Value(want, tuple(e for v in hits for e in v.evidence))
    return None


def _union(key: str, files: list[FileRecord]) -> Value:
    items: list[str] = []
    ev: list[Evidence] = []
    for f in files:
        v = f.fields.get(key)
        if v is None:
            continue
        for x in v.value or []:
            if x not in items:
                items.append(x)
        ev.extend(v.evidence)
    return Value(items, tuple(ev))
