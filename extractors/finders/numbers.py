"""Reading quantities the way a careful reader does.

``468场次`` → 468, ``五件`` → 5, ``5万余份`` → 50000, ``1.2万人次`` → 12000,
``二十余场`` → 20, ``一千二百余人次`` → 1200.  Chinese numerals are
converted with cn2an on the numeral span only (its whole-text transform is
unreliable: PITFALLS, cn2an #87).
"""
from __future__ import annotations

import re
from functools import lru_cache

# 大写 numerals (伍件, 壹拾贰场) are read as their plain forms
_FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
CN_DIGITS = "零〇○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
# A quantity: optional approximation, numeral, optional 万/千, optional 余/多, optional trailing 万
NUMBER = (rf"(?:(?<=[近上逾超])[万千百]|\d+(?:\.\d+)?|[{CN_DIGITS}]+(?:万[{CN_DIGITS}]+)?)"
          rf"(?:\s*[万千])?(?:余|多)?(?:万)?")
QUANTITY = re.compile(rf"(?<![\d.{CN_DIGITS}])(?P<num>{NUMBER})")
_PARTS = re.compile(rf"^(?P<n>\d+(?:\.\d+)?|[{CN_DIGITS}]+(?:万[{CN_DIGITS}]+)?)\s*(?P<mult>[万千])?(?:余|多)?(?P<mult2>万)?$")


@lru_cache(maxsize=4096)
def cn_to_int(s: str) -> int | None:
    """Integer value of a pure Chinese numeral (``二十``, ``一千二百``, ``二〇二二``)."""
    if not s:
        return None
    s = s.replace("○", "〇").translate(_FINANCIAL)
    if all(c in "零〇一二两三四五六七八九" for c in s) and len(s) > 1:
        return int("".join(str("零一二三四五六七八九".find(c) if c not in "〇两" else (0 if c == "〇" else 2))
                           for c in s))
    plain = _plain_numeral(s)
    if plain is not None:
        return plain
    import cn2an  # colloquial forms (一千二, 三万五): cn2an knows them; it takes 0.2 s to import

    try:
        v = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if isinstance(v, float):
        return int(v) if v.is_integer() else None
    return int(v)


_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def _plain_numeral(s: str) -> int | None:
    """The value of a numeral written out in full (二十, 一百零五, 三万五千), else None.

    Only forms with one reading are taken (each unit named, a 零 exactly where a unit
    is skipped); anything else goes to cn2an as before.
    """
    high, sep, low = s.partition("万")
    if not sep:
        return _below_wan(s, first=True)
    if "万" in low:
        return None
    top = _below_wan(high, first=True)
    if not top:
        return None
    if not low:
        return top * 10000
    rest = _below_wan(low[1:], first=False) if low[0] in "零〇" else _below_wan(low, first=False)
    if rest is None or (low[0] in "零〇") != (rest < 1000) or rest == 0:
        return None
    return top * 10000 + rest


def _below_wan(s: str, first: bool) -> int | None:
    """0–9999 written out in full; ``first``: at the head of the number, where 十二 means 12."""
    if not s:
        return None
    if first and s[0] == "十":
        s = "一" + s
    total, last_unit, i, zero = 0, 10000, 0, False
    while i < len(s):
        d = _DIGIT.get(s[i])
        if d is None:
            return None
        if d == 0:
            if zero or i == 0 or i == len(s) - 1:
                return None
            zero, i = True, i + 1
            continue
        unit = _UNIT.get(s[i + 1], 0) if i + 1 < len(s) else 1
        if unit == 0 or unit >= last_unit or zero != (last_unit > unit * 10 and total > 0):
            return None
        if unit == 1 and i + 1 != len(s):
            return None
        total += d * unit
        last_unit, zero = unit, False
        i += 2 if unit > 1 else 1
    if last_unit > 10 and s[-1] not in _UNIT:  # 一百五 (150?) is colloquial: leave it to cn2an
        return None
    return total


def parse_quantity(span: str) -> int | None:
    """Value of a quantity span, or None when it is not one."""
    span = span.strip()
    if span in ("万", "千", "百"):  # 近万份 / 逾千人 / 近百场: the round figure
        return {"万": 10000, "千": 1000, "百": 100}[span]
    m = _PARTS.match(span)
    if not m:
        return None
    n = m.group("n")
    if n[0].isdigit():
        base = float(n)
    else:
        v = cn_to_int(n)
        if v is None:
            return None
        base = float(v)
    mult = {"万": 10000, "千": 1000}.get(m.group("mult") or m.group("mult2") or "", 1)
    value = base * mult
    return int(round(value))
