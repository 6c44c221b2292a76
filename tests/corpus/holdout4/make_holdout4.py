# -*- coding: utf-8 -*-
"""Build the holdout4 corpus: 澄渡县 2024, deadline 2024-12-06.

    python tests/corpus/holdout4/make_holdout4.py [--check-only]

Writes roster.xlsx, INBOX/ (21 files from 10 of the 12 roster units) and truth.json next to this
script, then reads every file back (python-docx / openpyxl / pdfplumber) and checks that the key
sentence of every truth value is present and that sentences that would change a value are absent.
Needs LibreOffice (`soffice`) for the one converted PDF and fpdf2 with a CJK font for another.
The texts live in h4_texts.py.
"""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import openpyxl
import pdfplumber
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Cm
from openpyxl.styles import Alignment, Border, Font, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import h4_texts as T  # noqa: E402

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR = 2024
DEADLINE = "2024-12-06"
THIN_CHARS, THIN_FIGURES = 800, 3
FIELD_KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
              "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
              "audience", "study_sessions", "new_media", "budget", "sections"]
FOUR = ["基本情况", "主要做法", "存在问题", "下一步打算"]
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


# ------------------------------------------------------------------ docx --
def _east_asia(run_or_style, name):
    rpr = run_or_style._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), name)
    fonts.set(qn("w:hAnsi"), name)
    for attr in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme"):
        fonts.attrib.pop(qn(attr), None)


def _new_doc(author):
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    normal = d.styles["Normal"]
    normal.font.size = Pt(16)
    _east_asia(normal, "仿宋_GB2312")
    normal.paragraph_format.line_spacing = Pt(28)
    d.core_properties.author = author
    d.core_properties.last_modified_by = author
    return d


def _run(p, text, font=None, size=None, bold=False, color=None):
    r = p.add_run(text)
    if font:
        _east_asia(r, font)
    if size:
        r.font.size = Pt(size)
    r.bold = bold or None
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


def _red_rule(p):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "FF0000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _table(d, rows):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            cell.text = ""
            _run(cell.paragraphs[0], str(val), font="黑体" if i == 0 else None, size=12)
    return t


def render_docx(blocks, path, author, when):
    d = _new_doc(author)
    for style, text in blocks:
        if style == "table":
            _table(d, text)
            continue
        if style in ("hd1", "hd2"):
            p = d.add_heading(level=1 if style == "hd1" else 2)
            _run(p, text, font="黑体" if style == "hd1" else "楷体_GB2312", size=16, color="000000")
            continue
        p = d.add_paragraph()
        fmt = p.paragraph_format
        if style == "redhead":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, text, font="方正小标宋简体", size=36, color="FF0000")
        elif style == "docno":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, text)
        elif style == "redline":
            _red_rule(p)
        elif style == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, text, font="方正小标宋简体", size=22)
        elif style == "to":
            _run(p, text)
        elif style == "h1":
            fmt.first_line_indent = Pt(32)
            _run(p, text, font="黑体")
        elif style == "h2":
            fmt.first_line_indent = Pt(32)
            _run(p, text, font="楷体_GB2312")
        elif style == "sign":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(64)
            _run(p, text)
        elif style in ("note", "banji"):
            _run(p, text, size=14)
        elif style == "p":
            fmt.first_line_indent = Pt(32)
            _run(p, text)
    d.core_properties.created = when
    d.core_properties.modified = when
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(path)


def render_court_cases(path, when):
    d = _new_doc("研究室")
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "澄渡县人民法院2024年度以案释法典型案例", font="方正小标宋简体", size=22)
    p = d.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    _run(p, "现将我院2024年度以案释法典型案例报送如下。")
    labels = ["案例名称", "基本案情", "裁判结果", "释法说理", "典型意义"]
    for case in T.FY_CASES:
        _table(d, [[lab, val] for lab, val in zip(labels, case)])
        d.add_paragraph()
    for line in ("澄渡县人民法院研究室", "2024年11月28日"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, line)
    d.core_properties.created = when
    d.core_properties.modified = when
    d.save(path)


# -------------------------------------------------------------------- pdf --
def render_lo_pdf(blocks, path, author, when):
    """docx -> PDF with LibreOffice, own profile, temp out dir (PITFALLS)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        render_docx(blocks, src, author, when)
        profile = Path(tmp) / "profile"
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", tmp, str(src)]
        subprocess.run(cmd, check=True, timeout=180, capture_output=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(Path(tmp) / (path.stem + ".pdf")), path)


def render_fpdf(blocks, path, when):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_creation_date(when.replace(tzinfo=dt.timezone(dt.timedelta(hours=8))))
    pdf.set_margins(28, 30, 26)
    pdf.add_font("zh", "", CJK_FONT, collection_font_number=0)
    pdf.set_author("澄渡县人民检察院第八检察部")
    pdf.add_page()
    for style, text in blocks:
        if style == "title":
            pdf.set_font("zh", size=18)
            pdf.multi_cell(0, 12, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif style == "h1":
            pdf.set_font("zh", size=13)
            pdf.ln(2)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif style == "p":
            pdf.set_font("zh", size=12)
            pdf.multi_cell(0, 8, "　　" + text, new_x="LMARGIN", new_y="NEXT")
        elif style == "sign":
            pdf.set_font("zh", size=12)
            pdf.multi_cell(0, 8, text, align="R", new_x="LMARGIN", new_y="NEXT")
        elif style == "blank":
            pdf.ln(6)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


# ------------------------------------------------------------------- xlsx --
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _stamp(wb, author, when):
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    wb.properties.modified = when


def _grid(ws, top, bottom, left, right):
    for row in ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right):
        for c in row:
            c.border = BOX
            c.alignment = CENTER


def build_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评议对象"
    ws.merge_cells("A1:F1")
    ws["A1"] = "澄渡县2024年度国家机关“谁执法谁普法”履职评议对象名单"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = CENTER
    ws.append(["序号", "责任单位", "简称", "单位性质", "普法联络员", "联系电话"])
    for i, (name, alias, kind, person, phone) in enumerate(T.ROSTER, 1):
        ws.append([i, name, alias, kind, person, phone])
    last = 2 + len(T.ROSTER)
    _grid(ws, 2, last, 1, 6)
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=6)
    ws.cell(last + 1, 1, "注：名单经县委全面依法治县委员会办公室审定，联络员如有变动请及时告知县普法办。")
    for col, width in zip("ABCDEF", (6, 30, 34, 12, 12, 16)):
        ws.column_dimensions[col].width = width
    _stamp(wb, "县普法办", dt.datetime(2024, 10, 18, 9, 0))
    wb.save(path)


def build_zr_list(path, when):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "责任清单"
    ws.merge_cells("A1:H1")
    ws["A1"] = T.ZR_LIST_TITLE
    ws["A1"].font = Font(name="方正小标宋简体", size=16)
    ws["A1"].alignment = CENTER
    # two-level header with merged cells
    ws["A2"], ws["B2"], ws["D2"], ws["E2"], ws["F2"], ws["H2"] = (
        "序号", "普法内容", "普法对象", "普法方式", "责任主体", "完成时限")
    ws["B3"], ws["C3"], ws["F3"], ws["G3"] = "重点法律法规", "主要宣传内容", "责任领导", "责任股室"
    for rng in ("A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:G2", "H2:H3"):
        ws.merge_cells(rng)
    for row in T.ZR_LIST_ROWS:
        ws.append(list(row))
    last = 3 + len(T.ZR_LIST_ROWS)
    _grid(ws, 2, last, 1, 8)
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=8)
    ws.cell(last + 2, 1, "制表：澄渡县自然资源和规划局法规股　　　　印发日期：2024年3月12日")
    for col, width in zip("ABCDEFGH", (6, 34, 28, 18, 18, 10, 14, 12)):
        ws.column_dimensions[col].width = width
    _stamp(wb, "法规股", when)
    wb.save(path)


def zj_totals():
    cols = list(zip(*[m[1:7] for m in T.ZJ_MONTHS]))
    return [sum(c) for c in cols]


def zj_quarters():
    qs = []
    for q in range(4):
        months = T.ZJ_MONTHS[q * 3:q * 3 + 3]
        qs.append([sum(m[i] for m in months) for i in range(1, 7)])
    return qs


def build_zj_stats(path, when):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024年"
    ws.merge_cells("A1:H1")
    ws["A1"] = "2024年度普法工作月度统计表"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = CENTER
    ws.merge_cells("A2:D2")
    ws["A2"] = "填报单位：县住建局（盖章）"
    ws.merge_cells("E2:H2")
    ws["E2"] = "填报日期：2024年11月26日"
    ws.append(["月份", "普法宣传活动（场次）", "发放宣传资料（份）", "法律咨询（人次）", "受众人数（人次）",
               "以案释法案例（个）", "建筑施工安全执法检查（次）", "备注"])
    qs = zj_quarters()
    qnames = ["一季度小计", "二季度小计", "三季度小计", "四季度小计"]
    for q in range(4):
        for m in T.ZJ_MONTHS[q * 3:q * 3 + 3]:
            ws.append(list(m))
        note = "12月数据另行补报" if q == 3 else ""
        ws.append([qnames[q]] + qs[q] + [note])
    ws.append(["合计"] + zj_totals() + [""])
    _grid(ws, 3, ws.max_row, 1, 8)
    for col, width in zip("ABCDEFGH", (12, 14, 14, 12, 12, 12, 16, 20)):
        ws.column_dimensions[col].width = width
    _stamp(wb, "黄丽萍", when)
    wb.save(path)


def build_xf_stats(path, when):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "普法统计"
    ws.merge_cells("A1:G1")
    ws["A1"] = "澄渡县消防救援大队2024年度普法工作情况统计表"
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = CENTER
    ws.append(["统计项目", "第一季度", "第二季度", "第三季度", "第四季度", "合计", "备注"])
    for item, q1, q2, q3, q4, note in T.XF_STATS:
        ws.append([item, q1, q2, q3, q4, q1 + q2 + q3 + q4, note])
    last = ws.max_row
    _grid(ws, 2, last, 1, 7)
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=7)
    ws.cell(last + 1, 1, "说明：第四季度数据统计至11月30日。")
    ws.merge_cells(start_row=last + 2, start_column=1, end_row=last + 2, end_column=7)
    ws.cell(last + 2, 1, "填表人：张涛　　　审核人：王建军　　　填表日期：2024年11月30日")
    for col, width in zip("ABCDEFG", (22, 10, 10, 10, 10, 10, 24)):
        ws.column_dimensions[col].width = width
    _stamp(wb, "张涛", when)
    wb.save(path)


# ------------------------------------------------------------------ truth --
def fields(unit, doc_type, date, **kw):
    f = {k: None for k in FIELD_KEYS}
    f.update(unit=unit, year=YEAR, doc_type=doc_type, date=date, new_media=[], sections=[])
    f.update(kw)
    return f


def report(unit, date, sections=FOUR, **kw):
    return fields(unit, "annual_report", date, sections=list(sections), **kw)


ALL_TRUE = dict(leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True)


def W(y, m, d, h=10, mi=0):
    return dt.datetime(y, m, d, h, mi)


# Each entry: path, builder, truth fields, key sentences (field -> substring(s)), extra absent
# substrings, fields exempt from the generic "null means no trigger word" check, arrival time.
FILES = [
    dict(path="交通局/关于报送2024年度普法履职材料的函.docx",
         build=lambda p, w: render_docx(T.JT_LETTER, p, "何志明", w),
         truth=fields(T.U_JT, "other", "2024-11-22"),
         keys={"date": "2024年11月22日", "unit": "澄渡县交通运输局"},
         when=W(2024, 11, 22, 16, 40)),
    dict(path="交通局/澄渡县交通运输局2024年度普法责任制履职报告.docx",
         build=lambda p, w: render_docx(T.JT_REPORT, p, "何志明", w),
         truth=report(T.U_JT, "2024-11-22", **ALL_TRUE, cases_total=5, cases_by_quarter=[1, 2, 1, 1],
                      activities=38, materials=15000, consultations=900, audience=8600, study_sessions=4,
                      new_media=["微信公众号", "抖音"], budget=True),
         keys={"leading_group": "调整充实了局普法工作领导小组", "leader_in_charge": "明确一名副局长分管普法工作",
               "staff_assigned": "各确定1名普法联络员", "duty_list": "制定印发《澄渡县交通运输局2024年度普法责任清单》",
               "cases_total": "报送以案释法典型案例5件",
               "cases_by_quarter": "其中第一季度1件、第二季度2件、第三季度1件、第四季度1件",
               "activities": "普法宣传活动38场次", "materials": "发放宣传资料1.5万份",
               "consultations": "解答群众法律咨询900余人次", "audience": "受教育群众8600余人次",
               "study_sessions": "全年开展集体学法4次", "new_media": ["微信公众号", "在抖音平台"],
               "budget": "将普法经费列入部门年度预算", "date": "二〇二四年十一月二十二日",
               "sections": ["一、基本情况", "二、主要做法及成效", "三、存在的问题", "四、下一步工作打算"]},
         when=W(2024, 11, 22, 16, 40)),
    dict(path="交通局/澄渡县交通运输局2024年以案释法典型案例汇编.docx",
         build=lambda p, w: render_docx(T.JT_CASES, p, "何志明", w),
         truth=fields(T.U_JT, "case_report", None, cases_total=5),
         keys={"cases_total": ["【案例一】", "【案例二】", "【案例三】", "【案例四】", "【案例五】"]},
         absent=["【案例六】", r"re:\d{4}年\d{1,2}月\d{1,2}日", "二〇二四年"],
         when=W(2024, 11, 22, 16, 40)),
    dict(path="自然资源局2024年度履职报告.docx",
         build=lambda p, w: render_docx(T.zr_report(False), p, "法规股", w),
         truth=report(T.U_ZR, "2024-11-25", **ALL_TRUE, cases_total=5, activities=26, materials=6000,
                      audience=4000, study_sessions=2, new_media=["微信公众号", "门户网站"]),
         keys={"leading_group": "成立了由党组书记、局长任组长的普法工作领导小组",
               "leader_in_charge": "副局长陈立群分管普法工作", "staff_assigned": "确定1名专人具体落实",
               "duty_list": "年初制定了本局普法责任清单", "cases_total": "报送以案释法典型案例5件",
               "activities": "普法宣传活动26场次", "materials": "宣传资料6000余份",
               "audience": "受教育群众4000余人次", "study_sessions": "集体学法2次",
               "new_media": ["通过局微信公众号", "在局门户网站"], "date": "2024年11月25日",
               "sections": ["一、普法工作总体情况", "二、重点工作推进情况", "三、短板和不足", "四、2025年工作安排"]},
         superseded=True, when=W(2024, 11, 25, 11, 5)),
    dict(path="自然资源局2024年度履职报告（更正稿）.docx",
         build=lambda p, w: render_docx(T.zr_report(True), p, "法规股", w),
         truth=report(T.U_ZR, "2024-11-29", **ALL_TRUE, cases_total=3, activities=26, materials=6000,
                      audience=4000, study_sessions=2, new_media=["微信公众号", "门户网站"]),
         keys={"cases_total": "报送以案释法典型案例3件", "date": "2024年11月29日",
               "leading_group": "普法工作领导小组", "staff_assigned": "确定1名专人具体落实",
               "activities": "普法宣传活动26场次", "study_sessions": "集体学法2次"},
         absent=["典型案例5件"], when=W(2024, 11, 29, 15, 20)),
    dict(path="自然资源局普法责任清单.xlsx",
         build=build_zr_list,
         truth=fields(T.U_ZR, "duty_list", "2024-03-12", duty_list=True),
         keys={"duty_list": "2024年度普法责任清单", "date": "印发日期：2024年3月12日"},
         when=W(2024, 11, 25, 11, 5)),
    dict(path="住建局/住建局2024年普法工作总结.pdf",
         build=lambda p, w: render_lo_pdf(T.ZJ_REPORT, p, "黄丽萍", w),
         truth=report(T.U_ZJ, "2024-11-26", **ALL_TRUE, cases_total=5, activities=120, materials=22000,
                      consultations=700, audience=20000, study_sessions=6,
                      new_media=["微信公众号", "视频号"]),
         keys={"leading_group": "调整了普法工作领导小组", "leader_in_charge": "分管副局长具体负责",
               "staff_assigned": "配备专人负责", "duty_list": "编制《县住建局2024年普法责任清单》",
               "cases_total": "以案释法典型案例五个", "activities": "普法活动一百二十余场",
               "materials": "发放宣传资料两万二千余份", "consultations": "解答法律咨询七百余人次",
               "audience": "受教育群众两万余人次", "study_sessions": "集体学法六次",
               "new_media": ["微信公众号", "在视频号"], "date": "二〇二四年十一月二十六日",
               "sections": ["第一部分基本情况", "第二部分工作措施及成效", "第三部分存在的困难和问题",
                            "第四部分下步工作思路"]},
         when=W(2024, 11, 26, 17, 2)),
    dict(path="住建局/普法工作统计表.xlsx",
         build=build_zj_stats,
         truth=fields(T.U_ZJ, "stats_form", "2024-11-26", cases_total=5, cases_by_quarter=[1, 2, 1, 1],
                      activities=122, materials=22200, consultations=748, audience=20350),
         keys={"unit": "填报单位：县住建局", "date": "填报日期：2024年11月26日"},
         xlsx_rows={"合计": [122, 22200, 748, 20350, 5], "一季度小计": [28, 5400, 185, 5200, 1],
                    "二季度小计": [31, 6500, 218, 5600, 2], "三季度小计": [29, 5500, 193, 5050, 1],
                    "四季度小计": [34, 4800, 152, 4500, 1]},
         when=W(2024, 11, 26, 17, 2)),
    dict(path="县法院2024年度“谁执法谁普法”工作总结.docx",
         build=lambda p, w: render_docx(T.FY_REPORT, p, "研究室", w),
         truth=report(T.U_FY, "2024-11-28", sections=["基本情况", "主要做法", "下一步打算"], **ALL_TRUE,
                      cases_total=4, activities=46, materials=8000, consultations=1500, audience=11000,
                      study_sessions=3, new_media=["微信公众号", "微博", "抖音"]),
         keys={"leading_group": "院普法工作领导小组由院长任组长", "leader_in_charge": "分管副院长具体抓落实",
               "staff_assigned": "明确专人负责日常联络", "duty_list": "制定《澄渡县人民法院2024年普法责任清单》",
               "cases_total": "编写以案释法典型案例4个", "activities": "普法宣传活动46场次，其中进校园12场",
               "materials": "宣传资料8000余份", "consultations": "解答群众法律咨询1500余人次",
               "audience": "受教育群众1.1万人次", "study_sessions": "集体学法3次",
               "new_media": ["院微信公众号", "官方微博", "抖音号"], "date": "二〇二四年十一月二十八日",
               "sections": ["一、基本情况", "二、主要做法", "三、下一步工作打算"]},
         absent=["存在", "问题", "不足"],
         when=W(2024, 11, 28, 9, 30)),
    dict(path="县法院以案释法典型案例.docx",
         build=lambda p, w: render_court_cases(p, w),
         truth=fields(T.U_FY, "case_report", "2024-11-28", cases_total=4),
         keys={"cases_total": [c[0] for c in T.FY_CASES], "date": "2024年11月28日"},
         when=W(2024, 11, 28, 9, 30)),
    dict(path="检察院/县检察院2024年普法责任制落实情况自查报告.docx",
         build=lambda p, w: render_docx(T.JCY_SELF, p, "龚凯", w),
         truth=fields(T.U_JCY, "self_inspection", "2024-11-27", sections=list(FOUR), **ALL_TRUE,
                      cases_total=4, activities=32, materials=5000, consultations=260, audience=7800,
                      study_sessions=4, new_media=["微信公众号", "今日头条"], budget=True),
         keys={"leading_group": "院党组成立了普法工作领导小组", "leader_in_charge": "分管副检察长具体负责",
               "staff_assigned": "1名干警担任普法联络员", "duty_list": "年初制定并公布了本院普法责任清单",
               "budget": "普法经费已纳入年度部门预算", "cases_total": "报送以案释法典型案例4件",
               "activities": "普法宣传活动32场次，其中法治副校长授课18场", "materials": "宣传资料5000余份",
               "consultations": "接待群众法律咨询260人次", "audience": "受教育群众7800余人次",
               "study_sessions": "中心组全年学法4次", "new_media": ["微信公众号", "今日头条号"],
               "date": "2024年11月27日",
               "sections": ["一、自查工作开展情况", "二、落实普法责任制的主要做法", "三、自查发现的问题",
                            "四、整改措施及下一步打算"]},
         when=W(2024, 11, 27, 14, 12)),
    dict(path="检察院/2024年以案释法典型案例.pdf",
         build=lambda p, w: render_fpdf(T.JCY_CASES, p, w),
         truth=fields(T.U_JCY, "case_report", "2024-11-27", cases_total=4),
         keys={"cases_total": ["第一则", "第二则", "第三则", "第四则"], "date": "2024年11月27日",
               "unit": "澄渡县人民检察院2024年度以案释法典型案例"},
         absent=["第五则"], when=W(2024, 11, 27, 14, 12)),
    dict(path="青陂镇2024年普法依法治理工作总结.docx",
         build=lambda p, w: render_docx(T.QP_REPORT, p, "曾德华", w),
         truth=report(T.U_QP, "2024-12-03", **ALL_TRUE, activities=56, materials=12000, audience=9000,
                      study_sessions=4, budget=True),
         keys={"leading_group": "调整了镇普法依法治理领导小组", "leader_in_charge": "镇党委副书记分管普法工作",
               "staff_assigned": "配备1名法治宣传员", "duty_list": "制定了青陂镇普法责任清单",
               "budget": "普法专项经费3万元，纳入年度预算", "activities": "普法宣传活动56场",
               "materials": "宣传资料1.2万份", "audience": "覆盖群众9000余人次",
               "study_sessions": "中心组集体学法4次", "date": "二〇二四年十二月三日",
               "sections": ["一、基本情况", "二、主要工作", "三、存在不足", "四、明年工作打算"]},
         absent=["以案释法", "案例"], when=W(2024, 12, 3, 10, 18)),
    dict(path="青陂镇以案释法案例.docx",
         build=lambda p, w: render_docx(T.QP_CASES, p, "曾德华", w),
         truth=fields(T.U_QP, "case_report", "2024-12-03", cases_total=3),
         keys={"cases_total": ["案例1：", "案例2：", "案例3："], "date": "2024年12月3日"},
         absent=["案例4"], when=W(2024, 12, 3, 10, 18)),
    dict(path="2024年度普法工作述职报告.docx",
         build=lambda p, w: render_docx(T.XF_REPORT, p, "Administrator", w),
         truth=report(T.U_XF, "2024-11-30", leading_group=True, leader_in_charge=True, staff_assigned=True,
                      duty_list=False, cases_total=4, activities=64, materials=30000, audience=24000,
                      study_sessions=1, new_media=["微信公众号", "快手"]),
         keys={"leading_group": "成立了普法工作领导小组", "leader_in_charge": "教导员分管普法工作",
               "staff_assigned": "明确1名专人负责", "duty_list": "普法责任清单正在编制中，尚未印发",
               "cases_total": "报送以案释法案例4个", "activities": "消防普法宣传活动64场次",
               "materials": "宣传资料3万余份", "audience": "受教育群众2.4万人次",
               "study_sessions": "集体学法1次", "new_media": ["大队微信公众号", "快手号"],
               "date": "二〇二四年十一月三十日", "unit": "述职单位：澄渡县消防救援大队",
               "sections": ["一、履职基本情况", "二、主要工作措施", "三、存在的不足", "四、下一步努力方向"]},
         absent=["消防大队", "制定了", "已印发"], unit_once="澄渡县消防救援大队",
         when=W(2024, 11, 30, 18, 45)),
    dict(path="消防大队普法统计表.xlsx",
         build=build_xf_stats,
         truth=fields(T.U_XF, "stats_form", "2024-11-30", cases_total=4, cases_by_quarter=[1, 1, 0, 2],
                      activities=64, materials=30000, audience=24000),
         keys={"date": "填表日期：2024年11月30日", "unit": "澄渡县消防救援大队2024年度普法工作情况统计表"},
         xlsx_rows={"普法宣传活动（场次）": [16, 15, 13, 20, 64], "发放宣传资料（份）": [6000, 8000, 7000, 9000, 30000],
                    "受教育群众（人次）": [5000, 6000, 5500, 7500, 24000], "以案释法案例（个）": [1, 1, 0, 2, 4]},
         when=W(2024, 11, 30, 18, 45)),
    dict(path="人防办普法工作情况.docx",
         build=lambda p, w: render_docx(T.RF_REPORT, p, "user", w),
         truth=report(T.U_RF, "2024-12-02", sections=["主要做法", "下一步打算"], staff_assigned=False,
                      duty_list=False, activities=3, study_sessions=1, budget=False),
         keys={"staff_assigned": "普法工作没有明确具体科室和人员负责", "duty_list": "尚未制定普法责任清单",
               "budget": "也没有单独的普法经费", "activities": "开展集中宣传活动3次",
               "study_sessions": "领导班子集体学法1次", "date": "2024年12月2日",
               "sections": ["一、工作开展情况", "二、下步打算"]},
         exempt={"budget", "staff_assigned"}, when=W(2024, 12, 2, 8, 55)),
    dict(path="交易中心2024年度普法履职报告.docx",
         build=lambda p, w: render_docx(T.JY_REPORT, p, "刘洁", w),
         truth=report(T.U_JY, "2024-12-10", leading_group=False, leader_in_charge=True, staff_assigned=True,
                      duty_list=True, cases_total=2, activities=12, materials=2000, consultations=350,
                      audience=1500, study_sessions=2, new_media=["微信公众号", "门户网站"]),
         keys={"leading_group": "中心未单独成立普法工作领导小组", "leader_in_charge": "分管副主任负责",
               "staff_assigned": "1名同志兼任普法联络员", "duty_list": "年初制定了中心普法责任清单",
               "cases_total": "全年报送以案释法案例2个", "activities": "普法宣传活动12场次",
               "materials": "宣传资料2000余份", "consultations": "法律政策咨询350人次",
               "audience": "受教育群众和市场主体人员1500余人次", "study_sessions": "领导班子集体学法2次",
               "new_media": ["中心微信公众号", "门户网站"], "date": "二〇二四年十二月十日",
               "sections": ["一、基本情况", "二、主要做法", "三、存在的问题", "四、下一步打算"]},
         absent=["成立了普法"], when=W(2024, 12, 10, 16, 30)),
    dict(path="发改委/2024年普法工作要点.docx",
         build=lambda p, w: render_docx(T.FGW_PLAN, p, "罗春燕", w),
         truth=fields(T.U_FGW, "plan", "2024-03-08"),
         keys={"date": "2024年3月8日", "unit": "澄渡县发展和改革委员会2024年普法工作要点"},
         exempt={"leading_group", "leader_in_charge", "staff_assigned", "duty_list", "cases_total", "cases_by_quarter",
                 "activities", "materials", "study_sessions", "new_media", "budget"},
         when=W(2024, 11, 29, 9, 10)),
    dict(path="发改委/县发改委2024年普法履职报告.docx",
         build=lambda p, w: render_docx(T.FGW_REPORT, p, "罗春燕", w),
         truth=report(T.U_FGW, "2024-11-29", sections=["基本情况", "主要做法", "存在问题"], **ALL_TRUE,
                      cases_total=4, activities=18, materials=4500, audience=3000, study_sessions=5,
                      new_media=["微信公众号"]),
         keys={"leading_group": "委党组调整了普法工作领导小组", "leader_in_charge": "分管副主任具体负责",
               "staff_assigned": "负责日常工作并明确专人", "duty_list": "3月制定公布了《县发改委2024年度普法责任清单》",
               "cases_total": "编报以案释法典型案例4则", "activities": "普法宣传活动18场次",
               "materials": "发放宣传资料4500份", "audience": "受教育群众3000余人次",
               "study_sessions": "集体学法5次", "new_media": "微信公众号", "date": "2024年11月29日",
               "sections": ["一、基本情况", "二、主要做法和成效", "三、存在的不足"]},
         absent=["下一步", "下步", "明年", "2025年", "今后"],
         when=W(2024, 11, 29, 9, 10)),
    dict(path="发改委/普法责任清单.docx",
         build=lambda p, w: render_docx(T.FGW_LIST, p, "罗春燕", w),
         truth=fields(T.U_FGW, "duty_list", "2024-03-15", duty_list=True),
         keys={"duty_list": "2024年度普法责任清单", "date": "2024年3月15日"},
         when=W(2024, 11, 29, 9, 10)),
]

MISSING_UNITS = [T.U_NY, T.U_YB]

# findings a careful clerk writes down, per unit (checked against the rule engine below)
EXPECTED_FINDINGS = {
    T.U_JT: [],
    T.U_ZR: ["cases_below_min"],
    T.U_ZJ: [],
    T.U_FY: ["missing_section"],
    T.U_JCY: [],
    T.U_QP: ["cases_below_min", "no_new_media"],
    T.U_XF: ["no_duty_list", "study_below_min", "quarter_without_case"],
    T.U_RF: ["cases_below_min", "no_duty_list", "no_leading_group", "no_leader_in_charge",
             "no_staff_assigned", "no_new_media", "study_below_min", "missing_section", "too_thin"],
    T.U_JY: ["no_leading_group", "cases_below_min", "late_submission"],
    T.U_FGW: ["missing_section"],
    T.U_NY: ["missing_submission"],
    T.U_YB: ["missing_submission"],
}


# ------------------------------------------------------------- read back --
def read_text(path):
    suf = path.suffix.lower()
    if suf == ".docx":
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            seen = set()
            for row in t.rows:
                for c in row.cells:
                    if c._tc not in seen:
                        seen.add(c._tc)
                        parts.append(c.text)
        return "\n".join(parts)
    if suf == ".xlsx":
        wb = openpyxl.load_workbook(path, data_only=True)
        rows = []
        for ws in wb:
            for r in ws.iter_rows(values_only=True):
                rows.append(" ".join("" if v is None else str(v) for v in r))
        return "\n".join(rows)
    if suf == ".pdf":
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    raise ValueError(path)


def squash(s):
    return re.sub(r"\s+", "", s)


CN_NUM = "一二三四五六七八九十百千万两〇零"
NUM = "0-9０-９" + CN_NUM
# what would make a null field non-null: (field, regex)
TRIGGERS = {
    "leading_group": r"领导小组",
    "leader_in_charge": r"分管|第一责任人",
    "staff_assigned": r"专人|联络员|宣传员|具体承办",
    "duty_list": r"责任清单",
    "cases_total": rf"以案释法[^。；]*?[{NUM}]+[个件则]",
    "cases_by_quarter": rf"季度[{NUM}]+[个件则]",
    "activities": rf"活动[{NUM}]+[场次]|[{NUM}]+场次",
    "materials": rf"[{NUM}]+(?:\.\d+)?万?余?份",
    "consultations": r"咨询",
    "audience": r"受教育|覆盖群众|受众",
    "study_sessions": r"学法",
    "new_media": r"微信|公众号|微博|抖音|视频号|快手|头条|网站|短信",
    "budget": r"预算|经费",
}


def figures(text):
    return len(re.findall(rf"\d+(?:\.\d+)?%?|[{CN_NUM}]{{1,6}}余?(?=[场份人次个件则名家项])", text))


def check_file(spec, problems, lengths):
    path = INBOX / spec["path"]
    text = squash(read_text(path))
    truth = spec["truth"]
    where = spec["path"]
    for field, keys in spec.get("keys", {}).items():
        for k in [keys] if isinstance(keys, str) else keys:
            if squash(k) not in text:
                problems.append(f"{where}: key sentence for {field} missing: {k}")
    for a in spec.get("absent", []):
        hit = re.search(a[3:], text) if a.startswith("re:") else (a in text)
        if hit:
            problems.append(f"{where}: sentence that would change a value present: {a}")
    exempt = spec.get("exempt", set())
    for field, rx in TRIGGERS.items():
        val = truth[field]
        if (val is None or val == []) and field not in exempt and re.search(rx, text):
            m = re.search(rx, text)
            problems.append(f"{where}: {field} is null but text has {m.group(0)!r}: "
                            f"…{text[max(0, m.start() - 15):m.end() + 15]}…")
    for label, want in spec.get("xlsx_rows", {}).items():
        wb = openpyxl.load_workbook(path, data_only=True)
        rows = [r for ws in wb for r in ws.iter_rows(values_only=True) if r and r[0] == label]
        got = [v for v in rows[0][1:] if isinstance(v, (int, float))] if rows else None
        if not rows or not all(w in got for w in want):
            problems.append(f"{where}: row {label} should hold {want}, has {got}")
    if "unit_once" in spec and text.count(spec["unit_once"]) != 1:
        problems.append(f"{where}: unit name should appear once (signature only)")
    if truth["doc_type"] in ("annual_report", "self_inspection"):
        lengths.append((where, len(text), figures(text), spec.get("superseded", False)))


# ------------------------------------------------------------ rule engine --
def merged(unit):
    specs = [s for s in FILES if s["truth"]["unit"] == unit and not s.get("superseded")]
    fs = [s["truth"] for s in specs]

    def first(key):
        vals = [f[key] for f in fs if f[key] is not None]
        return max(vals) if vals and not isinstance(vals[0], (bool, list)) else (vals[0] if vals else None)

    def flag(key):
        vals = [f[key] for f in fs if f[key] is not None]
        return True if True in vals else (False if vals else None)

    m = {k: first(k) for k in ("cases_total", "study_sessions", "cases_by_quarter")}
    m.update({k: flag(k) for k in ("leading_group", "leader_in_charge", "staff_assigned", "duty_list")})
    m["new_media"] = sorted({x for f in fs for x in f["new_media"]})
    m["has_list_file"] = any(f["doc_type"] == "duty_list" for f in fs)
    m["reports"] = [s for s in specs if s["truth"]["doc_type"] in ("annual_report", "self_inspection")]
    m["dates"] = [f["date"] for f in fs if f["date"]]
    return m


def findings(unit, lengths):
    m = merged(unit)
    out = []
    if m["cases_total"] is None or m["cases_total"] < 4:
        out.append("cases_below_min")
    if m["cases_by_quarter"] and min(m["cases_by_quarter"]) < 1:
        out.append("quarter_without_case")
    if not m["has_list_file"] and m["duty_list"] is not True:
        out.append("no_duty_list")
    for key, rule in (("leading_group", "no_leading_group"), ("leader_in_charge", "no_leader_in_charge"),
                      ("staff_assigned", "no_staff_assigned")):
        if m[key] is not True:
            out.append(rule)
    if not m["new_media"]:
        out.append("no_new_media")
    if m["study_sessions"] is None or m["study_sessions"] < 2:
        out.append("study_below_min")
    if any(set(FOUR) - set(s["truth"]["sections"]) for s in m["reports"]):
        out.append("missing_section")
    thin = {w for w, n, figs, sup in lengths if not sup and (n < THIN_CHARS or figs < THIN_FIGURES)}
    if any(s["path"] in thin for s in m["reports"]):
        out.append("too_thin")
    if any(d > DEADLINE for d in m["dates"]):
        out.append("late_submission")
    return out


# ------------------------------------------------------------------- main --
def build():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir()
    build_roster(HERE / "roster.xlsx")
    for spec in FILES:
        path = INBOX / spec["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        spec["build"](path, spec["when"])
        ts = spec["when"].replace(tzinfo=dt.timezone(dt.timedelta(hours=8))).timestamp()
        os.utime(path, (ts, ts))


def check():
    problems, lengths = [], []
    for spec in FILES:
        check_file(spec, problems, lengths)
    print("reports vs too_thin (%d chars, %d figures):" % (THIN_CHARS, THIN_FIGURES))
    for where, n, figs, sup in lengths:
        flag = "THIN" if n < THIN_CHARS or figs < THIN_FIGURES else "ok"
        print(f"  {n:5d} chars {figs:3d} figures  {flag:4s} {where}{'  (superseded)' if sup else ''}")
    units = {}
    for name, *_ in T.ROSTER:
        got = sorted(findings(name, lengths)) if name not in MISSING_UNITS else ["missing_submission"]
        want = sorted(EXPECTED_FINDINGS[name])
        if got != want:
            problems.append(f"{name}: rule engine gives {got}, expected {want}")
        files = sorted(s["path"] for s in FILES if s["truth"]["unit"] == name)
        units[name] = {"findings": want, "files": files}
    return problems, units


def write_truth(units):
    truth = {
        "year": YEAR,
        "deadline": DEADLINE,
        "files": {s["path"]: {"status": "ok", "error_code": None, "unit": s["truth"]["unit"],
                              "doc_type": s["truth"]["doc_type"], "fields": s["truth"]} for s in FILES},
        "units": units,
        "missing_units": MISSING_UNITS,
    }
    with open(HERE / "truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    if "--check-only" not in argv:
        build()
    problems, units = check()
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        return 1
    write_truth(units)
    print(f"ok: {len(FILES)} files, {len(units)} roster units, truth.json written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
