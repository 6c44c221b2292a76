"""Peak memory of ``pufa check`` on an inbox of hostile files (issue 11: under 1 GB for the whole
process tree). Builds the hostile inbox of ``tests/test_hostile_inbox.py`` plus the special entries
of issue 11 (a FIFO, a GBK name, links in and out, a PDF without ToUnicode), runs the real CLI as
a child with its default limits, and prints the summed PSS of its process tree.

    python bench/hostile_memory.py [WORKDIR] [--jobs N]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import run_child  # noqa: E402


def build(work: Path) -> Path:
    from tests import hostile_files as hf
    from tests.test_hostile_inbox import build_corpus

    inbox, scratch = work / "收件箱", work / "work"
    shutil.rmtree(work, ignore_errors=True)
    inbox.mkdir(parents=True)
    scratch.mkdir()
    build_corpus(inbox, scratch)
    hf.make_docx(Path(os.fsdecode(os.fsencode(inbox) + b"/" + "区司法局报告.docx".encode("gbk"))))
    if hasattr(os, "mkfifo"):
        os.mkfifo(inbox / "管道.docx")
    os.symlink(scratch / "report.docx", inbox / "指向外部.docx")
    os.symlink("空文件.docx", inbox / "链接.docx")
    if hf.soffice():
        pdf = hf.convert_with_soffice(scratch / "report.docx", "pdf", scratch)
        (inbox / "无ToUnicode.pdf").write_bytes(pdf.read_bytes().replace(b"/ToUnicode", b"/NoUnicode"))
    return inbox


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("work", nargs="?", default="bench-hostile")
    ap.add_argument("--jobs", type=int, default=0)
    args = ap.parse_args()
    work = Path(args.work).resolve()
    inbox = build(work)
    run = run_child([sys.executable, str(ROOT / "cli.py"), "check", str(inbox), "--out", str(work / "out"),
                     "--jobs", str(args.jobs), "--no-cache"])
    print(f"hostile inbox: {sum(1 for _ in inbox.iterdir())} entries; wall {run.wall:.1f} s; "
          f"peak PSS of the process tree {run.peak_mib:.0f} MiB; largest process {run.maxrss_mib:.0f} MiB")


if __name__ == "__main__":
    main()
