"""click's own words in Chinese: Usage, Options, --help, range and type errors.

click marks its messages for gettext (``from gettext import gettext as _`` in each of its
modules); ``install()`` points those ``_``/``ngettext`` names at this catalogue, so help
pages and errors read in Chinese with no .mo file to ship.  A message not listed stays as
click wrote it.
"""
from __future__ import annotations

ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看用法。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有这个命令：{name}。",
    "No such option {name!r}.": "没有这个选项：{name}。",
    "No such option: {name}": "没有这个选项：{name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "default: {default}": "默认：{default}",
    "Aborted!": "已中止。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "unknown error": "未知错误",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
}
ZH_PLURAL: dict[str, str] = {
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Got unexpected extra arguments ({args})": "多余的参数：{args}",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个值。",
    "Did you mean {possibility}?": "您是想输入 {possibility} 吗？",
    "(Possible options: {possibilities})": "（可能的选项：{possibilities}）",
}
# click's number types name themselves in English in “… is not a valid integer.”
TYPE_NAMES = {"IntParamType": "整数", "IntRange": "整数", "FloatParamType": "数字", "FloatRange": "数字"}
MODULES = ("core", "formatting", "types", "exceptions", "decorators", "parser", "termui", "utils")


def gettext(message: str) -> str:
    return ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    message = singular if n == 1 else plural
    return ZH_PLURAL.get(message, message)


def install() -> None:
    """Point click's message functions at the Chinese catalogue (idempotent)."""
    import importlib

    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    types = importlib.import_module("click.types")
    for cls, name in TYPE_NAMES.items():
        setattr(getattr(types, cls), "name", name)


OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."
