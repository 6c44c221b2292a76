"""台账.xlsx sheet 年度对比 (SPEC §10): each unit against last year, the district's figures, a chart.

Written only when the records carry ``previous`` (``pufa check --history``). A row per unit
that existed last year: last year's and this year's score and grade, the change, the problems
raised both years (filled red), the new ones and the ones resolved; under the table, the
district's figures against last year; below them, a column chart of both years' scores.
"""
from __future__ import annotations

from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from outputs.xlsx_style import (ERROR_MARK, HEADER, MAX_WIDTH, PIXELS_PER_WIDTH, TOTAL_MARK, WARNING_MARK, Mark,
                                Styles, display_width, put, write_table)
from outputs.year_figures import district_changes, has_history, titles, unit_changes

SHEET = "年度对比"
NONE = "无"
CHANGE_FORMAT: Mark = (("num_format", "+0.0;-0.0;0"),)


def headers(last: Any, now: Any) -> tuple[str, ...]:
    ly = f"{last}年" if last else "上年"
    ny = f"{now}年" if now else "本年"
    return ("单位", "上年单位名称", f"{ly}得分", f"{ly}等级", f"{ny}得分", f"{ny}等级", "得分变化", "等级变化",
            "连续两年存在的问题", "新出现的问题", "已整改的问题")


def write_year_sheet(wb: Workbook, styles: Styles, records: dict[str, Any]) -> Worksheet | None:
    """Add the 年度对比 sheet to ``wb`` when the records were checked against last year."""
    if not has_history(records):
        return None
    ws = wb.add_worksheet(SHEET)
    changes = unit_changes(records)
    rows, marks = [], {}
    for i, c in enumerate(changes):
        grade = "" if not (c.grade and c.last_grade) else "不变" if c.grade == c.last_grade \
            else f"{c.last_grade}→{c.grade}"
        rows.append((c.unit, c.former_name or "", c.last_score, c.last_grade or "", c.score, c.grade or "",
                     c.score_change, grade, titles(c.repeated) or NONE, titles(c.new) or NONE,
                     titles(c.resolved) or NONE))
        if c.repeated:
            marks[i, 8] = ERROR_MARK
        marks[i, 6] = WARNING_MARK + CHANGE_FORMAT if (c.score_change or 0) < 0 else CHANGE_FORMAT
    last_year = (records.get("history") or {}).get("year")
    write_table(ws, styles, headers(last_year, records.get("year")), rows, marks)
    top = len(rows) + 3
    _district_table(ws, styles, records, top)
    if rows:
        _chart(wb, ws, len(rows), f"A{top + 7}")
    return ws


def _district_table(ws: Worksheet, styles: Styles, records: dict[str, Any], top: int) -> None:
    """全区情况 under the units' table: 项目 | 上年 | 本年 | 变化 (0-based ``top`` row); column A
    widened for its labels when the unit names are shorter."""
    for col, head in enumerate(("全区情况", "上年", "本年", "变化")):
        put(ws, styles, top, col, head, HEADER)
    changes = district_changes(records)
    names = [str(u.get("unit") or "") for u in records.get("units") or []]
    labels = [f"{d.label}（{d.word}）" for d in changes]
    width = min(max(display_width(t) for t in [*names, *labels]) + 2, MAX_WIDTH)
    ws.set_column_pixels(0, 0, width * PIXELS_PER_WIDTH)
    for i, (d, label) in enumerate(zip(changes, labels), start=1):
        put(ws, styles, top + i, 0, label, mark=TOTAL_MARK)
        put(ws, styles, top + i, 1, d.last)
        put(ws, styles, top + i, 2, d.now)
        put(ws, styles, top + i, 3, d.change, mark=(("num_format", "+0;-0;0"),))


def _chart(wb: Workbook, ws: Worksheet, n: int, at: str) -> None:
    """Both years' scores per unit, side by side, under the tables (at cell ``at``)."""
    chart = wb.add_chart({"type": "column"})
    sheet, last = f"'{ws.get_name()}'", n + 1
    for col, colour in (("C", "#A6A6A6"), ("E", "#4472C4")):
        chart.add_series({"name": f"={sheet}!${col}$1", "categories": f"={sheet}!$A$2:$A${last}",
                          "values": f"={sheet}!${col}$2:${col}${last}", "fill": {"color": colour}})
    chart.set_title({"name": "各单位得分年度对比"})
    chart.set_x_axis({"name": "单位"})
    chart.set_y_axis({"name": "得分", "min": 0, "max": 100})
    chart.set_legend({"position": "top"})
    chart.set_size({"width": round(min(max(16.0, 1.6 * n), 60.0) / 2.54 * 96), "height": round(9.0 / 2.54 * 96)})
    ws.insert_chart(at, chart, {"object_position": 2})
