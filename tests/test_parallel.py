"""Reading, fingerprinting and notice writing on several processes give what one process gives."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from forms.fingerprints import Fingerprinter
from outputs.incremental import LazyPool
from pipeline import CheckOptions, run_check

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
        skip = ("docProps/core.xml",)  # openpyxl stamps the creation time
        assert parts(serial_dir / "台账.xlsx", skip) == parts(other_dir / "台账.xlsx", skip)


def _square(x: int) -> int:
    return x * x


def test_fingerprints_on_a_pool_are_those_made_here(runs: dict) -> None:
    from forms.similarity import analyse

    texts = [f"区第{i}局2022年度普法工作总结。全年开展普法宣传活动{i}场次，" * (5 + i % 7) for i in range(30)]
    parallel = Fingerprinter(2)
    parallel.start(200)
    try:
        made = parallel._map(texts)
    finally:
        parallel.close()
    assert not parallel.pools and made == [analyse(t) for t in texts]
    assert Fingerprinter(1)._map(texts[:3]) == [analyse(t) for t in texts[:3]]


def test_one_job_starts_no_pool() -> None:
    with LazyPool(1) as pool:
        assert pool is None
    with LazyPool(2) as pool:
        assert pool is not None and pool.submit(_square, 7).result() == 49
