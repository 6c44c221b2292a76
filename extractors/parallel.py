"""Reading many files across the machine's cores, each under a time and memory cap.

Workers are processes (pypdfium2 is not thread-safe: PITFALLS, PDF). In a
worker each file runs under ``SIGALRM``, so a parser stuck in Python code
is stopped and the file gets ``timeout``; a worker that dies (a crash in C
code, the memory cap) is replaced and its file marked, so one bad file
never stops the run. Results come back in inbox order, identical to a
serial run.
"""
from __future__ import annotations

import logging
import os
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Callable

from .base import ERROR_MESSAGES, UnreadableFile

if TYPE_CHECKING:
    from forms.base import FileRecord

    from .inbox import Source
    from .units import RosterEntry

log = logging.getLogger(__name__)

FILE_TIMEOUT = 60  # seconds a single file may take
MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space per worker

_roster: list = []
_year: int | None = None


def _init(roster: list, year: int | None, limit_memory: bool) -> None:
    global _roster, _year
    _roster, _year = roster, year
    if limit_memory:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        except (ImportError, ValueError, OSError):
            pass


def _alarm(signum, frame):  # noqa: ANN001 - signal handler signature
    raise UnreadableFile("timeout", f"over {FILE_TIMEOUT}s")


def process_one(src: "Source") -> "FileRecord":
    from pipeline import process_source

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(FILE_TIMEOUT)
    try:
        return process_source(src, _roster, _year)
    except UnreadableFile as e:
        return _error_record(src, e.code)
    except MemoryError:
        return _error_record(src, "too_large")
    except Exception as e:  # a parser bug must not stop the run
        log.warning("%s: unexpected %s: %s", src.rel, type(e).__name__, e)
        return _error_record(src, "corrupt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _error_record(src: "Source", code: str) -> "FileRecord":
    from forms.base import FileRecord

    from pipeline import sha256_of

    return FileRecord(src.rel, sha256_of(src.path), "error", code, ERROR_MESSAGES[code],
                      size=src.size, mtime=src.mtime)


def map_files(sources: list["Source"], roster: list["RosterEntry"], year: int | None, jobs: int = 0,
              progress: Callable[[str], None] | None = None) -> list["FileRecord"]:
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(sources) < 4:
        _init(roster, year, False)
        out = []
        for s in sources:
            out.append(process_one(s))
            if progress:
                progress(s.rel)
        return out
    return _parallel(sources, roster, year, jobs, progress)


def _parallel(sources, roster, year, jobs, progress) -> list["FileRecord"]:
    results: dict[int, "FileRecord"] = {}
    pending = list(range(len(sources)))
    while pending:
        with ProcessPoolExecutor(jobs, initializer=_init, initargs=(roster, year, True)) as pool:
            futures: dict[Future, int] = {pool.submit(process_one, sources[i]): i for i in pending}
            broken = _collect(futures, sources, results, progress)
        pending = [i for i in pending if i not in results]
        if broken is not None and broken in pending:
            results[broken] = _error_record(sources[broken], "corrupt")
            pending.remove(broken)
    return [results[i] for i in range(len(sources))]


def _collect(futures, sources, results, progress) -> int | None:
    """Gather results; return the index of a file whose worker died, if any."""
    remaining = set(futures)
    while remaining:
        done, remaining = wait(remaining, return_when=FIRST_COMPLETED)
        for fut in done:
            i = futures[fut]
            try:
                results[i] = fut.result()
            except BrokenProcessPool:
                log.warning("worker died on %s", sources[i].rel)
                return i
            if progress:
                progress(sources[i].rel)
    return None
