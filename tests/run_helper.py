"""Running the real CLI in a process of its own (a new session, so a test can signal its whole
group), with the system temp folder pointed at a folder the test watches."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import openpyxl

from outputs.review_read import MEMO

ROOT = Path(__file__).resolve().parents[1]


def cli_env(systmp: Path, **extra: str) -> dict[str, str]:
    systmp.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TMPDIR": str(systmp), "TEMP": str(systmp), "TMP": str(systmp), "PUFA_OCR": "0",
           "PYTHONIOENCODING": "utf-8"}
    env.update(extra)
    return env


def command(*args: str | Path) -> list[str]:
    return [sys.executable, str(ROOT / "cli.py"), *map(str, args)]


def run_cli(args: list, systmp: Path, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), env=cli_env(systmp, **extra), capture_output=True, timeout=timeout,
                          start_new_session=True, cwd=ROOT)


def start_paused(args: list, systmp: Path, point: str, **extra: str) -> subprocess.Popen:
    """Start the CLI and return once it has reached ``point`` (``outputs.outset.pause_point``)."""
    proc = subprocess.Popen(command(*args), env=cli_env(systmp, PUFA_TEST_PAUSE=point, **extra),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, cwd=ROOT)
    assert proc.stderr is not None
    seen = []
    for line in iter(proc.stderr.readline, b""):
        seen.append(line)
        if line.strip() == f"PUFA_PAUSED {point}".encode():
            return proc
    proc.wait()
    raise AssertionError(f"never reached {point}: {b''.join(seen).decode('utf-8', 'replace')[-2000:]}")


def signal_group(proc: subprocess.Popen, sig: int) -> None:
    """``sig`` to the run and every process it started: its process group, or where there is no
    ``os.killpg`` (PUFA_PORTABLE) its descendants, then itself."""
    if hasattr(os, "killpg"):
        os.killpg(proc.pid, sig)
        return
    from model import system

    for pid in [*system.descendants(proc.pid), proc.pid]:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    signal_group(proc, sig)
    proc.wait(timeout=60)


def outputs_of(out: Path, inbox: Path | None = None) -> dict:
    """The output set without its time stamps (and with INBOX for the inbox's path): records,
    every ledger cell, every notice's text."""
    import docx

    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    records.pop("generated_at")
    wb = openpyxl.load_workbook(out / "台账.xlsx", read_only=True)
    ledger = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    wb.close()
    notices = {p.name: "\n".join(x.text for x in docx.Document(str(p)).paragraphs)
               for p in sorted((out / "通知").glob("*.docx"))}
    found = {"records": records, "ledger": ledger, "notices": notices}
    if inbox is None:
        return found
    text = json.dumps(found, ensure_ascii=False, default=str)
    return json.loads(text.replace(json.dumps(str(inbox.resolve()), ensure_ascii=False)[1:-1], "INBOX"))


def leftovers(out: Path, systmp: Path) -> list[str]:
    """What a finished run must not leave: scratch, staging, journals, temp files, anything in systmp."""
    meta = out / ".pufa"
    kept = ("lock", "jieba", MEMO.name)  # the lock, a cache and the memo of the ledger's entries stay
    left = [p.name for p in meta.iterdir() if p.name not in kept] if meta.exists() else []
    left += [p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in (".pufa", ".pufa-cache.sqlite")]
    left += [f"systmp/{p.name}" for p in systmp.iterdir()]
    return left
