"""The limits that keep one hostile file from hurting the run, each settable by environment.

Read at call time (not import time), so a test or a clerk's script can change
them with an environment variable, and worker processes inherit them.

| variable | default | what it bounds |
|---|---|---|
| ``PUFA_MAX_FILE_MB`` | 200 | size of one received file (``too_large``) |
| ``PUFA_FILE_TIMEOUT`` | 120 | seconds one file may take to read (``timeout``) |
| ``PUFA_WORKER_MEMORY_MB`` | 2048 | address space of a reading process |
| ``PUFA_OCR`` | 1 | 0 turns OCR off (scans then get ``scanned_no_text``) |
| ``PUFA_OCR_MAX_PAGES`` | 30 | pages OCR'd in one file |
| ``PUFA_SOFFICE_TIMEOUT`` | 60 | seconds one LibreOffice conversion may take |
"""
from __future__ import annotations

import os

MB = 1024 * 1024


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"环境变量 {name} 应为数字，现为“{raw}”") from None
    if value <= 0:
        raise ValueError(f"环境变量 {name} 应大于 0，现为“{raw}”")
    return value


def max_file_bytes() -> int:
    return int(_number("PUFA_MAX_FILE_MB", 200) * MB)


def file_timeout() -> float:
    return _number("PUFA_FILE_TIMEOUT", 120)


def worker_memory_bytes() -> int:
    return int(_number("PUFA_WORKER_MEMORY_MB", 2048) * MB)


def ocr_enabled() -> bool:
    return os.environ.get("PUFA_OCR", "1").strip().lower() not in ("0", "no", "false", "off")


def ocr_max_pages() -> int:
    return int(_number("PUFA_OCR_MAX_PAGES", 30))


def ocr_budget() -> float:
    """Seconds of OCR per file: most of the file's time limit, leaving room for extraction."""
    return file_timeout() * 0.75


def soffice_timeout() -> float:
    return min(_number("PUFA_SOFFICE_TIMEOUT", 60), max(file_timeout() - 5, 1))


def pause_point(name: str) -> None:
    """For the interruption tests: with ``PUFA_TEST_PAUSE=name``, announce the point on stderr and
    wait there until the file named by ``PUFA_TEST_RESUME`` appears (or, without one, until killed)."""
    if os.environ.get("PUFA_TEST_PAUSE") != name:
        return
    import sys
    import time

    print(f"PUFA_PAUSED {name}", file=sys.stderr, flush=True)
    resume = os.environ.get("PUFA_TEST_RESUME")
    while not (resume and os.path.exists(resume)):
        time.sleep(0.05)
