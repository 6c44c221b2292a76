"""Width of text as a spreadsheet shows it: east-asian wide and full-width characters count 2."""
from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def display_width(text: str) -> int:
    """Width of the longest line, east-asian wide/full-width characters counting 2."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)
