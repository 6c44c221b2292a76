"""Build a corpus (inbox + roster + truth.json) from document specs, and check it.

A ``Doc`` holds what is written (blocks or sheets) and what a careful reader
finds in it (``fields``), plus ``quotes``: sentences that must be found again in
the generated file, so the truth cannot drift from the text.  ``findings`` per
unit are declared by hand and re-derived from the fields with the devset
conventions; both must agree.
"""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import docgen

FIELD_KEYS = (
    "unit", "year", "doc_type", "date", "leading_group", "leader_in_charge",
    "staff_assigned", "duty_list", "cases_total", "cases_by_quarter", "activities",
    "materials", "consultations", "audience", "study_sessions", "new_media",
    "budget", "sections",
)
SECTIONS = ("基本情况", "主要做法", "存在问题", "下一步打算")
REPORT_TYPES = ("annual_report", "self_inspection")
BOOL_RULES = {
    "leading_group": "no_leading_group", "leader_in_charge": "no_leader_in_charge",
    "staff_assigned": "no_staff_assigned",
}
RULE_ORDER = (
    "missing_submission", "cases_below_min", "quarter_without_case", "no_duty_list",
    "no_leading_group", "no_leader_in_charge", "no_staff_assigned", "no_new_media",
    "study_below_min", "missing_section", "too_thin", "late_submission",
)


# The blocks of a document, as the texts modules write them (kind, text).
def T(s): return ("title", s)
def TO(s): return ("to", s)
def H1(s): return ("h1", s)
def H2(s): return ("h2", s)
def B(s): return ("bold", s)
def P(s): return ("p", s)
def L(s): return ("plain", s)
def SIG(s): return ("sig", s)
def D(s): return ("date", s)
def TAB(rows): return ("table", rows)


ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]


@dataclass
class Doc:
    path: str                      # relative to the inbox
    unit: str                      # roster name (the truth)
    doc_type: str
    fields: dict                   # the non-null fields a careful reader finds
    quotes: list[str]              # sentences that must be in the generated file
    blocks: list = field(default_factory=list)   # docx/pdf content
    sheets: list = field(default_factory=list)   # xlsx content
    transform: str | None = None   # None | "trad" | "garble" | "fullwidth"
    author: str = ""
    min_chars: int | None = None   # reports: body length bounds checked after writing
    max_chars: int | None = None

    def truth_fields(self) -> dict:
        out = {k: None for k in FIELD_KEYS}
        out.update(new_media=[], sections=[], unit=self.unit, doc_type=self.doc_type)
        unknown = set(self.fields) - set(FIELD_KEYS)
        if unknown:
            raise ValueError(f"{self.path}: unknown field keys {sorted(unknown)}")
        out.update(self.fields)
        return out


def _transformed(doc: Doc) -> list:
    convert = {
        None: lambda s: s,
        "trad": docgen.to_traditional,
        "garble": docgen.garble,
        "fullwidth": docgen.full_width_digits,
    }[doc.transform]
    out = []
    for kind, payload in doc.blocks:
        if kind == "table":
            out.append((kind, [[convert(str(c)) for c in row] for row in payload]))
        else:
            out.append((kind, convert(payload)))
    return out


def write_doc(inbox: Path, doc: Doc) -> Path:
    target = inbox / doc.path
    suffix = target.suffix.lower()
    if suffix == ".docx":
        docgen.write_docx(target, _transformed(doc), author=doc.author)
    elif suffix == ".pdf":
        docgen.write_pdf(target, _transformed(doc), author=doc.author)
    elif suffix == ".xlsx":
        docgen.write_xlsx(target, doc.sheets)
    else:
        raise ValueError(doc.path)
    return target


def write_roster(path: Path, roster: list[tuple[str, ...]]) -> None:
    """单位名称, 简称/别名 and, when an entry gives a third name list, 曾用名 (names of earlier years)."""
    former = any(len(entry) > 2 for entry in roster)
    head = ("单位名称", "简称/别名") + (("曾用名",) if former else ())
    rows = [head] + [tuple(v or None for v in (*entry, "")[:len(head)]) for entry in roster]
    widths = {"A": 34, "B": 40, **({"C": 30} if former else {})}
    docgen.write_xlsx(path, [{"title": "名单", "rows": rows, "widths": widths, "bold_rows": (1,)}])


# ---------------------------------------------------------------- findings

def _date(doc: Doc) -> str:
    return doc.fields.get("date") or ""


def _lead(docs: list[Doc]) -> list[Doc]:
    """Files ordered by how much a clerk trusts them: reports first, later first."""
    return sorted(docs, key=lambda d: (d.doc_type in REPORT_TYPES, _date(d)), reverse=True)


def merged(docs: list[Doc]) -> dict:
    out: dict = {}
    for key in FIELD_KEYS:
        values = [d.truth_fields()[key] for d in _lead(docs)]
        values = [v for v in values if v not in (None, [])]
        out[key] = values[0] if values else None
    totals = [d.fields["cases_total"] for d in docs if d.fields.get("cases_total") is not None]
    out["cases_total"] = max(totals) if totals else None
    if any(d.doc_type == "duty_list" for d in docs):
        out["duty_list"] = True
    return out


def derive_findings(docs: list[Doc], deadline: str, text_len: dict[str, int],
                    figures: dict[str, int]) -> list[str]:
    if not docs:
        return ["missing_submission"]
    m = merged(docs)
    found = set()
    if m["cases_total"] is None or m["cases_total"] < 4:
        found.add("cases_below_min")
    if m["cases_by_quarter"] is not None and min(m["cases_by_quarter"]) < 1:
        found.add("quarter_without_case")
    if m["duty_list"] is not True:
        found.add("no_duty_list")
    for key, rule in BOOL_RULES.items():
        if m[key] is not True:
            found.add(rule)
    if not m["new_media"]:
        found.add("no_new_media")
    if m["study_sessions"] is None or m["study_sessions"] < 2:
        found.add("study_below_min")
    reports = [d for d in _lead(docs) if d.doc_type in REPORT_TYPES]
    if reports:
        latest = reports[0]
        if set(SECTIONS) - set(latest.fields.get("sections", [])):
            found.add("missing_section")
        if text_len[latest.path] < 800 or figures[latest.path] < 3:
            found.add("too_thin")
    if any(_date(d) > deadline for d in docs):
        found.add("late_submission")
    return [r for r in RULE_ORDER if r in found]


# ---------------------------------------------------------------- build + check

_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def build(out_dir: Path, inbox_name: str, roster_name: str, roster: list[tuple[str, ...]],
          docs: list[Doc], findings: dict[str, list[str]], year: int, deadline: str,
          truth_name: str = "truth.json") -> dict:
    inbox = out_dir / inbox_name
    if inbox.exists():
        shutil.rmtree(inbox)
    write_roster(out_dir / roster_name, roster)
    text_len, figures = {}, {}
    for doc in docs:
        target = write_doc(inbox, doc)
        text = docgen.comparable(docgen.read_back(target))
        _check_quotes(doc, text)
        text_len[doc.path] = len(text)
        figures[doc.path] = len(_FIGURE.findall(text))
        _check_length(doc, len(text))
    truth = _truth(roster, docs, findings, year, deadline)
    names = [entry[0] for entry in roster]
    for unit in names:
        own = [d for d in docs if d.unit == unit]
        derived = derive_findings(own, deadline, text_len, figures)
        if derived != findings[unit]:
            raise AssertionError(f"{unit}: declared {findings[unit]} but fields give {derived}")
    (out_dir / truth_name).write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {d.path: text_len[d.path] for d in docs}


def _check_quotes(doc: Doc, text: str) -> None:
    for quote in doc.quotes:
        if docgen.comparable(quote) not in text:
            raise AssertionError(f"{doc.path}: quote not found: {quote}")


def _check_length(doc: Doc, n: int) -> None:
    if doc.min_chars is not None and n < doc.min_chars:
        raise AssertionError(f"{doc.path}: {n} chars < {doc.min_chars}")
    if doc.max_chars is not None and n > doc.max_chars:
        raise AssertionError(f"{doc.path}: {n} chars > {doc.max_chars}")


def _truth(roster, docs, findings, year, deadline) -> dict:
    files = {}
    for doc in docs:
        files[doc.path] = {"status": "ok", "error_code": None, "unit": doc.unit,
                           "doc_type": doc.doc_type, "fields": doc.truth_fields()}
    units = {}
    for name, *_ in roster:
        units[name] = {"findings": findings[name],
                       "files": sorted(d.path for d in docs if d.unit == name)}
    missing = [n for n, *_ in roster if not any(d.unit == n for d in docs)]
    return {"year": year, "deadline": deadline, "files": files, "units": units,
            "missing_units": missing}
