"""One YAML of the year's facts (``samples/年度.yaml``) for the check, the notices and every draft.

The clerk writes the office's name, the year, the submission deadline, the contact, the
发文字号 prefix … once; each document's config is derived from it, so the plan's
deadline, the check's deadline and the notices' deadline cannot differ.  A section named
after a document (``notice:``, ``circular:``, ``plan:``, ``self_inspection:``) adds or
overrides that document's own keys (the keys of ``outputs.draft_config.SCHEMAS``).

A file without any of the year file's own keys is an old per-document YAML and is read
as before.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container
from typing import Any

from forms.config import ConfigError, expect, reject_unknown

SECTIONS = ("notice", "circular", "plan", "self_inspection")
# Top-level keys of a year file; those also in a document's schema pass straight into it.
YEAR_KEYS = {"year", "region", "office", "office_short", "masthead", "doc_prefix", "deadline",
             "contact", "basis", "cc", "issuer", "layout", "reply_days", "superior",
             "units", "min_cases", "min_study_sessions"}
MARKERS = {"doc_prefix", "deadline", "office_short", "reply_days", "superior", *SECTIONS}
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
REPLY_DAYS = 7  # 整改通知 to reply: this many days after the notice's date, unless given


def is_year_file(data: dict[str, Any]) -> bool:
    return isinstance(data, dict) and bool(MARKERS & set(data))


def year_of(data: dict[str, Any], source: str) -> int | None:
    year = data.get("year")
    return None if year is None else expect(source, "year", year, int, "年份（整数），如 2023")


def parse_date(source: str, key: str, value: Any) -> str:
    """A date as the clerk writes it (2022-12-09, 2022年12月9日, a YAML date) in ISO form."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    match = _CN_DATE.match(text or "")
    try:
        if match:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
        return dt.date.fromisoformat(text or "").isoformat()
    except ValueError:
        raise ConfigError(source, key, f"应为日期，如 2022-12-09 或 2022年12月9日，实际为 {value!r}") from None


def deadline_of(data: dict[str, Any], source: str) -> dt.date | None:
    """The submission deadline (材料报送截止日期) the check applies."""
    value = data.get("deadline")
    return None if value is None else dt.date.fromisoformat(parse_date(source, "deadline", value))


def config_for(data: dict[str, Any], kind: str, source: str, schema: Container[str]) -> dict[str, Any]:
    """The config of document ``kind`` (whose keys are ``schema``) drawn from a year file."""
    reject_unknown(source, "", data, YEAR_KEYS | set(SECTIONS))
    section = data.get(kind) or {}
    expect(source, kind, section, dict, "“键: 值”的映射")
    cfg = {k: v for k, v in data.items() if k in schema and k not in SECTIONS
           and (k != "masthead" or kind == "circular")}  # the red 版头 heads the circular only
    cfg.update(_derived(data, kind, source))
    cfg.update(strip_number(section))
    if kind == "notice" and "office_short" in data and "office" not in section:
        cfg["office"] = data["office_short"]
    return cfg


def _derived(data: dict[str, Any], kind: str, source: str) -> dict[str, Any]:
    """Keys worked out from the year's facts: 发文字号, the plan's phases, recipients."""
    out: dict[str, Any] = {}
    section = data.get(kind) or {}
    number, prefix, year = section.get("number"), data.get("doc_prefix"), data.get("year")
    if number is not None:
        if not prefix or not year:
            raise ConfigError(source, f"{kind}.number", "写了文号序号，还需要 doc_prefix（文号前缀）和 year")
        out["doc_number"] = f"{prefix}〔{year}〕{number}号"
    if kind == "plan" and year and data.get("deadline") and "phases" not in section:
        out["phases"] = plan_phases(int(year), deadline_of(data, source))
    if kind == "self_inspection":
        out.update(_self_inspection_facts(data))
    if kind == "notice" and "reply_deadline" not in section and section.get("date"):
        days = data.get("reply_days", REPLY_DAYS)
        expect(source, "reply_days", days, int, "天数（整数）")
        start = dt.date.fromisoformat(parse_date(source, "notice.date", section["date"]))
        out["reply_deadline"] = (start + dt.timedelta(days=days)).isoformat()
    return out


def _self_inspection_facts(data: dict[str, Any]) -> dict[str, Any]:
    """What the office's own report tells of its year: the plan, the deadline, the notices."""
    out: dict[str, Any] = {}
    plan, notice = data.get("plan") or {}, data.get("notice") or {}
    if data.get("superior"):
        out["recipients"] = data["superior"]
    if data.get("deadline"):
        out["deadline"] = data["deadline"]
    if plan.get("date"):
        out["plan_date"] = plan["date"]
    if plan.get("number") is not None and data.get("doc_prefix") and data.get("year"):
        out["plan_doc_number"] = f"{data['doc_prefix']}〔{data['year']}〕{plan['number']}号"
    if notice.get("date"):
        out["notice_date"] = notice["date"]
    if notice.get("reply_deadline"):
        out["reply_deadline"] = notice["reply_deadline"]
    return out


def plan_phases(year: int, deadline: dt.date | None) -> list[dict[str, str]]:
    """The default phases, the 自查自评 phase ending on the check's deadline."""
    from outputs.draft_text import PLAN_PHASES

    phases = [{"name": n, "start": f"{year}-{s}", "end": f"{year}-{e}", "text": t}
              for n, s, e, t in PLAN_PHASES]
    if deadline is not None:
        own = phases[1]
        own["end"] = deadline.isoformat()
        own["start"] = min(own["start"], own["end"])
        review = phases[2]
        review["start"] = (deadline + dt.timedelta(days=1)).isoformat()
        review["end"] = max(review["end"], review["start"])
    return phases


def strip_number(section: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in section.items() if k != "number"}


def check_notice_dates(cfg: dict[str, Any], run_date: dt.date, source: str) -> None:
    """A reply deadline before the notice's own date is a config error."""
    reply = cfg.get("reply_deadline")
    if not reply:
        return
    dated = dt.date.fromisoformat(cfg["date"]) if cfg.get("date") else run_date
    if dt.date.fromisoformat(reply) < dated:
        how = "通知日期" if cfg.get("date") else "通知日期（未写 date，即检查当天）"
        raise ConfigError(source, "reply_deadline",
                          f"回复期限 {reply} 早于{how} {dated.isoformat()}，请写明通知日期（date）或改正回复期限")


def check_settings(path: Any) -> tuple[int | None, dt.date | None]:
    """(year, deadline) a year file gives ``pufa check``; (None, None) for an old notice YAML."""
    from forms.config import load_yaml

    data = load_yaml(path)
    if not is_year_file(data):
        return None, None
    return year_of(data, str(path)), deadline_of(data, str(path))
