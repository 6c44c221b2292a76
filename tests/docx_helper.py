"""Reading back what we generate: text, tables and style properties of a .docx."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn


def open_doc(path: Path) -> Any:
    return docx.Document(str(path))


def all_text(doc: Any) -> str:
    """Body paragraphs and every table cell, one per line."""
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("|".join(c.text for c in row.cells))
    return "\n".join(lines)


def by_style(doc: Any, style_id: str) -> list[Any]:
    return [p for p in doc.paragraphs if p.style.style_id == style_id]


def table_rows(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def style_element(doc: Any, style_id: str) -> Any:
    """The ``w:style`` element of ``style_id``."""
    return doc.styles.element.get_by_id(style_id)


def style_fonts(doc: Any, style_id: str) -> dict[str, str]:
    """The w:rFonts attributes of a style (local names)."""
    el = doc.styles.element.get_by_id(style_id)
    rfonts = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}
