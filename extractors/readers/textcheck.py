"""Is this text language? A PDF font without a ToUnicode map gives glyph numbers as characters:
control codes, private-use code points, or runs of ASCII symbols and letters (``!"#$ %&'()``) that
pass a check for odd characters. A page of a Chinese submission reads as language when it holds
Chinese, or ASCII that looks like words and figures rather than symbols.
"""
from __future__ import annotations

import re

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")
_BAD = re.compile("[\x00-\x08\x0e-\x1f\ufffd\ue000-\uf8ff]")
_PUNCT = re.compile(r"""[!"#$&'()*+/<=>?@\[\\\]^_`{|}~]""")  # not , . % - : ; used with figures
_WORD = re.compile(r"[A-Za-z]{3,}")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")
MIN_CHARS = 20  # fewer non-space characters than this are too few to judge


def looks_like_language(text: str) -> bool:
    """Whether ``text`` reads as Chinese or English words and figures, not glyph numbers."""
    chars = "".join(text.split())
    n = len(chars)
    if n < MIN_CHARS:
        return True
    if len(_BAD.findall(chars)) > 0.1 * n:
        return False
    if len(_CJK.findall(chars)) >= 0.3 * n:
        return True
    if len(_PUNCT.findall(chars)) > 0.1 * n:
        return False
    words = _WORD.findall(text)
    return not words or sum(bool(_VOWEL.search(w)) for w in words) >= 0.6 * len(words)
