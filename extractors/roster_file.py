"""The roster file (名单): an .xlsx workbook or a .csv table, as rows of cell values.

The roster is the clerk's own file, so what is wrong with it is said to the clerk
(``RosterError``, one Chinese line naming the file and what to do) and stops the run:
a run against a roster it could not use would drop every missing unit silently.
Cell values are kept literally: a name such as ``=HYPERLINK(…)`` is a name, never a formula.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .base import UnreadableFile


class RosterError(ValueError):
    """The roster cannot be used; the message (Chinese) says what to do."""


Rows = list[tuple[object, ...]]


def roster_sheets(path: Path) -> list[tuple[str, Rows]]:
    """(sheet title, rows) of the roster: every worksheet of an .xlsx, the one table of a .csv."""
    from .read import sniff

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
    from .xlsx_reader import sheet_rows

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
