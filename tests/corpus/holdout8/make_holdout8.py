#!/usr/bin/env python3
"""Build the holdout8 corpus: fictional 2024 submissions of 雁湖县 units, deadline 2024-12-13.

Eleven clerks, eleven habits (terse bullets, figures in tables, long run-on sentences,
full-width digits, approximations, a 总结暨要点, a table-only self-assessment, several years'
figures, stated zeros, two shapes of 责任清单); one unit on the roster sends nothing.

    python tests/corpus/holdout8/make_holdout8.py

writes INBOX/, roster.xlsx and truth.json next to this script, then reads every file back and
checks that each truth value's key sentence is present and that the sentences that would change
a value are absent.
"""
import json
import re
import shutil
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR = 2024
DEADLINE = "2024-12-13"
COUNTY = "雁湖县"

ROSTER = [
    ("县交通运输局", "交通运输局"),
    ("县农业农村局", "农业农村局"),
    ("县自然资源局", "自然资源局"),
    ("县住房和城乡建设局", "住建局"),
    ("县公安局", "公安局"),
    ("县文化广电和旅游局", "文旅局"),
    ("县水利局", "水利局"),
    ("县医疗保障局", "医保局"),
    ("县退役军人事务局", "退役军人局"),
    ("县商务局", "商务局"),
    ("县林业局", "林业局"),
    ("县统计局", "统计局"),
]

FIELD_KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge",
              "staff_assigned", "duty_list", "cases_total", "cases_by_quarter", "activities",
              "materials", "consultations", "audience", "study_sessions", "new_media", "budget",
              "sections"]
ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]

# --------------------------------------------------------------------------------------------
# writers


def _font(doc):
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(16)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")


def write_docx(path, blocks):
    """blocks: str paragraphs, ("h", text) bold headings, ("t", rows) tables."""
    doc = Document()
    _font(doc)
    for b in blocks:
        if isinstance(b, tuple) and b[0] == "t":
            rows = b[1]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    table.cell(i, j).text = str(val)
        elif isinstance(b, tuple) and b[0] == "h":
            doc.add_paragraph().add_run(b[1]).bold = True
        else:
            doc.add_paragraph(b)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def read_docx(path):
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def read_xlsx(path):
    wb = openpyxl.load_workbook(path)
    parts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            parts.append(" | ".join("" if v is None else str(v) for v in row))
    return "\n".join(parts)


def fields(unit, doc_type, date, **kw):
    f = {k: None for k in FIELD_KEYS}
    f.update(unit=unit, year=YEAR, doc_type=doc_type, date=date, new_media=[], sections=[])
    f.update(kw)
    return f


# --------------------------------------------------------------------------------------------
# the files: each entry = path, writer, content, truth fields, must-have quotes, forbidden strings

FILES = []


def add(path, kind, content, truth, must, absent=(), check=None):
    FILES.append(dict(path=path, kind=kind, content=content, truth=truth, must=list(must),
                      absent=list(absent), check=check))


# 1. 县交通运输局 (folder) -- terse bullet points; a short report (under 800 characters)
JT = "县交通运输局"
add("交通运输局/2024年普法工作总结.docx", "docx", [
    "雁湖县交通运输局2024年普法工作总结",
    ("h", "一、基本情况"),
    "1. 组织领导：调整普法工作领导小组，局长任组长；",
    "2. 责任分工：分管副局长具体负责，政策法规股牵头；",
    "3. 工作力量：明确普法联络员1名；",
    "4. 责任清单：制定2024年度普法责任清单，印发各股室、站所。",
    ("h", "二、主要做法"),
    "1. 开展活动：26场；",
    "2. 发放资料：3500份；",
    "3. 解答咨询：420人次；",
    "4. 受教育群众：5200人次；",
    "5. 党组中心组学法：4次；",
    "6. 以案释法：报送典型案例4个（一、二、三、四季度各1个）；",
    "7. 新媒体：微信公众号、抖音；",
    "8. 经费：普法经费纳入年度财政预算。",
    ("h", "三、存在问题"),
    "1. 基层站所普法力量薄弱；",
    "2. 宣传形式较单一，针对货运驾驶员的普法不够。",
    ("h", "四、下一步打算"),
    "1. 加强执法人员以案释法培训；",
    "2. 推进“法治交通”普法品牌建设。",
    "雁湖县交通运输局",
    "2024年11月29日",
], fields(JT, "annual_report", "2024-11-29", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=4, cases_by_quarter=[1, 1, 1, 1],
          activities=26, materials=3500, consultations=420, audience=5200, study_sessions=4,
          new_media=["微信公众号", "抖音"], budget=True, sections=ALL4),
    must=["调整普法工作领导小组", "分管副局长具体负责", "明确普法联络员1名", "制定2024年度普法责任清单",
          "开展活动：26场", "发放资料：3500份", "解答咨询：420人次", "受教育群众：5200人次",
          "党组中心组学法：4次", "报送典型案例4个（一、二、三、四季度各1个）", "微信公众号、抖音",
          "普法经费纳入年度财政预算", "2024年11月29日"],
    check=lambda text: len(re.sub(r"\s", "", text)) < 700)

CASES_JT = [
    ("某物流公司货车超限运输案", "2024年3月，执法人员在国道检测站查获一辆车货总重超过限定标准的货车。",
     "《公路法》《超限运输车辆行驶公路管理规定》禁止超限车辆擅自行驶公路，承运人应承担相应法律责任。",
     "提醒货运企业源头治超，守法运输。"),
    ("张某驾驶未取得道路运输证车辆从事客运案", "2024年5月，张某使用私家车招揽乘客从事城乡客运经营。",
     "《道路运输条例》规定从事客运经营应当取得道路运输经营许可，非法营运将被责令停止经营并处罚款。",
     "引导群众乘坐正规客运车辆，保障出行安全。"),
    ("某驾校未按规定培训学时案", "2024年8月，执法人员检查发现某驾校存在学员培训学时不足即预约考试的情况。",
     "依据《机动车驾驶员培训管理规定》，驾培机构应当按照教学大纲规范培训。",
     "督促驾培行业依法经营、诚信办学。"),
    ("李某损坏公路附属设施案", "2024年10月，李某驾驶挖掘机施工时损坏乡道防护栏。",
     "《公路法》规定造成公路损坏的应当依法承担赔偿责任。",
     "增强群众爱路护路意识。"),
]
blocks = ["2024年度以案释法典型案例"]
for i, (name, fact, law, meaning) in enumerate(CASES_JT):
    blocks += [("h", f"案例{'一二三四'[i]}：{name}"), "【基本案情】" + fact, "【释法说理】" + law,
               "【普法意义】" + meaning]
blocks += ["2024年11月29日"]
add("交通运输局/以案释法案例.docx", "docx", blocks,
    fields(JT, "case_report", "2024-11-29", cases_total=4),
    must=["案例四：李某损坏公路附属设施案", "2024年11月29日"], absent=["案例五", "雁湖县", "交通运输局"])

# 2. 县农业农村局 (folder) -- every figure in tables inside the report
NY = "县农业农村局"
add("农业农村局/农业农村局2024年度普法履职报告.docx", "docx", [
    "雁湖县农业农村局2024年度“谁执法谁普法”履职报告",
    ("h", "一、基本情况"),
    "我局认真落实“谁执法谁普法”普法责任制，成立了由局长任组长的普法依法治理工作领导小组，分管副局长为直接责任人，"
    "法规股明确1名工作人员专职负责普法日常工作。年初制定印发了《雁湖县农业农村局2024年度普法责任清单》，"
    "把种子、农药、动物防疫、农产品质量安全等方面的普法任务分解到各股室和执法大队，做到任务、对象、时限三明确。",
    ("h", "二、主要做法"),
    "我局以“美好生活·民法典相伴”主题宣传月、农民丰收节、国家宪法日为节点，把普法融入农资打假、农业执法检查和"
    "高素质农民培训全过程，组织执法人员进村入户、走进农资门店和合作社开展面对面宣传。全年普法工作情况见下表。",
    ("t", [["项目", "数量", "备注"],
           ["普法宣传活动", "32场", "含农民丰收节集中宣传"],
           ["发放宣传资料", "8600份", "种子法、农药管理条例等知识手册"],
           ["法律咨询", "950人次", "现场及电话咨询"],
           ["受教育群众", "1.1万人次", ""],
           ["党组理论学习中心组集体学法", "3次", ""],
           ["以案释法典型案例", "5个", "分季度情况见表2"]]),
    "表2  分季度情况",
    ("t", [["季度", "以案释法典型案例（个）", "普法宣传活动（场）"],
           ["第一季度", "1", "8"],
           ["第二季度", "2", "9"],
           ["第三季度", "0", "7"],
           ["第四季度", "2", "8"],
           ["合计", "5", "32"]]),
    "同时，我局依托“雁湖农业”微信公众号和视频号发布农业法律法规解读、以案说法短视频，扩大了普法覆盖面。"
    "在农资经营店张贴守法经营承诺书，引导经营者依法亮证经营；在执法检查中同步开展说理式执法，"
    "对轻微违法行为以教育提醒为主，做到执法一次、教育一片。",
    ("h", "三、存在问题"),
    "一是第三季度正值农业执法检查高峰，以案释法案例报送出现空档；二是普法宣传对留守老人、"
    "小农户的针对性还不够强；三是执法人员以案释法能力有待提升，案例挖掘不够深入。",
    ("h", "四、下一步打算"),
    "一是建立以案释法案例季度报送提醒制度，确保每季度都有案例；二是结合高素质农民培训开设法治课堂，"
    "推动普法向田间地头延伸；三是加强执法人员业务培训，提升说理式执法水平；四是进一步用好新媒体平台，"
    "制作群众喜闻乐见的普法作品，持续提升普法实效。",
    "雁湖县农业农村局",
    "2024年12月3日",
], fields(NY, "annual_report", "2024-12-03", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=5, cases_by_quarter=[1, 2, 0, 2],
          activities=32, materials=8600, consultations=950, audience=11000, study_sessions=3,
          new_media=["微信公众号", "视频号"], budget=None, sections=ALL4),
    must=["普法依法治理工作领导小组", "分管副局长为直接责任人", "明确1名工作人员专职负责", "2024年度普法责任清单",
          "普法宣传活动 | 32场", "发放宣传资料 | 8600份", "法律咨询 | 950人次", "受教育群众 | 1.1万人次",
          "集体学法 | 3次", "以案释法典型案例 | 5个", "第三季度 | 0 | 7", "微信公众号和视频号", "2024年12月3日"],
    absent=["预算", "经费"])

# 3. 县自然资源局 (flat) -- long sentences, figures joined by 、 and ；
ZR = "县自然资源局"
add("县自然资源局2024年度普法工作总结.docx", "docx", [
    "雁湖县自然资源局2024年度普法工作总结",
    ("h", "一、基本情况"),
    "2024年，我局坚持把普法工作摆在全局工作的重要位置，及时调整了以党组书记、局长为组长、其他班子成员为副组长、"
    "各股室负责人为成员的普法工作领导小组，明确分管法规工作的副局长为具体负责领导、法规股为普法工作牵头股室并由"
    "1名工作人员担任普法联络员，年初结合部门职责制定并印发了本局普法责任清单，将普法经费纳入年度部门预算予以保障，"
    "形成了主要领导亲自抓、分管领导具体抓、股室各负其责的工作格局。",
    ("h", "二、主要做法"),
    "全年围绕《土地管理法》《矿产资源法》《测绘法》《森林法》等法律法规，结合世界地球日、全国土地日、国家宪法日等"
    "重要节点，先后组织开展主题普法宣传活动共计41场次、发放各类宣传资料12600份、现场解答群众法律咨询1380人次、"
    "受教育群众达2.3万人次；党组理论学习中心组全年开展集体学法5次，组织干部职工参加网上学法考试，参考率达到100%；"
    "通过局门户网站、“雁湖自然资源”微信公众号及抖音号发布普法信息186条；报送以案释法典型案例6个，其中第一季度1个、"
    "第二季度2个、第三季度1个、第四季度2个，有效发挥了典型案例的警示教育作用，推动了执法办案与普法宣传的深度融合。",
    "在执法过程中，我局坚持把普法贯穿于土地卫片执法、矿产资源执法检查和不动产登记服务全过程，在登记大厅设置"
    "法律宣传展架，在执法文书送达时同步释法说理，引导当事人自觉履行法定义务，努力做到执法办案与普法教育同步推进。",
    ("h", "三、存在的不足"),
    "一是普法形式与群众需求结合还不够紧密，面向农村群众的宣传内容偏重条文、通俗性不足；二是部分执法人员对“谁执法"
    "谁普法”认识不到位，重执法、轻普法的现象依然存在；三是新媒体普法作品原创数量少、传播力有限。",
    ("h", "四、下一步工作打算"),
    "2025年，我局将进一步压实普法责任，完善普法责任清单动态调整机制，加大以案释法案例的挖掘和发布力度，"
    "推进普法进村组、进企业、进工地，并加强与融媒体中心合作，打造具有自然资源特色的普法品牌。",
    "雁湖县自然资源局",
    "2024年12月2日",
], fields(ZR, "annual_report", "2024-12-02", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=6, cases_by_quarter=[1, 2, 1, 2],
          activities=41, materials=12600, consultations=1380, audience=23000, study_sessions=5,
          new_media=["门户网站", "微信公众号", "抖音"], budget=True, sections=ALL4),
    must=["普法工作领导小组", "分管法规工作的副局长为具体负责领导", "1名工作人员担任普法联络员",
          "制定并印发了本局普法责任清单", "将普法经费纳入年度部门预算", "普法宣传活动共计41场次",
          "发放各类宣传资料12600份", "法律咨询1380人次", "受教育群众达2.3万人次", "集体学法5次",
          "局门户网站、“雁湖自然资源”微信公众号及抖音号", "报送以案释法典型案例6个",
          "其中第一季度1个、第二季度2个、第三季度1个、第四季度2个", "2024年12月2日"],
    absent=["宣传品"])

CASES_ZR = ["非法占用耕地建房案", "未经批准擅自采砂案", "违法占用林地修建道路案",
            "不动产登记提供虚假材料案", "测绘单位超越资质范围作业案", "违法转让土地使用权案"]
blocks = ["雁湖县自然资源局2024年以案释法典型案例汇编"]
for i, name in enumerate(CASES_ZR):
    blocks += [("h", f"{'一二三四五六'[i]}、{name}"),
               f"基本案情：2024年，我局在日常巡查中发现当事人{name[:-1]}的违法行为，依法立案查处。",
               "法律分析：当事人的行为违反了相关法律法规的规定，依法应当承担相应的法律责任。",
               "普法意义：通过本案提醒群众依法用地用矿，自觉遵守自然资源管理法律法规。"]
blocks += ["雁湖县自然资源局", "2024年12月2日"]
add("自然资源局以案释法典型案例汇编.docx", "docx", blocks,
    fields(ZR, "case_report", "2024-12-02", cases_total=6),
    must=["六、违法转让土地使用权案", "2024年12月2日"], absent=["七、"])

# 4. 县住房和城乡建设局 (folder) -- full-width digits, spaces inside figures, 1，200
ZJ = "县住房和城乡建设局"
add("住建局/住建局２０２４年度普法履职报告.docx", "docx", [
    "雁湖县住房和城乡建设局２０２４年度普法履职报告",
    ("h", "一、基本情况"),
    "今年以来，我局成立了以局长为组长、分管领导为副组长的普法工作领导小组，分管领导对普法工作负直接责任，"
    "政策法规股明确专人负责日常联络。年初制定普法责任清单，明确各股室、执法大队的普法任务。"
    "普法经费未单独列入预算，由局机关办公经费统筹解决。",
    ("h", "二、主要做法"),
    "（一）抓好社会普法。围绕《建筑法》《城乡规划法》《物业管理条例》等法律法规，开展普法宣传活动 ２６ 场次，"
    "发放宣传资料 ４，５００ 份，解答法律咨询 ３８０ 人次，受教育群众 1，200人次。",
    "（二）抓好学法用法。局党组理论学习中心组集体学法 ３ 次，组织执法人员参加行政执法资格考试和法律知识培训。",
    "（三）抓好以案释法。全年报送以案释法典型案例 ４ 个，涉及违法建设、物业纠纷、建筑施工安全等领域。",
    "（四）抓好新媒体普法。通过“雁湖住建”微信公众号和视频号推送普法文章、短视频，及时回应群众关切。",
    "（五）抓好重点群体普法。在建筑工地开展农民工工资支付、安全生产法律知识宣传，在住宅小区开展物业管理法规"
    "宣传，引导业主、物业服务企业依法维权、依法履约。",
    ("h", "三、存在问题"),
    "一是普法经费保障不足，宣传阵地建设滞后；二是建筑工地流动人员多，普法覆盖不够全面；"
    "三是以案释法案例质量有待提高，典型性、针对性不强。",
    ("h", "四、下一步打算"),
    "一是争取将普法经费纳入部门预算；二是持续开展“法律进工地”活动，扩大农民工群体普法覆盖面；"
    "三是提高以案释法案例质量，加强与司法行政部门沟通，推动案例报送规范化、常态化。",
    "雁湖县住房和城乡建设局",
    "２０２４年１２月４日",
], fields(ZJ, "annual_report", "2024-12-04", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=4, activities=26, materials=4500,
          consultations=380, audience=1200, study_sessions=3, new_media=["微信公众号", "视频号"],
          budget=False, sections=ALL4),
    must=["普法工作领导小组", "分管领导对普法工作负直接责任", "明确专人负责", "年初制定普法责任清单",
          "普法经费未单独列入预算", "开展普法宣传活动 ２６ 场次", "发放宣传资料 ４，５００ 份",
          "解答法律咨询 ３８０ 人次", "受教育群众 1，200人次", "集体学法 ３ 次", "典型案例 ４ 个",
          "微信公众号和视频号", "２０２４年１２月４日"])

# 5. 县公安局 (flat) -- approximations (超过/近/约/逾/多) and 万; dated after the deadline
GA = "县公安局"
add("县公安局2024年普法工作总结.docx", "docx", [
    "雁湖县公安局2024年普法工作总结",
    ("h", "一、基本情况"),
    "县局成立了以局长为组长的普法工作领导小组，由分管法制工作的副局长具体负责，法制大队明确专人负责普法"
    "工作的组织协调，年初制定了2024年度普法责任清单，把普法任务落实到各警种、各派出所。",
    ("h", "二、主要工作"),
    "一是广泛开展法治宣传。结合“110宣传日”、全民国家安全教育日、禁毒宣传月、国家宪法日等节点，全年开展各类"
    "法治宣传活动超过30场，深入200多个村（社区）、学校和企业，发放宣传资料近4000份，接受群众法律咨询约1500人次，"
    "受教育群众逾1.5万人次。",
    "二是抓好领导干部学法。局党委理论学习中心组全年集体学法4次，专题学习《治安管理处罚法》修订内容和"
    "《反电信网络诈骗法》。",
    "三是深化以案释法。全年报送以案释法典型案例8个，主要涉及电信网络诈骗、酒驾醉驾、非法集资等领域，"
    "案例在全县各单位宣传栏、电子屏滚动展示。",
    "四是用好新媒体阵地。依托“雁湖公安”微信公众号、微博和抖音号，推送反诈预警、交通安全提示等普法信息，"
    "制作的反诈短视频获得较高关注。",
    ("h", "三、存在问题"),
    "一是基层所队警力紧张，普法工作与执法办案存在“两张皮”现象；二是普法内容针对性不强，对老年人、"
    "青少年等重点人群的分众化宣传有待加强。",
    ("h", "四、下一步工作打算"),
    "一是继续深化“警官进校园”“反诈进万家”活动；二是推动执法办案全过程释法说理；三是进一步整合新媒体资源，"
    "打造公安普法品牌，增强普法的吸引力和感染力。",
    "雁湖县公安局",
    "2024年12月16日",
], fields(GA, "annual_report", "2024-12-16", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=8, activities=30, materials=4000,
          consultations=1500, audience=15000, study_sessions=4,
          new_media=["微信公众号", "微博", "抖音"], budget=None, sections=ALL4),
    must=["普法工作领导小组", "由分管法制工作的副局长具体负责", "法制大队明确专人负责", "制定了2024年度普法责任清单",
          "法治宣传活动超过30场", "发放宣传资料近4000份", "法律咨询约1500人次", "受教育群众逾1.5万人次",
          "集体学法4次", "报送以案释法典型案例8个", "“雁湖公安”微信公众号、微博和抖音号", "2024年12月16日"],
    absent=["预算", "经费"])

# 6. 县文化广电和旅游局 (folder) -- 总结暨要点: the second half is a plan, its targets are not results
WL = "县文化广电和旅游局"
TOTAL_PART = [
    "雁湖县文化广电和旅游局2024年普法工作总结暨2025年工作要点",
    ("h", "一、2024年普法工作总结"),
    ("h", "（一）基本情况"),
    "我局调整充实了普法工作领导小组，局长任组长，分管副局长负责普法日常工作的统筹安排，办公室确定1名干部为普法"
    "联络员，年初修订完善了普法责任清单并在局机关公示。",
    ("h", "（二）主要做法"),
    "全年结合文化和自然遗产日、旅游市场秩序整治、“扫黄打非”进基层等工作，开展普法宣传活动18场，发放宣传资料2600份，"
    "受教育群众7000人次；局党组理论学习中心组集体学法2次；报送以案释法典型案例4个；通过微信公众号、今日头条号推送"
    "《旅游法》《文物保护法》《公共文化服务保障法》等普法内容。在A级景区、星级饭店和文化市场经营场所开展"
    "“送法上门”，督促经营单位落实安全生产和依法经营主体责任。",
    ("h", "（三）存在问题"),
    "一是普法宣传的创新性不足，对游客群体的普法手段单一；二是文化市场经营主体流动性大，普法效果难以巩固。",
]
PLAN_PART = [
    ("h", "二、2025年工作要点"),
    "（一）压实责任。动态调整普法责任清单，年内开展普法宣传活动不少于25场，报送以案释法典型案例不少于4个。",
    "（二）强化学法。党组理论学习中心组集体学法不少于3次，组织全体干部参加年度学法考试。",
    "（三）创新载体。计划开通抖音账号，制作景区普法短视频，在游客服务中心设置普法宣传角。",
    "（四）重点宣传。围绕新修订的《文物保护法》开展系列宣传，推动普法融入文旅活动全过程。",
    "雁湖县文化广电和旅游局",
    "2024年12月6日",
]
add("文旅局/2024年普法工作总结暨2025年工作要点.docx", "docx", TOTAL_PART + PLAN_PART,
    fields(WL, "annual_report", "2024-12-06", leading_group=True, leader_in_charge=True,
           staff_assigned=True, duty_list=True, cases_total=4, activities=18, materials=2600,
           audience=7000, study_sessions=2, new_media=["微信公众号", "今日头条"], sections=ALL4),
    must=["调整充实了普法工作领导小组", "分管副局长负责普法日常工作", "1名干部为普法联络员", "修订完善了普法责任清单",
          "开展普法宣传活动18场", "发放宣传资料2600份", "受教育群众7000人次", "集体学法2次",
          "报送以案释法典型案例4个", "微信公众号、今日头条号", "二、2025年工作要点", "2024年12月6日"],
    absent=["咨询", "预算", "经费"],
    check=lambda text: "抖音" not in text.split("二、2025年工作要点")[0]
    and "不少于" not in text.split("二、2025年工作要点")[0])
add("文旅局/文旅局普法责任清单.docx", "docx", [
    "雁湖县文化广电和旅游局2024年度普法责任清单",
    ("t", [["序号", "普法内容", "普法对象", "普法方式", "责任股室", "完成时限"],
           ["1", "《中华人民共和国宪法》", "全局干部职工", "中心组学法、专题讲座", "办公室", "全年"],
           ["2", "《中华人民共和国旅游法》", "旅行社、景区、游客", "现场宣传、发放资料", "旅游市场股", "全年"],
           ["3", "《中华人民共和国文物保护法》", "文物保护单位、群众", "以案释法、展板宣传", "文物股", "6月"],
           ["4", "《公共文化服务保障法》", "公共文化机构", "业务培训", "公共服务股", "9月"],
           ["5", "《互联网上网服务营业场所管理条例》", "网吧经营者", "执法检查中释法", "文化市场综合执法大队", "全年"]]),
    "雁湖县文化广电和旅游局",
    "2024年2月26日",
], fields(WL, "duty_list", "2024-02-26", duty_list=True),
    must=["2024年度普法责任清单", "普法对象", "2024年2月26日"])

# 7. 县水利局 (flat) -- a self-assessment sheet only, no prose
SL = "县水利局"
SL_ROWS = [
    ["组织领导", 15, 15, "成立了以局长为组长的普法工作领导小组，年内召开专题会议研究普法工作；分管副局长具体负责普法工作；"
     "办公室明确1名工作人员为普法联络员，负责普法资料收集和信息报送。领导小组办公室设在办公室，"
     "建立了普法工作例会、信息报送和年度考核制度，将普法工作纳入股室和水管单位年度目标管理考核内容。"
     "领导小组成员因人事变动及时进行了调整，确保普法工作不因人员变化而断档。"],
    ["责任清单", 10, 10, "制定并公布2024年度普法责任清单，明确水法、防洪法、河道管理条例等普法内容的责任股室和完成时限。"
     "清单在局机关公示栏公开，并随河湖长制工作部署同步分解到各水管单位，做到普法任务与业务工作同部署、同检查。清单实行动态管理，根据法律法规立改废情况及时调整。"],
    ["学法用法", 15, 12, "党组理论学习中心组集体学法2次；组织干部职工参加网上学法用法考试，全员参考；执法人员全部持证上岗，"
     "新录用人员上岗前接受法律知识培训。扣分原因：集体学法次数偏少。"],
    ["以案释法", 20, 14, "全年报送以案释法典型案例3个（一季度1个、二季度1个、三季度0个、四季度1个），未达到全年不少于4个的要求，"
     "且第三季度未报送。已报送的案例主要涉及非法采砂、侵占河道、违法取水，已在水利系统内部通报学习，"
     "并在执法人员培训中作为教学案例使用。"],
    ["社会普法", 20, 18, "结合世界水日、中国水周、国家宪法日开展普法宣传活动15场，发放宣传资料2000份，受教育群众3000人次，"
     "深入河道沿线村组宣传河湖管理法律法规。在水利工程建设工地开展农民工工资支付和安全生产法律宣传，"
     "在水库、山塘周边设置防溺水和水事法规警示牌，在执法巡查中对非法采砂、侵占河道等行为当场释法说理。"],
    ["新媒体普法", 10, 8, "利用“雁湖水利”微信公众号发布普法信息，开设“水法小课堂”专栏，转载上级水利部门制作的普法短文和图解，"
     "及时发布河湖管理、防汛抗旱相关法规解读。扣分原因：原创作品数量较少。"],
    ["经费保障", 10, 10, "普法经费纳入部门年度预算，保障普法资料印制和宣传活动开展。经费使用严格执行财务制度，"
     "专款专用，年底对经费使用情况进行了梳理，未发现挤占挪用情况。"],
]


def write_sl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自查评分表"
    ws.merge_cells("A1:D1")
    ws["A1"] = "雁湖县水利局2024年度“谁执法谁普法”普法责任制落实情况自查评分表"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["考核项目", "分值", "自评得分", "自评说明"])
    for r in SL_ROWS:
        ws.append(r)
    ws.append(["合计", 100, 87, ""])
    ws.append(["填表人：王某某", None, "填报日期：2024年12月6日", None])
    for col, w in zip("ABCD", (14, 8, 20, 90)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=3, max_row=9):
        row[3].alignment = Alignment(wrap_text=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


add("县水利局2024年度普法责任制落实情况自查评分表.xlsx", write_sl, None,
    fields(SL, "self_inspection", "2024-12-06", leading_group=True, leader_in_charge=True,
           staff_assigned=True, duty_list=True, cases_total=3, cases_by_quarter=[1, 1, 0, 1],
           activities=15, materials=2000, audience=3000, study_sessions=2,
           new_media=["微信公众号"], budget=True, sections=[]),
    must=["考核项目 | 分值 | 自评得分 | 自评说明", "普法工作领导小组", "分管副局长具体负责普法工作", "1名工作人员为普法联络员",
          "制定并公布2024年度普法责任清单", "集体学法2次", "全年报送以案释法典型案例3个（一季度1个、二季度1个、三季度0个、四季度1个）",
          "普法宣传活动15场", "发放宣传资料2000份", "受教育群众3000人次", "微信公众号", "普法经费纳入部门年度预算",
          "填报日期：2024年12月6日"],
    absent=["咨询", "基本情况", "主要做法", "存在问题", "下一步"],
    check=lambda text: len(re.sub(r"\s|\|", "", text)) > 900)

# 8. 县医疗保障局 (folder) -- figures of several years; only 2024's are fields
YB = "县医疗保障局"
add("医保局/医保局2024年度普法履职报告.docx", "docx", [
    "雁湖县医疗保障局2024年度普法履职报告",
    ("h", "一、基本情况"),
    "我局于2022年成立普法工作领导小组，2024年因人员变动及时进行了调整，局长任组长，分管副局长具体抓普法工作，"
    "法规与稽核股负责普法工作的日常组织，并明确1名联络员。2024年3月制定了普法责任清单，普法经费纳入年度部门预算。",
    ("h", "二、主要做法"),
    "（一）社会普法持续深化。2022年以来累计开展普法宣传活动96场，其中2024年开展38场，较2023年增加5场；"
    "三年累计发放宣传资料3.2万份，2024年发放1.1万份；2024年解答群众医保政策法规咨询2600人次，较上年增长15%；"
    "全年受教育群众9000余人次。",
    "（二）领导干部带头学法。2024年党组理论学习中心组集体学法3次（2023年为2次），重点学习《医疗保障基金使用监督管理条例》。",
    "（三）以案释法成效明显。2024年报送以案释法典型案例4个，三年累计报送11个，案例涵盖定点医药机构欺诈骗保、"
    "参保人员冒名就医等。",
    "（四）普法载体不断丰富。通过“雁湖医保”微信公众号、视频号发布政策解读，利用短信平台向参保群众推送参保缴费提醒和"
    "基金监管法律知识。",
    ("h", "三、存在问题"),
    "一是部分定点医药机构从业人员法治意识淡薄，违规使用医保基金的情况仍有发生；二是普法宣传的精准度不够，"
    "对农村老年参保群众的宣传方式有待改进。",
    ("h", "四、下一步打算"),
    "一是持续开展打击欺诈骗保集中宣传月活动；二是推进医保经办窗口释法说理；三是加强对定点医药机构的法治培训，"
    "从源头上减少违法违规行为的发生。",
    "雁湖县医疗保障局",
    "2024年11月27日",
], fields(YB, "annual_report", "2024-11-27", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=4, activities=38, materials=11000,
          consultations=2600, audience=9000, study_sessions=3,
          new_media=["微信公众号", "视频号", "短信"], budget=True, sections=ALL4),
    must=["成立普法工作领导小组", "分管副局长具体抓普法工作", "明确1名联络员", "制定了普法责任清单",
          "普法经费纳入年度部门预算", "其中2024年开展38场，较2023年增加5场", "2024年发放1.1万份",
          "咨询2600人次", "受教育群众9000余人次", "集体学法3次（2023年为2次）", "2024年报送以案释法典型案例4个",
          "微信公众号、视频号", "短信平台", "2024年11月27日"])


def write_yb_stats(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.merge_cells("A1:F1")
    ws["A1"] = "2024年普法工作统计表"
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["季度", "普法活动（场）", "发放资料（份）", "法律咨询（人次）", "受教育群众（人次）", "以案释法案例（个）"])
    for r in (["第一季度", 8, 2500, 600, 2000, 1], ["第二季度", 10, 3000, 700, 2500, 1],
              ["第三季度", 9, 2500, 600, 2000, 1], ["第四季度", 11, 3000, 700, 2500, 1],
              ["合计", 38, 11000, 2600, 9000, 4]):
        ws.append(r)
    ws.append(["填报日期：2024年11月27日"])
    for col in "ABCDEF":
        ws.column_dimensions[col].width = 18
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


add("医保局/2024年普法工作统计表.xlsx", write_yb_stats, None,
    fields(YB, "stats_form", "2024-11-27", cases_total=4, cases_by_quarter=[1, 1, 1, 1],
           activities=38, materials=11000, consultations=2600, audience=9000),
    must=["合计 | 38 | 11000 | 2600 | 9000 | 4", "第三季度 | 9 | 2500 | 600 | 2000 | 1", "填报日期：2024年11月27日"],
    absent=["医保", "医疗保障", "学法"])

# 9. 县退役军人事务局 (flat) -- states zeros
TY = "县退役军人事务局"
add("退役军人事务局2024年普法工作总结.docx", "docx", [
    "雁湖县退役军人事务局2024年普法工作总结",
    ("h", "一、基本情况"),
    "我局成立了普法工作领导小组，由分管副局长负责普法工作，办公室1名同志兼职承担普法日常工作。"
    "因机构人员调整，我局尚未制定普法责任清单，普法工作主要结合业务工作开展。",
    ("h", "二、主要做法"),
    "一是围绕《退役军人保障法》《军人抚恤优待条例》，在退役军人服务站、光荣院开展普法宣传活动12场，"
    "发放宣传资料1500份，接待退役军人政策法规咨询300人次。",
    "二是通过“雁湖退役军人”微信公众号转载法律法规解读文章，宣传退役军人权益保障政策。",
    "三是在走访慰问、信访接待中向退役军人及其家属宣讲相关法律政策，引导依法理性表达诉求。",
    "今年未报送以案释法典型案例。领导班子未开展集体学法，干部学法主要依靠个人自学。"
    "普法经费未纳入预算，宣传资料由业务经费列支。",
    ("h", "三、存在问题"),
    "一是普法责任清单尚未制定，普法责任落实不够明确；二是以案释法工作开展不够，缺少典型案例；"
    "三是领导干部学法制度落实不到位；四是普法工作经费保障不足。",
    ("h", "四、下一步打算"),
    "一是尽快制定并公布普法责任清单；二是建立领导班子集体学法制度；三是从信访、权益保障工作中挖掘典型案例，"
    "按季度报送以案释法案例；四是积极争取普法工作经费。",
    "雁湖县退役军人事务局",
    "2024年12月9日",
], fields(TY, "annual_report", "2024-12-09", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=False, cases_total=0, activities=12, materials=1500,
          consultations=300, study_sessions=0, new_media=["微信公众号"], budget=False,
          sections=ALL4),
    must=["成立了普法工作领导小组", "由分管副局长负责普法工作", "办公室1名同志兼职承担", "尚未制定普法责任清单",
          "普法宣传活动12场", "发放宣传资料1500份", "咨询300人次", "今年未报送以案释法典型案例",
          "领导班子未开展集体学法", "微信公众号", "普法经费未纳入预算", "2024年12月9日"],
    absent=["受教育"])

# 10. 县商务局 (flat) -- a 责任清单 .xlsx with merged header rows; a report without 存在问题
SW = "县商务局"


def write_sw_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "责任清单"
    ws.merge_cells("A1:H1")
    ws["A1"] = "雁湖县商务局2024年度普法责任清单"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"], ws["B2"], ws["D2"], ws["E2"], ws["F2"], ws["H2"] = (
        "序号", "普法内容", "普法对象", "普法方式", "责任主体", "完成时限")
    ws["B3"], ws["C3"], ws["F3"], ws["G3"] = "法律法规", "重点内容", "责任领导", "责任股室"
    for rng in ("A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:G2", "H2:H3"):
        ws.merge_cells(rng)
    rows = [
        [1, "《中华人民共和国宪法》", "宪法基本知识", "全局干部职工", "中心组学法", "局长", "办公室", "12月"],
        [2, "《中华人民共和国电子商务法》", "电商经营者义务", "电商企业、网店经营者", "培训、上门宣传", "分管副局长", "电子商务股", "全年"],
        [3, "《成品油市场管理办法》", "成品油经营许可", "加油站经营者", "执法检查中释法", "分管副局长", "市场运行股", "全年"],
        [4, "《单用途商业预付卡管理办法》", "预付卡发行规范", "商贸企业、消费者", "发放资料、以案释法", "分管副局长", "商贸流通股", "6月"],
        [5, "《报废机动车回收管理办法》", "回收企业资质", "回收拆解企业", "座谈、培训", "分管副局长", "市场运行股", "9月"],
    ]
    for r in rows:
        ws.append(r)
    for col, w in zip("ABCDEFGH", (6, 30, 18, 22, 20, 14, 14, 10)):
        ws.column_dimensions[col].width = w
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


add("县商务局2024年度普法责任清单.xlsx", write_sw_list, None,
    fields(SW, "duty_list", None, duty_list=True),
    must=["雁湖县商务局2024年度普法责任清单", "序号 | 普法内容 |  | 普法对象", " | 法律法规 | 重点内容 | "],
    absent=["日期", "2024年1", "2024年2", "2024年3"])
add("商务局2024年普法履职报告.docx", "docx", [
    "雁湖县商务局2024年普法履职报告",
    ("h", "一、基本情况"),
    "我局高度重视普法工作，成立了由局长任组长的普法工作领导小组，局长为普法工作第一责任人，分管副局长协助抓好落实。"
    "年初制定印发了2024年度普法责任清单，明确了5项重点普法任务。",
    ("h", "二、主要做法"),
    "一是突出重点对象。面向电商企业、加油站、预付卡发行企业等经营主体，开展普法宣传活动20场，发放宣传资料3000份，"
    "解答经营者法律咨询260人次，受教育群众4500人次。",
    "二是抓实干部学法。局党组理论学习中心组集体学法2次，邀请律师专题解读《电子商务法》和《反不正当竞争法》。",
    "三是推进以案释法。全年报送以案释法典型案例4个，涉及预付卡纠纷、成品油违规经营等。",
    "四是拓展宣传渠道。通过县政府门户网站商务专栏和“雁湖商务”微信公众号发布政策法规解读，提高了商务领域法律法规的知晓率。",
    "五是优化营商环境。在“企业服务日”活动中为商贸企业提供合规经营指导，帮助企业防范法律风险，推动企业依法经营。",
    ("h", "三、下一步打算"),
    "一是围绕消费提振活动开展消费者权益保护普法；二是加强对电商从业人员的法律培训；三是进一步丰富以案释法案例，"
    "提升普法的针对性和实效性，为全县商务高质量发展营造良好法治环境。",
    "雁湖县商务局",
    "2024年12月10日",
], fields(SW, "annual_report", "2024-12-10", leading_group=True, leader_in_charge=True,
          duty_list=True, cases_total=4, activities=20, materials=3000, consultations=260,
          audience=4500, study_sessions=2, new_media=["门户网站", "微信公众号"],
          sections=["基本情况", "主要做法", "下一步打算"]),
    must=["普法工作领导小组", "局长为普法工作第一责任人", "制定印发了2024年度普法责任清单", "普法宣传活动20场",
          "发放宣传资料3000份", "咨询260人次", "受教育群众4500人次", "集体学法2次", "典型案例4个",
          "门户网站", "微信公众号", "2024年12月10日"],
    absent=["专人", "联络员", "工作人员", "存在", "问题", "不足", "预算", "经费"])

# 11. 县林业局 (folder) -- a 责任清单 .docx without a table; a long but figure-poor report
LY = "县林业局"
add("林业局/普法责任清单.docx", "docx", [
    "雁湖县林业局2024年度普法责任清单",
    ("h", "一、普法内容"),
    "1.《中华人民共和国宪法》。普法对象：全局干部职工；普法方式：中心组学法、宪法宣誓；责任股室：办公室；完成时限：全年。",
    "2.《中华人民共和国森林法》。普法对象：林农、林业经营主体；普法方式：进村入户宣传、发放资料；责任股室：资源管理股；完成时限：全年。",
    "3.《森林防火条例》。普法对象：林区群众、进山人员；普法方式：设置宣传牌、广播宣传；责任股室：防火办；完成时限：春季、秋冬季防火期。",
    "4.《中华人民共和国野生动物保护法》。普法对象：社会公众；普法方式：“爱鸟周”主题宣传；责任股室：野保股；完成时限：4月。",
    "5.《湿地保护法》。普法对象：湿地周边群众；普法方式：以案释法；责任股室：湿地管理站；完成时限：全年。",
    ("h", "二、工作要求"),
    "各责任股室要对照清单抓好落实，年底报送履职情况。",
    "雁湖县林业局",
    "2024年2月20日",
], fields(LY, "duty_list", "2024-02-20", duty_list=True),
    must=["2024年度普法责任清单", "普法对象：林农、林业经营主体", "2024年2月20日"])

LY_LONG = (
    "全年，我局紧紧围绕林业中心工作，坚持把普法宣传贯穿于森林资源保护、森林防火、野生动植物保护和林业行政执法"
    "全过程，组织开展了形式多样的普法宣传活动，向林区群众发放了大量宣传资料，接受了群众的法律咨询，受到广泛好评。"
    "在森林防火期，我局组织执法人员深入林区村组，通过悬挂横幅、张贴标语、入户讲解、流动广播等方式，宣传森林防火"
    "法律法规和野外用火管理规定，提醒群众文明祭祀、安全用火；在“爱鸟周”和野生动物保护宣传月期间，联合市场监管、"
    "公安等部门走进农贸市场、餐饮门店，宣传禁止非法猎捕、交易、食用野生动物的规定；在国家宪法日期间，组织干部职工"
    "开展宪法学习宣传活动，营造了尊法学法守法用法的良好氛围。在林业行政执法中，我局坚持执法与普法相结合，"
    "在案件查处、林木采伐审批、林地使用审核等环节向当事人讲清法律依据和法律后果，推行说理式执法，"
    "让当事人在接受处理的同时受到教育；在护林员培训中增设法律知识课程，使护林员成为宣传林业法律法规的骨干力量，"
    "把普法触角延伸到林区的每一个角落，切实增强了林区群众保护森林资源的法治意识。"
)
add("林业局/2024年度普法工作总结.docx", "docx", [
    "雁湖县林业局2024年度普法工作总结",
    ("h", "一、工作基本情况"),
    "我局成立了以局长为组长的普法工作领导小组，分管副局长具体负责，政策法规股确定专人负责普法日常工作，"
    "年初制定了本局普法责任清单，各项普法工作有序推进。",
    ("h", "二、主要工作举措"),
    LY_LONG,
    "局党组理论学习中心组集体学法2次，进一步提高了领导干部运用法治思维和法治方式推动林业工作的能力。"
    "全年报送以案释法典型案例4个，以身边案例教育身边人。同时，通过“雁湖林业”微信公众号推送林业法律法规知识，"
    "扩大了普法宣传的覆盖面和影响力。",
    ("h", "三、存在的不足和问题"),
    "一是普法工作统计不够规范，基础台账不够完善；二是普法形式创新不够，宣传效果有待提升；"
    "三是基层林业站普法力量不足，执法人员释法说理能力参差不齐。",
    ("h", "四、下一步工作计划"),
    "一是健全普法工作台账，规范统计口径；二是创新普法方式，推动普法宣传向林区、景区延伸；"
    "三是加强执法人员培训，提升以案释法能力，推动林业普法工作再上新台阶；四是结合林长制工作，将普法宣传纳入"
    "各级林长巡林内容，推动普法与护林工作深度融合。",
    "雁湖县林业局",
    "2024年12月5日",
], fields(LY, "annual_report", "2024-12-05", leading_group=True, leader_in_charge=True,
          staff_assigned=True, duty_list=True, cases_total=4, study_sessions=2,
          new_media=["微信公众号"], sections=ALL4),
    must=["普法工作领导小组", "分管副局长具体负责", "确定专人负责", "制定了本局普法责任清单", "集体学法2次",
          "报送以案释法典型案例4个", "微信公众号", "2024年12月5日"],
    absent=["场次", "份", "人次", "预算", "经费"],
    check=lambda text: re.findall(r"[0-9０-９]+", text.replace("2024年", "").replace("12月5日", "")) == ["2", "4"]
    and not re.search(r"[0-9一二三四五六七八九十百千万]+[场份]", text)
    and len(re.sub(r"\s", "", text)) > 900)


# extra prose (no figures) so that no report but the two meant to be thin falls under 800 characters
EXTRA = {
    "住建局/住建局２０２４年度普法履职报告.docx":
    "（六）抓好执法过程普法。在建设工程质量安全监督检查、房地产市场秩序整治、城镇燃气安全专项整治中，执法人员坚持"
    "边检查、边宣传、边指导，对检查发现的问题逐一讲清法律依据和整改要求，督促企业落实主体责任。在行政许可窗口设置"
    "法律法规宣传架，向办事群众和企业提供建筑市场管理、房屋租赁、住宅专项维修资金等方面的政策解读材料，变“坐等上门”"
    "为“主动服务”。同时，结合老旧小区改造、城镇燃气管道更新等民生工程，组织干部进社区、进楼栋，向居民宣讲施工期间的"
    "权利义务和安全注意事项，及时化解矛盾纠纷，推动民生工程依法有序实施，群众满意度明显提升。",
    "县公安局2024年普法工作总结.docx":
    "五是推进执法全过程普法。全面落实执法办案释法说理制度，在接处警、案件办理、窗口服务等环节向当事人和群众讲清法律"
    "规定，推行“说理式”执法，让群众在每一起案件中感受到公平正义。在户籍、出入境、车驾管等服务窗口设置普法宣传专栏，"
    "利用群众排队等候时间播放普法宣传片。结合“枫桥式公安派出所”创建，组织社区民警、辅警深入辖区走访，在矛盾纠纷排查"
    "化解中同步宣讲法律法规，引导群众依法维权、理性表达诉求，从源头上预防和减少违法犯罪。同时，针对寄递物流、旅馆、"
    "娱乐场所等重点行业，组织开展治安管理法律法规培训，督促从业单位落实安全防范主体责任。",
    "文旅局/2024年普法工作总结暨2025年工作要点.docx":
    "在文化市场综合执法中，执法人员坚持执法与普法同步推进，对网吧、歌舞娱乐场所、演出经营单位开展检查时，向经营者"
    "逐条讲解未成年人保护、消防安全、内容管理等方面的法律规定，对轻微违规行为以提醒教育为主，引导经营者自觉守法。"
    "在旅游旺季，组织旅游市场股、执法大队深入旅行社和重点景区，宣传旅游合同、导游服务、游客权益保护等法律规定，及时"
    "调处旅游纠纷，维护游客合法权益。在公共图书馆、文化馆设置法治图书专架和法治文化展板，将法治元素融入群众文化活动，"
    "推动法治文化与地方特色文化深度融合，营造了浓厚的尊法学法守法用法氛围。",
    "医保局/医保局2024年度普法履职报告.docx":
    "（五）执法普法深度融合。在定点医药机构日常稽核、专项检查和飞行检查中，执法人员同步宣讲医保基金监管法律法规，"
    "对检查发现的问题讲清法律依据和处理结果，督促机构举一反三、立行立改。在医保经办大厅设置政策法规宣传专区，经办"
    "窗口在办理参保登记、异地就医备案、待遇报销等业务时主动向群众解释相关政策规定。组织定点医药机构负责人召开医保"
    "基金使用警示教育会，通报违法违规使用医保基金的突出问题，签订守法承诺书，推动形成不敢骗、不能骗、不想骗的良好"
    "局面，切实守护好人民群众的“看病钱”“救命钱”。",
    "退役军人事务局2024年普法工作总结.docx":
    "四是注重在服务保障中普法。在退役军人服务中心窗口和镇村服务站点，办理优抚待遇、就业创业扶持、困难帮扶等事项时，"
    "主动讲解相关法律法规和政策规定，帮助退役军人准确理解自身权利义务。结合建军节、烈士纪念日等节点，在烈士陵园、"
    "纪念设施开展英雄烈士保护法宣传，引导群众崇尚英雄、捍卫英雄。在退役军人就业创业培训中安排劳动合同、社会保险等"
    "法律知识内容，提高退役军人运用法律维护自身合法权益的能力。同时，依托镇村退役军人服务站，建立法律援助联系机制，"
    "对有法律需求的退役军人及时引导至法律援助机构，帮助其依法解决实际困难。",
    "商务局2024年普法履职报告.docx":
    "六是服务重点项目建设。围绕招商引资和外贸企业发展，组织律师、商务干部走访企业，宣讲外商投资法、对外贸易法及"
    "出口管制等方面的法律法规，帮助企业提高合规经营水平，防范国际贸易法律风险。在商贸流通领域安全生产检查中，同步"
    "宣传安全生产法和消防法律法规，督促商场超市、农贸市场落实安全主体责任。在消费维权方面，联合市场监管部门开展"
    "预付式消费专项宣传，提醒消费者理性办卡、留存凭证、依法维权，引导经营者依法发卡、诚信经营，营造了安全放心的"
    "消费环境。在成品油市场整治中，对加油站经营者开展合规经营指导，讲清违法经营的法律后果，推动行业规范有序发展。",
    "县自然资源局2024年度普法工作总结.docx":
    "同时，我局在不动产登记窗口推行“一次告知”，登记窗口在受理业务时向申请人讲清登记所需材料和相关法律规定，减少群众"
    "往返，提升服务质量，也让群众在办事过程中潜移默化地受到法治教育。",
    "农业农村局/农业农村局2024年度普法履职报告.docx":
    "此外，我局结合农产品质量安全网格化监管，组织网格员在巡查中向种养殖户讲解农药安全间隔期、兽药休药期等规定，"
    "推动农产品质量安全法律法规入脑入心，从源头上保障群众“舌尖上的安全”。",
}


TOPIC = {"住建局/住建局２０２４年度普法履职报告.docx": "住建",
         "县公安局2024年普法工作总结.docx": "公安",
         "文旅局/2024年普法工作总结暨2025年工作要点.docx": "文旅",
         "医保局/医保局2024年度普法履职报告.docx": "医保",
         "退役军人事务局2024年普法工作总结.docx": "退役军人事务",
         "商务局2024年普法履职报告.docx": "商务",
         "县自然资源局2024年度普法工作总结.docx": "自然资源",
         "农业农村局/农业农村局2024年度普法履职报告.docx": "农业农村"}
CLOSING = ("下一步，我们将坚持以习近平法治思想为指导，认真贯彻落实“谁执法谁普法”普法责任制，把普法工作与{t}中心工作"
           "同谋划、同部署、同推进、同考核，不断创新普法方式方法，推动普法工作由“被动普法”向“主动普法”转变，由“单向灌输”"
           "向“互动服务”转变，为建设更高水平的法治雁湖贡献{t}力量。")
CLOSING_MORE = {"退役军人事务局2024年普法工作总结.docx":
                "同时，坚持把法治宣传教育与服务保障退役军人工作结合起来，让广大退役军人学法懂法、依法维权，"
                "让军人成为全社会尊崇的职业。",
                "商务局2024年普法履职报告.docx":
                "同时，坚持把法治宣传教育与优化营商环境、促进消费扩容提质结合起来，推动经营主体依法经营、诚信经营，"
                "让法治成为商务高质量发展的坚实保障。"}


def insert_extra():
    """Put each extra paragraph at the end of the report's 主要做法 part (before its third heading)."""
    for spec in FILES:
        para = EXTRA.get(spec["path"])
        if para is None:
            continue
        heads = [i for i, b in enumerate(spec["content"]) if isinstance(b, tuple) and b[0] == "h"
                 and b[1].startswith(("三、", "（三）"))]
        spec["content"].insert(heads[0], para)
        closing = CLOSING.format(t=TOPIC[spec["path"]]) + CLOSING_MORE.get(spec["path"], "")
        spec["content"].insert(len(spec["content"]) - 2, closing)


insert_extra()

# --------------------------------------------------------------------------------------------
# findings: SPEC §4 defaults on the merged unit fields

LATE = {"县公安局"}


def merge(files):
    m = {k: None for k in FIELD_KEYS}
    m["new_media"], m["sections"] = [], []
    for f in files:
        for k, v in f["fields"].items():
            if k in ("new_media", "sections"):
                m[k] = sorted(set(m[k]) | set(v))
            elif v is not None and (m[k] is None or (isinstance(v, bool) and v)):
                m[k] = v
    return m


def findings(unit, files):
    if not files:
        return ["missing_submission"]
    m = merge(files)
    out = []
    if m["cases_total"] is None or m["cases_total"] < 4:
        out.append("cases_below_min")
    if m["cases_by_quarter"] and min(m["cases_by_quarter"]) < 1:
        out.append("quarter_without_case")
    if not any(f["doc_type"] == "duty_list" for f in files) and m["duty_list"] is not True:
        out.append("no_duty_list")
    for key, rule in (("leading_group", "no_leading_group"), ("leader_in_charge", "no_leader_in_charge"),
                      ("staff_assigned", "no_staff_assigned")):
        if m[key] is not True:
            out.append(rule)
    if not m["new_media"]:
        out.append("no_new_media")
    if m["study_sessions"] is None or m["study_sessions"] < 2:
        out.append("study_below_min")
    if any(f["doc_type"] in ("annual_report", "self_inspection") and set(ALL4) - set(f["fields"]["sections"])
           for f in files):
        out.append("missing_section")
    if any(f.get("thin") for f in files):
        out.append("too_thin")
    if unit in LATE:
        out.append("late_submission")
    return out


THIN = {"交通运输局/2024年普法工作总结.docx", "林业局/2024年度普法工作总结.docx"}


# --------------------------------------------------------------------------------------------

def build():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    for spec in FILES:
        path = INBOX / spec["path"]
        if spec["kind"] == "docx":
            write_docx(path, spec["content"])
        else:
            spec["kind"](path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["序号", "单位名称", "简称"])
    for i, (name, short) in enumerate(ROSTER, 1):
        ws.append([i, name, short])
    ws.column_dimensions["B"].width = 24
    wb.save(HERE / "roster.xlsx")

    truth_files = {}
    for spec in FILES:
        f = spec["truth"]
        truth_files[spec["path"]] = {"status": "ok", "error_code": None, "unit": f["unit"],
                                     "doc_type": f["doc_type"], "fields": f}
    units = {}
    for name, _ in ROSTER:
        mine = [dict(doc_type=e["doc_type"], fields=e["fields"], thin=p in THIN)
                for p, e in truth_files.items() if e["unit"] == name]
        units[name] = {"findings": findings(name, mine),
                       "files": sorted(p for p, e in truth_files.items() if e["unit"] == name)}
    truth = {"year": YEAR, "deadline": DEADLINE, "files": truth_files, "units": units,
             "missing_units": [n for n, u in units.items() if not u["files"]]}
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth


def verify(truth):
    problems = []
    for spec in FILES:
        path = INBOX / spec["path"]
        text = read_docx(path) if path.suffix == ".docx" else read_xlsx(path)
        for q in spec["must"]:
            if q not in text:
                problems.append(f"{spec['path']}: key sentence missing: {q}")
        for q in spec["absent"]:
            if q in text:
                problems.append(f"{spec['path']}: would change a value: {q}")
        if spec["check"] and not spec["check"](text):
            problems.append(f"{spec['path']}: extra check failed")
        f = spec["truth"]
        assert set(f) == set(FIELD_KEYS), spec["path"]
        if f["date"] and path.suffix == ".docx":
            y, m, d = f["date"].split("-")
            full = str.maketrans("0123456789", "０１２３４５６７８９")
            want = f"{int(y)}年{int(m)}月{int(d)}日"
            if want not in text and want.translate(full) not in text:
                problems.append(f"{spec['path']}: date {want} not in text")
    for p in (INBOX).rglob("*"):
        if p.is_file() and str(p.relative_to(INBOX)) not in truth["files"]:
            problems.append(f"unexpected file {p}")
    for spec in FILES:
        if spec["truth"]["doc_type"] == "annual_report" and spec["path"] not in THIN:
            size = len(re.sub(r"\s", "", read_docx(INBOX / spec["path"])))
            if size < 950:
                problems.append(f"{spec['path']}: only {size} characters, meant to be over 800")
    n = len(truth["files"])
    if not 16 <= n <= 20:
        problems.append(f"{n} files, want 16-20")
    return problems


if __name__ == "__main__":
    t = build()
    probs = verify(t)
    for p in probs:
        print("PROBLEM:", p)
    print(f"{len(t['files'])} files, {len(t['units'])} units, missing {t['missing_units']}")
    for u, e in t["units"].items():
        print(f"  {u}: {e['findings']}")
    raise SystemExit(1 if probs else 0)
