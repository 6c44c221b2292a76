"""Writing 台账.xlsx and 通知/ without redoing what has not changed, and on every core.

A clerk re-runs the check every day as submissions come in; most units' notices
are then exactly what the last run wrote. Each output's inputs are digested (the
records, or one notice's filled-in context, plus the template and the writer
code); when the digest and the file on disk are those the last run recorded, the
file is kept (a notice is carried into the new 通知/ by a hard link) instead of
being rendered again. What must be rendered is spread over a process pool; the
first notice is always rendered here, so a broken template reports itself plainly.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from model import system

if TYPE_CHECKING:
    from pipeline.cache import FileCache
    from pipeline.outset import OutputFolder
    from outputs.gongwen import Layout

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def writer_version() -> str:
    """Changes whenever the writers, the shipped templates or the way paths are shown change."""
    from pipeline.cache import _source_digest  # the extractor version is made the same way

    root = Path(__file__).resolve().parent.parent
    files = [*(root / "outputs").glob("*.py"), *(root / "model").glob("*.py"), *(root / "templates").glob("*")]
    return _source_digest([p for p in files if p.is_file()], [f"windows_paths={system.windows_paths()}"])


def _digest(*parts: Any) -> str:
    h = hashlib.sha256(writer_version().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(part, ensure_ascii=False, sort_keys=True,
                                                                 default=repr).encode()
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def ledger_digest(records: dict[str, Any]) -> str:
    """The ledger shows everything in records.json but the time it was made."""
    return _digest({k: v for k, v in records.items() if k != "generated_at"})


class Manifest:
    """What the last run wrote: {name: (input digest, size, mtime_ns)}, kept in the run's cache."""

    def __init__(self, cache: FileCache | None, out: Path) -> None:
        self.cache, self.out = cache, out
        self.last = cache.outputs() if cache is not None else {}
        self.now: dict[str, tuple[str, int, int]] = {}

    def current(self, name: str, digest: str, path: Path | None = None) -> bool:
        """Whether the file the last run wrote for ``name`` is still there, untouched, from the same inputs."""
        return unchanged(path or self.out / name, digest, self.last.get(name))

    def wrote(self, name: str, digest: str, path: Path | None = None) -> None:
        st = os.stat(path or self.out / name)
        self.now[name] = (digest, st.st_size, st.st_mtime_ns)

    def save(self) -> None:
        if self.cache is not None:
            self.cache.store_outputs(self.now)


def unchanged(path: Path, digest: str, entry: tuple[str, int, int] | None) -> bool:
    """``path`` is the file a run recorded as ``entry`` (digest, size, mtime_ns), made from ``digest``."""
    if entry is None or entry[0] != digest:
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns) == tuple(entry[1:])


def stage_ledger(records: dict[str, Any], current: Path, staged: Path, last: tuple[str, int, int] | None) -> str:
    """Write 台账.xlsx to ``staged`` unless ``current`` (the last run's) is from the same records;
    return the digest."""
    digest = ledger_digest(records)
    if not unchanged(current, digest, last):
        from outputs.ledger import write_ledger

        write_ledger(records, staged)
    return digest


def _import_ledger() -> None:
    import outputs.ledger  # noqa: F401 - XlsxWriter and the ledger code, loaded before the records arrive


LEDGER_WORKER_FROM = 200  # files; for fewer, the ledger is written here: a spawned process
# importing XlsxWriter costs more than it saves


def ledger_worker(jobs: int, files: int) -> LazyPool | None:
    """A process for 台账.xlsx, started early: it imports XlsxWriter while the run reads and checks."""
    if (jobs or os.cpu_count() or 1) <= 1 or files < LEDGER_WORKER_FROM:
        return None
    pool = LazyPool(1, True)
    pool.submit(_import_ledger)
    return pool


def write_outputs(records: dict[str, Any], folder: OutputFolder, notice_config: dict[str, Any] | None,
                  cache: FileCache | None, jobs: int, ledger_pool: LazyPool | None = None) -> list[Path]:
    """Write the set into the folder's staging, then move it into OUTDIR as one (``OutputFolder.commit``).

    The ledger (the longest job) on a worker of its own (``ledger_worker``); records.json and
    the notices here, the notices on a pool of their own when there are many to render."""
    from outputs.notices import write_notices
    from extractors.readers.limits import pause_point
    from pipeline.outset import staged_outputs
    from outputs.records import write_records

    out = folder.out
    manifest = Manifest(cache, out)
    ledger, last = out / "台账.xlsx", manifest.last.get("台账.xlsx")
    own = ledger_worker(jobs, len(records.get("files") or [])) if ledger_pool is None else None
    ledger_pool = ledger_pool or own
    try:
        with staged_outputs(folder) as staging:
            new_ledger, notices_dir = staging / "台账.xlsx", staging / "通知"
            notices_dir.mkdir()
            with LazyPool(jobs) as notice_pool:
                job = ledger_pool.submit(stage_ledger, records, ledger, new_ledger, last) if ledger_pool else None
                render = NoticeRenderer(manifest, out / "通知", notice_pool)
                notices = write_notices(records, notices_dir, notice_config, render=render)
                write_records(records, staging / "records.json")
                render.finish()
                digest = _result(job) or stage_ledger(records, ledger, new_ledger, last)
            manifest.wrote("台账.xlsx", digest, new_ledger if new_ledger.exists() else ledger)
            pause_point("staged")
            folder.commit()
    finally:
        if own is not None:
            own.close()
    manifest.save()
    return [out / "records.json", ledger, *(out / "通知" / p.name for p in notices)]


def _result(job: Future | None) -> Any:
    if job is None:
        return None
    try:
        return job.result()
    except Exception as e:  # done again in the main process, which raises it plainly
        log.info("output written again in the main process: %s", e)
        return None


POOL_FROM = 800  # fewer notices than this are rendered here (1.7 ms each): a pool costs more than it saves, and
# the ledger, written meanwhile on its own process, takes longer anyway


class NoticeRenderer:
    """The ``render`` that ``write_notices`` calls: keeps unchanged notices, queues the rest."""

    def __init__(self, manifest: Manifest, old_dir: Path, pool: Executor | None) -> None:
        self.manifest, self.old_dir, self.pool = manifest, old_dir, pool
        self.pending: list[tuple[Path, dict[str, Any], Path, Layout | None, str]] = []
        self.futures: list[tuple[Future, int]] = []
        self.kept = 0
        self.rendered_here = False

    def __call__(self, template: Path, context: dict[str, Any], out: Path, layout: Layout | None = None) -> Path:
        name = f"通知/{out.name}"
        digest = _digest(_file_digest(str(template)), context, repr(layout))
        old = self.old_dir / out.name
        if self.manifest.current(name, digest, old) and _carry(old, out):
            self.manifest.wrote(name, digest, out)
            self.kept += 1
            return out
        if not self.rendered_here:
            self.rendered_here = True
            _render(template, context, out, layout)  # the first one here: template errors surface plainly
            self.manifest.wrote(name, digest, out)
            return out
        self.pending.append((template, context, out, layout, digest))
        if self.pool is not None and len(self.pending) >= POOL_FROM:
            for i in range(len(self.futures), len(self.pending)):  # from the POOL_FROM-th on, as they come
                template, context, out, layout, _ = self.pending[i]
                self.futures.append((self.pool.submit(_render, template, context, out, layout), i))
        return out

    def finish(self) -> None:
        """Render here what was not sent to the pool, wait for the pool, and render here whatever it
        could not (so the real error, if any, is raised)."""
        done = set()
        for i, (template, context, out, layout, _) in enumerate(self.pending[len(self.futures):],
                                                                start=len(self.futures)):
            _render(template, context, out, layout)
            done.add(i)
        for fut, i in self.futures:
            try:
                fut.result()
                done.add(i)
            except Exception as e:  # re-raised below by rendering it here
                log.info("notice rendered again in the main process: %s", e)
        for i, (template, context, out, layout, digest) in enumerate(self.pending):
            if i not in done:
                _render(template, context, out, layout)
            self.manifest.wrote(f"通知/{out.name}", digest, out)
        log.info("notices: %d kept, %d rendered", self.kept, len(self.pending) + self.rendered_here)


def _render(template: Path, context: dict[str, Any], out: Path, layout: Layout | None) -> Path:
    from outputs.render import render_docx

    return render_docx(template, context, out, layout)


@lru_cache(maxsize=16)
def _file_digest(path: str) -> bytes:
    return hashlib.sha256(Path(path).read_bytes()).digest()


def _carry(old: Path, new: Path) -> bool:
    """Put the last run's file in the new folder (a hard link; a copy across file systems)."""
    try:
        os.link(old, new)
    except OSError:
        try:
            shutil.copy2(old, new)
        except OSError:
            return False
    return True


class LazyPool:
    """A process pool started only if something is submitted; none at all (``None`` from ``with``)
    for one job, or when ``enabled`` is false."""

    def __init__(self, jobs: int, enabled: bool | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self.enabled = self.jobs > 1 if enabled is None else enabled
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, fn: Any, *args: Any) -> Future:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=system.mp_context(), initializer=ignore_sigint)
        return self.pool.submit(fn, *args)

    def __enter__(self) -> LazyPool | None:
        return self if self.enabled else None

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def ignore_sigint() -> None:
    """In a pool worker: Ctrl-C is the main process's to handle (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
