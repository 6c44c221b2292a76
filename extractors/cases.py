"""Counting the cases in a 以案释法 case file."""
from __future__ import annotations

import re

from .base import Evidence, Value
from .structure import Para

_HEADING = re.compile(r"^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+\s*[】\]：:、.．\s]"
                      r"|^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+$")
_NUMBERED_TITLE = re.compile(r"^(?:[\d]+|[一二三四五六七八九十]+)\s*[.、．]\s*\S.{1,40}(?:案|纠纷|事件|案件)[）)]?$")
_FACTS = re.compile(r"^[【\[（(]?\s*(?:[一二三四五六七八九十\d]+\s*[、.．])?\s*"
                    r"(?:基本案情|案情简介|案情介绍|案件事实|案情概要|案情回顾|案情概述|简要案情|案情)\s*[】\]）)：:]?")


def count_cases(paras: list[Para], file: str) -> Value | None:
    prose = [p for p in paras if p.kind in ("para", "textbox")]
    headings = [p for p in prose if _HEADING.match(p.text)]
    titles = [p for p in prose if _NUMBERED_TITLE.match(p.text)]
    facts = [p for p in prose if _FACTS.match(p.text)]
    best = max((headings, titles, facts), key=len)
    if not best:
        return None
    return Value(len(best), tuple(Evidence(file, p.where, p.text[:60]) for p in best))
