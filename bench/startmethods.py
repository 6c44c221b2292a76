"""Cold runs of ``pufa check`` with workers started by ``spawn`` and by ``fork``, alternately, each
followed by the floor pass, so each pair is measured in the same minute on a machine whose speed
drifts (PUFA_START_METHOD picks the method: model/system.py).

    python bench/startmethods.py [ROUNDS]      # after bench.py 500 built the inbox
"""
import os
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench import measure, synth  # noqa: E402
from bench.bench import check_argv, fresh_copy  # noqa: E402

root = synth.build_inbox(500, 1, os.cpu_count() or 1)
work = synth.CACHE_ROOT / "startmethods"
inbox = fresh_copy(root / "INBOX", work / "INBOX")
files = sorted(p for p in inbox.rglob("*") if p.is_file())
rows = {"spawn": [], "fork": []}
for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
    for method in ("spawn", "fork"):
        os.environ["PUFA_START_METHOD"] = method
        out = work / f"out-{method}"
        shutil.rmtree(out, ignore_errors=True)
        r = measure.run_child(check_argv(inbox, root / "roster.xlsx", out, 2))
        floor = measure.timed_pass("floor", files, 1)
        rows[method].append((r.wall, r.cpu, floor, r.load, r.others))
        print(f"{method:5} wall {r.wall:5.1f} s  CPU {r.cpu:5.1f} s  floor {floor:4.1f} s  ratio {r.wall / floor:4.2f}x  "
              f"load {r.load:4.1f}  others {r.others:4.0f} CPU-s", flush=True)
for method, rs in rows.items():
    print(f"{method}: median wall {statistics.median(r[0] for r in rs):.1f} s, median CPU {statistics.median(r[1] for r in rs):.1f} s, "
          f"median ratio to floor {statistics.median(r[0] / r[2] for r in rs):.2f}x")
