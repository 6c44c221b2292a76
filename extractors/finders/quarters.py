"""Per-quarter case counts stated in prose.

Read as a clerk does: ``一、二季度各报送1个，三季度2个，四季度1个``,
``四个季度分别报送1个、0个、2个、1个``, ``二季度2个，其余季度各1个``,
``全年2个（一季度、三季度各1个）`` (the unnamed quarters then had none).
A requirement (``每季度至少报送1个``) is not a count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from model import Evidence, Value
from .numbers import NUMBER, parse_quantity
from .patterns import NEG
from .structure import NOT_RESULTS, Para

_QN = r"(?:第)?[一二三四1-4]"
_SET = re.compile(r"(?P<all>四个季度|(?:第)?[一1]\s*(?:季度)?\s*(?:至|到|-|—|～)\s*(?:第)?[四4]\s*季度|各季度|每个?季度)"
                  rf"|(?P<qs>{_QN}(?:\s*[、和及与]\s*{_QN})*)\s*季度"
                  r"|(?P<rest>其余|其他|另外)(?:各|三个|两个)?(?:个)?季度")
_CONNECT = re.compile(r"^\s*[、和及与，,]?\s*$")
_QTY = re.compile(rf"(?<![\d.])({NUMBER})\s*(?:个|件|篇|例|起|则)")
_ZERO = re.compile(rf"{NEG}|空白|空档|零报送|0报送")
_PLAN = re.compile(r"至少|不少于|力争|要求|应当|确保|不低于")
_TOTAL = re.compile(rf"(?:全年|共|累计|合计)[^。；（(]*?(?:以案释法|典型案例|案例)[^。；（(]*?({NUMBER})\s*(?:个|件|篇|例)")
_CASE = re.compile(r"案例|以案释法")
_QMAP = {"一": 0, "二": 1, "三": 2, "四": 3, "1": 0, "2": 1, "3": 2, "4": 3}


@dataclass
class _Group:
    quarters: list[int] | None  # None: the rest
    start: int
    end: int
    each: bool


def extract_quarters(paras: list[Para], file: str) -> Value | None:
    for p in paras:
        if p.kind == "cell" or p.section in NOT_RESULTS or not _CASE.search(p.text):
            continue
        got = parse_quarters(p.text)
        if got is not None:
            return Value(got, (Evidence(file, p.where, p.text),))
    return None


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = []
    for m in _SET.finditer(text):
        if m.group("qs"):
            qs = [_QMAP[c] for c in re.findall(r"[一二三四1-4]", m.group("qs"))]
        elif m.group("all"):
            qs = [0, 1, 2, 3]
        else:
            qs = None
        if groups and qs is not None and groups[-1].quarters is not None \
                and _CONNECT.match(text[groups[-1].end:m.start()]):
            groups[-1].quarters += qs
            groups[-1].end = m.end()
            continue
        groups.append(_Group(qs, m.start(), m.end(), m.group("all") is not None))
    return groups


def parse_quarters(text: str) -> list[int] | None:
    counts: dict[int, int] = {}
    rest: int | None = None
    groups = _groups(text)
    for i, g in enumerate(groups):
        end = groups[i + 1].start if i + 1 < len(groups) else len(text)
        seg = text[g.end:end]
        if _PLAN.search(seg[:8]):
            continue
        values = _values(seg, g)
        if values is None:
            continue
        if g.quarters is None:
            rest = values[0]
        else:
            for q, v in zip(g.quarters, values):
                counts.setdefault(q, v)
    if rest is not None:
        for q in range(4):
            counts.setdefault(q, rest)
    if len(counts) < 4 and counts:
        total = _TOTAL.search(text)
        if total and parse_quantity(total.group(1)) == sum(counts.values()):
            for q in range(4):
                counts.setdefault(q, 0)  # the quarters not named had none
    return [counts[q] for q in range(4)] if len(counts) == 4 else None


def _values(seg: str, g: _Group) -> list[int] | None:
    """The figures a quarter group is given: a list with 分别, else one for each quarter."""
    n = len(g.quarters) if g.quarters else 1
    nums = [parse_quantity(m.group(1)) for m in _QTY.finditer(seg)]
    if "分别" in seg[:12]:
        listed = re.findall(rf"({NUMBER})\s*(?:个|件|篇|例|起|则)?\s*[、，,和]", seg.rstrip("。；;） )") + "，")
        vals = [parse_quantity(x) for x in listed][:n]
        if len(vals) == n and all(v is not None for v in vals):
            return vals  # type: ignore[return-value]
    if nums and nums[0] is not None:
        first = _QTY.search(seg)
        if first and first.start() <= 12:
            return [nums[0]] * n
    if _ZERO.search(seg[:10]):
        return [0] * n
    return None
