"""Which SPEC §2 document type a file is, from its title, name and shape."""
from __future__ import annotations

import re

from .structure import Para

_NEWS_WORDS = r"工作信息|简报|工作动态|快讯|信息专报"  # a news item on one event (is_news_item)

# checked in order against the title, then the file name; first hit wins
TYPE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("other", r"(?:的|报送)函$|函[)）]?$|报送单$|^关于报送[^报告总结]*材料"),  # a cover letter
    ("duty_list", r"责任清单|普法清单|责任分工表|四清单|普法[^，。；]{0,12}清单"),
    ("case_report", r"以案释法|典型案例|案例汇编|案例选编|案例"),
    ("self_inspection", r"自查|自评|自检"),
    ("stats_form", r"统计表|统计报表|情况统计|数据统计|报表|统计情况|情况表|数据表"),
    ("plan", r"计划|要点|方案|工作安排|普法规划|工作规划"),
    # a notice, bulletin or minutes that is none of the above (关于召开…推进会的通知): not a submission
    ("other", r"(?:通知|通报|通告|公告|纪要|邀请函|请示|批复)[)）]?$"),
    # a news item on one event (工作信息, 简报): no report on the year
    ("other", _NEWS_WORDS),
    ("annual_report", r"总结|报告|履职|工作情况|述职|开展情况|落实情况|情况汇报|汇报"),
)
_COMPILED = tuple((t, re.compile(p)) for t, p in TYPE_KEYWORDS)
_DUTY_HEADERS = ("普法内容", "普法对象", "普法方式", "责任部门", "责任科室", "完成时限", "责任人", "法律法规",
                 "宣传内容", "宣传对象", "宣传方式", "普法形式", "普法重点", "责任单位", "责任股室", "责任领导",
                 "时间安排", "完成时间", "普法载体", "普法任务")


# 版头 lines above a title: 发文机关标志 (…文件), 发文字号, 份号, 密级, 紧急程度
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}文件$|〔\d{4}〕\s*\d+\s*号$|\[\d{4}\]\s*\d+\s*号$|"
                       r"^(?:特急|加急|平急|特提|急件|秘密|机密|绝密|内部|公开)(?:[★\s].*)?$|^\d{6}$|^签发人")
_TITLE_END = re.compile(r"(?:报告|总结|清单|案例|要点|计划|方案|统计表|报表|情况|汇报|汇编|自查表|评分表)[)）]?$")


_DOC_NUMBER = re.compile(r"〔\d{4}〕\s*\d+\s*号$|\[\d{4}\]\s*\d+\s*号$")


def title_of(paras: list[Para]) -> str:
    """The document title: the first line, continued by short lines until it reads complete.

    In a 公文 the title follows the 版头: the issuing office's name (one line or two, often
    without 文件) and the 发文字号. With a 发文字号 among the first lines the title starts after it.
    """
    head = paras[:8]
    numbered = [i for i, p in enumerate(head) if _DOC_NUMBER.search(p.text)]
    if numbered and numbered[0] + 1 < len(head):
        head = head[numbered[0] + 1:]
    prose = [p for p in head if p.kind in ("para", "textbox", "cell") and not _MASTHEAD.search(p.text)]
    if not prose:
        return ""
    lines = [prose[0].text]
    for p in prose[1:3]:
        joined = "".join(lines)
        if _TITLE_END.search(joined) or p.heading_level == 1 or p.text.endswith(("。", "：", ":")) \
                or len(p.text) > 30 or len(joined) + len(p.text) > 60:
            break
        lines.append(p.text)
    return "".join(lines)


def _without_unit(text: str) -> str:
    """A title without the unit's own name (自然资源和规划局 is no 规划)."""
    from .units import name_in

    name = name_in(text)
    return text[len(name):] if name and text.startswith(name) else text


def classify(paras: list[Para], filename: str, fmt: str, title: str | None = None) -> str:
    """``title`` is ``title_of(paras)`` when the caller has it already."""
    title = title_of(paras) if title is None else title
    titled = title if _title_like(title) else ""  # a first paragraph of prose names no type
    for source in (_without_unit(titled), _without_unit(filename)):
        for doc_type, pat in _COMPILED:
            if pat.search(source):
                if doc_type == "case_report" and _report_with_cases(source):
                    return "annual_report"
                if doc_type == "plan" and _report_with_plan(source):
                    return "annual_report"
                if doc_type == "other" and _CARRIER.search(source) \
                        and (carried := _by_shape(paras, fmt)) in ("duty_list", "case_report"):
                    return carried  # a 印发通知 with the list as its table, a 报送函 with the cases below it
                return doc_type
    return _by_shape(paras, fmt)


# a notice that issues or forwards a document: what it carries decides
_ISSUING = re.compile(r"^关于(?:印发|下发|转发|公布)")
# …and so does a cover letter that carries the material itself
_CARRIER = re.compile(r"关于(?:印发|下发|转发|公布|报送)|函[)）]?$|报送单$")


def _title_like(title: str) -> bool:
    return bool(title) and len(title) <= 80 and not title.endswith(("。", "；", ";"))


_REPORT_WORDS = re.compile(r"总结|履职报告|工作报告|述职|情况报告|落实情况")


_REPORT_HEAD = re.compile(r"(?:报告|总结|情况|汇报)[)）]?$")


def _report_with_plan(title: str) -> bool:
    """``2023年普法工作总结及2024年工作计划`` reports on the year; the plan is its last part. A title's
    head noun ends it: ``关于2024年普法工作要点落实情况的报告`` is a report on a plan carried out."""
    report, plan = _REPORT_WORDS.search(title), re.search(r"计划|要点|工作安排|打算", title)
    if plan and _REPORT_HEAD.search(title) and not re.match(r"关于(?:印发|下发|转发)", title):
        return True
    return bool(report and plan and report.start() < plan.start())


def _report_with_cases(title: str) -> bool:
    """``…履职报告（附以案释法案例）`` is a report, not a case file."""
    m = re.search(r"以案释法|典型案例|案例", title)
    return bool(m and re.search(r"总结|履职报告|工作报告", title[: m.start()]))


def _by_shape(paras: list[Para], fmt: str) -> str:
    cells = [p.text for p in paras if p.kind == "cell"]
    if sum(any(h in c for h in _DUTY_HEADERS) for c in cells) >= 3:
        return "duty_list"
    if fmt in ("xlsx", "xls", "et") and sum(c.replace(".", "").isdigit() for c in cells) >= 4:
        return "stats_form"
    text = "".join(p.text for p in paras)
    if sum(text.count(k) for k in ("基本案情", "案情简介", "案件事实")) >= 1:
        return "case_report"
    if len(text) > 300 and _report_shape(paras, text):
        return "annual_report"
    return "other"


_NEWS = re.compile(_NEWS_WORDS)


def is_news_item(paras: list[Para], filename: str, title: str | None = None) -> bool:
    """A 工作信息 / 简报 item on one event: it states what the unit did that day (its figures count),
    unlike a cover letter or a forwarded notice."""
    title = title_of(paras) if title is None else title
    if _NEWS.search(title) or _NEWS.search(filename):
        return True
    if re.search(r"(?:通知|通报|函|请示|批复|纪要)[)）]?$", title) or _ISSUING.search(title):
        return False
    body = [p for p in paras if p.kind == "para" and p.heading_level == 0 and len(p.text) > 40]
    return bool(body) and bool(_EVENT_LEAD.match(body[0].text))


_EVENT_LEAD = re.compile(r"^(?:近日|日前|近期|(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬)")


def _report_shape(paras: list[Para], text: str) -> bool:
    """An untitled text reads as a report on the year when it has headings or the length of one; a short
    item that opens on a day (近日，… / 12月4日，…) is news of one event (工作信息)."""
    headings = sum(1 for p in paras if p.heading_level == 1)
    body = [p for p in paras if p.kind == "para" and p.heading_level == 0 and len(p.text) > 40]
    if headings >= 2 or len(text) > 2500:
        return True
    return not (body and _EVENT_LEAD.match(body[0].text))
