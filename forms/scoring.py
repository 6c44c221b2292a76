"""Scoring a unit against a region's 评分细则 (``forms/rubric.yaml`` by default).

A rubric is blocks of items (考核项目, 分值, 评分标准) each judged by one small
declarative ``judge`` (see the head of ``rubric.yaml``); points add up to the
total, and grade bands turn the score into 优秀/良好/合格/不合格 (or a region's own).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model import UnitRecord
from forms.config import ConfigError, expect, load_yaml, reject_unknown
from forms.ruleset import RULE_CODES, RULE_TITLES

DEFAULT_RUBRIC = Path(__file__).with_name("rubric.yaml")

BOOL_FIELDS = ("leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget")
COUNT_FIELDS = ("cases_total", "activities", "materials", "consultations", "audience", "study_sessions")
LIST_FIELDS = ("new_media", "sections")

# Chinese name and counting word of each scorable field, for the 依据 column.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "leading_group": ("普法工作领导小组", ""), "leader_in_charge": ("分管领导", ""),
    "staff_assigned": ("具体负责的科室或专人", ""), "duty_list": ("普法责任清单", ""),
    "budget": ("普法经费纳入预算", ""), "cases_total": ("以案释法典型案例", "个"),
    "activities": ("普法宣传活动", "场次"), "materials": ("宣传资料", "份"),
    "consultations": ("法律咨询", "人次"), "audience": ("受教育群众", "人次"),
    "study_sessions": ("领导班子集体学法", "次"), "new_media": ("新媒体平台", "种"),
    "sections": ("报告组成部分", "部分"),
}
_ITEM_KEYS = {"考核项目", "分值", "评分标准", "judge"}
_JUDGE_KEYS = {"true", "field", "at_least", "proportional", "no_finding", "deduct"}


@dataclass(frozen=True)
class Item:
    block: str
    name: str
    points: float
    criterion: str
    kind: str  # true | at_least | proportional | no_finding
    fields: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    target: float = 0
    deduct: float | None = None


@dataclass(frozen=True)
class Rubric:
    items: tuple[Item, ...]
    grades: tuple[tuple[str, float], ...]  # (grade, minimum score), highest first
    total: float
    source: str = ""


def load_rubric(path: Path | str | None = None) -> Rubric:
    """The region's rubric at ``path`` (it replaces the default whole), else the shipped one."""
    src_path = DEFAULT_RUBRIC if path is None else Path(path)
    src = str(src_path)
    data = load_yaml(src_path)
    reject_unknown(src, "", data, {"total", "grades", "blocks"})
    total = expect(src, "total", data.get("total", 100), (int, float), "总分（数字）")
    blocks = expect(src, "blocks", data.get("blocks"), dict, "“考核内容: [考核项目…]”的映射")
    items = tuple(_read_item(src, f"blocks.{block}[{i}]", block, raw)
                  for block, raws in blocks.items()
                  for i, raw in enumerate(expect(src, f"blocks.{block}", raws, list, "考核项目列表")))
    if not items:
        raise ConfigError(src, "blocks", "至少需要一个考核项目")
    summed = round(sum(it.points for it in items), 6)
    if summed != total:
        raise ConfigError(src, "blocks", f"各项分值之和为 {summed:g}，与总分 {total:g} 不一致")
    return Rubric(items, _read_grades(src, data.get("grades"), total), total, src)


def _read_grades(src: str, raw: Any, total: float) -> tuple[tuple[str, float], ...]:
    grades = expect(src, "grades", raw, dict, "“等次: 最低分”的映射，如 优秀: 90")
    if not grades:
        raise ConfigError(src, "grades", "至少需要一个等次")
    for name, low in grades.items():
        expect(src, f"grades.{name}", low, (int, float), "最低分（数字）")
        if not 0 <= low <= total:
            raise ConfigError(src, f"grades.{name}", f"最低分应在 0 到 {total:g} 之间，实际为 {low!r}")
    return tuple(sorted(((str(k), float(v)) for k, v in grades.items()), key=lambda g: -g[1]))


def _read_item(src: str, key: str, block: str, raw: Any) -> Item:
    expect(src, key, raw, dict, "考核项目的映射（考核项目、分值、评分标准、judge）")
    reject_unknown(src, key, raw, _ITEM_KEYS)
    for k in _ITEM_KEYS:
        if k not in raw:
            raise ConfigError(src, f"{key}.{k}", "缺少该项")
    name = expect(src, f"{key}.考核项目", raw["考核项目"], str, "文字")
    points = expect(src, f"{key}.分值", raw["分值"], (int, float), "正数")
    if points <= 0:
        raise ConfigError(src, f"{key}.分值", f"应为正数，实际为 {points!r}")
    criterion = expect(src, f"{key}.评分标准", raw["评分标准"], str, "文字")
    judge = expect(src, f"{key}.judge", raw["judge"], dict, "判定方式的映射，如 {true: leading_group}")
    return Item(block, name, points, criterion, **_read_judge(src, f"{key}.judge", judge))


def _read_judge(src: str, key: str, j: dict[Any, Any]) -> dict[str, Any]:
    j = {("true" if k is True else k): v for k, v in j.items()}  # YAML 1.1 reads `true:` as True
    reject_unknown(src, key, j, _JUDGE_KEYS)
    kinds = [k for k in ("true", "at_least", "proportional", "no_finding") if k in j]
    if len(kinds) != 1:
        raise ConfigError(src, key, "应写且只写一种判定：true、at_least、proportional 或 no_finding")
    kind = kinds[0]
    if "deduct" in j and kind != "no_finding":
        raise ConfigError(src, f"{key}.deduct", "deduct 只能与 no_finding 一起使用")
    if "field" in j and kind not in ("at_least", "proportional"):
        raise ConfigError(src, f"{key}.field", "field 只能与 at_least 或 proportional 一起使用")
    if kind == "true":
        return {"kind": kind, "fields": _names(src, f"{key}.true", j["true"], BOOL_FIELDS, "是/否字段")}
    if kind == "no_finding":
        deduct = j.get("deduct")
        if deduct is not None and (expect(src, f"{key}.deduct", deduct, (int, float), "正数") <= 0):
            raise ConfigError(src, f"{key}.deduct", f"应为正数，实际为 {deduct!r}")
        return {"kind": kind, "rules": _names(src, f"{key}.no_finding", j["no_finding"], RULE_CODES, "问题代码"),
                "deduct": deduct}
    if "field" not in j:
        raise ConfigError(src, f"{key}.field", f"{kind} 需要写明 field（按哪个字段计分）")
    fields = _names(src, f"{key}.field", j["field"], COUNT_FIELDS + LIST_FIELDS, "数量或列表字段")
    if len(fields) != 1:
        raise ConfigError(src, f"{key}.field", "只能写一个字段")
    target = expect(src, f"{key}.{kind}", j[kind], (int, float), "正数")
    if target <= 0:
        raise ConfigError(src, f"{key}.{kind}", f"应为正数，实际为 {target!r}")
    return {"kind": kind, "fields": fields, "target": target}


def _names(src: str, key: str, raw: Any, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    names = [raw] if isinstance(raw, str) else expect(src, key, raw, list, f"{what}或其列表")
    if not names:
        raise ConfigError(src, key, f"应为{what}或其列表")
    for n in names:
        if n not in allowed:
            raise ConfigError(src, key, f"未知的{what} {n!r}，可用的有：{'、'.join(allowed)}")
    return tuple(names)


# ----------------------------------------------------------------- judging --

def _quote(unit: UnitRecord, key: str) -> str | None:
    v = unit.fields.get(key)
    return v.evidence[0].quote if v is not None and v.evidence else None


def _judge_true(unit: UnitRecord, item: Item) -> tuple[float, str]:
    share = item.points / len(item.fields)
    score, reasons = 0.0, []
    for key in item.fields:
        label = FIELD_LABELS[key][0]
        value = unit.value(key)
        if value is True:
            score += share
            reasons.append(_quote(unit, key) or f"材料中说明了{label}")
        elif value is False:
            reasons.append(_quote(unit, key) or f"材料称无{label}")
        else:
            reasons.append(f"材料中未提及{label}")
    return score, "；".join(reasons)


def _amount(unit: UnitRecord, item: Item) -> tuple[float | None, str]:
    key = item.fields[0]
    label, word = FIELD_LABELS[key]
    value = unit.value(key)
    if key in LIST_FIELDS:
        items = list(value or [])
        return float(len(items)), (f"{label}：{'、'.join(items)}" if items else f"材料中未见{label}")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None, f"材料中未说明{label}数量"
    return float(value), _quote(unit, key) or f"{label}{value:g}{word}"


def _judge_at_least(unit: UnitRecord, item: Item) -> tuple[float, str]:
    n, basis = _amount(unit, item)
    return (item.points if n is not None and n >= item.target else 0.0), basis


def _judge_proportional(unit: UnitRecord, item: Item) -> tuple[float, str]:
    n, basis = _amount(unit, item)
    return (item.points * min(n / item.target, 1.0) if n else 0.0), basis


def _judge_no_finding(unit: UnitRecord, item: Item) -> tuple[float, str]:
    hits = [f for f in unit.findings if f.rule in item.rules and not f.dismissed]
    if not hits:
        return item.points, "未发现" + "、".join(f"“{RULE_TITLES[r]}”" for r in item.rules) + "问题"
    basis = "；".join(f.message for f in hits)
    if item.deduct is None:
        return 0.0, basis
    return max(item.points - item.deduct * len(hits), 0.0), basis


JUDGES: dict[str, Callable[[UnitRecord, Item], tuple[float, str]]] = {
    "true": _judge_true,
    "at_least": _judge_at_least,
    "proportional": _judge_proportional,
    "no_finding": _judge_no_finding,
}


def _num(x: float) -> float | int:
    r = round(x + 1e-9, 1)
    return int(r) if r == int(r) else r


def grade_of(score: float, rubric: Rubric) -> str:
    for name, low in rubric.grades:
        if score >= low:
            return name
    return rubric.grades[-1][0]


def score_unit(unit: UnitRecord, rubric: Rubric) -> tuple[float, str, list[dict[str, Any]]]:
    """(score, grade, items); each item ``{block, item, points, criterion, score, basis}``.

    Judged on the unit's merged fields and its findings (run the rules first).
    """
    items: list[dict[str, Any]] = []
    total = 0.0
    for it in rubric.items:
        got, basis = JUDGES[it.kind](unit, it)
        total += _num(got)
        items.append({"block": it.block, "item": it.name, "points": _num(it.points),
                      "criterion": it.criterion, "score": _num(got), "basis": basis})
    score = _num(total)
    return score, grade_of(score, rubric), items
