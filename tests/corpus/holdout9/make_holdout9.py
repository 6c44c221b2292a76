#!/usr/bin/env python3
"""Build hold-out corpus 9: 松岭区, year 2025, deadline 2025-12-12, mostly text PDFs.

    python tests/corpus/holdout9/make_holdout9.py

Writes INBOX/ (11 files from 7 units), roster.xlsx (8 units) and truth.json next to this
script, then reads every PDF back with pdfplumber and checks each key sentence is present
(whitespace, line breaks, repeated page headers and page numbers removed first).
Needs LibreOffice (`soffice`), fpdf2, python-docx, openpyxl, pdfplumber and a CJK font.
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pdfplumber
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from fpdf import FPDF, FontFace

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
YEAR, DEADLINE = 2025, "2025-12-12"

ROSTER = [
    ("区交通运输局", "交通局"), ("区住房和城乡建设局", "住建局"), ("区农业农村局", "农业农村局"),
    ("区文化和旅游局", "文旅局"), ("区自然资源局", "自然资源局"), ("区医疗保障局", "医保局"),
    ("区退役军人事务局", "退役军人局"), ("区审计局", "审计局"),
]
CHECKS = {}  # pdf name -> key sentences
TRUTH_FILES = {}


def fields(unit, doc_type, date, **kw):
    base = dict(unit=unit, year=YEAR, doc_type=doc_type, date=date, leading_group=None,
                leader_in_charge=None, staff_assigned=None, duty_list=None, cases_total=None,
                cases_by_quarter=None, activities=None, materials=None, consultations=None,
                audience=None, study_sessions=None, new_media=[], budget=None, sections=[])
    base.update(kw)
    return base


def truth(name, unit, doc_type, date, **kw):
    TRUTH_FILES[name] = {"status": "ok", "error_code": None, "unit": unit, "doc_type": doc_type,
                         "fields": fields(unit, doc_type, date, **kw)}


# ------------------------------------------------------------------ docx (LibreOffice) --
def set_font(run, east, size, bold=False, color=None):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = east
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east)
    if color:
        run.font.color.rgb = RGBColor(*color)


def para(doc, text, east="仿宋_GB2312", size=16, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True,
         bold=False, color=None):
    p = doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.line_spacing = Pt(29)
    p.paragraph_format.space_after = Pt(0)
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    set_font(p.add_run(text), east, size, bold, color)
    return p


def page_footer(doc):
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(p.add_run("— "), "宋体", 14)
    run = p.add_run()
    set_font(run, "宋体", 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)
    set_font(p.add_run(" —"), "宋体", 14)


def red_header(doc, org, number):
    para(doc, org, "方正小标宋简体", 36, WD_ALIGN_PARAGRAPH.CENTER, False, True, (0xE0, 0, 0))
    para(doc, number, "仿宋_GB2312", 16, WD_ALIGN_PARAGRAPH.CENTER, False)
    p = para(doc, "", indent=False)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("val", "single"), ("sz", "18"), ("space", "1"), ("color", "E00000")):
        bottom.set(qn("w:" + k), v)
    border.append(bottom)
    p._p.get_or_add_pPr().append(border)


def body(doc, items):
    """items: ('h1', text) 黑体, ('h2', text) 楷体, ('p', text), ('table', rows), ('sign', lines)."""
    for kind, val in items:
        if kind == "title":
            para(doc, val, "方正小标宋简体", 22, WD_ALIGN_PARAGRAPH.CENTER, False)
        elif kind == "h1":
            para(doc, val, "黑体", 16)
        elif kind == "h2":
            para(doc, val, "楷体_GB2312", 16)
        elif kind == "p":
            para(doc, val)
        elif kind == "plain":
            para(doc, val, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
        elif kind == "table":
            t = doc.add_table(rows=0, cols=len(val[0]))
            t.style = "Table Grid"
            for row in val:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = ""
                    set_font(c.paragraphs[0].add_run(str(v)), "仿宋_GB2312", 14)
        elif kind == "sign":
            for line in val:
                para(doc, line, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def lo_pdf(name, items, header=None):
    doc = Document()
    page_footer(doc)
    if header:
        red_header(doc, *header)
    body(doc, items)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.docx"
        doc.save(src)
        subprocess.run(["soffice", "-env:UserInstallation=file://%s/profile" % tmp, "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(tmp) / "doc.pdf"), INBOX / name)


def plain_docx(name, items):
    doc = Document()
    page_footer(doc)
    body(doc, items)
    doc.save(INBOX / name)


# ------------------------------------------------------------------------ fpdf2 --
class ClerkPDF(FPDF):
    def __init__(self, running_header):
        super().__init__(format="A4")
        self.running_header = running_header
        self.add_font("cjk", "", CJK_FONT)
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(True, 25)

    def header(self):
        self.set_font("cjk", size=10)
        self.cell(0, 6, self.running_header, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)


def fpdf_doc(name, running_header, title, lines, sign, table=None, size=14):
    """lines: text with '\n' where the clerk pressed Enter (inside sentences too)."""
    pdf = ClerkPDF(running_header)
    pdf.add_page()
    pdf.set_font("cjk", size=18)
    pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=size)
    for chunk in lines:
        pdf.multi_cell(0, 8, chunk, align="L", new_x="LMARGIN", new_y="NEXT")
    if table:
        pdf.set_font("cjk", size=11)
        with pdf.table(text_align="LEFT", line_height=7, headings_style=FontFace(emphasis=None)) as tbl:
            for row in table:
                r = tbl.row()
                for v in row:
                    r.cell(str(v))
        pdf.ln(4)
        pdf.set_font("cjk", size=size)
    pdf.ln(8)
    for s in sign:
        pdf.cell(0, 8, s, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(INBOX / name))


XIANFA = ("在“宪法宣传周”期间，我们围绕“弘扬宪法精神、建设法治中国”主题，组织干部职工集中学习宪法文本，"
          "开展宪法宣誓和宪法知识测试，并走进社区、学校和企业开展宪法宣传，引导群众增强宪法意识。"
          "在“民法典宣传月”期间，结合行业特点解读民法典中与群众生产生活密切相关的条款，"
          "通过现场讲解、发放读本、答疑解惑等方式，把民法典送到群众身边，推动民法典走进群众心里。")
XIANFA_CLERK = ("在“宪法宣传周”期间，我们围绕“弘扬宪法精神、建设法治中国”主题，\n组织干部职工集中学习宪法文本，"
                "开展宪法宣誓和宪法知识测试，并走进社区、学校\n和企业开展宪法宣传。在“民法典宣传月”期间，"
                "结合行业特点解读民法典中\n与群众生产生活密切相关的条款，把民法典送到群众身边。")

PEIXUN = ("我们坚持把执法人员学法培训作为普法工作的基础，组织执法人员参加行政执法资格考试和业务培训，"
          "学习行政处罚法、行政许可法、行政强制法等通用法律，提高严格规范公正文明执法水平。"
          "同时注重法治文化阵地建设，在办公场所和服务窗口设置法治宣传栏，更新宣传内容，"
          "营造浓厚的学法氛围。在执法过程中坚持释法说理，在作出行政处罚决定时向当事人讲清事实依据和法律依据，"
          "告知其依法享有的陈述、申辩和救济权利，让当事人在每一个执法环节中感受到公平正义。")
PEIXUN_CLERK = ("我们坚持把执法人员学法培训作为普法工作的基础，组织执法人员参加\n行政执法资格考试和业务培训，"
                "学习行政处罚法、行政许可法等通用法律，\n提高严格规范公正文明执法水平。同时注重法治文化阵地建设，"
                "在办公\n场所和服务窗口设置法治宣传栏，营造浓厚的学法氛围。在执法过程中\n坚持释法说理，"
                "向当事人讲清事实依据和法律依据，告知其依法享有的\n陈述、申辩和救济权利。")

# ------------------------------------------------------------------- documents --
def jiaotong_report():
    name = "松岭区交通运输局2025年度普法履职报告.pdf"
    long_para = ("全年围绕道路运输、水路运输、工程建设和交通综合执法等重点领域，坚持把普法融入执法全过程。"
                 "执法人员在路面检查、源头治超、客运站场巡查中同步开展释法说理，向驾驶员、货运企业负责人和"
                 "工程从业人员讲解《中华人民共和国道路交通安全法》《中华人民共和国安全生产法》和《公路安全保护条例》，"
                 "把每一次执法检查都办成一堂普法课。我们还联合公安交警、应急管理等部门在客运站、货运场站、"
                 "高速公路服务区开展联合普法，针对超限超载、非法营运、疲劳驾驶等突出问题编印通俗易懂的案例读本，"
                 "组织执法骨干深入运输企业开展安全生产法律法规讲座，督促企业落实主体责任。"
                 "全年共开展普法宣传活动48场，发放宣传资料3万余份，解答法律咨询1500人次，受教育群众2万余人次。"
                 "在“宪法宣传周”期间，我局组织执法人员走进客运站和乡镇客运招呼站，以“学宪法、讲宪法”为主题开展集中宣传，"
                 "向过往旅客讲解宪法知识和交通运输法律法规，现场发放宪法读本、交通安全宣传手册，"
                 "引导群众依法出行、文明出行，营造了尊法学法守法用法的良好氛围。")
    items = [
        ("title", "松岭区交通运输局2025年度“谁执法谁普法”履职报告"),
        ("plain", "区委依法治区办："),
        ("p", "2025年，我局深入学习贯彻习近平法治思想，认真落实国家机关“谁执法谁普法”普法责任制，"
              "以《中华人民共和国法治宣传教育法》施行为契机，推动普法工作与交通运输执法深度融合。现将全年履职情况报告如下："),
        ("h1", "一、基本情况"),
        ("h2", "（一）健全组织领导"),
        ("p", "年初调整了局普法工作领导小组，由局党组书记、局长任组长，分管领导具体负责，"
              "政策法规科为普法工作牵头科室，明确专人负责普法日常工作。"
              "局党组理论学习中心组全年开展集体学法4次，专题学习法治宣传教育法、安全生产法等法律法规。"),
        ("h2", "（二）压实普法责任"),
        ("p", "年初制定并公布了《2025年度普法责任清单》，明确普法内容、普法对象、责任科室和完成时限，"
              "将普法工作纳入科室年度绩效考核。普法经费纳入年度财政预算，保障了各项活动顺利开展。"),
        ("h1", "二、主要做法"),
        ("h2", "（一）坚持执法普法相融合"),
        ("p", long_para),
        ("p", long_para.replace("全年共开展普法宣传活动48场，发放宣传资料3万余份，解答法律咨询1500人次，受教育群众2万余人次。", "")
         .replace("全年围绕", "下半年继续围绕")),
        ("h2", "（二）落实以案释法制度"),
        ("p", "我局建立以案释法典型案例库，从全年办理的236件行政处罚案件中精选案例，"
              "全年共报送以案释法典型案例6个，并在门户网站“以案释法”专栏公开发布，做到以案说法、以案普法。"),
        ("h2", "（三）用好新媒体平台"),
        ("p", "依托“松岭交通”微信公众号、抖音号和局门户网站开设普法专栏，"
              "发布普法短视频、案例解读和法律问答，全年推送普法信息120余条。"),
        ("p", "全年主要普法数据见下表："),
        ("table", [("项目", "数量"), ("普法宣传活动（场）", "48"), ("发放宣传资料（份）", "30000"),
                   ("法律咨询（人次）", "1500"), ("受教育群众（人次）", "20000"),
                   ("以案释法典型案例（个）", "6"), ("集体学法（次）", "4")]),
        ("h1", "三、存在问题"),
        ("p", "一是普法形式仍以传统宣传为主，精准普法不够；二是基层执法人员释法说理能力参差不齐；"
              "三是对新业态从业人员的普法覆盖面还不够广，网约车、货运平台驾驶员参与度不高。"),
        ("h1", "四、下一步打算"),
        ("p", "2026年，我局将继续落实普法责任制，计划开展普法宣传活动不少于50场，"
              "进一步丰富普法形式，加强执法人员培训，推动普法工作提质增效。"),
        ("sign", ["松岭区交通运输局", "2025年12月5日"]),
    ]
    lo_pdf(name, items, ("松岭区交通运输局文件", "松交〔2025〕38号"))
    CHECKS[name] = ["年初调整了局普法工作领导小组", "局党组理论学习中心组全年开展集体学法4次",
                    "全年共开展普法宣传活动48场，发放宣传资料3万余份，解答法律咨询1500人次，受教育群众2万余人次。",
                    "全年共报送以案释法典型案例6个", "普法经费纳入年度财政预算", "松交〔2025〕38号",
                    "2025年12月5日"]
    truth(name, "区交通运输局", "annual_report", "2025-12-05", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=6, activities=48, materials=30000,
          consultations=1500, audience=20000, study_sessions=4,
          new_media=["微信公众号", "抖音", "门户网站"], budget=True,
          sections=["基本情况", "主要做法", "存在问题", "下一步打算"])


def jiaotong_list():
    name = "交通局普法责任清单.pdf"
    table = [("序号", "普法内容", "普法对象", "普法方式", "责任科室", "完成时限"),
             ("1", "宪法、法治宣传教育法", "全局干部职工", "集体学法、专题讲座", "办公室", "全年"),
             ("2", "道路运输条例", "运输企业、驾驶员", "执法检查中释法说理", "运输管理科", "全年"),
             ("3", "安全生产法", "交通运输企业", "送法进企业", "安全监督科", "6月底前"),
             ("4", "公路安全保护条例", "货运从业人员", "案例宣讲、发放资料", "综合执法大队", "全年"),
             ("5", "民法典", "社会公众", "民法典宣传月集中宣传", "政策法规科", "5月")]
    fpdf_doc(name, "松岭区交通运输局", "松岭区交通运输局2025年度普法责任清单",
             ["根据“谁执法谁普法”普法责任制要求，结合我局职能，\n制定本年度普法责任清单如下："],
             ["松岭区交通运输局", "2025年3月10日"], table=table)
    CHECKS[name] = ["松岭区交通运输局2025年度普法责任清单", "送法进企业", "2025年3月10日"]
    truth(name, "区交通运输局", "duty_list", "2025-03-10", duty_list=True)


def zhujian_report():
    name = "住建局2025年普法工作总结.pdf"
    items = [
        ("title", "松岭区住房和城乡建设局2025年普法工作总结"),
        ("h1", "一、基本情况"),
        ("p", "我局高度重视普法工作，成立了以局长为组长的普法工作领导小组，分管副局长为直接责任人，"
              "法规科具体承办，确定一名工作人员担任普法联络员。年初制定了本局普法责任清单，"
              "局党组理论学习中心组全年开展集体学法三次。受经费所限，普法经费尚未单独纳入财政预算，"
              "所需费用从办公经费中列支。"),
        ("h1", "二、主要做法"),
        ("h2", "（一）聚焦重点领域开展普法"),
        ("p", "围绕建筑施工安全、物业管理、房屋租赁和农民工工资支付等群众关心的问题，"
              "全年开展普法宣传活动二十场，发放宣传资料1.5万份，接受法律咨询900人次，"
              "受教育群众8000余人次。我们组织执法人员走进建筑工地、住宅小区和物业服务企业，"
              "结合建设工程质量安全检查开展现场释法，督促建设单位、施工单位依法履行质量安全责任，"
              "向业主宣讲《民法典》物权编和《物业管理条例》有关规定，引导业主依法维权、理性表达诉求。"),
        ("h2", "（二）落实以案释法"),
        ("p", "全年共报送以案释法典型案例6个，其中第一季度3个、第二季度2个、第三季度0个、第四季度1个，"
              "案例涵盖建筑市场违法分包、物业服务纠纷和违法建设查处等领域。"),
        ("h2", "（三）拓展宣传阵地"),
        ("p", "通过“松岭住建”微信公众号和视频号推送普法信息，制作了《物业纠纷怎么办》系列短视频。"),
        ("p", XIANFA),
        ("p", PEIXUN),
        ("h1", "三、存在问题"),
        ("p", "以案释法报送不均衡，第三季度未能报送案例；普法经费保障不足；普法针对性有待提高。"),
        ("h1", "四、下一步打算"),
        ("p", "一是均衡报送以案释法案例，每季度至少报送1个；二是争取将普法经费纳入预算；"
              "三是加强对物业服务企业和建筑工人的精准普法。"),
        ("sign", ["松岭区住房和城乡建设局", "2025年12月8日"]),
    ]
    lo_pdf(name, items)
    CHECKS[name] = ["成立了以局长为组长的普法工作领导小组", "普法经费尚未单独纳入财政预算",
                    "全年开展普法宣传活动二十场，发放宣传资料1.5万份，接受法律咨询900人次，受教育群众8000余人次。",
                    "其中第一季度3个、第二季度2个、第三季度0个、第四季度1个", "2025年12月8日"]
    truth(name, "区住房和城乡建设局", "annual_report", "2025-12-08", leading_group=True,
          leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=6,
          cases_by_quarter=[3, 2, 0, 1], activities=20, materials=15000, consultations=900,
          audience=8000, study_sessions=3, new_media=["微信公众号", "视频号"], budget=False,
          sections=["基本情况", "主要做法", "存在问题", "下一步打算"])


def zhujian_cases():
    name = "住建局以案释法典型案例汇总表.pdf"
    table = [("序号", "案例名称", "承办科室"),
             ("1", "某建筑公司违法分包工程案", "建筑市场监管科"),
             ("2", "某物业公司擅自提高收费标准案", "物业管理科"),
             ("3", "某小区业主违法搭建阳光房案", "综合执法大队"),
             ("4", "某房地产中介发布虚假房源信息案", "房地产市场科"),
             ("5", "某施工单位未落实扬尘防治措施案", "质量安全站"),
             ("6", "某劳务公司拖欠农民工工资案", "建筑市场监管科")]
    fpdf_doc(name, "松岭区住房和城乡建设局", "松岭区住房和城乡建设局\n2025年度以案释法典型案例汇总表",
             ["现将我局2025年度以案释法典型案例汇总报送如下，\n共6个案例，案例全文另附。"],
             ["松岭区住房和城乡建设局", "2025年12月8日"], table=table)
    CHECKS[name] = ["共6个案例", "某劳务公司拖欠农民工工资案", "承办科室", "2025年12月8日"]
    truth(name, "区住房和城乡建设局", "case_report", "2025-12-08", cases_total=6)


def nongye_report():
    name = "农业农村局普法履职报告.pdf"
    filler = ("结合春耕备耕、农资打假和动物防疫等中心工作，组织执法人员深入田间地头、\n"
              "农资门店和养殖场户开展普法宣传，向群众讲解种子法、农产品质量安全法\n"
              "和动物防疫法等法律法规，引导农户依法生产经营。")
    lines = [
        "一、基本情况",
        "今年以来，我局成立了由局长任组长的普法工作领导小组，分管副局长\n具体负责普法工作，"
        "但目前尚未明确专人负责普法日常工作，\n普法任务由各业务股室分散承担。",
        "年初制定了本局普法责任清单，并印发各股室执行。",
        "二、主要做法",
        "（一）送法下乡。" + filler + "全年开展活动12\n场，发放宣传资料8000余\n份，受教育群众5600\n人次。",
        "（二）以案释法。全年报送以案释法典型案例4\n个，分别涉及假劣农资、违法使用禁用农药等。",
        "（三）学法用法。局领导班子全年集体学法2次。",
        "（四）新媒体普法。利用“松岭农业”微信公众号和视频号开设“农法讲堂”\n栏目，推送普法信息。",
        "（五）其他工作。" + filler + filler,
        "三、存在问题",
        "一是普法工作力量薄弱，没有固定人员；二是农村群众法律意识\n仍有待提高；三是普法形式较为单一。",
        "四、下一步打算",
        "明年将明确专人负责普法工作，继续开展送法下乡活动，\n加大以案释法力度，推动普法工作常态化。",
        filler + filler + filler,
    ]
    fpdf_doc(name, "松岭区农业农村局", "松岭区农业农村局2025年度普法履职报告", lines,
             ["松岭区农业农村局", "2025年12月3日"])
    CHECKS[name] = ["成立了由局长任组长的普法工作领导小组", "但目前尚未明确专人负责普法日常工作",
                    "全年开展活动12场，发放宣传资料8000余份，受教育群众5600人次。",
                    "全年报送以案释法典型案例4个", "局领导班子全年集体学法2次", "2025年12月3日"]
    truth(name, "区农业农村局", "annual_report", "2025-12-03", leading_group=True,
          leader_in_charge=True, staff_assigned=False, duty_list=True, cases_total=4,
          activities=12, materials=8000, audience=5600, study_sessions=2,
          new_media=["微信公众号", "视频号"],
          sections=["基本情况", "主要做法", "存在问题", "下一步打算"])


def wenlv_report():
    name = "文旅局2025年度普法工作总结.pdf"
    lines = [
        "一、基本情况",
        "我局调整充实了普法工作领导小组，主要负责人为第一责任人，分管领导\n具体抓落实，"
        "办公室明确一名同志专门负责普法工作。年初制定并公布了\n普法责任清单。普法经费纳入年度财政预算。",
        "二、主要做法",
        "围绕文化市场、旅游市场和文物保护开展普法，全年开展普法宣传\n活动15场，"
        "发放宣传资料6000份，提供法律咨询300人次，受教育群众3000\n人次。"
        "全年报送以案释法典型案例5个。局领导班子集体学法1次。",
        XIANFA_CLERK,
        PEIXUN_CLERK,
        "在文物保护领域，我们组织文物保护单位管理人员学习文物保护法，\n开展文物安全巡查和法律宣讲，"
        "督促落实文物安全直接责任；在旅游旺季\n到景区、旅行社开展旅游法宣传，规范导游执业行为，"
        "维护游客合法\n权益和旅游市场秩序。",
        "在公共文化服务中融入法治内容，依托图书馆、文化馆举办法治主题\n展览和讲座，将法治文艺节目"
        "送到农村文化礼堂，让群众在文化活动中\n潜移默化地接受法治熏陶。",
        "在文化市场执法检查中，执法人员向网吧、歌舞娱乐场所经营者讲解\n相关法规，督促其依法经营；"
        "在景区开展旅游法宣传，提醒游客理性消费、\n依法维权。",
        "三、存在问题",
        "集体学法次数偏少；本单位尚未开设普法新媒体账号，普法宣传\n主要依靠线下活动，覆盖面不广。",
        "四、下一步打算",
        "增加集体学法频次，开通普法新媒体账号，创新普法方式。",
    ]
    fpdf_doc(name, "松岭区文化和旅游局", "松岭区文化和旅游局2025年度普法工作总结", lines,
             ["松岭区文化和旅游局", "2025年12月18日"])
    CHECKS[name] = ["我局调整充实了普法工作领导小组", "普法经费纳入年度财政预算",
                    "全年开展普法宣传活动15场", "受教育群众3000人次", "局领导班子集体学法1次",
                    "本单位尚未开设普法新媒体账号", "2025年12月18日"]
    truth(name, "区文化和旅游局", "annual_report", "2025-12-18", leading_group=True,
          leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=5, activities=15,
          materials=6000, consultations=300, audience=3000, study_sessions=1, budget=True,
          sections=["基本情况", "主要做法", "存在问题", "下一步打算"])


def wenlv_list():
    name = "文旅局普法责任清单.docx"
    items = [
        ("title", "松岭区文化和旅游局2025年度普法责任清单"),
        ("table", [("序号", "普法内容", "普法对象", "普法方式", "责任科室", "完成时限"),
                   ("1", "文物保护法", "文物保护单位管理人员", "专题培训", "文物科", "6月"),
                   ("2", "旅游法", "旅行社、导游", "执法检查释法", "市场管理科", "全年"),
                   ("3", "娱乐场所管理条例", "娱乐场所经营者", "送法上门", "综合执法大队", "全年")]),
        ("sign", ["松岭区文化和旅游局", "2025年2月20日"]),
    ]
    plain_docx(name, items)
    truth(name, "区文化和旅游局", "duty_list", "2025-02-20", duty_list=True)


def ziran_thin():
    name = "自然资源局普法工作情况.pdf"
    lines = ["今年以来，我局结合自然资源执法工作开展普法宣传，开展普法宣传活动3场，\n"
             "组织干部集体学法1次，普法工作取得一定成效。"]
    fpdf_doc(name, "松岭区自然资源局", "松岭区自然资源局2025年普法工作情况", lines,
             ["松岭区自然资源局", "2025年12月10日"])
    CHECKS[name] = ["开展普法宣传活动3场，组织干部集体学法1次", "2025年12月10日"]
    truth(name, "区自然资源局", "annual_report", "2025-12-10", activities=3, study_sessions=1)


def yibao_self():
    name = "医保局2025年普法责任制落实情况自查报告.pdf"
    items = [
        ("title", "松岭区医疗保障局2025年普法责任制落实情况自查报告"),
        ("plain", "区委依法治区办："),
        ("p", "根据《松岭区2025年度国家机关“谁执法谁普法”履职报告评议工作实施方案》要求，"
              "我局对照评议标准逐项开展自查，现将自查情况报告如下。"),
        ("h1", "一、基本情况"),
        ("p", "我局调整充实了普法工作领导小组，分管领导具体抓，明确基金监管科一名同志为普法联络员。"
              "普法经费纳入年度财政预算。局党组理论学习中心组全年集体学法3次。"),
        ("h1", "二、工作开展情况"),
        ("p", "以打击欺诈骗保为重点，全年开展普法宣传活动24场，发放宣传资料9000份，"
              "解答法律咨询700人次，受教育群众4200人次。全年报送以案释法典型案例5个，每季度均有报送。"
              "依托“松岭医保”微博和今日头条号发布政策解读和典型案例。"),
        ("p", XIANFA),
        ("p", PEIXUN),
        ("p", "我局还将医保政策宣传与法治宣传相结合，在定点医药机构张贴举报奖励公告，"
              "在经办大厅设置普法宣传角，由窗口工作人员在办理业务时向参保群众讲解医疗保障基金使用监督管理条例，"
              "提醒群众不出借医保卡、不参与骗保，共同守护好群众的“看病钱”“救命钱”。"),
        ("h1", "三、自查中发现的问题"),
        ("p", "经自查，我局尚未制定本单位普法责任清单，普法任务分解不够具体；基层定点医药机构普法覆盖不全。"),
        ("h1", "四、下一步整改措施"),
        ("p", "一是2026年一季度前制定并公布普法责任清单；二是加强对定点医药机构从业人员的普法培训。"),
        ("sign", ["松岭区医疗保障局", "2025年12月9日"]),
    ]
    lo_pdf(name, items)
    CHECKS[name] = ["我局调整充实了普法工作领导小组", "我局尚未制定本单位普法责任清单",
                    "全年开展普法宣传活动24场，发放宣传资料9000份，解答法律咨询700人次，受教育群众4200人次。",
                    "全年报送以案释法典型案例5个", "2025年12月9日"]
    truth(name, "区医疗保障局", "self_inspection", "2025-12-09", leading_group=True,
          leader_in_charge=True, staff_assigned=True, duty_list=False, cases_total=5, activities=24,
          materials=9000, consultations=700, audience=4200, study_sessions=3,
          new_media=["微博", "今日头条"], budget=True,
          sections=["基本情况", "主要做法", "存在问题", "下一步打算"])


def yibao_stats():
    name = "医保局普法工作统计表.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年普法统计"
    ws.append(["松岭区医疗保障局2025年普法工作统计表"])
    ws.append(["项目", "第一季度", "第二季度", "第三季度", "第四季度", "全年合计"])
    ws.append(["以案释法典型案例（个）", 1, 1, 2, 1, 5])
    ws.append(["普法宣传活动（场）", 5, 8, 4, 7, 24])
    ws.append(["发放宣传资料（份）", 2000, 3000, 1500, 2500, 9000])
    ws.append(["法律咨询（人次）", 150, 200, 150, 200, 700])
    ws.append(["受教育群众（人次）", 900, 1300, 800, 1200, 4200])
    ws.append(["集体学法（次）", 1, 1, 0, 1, 3])
    ws.append(["填报单位：松岭区医疗保障局", None, None, "填报日期：2025-12-09"])
    ws.column_dimensions["A"].width = 26
    wb.save(INBOX / name)
    truth(name, "区医疗保障局", "stats_form", "2025-12-09", cases_total=5, cases_by_quarter=[1, 1, 2, 1],
          activities=24, materials=9000, consultations=700, audience=4200, study_sessions=3)


def tuiyi_report():
    name = "退役军人事务局2025年普法工作总结.docx"
    items = [
        ("title", "松岭区退役军人事务局2025年普法工作总结"),
        ("h1", "一、基本情况"),
        ("p", "我局目前尚未成立专门的普法领导小组，普法工作由分管副局长负责，明确政策法规股专人具体承办。"
              "年初制定了普法责任清单，明确了各股室普法任务。局领导班子全年集体学法2次。"),
        ("h1", "二、主要做法"),
        ("p", "围绕《退役军人保障法》《军人地位和权益保障法》开展宣传，全年开展普法宣传活动10场，"
              "发放宣传资料2000份，接待法律咨询450人次，受教育群众1800人次。"
              "全年报送以案释法典型案例4个。通过“松岭退役军人”微信公众号和抖音号发布普法内容。"),
        ("p", XIANFA),
        ("p", PEIXUN),
        ("p", "我们在退役军人服务中心设立法律援助窗口，邀请律师定期坐班，为退役军人及其家属提供法律咨询和帮助，"
              "引导退役军人依法理性表达诉求，维护自身合法权益。"),
        ("p", "结合退役军人就业创业服务，在招聘会、培训班上开展劳动合同法、社会保险法宣传，"
              "帮助退役军人了解就业创业中的法律风险，提高依法维权和依法经营的能力。"),
        ("h1", "三、下一步打算"),
        ("p", "健全普法组织机构，加强对退役军人的法律服务和政策宣传。"),
        ("sign", ["松岭区退役军人事务局", "2025年12月1日"]),
    ]
    plain_docx(name, items)
    truth(name, "区退役军人事务局", "annual_report", "2025-12-01", leading_group=False,
          leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4, activities=10,
          materials=2000, consultations=450, audience=1800, study_sessions=2,
          new_media=["微信公众号", "抖音"], sections=["基本情况", "主要做法", "下一步打算"])


# -------------------------------------------------------------- roster, truth --
FINDINGS = {
    "区交通运输局": [],
    "区住房和城乡建设局": ["quarter_without_case"],
    "区农业农村局": ["no_staff_assigned"],
    "区文化和旅游局": ["late_submission", "no_new_media", "study_below_min"],
    "区自然资源局": ["cases_below_min", "no_duty_list", "no_leading_group", "no_leader_in_charge",
                    "no_staff_assigned", "no_new_media", "study_below_min", "missing_section",
                    "too_thin"],
    "区医疗保障局": ["no_duty_list"],
    "区退役军人事务局": ["no_leading_group", "missing_section"],
    "区审计局": ["missing_submission"],
}


def write_roster():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["序号", "单位名称", "简称"])
    for i, (name, short) in enumerate(ROSTER, 1):
        ws.append([i, name, short])
    ws.column_dimensions["B"].width = 24
    wb.save(HERE / "roster.xlsx")


def write_truth():
    units = {}
    for name, _ in ROSTER:
        files = sorted(k for k, v in TRUTH_FILES.items() if v["unit"] == name)
        units[name] = {"findings": FINDINGS[name], "files": files}
    data = {"year": YEAR, "deadline": DEADLINE, "files": TRUTH_FILES, "units": units,
            "missing_units": [n for n, _ in ROSTER if not units[n]["files"]]}
    (HERE / "truth.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


PAGE_NO = re.compile(r"^[—\-–]\s*\d+\s*[—\-–]$")


def pdf_text(path, running_header):
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for line in (page.extract_text() or "").splitlines():
                if line.strip() == running_header or PAGE_NO.match(line):
                    continue
                out.append(line)
    return re.sub(r"\s+", "", "".join(out)), len(pdf.pages)


def verify():
    ok = True
    for name, sentences in CHECKS.items():
        header = next((n.replace("区", "松岭区", 1) for n, _ in ROSTER
                       if TRUTH_FILES[name]["unit"] == n), "")
        text, pages = pdf_text(INBOX / name, header)
        for s in sentences:
            if re.sub(r"\s+", "", s) not in text:
                ok = False
                print("MISSING in %s: %s" % (name, s))
        print("%-40s %d page(s), %d chars" % (name, pages, len(text)))
    return ok


def main():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    for make in (jiaotong_report, jiaotong_list, zhujian_report, zhujian_cases, nongye_report,
                 wenlv_report, wenlv_list, ziran_thin, yibao_self, yibao_stats, tuiyi_report):
        make()
    write_roster()
    write_truth()
    if not verify():
        sys.exit("key sentences missing from PDFs")
    print("ok: %d files" % len(TRUTH_FILES))


if __name__ == "__main__":
    main()
