"""Counted quantities in prose (活动场次, 资料份数, 案例个数 …) with evidence.

Each number with a measure word is claimed by the field whose keyword stands
nearest before it in the same clause (``发放宣传资料5万余份、接受法律咨询1200人次``
gives both), or by a keyword right after it (``报送5个典型案例``). Targets
(``不少于4个``) and next-year plans are not results; a stated total wins over
its parts, and parts are summed only when no total is given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from model import Evidence, Value
from .numbers import NUMBER, parse_quantity
from .patterns import (COUNT_FIELDS, FIELD_VERBS, FORWARD_KEYWORDS, NEXT_CLAUSE_SUBJECT, NON_FIELD_WORDS,
                       OTHER_COUNTED, PART_MARKERS, PER_HEAD, PLAN_MARKERS, PREVIOUS_MARKERS, STOCK_MARKERS,
                       STUDY_BY_STAFF, STUDY_LEADERS, STUDY_OF_LAW, STUDY_SUBJECT, TOTAL_MARKERS, YEAR_SPAN_MARKERS, ZERO_COUNTS)
from .structure import NOT_RESULTS, Para, is_heading_line
from .textutil import clause_bounds, sentences

_ALL_UNITS = sorted({u for _, units in COUNT_FIELDS.values() for u in units}, key=len, reverse=True)
_QTY = re.compile(rf"(?<![\d.])(?P<num>{NUMBER})\s*(?P<unit>{'|'.join(_ALL_UNITS)})(?:[（(]次[）)])?")
_PLAN = re.compile(PLAN_MARKERS)
_STOCK = re.compile(STOCK_MARKERS)
_SPAN = re.compile(YEAR_SPAN_MARKERS)
_TOTAL = re.compile(TOTAL_MARKERS)
_PART = re.compile(PART_MARKERS)
_STUDY_SUBJECT = re.compile(STUDY_SUBJECT)
_STUDY_OF_LAW = re.compile(STUDY_OF_LAW)
_STUDY_LEADERS = re.compile(STUDY_LEADERS)
_STUDY_BY_STAFF = re.compile(STUDY_BY_STAFF)
_VERBS = {f: (re.compile(own), re.compile(other)) for f, (own, other) in FIELD_VERBS.items()}
_PER_HEAD = re.compile(PER_HEAD)
_PREVIOUS = re.compile(PREVIOUS_MARKERS)
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")
_SUBSET = re.compile(r"^\s*(?:另外|此外)?其中")
_ZERO = {k: re.compile(v) for k, v in ZERO_COUNTS.items()}
_NEXT = {k: re.compile(v) for k, v in NEXT_CLAUSE_SUBJECT.items()}
_OTHER_COUNTED = re.compile(rf"(?:{OTHER_COUNTED})")
_REACH = ("覆盖", "惠及", "辐射", "受益", "参与")  # 参与企业负责人和从业人员2100余人次: who took part
_PEOPLE = ("人员", "职工", "干部", "企业")
# 受教育群众和市场主体人员1500人次: a word joined to the keyword by 和/及/与 is counted with it
_COORDINATED = re.compile(r"(?:和|及|与|以及|、)[^，。；、和及与\d]{0,6}$")
_FORWARD_GAP = re.compile(r"^(?:的|各类|次|余|多|篇|个|作为|为|列为)?")


@dataclass(frozen=True)
class Candidate:
    field: str
    value: int
    total: bool
    part: bool
    evidence: Evidence
    sentence: str
    pos: int = 0  # where in the sentence the figure stands
    subset: bool = False  # 其中…: a share of a figure stated elsewhere


def _claim_backward(before: str, unit: str, tail: int | None = None) -> str | None:
    """The field of the keyword ending nearest the number (the longer keyword on a tie); with
    ``tail``, only a keyword ending at most that many characters before the end counts."""
    best, best_key = None, (-1, 0)
    for field, (keywords, units) in COUNT_FIELDS.items():
        if unit not in units:
            continue
        for kw in keywords:
            pos = before.rfind(kw)
            if pos >= 0 and (pos + len(kw), len(kw)) > best_key:
                best, best_key = field, (pos + len(kw), len(kw))
    reach = best == "audience" and before[:best_key[0]].endswith(_REACH)
    for word in NON_FIELD_WORDS:
        pos = before.rfind(word)
        if reach and word in _PEOPLE:
            continue  # 覆盖企业职工及务工人员1万余人次: the people reached, not people trained
        if pos >= 0 and pos + len(word) > best_key[0] and not (best and _COORDINATED.match(before, best_key[0], pos)):
            return None
    if tail is not None and best_key[0] < len(before.rstrip("，,、；;：: ")) - tail:
        return None
    return best


_ALL_KEYWORDS = tuple({k for kws, _ in COUNT_FIELDS.values() for k in kws} | set(NON_FIELD_WORDS))


def _has_keyword(clause: str) -> bool:
    return any(k in clause for k in _ALL_KEYWORDS)


def _claim_forward(after: str, unit: str) -> str | None:
    after = _FORWARD_GAP.sub("", after, count=1)
    for field, keywords in FORWARD_KEYWORDS.items():
        if unit in COUNT_FIELDS[field][1] and any(after.startswith(k) for k in keywords):
            return field
    return None


_PAREN = re.compile(r"[（(][^）)]*[）)]")


def _paren_share(sentence: str, pos: int) -> bool:
    """The bracket around ``pos`` opens with 其中/含/包括: a share of something outside it."""
    opened = max(sentence.rfind("（", 0, pos), sentence.rfind("(", 0, pos))
    return bool(re.match(r"\s*(?:其中|含|包括|内含)", sentence[opened + 1:pos]))


def _in_parens(sentence: str, pos: int) -> bool:
    opened = max(sentence.rfind("（", 0, pos), sentence.rfind("(", 0, pos))
    closed = max(sentence.rfind("）", 0, pos), sentence.rfind(")", 0, pos))
    return opened > closed


def _other_year(sentence: str, cs: int, pos: int, year: int | None) -> bool:
    """The figure is given for another year (较2023年的5个, （2023年为3次）)."""
    start = max(cs, sentence.rfind("（", 0, pos) + 1, sentence.rfind("(", 0, pos) + 1)
    before = sentence[start:pos]
    if _PREVIOUS.search(before):
        return True
    return any(year is not None and int(y) != year for y in _YEAR.findall(before))


# a clause restating the figure before it for a period (三年累计发放3.2万份，2024年发放1.1万份)
_PERIOD_LEAD = re.compile(r"^(?:其中)?(?:\d{4}年|今年|本年|当年|全年)")
_TITLE = re.compile(r"《[^《》]{1,60}》")
_COPIES = ("份", "册", "本", "张", "套", "余份")


def _mask_titles(sentence: str) -> str:
    """Book and law titles blanked out (same length): 《法治宣传教育法》 names no 宣传 done."""
    return _TITLE.sub(lambda m: "《" + "〃" * (len(m.group(0)) - 2) + "》", sentence) if "《" in sentence else sentence


def candidates_in(sentence: str, para: Para, file: str, year: int | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    quoted, sentence = sentence, _mask_titles(sentence)  # figures read in the masked text, quoted whole
    matches = list(_QTY.finditer(sentence))
    for i, m in enumerate(matches):
        value = parse_quantity(m.group("num"))
        if value is None or value <= 0 and m.group("num") not in ("0", "零"):
            continue
        cs, ce = clause_bounds(sentence, m.start())
        clause = sentence[cs:ce]
        ls = _label_start(sentence, cs)
        own = clause if _in_parens(sentence, m.start()) else _PAREN.sub("", clause)  # not the brackets' words
        this_year = year is not None and f"{year}年" in clause  # 2022年以来累计96场，其中2024年38场
        if _PLAN.search(own) or _STOCK.search(clause) or _SPAN.search(sentence[:ce]) and not this_year \
                or _other_year(sentence, cs, m.start(), year):
            continue
        unit = m.group("unit")
        if _OTHER_COUNTED.match(sentence, m.end()):
            continue  # 以案释法、经费保障七个方面: the figure counts something else
        # copies of a titled book (《学生法治教育读本》4000册) are counted by the title's own word
        before = (quoted if unit in _COPIES else sentence)[ls:m.start()]
        field = _claim_backward(before, unit) or _claim_forward(sentence[m.end():ce], unit)
        if field is None and not _has_keyword(clause) and ls > 0:
            # 编写以案释法案例，全年报送4个: the figure's subject ends the clause before (not 明确普法对象和
            # 完成时限，年中、年底两次对照清单督办: a keyword inside that clause names something else; not
            # 集体学法6次，举办“法官讲堂”8期: that clause has its figure)
            previous = sentence[_label_start(sentence, clause_bounds(sentence, ls - 1)[0]):ls]
            field = None if _QTY.search(previous) and not _PERIOD_LEAD.match(clause) \
                else _claim_backward(previous, unit, tail=2 if not _QTY.search(previous) else None)
        if field is None and not _has_keyword(clause) and _TOTAL.search(clause):
            # 第一季度1个，…，全年共6个: a total names no subject, the sentence's subject is meant
            field = _claim_backward(sentence[:m.start()], unit)
        last_in_clause = i + 1 == len(matches) or matches[i + 1].start() >= ce
        if field is None and ce < len(sentence) and last_in_clause:
            field = _claim_next_clause(sentence[ce + 1:], unit)
        if field is None:
            continue
        if field == "study_sessions" and not _leadership_study(quoted, ls, ce):
            continue
        if _other_verb(field, sentence[ls:m.start()]) or _PER_HEAD.search(sentence, ls, m.start()):
            continue
        bare = _PAREN.sub("", clause)  # 全年报送6个（一季度1个…）: the breakdown does not make 6 a part
        total = bool(_TOTAL.search(sentence[:m.start()])) and not _PART.search(bare)
        part = bool(_PART.search(bare)) or _period_before(sentence[:cs]) and not total
        subset = bool(_SUBSET.search(clause)) and not _share_of_other(out, matches[:i], cs, field)
        if _in_parens(sentence, m.start()) and (any(c.field == field for c in out) or _paren_share(sentence, m.start())):
            subset = True  # a breakdown in brackets of the figure just given: （其中…1次）
        out.append(Candidate(field, value, total, part, Evidence(file, para.where, quoted), quoted, m.start(),
                             subset))
    return out


def _leadership_study(sentence: str, ls: int, ce: int) -> bool:
    """Study counts are the leadership's study of law: a leadership body named before the figure,
    not staff alone in its clause, and law (法, 条例…) in the sentence."""
    if not _STUDY_SUBJECT.search(sentence, 0, ce) or not _of_law(sentence, ls, ce):
        return False
    return not (_STUDY_BY_STAFF.search(sentence, ls, ce) and not _STUDY_LEADERS.search(sentence, ls, ce))


def _of_law(sentence: str, ls: int, ce: int) -> bool:
    """Law is what the figure's clause studies, or the clause after it says so (…12次，学习民法典等法律),
    not a share that follows (集中学习12次，其中专题学法1次)."""
    if _STUDY_OF_LAW.search(sentence, ls, ce):
        return True
    if ce >= len(sentence):
        return False
    nxt = sentence[ce + 1:clause_bounds(sentence, ce + 1)[1]]
    return not _SUBSET.search(nxt) and bool(_STUDY_OF_LAW.search(nxt))


def _other_verb(field: str, before: str) -> bool:
    """The verb nearest before the figure does something else than the field counts."""
    if field not in _VERBS:
        return False
    own, other = _VERBS[field]
    last_other = max((m.end() for m in other.finditer(before)), default=-1)
    return last_other >= 0 and last_other > max((m.end() for m in own.finditer(before)), default=-1)


_THEMES = re.compile(r"^(?:围绕|紧扣|聚焦|结合|抓住|利用|借助|依托|以)")


def _period_before(text: str) -> bool:
    """An earlier clause names the one period the figure falls in (宪法宣传周期间，…8场); occasions
    listed as the year's themes (围绕民法典宣传月、宪法宣传周，…26场次) make no part."""
    if not _PART.search(text):
        return False
    return not (len(_PART.findall(text)) >= 2 or _THEMES.match(text))


def _label_start(sentence: str, cs: int) -> int:
    """A clause that follows a colon belongs with its label (``以案释法案例：4个``)."""
    if cs >= 1 and sentence[cs - 1] in "：:":
        return clause_bounds(sentence, cs - 1)[0]
    return cs


def _merge_siblings(cands: list[Candidate]) -> list[Candidate]:
    """Figures of one field listed in one sentence (进社区12次、进企业8次) add up."""
    out: list[Candidate] = []
    by_sentence: dict[str, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    for group in by_sentence.values():
        if len(group) == 1 or any(c.total or c.part for c in group):
            out.extend(group)
            continue
        total = sum(c.value for c in group)
        out.append(Candidate(group[0].field, total, False, False, group[0].evidence, group[0].sentence))
    return out


def _share_of_other(earlier: list[Candidate], before: list[re.Match[str]], cs: int, field: str) -> bool:
    """``干部学法12次，其中中心组学法4次``: the share belongs to this field, the whole to none."""
    whole = [m for m in before if m.start() < cs]
    claimed = {c.pos for c in earlier if c.field == field}
    return bool(whole) and all(m.start() not in claimed for m in whole)


def _claim_next_clause(rest: str, unit: str) -> str | None:
    for field, pat in _NEXT.items():
        if unit in COUNT_FIELDS[field][1] and pat.match(rest):
            return field
    return None


def choose(cands: list[Candidate]) -> Value | None:
    """A stated total wins; parts alone are summed; else the largest figure stated."""
    if not cands:
        return None
    cands = _merge_siblings([c for c in cands if not c.subset])
    if not cands:
        return None
    totals = [c for c in cands if c.total]
    if totals:
        best = max(totals, key=lambda c: c.value)
        return Value(best.value, (best.evidence,))
    if all(c.part for c in cands):
        seen: dict[str, Candidate] = {}
        for c in cands:
            seen.setdefault(f"{c.evidence.where}|{c.sentence}|{c.pos}", c)
        parts = list(seen.values())
        return Value(sum(c.value for c in parts), tuple(c.evidence for c in parts))
    whole = [c for c in cands if not c.part]
    best = max(whole, key=lambda c: c.value)
    return Value(best.value, (best.evidence,))


def extract_counts(paras: list[Para], file: str, year: int | None = None) -> dict[str, Value]:
    by_field: dict[str, list[Candidate]] = {}
    for p in paras:
        if p.kind == "cell" or p.section in NOT_RESULTS or is_heading_line(p):
            continue
        for s in sentences(p.text):
            for c in candidates_in(s, p, file, year):
                by_field.setdefault(c.field, []).append(c)
    out = {}
    for field, cands in by_field.items():
        v = choose(cands)
        if v is not None:
            out[field] = v
    for field, v in _stated_none(paras, file).items():
        out.setdefault(field, v)
    return out


def _stated_none(paras: list[Para], file: str) -> dict[str, Value]:
    """Counts a report states as none (尚未报送以案释法案例 → 0)."""
    out: dict[str, Value] = {}
    for p in paras:
        if p.kind == "cell" or p.section in NOT_RESULTS or is_heading_line(p):
            continue
        for s in sentences(p.text):
            for field, pat in _ZERO.items():
                if field not in out and pat.search(s):
                    out[field] = Value(0, (Evidence(file, p.where, s),))
    return out
