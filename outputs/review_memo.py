"""The clerk's entries in the ledger a run has just written, remembered beside it (``remember``).

Parsing a city's ledger costs a good half second; on a re-run where nobody saved the ledger
since the last run, its entries are exactly those this memo holds (OUT/.pufa/review.json,
keyed by the ledger's size and SHA-256), so the run reads them from here instead
(``outputs.review_read.remembered``). Any other ledger, or no memo, is parsed as usual.
"""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from forms.review import Assignment, Correction, Review, Verdict, finding_files
from outputs.atomic import write_text
from outputs.review_read import LEDGER, MEMO, cell_text, correction_rows, field_key
from outputs.review_sheets import verdict_cells

log = logging.getLogger(__name__)


def review_from_records(records: dict[str, Any]) -> Review:
    """The entries the ledger written from ``records`` holds, as reading it back would give them."""
    assignments = [Assignment(f["path"], f["assigned_unit"]) for f in records.get("files") or []
                   if f.get("assigned_unit")]
    corrections = [Correction(unit, label, field_key(label), cell_text(value), reason)
                   for unit, label, value, reason in correction_rows(records)]
    verdicts = [Verdict(u["unit"], f["rule"], finding_files(f), (f.get("message") or "").strip(), *verdict_cells(f))
                for u in records.get("units") or [] for f in u.get("findings") or []
                if f.get("dismissed") or f.get("confirmed") or f.get("reason")]
    for e in records.get("unmatched_review") or []:
        if e["kind"] == "核实":
            verdicts.append(Verdict(e["unit"], e["item"], e["file"], e["message"], e["value"], e["note"]))
        elif e["kind"] == "更正":
            corrections.append(Correction(e["unit"], e["item"], field_key(e["item"]), e["value"], e["note"]))
        elif e["kind"] == "归属":
            assignments.append(Assignment(e["file"], e["unit"]))
    return Review(tuple(assignments), tuple(corrections), tuple(verdicts))


def remember(out: Path, records: dict[str, Any]) -> None:
    """After the outputs are written: the new ledger's entries, for the next run."""
    ledger = Path(out) / LEDGER
    try:
        data = ledger.read_bytes()
    except OSError:
        return
    review = review_from_records(records)
    memo = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "assignments": [asdict(a) for a in review.assignments],
            "corrections": [asdict(c) for c in review.corrections],
            "verdicts": [asdict(v) for v in review.verdicts]}
    try:
        write_text(Path(out) / MEMO, json.dumps(memo, ensure_ascii=False))
    except OSError as e:  # only a saving: the next run parses the ledger instead
        log.warning("the ledger's entries were not remembered: %s", e)
