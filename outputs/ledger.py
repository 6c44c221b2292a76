"""台账.xlsx: the clerk's ledger built from the records dict (SPEC §5, §7).

Sheets: 汇总 (a row per unit, failing cells filled), 问题清单 (a row per finding),
文件 (each received file and its status), 未报送 (units that sent nothing, files
of no unit), 评分 (考核项目 | 分值 | 评分标准 | 得分 | 依据) and 统计图 (cases per unit).
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from forms.base import DOC_TYPES
from outputs.labels import (BOOL_FIELDS, FIELD_HEADERS, RULE_TITLES, SEVERITY_NAMES,
                            doc_type_name)
from outputs.atomic import save_atomic
from outputs.xlsx_style import (ERROR_FILL, SEVERITY_FILLS, TOTAL_FONT, WARNING_FILL,
                                fill_row, write_table)

log = logging.getLogger(__name__)

NOT_STATED = "未提及"
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
FINDING_HEADERS = ("单位", "规则代码", "问题（中文说明）", "严重程度", "文件", "位置", "原文依据")
FILE_HEADERS = ("文件路径", "单位", "材料类型", "状态", "错误代码", "错误说明", "SHA256", "大小")
MISSING_HEADERS = ("序号", "单位名称", "文件", "说明")
SCORE_HEADERS = ("单位", "考核项目", "分值", "评分标准", "得分", "依据")
CHART_HEADERS = ("单位", "以案释法案例数")


@dataclass
class UnitView:
    """One 汇总 row: the unit's record (or a stub for a unit that sent nothing)."""

    name: str
    record: dict[str, Any]
    on_roster: bool | None  # None when no roster was given
    missing: bool
    findings: list[dict[str, Any]] = field(default_factory=list)


def write_ledger(records: dict[str, Any], path: Path) -> Path:
    """Write 台账.xlsx for ``records`` to ``path`` atomically and return the path."""
    wb = build_workbook(records)
    return save_atomic(wb, Path(path))


def build_workbook(records: dict[str, Any]) -> Workbook:
    views = unit_views(records)
    wb = Workbook()
    year = records.get("year")
    wb.properties.title = f"{year}年度普法履职材料台账" if year else "普法履职材料台账"
    wb.properties.creator = "pufa"
    _write_summary(wb.active, views, records)
    _write_findings(wb.create_sheet("问题清单"), views, records)
    _write_files(wb.create_sheet("文件"), records)
    _write_missing(wb.create_sheet("未报送"), views, records)
    _write_scores(wb.create_sheet("评分"), views)
    _write_chart(wb.create_sheet("统计图"), views)
    return wb


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

def _write_summary(ws: Worksheet, views: list[UnitView], records: dict[str, Any]) -> None:
    ws.title = "汇总"
    files = {f.get("path"): f for f in records.get("files") or []}
    keys = [key for key, _ in SUMMARY_COLUMNS]
    write_table(ws, [h for _, h in SUMMARY_COLUMNS],
                ([_summary_value(v, key, files) for key in keys] for v in views))
    for row, view in enumerate(views, start=2):
        if view.missing:
            fill_row(ws, row, len(keys), ERROR_FILL)
            continue
        for key, severity in _failing_cells(view).items():
            ws.cell(row=row, column=keys.index(key) + 1).fill = SEVERITY_FILLS[severity]


def _summary_value(view: UnitView, key: str, files: dict[str, dict[str, Any]]) -> Any:
    fields = view.record.get("fields") or {}
    if key == "unit":
        return view.name
    if key == "on_roster":
        return "无名单" if view.on_roster is None else ("是" if view.on_roster else "否")
    if key == "file_count":
        return len(view.record.get("files") or [])
    if key == "doc_type":
        return _doc_types(view, files) or NOT_STATED
    if key == "finding_count":
        return len(view.findings)
    if key == "summary":
        return _finding_summary(view.findings)
    if key in ("score", "grade"):
        return view.record.get(key)
    return format_field(key, fields.get(key))


def format_field(key: str, value: Any) -> Any:
    """A field value as the clerk reads it: 是/否/未提及, lists joined with 、."""
    if key in BOOL_FIELDS:
        return "是" if value is True else "否" if value is False else NOT_STATED
    if value is None or value == [] or value == "":
        return NOT_STATED
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _doc_types(view: UnitView, files: dict[str, dict[str, Any]]) -> str:
    """The kinds of material the unit sent, in SPEC §2 order."""
    codes = {files.get(p, {}).get("doc_type") for p in view.record.get("files") or []}
    codes.add((view.record.get("fields") or {}).get("doc_type"))
    codes.discard(None)
    order = {code: i for i, code in enumerate(DOC_TYPES)}
    return "、".join(doc_type_name(c) for c in sorted(codes, key=lambda c: (order.get(c, 99), str(c))))


def _finding_summary(findings: list[dict[str, Any]]) -> str:
    """Short titles of the unit's findings, repeated rules counted: 报告缺少章节×2."""
    counts = Counter(f.get("rule") for f in findings)
    parts = []
    for rule, n in counts.items():
        title = RULE_TITLES.get(rule) or next(f.get("message") or str(rule)
                                              for f in findings if f.get("rule") == rule)
        parts.append(f"{title}×{n}" if n > 1 else title)
    return "；".join(parts)


def _failing_cells(view: UnitView) -> dict[str, str]:
    """汇总 column key -> worst severity among the findings that point at it."""
    cells: dict[str, str] = {}
    for f in view.findings:
        severity = "error" if f.get("severity") == "error" else "warning"
        key = RULE_COLUMN.get(f.get("rule"), "summary")
        if cells.get(key) != "error":
            cells[key] = severity
    return cells


# ---------------------------------------------------------------- 问题清单

def _write_findings(ws: Worksheet, views: list[UnitView], records: dict[str, Any]) -> None:
    rows = [_finding_row(v.name, f) for v in views for f in v.findings]
    rows += [_finding_row(NO_UNIT, f) for f in _unknown_file_findings(views, records)]
    write_table(ws, FINDING_HEADERS, rows)
    for row, values in enumerate(rows, start=2):
        fill = ERROR_FILL if values[3] == SEVERITY_NAMES["error"] else WARNING_FILL
        ws.cell(row=row, column=4).fill = fill


def _finding_row(unit: str, finding: dict[str, Any]) -> tuple[Any, ...]:
    evidence = [e for e in finding.get("evidence") or [] if isinstance(e, dict)]
    files = [finding["file"]] if finding.get("file") else []
    files += [e["file"] for e in evidence if e.get("file")]
    severity = "error" if finding.get("severity") == "error" else "warning"
    return (unit, finding.get("rule") or "", finding.get("message") or "",
            SEVERITY_NAMES[severity], "\n".join(dict.fromkeys(files)),
            "\n".join(e.get("where") or "" for e in evidence),
            "\n".join(e.get("quote") or "" for e in evidence))


def _unknown_file_findings(views: list[UnitView], records: dict[str, Any]) -> list[dict[str, Any]]:
    """An unknown_unit finding for each unattributed file no unit already reports."""
    seen = {f.get("file") for v in views for f in v.findings if f.get("rule") == "unknown_unit"}
    return [{"rule": "unknown_unit", "severity": "warning", "file": path, "evidence": [],
             "message": f"文件“{path}”无法确定报送单位，请人工核对。"}
            for path in records.get("unknown_files") or [] if path not in seen]


# ---------------------------------------------------------------- 文件, 未报送

def _write_files(ws: Worksheet, records: dict[str, Any]) -> None:
    rows = [_file_row(f) for f in records.get("files") or []]
    write_table(ws, FILE_HEADERS, rows)
    for row, values in enumerate(rows, start=2):
        if values[3] != "正常":
            ws.cell(row=row, column=4).fill = ERROR_FILL
        if values[1] == NO_UNIT:
            ws.cell(row=row, column=2).fill = WARNING_FILL
        ws.cell(row=row, column=8).number_format = '#,##0" 字节"'


def _file_row(f: dict[str, Any]) -> tuple[Any, ...]:
    error = f.get("error") or {}
    ok = f.get("status") == "ok"
    return (f.get("path") or "", f.get("unit") or NO_UNIT,
            doc_type_name(f.get("doc_type")) if ok else "",
            "正常" if ok else "无法读取", error.get("code") or "", error.get("message") or "",
            (f.get("sha256") or "")[:12], f.get("size"))


def _write_missing(ws: Worksheet, views: list[UnitView], records: dict[str, Any]) -> None:
    rows: list[tuple[Any, ...]] = [(v.name, "", "名单内单位，未收到任何材料" if v.on_roster
                                    else "未收到任何材料") for v in views if v.missing]
    rows += [(NO_UNIT, path, "无法确定报送单位，请人工核对后归入相应单位")
             for path in records.get("unknown_files") or []]
    write_table(ws, MISSING_HEADERS, [(i, *r) for i, r in enumerate(rows, start=1)])


# ---------------------------------------------------------------- 评分, 统计图

def _write_scores(ws: Worksheet, views: list[UnitView]) -> None:
    rows: list[tuple[Any, ...]] = []
    totals: list[int] = []
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
        totals.append(len(rows) + 1)
    write_table(ws, SCORE_HEADERS, rows)
    for row in totals:
        for col in range(1, len(SCORE_HEADERS) + 1):
            ws.cell(row=row, column=col).font = TOTAL_FONT


def _write_chart(ws: Worksheet, views: list[UnitView]) -> None:
    """Cases per unit that sent material, as a table and a column chart beside it."""
    sent = [v for v in views if not v.missing]
    rows = [(v.name, _int_or_none((v.record.get("fields") or {}).get("cases_total"))) for v in sent]
    write_table(ws, CHART_HEADERS, rows)
    if not rows:
        return
    chart = BarChart()
    chart.type = "col"
    chart.title = "各单位以案释法典型案例数"
    chart.y_axis.title = "案例数"
    chart.x_axis.title = "单位"
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes otherwise
    chart.legend = None
    chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=len(rows) + 1), titles_from_data=True)
    # Unit names are text: a string reference (set_categories would write a numeric one).
    chart.series[0].cat = AxDataSource(strRef=StrRef(f"'{ws.title}'!$A$2:$A${len(rows) + 1}"))
    chart.width = min(max(16.0, 1.2 * len(rows)), 60.0)
    chart.height = 9.0
    ws.add_chart(chart, "D2")


def _int_or_none(value: Any) -> int | float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
