"""The office's own facts for each draft (YAML), validated when loaded, naming the bad key.

``load_draft_config(path, kind)`` returns a plain dict with every key of ``kind`` filled:
given values checked and normalised (dates to ISO, 发文字号 brackets to 〔〕), the rest
defaults.  Defaults that depend on the year or region (title, 发文字号) stay ``None`` here
and are worked out by the drafting functions.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from forms.config import ConfigError, expect, load_yaml, reject_unknown
from outputs.gongwen import layout_from_mapping
from outputs.year_facts import check_notice_dates, config_for, is_year_file, parse_date

KINDS = ("circular", "plan", "self_inspection", "notice")

_COMMON: dict[str, tuple[str, Any]] = {
    "office": ("str", "××区普法办"),  # 发文机关署名
    "region": ("str", ""),  # 清江区
    "date": ("date", None),  # 成文日期; None: the day of drafting
    "masthead": ("str", None),  # 发文机关标志 (red 版头) “清江区普法办文件”; "" for none
    "doc_number": ("doc_number", None),  # 发文字号
    "title": ("str", None),
    "year": ("int", None),  # None: the records' year (plan: the year of ``date``)
    "layout": ("layout", None),  # overrides of the 公文 profile (outputs.gongwen.Layout)
    "template": ("str", None),  # a clerk's own .docx template instead of the shipped one
    "cc": ("names", []),  # 版记: 抄送机关, one name or a list; none: no 抄送 line
    "issuer": ("str", None),  # 版记: 印发机关; None: the ``office``
    "issue_date": ("date", None),  # 版记: 印发日期; None: the 成文日期 (``date``)
}
SCHEMAS: dict[str, dict[str, tuple[str, Any]]] = {
    "circular": {
        **_COMMON,
        "recipients": ("str", "区直各单位"),  # 主送
        "basis": ("str", None),  # the 实施方案 the evaluation followed
        "name_units": ("bool", False),  # name the units after each problem
        "highlights": ("items", []),  # extra 基本情况 items: {title, text}
        "requirements": ("items", None),  # 三、下一步工作要求; None: the default ones
        "min_cases": ("int", 4),
        "min_study_sessions": ("int", 2),
        "reply_deadline": ("date", None),  # 整改情况报送期限
    },
    "plan": {
        **_COMMON,
        "recipients": ("str", ""),
        "guiding": ("str", None),  # 指导思想
        "goals": ("str", None),  # 工作目标
        "targets": ("str", None),  # 评议对象
        "contents": ("items", None),  # 评议内容
        "phases": ("phases", None),  # 方法步骤 with 时间安排
        "requirements": ("items", None),  # 工作要求
        "units": ("strs", []),  # 评议单位名单 (attachment when given)
        "contact": ("str", ""),  # 联系人及电话
    },
    "self_inspection": {
        **_COMMON,
        "recipients": ("str", "市普法办"),  # the level above
        "practices": ("items", []),  # extra 主要做法 items
        "plans": ("items", None),  # 下一步打算
        "min_cases": ("int", 4),
        "min_study_sessions": ("int", 2),
        "trainings": ("trainings", []),  # the office's trainings of the year: {date, text}
        "deadline": ("date", None),  # the units' submission deadline
        "plan_doc_number": ("str", None),  # the 实施方案's 发文字号 and date (from the year file)
        "plan_date": ("date", None),
        "notice_date": ("date", None),  # when the 补报/整改通知 went out
        "reply_deadline": ("date", None),  # and the units were to reply by
    },
    "notice": {
        **_COMMON,
        "basis": ("str", None),
        "reply_deadline": ("date", None),  # None: 7 days after the check
        "contact": ("str", ""),  # 联系人、电话、邮箱
    },
}
_BRACKETS = re.compile(r"[\[\(（［【〔]\s*(\d{4})\s*[\]\)）］】〕]")
_DOC_NUMBER = re.compile(r"^\S+〔\d{4}〕\d+号$|^\S+〔\d{4}〕×+号$")
_CC_PREFIX = re.compile(r"^抄送\s*[：:]\s*")
_LIST_END = "。．.，,；;、 \u3000"


def load_draft_config(path: Path | None, kind: str) -> dict[str, Any]:
    """The config of ``kind`` from the YAML at ``path`` (defaults only when ``path`` is None)."""
    if path is None:
        return validate_draft_config({}, kind, "默认配置")
    data = load_yaml(path)
    if is_year_file(data):
        data = config_for(data, kind, str(path), SCHEMAS[kind])
    cfg = validate_draft_config(data, kind, str(path))
    if kind == "notice":
        check_notice_dates(cfg, today(), str(path))
    return cfg


def today() -> dt.date:
    """The date in China (UTC+8), the date a notice written now carries."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


def validate_draft_config(data: dict[str, Any], kind: str, source: str = "配置") -> dict[str, Any]:
    """Check ``data`` against the schema of ``kind``; fill defaults. Idempotent."""
    if kind not in SCHEMAS:
        raise ValueError(f"unknown draft kind {kind!r}; expected one of {KINDS}")
    schema = SCHEMAS[kind]
    expect(source, "", data, dict, "“键: 值”的映射")
    reject_unknown(source, "", data, set(schema))
    result: dict[str, Any] = {}
    for key, (kind_of, default) in schema.items():
        value = data.get(key)
        result[key] = copy.deepcopy(default) if value is None else _CHECKS[kind_of](source, key, value)
    if result["issue_date"] and result["date"] and result["issue_date"] < result["date"]:
        raise ConfigError(source, "issue_date", f"印发日期 {result['issue_date']} 早于成文日期 "
                          f"{result['date']}，应为成文日期当天或之后")
    return result


def _str(source: str, key: str, value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return expect(source, key, value, str, "文字").strip()


def _bool(source: str, key: str, value: Any) -> bool:
    return expect(source, key, value, bool, "true 或 false")


def _int(source: str, key: str, value: Any) -> int:
    number = expect(source, key, value, int, "整数")
    if number < 0:
        raise ConfigError(source, key, f"应为非负整数，实际为 {value!r}")
    return number


def _date(source: str, key: str, value: Any) -> str:
    if not isinstance(value, (dt.date, str)):
        _str(source, key, value)  # a number or a list: named as not text
    return parse_date(source, key, value)


def _doc_number(source: str, key: str, value: Any) -> str:
    text = _BRACKETS.sub(r"〔\1〕", _str(source, key, value))
    if not _DOC_NUMBER.match(text):
        raise ConfigError(source, key, f"发文字号应形如“清普法办发〔2022〕3号”，实际为 {value!r}")
    return text


def _items(source: str, key: str, value: Any) -> list[dict[str, str]]:
    """A list of paragraphs: each “标题。正文” as {title, text}, or a plain string."""
    items = []
    for i, item in enumerate(expect(source, key, value, list, "列表")):
        where = f"{key}[{i + 1}]"
        if isinstance(item, str):
            items.append({"title": "", "text": item.strip()})
            continue
        expect(source, where, item, dict, "文字或含 title、text 的映射")
        reject_unknown(source, where, item, {"title", "text"})
        title = _str(source, f"{where}.title", item.get("title", ""))
        if title and title[-1] not in "。！？；：":
            title += "。"
        items.append({"title": title, "text": _str(source, f"{where}.text", item.get("text", ""))})
    return items


def _strs(source: str, key: str, value: Any) -> list[str]:
    return [_str(source, f"{key}[{i + 1}]", v)
            for i, v in enumerate(expect(source, key, value, list, "列表"))]


def _names(source: str, key: str, value: Any) -> list[str]:
    """One name or a list of names (抄送机关); the template adds “抄送：” and the closing “。”."""
    listed = not isinstance(value, str)
    values = expect(source, key, value, list, "文字或文字列表") if listed else [value]
    names = []
    for i, item in enumerate(values):
        name = _str(source, f"{key}[{i + 1}]" if listed else key, item)
        name = _CC_PREFIX.sub("", name).rstrip(_LIST_END)
        if name:
            names.append(name)
    return names


def _phases(source: str, key: str, value: Any) -> list[dict[str, str]]:
    phases = []
    for i, item in enumerate(expect(source, key, value, list, "列表")):
        where = f"{key}[{i + 1}]"
        expect(source, where, item, dict, "含 name、start、end、text 的映射")
        reject_unknown(source, where, item, {"name", "start", "end", "text"})
        for required in ("name", "start", "end"):
            if item.get(required) is None:
                raise ConfigError(source, f"{where}.{required}", "缺少此项")
        phase = {"name": _str(source, f"{where}.name", item["name"]),
                 "start": _date(source, f"{where}.start", item["start"]),
                 "end": _date(source, f"{where}.end", item["end"]),
                 "text": _str(source, f"{where}.text", item.get("text", ""))}
        if phase["end"] < phase["start"]:
            raise ConfigError(source, f"{where}.end", "结束日期早于开始日期")
        phases.append(phase)
    if not phases:
        raise ConfigError(source, key, "至少应有一个阶段")
    return phases


def _trainings(source: str, key: str, value: Any) -> list[dict[str, str]]:
    out = []
    for i, item in enumerate(expect(source, key, value, list, "列表")):
        where = f"{key}[{i + 1}]"
        expect(source, where, item, dict, "含 date、text 的映射")
        reject_unknown(source, where, item, {"date", "text"})
        if item.get("text") is None:
            raise ConfigError(source, f"{where}.text", "缺少此项")
        out.append({"date": _date(source, f"{where}.date", item["date"]) if item.get("date") else "",
                    "text": _str(source, f"{where}.text", item["text"])})
    return out


def _layout(source: str, key: str, value: Any) -> dict[str, Any]:
    layout_from_mapping(value, source, key)  # raises on a bad key or value
    return dict(value)


_CHECKS = {"str": _str, "bool": _bool, "int": _int, "date": _date, "doc_number": _doc_number,
           "items": _items, "strs": _strs, "names": _names, "phases": _phases, "layout": _layout,
           "trainings": _trainings}
