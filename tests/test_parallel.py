"""Reading in worker processes: a crashing, stuck or greedy reader costs only its own file.

Readers are added to ``READERS`` for made-up kinds (sniffed from the file extension) in
each worker by ``map_files(setup=…)``: workers are spawned, they import the project afresh
and would not see a replacement made in this process.

And a pool gives what one process gives: records, fingerprints, notices, ledger.
"""
from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from extractors.readers import read
from model import system
from pipeline.inbox import list_inbox
from pipeline.pool import map_files
from forms.fingerprints import _map, prepare
from pipeline import incremental
from pipeline.incremental import LazyPool
from pipeline import CheckOptions, run_check
from tests import hostile_files as hf


def _crash(path: Path):  # noqa: ANN202 - a reader that takes the whole process down
    os._exit(3)


def _sleep(path: Path):  # noqa: ANN202 - stuck waiting
    time.sleep(600)


def _spin_deaf(path: Path):  # noqa: ANN202 - stuck computing, as a parser looping in C code
    while True:
        pass


def _greedy(path: Path):  # noqa: ANN202 - asks for more memory than a worker may have (3 GiB > 2 GiB)
    return [bytearray(3 << 30)], {}


def _fake_readers() -> None:
    """Run in each worker before its first file."""
    read.READERS.update(crash=_crash, sleep=_sleep, deaf=_spin_deaf, greedy=_greedy)


@pytest.fixture()
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PUFA_FILE_TIMEOUT", "2")
    monkeypatch.setenv("PUFA_WORKER_MEMORY_MB", "2048")
    box = tmp_path / "INBOX"
    box.mkdir()
    for i in range(4):
        hf.make_docx(box / f"报告{i}.docx")
    return box


def _records(inbox: Path, jobs: int) -> dict[str, tuple[str, str | None]]:
    return {r.path: (r.status, r.error_code) for r in map_files(list_inbox(inbox), [], None, jobs, setup=_fake_readers)}


@pytest.mark.parametrize("jobs", [1, 2])
def test_dead_worker_marks_only_its_file(inbox: Path, jobs: int) -> None:
    (inbox / "报告1.5.crash").write_text("x")
    got = _records(inbox, jobs)
    assert got.pop("报告1.5.crash") == ("error", "corrupt")
    assert set(got.values()) == {("ok", None)} and len(got) == 4


def test_two_crashes_in_a_row_each_marked(inbox: Path) -> None:
    (inbox / "a.crash").write_text("x")
    (inbox / "b.crash").write_text("x")
    got = _records(inbox, 2)
    assert got["a.crash"] == got["b.crash"] == ("error", "corrupt")
    assert sum(1 for v in got.values() if v == ("ok", None)) == 4


def test_crashes_with_files_queued_behind_them(inbox: Path) -> None:
    """Each worker has a file waiting in its pipe: a crash marks only its own file, those queued
    behind it are read by the worker that replaces it."""
    for i in range(8):
        (inbox / f"c{i}.crash").write_text("x")
        hf.make_docx(inbox / f"d{i}.docx")
    got = _records(inbox, 2)
    assert {k: v for k, v in got.items() if k.endswith(".crash")} == {f"c{i}.crash": ("error", "corrupt")
                                                                      for i in range(8)}
    assert sum(1 for v in got.values() if v == ("ok", None)) == 12


def test_reader_stuck_waiting_times_out(inbox: Path) -> None:
    (inbox / "慢.sleep").write_text("x")
    got = _records(inbox, 2)
    assert got["慢.sleep"] == ("error", "timeout")
    assert set(v for k, v in got.items() if k != "慢.sleep") == {("ok", None)}


def test_reader_stuck_computing_is_killed(inbox: Path) -> None:
    """The parent kills a worker still busy past the per-file deadline; the others go on."""
    (inbox / "卡死.deaf").write_text("x")
    (inbox / "卡死2.deaf").write_text("x")
    got = _records(inbox, 2)
    assert got["卡死.deaf"] == got["卡死2.deaf"] == ("error", "timeout")
    assert set(v for k, v in got.items() if not k.endswith(".deaf")) == {("ok", None)}


@pytest.mark.skipif(not system.memory_cap_available(), reason="no memory cap on this system (Windows, PUFA_PORTABLE)")
def test_memory_cap_turns_a_greedy_reader_into_too_large(inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUFA_FILE_TIMEOUT", "20")
    (inbox / "巨大.greedy").write_text("x")
    got = _records(inbox, 2)
    assert got["巨大.greedy"] == ("error", "too_large")


def test_results_in_inbox_order_like_a_serial_run(inbox: Path) -> None:
    (inbox / "m.crash").write_text("x")
    sources = list_inbox(inbox)
    parallel = map_files(sources, [], None, 2, setup=_fake_readers)
    assert [r.path for r in parallel] == [s.rel for s in sources]
    assert [(r.status, r.error_code, r.sha256) for r in parallel] == \
        [(r.status, r.error_code, r.sha256) for r in map_files(sources, [], None, 1, setup=_fake_readers)]


def test_no_worker_outlives_the_run(inbox: Path) -> None:
    import multiprocessing

    (inbox / "x.deaf").write_text("x")
    (inbox / "y.crash").write_text("x")
    got = {r.path: r.error_code for r in map_files(list_inbox(inbox), [], None, 2, setup=_fake_readers)}
    assert got["x.deaf"] == "timeout" and got["y.crash"] == "corrupt"
    assert multiprocessing.active_children() == []


# --- serial == parallel ------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def check(box: Path, out: Path, jobs: int, cache: bool = False) -> tuple[dict, dict]:
    stats: dict = {}
    result = run_check(CheckOptions(box, out, SAMPLES / "名单.xlsx", jobs=jobs, cache=cache), stats=stats)
    return {k: v for k, v in result.records.items() if k != "generated_at"}, stats


def parts(path: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n not in skip}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict, dict]]:
    root = tmp_path_factory.mktemp("parallel")
    box = Path(shutil.copytree(SAMPLES / "inbox", root / "收件箱"))
    out = {}
    for name, jobs, cache in (("serial", 1, False), ("parallel", 2, False), ("cached", 2, True)):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(incremental, "POOL_FROM", 2)  # a handful of notices: send them to the pool anyway
            mp.setattr(incremental, "LEDGER_WORKER_FROM", 1)  # and the ledger to its own worker
            records, stats = check(box, root / name, jobs, cache)
        out[name] = (root / name, records, stats)
    out["warm"] = (root / "cached", *check(box, root / "cached", 2, True))
    return out


def test_parallel_records_are_the_serial_records(runs: dict) -> None:
    serial, parallel = runs["serial"][1], runs["parallel"][1]
    assert len(serial["files"]) >= 8 and serial == parallel
    assert sum(1 for f in serial["files"] if f.get("fingerprint")) >= 8  # enough reports for the pool
    assert runs["parallel"][2]["reports_analysed"] == runs["serial"][2]["reports_analysed"]


def test_cached_runs_give_the_serial_records(runs: dict) -> None:
    assert runs["cached"][1] == runs["serial"][1]
    assert runs["warm"][1] == runs["serial"][1]
    assert runs["warm"][2]["files_read"] == 0


def test_notices_and_ledger_are_the_same_whoever_wrote_them(runs: dict) -> None:
    serial_dir = runs["serial"][0]
    for other in ("parallel", "warm"):
        other_dir = runs[other][0]
        names = sorted(p.name for p in (serial_dir / "通知").iterdir())
        assert names and names == sorted(p.name for p in (other_dir / "通知").iterdir())
        for name in names:
            assert parts(serial_dir / "通知" / name) == parts(other_dir / "通知" / name), (other, name)
        assert parts(serial_dir / "台账.xlsx") == parts(other_dir / "台账.xlsx")


def _square(x: int) -> int:
    return x * x


class _Store:
    """An analysis store holding nothing, recording what it is asked to keep."""

    def __init__(self) -> None:
        self.kept: dict = {}

    def analyses(self, texts):  # noqa: ANN001, ANN201 - AnalysisStore protocol
        return {}

    def store_analyses(self, done, used):  # noqa: ANN001, ANN201
        self.kept.update(done)


def test_fingerprints_on_a_pool_are_those_made_here(runs: dict) -> None:
    from forms.similarity import analyse

    texts = [f"区第{i}局2022年度普法工作总结。全年开展普法宣传活动{i}场次，" * (5 + i % 7) for i in range(80)]
    assert _map(texts, 2) == [analyse(t) for t in texts]  # 80 texts: on a pool of two
    assert _map(texts[:3], 2) == [analyse(t) for t in texts[:3]]  # a few: here


def test_reports_read_by_workers_come_with_their_analysis(tmp_path: Path) -> None:
    from forms.similarity import analyse

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = "区司法局2022年度普法工作总结。一、基本情况。全年开展普法宣传活动12场次，发放资料3000份。"
    for i in range(3):
        hf.make_docx(inbox / f"{i}_区司法局普法工作总结.docx", [text + "第%d稿。" % i])
    records = map_files(list_inbox(inbox), [], 2022, 2)
    assert all(r.doc_type == "annual_report" and r.analysis == analyse(r.text) for r in records)
    store = _Store()
    assert prepare(records, store) == 0  # nothing left to cut in the main process
    assert set(store.kept) == {r.text for r in records}


def test_one_job_starts_no_pool() -> None:
    with LazyPool(1) as pool:
        assert pool is None
    with LazyPool(2) as pool:
        assert pool is not None and pool.submit(_square, 7).result() == 49


