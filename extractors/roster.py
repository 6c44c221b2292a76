"""The unit roster (名单.xlsx): read with the spreadsheet reader, named with the unit finder.

It sits above both sub-packages of ``extractors`` because it needs both: the readers and the
finders never import each other.
"""
from __future__ import annotations

import re
from pathlib import Path

from extractors.finders.units import ORG_END, RosterEntry
from extractors.readers.xlsx import sheet_rows
from model import UnreadableFile


def load_roster(path: Path) -> list[RosterEntry]:
    """Read a roster .xlsx: a column headed like 单位名称 (title rows above the header, group rows
    such as 一、行政执法部门 and notes below are passed over), an optional 简称/别名 column; without a
    header, the column that holds the most unit names; an optional 曾用名 column (names of earlier
    years, for pairing units with last year's). Of several sheets (填表说明 first, the
    名单 on the second), the one that reads as a roster."""
    try:
        sheets = sheet_rows(path)
    except UnreadableFile as e:
        raise ValueError(f"名单文件“{Path(path).name}”无法读取（{e.message}）") from None
    read = [_roster_of(rows) for _, rows in sheets]
    headed = [entries for entries, has_header in read if has_header and entries]
    if headed:
        return headed[0]
    return max((entries for entries, _ in read), key=len, default=[])


def _roster_of(values: list[tuple[object, ...]]) -> tuple[list[RosterEntry], bool]:
    """The entries one sheet gives, and whether it has a roster header."""
    rows = [tuple("" if v is None else str(v).strip() for v in r) for r in values]
    rows = [r for r in rows if any(r)]
    if not rows:
        return [], False
    found = _roster_header(rows)
    former_col = None
    if found is None:
        name_col, alias_col, data = _name_column(rows), None, rows
    else:
        at, name_col, alias_col = found
        data = rows[at + 1:]
        former_col = next((j for j, h in enumerate(rows[at]) if _FORMER_HEAD.search(h)), None)
    out, seen = [], set()
    for r in data:
        name = r[name_col] if name_col < len(r) else ""
        if name in seen or not _roster_name(name):
            continue
        seen.add(name)
        out.append(RosterEntry(name, _names_in(r, alias_col), _names_in(r, former_col)))
    return out, found is not None


def _names_in(row: tuple[str, ...], col: int | None) -> tuple[str, ...]:
    """The names in one cell of a roster row (several separated by 、 or commas)."""
    if col is None or col >= len(row) or not row[col]:
        return ()
    return tuple(a for a in re.split(r"[、，,;；/\s]+", row[col]) if a)


_NAME_HEAD = re.compile(r"单位|名称|部门|机关")
_NOT_NAME_HEAD = re.compile(r"性质|类型|类别|级别|电话|联系|人$|地址|代码|编号|序号|备注|名单|表")
_ALIAS_HEAD = re.compile(r"简称|别名|又称")
_FORMER_HEAD = re.compile(r"曾用名|原名称|原单位名称")


def _roster_header(rows: list[tuple[str, ...]]) -> tuple[int, int, int | None] | None:
    """(row, name column, alias column) of the header among the first rows: a row of short cells
    (or one short cell), one of them naming the unit column (a merged title row above is one long cell)."""
    for i, r in enumerate(rows[:10]):
        filled = [c for c in r if c]
        if len(filled) < 2 and not (filled and len(filled[0]) <= 8) or any(len(c) > 20 for c in r):
            continue  # a title row: one long merged cell
        names = [j for j, h in enumerate(r) if h and _NAME_HEAD.search(h) and not _NOT_NAME_HEAD.search(h)
                 and not _ALIAS_HEAD.search(h) and not _FORMER_HEAD.search(h)]
        if names:
            name_col = min(names, key=lambda j: ("名称" not in r[j], j))  # 单位名称 before 责任单位
            alias_col = next((j for j, h in enumerate(r) if _ALIAS_HEAD.search(h)), None)
            return i, name_col, alias_col
    return None


def _name_column(rows: list[tuple[str, ...]]) -> int:
    """Without a header: the column in which most cells are unit names."""
    width = max(len(r) for r in rows)
    return max(range(width), key=lambda j: (sum(j < len(r) and r[j].endswith(ORG_END) for r in rows), -j))


def _roster_name(name: str) -> bool:
    """A cell that names a unit, not a note (注：…), a total or a sentence."""
    return (bool(name) and len(name) <= 40 and bool(re.search(r"[\u4e00-\u9fff]", name))
            and not re.fullmatch(r"序号|单位|单位名称|名称|简称|备注", name)
            and not re.match(r"(?:注|备注|说明|合计|总计|小计|填表|制表|[一二三四五六七八九十]+[、.．]|\d+[、.．])", name)
            and not re.search(r"[：:。；;]", name))
