"""How a notice words its items: files by name, places a clerk understands, one item per rule.

- a file is cited by its name without folders or extension: 《普法工作情况》;
- a spreadsheet cell is 第2行第4列 (with the sheet's name when it has a real one), never
  ``Sheet1!D2``;
- two findings of one rule become one item (缺少“基本情况”“下一步打算”部分; two late files);
- no doubled punctuation (``。”。``, ``。。``).
"""
from __future__ import annotations

import re
from typing import Any

_EXTENSIONS = ("docx|doc|docm|wps|wpt|pdf|xlsx|xlsm|xls|et|ofd|txt|rtf|zip|rar|7z|htm|html|mht|mhtml|"
               "jpg|jpeg|png|tif|tiff|bmp|csv")
_CITED = re.compile(r"《([^《》]*?)》")
_EXT = re.compile(rf"\.({_EXTENSIONS})$", re.IGNORECASE)
_CELL = re.compile(r"^(?:(?P<sheet>.+?)!)?\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>\d+)(?::\S+)?$")
_DEFAULT_SHEET = re.compile(r"^(sheet|工作表)\s*\d+$", re.IGNORECASE)
_DOUBLED = ((re.compile(r"([。！？；，、：])([”’」』）)]?)[。；，]"), r"\1\2"),
            (re.compile(r"。{2,}"), "。"))
_OPENERS, _CLOSERS = "《“（", "》”）"
_ENDS = "。！？；…"


def file_title(path: str) -> str:
    """“交通运输局/2023年度履职报告.docx” → “2023年度履职报告”."""
    name = re.split(r"[\\/!]", path or "")[-1].strip()
    return _EXT.sub("", name) or name


def cite_titles(text: str) -> str:
    """Every 《name.ext》 in ``text`` becomes 《name》."""
    return _CITED.sub(lambda m: f"《{file_title(m.group(1))}》", text)


def place(where: str) -> str:
    """“Sheet1!D2” → “第2行第4列”; “统计表!C2” → ““统计表”工作表第2行第3列”; others unchanged."""
    m = _CELL.match((where or "").strip())
    if not m:
        return where or ""
    col = 0
    for ch in m.group("col").upper():
        col = col * 26 + ord(ch) - 64
    cell = f"第{int(m.group('row'))}行第{col}列"
    sheet = (m.group("sheet") or "").strip("'")
    return cell if not sheet or _DEFAULT_SHEET.match(sheet) else f"“{sheet}”工作表{cell}"


def tidy(text: str) -> str:
    """No doubled punctuation: “……1次。”。” → “……1次。””."""
    for pattern, repl in _DOUBLED:
        text = pattern.sub(repl, text)
    return text


def quoted(quote: str) -> str:
    """The quote in “”, then a full stop unless the quote already ends a sentence."""
    quote = quote.rstrip("，、：,;: ")
    return f"“{quote}”" if quote.endswith(tuple(_ENDS)) else f"“{quote}”。"


def merge_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Items of one rule (``rule`` key) merged into one, in order of first appearance."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(item.get("rule") or id(item), []).append(item)
    merged = []
    for same in groups.values():
        message = same[0]["message"]
        for other in same[1:]:
            message = join_messages(message, other["message"])
        evidence = [line for item in same for line in item["evidence"]]
        merged.append({"message": message, "evidence": list(dict.fromkeys(evidence))})
    return merged


def join_messages(first: str, second: str) -> str:
    """Two sentences of one rule as one: the parts that differ listed, the rest said once."""
    if first == second:
        return first
    prefix, suffix = _common_ends(first, second)
    mids = (first[len(prefix):len(first) - len(suffix)], second[len(prefix):len(second) - len(suffix)])
    if prefix and all(_balanced(m) and m for m in mids):
        if prefix.endswith("“") and suffix.startswith("”"):
            return prefix + "”“".join(mids) + suffix
        if prefix.endswith("《") and suffix.startswith("》"):
            return prefix + "》《".join(mids) + suffix
        if not prefix.endswith(tuple(_OPENERS)):
            return prefix + "、".join(mids) + suffix
    rest = second[3:] if second.startswith("你单位") and first.startswith("你单位") else second
    return first.rstrip(_ENDS) + "；" + rest


def _common_ends(a: str, b: str) -> tuple[str, str]:
    """The common prefix and suffix, cut back to a punctuation mark so no name is split."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    prefix = a[:n]
    cut = max(prefix.rfind(c) for c in "《“，：；（") + 1
    prefix = prefix[:cut]
    m = 0
    while m < min(len(a), len(b)) - len(prefix) and a[-1 - m] == b[-1 - m]:
        m += 1
    suffix = a[len(a) - m:] if m else ""
    starts = [i for i, c in enumerate(suffix) if c in "》”，。；）"]
    suffix = suffix[starts[0]:] if starts else ""
    return prefix, suffix


def _balanced(text: str) -> bool:
    return all(text.count(o) == text.count(c) for o, c in zip(_OPENERS, _CLOSERS))
