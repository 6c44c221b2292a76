"""Reading many files across the machine's cores, each under a time and memory cap.

Workers are started with ``spawn`` on every system (``model.system``: the one method Windows
has; pypdfium2 is not thread-safe, PITFALLS, PDF), import what they need, and are fed one file
at a time over their own pipe, so the parent always knows which file each worker holds. The
parent keeps the per-file deadline: a worker still busy ``limits.file_timeout()`` seconds after
it began a file (a parser stuck in Python or in C code alike) is killed and the file gets
``timeout``; no signal is needed in the worker.

A worker that dies (a crash in C code, the memory cap where the system has one) is replaced and
only the file it held is marked (``corrupt``; ``too_large`` when it ran out of memory), so one bad
file never stops the run. Results come back in inbox order, identical to a serial run.
"""
from __future__ import annotations

import logging
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Callable

from extractors.readers import limits
from model import UnreadableFile, error_message, system

if TYPE_CHECKING:
    from model import FileRecord

    from .inbox import Source
    from extractors.finders.units import RosterEntry

log = logging.getLogger(__name__)

FILES_PER_WORKER = 4  # a worker is started for every 4 files at most: starting one (spawn) costs
# about as much as reading a few files

_roster: list = []
_year: int | None = None


def _init(roster: list, year: int | None, limit_memory: bool) -> None:
    global _roster, _year
    _roster, _year = roster, year
    if limit_memory:
        system.cap_memory(limits.worker_memory_bytes())


def process_one(src: "Source") -> "FileRecord":
    """Read one file; any failure becomes an error record (the deadline is the parent's to keep)."""
    from pipeline.process import process_source

    try:
        return process_source(src, _roster, _year)
    except UnreadableFile as e:
        return _error_record(src, e.code, e.variant)
    except MemoryError:
        return _error_record(src, "too_large")
    except Exception as e:  # a parser bug must not stop the run
        log.warning("%s: unexpected %s: %s", src.rel, type(e).__name__, e)
        return _error_record(src, "corrupt")


def _error_record(src: "Source", code: str, variant: str | None = None) -> "FileRecord":
    from model import FileRecord

    from pipeline.process import unit_from_path

    from .inbox import source_digest

    return FileRecord(src.rel, source_digest(src), "error", code, error_message(code, variant),
                      unit=unit_from_path(src.rel, _roster), size=src.size, mtime=src.mtime)


def map_files(sources: list["Source"], roster: list["RosterEntry"], year: int | None, jobs: int = 0,
              progress: Callable[[str], None] | None = None,
              setup: Callable[[], None] | None = None) -> list["FileRecord"]:
    """Read every source in worker processes; one record per source, in order. ``setup``, a
    module-level function, runs in each worker before its first file (tests install readers)."""
    if not sources:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, -(-len(sources) // FILES_PER_WORKER)))
    pool = _Pool(jobs, roster, year, setup)
    try:
        return pool.run(sources, progress)
    finally:
        pool.close()


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process
    conn: Connection
    tasks: deque = field(default_factory=deque)  # files sent, in order; the first is being read
    started: float = 0.0  # when the first of ``tasks`` began
    ready: bool = False  # done importing: the clock of its first file starts then, not at its start


_READY = "ready"


def _worker_main(conn: Connection, roster: list, year: int | None, setup: Callable[[], None] | None,
                 log_level: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.basicConfig(level=log_level, format=system.LOG_FORMAT)  # a spawned worker has no handlers yet
    import pipeline.process  # noqa: F401 - the readers and finders, loaded before the first file arrives

    _init(roster, year, True)
    if setup is not None:
        setup()
    try:
        conn.send(_READY)
    except (OSError, ValueError):
        return
    while True:
        try:
            src = conn.recv()
        except (EOFError, OSError):
            return
        if src is None:
            return
        conn.send(process_one(src))


class _Pool:
    """Workers fed one file at a time; a dead or stuck worker is replaced.

    Each worker has ``AHEAD`` files sent to it: the next one waits in its pipe while it reads
    the current one, so it never idles until the parent gets round to it. Only the first is
    being read; if the worker dies or overruns, that one is marked and the others sent again.
    """

    AHEAD = 2

    def __init__(self, jobs: int, roster: list, year: int | None, setup: Callable[[], None] | None = None) -> None:
        self.ctx = system.mp_context()
        self.roster, self.year, self.setup = roster, year, setup
        self.workers = [self._spawn() for _ in range(jobs)]

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        args = (child, self.roster, self.year, self.setup, logging.getLogger().getEffectiveLevel())
        proc = self.ctx.Process(target=_worker_main, args=args, daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def run(self, sources: list["Source"], progress: Callable[[str], None] | None) -> list["FileRecord"]:
        global _roster
        _roster = self.roster  # error records made here are attributed like the workers' ones
        results: dict[int, "FileRecord"] = {}
        queue = deque(range(len(sources)))
        while len(results) < len(sources):
            self._dispatch(queue, sources)
            busy = [w for w in self.workers if w.tasks]
            wait([w.conn for w in busy] + [w.process.sentinel for w in busy], self._next_deadline(busy))
            for n, w in enumerate(self.workers):
                while w.tasks:
                    record = self._check(w, sources)
                    if record is None:
                        break
                    task = w.tasks.popleft()
                    results[task] = record
                    if progress:
                        progress(sources[task].rel)
                    w.started = time.monotonic()  # the worker went straight on to the next one
                    if w.conn.closed:  # killed on that file: the ones after it were never begun
                        queue.extendleft(reversed(w.tasks))
                        w.tasks.clear()
                        self.workers[n] = self._spawn()
        return [results[i] for i in range(len(sources))]

    def _dispatch(self, queue: deque, sources: list["Source"]) -> None:
        for n, w in enumerate(self.workers):
            if not queue or len(w.tasks) >= self.AHEAD:
                continue
            if not w.tasks and not w.process.is_alive():  # died while idle
                _kill(w)
                w = self.workers[n] = self._spawn()
            respawned = False
            while queue and len(w.tasks) < self.AHEAD:
                try:
                    w.conn.send(sources[queue[0]])
                except OSError:  # a broken pipe: it died
                    if w.tasks or respawned:
                        break  # on the file it holds, which _check marks
                    _kill(w)  # while idle, since the check above
                    w, respawned = self._spawn(), True
                    self.workers[n] = w
                    continue
                if not w.tasks:
                    w.started = time.monotonic()
                w.tasks.append(queue.popleft())

    @staticmethod
    def _hard_limit() -> float:
        return limits.file_timeout() + 1  # a second for the record to come back through the pipe

    def _next_deadline(self, busy: list[_Worker]) -> float:
        ready = [w for w in busy if w.ready]
        if not ready:
            return 1.0  # a worker still starting wakes the parent when it is ready (or dies)
        return max(0.05, min(w.started + self._hard_limit() for w in ready) - time.monotonic())

    def _check(self, w: _Worker, sources: list["Source"]) -> "FileRecord | None":
        """The record of ``w``'s first file if it is done, or an error record if the worker died or
        overran (it is then killed); else ``None``."""
        src = sources[w.tasks[0]]
        if not w.ready and w.conn.poll():
            try:
                w.ready = w.conn.recv() == _READY
            except (EOFError, OSError):
                pass  # died while starting: seen below
            w.started = time.monotonic()
        if not w.ready and w.process.is_alive():
            return None
        if w.conn.poll():
            try:
                return w.conn.recv()
            except (EOFError, OSError):
                pass  # died: fall through
        elif w.process.is_alive():
            if time.monotonic() - w.started <= self._hard_limit():
                return None
            log.warning("%s: reader stuck, worker killed", src.rel)
            _kill(w)
            return _error_record(src, "timeout")
        _kill(w)
        code = "too_large" if system.killed_for_memory(w.process.exitcode) else "corrupt"
        log.warning("%s: worker died (exit %s)", src.rel, w.process.exitcode)
        return _error_record(src, code)

    def close(self) -> None:
        for w in self.workers:
            try:
                w.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for w in self.workers:
            w.process.join(max(0.0, deadline - time.monotonic()))
            _kill(w)


def _kill(w: _Worker) -> None:
    if w.process.is_alive():
        w.process.kill()
    w.process.join(5)
    w.conn.close()
