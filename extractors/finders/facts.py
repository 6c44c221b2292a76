"""Stated facts (领导小组, 分管领导, 专人, 责任清单, 经费) and new-media channels.

A fact is read per clause: a negation (尚未建立…, 未明确专人…) makes it false
and wins within the file, wherever it is stated (often only in 存在问题);
a plain mention in a past or present context makes it true; intentions
(下一步, 拟, 计划 …) say nothing.
"""
from __future__ import annotations

import re

from model import Evidence, Value
from .patterns import (BOOL_PATTERNS, FUTURE_MARKERS, NEW_MEDIA, NEW_MEDIA_DISCLOSURE, NEW_MEDIA_FOR_PUFA,
                       NEW_MEDIA_NEG, NEW_MEDIA_NOT_FOR_PUFA, NEW_MEDIA_PURPOSE, POST_NEGATED_SUBJECTS, POST_NEGATION, GROUP_NAME,
                       GROUP_NAME_CUT, GROUP_OF_LAW)
from .structure import ATTACHMENT, Para, is_heading_line
from .textutil import clauses, sentences

_SPECS = {field: {**spec, "negative": spec["negative"] + ((rf"(?:{POST_NEGATED_SUBJECTS[field]}){POST_NEGATION}",)
                                                          if field in POST_NEGATED_SUBJECTS else ())}
          for field, spec in BOOL_PATTERNS.items()}
_COMPILED = {
    field: {k: tuple(re.compile(p) for p in pats) for k, pats in spec.items()}
    for field, spec in _SPECS.items()
}
# each kind's patterns as one alternation: one search per sentence instead of one per pattern
_ANY = {field: {k: re.compile("|".join(f"(?:{p})" for p in pats)) for k, pats in spec.items()}
        for field, spec in _SPECS.items()}
_FUTURE = re.compile(FUTURE_MARKERS)
_MEDIA = tuple((name, re.compile(p)) for name, p in NEW_MEDIA)
_MEDIA_NEG = re.compile(NEW_MEDIA_NEG)
_MEDIA_NOT_FOR_PUFA = re.compile(NEW_MEDIA_NOT_FOR_PUFA)
_MEDIA_FOR_PUFA = re.compile(NEW_MEDIA_FOR_PUFA)
_MEDIA_DISCLOSURE = re.compile(NEW_MEDIA_DISCLOSURE)
_MEDIA_PURPOSE = re.compile(NEW_MEDIA_PURPOSE)


def _prose(paras: list[Para]):
    for p in paras:
        if p.kind == "cell" or p.section == ATTACHMENT or is_heading_line(p):
            continue
        for s in sentences(p.text):
            yield p, s


def _judge(field: str, sentence: str, section: str | None, before: str = "") -> bool | str | None:
    """``before``: the paragraph's previous sentence, whose subject a sentence may carry on
    (…统筹推进普法依法治理工作。领导小组办公室设在镇综治办，承担日常工作。)."""
    pats, any_of = _COMPILED[field], _ANY[field]
    if not any_of["context"].search(sentence) and not any_of["context"].search(before):
        return None
    weak = "weak_negative" in any_of and bool(any_of["weak_negative"].search(sentence))
    # a denied 普法 group is weak before the strong denials (未单独成立普法领导小组，由法治建设领导小组统筹)
    broad = "broad" in any_of
    if any_of["negative"].search(any_of["weak_negative"].sub("", sentence) if weak and broad else sentence):
        return False
    if section == "下一步打算":
        return None
    own = sentence if not weak else any_of["weak_negative"].sub("", sentence)  # 没有专职人员，由办公室兼职负责
    if field == "leading_group":
        own = _GROUP.sub(_law_group, own)
    if weak and broad:
        return True if any_of["broad"].search(_positive_text(pats, own)) else WEAK_FALSE
    verdict = _positive(pats, any_of, own)
    return verdict if verdict or not weak else WEAK_FALSE


_GROUP = re.compile(GROUP_NAME)
_GROUP_CUT = re.compile(GROUP_NAME_CUT)
_GROUP_OF_LAW = re.compile(GROUP_OF_LAW)


def _law_group(m: re.Match[str]) -> str:
    """A 领导小组 named for other work is blanked out; one named for law, or by no work, stays."""
    name = _GROUP_CUT.sub("", m.group(1)).removesuffix("工作")
    return m.group(0) if not name or _GROUP_OF_LAW.search(name) else m.group(1)


WEAK_FALSE = "weak"  # false unless the file says otherwise elsewhere


def _positive_text(pats: dict[str, tuple[re.Pattern[str], ...]], own: str) -> str:
    """The sentence without what is not the unit's own (the district's group)."""
    for pat in pats.get("not_own", ()):
        own = pat.sub("", own)
    return own


def _positive(pats: dict[str, tuple[re.Pattern[str], ...]], any_of: dict[str, re.Pattern[str]], own: str) -> bool | None:
    own = _positive_text(pats, own)
    if not any_of["positive"].search(own):
        return None
    for pp in pats["positive"]:
        for m in pp.finditer(own):
            if not _FUTURE.search(_clauses_around(own, m.start(), m.end())):
                return True
    return None


def _clauses_around(sentence: str, start: int, end: int) -> str:
    """The clauses a match spans (an intention elsewhere in the sentence does not touch it)."""
    from .textutil import clause_bounds

    return sentence[clause_bounds(sentence, start)[0]:clause_bounds(sentence, max(start, end - 1))[1]]


def extract_facts(paras: list[Para], file: str) -> dict[str, Value]:
    found: dict[str, dict[bool | str, list[Evidence]]] = {}
    last: tuple[str, str] = ("", "")  # (paragraph, sentence) read last
    for p, s in _prose(paras):
        before = last[1] if last[0] == p.where else ""
        last = (p.where, s)
        for field in _COMPILED:
            verdict = _judge(field, s, p.section, before)
            if verdict is not None:
                found.setdefault(field, {}).setdefault(verdict, []).append(Evidence(file, p.where, s))
    out = {}
    for field, by in found.items():
        verdict = False if False in by else True if True in by else WEAK_FALSE
        out[field] = Value(verdict is True, tuple(by[verdict][:3]))
    return out


def _put_to_other_use(clause: str, after: list[str]) -> bool:
    """The clause names a channel and states its purpose, which is not 普法 (…公众号主要用于招商推介),
    and the clauses that carry on about it (up to the next channel named) add no 普法 use."""
    first = min((m.end() for _, pat in _MEDIA if (m := pat.search(clause))), default=None)
    purpose = _MEDIA_PURPOSE.search(clause, first) if first is not None else None
    if purpose is None or _MEDIA_FOR_PUFA.search(purpose.group(0)):
        return False
    for more in after:
        if any(pat.search(more) for _, pat in _MEDIA):
            break
        if _MEDIA_FOR_PUFA.search(more) and not _MEDIA_NOT_FOR_PUFA.search(more) and not _MEDIA_NEG.search(more):
            return False  # …主要用于旅游推介，也推送普法短视频
    return True


def extract_media(paras: list[Para], file: str) -> Value:
    names: dict[str, Evidence] = {}
    for p, s in _prose(paras):
        if p.section == "下一步打算":
            continue
        not_for_pufa = bool(_MEDIA_NOT_FOR_PUFA.search(s))
        disclosure = bool(_MEDIA_DISCLOSURE.search(s))
        if disclosure and not _MEDIA_FOR_PUFA.search(s):
            continue  # 在门户网站公开行政处罚信息: disclosure, not 普法
        parts = clauses(s)
        for i, clause in enumerate(parts):
            if _MEDIA_NEG.search(clause) or _FUTURE.search(clause):
                continue
            if _put_to_other_use(clause, parts[i + 1:]):
                continue  # 抖音号主要用于旅游推介: a channel for something else
            if disclosure and _MEDIA_DISCLOSURE.search(clause) and not _MEDIA_FOR_PUFA.search(clause):
                continue
            if not_for_pufa and (_MEDIA_NOT_FOR_PUFA.search(clause) or not _MEDIA_FOR_PUFA.search(clause)):
                continue
            for name, pat in _MEDIA:
                if name not in names and pat.search(clause):
                    names[name] = Evidence(file, p.where, s)
    order = [n for n, _ in NEW_MEDIA]
    chosen = [n for n in order if n in names]
    return Value(chosen, tuple(names[n] for n in chosen))
