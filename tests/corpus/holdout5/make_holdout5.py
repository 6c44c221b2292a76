#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build hold-out corpus 5 (岚川市, 2025, deadline 2025-12-05) and check it.

    python tests/corpus/holdout5/make_holdout5.py [--check-only]

Writes INBOX/, roster.xlsx and truth.json next to this script, then reads every file back
(python-docx, openpyxl, pdfplumber, LibreOffice for the .doc) and checks that the key
sentence of every truth value is there and that no sentence that would change a value is.
Needs LibreOffice (`soffice`) for the .doc and the text PDFs, Pillow for the scan.
Texts and truth live in h5_texts.py.
"""
import argparse
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

import docx
import openpyxl
import pdfplumber
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl.styles import Alignment, Border, Font, Side
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import h5_texts as T  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "INBOX")
YEAR, DEADLINE = 2025, "2025-12-05"
REPORT_TYPES = ("annual_report", "self_inspection")
THIN_CHARS, THIN_FIGURES = 800, 3
SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"

# words whose presence would give a value to a field the truth says is null
NULL_WORDS = {
    "leading_group": ["领导小组", "領導小組"],
    "leader_in_charge": ["分管", "第一责任人", "第一責任人"],
    "staff_assigned": ["专人", "联络员", "專人", "聯絡員"],
    "duty_list": ["责任清单", "責任清單"],
    "cases_total": ["典型案例"],
    "activities": ["宣传活动", "宣傳活動"],
    "materials": ["资料", "資料", "宣传品"],
    "consultations": ["咨询", "諮詢"],
    "audience": ["受教育", "受众", "参与群众", "覆盖"],
    "study_sessions": ["学法", "學法"],
    "budget": ["经费", "經費"],
    "new_media": ["公众号", "公眾號", "微博", "抖音", "视频号", "快手", "头条", "頭條", "门户网站", "短信"],
}


# ------------------------------------------------------------------ docx --
def set_font(run, east, size=None, bold=None, ascii_font="Times New Roman"):
    run.font.name = ascii_font
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def page_setup(document, landscape=False):
    sec = document.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Times New Roman"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def add_page_number(paragraph):
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    paragraph.add_run(" —")


def para(document, text, east="仿宋_GB2312", size=16, bold=False, align=None, indent=True, style=None):
    p = document.add_paragraph(style=style) if style else document.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing = Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    run = p.add_run(text)
    set_font(run, east, size, bold)
    if style:
        run.font.color.rgb = RGBColor(0, 0, 0)
    return p


def add_table(document, rows, opts):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(text))
            set_font(run, "黑体" if i == 0 else "仿宋_GB2312", 12, bold=(i == 0 or (j == 0 and len(row) == 2)))
            if opts.get("widths"):
                cell.width = Cm(opts["widths"][j])
    return table


def build_docx(doc):
    document = docx.Document()
    page_setup(document, doc.get("landscape", False))
    style = doc.get("style", "gongwen")
    for item in doc["body"]:
        kind, value = item[0], item[1]
        if kind == "title":
            para(document, value, "方正小标宋简体", 22, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            para(document, "", indent=False)
        elif kind == "subtitle":
            para(document, value, "楷体_GB2312", 16, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif kind == "salute":
            para(document, value, indent=False)
        elif kind == "h1":
            if style == "headings":
                para(document, value, "黑体", 16, indent=False, style="Heading 1")
            else:
                para(document, value, "黑体", 16, bold=(style == "plain"))
        elif kind == "h2":
            if style == "headings":
                para(document, value, "楷体_GB2312", 16, indent=False, style="Heading 2")
            else:
                para(document, value, "楷体_GB2312", 16)
        elif kind == "case":
            para(document, value, "黑体", 16, bold=True)
        elif kind == "caption":
            para(document, value, "黑体", 14, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        elif kind == "p":
            para(document, value)
        elif kind == "table":
            add_table(document, value, item[2])
        elif kind == "sign":
            para(document, "", indent=False)
            for line in value:
                para(document, line, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        else:
            raise ValueError(kind)
    sec = document.sections[0]
    if doc.get("header"):
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(hp.add_run(doc["header"]), "楷体_GB2312", 12)
    if doc.get("footer"):
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(fp.add_run(doc["footer"]), "仿宋_GB2312", 10.5)
    elif style != "plain":
        add_page_number(sec.footer.paragraphs[0])
    arrived = dt.datetime(*doc["arrived"])
    props = document.core_properties
    props.author = doc.get("author", "Administrator")
    props.last_modified_by = props.author
    props.created = arrived - dt.timedelta(days=2, hours=3)
    props.modified = arrived - dt.timedelta(minutes=25)
    props.title = ""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------ LibreOffice --
def soffice_convert(src, target, outdir):
    profile = tempfile.mkdtemp(prefix="lo_h5_")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", target, "--outdir", outdir, src],
                       check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    stem = os.path.splitext(os.path.basename(src))[0]
    ext = target.split(":")[0]
    out = os.path.join(outdir, stem + "." + ext)
    if not os.path.exists(out):
        raise RuntimeError(f"LibreOffice made no {out}")
    return out


def via_libreoffice(doc, target):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.docx")
        with open(src, "wb") as f:
            f.write(build_docx(doc))
        out = soffice_convert(src, target, os.path.join(tmp, "out"))
        with open(out, "rb") as f:
            return f.read()


# ------------------------------------------------------------------ scan --
def draw_seal(img, cx, cy, r=150):
    seal = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(seal)
    red = (205, 30, 30, 150)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=red, width=9)
    star = []
    import math
    for k in range(10):
        rad = 52 if k % 2 == 0 else 21
        ang = -math.pi / 2 + k * math.pi / 5
        star.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(star, fill=red)
    return Image.alpha_composite(img.convert("RGBA"), seal).convert("RGB")


def build_scan(doc):
    w, h = 1654, 2339  # A4 at 200 dpi
    img = Image.new("RGB", (w, h), (246, 245, 240))
    d = ImageDraw.Draw(img)
    title_font = ImageFont.truetype(SERIF_BOLD, 50, index=2)
    font = ImageFont.truetype(SERIF, 38, index=2)
    tw = d.textlength(doc["scan_title"], font=title_font)
    d.text(((w - tw) / 2, 300), doc["scan_title"], font=title_font, fill=(25, 25, 25))
    cols = [130, 250, 640, 960, 1220, 1524]
    y0, rh = 460, 110
    rows = doc["scan_table"]
    for i in range(len(rows) + 1):
        d.line([cols[0], y0 + i * rh, cols[-1], y0 + i * rh], fill=(40, 40, 40), width=3)
    for x in cols:
        d.line([x, y0, x, y0 + len(rows) * rh], fill=(40, 40, 40), width=3)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            tw = d.textlength(text, font=font)
            x = cols[j] + (cols[j + 1] - cols[j] - tw) / 2
            d.text((x, y0 + i * rh + 32), text, font=font, fill=(25, 25, 25))
    ys = y0 + len(rows) * rh + 260
    for k, line in enumerate(doc["scan_sign"]):
        tw = d.textlength(line, font=font)
        d.text((1450 - tw, ys + k * 70), line, font=font, fill=(25, 25, 25))
    img = draw_seal(img, 1020, ys - 40)
    img = img.rotate(0.4, resample=Image.BICUBIC, fillcolor=(246, 245, 240))
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=200.0)
    return buf.getvalue()


# ------------------------------------------------------------------ xlsx --
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def style_block(ws, rows, cols, first_row):
    for r in range(first_row, first_row + rows):
        for c in range(1, cols + 1):
            cell = ws.cell(r, c)
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.font = Font(name="宋体", size=10, bold=(r == first_row))


def build_xlsx_months(doc):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "月度统计"
    ncol = 2 + 12 + 1
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A1"] = doc["title"]
    ws["A1"].font = Font(name="方正小标宋简体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=8)
    ws["A2"] = doc["unit_line"]
    ws.merge_cells(start_row=2, start_column=9, end_row=2, end_column=ncol)
    ws.cell(2, 9, doc["date_line"]).alignment = Alignment(horizontal="right")
    ws.append(["项目", "计量单位"] + T.MONTHS + ["合计"])
    for name, unit, months in doc["rows"]:
        ws.append([name, unit] + months + [None] + [sum(months)])
    style_block(ws, len(doc["rows"]) + 1, ncol, 3)
    last = 3 + len(doc["rows"]) + 1
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=ncol)
    ws.cell(last, 1, doc["note"])
    ws.cell(last + 1, 1, "填表人：李晓雯")
    ws.cell(last + 1, 8, "审核人：陈建国")
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 9
    for c in range(3, ncol + 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 7
    ws.freeze_panes = "C4"
    return save_wb(wb)


def build_xlsx_two(doc):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.merge_cells("A1:E1")
    ws["A1"] = doc["title"]
    ws["A1"].font = Font(name="黑体", size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:C2")
    ws["A2"] = doc["unit_line"]
    ws.merge_cells("D2:E2")
    ws["D2"] = doc["date_line"]
    ws.append(["序号", "统计项目", "单位", "数量", "备注"])
    for row in doc["summary"]:
        ws.append(list(row))
    style_block(ws, len(doc["summary"]) + 1, 5, 3)
    for col, width in zip("ABCDE", (6, 30, 8, 10, 18)):
        ws.column_dimensions[col].width = width
    wd = wb.create_sheet("明细")
    wd.merge_cells("A1:F1")
    wd["A1"] = doc["detail_title"]
    wd["A1"].font = Font(name="黑体", size=12)
    wd.append(["序号", "日期", "活动名称", "地点", "形式", "参与人数"])
    for i, row in enumerate(doc["detail"], 1):
        wd.append([i] + list(row))
    style_block(wd, len(doc["detail"]) + 1, 6, 2)
    for col, width in zip("ABCDEF", (6, 12, 36, 16, 10, 10)):
        wd.column_dimensions[col].width = width
    return save_wb(wb)


def save_wb(wb):
    wb.properties.creator = "Administrator"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def build_roster(path):
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填报说明"
    lines = ["填报说明",
             "1. 本表为岚川市2025年度国家机关“谁执法谁普法”履职报告评议单位名单，共13家。",
             "2. “简称”栏列出各单位来文中常用的简称，多个简称以顿号分隔。",
             "3. 各单位于2025年12月5日前将履职报告、普法责任清单、以案释法典型案例报市普法办。",
             "4. 名单见“评议单位名单”工作表。"]
    for i, line in enumerate(lines, 1):
        notes.cell(i, 1, line)
    notes.column_dimensions["A"].width = 90
    ws = wb.create_sheet("评议单位名单")
    ws.merge_cells("A1:E1")
    ws["A1"] = "岚川市2025年度国家机关“谁执法谁普法”履职报告评议单位名单"
    ws["A1"].font = Font(name="方正小标宋简体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["序号", "单位名称", "简称", "联络科室", "备注"])
    n = 0
    for group, units in T.ROSTER:
        ws.append([group])
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        ws.cell(r, 1).font = Font(name="黑体", size=11)
        for name, alias, office, remark in units:
            n += 1
            ws.append([n, name, alias, office, remark or None])
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=5):
        for cell in row:
            cell.border = BOX
    for col, width in zip("ABCDE", (8, 34, 40, 14, 26)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    with open(path, "wb") as f:
        f.write(save_wb(wb))


# ------------------------------------------------------------- assembling --
def build_bytes(doc):
    kind = doc["kind"]
    if kind == "docx":
        return build_docx(doc)
    if kind == "pdf":
        return via_libreoffice(doc, "pdf")
    if kind == "doc":
        return via_libreoffice(doc, "doc:MS Word 97")
    if kind == "scan":
        return build_scan(doc)
    if kind == "corrupt":
        data = build_docx(doc)
        return data[: int(len(data) * 0.55)]
    if kind == "xlsx_months":
        return build_xlsx_months(doc)
    if kind == "xlsx_two":
        return build_xlsx_two(doc)
    raise ValueError(kind)


def stamp(path, arrived):
    ts = time.mktime(dt.datetime(*arrived).timetuple())
    os.utime(path, (ts, ts))


class GbkZipInfo(zipfile.ZipInfo):
    """A member whose name is stored as GBK bytes without the UTF-8 flag (Windows 压缩)."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def write_zip(spec):
    path = os.path.join(INBOX, spec["path"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        folders = sorted({os.path.dirname(m["path"]) for m in spec["members"]} - {""})
        for member in [dict(path=f + "/", folder=True) for f in folders] + spec["members"]:
            cls = GbkZipInfo if spec["encoding"] == "gbk" else zipfile.ZipInfo
            info = cls(member["path"], date_time=member.get("arrived", spec["arrived"])[:5] + (0,))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            if member.get("folder"):
                info.external_attr = 0x10
                zf.writestr(info, b"")
            else:
                zf.writestr(info, build_bytes(member))
    stamp(path, spec["arrived"])


def write_inbox():
    if os.path.exists(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    for spec in T.ZIPS:
        write_zip(spec)
    for doc in T.LOOSE:
        path = os.path.join(INBOX, doc["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(build_bytes(doc))
        stamp(path, doc["arrived"])
    for folder in {os.path.dirname(d["path"]) for d in T.LOOSE} - {""}:
        stamp(os.path.join(INBOX, folder), (2025, 12, 3, 17, 0))


def all_docs():
    """(inbox-relative path, doc spec) for every file the truth lists."""
    out = []
    for spec in T.ZIPS:
        out += [(spec["path"] + "!/" + m["path"], m) for m in spec["members"]]
    out += [(d["path"], d) for d in T.LOOSE]
    return out


def truth_json():
    files, unit_files = {}, {u: [] for _, us in T.ROSTER for u, *_ in us}
    for path, doc in all_docs():
        fields = doc["truth"]
        entry = dict(status=doc.get("status", "ok"), error_code=doc.get("error_code"),
                     unit=fields["unit"], doc_type=fields["doc_type"], fields=fields)
        if doc.get("if_ocr"):
            entry["if_ocr"] = dict(doc_type=doc["if_ocr"]["doc_type"], fields=doc["if_ocr"])
        files[path] = entry
        if fields["unit"]:
            unit_files[fields["unit"]].append(path)
    units = {u: dict(findings=T.FINDINGS[u], files=sorted(fs)) for u, fs in unit_files.items()}
    return dict(year=YEAR, deadline=DEADLINE, files=files, units=units, missing_units=T.MISSING)


# ---------------------------------------------------------------- reading --
def read_member(path):
    """Bytes of an INBOX file or of a zip member (`a.zip!/inner`)."""
    if "!/" in path:
        zpath, inner = path.split("!/", 1)
        with zipfile.ZipFile(os.path.join(INBOX, zpath)) as zf:
            for info in zf.infolist():
                name = info.filename
                if not info.flag_bits & 0x800:
                    name = name.encode("cp437").decode("gbk")
                if name == inner:
                    return zf.read(info)
        raise KeyError(path)
    with open(os.path.join(INBOX, path), "rb") as f:
        return f.read()


def cell_texts(table):
    seen, out = set(), []
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            out.append(cell.text)
    return out


def docx_text(data):
    d = docx.Document(io.BytesIO(data))
    paras = [p.text for p in d.paragraphs]
    cells = [t for table in d.tables for t in cell_texts(table)]
    hf = [p.text for s in d.sections for part in (s.header, s.footer) for p in part.paragraphs]
    return "\n".join(paras + cells), "\n".join(hf), paras


def pdf_text(data):
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def doc_text(data):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src.doc")
        with open(src, "wb") as f:
            f.write(data)
        out = soffice_convert(src, "txt:Text (encoded):UTF8", os.path.join(tmp, "out"))
        with open(out, encoding="utf-8-sig") as f:
            return f.read()


def xlsx_text(data):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    parts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            parts.append("".join("" if v is None else str(v) for v in row))
    return "\n".join(parts)


def read_back(path, doc):
    """(body text, header/footer text, paragraphs or None)."""
    data = read_member(path)
    kind = doc["kind"]
    if kind == "docx":
        return docx_text(data)
    if kind == "pdf":
        return pdf_text(data), "", None
    if kind == "doc":
        return doc_text(data), "", None
    if kind.startswith("xlsx"):
        return xlsx_text(data), "", None
    raise ValueError(kind)


def squash(s):
    return re.sub(r"\s+", "", s)


FIGURE = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９]*[年月日])|[一二三四五六七八九十两]+(?=[余个件场次份名项])")


# ---------------------------------------------------------------- checking --
def check_doc(path, doc, problems, lengths):
    kind = doc["kind"]
    if kind == "corrupt":
        try:
            docx.Document(io.BytesIO(read_member(path)))
            problems.append(f"{path}: the truncated docx still opens")
        except Exception:
            pass
        return
    if kind == "scan":
        check_scan(path, doc, problems)
        return
    body, hf, paras = read_back(path, doc)
    flat, flat_hf = squash(body), squash(hf)
    fields = doc["truth"]
    keys = dict(doc.get("keys", {}))
    hf_keys = doc.get("hf_keys", {})
    for k, v in fields.items():
        stated = v not in (None, [], "")
        if stated and k not in keys and k not in hf_keys and k != "doc_type":
            problems.append(f"{path}: no key sentence for {k}={v!r}")
    for k, want in list(keys.items()) + [(k, v) for k, v in hf_keys.items()]:
        where = flat_hf if k in hf_keys else flat
        for sentence in want if isinstance(want, list) else [want]:
            if squash(sentence) not in where:
                problems.append(f"{path}: key for {k} not found: {sentence}")
    banned = list(doc.get("absent", []))
    if doc.get("auto_absent", True):
        for k, words in NULL_WORDS.items():
            if fields[k] in (None, []):
                banned += words
    for word in banned:
        if squash(word) in flat:
            problems.append(f"{path}: must not contain {word}")
    if doc.get("prose_without_digits") and paras:
        for p in paras[1:-1]:
            if re.search(r"[0-9０-９]", p):
                problems.append(f"{path}: a figure in the prose: {p[:30]}")
    if fields["doc_type"] in REPORT_TYPES:
        chars, figures = len(flat), len(FIGURE.findall(body))
        lengths.append((path, chars, figures, doc.get("thin", False)))
        thin = chars < THIN_CHARS or figures < THIN_FIGURES
        if thin != doc.get("thin", False):
            problems.append(f"{path}: {chars} chars, {figures} figures but thin={doc.get('thin', False)}")


def check_scan(path, doc, problems):
    data = read_member(path)
    if squash(pdf_text(data)):
        problems.append(f"{path}: the scan has a text layer")
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        print(f"  (OCR not installed: {path} not OCR-checked)")
        return
    import pypdfium2
    pdf = pypdfium2.PdfDocument(data)
    image = pdf[0].render(scale=200 / 72).to_pil()
    result, _ = RapidOCR()(image)
    text = squash("".join(r[1] for r in result or []))
    for want in [doc["scan_title"], "普法对象", "2025年3月12日", "教育和体育局"]:
        if squash(want) not in text:
            problems.append(f"{path}: OCR does not read {want} (got {text[:80]})")


def check_zip_names(problems):
    for spec in T.ZIPS:
        with zipfile.ZipFile(os.path.join(INBOX, spec["path"])) as zf:
            for info in zf.infolist():
                utf8 = bool(info.flag_bits & 0x800)
                if (spec["encoding"] == "gbk") == utf8:
                    problems.append(f"{spec['path']}: {info.filename} has UTF-8 flag {utf8}")


def check_truth(truth, problems):
    listed = set(truth["files"])
    on_disk = set()
    for root, _, names in os.walk(INBOX):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), INBOX)
            if rel.endswith(".zip"):
                with zipfile.ZipFile(os.path.join(INBOX, rel)) as zf:
                    for info in zf.infolist():
                        if info.is_dir():
                            continue
                        name = info.filename if info.flag_bits & 0x800 else \
                            info.filename.encode("cp437").decode("gbk")
                        on_disk.add(rel + "!/" + name)
            else:
                on_disk.add(rel)
    if listed != on_disk:
        problems.append(f"truth/INBOX differ: {sorted(listed ^ on_disk)}")
    if not 20 <= len(listed) <= 25:
        problems.append(f"{len(listed)} files, want 20–25")
    for unit, entry in truth["units"].items():
        if not entry["files"] and "missing_submission" not in entry["findings"]:
            problems.append(f"{unit}: no file and no missing_submission")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check-only", action="store_true", help="check the committed files, build nothing")
    args = ap.parse_args(argv)
    if not args.check_only:
        write_inbox()
        build_roster(os.path.join(HERE, "roster.xlsx"))
        with open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8") as f:
            json.dump(truth_json(), f, ensure_ascii=False, indent=1)
            f.write("\n")
    with open(os.path.join(HERE, "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    problems, lengths = [], []
    check_zip_names(problems)
    check_truth(truth, problems)
    for path, doc in all_docs():
        check_doc(path, doc, problems, lengths)
    print(f"{len(truth['files'])} files, {len(truth['units'])} units, missing {truth['missing_units']}")
    print(f"report lengths (too_thin below {THIN_CHARS} chars or {THIN_FIGURES} figures):")
    for path, chars, figures, thin in lengths:
        print(f"  {chars:5d} chars {figures:3d} figures {'THIN' if thin else '    '} {path}")
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
