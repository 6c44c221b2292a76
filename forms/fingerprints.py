"""Tokens and fingerprints of the report texts for ``duplicate_content``, made once per text.

Cutting a report into jieba words is the costly part of the duplicate check, and
jieba's dictionary takes most of a second to load. So the analyses of texts seen
before come from the run's cache, and the rest are made on worker processes that
load the dictionary while other work goes on: one worker from the start of the run
(``warm_up``: a re-run that reads a few files should not wait for it afterwards),
more once many files turn out to need reading (``start``). The results are handed
to ``forms.similarity`` before the rules run.
"""
from __future__ import annotations

import logging
import os
from array import array
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from forms.base import FileRecord
from forms.similarity import REPORT_TYPES, analyse, remember, tokenizer

log = logging.getLogger(__name__)

Analysis = tuple[array, array]
SERIAL_BELOW = 8  # fewer texts than this are cut here rather than on a pool started for them


class AnalysisStore(Protocol):
    def analyses(self, texts: Sequence[str]) -> dict[str, Analysis]: ...
    def store_analyses(self, done: dict[str, Analysis], used: Iterable[str]) -> None: ...


def _load_tokenizer() -> None:
    tokenizer().initialize()


def _ready() -> None:
    """A first task: makes the pool start its workers (and their dictionary loading) now."""


class Fingerprinter:
    """Report analyses on pools whose workers load jieba early; no pool at all for one job."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self.pools: list[tuple[ProcessPoolExecutor, int]] = []
        self.used = False

    @property
    def workers(self) -> int:
        return sum(n for _, n in self.pools)

    def warm_up(self) -> None:
        """One worker loads the dictionary from the start, on a core the run leaves idle early on."""
        if self.jobs > 1 and not self.pools:
            self._open(1)

    def start(self, files_to_read: int) -> None:
        """Enough workers for ``files_to_read`` new files, loading the dictionary while those are read."""
        if self.jobs == 1 or not files_to_read:
            return
        wanted = self.jobs if files_to_read >= 100 else 1
        if wanted > self.workers:
            self._open(wanted - self.workers)

    def _open(self, workers: int) -> None:
        pool = ProcessPoolExecutor(workers, initializer=_load_tokenizer)
        for _ in range(workers):
            pool.submit(_ready)
        self.pools.append((pool, workers))

    def prepare(self, files: Sequence[FileRecord], store: AnalysisStore) -> int:
        """Make every current report text's analysis known to ``forms.similarity``; return how many were made."""
        texts = list(dict.fromkeys(f.text for f in files if f.status == "ok" and f.doc_type in REPORT_TYPES
                                   and f.text.strip()))
        known = store.analyses(texts)
        todo = [t for t in texts if t not in known]
        done = dict(zip(todo, self._map(todo)))
        for text, result in (*known.items(), *done.items()):
            remember(text, result)
        store.store_analyses(done, texts)
        return len(todo)

    def _map(self, texts: list[str]) -> list[Analysis]:
        if not texts:
            return []
        if not self.pools and (self.jobs == 1 or len(texts) < SERIAL_BELOW):
            return [analyse(t) for t in texts]
        if not self.pools:
            self._open(self.jobs)
        size = max(1, len(texts) // (8 * self.workers))
        chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
        self.used = True
        pools = [pool for pool, n in self.pools for _ in range(n)]  # a turn per worker
        futures = [pools[k % len(pools)].submit(_analyse_all, chunk) for k, chunk in enumerate(chunks)]
        return [a for fut in futures for a in fut.result()]

    def close(self) -> None:
        """Let the workers go; ones that were never used may still be loading: stop them now
        (otherwise a short run would wait for them at exit)."""
        for pool, _ in self.pools:
            if not self.used:
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
        self.pools = []


def _analyse_all(texts: list[str]) -> list[Analysis]:
    return [analyse(t) for t in texts]
