"""The unit roster (名单.xlsx or .csv): read with the spreadsheet reader, named with the unit finder.

It sits above both sub-packages of ``extractors`` because it needs both: the readers and the
finders never import each other.

The roster is the clerk's own file, so what is wrong with it is said to the clerk
(``RosterError``, one Chinese line naming the file and what to do) and stops the run:
a run against a roster it could not use would drop every missing unit silently.
Cell values are kept literally: a name such as ``=HYPERLINK(…)`` is a name, never a formula.
"""
from __future__ import annotations

import csv
import io
import logging
import re
from pathlib import Path

from extractors.finders.units import ORG_END, RosterEntry
from extractors.readers.read import sniff
from extractors.readers.xlsx import sheet_rows
from model import UnreadableFile

log = logging.getLogger(__name__)
Rows = list[tuple[object, ...]]


class RosterError(ValueError):
    """The roster cannot be used; the message (Chinese) says what to do."""


def load_roster(path: Path) -> list[RosterEntry]:
    """Read a roster .xlsx or .csv: a column headed like 单位名称 (title rows above the header, group rows
    such as 一、行政执法部门 and notes below are passed over, and reported), an optional 简称/别名 column;
    without a header, the column that holds the unit names; an optional 曾用名 column (names of earlier
    years, for pairing units with last year's). Of several sheets (填表说明 first, the 名单 on the
    second), the one that reads as a roster. A roster that gives no unit raises ``RosterError``
    naming the headers found."""
    sheets = roster_sheets(path)
    read = [_roster_of(rows) for _, rows in sheets]
    headed = [r for r in read if r[1] and r[0]]
    entries, _, skipped = headed[0] if headed else max(read, key=lambda r: len(r[0]), default=([], False, []))
    if not entries:
        raise no_unit_column(path, sheets)
    if skipped:
        shown = "、".join(f"“{s}”" for s in skipped[:5]) + ("等" if len(skipped) > 5 else "")
        log.warning("名单中有 %d 行未列为单位（分组行、说明或重复的名称）：%s", len(skipped), shown)
    return entries


def _roster_of(values: list[tuple[object, ...]]) -> tuple[list[RosterEntry], bool, list[str]]:
    """The entries one sheet gives, whether it has a roster header, and the rows passed over."""
    rows = [tuple("" if v is None else str(v).strip() for v in r) for r in values]
    rows = [r for r in rows if any(r)]
    if not rows:
        return [], False, []
    found = _roster_header(rows)
    former_col = None
    if found is None:
        name_col, alias_col, data = _name_column(rows), None, rows
        if sum(name_col < len(r) and r[name_col].endswith(ORG_END) for r in rows) * 2 < len(rows):
            return [], False, []  # no column of unit names: not a roster
    else:
        at, name_col, alias_col = found
        data = rows[at + 1:]
        former_col = next((j for j, h in enumerate(rows[at]) if _FORMER_HEAD.search(h)), None)
    out, seen, skipped = [], set(), []
    for r in data:
        name = r[name_col] if name_col < len(r) else ""
        if name in seen or not (_listed_name(name) if found else _roster_name(name)):
            if name or found:
                skipped.append(name or " ".join(c for c in r if c))
            continue
        seen.add(name)
        out.append(RosterEntry(name, _names_in(r, alias_col), _names_in(r, former_col)))
    return out, found is not None, skipped


# cells of the unit column that are no unit: a header word repeated, a note, a total, a group row (一、…)
_HEADER_WORD = re.compile(r"序号|单位|单位名称|名称|简称|备注")
_NOTE_ROW = re.compile(r"(?:注|备注|说明|合计|总计|小计|填表|制表|[一二三四五六七八九十]+[、.．]|\d+[、.．])")


def _listed_name(name: str) -> bool:
    """Under a roster header every cell of the unit column is a unit, taken literally (a name without
    a Chinese character, ``=HYPERLINK(…)``), but for group rows, notes and totals."""
    return bool(name) and not _HEADER_WORD.fullmatch(name) and not _NOTE_ROW.match(name) and "。" not in name


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
            and not _HEADER_WORD.fullmatch(name) and not _NOTE_ROW.match(name)
            and not re.search(r"[：:。；;]", name))


def roster_sheets(path: Path) -> list[tuple[str, Rows]]:
    """(sheet title, rows) of the roster: every worksheet of an .xlsx, the one table of a .csv."""
    name = Path(path).name
    try:
        kind = "csv" if Path(path).suffix.lower() in (".csv", ".txt") else sniff(Path(path))
    except OSError as e:
        raise RosterError(f"名单文件“{name}”无法打开（{e.strerror}）：请检查该文件后重新运行。") from None
    if kind == "csv":
        return [(Path(path).stem, _csv_rows(Path(path)))]
    if kind == "encrypted-ooxml":
        raise RosterError(f"名单文件“{name}”设置了打开密码，无法读取：请在 Excel 或 WPS 中取消密码另存后重新运行。")
    if kind == "corrupt-zip":
        raise RosterError(f"名单文件“{name}”无法读取（可能已损坏）：请用 Excel 或 WPS 打开后另存为 .xlsx，"
                          "或另存为 .csv 后重新运行。")
    if kind != "xlsx":
        raise RosterError(f"名单文件“{name}”不是 Excel 表格（识别为 {kind} 文件）：请把名单整理成表格，"
                          "另存为 .xlsx 或 .csv 后重新运行。")
    try:
        return sheet_rows(Path(path))
    except UnreadableFile as e:
        hint = "已设置打开密码" if e.code == "encrypted" else "可能已损坏"
        raise RosterError(f"名单文件“{name}”无法读取（{hint}）：请用 Excel 或 WPS 打开后另存为 .xlsx，"
                          "或另存为 .csv 后重新运行。") from None


def _csv_rows(path: Path) -> Rows:
    """A .csv in UTF-8 (with or without BOM) or GBK/GB18030, as Excel and WPS save it."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"名单文件“{path.name}”的文字编码无法识别：请用 Excel 或 WPS 另存为 .xlsx 后重新运行。")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    return [tuple(row) for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def no_unit_column(path: Path, sheets: list[tuple[str, Rows]]) -> RosterError:
    """The refusal for a roster in which no column names the units: the headers found, the one expected."""
    first = next((r for _, rows in sheets for r in rows if sum(1 for v in r if v not in (None, "")) >= 1), ())
    found = "、".join(str(v).strip() for v in first if v not in (None, "")) or "（空表）"
    return RosterError(f"名单文件“{Path(path).name}”中找不到单位名称列（找到的表头：{found}）："
                       "请把单位名称所在列的表头写成“单位名称”后重新运行。")
