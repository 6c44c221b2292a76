"""The 实施方案's 评分细则 attachment: the rubric the check scores with, item by item."""
from __future__ import annotations

from typing import Any


def rubric_rows(path: Any = None) -> tuple[list[dict[str, str]], str]:
    """Rows (类别, 考核项目, 分值, 评分标准) of the rubric, and its grades in words."""
    from forms.scoring import load_rubric

    rubric = load_rubric(path)
    rows = [{"block": item.block, "item": item.name, "points": _points(item.points),
             "criterion": item.criterion} for item in rubric.items]
    return rows, grades_text(rubric.grades, rubric.total)


def grades_text(grades: tuple[tuple[str, float], ...], total: float) -> str:
    """“总分100分。90分以上为优秀，80分至89分为良好，60分至79分为合格，60分以下为不合格。”"""
    parts = []
    for i, (name, low) in enumerate(grades):
        if i == 0:
            parts.append(f"{_points(low)}分以上为{name}")
        elif i == len(grades) - 1 and low == 0:
            parts.append(f"{_points(grades[i - 1][1])}分以下为{name}")
        else:
            parts.append(f"{_points(low)}分至{_points(grades[i - 1][1] - 1)}分为{name}")
    return f"总分{_points(total)}分，" + "，".join(parts) + "。"


def _points(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
