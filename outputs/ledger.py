"""台账.xlsx: the clerk's ledger built from the records dict (SPEC §5, §7).

Sheets: 汇总 (a row per unit, failing cells filled), 问题清单 (a row per finding),
文件 (each received file and its status), 未报送 (units that sent nothing, files
of no unit), 评分 (考核项目 | 分值 | 评分标准 | 得分 | 依据) and 统计图 (cases per unit).
"""
from __future__ import annotations

import io
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from forms.review import finding_files
from model import DOC_TYPES
from model.system import shown_path
from outputs.labels import (FIELD_HEADERS, NOT_STATED, RULE_TITLES, SEVERITY_NAMES, doc_type_name,
                            format_field)
from outputs.atomic import write_bytes
from outputs.notice_text import place
from outputs.ledger_text import (FILE_HEADERS, file_row, missing_value, rule_title,
                                 superseding_files)
from outputs.xlsx_print import apply_print_layout
from outputs.ledger_years import write_year_sheet
from outputs.review_sheets import (ASSIGNED, ASSIGNED_CAP, DISMISSED_MARK, DISMISSED_NAME, VERDICT_CAPS,
                                   VERDICT_HEADERS,
                                   add_correction_sheet, add_unit_choices, add_verdict_choices,
                                   assigned_cell, corrected_marks, verdict_cells, write_unmatched)
from outputs.xlsx_style import (ERROR_MARK, SEVERITY_MARKS, TOTAL_MARK, WARNING_MARK,
                                WORKBOOK_OPTIONS, Mark, Styles, write_table)

log = logging.getLogger(__name__)

NO_UNIT = "（无法确定单位）"

# 汇总 columns as (key, header); field keys are SPEC §3, the rest are ledger keys.
SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("unit", "单位"), ("on_roster", "是否在名单"), ("file_count", "文件数"),
    *FIELD_HEADERS.items(),
    ("finding_count", "问题数"), ("summary", "问题摘要"), ("score", "得分"), ("grade", "等级"),
)
# Which 汇总 cell a failing rule colours; a rule not listed colours 问题摘要.
RULE_COLUMN: dict[str, str] = {
    "cases_below_min": "cases_total", "quarter_without_case": "cases_by_quarter",
    "no_duty_list": "duty_list", "no_leading_group": "leading_group",
    "no_leader_in_charge": "leader_in_charge", "no_staff_assigned": "staff_assigned",
    "no_new_media": "new_media", "study_below_min": "study_sessions",
    "missing_section": "sections", "late_submission": "date", "unreadable_file": "file_count",
    "too_thin": "summary", "duplicate_content": "summary",
}
FINDING_HEADERS = ("单位", "问题类型", "问题（中文说明）", "严重程度", "文件", "位置", "原文依据")
MISSING_HEADERS = ("序号", "单位名称", "文件", "说明")
SCORE_HEADERS = ("单位", "考核项目", "分值", "评分标准", "得分", "依据")
CHART_HEADERS = ("单位", "以案释法案例数")
# Column caps (width units) so a sheet prints legibly one page wide: longer text wraps.
SUMMARY_CAPS = {"unit": 24, "doc_type": 16, "new_media": 16, "sections": 16, "summary": 30}
FINDING_CAPS = (24, 18, 40, 10, 30, 12, 40)
FILE_CAPS = (40, 24, 18, 10, 10, 40, 16)
SCORE_CAPS = (24, 20, 8, 40, 8, 40)
# The creation time in docProps/core.xml: fixed, so the same records give the same bytes
# (ledger_digest leaves generated_at out, so the file may not depend on it either).
CREATED = datetime(2000, 1, 1)


@dataclass
class UnitView:
    """One 汇总 row: the unit's record (or a stub for a unit that sent nothing)."""

    name: str
    record: dict[str, Any]
    on_roster: bool | None  # None when no roster was given
    missing: bool
    findings: list[dict[str, Any]] = field(default_factory=list)

    @cached_property
    def open_findings(self) -> list[dict[str, Any]]:
        """The findings the clerk did not dismiss (排除)."""
        return [f for f in self.findings if not f.get("dismissed")]


def write_ledger(records: dict[str, Any], path: Path) -> Path:
    """Write 台账.xlsx for ``records`` to ``path`` atomically and return the path."""
    return write_bytes(Path(path), ledger_bytes(records))


def ledger_bytes(records: dict[str, Any]) -> bytes:
    """The whole 台账.xlsx for ``records``, built in memory."""
    views = unit_views(records)
    buffer = io.BytesIO()
    wb = Workbook(buffer, WORKBOOK_OPTIONS)
    year = records.get("year")
    title = f"{year}年度普法履职材料台账" if year else "普法履职材料台账"
    wb.set_properties({"title": title, "author": "pufa", "created": CREATED})
    styles = Styles(wb)
    _write_summary(wb.add_worksheet("汇总"), styles, views, records)
    _write_findings(wb.add_worksheet("问题清单"), styles, views, records)
    _write_files(wb.add_worksheet("文件"), styles, records, len(views))
    add_correction_sheet(wb, styles, records, len(views))
    _write_missing(wb.add_worksheet("未报送"), styles, views, records)
    _write_scores(wb.add_worksheet("评分"), styles, views)
    _write_chart(wb, wb.add_worksheet("统计图"), styles, views)
    write_year_sheet(wb, styles, records)  # 年度对比: only when checked with --history
    write_unmatched(wb, styles, records)
    apply_print_layout(wb, title)  # last: every sheet, whoever added it
    wb.close()
    return buffer.getvalue()


def unit_views(records: dict[str, Any]) -> list[UnitView]:
    """Units in ledger order: the roster's order first, then the others as recorded."""
    roster = list(records.get("roster") or [])
    units = {u["unit"]: u for u in records.get("units") or []}
    missing = dict.fromkeys(records.get("missing_units") or [])
    names = list(dict.fromkeys([*roster, *units, *missing]))
    on_roster = set(roster)
    views = []
    for name in names:
        record = units.get(name) or {"unit": name, "files": [], "fields": {}, "findings": []}
        findings = list(record.get("findings") or [])
        rules = {f.get("rule") for f in findings}
        is_missing = name in missing or "missing_submission" in rules or not record.get("files")
        if is_missing and "missing_submission" not in rules:
            findings.insert(0, {"rule": "missing_submission", "severity": "error",
                                "message": f"{name}未报送任何材料。", "file": None, "evidence": []})
        flag = record.get("on_roster", name in on_roster) if roster else None
        views.append(UnitView(name, record, flag, is_missing, findings))
    return views


# ---------------------------------------------------------------- 汇总

def _write_summary(ws: Worksheet, styles: Styles, views: list[UnitView],
                   records: dict[str, Any]) -> None:
    files = {f.get("path"): f for f in records.get("files") or []}
    keys = [key for key, _ in SUMMARY_COLUMNS]
    marks: dict[tuple[int, int], Mark] = {}
    for row, view in enumerate(views):
        if view.missing:
            marks.update(((row, col), ERROR_MARK) for col in range(len(keys)))
            continue
        for key, severity in _failing_cells(view).items():
            marks[row, keys.index(key)] = SEVERITY_MARKS[severity]
        marks.update(corrected_marks(view.record, keys, row, marks))
    write_table(ws, styles, [h for _, h in SUMMARY_COLUMNS],
                ([_summary_value(v, key, files) for key in keys] for v in views), marks,
                [SUMMARY_CAPS.get(key, 12) for key in keys])


def _summary_value(view: UnitView, key: str, files: dict[str, dict[str, Any]]) -> Any:
    fields = view.record.get("fields") or {}
    if key == "unit":
        return view.name
    if key == "on_roster":
        return "无名单" if view.on_roster is None else ("是" if view.on_roster else "否")
    if view.missing:
        return missing_value(key, view.open_findings)
    if key == "file_count":
        return len(view.record.get("files") or [])
    if key == "doc_type":
        return _doc_types(view, files) or NOT_STATED
    if key == "finding_count":
        return len(view.open_findings)
    if key == "summary":
        return _finding_summary(view.open_findings, len(view.findings) - len(view.open_findings))
    if key in ("score", "grade"):
        return view.record.get(key)
    return format_field(key, fields.get(key))


def _doc_types(view: UnitView, files: dict[str, dict[str, Any]]) -> str:
    """The kinds of material the unit sent, in SPEC §2 order."""
    codes = {files.get(p, {}).get("doc_type") for p in view.record.get("files") or []}
    codes.add((view.record.get("fields") or {}).get("doc_type"))
    codes.discard(None)
    order = {code: i for i, code in enumerate(DOC_TYPES)}
    return "、".join(doc_type_name(c) for c in sorted(codes, key=lambda c: (order.get(c, 99), str(c))))


def _finding_summary(findings: list[dict[str, Any]], dismissed: int = 0) -> str:
    """Short titles of the unit's findings, repeated rules counted: 报告缺少章节×2; the number
    the clerk dismissed after them."""
    counts = Counter(f.get("rule") for f in findings)
    parts = []
    for rule, n in counts.items():
        title = RULE_TITLES.get(rule) or next(f.get("message") or str(rule)
                                              for f in findings if f.get("rule") == rule)
        parts.append(f"{title}×{n}" if n > 1 else title)
    return "；".join(parts) + (f"（另有{dismissed}项已排除）" if dismissed else "")


def _failing_cells(view: UnitView) -> dict[str, str]:
    """汇总 column key -> worst severity among the findings that point at it."""
    cells: dict[str, str] = {}
    for f in view.open_findings:
        severity = "error" if f.get("severity") == "error" else "warning"
        key = RULE_COLUMN.get(f.get("rule"), "summary")
        if cells.get(key) != "error":
            cells[key] = severity
    return cells


# ---------------------------------------------------------------- 问题清单

def _write_findings(ws: Worksheet, styles: Styles, views: list[UnitView],
                    records: dict[str, Any]) -> None:
    findings = [(v.name, f) for v in views for f in v.findings]
    findings += [(NO_UNIT, f) for f in _unknown_file_findings(views, records)]
    rows = [(*_finding_row(unit, f), *verdict_cells(f)) for unit, f in findings]
    marks = {(row, 3): _severity_mark(values[3]) for row, values in enumerate(rows)}
    write_table(ws, styles, FINDING_HEADERS + VERDICT_HEADERS, rows, marks, FINDING_CAPS + VERDICT_CAPS)
    add_verdict_choices(ws, len(FINDING_HEADERS), len(rows))


def _severity_mark(shown: str) -> Mark:
    return ERROR_MARK if shown == SEVERITY_NAMES["error"] else DISMISSED_MARK if shown == DISMISSED_NAME \
        else WARNING_MARK


def _finding_row(unit: str, finding: dict[str, Any]) -> tuple[Any, ...]:
    evidence = [e for e in finding.get("evidence") or [] if isinstance(e, dict)]
    severity = "error" if finding.get("severity") == "error" else "warning"
    shown = DISMISSED_NAME if finding.get("dismissed") else SEVERITY_NAMES[severity]
    return (unit, rule_title(finding), finding.get("message") or "",
            shown, "\n".join(shown_path(f) for f in finding_files(finding).split("\n") if f),
            "\n".join(place(e.get("where") or "") for e in evidence),
            "\n".join(e.get("quote") or "" for e in evidence))


def _unknown_file_findings(views: list[UnitView], records: dict[str, Any]) -> list[dict[str, Any]]:
    """An unknown_unit finding for each unattributed file no unit already reports."""
    seen = {f.get("file") for v in views for f in v.findings if f.get("rule") == "unknown_unit"}
    return [{"rule": "unknown_unit", "severity": "warning", "file": path, "evidence": [],
             "message": f"文件“{shown_path(path)}”无法确定报送单位，请人工核对。"}
            for path in records.get("unknown_files") or [] if path not in seen]


# ---------------------------------------------------------------- 文件, 未报送

def _write_files(ws: Worksheet, styles: Styles, records: dict[str, Any], units: int) -> None:
    files = records.get("files") or []
    later = superseding_files(files)
    rows = [(*file_row(f, later.get(f.get("path") or ""), NO_UNIT), assigned_cell(f)) for f in files]
    marks: dict[tuple[int, int], Mark] = {}
    for row, values in enumerate(rows):
        if values[3] == "无法读取":
            marks[row, 3] = ERROR_MARK
        elif values[3] != "正常":
            marks[row, 3] = WARNING_MARK
        if values[1] == NO_UNIT:
            marks[row, 1] = WARNING_MARK
    write_table(ws, styles, (*FILE_HEADERS, ASSIGNED), rows, marks, FILE_CAPS + (ASSIGNED_CAP,))
    add_unit_choices(ws, len(FILE_HEADERS), len(rows), units)


def _write_missing(ws: Worksheet, styles: Styles, views: list[UnitView],
                   records: dict[str, Any]) -> None:
    rows: list[tuple[Any, ...]] = [(v.name, "", "名单内单位，未收到任何材料" if v.on_roster
                                    else "未收到任何材料") for v in views if v.missing]
    rows += [(NO_UNIT, shown_path(path), "无法确定报送单位，请人工核对后归入相应单位")
             for path in records.get("unknown_files") or []]
    write_table(ws, styles, MISSING_HEADERS, [(i, *r) for i, r in enumerate(rows, start=1)])


# ---------------------------------------------------------------- 评分, 统计图

def _write_scores(ws: Worksheet, styles: Styles, views: list[UnitView]) -> None:
    rows: list[tuple[Any, ...]] = []
    marks: dict[tuple[int, int], Mark] = {}
    for v in views:
        items = [i for i in v.record.get("score_items") or [] if isinstance(i, dict)]
        if not items and v.record.get("score") is None:
            continue
        rows += [(v.name, i.get("item"), i.get("points"), i.get("criterion"), i.get("score"),
                  i.get("basis")) for i in items]
        points = sum(i.get("points") or 0 for i in items) if items else None
        grade = v.record.get("grade")
        rows.append((v.name, "合计", points, "", v.record.get("score"),
                     f"等级：{grade}" if grade else ""))
        marks.update(((len(rows) - 1, col), TOTAL_MARK) for col in range(len(SCORE_HEADERS)))
    write_table(ws, styles, SCORE_HEADERS, rows, marks, SCORE_CAPS)


def _write_chart(wb: Workbook, ws: Worksheet, styles: Styles, views: list[UnitView]) -> None:
    """Cases per unit that sent material, as a table and a column chart beside it."""
    sent = [v for v in views if not v.missing]
    rows = [(v.name, _int_or_none((v.record.get("fields") or {}).get("cases_total"))) for v in sent]
    write_table(ws, styles, CHART_HEADERS, rows)
    if not rows:
        return
    chart = wb.add_chart({"type": "column"})
    sheet, last = f"'{ws.get_name()}'", len(rows) + 1
    chart.add_series({"name": f"={sheet}!$B$1", "categories": f"={sheet}!$A$2:$A${last}",
                      "values": f"={sheet}!$B$2:$B${last}"})
    chart.set_title({"name": "各单位以案释法典型案例数"})
    chart.set_x_axis({"name": "单位"})
    chart.set_y_axis({"name": "案例数"})
    chart.set_legend({"none": True})
    width_cm = min(max(16.0, 1.2 * len(rows)), 60.0)
    chart.set_size({"width": _cm_to_pixels(width_cm), "height": _cm_to_pixels(9.0)})
    ws.insert_chart("D2", chart, {"object_position": 2})  # moves with its cell, keeps its size


def _cm_to_pixels(cm: float) -> int:
    return round(cm / 2.54 * 96)


def _int_or_none(value: Any) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
