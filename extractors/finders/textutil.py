"""Splitting normalised prose into sentences and clauses."""
from __future__ import annotations

import re

_SENT = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_CLAUSE_SPLIT = re.compile(r"[，,：:。！？!?；;\n]")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.findall(text) if s.strip()]


def clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause of ``sentence`` that contains position ``pos``."""
    start = 0
    for m in _CLAUSE_SPLIT.finditer(sentence, 0, pos):
        start = m.end()
    m = _CLAUSE_SPLIT.search(sentence, pos)
    end = m.start() if m else len(sentence)
    return start, end


def clauses(sentence: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]
