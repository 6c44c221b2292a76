"""The .docx templates (docxtpl) of the drafts and notices, editable in Word or WPS.

They are built from the one 公文 base (``outputs.gongwen``) by ``python -m templates.build``;
rebuild after changing the layout profile or a template's wording there.
"""
from __future__ import annotations

from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parent

# kind -> file name in TEMPLATES_DIR
TEMPLATE_FILES: dict[str, str] = {
    "circular": "circular.docx",  # 履职评议情况通报
    "plan": "plan.docx",  # 评议活动实施方案
    "self_inspection": "self_inspection.docx",  # 自查报告
    "notice": "notice.docx",  # 补报/整改通知
}


def template_path(kind: str) -> Path:
    """The shipped template for ``kind`` (one of ``TEMPLATE_FILES``)."""
    return TEMPLATES_DIR / TEMPLATE_FILES[kind]
