"""Counting the cases in a 以案释法 case file."""
from __future__ import annotations

import re

from model import Evidence, Value
from .structure import Para

_HEADING = re.compile(r"^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+\s*[】\]：:、.．\s]"
                      r"|^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+$")
_NUMBERED_TITLE = re.compile(r"^(?:[\d]+|[一二三四五六七八九十]+)\s*[.、．]\s*\S.{1,40}(?:案|纠纷|事件|案件)[）)]?$")
_FACTS = re.compile(r"^[【\[（(]?\s*(?:[一二三四五六七八九十\d]+\s*[、.．])?\s*"
                    r"(?:基本案情|案情简介|案情介绍|案件事实|案情概要|案情回顾|案情概述|简要案情|案情)\s*[】\]）)：:]?")


_LABEL_CELL = re.compile(r"^(?:基本案情|案情简介|案情介绍|案件事实|案情概要|案情回顾|案情概述|简要案情|案情)[：:]?$")
_NAME_HEADER = re.compile(r"^(?:典型)?(?:案例|案件)(?:名称|标题)?$")


def lead_in(paras: list[Para], most: int = 6) -> list[Para]:
    """The paragraphs before the first case (title, 现将…报送如下，共6个案例): where a count is stated."""
    out = []
    for p in paras[:most]:
        if p.kind != "para" or _HEADING.match(p.text) or _NUMBERED_TITLE.match(p.text) or _FACTS.match(p.text) \
                or p.text.startswith("序号"):
            break
        out.append(p)
    return out


def count_cases(paras: list[Para], file: str) -> Value | None:
    """The cases of a case file: numbered case headings, numbered case titles, 基本案情 parts,
    one-table-per-case forms (a 基本案情 label cell each) or one row per case under a 案例名称 column,
    whichever finds most."""
    prose = [p for p in paras if p.kind in ("para", "textbox")]
    headings = [p for p in prose if _HEADING.match(p.text)]
    titles = [p for p in prose if _NUMBERED_TITLE.match(p.text)]
    facts = [p for p in prose if _FACTS.match(p.text)]
    label_cells = [p for p in paras if p.kind == "cell" and p.col == 0 and _LABEL_CELL.match(p.text)]
    best = max((headings, titles, facts, label_cells, _case_rows(paras), _numbered_under_heading(paras)), key=len)
    if not best:
        return None
    return Value(len(best), tuple(Evidence(file, p.where, p.text[:60]) for p in best))


def _case_rows(paras: list[Para]) -> list[Para]:
    """Cells naming a case, one per row, below a header cell 案例名称 (a list of cases as a table)."""
    cells = [p for p in paras if p.kind == "cell" and p.table is not None]
    rows: dict[tuple[int, int], list[str]] = {}
    for p in cells:
        rows.setdefault((p.table, p.row), []).append(p.text)
    # a header row: three or more short headings (not 案例名称 | the case's name, a form of one case)
    columns = {(p.table, p.col): p.row for p in cells if _NAME_HEADER.match(p.text)
               and len(row := rows[(p.table, p.row)]) >= 3 and all(len(t) <= 8 for t in row)}
    return [p for p in cells if (p.table, p.col) in columns and p.row > columns[(p.table, p.col)]
            and len(p.text) >= 4 and not _NAME_HEADER.match(p.text)]


_CASES_HEAD = re.compile(r"以案释法|典型案例|案例")
_PART = re.compile(r"\s*[【\[（(]?\s*(?:基本案情|案情|案件事实|法律分析|法律依据|释法说理|以案释法|评析|案例评析|典型意义|普法意义|"
                   r"处理结果|处理情况|裁判结果|办理结果|启示|警示)")
_ITEM = re.compile(r"^(\d{1,2})\s*[.、．](?!\d)\s*\S")


def _numbered_under_heading(paras: list[Para]) -> list[Para]:
    """Items numbered 1. 2. 3. under a heading (or a title) naming 以案释法/典型案例: one case each.
    Only an unbroken run from 1 counts (points 1. 2. inside a case's analysis restart it: none then)."""
    items: list[Para] = []
    under = False
    for p in paras:
        if p.kind not in ("para", "textbox"):
            continue
        m = _ITEM.match(p.text)
        if m is None and (p.heading_level or p.index == 0 or p.text == (paras[0].text if paras else "")):
            under = bool(_CASES_HEAD.search(p.text))
            continue
        if under and m:
            if int(m.group(1)) != len(items) + 1 or _PART.match(p.text, m.end() - 1):
                return []  # a restart, or the parts of one case (1.基本案情 2.法律分析)
            items.append(p)
    return items
