"""Figures from tables: statistics forms and tables inside reports.

A numeric cell is read through its row label and column header: the header
or label names the field (活动/资料/咨询/群众/案例/学法), the other names the
period (第一季度 … 合计). A 合计 row or column wins over the quarters; the
quarters are summed when no total is given.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from model import Evidence, Value
from .numbers import parse_quantity
from .structure import Para

# checked in order: the first field whose keyword a header contains
HEADER_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cases_total", ("案例",)),
    ("study_sessions", ("学法", "中心组", "集体学习")),
    ("consultations", ("咨询", "答疑")),
    ("materials", ("资料", "宣传品", "宣传册", "手册", "份数", "折页")),
    ("audience", ("受教育", "群众", "受众", "覆盖人", "参与人", "人数")),
    ("activities", ("活动", "场次", "讲座", "宣讲")),
)
_QUARTER = re.compile(r"(?:第)?([一二三四1-4])\s*季度|Q([1-4])", re.IGNORECASE)
_MONTH = re.compile(r"^\s*(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?\s*$")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
# a self-assessment sheet: its 评分标准 are criteria and its 分值 are points, not facts
_SCORING_HEADER = re.compile(r"评分标准|考核标准|分值|自评得分|考核内容|评分细则")
_NARRATIVE_HEADER = re.compile(r"说明|情况|佐证|备注|完成|落实|做法|开展")
_TOTAL = re.compile(r"合计|总计|全年|累计|小计|总数|年度")
# a figure in a cell, its measure word written with it or not (36, 8600份, 1.1万人次, 2000余份)
_MEASURE = r"(?:场次|人次|场|次|份|册|本|张|套|个|件|期|篇|则|例|起|人|余人|户|家)"
_NUMERIC = re.compile(rf"^\s*\d+(?:\.\d+)?\s*(?:万)?\s*(?:余|多)?\s*{_MEASURE}?\s*$")
_MEASURE_END = re.compile(rf"{_MEASURE}\s*$")
_QMAP = {"一": 0, "二": 1, "三": 2, "四": 3, "1": 0, "2": 1, "3": 2, "4": 3}


@lru_cache(maxsize=4096)
def _field_of(text: str) -> str | None:
    for field, words in HEADER_FIELDS:
        if any(w in text for w in words):
            return field
    return None


_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年?")


@lru_cache(maxsize=4096)
def _period_of(text: str, year: int | None) -> int | str | None:
    """A quarter (0–3), "month1".."month12", "total", "other" (another year's row) or None."""
    m = _QUARTER.search(text)
    if m:
        return _QMAP[m.group(1) or m.group(2)]
    mo = _MONTH.match(text)
    if mo:
        n = mo.group(1)
        return f"month{int(n) if n.isdigit() else _CN_MONTH[n]}"
    y = _YEAR.search(text)
    if y:
        return "total" if year is not None and int(y.group(1)) == year else "other"
    if _TOTAL.search(text):
        return "total"
    return None


def _grids(paras: list[Para], skip_scoring: bool = False) -> dict[int, dict[tuple[int, int], Para]]:
    grids: dict[int, dict[tuple[int, int], Para]] = defaultdict(dict)
    for p in paras:
        if p.kind == "cell" and p.table is not None and p.row is not None and p.col is not None:
            grids[p.table][(p.row, p.col)] = p
    if skip_scoring:
        return {t: g for t, g in grids.items() if _scoring_header(g) is None}
    return grids


def _scoring_header(grid: dict[tuple[int, int], Para]) -> int | None:
    """The header row of a self-assessment sheet (考核项目 | 分值 | 评分标准 …), if it is one."""
    hits: dict[int, int] = defaultdict(int)
    for (r, _), p in grid.items():
        if r < 5 and _SCORING_HEADER.search(p.text):
            hits[r] += 1
    return min((r for r, n in hits.items() if n >= 2), default=None)


def narrative_cells(paras: list[Para]) -> list[Para]:
    """The explanation cells of a self-assessment sheet (自评说明), to be read as prose."""
    from dataclasses import replace

    out = []
    for grid in _grids(paras).values():
        head = _scoring_header(grid)
        if head is None:
            continue
        cols = {c for (r, c), p in grid.items() if r == head and _NARRATIVE_HEADER.search(p.text)
                and not _SCORING_HEADER.search(p.text)}
        heads = {c: p.text for (r, c), p in grid.items() if r == head}
        item_cols = [c for c, t in sorted(heads.items()) if c not in cols and not _SCORING_HEADER.search(t)
                     and not re.fullmatch(r"\s*序号\s*", t)]
        for (r, c), p in sorted(grid.items()):
            if r > head and c in cols:
                item = next((grid[(r, k)].text for k in item_cols if (r, k) in grid
                             and not _NUMERIC.match(grid[(r, k)].text)), "")
                out.append(replace(p, kind="para", text=f"{item}：{p.text}" if item else p.text))
    return out


# a line of the form's particulars (填报单位：…, 填报日期：2025年11月26日, 审核人：…) heads no column
_PARTICULARS = re.compile(r"^(?:填报|填表|报送|制表|审核|统计|联系|编制)?(?:单位|日期|时间|人|部门|电话)\s*[：:]")


def _numeric_cells(grid: dict[tuple[int, int], Para]) -> Iterator[tuple[Para, str, str]]:
    """The grid's numeric cells in reading order, each with its label (the heading cells left of
    it in its row, joined) and its header (the heading cells above it in its column, joined):
    one pass, the joins made only when a numeric cell needs them."""
    above: dict[int, list[str]] = defaultdict(list)
    header_of: dict[int, str] = {}
    row, left, label = None, [], ""
    for (r, c), cell in sorted(grid.items()):
        if r != row:
            row, left, label = r, [], ""
        text = cell.text
        if not _NUMERIC.match(text):
            if not _PARTICULARS.match(text):  # a heading cell
                left.append(text)
                label = None
                above[c].append(text)
                header_of.pop(c, None)
            continue
        if label is None:
            label = " ".join(left)
        header = header_of.get(c)
        if header is None:
            header = header_of[c] = " ".join(above[c])
        yield cell, label, header


_RATE = re.compile(r"率|%|％|比例|占比|百分")
_HALF = re.compile(r"上半年|下半年|半年")


def _all_halves(values: list[tuple[int, Evidence]]) -> bool:
    """Two half-year sheets (上半年, 下半年) add up to the year."""
    return len(values) == 2 and all(_HALF.search(e.where + e.quote) for _, e in values)


def _table_period(grid: dict[tuple[int, int], Para], year: int | None) -> str | None:
    """What a whole table covers, from its title row or sheet name: "total", "half", "other"."""
    title = " ".join(p.text for (r, _), p in grid.items() if r == 0 and len(p.text) > 6)
    sheet = next(iter(grid.values())).where.split("!")[0] if "!" in next(iter(grid.values())).where else ""
    text = f"{sheet} {title}"
    if _HALF.search(text):
        return "half"
    y = _YEAR.search(title)
    if y and year is not None and int(y.group(1)) != year:
        return "other"
    if re.search(r"全年|年度|合计|汇总", text):
        return "total"
    return None


def extract_table_counts(paras: list[Para], file: str, year: int | None = None) -> dict[str, Value]:
    """Field totals and ``cases_by_quarter`` from every table in the document."""
    totals: dict[str, tuple[int, Evidence]] = {}
    plain: dict[str, list[tuple[int, Evidence]]] = defaultdict(list)
    quarters: dict[str, dict[int, tuple[int, tuple[Evidence, ...]]]] = defaultdict(dict)
    for grid in _grids(paras, skip_scoring=True).values():
        whole = _table_period(grid, year)
        if whole == "other":
            continue
        for cell, label, header in _numeric_cells(grid):
            if _RATE.search(label) or _RATE.search(header):
                continue
            by_header = _field_of(header)
            field = by_header or _field_of(label)
            value = parse_quantity(_MEASURE_END.sub("", cell.text.replace(" ", "")))
            if field is None or value is None:
                continue
            period = _period_of(label if by_header else header, year)
            if period == "other":
                continue
            ev = Evidence(file, cell.where, f"{label} {header}：{cell.text}".strip())
            if period is None and whole == "total":
                period = "total"
            if period == "total":
                totals.setdefault(field, (value, ev))
            elif period is None:
                plain[field].append((value, ev))
            elif isinstance(period, str):  # a month adds to its quarter
                q = (int(period[5:]) - 1) // 3
                old, evs = quarters[field].get(q, (0, ()))
                quarters[field][q] = (old + value, evs + (ev,))
            else:
                quarters[field].setdefault(period, (value, (ev,)))
    out: dict[str, Value] = {}
    for field in set(totals) | set(quarters) | set(plain):
        if field in totals:
            out[field] = Value(totals[field][0], (totals[field][1],))
        elif len(quarters[field]) == 4:
            q = quarters[field]
            out[field] = Value(sum(v for v, _ in q.values()), tuple(e for _, es in q.values() for e in es))
        elif len(plain[field]) == 1 or plain[field] and _all_halves(plain[field]):
            out[field] = Value(sum(v for v, _ in plain[field]), tuple(e for _, e in plain[field]))
    q = quarters.get("cases_total", {})
    if len(q) == 4:
        out["cases_by_quarter"] = Value([q[i][0] for i in range(4)], tuple(e for i in range(4) for e in q[i][1]))
    return out
