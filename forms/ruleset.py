"""Rule configuration: defaults in ``rules.yaml`` + ``messages.yaml``, merged with a region's file.

A region's YAML names only what it changes::

    no_new_media: {enabled: false}
    cases_below_min: {min: 6}
    messages:
      no_duty_list: "{unit}尚未报送普法责任清单，请补报。"

Everything is validated when it loads; a bad key raises ``ConfigError`` naming
the file and the key (``cases_below_min.min``), never later during a check.
"""
from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from model import SECTION_NAMES
from forms.config import ConfigError, expect, load_yaml, reject_unknown

log = logging.getLogger(__name__)

DEFAULT_RULES = Path(__file__).with_name("rules.yaml")
DEFAULT_MESSAGES = Path(__file__).with_name("messages.yaml")
SEVERITIES = ("error", "warning")

# Parameters each rule takes beyond ``enabled``/``severity``: key -> (types, what, in Chinese).
# The order of this table is the rule order used for sorting findings (SPEC §4).
PARAMS: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "missing_submission": {},
    "unreadable_file": {},
    "unknown_unit": {},
    "cases_below_min": {"min": ((int,), "非负整数")},
    "quarter_without_case": {"min": ((int,), "非负整数")},
    "no_duty_list": {},
    "no_leading_group": {},
    "no_leader_in_charge": {},
    "no_staff_assigned": {},
    "no_new_media": {},
    "study_below_min": {"min": ((int,), "非负整数")},
    "missing_section": {"sections": ((list,), "列表，取值为 " + "、".join(SECTION_NAMES))},
    "too_thin": {"min_chars": ((int,), "非负整数"), "min_figures": ((int,), "非负整数"),
                 "measure_words": ((list,), "量词列表，如 [场次, 人次, 份]")},
    "late_submission": {"deadline": ((str, date, type(None)), "日期（如 2022-12-10）或留空"),
                        "arrival_window_days": ((int, type(None)), "非负整数或留空")},
    "duplicate_content": {"threshold": ((float, int), "0 到 1 之间的小数，如 0.8")},
}
RULE_CODES: tuple[str, ...] = tuple(PARAMS)

# Short Chinese names of the rules, for ledger columns and score reasons.
RULE_TITLES: dict[str, str] = {
    "missing_submission": "未报送材料",
    "unreadable_file": "文件无法读取",
    "unknown_unit": "无法确定报送单位",
    "cases_below_min": "以案释法典型案例不足",
    "quarter_without_case": "有季度未报送典型案例",
    "no_duty_list": "未制定普法责任清单",
    "no_leading_group": "未成立普法工作领导小组",
    "no_leader_in_charge": "未明确分管领导",
    "no_staff_assigned": "未明确专人负责",
    "no_new_media": "未运用新媒体普法",
    "study_below_min": "领导班子集体学法不足",
    "missing_section": "报告缺少部分内容",
    "too_thin": "报告内容简单空洞",
    "late_submission": "逾期报送",
    "duplicate_content": "报告内容雷同",
}
assert tuple(RULE_TITLES) == RULE_CODES

# Format fields a message template may use, per rule code (all rules also get ``unit``).
MESSAGE_FIELDS: dict[str, frozenset[str]] = {
    code: frozenset({"unit", "deadline"} | extra) for code, extra in {
        "missing_submission": set(),
        "unreadable_file": {"file", "error", "error_code"},
        "unknown_unit": {"file", "reason"},
        "cases_below_min": {"cases", "min"},
        "quarter_without_case": {"quarters", "cases", "min"},
        "no_duty_list": set(), "no_leading_group": set(), "no_leader_in_charge": set(),
        "no_staff_assigned": set(), "no_new_media": set(),
        "study_below_min": {"count", "min"},
        "missing_section": {"file", "section"},
        "too_thin": {"file", "reason", "chars", "figures", "min_chars", "min_figures"},
        "late_submission": {"file", "date", "basis"},
        "duplicate_content": {"file", "other_unit", "other_file", "similarity"},
    }.items()
}


@dataclass(frozen=True)
class RuleConfig:
    code: str
    enabled: bool
    severity: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class RuleSet:
    """Validated rules and message templates; ``source`` names the files merged."""

    rules: Mapping[str, RuleConfig]
    messages: Mapping[str, str]
    source: str = ""

    def enabled(self, code: str) -> bool:
        return self.rules[code].enabled

    def severity(self, code: str) -> str:
        return self.rules[code].severity

    def param(self, code: str, key: str) -> Any:
        return self.rules[code].params[key]

    @property
    def deadline(self) -> date | None:
        return self.param("late_submission", "deadline")

    def message(self, code: str, **fields: Any) -> str:
        """The Chinese sentence for a finding; a field the rule did not give renders empty."""
        return self.messages[code].format_map(_Blank(fields))


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def load_rules(path: Path | str | None = None) -> RuleSet:
    """The default rules, merged with a region's file when ``path`` is given."""
    raw = load_yaml(DEFAULT_RULES)
    messages = _read_messages(str(DEFAULT_MESSAGES), load_yaml(DEFAULT_MESSAGES))
    rules = {code: _read_rule(str(DEFAULT_RULES), code, raw.get(code), None) for code in RULE_CODES}
    reject_unknown(str(DEFAULT_RULES), "", raw, set(RULE_CODES))
    _require_all(str(DEFAULT_MESSAGES), messages)
    source = str(DEFAULT_RULES)
    if path is not None:
        region = load_yaml(path)
        src = str(path)
        region_messages = region.pop("messages", None) or {}
        expect(src, "messages", region_messages, dict, "“规则代码: 提示语”的映射")
        reject_unknown(src, "", region, set(RULE_CODES))
        for code, over in region.items():
            rules[code] = _read_rule(src, code, over, rules[code])
        messages.update(_read_messages(src, region_messages, prefix="messages."))
        source = f"{source} + {src}"
    return RuleSet(rules=rules, messages=messages, source=source)


def _read_rule(src: str, code: str, data: Any, base: RuleConfig | None) -> RuleConfig:
    """Validate one rule's mapping; with ``base`` the mapping may be partial."""
    if data is None and base is None:
        raise ConfigError(src, code, "缺少该规则的默认配置")
    data = {} if data is None else expect(src, code, data, dict, "“项: 值”的映射")
    params = PARAMS[code]
    reject_unknown(src, code, data, {"enabled", "severity", *params})
    if base is None:
        for key in ("enabled", "severity", *params):
            if key not in data:
                raise ConfigError(src, f"{code}.{key}", "缺少该项")
    enabled = expect(src, f"{code}.enabled", data.get("enabled", base and base.enabled), bool, "true 或 false")
    severity = data.get("severity", base and base.severity)
    if severity not in SEVERITIES:
        raise ConfigError(src, f"{code}.severity", f"应为 error 或 warning，实际为 {severity!r}")
    merged = dict(base.params) if base else {}
    for key, value in data.items():
        if key in params:
            merged[key] = _check_param(src, f"{code}.{key}", key, value, params[key])
    return RuleConfig(code, enabled, severity, merged)


def _check_param(src: str, key: str, name: str, value: Any, spec: tuple[tuple[type, ...], str]) -> Any:
    kinds, what = spec
    expect(src, key, value, kinds, what)
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise ConfigError(src, key, f"应为{what}，实际为 {value!r}")
    if name == "threshold" and not 0 < value <= 1:
        raise ConfigError(src, key, f"应为{what}，实际为 {value!r}")
    if name == "deadline":
        return _parse_deadline(src, key, value)
    if name == "sections":
        bad = [s for s in value if s not in SECTION_NAMES]
        if bad:
            raise ConfigError(src, key, f"未知的部分 {bad[0]!r}，可用的有：{'、'.join(SECTION_NAMES)}")
        return tuple(value)
    if name == "measure_words":
        if not value or not all(isinstance(w, str) and w for w in value):
            raise ConfigError(src, key, f"应为{what}")
        return tuple(value)
    return value


def _parse_deadline(src: str, key: str, value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(src, key, f"日期格式应为 2022-12-10，实际为 {value!r}") from None


def _read_messages(src: str, data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    reject_unknown(src, prefix.rstrip("."), data, set(RULE_CODES))
    out: dict[str, str] = {}
    for code, template in data.items():
        key = f"{prefix}{code}"
        expect(src, key, template, str, "一句中文提示语")
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
        except ValueError:
            raise ConfigError(src, key, "花括号不成对（字面的花括号请写成 {{ 或 }}）") from None
        bad = sorted(n for n in names if n not in MESSAGE_FIELDS[code])
        if bad:
            allowed = "、".join("{%s}" % f for f in sorted(MESSAGE_FIELDS[code]))
            raise ConfigError(src, key, f"未知的占位符 {{{bad[0]}}}，可用的有：{allowed}")
        out[code] = template
    return out


def _require_all(src: str, messages: dict[str, str]) -> None:
    for code in RULE_CODES:
        if code not in messages:
            raise ConfigError(src, code, "缺少该规则的提示语")
