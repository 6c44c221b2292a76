"""What the benchmark measures besides ``pufa check`` itself: the naive baseline, the floor,
peak memory of a process tree, and start-up time.

Each measured run is a child process (``pufa check …``, as the clerk runs it) so its wall
time includes interpreter start and imports, as a clerk's command does, and its memory
is its own.
"""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(rb"<[^>]+>")


# --- peak memory of a process tree ---------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


def _pss_kib(pid: int) -> int:
    """Proportional set size: shared (forked) pages counted once across the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and its descendants every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids, todo = [], [self.pid]
            while todo:
                p = todo.pop()
                pids.append(p)
                todo += _children(p)
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in pids))
            self.stop.wait(self.interval)


@dataclass
class Run:
    wall: float
    peak_mib: float  # summed PSS of the tree, sampled
    maxrss_mib: float  # largest single process (ru_maxrss of the children)
    cpu: float  # user + system seconds of the whole process tree
    load: float  # the machine's 1-minute load average when the run started
    others: float  # CPU-seconds other processes on the machine used during the run
    stats: dict = field(default_factory=dict)


def run_child(argv: list[str]) -> Run:
    """Run the command ``argv`` (``pufa check …``); it leaves its seconds per stage in the JSON file
    that ``PUFA_STATS_FILE`` names."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    load, busy = os.getloadavg()[0], _busy_seconds()
    fd, stats_file = tempfile.mkstemp(prefix="pufa-bench-stats-", suffix=".json")
    os.close(fd)
    t = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "PUFA_STATS_FILE": stats_file})
    mem = TreeMemory(proc.pid)
    mem.start()
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - t
    mem.stop.set()
    mem.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench child failed ({proc.returncode}): {' '.join(argv)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (usage.ru_utime + usage.ru_stime)
    others = max(0.0, _busy_seconds() - busy - cpu)
    try:
        stats = json.loads(Path(stats_file).read_text(encoding="utf-8") or "{}")
    finally:
        os.unlink(stats_file)
    return Run(wall, mem.peak_kib / 1024, after.ru_maxrss / 1024, cpu, load, others, stats)


def _busy_seconds() -> float:
    """CPU-seconds the whole machine has spent busy (all processes, all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


# --- the naive baseline and the floor ---------------------------------------------------

def naive_text(path: Path) -> int:
    """What a first script does: pdfplumber, python-docx, openpyxl; text only."""
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return sum(len(p.extract_text() or "") for p in pdf.pages)
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        return sum(len(p.text) for p in d.paragraphs) + sum(
            len(c.text) for t in d.tables for r in t.rows for c in r.cells)
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(len(str(v)) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)
    wb.close()
    return n


def floor_text(path: Path) -> int:
    """Just the bytes and the raw text: unzip the XML and strip tags; pdftotext for PDFs."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        if shutil.which("pdftotext"):
            return len(subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True).stdout)
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        n = sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
        pdf.close()
        return n
    with zipfile.ZipFile(path) as zf:
        parts = [n for n in zf.namelist() if n == "word/document.xml" or n == "xl/sharedStrings.xml"
                 or n.startswith("xl/worksheets/")]
        return sum(len(TAG.sub(b"", zf.read(n))) for n in parts)


def _time_files(fn_name: str, paths: list[str]) -> float:
    fn = {"naive": naive_text, "floor": floor_text}[fn_name]
    t = time.perf_counter()
    for p in paths:
        fn(Path(p))
    return time.perf_counter() - t


def timed_pass(fn_name: str, files: list[Path], jobs: int) -> float:
    """Wall seconds for ``fn_name`` over ``files``: one after another, or split over ``jobs`` processes."""
    paths = [str(p) for p in files]
    if jobs <= 1:
        return _time_files(fn_name, paths)
    t = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_time_files, [fn_name] * jobs, [paths[i::jobs] for i in range(jobs)]))
    return time.perf_counter() - t


def help_seconds(repeat: int = 7) -> float:
    """Median wall time of ``pufa --help`` (a fresh interpreter each time)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys, cli; sys.exit(cli.main(['--help']))"], cwd=ROOT,
                       stdout=subprocess.DEVNULL, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]
