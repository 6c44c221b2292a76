"""Writers for the sample corpora: .docx, .xlsx and text .pdf from a small block model.

A document is a list of blocks ``(kind, payload)``:

    title   centred 二号 title (several title blocks stack)
    to      主送机关 line, no indent
    h1      一级标题 (黑体), h2 二级标题 (楷体), bold  a bold line without numbering
    p       body paragraph, first line indented two characters
    plain   a line without indent (web-page header lines, 表题)
    table   list of rows (first row is the header)
    sig     落款单位, right aligned;  date  成文日期, right aligned

Every writer produces byte-identical output for identical input (fixed document
properties and zip timestamps), so regenerating the corpus leaves git clean.

PDFs are written with fpdf2 and a CJK TrueType font (WenQuanYi Zen Hei from the
Debian package ``fonts-wqy-zenhei``); only the generator needs them, the
generated files are committed.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

FIXED_TIME = dt.datetime(2023, 12, 1, 8, 0, 0)
ZIP_TIME = (2023, 12, 1, 8, 0, 0)
CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)

Block = tuple[str, object]


# ---------------------------------------------------------------- docx

def _east_asian(run_or_style, font: str) -> None:
    """Set the East Asian font, which python-docx's Font.name never sets."""
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _run(par, text: str, font: str, size: float, bold: bool = False) -> None:
    run = par.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold or None
    _east_asian(run, font)


def _add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = ""
            _run(cell.paragraphs[0], str(value), "仿宋_GB2312", 12, bold=(r == 0))


def _add_block(document, kind: str, payload) -> None:
    if kind == "table":
        _add_table(document, payload)
        return
    par = document.add_paragraph()
    fmt = par.paragraph_format
    fmt.line_spacing = Pt(29)
    if kind == "title":
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(par, payload, "方正小标宋简体", 22)
    elif kind in ("sig", "date"):
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(par, payload, "仿宋_GB2312", 16)
    elif kind == "h1":
        fmt.first_line_indent = Pt(32)
        _run(par, payload, "黑体", 16)
    elif kind == "h2":
        fmt.first_line_indent = Pt(32)
        _run(par, payload, "楷体_GB2312", 16)
    elif kind == "bold":
        fmt.first_line_indent = Pt(32)
        _run(par, payload, "仿宋_GB2312", 16, bold=True)
    elif kind in ("to", "plain"):
        _run(par, payload, "仿宋_GB2312", 16)
    elif kind == "p":
        fmt.first_line_indent = Pt(32)
        _run(par, payload, "仿宋_GB2312", 16)
    else:
        raise ValueError(f"unknown block kind {kind!r}")


def write_docx(path: Path, blocks: list[Block], author: str = "") -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _east_asian(normal, "仿宋_GB2312")
    props = document.core_properties
    props.author = author
    props.last_modified_by = author
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    for kind, payload in blocks:
        _add_block(document, kind, payload)
    buf = io.BytesIO()
    document.save(buf)
    _write_normalised_zip(path, buf.getvalue())


# ---------------------------------------------------------------- xlsx

def write_xlsx(path: Path, sheets: list[dict]) -> None:
    """``sheets``: dicts with title, rows, merges (A1 ranges), widths {col: w}, bold_rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        ws = wb.create_sheet(spec["title"])
        for row in spec["rows"]:
            ws.append(list(row))
        for rng in spec.get("merges", ()):
            ws.merge_cells(rng)
        for col, width in spec.get("widths", {}).items():
            ws.column_dimensions[col].width = width
        for r in spec.get("bold_rows", ()):
            for cell in ws[r]:
                cell.font = Font(bold=True)
        for row in ws.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.properties.creator = spec_author(sheets)
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    _write_normalised_zip(path, buf.getvalue())


def spec_author(sheets: list[dict]) -> str:
    return sheets[0].get("author", "") if sheets else ""


# ---------------------------------------------------------------- pdf

def cjk_font() -> str:
    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise SystemExit("需要中文字体：apt-get install -y fonts-wqy-zenhei")


def write_pdf(path: Path, blocks: list[Block], author: str = "") -> None:
    import logging

    from fpdf import FPDF  # only the generator needs fpdf2

    logging.getLogger("fontTools").setLevel(logging.ERROR)

    pdf = FPDF(format="A4")
    pdf.set_margins(28, 37, 26)
    pdf.set_auto_page_break(True, 35)
    pdf.add_font("cjk", "", cjk_font())
    pdf.set_creation_date(FIXED_TIME.replace(tzinfo=dt.timezone.utc))
    pdf.set_author(author)
    pdf.add_page()
    for kind, payload in blocks:
        _pdf_block(pdf, kind, payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def _pdf_block(pdf, kind: str, text) -> None:
    if kind == "table":
        raise ValueError("tables are not rendered in PDF samples")
    size = {"title": 20}.get(kind, 15)
    pdf.set_font("cjk", size=size)
    align = {"title": "C", "sig": "R", "date": "R"}.get(kind, "L")
    indent = "　　" if kind in ("p", "h1", "h2", "bold") else ""
    if kind == "title":
        pdf.ln(2)
    pdf.multi_cell(0, size * 0.62, indent + text, align=align, wrapmode="CHAR",
                   new_x="LMARGIN", new_y="NEXT")
    if kind in ("title", "to"):
        pdf.ln(2)


# ---------------------------------------------------------------- determinism

def _write_normalised_zip(path: Path, data: bytes) -> None:
    """Rewrite an OOXML zip with fixed timestamps so output is byte-stable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2023-12-01T08:00:00Z", blob)
            new = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            dst.writestr(new, blob)
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------- reading back, for checks

def read_back(path: Path) -> str:
    """All text of a generated file, in reading order."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if suffix == ".xlsx":
        wb = openpyxl.load_workbook(str(path))
        parts = [str(v) for ws in wb for row in ws.iter_rows(values_only=True)
                 for v in row if v is not None]
        return "\n".join(parts)
    if suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    raise ValueError(path)


_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def comparable(text: str) -> str:
    """Text reduced for quote checks: garble repaired, simplified, NFKC, no whitespace."""
    import opencc

    text = _PINYIN.sub("", text)
    text = opencc.OpenCC("t2s").convert(text)
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- text transforms

def to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


# Characters the broken web converter annotates, with the reading it prints
# (taken from a real published circular; 調 keeps its wrong reading diào).
GARBLE_READINGS = {
    "發": "fā", "構": "gòu", "區": "qū", "網": "wǎng", "關": "guān", "執": "zhí",
    "責": "zé", "據": "jù", "現": "xiàn", "創": "chuàng", "統": "tǒng", "礎": "chǔ",
    "負": "fù", "認": "rèn", "業": "yè", "務": "wù", "領": "lǐng", "導": "dǎo",
    "標": "biāo", "設": "shè", "內": "nèi", "經": "jīng", "質": "zhì", "學": "xué",
    "權": "quán", "數": "shù", "規": "guī", "習": "xí", "結": "jié", "應": "yīng",
    "嚴": "yán", "監": "jiān", "續": "xù", "調": "diào", "轉": "zhuǎn", "養": "yǎng",
}


def garble(text: str) -> str:
    """Traditional text with the 發(fā)布 defect: some characters followed by (pinyin)."""
    trad = to_traditional(text).replace("發佈", "發布")
    return "".join(ch + (f"({GARBLE_READINGS[ch]})" if ch in GARBLE_READINGS else "")
                   for ch in trad)


_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def full_width_digits(text: str) -> str:
    return text.translate(_FULL)


def spaced(text: str) -> str:
    """Characters separated by spaces, as clerks do to stretch a title or heading."""
    return " ".join(text)
