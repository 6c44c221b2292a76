"""Build FileRecord/UnitRecord values for rule tests (the forms stage's input)."""
from __future__ import annotations

from typing import Any

from model import Evidence, FIELD_KEYS, FileRecord, LIST_KEYS, UnitRecord, Value

REPORT_TYPES = ("annual_report", "self_inspection")
BOOL_KEYS = ("leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget")


def values(path: str, fields: dict[str, Any]) -> dict[str, Value]:
    """Every SPEC §3 key as a Value; stated values carry evidence from ``path``."""
    out = {}
    for key in FIELD_KEYS:
        v = fields.get(key, [] if key in LIST_KEYS else None)
        stated = v not in (None, [])
        out[key] = Value(v, (Evidence(path, "第1段", f"{key}={v}"),) if stated else ())
    return out


def file(path: str, doc_type: str = "annual_report", text: str = "", status: str = "ok",
         unit: str | None = "区司法局", mtime: float | None = None, **fields: Any) -> FileRecord:
    err = {"error_code": "corrupt", "error_message": "文件已损坏，无法打开。"} if status == "error" else {}
    return FileRecord(path=path, sha256="0" * 64, status=status, unit=unit, doc_type=doc_type,
                      fields=values(path, {"doc_type": doc_type, **fields}) if status == "ok" else {},
                      text=text, mtime=mtime, **err)


def merge(files: list[FileRecord]) -> dict[str, Value]:
    """Merge per-file fields as the devset truth does (README): the unit's view of its files."""
    ok = [f for f in files if f.status == "ok"]
    reports = [f for f in ok if f.doc_type in REPORT_TYPES]
    out: dict[str, Value] = {}
    for key in FIELD_KEYS:
        vals = [(f, f.fields[key]) for f in ok if key in f.fields and f.fields[key].value not in (None, [])]
        if key in BOOL_KEYS:
            pick = [x for x in vals if x[1].value is True] or [x for x in vals if x[1].value is False]
            out[key] = pick[0][1] if pick else Value(None)
        elif key == "sections":
            secs = [s for f in reports for s in f.value("sections") or []]
            ev = tuple(e for f in reports for e in f.fields[key].evidence)
            out[key] = Value(list(dict.fromkeys(secs)), ev)
        elif key in LIST_KEYS:
            items = [x for _, v in vals for x in v.value]
            out[key] = Value(list(dict.fromkeys(items)), tuple(e for _, v in vals for e in v.evidence))
        elif key in ("cases_total", "activities", "materials", "consultations", "audience", "study_sessions"):
            rep = [v for f, v in vals if f.doc_type in REPORT_TYPES]
            out[key] = rep[0] if rep else (max(vals, key=lambda x: x[1].value)[1] if vals else Value(None))
        else:
            out[key] = vals[0][1] if vals else Value(None)
    return out


def unit(name: str = "区司法局", files: list[FileRecord] | None = None, on_roster: bool = True,
         **overrides: Any) -> UnitRecord:
    files = files or []
    fields = merge(files)
    for key, v in overrides.items():
        stated = v not in (None, []) and files
        fields[key] = Value(v, (Evidence(files[0].path, "第2段", f"{key}={v}"),) if stated else ())
    return UnitRecord(unit=name, files=tuple(files), fields=fields, on_roster=on_roster)
