"""Accuracy on the corpora we keep: the shipped samples and the held-out sets written apart."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cli

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
HELD_OUT = ["holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10",
            "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19"]
NO_ROSTER = {"holdout15"}  # checked as an office without a roster checks it
CORPORA = [("samples", ROOT / "samples" / "inbox", ROOT / "samples" / "名单.xlsx", ROOT / "samples" / "truth.json")] + [
    (name, ROOT / "tests/corpus" / name / "INBOX", ROOT / "tests/corpus" / name / "roster.xlsx",
     ROOT / "tests/corpus" / name / "truth.json") for name in HELD_OUT]
DEVSET = ROOT.parent / "shared" / "devset"  # the public dev set, run as the clerk runs it (with its deadline)
CORPORA.append(("devset", DEVSET / "INBOX", DEVSET / "roster.xlsx", DEVSET / "truth.json"))


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score.py not beside the repo")
@pytest.mark.parametrize("name, inbox, roster, truth", CORPORA, ids=[c[0] for c in CORPORA])
def test_corpus_scores(name, inbox, roster, truth, tmp_path):
    if not truth.is_file():
        pytest.skip(f"{truth} not present")
    t = json.loads(truth.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    with_roster = [] if name in NO_ROSTER else ["--roster", str(roster)]
    assert cli.main(["check", str(inbox), *with_roster, "--year", str(t["year"]),
                     "--deadline", t["deadline"], "--out", str(out)]) == 0
    res = subprocess.run([sys.executable, str(SCORER), str(truth), str(out / "records.json"), "--json",
                          str(tmp_path / "m.json")], capture_output=True, text=True, check=True)
    m = json.loads((tmp_path / "m.json").read_text())
    # every corpus we keep reads exactly as its truth: none may regress (issue 12)
    assert m["overall_field_acc"] == 1.0, res.stdout
    assert m["findings_f1"] == 1.0, res.stdout
    assert m["unit_attribution_acc"] == 1.0 and m["missing_recall"] == 1.0, res.stdout
