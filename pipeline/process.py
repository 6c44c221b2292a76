"""One received file read and its fields found: what a worker of the pool runs per file."""
from __future__ import annotations

import logging
import time
from pathlib import PurePosixPath

from extractors.finders.fields import extract
from extractors.finders.structure import structure
from extractors.finders.units import RosterEntry, attribute
from extractors.readers.read import read_document
from forms.similarity import REPORT_TYPES, analyse
from model import FileRecord, UnreadableFile
from pipeline.inbox import Source, source_digest

log = logging.getLogger(__name__)


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
        return FileRecord(src.rel, digest, "error", e.code, e.message, unit=unit_from_path(src.rel, roster),
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


def unit_from_path(rel: str, roster: list[RosterEntry]) -> str | None:
    """An unreadable file is still attributed by its folder and file name."""
    parts = rel.replace("!/", "/").split("/")
    places = [("folder", p) for p in reversed(parts[:-1])] + [("filename", PurePosixPath(parts[-1]).stem)]
    return attribute(places, roster).name
