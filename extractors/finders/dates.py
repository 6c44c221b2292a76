"""The 成文日期 of a document and the year it reports on."""
from __future__ import annotations

import datetime as dt
import re

from model import Evidence, Value
from .numbers import cn_to_int
from .structure import Para
from .units import ORG_END

_CN = "〇○零一二两三四五六七八九十"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(rf"(?P<y>[{_CN}0OＯ]{{4}})\s*年\s*(?P<m>[{_CN}]{{1,2}})\s*月\s*(?P<d>[{_CN}]{{1,3}})\s*日"),
    re.compile(r"(?<!\d)(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)"),
)
_LABEL = re.compile(r"(?:填报|报送|填表|成文|落款|制表|印发)?(?:日期|时间)[：:]")
_YEAR_TITLE = re.compile(r"(?<!\d)(20\d{2}|二[〇○零]\S[〇○零一二三四五六七八九])\s*(?:年度|年)")


_NUMERIC_DATE = re.compile(r"\d[-./]\d")


def parse_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    if "年" not in text and not _NUMERIC_DATE.search(text):  # most paragraphs and cells: no date at all
        return None
    for pat in _DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        y, mo, d = (_num(m.group(k)) for k in ("y", "m", "d"))
        try:
            return dt.date(y, mo, d), m
        except (TypeError, ValueError):
            continue
    return None


def _num(s: str) -> int | None:
    if s.isascii() and s.isdigit():
        return int(s)
    s = s.replace("0", "〇").replace("O", "〇").replace("Ｏ", "〇")  # 二0二三年: a digit zero among numerals
    return cn_to_int(s)


def _standalone(p: Para) -> dt.date | None:
    got = parse_date(p.text)
    if not got:
        return None
    d, m = got
    if p.kind == "cell" and not _LABEL.search(p.text[:m.start()]):
        return None  # a date in a table (完成时限) is not the document's
    rest = (p.text[:m.start()] + p.text[m.end():]).strip(" 　()（）.。\t")
    rest = re.sub(r"^(?:落款|单位|报送单位|填报单位)[：:]\s*", "", rest).strip()
    if not rest or _LABEL.search(p.text[:m.start()]) or len(rest) <= 2:
        return d
    if m.start() > 0 and len(rest) <= 30 and re.fullmatch(r"[\u4e00-\u9fff（）()\s]+", rest.replace(" ", "")) \
            and rest.rstrip("（）() ").endswith(ORG_END):
        return d  # signature and date on one line
    return None


def extract_date(paras: list[Para], file: str) -> Value | None:
    """The signature date: a paragraph that is only a date, last one first; else a labelled date."""
    # a date in a table cell counts only after a label (填报日期：…): cells without one are passed over
    prose = [p for p in paras if p.kind in ("para", "textbox") or p.kind == "cell" and _LABEL.search(p.text)]
    for p in reversed(prose):
        d = _standalone(p)
        if d is not None:
            return Value(d.isoformat(), (Evidence(file, p.where, p.text),))
    return None


# a period over two years (2023年11月至2024年10月) reports on the year it ends in
_PERIOD = re.compile(r"(?<!\d)20\d{2}\s*年[^，。；]{0,8}?(?:至|到|—|－|-|～|~)\s*(20\d{2})\s*年")


def extract_year(paras: list[Para], file: str, date: Value | None) -> Value | None:
    for p in paras[:4]:  # the first line that names a year (the title before a case's 2022年至2023年间)
        m = _PERIOD.search(p.text)
        if m:
            return Value(int(m.group(1)), (Evidence(file, p.where, p.text),))
        m = _YEAR_TITLE.search(p.text)
        if m and not parse_date(p.text):
            return Value(_num(m.group(1)), (Evidence(file, p.where, p.text),))
    for p in paras[:12]:
        m = re.search(r"(?<!\d)(20\d{2})\s*年度", p.text)
        if m:
            return Value(int(m.group(1)), (Evidence(file, p.where, p.text),))
    if date is not None:
        return Value(int(date.value[:4]), date.evidence)
    return _year_in_name(file) or _one_year_named(paras, file)


_NAMED_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")


def _year_in_name(file: str) -> Value | None:
    """The year the sender put in the file's name (市场监管局2022年度普法责任清单.xlsx)."""
    name = re.split(r"!/|/", file)[-1]
    m = _NAMED_YEAR.search(name)
    return Value(int(m.group(1)), (Evidence(file, "文件名", name),)) if m else None


_TITLED = re.compile(r"《[^《》]{0,80}》|〔\d{4}〕|\[\d{4}\]")


def _one_year_named(paras: list[Para], file: str) -> Value | None:
    """With no title year and no date, a year the document names throughout (a list's 完成时限
    2024年6月, 2024年全年) is its year; several years, or none, state nothing."""
    found: dict[int, Para] = {}
    for p in paras:
        if p.section == "下一步打算":
            continue  # next year's plans say nothing of the year reported on
        for y in _NAMED_YEAR.findall(_TITLED.sub("", p.text)):
            found.setdefault(int(y), p)
    if len(found) != 1:
        return None
    (year, p), = found.items()
    return Value(year, (Evidence(file, p.where, p.text),))
