"""Golden check for the .docx and .pdf readers: same blocks before and after a change, and how fast.

    python bench/reader_golden.py record /tmp/readers-golden.pickle   # before a change
    python bench/reader_golden.py check  /tmp/readers-golden.pickle   # after: every block identical

Reads every .docx/.pdf of the benchmark inbox, the public dev set, samples/ and the test
corpora (plus any directory given with ``--extra``) through ``read_document``, one file after
another in this process, and keeps per file the whole ``Document`` (every ``Block`` field and
the metadata) or the error code. ``check`` lists every file whose result differs. Both print
the time per file by format. ``--only docx|pdf`` restricts to one format, ``--repeat N``
reads each file N times and keeps the fastest time (less noise). ``PUFA_READERS_CODE=DIR``
reads the same files with the readers of another checkout (record with the old code there,
check with this one).
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("PUFA_READERS_CODE", str(ROOT)))

from model import Block, UnreadableFile  # noqa: E402
from extractors.readers.read import read_document  # noqa: E402

BENCH_INBOX = Path(os.environ.get("PUFA_BENCH_CACHE", "/tmp/pufa-bench")) / "inbox-n500-s1-g3" / "INBOX"
ROOTS = [BENCH_INBOX, Path("/work/shared/devset/INBOX"), ROOT / "samples", ROOT / "tests"]
FORMATS = (".docx", ".pdf")


def corpus(roots: list[Path], only: str | None) -> list[Path]:
    exts = FORMATS if only is None else (f".{only}",)
    files = []
    for root in roots:
        if root.is_dir():
            files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in exts)
    return files


def read_one(path: Path) -> tuple[object, float]:
    """The Document ``read_document`` makes of ``path`` (or its error), and the CPU seconds it took."""
    t0 = time.process_time()
    try:
        doc = read_document(path, path.name)
    except UnreadableFile as e:
        return e, time.process_time() - t0
    return doc, time.process_time() - t0


_FIELDS = tuple(f.name for f in dataclasses.fields(Block))


def as_plain(out: object) -> tuple:
    """A read result as plain tuples: every Block field and the metadata, or the error code."""
    if isinstance(out, UnreadableFile):
        return ("error", out.code, out.variant)
    blocks = tuple(tuple(getattr(b, name) for name in _FIELDS) for b in out.blocks)
    return ("ok", out.fmt, blocks, sorted(out.meta.items()))


def run(files: list[Path], repeat: int) -> tuple[dict[str, tuple], dict[str, list[float]]]:
    results, times = {}, {}
    for path in files:
        best = None
        for _ in range(repeat):
            out, dt = read_one(path)
            best = dt if best is None else min(best, dt)
        results[str(path)] = as_plain(out)
        gc.freeze()  # what is kept is never collected: the collector's work stays the reader's
        group = "bench" if BENCH_INBOX in path.parents else "other"
        times.setdefault(f"{group} {path.suffix.lower()}", []).append(best)
    return results, times


def report(times: dict[str, list[float]]) -> None:
    total = sum(sum(t) for t in times.values())
    count = sum(len(t) for t in times.values())
    for key, ts in sorted(times.items()):
        print(f"{key:12} {len(ts):5} files  {1000 * sum(ts) / len(ts):7.2f} ms/file (CPU)  "
              f"{sum(ts):7.2f} s")
    print(f"{'all':12} {count:5} files  {1000 * total / max(count, 1):7.2f} ms/file (CPU)  {total:7.2f} s")


def compare(golden: dict[str, tuple], now: dict[str, tuple]) -> int:
    bad = 0
    for path, want in golden.items():
        if path not in now:
            continue
        if now[path] != want:
            bad += 1
            print(f"DIFFERS: {path}")
            _show_diff(want, now[path])
    missing = [p for p in now if p not in golden]
    print(f"{len(now) - bad - len(missing)} identical, {bad} differ, {len(missing)} not in golden")
    return bad


def _show_diff(want: tuple, got: tuple) -> None:
    if want[0] != "ok" or got[0] != "ok":
        print(f"   want {want[:3]}\n   got  {got[:3]}")
        return
    if want[3] != got[3]:
        print(f"   meta want {want[3]}\n   meta got  {got[3]}")
    for i, (a, b) in enumerate(zip(want[2], got[2])):
        if a != b:
            print(f"   block {i}\n     want {a!r}\n     got  {b!r}")
            return
    print(f"   block count want {len(want[2])} got {len(got[2])}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("record", "check", "time"))
    ap.add_argument("golden", type=Path, nargs="?", default=Path("/tmp/readers-golden.pickle"))
    ap.add_argument("--only", choices=("docx", "pdf"))
    ap.add_argument("--extra", type=Path, action="append", default=[])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    files = corpus(ROOTS + args.extra, args.only)
    results, times = run(files, args.repeat)
    report(times)
    if args.mode == "record":
        args.golden.write_bytes(pickle.dumps(results))
        print(f"recorded {len(results)} files to {args.golden}")
        return 0
    if args.mode == "check":
        return 1 if compare(pickle.loads(args.golden.read_bytes()), results) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
