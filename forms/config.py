"""Loading YAML configuration with validation that names the bad key."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class ConfigError(Exception):
    """A configuration file that cannot be used; the message is Chinese for the clerk."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source, self.key, self.problem = source, key, problem
        where = f"{source} 中的 {key}" if key else source
        super().__init__(f"配置有误：{where}：{problem}")


def load_yaml(path: Path | str) -> dict[str, Any]:
    """Read a YAML mapping safely (``yaml.safe_load``: no tags, no code)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(str(p), "", "文件不存在") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(str(p), "", f"无法读取（{e.__class__.__name__}），请保存为 UTF-8 编码") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f"第{mark.line + 1}行" if mark is not None else ""
        raise ConfigError(str(p), line, "YAML 格式错误") from None
    except ValueError:  # an impossible date such as 2022-13-40
        raise ConfigError(str(p), "", "有无法识别的日期或数值，日期请写成 2022-12-10 的形式") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(str(p), "", "顶层应为“键: 值”的映射")
    return data


def expect(source: str, key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    """Return ``value`` if it is of ``kind`` (bool is never an int here), else raise."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if isinstance(value, bool) and bool not in kinds:
        raise ConfigError(source, key, f"应为{what}，实际为 {value!r}")
    if not isinstance(value, kinds):
        raise ConfigError(source, key, f"应为{what}，实际为 {value!r}")
    return value


def reject_unknown(source: str, prefix: str, data: dict[str, Any], allowed: set[str]) -> None:
    """Fail on a key that is not one of ``allowed`` (catches typos at start)."""
    for k in data:
        if k not in allowed:
            key = f"{prefix}.{k}" if prefix else str(k)
            raise ConfigError(source, key, f"未知的配置项，可用的有：{'、'.join(sorted(allowed))}")
