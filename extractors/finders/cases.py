"""Counting the cases in a 以案释法 case file."""
from __future__ import annotations

import re

from model import Evidence, Value
from .patterns import CASE_ACT, CASE_PARTY, CASE_TITLE, CASES_LEAD_IN
from .structure import ATTACHMENT, Para

_HEADING = re.compile(r"^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+\s*[】\]：:、.．\s]"
                      r"|^[【\[]?\s*(?:典型)?案例\s*(?:之)?\s*[一二三四五六七八九十\d]+$")
_NUMBERED_TITLE = re.compile(r"^(?:[\d]+|[一二三四五六七八九十]+)\s*[.、．]\s*\S.{1,40}(?:案|纠纷|事件|案件)[）)]?$")
_FACT_LABELS = "基本案情|案情简介|案情介绍|案件事实|案情概要|案情回顾|案情概述|简要案情|案情"
_FACTS = re.compile(r"^[【\[（(]?\s*(?:[一二三四五六七八九十\d]+\s*[、.．])?\s*"
                    rf"(?:{_FACT_LABELS})\s*[】\]）)：:]?")


_LABEL_CELL = re.compile(rf"^(?:{_FACT_LABELS})[：:]?$")
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


_LEAD_IN = re.compile(CASES_LEAD_IN)
_LIST_ITEM = re.compile(r"^\s*(?:[（(]\s*(\d{1,2})\s*[)）]|(\d{1,2})\s*[.、．](?!\d))\s*(?=\S)")
_INLINE_ITEM = re.compile(r"(?:^|(?<=[：:；;。]))\s*(?:[（(]\s*(\d{1,2})\s*[)）]|(\d{1,2})\s*[.、．](?!\d))")
_CASE_TITLE = re.compile(CASE_TITLE)
_CASE_PARTY = re.compile(CASE_PARTY)
_CASE_ACT = re.compile(CASE_ACT)
_HEAD_END = re.compile(r"[，,。；;：:]")


def _reads_as_case(item: str) -> bool:
    """A listed item is a case, not a work point: its head names a case (…纠纷案), or it names
    a party (张某, 某公司) and a violation, dispute or handling."""
    head = _HEAD_END.split(item, 1)[0].strip().rstrip("”\"》")
    return bool(_CASE_TITLE.search(head)) or bool(_CASE_PARTY.search(item) and _CASE_ACT.search(item))


def _number(m: re.Match[str]) -> int:
    return int(m.group(1) or m.group(2))


def _run(items: list[tuple[str, Para]]) -> list[tuple[str, Para]]:
    """The items, numbered 1, 2, 3… in order and each reading as a case; none when any is not."""
    run = []
    for text, p in items:
        m = _LIST_ITEM.match(text)
        if m is None or _number(m) != len(run) + 1:
            return []  # 1. 3.: no unbroken run
        run.append((text[m.end():], p))
    return run if run and all(_reads_as_case(t) for t, _ in run) else []


def listed_cases(paras: list[Para], file: str) -> Value | None:
    """Cases a report lists in its body under a lead-in announcing them (典型案例如下：1.… 2.… 3.…)
    or a heading naming them: the unbroken numbered run right after it, every item reading as a case. Numbered work
    points under a 以案释法 heading (1.开展以案释法进校园…) are no cases: they name no case."""
    body = [p for p in paras if p.kind in ("para", "textbox") and p.section != ATTACHMENT]
    for i, p in enumerate(body):
        lead = _LEAD_IN.search(p.text)
        if lead is None and not (p.heading_level and _CASES_HEAD.search(p.text)):
            continue  # neither a lead-in announcing cases nor a heading naming them (（四）以案释法)
        rest = p.text[lead.end():].strip() if lead else ""
        if rest:  # the items in the lead-in's own paragraph: 如下：1.…；2.…；3.…
            starts = [m.start() for m in _INLINE_ITEM.finditer(rest)]
            items = [(rest[a:b].strip(), p) for a, b in zip(starts, starts[1:] + [len(rest)])]
        else:
            items = []
            for q in body[i + 1:]:
                if q.heading_level or not _LIST_ITEM.match(q.text):
                    break  # a heading or an unnumbered paragraph ends the list
                items.append((q.text, q))
        run = _run(items)
        if run:
            return Value(len(run), tuple(Evidence(file, q.where, t[:60]) for t, q in run))
    return None
