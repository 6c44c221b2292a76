"""Writing the synthetic documents as real files: .docx (python-docx), .xlsx (openpyxl), .pdf (fpdf2).

A document is a list of ``(style, text)`` items (``title``, ``h1``, ``h2``, ``para``,
``right``) plus, for lists and forms, a table (header row + rows).  PDFs use a CJK
font subset to the characters the vocabulary can produce, built once with fontTools
and cached, so writing one PDF takes a few milliseconds of font work, not a second.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

CJK_FONTS = (("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # TrueType outlines: fpdf2 subsets them fast
             ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2))  # CFF: correct but slow to subset
Items = list[tuple[str, str]]
Table = list[list[str]]


def write_docx(path: Path, items: Items, table: Table | None = None, after: Items = ()) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    for style, text in items:
        if style == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(text).bold = True
        elif style == "h1":
            d.add_paragraph(text, style="Heading 1")
        elif style == "h2":
            d.add_paragraph().add_run(text).bold = True
        elif style == "right":
            d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        t.style = "Table Grid"
        for cell, text in zip(t._cells, (c for row in table for c in row)):
            cell.text = text
    for _, text in after:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.save(str(path))


def write_xlsx(path: Path, sheets: list[tuple[str, Table]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append([int(c) if isinstance(c, str) and c.isdigit() and len(c) < 10 else c for c in row])
    wb.save(str(path))


def write_pdf(path: Path, items: Items, font_dir: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(28, 37, 26)
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(cjk_font(font_dir)))
    widths: dict[str, float] = {}
    state = {"y": 0.0, "page": 0}

    def new_page() -> None:
        if state["page"]:
            _footer(pdf, state["page"])
        pdf.add_page()
        state["page"] += 1
        state["y"] = 37.0

    def line(text: str, size: float, x: float | None = None) -> None:
        if state["y"] + size * 0.66 > 297 - 35:
            new_page()
        pdf.set_font("cjk", size=size)
        w = sum(widths.setdefault(c, pdf.get_string_width(c)) for c in text) if x is None else 0
        pdf.text(x if x is not None else 210 - 26 - w, state["y"], text)
        state["y"] += size * 0.66  # 三号 at 22 lines a page (GB/T 9704)

    new_page()
    for style, text in items:
        size = 20.0 if style == "title" else 15.5
        if style == "title":
            pdf.set_font("cjk", size=size)
            line(text, size, (210 - pdf.get_string_width(text)) / 2)
            state["y"] += 4
        elif style == "right":
            line(text, size, None)
        else:
            pdf.set_font("cjk", size=size)
            indent = 0 if style in ("h1", "h2") else 2
            for chunk in _wrap("\u3000" * indent + text, 156, lambda c: widths.setdefault(
                    c, pdf.get_string_width(c))):
                line(chunk, size, 28)
    _footer(pdf, state["page"])
    pdf.output(str(path))


def _footer(pdf, page: int) -> None:  # noqa: ANN001 - fpdf object
    pdf.set_font("cjk", size=14)
    label = f"— {page} —"
    pdf.text((210 - pdf.get_string_width(label)) / 2, 297 - 20, label)


_NO_LINE_START = "，。、；：！？）》”’…"


def _wrap(text: str, width: float, char_width) -> list[str]:  # noqa: ANN001
    lines, cur, w = [], "", 0.0
    for c in text:
        cw = char_width(c)
        if w + cw > width and cur and c not in _NO_LINE_START:
            lines.append(cur)
            cur, w = "", 0.0
        cur += c
        w += cw
    if cur:
        lines.append(cur)
    return lines


def cjk_font(font_dir: Path) -> Path:
    """A CJK font subset to the characters our vocabulary can produce (built once, cached)."""
    return _cjk_font(str(font_dir))


@lru_cache(maxsize=None)
def _cjk_font(font_dir: str) -> Path:
    chars = _charset()
    digest = hashlib.sha256(chars.encode()).hexdigest()[:12]
    out = Path(font_dir) / f"bench-cjk-{digest}.ttf"
    if out.is_file():
        return out
    from fontTools import subset
    from fontTools.ttLib import TTFont

    src, number = cjk_font_source() or (None, 0)
    if src is None:
        raise FileNotFoundError("no CJK font: install fonts-wqy-zenhei or set PUFA_BENCH_FONT")
    font = TTFont(src, fontNumber=number)
    sub = subset.Subsetter(subset.Options(name_IDs=["*"], notdef_outline=True))
    sub.populate(text=chars)
    sub.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    font.save(str(tmp))
    tmp.replace(out)
    return out


def cjk_font_source() -> tuple[str, int] | None:
    """(font file, number in the collection) to subset: ``PUFA_BENCH_FONT`` or a known system font."""
    import os

    chosen = os.environ.get("PUFA_BENCH_FONT")
    if chosen:
        return (chosen, 0) if Path(chosen).is_file() else None
    return next(((f, n) for f, n in CJK_FONTS if Path(f).is_file()), None)


def _charset() -> str:
    import inspect

    from bench import synth, vocab

    text = inspect.getsource(vocab) + inspect.getsource(synth)
    ascii_ = "".join(chr(i) for i in range(32, 127))
    return "".join(sorted(set(text + ascii_ + "\u3000—（）：；，。、“”《》【】！？")))
