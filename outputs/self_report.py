"""The office's 自查报告 to the level above: its own work on the year's evaluation.

Not a second copy of the circular: how the office organised the evaluation (the plan,
the deadline, the review, the notices it sent), the training it gave, the results in
brief, its own shortcomings and the follow-up.  Facts come from the year file
(``samples/年度.yaml``: plan 文号 and date, deadline, notice date, reply deadline,
trainings) and from records.json; the level above is not told unit names.
"""
from __future__ import annotations

from typing import Any

from outputs.circular_text import graded_units, grades_phrase
from outputs.figures import (amount, cn_date, grade_counts, problems, submitted_units, totals,
                             units_by_rule)
from outputs.records import open_findings

OWN_SHORTCOMINGS = (
    "评议主要依靠书面材料审核，实地督查覆盖面还不够，对部分单位日常普法工作情况掌握不够全面",
    "对报送材料的日常指导还不够及时，少数单位对报送要求理解不一致，材料规范程度有待提高",
)
FOLLOW_UP = (
    ("督促问题整改。", "对发出整改通知的单位逐一跟踪，{reply}对整改不到位的单位进行约谈、再督促，确保问题整改到位。"),
    ("通报评议结果。", "在全区范围内通报评议结果，对评定为优秀等次的单位予以表扬，并将评议结果纳入年度法治建设绩效考核。"),
    ("加强业务指导。", "针对评议中发现的共性问题，组织专题培训，规范履职报告、普法责任清单和以案释法案例的报送要求。"),
    ("完善评议机制。", "结合本年度评议情况修订评分细则，探索书面审核与实地督查相结合的评议方式，提升评议工作实效。"),
)


def organising(records: dict[str, Any], cfg: dict[str, Any], year: int, basis: str) -> list[dict[str, str]]:
    """一、组织开展情况: the plan, the deadline, who reported, the review and the notices."""
    units = submitted_units(records)
    missing = records.get("missing_units") or []
    roster_n = len(records.get("roster") or []) or len(units) + len(missing)
    plan = basis + (f"（{cfg['plan_doc_number']}）" if cfg.get("plan_doc_number") else "")
    when = f"{cn_date(cfg['plan_date'])}，" if cfg.get("plan_date") else "年初，"
    deadline = cfg.get("deadline") or records.get("deadline")
    by = f"于{cn_date(deadline)}前" if deadline else "按时"
    files_n = sum(len(u.get("files") or []) for u in units)
    items = [
        {"title": "精心部署。", "text": (
            f"{when}我办印发{plan}，将{roster_n}个承担普法责任的国家机关纳入评议范围，明确评议内容、"
            f"评分细则和时间安排，要求各单位{by}报送{year}年度履职报告、普法责任清单、以案释法典型案例等材料。")},
        {"title": "逐份审核。", "text": (
            f"共收到{len(units)}个单位报送的材料{files_n}份"
            + (f"，{len(missing)}个单位未按要求报送" if missing else "")
            + "。我办对照评分细则逐份审核材料，逐项核实领导小组、责任清单、以案释法、集体学法、新媒体普法等内容，"
              "对每个单位评分定等。")},
    ]
    notices = _notices_sentence(records, cfg)
    if notices:
        items.append({"title": "督促补报整改。", "text": notices})
    return items


def _notices_sentence(records: dict[str, Any], cfg: dict[str, Any]) -> str:
    missing = units_by_rule(records).get("missing_submission", [])  # a dismissed one is sent nothing
    fix = sum(1 for u in submitted_units(records) if open_findings(u))
    if not fix and not missing:
        return ""
    parts = ([f"向{fix}个材料存在问题的单位发出整改通知"] if fix else []) + \
        ([f"向{len(missing)}个未报送材料的单位发出补报通知"] if missing else [])
    when = f"{cn_date(cfg['notice_date'])}，" if cfg.get("notice_date") else "审核后，"
    reply = f"，要求于{cn_date(cfg['reply_deadline'])}前报送" if cfg.get("reply_deadline") else "，要求限期报送"
    return f"{when}我办" + "、".join(parts) + f"{reply}整改情况或补报材料。"


def training(cfg: dict[str, Any]) -> list[dict[str, str]]:
    """二、培训指导情况: the year file's trainings, then the office's other guidance."""
    items = [{"title": "", "text": (f"{cn_date(t['date'])}，" if t["date"] else "") + t["text"]}
             for t in cfg.get("trainings") or []]
    items += [dict(i) for i in cfg.get("practices") or []]
    if not items:
        items.append({"title": "", "text": "通过工作群、电话等方式解答各单位在材料报送中遇到的问题，统一报送要求。"})
    return items


def results(records: dict[str, Any], cfg: dict[str, Any]) -> list[dict[str, str]]:
    """三、评议结果: the grades in brief and the year's headline figures (details attached)."""
    units = submitted_units(records)
    missing = records.get("missing_units") or []
    text = ""
    if grade_counts(units):
        text = f"经评议，评定等次为：{grades_phrase(graded_units(units, missing))}（详见附件）。"
    sums = totals(units)
    figures = [f"{what}{amount(sums[key])}{word}" for key, what, word in (
        ("cases_total", "报送以案释法典型案例", "个"), ("activities", "开展普法宣传活动", "场次"))
        if sums.get(key) is not None]
    if figures:
        text += "各单位全年共" + "，".join(figures) + "。"
    return [{"title": "", "text": text or "本年度暂无评议结果。"}]


def shortcomings(records: dict[str, Any]) -> list[dict[str, str]]:
    """四、存在的问题: the office's own, then what the units most often lack (no names)."""
    found = problems(records, name_units=False)
    common = "；".join(p["title"] for p in sorted(found, key=lambda p: -p["count"])[:3])
    items = [{"title": "", "text": f"{'一二三'[i]}是{text}。"} for i, text in enumerate(OWN_SHORTCOMINGS)]
    if common:
        items.append({"title": "", "text": f"三是从评议情况看，{common}，需要在今后工作中加强指导。"})
    return items


def follow_up(cfg: dict[str, Any]) -> list[dict[str, str]]:
    """五、下一步打算: the config's plans, else the follow-up of this year's evaluation."""
    if cfg.get("plans") is not None:
        return [dict(i) for i in cfg["plans"]]
    reply = f"{cn_date(cfg['reply_deadline'])}后" if cfg.get("reply_deadline") else "整改期限届满后"
    return [{"title": t, "text": x.format(reply=reply)} for t, x in FOLLOW_UP]
