"""Drafting the office's documents from records.json and its YAML: 通报, 实施方案, 自查报告.

Each ``*_context`` function builds the plain dict its template is filled with (figures
from ``outputs.figures``, wording from the config or ``outputs.draft_text``); each
``draft_*`` renders it in 公文 format and returns the path written.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

from outputs import draft_text as text
from outputs.circular_text import graded_units, grades_phrase, praise_item, score_rows
from outputs.draft_config import load_draft_config, validate_draft_config
from outputs.draft_history import comparison_item, repeated_item
from outputs.figures import (cn_date, grade_counts, problems, requirement_counts, submitted_units,
                             totals_sentence)
from outputs.gongwen import layout_from_mapping
from outputs.plan_rubric import rubric_rows
from outputs.render import render_docx
from templates import template_path

__all__ = ["draft_circular", "draft_plan", "draft_self_inspection", "load_draft_config",
           "circular_context", "plan_context", "self_inspection_context"]

CN_ORDINALS = "一二三四五六七八九十"


def draft_circular(records: dict[str, Any], config: dict[str, Any], out: Path) -> Path:
    """The annual 履职评议情况通报, written to ``out``."""
    cfg = validate_draft_config(config, "circular")
    return _render("circular", cfg, circular_context(records, cfg), out)


def draft_plan(config: dict[str, Any], out: Path) -> Path:
    """The 评议活动实施方案 launching the year's evaluation, written to ``out``."""
    cfg = validate_draft_config(config, "plan")
    return _render("plan", cfg, plan_context(cfg), out)


def draft_self_inspection(records: dict[str, Any], config: dict[str, Any], out: Path) -> Path:
    """The office's 自查报告 to the level above, written to ``out``."""
    cfg = validate_draft_config(config, "self_inspection")
    return _render("self_inspection", cfg, self_inspection_context(records, cfg), out)


def _render(kind: str, cfg: dict[str, Any], context: dict[str, Any], out: Path) -> Path:
    layout = layout_from_mapping(cfg["layout"], "配置") if cfg["layout"] else None
    template = Path(cfg["template"]) if cfg["template"] else template_path(kind)
    return render_docx(template, context, Path(out), layout)


# --- shared pieces ----------------------------------------------------------------------

def common_context(cfg: dict[str, Any], year: int, default_masthead: bool = False) -> dict[str, Any]:
    """版头, 发文字号, 署名, 成文日期 and the 版记 every template has."""
    office = cfg["office"]
    masthead = cfg["masthead"]
    if masthead is None:
        masthead = f"{office}文件" if default_masthead else ""
    date = cfg["date"] or dt.date.today()
    return {
        "masthead": masthead,
        "doc_number": cfg["doc_number"] or f"××普法办发〔{year}〕×号",
        "office": office,
        "date_cn": cn_date(date),
        "recipients": cfg.get("recipients", ""),
        "cc": "，".join(cfg["cc"]),  # 抄送机关 (GB/T 9704 §7.4.2: ，between, 。 after the last)
        "issuer": cfg["issuer"] or office,
        "issue_date_cn": cn_date(cfg["issue_date"] or date),
    }


def attachments(names: list[str]) -> tuple[list[dict[str, str]], list[str]]:
    """附件说明 lines (“附件：1.名称”, then “　　　2.名称”) and the marks 附件1/附件2 (or 附件)."""
    if len(names) == 1:
        return [{"line": f"附件：{names[0]}"}], ["附件"]
    lines = [{"line": ("附件：" if i == 1 else "\u3000" * 3) + f"{i}.{name}"}
             for i, name in enumerate(names, 1)]
    return lines, [f"附件{i}" for i in range(1, len(names) + 1)]


def items(given: list[dict[str, str]] | None, defaults: Iterable[tuple[str, str]],
          **values: Any) -> list[dict[str, str]]:
    """The config's items, or the default ones with ``{…}`` filled from ``values``."""
    if given is not None:
        return [dict(i) for i in given]
    return [{"title": t.format(**values), "text": x.format(**values)} for t, x in defaults]


def table(name: str, mark: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"mark": mark, "title": name, "rows": [{"no": i, **r} for i, r in enumerate(rows, 1)]}


def score_text(score: Any) -> str:
    if score is None:
        return "—"
    return str(int(score)) if float(score).is_integer() else f"{float(score):.1f}"


def basis_text(cfg: dict[str, Any], year: int) -> str:
    return cfg.get("basis") or \
        f"《{cfg['region']}{year}年度国家机关“谁执法谁普法”履职报告评议活动实施方案》"


def _year(cfg: dict[str, Any], records: dict[str, Any] | None) -> int:
    if cfg["year"]:
        return cfg["year"]
    if records and records.get("year"):
        return int(records["year"])
    return dt.date.fromisoformat(cfg["date"]).year if cfg["date"] else dt.date.today().year


def _overview(records: dict[str, Any], units: list[dict[str, Any]], cfg: dict[str, Any],
              missing_note: str, graded: list[dict[str, Any]] | None = None) -> list[dict[str, str]]:
    """基本情况 items: who reported, what they did, who meets each requirement; ``graded``
    (the circular's): every unit with its grade, those that sent nothing included."""
    missing = records.get("missing_units") or []
    roster_n = len(records.get("roster") or []) or len(units) + len(missing)
    files_n = sum(len(u.get("files") or []) for u in units)
    first = f"本次评议共涉及{roster_n}个单位，{len(units)}个单位报送了履职材料{files_n}份"
    first += f"，{len(missing)}个单位未报送{missing_note}。" if missing else "。"
    if grade_counts(units):
        phrase = grades_phrase(graded or units)
        first += f"经评议，评定等次为：{phrase}{cfg.get('score_note', '')}。"
    result = [{"title": "评议开展情况。", "text": first}]
    praise = praise_item(units) if graded else None
    if praise:
        result.append(praise)
    if not units:
        return result
    done = totals_sentence(units)
    if done:
        result.append({"title": "普法工作成效。", "text": f"各单位全年共{done}。"})
    counts = requirement_counts(units, cfg)
    met = "，".join(f"{c['count']}个单位{c['label']}" for c in counts)
    result.append({"title": "责任落实情况。", "text": f"在报送材料的{len(units)}个单位中，{met}。"})
    return result


# --- 通报 -------------------------------------------------------------------------------

def circular_context(records: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    cfg = validate_draft_config(config, "circular")
    year = _year(cfg, records)
    units = submitted_units(records)
    missing = records.get("missing_units") or []
    names = [f"{year}年度各单位履职评议得分情况表"]
    if missing:
        names.append(f"未报送{year}年度履职材料单位名单")
    lines, marks = attachments(names)
    missing_note = "（名单见附件2）" if missing else ""
    ctx = common_context(cfg, year, default_masthead=True)
    region = cfg["region"]
    requirements = items(cfg["requirements"], text.CIRCULAR_REQUIREMENTS, **cfg)
    if cfg["reply_deadline"]:
        requirements.append({"title": "抓好问题整改。", "text": (
            f"对本通报指出的问题，相关单位要认真对照整改，于{cn_date(cfg['reply_deadline'])}前将整改情况"
            f"书面报送{cfg['office']}。")})
    found = problems(records, cfg["name_units"], missing_note)
    ctx.update({
        "title": cfg["title"] or f"{year}年{region}落实国家机关\n“谁执法谁普法”责任制履职评议情况通报",
        "opening": f"根据{basis_text(cfg, year)}，现将{year}年落实国家机关“谁执法谁普法”普法责任制"
                   "履职评议情况通报如下：",
        "basics": _overview(records, units, {**cfg, "score_note": "（详见附件1）"}, missing_note,
                            graded_units(units, missing))
        + [i for i in (comparison_item(records),) if i]  # against last year, with --history only
        + [dict(i) for i in cfg["highlights"]],
        "problems_intro": "评议中也发现，部分单位落实普法责任制还存在一些问题，主要有：" if found
        else "本次评议未发现突出问题。",
        "problems": [{"title": p["title"] + "。", "text": p["text"]} for p in found]
        + [i for i in (repeated_item(records),) if i],  # 连续两年, with --history only
        "requirements_intro": "接下来，各单位要从以下方面着手，进一步提升普法责任制落实实效。",
        "requirements": requirements,
        "attachments": lines,
        "score_table": table(names[0], marks[0], score_rows(units, missing, score_text)),
        "missing_table": table(names[1], marks[1], [{"unit": m, "note": "未报送履职材料"}
                                                    for m in missing]) if missing else None,
    })
    return ctx


# --- 实施方案 ----------------------------------------------------------------------------

def plan_context(config: dict[str, Any]) -> dict[str, Any]:
    cfg = validate_draft_config(config, "plan")
    year = _year(cfg, None)
    region, office = cfg["region"], cfg["office"]
    place = region or "本地区"
    phases = cfg["phases"] or [
        {"name": name, "start": f"{year}-{start}", "end": f"{year}-{end}", "text": body}
        for name, start, end, body in text.PLAN_PHASES]
    for phase in phases:
        phase["text"] = phase["text"].replace("{end}", cn_date(phase["end"])).replace("{office}", office)
    names = [f"{year}年度评议工作时间安排表"] + (["评议单位名单"] if cfg["units"] else []) + ["评分细则"]
    lines, marks = attachments(names)
    rubric, grades = rubric_rows()
    units_note = f"（共{len(cfg['units'])}个，名单见附件2）" if cfg["units"] else ""
    ctx = common_context(cfg, year)
    ctx.update({
        "title": cfg["title"] or f"{region}{year}年度国家机关“谁执法谁普法”\n履职报告评议活动实施方案",
        "opening": text.PLAN_OPENING.format(place=region or "我区"),
        "guiding": cfg["guiding"] or text.PLAN_GUIDING,
        "goals": cfg["goals"] or text.PLAN_GOALS.format(place=region),
        "targets": cfg["targets"] or text.PLAN_TARGETS.format(place=place, units_note=units_note),
        "contents": items(cfg["contents"], text.PLAN_CONTENTS) + [{"title": "评分标准。", "text": (
            f"评议按《评分细则》（见{marks[-1]}）逐项评分，{grades}")}],
        "phases": [{"heading": f"（{CN_ORDINALS[i % 10]}）{p['name']}（{_span(p)}）",
                    "text": p["text"]} for i, p in enumerate(phases)],
        "requirements": items(cfg["requirements"], text.PLAN_REQUIREMENTS),
        "contact": contact_line(cfg["contact"]),
        "attachments": lines,
        "schedule_table": table(names[0], marks[0], [
            {"name": p["name"], "time": _span(p), "text": p["text"]} for p in phases]),
        "units_table": table(names[1], marks[1], [{"unit": u} for u in cfg["units"]])
        if cfg["units"] else None,
        "rubric_table": table(names[-1], marks[-1], rubric),
    })
    return ctx


def _span(phase: dict[str, str]) -> str:
    """“2023年3月1日至3月31日” (the year once when both dates share it)."""
    start, end = cn_date(phase["start"]), cn_date(phase["end"])
    if phase["start"][:4] == phase["end"][:4]:
        end = end[5:]
    return f"{start}至{end}"


# --- 自查报告 ----------------------------------------------------------------------------

def self_inspection_context(records: dict[str, Any], config: dict[str, Any]) -> dict[str, Any]:
    """The office's report on its own work (``outputs.self_report``), not the circular again."""
    from outputs import self_report as report

    cfg = validate_draft_config(config, "self_inspection")
    year = _year(cfg, records)
    units = submitted_units(records)
    names = [f"{year}年度各单位普法履职情况统计表"]
    lines, marks = attachments(names)
    ctx = common_context(cfg, year)
    ctx.update({
        "title": cfg["title"] or f"关于{year}年度“谁执法谁普法”\n履职报告评议工作的自查报告",
        "opening": text.SELF_OPENING.format(year=year, place=cfg["region"] or "本地区"),
        "organising": report.organising(records, cfg, year, basis_text(cfg, year)),
        "training": report.training(cfg),
        "results": report.results(records, cfg),
        "shortcomings": report.shortcomings(records),
        "plans": report.follow_up(cfg),
        "attachments": lines,
        "units_table": table(names[0], marks[0], _unit_rows(units)),
    })
    return ctx


def _unit_rows(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def figure(u: dict[str, Any], key: str) -> str:
        value = (u.get("fields") or {}).get(key)
        return "—" if value is None else str(value)

    return [{"unit": u["unit"], "cases": figure(u, "cases_total"), "activities": figure(u, "activities"),
             "score": score_text(u.get("score")), "grade": u.get("grade") or "—"} for u in units]


def contact_line(contact: str) -> str:
    """“联系人：张三，电话：…” (the label added when the config leaves it out)."""
    return contact if not contact or contact.startswith("联系") else f"联系人：{contact}"
