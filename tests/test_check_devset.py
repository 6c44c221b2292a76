"""Acceptance: on the public dev set, the rules give exactly truth.json's findings.

Units are built from truth.json's per-file fields (merged as the dev set README says);
report texts for ``too_thin`` come from the real documents.  Skips when ../shared is absent.
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from model import FileRecord, UnitRecord
from forms.check import check_units
from forms.rules import load_rules
from tests.units_helper import REPORT_TYPES, merge, values

# CI keeps shared/ beside the repo (../shared); PUFA_SHARED points elsewhere (e.g. from a worktree).
SHARED = Path(os.environ.get("PUFA_SHARED") or Path(__file__).parents[1].parent / "shared")
DEVSET = SHARED / "devset"
pytestmark = pytest.mark.skipif(not (DEVSET / "truth.json").is_file(), reason="shared/devset not present")


def read_text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    return ""


def devset_units(truth: dict) -> list[UnitRecord]:
    by_unit: dict[str, list[FileRecord]] = {name: [] for name in truth["units"]}
    for rel, t in truth["files"].items():
        src = DEVSET / "INBOX" / rel
        text = read_text(src) if t["doc_type"] in REPORT_TYPES else ""
        by_unit[t["unit"]].append(FileRecord(
            path=rel, sha256="", status=t["status"], unit=t["unit"], doc_type=t["doc_type"],
            fields=values(rel, t["fields"]), text=text, size=src.stat().st_size,
            mtime=os.stat(src).st_mtime))  # the copy time of the dev set, years after the deadline
    return [UnitRecord(unit=name, files=tuple(fs), fields=merge(fs)) for name, fs in by_unit.items()]


@pytest.fixture(scope="module")
def checked() -> tuple[dict, list[UnitRecord]]:
    truth = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))
    units = check_units(devset_units(truth), load_rules(None),
                        deadline=date.fromisoformat(truth["deadline"]))
    return truth, units


def test_findings_equal_truth(checked: tuple[dict, list[UnitRecord]]) -> None:
    truth, units = checked
    got = {u.unit: sorted({f.rule for f in u.findings}) for u in units}
    want = {name: sorted(u["findings"]) for name, u in truth["units"].items()}
    assert got == want


def test_missing_units_equal_truth(checked: tuple[dict, list[UnitRecord]]) -> None:
    truth, units = checked
    missing = [u.unit for u in units if any(f.rule == "missing_submission" for f in u.findings)]
    assert missing == truth["missing_units"]


def test_devset_messages_and_scores(checked: tuple[dict, list[UnitRecord]]) -> None:
    _, units = checked
    by = {u.unit: u for u in units}
    late = [f for f in by["区应急管理局"].findings if f.rule == "late_submission"]
    assert [f.message for f in late] == [
        "区应急管理局报送的《应急局普法工作自查报告.docx》落款日期为2022年12月16日，晚于报送截止日期2022年12月10日。"]
    sections = [f.message for f in by["区教育局"].findings if f.rule == "missing_section"]
    assert sections == ["区教育局报送的《教育局普法工作情况.docx》缺少“基本情况”部分，请补充完善。",
                        "区教育局报送的《教育局普法工作情况.docx》缺少“存在问题”部分，请补充完善。"]
    assert (by["区市场监督管理局"].score, by["区市场监督管理局"].grade) == (100, "优秀")
    assert by["区民政局"].score is None and by["区民政局"].grade is None
    assert by["区教育局"].grade == "不合格"
