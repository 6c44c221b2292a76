#!/usr/bin/env python3
"""Build the holdout14 corpus: INBOX/, roster.xlsx, truth.json.

Fictional 桐埠县 (a county in a central province), report year 2024, deadline 2024-12-15.
Theme: scans and PDFs.  Needs python-docx, openpyxl, Pillow, numpy, LibreOffice (`soffice`) and
poppler (`pdftoppm`).  Run from anywhere:
    python tests/corpus/holdout14/make_holdout14.py

Scans and the photo are made deterministically (seeded noise, fixed angles, fixed PDF dates).  The
PDFs that LibreOffice writes carry their own creation time and ID, so their sha256 changes from one
build to the next; their text does not.
"""
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import openpyxl
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Border, Font, Side
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR, DEADLINE = 2024, "2024-12-15"

ROSTER = [
    ("县公安局", "公安局"),
    ("县市场监督管理局", "市场监管局"),
    ("县人力资源和社会保障局", "人社局"),
    ("县自然资源和规划局", "自然资源局"),
    ("县卫生健康局", "卫健局"),
    ("县住房和城乡建设局", "住建局"),
    ("县教育局", "教育局"),
    ("县交通运输局", "交通局"),
    ("县医疗保障局", "医保局"),
]
MISSING = ["县医疗保障局"]

KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
        "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
        "audience", "study_sessions", "new_media", "budget", "sections"]
ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]

# A document is a list of parts: ("title"|"h"|"p"|"sign", text) or ("table", rows[, widths_cm]).
DOCS = {}      # inbox name -> (kind, parts, options); kind: docx | scan | textpdf | encrypted | photo
TRUTH = {}     # inbox name -> truth entry
STATS = {}     # inbox name -> stats-form spec (xlsx -> text PDF)


def fields(**kw):
    f = {k: None for k in KEYS}
    f["new_media"], f["sections"] = [], []
    f.update(kw)
    return f


def ok(f):
    return {"status": "ok", "error_code": None, "unit": f["unit"], "doc_type": f["doc_type"], "fields": f}


def scanned(f):
    """A scan or photo: unreadable without OCR; with OCR its fields are what a clerk reads on the page."""
    return {"status": "error", "error_code": "scanned_no_text", "unit": f["unit"], "doc_type": f["doc_type"],
            "fields": f, "if_ocr": {"doc_type": f["doc_type"], "fields": f}}


# ================================================================ 自然资源局 (scanned PDF) ==
DOCS["自然资源局2024年度普法履职报告（扫描件）.pdf"] = ("scan", [
    ("title", "桐埠县自然资源和规划局2024年度“谁执法谁普法”履职情况报告"),
    ("p0", "县委全面依法治县委员会办公室、县普法办："),
    ("p", "今年以来，我局在县委、县政府的坚强领导和县普法办的精心指导下，紧紧围绕自然资源管理中心工作，"
          "认真落实“谁执法谁普法”普法责任制，把普法融入国土空间规划、耕地保护、矿产资源管理和不动产登记"
          "等各个环节，全局干部职工尊法学法守法用法意识明显增强，群众依法用地、依法用矿的自觉性不断提高。"
          "现将全年履职情况报告如下："),
    ("h", "一、基本情况"),
    ("p", "局党组高度重视普法工作，年初对法治建设暨普法工作领导小组进行了调整，党组书记、局长任组长，"
          "履行法治建设第一责任人职责；党组成员、副局长周立群分管普法工作，政策法规股具体承办，"
          "全县14个自然资源所各明确1名兼职普法联络员，形成了主要领导亲自抓、分管领导具体抓、股室所"
          "齐抓共管的工作格局。3月，我局印发《2024年度普法责任清单》，梳理普法事项18项，逐项明确普法对象、"
          "方式和责任股室。局党组将普法工作经费列入年度预算，保障了宣传资料印制和主题活动开展。"),
    ("h", "二、主要做法"),
    ("p", "（一）领导干部带头学法。全年党组理论学习中心组开展集体学法5次，专题学习了习近平法治思想、"
          "《中华人民共和国土地管理法实施条例》和新修订的《中华人民共和国矿产资源法》。组织执法人员参加"
          "全省行政执法人员网络培训，参训率100%。"),
    ("p", "（二）抓住节点集中宣传。以“4·22”世界地球日、“6·25”全国土地日、“12·4”国家宪法日为契机，"
          "在县城广场、集镇和村组开展主题宣传活动27场次，发放《土地管理法》《基本农田保护条例》宣传折页"
          "等资料9800余份，现场解答群众咨询1300余人次，受众达2.1万人次。"),
    ("p", "（三）执法办案中同步释法。全年共立案查处违法用地、违法采矿案件37宗，在调查取证、告知听证、"
          "处罚决定各环节向当事人讲清法律依据。从中选取农村乱占耕地建房、无证开采河砂等案件，编写报送"
          "以案释法典型案例6个，并在乡镇干部培训班上逐案讲解。"),
    ("p", "（四）运用新媒体拓展阵地。依托“桐埠自然资源”微信公众号开设“法规速递”“以案说法”栏目，"
          "全年推送普法信息86条；在县人民政府门户网站部门专栏同步发布政策解读和办事指南。"),
    ("h", "三、存在的问题"),
    ("p", "一是基层自然资源所人员少、任务重，普法联络员均为兼职，投入普法工作的精力不足；二是普法形式"
          "仍以发放资料、悬挂横幅为主，群众参与度不高；三是对农村建房户、砂石经营者等重点对象的精准普法"
          "还有差距。"),
    ("h", "四、下一步工作打算"),
    ("p", "一是推动普法与耕地保护“田长制”相结合，把法律政策送到田间地头；二是加强普法联络员业务培训，"
          "提升基层释法说理能力；三是深化以案释法，选取身边典型案例制作短视频，增强普法的针对性和实效性。"),
    ("sign", "桐埠县自然资源和规划局"),
    ("sign", "2024年12月10日"),
], {"seed": 14, "angles": [0.45, -0.3, 0.6]})
TRUTH["自然资源局2024年度普法履职报告（扫描件）.pdf"] = scanned(fields(
    unit="县自然资源和规划局", year=2024, doc_type="annual_report", date="2024-12-10",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=6,
    activities=27, materials=9800, consultations=1300, audience=21000, study_sessions=5,
    new_media=["微信公众号", "门户网站"], budget=True, sections=ALL4))

# ================================================================ 卫健局 (scanned PDF + docx) ==
DOCS["卫健局自查报告.pdf"] = ("scan", [
    ("title", "桐埠县卫生健康局关于2024年度普法责任制落实情况的自查报告"),
    ("p0", "县普法办："),
    ("p", "今年以来，我局坚持以习近平法治思想为指导，认真落实国家机关“谁执法谁普法”普法责任制。"
          "根据《关于开展2024年度国家机关“谁执法谁普法”履职报告评议工作的通知》要求，我局对照评议细则，"
          "对本年度普法责任制落实情况逐项进行了自查，现将自查情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "我局成立了以党组书记、局长为组长，其他班子成员为副组长，各股室负责人为成员的普法工作领导小组，"
          "并明确一名分管副局长具体负责普法工作。按照县普法办统一部署，3月份制定了本局普法责任清单，"
          "将《中华人民共和国基本医疗卫生与健康促进法》《中华人民共和国医师法》《医疗纠纷预防和处理条例》"
          "等列为普法重点。局党组把普法工作纳入年度工作要点，与卫生健康业务工作同部署、同检查、同考核。"),
    ("h", "二、落实普法责任制情况"),
    ("p", "（一）抓学法。局党组中心组全年安排集体学法3次，组织全系统卫生监督员参加执法资格培训。"),
    ("p", "（二）抓宣传。结合“世界卫生日”、民法典宣传月和“12·4”国家宪法日，开展“卫生法治进医院、"
          "进乡村、进学校”活动19场，发放健康与法治宣传资料4500份，义诊现场接受群众咨询860人次。"),
    ("p", "（三）抓以案释法。全年报送以案释法典型案例5个，其中第四季度2个，案例涉及非法行医、"
          "医疗废物处置等方面。"),
    ("p", "（四）抓新媒体。利用“健康桐埠”微信公众号和抖音号发布普法短视频、图文，扩大宣传覆盖面。"),
    ("p", "（五）抓执法普法融合。在医疗机构校验、公共场所卫生监督检查和职业卫生监督中推行说理式执法，"
          "执法人员在检查时同步讲解相关法律规定，对发现的问题现场指导整改，推动医疗卫生机构由被动接受"
          "监管向主动依法执业转变。同时，把普法工作纳入对各医疗卫生单位的年度目标考核，压实基层普法责任。"),
    ("h", "三、自查发现的问题"),
    ("p", "对照评议细则，我局主要存在以下不足：一是普法工作力量薄弱，局内未设立专门的普法工作机构，"
          "也未明确专人负责普法工作，相关任务由各股室临时分派；二是普法工作经费没有纳入年度预算，"
          "开展活动主要依靠业务经费统筹解决；三是乡镇卫生院、村卫生室普法工作开展不平衡。"),
    ("h", "四、整改措施"),
    ("p", "（一）年内研究确定普法联络员，明确一名工作人员负责普法日常工作；（二）积极向县财政争取"
          "专项普法经费；（三）加强对基层医疗卫生机构的督导，推动普法责任向基层延伸。"),
    ("sign", "桐埠县卫生健康局"),
    ("sign", "2024年12月6日"),
], {"seed": 7, "angles": [-0.55, 0.35, 0.2]})
TRUTH["卫健局自查报告.pdf"] = scanned(fields(
    unit="县卫生健康局", year=2024, doc_type="self_inspection", date="2024-12-06",
    leading_group=True, leader_in_charge=True, staff_assigned=False, duty_list=True, cases_total=5,
    activities=19, materials=4500, consultations=860, study_sessions=3,
    new_media=["微信公众号", "抖音"], budget=False, sections=ALL4))

DOCS["卫健局2024年第四季度以案释法典型案例.docx"] = ("docx", [
    ("title", "桐埠县卫生健康局2024年第四季度以案释法典型案例"),
    ("h", "案例一：刘某非法行医案"),
    ("p", "【基本案情】2024年10月，县卫生健康综合监督执法人员根据群众举报，在某村一民房内发现刘某"
          "未取得《医疗机构执业许可证》，擅自为村民输液、开具处方药品。执法人员当场查扣药品、器械一批。"),
    ("p", "【法律分析】《中华人民共和国基本医疗卫生与健康促进法》规定，未取得医疗机构执业许可证"
          "擅自执业的，由县级以上人民政府卫生健康主管部门责令停止执业活动，没收违法所得和药品、医疗器械，"
          "并处罚款。刘某不具备执业资质，其行为构成非法行医。"),
    ("p", "【典型意义】非法行医严重威胁群众生命健康。本案提醒群众生病应到正规医疗机构就诊，"
          "也警示无资质人员不得从事诊疗活动。"),
    ("h", "案例二：某诊所使用非卫生技术人员从事医疗卫生技术工作案"),
    ("p", "【基本案情】2024年11月，执法人员在日常监督检查中发现，城关镇某诊所安排一名未取得"
          "执业资格的人员从事护理工作。"),
    ("p", "【法律分析】《医疗机构管理条例》规定，医疗机构不得使用非卫生技术人员从事医疗卫生技术工作。"
          "该诊所的行为违反上述规定，县卫生健康局依法给予警告并处罚款，责令立即改正。"),
    ("p", "【典型意义】医疗机构是依法执业的第一责任人，必须严把人员准入关，切实保障医疗质量和患者安全。"),
    ("sign", "桐埠县卫生健康局"),
    ("sign", "2024年12月6日"),
], {})
TRUTH["卫健局2024年第四季度以案释法典型案例.docx"] = ok(fields(
    unit="县卫生健康局", year=2024, doc_type="case_report", date="2024-12-06", cases_total=2))

# ================================================================ 公安局 (docx + photo) ==
DOCS["县公安局2024年度“谁执法谁普法”履职报告.docx"] = ("docx", [
    ("title", "桐埠县公安局2024年度“谁执法谁普法”普法履职报告"),
    ("h", "一、工作概况"),
    ("p", "2024年，县公安局坚持把普法作为公安机关的一项基础性工作，以“八五”普法规划为引领，紧扣打击"
          "防范电信网络诈骗、禁毒、道路交通安全和校园安全等群众关切，推动执法办案与普法宣传同部署、"
          "同推进。局党委调整充实了普法依法治理工作领导小组，局党委书记、局长任组长，分管法制工作的"
          "党委委员、副局长任副组长并具体抓落实，法制大队负责日常工作，各派出所、警种部门各确定1名民警"
          "担任普法联络员。对照上级公安机关普法责任清单，结合本县实际制定了本局2024年度普法责任清单，"
          "共列明重点普法事项12项。"),
    ("h", "二、主要举措"),
    ("p", "（一）坚持领导带头学。局党委理论学习中心组开展集体学法两次，专题学习《中华人民共和国治安管理"
          "处罚法》修订内容和《中华人民共和国反电信网络诈骗法》；组织全警参加执法资格等级考试，"
          "参考民警196人。"),
    ("p", "（二）聚焦重点精准宣。深入推进反诈宣传“进社区、进校园、进企业、进农村”，结合“6·26”国际"
          "禁毒日、“全国交通安全日”和宪法宣传周，开展各类普法宣传活动112场次，发放反诈宣传单、禁毒"
          "宣传册等资料6.8万份，受教育群众逾4万人次。"),
    ("p", "（三）以案释法警示教育。坚持“一案一普法”，在案件办结后向当事人及其家属释法说理，全年报送"
          "以案释法典型案例8个，其中电信网络诈骗类3个、酒驾醉驾类2个。"),
    ("p", "（四）新媒体矩阵发力。“桐埠公安”微信公众号、微博、抖音号和快手号联动发布，全年推送原创普法"
          "短视频90余条，单条最高播放量超过20万次。"),
    ("p", "（五）执法规范化促普法。持续推进执法办案管理中心建设，严格落实执法全过程记录和法制审核制度，"
          "在接处警、案件办理和窗口服务中推行“说理式执法”，把讲法析理贯穿执法办案各环节，"
          "让群众在每一起案件中感受到公平正义。"),
    ("h", "三、存在不足"),
    ("p", "一是普法宣传与执法办案结合还不够紧密，部分民警仍存在“重执法、轻普法”思想；二是面向老年人、"
          "留守群体的反诈宣传方式较为单一；三是普法效果评估机制尚不健全。"),
    ("h", "四、2025年工作思路"),
    ("p", "一是健全“一案一普法”长效机制，将普法纳入执法质量考评；二是探索“民警+网格员”联合普法，"
          "将普法宣传延伸到户；三是持续打造“桐埠公安”新媒体普法品牌，讲好身边的法治故事。"),
    ("sign", "桐埠县公安局"),
    ("sign", "2024年12月3日"),
], {})
TRUTH["县公安局2024年度“谁执法谁普法”履职报告.docx"] = ok(fields(
    unit="县公安局", year=2024, doc_type="annual_report", date="2024-12-03",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=8,
    activities=112, materials=68000, audience=40000, study_sessions=2,
    new_media=["微信公众号", "微博", "抖音", "快手"], sections=ALL4))

DOCS["公安局普法责任清单.jpg"] = ("photo", [
    ("title", "桐埠县公安局2024年度普法责任清单"),
    ("table", [
        ["序号", "普法内容", "普法对象", "普法方式", "责任部门", "完成时限"],
        ["1", "《中华人民共和国宪法》", "全体民警、辅警", "集体学习、专题讲座", "政治处", "全年"],
        ["2", "《中华人民共和国反电信网络诈骗法》", "社区群众、老年人、在校学生", "反诈宣讲、入户走访、新媒体推送",
         "刑侦大队、各派出所", "全年"],
        ["3", "《中华人民共和国禁毒法》", "青少年、娱乐场所从业人员", "禁毒宣传进校园、专题展览", "禁毒大队", "6月底前"],
        ["4", "《中华人民共和国道路交通安全法》", "机动车驾驶人、中小学生", "交通安全课、曝光台", "交警大队", "全年"],
        ["5", "《中华人民共和国治安管理处罚法》", "辖区群众、行政相对人", "执法现场释法、以案说法", "治安大队、法制大队", "全年"],
        ["6", "《中华人民共和国反有组织犯罪法》", "社会公众", "宣传栏、广播、发放资料", "刑侦大队", "12月底前"],
    ], [1.3, 6.2, 5.0, 5.6, 4.0, 2.6]),
    ("sign", "桐埠县公安局"),
    ("sign", "2024年3月8日"),
], {"seed": 3, "angle": -0.8, "landscape": True})
TRUTH["公安局普法责任清单.jpg"] = scanned(fields(
    unit="县公安局", year=2024, doc_type="duty_list", date="2024-03-08", duty_list=True))

# ================================================================ 市场监管局 (text PDF) ==
DOCS["桐埠县市场监督管理局2024年度普法履职报告.pdf"] = ("textpdf", [
    ("title", "桐埠县市场监督管理局2024年度普法履职报告"),
    ("h", "一、基本情况"),
    ("table", [
        ["项  目", "情  况"],
        ["普法工作领导小组", "已成立，2024年3月因人员变动作了调整，局长任组长"],
        ["分管领导", "党组成员、副局长 陈建华"],
        ["具体承办股室", "法规股（普法联络员：李冬梅）"],
        ["普法责任清单", "已制定，2024年2月印发"],
        ["普法经费", "纳入年度部门预算，全年安排6万元"],
        ["以案释法典型案例", "报送4个"],
        ["领导班子集体学法", "4次"],
        ["政务新媒体", "“桐埠市场监管”微信公众号、视频号"],
    ], [4.5, 11.0]),
    ("h", "二、工作开展情况"),
    ("p", "（一）围绕重要节点开展主题普法。我局把“3·15”国际消费者权益日、食品安全宣传周、“质量月”"
          "和宪法宣传周作为普法的重要窗口，组织执法人员走进商场超市、农贸市场、学校食堂和特种设备"
          "使用单位，面对面宣讲《中华人民共和国消费者权益保护法》《中华人民共和国食品安全法》等法律法规。"
          "全年组织开展普法宣传活动41场次，发放宣传资料2.3万份，接受群众法律咨询1560人次，"
          "受教育群众3.5万人次。"),
    ("p", "（二）把普法贯穿执法办案全过程。全年办理行政处罚案件186件，全部使用说理式执法文书，"
          "在告知、听证、决定等环节讲清事实、讲明法理；对首次轻微违法的经营者依法不予处罚并开展"
          "行政指导，做到处罚与教育相结合。从办结案件中选取虚假宣传、销售过期食品、电梯未按期检验"
          "和价格欺诈四类案件，整理形成以案释法典型案例报送县普法办。"),
    ("p", "（三）面向经营主体开展精准普法。在登记注册窗口设立“合规提示台”，向新登记的1200余户"
          "经营主体推送合规经营提示；针对个体工商户和小微企业举办公平竞争审查、广告合规等专题培训，"
          "引导经营者从“被动守法”向“主动合规”转变。"),
    ("p", "（四）依托投诉举报处置开展普法。全年受理消费投诉举报2140件，在调解过程中向双方当事人释明"
          "权利义务，推动消费纠纷在基层一线化解。对群众反映集中的预付式消费、网络购物退换货等问题，"
          "及时梳理形成消费提示，通过广播、电子显示屏等渠道向社会发布。"),
    ("h", "三、问题与不足"),
    ("p", "一是基层市场监管所执法任务繁重，普法工作投入的时间和精力相对不足；二是新业态、新模式"
          "经营者的普法覆盖还不全面，网络直播营销等领域的普法内容有待丰富；三是普法效果评估以"
          "活动次数、发放资料数量为主，对群众满意度的跟踪不够。"),
    ("h", "四、下一步工作安排"),
    ("p", "一是结合《中华人民共和国法治宣传教育法》的施行，完善本局普法责任清单和年度普法计划；"
          "二是加强网络交易、直播营销等新业态普法，持续推出短视频普法产品；三是健全普法效果评估机制，"
          "把群众满意度作为衡量普法成效的重要标准。"),
    ("sign", "桐埠县市场监督管理局"),
    ("sign", "2024年12月9日"),
], {"header": "桐埠县市场监督管理局", "footer_page": True})
TRUTH["桐埠县市场监督管理局2024年度普法履职报告.pdf"] = ok(fields(
    unit="县市场监督管理局", year=2024, doc_type="annual_report", date="2024-12-09",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=41, materials=23000, consultations=1560, audience=35000, study_sessions=4,
    new_media=["微信公众号", "视频号"], budget=True, sections=ALL4))

# ================================================================ 人社局 (docx + stats text PDF) ==
DOCS["人社局2024年度普法工作总结.docx"] = ("docx", [
    ("title", "桐埠县人力资源和社会保障局2024年度普法工作总结"),
    ("p", "2024年，我局以保障劳动者合法权益、构建和谐劳动关系为主线，坚持把普法融入就业创业、社会保障、"
          "劳动关系协调和人事人才管理等各项业务工作之中，扎实推进“谁执法谁普法”普法责任制落实，"
          "现将全年工作总结如下。"),
    ("h", "一、基本情况"),
    ("p", "局普法工作领导小组由局长任组长，分管副局长任副组长，各股室、二级机构负责人为成员，"
          "领导小组办公室设在政策法规股，股内配备1名专职人员负责普法日常工作。年初制定了"
          "《2024年度普法责任清单》，将劳动合同、工资支付、社会保险、工伤保险等领域的普法任务"
          "分解到股室和二级机构。"),
    ("h", "二、主要工作"),
    ("p", "（一）领导班子学法常态化。局党组理论学习中心组全年集体学法3次，重点学习了《保障农民工"
          "工资支付条例》和《中华人民共和国社会保险法》。"),
    ("p", "（二）根治欠薪普法不断线。围绕根治欠薪冬季专项行动和“尊法守法·携手筑梦”服务农民工"
          "公益法律服务行动，开展送法进企业、进工地活动28场次，发放宣传资料1万余份，解答劳动保障"
          "法律咨询1370人次，受教育职工群众8700余人次。"),
    ("p", "（三）以案释法注重实效。结合劳动保障监察和劳动人事争议仲裁办案，全年报送以案释法典型案例"
          "5个，第三季度因人员调整未能按时报送。"),
    ("p", "（四）政策宣传触手可及。通过“桐埠人社”微信公众号开设“人社政策问答”专栏，并利用12333"
          "短信平台向参保群众推送待遇领取、资格认证等政策提醒。"),
    ("p", "（五）执法过程同步普法。在劳动保障监察执法中推行“首违不罚”和告知承诺，对轻微违法的用人单位"
          "以约谈提醒、指导整改为主，讲清法律责任；在劳动人事争议仲裁庭审中引导当事人理性维权，"
          "在工伤认定、社保稽核等环节一次性告知申请人权利义务，把普法贯穿于窗口服务和执法办案全过程。"),
    ("h", "三、存在的不足"),
    ("p", "一是以案释法工作存在断档，案例报送不够均衡；二是对灵活就业人员、新就业形态劳动者的"
          "普法覆盖不够，部分小微企业负责人对劳动合同签订、社会保险缴纳等法定义务认识仍不到位；"
          "三是普法宣传手段还不够丰富，线上线下融合不够，群众喜闻乐见的普法产品偏少。"),
    ("h", "四、下一步计划"),
    ("p", "落实每季度报送典型案例的要求，建立案例储备库；聚焦新就业形态劳动者权益保障开展专题普法；"
          "探索在零工市场设立普法驿站，推动普法服务常态化。"),
    ("sign", "桐埠县人力资源和社会保障局"),
    ("sign", "2024年12月11日"),
], {})
TRUTH["人社局2024年度普法工作总结.docx"] = ok(fields(
    unit="县人力资源和社会保障局", year=2024, doc_type="annual_report", date="2024-12-11",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=5,
    activities=28, materials=10000, consultations=1370, audience=8700, study_sessions=3,
    new_media=["微信公众号", "短信"], sections=ALL4))

STATS_ROWS = [
    ["第一季度", 6, 2200, 310, 1800, 2, 1],
    ["第二季度", 9, 3600, 420, 2600, 1, 0],
    ["第三季度", 5, 1500, 260, 1200, 0, 1],
    ["第四季度", 8, 2900, 380, 3100, 2, 1],
]
DOCS["人社局2024年普法工作统计表.pdf"] = ("stats", [], {
    "title": "桐埠县人力资源和社会保障局2024年度普法工作统计表",
    "sub": ["填报单位：桐埠县人力资源和社会保障局（盖章）", "填报日期：2024年12月11日"],
    "head": ["季度", "普法宣传活动\n（场次）", "发放宣传资料\n（份）", "法律咨询\n（人次）",
             "受教育群众\n（人次）", "以案释法典型案例\n（个）", "领导班子集体学法\n（次）"],
    "rows": STATS_ROWS,
    "foot": "填表人：黄丽　　审核人：赵振国　　联系电话：0396-5521306",
})
TRUTH["人社局2024年普法工作统计表.pdf"] = ok(fields(
    unit="县人力资源和社会保障局", year=2024, doc_type="stats_form", date="2024-12-11",
    cases_total=5, cases_by_quarter=[2, 1, 0, 2], activities=28, materials=10200, consultations=1370,
    audience=8700, study_sessions=3))

# ================================================================ 住建局 (docx + encrypted PDF) ==
DOCS["住建局2024年普法工作总结.docx"] = ("docx", [
    ("title", "桐埠县住房和城乡建设局2024年普法工作总结"),
    ("p", "2024年，我局认真贯彻落实“八五”普法规划和国家机关“谁执法谁普法”普法责任制要求，坚持把普法"
          "工作与住房城乡建设中心工作同谋划、同部署、同推进，着力提升行业从业人员法治意识和依法经营水平，"
          "为全县城乡建设高质量发展营造了良好的法治环境。现将全年工作情况总结如下。"),
    ("h", "一、基本情况"),
    ("p", "年初，局党组调整了普法工作领导小组，党组书记、局长任组长，分管副局长王海涛具体负责，"
          "城建监察大队法制室确定专人承担普法日常工作。结合住建领域执法职责，制定了《县住建局2024年度"
          "普法责任清单》，对建筑市场、工程质量安全、物业管理、城镇燃气等方面的普法任务逐项明确"
          "责任股室。普法经费纳入局年度财政预算，做到专款专用。"),
    ("h", "二、主要做法"),
    ("p", "（一）班子学法。局党组结合理论学习开展集体学法1次，学习了《建设工程质量管理条例》"
          "和《物业管理条例》修订内容。"),
    ("p", "（二）主题宣传。围绕“安全生产月”、城镇燃气安全专项整治和农民工工资支付等重点工作，"
          "在建筑工地、住宅小区开展普法宣传活动15场次，发放资料3000余份，覆盖施工企业、物业服务企业"
          "从业人员及业主2600余人次。"),
    ("p", "（三）以案释法。结合城建监察执法和建筑市场检查，整理违法建设、燃气违规经营、拖欠农民工"
          "工资等典型案件，向县普法办报送以案释法典型案例4个（案例汇编另附）。"),
    ("p", "（四）网上普法。在县人民政府门户网站住建局专栏发布政策解读、办事指南和典型案例，"
          "方便群众随时查阅。"),
    ("p", "（五）执法普法融合。在建筑工程质量安全检查、燃气经营许可核查中，执法人员同步讲解法律"
          "规定和违法后果，督促企业落实主体责任，做到检查一处、规范一处、教育一片。"),
    ("p", "（六）服务群众释法。在住房保障、物业纠纷调处和房屋安全鉴定等窗口服务中，工作人员主动向群众"
          "讲解申请条件、办理程序和相关权利义务；对业主反映集中的物业服务收费、维修资金使用等问题，"
          "会同街道、社区上门答疑，引导群众通过法定渠道表达诉求、化解矛盾。"),
    ("h", "三、下一步打算"),
    ("p", "2025年，我局将把集体学法纳入党组年度学习计划，增加学法频次；围绕城镇燃气、自建房安全等"
          "群众关切开展专题普法；加强与街道、社区的协作，推动住建领域法律法规进小区、进工地、进企业；"
          "进一步规范案例报送工作，把以案释法贯穿于执法办案全过程，不断提升住建系统依法行政水平。"),
    ("sign", "桐埠县住房和城乡建设局"),
    ("sign", "2024年12月12日"),
], {})
TRUTH["住建局2024年普法工作总结.docx"] = ok(fields(
    unit="县住房和城乡建设局", year=2024, doc_type="annual_report", date="2024-12-12",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=15, materials=3000, audience=2600, study_sessions=1,
    new_media=["门户网站"], budget=True, sections=["基本情况", "主要做法", "下一步打算"]))

ZJ_CASES = [
    ("某房地产开发公司未取得施工许可擅自施工案", "2024年4月，执法人员发现某房地产开发公司在未取得建筑工程施工许可证的情况下擅自开工建设。",
     "依据《中华人民共和国建筑法》和《建筑工程施工许可管理办法》，建设单位未取得施工许可证擅自施工的，责令停止施工，限期改正，并处罚款。"),
    ("某燃气经营者无证经营瓶装燃气案", "2024年6月，执法人员在检查中发现一处瓶装液化石油气供应点未取得燃气经营许可证。",
     "依据《城镇燃气管理条例》，未取得燃气经营许可证从事燃气经营活动的，责令停止违法行为，没收违法所得，并处罚款。"),
    ("某劳务公司拖欠农民工工资案", "2024年8月，某项目部农民工反映被拖欠工资，经查系劳务公司未按月足额支付。",
     "依据《保障农民工工资支付条例》，施工总承包单位对所承包工程的农民工工资支付负总责，分包单位拖欠的，由总包单位先行清偿。"),
    ("某物业公司擅自占用共用部位经营案", "2024年10月，业主投诉某物业公司将小区架空层出租用于经营。",
     "依据《物业管理条例》，物业服务企业不得擅自改变物业管理区域内共用部位、共用设施设备的用途。"),
]
zj = [("title", "桐埠县住房和城乡建设局2024年以案释法典型案例汇编")]
for i, (name, facts, law) in enumerate(ZJ_CASES):
    zj += [("h", f"案例{'一二三四'[i]}：{name}"), ("p", f"【基本案情】{facts}"), ("p", f"【以案释法】{law}")]
zj += [("sign", "桐埠县住房和城乡建设局"), ("sign", "2024年12月12日")]
DOCS["住建局以案释法典型案例汇编.pdf"] = ("encrypted", zj, {"password": "tb2024"})
TRUTH["住建局以案释法典型案例汇编.pdf"] = {
    "status": "error", "error_code": "encrypted", "unit": "县住房和城乡建设局", "doc_type": None,
    "fields": fields(unit="县住房和城乡建设局")}

# ================================================================ 教育局 (thin docx) ==
DOCS["教育局2024年普法工作开展情况.docx"] = ("docx", [
    ("title", "县教育局2024年普法工作开展情况"),
    ("p", "2024年，我局围绕青少年法治教育这一重点，扎实推进“谁执法谁普法”工作。局长是本单位普法工作"
          "第一责任人，局办公室指定一名工作人员兼职负责普法工作的日常联络。"),
    ("h", "一、主要工作"),
    ("p", "1.开展“法治进校园”巡讲活动46场，覆盖全县中小学师生3.2万人次。全县中小学均配备了法治副校长，"
          "共68名。"),
    ("p", "2.局党组中心组学法3次，学习《中华人民共和国未成年人保护法》《中华人民共和国预防未成年人犯罪法》。"),
    ("p", "3.通过“桐埠教育”微信公众号和视频号推送校园安全、防范校园欺凌等普法内容。"),
    ("p", "4.报送以案释法案例2个。"),
    ("h", "二、存在问题"),
    ("p", "本单位2024年度普法责任清单正在修订完善，尚未正式印发；以案释法案例报送数量偏少。"),
    ("h", "三、下步打算"),
    ("p", "抓紧印发普法责任清单，加大以案释法案例收集力度，继续做好宪法宣传周“宪法进校园”活动。"),
    ("sign", "桐埠县教育局"),
    ("sign", "2024年12月13日"),
], {})
TRUTH["教育局2024年普法工作开展情况.docx"] = ok(fields(
    unit="县教育局", year=2024, doc_type="annual_report", date="2024-12-13",
    leader_in_charge=True, staff_assigned=True, duty_list=False, cases_total=2,
    activities=46, audience=32000, study_sessions=3, new_media=["微信公众号", "视频号"],
    sections=["主要做法", "存在问题", "下一步打算"]))

# ================================================================ 交通局 (late docx) ==
DOCS["交通运输局2024年度普法履职报告.docx"] = ("docx", [
    ("title", "桐埠县交通运输局2024年度普法履职报告"),
    ("p0", "县普法办："),
    ("p", "按照县委全面依法治县委员会办公室关于开展年度普法履职评议的安排，现将我局2024年"
          "落实“谁执法谁普法”普法责任制情况报告如下。一年来，我局紧紧围绕交通强县建设目标，把普法工作"
          "作为推进交通运输治理体系和治理能力现代化的基础性工作来抓，取得了一定成效。"),
    ("h", "一、基本情况"),
    ("p", "局党组对普法工作领导小组进行了调整充实，明确党组书记、局长为第一责任人，分管副局长杨帆同志"
          "具体分管普法工作，法制股确定专人负责普法日常事务，各交通运输执法中队均有兼职普法员。"
          "年初制定了本局2024年度普法责任清单，把道路运输、公路路政、水路交通、工程建设等领域的普法任务"
          "细化到股室和中队。"),
    ("h", "二、主要做法"),
    ("p", "（一）领导干部学法示范引领。局党组理论学习中心组全年开展集体学法3次，学习了《中华人民共和国"
          "安全生产法》《中华人民共和国公路法》和《道路运输条例》。"),
    ("p", "（二）重点群体精准普法。结合“安全生产月”“122全国交通安全日”和宪法宣传周，深入客运站、"
          "物流园区、驾培机构和农村公路沿线村组，全年开展普法宣传活动二十六场次，发放宣传资料七千余份，"
          "解答群众咨询四百余人次，受教育群众一万余人次。"),
    ("p", "（三）以案释法常态推进。第一至第四季度各报送以案释法典型案例1件，全年共4件，涵盖超限超载、"
          "非法营运、危险货物运输等领域。"),
    ("p", "（四）新媒体普法扩面增效。通过局微信公众号“桐埠交通”和今日头条号发布普法信息、执法动态，"
          "方便群众了解交通运输法律法规。"),
    ("p", "（五）执法过程融入普法。严格落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，"
          "在路面执法和源头治超中坚持“执法前告知、执法中说理、执法后回访”，对初次轻微违法的从业人员"
          "以教育劝导为主，让每一次执法检查都成为一次普法宣传，执法相对人对执法工作的理解和支持明显增强。"),
    ("h", "三、存在问题"),
    ("p", "普法队伍专业化程度不高，兼职普法员流动性较大，部分执法人员释法说理能力有待提升；农村地区"
          "普法宣传的频次和覆盖面仍然不足，面向网约车、货车司机等流动群体的普法手段不多；"
          "以案释法案例的深度挖掘和传播不够。"),
    ("h", "四、下一步打算"),
    ("p", "2025年，我局计划开展普法宣传活动不少于30场次，报送以案释法典型案例不少于6件，重点围绕"
          "新修订的法律法规组织执法人员专题培训，推动交通运输领域普法工作提质增效。"),
    ("sign", "桐埠县交通运输局"),
    ("sign", "2024年12月20日"),
], {})
TRUTH["交通运输局2024年度普法履职报告.docx"] = ok(fields(
    unit="县交通运输局", year=2024, doc_type="annual_report", date="2024-12-20",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    cases_by_quarter=[1, 1, 1, 1], activities=26, materials=7000, consultations=400, audience=10000,
    study_sessions=3, new_media=["微信公众号", "今日头条"], sections=ALL4))

FINDINGS = {
    "县公安局": ["unreadable_file"],
    "县市场监督管理局": [],
    "县人力资源和社会保障局": ["quarter_without_case"],
    "县自然资源和规划局": ["unreadable_file"],
    "县卫生健康局": ["unreadable_file", "no_staff_assigned"],
    "县住房和城乡建设局": ["unreadable_file", "study_below_min", "missing_section"],
    "县教育局": ["cases_below_min", "no_duty_list", "no_leading_group", "missing_section", "too_thin"],
    "县交通运输局": ["late_submission"],
    "县医疗保障局": ["missing_submission"],
}


# ------------------------------------------------------------------------------ writers --
def set_font(doc, size):
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def add_page_field(par):
    par.add_run("— ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)
    par.add_run(" —")


def write_docx(path, parts, size=16, landscape=False, header=None, footer_page=False):
    doc = Document()
    set_font(doc, size)
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.top_margin = sec.bottom_margin = Cm(2.0)
        sec.left_margin = sec.right_margin = Cm(2.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
        sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
        hp.alignment = 1
        for r in hp.runs:
            r.font.size = Pt(10.5)
    if footer_page:
        fp = sec.footer.paragraphs[0]
        fp.alignment = 1
        add_page_field(fp)
    for part in parts:
        kind, body = part[0], part[1]
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = 1
            run = p.add_run(body)
            run.bold, run.font.size = True, Pt(size + 5)
        elif kind == "h":
            doc.add_paragraph().add_run(body).bold = True
        elif kind == "table":
            table = doc.add_table(rows=len(body), cols=len(body[0]))
            table.style = "Table Grid"
            widths = part[2] if len(part) > 2 else None
            for r, row in enumerate(body):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if widths:
                        cell.width = Cm(widths[c])
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        elif kind == "p0":
            doc.add_paragraph(body)
        elif kind == "p":
            p = doc.add_paragraph(body)
            p.paragraph_format.first_line_indent = Pt(size * 2)
        elif kind == "sign":
            p = doc.add_paragraph(body)
            p.alignment = 2
    doc.save(path)


def soffice_pdf(src, outdir, filt="pdf"):
    subprocess.run(["soffice", "--headless", "--convert-to", filt, "--outdir", str(outdir), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return Path(outdir) / (Path(src).stem + ".pdf")


def rasterise(pdf, outdir, dpi=150):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(outdir) / "pg")], check=True)
    return sorted(Path(outdir).glob("pg-*.png"))


def scan_page(png, angle, rng):
    """Grey, slightly tilted, speckled page as a flatbed scanner at 150 dpi would give it."""
    im = Image.open(png).convert("L")
    im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(im).astype(np.float32)
    a = a * 0.92 + 12                       # slightly grey paper, slightly weaker black
    a += rng.normal(0, 7, a.shape)          # sensor noise
    specks = rng.random(a.shape) < 0.0004   # dust
    a[specks] = rng.uniform(40, 120, int(specks.sum()))
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return im.filter(ImageFilter.GaussianBlur(0.35))


def write_scan(path, parts, opts, tmp):
    docx = tmp / (path.stem + ".docx")
    write_docx(docx, parts, size=14)
    pdf = soffice_pdf(docx, tmp)
    pages = rasterise(pdf, tmp / "png")
    assert len(pages) <= 3, (path.name, len(pages))
    rng = np.random.default_rng(opts["seed"])
    ims = [scan_page(p, opts["angles"][i], rng) for i, p in enumerate(pages)]
    stamp = time.struct_time((2024, 12, 10, 8, 30, 0, 1, 345, 0))
    ims[0].save(path, "PDF", resolution=150.0, save_all=True, append_images=ims[1:],
                creationDate=stamp, modDate=stamp, producer="Scanner", title="")
    return len(pages)


def write_photo(path, parts, opts, tmp):
    """A phone photo of a printed landscape table lying on a desk."""
    docx = tmp / (path.stem + ".docx")
    write_docx(docx, parts, size=12, landscape=opts.get("landscape", False))
    pdf = soffice_pdf(docx, tmp)
    pages = rasterise(pdf, tmp / "png", dpi=150)
    assert len(pages) == 1, (path.name, len(pages))
    rng = np.random.default_rng(opts["seed"])
    page = Image.open(pages[0]).convert("RGB")
    w, h = page.size
    a = np.asarray(page).astype(np.float32)
    a = a * np.array([0.96, 0.95, 0.90]) + np.array([4, 4, 6])   # warm paper
    page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    page = page.rotate(opts["angle"], resample=Image.BICUBIC, expand=True, fillcolor=(150, 132, 108))
    # slight keystone: top edge a little narrower than the bottom
    pw, ph = page.size
    d = int(pw * 0.012)
    page = page.transform((pw, ph), Image.QUAD, (-d, 0, d // 2, ph, pw - d // 2, ph, pw + d, 0),
                          resample=Image.BICUBIC, fillcolor=(150, 132, 108))
    mx, my = 70, 60
    canvas = Image.new("RGB", (pw + 2 * mx, ph + 2 * my), (150, 132, 108))
    canvas.paste(page, (mx, my))
    c = np.asarray(canvas).astype(np.float32)
    yy, xx = np.mgrid[0:c.shape[0], 0:c.shape[1]]
    light = 1.0 - 0.10 * (xx / c.shape[1]) - 0.06 * (yy / c.shape[0])   # lamp from the upper left
    c = c * light[..., None] + rng.normal(0, 5, c.shape)
    canvas = Image.fromarray(np.clip(c, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    canvas.save(path, "JPEG", quality=85)


def write_textpdf(path, parts, opts, tmp):
    docx = tmp / (path.stem + ".docx")
    write_docx(docx, parts, header=opts.get("header"), footer_page=opts.get("footer_page", False))
    pdf = soffice_pdf(docx, tmp)
    shutil.copyfile(pdf, path)


def write_encrypted(path, parts, opts, tmp):
    """LibreOffice's own PDF export with an open password (neither pypdf nor qpdf is installed here)."""
    docx = tmp / (path.stem + ".docx")
    write_docx(docx, parts)
    filt = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"%s"}}' % opts["password"])
    pdf = soffice_pdf(docx, tmp, filt)
    shutil.copyfile(pdf, path)


def write_stats(path, spec, tmp):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "统计表"
    ncol = len(spec["head"])
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.append([spec["title"]])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = center
    ws.row_dimensions[1].height = 36
    ws.append([spec["sub"][0]] + [""] * (ncol - 3) + [spec["sub"][1], ""])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol - 2)
    ws.merge_cells(start_row=2, start_column=ncol - 1, end_row=2, end_column=ncol)
    ws.append(spec["head"])
    ws.row_dimensions[3].height = 40
    for row in spec["rows"]:
        ws.append(row)
    total = ["合计"] + [sum(r[c] for r in spec["rows"]) for c in range(1, ncol)]
    ws.append(total)
    last = ws.max_row
    for r in range(3, last + 1):
        for c in range(1, ncol + 1):
            cell = ws.cell(r, c)
            cell.border = box
            cell.alignment = center
            cell.font = Font(name="宋体", size=12, bold=(r == 3 or r == last))
    ws.append([spec["foot"]])
    ws.merge_cells(start_row=last + 1, start_column=1, end_row=last + 1, end_column=ncol)
    ws.column_dimensions["A"].width = 12
    for col in "BCDEFG":
        ws.column_dimensions[col].width = 17
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    xlsx = tmp / (path.stem + ".xlsx")
    wb.save(xlsx)
    pdf = soffice_pdf(xlsx, tmp)
    shutil.copyfile(pdf, path)


def write_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["序号", "单位名称", "简称"])
    for i, (name, short) in enumerate(ROSTER, 1):
        ws.append([i, name, short])
    ws.column_dimensions["B"].width = 28
    wb.save(path)


def build_truth():
    units = {}
    for path, e in TRUTH.items():
        units.setdefault(e["unit"], []).append(path)
    return {"year": YEAR, "deadline": DEADLINE, "files": TRUTH,
            "units": {u: {"findings": FINDINGS[u], "files": sorted(units.get(u, []))} for u in FINDINGS},
            "missing_units": MISSING}


def text_len(parts):
    n = 0
    for part in parts:
        if part[0] == "table":
            n += sum(len(x) for row in part[1] for x in row)
        else:
            n += len(part[1])
    return n


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    with tempfile.TemporaryDirectory() as t:
        for i, (name, (kind, parts, opts)) in enumerate(DOCS.items()):
            tmp = Path(t) / f"d{i}"
            (tmp / "png").mkdir(parents=True)
            out = INBOX / name
            note = ""
            if kind == "docx":
                write_docx(out, parts)
            elif kind == "scan":
                note = f"{write_scan(out, parts, opts, tmp)} pages"
            elif kind == "photo":
                write_photo(out, parts, opts, tmp)
            elif kind == "textpdf":
                write_textpdf(out, parts, opts, tmp)
            elif kind == "encrypted":
                write_encrypted(out, parts, opts, tmp)
            elif kind == "stats":
                write_stats(out, opts, tmp)
            print(f"{text_len(parts):5d} chars  {kind:9s} {name} {note}")
    write_roster(HERE / "roster.xlsx")
    (HERE / "truth.json").write_text(json.dumps(build_truth(), ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")


if __name__ == "__main__":
    main()
