"""Small text measures the rules use: length, concrete figures, dates and file names in Chinese."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
# A number: Arabic (with decimals, thousands commas) or a run of Chinese numerals,
# optionally scaled by 万/亿 and approximated by 余/多.
_HAS_DIGIT = re.compile("[0-9零〇一二两三四五六七八九十]")
_NUMBER = rf"(?P<num>\d[\d,]*(?:\.\d+)?|[{_CN_DIGITS}]+)\s*(?P<scale>[万亿])?\s*(?:余|多)?\s*"


@lru_cache(maxsize=32)
def _figure_pattern(measure_words: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(measure_words, key=len, reverse=True))
    # Not preceded by 第 (ordinals: 第3段) or by another digit; the measure word may be
    # wrapped as 人(次); spaces and line breaks between the parts (PDF text: 22 场次) are allowed.
    return re.compile(rf"(?<![第\d{_CN_DIGITS}])(?<!第\s){_NUMBER}[（(]?(?:{words})")


def count_chars(text: str) -> int:
    """Characters of the text, not counting whitespace (``str.split`` drops exactly what ``isspace`` finds)."""
    return len("".join(text.split()))


def find_figures(text: str, measure_words: Sequence[str], not_results: re.Pattern[str] | None = None) -> list[str]:
    """Concrete figures: a number attached to a measure word (``35场次``, ``5万余份``, ``两次``).

    Dates (2022年, 3月) and 序号 (一、 （二） 1.) carry no measure word and are not counted;
    ordinals (第三次), a bare Chinese 一 (一次, 一名同志) and 百/千 alone (千家万户) are
    idiom rather than figures and are skipped; so is a figure whose clause ``not_results``
    finds in (a target: 不少于24场次, a plan: 计划开展…).
    """
    out = []
    ends, skipped = [], set()
    if not_results is not None:  # clauses numbered by the separators before them
        ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        skipped = {bisect_left(ends, m.start()) for m in not_results.finditer(text)}
    for m in _figure_pattern(tuple(measure_words)).finditer(text):
        num = m.group("num")
        if (num == "一" and not m.group("scale")) or not _HAS_DIGIT.search(num):
            continue
        if skipped and bisect_left(ends, m.start()) in skipped:
            continue
        out.append(m.group(0))
    return out


_CLAUSE_END = re.compile(r"[，,；;。！？!?\n]")


def cn_date(d: date) -> str:
    """2022年12月10日 (成文日期 style, Arabic numerals)."""
    return f"{d.year}年{d.month}月{d.day}日"


def parse_date(value: object) -> date | None:
    """A field's ``date`` value (ISO string or date) as a date; None when absent or unreadable."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return date(*(int(x) for x in m.groups()))
            except ValueError:
                return None
    return None


def file_name(path: str) -> str:
    """The last part of an inbox path (``a.zip!/dir/b.docx`` -> ``b.docx``)."""
    return re.split(r"[\\/!]", path)[-1] or path
