"""Text normalisation: one form of Chinese for every matcher downstream.

Order matters: the ``發(fā)布`` garble (a character followed by its pinyin or
its simplified form in brackets, left by a broken web conversion) is
repaired before traditional → simplified, then full-width digits and
letters are folded and stray spaces inside Chinese text removed.
Chinese punctuation is kept (NFKC would turn ``，`` into ``,``).
"""
from __future__ import annotations

import re
from functools import lru_cache

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# 發(fā) / 區(qū) / 發(发): CJK char, bracket, pinyin with a tone mark or one CJK char, bracket
_GARBLE_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*[)）]")
_GARBLE_CHAR = re.compile(r"([\u4e00-\u9fff])[(（]([\u4e00-\u9fff])[)）]")
_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0x3000: 0x20, 0xFF0E: 0x2E, 0xFF05: 0x25, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20})
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》〈〉【】〔〕"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}\d])|(?<=[{_CJK}\d])[ \t]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t]{2,}")
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_TO_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in (*_INVISIBLE, *_FULLWIDTH)) + "]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _repair_garble(text: str) -> str:
    if "(" in text or "（" in text:  # both garbles need a bracket
        text = _GARBLE_PINYIN.sub("", text)
        cc = _t2s()
        text = _GARBLE_CHAR.sub(
            lambda m: m.group(2) if m.group(1) != m.group(2) and cc.convert(m.group(1)) == m.group(2)
            else m.group(0), text)
    return text


_HAN = re.compile(r"[\u4e00-\u9fff]")


def to_simplified(text: str) -> str:
    if not _HAN.search(text):
        return text
    return _t2s().convert(text)


def normalize(text: str) -> str:
    """The normalised form of one block of text."""
    return _normalize_short(text) if len(text) <= 64 else _normalize(text)


@lru_cache(maxsize=32768)
def _normalize_short(text: str) -> str:
    """Table cells and headings repeat (法律名称, 普法对象…): short texts are normalised once."""
    return _normalize(text)


def _normalize(text: str) -> str:
    if _TO_TRANSLATE.search(text):  # translating costs a dict lookup per character: only when needed
        text = text.translate(_INVISIBLE).translate(_FULLWIDTH)
    text = _repair_garble(text)
    text = to_simplified(text)
    text = text.replace("\r", "\n")
    spaced = " " in text or "\t" in text
    if spaced:
        text = _SPACE_IN_CJK.sub("", text)
    text = _THOUSANDS.sub("", text)
    if spaced:
        text = _SPACES.sub(" ", text)
    return text.strip()
