"""Near-duplicate reports (``duplicate_content``): jieba words, MinHash + LSH, exact check.

A report's text becomes jieba word tokens (figures replaced by one placeholder, so
a copy with the numbers changed is still a copy), then word 3-shingles hashed to
64-bit ints.  Each report gets a ``fingerprint``: a one-permutation MinHash of
``NUM_HASHES`` ints (one hash per shingle, binned, densified by rotation), cheap
in pure Python and small enough to keep in records.json for next year's check.
LSH banding of the fingerprints yields candidate pairs without comparing every
pair; candidates are then verified with the exact Jaccard similarity of their
shingle sets.  Against an earlier year only fingerprints are stored, so that
comparison uses the MinHash estimate (standard error about 0.025 at 0.8).
"""
from __future__ import annotations

import hashlib
import importlib.util
from array import array
import logging
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from model import Evidence

log = logging.getLogger(__name__)

NUM_HASHES = 256
SHINGLE_WORDS = 3
REPORT_TYPES = ("annual_report", "self_inspection")
_BIN_BITS = 8  # log2(NUM_HASHES)
_VALUE_MASK = 0xFFFFFFFF
_OFFSET = 1 << 32  # densified bins add distance * _OFFSET; stays below 2**53 (JSON-safe)
_NUMERIC = re.compile(r"^[\d.,%％零〇一二两三四五六七八九十百千万亿余多]+$")
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or digit of any script (str.isalnum, in one C call)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE = re.compile(r"[^。！？；!?;\n]+")


@dataclass(frozen=True)
class Report:
    """A report text to compare: which unit sent it and from which file."""

    unit: str
    path: str
    text: str


@dataclass(frozen=True)
class Match:
    """``path`` is near-identical to ``other_path`` (another unit's, or an earlier year's)."""

    path: str
    other_unit: str
    other_path: str
    similarity: float
    evidence: tuple[Evidence, ...] = ()
    from_history: bool = False  # other_path is the same unit's report in an earlier records.json
    history_year: int | None = None


# Words of jieba's dictionary used for cutting: those at least this frequent (about 58,000 of
# 349,000). Copy detection only needs both texts cut the same way; the full dictionary takes
# 1.2 s to load in every process that cuts, the common words 0.2 s, and cut 1.6× faster.
MIN_WORD_FREQ = 40
FINGERPRINT_SCHEME = f"jieba-f{MIN_WORD_FREQ}-w{SHINGLE_WORDS}-mix-mh{NUM_HASHES}"


def _cache_dir() -> Path:
    """``PUFA_CACHE_DIR`` (the run's output folder, set by the pipeline) or else a temp dir."""
    cache = Path(os.environ.get("PUFA_CACHE_DIR") or Path(tempfile.gettempdir()) / "pufa-jieba")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        probe = cache / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        cache = Path(tempfile.mkdtemp(prefix="pufa-jieba-"))
    return cache


@lru_cache(maxsize=1)
def _jieba() -> Any:
    """Import and set up jieba once: its dictionary (the common words) and its cache folder; quiet logging."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    cache = _cache_dir()
    jieba.dt.tmp_dir = str(cache)
    jieba.set_dictionary(str(_common_words(cache, _full_dictionary())))
    return jieba


def _full_dictionary() -> Path:
    """jieba's dictionary file, found without importing jieba (only the fallback cutter needs it)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


# a line of jieba's dictionary (word, frequency, tag) whose frequency is at least MIN_WORD_FREQ: one
# regular-expression pass over the 349,000 lines instead of splitting each (0.13 s instead of 0.29 s)
_COMMON_LINE = re.compile(r"^(\S+) ((?:[4-9]\d|[1-9]\d{2,}))(?: (\S+))?$", re.M)
assert MIN_WORD_FREQ == 40, "_COMMON_LINE spells out the threshold"


def _common_lines(full: Path) -> list[re.Match[str]]:
    return list(_COMMON_LINE.finditer(full.read_text(encoding="utf-8").replace("\r\n", "\n")))


def _common_words(folder: Path, full: Path) -> Path:
    """``folder``/words-….txt: the lines of jieba's ``full`` dictionary with a frequency of at least
    ``MIN_WORD_FREQ``, for jieba itself (written once, atomically: worker processes may race)."""
    stat = full.stat()
    path = folder / f"words-f{MIN_WORD_FREQ}-{stat.st_size}-{stat.st_mtime_ns}.txt"
    if path.exists():
        return path
    kept = [m.group(0) for m in _common_lines(full)]
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(kept) + "\n")
    os.replace(tmp, path)
    return path


def python_cut() -> Callable[[str], list[str]]:
    """jieba's own cut (dictionary words, no HMM) with the common words."""
    jieba = _jieba()
    return lambda text: jieba.lcut(text, HMM=False)


def rust_cut() -> Callable[[str], list[str]] | None:
    """The same cut by rjieba (jieba-rs: jieba's algorithm in Rust) given the same words, or
    ``None`` when rjieba is not installed. Its words are jieba's, about 11× faster (tested equal)."""
    jieba_class = _rjieba_class()
    if jieba_class is None:
        return None
    cutter = jieba_class.empty()
    add = cutter.add_word
    for m in _common_lines(_full_dictionary()):  # in memory: no file to write for it
        word, freq, tag = m.groups()
        add(word, int(freq), tag)
    return lambda text: cutter.cut(text, False)


def _rjieba_class() -> Any:
    """rjieba's ``Jieba``, or None. Importing the package builds a cutter with rjieba's own full
    dictionary that we never use (0.18 s and 30 MB in every worker process), so its compiled
    module is loaded by itself; the package import is the fallback."""
    spec = importlib.util.find_spec("rjieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        folder = Path(spec.submodule_search_locations[0])
        ext = next(p for p in sorted(folder.iterdir())
                   if p.name.split(".")[0] == "rjieba" and p.suffix in (".so", ".pyd"))
        ext_spec = importlib.util.spec_from_file_location("rjieba.rjieba", ext)
        module = importlib.util.module_from_spec(ext_spec)
        ext_spec.loader.exec_module(module)
        return module.Jieba
    except (StopIteration, ImportError, OSError, AttributeError) as e:
        log.debug("rjieba's module not loaded by itself (%s): importing the package", e)
        import rjieba

        return rjieba.Jieba


@lru_cache(maxsize=1)
def _cut() -> Callable[[str], list[str]]:
    return rust_cut() or python_cut()


def tokens(text: str) -> list[str]:
    """jieba words without punctuation or spaces; figures become ``#``.

    Dictionary words only (no HMM for unknown words): both texts of a pair are cut the
    same way, which is all copy detection needs, at 2.5× the speed. Without the HMM a
    decimal would fall apart (1 . 2), so every figure is made one digit first.
    """
    words = _cut()(_FIGURE.sub("0", text))
    return ["#" if _NUMERIC.match(w) else w for w in words if _WORDLIKE.search(w)]


def shingles(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[int]:
    """Stable 64-bit hashes of the word ``size``-grams (the whole text when shorter).

    Each distinct word is hashed once (blake2b); a gram's hash mixes its words' hashes
    (a polynomial, then splitmix64's finaliser): the same in every process and run.
    """
    return _grams([_word_terms(w) for w in words], size)


_MASK = (1 << 64) - 1
_MULT = 0x9E3779B97F4A7C15
_MULT2 = _MULT * _MULT & _MASK
_FINAL = 0xBF58476D1CE4E5B9


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1 << 17)
def _word_terms(token: str) -> tuple[int, int, int]:
    """A token's hash h with h·M and h·M² (mod 2⁶⁴): a 3-gram's polynomial is then two additions."""
    h = _word_hash(token)
    return h, h * _MULT & _MASK, h * _MULT2 & _MASK


@lru_cache(maxsize=1 << 17)
def _cut_word_terms(word: str) -> tuple[int, int, int] | None:
    """``_word_terms`` of what ``tokens`` makes of a word the cutter gave (None: it drops the word)."""
    if not _WORDLIKE.search(word):
        return None
    return _word_terms("#" if _NUMERIC.match(word) else word)


def _grams(terms: Sequence[tuple[int, int, int]], size: int) -> set[int]:
    if not terms:
        return set()
    if size != 3 or len(terms) < 3:
        return {_mix([t[0] for t in terms[i:i + size]]) for i in range(max(1, len(terms) - size + 1))}
    out = set()
    add, mask, final = out.add, _MASK, _FINAL
    for (_, _, a), (_, b, _), (c, _, _) in zip(terms, terms[1:], terms[2:]):
        x = (a + b + c) & mask  # _mix's polynomial a·M² + b·M + c
        x ^= x >> 31
        x = x * final & mask
        add(x ^ (x >> 29))
    return out


def _mix(hashes: Sequence[int]) -> int:
    x = 0
    for v in hashes:
        x = (x * _MULT + v) & _MASK
    x ^= x >> 31
    x = (x * _FINAL) & _MASK
    return x ^ (x >> 29)


def minhash(hashes: Iterable[int]) -> list[int]:
    """One-permutation MinHash with rotation densification; ``[]`` for no shingles."""
    bins: list[int | None] = [None] * NUM_HASHES
    for h in hashes:
        i, v = h & (NUM_HASHES - 1), (h >> _BIN_BITS) & _VALUE_MASK
        cur = bins[i]
        if cur is None or v < cur:
            bins[i] = v
    if all(b is None for b in bins):
        return []
    out = []
    for i in range(NUM_HASHES):
        for dist in range(NUM_HASHES):
            b = bins[(i + dist) % NUM_HASHES]
            if b is not None:
                out.append(b + dist * _OFFSET)
                break
    return out


# Analyses already made (or loaded from the run's cache) in this process, by text digest:
# the records writer asks again for what the check just computed (tokenising is the costly part).
_ANALYSES: dict[bytes, tuple[array[int], array[int]]] = {}
_ANALYSES_MAX = 20_000


def analyse(text: str) -> tuple[array[int], array[int]]:
    """(sorted shingle hashes, fingerprint) as compact arrays: thousands of reports stay small."""
    known = _ANALYSES.get(_digest(text))
    if known is not None:
        return known
    terms = [t for t in map(_cut_word_terms, _cut()(_FIGURE.sub("0", text))) if t is not None]
    sh = _grams(terms, SHINGLE_WORDS)  # shingles(tokens(text)), without the intermediate lists
    result = array("Q", sorted(sh)), array("Q", minhash(sh))
    remember(text, result)
    return result


def remember(text: str, analysis: tuple[array[int], array[int]]) -> None:
    """Keep an analysis made elsewhere (a worker process, the cache) for this text."""
    if len(_ANALYSES) >= _ANALYSES_MAX:
        _ANALYSES.clear()
    _ANALYSES[_digest(text)] = analysis


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def fingerprint(text: str) -> list[int]:
    """The MinHash fingerprint of a report text, for records.json (``[]`` for empty text)."""
    return list(analyse(text)[1])


def estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Jaccard similarity estimated from two fingerprints (0.0 when either is empty)."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    """Exact Jaccard similarity of two collections of shingle hashes."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def band_shape(threshold: float, recall: float = 0.99) -> tuple[int, int]:
    """(bands, rows): the most selective banding that still catches pairs at ``threshold``."""
    best = (NUM_HASHES // 2, 2)
    for rows in (2, 4, 8, 16, 32):
        bands = NUM_HASHES // rows
        if 1 - (1 - threshold ** rows) ** bands >= recall:
            best = (bands, rows)
    return best


def candidate_pairs(fps: Sequence[Sequence[int]], threshold: float) -> set[tuple[int, int]]:
    """Index pairs sharing at least one LSH band."""
    bands, rows = band_shape(threshold)
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for idx, fp in enumerate(fps):
        if len(fp) != NUM_HASHES:
            continue
        for b in range(bands):
            buckets[(b, tuple(fp[b * rows:(b + 1) * rows]))].append(idx)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            pairs.update(combinations(members, 2))
    return pairs


def shared_sentence(a: str, b: str, min_chars: int = 12) -> str | None:
    """The longest sentence found word for word in both texts (to quote as evidence)."""
    in_b = {s.strip() for s in _SENTENCE.findall(b)}
    common = [s.strip() for s in _SENTENCE.findall(a) if s.strip() in in_b and len(s.strip()) >= min_chars]
    return max(common, key=len) if common else None


def find_duplicates(reports: Sequence[Report], threshold: float,
                    history: Mapping[str, Any] | None = None) -> dict[str, tuple[Match, ...]]:
    """Matches per report path: other units' near-identical reports, and the same unit's earlier year."""
    found: dict[str, list[Match]] = defaultdict(list)
    analysed = [analyse(r.text) for r in reports]
    for i, j in sorted(candidate_pairs([fp for _, fp in analysed], threshold)):
        a, b = reports[i], reports[j]
        if a.unit == b.unit:
            continue
        sim = jaccard(analysed[i][0], analysed[j][0])
        if sim >= threshold:
            quote = shared_sentence(a.text, b.text)
            ev = (Evidence(a.path, "正文", quote), Evidence(b.path, "正文", quote)) if quote else ()
            found[a.path].append(Match(a.path, b.unit, b.path, sim, ev))
            found[b.path].append(Match(b.path, a.unit, a.path, sim, ev[::-1]))
    if history:
        earlier = history_fingerprints(history)
        year = history.get("year") if isinstance(history.get("year"), int) else None
        for r, (_, fp) in zip(reports, analysed):
            for path, old in earlier.get(r.unit, ()):
                sim = estimate(fp, old)
                if sim >= threshold:
                    found[r.path].append(Match(r.path, r.unit, path, sim, (), True, year))
    return {path: tuple(ms) for path, ms in found.items() if ms}


def history_fingerprints(records: Mapping[str, Any]) -> dict[str, list[tuple[str, list[int]]]]:
    """``{unit: [(path, fingerprint), …]}`` of the report files of an earlier records.json."""
    out: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
    files = records.get("files")
    if not isinstance(files, list):
        return {}
    if records.get("fingerprint_scheme") != FINGERPRINT_SCHEME:  # cut or hashed another way: not comparable
        log.info("history: fingerprints of scheme %r, not %r: not compared",
                 records.get("fingerprint_scheme"), FINGERPRINT_SCHEME)
        return {}
    skipped = 0
    for f in files:
        if not isinstance(f, dict) or f.get("doc_type") not in REPORT_TYPES or not f.get("unit"):
            continue
        fp = f.get("fingerprint")
        if isinstance(fp, list) and len(fp) == NUM_HASHES and all(isinstance(x, int) for x in fp):
            out[f["unit"]].append((str(f.get("path", "")), fp))
        else:
            skipped += 1
    if skipped:
        log.info("history: %d report files without a usable fingerprint were skipped", skipped)
    return dict(out)
