"""Chinese names the writers show for codes of SPEC §2, §3 and §4."""
from __future__ import annotations

from typing import Any

DOC_TYPE_NAMES: dict[str, str] = {
    "annual_report": "履职报告",
    "self_inspection": "自查报告",
    "duty_list": "普法责任清单",
    "case_report": "以案释法典型案例",
    "plan": "普法工作计划",
    "stats_form": "统计表",
    "other": "其他材料",
}

# SPEC §3 field key -> ledger column header.
FIELD_HEADERS: dict[str, str] = {
    "year": "年度",
    "doc_type": "材料类型",
    "date": "成文日期",
    "leading_group": "领导小组",
    "leader_in_charge": "分管领导",
    "staff_assigned": "专人负责",
    "duty_list": "责任清单",
    "cases_total": "以案释法案例数",
    "cases_by_quarter": "分季度案例",
    "activities": "普法活动(场次)",
    "materials": "宣传资料(份)",
    "consultations": "法律咨询(人次)",
    "audience": "受教育群众(人次)",
    "study_sessions": "集体学法(次)",
    "new_media": "新媒体渠道",
    "budget": "经费纳入预算",
    "sections": "报告章节",
}
BOOL_FIELDS = frozenset({"leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget"})
NOT_STATED = "未提及"

# SPEC §4 rule code -> a short title for summaries (the full sentence is the finding's message).
RULE_TITLES: dict[str, str] = {
    "missing_submission": "未报送材料",
    "unreadable_file": "文件无法读取",
    "unknown_unit": "无法确定报送单位",
    "cases_below_min": "以案释法案例不足",
    "quarter_without_case": "有季度未报送案例",
    "no_duty_list": "未制定普法责任清单",
    "no_leading_group": "未明确普法领导小组",
    "no_leader_in_charge": "未明确分管领导",
    "no_staff_assigned": "未明确专人负责",
    "no_new_media": "未运用新媒体普法",
    "study_below_min": "集体学法次数不足",
    "missing_section": "报告缺少章节",
    "too_thin": "报告内容单薄",
    "late_submission": "逾期报送",
    "duplicate_content": "报告内容雷同",
}

SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "提醒"}


def doc_type_name(code: str | None) -> str:
    """The Chinese name of a doc type code; unknown codes are shown as they are."""
    if not code:
        return "未识别"
    return DOC_TYPE_NAMES.get(code, code)


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
