"""Shared test vectors: a phrasing, a field, what a careful clerk reads (tests/field_vectors.yaml)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from model import Block, Document
from extractors.finders.fields import extract
from extractors.finders.units import RosterEntry, attribute

HERE = Path(__file__).parent
FIELD_VECTORS = yaml.safe_load((HERE / "field_vectors.yaml").read_text(encoding="utf-8"))
UNIT_VECTORS = yaml.safe_load((HERE / "unit_vectors.yaml").read_text(encoding="utf-8"))
LIST_KEYS = {"new_media", "sections"}


def _report(text: str) -> Document:
    """A one-paragraph report around the vector's text (headings keep their own lines)."""
    lines = ["某某局2023年度普法工作总结"] + [t for t in str(text).split("\n") if t.strip()]
    return Document("v.docx", "docx", tuple(Block(t, f"第{i + 1}段") for i, t in enumerate(lines)), {})


@pytest.mark.parametrize("vec", FIELD_VECTORS, ids=[f"{v['field']}:{str(v['text'])[:24]}" for v in FIELD_VECTORS])
def test_field_vector(vec):
    fields = extract(_report(vec["text"]), [], 2023).fields
    got = fields.get(vec["field"])
    value = got.value if got is not None else ([] if vec["field"] in LIST_KEYS else None)
    want = vec["expect"]
    if vec["field"] in LIST_KEYS:
        assert sorted(value) == sorted(want or [])
    else:
        assert value == want
    if got is not None and got.value not in (None, []) and vec["field"] != "sections":
        assert got.evidence and got.evidence[0].quote  # every value carries its evidence


def _unit_cases():
    for case in UNIT_VECTORS["vectors"]:
        yield case


@pytest.mark.parametrize("case", list(_unit_cases()), ids=lambda c: str(c.get("expect")))
def test_unit_vector(case):
    roster = [RosterEntry(r["name"], tuple(r.get("aliases") or ())) for r in case["roster"]]
    order = ("signature", "title", "header", "folder", "filename")
    places = [(k, case["places"][k]) for k in order if case["places"].get(k)]
    m = attribute(places, roster)
    assert (m.name if m.on_roster else None) == case["expect"]
