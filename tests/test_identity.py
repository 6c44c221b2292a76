"""The byte-identity check (bench/identity.py) run for real: two runs of the code on the samples
are identical byte for byte, and a changed output of any kind is found."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from bench import identity

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    samples = next(c for c in identity.corpora() if c.name == "samples")
    tmp = tmp_path_factory.mktemp("identity")
    identity.run_check(ROOT, samples, tmp / "a")
    identity.run_check(ROOT, samples, tmp / "b")
    return tmp / "a", tmp / "b"


def test_every_corpus_is_listed():
    names = [c.name for c in identity.corpora()]
    assert names[0] == "samples" and "holdout" in names and "holdout16" in names
    assert len(names) == 1 + len([d for d in (ROOT / "tests/corpus").iterdir() if (d / "INBOX").is_dir()])
    assert next(c for c in identity.corpora() if c.name == "holdout15").roster is None


def test_two_runs_are_identical(two_runs):
    a, b = two_runs
    got = identity.compare_outputs(a, b)
    assert got.differences == []
    written = identity.written_files(a)
    assert "records.json" in written and "台账.xlsx" in written
    notices = [n for n in written if n.startswith("通知/") and n.endswith(".docx")]
    assert len(notices) >= 5
    assert got.files == len(written) and got.parts > 10 * len(notices)
    # the time of the run differs, and is the only thing left out
    ra, rb = (json.loads((d / "records.json").read_text(encoding="utf-8")) for d in (a, b))
    assert set(ra) - set(identity.VOLATILE) == set(rb) - set(identity.VOLATILE)


def _changed(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def _rewrite_part(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info, change(data) if info.filename == part else data)


def test_a_changed_notice_part_is_found(two_runs, tmp_path):
    a, b = two_runs
    c = _changed(b, tmp_path / "c")
    notice = sorted((c / "通知").glob("*.docx"))[0]
    _rewrite_part(notice, "word/document.xml", lambda x: x.replace("整改".encode(), "整政".encode(), 1))
    got = identity.compare_outputs(a, c)
    assert got.differences == [f"通知/{notice.name}!/word/document.xml: bytes differ"]


def test_a_changed_ledger_part_is_found(two_runs, tmp_path):
    a, b = two_runs
    c = _changed(b, tmp_path / "c")
    _rewrite_part(c / "台账.xlsx", "docProps/core.xml", lambda x: x.replace(b"2000-01-01", b"2000-01-02"))
    got = identity.compare_outputs(a, c)
    assert got.differences == ["台账.xlsx!/docProps/core.xml: bytes differ"]


def test_records_differ_in_a_field_but_not_in_the_time_of_the_run(two_runs, tmp_path):
    a, b = two_runs
    c = _changed(b, tmp_path / "c")
    data = json.loads((c / "records.json").read_text(encoding="utf-8"))
    data["generated_at"] = "1999-01-01T00:00:00+08:00"
    (c / "records.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert identity.compare_outputs(a, c).differences == []
    data["units"][0]["unit"] += "X"
    (c / "records.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert identity.compare_outputs(a, c).differences == ["records.json/units/0/unit: "
                                                          f"{data['units'][0]['unit'][:-1]!r} vs {data['units'][0]['unit']!r}"]


def test_a_missing_or_extra_output_is_found(two_runs, tmp_path):
    a, b = two_runs
    c = _changed(b, tmp_path / "c")
    gone = sorted((c / "通知").glob("*.docx"))[-1]
    gone.unlink()
    (c / "extra.txt").write_text("x", encoding="utf-8")
    got = identity.compare_outputs(a, c)
    assert sorted(got.differences) == sorted([f"通知/{gone.name}: written by one run only",
                                              "extra.txt: written by one run only"])
