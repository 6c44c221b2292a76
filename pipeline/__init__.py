"""``pufa check``: inbox → extractors → forms → outputs, as one library call."""
from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from extractors.finders.units import RosterEntry, unify_names
from extractors.readers.limits import pause_point
from extractors.roster import load_roster
from forms.fingerprints import prepare as prepare_analyses
from forms.history import History, apply_history, load_history, pair_units
from forms.history import prepare as prepare_history
from forms.merge import merge_fields, other_year, superseded
from forms.review import assign_files, correct_units, unmatched_verdicts
from model import CheckResult, FileRecord, UnitRecord, Value
from pipeline.archive import expand_archives
from pipeline.inbox import Source, list_inbox
from pipeline.outset import OutputFolder, OutputFolderError, os_error_message, refuse_inside_inbox
from pipeline.process import process_source, unit_from_path

__all__ = ["CheckOptions", "CheckResult", "process_source", "run_check", "unit_from_path", "write_outputs"]

if TYPE_CHECKING:
    from pipeline.cache import FileCache

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
    """One record per source, in order; a file reached twice (a link in the inbox and the file it
    points to) is read once, and the link's record is that file's under the link's own path."""
    from pipeline.pool import map_files

    first: dict[str, int] = {}
    unique: list[Source] = []
    slot = []
    for s in sources:
        key = None if s.error else os.path.realpath(s.path)
        if key is not None and key in first:
            slot.append(first[key])
            continue
        if key is not None:
            first[key] = len(unique)
        slot.append(len(unique))
        unique.append(s)
    read = map_files(unique, roster, year, jobs, progress)
    out = []
    for s, j in zip(sources, slot):
        if unique[j] is s:
            out.append(read[j])
            continue
        out.append(replace(read[j], path=s.rel, size=s.size, mtime=s.mtime, timings={}))
        if progress:
            progress(s.rel)
    return out


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
    watch.add("files_read", len({os.path.realpath(s.path) if not s.error else s.rel for s in todo}))
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

    from outputs.records import add_review
    from outputs.review_memo import remember as remember_review
    from outputs.review_read import read_review
    from pipeline.cache import context_key, open_cache
    from pipeline.incremental import ledger_worker

    watch = Stopwatch(stats)
    refuse_inside_inbox(opts.inbox, opts.out)
    with watch("start"):
        rules = load_rules(opts.rules)  # config errors surface before any work
        notice_config = load_draft_config(opts.notice_config, "notice")
        roster = load_roster(opts.roster) if opts.roster else []
        history = _load_history(opts.history, roster)
        review = read_review(opts.out)  # the clerk's entries, before anything is written (SPEC §9)
    folder = OutputFolder(opts.out).open()  # every file we write stays inside the output folder
    os.environ["PUFA_CACHE_DIR"] = str((folder.meta / "jieba").resolve())  # read by workers started below
    cache, ledger_pool = None, None
    try:
        with watch("cache"):
            cache = open_cache(opts.out, opts.cache, context_key(((e.name, e.aliases) for e in roster), opts.year))
        with watch("start"):  # a file read last time, unchanged since, is no archive: not opened again
            sources = expand_archives(list_inbox(opts.inbox), folder.scratch / "archives", plain=cache.known_document)
            ledger_pool = ledger_worker(opts.jobs, len(sources))  # importing while the files are read
        pause_point("listed")
        if progress is not None and hasattr(progress, "set_total"):
            progress.set_total(len(sources))  # archive members included
        files = read_with_cache(opts, sources, roster, progress, watch, cache)
        files = one_name_per_unit(files, roster)
        files, assigned, unassigned = assign_files(files, review.assignments, roster)
        pause_point("read")
        with watch("analyse"):
            watch.add("reports_analysed", prepare_analyses(files, cache, opts.jobs))
        with watch("rules"):
            year = opts.year or infer_year(files)
            grouped, uncorrected = correct_units(group_units(files, roster, year), review.corrections, roster)
            pairs, last = prepare_history(history, roster, [u.unit for u in grouped], year) if history else ({}, None)
            units = check_units(grouped, rules, deadline=opts.deadline, history=last, verdicts=review.verdicts)
            records = build_records(opts, files, units, roster, year)
            if history:
                records = apply_history(records, history, pairs)  # SPEC §10: previous, repeated
            unmatched = [*unassigned, *uncorrected, *unmatched_verdicts(units, review.verdicts)]
            add_review(records, assigned, [u.as_dict() for u in unmatched])
        with watch("write"):
            _backup(opts.out, folder.scratch)
            written = write_outputs(records, folder, notice_config, cache, opts.jobs, ledger_pool)
            remember_review(opts.out, records)
    finally:
        if ledger_pool is not None:
            ledger_pool.close()
        if cache is not None:
            cache.close()
        folder.close()
    return CheckResult(records, written)


def _backup(out: Path, scratch: Path) -> None:
    """台账.上次.xlsx before the set is replaced; a full disk or a denied write stops here, the old set kept."""
    from outputs.review_read import backup_ledger

    try:
        backup_ledger(out, scratch)
    except OSError as e:
        raise OutputFolderError(os_error_message(e, out)) from None


def _load_history(path: Path | None, roster: list[RosterEntry]) -> History | None:
    """Last year's records.json, checked before any work: its schema, its shape and, with a
    roster, that it is this district's (``forms.history.HistoryError`` otherwise)."""
    if path is None:
        return None
    history = load_history(path)
    if roster:
        pair_units(history, roster)
    return history


def write_outputs(records: dict[str, Any], folder: OutputFolder, notice_config: dict[str, Any] | None = None,
                  cache: FileCache | None = None, jobs: int = 1, ledger_pool: Any = None) -> list[Path]:
    """records.json, 台账.xlsx and 通知/, replaced as one set (so no stale notice survives a re-run).

    With the run's ``cache``, outputs whose inputs did not change since the last run are
    kept rather than written again; with ``jobs`` > 1 they are written on a process pool
    (the ledger on ``ledger_pool`` when the caller started one: ``pipeline.incremental.ledger_worker``).
    """
    from pipeline.incremental import write_outputs as write

    return write(records, folder, notice_config, cache, jobs, ledger_pool)
