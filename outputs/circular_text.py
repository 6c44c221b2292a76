"""What the circular says of the grades: every roster unit graded, the 优秀 ones praised by name.

A unit that sent nothing cannot be scored: it takes the rubric's lowest grade (不合格 in the
shipped 评分细则) and is counted with it, as real circulars do.
"""
from __future__ import annotations

from typing import Any

from outputs.figures import grade_counts

TOP_GRADE = "优秀"


def lowest_grade() -> str:
    """The lowest grade of the rubric the check scores with."""
    from forms.scoring import load_rubric

    return load_rubric(None).grades[-1][0]


def graded_units(units: list[dict[str, Any]], missing: list[str]) -> list[dict[str, Any]]:
    """The units that reported, then each unit that sent nothing with the lowest grade."""
    if not missing:
        return list(units)
    low = lowest_grade()
    return [*units, *({"unit": name, "score": None, "grade": low, "missing": True} for name in missing)]


def grades_phrase(graded: list[dict[str, Any]]) -> str:
    """“优秀4个、良好2个、合格1个、不合格2个（含未报送材料的1个单位）”."""
    missing = [u for u in graded if u.get("missing")]
    low = missing[0]["grade"] if missing else None  # graded_units gave them the lowest grade
    parts = []
    for c in grade_counts(graded):
        note = f"（含未报送材料的{len(missing)}个单位）" if missing and c["grade"] == low else ""
        parts.append(f"{c['grade']}{c['count']}个{note}")
    return "、".join(parts)


def praise_item(units: list[dict[str, Any]]) -> dict[str, str] | None:
    """表扬: the 优秀 units by name, as real 通报 praise them; None when there are none."""
    best = [u["unit"] for u in sorted(units, key=lambda u: -(u.get("score") or 0))
            if u.get("grade") == TOP_GRADE]
    if not best:
        return None
    return {"title": "通报表扬。", "text": (
        f"{'、'.join(best)}{len(best)}个单位普法责任制落实到位、履职材料扎实规范，评定为{TOP_GRADE}等次，"
        "予以通报表扬。希望受到表扬的单位珍惜荣誉、再接再厉，其他单位要学习借鉴，推动普法责任制落实再上新台阶。")}


def score_rows(units: list[dict[str, Any]], missing: list[str], score_text: Any) -> list[dict[str, Any]]:
    """附件1: every unit that reported, best first, then the units that sent nothing (graded)."""
    ranked = sorted(units, key=lambda u: (u.get("score") is None, -(u.get("score") or 0)))
    rows = [{"unit": u["unit"], "score": score_text(u.get("score")), "grade": u.get("grade") or "—"}
            for u in ranked]
    if not missing:
        return rows
    low = lowest_grade()
    return rows + [{"unit": name, "score": "未报送", "grade": low} for name in missing]
