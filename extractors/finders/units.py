"""Who sent a file: matching the names in it against the roster.

A roster name matches a place in the file (signature, title, header, folder,
file name) when its core (without the 区/市/县 prefix) or an alias stands
there, or when the two differ only by letters left out: an abbreviation
(人社局 for 人力资源和社会保障局, 城管局 for 城市管理和综合执法局) is a
subsequence of the full name, and a longer form (云州市生态环境局清江分局
for 生态环境分局) contains it as a subsequence. A match is sure only when
one roster unit scores best.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_PREFIX = re.compile(r"^(?:中共|中国共产党)?(?:[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|旗|镇|乡|街道))?")
_REGION = ("区", "市", "县", "镇", "乡", "旗")
ORG_END = ("局", "委", "办", "院", "厅", "队", "所", "中心", "部", "会", "署", "站", "处", "室", "馆", "社", "团", "庭",
           "学校", "中学", "小学", "幼儿园",
            "公司", "政府", "分局", "支队", "大队", "法院", "检察院")


@dataclass(frozen=True)
class RosterEntry:
    name: str
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()  # 曾用名: the unit's names in earlier years (matched across years)

    @property
    def core(self) -> str:
        n = self.name
        while n and n[0] in _REGION and len(n) > 3:
            n = n[1:]
        return n


@dataclass(frozen=True)
class Match:
    name: str | None  # roster name, or the name as found in the file
    on_roster: bool
    source: str  # signature | title | header | folder | filename
    text: str  # where it was found


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def score(entry: RosterEntry, text: str) -> float:
    """How surely ``text`` names ``entry`` (0 when it does not)."""
    if entry.name in text:
        return 1.0
    core = entry.core
    if len(core) >= 2 and core in text:
        return 0.95
    for a in entry.aliases:
        if len(a) >= 2 and a in text:
            return 0.9
    return _fuzzy(core, text)


def _fuzzy(core: str, text: str) -> float:
    if len(core) < 3:
        return 0.0
    at = _positions(text)  # every window below starts with core[0] and ends with core[-1]
    ends, starts = at.get(core[-1]), at.get(core[0])
    if not ends or not starts:
        return 0.0
    best = 0.0
    for end in ends:
        for k in range(bisect_left(starts, end - 2 * len(core) - 4), bisect_left(starts, end - 1)):
            start = starts[k]
            window = text[start:end + 1]
            if len(window) >= 3 and _is_subsequence(window, core):  # abbreviation
                best = max(best, 0.6 + 0.2 * len(window) / len(core))
            elif _is_subsequence(core, window):  # longer form
                best = max(best, 0.6 + 0.2 * len(core) / len(window))
            elif len(core) >= 5 and len(core) - 2 <= len(window) <= len(core) / 0.75 \
                    and _shared_chars(window, core) >= len(core) - 2:  # a bound of the LCS, cheap: most windows stop here
                # a former or merged name: 文化和旅游局 for 文化旅游体育局
                common = _lcs(window, core)
                if common >= 0.7 * len(core) and common >= 0.75 * len(window) and common >= len(core) - 2:
                    best = max(best, 0.6 + 0.1 * 2 * common / (len(core) + len(window)))
    return best


@lru_cache(maxsize=64)
def _positions(text: str) -> dict[str, list[int]]:
    """Where each character of ``text`` stands (one text is scored against many roster entries)."""
    at: dict[str, list[int]] = {}
    for i, ch in enumerate(text):
        at.setdefault(ch, []).append(i)
    return at


def _shared_chars(a: str, b: str) -> int:
    """How many characters the two have in common, counted with repeats (at least their LCS)."""
    return sum(min(a.count(c), b.count(c)) for c in set(a))


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _part_of_a_match(e: RosterEntry, matching: list[RosterEntry]) -> bool:
    """Another matching entry is a part of ``e`` (区公安分局交通警察大队 of 区公安分局): the text names
    the part, which is the more specific; ``e`` only matched through it."""
    return any(o is not e and e.core in o.core and o.core != e.core for o in matching)


def best_match(roster: list[RosterEntry], text: str) -> tuple[RosterEntry | None, float]:
    best: tuple[float, RosterEntry] | None = None
    second = 0.0  # entries that cannot match score 0
    scored = [(score(e, text), e) for e in _candidates(roster, text)]
    matching = [e for sc, e in scored if sc >= 0.6]
    scored = [(sc, e) for sc, e in scored if not _part_of_a_match(e, matching)]
    for sc, e in scored:
        if best is None or sc > best[0]:
            second = best[0] if best is not None else second
            best = (sc, e)
        elif sc > second:
            second = sc
    if best is None or best[0] < 0.6:
        return None, 0.0
    if second >= best[0] - 0.02:
        return None, 0.0  # two units fit equally: not sure
    return best[1], best[0]


class _Index:
    """Which roster entries can score above 0 for a text, without scoring all of them.

    An entry scores only if its core's first and last characters are in the text (the
    name, the core and every fuzzy window contain both), or one of its aliases is.
    """

    def __init__(self, roster: list[RosterEntry]) -> None:
        self.roster, self.size = roster, len(roster)
        self.by_last: dict[str, list[int]] = {}
        self.by_alias_start: dict[str, list[tuple[int, str]]] = {}  # an alias's first two characters
        for i, e in enumerate(roster):
            for a in e.aliases:
                if len(a) >= 2:
                    self.by_alias_start.setdefault(a[:2], []).append((i, a))
        self.first = [e.core[:1] for e in roster]
        for i, e in enumerate(roster):
            core = e.core
            if core:
                self.by_last.setdefault(core[-1], []).append(i)

    def candidates(self, text: str) -> list[RosterEntry]:
        chars = set(text)
        first = self.first
        hits = {i for c in chars & self.by_last.keys() for i in self.by_last[c] if first[i] in chars}
        starts = {text[k:k + 2] for k in range(len(text) - 1)} & self.by_alias_start.keys()
        hits.update(i for s in starts for i, a in self.by_alias_start[s] if a in text)
        return [self.roster[i] for i in sorted(hits)]  # roster order: ties go to the first, as before


_INDEX: list[_Index] = []


def _candidates(roster: list[RosterEntry], text: str) -> list[RosterEntry]:
    if not _INDEX or _INDEX[0].roster is not roster or _INDEX[0].size != len(roster):
        _INDEX[:] = [_Index(roster)]
    return _INDEX[0].candidates(text)


_CUT = re.compile(r"\d{4}|年度|关于|[“\"《（(]|普法|履职|工作|的|以案释法|典型案例|责任清单")


def name_in(text: str) -> str | None:
    """An organisation name as written (for files from units not on the roster)."""
    text = re.sub(r"^(?:关于)", "", text.strip())
    m = _CUT.search(text)
    name = text[: m.start()] if m else text
    name = name.strip(" ：:，,")
    if 3 <= len(name) <= 30 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and name.endswith(ORG_END):
        office = _OFFICE_OF.match(name)
        return office.group(1) if office else name
    return None


# 区林业局办公室, 某院研究室: an office signing for its unit names the unit (区委办公室 is a unit itself)
_OFFICE_OF = re.compile(r"^(.{2,}?(?:局|委员会|(?<![区市县州旗省镇乡党])委|院|大队|支队|中心|办事处|分局))"
                        r"(?:办公室|[\u4e00-\u9fff]{1,6}(?:科|股|室))$")


def attribute(places: list[tuple[str, str]], roster: list[RosterEntry]) -> Match:
    """The unit named by the first place (in priority order) that names one surely."""
    from .normalize import normalize

    places = [(source, normalize(text)) for source, text in places]
    if roster:
        for source, text in places:
            entry, _ = best_match(roster, text)
            if entry is not None:
                return Match(entry.name, True, source, text)
    for source, text in places:
        if source in ("signature", "title", "header", "folder", "filename"):
            name = name_in(text)
            if name:
                return Match(name, False, source, text)
    return Match(None, False, "", "")


def _bare(name: str) -> str:
    """A name without its place (鹤溪区交通运输局 → 交通运输局), for comparing names found in files."""
    bare = _PREFIX.sub("", name, count=1)
    return bare if len(bare) >= 2 else name


def _same_unit(longer: str, shorter: str) -> bool:
    if longer.endswith(shorter) or shorter.endswith(longer):
        return True
    # 市场监管局 for 市场监督管理局: an abbreviation keeps the first and last characters in order
    return len(shorter) >= 3 and shorter[0] == longer[0] and shorter[-1] == longer[-1] \
        and _is_subsequence(shorter, longer)


def unify_names(names: list[str]) -> dict[str, str]:
    """With no roster, map the names files give to one name per unit (the fullest form).

    交通运输局 (a folder) and 鹤溪区交通运输局 (a signature) are one unit; two names are one
    unit when, without their place, one ends the other.
    """
    out: dict[str, str] = {}
    kept: list[str] = []
    for name in sorted(set(names), key=lambda n: (-len(n), n)):
        b = _bare(name)
        same = next((k for k in kept if _same_unit(_bare(k), b)), None)
        if same is None:
            kept.append(name)
        out[name] = same or name
    return out
