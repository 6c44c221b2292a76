"""From a document's blocks to normalised paragraphs with their section.

A report is read as a clerk reads it: the title, the numbered top-level
headings (一、… or 第一部分 …, else （一）…, else bold short lines) that
open 基本情况 / 主要做法 / 存在问题 / 下一步打算, and the paragraphs under each.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from model import Block, Document
from .normalize import normalize

_LEVEL1 = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|节)[、：:\s]?)")
_LEVEL2 = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|节)|"
                       r"[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[、.．](?!\d))\s*")

# Keyword lists that map a heading to the SPEC section names; checked in this order.
SECTION_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("下一步打算", ("下一步", "打算", "工作计划", "工作思路", "整改措施", "整改方向", "努力方向",
                "工作安排", "明年", "下步", "今后", "工作设想", "改进措施", "对策", "工作重点", "主要安排", "重点安排")),
    ("存在问题", ("存在问题", "存在的问题", "问题", "不足", "困难", "短板", "差距", "薄弱")),
    ("基本情况", ("基本情况", "概况", "总体情况", "基本概况", "单位概况", "情况概述", "总体评价",
              "自查工作开展情况", "自查工作情况", "自查开展情况", "自查工作组织情况")),  # how the self-check was done
    ("主要做法", ("做法", "开展情况", "主要工作", "工作开展", "措施", "成效", "举措", "履职情况",
                "落实情况", "工作情况", "亮点", "特色", "经验", "自查情况", "完成情况", "推进情况",
                "开展的工作", "工作成果", "主要内容")),
)
# A paragraph that by itself clearly opens a section (no heading).
_LEAD_PARAS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("存在问题", re.compile(r"^(?:(?:但是?|同时|当然|不过|回顾[^，。；]{0,10}|总的来看|总体来看|客观来看|从[^，。；]{1,10}来看)[，,]?)?"
                        r"(?:(?:我局|我们|我单位|本单位|我委|我院|我办|工作中)?(?:的)?(?:普法工作|普法工作中|工作中)?"
                        r"(?:还|仍|也|仍然)?存在(?:着)?(?:一些|以下|的)?"
                        r"(?:问题|不足)|存在的?(?:主要)?(?:问题|不足)(?:和不足|和问题)?[：:]|问题和不足[：:]|不足之处[：:])")),
    ("下一步打算", re.compile(r"^(?:下一步|下步|今后|明年|\d{4}年[，,]?(?:我局|我们|我单位|我委|我院|我办)将)")),
)


# lines of a web page around a document saved from a government site (seed 004): not the document
_CHROME = re.compile(r"^[•·\s]*(?:索\s*引\s*号|发布机构|公开方式|公开范围|生成日期|公开日期|发布日期|来源[：:]|浏览量|浏览次数|"
                     r"发布时间|分享到|打开微信|当前位置|首页\s*[>»]|搜本站|字号[：:]|打印本页|关闭窗口|【打印】|【关闭】|扫一扫)")


@dataclass(frozen=True)
class Para:
    text: str
    where: str
    kind: str
    section: str | None  # one of the four section names, or None (title/preamble/unknown)
    heading_level: int  # 0 body, 1 top-level section heading, 2 sub-heading
    index: int  # position among the document's paragraphs
    table: int | None = None
    row: int | None = None
    col: int | None = None
    opens: tuple[str, ...] = ()  # sections a heading opens

    def __init__(self, text: str, where: str, kind: str, section: str | None, heading_level: int, index: int,
                 table: int | None = None, row: int | None = None, col: int | None = None,
                 opens: tuple[str, ...] = ()) -> None:
        # one call instead of a frozen dataclass's object.__setattr__ per field (see Block)
        self.__dict__.update(text=text, where=where, kind=kind, section=section, heading_level=heading_level,
                             index=index, table=table, row=row, col=col, opens=opens)


def sections_of_heading(text: str) -> list[str]:
    """The sections a heading opens, in SPEC order (存在问题及下一步打算 opens two)."""
    return list(_sections_of_heading(text))


def _spans(word: str, body: str) -> Iterator[int]:
    at = body.find(word)
    while at >= 0:
        yield at
        at = body.find(word, at + 1)


@lru_cache(maxsize=8192)
def _sections_of_heading(text: str) -> tuple[str, ...]:
    body = _NUMBERED.sub("", text, count=1)
    spans = [(at, at + len(w), name) for name, words in SECTION_KEYWORDS for w in words if w in body
             for at in _spans(w, body)]
    # a keyword inside a longer one of another section is that one's (整改措施 is not 措施, 自查工作开展情况
    # not 开展情况)
    kept = [sp for sp in spans if not any(o[0] <= sp[0] and sp[1] <= o[1] and o[1] - o[0] > sp[1] - sp[0]
                                          and o[2] != sp[2] for o in spans)]
    found = [name for name, _ in SECTION_KEYWORDS if any(sp[2] == name for sp in kept)]
    if len(found) > 1:
        joined = re.search(r"[及和与、暨]|以及", body)
        found = found if joined else found[:1]
    from model import SECTION_NAMES

    return tuple(n for n in SECTION_NAMES if n in found)


def section_of_heading(text: str) -> str | None:
    found = sections_of_heading(text)
    return found[0] if found else None


def _heading_level(b: Block, text: str, first: bool) -> int:
    if b.kind == "para" and _LEVEL1.match(text) and len(text) > 40 and _run_in_head(text):
        return 1  # 一、基本情况。我局现有…: a heading run into its first paragraph
    if b.kind != "para" or len(text) > 40 and "。" in text[:40]:
        return 0
    if _LEVEL1.match(text) and len(text) <= 40:
        return 1
    if _LEVEL2.match(text):
        return 2
    if b.heading and len(text) <= 30 and not text.endswith("。"):
        return 3
    if not first and len(text) <= 16 and not re.search(r"[，。；：,;:！？]", text) and section_of_heading(text):
        return 3  # a bare line such as 存在的问题 standing alone
    return 0


ATTACHMENT = "附件"  # the section of what follows a 附件 line after the text: no section of the report
NOT_RESULTS = ("下一步打算", ATTACHMENT)  # where figures and facts are no results of the year
_ATTACHMENT_START = re.compile(r"^附\s*件\s*(?:[一二三四五六七八九十\d]+)?\s*[：:]?$")


def structure(doc: Document) -> list[Para]:
    """Normalised paragraphs (body, cells, text boxes, headers) with section context."""
    norm = [(b, t) for b, t in ((b, normalize(b.text)) for b in doc.blocks) if not _CHROME.match(t)]
    norm = _form_rows_as_paragraphs(norm)
    levels = [_heading_level(b, t, i == 0) for i, (b, t) in enumerate(norm)]
    top = _top_level(levels, norm)
    paras: list[Para] = []
    section: str | None = None
    for i, ((b, text), lvl) in enumerate(zip(norm, levels)):
        if not text:
            continue
        hl = 0
        opens: tuple[str, ...] = ()
        if section == ATTACHMENT or b.kind == "para" and _ATTACHMENT_START.match(text) and i > len(norm) // 3:
            section = ATTACHMENT  # 附件 on a line of its own, then the attached document: to the end
        elif lvl == top and top:
            hl = 1
            opens = tuple(sections_of_heading(text))
            section = (opens[0] if opens else None) or _topical(section, top)
        elif lvl:
            hl = 2
        elif b.kind == "para" and _run_in(text):
            section = _run_in(text)  # 主要工作：今年… / 下步打算：…
        elif b.kind == "para":
            for name, pat in _LEAD_PARAS:
                if pat.match(text) and (section is None or name == "存在问题" and section != "存在问题"
                                        or name == "下一步打算" and section == "存在问题"):
                    section = name
        own = None if b.kind in _OUTSIDE_SECTIONS else section  # a footnote after 下一步打算 is not one
        paras.append(Para(text, b.where, b.kind, own, hl, i, b.table, b.row, b.col, opens))
    return paras


_OUTSIDE_SECTIONS = ("note", "header", "footer")


_SENTENCE_MARK = re.compile(r"[，。；]")


def _form_rows_as_paragraphs(norm: list[tuple[Block, str]]) -> list[tuple[Block, str]]:
    """A report written into a two-column form (基本情况 | 街道辖8个社区…; 填报日期 | 2025年12月1日):
    each row becomes the paragraph ``label：content``, which reads as a run-in heading and its text."""
    tables: dict[int, list[tuple[Block, str]]] = {}
    for b, t in norm:
        if b.kind == "cell" and b.table is not None and t:
            tables.setdefault(b.table, []).append((b, t))
    forms = {n for n, cells in tables.items() if _is_form(cells)}
    if not forms:
        return norm
    labels = {(b.table, b.row): t for n in forms for b, t in tables[n] if b.col == 0 and t not in _FORM_HEADS}
    out: list[tuple[Block, str]] = []
    for b, t in norm:
        if b.kind != "cell" or b.table not in forms:
            out.append((b, t))
        elif b.col == 1 and (label := labels.get((b.table, b.row))) is not None:
            out.append((Block(f"{label}：{t}", b.where, "para", b.page), f"{label}：{t}"))
    return out


_FORM_HEADS = ("项目", "栏目", "类别", "情况", "内容", "落实情况", "完成情况", "具体情况")  # a header row (项目 | 情况)


def _is_form(cells: list[tuple[Block, str]]) -> bool:
    """Two columns: short labels on the left, prose (sentences) on the right in two rows or more;
    or under a 项目 | 情况 header, answers in words (已成立…, 报送4个) rather than bare figures."""
    if any(b.col not in (0, 1) for b, _ in cells):
        return False
    labels = [t for b, t in cells if b.col == 0]
    if not all(len(t) <= 12 and not _SENTENCE_MARK.search(t) for t in labels):
        return False
    answers = [t for b, t in cells if b.col == 1 and t not in _FORM_HEADS]
    prose = [t for t in answers if len(t) >= 30 and _SENTENCE_MARK.search(t)]
    if len(prose) >= 2:
        return True
    top = min(b.row for b, _ in cells)
    headed = any(b.col == 0 and b.row == top and t in _FORM_HEADS for b, t in cells)
    worded = [t for t in answers if len(_HAN_CHAR.findall(t)) >= 2]
    return headed and len(worded) >= 2 and 2 * len(worded) >= len(answers)


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


_RUN_IN = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?([\u4e00-\u9fff]{2,10})[：:]")


def _run_in(text: str) -> str | None:
    """The section a paragraph opens with a run-in label (存在问题：…)."""
    m = _RUN_IN.match(text)
    return section_of_heading(m.group(1)) if m else None


def _run_in_head(text: str) -> bool:
    m = re.match(r"^[^。：:；;，,]{2,25}[。：:；;]", text)
    return bool(m and section_of_heading(m.group(0)[:-1]))


def is_heading_line(p: "Para") -> bool:
    """A heading standing alone (a run-in heading's paragraph also carries body text)."""
    return p.heading_level == 1 and len(p.text) <= 40


def _topical(previous: str | None, top: int) -> str | None:
    """A top heading naming no section (一、强化组织领导) is one of the things done."""
    if previous in ("存在问题", "下一步打算"):
        return previous if top == 3 else None
    return "主要做法"


def _top_level(levels: list[int], norm: list[tuple[Block, str]]) -> int:
    """Which heading level opens sections: 1 (一、) if mapped ones exist, else 2, else 3."""
    for lvl in (1, 2, 3):
        mapped = [t for (b, t), l in zip(norm, levels) if l == lvl and section_of_heading(t)]
        if mapped:
            return lvl
    return 0


# an unheaded paragraph that plainly gives the unit's situation or its year's work
_UNIT_FACTS = re.compile(r"内设|下设|下辖|现有|共有|编制|承担[^，。；]{0,20}职[责能]|主要职责|执法对象|执法人员\d"
                         r"|(?<![管直])辖\s*[\d一二三四五六七八九十]+个|常住人口|户籍人口|总人口|(?:国土|总|辖区)面积")
_WORK_DONE = re.compile(r"开展|组织|举办|发放|报送|推送|制定|落实")
_PREAMBLE = re.compile(r"报告如下|总结如下|汇报如下|情况如下")
_PREAMBLE_TAIL = re.compile(r"[^。；]*(?:报告如下|总结如下|汇报如下|情况如下)[。：:]?$")


def sections_present(paras: list[Para]) -> list[str]:
    """The report's sections: by heading, or by a paragraph that clearly is one (SPEC §3)."""
    from model import SECTION_NAMES

    found = {p.section for p in paras if p.section} | {s for p in paras for s in p.opens}
    body = [p for p in paras if p.kind == "para" and p.section is None and p.heading_level == 0
            and len(p.text) > 40 and not _PREAMBLE.search(p.text[-12:])]
    # a unit described before 现将…报告如下 is described all the same
    intro = [p for p in paras if p.kind == "para" and p.section is None and p.heading_level == 0 and len(p.text) > 40]
    if "基本情况" not in found and any(_UNIT_FACTS.search(_PREAMBLE_TAIL.sub("", p.text)) for p in intro):
        found.add("基本情况")
    if "主要做法" not in found and not any(p.heading_level for p in paras) \
            and any(_WORK_DONE.search(p.text) for p in body):
        found.add("主要做法")
    return [s for s in SECTION_NAMES if s in found]
