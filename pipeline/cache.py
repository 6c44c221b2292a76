"""The incremental cache: what was read from each file, kept in OUT/.pufa-cache.sqlite.

A re-run reads only new or changed files. A file's record is reused when its
path, its content (sha256), the extractor code and libraries (``extractor_version``)
and the reading context (roster, ``--year``) are those it was read with; the
rules run afterwards on every record, so a change of the rules needs no re-reading.
Every listed file is hashed once per run (sha256, the hash records.json carries): a
file whose content changed while its size and modification time stayed is read
again. Report fingerprints for the duplicate check (jieba tokenising is the
costly part) are kept by text digest.

Records are stored as JSON (never pickle). A damaged database (not a database, a
folder in its place) is rebuilt when it is opened; a row that does not parse is read
again and replaced. Any other trouble (locked, unwritable) makes the cache step aside
for this run: the run reads the files instead and never fails because of the cache.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from model import Evidence, FileRecord, Value
from pipeline.inbox import Source, sha256_of

log = logging.getLogger(__name__)

CACHE_NAME = ".pufa-cache.sqlite"
LOCK_WAIT = 2.0  # seconds to wait for another run holding the database
SCHEMA = 1  # of the tables and of the JSON below
_PACKAGES = ("lxml", "pypdfium2", "pdfplumber", "pdfminer.six", "opencc", "cn2an", "jieba", "rjieba",
             "rapidocr-onnxruntime", "rapidocr", "defusedxml", "openpyxl")
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS seen (rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT);
CREATE TABLE IF NOT EXISTS records (rel TEXT, ctx TEXT, version TEXT, sha256 TEXT, data TEXT,
                                    PRIMARY KEY (rel, ctx));
CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, shingles BLOB, fingerprint BLOB);
CREATE TABLE IF NOT EXISTS outputs (name TEXT PRIMARY KEY, digest TEXT, size INTEGER, mtime_ns INTEGER);
"""


def _source_digest(paths: Iterable[Path], extra: Sequence[str]) -> str:
    h = hashlib.sha256("\n".join(extra).encode())
    for p in sorted(paths):
        h.update(p.name.encode() + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()[:16]


def _package_versions() -> list[str]:
    from importlib import metadata

    out = []
    for name in _PACKAGES:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=-")
    return out


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Changes whenever the code or the libraries that turn a file into a record change."""
    from extractors.readers.office_convert import soffice_path

    here = Path(__file__).resolve().parent.parent
    code = [*(here / "extractors").rglob("*.py"), *(here / "extractors").rglob("*.yaml"),
            *(here / "model").glob("*.py"), *(here / "pipeline").glob("*.py")]
    tools = [f"soffice={soffice_path() is not None}", f"schema={SCHEMA}"]
    return _source_digest(code, _package_versions() + tools)


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """Changes whenever the duplicate check's tokens, shingles or fingerprints would."""
    here = Path(__file__).resolve().parent.parent
    return _source_digest([here / "forms" / "similarity.py"], [v for v in _package_versions() if "jieba" in v])


def context_key(roster_names: Iterable[tuple[str, tuple[str, ...]]], year: int | None) -> str:
    """What besides a file's bytes its record depends on: the roster and ``--year``."""
    h = hashlib.sha256(json.dumps([sorted(roster_names), year], ensure_ascii=False).encode())
    return f"{extractor_version()}:{h.hexdigest()[:16]}"


# --- FileRecord <-> JSON ------------------------------------------------------------

# Not stored: the file's size and time come from the inbox listing of the run, timings from nothing;
# a report's analysis is kept in the analyses table, by text.
_FROM_THE_RUN = ("size", "mtime", "timings", "analysis")


def record_to_json(f: FileRecord) -> str:
    """Every field of the record as plain JSON (a field of a new kind fails here, and the cache steps aside)."""
    d = {k.name: getattr(f, k.name) for k in dataclasses.fields(f) if k.name not in _FROM_THE_RUN}
    d["fields"] = {k: {"value": v.value, "evidence": [[e.file, e.where, e.quote] for e in v.evidence]}
                   for k, v in f.fields.items()}
    return json.dumps(d, ensure_ascii=False)


def record_from_json(data: str, size: int, mtime: float | None) -> FileRecord:
    d = json.loads(data)
    d["fields"] = {k: Value(v["value"], tuple(Evidence(*e) for e in v["evidence"])) for k, v in d["fields"].items()}
    return FileRecord(**d, size=size, mtime=mtime)


def mtime_ns(mtime: float | None) -> int:
    """The listed modification time as an integer (what the pre-key compares)."""
    return round((mtime or 0.0) * 1e9)


class FileCache:
    """The cache of one output folder; every method is safe to call when the cache is off."""

    def __init__(self, path: Path | None, ctx: str) -> None:
        self.path, self.ctx = path, ctx
        self.db: sqlite3.Connection | None = None
        self.seen: dict[str, tuple[int, int, str]] = {}
        self.known: dict[str, tuple[str, str]] = {}  # rel -> (sha256, json) for this context
        self.digests: dict[str, str] = {}  # rel -> sha256 of the file as listed in this run
        self.hits = self.hashed = 0
        if path is not None:
            self._guard("open", self._open)

    @property
    def on(self) -> bool:
        return self.db is not None

    def _guard(self, what: str, fn, *args):  # noqa: ANN001, ANN202 - any cache step
        if self.db is None and what != "open":
            return None
        try:
            return fn(*args)
        except (sqlite3.Error, OSError, ValueError, KeyError, TypeError) as e:
            # the run is right without the cache (only slower), so this is no message for the clerk;
            # a full disk, the likeliest cause, is reported once by the output step
            log.info("缓存不可用（%s：%s），本次改为直接读取文件。", what, e)
            self._off()
            return None

    def _off(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
        self.db, self.seen, self.known = None, {}, {}

    def _open(self) -> None:
        """Open the database; a damaged one (not a database, a folder in its place, unreadable) is
        replaced by a new, empty one. Only a database held by another run is left alone."""
        assert self.path is not None
        try:
            self._connect()
        except (sqlite3.Error, OSError) as e:
            if "locked" in str(e):
                raise
            log.warning("缓存文件已损坏（%s），已重建。", e)
            self._off()
            _remove(self.path)
            for extra in ("-journal", "-wal", "-shm"):
                _remove(self.path.with_name(self.path.name + extra))
            self._connect()

    def _connect(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=LOCK_WAIT, isolation_level=None)
        self.db = db
        db.executescript(_TABLES)
        row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None or row[0] != str(SCHEMA):
            db.executescript("DELETE FROM seen; DELETE FROM records; DELETE FROM analyses; DELETE FROM outputs;")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
        self.seen = {r: (s, m, h) for r, s, m, h in db.execute("SELECT rel, size, mtime_ns, sha256 FROM seen")}
        self.known = {r: (h, d) for r, h, d in db.execute("SELECT rel, sha256, data FROM records WHERE ctx=?",
                                                          (self.ctx,))}

    # --- records ---------------------------------------------------------------
    def lookup(self, src: Source) -> FileRecord | None:
        """The stored record of this file if its content is the one it was read from.

        A file known to be unreadable before reading (``src.error``: an archive that would
        not open, an encrypted member) is never looked up: reading it costs nothing.
        """
        if not self.known or src.error:
            return None
        return self._guard("lookup", self._lookup, src)

    def known_document(self, src: Source) -> bool:
        """Read as a document under this context before, and its content unchanged since:
        so no archive (an archive's members are stored, never the archive itself)."""
        stored = self.known.get(src.rel)
        return stored is not None and not src.error and self._sha(src) == stored[0]

    def _sha(self, src: Source) -> str:
        """The file's content hash, computed once per run: a change that kept the size and the
        modification time (a copy with ``cp -p``, an editor that restores the time) is still seen."""
        sha = self.digests.get(src.rel)
        if sha is None:
            sha = self.digests[src.rel] = sha256_of(src.path)
            self.hashed += 1
        return sha

    def _lookup(self, src: Source) -> FileRecord | None:
        stored = self.known.get(src.rel)
        if stored is None:
            return None  # never read under this context: no need to hash it here
        sha = self._sha(src)
        if not sha or sha != stored[0]:
            return None  # changed, or unreadable since it was listed: the reader will say what is wrong
        try:
            rec = record_from_json(stored[1], src.size, src.mtime)
        except (ValueError, KeyError, TypeError) as e:  # a damaged row: read the file again, row replaced
            log.info("cache row for %s unusable (%s): read again", src.rel, e)
            return None
        self.hits += 1
        self.seen[src.rel] = (src.size, mtime_ns(src.mtime), sha)
        return rec

    def store(self, records: Sequence[tuple[FileRecord, Source]], present: Iterable[str]) -> None:
        """Save fresh records (and every file's size and time) and forget files no longer in the inbox."""
        self._guard("store", self._store, records, set(present))

    def _store(self, records: Sequence[tuple[FileRecord, Source]], present: set[str]) -> None:
        assert self.db is not None
        version = self.ctx.split(":")[0]
        rows = []
        seen = {rel: v for rel, v in self.seen.items() if rel in present}
        for f, src in records:
            if src.error:
                continue
            seen[f.path] = (src.size, mtime_ns(src.mtime), f.sha256)
            if f.error_code != "timeout":  # a timeout may not happen again on a calmer machine
                rows.append((f.path, self.ctx, version, f.sha256, record_to_json(f)))
        gone = [(rel,) for rel in set(self.seen) | set(self.known) if rel not in present]
        db = self.db
        db.execute("BEGIN")
        try:
            db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?, ?)",
                           [(rel, *v) for rel, v in seen.items()])
            db.executemany("DELETE FROM seen WHERE rel=?", gone)
            db.executemany("DELETE FROM records WHERE rel=?", gone)
            db.execute("DELETE FROM records WHERE version != ?", (version,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    # --- report analyses (duplicate check) ----------------------------------------
    def analyses(self, texts: Sequence[str]) -> dict[str, tuple[array, array]]:
        """Stored (shingles, fingerprint) of those texts that have them."""
        return self._guard("analyses", self._analyses, texts) or {}

    def _analyses(self, texts: Sequence[str]) -> dict[str, tuple[array, array]]:
        assert self.db is not None
        keys = {analysis_key(t): t for t in texts}
        out = {}
        for key, sh, fp in self.db.execute("SELECT key, shingles, fingerprint FROM analyses"):
            text = keys.get(key)
            if text is not None:
                out[text] = (array("Q", sh), array("Q", fp))
        return out

    def store_analyses(self, done: dict[str, tuple[array, array]], used: Iterable[str]) -> None:
        self._guard("store_analyses", self._store_analyses, done, used)

    def _store_analyses(self, done: dict[str, tuple[array, array]], used: Iterable[str]) -> None:
        assert self.db is not None
        keep = {analysis_key(t) for t in used}
        stale = [(k,) for (k,) in self.db.execute("SELECT key FROM analyses") if k not in keep]
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                            [(analysis_key(t), sh.tobytes(), fp.tobytes()) for t, (sh, fp) in done.items()])
        self.db.executemany("DELETE FROM analyses WHERE key=?", stale)
        self.db.execute("COMMIT")

    # --- outputs written by the last run (so unchanged ones are not rewritten) -----------
    def outputs(self) -> dict[str, tuple[str, int, int]]:
        """{output name: (input digest, size, mtime_ns)} as the last run left them."""
        return self._guard("outputs", self._outputs) or {}

    def _outputs(self) -> dict[str, tuple[str, int, int]]:
        assert self.db is not None
        return {n: (d, s, m) for n, d, s, m in self.db.execute("SELECT name, digest, size, mtime_ns FROM outputs")}

    def store_outputs(self, entries: dict[str, tuple[str, int, int]]) -> None:
        self._guard("store_outputs", self._store_outputs, entries)

    def _store_outputs(self, entries: dict[str, tuple[str, int, int]]) -> None:
        assert self.db is not None
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM outputs")
        self.db.executemany("INSERT INTO outputs VALUES (?, ?, ?, ?)", [(n, *v) for n, v in entries.items()])
        self.db.execute("COMMIT")

    def close(self) -> None:
        self._off()


def _remove(path: Path) -> None:
    """Whatever is at ``path`` (a damaged file, a folder someone made there), gone."""
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def analysis_key(text: str) -> bytes:
    return hashlib.blake2b(analysis_version().encode() + b"\0" + text.encode("utf-8"), digest_size=16).digest()


def open_cache(out: Path, enabled: bool, ctx: str) -> FileCache:
    return FileCache(out / CACHE_NAME if enabled else None, ctx)
