"""Tokens and fingerprints of the report texts for ``duplicate_content``, made once per text.

Cutting a report into jieba words is the costly part of the duplicate check. A report
read in this run was analysed by the worker that read it (``pipeline.process_source``),
in parallel with the reading; a report from the run's cache has its analysis in the
cache too. Only what neither gives is made here: on a process pool when there are many
(the cache kept the records but the analysis changed). The results are handed to
``forms.similarity`` before the rules run, and new ones are stored in the cache.
"""
from __future__ import annotations

import logging
import os
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from model import FileRecord, system
from forms.similarity import REPORT_TYPES, analyse, remember

log = logging.getLogger(__name__)

Analysis = tuple[array, array]
SERIAL_BELOW = 32  # fewer texts than this are cut here rather than on a pool started for them


class AnalysisStore(Protocol):
    def analyses(self, texts: Sequence[str]) -> dict[str, Analysis]: ...
    def store_analyses(self, done: dict[str, Analysis], used: Iterable[str]) -> None: ...


def prepare(files: Sequence[FileRecord], store: AnalysisStore, jobs: int = 0) -> int:
    """Make every current report text's analysis known to ``forms.similarity`` and keep the new ones
    in ``store``; return how many had to be made here."""
    reports = [f for f in files if f.status == "ok" and f.doc_type in REPORT_TYPES and f.text.strip()]
    texts = list(dict.fromkeys(f.text for f in reports))
    known = store.analyses(texts)
    fresh = {f.text: f.analysis for f in reports if f.analysis is not None and f.text not in known}
    todo = [t for t in texts if t not in known and t not in fresh]
    made = dict(zip(todo, _map(todo, jobs)))
    for text, result in (*known.items(), *fresh.items(), *made.items()):
        remember(text, result)
    store.store_analyses({**fresh, **made}, texts)
    return len(todo)


def _map(texts: list[str], jobs: int) -> list[Analysis]:
    workers = min(jobs or os.cpu_count() or 1, max(1, len(texts) // SERIAL_BELOW))
    if workers <= 1:
        return [analyse(t) for t in texts]
    size = max(1, len(texts) // (4 * workers))
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with ProcessPoolExecutor(workers, mp_context=system.mp_context(), initializer=ignore_sigint) as pool:
        return [a for part in pool.map(_analyse_all, chunks) for a in part]


def _analyse_all(texts: list[str]) -> list[Analysis]:
    return [analyse(t) for t in texts]


def ignore_sigint() -> None:
    """In a pool worker: Ctrl-C is the main process's to handle (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
