"""records.json (SPEC §7): the machine-readable result every writer reads."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from model import CONFIRMED, DISMISSED, FIELD_KEYS, FileRecord, Finding, LIST_KEYS, UnitRecord, Value

from .atomic import write_text

SCHEMA = "pufa.records/1"


def field_values(fields: dict[str, Value]) -> dict[str, Any]:
    return {k: (fields[k].value if k in fields else ([] if k in LIST_KEYS else None)) for k in FIELD_KEYS}


def _first_evidence(fields: dict[str, Value]) -> dict[str, dict[str, str]]:
    return {k: v.evidence[0].as_dict() for k, v in fields.items() if v.evidence}


def _all_evidence(fields: dict[str, Value]) -> dict[str, list[dict[str, str]]]:
    return {k: [e.as_dict() for e in v.evidence] for k, v in fields.items() if v.evidence}


def file_dict(f: FileRecord, superseded: bool = False, other_year: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {
        "path": f.path, "sha256": f.sha256, "status": f.status,
        "error": {"code": f.error_code, "message": f.error_message} if f.status == "error" else None,
        "unit": f.unit, "doc_type": f.doc_type, "size": f.size,
    }
    if f.status == "ok":
        d["fields"] = field_values(f.fields)
        d["evidence"] = _first_evidence(f.fields)
        d["chars"] = len(f.text)
        if f.doc_type in ("annual_report", "self_inspection") and f.text.strip():
            from forms.similarity import fingerprint

            d["fingerprint"] = fingerprint(f.text)  # lets next year's check find a copied report
    else:
        d["fields"] = {}
        d["evidence"] = {}
    if superseded:
        d["superseded"] = True
    if other_year:
        d["other_year"] = True  # about an earlier year than the check's: none of its fields counted
    return d


def finding_dict(x: Finding) -> dict[str, Any]:
    d = {"rule": x.rule, "severity": x.severity, "message": x.message, "file": x.file,
         "evidence": [e.as_dict() for e in x.evidence]}
    return {**d, **verdict_keys(x)}


def verdict_keys(x: Finding) -> dict[str, Any]:
    """The clerk's verdict (SPEC §9): ``dismissed``/``confirmed`` and the ``reason`` written."""
    d: dict[str, Any] = {}
    if x.verdict == DISMISSED:
        d["dismissed"] = True
    elif x.verdict == CONFIRMED:
        d["confirmed"] = True
    if x.verdict or x.reason:
        d["reason"] = x.reason
    return d


def open_findings(unit: dict[str, Any]) -> list[dict[str, Any]]:
    """A unit's findings the clerk did not dismiss: those its notice, score and the drafts count."""
    return [f for f in unit.get("findings") or [] if not f.get("dismissed")]


def add_review(records: dict[str, Any], assigned: dict[str, str], unmatched: list[dict[str, Any]]) -> None:
    """Mark the files the clerk assigned to a unit and keep the entries that matched nothing."""
    for f in records["files"]:
        if f["path"] in assigned:
            f["assigned_unit"] = assigned[f["path"]]
    records["unmatched_review"] = unmatched


def unit_dict(u: UnitRecord) -> dict[str, Any]:
    return {
        "unit": u.unit, "on_roster": u.on_roster, "files": [f.path for f in u.files],
        "fields": field_values(u.fields), "evidence": _all_evidence(u.fields),
        "findings": [finding_dict(x) for x in u.findings],
        "score": u.score, "grade": u.grade, "score_items": [dict(i) for i in u.score_items],
        "corrections": [dict(c) for c in u.corrections],
    }


def write_records(records: dict[str, Any], path: Path) -> Path:
    return write_text(path, records_text(records))


def records_text(records: dict[str, Any]) -> str:
    """records.json as text: a key per line, and one line per file and per unit in their lists.

    Readable and easy to compare line by line, and made by json's C encoder (an ``indent``
    makes json fall back to its Python encoder: five times slower on a city's records).
    """
    lines = []
    for key, value in records.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f" {name}: [\n  {items}\n ]")
        else:
            lines.append(f" {name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def load_records(path: Path) -> dict[str, Any]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"{path} 不是 pufa 生成的 records.json")
    return data
