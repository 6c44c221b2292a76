#!/usr/bin/env python3
"""Generate the holdout3 corpus: 云岭县, 2023, deadline 2023-12-08.

Writes, next to this script:
  INBOX/       15 files from 8 units (docx, text PDF, xlsx)
  roster.xlsx  9 units (columns 序号 / 单位 / 简称)
  truth.json   what a careful 普法办 clerk reads, in the devset truth format

Written apart from the tool (no look at its extractors, forms, samples or tests).
Every truth value is tied to a key sentence; after writing, the script reads each
file back (python-docx / pdfplumber / openpyxl) and asserts the key sentences are
there, that sentences which would change a value are absent, and that the
findings listed per unit follow from the merged fields under SPEC §4 defaults.

Run:  python3 make_holdout3.py        (needs python-docx, openpyxl, fpdf2,
                                        pdfplumber, LibreOffice `soffice`)
"""
from __future__ import annotations

import json
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
from docx.shared import Cm, Pt, RGBColor
from fpdf import FPDF
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR = 2023
DEADLINE = "2023-12-08"
FONT_TTC = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
LO_PROFILE = "file:///tmp/lo_c3"

ROSTER = [
    ("县发展和改革局", "发改局"),
    ("县民政局", None),
    ("县司法局", "司法局"),
    ("县交通运输局", "交通局、交通运输局"),
    ("县农业农村局", "农业农村局"),
    ("县林业和草原局", "林草局"),
    ("县消防救援大队", "消防大队"),
    ("县人民检察院", "检察院"),
    ("县供销合作社联合社", "供销社"),
]

FIELD_KEYS = [
    "unit", "year", "doc_type", "date", "leading_group", "leader_in_charge",
    "staff_assigned", "duty_list", "cases_total", "cases_by_quarter", "activities",
    "materials", "consultations", "audience", "study_sessions", "new_media",
    "budget", "sections",
]
RULE_ORDER = [
    "missing_submission", "unreadable_file", "unknown_unit", "cases_below_min",
    "quarter_without_case", "no_duty_list", "no_leading_group", "no_leader_in_charge",
    "no_staff_assigned", "no_new_media", "study_below_min", "missing_section",
    "too_thin", "late_submission", "duplicate_content",
]
SECTIONS4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]


def F(**kw):
    base = {k: None for k in FIELD_KEYS}
    base["new_media"] = []
    base["sections"] = []
    base["year"] = YEAR
    for k, v in kw.items():
        assert k in base, k
        base[k] = v
    return base


# ---------------------------------------------------------------------------
# docx writing
# ---------------------------------------------------------------------------

def _set_font(run, name="仿宋_GB2312", size=16, bold=False, color=None):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attr), name)
    if color:
        run.font.color.rgb = RGBColor(*color)


def _border(par, sides, color="000000", sz=8):
    ppr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in sides:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(sz))
        el.set(qn("w:space"), "1")
        el.set(qn("w:color"), color)
        bdr.append(el)
    ppr.append(bdr)


def new_document():
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    st = d.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return d


def add_par(d, text, kind="p"):
    p = d.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if kind == "redhead":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(p.add_run(text), "方正小标宋简体", 36, color=(0xD0, 0x00, 0x00))
    elif kind == "docno":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.space_before = Pt(18)
        pf.space_after = Pt(18)
        _set_font(p.add_run(text))
        _border(p, ["bottom"], color="D00000", sz=18)
    elif kind == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.space_before = Pt(12)
        pf.space_after = Pt(12)
        _set_font(p.add_run(text), "方正小标宋简体", 22)
    elif kind == "subtitle":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(p.add_run(text), "楷体_GB2312", 16)
    elif kind == "to":
        _set_font(p.add_run(text))
    elif kind == "h1":
        pf.first_line_indent = Pt(32)
        _set_font(p.add_run(text), "黑体", 16)
    elif kind == "h2":
        pf.first_line_indent = Pt(32)
        _set_font(p.add_run(text), "楷体_GB2312", 16)
    elif kind in ("sign", "date"):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        pf.right_indent = Pt(64)
        _set_font(p.add_run(text))
    elif kind == "left":
        _set_font(p.add_run(text))
    elif kind == "cc":
        pf.space_before = Pt(24)
        _set_font(p.add_run(text), size=14)
        _border(p, ["top", "bottom"], sz=6)
    elif kind == "print":
        _set_font(p.add_run(text), size=14)
        _border(p, ["bottom"], sz=6)
    elif kind == "blank":
        pass
    else:  # body paragraph
        pf.first_line_indent = Pt(32)
        pf.line_spacing = Pt(28)
        _set_font(p.add_run(text))
    return p


def add_table(d, rows, merges=(), header_rows=1, widths=None):
    ncols = max(len(r) for r in rows)
    t = d.add_table(rows=len(rows), cols=ncols)
    t.style = "Table Grid"
    if widths:
        t.autofit = False
        for j, w in enumerate(widths):
            t.columns[j].width = Cm(w)
            for row in t.rows:
                row.cells[j].width = Cm(w)
    for i, r in enumerate(rows):
        for j, val in enumerate(r):
            if val is None:
                continue
            cell = t.cell(i, j)
            cell.text = ""
            run = cell.paragraphs[0].add_run(val)
            _set_font(run, "黑体" if i < header_rows else "仿宋_GB2312", 12)
    for (r1, c1, r2, c2) in merges:
        a = t.cell(r1, c1)
        keep = a.text
        m = a.merge(t.cell(r2, c2))
        # merge() concatenates texts of the merged cells; keep the first only
        for p in m.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        if m.paragraphs[0].text != keep:
            m.paragraphs[0].text = ""
            _set_font(m.paragraphs[0].add_run(keep), "黑体", 12)
    return t


def write_docx(blocks, path):
    d = new_document()
    for b in blocks:
        if b[0] == "table":
            add_table(d, *b[1:])
        else:
            add_par(d, b[1] if len(b) > 1 else "", b[0])
    d.save(str(path))


def docx_to_pdf(blocks, path):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src.docx"
        write_docx(blocks, src)
        subprocess.run(
            ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, str(src)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.move(str(Path(tmp) / "src.pdf"), str(path))


def fpdf_write(lines, path):
    pdf = FPDF(format="A4")
    pdf.set_margins(28, 30, 26)
    pdf.set_auto_page_break(True, 30)
    pdf.add_font("wqy", "", FONT_TTC)
    pdf.add_page()
    for kind, text in lines:
        if kind == "title":
            pdf.set_font("wqy", size=18)
            pdf.multi_cell(0, 11, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "h":
            pdf.set_font("wqy", size=14)
            pdf.ln(2)
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "right":
            pdf.set_font("wqy", size=13)
            pdf.multi_cell(0, 9, text, align="R", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("wqy", size=13)
            pdf.multi_cell(0, 8.5, "　　" + text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# reading back
# ---------------------------------------------------------------------------

def read_text(path: Path) -> str:
    suf = path.suffix.lower()
    if suf == ".docx":
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        return "\n".join(parts)
    if suf == ".pdf":
        with pdfplumber.open(str(path)) as pdf:
            return "\n".join((pg.extract_text() or "") for pg in pdf.pages)
    if suf == ".xlsx":
        wb = openpyxl.load_workbook(str(path), data_only=True)
        parts = []
        for ws in wb.worksheets:
            parts.append(ws.title)
            for row in ws.iter_rows(values_only=True):
                parts.extend(str(v) for v in row if v is not None)
        return "\n".join(parts)
    raise ValueError(path)


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------------------
# the documents
# ---------------------------------------------------------------------------

DOCS = []


def doc(name, unit, doc_type, fields, keys, content, fmt="docx", absent=(),
        superseded=False, report_len=None):
    DOCS.append(dict(name=name, unit=unit, doc_type=doc_type, fields=fields, keys=keys,
                     content=content, fmt=fmt, absent=list(absent), superseded=superseded,
                     report_len=report_len))


# 1 ── 县民政局: 红头 report; headings 工作开展情况/主要成效/困难和问题/2024年工作思路;
#      基本情况 is a clear paragraph without a heading; figures in words and with 余/近.
MZ_REPORT = [
    ("redhead", "云岭县民政局文件"),
    ("docno", "云民发〔2023〕58号"),
    ("title", "云岭县民政局关于2023年度落实“谁执法谁普法”普法责任制情况的报告"),
    ("to", "县委依法治县办："),
    ("p", "根据《云岭县2023年度国家机关“谁执法谁普法”履职报告评议工作方案》要求，现将我局2023年度普法责任制落实情况报告如下。"),
    ("p", "我局内设办公室、社会救助股、养老服务股、社会事务股、社会组织管理股、政策法规股6个股室，下属县社会福利院、县救助管理站、县殡仪馆、县婚姻登记处4个事业单位，现有干部职工78人，承担全县社会救助、养老服务、婚姻登记、殡葬管理、社会组织登记管理等方面的行政执法职责，普法对象主要为困难群众、养老服务机构、社会组织和婚姻登记当事人。"),
    ("h1", "一、2023年工作开展情况"),
    ("p", "（一）压紧压实普法责任。年初调整充实了局普法工作领导小组，由局长任组长，分管副局长任副组长，各股室负责人为成员，领导小组办公室设在政策法规股，由政策法规股负责普法日常工作并明确1名联络员。3月印发《云岭县民政局2023年度普法责任清单》，梳理普法事项22项，逐项明确责任股室和完成时限。普法工作经费纳入年度部门预算，保障了宣传资料印制和活动开展。"),
    ("p", "（二）抓实领导干部学法。坚持局党组理论学习中心组学法制度，全年开展集体学法4次，专题学习了《中华人民共和国宪法》《社会救助暂行办法》《养老机构管理办法》等内容；落实局务会会前学法制度，组织全局干部职工参加全省国家工作人员学法考试，参考率、合格率均达100%。"),
    ("p", "（三）开展主题普法宣传。围绕“民法典宣传月”“敬老月”“国家宪法日”等重要节点，深入全县12个乡镇、86个村（社区）宣传社会救助政策和养老服务法规。全年累计开展各类普法宣传活动一百二十场，发放宣传资料3000余份（册），接受群众法律政策咨询近两千人次，受教育群众2.1万人次。"),
    ("p", "（四）落实以案释法。结合社会救助、婚姻登记、殡葬管理等执法办案，选取群众身边的真实案例释法说理，全年报送以案释法典型案例4件，其中“冒领高龄津贴被依法追回案”被市民政局转发。"),
    ("p", "（五）拓展新媒体普法阵地。依托“云岭民政”微信公众号开设“民政说法”专栏，全年推送普法信息96条；通过政务微博发布婚姻登记、殡葬改革等政策解读。"),
    ("h1", "二、主要成效"),
    ("p", "通过一年的努力，全局干部职工依法行政意识明显增强，群众对民政政策法规的知晓度进一步提高。全年未发生民政领域行政复议被撤销、行政诉讼败诉案件，婚姻登记窗口群众满意率达99.2%，城乡低保动态管理更加规范。"),
    ("h1", "三、困难和问题"),
    ("p", "一是普法形式仍以发放资料、现场咨询等传统方式为主，群众参与互动不够；二是基层民政干部人手紧、任务重，普法工作往往让位于业务工作；三是对农村留守老人、残疾人等特殊群体的精准普法还有差距。"),
    ("h1", "四、2024年工作思路"),
    ("p", "2024年，我局将继续压实普法责任，以《中华人民共和国老年人权益保障法》《社会救助暂行办法》为重点，做到“执法到哪里，普法就到哪里”：一是完善普法责任清单动态调整机制；二是创新“民政+普法”宣传载体，推动普法进养老机构、进村（社区）；三是加大以案释法力度，提升典型案例质量。"),
    ("p", "特此报告。"),
    ("blank",),
    ("sign", "云岭县民政局"),
    ("date", "2023年11月30日"),
    ("left", "（此件公开发布）"),
    ("cc", "抄送：县委依法治县办秘书组，县司法局。"),
    ("print", "云岭县民政局办公室                    2023年12月1日印发"),
]
doc("云岭县民政局关于2023年度普法履职情况的报告.docx", "县民政局", "annual_report",
    F(unit="县民政局", doc_type="annual_report", date="2023-11-30", leading_group=True,
      leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
      activities=120, materials=3000, consultations=2000, audience=21000, study_sessions=4,
      new_media=["微信公众号", "微博"], budget=True, sections=SECTIONS4),
    dict(unit="云岭县民政局文件", year="2023年度普法责任制落实情况", doc_type="2023年度落实“谁执法谁普法”普法责任制情况的报告",
         date="2023年11月30日", leading_group="年初调整充实了局普法工作领导小组",
         leader_in_charge="分管副局长任副组长", staff_assigned="由政策法规股负责普法日常工作并明确1名联络员",
         duty_list="3月印发《云岭县民政局2023年度普法责任清单》", cases_total="全年报送以案释法典型案例4件",
         activities="开展各类普法宣传活动一百二十场", materials="发放宣传资料3000余份（册）",
         consultations="接受群众法律政策咨询近两千人次", audience="受教育群众2.1万人次",
         study_sessions="全年开展集体学法4次", budget="普法工作经费纳入年度部门预算",
         new_media={"微信公众号": "“云岭民政”微信公众号", "微博": "通过政务微博发布"},
         sections={"基本情况": "我局内设办公室、社会救助股", "主要做法": "一、2023年工作开展情况",
                   "存在问题": "三、困难和问题", "下一步打算": "四、2024年工作思路"}),
    MZ_REPORT, report_len=True)

# 2 ── 县民政局: statistics workbook, sheets 上半年 / 下半年 / 全年 (no quarters).
MZ_ITEMS = [  # item, unit, H1, H2, year
    ("普法宣传活动", "场次", 50, 70, 120),
    ("发放宣传资料", "份（册）", 1250, 1800, 3050),
    ("法律咨询", "人次", 836, 1150, 1986),
    ("受教育群众", "人次", 9000, 12000, 21000),
    ("以案释法典型案例", "个", 2, 2, 4),
    ("党组理论学习中心组集体学法", "次", 2, 2, 4),
    ("新媒体发布普法信息", "条", 41, 55, 96),
    ("群众法律知识知晓率", "%", 88, 92, 90),
]
doc("民政局2023年普法工作统计表.xlsx", "县民政局", "stats_form",
    F(unit="县民政局", doc_type="stats_form", date="2023-11-30", cases_total=4,
      activities=120, materials=3050, consultations=1986, audience=21000, study_sessions=4),
    dict(unit="填报单位：云岭县民政局", year="云岭县民政局2023年全年普法工作统计表",
         doc_type="普法工作统计表", date="填报时间：2023年11月30日",
         # label, unit and the 全年 figure of one row (half-year rows carry other numbers)
         cases_total="以案释法典型案例个4上、下半年合计", activities="普法宣传活动场次120",
         materials="发放宣传资料份（册）3050", consultations="法律咨询人次1986",
         audience="受教育群众人次21000", study_sessions="党组理论学习中心组集体学法次4上、下半年合计"),
    ("stats_halfyear", MZ_ITEMS), fmt="xlsx", absent=["第一季度", "一季度"])

# 3 ── 县司法局: 述职报告 of the 局长, personal voice; no 基本情况.
SF_SHUZHI = [
    ("title", "履行“谁执法谁普法”普法责任制第一责任人职责述职报告"),
    ("subtitle", "（2023年度）"),
    ("subtitle", "县司法局党组书记、局长  赵永明"),
    ("blank",),
    ("p", "根据县委依法治县办《关于开展2023年度国家机关“谁执法谁普法”履职报告评议工作的通知》要求，现将本人2023年度履行普法第一责任人职责情况报告如下，请予评议。"),
    ("h1", "一、履职情况"),
    ("p", "（一）坚持以上率下，扛牢第一责任人职责。本人作为局普法工作第一责任人，始终把普法工作摆在司法行政工作的突出位置。年初调整充实了局普法工作领导小组，由本人任组长，分管副局长任副组长，全年主持召开领导小组会议3次，专题研究普法责任制落实、“八五”普法中期评估迎检等工作。明确普法与依法治理股具体承担普法日常工作，并在各司法所确定了普法联络员。"),
    ("p", "（二）坚持学法在先，带头尊法学法守法用法。全年主持局党组理论学习中心组学法5次，带头领学习近平法治思想和新修订的《中华人民共和国行政复议法》，撰写学法心得2篇；带头参加国家工作人员学法考试。"),
    ("p", "（三）坚持清单管理，推动普法责任落地。2月组织制定印发《云岭县司法局2023年度普法责任清单》，细化普法任务8大项，明确责任领导、责任股室和完成时限，逐项跟踪落实。"),
    ("p", "（四）坚持执法普法融合，落实以案释法。要求在法律援助、人民调解、社区矫正等工作中同步开展释法说理，指导全局编发以案释法典型案例6个，其中1个入选市级典型案例库。"),
    ("p", "（五）坚持阵地建设，创新普法方式。本局全年组织开展宪法宣传周、民法典宣传月、“法律明白人”培训等主题普法活动52场，发放宣传资料2.6万份，法律援助窗口和公共法律服务中心解答群众法律咨询1300余人次。依托“法治云岭”微信公众号、抖音官方账号和县政府门户网站“普法专栏”开展线上普法，抖音官方账号全年发布普法短视频130余条。"),
    ("p", "（六）坚持经费保障。积极争取县财政支持，将普法工作经费纳入财政预算，全年落实普法经费18万元，保障了各项普法活动开展。"),
    ("h1", "二、存在的不足"),
    ("p", "一是本人对“谁执法谁普法”责任制落实情况的督促检查还不够经常，个别成员单位履职报告质量不高；二是普法宣传针对性不强，对新业态从业人员、外出务工人员普法覆盖不足；三是普法队伍专业力量薄弱，乡镇司法所普遍只有1至2名工作人员。"),
    ("h1", "三、下一步打算"),
    ("p", "一是深入学习宣传习近平法治思想，推动领导干部带头尊法学法守法用法；二是健全普法责任制考评机制，推动履职报告评议常态化；三是加强普法队伍建设，发挥“法律明白人”作用；四是压实本人第一责任人职责，做到重要工作亲自部署、重大问题亲自过问。"),
    ("blank",),
    ("sign", "述职人：赵永明"),
    ("date", "2023年12月5日"),
]
doc("司法局局长普法履职述职报告.docx", "县司法局", "annual_report",
    F(unit="县司法局", doc_type="annual_report", date="2023-12-05", leading_group=True,
      leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=6,
      activities=52, materials=26000, consultations=1300, study_sessions=5,
      new_media=["微信公众号", "抖音", "门户网站"], budget=True,
      sections=["主要做法", "存在问题", "下一步打算"]),
    dict(unit="县司法局党组书记、局长", year="本人2023年度履行普法第一责任人职责情况",
         doc_type="述职报告", date="2023年12月5日",
         leading_group="年初调整充实了局普法工作领导小组",
         leader_in_charge="本人作为局普法工作第一责任人",
         staff_assigned="明确普法与依法治理股具体承担普法日常工作",
         duty_list="2月组织制定印发《云岭县司法局2023年度普法责任清单》",
         cases_total="指导全局编发以案释法典型案例6个", activities="主题普法活动52场",
         materials="发放宣传资料2.6万份", consultations="解答群众法律咨询1300余人次",
         study_sessions="全年主持局党组理论学习中心组学法5次", budget="将普法工作经费纳入财政预算",
         new_media={"微信公众号": "“法治云岭”微信公众号", "抖音": "抖音官方账号",
                    "门户网站": "县政府门户网站“普法专栏”"},
         sections={"主要做法": "一、履职情况", "存在问题": "二、存在的不足", "下一步打算": "三、下一步打算"}),
    SF_SHUZHI, absent=["基本情况", "受教育群众"], report_len=True)

# 4 ── 县司法局: 普法责任清单, docx table with two header rows and merged cells.
SF_LIST_ROWS = [
    ["序号", "普法内容", None, "普法对象", "普法方式", "责任主体", None, "完成时限"],
    [None, "重点法律法规", "宣传要点", None, None, "责任领导", "责任股室", None],
    ["1", "《中华人民共和国宪法》", "宪法精神、国家机构、公民基本权利和义务", "全县干部群众", "宪法宣传周集中宣传、宪法宣誓", "赵永明", "普法与依法治理股", "12月"],
    ["2", "《中华人民共和国民法典》", "婚姻家庭、继承、合同等与群众生活密切相关的规定", "城乡居民", "民法典宣传月、“法律明白人”宣讲", "李春华", "普法与依法治理股", "5月"],
    ["3", "《中华人民共和国法律援助法》", "法律援助范围、申请条件和程序", "困难群众、农民工", "窗口咨询、发放资料", "李春华", "公共法律服务管理股", "全年"],
    ["4", "《中华人民共和国人民调解法》", "人民调解原则、调解协议的效力", "人民调解员、纠纷当事人", "业务培训、以案释法", "杨志刚", "人民参与和促进法治股", "6月"],
    ["5", "《中华人民共和国社区矫正法》", "社区矫正对象的权利和义务", "社区矫正对象及其家属", "入矫教育、集中学习", "杨志刚", "社区矫正股", "每季度"],
    ["6", "《中华人民共和国行政复议法》", "2023年修订的主要内容", "行政机关工作人员", "专题讲座", "赵永明", "行政复议与应诉股", "12月"],
    ["7", "《中华人民共和国律师法》《中华人民共和国公证法》", "律师、公证执业规范", "律师、公证员", "执业培训", "李春华", "律师公证管理股", "9月"],
    ["8", "《中华人民共和国反有组织犯罪法》", "常态化扫黑除恶法律规定", "村（社区）干部", "宣传栏、发放资料", "杨志刚", "各司法所", "全年"],
]
SF_LIST = [
    ("title", "云岭县司法局2023年度普法责任清单"),
    ("table", SF_LIST_ROWS, [(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 1, 3), (0, 4, 1, 4),
                             (0, 5, 0, 6), (0, 7, 1, 7)], 2,
     [0.9, 2.8, 2.8, 2.0, 2.3, 1.4, 2.2, 1.2]),
    ("blank",),
    ("sign", "云岭县司法局"),
    ("date", "2023年2月20日"),
]
doc("县司法局2023年度普法责任清单.docx", "县司法局", "duty_list",
    F(unit="县司法局", doc_type="duty_list", date="2023-02-20", duty_list=True),
    dict(unit="云岭县司法局2023年度普法责任清单", year="2023年度普法责任清单",
         doc_type="普法责任清单", date="2023年2月20日", duty_list="普法责任清单"),
    SF_LIST)


# 5/6 ── 县交通运输局: headings numbered 1. 2. 3. 4. only; quarters stated;
#        first version superseded by a 更正版 (cases 3 -> 4).
def jt_report(corrected: bool):
    cases = ("全年向县普法办报送以案释法典型案例4件，一至四季度分别报送2件、1件、0件、1件"
             if corrected else
             "全年向县普法办报送以案释法典型案例3件，一至四季度分别报送1件、1件、0件、1件")
    blocks = [
        ("title", "云岭县交通运输局2023年度“谁执法谁普法”履职报告" + ("（更正版）" if corrected else "")),
        ("to", "县普法办："),
        ("p", "2023年，县交通运输局认真落实“谁执法谁普法”普法责任制，把普法融入交通运输行政执法全过程，推动交通运输领域法治环境持续向好。现将全年履职情况报告如下："),
        ("h1", "1.普法责任制落实基本情况"),
        ("p", "我局内设5个股室，下设县交通运输综合行政执法大队、县公路事业发展中心2个二级单位，现有执法人员64人，持证率100%。全年办理交通运输行政处罚案件126件，治超检测货车2.4万辆次。局普法工作领导小组由局长任组长，分管副局长具体负责普法工作，政策法规股承担日常工作并确定1名普法联络员。年初印发本局普法责任清单，明确普法事项14项，落实到股室和执法中队。"),
        ("h1", "2.主要措施"),
        ("p", "（1）抓好领导干部学法。局党组理论学习中心组集体学法2次，集中学习了《中华人民共和国公路法》《中华人民共和国道路运输条例》和《中华人民共和国安全生产法》等法律法规；组织执法人员参加执法资格培训和案卷评查。"),
        ("p", "（2）开展主题宣传。结合“路政宣传月”“安全生产月”“国家宪法日”，在客运站、治超站、农村公路沿线开展交通运输法治宣传活动36场次，发放宣传资料4500份，现场解答法律咨询680人次，受教育群众1.1万人次。"),
        ("p", "（3）落实以案释法。" + cases + "，内容涉及非法营运、超限运输、损坏公路设施等。"),
        ("p", "（4）用好新媒体。在“云岭交通”公众号开设“以案说法”栏目，全年推送普法信息58条；联合县融媒体中心制作“治超进行时”专题节目2期。"),
        ("p", "（5）执法中普法。推行“说理式”执法，对首次轻微违法的货车驾驶员以教育提醒为主，全年开展首违不罚教育劝导83起，做到处罚与教育相结合。"),
        ("p", "（6）推进普法进企业。组织执法人员走访县内货运、客运企业和驾培机构，讲解道路运输安全生产主体责任、车辆超限认定标准等规定，督促企业落实源头治超和安全教育制度。"),
        ("h1", "3.存在的问题"),
        ("p", "一是执法人员普法能力参差不齐，释法说理不够到位；二是普法宣传多集中在县城及国道沿线，偏远乡镇覆盖面不足；三是第三季度受汛期抢险保通影响，以案释法案例报送出现空档。"),
        ("h1", "4.下一步工作安排"),
        ("p", "（1）加强执法人员普法能力培训，每季度至少报送1件以案释法典型案例；（2）推动交通运输法治宣传进乡村、进企业、进客运站；（3）办好“云岭交通”公众号普法栏目，提高普法信息的时效性和针对性。"),
        ("blank",),
        ("sign", "云岭县交通运输局"),
        ("date", "2023年12月1日" if corrected else "2023年11月27日"),
    ]
    if corrected:
        blocks.append(("left", "（注：本件为更正版。11月27日报送件中以案释法案例数量及分季度数据有误，请以本件为准。）"))
    return blocks


def jt_fields(corrected):
    return F(unit="县交通运输局", doc_type="annual_report",
             date="2023-12-01" if corrected else "2023-11-27", leading_group=True,
             leader_in_charge=True, staff_assigned=True, duty_list=True,
             cases_total=4 if corrected else 3,
             cases_by_quarter=[2, 1, 0, 1] if corrected else [1, 1, 0, 1],
             activities=36, materials=4500, consultations=680, audience=11000, study_sessions=2,
             new_media=["微信公众号"], sections=SECTIONS4)


def jt_keys(corrected):
    return dict(
        unit="云岭县交通运输局2023年度", year="2023年度“谁执法谁普法”履职报告",
        doc_type="履职报告", date="2023年12月1日" if corrected else "2023年11月27日",
        leading_group="局普法工作领导小组由局长任组长",
        leader_in_charge="分管副局长具体负责普法工作",
        staff_assigned="政策法规股承担日常工作并确定1名普法联络员",
        duty_list="年初印发本局普法责任清单",
        cases_total="报送以案释法典型案例4件" if corrected else "报送以案释法典型案例3件",
        cases_by_quarter="一至四季度分别报送2件、1件、0件、1件" if corrected else "一至四季度分别报送1件、1件、0件、1件",
        activities="交通运输法治宣传活动36场次", materials="发放宣传资料4500份",
        consultations="现场解答法律咨询680人次", audience="受教育群众1.1万人次",
        study_sessions="局党组理论学习中心组集体学法2次",
        new_media={"微信公众号": "在“云岭交通”公众号开设"},
        sections={"基本情况": "1.普法责任制落实基本情况", "主要做法": "2.主要措施",
                  "存在问题": "3.存在的问题", "下一步打算": "4.下一步工作安排"})


doc("交通运输局2023年度普法履职报告.docx", "县交通运输局", "annual_report",
    jt_fields(False), jt_keys(False), jt_report(False), superseded=True, report_len=True,
    absent=["一、", "经费", "预算", "抖音", "微博"])
doc("交通运输局2023年度普法履职报告（更正版）.docx", "县交通运输局", "annual_report",
    jt_fields(True), jt_keys(True), jt_report(True), report_len=True,
    absent=["一、", "经费", "预算", "抖音", "微博"])

# 7 ── 县交通运输局: 责任清单 as xlsx (title row, no date).
JT_LIST = [
    ["1", "《中华人民共和国公路法》", "沿线群众、施工单位", "路政宣传月集中宣传、发放资料", "杨文斌", "李明", "路政股", "6月"],
    ["2", "《公路安全保护条例》", "货运企业、货车驾驶员", "治超站现场宣讲", "杨文斌", "王海", "执法大队", "全年"],
    ["3", "《中华人民共和国道路运输条例》", "客运、货运经营者", "上门服务、培训", "杨文斌", "李明", "运输管理股", "每季度"],
    ["4", "《中华人民共和国安全生产法》", "交通运输企业", "安全生产月宣传、警示教育", "周建国", "赵磊", "安全监督股", "6月"],
    ["5", "《中华人民共和国道路交通安全法》", "乡镇、村组干部", "送法下乡", "周建国", "王海", "公路事业发展中心", "9月"],
    ["6", "《中华人民共和国行政处罚法》", "本局执法人员", "集中学习、案卷评查", "杨文斌", "陈静", "政策法规股", "全年"],
    ["7", "宪法及相关法律", "本局干部职工", "宪法宣誓、集中学习", "周建国", "陈静", "政策法规股", "12月"],
]
doc("交通局普法责任清单.xlsx", "县交通运输局", "duty_list",
    F(unit="县交通运输局", doc_type="duty_list", duty_list=True),
    dict(unit="云岭县交通运输局2023年度普法责任清单", year="2023年度普法责任清单",
         doc_type="普法责任清单", duty_list="普法责任清单"),
    ("jt_list", JT_LIST), fmt="xlsx", absent=["2023年1月", "2023年2月", "日期"])

# 8 ── 县农业农村局: 基本情况和主要做法 in one heading; negations (no own 领导小组, no 经费).
NY_REPORT = [
    ("title", "云岭县农业农村局2023年普法工作总结"),
    ("p", "2023年，我局坚持以习近平法治思想为指导，按照县委依法治县办的部署，认真落实“谁执法谁普法”普法责任制，现将全年工作总结如下。"),
    ("h1", "一、基本情况和主要做法"),
    ("p", "我局承担全县种植业、畜牧兽医、渔业、农村经营管理和农业综合行政执法等职责，局机关内设8个股室，县农业综合行政执法大队现有执法人员23人，全年查办农资质量、动物防疫等行政处罚案件41件。"),
    ("p", "（一）健全普法工作机制。我局未单独成立普法领导小组，普法工作由局依法行政工作领导小组统筹，分管副局长具体抓，政策法规股承担普法日常工作，确定1名同志为普法联络员。年初制定了《云岭县农业农村局2023年度普法责任清单》，将普法任务分解到各股室和执法大队。"),
    ("p", "（二）抓好领导干部学法。局党组理论学习中心组专题学法3次，学习了《中华人民共和国乡村振兴促进法》和新修订的《中华人民共和国农产品质量安全法》等法律法规。"),
    ("p", "（三）开展农业法治宣传。结合“放心农资下乡进村”“农村土地承包法律宣传”等活动，在全县12个乡镇集市、村委会开展农业法律法规宣传活动42场，发放宣传资料8000余份，解答群众咨询900余人次，受教育群众1.5万人（次）。对12345热线转办的涉农诉求，承办股室在答复时一并做好政策法规解读。"),
    ("p", "（四）落实以案释法。围绕假劣农资、违法使用禁用兽药、非法捕捞等案件，全年报送以案释法典型案例4个。"),
    ("p", "（五）运用新媒体普法。在“云岭农业农村”视频号发布农业普法短视频24条；依托农技服务短信平台，在春耕备耕、禁渔期等关键节点向种养殖户推送普法提醒短信3.6万条。"),
    ("p", "（六）推进执法普法融合。在农资经营门店检查中推行“查、讲、改”三步工作法，边检查边讲解《农药管理条例》《种子法》等规定，督促经营者建立进销台账；在动物检疫、渔政巡查中同步开展法律宣传，对首次轻微违法的当事人以教育指导为主，做到执法有力度、普法有温度。"),
    ("p", "通过努力，全县农药经营门店普法覆盖率达100%，农民群众对农业法律法规的知晓率达到85%。"),
    ("h1", "二、存在的问题和不足"),
    ("p", "一是普法组织机构有待健全，没有单独的普法领导小组，统筹力度不够；二是普法工作暂无专项经费，宣传资料印制主要依靠业务经费调剂解决；三是面向家庭农场、农民专业合作社等新型农业经营主体的普法还不够深入。"),
    ("h1", "三、下一步工作打算"),
    ("p", "一是适时成立局普法工作领导小组，健全普法工作机制；二是积极争取将普法经费纳入部门预算；三是以乡村振兴促进法、农产品质量安全法为重点，深入开展“农资打假”“法律进乡村”活动，力争受教育群众不少于2万人次。"),
    ("blank",),
    ("sign", "云岭县农业农村局"),
    ("date", "2023年12月6日"),
]
doc("农业农村局2023年普法工作总结.docx", "县农业农村局", "annual_report",
    F(unit="县农业农村局", doc_type="annual_report", date="2023-12-06", leading_group=True,
      leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
      activities=42, materials=8000, consultations=900, audience=15000, study_sessions=3,
      new_media=["视频号", "短信"], budget=False, sections=SECTIONS4),
    dict(unit="云岭县农业农村局2023年普法工作总结", year="2023年普法工作总结",
         doc_type="普法工作总结", date="2023年12月6日",
         leading_group="我局未单独成立普法领导小组，普法工作由局依法行政工作领导小组统筹",
         leader_in_charge="分管副局长具体抓", staff_assigned="确定1名同志为普法联络员",
         duty_list="年初制定了《云岭县农业农村局2023年度普法责任清单》",
         cases_total="全年报送以案释法典型案例4个", activities="农业法律法规宣传活动42场",
         materials="发放宣传资料8000余份", consultations="解答群众咨询900余人次",
         audience="受教育群众1.5万人（次）", study_sessions="局党组理论学习中心组专题学法3次",
         budget="普法工作暂无专项经费",
         new_media={"视频号": "“云岭农业农村”视频号", "短信": "推送普法提醒短信"},
         sections={"基本情况": "一、基本情况和主要做法", "主要做法": "一、基本情况和主要做法",
                   "存在问题": "二、存在的问题和不足", "下一步打算": "三、下一步工作打算"}),
    NY_REPORT, report_len=True, absent=["公众号", "已纳入"])

# 9 ── 县农业农村局: 以案释法 cases, text PDF written with fpdf2.
NY_CASES = [
    ("title", "云岭县农业农村局2023年以案释法典型案例"),
    ("p", "按照县普法办工作要求，现将我局2023年度以案释法典型案例报送如下。"),
    ("h", "案例一：某农资经营部销售假农药案"),
    ("p", "基本案情：2023年3月，县农业综合行政执法大队在春季农资市场检查中发现，某农资经营部销售的一批标称“吡虫啉”的农药经检测不含标注的有效成分，货值金额4200元。"),
    ("p", "以案释法：《农药管理条例》规定，所含有效成分种类与农药的标签、说明书标注的有效成分不符的，认定为假农药，禁止经营。执法大队依法没收假农药和违法所得，并处罚款。"),
    ("p", "典型意义：农资经营者要严格履行进货查验义务；农民群众购买农药要索要购货凭证，认准农药登记证号。"),
    ("h", "案例二：某生猪养殖场使用禁用兽药案"),
    ("p", "基本案情：2023年5月，执法人员在对某生猪养殖场开展检查时，发现其自配饲料中添加了国家明令禁止使用的药物。"),
    ("p", "以案释法：《兽药管理条例》规定，禁止使用国务院兽医行政管理部门规定禁止使用的药品和其他化合物。执法大队依法对该养殖场作出行政处罚，并将涉嫌犯罪线索移送公安机关。"),
    ("p", "典型意义：养殖环节用药关系“舌尖上的安全”，养殖户必须规范用药、建立用药记录。"),
    ("h", "案例三：张某禁渔期电鱼案"),
    ("p", "基本案情：2023年6月，张某在禁渔期内使用电鱼器具在青龙河捕鱼，被渔政巡查人员当场查获。"),
    ("p", "以案释法：《中华人民共和国渔业法》规定，禁止使用炸鱼、毒鱼、电鱼等破坏渔业资源的方法进行捕捞。执法大队依法没收渔获物和电鱼器具，并处罚款。"),
    ("p", "典型意义：电鱼“断子绝孙”，既破坏渔业资源，也危及人身安全，情节严重的还可能构成非法捕捞水产品罪。"),
    ("h", "案例四：李某土地承包经营权纠纷调处案"),
    ("p", "基本案情：村民李某外出务工期间，所在村民小组以其长期不在家为由，将其承包地另行发包给他人，李某返乡后申请调处。"),
    ("p", "以案释法：《中华人民共和国农村土地承包法》规定，承包期内，发包方不得收回承包地，不得调整承包地。经县农村土地承包经营纠纷调解仲裁委员会调解，村民小组将承包地返还李某。"),
    ("p", "典型意义：外出务工不影响农民依法享有的土地承包经营权，发包方不得以此为由收回承包地。"),
    ("right", "云岭县农业农村局"),
    ("right", "2023年12月6日"),
]
doc("农业农村局以案释法典型案例.pdf", "县农业农村局", "case_report",
    F(unit="县农业农村局", doc_type="case_report", date="2023-12-06", cases_total=4),
    dict(unit="云岭县农业农村局2023年以案释法典型案例", year="2023年度以案释法典型案例",
         doc_type="以案释法典型案例", date="2023年12月6日",
         cases_total=["案例一：", "案例二：", "案例三：", "案例四："]),
    NY_CASES, fmt="fpdf", absent=["案例五"])

# 10 ── 县林业和草原局: 红头 report, dated after the deadline; 联络员 post vacant.
LC_REPORT = [
    ("redhead", "云岭县林业和草原局文件"),
    ("docno", "云林草发〔2023〕112号"),
    ("title", "云岭县林业和草原局关于报送2023年度普法工作总结的报告"),
    ("to", "县委依法治县办："),
    ("p", "现将我局2023年度落实“谁执法谁普法”普法责任制工作情况报告如下："),
    ("h1", "一、基本情况"),
    ("p", "全县林地面积186.4万亩，森林覆盖率68.3%。我局内设4个股室，下辖6个林业站和县森林资源管护中心，承担森林资源保护、林草行政执法、野生动植物保护等职责。年初调整了局普法工作领导小组，由局长任组长，明确分管副局长为普法工作直接责任人。制定印发了《云岭县林业和草原局2023年普法责任清单》，将普法任务分解到股室和林业站。"),
    ("h1", "二、主要做法及成效"),
    ("p", "（一）领导班子带头学法。领导班子集体学法两次，重点学习了新修订的《中华人民共和国森林法》和《中华人民共和国野生动物保护法》。"),
    ("p", "（二）聚焦森林防火开展宣传。在森林防火期深入林区村寨、集市开展宣传活动28场，发放宣传资料5600份，悬挂宣传横幅120余条，受教育群众9000余人次。组织全县护林员开展业务培训，把法律知识送到山头地块。"),
    ("p", "（三）落实以案释法。全年办理林业行政案件37件，从中选取非法占用林地、滥伐林木等案件，报送以案释法典型案例4个。"),
    ("p", "（四）拓展宣传渠道。在快手平台开设“云岭林草”账号，发布森林防火、野生动物保护普法短视频31条；在县融媒体中心播出森林防火普法专题片2期。"),
    ("p", "（五）推进执法与普法相融合。在林木采伐审批、林地使用审核等行政许可办理中，向申请人讲清审批条件和法律责任；在案件查办中坚持处罚与教育相结合，对当事人同步讲清违法事实、处罚依据和补种复绿要求，引导其自觉履行义务；结合林长制巡林工作，组织各级林长和护林员在巡山护林中开展“面对面”普法。"),
    ("p", "全年全县未发生重大森林火灾，森林火灾受害率控制在0.9‰以内，林区群众护林防火意识进一步增强。"),
    ("h1", "三、存在的困难"),
    ("p", "一是林区点多面广，群众居住分散，普法宣传难以全覆盖；二是普法工作力量薄弱，原普法联络员调离后岗位空缺至今，日常普法工作暂由各股室轮流兼顾；三是普法手段单一，宣传效果有待提高。"),
    ("h1", "四、下一步工作计划"),
    ("p", "一是尽快补齐普法联络员；二是深化“林长制+普法”模式，依托护林员队伍开展普法宣传；三是继续做好以案释法工作，提高案例质量。"),
    ("p", "特此报告。"),
    ("blank",),
    ("sign", "云岭县林业和草原局"),
    ("date", "2023年12月12日"),
    ("cc", "抄送：县司法局。"),
    ("print", "云岭县林业和草原局办公室                2023年12月12日印发"),
]
doc("林草局关于报送2023年度普法工作总结的报告.docx", "县林业和草原局", "annual_report",
    F(unit="县林业和草原局", doc_type="annual_report", date="2023-12-12", leading_group=True,
      leader_in_charge=True, staff_assigned=False, duty_list=True, cases_total=4,
      activities=28, materials=5600, audience=9000, study_sessions=2,
      new_media=["快手"], sections=SECTIONS4),
    dict(unit="云岭县林业和草原局文件", year="2023年度普法工作总结", doc_type="普法工作总结的报告",
         date="2023年12月12日", leading_group="年初调整了局普法工作领导小组",
         leader_in_charge="明确分管副局长为普法工作直接责任人",
         staff_assigned="原普法联络员调离后岗位空缺至今",
         duty_list="制定印发了《云岭县林业和草原局2023年普法责任清单》",
         cases_total="报送以案释法典型案例4个", activities="开展宣传活动28场",
         materials="发放宣传资料5600份", audience="受教育群众9000余人次",
         study_sessions="领导班子集体学法两次",
         new_media={"快手": "在快手平台开设“云岭林草”账号"},
         sections={"基本情况": "一、基本情况", "主要做法": "二、主要做法及成效",
                   "存在问题": "三、存在的困难", "下一步打算": "四、下一步工作计划"}),
    LC_REPORT, report_len=True, absent=["专人", "经费", "咨询"])


# 11 ── 县林业和草原局: cases, one table per case.
def lc_case(name, facts, law, meaning):
    return ("table", [["案例名称", name], ["基本案情", facts], ["法律分析", law], ["普法意义", meaning]],
            [], 0, [2.4, 13.2])


LC_CASES = [
    ("title", "云岭县林业和草原局2023年度以案释法典型案例"),
    ("left", "案例一"),
    lc_case("某木材加工厂非法占用林地案",
            "2023年2月，某木材加工厂未经审批，擅自在集体林地上平整场地、堆放木材，占用林地面积2.3亩。",
            "《中华人民共和国森林法》第七十三条规定，违反本法规定，未经县级以上人民政府林业主管部门审核同意，擅自改变林地用途的，由县级以上人民政府林业主管部门责令限期恢复植被和林业生产条件，可以处恢复植被和林业生产条件所需费用三倍以下的罚款。我局依法责令其限期恢复并处罚款。",
            "使用林地必须依法办理审核审批手续，“先占后批”“不批就占”都要承担法律责任。"),
    ("left", "案例二"),
    lc_case("王某滥伐林木案",
            "王某持有采伐许可证，但超出许可证规定的地点和数量采伐自留山杉木，超伐林木蓄积8.6立方米。",
            "《中华人民共和国森林法》第七十六条规定，滥伐林木的，由县级以上人民政府林业主管部门责令限期在原地或者异地补种滥伐株数一倍以上三倍以下的树木，可以处滥伐林木价值三倍以上五倍以下的罚款。我局依法作出处罚，责令其补种树木。",
            "采伐自家的树也要按许可证规定的地点、数量和方式采伐，超量采伐同样违法。"),
    ("left", "案例三"),
    lc_case("赵某非法收购野生动物案",
            "赵某在集市上收购野生画眉鸟6只，准备转卖牟利，被森林资源管护人员查获。",
            "《中华人民共和国野生动物保护法》禁止出售、购买、利用国家重点保护野生动物及有重要生态、科学、社会价值的陆生野生动物。我局依法没收野生动物，并对赵某处以罚款。",
            "保护野生动物人人有责，不捕、不买、不卖、不吃野生动物。"),
    ("left", "案例四"),
    lc_case("李某森林防火期违规野外用火案",
            "2023年3月，李某在森林防火期内未经批准在林缘地烧地埂草，被护林员及时发现并扑灭，未造成森林火灾。",
            "《森林防火条例》第五十条规定，森林防火期内未经批准擅自在森林防火区内野外用火的，由县级以上地方人民政府林业主管部门责令停止违法行为，给予警告，对个人并处200元以上3000元以下罚款。我局依法对李某给予警告并处罚款。",
            "森林防火期内严禁野外用火，“一点星火”也可能酿成大灾。"),
    ("blank",),
    ("sign", "云岭县林业和草原局"),
    ("date", "2023年12月6日"),
]
doc("林草局以案释法案例.docx", "县林业和草原局", "case_report",
    F(unit="县林业和草原局", doc_type="case_report", date="2023-12-06", cases_total=4),
    dict(unit="云岭县林业和草原局2023年度以案释法典型案例", year="2023年度以案释法典型案例",
         doc_type="以案释法典型案例", date="2023年12月6日",
         cases_total=["某木材加工厂非法占用林地案", "王某滥伐林木案", "赵某非法收购野生动物案",
                      "李某森林防火期违规野外用火案"]),
    LC_CASES, absent=["案例五"])

# 12 ── 县消防救援大队: file named 附件1.docx, unit only in the signature.
XF_REPORT = [
    ("left", "附件1"),
    ("title", "2023年度“谁执法谁普法”普法责任制落实情况报告"),
    ("p", "2023年，我大队在县委、县政府和上级消防救援支队的领导下，紧紧围绕消防安全形势，扎实推进“谁执法谁普法”普法责任制落实，现将有关情况报告如下。"),
    ("h1", "一、基本情况"),
    ("p", "大队现有指战员42人，其中消防监督执法人员6人，承担全县消防监督检查、火灾事故调查和消防宣传教育等职责。全年检查社会单位1120家次，督促整改火灾隐患2300余处。年初调整了大队普法工作领导小组，大队长任组长，教导员任副组长；大队长作为普法第一责任人，分管防火监督工作的副大队长具体负责；防火监督组明确1名监督员兼任普法联络员。"),
    ("h1", "二、主要工作举措"),
    ("p", "（一）抓好指战员学法。大队党委理论学习中心组集体学法2次，组织指战员学习《中华人民共和国消防法》《消防监督检查规定》和《火灾事故调查规定》。"),
    ("p", "（二）开展消防宣传“五进”活动。深入企业、农村、社区、学校、家庭开展消防安全宣传活动65场，发放消防安全宣传资料1.8万份，受教育群众3.2万人次；在“119消防宣传月”期间组织消防站向社会开放，邀请中小学生和群众参观体验。"),
    ("p", "（三）落实以案释法。结合火灾事故调查和执法检查，向县普法办报送以案释法典型案例2个，在执法中向当事人讲清违法事实和处罚依据。"),
    ("p", "（四）用好新媒体。运营“云岭消防”微信公众号和抖音号，全年发布消防普法作品140余条，其中“电动自行车进楼入户充电危害”短视频播放量超过12万次。"),
    ("p", "（五）推进执法普法融合。在消防监督检查中坚持“检查一处、宣传一片”，逐一向单位负责人讲清消防安全主体责任和常见违法行为的法律后果；对初次违法且危害后果轻微并及时改正的，依法不予行政处罚，以教育提醒为主；在火灾事故调查中向当事人释法说理，引导群众自觉遵守消防法律法规。"),
    ("p", "（六）抓好重点群体宣传。针对农村自建房、沿街门店和“九小场所”火灾风险，组织消防文员和志愿者入户开展“敲门行动”，讲解电气线路私拉乱接、占用堵塞疏散通道等违法行为的危害；联合县教育体育局在全县中小学开展消防安全第一课，推动消防安全知识进课堂、进教材。"),
    ("h1", "三、存在不足"),
    ("p", "一是以案释法案例报送数量不足，案例挖掘提炼不够；二是农村地区消防宣传覆盖面仍然不够；三是监督执法人员少，普法与执法任务矛盾突出。"),
    ("h1", "四、下步打算"),
    ("p", "一是每季度至少报送1个以案释法典型案例；二是深化消防宣传“五进”活动，重点加强农村自建房、“九小场所”消防安全宣传；三是加强消防宣传队伍建设。"),
    ("blank",),
    ("sign", "云岭县消防救援大队"),
    ("date", "2023年12月7日"),
]
doc("附件1.docx", "县消防救援大队", "annual_report",
    F(unit="县消防救援大队", doc_type="annual_report", date="2023-12-07", leading_group=True,
      leader_in_charge=True, staff_assigned=True, cases_total=2, activities=65,
      materials=18000, audience=32000, study_sessions=2, new_media=["微信公众号", "抖音"],
      sections=SECTIONS4),
    dict(unit="云岭县消防救援大队", year="2023年度“谁执法谁普法”普法责任制落实情况报告",
         doc_type="普法责任制落实情况报告", date="2023年12月7日",
         leading_group="年初调整了大队普法工作领导小组",
         leader_in_charge="大队长作为普法第一责任人",
         staff_assigned="防火监督组明确1名监督员兼任普法联络员",
         cases_total="向县普法办报送以案释法典型案例2个", activities="消防安全宣传活动65场",
         materials="发放消防安全宣传资料1.8万份", audience="受教育群众3.2万人次",
         study_sessions="大队党委理论学习中心组集体学法2次",
         new_media={"微信公众号": "“云岭消防”微信公众号", "抖音": "抖音号"},
         sections={"基本情况": "一、基本情况", "主要做法": "二、主要工作举措",
                   "存在问题": "三、存在不足", "下一步打算": "四、下步打算"}),
    XF_REPORT, report_len=True, absent=["责任清单", "经费", "预算", "咨询"])

# 13 ── 县消防救援大队: the year's plan (targets only).
XF_PLAN = [
    ("title", "云岭县消防救援大队2023年消防法治宣传工作计划"),
    ("p", "为深入落实“谁执法谁普法”普法责任制，推动消防法律法规深入人心，结合大队实际，制定本计划。"),
    ("h1", "一、工作目标"),
    ("p", "全年开展消防普法宣传活动不少于60场，报送以案释法典型案例不少于4个，受教育群众不少于3万人次，全县社会单位消防安全责任人培训覆盖率达到90%以上。"),
    ("h1", "二、重点任务"),
    ("p", "（一）开展“119消防宣传月”活动。11月集中开展消防宣传进企业、进农村、进社区、进学校、进家庭活动。"),
    ("p", "（二）抓好重点人群消防普法。对“九小场所”经营者、农村留守老人和中小学生开展针对性宣传。"),
    ("p", "（三）落实以案释法。结合火灾事故调查和执法检查选取典型案例，每季度至少报送1个。"),
    ("p", "（四）推进执法普法融合。在监督检查中同步开展消防法律法规宣讲，做到检查一处、教育一片。"),
    ("h1", "三、工作要求"),
    ("p", "各中队、防火监督组要按照计划抓好落实，每季度末向大队防火监督组报送工作进展，年底前形成工作总结。"),
    ("blank",),
    ("sign", "云岭县消防救援大队"),
    ("date", "2023年2月15日"),
]
doc("消防大队2023年消防法治宣传工作计划.docx", "县消防救援大队", "plan",
    F(unit="县消防救援大队", doc_type="plan", date="2023-02-15"),
    dict(unit="云岭县消防救援大队2023年消防法治宣传工作计划", year="2023年消防法治宣传工作计划",
         doc_type="工作计划", date="2023年2月15日"),
    XF_PLAN, absent=["领导小组", "责任清单", "公众号", "抖音", "联络员"])

# 14 ── 县人民检察院: full formal name, signed by 中共…党组; text PDF via LibreOffice.
JC_REPORT = [
    ("title", "中共云岭县人民检察院党组关于2023年度落实“谁执法谁普法”普法责任制情况的报告"),
    ("to", "县委全面依法治县委员会办公室："),
    ("p", "2023年，云岭县人民检察院党组坚持以习近平法治思想为指导，认真落实“谁执法谁普法”普法责任制，把普法融入检察办案全过程，现将有关情况报告如下。"),
    ("h1", "一、落实普法责任制基本情况"),
    ("p", "院党组高度重视普法工作，年初调整了院普法工作领导小组，检察长任组长，为普法工作第一责任人，分管副检察长具体负责，办公室明确1名干警专职负责普法日常工作。制定《云岭县人民检察院2023年度普法责任清单》，明确刑事、民事、行政、公益诉讼各检察部门的普法任务。普法工作经费纳入年度预算。全年共受理审查逮捕案件148件、审查起诉案件276件，办理公益诉讼案件39件。"),
    ("h1", "二、主要做法"),
    ("p", "（一）抓实学法用法。院党组理论学习中心组集体学法4次，专题学习了《中华人民共和国未成年人保护法》和《中华人民共和国反电信网络诈骗法》；组织检察官参加业务竞赛和案例研讨。"),
    ("p", "（二）开展检察普法。开展“检察开放日”、法治进校园、送法进乡村等普法活动46场，其中法治进校园活动18场，发放宣传资料6200余份，接待群众法律咨询310人次，受教育群众2.3万余人次。检察长、副检察长带头担任中小学法治副校长。"),
    ("p", "（三）落实以案释法。围绕电信网络诈骗、未成年人保护、食品药品安全公益诉讼等领域，发布以案释法典型案例8件，在办案中同步释法说理。"),
    ("p", "（四）推进普法与办案融合。落实“谁执法谁普法”要求，在审查起诉、羁押必要性审查、刑事和解等环节向当事人及其家属释法说理；对不起诉案件公开宣告，邀请人大代表、人民监督员和群众代表参加；办理公益诉讼案件时，通过诉前磋商、圆桌会议等方式向行政机关和企业讲清法律规定，督促依法履职、整改到位。"),
    ("p", "（五）用好新媒体。依托“云岭检察”微信公众号和今日头条号，全年发布普法信息210余条，阅读量累计超过30万次。"),
    ("h1", "三、存在的问题"),
    ("p", "一是普法与办案融合还不够紧密，释法说理的深度有待提升；二是新媒体普法作品原创性不强，吸引力有待增强；三是面向农村地区的检察普法覆盖不够，基层群众对公益诉讼等检察职能的知晓度还不高。"),
    ("h1", "四、下一步工作打算"),
    ("p", "一是深化“法治副校长”工作，推动未成年人法治教育常态化；二是加强以案释法，及时发布典型案例；三是提升新媒体普法作品质量，讲好检察普法故事。"),
    ("blank",),
    ("sign", "中共云岭县人民检察院党组"),
    ("date", "2023年12月4日"),
]
doc("关于2023年度落实普法责任制情况的报告.pdf", "县人民检察院", "annual_report",
    F(unit="县人民检察院", doc_type="annual_report", date="2023-12-04", leading_group=True,
      leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=8,
      activities=46, materials=6200, consultations=310, audience=23000, study_sessions=4,
      new_media=["微信公众号", "今日头条"], budget=True, sections=SECTIONS4),
    dict(unit="中共云岭县人民检察院党组", year="2023年度落实“谁执法谁普法”普法责任制情况的报告",
         doc_type="普法责任制情况的报告", date="2023年12月4日",
         leading_group="年初调整了院普法工作领导小组",
         leader_in_charge="检察长任组长，为普法工作第一责任人",
         staff_assigned="办公室明确1名干警专职负责普法日常工作",
         duty_list="制定《云岭县人民检察院2023年度普法责任清单》",
         cases_total="发布以案释法典型案例8件", activities="送法进乡村等普法活动46场",
         materials="发放宣传资料6200余份", consultations="接待群众法律咨询310人次",
         audience="受教育群众2.3万余人次", study_sessions="院党组理论学习中心组集体学法4次",
         budget="普法工作经费纳入年度预算",
         new_media={"微信公众号": "“云岭检察”微信公众号", "今日头条": "今日头条号"},
         sections={"基本情况": "一、落实普法责任制基本情况", "主要做法": "二、主要做法",
                   "存在问题": "三、存在的问题", "下一步打算": "四、下一步工作打算"}),
    JC_REPORT, fmt="lo_pdf", report_len=True)

# 15 ── 县供销合作社联合社: thin, heading-less, date in Chinese numerals (on the deadline).
GX_REPORT = [
    ("title", "云岭县供销社2023年普法工作开展情况"),
    ("p", "今年以来，我社结合农资供应和为农服务中心建设，在基层农资门店开展普法宣传活动3次，发放宣传资料200余份，班子集体学法1次，并借助县融媒体中心宣传了《农药管理条例》相关知识。"),
    ("p", "存在的不足是对普法工作重视不够，宣传形式比较单一。"),
    ("p", "下一步，我社将进一步加强普法工作，争取取得更好成效。"),
    ("blank",),
    ("sign", "云岭县供销合作社联合社"),
    ("date", "二〇二三年十二月八日"),
]
doc("供销社普法工作情况.docx", "县供销合作社联合社", "annual_report",
    F(unit="县供销合作社联合社", doc_type="annual_report", date="2023-12-08", activities=3,
      materials=200, study_sessions=1, sections=["主要做法", "存在问题", "下一步打算"]),
    dict(unit="云岭县供销合作社联合社", year="云岭县供销社2023年普法工作开展情况",
         doc_type="普法工作开展情况", date="二〇二三年十二月八日",
         activities="开展普法宣传活动3次", materials="发放宣传资料200余份",
         study_sessions="班子集体学法1次",
         sections={"主要做法": "今年以来，我社结合农资供应", "存在问题": "存在的不足是",
                   "下一步打算": "下一步，我社将"}),
    GX_REPORT, report_len=False,
    absent=["领导小组", "责任清单", "分管", "联络员", "专人", "公众号", "抖音", "微博", "案例", "经费"])


# ---------------------------------------------------------------------------
# writers for xlsx
# ---------------------------------------------------------------------------

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_stats_halfyear(items, path):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for idx, (sheet, label) in enumerate([("上半年", "上半年"), ("下半年", "下半年"), ("全年", "全年")]):
        ws = wb.create_sheet(sheet)
        ws.merge_cells("A1:E1")
        ws["A1"] = f"云岭县民政局2023年{label}普法工作统计表"
        ws["A1"].font = Font(name="宋体", size=14, bold=True)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.merge_cells("A2:E2")
        ws["A2"] = "填报单位：云岭县民政局（盖章）"
        ws.append(["序号", "统计项目", "计量单位", "数量", "备注"])
        for i, (item, unit, h1, h2, yr) in enumerate(items, 1):
            val = (h1, h2, yr)[idx]
            note = "抽样问卷结果" if unit == "%" else ("上、下半年合计" if idx == 2 else "")
            ws.append([i, item, unit, val, note])
        for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
            for c in row:
                c.border = BOX
        if idx == 2:
            ws.append([])
            ws.append(["填报人：张丽", None, "联系电话：0870-6123456", None, "填报时间：2023年11月30日"])
        for col, w in zip("ABCDE", (6, 30, 12, 10, 16)):
            ws.column_dimensions[col].width = w
    wb.save(str(path))


def write_jt_list(rows, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "责任清单"
    ws.merge_cells("A1:H1")
    ws["A1"] = "云岭县交通运输局2023年度普法责任清单"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["序号", "普法内容/重点法律法规", "普法对象", "普法方式/宣传载体", "责任领导", "责任人", "责任股室", "完成时限"])
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
        for c in row:
            c.border = BOX
            c.alignment = Alignment(wrap_text=True, vertical="center")
    for col, w in zip("ABCDEFGH", (6, 30, 20, 26, 10, 10, 16, 10)):
        ws.column_dimensions[col].width = w
    wb.save(str(path))


def write_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评议单位"
    ws.append(["序号", "单位", "简称"])
    for i, (name, alias) in enumerate(ROSTER, 1):
        ws.append([i, name, alias])
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 22
    wb.save(str(path))


# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------

def check_doc(d, text):
    t = norm(text)
    problems = []

    def need(sub, what):
        if norm(sub) not in t:
            problems.append(f"{d['name']}: {what}: key sentence not found: {sub}")

    f = d["fields"]
    for k, v in f.items():
        empty = v is None or v == []
        if k in ("sections", "new_media"):
            keys = d["keys"].get(k, {})
            if set(keys) != set(v):
                problems.append(f"{d['name']}: {k}: keys {sorted(keys)} != truth {sorted(v)}")
            for name, sub in keys.items():
                need(sub, f"{k}/{name}")
            continue
        if empty:
            if k in d["keys"]:
                problems.append(f"{d['name']}: {k} is null but has a key")
            continue
        if k not in d["keys"]:
            problems.append(f"{d['name']}: {k}={v!r} has no key sentence")
            continue
        subs = d["keys"][k]
        for sub in (subs if isinstance(subs, list) else [subs]):
            need(sub, k)
    for sub in d["absent"]:
        if norm(sub) in t:
            problems.append(f"{d['name']}: must not contain {sub!r}")
    if d["report_len"] is True and len(t) < 800:
        problems.append(f"{d['name']}: report too short ({len(t)})")
    if d["report_len"] is False and len(t) >= 800:
        problems.append(f"{d['name']}: thin report too long ({len(t)})")
    # a case file's count is the number of case keys
    if f["doc_type"] == "case_report":
        if len(d["keys"]["cases_total"]) != f["cases_total"]:
            problems.append(f"{d['name']}: case keys != cases_total")
    return problems, len(t)


def merge_unit(docs):
    live = [d for d in docs if not d["superseded"]]
    m = {}
    for k in ("leading_group", "leader_in_charge", "staff_assigned", "duty_list", "budget"):
        vals = [d["fields"][k] for d in live if d["fields"][k] is not None]
        m[k] = True if True in vals else (False if vals else None)
    if any(d["doc_type"] == "duty_list" for d in live):
        m["duty_list"] = True
    # totals from reports first, then other files
    for k in ("cases_total", "study_sessions"):
        order = sorted(live, key=lambda d: d["doc_type"] not in ("annual_report", "self_inspection"))
        vals = [d["fields"][k] for d in order if d["fields"][k] is not None]
        m[k] = vals[0] if vals else None
        assert len(set(vals)) <= 1, (k, vals)  # no conflicts inside this corpus
    q = [d["fields"]["cases_by_quarter"] for d in live if d["fields"]["cases_by_quarter"]]
    m["cases_by_quarter"] = q[0] if q else None
    m["new_media"] = sorted({c for d in live for c in d["fields"]["new_media"]})
    return m, live


def findings_for(unit, docs, report_stats):
    if not docs:
        return ["missing_submission"]
    m, live = merge_unit(docs)
    out = []
    if m["cases_total"] is None or m["cases_total"] < 4:
        out.append("cases_below_min")
    if m["cases_by_quarter"] and min(m["cases_by_quarter"]) < 1:
        out.append("quarter_without_case")
    if m["duty_list"] is not True:
        out.append("no_duty_list")
    if m["leading_group"] is not True:
        out.append("no_leading_group")
    if m["leader_in_charge"] is not True:
        out.append("no_leader_in_charge")
    if m["staff_assigned"] is not True:
        out.append("no_staff_assigned")
    if not m["new_media"]:
        out.append("no_new_media")
    if m["study_sessions"] is None or m["study_sessions"] < 2:
        out.append("study_below_min")
    reports = [d for d in live if d["doc_type"] in ("annual_report", "self_inspection")]
    if any(set(SECTIONS4) - set(d["fields"]["sections"]) for d in reports):
        out.append("missing_section")
    if any(report_stats[d["name"]]["chars"] < 800 or report_stats[d["name"]]["figures"] < 3
           for d in reports):
        out.append("too_thin")
    if any(d["fields"]["date"] and d["fields"]["date"] > DEADLINE for d in live):
        out.append("late_submission")
    return [r for r in RULE_ORDER if r in out]


FIGURE_FIELDS = ("cases_total", "activities", "materials", "consultations", "audience", "study_sessions")

EXPECTED_FINDINGS = {
    "县发展和改革局": ["missing_submission"],
    "县民政局": [],
    "县司法局": ["missing_section"],
    "县交通运输局": ["quarter_without_case"],
    "县农业农村局": [],
    "县林业和草原局": ["no_staff_assigned", "late_submission"],
    "县消防救援大队": ["cases_below_min", "no_duty_list"],
    "县人民检察院": [],
    "县供销合作社联合社": ["cases_below_min", "no_duty_list", "no_leading_group",
                          "no_leader_in_charge", "no_staff_assigned", "no_new_media",
                          "study_below_min", "missing_section", "too_thin"],
}


def main():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    roster_names = [n for n, _ in ROSTER]

    for d in DOCS:
        path = INBOX / d["name"]
        assert d["unit"] in roster_names, d["unit"]
        assert d["fields"]["unit"] == d["unit"] and d["fields"]["doc_type"] == d["doc_type"]
        if d["fmt"] == "docx":
            write_docx(d["content"], path)
        elif d["fmt"] == "lo_pdf":
            docx_to_pdf(d["content"], path)
        elif d["fmt"] == "fpdf":
            fpdf_write(d["content"], path)
        elif d["fmt"] == "xlsx":
            kind, data = d["content"]
            {"stats_halfyear": write_stats_halfyear, "jt_list": write_jt_list}[kind](data, path)
        else:
            raise ValueError(d["fmt"])
    write_roster(HERE / "roster.xlsx")

    problems = []
    report_stats = {}
    for d in DOCS:
        text = read_text(INBOX / d["name"])
        p, n = check_doc(d, text)
        problems += p
        figures = sum(1 for k in FIGURE_FIELDS if d["fields"][k] is not None)
        report_stats[d["name"]] = {"chars": n, "figures": figures}

    truth = {"year": YEAR, "deadline": DEADLINE, "files": {}, "units": {}, "missing_units": []}
    for d in DOCS:
        truth["files"][d["name"]] = {
            "status": "ok", "error_code": None, "unit": d["unit"], "doc_type": d["doc_type"],
            "fields": {k: d["fields"][k] for k in FIELD_KEYS},
        }
    for name in roster_names:
        docs = [d for d in DOCS if d["unit"] == name]
        fnd = findings_for(name, docs, report_stats)
        if fnd != EXPECTED_FINDINGS[name]:
            problems.append(f"{name}: computed findings {fnd} != intended {EXPECTED_FINDINGS[name]}")
        truth["units"][name] = {"findings": fnd, "files": sorted(d["name"] for d in docs)}
        if not docs:
            truth["missing_units"].append(name)

    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    units = {d["unit"] for d in DOCS}
    print(f"wrote {len(DOCS)} files from {len(units)} units; roster {len(ROSTER)}; "
          f"missing {truth['missing_units']}")
    for d in DOCS:
        s = report_stats[d["name"]]
        print(f"  {d['name']}: {d['doc_type']}, {s['chars']} chars")


if __name__ == "__main__":
    main()
