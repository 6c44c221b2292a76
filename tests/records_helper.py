"""A realistic records.json dict (BRIEF shape) for the drafting and notice tests.

Six units reported (scores, grades, findings with evidence; one with a hostile name),
one sent nothing.  ``HOSTILE`` is text that must come out of every document literally.
"""
from __future__ import annotations

import copy
from typing import Any

HOSTILE = "=HYPERLINK(\"http://x\",\"点我\") & <b>{{ 7*7 }}</b> {% if 1 %}x{% endif %} {_{y}_}"
HOSTILE_UNIT = "{{7*7}}区<测试>&局"

FIELD_DEFAULTS: dict[str, Any] = {
    "unit": None, "year": 2022, "doc_type": "annual_report", "date": "2022-11-28",
    "leading_group": True, "leader_in_charge": True, "staff_assigned": True, "duty_list": True,
    "cases_total": 4, "cases_by_quarter": None, "activities": 20, "materials": 5000,
    "consultations": 300, "audience": 2000, "study_sessions": 2, "new_media": ["微信公众号"],
    "budget": True, "sections": ["基本情况", "主要做法", "存在问题", "下一步打算"],
}


def evidence(file: str, where: str, quote: str) -> dict[str, str]:
    return {"file": file, "where": where, "quote": quote}


def finding(unit: str, rule: str, message: str, file: str | None = None,
            ev: list[dict[str, str]] | None = None, severity: str = "warning") -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "message": f"{unit}{message}", "file": file,
            "evidence": ev or []}


def unit(name: str, score: float | None, grade: str | None, findings: list[dict[str, Any]],
         **fields: Any) -> dict[str, Any]:
    path = f"{name}/2022年度普法履职报告.docx"
    return {"unit": name, "on_roster": True, "files": [path, f"{name}/以案释法案例.docx"],
            "fields": {**FIELD_DEFAULTS, "unit": name, **fields}, "evidence": {},
            "findings": findings, "score": score, "grade": grade, "score_items": []}


def make_records() -> dict[str, Any]:
    edu, tax = "区教育局", "区税务局"
    edu_file = f"{edu}/2022年度普法履职报告.docx"
    units = [
        unit("区市场监督管理局", 96, "优秀", [], cases_total=12, activities=35, materials=52000,
             consultations=800, audience=6000, study_sessions=4),
        unit("区人力资源和社会保障局", 88.5, "良好", [
            finding("区人力资源和社会保障局", "quarter_without_case", "第三季度报送以案释法典型案例少于1个。")],
            cases_total=5, activities=20, materials=50000, consultations=1200, audience=12000),
        unit(edu, 42, "不合格", [
            finding(edu, "cases_below_min", "全年以案释法典型案例仅报送2个（要求全年不少于4个），请补报典型案例。",
                    edu_file, [evidence(edu_file, "第3段", "全年共报送以案释法典型案例2个")], "error"),
            finding(edu, "no_duty_list", "未报送普法责任清单，报告中也未说明已制定。", None,
                    [evidence(edu_file, "第5段", "普法责任清单正在制定中")], "error"),
            finding(edu, "no_new_media", "报送材料中未见运用新媒体开展普法。"),
        ], cases_total=2, duty_list=False, new_media=[], activities=8, materials=1500,
            consultations=None, audience=None, study_sessions=1, leading_group=False),
        unit(tax, 79, "合格", [
            finding(tax, "cases_below_min", "全年以案释法典型案例仅报送3个（要求全年不少于4个），请补报典型案例。",
                    f"{tax}/案例.docx", [evidence(f"{tax}/案例.docx", "第1段", HOSTILE)], "error"),
        ], cases_total=3, activities=18, materials=7000, consultations=2200, audience=None,
            budget=None),
        unit(HOSTILE_UNIT, 85, "良好", [
            finding(HOSTILE_UNIT, "no_new_media", "报送材料中未见运用新媒体开展普法。")],
            new_media=[], activities=None, materials=None),
        unit("区应急管理局", None, None, [
            finding("区应急管理局", "late_submission", "报送的《报告》落款日期为2022-12-12，晚于报送截止日期2022-12-10。",
                    "区应急管理局/报告.docx", [], "error")], cases_total=6),
    ]
    units.append({"unit": "区民政局", "on_roster": True, "files": [], "fields": {}, "evidence": {},
                  "findings": [finding("区民政局", "missing_submission", "未报送普法履职报告等材料。",
                                       severity="error")],
                  "score": None, "grade": None, "score_items": []})
    return {
        "schema": "pufa.records/1", "year": 2022, "generated_at": "2022-12-11T09:30:00+08:00",
        "inbox": "/tmp/inbox", "deadline": "2022-12-10",
        "roster": [u["unit"] for u in units],
        "files": [], "units": units, "missing_units": ["区民政局"], "unknown_files": [],
    }


def without_missing(records: dict[str, Any]) -> dict[str, Any]:
    """The same records with every unit having reported."""
    r = copy.deepcopy(records)
    r["units"] = [u for u in r["units"] if u["unit"] not in r["missing_units"]]
    r["roster"] = [n for n in r["roster"] if n not in r["missing_units"]]
    r["missing_units"] = []
    return r


def submitted(records: dict[str, Any]) -> list[dict[str, Any]]:
    return [u for u in records["units"] if u["files"]]
