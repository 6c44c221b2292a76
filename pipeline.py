"""``pufa check``: inbox → extractors → forms → outputs, as one library call."""
from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from extractors.archive import expand_archives
from extractors.base import UnreadableFile, Value
from extractors.fields import extract
from extractors.inbox import Source, list_inbox, source_digest
from extractors.read import read_document
from extractors.structure import structure
from extractors.units import RosterEntry, load_roster, unify_names
from extractors.limits import pause_point
from outputs.outset import OutputFolder, refuse_inside_inbox
from forms.base import FileRecord, UnitRecord
from forms.fingerprints import prepare as prepare_analyses
from forms.merge import merge_fields, other_year, superseded
from forms.similarity import REPORT_TYPES, analyse

if TYPE_CHECKING:
    from outputs.cache import FileCache

log = logging.getLogger(__name__)

UNKNOWN_UNIT = "（未识别单位）"


@dataclass(frozen=True)
class CheckOptions:
    inbox: Path
    out: Path
    roster: Path | None = None
    rules: Path | None = None
    year: int | None = None
    deadline: dt.date | None = None
    history: Path | None = None
    jobs: int = 0  # 0: as many as cores
    notice_config: Path | None = None
    cache: bool = True  # reuse OUT/.pufa-cache.sqlite: read only new or changed files


@dataclass
class CheckResult:
    records: dict[str, Any]
    outputs: list[Path] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        units = self.records["units"]
        received = [u for u in units if u["files"]]
        return {
            "files": len(self.records["files"]),
            "unreadable": sum(1 for f in self.records["files"] if f["status"] == "error"),
            "received": len(received),
            "missing": len(self.records["missing_units"]),
            "with_problems": sum(1 for u in received if u["findings"]),
            "errors": sum(1 for u in units for x in u["findings"] if x["severity"] == "error"),
        }


class Stopwatch:
    """Seconds per stage into ``stats`` (a dict the caller passed, or nothing at all)."""

    def __init__(self, stats: dict[str, Any] | None) -> None:
        self.stats = stats

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - t)

    def add(self, key: str, amount: float) -> None:
        if self.stats is not None:
            self.stats[key] = self.stats.get(key, 0) + amount


def process_source(src: Source, roster: list[RosterEntry], year: int | None) -> FileRecord:
    """Read and extract one file; an unreadable file becomes an error record, never an exception."""
    t0 = time.perf_counter()
    digest = source_digest(src)
    try:
        if src.error:  # known before reading: an archive that could not be expanded, an encrypted member
            raise UnreadableFile(src.error, "before reading", src.error_variant)
        doc = _read(src)
        t1 = time.perf_counter()
        paras = structure(doc)
        t2 = time.perf_counter()
        ex = extract(doc, roster, year, paras)
    except UnreadableFile as e:
        log.info("%s: %s", src.rel, e)
        return FileRecord(src.rel, digest, "error", e.code, e.message, unit=_unit_from_path(src.rel, roster),
                          size=src.size, mtime=src.mtime, timings={"read": time.perf_counter() - t0})
    t3 = time.perf_counter()
    doc_type = ex.fields["doc_type"].value
    analysis = analyse(ex.text) if doc_type in REPORT_TYPES and ex.text.strip() else None
    timings = {"read": t1 - t0, "normalise": t2 - t1, "extract": t3 - t2, "analyse": time.perf_counter() - t3}
    return FileRecord(src.rel, digest, "ok", unit=ex.unit_match.name, doc_type=doc_type,
                      fields=ex.fields, text=ex.text, size=src.size, mtime=src.mtime, fmt=doc.fmt,
                      timings=timings, analysis=analysis)


def _read(src: Source):  # noqa: ANN202 - a Document
    """The file read; a file that cannot be opened (permissions, moved away, replaced by a
    folder or a FIFO since it was listed) is ``corrupt``/``unreadable``, not a stopped run."""
    try:
        return read_document(src.path, src.rel)
    except OSError as e:
        raise UnreadableFile("corrupt", str(e), "unreadable") from None


def _unit_from_path(rel: str, roster: list[RosterEntry]) -> str | None:
    """An unreadable file is still attributed by its folder and file name."""
    from pathlib import PurePosixPath

    from extractors.units import attribute

    parts = rel.replace("!/", "/").split("/")
    places = [("folder", p) for p in reversed(parts[:-1])] + [("filename", PurePosixPath(parts[-1]).stem)]
    return attribute(places, roster).name


def one_name_per_unit(files: list[FileRecord], roster: list[RosterEntry]) -> list[FileRecord]:
    """With no roster, a folder's 交通运输局 and a signature's 鹤溪区交通运输局 are one unit."""
    if roster:
        return files
    canon = unify_names([f.unit for f in files if f.unit])
    return [_named(f, canon[f.unit]) if f.unit and canon[f.unit] != f.unit else f for f in files]


def _named(f: FileRecord, name: str) -> FileRecord:
    """The file under the unit's one name, its ``unit`` field included (evidence kept)."""
    fields = dict(f.fields)
    if "unit" in fields:
        fields["unit"] = Value(name, fields["unit"].evidence)
    return replace(f, unit=name, fields=fields)


def group_units(files: list[FileRecord], roster: list[RosterEntry], year: int | None = None) -> list[UnitRecord]:
    """Each unit's files and merged fields: later versions replace earlier ones, and a report on
    an earlier year than ``year`` (last year's, sent again) gives none of this year's fields."""
    by_unit: dict[str, list[FileRecord]] = defaultdict(list)
    for f in files:
        by_unit[f.unit or UNKNOWN_UNIT].append(f)
    names = [e.name for e in roster]
    ordered = names + sorted(u for u in by_unit if u not in names)
    units = []
    for name in ordered:
        group = by_unit.get(name, [])
        old, stale = superseded(group), other_year(group, year)
        live = [f for f in group if f.path not in old and f.path not in stale]
        fields = merge_fields(live) if live else {}
        if fields and "unit" not in fields and name != UNKNOWN_UNIT:
            fields["unit"] = Value(name)
        units.append(UnitRecord(name, tuple(group), fields, on_roster=name in names or not roster,
                                other_year=frozenset(stale)))
    return units


def infer_year(files: list[FileRecord]) -> int | None:
    years = Counter(f.value("year") for f in files if f.status == "ok" and f.value("year"))
    return years.most_common(1)[0][0] if years else None


def read_all(sources: list[Source], roster: list[RosterEntry], year: int | None, jobs: int,
             progress: Callable[[str], None] | None = None) -> list[FileRecord]:
    from extractors.parallel import map_files

    return map_files(sources, roster, year, jobs, progress)


def read_with_cache(opts: CheckOptions, sources: list[Source], roster: list[RosterEntry],
                    progress: Callable[[str], None] | None, watch: Stopwatch,
                    cache: FileCache) -> list[FileRecord]:
    """Records of every source in inbox order: from the cache when unchanged, else read (in parallel)."""
    with watch("cache"):
        found: dict[int, FileRecord] = {}
        for i, s in enumerate(sources):
            rec = cache.lookup(s)
            if rec is not None:
                found[i] = rec
                if progress:
                    progress(s.rel)
    todo = [s for i, s in enumerate(sources) if i not in found]
    with watch("read_wall"):
        fresh = read_all(todo, roster, opts.year, opts.jobs, progress)
    for f in fresh:
        for stage, seconds in f.timings.items():
            watch.add(f"worker_{stage}", seconds)
    with watch("cache"):
        cache.store(list(zip(fresh, todo)), (s.rel for s in sources))
    watch.add("files_cached", len(found))
    watch.add("files_read", len(todo))
    watch.add("files_hashed", cache.hashed)
    it = iter(fresh)
    return [found[i] if i in found else next(it) for i in range(len(sources))]


def build_records(opts: CheckOptions, files: list[FileRecord], units: list[UnitRecord],
                  roster: list[RosterEntry], year: int | None) -> dict[str, Any]:
    from forms.similarity import FINGERPRINT_SCHEME
    from outputs.records import SCHEMA, file_dict, unit_dict

    old, stale = set(), set()
    for u in units:
        old |= superseded(u.files)
        stale |= u.other_year
    return {
        "schema": SCHEMA,
        "year": year,
        "generated_at": dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).isoformat(timespec="seconds"),
        "inbox": str(opts.inbox.resolve()),
        "deadline": opts.deadline.isoformat() if opts.deadline else None,
        "roster": [e.name for e in roster],
        "files": [file_dict(f, f.path in old, f.path in stale) for f in files],
        "units": [unit_dict(u) for u in units if u.files or u.findings],
        "missing_units": [u.unit for u in units if u.on_roster and not u.files and roster],
        "unknown_files": [f.path for f in files if not f.unit],
        "fingerprint_scheme": FINGERPRINT_SCHEME,  # how the report files' fingerprints were made
    }


def run_check(opts: CheckOptions, progress: Callable[[str], None] | None = None,
              stats: dict[str, Any] | None = None) -> CheckResult:
    """Check everything in the inbox and write records.json, 台账.xlsx and 通知/.

    ``stats``, when given, receives seconds per stage and file counts (for the benchmark).
    """
    from forms.check import check_units
    from forms.ruleset import load_rules

    from outputs.drafts import load_draft_config

    from outputs.cache import context_key, open_cache
    from outputs.incremental import ledger_worker

    watch = Stopwatch(stats)
    refuse_inside_inbox(opts.inbox, opts.out)
    with watch("start"):
        rules = load_rules(opts.rules)  # config errors surface before any work
        notice_config = load_draft_config(opts.notice_config, "notice")
        roster = load_roster(opts.roster) if opts.roster else []
        history = _load_history(opts.history)
    folder = OutputFolder(opts.out).open()  # every file we write stays inside the output folder
    os.environ["PUFA_CACHE_DIR"] = str((folder.meta / "jieba").resolve())  # read by workers started below
    cache, ledger_pool = None, None
    try:
        ledger_pool = ledger_worker(opts.jobs)
        with watch("cache"):
            cache = open_cache(opts.out, opts.cache, context_key(((e.name, e.aliases) for e in roster), opts.year))
        with watch("start"):  # a file read last time, unchanged since, is no archive: not opened again
            sources = expand_archives(list_inbox(opts.inbox), folder.scratch / "archives", plain=cache.known_document)
        pause_point("listed")
        if progress is not None and hasattr(progress, "set_total"):
            progress.set_total(len(sources))  # archive members included
        files = read_with_cache(opts, sources, roster, progress, watch, cache)
        files = one_name_per_unit(files, roster)
        pause_point("read")
        with watch("analyse"):
            watch.add("reports_analysed", prepare_analyses(files, cache, opts.jobs))
        with watch("rules"):
            year = opts.year or infer_year(files)
            units = check_units(group_units(files, roster, year), rules, deadline=opts.deadline, history=history)
            records = build_records(opts, files, units, roster, year)
        with watch("write"):
            written = write_outputs(records, folder, notice_config, cache, opts.jobs, ledger_pool)
    finally:
        if ledger_pool is not None:
            ledger_pool.close()
        if cache is not None:
            cache.close()
        folder.close()
    return CheckResult(records, written)


def _load_history(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    from outputs.records import load_records

    return load_records(path)


def write_outputs(records: dict[str, Any], folder: OutputFolder, notice_config: dict[str, Any] | None = None,
                  cache: FileCache | None = None, jobs: int = 1, ledger_pool: Any = None) -> list[Path]:
    """records.json, 台账.xlsx and 通知/, replaced as one set (so no stale notice survives a re-run).

    With the run's ``cache``, outputs whose inputs did not change since the last run are
    kept rather than written again; with ``jobs`` > 1 they are written on a process pool
    (the ledger on ``ledger_pool`` when the caller started one: ``outputs.incremental.ledger_worker``).
    """
    from outputs.incremental import write_outputs as write

    return write(records, folder, notice_config, cache, jobs, ledger_pool)
