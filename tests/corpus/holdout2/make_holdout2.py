#!/usr/bin/env python3
"""Generate the second hold-out corpus: 青岚市 市直单位, year 2024, deadline 2024-12-10.

Writes, next to this script:
  INBOX/        14 files from 7 units (docx, text PDF, xlsx; one in a sub-folder)
  roster.xlsx   8 units (单位名称, 简称/别名); 市退役军人事务局 sends nothing
  truth.json    what a careful 普法办 clerk reads, in the devset truth format

The material was written without looking at the extractors, so it measures
generalisation.  Every truth value is tied to a key sentence; after writing, the
script reads each file back (python-docx / openpyxl / pdfplumber) and asserts
that every key sentence is there, that the figures add up and that report
lengths are where the truth says they are.

Needs: python-docx, openpyxl, fpdf2, pdfplumber, OpenCC (s2t, for the report in
traditional characters) and the font /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc.

Run:  python tests/corpus/holdout2/make_holdout2.py
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import sys
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
YEAR = 2024
DEADLINE = "2024-12-10"

FIELD_KEYS = [
    "unit", "year", "doc_type", "date", "leading_group", "leader_in_charge",
    "staff_assigned", "duty_list", "cases_total", "cases_by_quarter", "activities",
    "materials", "consultations", "audience", "study_sessions", "new_media",
    "budget", "sections",
]
MEDIA_ORDER = ["微信公众号", "微博", "抖音", "视频号", "快手", "今日头条", "门户网站", "短信"]
SECTION_ORDER = ["基本情况", "主要做法", "存在问题", "下一步打算"]
RULE_ORDER = [
    "missing_submission", "unreadable_file", "unknown_unit", "cases_below_min",
    "quarter_without_case", "no_duty_list", "no_leading_group", "no_leader_in_charge",
    "no_staff_assigned", "no_new_media", "study_below_min", "missing_section",
    "too_thin", "late_submission", "duplicate_content",
]

ROSTER = [
    ("市中级人民法院", "市中院、青岚中院"),
    ("市人民检察院", "市检察院"),
    ("市公安局", "公安局"),
    ("市税务局", "国家税务总局青岚市税务局"),
    ("市自然资源和规划局", "资规局、自然资源局"),
    ("市人力资源和社会保障局", "人社局"),
    ("市生态环境局", "生态环境局"),
    ("市退役军人事务局", "退役军人局"),
]

# ---------------------------------------------------------------------------
# traditional characters
# ---------------------------------------------------------------------------
try:
    import opencc
    _CC = opencc.OpenCC("s2t")
except Exception as exc:  # pragma: no cover - generator prerequisite
    sys.exit(f"OpenCC is needed for the traditional-character report: {exc}")


def trad(s: str) -> str:
    return _CC.convert(s).replace("“", "「").replace("”", "」")


# ---------------------------------------------------------------------------
# writers
# ---------------------------------------------------------------------------
def _set_font(run, name: str, size: float, bold: bool = False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def write_docx(path: Path, blocks, author: str, body_font="仿宋_GB2312", size=16,
               indent=True):
    """blocks: list of (kind, payload).  kinds: title, sub, p, h, hb, table, sign, blank."""
    doc = Document()
    doc.core_properties.author = author
    doc.core_properties.last_modified_by = author
    doc.core_properties.created = dt.datetime(2024, 11, 18, 9, 0, 0)
    for kind, payload in blocks:
        if kind == "table":
            rows = payload
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = t.cell(i, j)
                    cell.text = ""
                    r = cell.paragraphs[0].add_run(str(val))
                    _set_font(r, body_font, 12, bold=(i == 0))
            continue
        p = doc.add_paragraph()
        if kind == "blank":
            continue
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(p.add_run(payload), "方正小标宋简体", 22)
        elif kind == "sub":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _set_font(p.add_run(payload), "楷体_GB2312", size)
        elif kind == "sign":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _set_font(p.add_run(payload), body_font, size)
        elif kind == "h":  # numbered heading, plain paragraph in 黑体
            if indent:
                p.paragraph_format.first_line_indent = Pt(size * 2)
            _set_font(p.add_run(payload), "黑体", size)
        elif kind == "hb":  # bold unnumbered heading
            _set_font(p.add_run(payload), body_font, size, bold=True)
        elif kind == "p":
            if indent:
                p.paragraph_format.first_line_indent = Pt(size * 2)
            _set_font(p.add_run(payload), body_font, size)
        else:
            raise ValueError(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def write_pdf(path: Path, blocks, author: str):
    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    logging.getLogger("fpdf").setLevel(logging.ERROR)
    pdf = FPDF(format="A4")
    pdf.set_author(author)
    pdf.set_creation_date(dt.datetime(2024, 11, 18, 9, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_margins(28, 37, 26)
    pdf.set_auto_page_break(True, margin=35)
    pdf.add_font("wqy", "", FONT)
    pdf.add_page()
    for kind, payload in blocks:
        if kind == "blank":
            pdf.ln(6)
        elif kind == "title":
            pdf.set_font("wqy", size=18)
            pdf.multi_cell(0, 11, payload, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif kind == "sign":
            pdf.set_font("wqy", size=13)
            pdf.cell(0, 9, payload, align="R", new_x="LMARGIN", new_y="NEXT")
        elif kind in ("p", "h", "hb"):
            pdf.set_font("wqy", size=13)
            text = payload if kind != "p" else "\u3000\u3000" + payload
            pdf.multi_cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
        else:
            raise ValueError(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def write_xlsx(path: Path, sheets, author: str):
    """sheets: list of (title, rows, merge_title_cols)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = author
    for name, rows, ncols in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
        if ncols:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
            ws.cell(1, 1).font = Font(bold=True, size=14)
            ws.cell(1, 1).alignment = Alignment(horizontal="center")
        widths = {"评分标准": 48, "自评说明": 40, "重点法律法规": 36}
        header = [c.value for c in ws[min(ws.max_row, 3 if name == "月度统计" else 2)]]
        for i in range(1, ws.max_column + 1):
            h = header[i - 1] if i - 1 < len(header) else None
            ws.column_dimensions[get_column_letter(i)].width = widths.get(h, 18)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))


# ---------------------------------------------------------------------------
# readers used for the self-check (independent of the project's extractors)
# ---------------------------------------------------------------------------
def read_text(path: Path) -> str:
    suf = path.suffix.lower()
    if suf == ".docx":
        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append("\t".join(c.text for c in row.cells))
        return "\n".join(parts)
    if suf == ".xlsx":
        wb = openpyxl.load_workbook(str(path), data_only=True)
        parts = []
        for ws in wb:
            for row in ws.iter_rows(values_only=True):
                parts.append("\t".join("" if v is None else str(v) for v in row))
        return "\n".join(parts)
    if suf == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join((pg.extract_text() or "") for pg in pdf.pages)
    raise ValueError(path)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------------------
# the documents
# ---------------------------------------------------------------------------
def F(**kw):
    """A full field dict: everything not given is null / []."""
    d = {k: None for k in FIELD_KEYS}
    d["new_media"] = []
    d["sections"] = []
    d.update(kw)
    d["new_media"] = sorted(d["new_media"], key=MEDIA_ORDER.index)
    d["sections"] = sorted(d["sections"], key=SECTION_ORDER.index)
    return d


DOCS = []  # each: dict(path, kind, blocks|sheets, author, fields, keys, report, arrived)


def add(path, kind, content, author, fields, keys, report=None, arrived=None, indent=True):
    DOCS.append(dict(path=path, kind=kind, content=content, author=author,
                     fields=fields, keys=keys, report=report, arrived=arrived, indent=indent))


# ---- 1. 市中级人民法院: long formal report, 一是…二是… inside paragraphs --------
COURT_REPORT = [
    ("title", "青岚市中级人民法院2024年度落实“谁执法谁普法”普法责任制履职报告"),
    ("blank", None),
    ("p", "市委全面依法治市委员会守法普法协调小组办公室："),
    ("p", "2024年，我院坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想和党的二十届三中全会精神，"
          "认真落实中办发〔2017〕31号文件和全市“八五”普法规划部署，把普法融入立案、审判、执行全过程各环节，"
          "推动“谁执法谁普法”普法责任制落地见效。现将全年履职情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "我院内设16个部门，现有干警312人，其中员额法官86名。院党组高度重视普法工作，年初即将普法工作纳入党组工作要点，"
          "与审判执行工作同部署、同检查、同考核。一是健全组织体系。院党组及时调整普法工作领导小组，由党组书记、院长任组长，"
          "分管副院长任副组长，各庭室负责人为成员；党组书记、院长切实履行推进法治建设第一责任人职责，分管副院长具体抓落实。"
          "二是压实工作责任。研究室（新闻宣传办公室）承担普法日常工作，各业务庭确定1名普法联络员，"
          "形成“领导小组统筹、研究室牵头、业务庭协同”的工作格局。三是细化责任清单。年初制定印发"
          "《青岚市中级人民法院2024年度普法责任清单》，明确4大类23项普法任务，逐项落实责任部门和完成时限。"
          "四是强化经费保障。普法工作经费列入院年度部门预算，保障宣传品制作、庭审直播设备维护等支出。"),
    ("h", "二、主要做法及成效"),
    ("p", "（一）坚持领导干部带头学法。院党组理论学习中心组全年开展集体学法6次，专题学习宪法、民法典和新修订的"
          "《中华人民共和国公司法》等。同时，一是落实党组会、院务会会前学法制度，二是举办“法官大讲堂”，"
          "三是组织新任职领导干部进行宪法宣誓，推动领导干部学法常态化、制度化。"),
    ("p", "（二）深化以案释法。我院把典型案例作为最生动的普法教材，全年共编发以案释法典型案例二十一件，"
          "其中一季度5件、二季度6件、三季度4件、四季度6件，内容涵盖民间借贷、劳动争议、未成年人保护、"
          "电信网络诈骗等群众关注领域。一是“以案说法”进媒体，在《青岚日报》开设“法官说案”专栏；"
          "二是“以案说法”进课堂，选派32名法官担任中小学法治副校长；三是在裁判文书中加强释法说理，"
          "让每一份判决书都成为普法的“活教材”。"),
    ("p", "（三）推进庭审直播常态化。依托中国庭审公开网，全年直播庭审1326场次，累计点击量逾310万次，"
          "重点选取婚姻家庭、物业服务、道路交通等与群众生活密切相关的案件进行直播，让群众在“云旁听”中学法。"),
    ("p", "（四）开展法官进社区活动。组织开展“法官进社区”“法官进企业”“法官进校园”等普法活动86场次，"
          "现场解答群众法律咨询2400余人次，发放《民法典》读本、诉讼服务指南等宣传资料3.2万份，"
          "直接受教育群众1.6万余人次。国家宪法日和宪法宣传周期间，在诉讼服务中心设立宪法宣传专区，集中开展宣传。"),
    ("p", "（五）用好新媒体平台。依托“青岚法院”微信公众号、官方抖音号和新浪微博，推出“法官说法”短视频栏目，"
          "全年发布普法类信息600余条，其中短视频《一分钟读懂高空抛物》单条播放量超过40万次。"),
    ("h", "三、存在的不足"),
    ("p", "一是普法工作发展不平衡，少数业务庭重审判、轻普法的观念仍未完全扭转，普法联络员均为兼职。"
          "二是普法产品质量有待提升，原创性、互动性强的精品不多，以案释法案例的传播面还不够广。"
          "三是对农村地区和新就业形态劳动者的精准普法还需加强。"),
    ("h", "四、2025年工作打算"),
    ("p", "一是进一步健全审判执行与普法深度融合机制，把释法说理贯穿诉前调解、庭审、执行各环节；"
          "二是持续打造“法官说案”普法品牌，提高以案释法案例质量，力争每季度发布一批典型案例；"
          "三是加大对人民法庭辐射区域的普法力度，推动法官进社区常态化、制度化；"
          "四是强化普法工作考核，把普法成效纳入庭室年度目标管理。"),
    ("blank", None),
    ("sign", "青岚市中级人民法院"),
    ("sign", "2024年11月29日"),
]
add("青岚中院2024年度“谁执法谁普法”履职报告.docx", "docx", COURT_REPORT, "研究室 陈立新",
    F(unit="市中级人民法院", year=2024, doc_type="annual_report", date="2024-11-29",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
      cases_total=21, cases_by_quarter=[5, 6, 4, 6], activities=86, materials=32000,
      consultations=2400, audience=16000, study_sessions=6,
      new_media=["微信公众号", "抖音", "微博"], budget=True, sections=SECTION_ORDER),
    dict(unit=["青岚市中级人民法院"], year=["2024年度落实"], date=["2024年11月29日"],
         leading_group=["院党组及时调整普法工作领导小组"],
         leader_in_charge=["分管副院长具体抓落实"],
         staff_assigned=["各业务庭确定1名普法联络员"],
         duty_list=["年初制定印发《青岚市中级人民法院2024年度普法责任清单》"],
         cases_total=["全年共编发以案释法典型案例二十一件"],
         cases_by_quarter=["其中一季度5件、二季度6件、三季度4件、四季度6件"],
         activities=["普法活动86场次"], materials=["宣传资料3.2万份"],
         consultations=["现场解答群众法律咨询2400余人次"], audience=["直接受教育群众1.6万余人次"],
         study_sessions=["院党组理论学习中心组全年开展集体学法6次"],
         new_media=["“青岚法院”微信公众号", "官方抖音号", "新浪微博"],
         budget=["普法工作经费列入院年度部门预算"],
         sections=["一、基本情况", "二、主要做法及成效", "三、存在的不足", "四、2025年工作打算"]),
    report=True, arrived="2024-11-29")

# ---- 2. 市中级人民法院: 5 cases, numbered titles with 【案情】【释法】, title says 5则 ----
COURT_CASES = [
    ("title", "青岚市中级人民法院2024年度以案释法典型案例（5则）"),
    ("blank", None),
    ("p", "为深化以案释法工作，我院从2024年审结的案件中精选5则典型案例，现予报送，供各单位在普法宣传中参考使用。"),
    ("hb", "1．高空抛物砸坏车辆，查明侵权人后依法担责"),
    ("p", "【案情】2023年8月，某小区业主王某停放在楼下的轿车被高空坠落的花盆砸坏。经公安机关调查，花盆系18楼住户李某"
          "清理阳台时随手抛下。王某诉至法院，请求赔偿维修费、停运损失等2.6万元。一审法院判决李某赔偿王某各项损失"
          "2.48万元，李某不服提起上诉。2024年3月，我院二审判决驳回上诉，维持原判。"),
    ("p", "【释法】《中华人民共和国民法典》第一千二百五十四条规定，禁止从建筑物中抛掷物品；从建筑物中抛掷物品造成他人损害的，"
          "由侵权人依法承担侵权责任。高空抛物不仅要承担民事责任，情节严重的还可能构成高空抛物罪。"),
    ("hb", "2．以“养老项目”为名吸收资金，构成非法吸收公众存款罪"),
    ("p", "【案情】被告人赵某以投资“康养基地”可获年化12%回报为名，向社会公众、尤其是老年人吸收资金共计860余万元，"
          "至案发时仍有310万元无法归还。一审法院以非法吸收公众存款罪判处赵某有期徒刑四年，并处罚金。2024年5月，我院二审维持原判。"),
    ("p", "【释法】未经有关部门依法许可，以承诺还本付息为诱饵向社会不特定对象吸收资金，扰乱金融秩序的，构成非法吸收公众存款罪。"
          "老年人面对“高收益、零风险”的宣传要提高警惕，投资理财应选择正规金融机构。"),
    ("hb", "3．以“末位淘汰”为由解除劳动合同，用人单位应支付赔偿金"),
    ("p", "【案情】某科技公司以孙某年度考核排名末位为由解除劳动合同。孙某申请劳动仲裁后诉至法院，要求公司支付违法解除劳动合同赔偿金。"
          "法院审理认为，考核排名末位不等同于“不能胜任工作”，公司未经培训或调岗即解除合同，属于违法解除，判决公司支付赔偿金7.2万元。"),
    ("p", "【释法】《中华人民共和国劳动合同法》第四十条、第四十八条、第八十七条对用人单位解除劳动合同的条件和违法解除的法律后果作了规定。"
          "用人单位不得以“末位淘汰”等形式单方解除劳动合同。"),
    ("hb", "4．未成年人大额充值打赏，监护人请求返还获支持"),
    ("p", "【案情】13岁的刘某使用母亲的手机，在三个月内向某直播平台充值打赏共计5.3万元。刘某母亲发现后与平台协商未果，"
          "以刘某名义起诉。经法院主持调解，平台同意返还充值款4.8万元。"),
    ("p", "【释法】八周岁以上的未成年人为限制民事行为能力人，其实施的与其年龄、智力不相适应的民事法律行为，须经法定代理人同意或者追认。"
          "家长应妥善保管支付密码，网络平台也应落实未成年人保护义务。"),
    ("hb", "5．出租出借银行卡供他人转账，构成帮助信息网络犯罪活动罪"),
    ("p", "【案情】大学生周某为赚取“好处费”，将本人名下4张银行卡出借给他人使用，经查，上述银行卡被用于转移电信网络诈骗资金共计"
          "126万元。法院以帮助信息网络犯罪活动罪判处周某有期徒刑十个月，并处罚金。"),
    ("p", "【释法】明知他人利用信息网络实施犯罪，为其犯罪提供支付结算等帮助，情节严重的，构成帮助信息网络犯罪活动罪。"
          "银行卡、电话卡不出租、不出借、不出售，是每个人守住法律底线的第一步。"),
    ("blank", None),
    ("sign", "青岚市中级人民法院研究室"),
    ("sign", "2024年11月29日"),
]
add("青岚中院以案释法典型案例（5则）.docx", "docx", COURT_CASES, "研究室 林晓",
    F(unit="市中级人民法院", year=2024, doc_type="case_report", date="2024-11-29", cases_total=5),
    dict(unit=["青岚市中级人民法院"], year=["2024年度以案释法典型案例"], date=["2024年11月29日"],
         cases_total=["（5则）", "精选5则典型案例", "1．高空抛物", "2．以“养老项目”", "3．以“末位淘汰”",
                      "4．未成年人大额充值", "5．出租出借银行卡"]),
    report=None, arrived="2024-11-29")

# ---- 3/4. 市人民检察院: bold unnumbered headings; first version then 修订版 ----------


def procuratorate(revised: bool):
    cases = "5件，其中1件入选省检察院发布的典型案例" if revised else "3件"
    blocks = [
        ("title", "青岚市人民检察院2024年度普法履职报告"),
        ("blank", None),
        ("p", "市普法办："),
        ("p", "2024年，市人民检察院认真落实“谁执法谁普法”普法责任制，坚持在办案中普法、在普法中办案，"
              "把普法工作与检察履职同谋划、同推进。现将有关情况报告如下。"),
        ("hb", "总体情况"),
        ("p", "院党组把普法工作纳入全院重点工作统筹推进，年初调整充实普法依法治理领导小组，检察长任组长，"
              "作为第一责任人亲自部署，一名副检察长分管普法工作。法律政策研究室为普法工作责任部门，"
              "明确1名检察官助理担任普法联络员，负责日常联络和信息报送。3月，院党组会审议通过并印发"
              "《青岚市人民检察院2024年度普法责任清单》，列明18项普法任务、责任部门和完成时限。"
              "全年院党组理论学习中心组专题学法四次，学习《中华人民共和国未成年人保护法》"
              "《中华人民共和国反有组织犯罪法》等法律法规。"),
        ("hb", "主要工作及成效"),
        ("p", "围绕中心开展专项普法。聚焦电信网络诈骗、养老诈骗、危害食品药品安全等群众关心的领域，"
              "组织开展“检察开放日”“法治进校园”“检察官进企业”等活动，全年共计47场，发放宣传折页、手册九千余份，"
              "接待群众法律咨询约650人次，活动受众逾2万人次。"),
        ("p", "做实未成年人检察普法。全市两级检察院共有23名检察官担任中小学法治副校长，以“法治第一课”为抓手，"
              "针对校园欺凌、网络沉迷、电信诈骗“工具人”等问题开展精准普法。"),
        ("p", f"深化以案释法。坚持“办理一案、治理一片、教育一方”，全年向市普法办报送以案释法典型案例{cases}。"),
        ("p", "用好新媒体矩阵。运用“青岚检察”微信公众号、“青岚检察”学习强国号、今日头条号和新浪微博等平台，"
              "发布普法信息430余条；与市广播电视台合作拍摄普法微视频8部。"),
        ("p", "推动普法融入办案。在公益诉讼诉前检察建议、不起诉宣告、司法救助等环节同步开展释法说理，"
              "全年制发诉前检察建议126件，让当事人在每一个案件中感受到公平正义。"),
        ("p", "以检察听证促进释法说理。对拟不起诉、羁押必要性审查、刑事申诉等案件，邀请人大代表、政协委员、"
              "人民监督员参加公开听证，听证现场由承办检察官围绕事实认定、法律适用进行说理，"
              "把听证会办成“法治公开课”，做到案结事了人和。"),
        ("p", "抓好重要节点集中宣传。在“3·15”国际消费者权益日、全民国家安全教育日、国际禁毒日、国家宪法日等节点，"
              "联合相关部门开展主题宣传；宪法宣传周期间组织干警走进社区、学校和企业，开展宪法学习宣传活动。"
              "同时推进“检护民生”专项行动宣传，围绕食品药品安全、生态环境保护、妇女儿童权益保护等领域，"
              "及时向社会公开典型案件办理情况，回应群众关切。"),
        ("p", "加强检察官普法队伍建设。组建由业务骨干组成的检察官普法讲师团，围绕民法典、未成年人保护、"
              "反电信网络诈骗等主题打磨精品课件，实行“菜单式”点单宣讲，推动普法由“大水漫灌”向“精准滴灌”转变。"),
    ]
    if revised:
        blocks += [
            ("hb", "存在的短板弱项"),
            ("p", "一是普法针对性还不够强，面向农村老年人、新业态从业人员的普法产品较少。"
                  "二是普法联络员为兼职，普法专业能力有待提高。三是新媒体平台关注量偏少，传播力影响力还不够大。"),
        ]
    blocks += [
        ("hb", "下步工作思路"),
        ("p", "一是落实普法责任清单动态调整机制，根据新出台法律法规及时更新普法任务；"
              "二是做优“青岚检察”新媒体矩阵，提升原创普法产品质量；"
              "三是加强与市普法办、教育等部门协作，推动检察普法向乡镇、社区延伸。"),
        ("blank", None),
        ("sign", "青岚市人民检察院"),
        ("sign", "2024年12月6日" if revised else "2024年11月25日"),
    ]
    return blocks


for _revised in (False, True):
    add("市检察院2024年度普法履职报告（修订版）.docx" if _revised else "市检察院2024年度普法履职报告.docx",
        "docx", procuratorate(_revised), "法律政策研究室 何静",
        F(unit="市人民检察院", year=2024, doc_type="annual_report",
          date="2024-12-06" if _revised else "2024-11-25",
          leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
          cases_total=5 if _revised else 3, activities=47, materials=9000, consultations=650,
          audience=20000, study_sessions=4, new_media=["微信公众号", "今日头条", "微博"],
          sections=SECTION_ORDER if _revised else ["基本情况", "主要做法", "下一步打算"]),
        dict(unit=["青岚市人民检察院"], year=["2024年度普法履职报告"],
             date=["2024年12月6日" if _revised else "2024年11月25日"],
             leading_group=["年初调整充实普法依法治理领导小组"],
             leader_in_charge=["一名副检察长分管普法工作"],
             staff_assigned=["明确1名检察官助理担任普法联络员"],
             duty_list=["印发《青岚市人民检察院2024年度普法责任清单》"],
             cases_total=["全年向市普法办报送以案释法典型案例" + ("5件" if _revised else "3件")],
             activities=["全年共计47场"], materials=["发放宣传折页、手册九千余份"],
             consultations=["接待群众法律咨询约650人次"], audience=["活动受众逾2万人次"],
             study_sessions=["全年院党组理论学习中心组专题学法四次"],
             new_media=["“青岚检察”微信公众号", "今日头条号", "新浪微博"],
             sections=["总体情况", "主要工作及成效", "下步工作思路"]
             + (["存在的短板弱项"] if _revised else [])),
        report=True, arrived="2024-12-06" if _revised else "2024-11-25", indent=False)

# ---- 5. 市公安局: report with tables of figures ----------------------------------
POLICE_BY_BRANCH = [
    ("警种", "宣传活动（场次）", "主要宣传内容"),
    ("治安支队", 30, "《中华人民共和国治安管理处罚法》、反恐怖主义法"),
    ("交警支队", 52, "《中华人民共和国道路交通安全法》、文明出行"),
    ("网安支队", 18, "网络安全法、反电信网络诈骗法"),
    ("禁毒支队", 28, "《中华人民共和国禁毒法》、6·26国际禁毒日宣传"),
    ("合计", 128, ""),
]
POLICE_TOTALS = [
    ("项目", "数量", "备注"),
    ("普法宣传活动（场次）", "128", "含各分局、派出所"),
    ("发放宣传资料（份）", "5.6万", "折页、海报、手册"),
    ("解答群众法律咨询（人次）", "3100", ""),
    ("受教育群众（人次）", "8.5万", ""),
    ("报送以案释法典型案例（个）", "8", "其中交警支队3个"),
    ("新媒体发布普法信息（条）", "1150", ""),
]
POLICE_REPORT = [
    ("title", "青岚市公安局2024年度普法工作总结"),
    ("blank", None),
    ("p", "市普法办："),
    ("p", "今年以来，市公安局在市委、市政府和省公安厅的领导下，严格落实“谁执法谁普法”普法责任制，"
          "把法治宣传教育贯穿于执法办案、窗口服务和社会治理全过程，为建设更高水平的平安青岚营造了良好法治环境。现将全年工作总结如下。"),
    ("h", "一、基本情况"),
    ("p", "局党委高度重视普法工作，调整了以局长为组长、分管副局长为副组长的普法工作领导小组，明确一名副局长分管普法工作。"
          "法制支队为牵头部门，明确专人负责普法日常工作，各警种、各分局分别确定一名普法联络员。年初制定"
          "《青岚市公安局2024年度普法责任清单》，将普法任务分解到治安、交警、网安、禁毒等警种。"
          "局党委理论学习中心组全年开展集体学法3次，专题学习习近平法治思想和新修订的法律法规。"),
    ("h", "二、主要工作措施"),
    ("p", "（一）分警种开展精准普法。各警种结合职能开展专项普法，全局共开展各类普法宣传活动128场次，各主要警种开展情况如下表："),
    ("table", POLICE_BY_BRANCH),
    ("p", "（二）全年普法工作主要数据。"),
    ("table", POLICE_TOTALS),
    ("p", "（三）推进执法办案释法说理。在治安调解、交通事故处理、行政处罚告知等环节落实“谁执法谁普法”，"
          "做到执法一次、普法一次。各警种结合执法办案选取典型案例开展以案释法，由法制支队审核后统一报送市普法办。"),
    ("p", "（四）打造新媒体普法阵地。依托“青岚公安”微信公众号、“青岚交警”抖音号和快手号，推出“警官说法”“交警提醒”等栏目，"
          "制作反诈短视频、交通安全情景剧等普法作品，多条作品被省级媒体转发。"),
    ("p", "（五）抓好重要节点宣传。在“110宣传日”“全民国家安全教育日”“国家宪法日”等节点集中开展宣传，"
          "组织民警深入社区、校园、企业开展反诈宣传和交通安全宣传。"),
    ("p", "（六）推进窗口服务普法。在户籍、出入境、车驾管等服务窗口设置法律法规宣传架，推行“办事即普法”，"
          "由窗口民警在为群众办理业务时同步讲解相关法律规定；在看守所、拘留所开展在押人员法治教育，"
          "引导其认罪悔罪、遵规守纪。"),
    ("h", "三、存在的问题"),
    ("p", "一是基层所队警力紧张，普法工作主要依靠法制部门推动，部分派出所普法活动开展不经常。"
          "二是普法内容针对性有待增强，面向老年人、外来务工人员的普法方式还不够丰富。"
          "三是一季度受春运安保等工作影响，以案释法案例报送不及时。"),
    ("h", "四、下一步工作打算"),
    ("p", "一是压紧压实各警种普法责任，将普法工作纳入执法质量考评；二是建立以案释法案例按月收集、按季报送机制；"
          "三是加强新媒体普法队伍建设，提升普法作品质量和传播力。"),
    ("blank", None),
    ("sign", "青岚市公安局"),
    ("sign", "二〇二四年十二月三日"),
]
add("青岚市公安局2024年度普法工作总结.docx", "docx", POLICE_REPORT, "法制支队 周敏",
    F(unit="市公安局", year=2024, doc_type="annual_report", date="2024-12-03",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
      cases_total=8, activities=128, materials=56000, consultations=3100, audience=85000,
      study_sessions=3, new_media=["微信公众号", "抖音", "快手"], sections=SECTION_ORDER),
    dict(unit=["青岚市公安局"], year=["2024年度普法工作总结"], date=["二〇二四年十二月三日"],
         leading_group=["调整了以局长为组长、分管副局长为副组长的普法工作领导小组"],
         leader_in_charge=["明确一名副局长分管普法工作"],
         staff_assigned=["明确专人负责普法日常工作"],
         duty_list=["《青岚市公安局2024年度普法责任清单》"],
         cases_total=["报送以案释法典型案例（个）\t8"],
         activities=["全局共开展各类普法宣传活动128场次"],
         materials=["发放宣传资料（份）\t5.6万"], consultations=["解答群众法律咨询（人次）\t3100"],
         audience=["受教育群众（人次）\t8.5万"],
         study_sessions=["局党委理论学习中心组全年开展集体学法3次"],
         new_media=["“青岚公安”微信公众号", "“青岚交警”抖音号和快手号"],
         sections=["一、基本情况", "二、主要工作措施", "三、存在的问题", "四、下一步工作打算"]),
    report=True, arrived="2024-12-03")

# ---- 6. 市公安局 交警支队: case file, unit only via the sub-unit signature ------------
TRAFFIC_CASES = [
    ("title", "道路交通安全以案释法典型案例"),
    ("blank", None),
    ("hb", "【案例1】醉酒驾驶机动车，构成危险驾驶罪"),
    ("p", "案情简介：2024年2月，驾驶人吴某饮酒后驾驶小型轿车在环城路行驶，被执勤民警当场查获。经检验，吴某血液中乙醇含量为"
          "136mg/100ml，属醉酒驾驶。吴某被依法追究刑事责任，机动车驾驶证被吊销，五年内不得重新取得。"),
    ("p", "以案释法：根据《中华人民共和国刑法》第一百三十三条之一，在道路上醉酒驾驶机动车的，处拘役，并处罚金。"
          "“喝酒不开车，开车不喝酒”不仅是一句提醒，更是法律红线。"),
    ("hb", "【案例2】电动自行车违法载人、未戴头盔，发生事故承担主要责任"),
    ("p", "案情简介：2024年6月，郑某驾驶电动自行车搭载一名成年人，二人均未佩戴安全头盔，在路口闯红灯时与一辆小型货车相撞，"
          "致乘车人受伤。经认定，郑某承担事故主要责任。"),
    ("p", "以案释法：《青岚市电动自行车管理条例》规定，驾驶电动自行车不得搭载成年人，驾乘人员应当佩戴安全头盔。"
          "骑行电动自行车同样要遵守交通信号，违法行为将直接影响事故责任认定。"),
    ("hb", "【案例3】伪造机动车号牌上路行驶，被处行政拘留"),
    ("p", "案情简介：2024年9月，货车驾驶人冯某为逃避交通违法处罚，使用伪造的机动车号牌上路行驶，被电子监控发现后查获。"
          "公安机关交通管理部门依法对冯某处以行政拘留十五日，并处罚款。"),
    ("p", "以案释法：《中华人民共和国道路交通安全法》第九十六条规定，伪造、变造或者使用伪造、变造的机动车登记证书、号牌、"
          "行驶证、驾驶证的，由公安机关交通管理部门予以收缴，扣留该机动车，处十五日以下拘留，并处罚款。"),
    ("blank", None),
    ("sign", "青岚市公安局交通警察支队"),
    ("sign", "2024年11月20日"),
]
add("交警支队以案释法案例.docx", "docx", TRAFFIC_CASES, "交警支队宣传科 许强",
    F(unit="市公安局", year=2024, doc_type="case_report", date="2024-11-20", cases_total=3),
    dict(unit=["青岚市公安局交通警察支队"], year=["2024年2月"], date=["2024年11月20日"],
         cases_total=["【案例1】", "【案例2】", "【案例3】"]),
    report=None, arrived="2024-11-21")

# ---- 7. 市公安局: monthly statistics, unit named only by the folder ---------------
POLICE_MONTHS = [
    # 月份, 活动场次, 资料份数, 咨询人次, 受教育人次, 案例个数
    ("1月", 6, 2500, 150, 3800, 0),
    ("2月", 5, 2000, 120, 3200, 0),
    ("3月", 12, 5500, 310, 8600, 0),
    ("4月", 10, 4800, 260, 7300, 1),
    ("5月", 11, 5200, 280, 7900, 1),
    ("6月", 18, 7600, 420, 11800, 1),
    ("7月", 9, 3900, 210, 5600, 2),
    ("8月", 10, 4100, 230, 6100, 0),
    ("9月", 12, 5300, 300, 8200, 1),
    ("10月", 11, 4600, 270, 7400, 1),
    ("11月", 24, 10500, 550, 15100, 1),
]
_tot = [sum(r[i] for r in POLICE_MONTHS) for i in range(1, 6)]
assert _tot == [128, 56000, 3100, 85000, 8], _tot
_q = [sum(r[5] for r in POLICE_MONTHS[i:i + 3]) for i in (0, 3, 6, 9)]
assert _q == [0, 3, 3, 2], _q
POLICE_STATS = [(
    "月度统计",
    [("2024年普法宣传工作月度统计表", None, None, None, None, None),
     ("填报单位：（盖章）", None, None, "统计时段：2024年1月—11月", None, None),
     ("月份", "普法宣传活动（场次）", "发放宣传资料（份）", "法律咨询（人次）", "受教育群众（人次）", "以案释法案例（个）")]
    + POLICE_MONTHS
    + [("合计", *_tot),
       (None, None, None, None, None, None),
       ("填报日期：2024.12.3", None, None, None, None, None)],
    6)]
add("市公安局/2024年普法宣传工作月度统计表.xlsx", "xlsx", POLICE_STATS, "zhoumin",
    F(unit="市公安局", year=2024, doc_type="stats_form", date="2024-12-03",
      cases_total=8, cases_by_quarter=[0, 3, 3, 2], activities=128, materials=56000,
      consultations=3100, audience=85000),
    dict(unit=[], year=["2024年普法宣传工作月度统计表"], date=["填报日期：2024.12.3"],
         cases_total=["合计\t128\t56000\t3100\t85000\t8"],
         cases_by_quarter=["1月\t6\t2500\t150\t3800\t0", "4月\t10\t4800\t260\t7300\t1"],
         activities=["合计\t128"], materials=["合计\t128\t56000"],
         consultations=["合计\t128\t56000\t3100"], audience=["合计\t128\t56000\t3100\t85000"]),
    report=None, arrived="2024-12-03")

# ---- 8. 市税务局: report in traditional characters, long formal -------------------
TAX_REPORT_S = [
    ("title", "国家税务总局青岚市税务局2024年度普法工作总结"),
    ("blank", None),
    ("p", "市普法办："),
    ("p", "2024年，国家税务总局青岚市税务局在市委依法治市办和上级税务机关的指导下，深入落实“谁执法谁普法”普法责任制，"
          "紧扣税收中心工作开展税收普法，为优化税收营商环境提供了有力法治保障。现将有关情况总结如下。"),
    ("h", "一、基本情况"),
    ("p", "全局现有在职干部480人，下设9个县（区）税务局和12个内设科室。一是组织领导有力。局党委调整充实普法工作领导小组，"
          "党委书记、局长为普法工作第一责任人，分管副局长具体负责，领导小组办公室设在法制科。二是责任分工明确。"
          "法制科（公职律师办公室）明确2名专人负责普法工作日常联络，各业务科室各确定1名联络员。三是清单管理规范。"
          "编制《2024年度普法责任清单》，细化为5大类26项具体任务，逐项明确责任科室和完成时限。"
          "四是经费保障到位。普法经费纳入年度预算，做到专款专用。"),
    ("h", "二、主要做法和成效"),
    ("p", "（一）抓实领导干部学法。局党委理论学习中心组开展集体学法5次，一是学习习近平法治思想，"
          "二是学习新修订的《中华人民共和国公司法》和税收征管相关规定，三是邀请公职律师解读税务行政复议、行政诉讼案例。"),
    ("p", "（二）开展主题普法。以第33个全国税收宣传月为契机，开展“税法进企业”“便民办税春风行动”“税法进校园”等"
          "普法宣传活动近80场次，发放税收宣传资料2.3万份，提供涉税法律咨询1.5万余人次，帮助纳税人缴费人准确理解和享受税费优惠政策。"),
    ("p", "（三）推进以案释法。选取虚开发票、骗取出口退税、个人所得税汇算清缴等方面的典型案件，"
          "全年向市普法办报送以案释法典型案例四个，并在办税服务厅电子屏滚动播放曝光案例，发挥警示教育作用。"),
    ("p", "（四）创新普法载体。依托“青岚税务”微信公众号、微信视频号及政务网站开设“税法小课堂”专栏，"
          "制作政策解读短视频36期，推动税收普法由“线下为主”向“线上线下融合”转变。"),
    ("p", "（五）融入执法全过程。在税务检查、纳税评估、行政处罚等环节同步开展释法说理，"
          "对首次轻微违法行为依法不予处罚并开展普法教育，实现执法效果与普法效果相统一。"),
    ("p", "（六）加强内部法治培训。结合“八五”普法中期评估要求，组织全局干部参加税收执法资格考试和网上学法考试，"
          "开展税务行政执法案卷评查，对评查发现的文书不规范、告知不到位等问题逐项整改，"
          "推动执法人员在执法中普法、在普法中规范执法。"),
    ("h", "三、存在的不足"),
    ("p", "一是普法方式仍以传统宣传为主，针对不同行业、不同规模纳税人的精准普法不够；二是基层分局普法力量不足，"
          "普法联络员多由业务骨干兼任；三是以案释法案例挖掘不深，典型性、警示性还需提升。"),
    ("h", "四、下一步工作安排"),
    ("p", "一是健全税收普法精准推送机制，按行业分类开展政策辅导；二是加强普法队伍建设，开展公职律师、普法联络员业务培训；"
          "三是深化以案释法，建立典型案例库，定期向社会发布；四是持续办好“税法小课堂”，提升新媒体普法影响力。"),
    ("blank", None),
    ("sign", "国家税务总局青岚市税务局"),
    ("sign", "2024年12月2日"),
]
TAX_REPORT = [(k, trad(v) if isinstance(v, str) else v) for k, v in TAX_REPORT_S]
add(trad("国家税务总局青岚市税务局2024年度普法工作总结") + ".docx", "docx", TAX_REPORT, "法制科 鄭雯",
    F(unit="市税务局", year=2024, doc_type="annual_report", date="2024-12-02",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
      cases_total=4, activities=80, materials=23000, consultations=15000, study_sessions=5,
      new_media=["微信公众号", "视频号", "门户网站"], budget=True, sections=SECTION_ORDER),
    {k: [trad(q) for q in v] for k, v in dict(
        unit=["国家税务总局青岚市税务局"], year=["2024年度普法工作总结"], date=["2024年12月2日"],
        leading_group=["局党委调整充实普法工作领导小组"],
        leader_in_charge=["分管副局长具体负责"],
        staff_assigned=["明确2名专人负责普法工作日常联络"],
        duty_list=["编制《2024年度普法责任清单》"],
        cases_total=["全年向市普法办报送以案释法典型案例四个"],
        activities=["普法宣传活动近80场次"], materials=["发放税收宣传资料2.3万份"],
        consultations=["提供涉税法律咨询1.5万余人次"],
        study_sessions=["局党委理论学习中心组开展集体学法5次"],
        new_media=["微信公众号", "微信视频号", "政务网站"],
        budget=["普法经费纳入年度预算"],
        sections=["一、基本情况", "二、主要做法和成效", "三、存在的不足", "四、下一步工作安排"]).items()},
    report=True, arrived="2024-12-02")

# ---- 9. 市自然资源和规划局: 第一部分/第二部分 headings; 2023 figures; problems with figures
LAND_REPORT = [
    ("title", "青岚市自然资源和规划局2024年普法履职情况报告"),
    ("blank", None),
    ("p", "市普法办："),
    ("p", "根据《关于开展2024年度国家机关“谁执法谁普法”履职报告评议工作的通知》要求，现将我局2024年普法履职情况报告如下。"),
    ("h", "第一部分　基本情况"),
    ("p", "我局承担全市自然资源统一管理、国土空间规划、耕地保护和不动产登记等职责，内设14个科室，下设4个分局，现有执法人员57名。"
          "局党组成立了普法工作领导小组，局长任组长，分管法治工作的副局长任副组长并具体分管普法工作。"
          "政策法规科具体负责普法工作，明确1名干部担任普法联络员，各科室、分局配合开展。"),
    ("h", "第二部分　2024年普法履职情况"),
    ("p", "一、突出重点法律宣传。围绕“4·22世界地球日”“6·25全国土地日”“8·29全国测绘法宣传日”等节点，"
          "全年共开展主题普法活动31场次，2023年同期为26场次；发放《中华人民共和国土地管理法实施条例》"
          "《不动产登记暂行条例》等宣传资料约7500份，现场解答群众咨询五百余人次。"),
    ("p", "二、推进执法与普法融合。在耕地保护督察、违法用地查处、矿产资源执法中同步开展释法说理，"
          "对当事人讲清违法事实、法律依据和整改要求。组织执法人员参加行政执法资格培训2期，参训86人次。"),
    ("p", "三、加强窗口普法。在不动产登记大厅设置法律法规宣传角，编印《不动产登记办事指南》，"
          "把普法融入办事服务的每一个环节。针对群众反映集中的不动产登记历史遗留问题，"
          "组织业务骨干进社区开展政策宣讲，现场讲解办证流程和相关法律规定。"),
    ("p", "五、开展“宪法宣传周”活动。12月4日国家宪法日前后，组织干部职工集中学习宪法，"
          "在机关大院和不动产登记大厅设置宪法宣传展板，并结合耕地保护“田长制”工作，"
          "把宪法关于土地制度的规定宣传到村组、到农户。"),
    ("p", "四、加强新媒体普法。在“青岚自然资源”微信公众号开设“资规说法”栏目，同步在学习强国号推送普法内容，"
          "全年推送稿件64篇。"),
    ("h", "第三部分　存在的问题"),
    ("p", "对照普法责任制要求，我局工作还存在一些差距：一是普法责任清单制度落实不到位，目前还没有制定本单位的普法责任清单，"
          "普法任务分解主要依靠年度工作要点；二是以案释法工作较为薄弱，全年仅报送案例2个，较2023年的5个有所减少；"
          "三是领导干部学法不够经常，全年仅组织党组理论学习中心组专题学法1次（2023年为3次）；"
          "四是尚未单列普法经费，普法支出从日常办公经费中列支，保障不够有力。"),
    ("h", "第四部分　2025年工作打算"),
    ("p", "一是2025年一季度制定印发本局普法责任清单，明确普法内容、对象和责任科室；二是建立以案释法案例常态化报送机制，"
          "确保每季度至少报送1个典型案例；三是严格落实党组理论学习中心组学法制度；四是积极争取将普法经费纳入部门预算。"),
    ("blank", None),
    ("sign", "青岚市自然资源和规划局"),
    ("sign", "2024年12月5日"),
]
add("自然资源和规划局2024年普法履职情况报告.docx", "docx", LAND_REPORT, "政策法规科 沈佳",
    F(unit="市自然资源和规划局", year=2024, doc_type="annual_report", date="2024-12-05",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=False,
      cases_total=2, activities=31, materials=7500, consultations=500, study_sessions=1,
      new_media=["微信公众号"], budget=False, sections=SECTION_ORDER),
    dict(unit=["青岚市自然资源和规划局"], year=["2024年普法履职情况报告"], date=["2024年12月5日"],
         leading_group=["局党组成立了普法工作领导小组"],
         leader_in_charge=["副局长任副组长并具体分管普法工作"],
         staff_assigned=["明确1名干部担任普法联络员"],
         duty_list=["目前还没有制定本单位的普法责任清单"],
         cases_total=["全年仅报送案例2个，较2023年的5个有所减少"],
         activities=["全年共开展主题普法活动31场次，2023年同期为26场次"],
         materials=["宣传资料约7500份"], consultations=["现场解答群众咨询五百余人次"],
         study_sessions=["全年仅组织党组理论学习中心组专题学法1次（2023年为3次）"],
         new_media=["“青岚自然资源”微信公众号", "学习强国号"],
         budget=["尚未单列普法经费"],
         sections=["第一部分　基本情况", "第二部分　2024年普法履职情况", "第三部分　存在的问题",
                   "第四部分　2025年工作打算"]),
    report=True, arrived="2024-12-05")

# ---- 10. 市自然资源和规划局: plan for 2025 (text PDF) ------------------------------
LAND_PLAN = [
    ("title", "青岚市自然资源和规划局2025年普法工作计划"),
    ("p", "为深入落实“谁执法谁普法”普法责任制，推动“八五”普法规划各项任务收官，结合我局实际，制定2025年普法工作计划如下。"),
    ("h", "一、工作目标"),
    ("p", "以习近平法治思想为指导，围绕耕地保护、国土空间规划、不动产登记等重点工作开展普法，"
          "补齐普法责任清单、以案释法、领导干部学法等方面的短板，力争年度评议达到良好以上等次。"),
    ("h", "二、主要任务"),
    ("p", "（一）制定普法责任清单。2025年3月底前，制定印发本局普法责任清单，明确普法内容、普法对象、普法方式和责任科室。"),
    ("p", "（二）落实领导干部学法。党组理论学习中心组全年集体学法不少于4次，局务会会前学法常态化。"),
    ("p", "（三）开展主题宣传。4月22日前后开展世界地球日宣传；6月25日开展全国土地日宣传；8月29日开展测绘法宣传日活动；"
          "12月4日国家宪法日及宪法宣传周期间开展集中宣传。全年开展普法活动不少于30场次。"),
    ("p", "（四）做好以案释法。每季度至少报送1个以案释法典型案例，全年不少于4个。"),
    ("p", "（五）用好新媒体。办好“青岚自然资源”微信公众号“资规说法”栏目，年内开通官方抖音号。"),
    ("h", "三、保障措施"),
    ("p", "加强组织保障，把普法工作列入局年度重点工作，与业务工作同部署、同检查；积极争取将普法经费纳入2025年部门预算；"
          "将普法任务完成情况纳入科室年度考核，年底前形成年度普法履职报告。"),
    ("blank", None),
    ("sign", "青岚市自然资源和规划局办公室"),
    ("sign", "二〇二四年十二月五日"),
]
add("市自然资源和规划局2025年普法工作计划.pdf", "pdf", LAND_PLAN, "办公室 沈佳",
    F(unit="市自然资源和规划局", year=2025, doc_type="plan", date="2024-12-05"),
    dict(unit=["青岚市自然资源和规划局"], year=["2025年普法工作计划"], date=["二〇二四年十二月五日"]),
    report=None, arrived="2024-12-05")

# ---- 11. 市人力资源和社会保障局: self-inspection report ---------------------------
HRSS_REPORT = [
    ("title", "青岚市人力资源和社会保障局关于2024年度落实普法责任制情况的自查报告"),
    ("blank", None),
    ("p", "市普法办："),
    ("p", "按照《关于开展2024年度国家机关“谁执法谁普法”履职评议工作的通知》要求，我局对照"
          "《青岚市国家机关普法责任制落实情况评分细则》逐项开展了自查，自评得分95分（详见附件自评表）。现将自查情况报告如下。"),
    ("h", "一、自查工作基本情况"),
    ("p", "我局现有内设机构15个、直属单位6个，承担劳动保障监察、劳动人事争议仲裁、社会保险基金监管等执法职能。"
          "11月中旬，我局成立自查工作小组，由分管副局长牵头，政策法规科具体组织，劳动保障监察支队、仲裁院、社保中心等单位参加，"
          "采取查阅资料、座谈了解、实地查看等方式，对全年普法责任制落实情况进行了全面梳理。"
          "总体来看，我局能够按照“谁执法谁普法”的要求，把普法工作与劳动保障监察执法、劳动人事争议调解仲裁、"
          "社会保险经办服务等业务工作同部署、同落实，普法责任制各项任务基本完成。"),
    ("h", "二、普法责任制落实情况"),
    ("p", "（一）组织领导方面。调整普法工作领导小组，局党组书记、局长任组长，分管副局长具体负责普法工作；"
          "政策法规科为普法工作责任科室，明确1名工作人员为普法联络员。"),
    ("p", "（二）责任清单方面。制定并印发《2024年度普法责任清单》，明确5个方面19项普法任务，逐项明确责任科室和完成时限。"),
    ("p", "（三）学法用法方面。局党组理论学习中心组集体学法3次，并坚持局务会会前学法制度，组织执法人员参加年度执法培训和网上考试。"),
    ("p", "（四）以案释法方面。报送劳动保障以案释法典型案例6个，各季度均有报送，案例涉及拖欠农民工工资、工伤认定、违法解除劳动合同等。"),
    ("p", "（五）社会普法方面。累计开展各类普法宣传活动42场次，其中劳动保障监察支队18场、劳动人事争议仲裁院11场、社保中心13场；"
          "发放《保障农民工工资支付条例》等宣传资料1.8万份，接受政策法规咨询3600余人次，受教育劳动者约2.5万人次。"),
    ("p", "（六）新媒体普法方面。运营“青岚人社”微信公众号、视频号，并通过12333短信平台向参保群众推送普法提示。"),
    ("p", "（七）经费保障方面。普法工作经费纳入部门预算，保障宣传资料印制和普法活动开展。"),
    ("p", "（八）执法普法融合方面。在劳动保障监察执法中推行“说理式执法”，对用人单位讲清违法事实和整改要求；"
          "在仲裁庭审中加强释法说理，引导劳动者和用人单位依法理性表达诉求。"),
    ("h", "三、自查发现的问题"),
    ("p", "一是“根治欠薪”宣传对象以建筑工地为主，对外卖骑手、网约车司机等新就业形态劳动者覆盖不够；"
          "二是以案释法案例在基层传播不足，案例使用率不高；三是自评中“创新特色”一项失分较多，普法品牌不够鲜明。"),
    ("h", "四、整改措施及下一步打算"),
    ("p", "一是针对新就业形态劳动者开展专项普法，年内进平台企业、进站点宣讲；二是将典型案例汇编成册，发放到基层服务窗口；"
          "三是打造“人社法治讲堂”普法品牌，提升普法工作影响力。"),
    ("p", "附件：青岚市人力资源和社会保障局2024年度普法责任制落实情况自评表"),
    ("blank", None),
    ("sign", "青岚市人力资源和社会保障局"),
    ("sign", "2024年12月4日"),
]
add("人社局关于2024年度落实普法责任制情况的自查报告.docx", "docx", HRSS_REPORT, "政策法规科 马骏",
    F(unit="市人力资源和社会保障局", year=2024, doc_type="self_inspection", date="2024-12-04",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
      cases_total=6, activities=42, materials=18000, consultations=3600, audience=25000,
      study_sessions=3, new_media=["微信公众号", "视频号", "短信"], budget=True,
      sections=SECTION_ORDER),
    dict(unit=["青岚市人力资源和社会保障局"], year=["2024年度落实普法责任制情况的自查报告"], date=["2024年12月4日"],
         leading_group=["调整普法工作领导小组"], leader_in_charge=["分管副局长具体负责普法工作"],
         staff_assigned=["明确1名工作人员为普法联络员"], duty_list=["制定并印发《2024年度普法责任清单》"],
         cases_total=["报送劳动保障以案释法典型案例6个"],
         activities=["累计开展各类普法宣传活动42场次，其中劳动保障监察支队18场、劳动人事争议仲裁院11场、社保中心13场"],
         materials=["宣传资料1.8万份"], consultations=["接受政策法规咨询3600余人次"],
         audience=["受教育劳动者约2.5万人次"], study_sessions=["局党组理论学习中心组集体学法3次"],
         new_media=["“青岚人社”微信公众号、视频号", "12333短信平台"],
         budget=["普法工作经费纳入部门预算"],
         sections=["一、自查工作基本情况", "二、普法责任制落实情况", "三、自查发现的问题", "四、整改措施及下一步打算"]),
    report=True, arrived="2024-12-04")

# ---- 12. 市人力资源和社会保障局: scoring sheet (考核项目/分值/评分标准/自评得分) ------
HRSS_ITEMS = [
    (1, "组织领导", 10, "成立普法工作领导小组，明确分管领导和专（兼）职工作人员，得10分；未成立领导小组扣4分，未明确分管领导或工作人员的各扣3分。",
     10, "已调整普法工作领导小组，分管副局长具体负责，政策法规科1名工作人员任普法联络员"),
    (2, "责任清单", 10, "制定普法责任清单并按要求公开，得10分；未制定清单的不得分。",
     10, "已制定印发2024年度普法责任清单（19项任务）"),
    (3, "学法用法", 15, "党委（党组）理论学习中心组集体学法每年不少于2次，得15分；每少1次扣5分。",
     15, "党组理论学习中心组集体学法3次"),
    (4, "以案释法", 15, "每季度至少报送1个典型案例，全年不少于4个，得15分；缺1个扣4分。",
     15, "全年报送6个（一季度1个、二季度2个、三季度1个、四季度2个）"),
    (5, "社会普法", 20, "开展普法宣传活动、发放宣传资料、提供法律咨询，视成效得12—20分。",
     18, "开展普法宣传活动42场次，发放宣传资料1.8万份"),
    (6, "新媒体普法", 15, "运用微信公众号、微博、抖音等新媒体开展普法，得15分；未运用新媒体的不得分。",
     14, "运营微信公众号、视频号，利用12333短信平台推送普法提示"),
    (7, "经费保障", 10, "普法经费纳入财政预算，得10分；未纳入的扣5分。",
     10, "普法工作经费已纳入部门预算"),
    (8, "创新特色", 5, "形成普法品牌或经验做法被上级推广，得5分。",
     3, "普法品牌尚不鲜明"),
]
assert sum(r[2] for r in HRSS_ITEMS) == 100 and sum(r[4] for r in HRSS_ITEMS) == 95
HRSS_SHEET = [(
    "自评表",
    [("青岚市人力资源和社会保障局2024年度普法责任制落实情况自评表", None, None, None, None, None),
     ("序号", "考核项目", "分值", "评分标准", "自评得分", "自评说明")]
    + HRSS_ITEMS
    + [("合计", None, 100, None, 95, None),
       (None, None, None, None, None, None),
       ("填表日期：2024/12/4", None, None, None, None, None)],
    6)]
add("人社局普法责任制落实情况自评表.xlsx", "xlsx", HRSS_SHEET, "majun",
    F(unit="市人力资源和社会保障局", year=2024, doc_type="self_inspection", date="2024-12-04",
      leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True,
      cases_total=6, cases_by_quarter=[1, 2, 1, 2], activities=42, materials=18000,
      study_sessions=3, new_media=["微信公众号", "视频号", "短信"], budget=True),
    dict(unit=["青岚市人力资源和社会保障局"], year=["2024年度普法责任制落实情况自评表"], date=["填表日期：2024/12/4"],
         leading_group=["已调整普法工作领导小组"], leader_in_charge=["分管副局长具体负责"],
         staff_assigned=["政策法规科1名工作人员任普法联络员"], duty_list=["已制定印发2024年度普法责任清单"],
         cases_total=["全年报送6个"], cases_by_quarter=["（一季度1个、二季度2个、三季度1个、四季度2个）"],
         activities=["开展普法宣传活动42场次"], materials=["发放宣传资料1.8万份"],
         study_sessions=["党组理论学习中心组集体学法3次"],
         new_media=["运营微信公众号、视频号，利用12333短信平台推送普法提示"],
         budget=["普法工作经费已纳入部门预算"]),
    report=None, arrived="2024-12-04")

# ---- 13. 市生态环境局: very terse text PDF, dated after the deadline ----------------
ECO_REPORT = [
    ("title", "青岚市生态环境局2024年普法工作情况"),
    ("p", "市普法办："),
    ("p", "主要工作：今年我局结合“六五环境日”宣传和日常执法检查开展普法，全年开展普法宣传活动6场，发放资料1200份；"
          "局领导班子集体学法2次；在“青岚生态环境”微信公众号发布普法信息；全年报送以案释法案例4个。"
          "普法工作由办公室兼管、无专职人员。"),
    ("p", "下步打算：继续做好生态环境法律法规宣传，提高普法实效。"),
    ("blank", None),
    ("sign", "青岚市生态环境局"),
    ("sign", "2024年12月18日"),
]
add("市生态环境局普法工作情况.pdf", "pdf", ECO_REPORT, "办公室",
    F(unit="市生态环境局", year=2024, doc_type="annual_report", date="2024-12-18",
      staff_assigned=True, cases_total=4, activities=6, materials=1200, study_sessions=2,
      new_media=["微信公众号"], sections=["主要做法", "下一步打算"]),
    dict(unit=["青岚市生态环境局"], year=["2024年普法工作情况"], date=["2024年12月18日"],
         staff_assigned=["普法工作由办公室兼管、无专职人员"], cases_total=["全年报送以案释法案例4个"],
         activities=["全年开展普法宣传活动6场"], materials=["发放资料1200份"],
         study_sessions=["局领导班子集体学法2次"], new_media=["“青岚生态环境”微信公众号"],
         sections=["主要工作：", "下步打算："]),
    report=False, arrived="2024-12-18")

# ---- 14. 市生态环境局: 普法责任清单 (xlsx) ----------------------------------------
ECO_LIST = [(
    "责任清单",
    [("青岚市生态环境局2024年度普法责任清单", None, None, None, None, None),
     ("序号", "重点法律法规", "普法对象", "普法方式", "责任科室", "完成时限"),
     (1, "《中华人民共和国环境保护法》", "企业、社会公众", "“六五环境日”集中宣传", "政策法规科", "2024年6月"),
     (2, "《中华人民共和国大气污染防治法》", "排污单位", "执法检查现场讲解", "生态环境保护综合行政执法支队", "全年"),
     (3, "《中华人民共和国水污染防治法》", "排污单位、村（社区）", "送法进企业、进村居", "水生态环境科", "全年"),
     (4, "《中华人民共和国固体废物污染环境防治法》", "产废单位", "专题培训会", "固体废物与化学品科", "2024年9月"),
     (5, "《中华人民共和国环境影响评价法》", "建设单位", "审批窗口释法", "行政审批科", "全年"),
     (6, "《排污许可管理条例》", "持证排污单位", "政策解读、帮扶指导", "环境管理科", "2024年10月"),
     (7, "《中华人民共和国宪法》", "机关干部职工", "宪法宣传周集中学习", "办公室", "2024年12月")],
    6)]
add("生态环境局2024年度普法责任清单.xlsx", "xlsx", ECO_LIST, "hbj",
    F(unit="市生态环境局", year=2024, doc_type="duty_list", duty_list=True),
    dict(unit=["青岚市生态环境局"], year=["2024年度普法责任清单"], duty_list=["2024年度普法责任清单"]),
    report=None, arrived="2024-12-18")

# ---------------------------------------------------------------------------
# expected findings (SPEC §4 defaults applied to the merged unit fields)
# ---------------------------------------------------------------------------
FINDINGS = {
    "市中级人民法院": [],
    # the 修订版 supersedes the first version (3 cases, no 存在问题 section)
    "市人民检察院": [],
    # months give quarters [0, 3, 3, 2]
    "市公安局": ["quarter_without_case"],
    "市税务局": [],
    "市自然资源和规划局": ["cases_below_min", "no_duty_list", "study_below_min"],
    "市人力资源和社会保障局": [],
    "市生态环境局": ["no_leading_group", "no_leader_in_charge",
                "missing_section", "too_thin", "late_submission"],
    "市退役军人事务局": ["missing_submission"],
}


# ---------------------------------------------------------------------------
# build + self-check
# ---------------------------------------------------------------------------
def build():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    for d in DOCS:
        path = INBOX / d["path"]
        if d["kind"] == "docx":
            write_docx(path, d["content"], d["author"], indent=d["indent"])
        elif d["kind"] == "pdf":
            write_pdf(path, d["content"], d["author"])
        elif d["kind"] == "xlsx":
            write_xlsx(path, d["content"], d["author"])
        # plausible arrival time (git does not keep it; informative only)
        t = dt.datetime.fromisoformat(d["arrived"] + "T16:30:00").timestamp()
        os.utime(path, (t, t))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["单位名称", "简称/别名"])
    for name, alias in ROSTER:
        ws.append([name, alias])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 30
    wb.save(str(HERE / "roster.xlsx"))

    files = {}
    for d in sorted(DOCS, key=lambda x: x["path"]):
        f = d["fields"]
        files[d["path"]] = {"status": "ok", "error_code": None, "unit": f["unit"],
                            "doc_type": f["doc_type"], "fields": f}
    units = {}
    for name, _ in ROSTER:
        units[name] = {
            "findings": sorted(FINDINGS[name], key=RULE_ORDER.index),
            "files": sorted(p for p, v in files.items() if v["unit"] == name),
        }
    truth = {"year": YEAR, "deadline": DEADLINE, "files": files, "units": units,
             "missing_units": [n for n, u in units.items() if not u["files"]]}
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    return truth


def check(truth):
    problems = []
    for d in DOCS:
        path = INBOX / d["path"]
        text = squash(read_text(path))
        f, keys = d["fields"], d["keys"]
        for k in FIELD_KEYS:
            v = f[k]
            if k == "doc_type" or v is None or v == []:
                continue
            quotes = keys.get(k)
            if quotes is None:
                problems.append(f"{d['path']}: no key sentence for {k}")
                continue
            if k == "unit" and not quotes:
                # named only by the folder
                if f["unit"].lstrip("市") not in d["path"].split("/")[0]:
                    problems.append(f"{d['path']}: unit not in folder name")
                continue
            for q in quotes:
                if squash(q) not in text:
                    problems.append(f"{d['path']}: key sentence for {k} not found: {q}")
        # every key given must belong to a stated field
        for k in keys:
            if f.get(k) in (None, []) and k != "unit":
                problems.append(f"{d['path']}: key sentence given for null field {k}")
        if f["cases_by_quarter"] is not None and f["cases_total"] is not None:
            if sum(f["cases_by_quarter"]) != f["cases_total"]:
                problems.append(f"{d['path']}: quarters do not add up")
        if d["report"] is not None:
            n = len(text)
            if d["report"] and not (900 <= n <= 3000):
                problems.append(f"{d['path']}: report length {n} outside 900–3000")
            if d["report"] is False and n >= 800:
                problems.append(f"{d['path']}: terse report is {n} chars, not < 800")
            print(f"  {d['path']}: {n} chars")
    # traps the README promises
    for path, needle in [
        ("自然资源和规划局2024年普法履职情况报告.docx", "2023年同期为26场次"),
        ("自然资源和规划局2024年普法履职情况报告.docx", "较2023年的5个"),
        ("青岚中院以案释法典型案例（5则）.docx", "（5则）"),
        ("市检察院2024年度普法履职报告（修订版）.docx", "存在的短板弱项"),
    ]:
        if needle not in squash(read_text(INBOX / path)):
            problems.append(f"trap missing in {path}: {needle}")
    tax = read_text(INBOX / trad("国家税务总局青岚市税务局2024年度普法工作总结.docx"))
    if "稅務" not in tax or "税务" in tax:
        problems.append("tax report is not in traditional characters")
    if not any(d["path"].startswith("市公安局/") for d in DOCS):
        problems.append("no file in a unit-named folder")
    late = [p for p, v in truth["files"].items() if v["fields"]["date"] and v["fields"]["date"] > DEADLINE]
    if late != ["市生态环境局普法工作情况.pdf"]:
        problems.append(f"late files: {late}")
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)


def main():
    truth = build()
    check(truth)
    n_units = sum(1 for u in truth["units"].values() if u["files"])
    print(f"wrote {len(truth['files'])} files from {n_units} units; "
          f"roster {len(ROSTER)}; missing {truth['missing_units']}; all key sentences found")


if __name__ == "__main__":
    main()
