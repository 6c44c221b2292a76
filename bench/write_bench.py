"""How long the write stage of ``pufa check`` takes on a given records.json.

    python bench/write_bench.py /tmp/pufa-bench/run-n500-s1/records-cold.json [--repeat 3] [--profile]

Writes records.json, 台账.xlsx and 通知/ (one process, no pool, no cache) into a temp
folder and prints wall and CPU seconds for each, the best of ``--repeat`` runs. The
first notice of a run pays for opening the template; the per-notice figure includes it.
``--profile`` prints the top of a cProfile of one notices run instead.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from outputs.ledger import write_ledger  # noqa: E402
from outputs.notices import write_notices  # noqa: E402
from outputs.records import write_records  # noqa: E402


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Best wall and CPU seconds of ``repeat`` calls, and the last result."""
    best_wall = best_cpu = float("inf")
    result = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    records = json.loads(args.records.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="pufa-write-bench.") as tmp:
        out = Path(tmp)
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(write_notices, records, out / "通知")
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            return
        rows = [("records.json", lambda: write_records(records, out / "records.json")),
                ("台账.xlsx", lambda: write_ledger(records, out / "台账.xlsx")),
                ("通知/", lambda: write_notices(records, out / "通知"))]
        print(f"{'output':<14}{'wall s':>9}{'cpu s':>9}")
        for name, fn in rows:
            wall, cpu, result = timed(fn, args.repeat)
            extra = ""
            if isinstance(result, list) and result:
                extra = f"  {len(result)} files, {1000 * cpu / len(result):.1f} ms cpu each"
            print(f"{name:<14}{wall:>9.3f}{cpu:>9.3f}{extra}")


if __name__ == "__main__":
    main()
