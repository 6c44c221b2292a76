"""Reading quantities the way a careful reader does.

``468场次`` → 468, ``五件`` → 5, ``5万余份`` → 50000, ``1.2万人次`` → 12000,
``二十余场`` → 20, ``一千二百余人次`` → 1200.  Chinese numerals are
converted with cn2an on the numeral span only (its whole-text transform is
unreliable: PITFALLS, cn2an #87).
"""
from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "零〇○一二两三四五六七八九十百千"
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
    s = s.replace("○", "〇")
    if all(c in "零〇一二两三四五六七八九" for c in s) and len(s) > 1:
        return int("".join(str("零一二三四五六七八九".find(c) if c not in "〇两" else (0 if c == "〇" else 2))
                           for c in s))
    import cn2an

    try:
        v = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if isinstance(v, float):
        return int(v) if v.is_integer() else None
    return int(v)


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
