"""Per-quarter case counts stated in prose."""
from __future__ import annotations

import re

from .base import Evidence, Value
from .numbers import NUMBER, parse_quantity
from .patterns import NEG
from .structure import Para
from .textutil import sentences

_Q = re.compile(r"(?:第)?([一二三四1-4])\s*季度")
_QTY = re.compile(rf"(?<![\d.])({NUMBER})\s*(?:个|件|篇|例|起|则)")
_RANGE = re.compile(rf"[一1]\s*(?:至|到|-|～|—)\s*[四4]\s*季度[^。；]*?分别[^。；\d]*?"
                    rf"((?:{NUMBER})(?:\s*[、，,和及]\s*(?:{NUMBER})){{3}})\s*(?:个|件|篇|例|起|则)")
_EACH = re.compile(rf"每个?季度(?:各|均|分别)(?:报送|上报|报|编写|提交)?了?\s*({NUMBER})\s*(?:个|件|篇|例|起|则)")
_QMAP = {"一": 0, "二": 1, "三": 2, "四": 3, "1": 0, "2": 1, "3": 2, "4": 3}
_CASE = re.compile(r"案例|以案释法")
_NEG = re.compile(NEG + r"[^，。；]{0,6}(?:报送|上报|提交|报)")


def extract_quarters(paras: list[Para], file: str) -> Value | None:
    for p in paras:
        if p.kind == "cell" or p.section == "下一步打算":
            continue
        for s in sentences(p.text):
            if not _CASE.search(s):
                continue
            each = _EACH.search(s)
            if each and parse_quantity(each.group(1)) is not None:
                got: list[int] | None = [parse_quantity(each.group(1))] * 4  # type: ignore[list-item]
            elif re.search(r"每季度|每个季度", s):
                continue  # a requirement (每季度至少报送1个), not a result
            else:
                got = _from_range(s) or _from_list(s)
            if got is not None:
                return Value(got, (Evidence(file, p.where, s),))
    return None


def _from_range(s: str) -> list[int] | None:
    m = _RANGE.search(s)
    if not m:
        return None
    nums = [parse_quantity(x) for x in re.split(r"\s*[、，,和及]\s*", m.group(1))]
    return nums if len(nums) == 4 and all(n is not None for n in nums) else None  # type: ignore[return-value]


def _from_list(s: str) -> list[int] | None:
    marks = list(_Q.finditer(s))
    if len(marks) < 4:
        return None
    got: dict[int, int] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(s)
        seg = s[m.end():end]
        q = _QTY.search(seg)
        if q:
            v = parse_quantity(q.group(1))
        elif _NEG.search(seg) or re.match(r"^\s*(?:为)?(?:0|零|空白)", seg):
            v = 0
        else:
            v = None
        if v is not None:
            got.setdefault(_QMAP[m.group(1)], v)
    return [got[i] for i in range(4)] if len(got) == 4 else None
