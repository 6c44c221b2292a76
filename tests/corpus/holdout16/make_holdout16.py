#!/usr/bin/env python3
"""Build the holdout16 corpus: INBOX/, roster.xlsx, truth.json.

Fictional 砾泉市 (a 县级市 under the fictional 河阳市, in a western province), report year 2025,
deadline 2025-12-10.  Theme: the odd file formats real offices send -- .wps, .et, a Word web page
(.htm, .mht), a .doc that is really HTML, .rtf, .docx with tracked changes and comments, .docx with
a text box and footnotes, a two-sheet .xlsx with cached formula values, and a GBK .txt.

Needs python-docx, openpyxl and LibreOffice (`soffice`, for the .wps and .et).  Run from anywhere:
    python tests/corpus/holdout16/make_holdout16.py
"""
import io
import json
import quopri
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
from docx import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from lxml import etree
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR, DEADLINE = 2025, "2025-12-10"

ROSTER = [
    ("市自然资源局", "自然资源局"),
    ("市人力资源和社会保障局", "人社局"),
    ("市卫生健康局", "卫健局"),
    ("市教育局", "教育局"),
    ("市应急管理局", "应急局"),
    ("市市场监督管理局", "市场监管局"),
    ("河阳市生态环境局砾泉分局", "生态环境分局"),
    ("市农业农村局", "农业农村局"),
    ("市水务局", "水务局"),
]

KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
        "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
        "audience", "study_sessions", "new_media", "budget", "sections"]
ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]

TRUTH = {}


def fields(**kw):
    f = {k: None for k in KEYS}
    f["new_media"], f["sections"] = [], []
    f["year"] = YEAR
    f.update(kw)
    return f


# =====================================================================================
# 1. 自然资源局 -- annual report as a WPS text file (.wps) and duty list as WPS sheet (.et)
# =====================================================================================
ZRZY_REPORT = [
    ("title", "砾泉市自然资源局2025年度“谁执法谁普法”普法责任制落实情况报告"),
    ("p0", "市委全面依法治市委员会办公室："),
    ("p", "2025年，我局在市委、市政府的坚强领导和市委依法治市办的具体指导下，深入学习贯彻习近平法治思想，"
          "紧扣自然资源管理职能，把普法融入土地、矿产、测绘和国土空间规划管理全过程，“谁执法谁普法”"
          "普法责任制得到较好落实。现将有关情况报告如下："),
    ("h", "一、基本情况"),
    ("p", "我局高度重视普法工作，年初根据人员变动及时调整了普法工作领导小组，局党组书记、局长任组长，"
          "分管政策法规工作的副局长马建军同志任副组长并具体负责，成员由各股室、自然资源所负责人组成。"
          "领导小组办公室设在政策法规股，配备1名专职工作人员，各自然资源所各明确1名普法联络员。"
          "3月印发《砾泉市自然资源局2025年度普法责任清单》，将23部重点法律法规的宣传任务分解落实到股室和所。"
          "普法工作经费列入部门年度预算，全年安排专项经费4.5万元。"),
    ("h", "二、主要做法及成效"),
    ("p", "（一）领导干部带头学法。坚持党组会议会前学法制度，党组理论学习中心组全年开展集体学法3次，"
          "重点学习《中华人民共和国法治宣传教育法》、新修订的《中华人民共和国矿产资源法》和《中华人民共和国"
          "土地管理法实施条例》。组织全局干部职工参加年度学法考试，参考率、合格率均达到100%。"),
    ("p", "（二）紧扣节点开展主题宣传。围绕“4·22”世界地球日、“6·25”全国土地日、“8·29”测绘法宣传日和"
          "国家宪法日等重要节点，深入乡镇、村组和矿山企业开展普法宣传活动24场次，发放《土地管理法》图解、"
          "耕地保护明白卡等宣传资料8500份，现场解答土地征收、宅基地审批、不动产登记等方面法律咨询560人次，"
          "受教育群众4300余人次。"),
    ("p", "（三）坚持以案释法。结合违法占用耕地、非法采砂、无证测绘等查处案件，精选典型案例4件报送市普法办，"
          "并在“砾泉自然资源”微信公众号和局门户网站“以案说法”专栏同步发布，做到办理一案、教育一片。"),
    ("p", "（四）推动普法与执法深度融合。在卫片执法、矿山巡查中同步开展释法说理，送达《责令停止违法行为"
          "通知书》时一并送达相关法律条文摘编，引导当事人主动整改、自行纠正。"),
    ("h", "三、存在的问题"),
    ("p", "一是部分股室仍存在“重执法、轻普法”的惯性思维，普法工作与业务工作结合不够紧密；二是基层"
          "自然资源所普法力量不足，联络员多为兼职，普法的针对性和持续性有待增强；三是运用短视频等群众"
          "喜闻乐见的形式开展普法还不多，网络普法影响力不大。"),
    ("h", "四、下一步工作打算"),
    ("p", "（一）以贯彻实施《中华人民共和国法治宣传教育法》为契机，进一步压实股室和所的普法主体责任，"
          "将普法工作纳入年度目标考核。"),
    ("p", "（二）聚焦耕地保护、矿产资源开发和农村乱占耕地建房等重点领域，组织开展“送法进乡村”专项行动，"
          "提高农民群众守法意识。"),
    ("p", "（三）探索开设普法短视频栏目，提升新媒体普法的传播力和影响力。"),
    ("sign", "砾泉市自然资源局"),
    ("sign", "2025年11月26日"),
]
TRUTH["自然资源局2025年度普法履职报告.wps"] = fields(
    unit="市自然资源局", doc_type="annual_report", date="2025-11-26",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=24, materials=8500, consultations=560, audience=4300, study_sessions=3,
    new_media=["微信公众号", "门户网站"], budget=True, sections=ALL4)

ZRZY_LIST_HEAD = ["序号", "普法内容（重点法律法规）", "普法对象", "普法方式", "责任股室", "责任人", "完成时限"]
ZRZY_LIST_ROWS = [
    ["宪法、《中华人民共和国法治宣传教育法》", "全局干部职工", "党组中心组学习、专题讲座", "办公室", "李红梅", "2025年12月"],
    ["《中华人民共和国土地管理法》及其实施条例", "乡镇干部、村民", "全国土地日集中宣传、送法下乡", "耕地保护监督股",
     "周志刚", "2025年6月"],
    ["《中华人民共和国矿产资源法》", "矿山企业负责人及从业人员", "上门宣讲、执法检查中释法", "矿产资源管理股", "何永",
     "2025年9月"],
    ["《中华人民共和国测绘法》", "测绘资质单位、社会公众", "测绘法宣传日活动、发放资料", "测绘地理信息股", "赵婷",
     "2025年8月"],
    ["《不动产登记暂行条例》", "办事群众、企业", "窗口咨询、政务服务大厅电子屏滚动播放", "不动产登记中心", "韩雪", "全年"],
    ["《中华人民共和国城乡规划法》", "建设单位、农村建房户", "规划公示、以案释法", "国土空间规划股", "孙立", "全年"],
    ["《中华人民共和国行政处罚法》《中华人民共和国行政复议法》", "执法人员", "业务培训、案卷评查", "政策法规股",
     "马建军", "2025年11月"],
    ["《中华人民共和国民法典》物权编", "社区居民", "民法典宣传月集中宣传", "各自然资源所", "各所所长", "2025年5月"],
]
TRUTH["自然资源局普法责任清单.et"] = fields(
    unit="市自然资源局", doc_type="duty_list", date="2025-03-12", duty_list=True)

# =====================================================================================
# 2. 人社局 -- report saved by Word as a web page (.htm, UTF-8) + two-sheet statistics .xlsx
# =====================================================================================
RS_REPORT = [
    ("title", "砾泉市人力资源和社会保障局2025年普法工作总结"),
    ("p", "今年以来，市人社局坚持把法治宣传教育作为保障民生、服务发展的基础性工作，按照“谁执法谁普法”"
          "普法责任制要求，围绕就业创业、社会保险、劳动关系和根治欠薪等重点工作扎实开展普法，"
          "现将全年工作总结如下。"),
    ("h", "一、基本情况"),
    ("p", "局党组对普法工作常抓不懈，调整充实了以党组书记、局长为组长的法治建设暨普法工作领导小组，"
          "明确党组成员、副局长田晓燕同志分管普法工作，法规股负责日常组织协调，各二级单位确定1名普法联络员。"
          "各股室、二级单位按照“管行业必须管普法”的要求，把普法任务与业务工作同谋划、同部署、同检查。"
          "需要说明的是，我局未单独制定普法责任清单，普法任务纳入局年度工作要点一并部署、一并考核。"),
    ("h", "二、主要做法"),
    ("p", "（一）抓住“关键少数”学法。党组理论学习中心组全年开展集体学法4次，每季度1次，内容涵盖"
          "《中华人民共和国劳动合同法》《保障农民工工资支付条例》和新施行的法治宣传教育法。"),
    ("p", "（二）围绕根治欠薪开展专项普法。在春节前、“五一”前后和冬季攻坚期间集中开展“安薪行动”普法进工地，"
          "全年累计开展专项普法活动32场次，发放宣传资料1.6万份，解答劳动保障法律咨询2100人次，"
          "受教育群众2.4万人次。"),
    ("p", "（三）以案释法常态化。从劳动保障监察和劳动人事争议仲裁案件中遴选典型案例，全年共报送以案释法"
          "典型案例6个，其中一季度1个、二季度2个、三季度1个、四季度2个。"),
    ("p", "（四）拓展线上普法渠道。依托“砾泉人社”微信公众号开设“人社法规小课堂”，在视频号发布欠薪维权"
          "短视频，线上线下协同发力。"),
    ("p", "（五）融入窗口服务普法。在人社服务大厅设立法律援助引导台，对社保待遇、就业补贴等事项实行"
          "“一次告知”，把释法说理贯穿经办服务全过程。"),
    ("p", "（六）强化执法人员能力建设。组织劳动保障监察员、仲裁员参加全省人社系统行政执法培训，开展案卷评查"
          "和庭审观摩，邀请执业律师围绕劳动争议热点问题授课，提升一线人员依法办事和释法说理能力。"),
    ("h", "三、存在的不足"),
    ("p", "一是普法任务清单化管理还不够规范，任务分工散见于各类文件；二是面向快递员、网约车司机等新就业形态"
          "劳动者的普法覆盖还不够；三是普法效果评估手段单一，重数量、轻实效的问题仍不同程度存在。"),
    ("h", "四、下一步打算"),
    ("p", "2026年，我局将参照市普法办提供的模板制定本局普法责任清单，推动普法任务项目化、清单化；"
          "持续开展“安薪行动”普法宣传；加强仲裁员、监察员释法说理能力培训，力争以案释法案例质量再上台阶。"),
    ("sign", "砾泉市人力资源和社会保障局"),
    ("sign", "2025年12月2日"),
]
TRUTH["人社局2025年普法工作总结.htm"] = fields(
    unit="市人力资源和社会保障局", doc_type="annual_report", date="2025-12-02",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=False, cases_total=6,
    cases_by_quarter=[1, 2, 1, 2], activities=32, materials=16000, consultations=2100, audience=24000,
    study_sessions=4, new_media=["微信公众号", "视频号"], sections=ALL4)

# detail sheet: 季度, 日期, 活动名称, 地点, 场次, 资料, 咨询, 受众
RS_DETAIL = [
    ("一季度", "2025-01-14", "春节前根治欠薪普法进工地", "城区在建项目", 3, 1800, 210, 2300),
    ("一季度", "2025-02-20", "春风行动招聘会法律咨询", "市人力资源市场", 2, 1500, 180, 2100),
    ("一季度", "2025-03-14", "劳动用工合规宣讲", "砾泉工业园区", 2, 900, 90, 1200),
    ("二季度", "2025-04-25", "“五一”前劳动法律法规宣传", "人民广场", 3, 2000, 260, 3000),
    ("二季度", "2025-05-16", "民法典宣传月进企业", "砾泉经济开发区", 2, 1200, 150, 1600),
    ("二季度", "2025-06-10", "高校毕业生就业权益保护讲座", "市职业技术学校", 2, 1000, 120, 1500),
    ("二季度", "2025-06-24", "劳动人事争议仲裁庭审观摩", "市劳动人事争议仲裁院", 2, 800, 90, 1100),
    ("三季度", "2025-07-18", "新就业形态劳动者权益保障宣传", "快递物流园", 2, 900, 140, 1300),
    ("三季度", "2025-08-21", "社会保险法进乡镇", "红柳镇", 2, 1000, 150, 1700),
    ("三季度", "2025-09-12", "工伤预防与职业安全宣讲", "建筑施工企业", 2, 700, 100, 1100),
    ("四季度", "2025-10-17", "“安薪行动”冬季攻坚普法", "在建项目工地", 4, 1800, 250, 2900),
    ("四季度", "2025-11-06", "法治宣传教育法施行专题宣传", "人社服务大厅", 2, 1000, 130, 1600),
    ("四季度", "2025-12-01", "国家宪法日暨宪法宣传周活动", "人民广场", 4, 1400, 230, 2600),
]
RS_CASES_Q = [1, 2, 1, 2]
RS_STUDY_Q = [1, 1, 1, 1]
RS_LAST_YEAR = {"活动": 27, "资料": 13000, "咨询": 1850, "受众": 19500, "案例": 5, "学法": 3}
TRUTH["人社局2025年普法工作统计表.xlsx"] = fields(
    unit="市人力资源和社会保障局", doc_type="stats_form", date="2025-12-02", cases_total=6,
    cases_by_quarter=[1, 2, 1, 2], activities=32, materials=16000, consultations=2100, audience=24000,
    study_sessions=4)

# =====================================================================================
# 3. 卫健局 -- Word "single file web page" (.mht), HTML part in gb2312, quoted-printable
# =====================================================================================
WJ_REPORT = [
    ("title", "砾泉市卫生健康局2025年度“谁执法谁普法”履职报告"),
    ("p0", "市委依法治市办："),
    ("p", "按照《关于开展2025年度国家机关“谁执法谁普法”履职报告评议工作的通知》要求，现将我局2025年度"
          "普法履职情况报告如下。全年，我局紧扣卫生健康中心工作，坚持执法监督与普法宣传同步推进，"
          "在医疗服务、公共卫生、职业健康等领域把普法责任落到了实处。"),
    ("h", "一、基本情况"),
    ("p", "我局始终把普法责任制落实作为推进卫生健康治理法治化的重要抓手。局主要负责人切实履行推进法治建设"
          "第一责任人职责，对普法工作亲自部署、亲自过问；局普法工作领导小组由党委书记任组长，领导小组办公室"
          "设在法规与监督科，由科长杨帆同志牵头抓总，各医疗卫生单位均指定专人负责。年初印发卫生健康系统"
          "普法责任清单，逐项明确责任单位和时间节点，并将普法工作经费纳入年度财政预算予以保障。"),
    ("h", "二、主要举措"),
    ("p", "（一）抓实干部职工学法。局党委理论学习中心组开展集体学法2次，专题学习《中华人民共和国基本医疗"
          "卫生与健康促进法》和《医疗纠纷预防和处理条例》；组织系统内医务人员参加依法执业培训。"),
    ("p", "（二）把普法融入健康服务。结合世界卫生日、全民营养周、职业病防治法宣传周等时间节点，开展义诊暨"
          "健康法治宣传活动四十五场次，发放宣传折页、健康读本2.2万份，解答群众医疗卫生法律咨询1800余人次，"
          "覆盖群众3.6万余人次。"),
    ("p", "（三）开展以案释法。围绕非法行医、医疗美容违规、公共场所卫生等监督执法案件，整理形成以案释法"
          "典型案例3个，在执法文书送达和约谈中开展释法说理。"),
    ("p", "（四）用好网络平台。通过“健康砾泉”微信公众号、今日头条号推送法治健康科普文章，开设“卫监说法”栏目。"),
    ("p", "（五）推进法治医院建设。指导二级以上医疗机构完善院内法律顾问制度，在门诊大厅设置医患纠纷调解和"
          "法律咨询窗口，引导患者通过合法途径表达诉求，推动医疗纠纷在法治轨道上化解。"),
    ("h", "三、问题与不足"),
    ("p", "一是以案释法案例数量偏少，未能达到全年报送4个的要求；二是基层医疗卫生机构普法资源分散，"
          "村卫生室普法宣传覆盖不足；三是普法宣传与健康科普融合的深度还不够。"),
    ("h", "四、下一步工作安排"),
    ("p", "一是加强案例收集，建立卫生监督执法典型案例库，确保每季度至少报送1个案例；二是推进“法治医院”创建，"
          "将依法执业教育纳入医务人员继续教育；三是借助家庭医生签约服务，把法律知识送到群众身边；四是加强对基层"
          "医疗卫生单位普法工作的督促指导，年底前开展一次普法责任制落实情况专项检查。"),
    ("sign", "砾泉市卫生健康局"),
    ("sign", "2025年12月8日"),
]
TRUTH["卫健局2025年度“谁执法谁普法”履职报告.mht"] = fields(
    unit="市卫生健康局", doc_type="annual_report", date="2025-12-08",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=3,
    activities=45, materials=22000, consultations=1800, audience=36000, study_sessions=2,
    new_media=["微信公众号", "今日头条"], budget=True, sections=ALL4)

# =====================================================================================
# 4. 教育局 -- self-inspection saved by Word as a web page but named .doc (HTML inside, gb2312)
# =====================================================================================
JY_REPORT = [
    ("title", "砾泉市教育局关于2025年度“谁执法谁普法”普法责任制落实情况的自查报告"),
    ("p0", "市委全面依法治市委员会办公室："),
    ("p", "根据市委依法治市办《关于开展2025年度普法责任制落实情况自查的通知》要求，我局对照普法责任制"
          "考评细则逐项进行了自查。总体看，我局普法责任制落实情况较好，青少年法治教育扎实有效，但也存在"
          "学法制度执行不严等短板。现将自查情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "我局成立了由党组书记、局长任组长的教育系统普法工作领导小组，分管副局长陈静同志为直接责任人，"
          "政策法规股具体承办，各中小学明确1名法治副校长和1名法治教育专职教师。按照市普法办统一要求，"
          "制定并公布了《砾泉市教育局普法责任清单》。全局基本形成了主要领导亲自抓、分管领导具体抓、股室和学校"
          "协同抓的工作格局。"),
    ("h", "二、自查情况"),
    ("p", "（一）组织领导方面。领导小组全年召开专题会议2次，研究部署青少年法治教育和校园安全法治宣传工作。"
          "局党组理论学习中心组开展集体学法1次，学习了《中华人民共和国教育法》和《中华人民共和国未成年人保护法》。"),
    ("p", "（二）青少年法治教育方面。深入推进“法治进校园”，组织法治副校长、公检法干警在全市中小学开展法治讲座"
          "和主题宣传活动60场次，发放《预防未成年人犯罪法》漫画读本等资料1.2万份，覆盖师生及家长4.8万人次。"
          "开展“宪法晨读”“模拟法庭”等活动，青少年法治教育形式不断丰富。"),
    ("p", "（三）以案释法方面。结合校园欺凌防治、校外培训机构违规办学查处等工作，向市普法办报送以案释法典型案例5个。"),
    ("p", "（四）新媒体普法方面。利用“砾泉教育”微信公众号开设“护苗法治课堂”专栏，定期推送法治教育内容。"),
    ("p", "（五）校园安全法治宣传方面。结合防溺水、交通安全、防范电信网络诈骗等专题，组织开展安全教育与"
          "法治教育相结合的主题班会，指导学校把法治教育纳入开学第一课和家长会内容，并对校外培训机构从业人员"
          "开展依法办学提醒。"),
    ("h", "三、自查发现的问题"),
    ("p", "一是领导班子集体学法次数偏少，学法制度执行不够严格；二是农村学校法治教育师资力量薄弱，"
          "法治课程开课质量参差不齐；三是家校共育中法治教育内容较少。"),
    ("h", "四、整改措施"),
    ("p", "一是严格落实党组会前学法制度，确保每半年至少集中学法1次以上；二是加强法治教育教师培训，推动城乡学校"
          "法治教育资源共享；三是将法治教育纳入家长学校课程，形成家校社协同育人合力。"),
    ("sign", "砾泉市教育局"),
    ("sign", "2025年12月9日"),
]
TRUTH["2025年普法工作自查报告.doc"] = fields(
    unit="市教育局", doc_type="self_inspection", date="2025-12-09",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=5,
    activities=60, materials=12000, audience=48000, study_sessions=1,
    new_media=["微信公众号"], sections=ALL4)

# =====================================================================================
# 5. 应急局 -- .rtf (ansicpg936, GBK hex escapes as Word/WPS write them)
# =====================================================================================
YJ_REPORT = [
    ("title", "砾泉市应急管理局2025年普法工作总结"),
    ("p", "2025年，市应急管理局以安全生产法治宣传为重点，以“安全生产月”和“全国防灾减灾日”为契机，推动普法"
          "工作与应急管理执法检查同部署、同落实，全市安全生产形势总体平稳，企业从业人员和社会公众的安全"
          "法治意识进一步增强。现总结如下："),
    ("h", "一、基本情况"),
    ("p", "局里成立了普法工作领导小组，由局长任组长，分管安全生产执法的副局长刘涛任副组长，负责统筹推进普法工作。"
          "年初印发《2025年度普法责任清单》，明确了安全生产法、消防法、突发事件应对法等法律法规的宣传任务。"
          "受编制限制，普法工作目前尚未明确专人负责；普法经费未纳入年度预算，活动开支主要从业务经费中列支。"),
    ("h", "二、主要做法"),
    ("p", "（一）组织集中学法。局党组理论学习中心组集体学法2次，重点学习新修订的《中华人民共和国突发事件应对法》。"
          "同时组织执法人员参加全省应急管理系统执法资格培训，考试全部合格，执法人员依法履职能力有所提升。"),
    ("p", "（二）开展主题宣传。在“5·12”防灾减灾日、6月“安全生产月”和“11·9”消防宣传日期间，开展应急普法"
          "进企业、进社区、进学校活动18场次，发放安全生产法律知识手册等资料5000余份，参与群众2600余人次。"),
    ("p", "（三）强化以案释法。全年报送以案释法典型案例4个，其中一季度2个、二季度1个、三季度没有报送、"
          "四季度1个，案例涵盖危化品违规储存、有限空间作业事故等。"),
    ("p", "（四）借力新媒体。在“砾泉应急”微信公众号开设“安全法治微课堂”，在快手平台发布应急科普短视频。"),
    ("p", "（五）把普法融入执法检查。对危险化学品、非煤矿山、工贸等重点行业企业开展执法检查时，坚持边检查、"
          "边普法、边指导，现场讲解相关法律条款，督促企业建立健全全员安全生产责任制，推动企业负责人由"
          "“要我安全”向“我要安全”转变。"),
    ("h", "三、存在问题"),
    ("p", "普法力量不足，没有专职人员，工作连续性受到影响；以案释法报送不均衡，三季度出现空档；"
          "对中小微企业从业人员的普法覆盖面还不够；普法宣传内容与企业实际需求对接不够精准，"
          "部分宣传资料针对性不强。"),
    ("h", "四、下一步打算"),
    ("p", "一是争取明确1名专职普法联络员；二是建立以案释法季度报送台账，避免出现空档；三是针对中小微企业开展"
          "“送法上门”服务，推动企业落实安全生产主体责任；四是积极向市财政争取普法专项经费，保障普法工作正常开展。"),
    ("sign", "砾泉市应急管理局"),
    ("sign", "2025年12月16日"),
]
TRUTH["应急管理局2025年普法工作总结.rtf"] = fields(
    unit="市应急管理局", doc_type="annual_report", date="2025-12-16",
    leading_group=True, leader_in_charge=True, staff_assigned=False, duty_list=True, cases_total=4,
    cases_by_quarter=[2, 1, 0, 1], activities=18, materials=5000, audience=2600, study_sessions=2,
    new_media=["微信公众号", "快手"], budget=False, sections=ALL4)

# =====================================================================================
# 6. 市场监管局 -- .docx with tracked changes ([-deleted-], [+inserted+]) and comments (<<anchor>>)
# =====================================================================================
SC_AUTHOR, SC_REVIEWER = "法规股 郭晓东", "办公室 王芳"
SC_REPORT = [
    ("title", "砾泉市市场监督管理局2025年度普法履职报告"),
    ("p0", "市委依法治市办："),
    ("p", "2025年，我局坚持执法与普法并重，紧紧围绕食品安全、特种设备安全、知识产权保护和消费者权益保护等"
          "重点领域，认真落实“谁执法谁普法”普法责任制，努力让执法过程成为普法过程。现将履职情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "局党组高度重视普法工作，成立了由局长任组长的普法工作领导小组，分管副局长郭明同志具体负责，"
          "法规股牵头抓总，各市场监管所确定1名普法联络员。[-目前尚未制定本局普法责任清单，普法任务主要随"
          "执法工作一并开展。-][+年初制定印发了本局2025年度普法责任清单，将普法任务细化分解到股所。+]"
          "普法工作经费纳入局年度部门预算。"),
    ("h", "二、主要做法"),
    ("p", "（一）领导干部带头学法。局党组理论学习中心组全年集体学法5次，学习了新修订的《中华人民共和国"
          "反不正当竞争法》和《中华人民共和国法治宣传教育法》。组织执法人员开展行政执法案卷评查和以案说法"
          "交流，推动执法人员尊法学法守法用法。"),
    ("p", "（二）开展重点领域普法。围绕“3·15”国际消费者权益日、食品安全宣传周、“质量月”和宪法宣传周，"
          "深入商圈、农贸市场和学校周边<<开展普法宣传活动[-42-][+46+]场次，发放宣传资料2.3万余份，"
          "现场解答法律咨询1350人次>>。"),
    ("p", "（三）坚持以案释法。全年向市普法办<<报送以案释法典型案例[-3-][+4+]个>>，涉及预付式消费退费纠纷、"
          "过期食品销售、直播带货虚假宣传、电梯超期未检验等领域。"),
    ("p", "（四）线上线下同步普法。[-目前我局尚未开通政务新媒体账号，宣传主要依靠发放纸质资料。-]"
          "[+依托“砾泉市场监管”微信公众号和抖音号开设“以案说法”专栏，全年推送普法信息120余条。+]"),
    ("p", "（五）把普法融入执法全过程。落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，"
          "在行政处罚决定书中充分说理，对首次轻微违法行为依法不予处罚并开展教育提醒，实现执法效果与普法效果"
          "相统一。"),
    ("p", "（六）开展知识产权保护宣传。在知识产权宣传周期间走进企业，讲解商标注册、专利保护和地理标志使用的"
          "法律规定，引导经营主体增强自我保护和依法维权意识。"),
    ("h", "三、存在问题"),
    ("p", "一是基层所普法力量薄弱，联络员身兼数职；二是针对新业态、新模式经营主体的精准普法还不够；"
          "三是普法效果评估机制尚未建立，对普法活动的实际效果缺乏跟踪问效，"
          "部分活动存在重形式、轻实效的现象。"),
    ("h", "四、下一步打算"),
    ("p", "一是持续推进普法责任清单落实，完善股所协同机制；二是围绕平台经济、直播电商等新业态开展合规指导"
          "和普法；三是探索建立普法效果评估机制，提升普法实效。"),
    ("sign", "砾泉市市场监督管理局"),
    ("sign", "[-2025年12月1日-][+2025年12月4日+]"),
]
SC_COMMENTS = [  # one per <<anchor>>, in order
    "建议补充受教育群众人次，去年报的是1.5万人次，今年能否写上不低于这个数？",
    "第四个案例（电梯超期未检验）已于12月3日补报市普法办，数字改为4个。",
]
TRUTH["砾泉市市场监管局2025年度普法履职报告（修订稿）.docx"] = fields(
    unit="市市场监督管理局", doc_type="annual_report", date="2025-12-04",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=46, materials=23000, consultations=1350, study_sessions=5,
    new_media=["微信公众号", "抖音"], budget=True, sections=ALL4)

# =====================================================================================
# 7. 生态环境分局 -- .docx with the key figures in a text box and facts in footnotes ([^n])
# =====================================================================================
ST_REPORT = [
    ("title", "河阳市生态环境局砾泉分局2025年普法工作总结"),
    ("p", "今年以来，我分局认真落实“谁执法谁普法”普法责任制，把生态环境法治宣传教育贯穿于环评审批、"
          "排污许可、执法监测和督察整改全过程，为建设美丽砾泉营造了良好的法治环境，"
          "全市企业环境守法意识和群众参与生态环境保护的积极性明显提高。全年普法工作主要数据"
          "见右侧“数据一览”[^1]。"),
    ("textbox", ["2025年普法工作数据一览", "普法宣传活动：27场次", "发放宣传资料：9600份", "解答法律咨询：430人次",
                 "受教育群众：5200人次", "以案释法典型案例：4个"]),
    ("h", "一、工作基本情况"),
    ("p", "分局调整了普法工作领导小组，分局长任组长，副分局长吴海鹰同志分管普法工作，综合法规股具体负责，"
          "并指定1名同志担任普法联络员。4月制定印发分局普法责任清单，对照清单按月推进、按季小结。"),
    ("h", "二、主要做法"),
    ("p", "（一）坚持领导干部带头学法。分局党组严格落实会前学法制度，全年理论学习中心组集体学法3次，学习了"
          "《中华人民共和国环境保护法》《排污许可管理条例》和《中华人民共和国法治宣传教育法》。"),
    ("p", "（二）突出重要节点宣传。在“六五”环境日、全国生态日和国家宪法日期间，组织“环保设施向公众开放”"
          "“生态环境法律进企业”等主题活动，邀请人大代表、政协委员和群众代表走进监测站、污水处理厂。"),
    ("p", "（三）以案释法与执法同步。对查办的未批先建、超标排放、危险废物非法转移等案件，执法人员在现场检查、"
          "告知听证、处罚决定各环节同步释法说理，并精选典型案例报送市普法办。对首次轻微违法且及时改正的企业，"
          "依法从轻或不予处罚，同时制发《普法告知书》，督促企业建立环境管理台账。"),
    ("p", "（四）拓展网络普法阵地。依托分局新媒体平台[^2]，推送生态环境法律法规解读和典型案例，开展线上有奖"
          "知识竞答。同时在排污许可证核发、环评审批窗口设置法律法规宣传栏，方便企业办事时查阅。"),
    ("h", "三、存在问题"),
    ("p", "一是普法宣传与执法监管结合还不够紧密，“执法即普法”的理念在个别执法人员中树得不牢；二是面向小散"
          "企业和农村地区的普法覆盖面不足；三是普法形式以发放资料为主，互动性不强，群众参与的积极性还没有"
          "充分调动起来。"),
    ("h", "四、下一步工作打算"),
    ("p", "（一）全面贯彻《中华人民共和国法治宣传教育法》，完善分局普法责任清单动态调整机制。"),
    ("p", "（二）针对重点排污单位开展“一企一策”法律服务，推动企业依法治污。"),
    ("p", "（三）丰富网络普法形式，制作生态环境普法短视频和案例解读。"),
    ("sign", "河阳市生态环境局砾泉分局"),
    ("sign", "2025年12月3日"),
]
ST_FOOTNOTES = {
    1: "统计时间为2025年1月1日至11月30日。",
    2: "指“砾泉生态环境”微信公众号和“河阳生态环境”官方微博砾泉分局专栏。",
}
TRUTH["生态环境分局2025年普法工作总结.docx"] = fields(
    unit="河阳市生态环境局砾泉分局", doc_type="annual_report", date="2025-12-03",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=27, materials=9600, consultations=430, audience=5200, study_sessions=3,
    new_media=["微信公众号", "微博"], sections=ALL4)

# =====================================================================================
# 8. 农业农村局 -- plain-text report in GBK (CRLF, full-width digits, a GBK-only character)
# =====================================================================================
NY_TEXT = """砾泉市农业农村局2025年普法工作情况

市普法办：
    现将我局2025年普法工作情况简要报告如下。
    一、主要工作
    今年我局结合春耕备耕、农资打假和农村土地承包经营纠纷调处等工作开展普法宣传。全年开展送法下乡活动１５场次，发放农资识假辨假、土地承包法律知识等宣传资料3000余份。结合农业综合行政执法办案，报送以案释法典型案例2个。局普法工作由办公室张喆同志具体负责。
    二、存在问题
    普法工作主要依靠集中宣传，日常普法做得不够；宣传形式比较单一。
    三、下一步打算
    进一步加强农业农村领域法律法规宣传，力争明年报送案例不少于4个。

                                        砾泉市农业农村局
                                        二〇二五年十二月五日
"""
TRUTH["农业农村局普法工作情况.txt"] = fields(
    unit="市农业农村局", doc_type="annual_report", date="2025-12-05",
    staff_assigned=True, cases_total=2, activities=15, materials=3000,
    sections=["主要做法", "存在问题", "下一步打算"])

FINDINGS = {
    "市自然资源局": [],
    "市人力资源和社会保障局": ["no_duty_list"],
    "市卫生健康局": ["cases_below_min"],
    "市教育局": ["study_below_min"],
    "市应急管理局": ["quarter_without_case", "no_staff_assigned", "late_submission"],
    "市市场监督管理局": [],
    "河阳市生态环境局砾泉分局": [],
    "市农业农村局": ["cases_below_min", "no_duty_list", "no_leading_group", "no_leader_in_charge",
               "no_new_media", "study_below_min", "missing_section", "too_thin"],
    "市水务局": ["missing_submission"],
}


# =====================================================================================
# writers
# =====================================================================================
def plain(text):
    """Text as a reader sees it: tracked deletions dropped, markers removed."""
    text = re.sub(r"\[-.*?-\]", "", text)
    text = text.replace("[+", "").replace("+]", "").replace("<<", "").replace(">>", "")
    return re.sub(r"\[\^\d+\]", "", text)


def set_font(doc):
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(16)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def add_para(doc, kind, body):
    if kind == "title":
        p = doc.add_paragraph()
        p.alignment = 1
        run = p.add_run(body)
        run.bold, run.font.size = True, Pt(22)
        return p
    if kind == "h":
        p = doc.add_paragraph()
        p.add_run(body).bold = True
        return p
    p = doc.add_paragraph()
    if kind == "sign":
        p.alignment = 2
    elif kind == "p":
        p.paragraph_format.first_line_indent = Pt(32)
    return p


def set_props(doc, author, when):
    cp = doc.core_properties
    cp.author = cp.last_modified_by = author
    cp.comments = ""
    cp.created = cp.modified = datetime.fromisoformat(when)
    cp.revision = 2


def write_docx(path, parts, when):
    doc = Document()
    set_font(doc)
    for kind, body in parts:
        p = add_para(doc, kind, body)
        if kind not in ("title", "h"):
            p.add_run(body)
    set_props(doc, "admin", when)
    doc.save(path)


def soffice_convert(src, fmt, dest):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", fmt, "--outdir", tmp, str(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = Path(tmp) / (Path(src).stem + "." + fmt.split(":")[0])
        shutil.copyfile(out, dest)


def write_wps(path, parts):
    """WPS 文字 .wps files are OLE compound files like .doc: make a .doc with LibreOffice, rename."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "zrzy.docx"
        write_docx(src, parts, "2025-11-26T10:12:00")
        soffice_convert(src, "doc", path)


def write_et(path):
    """WPS 表格 .et files are OLE compound files like .xls: make an .xls with LibreOffice, rename."""
    wb = openpyxl.Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "zrzyj"
    wb.properties.created = wb.properties.modified = datetime(2025, 3, 12, 9, 40)
    ws = wb.active
    ws.title = "责任清单"
    ws.append(["砾泉市自然资源局2025年度普法责任清单"])
    ws.merge_cells("A1:G1")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(ZRZY_LIST_HEAD)
    for i, row in enumerate(ZRZY_LIST_ROWS, 1):
        ws.append([i] + row)
    ws.append([])
    ws.append(["填报单位：砾泉市自然资源局（盖章）", None, None, None, "填报日期：2025年3月12日"])
    for col, w in zip("ABCDEFG", (6, 40, 24, 30, 16, 10, 14)):
        ws.column_dimensions[col].width = w
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "zrzy_list.xlsx"
        wb.save(src)
        soffice_convert(src, "xls", path)


# ------------------------------------------------------------------ Word-style HTML --
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def word_html_para(kind, text):
    """One paragraph as Word's 'save as web page' writes it: ASCII runs in <span lang=EN-US>."""
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    esc = re.sub(r"([A-Za-z0-9][A-Za-z0-9.%:/\-]*)", r"<span lang=EN-US>\1</span>", esc)
    if kind == "title":
        return ("<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;"
                "mso-line-height-rule:exactly'><b><span style='font-size:22.0pt;font-family:方正小标宋简体;"
                f"mso-hansi-font-family:宋体'>{esc}</span></b></p>")
    if kind == "h":
        return ("<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly'>"
                f"<span style='font-size:16.0pt;font-family:黑体'>{esc}</span></p>")
    if kind == "sign":
        return ("<p class=MsoNormal align=right style='text-align:right;line-height:28.0pt;"
                f"mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{esc}"
                "</span></p>")
    indent = "" if kind == "p0" else "text-indent:32.0pt;"
    return (f"<p class=MsoNormal style='{indent}line-height:28.0pt;mso-line-height-rule:exactly'>"
            f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{esc}</span></p>")


def wrap_source(line, width=76):
    """Word wraps its HTML source lines, also between two CJK characters of running text."""
    out, col, in_tag = [], 0, False
    for i, ch in enumerate(line):
        out.append(ch)
        col += 2 if CJK.match(ch) else 1
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if col >= width and not in_tag and CJK.match(ch) and nxt and CJK.match(nxt):
            out.append("\r\n")
            col = 0
        elif col >= width and ch == " " and in_tag:
            out.append("\r\n")
            col = 0
    return "".join(out)


def word_html(parts, title, charset, author, created, saved):
    head = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>{author}</o:Author>
  <o:LastAuthor>{author}</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:TotalTime>96</o:TotalTime>
  <o:Created>{created}</o:Created>
  <o:LastSaved>{saved}</o:LastSaved>
  <o:Pages>3</o:Pages>
  <o:Words>412</o:Words>
  <o:Characters>2352</o:Characters>
  <o:Company>Microsoft</o:Company>
  <o:Lines>19</o:Lines>
  <o:Paragraphs>5</o:Paragraphs>
  <o:CharactersWithSpaces>2759</o:CharactersWithSpaces>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:GrammarState>Clean</w:GrammarState>
  <w:TrackMoves>false</w:TrackMoves>
  <w:TrackFormatting/>
  <w:PunctuationKerning/>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
  <w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery>
  <w:DisplayVerticalDrawingGridEvery>2</w:DisplayVerticalDrawingGridEvery>
  <w:ValidateAgainstSchemas/>
  <w:Compatibility>
   <w:SpaceForUL/>
   <w:BalanceSingleByteDoubleByteWidth/>
   <w:DoNotLeaveBackslashAlone/>
   <w:ULTrailSpace/>
   <w:DoNotExpandShiftReturn/>
   <w:AdjustLineHeightInTable/>
   <w:UseFELayout/>
  </w:Compatibility>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;
	mso-generic-font-family:auto;
	mso-font-pitch:variable;
	mso-font-signature:3 680460288 22 0 262145 0;}}
@font-face
	{{font-family:仿宋_GB2312;
	mso-font-charset:134;
	mso-generic-font-family:modern;
	mso-font-pitch:fixed;
	mso-font-signature:1 135135232 16 0 262144 0;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:12.0pt;
	font-family:"Times New Roman",serif;
	mso-fareast-font-family:宋体;
	mso-font-kerning:1.0pt;}}
 /* Page Definitions */
 @page WordSection1
	{{size:595.3pt 841.9pt;
	margin:104.9pt 73.7pt 99.25pt 79.4pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-page-numbers:1;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

"""
    body = []
    for kind, text in parts:
        body.append(wrap_source(word_html_para(kind, text)))
        if kind == "title":
            body.append("<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>")
    tail = "\r\n\r\n</div>\r\n\r\n</body>\r\n\r\n</html>\r\n"
    return head.replace("\n", "\r\n") + "\r\n\r\n".join(body) + tail


def write_mht(path, parts, title):
    boundary = "----=_NextPart_01DC67A2.5E3F9B40"
    html = word_html(parts, title, "gb2312", "User", "2025-12-05T01:12:00Z", "2025-12-08T02:40:00Z")
    html = html.replace('<meta name=Originator content="Microsoft Word 15">',
                        '<meta name=Originator content="Microsoft Word 15">\r\n'
                        '<link rel=File-List href="file0001.files/filelist.xml">')
    qp = quopri.encodestring(html.encode("gb2312")).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    filelist = ('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n'
                ' <o:MainFile HRef="../file0001.htm"/>\r\n'
                ' <o:File HRef="filelist.xml"/>\r\n</xml>').encode("utf-8")
    pre = ("MIME-Version: 1.0\r\n"
           f'Content-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
           "此文档为“单个文件网页”，也称为“Web 档案”文件。如果您看到此消息，但是您的浏览器或编辑器不支持"
           "“Web 档案”文件。请下载支持“Web 档案”的浏览器。\r\n\r\n")
    out = io.BytesIO()
    out.write(pre.encode("gb2312"))
    out.write((f"--{boundary}\r\nContent-Location: file:///C:/1A2B3C4D/file0001.htm\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n"
               'Content-Type: text/html; charset="gb2312"\r\n\r\n').encode("ascii"))
    out.write(qp + b"\r\n\r\n")
    out.write((f"--{boundary}\r\nContent-Location: file:///C:/1A2B3C4D/file0001.files/filelist.xml\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n"
               'Content-Type: text/xml; charset="utf-8"\r\n\r\n').encode("ascii"))
    out.write(quopri.encodestring(filelist) + b"\r\n\r\n")
    out.write(f"--{boundary}--\r\n".encode("ascii"))
    path.write_bytes(out.getvalue())


# ------------------------------------------------------------------------------ RTF --
def rtf_text(s):
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("".join(f"\\'{b:02x}" for b in ch.encode("gbk")))
    return "".join(out)


def write_rtf(path, parts, title):
    fonts = ("{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}"
             "{\\f1\\fnil\\fcharset134\\fprq2 " + rtf_text("宋体") + ";}"
             "{\\f2\\fmodern\\fcharset134\\fprq1 " + rtf_text("仿宋_GB2312") + ";}"
             "{\\f3\\fnil\\fcharset134\\fprq2 " + rtf_text("方正小标宋简体") + ";}"
             "{\\f4\\fmodern\\fcharset134\\fprq1 " + rtf_text("黑体") + ";}}")
    lines = ["{\\rtf1\\ansi\\ansicpg936\\uc2\\deff0\\deflang1033\\deflangfe2052" + fonts,
             "{\\colortbl;\\red0\\green0\\blue0;}",
             "{\\info{\\title " + rtf_text(title) + "}{\\author admin}"
             "{\\creatim\\yr2025\\mo12\\dy15\\hr16\\min2}{\\revtim\\yr2025\\mo12\\dy16\\hr9\\min41}}",
             "\\paperw11906\\paperh16838\\margl1588\\margr1474\\margt2098\\margb1984\\gutter0"
             "\\ftnbj\\aenddoc\\formshade\\viewkind1\\viewscale100\\lytprtmet\\pgbrdrhead\\pgbrdrfoot"
             "\\fet0\\sectd\\pgwsxn11906\\pghsxn16838\\linex0\\endnhere\\sectdefaultcl"]
    for kind, text in parts:
        t = rtf_text(text)
        if kind == "title":
            lines.append("\\pard\\plain\\qc\\sl560\\slmult0{\\b\\loch\\af3\\hich\\af3\\dbch\\f3\\fs44 " + t + "}\\par")
            lines.append("\\pard\\plain\\qj\\sl560\\slmult0{\\f2\\fs32 }\\par")
        elif kind == "h":
            lines.append("\\pard\\plain\\qj\\fi640\\sl560\\slmult0{\\loch\\af4\\hich\\af4\\dbch\\f4\\fs32 " + t + "}\\par")
        elif kind == "sign":
            lines.append("\\pard\\plain\\qr\\sl560\\slmult0{\\loch\\af2\\hich\\af2\\dbch\\f2\\fs32 " + t + "}\\par")
        else:
            fi = "" if kind == "p0" else "\\fi640"
            lines.append("\\pard\\plain\\qj" + fi + "\\sl560\\slmult0{\\loch\\af2\\hich\\af2\\dbch\\f2\\fs32 " + t + "}\\par")
    lines.append("}")
    path.write_bytes("\r\n".join(lines).encode("ascii"))


# ------------------------------------------------------------------ tracked changes --
W_DATE = "2025-12-04T09:18:00Z"
_rev_id = [100]


def _next_id():
    _rev_id[0] += 1
    return str(_rev_id[0])


def _run_xml(text, deleted=False):
    tag = "w:delText" if deleted else "w:t"
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:r><{tag} xml:space="preserve">{esc}</{tag}></w:r>'


def add_tracked(p, text, doc, comments):
    """Fill paragraph p from text with [-del-], [+ins+] and <<comment anchor>> markers."""
    tokens = re.split(r"(\[-.*?-\]|\[\+.*?\+\]|<<|>>)", text)
    anchor_runs, in_anchor = [], False
    for tok in tokens:
        if not tok:
            continue
        if tok == "<<":
            in_anchor, anchor_runs = True, []
            continue
        if tok == ">>":
            in_anchor = False
            c = doc.add_comment(anchor_runs, text=comments.pop(0), author=SC_REVIEWER, initials="WF")
            c._comment_elm.set(qn("w:date"), "2025-12-03T16:40:00Z")
            continue
        if tok.startswith("[-"):
            el = parse_xml(f'<w:del {nsdecls("w")} w:id="{_next_id()}" w:author="{SC_AUTHOR}" '
                           f'w:date="{W_DATE}">{_run_xml(tok[2:-2], deleted=True)}</w:del>')
            p._p.append(el)
            continue
        if tok.startswith("[+"):
            el = parse_xml(f'<w:ins {nsdecls("w")} w:id="{_next_id()}" w:author="{SC_AUTHOR}" '
                           f'w:date="{W_DATE}">{_run_xml(tok[2:-2])}</w:ins>')
            p._p.append(el)
            continue
        run = p.add_run(tok)
        if in_anchor:
            anchor_runs.append(run)


def write_tracked_docx(path, parts, comments):
    comments = list(comments)
    doc = Document()
    set_font(doc)
    for kind, body in parts:
        p = add_para(doc, kind, body)
        if kind in ("title", "h"):
            continue
        add_tracked(p, body, doc, comments)
    assert not comments
    settings = doc.settings.element
    settings.insert(0, parse_xml(f'<w:trackRevisions {nsdecls("w")}/>'))
    set_props(doc, SC_AUTHOR, "2025-12-04T09:20:00")
    doc.save(path)


# -------------------------------------------------------------- text box + footnotes --
def textbox_xml(lines):
    def paras(bold_first):
        out = []
        for i, line in enumerate(lines):
            b = "<w:b/>" if (i == 0 and bold_first) else ""
            out.append(f'<w:p><w:pPr><w:spacing w:after="60"/></w:pPr><w:r><w:rPr>{b}'
                       f'<w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{line}</w:t></w:r></w:p>')
        return "".join(out)
    body = paras(True)
    return f"""<w:r {nsdecls("w", "wp", "a")}
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:w10="urn:schemas-microsoft-com:office:word"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264"
 behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>76200</wp:posOffset></wp:positionV>
<wp:extent cx="2286000" cy="1828800"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/>
<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="1828800"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>
<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:128.3pt;margin-top:6pt;width:180pt;height:144pt;z-index:251659264;mso-position-horizontal:right;mso-position-horizontal-relative:margin" strokeweight=".75pt">
<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def footnotes_xml(notes):
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {w}>',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for n, text in notes.items():
        out.append(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:snapToGrid w:val="0"/></w:pPr>'
                   '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
                   f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
                   '</w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out).encode("utf-8")


def write_textbox_docx(path, parts, notes):
    doc = Document()
    set_font(doc)
    last_p = None
    for kind, body in parts:
        if kind == "textbox":
            last_p._p.insert(1 if last_p._p.pPr is not None else 0, parse_xml(textbox_xml(body)))
            continue
        p = add_para(doc, kind, body)
        last_p = p
        if kind in ("title", "h"):
            continue
        for tok in re.split(r"(\[\^\d+\])", body):
            if not tok:
                continue
            m = re.fullmatch(r"\[\^(\d+)\]", tok)
            if m:
                p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                      f'<w:footnoteReference w:id="{m.group(1)}"/></w:r>'))
            else:
                p.add_run(tok)
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes_xml(notes), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    set_props(doc, "sthj", "2025-12-03T15:30:00")
    doc.save(path)


# --------------------------------------------------------- two-sheet stats workbook --
QUARTERS = ["一季度", "二季度", "三季度", "四季度"]


def write_stats_xlsx(path):
    wb = openpyxl.Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "rsj"
    wb.properties.created = wb.properties.modified = datetime(2025, 12, 2, 10, 5)
    ws = wb.active
    ws.title = "汇总"
    det = wb.create_sheet("明细")
    cached = {}  # (sheet, ref) -> value

    # detail sheet
    det.append(["砾泉市人力资源和社会保障局2025年普法活动明细"])
    det.merge_cells("A1:I1")
    det.append([])
    det.append(["序号", "季度", "日期", "活动名称", "地点", "活动场次", "发放资料（份）", "法律咨询（人次）",
                "受教育群众（人次）"])
    for i, row in enumerate(RS_DETAIL, 1):
        det.append([i, *row])
    first, last = 4, 3 + len(RS_DETAIL)
    tot = last + 1
    det.cell(tot, 1, "合计")
    for ci, col in enumerate("FGHI"):
        det[f"{col}{tot}"] = f"=SUM({col}{first}:{col}{last})"
        cached[("明细", f"{col}{tot}")] = sum(r[4 + ci] for r in RS_DETAIL)

    # summary sheet
    ws.append(["砾泉市人力资源和社会保障局2025年度普法工作统计表"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：砾泉市人力资源和社会保障局", None, None, None, None, None, "填报日期：2025年12月2日"])
    ws.append(["指标", "单位", *QUARTERS, "全年合计", "2024年", "同比增减"])
    rows = [("普法宣传活动", "场次", "F", 4, "活动"), ("发放宣传资料", "份", "G", 5, "资料"),
            ("法律咨询", "人次", "H", 6, "咨询"), ("受教育群众", "人次", "I", 7, "受众")]
    r = 4
    for name, unit, dcol, idx, key in rows:
        ws.cell(r, 1, name)
        ws.cell(r, 2, unit)
        qsum = []
        for qi, q in enumerate(QUARTERS):
            col = "CDEF"[qi]
            ws[f"{col}{r}"] = (f"=SUMIFS(明细!${dcol}${first}:${dcol}${last},"
                               f"明细!$B${first}:$B${last},{col}$3)")
            v = sum(x[idx] for x in RS_DETAIL if x[0] == q)
            cached[("汇总", f"{col}{r}")] = v
            qsum.append(v)
        ws[f"G{r}"] = f"=SUM(C{r}:F{r})"
        cached[("汇总", f"G{r}")] = sum(qsum)
        ws[f"H{r}"] = RS_LAST_YEAR[key]
        ws[f"I{r}"] = f"=G{r}-H{r}"
        cached[("汇总", f"I{r}")] = sum(qsum) - RS_LAST_YEAR[key]
        r += 1
    for name, unit, qs, key in [("以案释法典型案例", "个", RS_CASES_Q, "案例"),
                                ("领导班子集体学法", "次", RS_STUDY_Q, "学法")]:
        ws.cell(r, 1, name)
        ws.cell(r, 2, unit)
        for qi, v in enumerate(qs):
            ws.cell(r, 3 + qi, v)
        ws[f"G{r}"] = f"=SUM(C{r}:F{r})"
        cached[("汇总", f"G{r}")] = sum(qs)
        ws[f"H{r}"] = RS_LAST_YEAR[key]
        ws[f"I{r}"] = f"=G{r}-H{r}"
        cached[("汇总", f"I{r}")] = sum(qs) - RS_LAST_YEAR[key]
        r += 1
    ws.cell(r + 1, 1, "注：1.活动类数据由“明细”表按季度自动汇总；2.“2024年”列为上年同期数，供对比。")
    ws.column_dimensions["A"].width = 20
    det.column_dimensions["D"].width = 30
    det.column_dimensions["E"].width = 20
    wb.save(path)
    _fill_cached_values(path, cached, {"汇总": "xl/worksheets/sheet1.xml", "明细": "xl/worksheets/sheet2.xml"})
    # check the cache against a cold re-read
    wb2 = openpyxl.load_workbook(path, data_only=True)
    assert wb2["汇总"]["G4"].value == 32 and wb2["汇总"]["G8"].value == 6, "cached values missing"


def _fill_cached_values(path, cached, sheet_files):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    new = []
    for info, data in items:
        for sheet, fname in sheet_files.items():
            if info.filename == fname:
                root = etree.fromstring(data)
                for c in root.iter(f"{{{ns}}}c"):
                    f = c.find(f"{{{ns}}}f")
                    if f is None:
                        continue
                    val = cached[(sheet, c.get("r"))]
                    v = c.find(f"{{{ns}}}v")
                    if v is None:
                        v = etree.SubElement(c, f"{{{ns}}}v")
                    v.text = str(val)
                    c.attrib.pop("t", None)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        new.append((info, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in new:
            z.writestr(info, data)


# ------------------------------------------------------------------------- roster etc --
def write_roster(path):
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime(2025, 11, 10, 9, 0)
    ws = wb.active
    ws.title = "名单"
    ws.append(["序号", "单位名称", "简称"])
    for i, (name, short) in enumerate(ROSTER, 1):
        ws.append([i, name, short])
    ws.column_dimensions["B"].width = 30
    wb.save(path)


def build_truth():
    files, units = {}, {}
    for path, f in TRUTH.items():
        files[path] = {"status": "ok", "error_code": None, "unit": f["unit"], "doc_type": f["doc_type"],
                       "fields": f}
        units.setdefault(f["unit"], []).append(path)
    return {"year": YEAR, "deadline": DEADLINE, "files": files,
            "units": {u: {"findings": FINDINGS[u], "files": sorted(units.get(u, []))} for u in FINDINGS},
            "missing_units": ["市水务局"]}


def report_chars(parts):
    return sum(len(plain(b)) for k, b in parts if isinstance(b, str))


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    write_wps(INBOX / "自然资源局2025年度普法履职报告.wps", ZRZY_REPORT)
    write_et(INBOX / "自然资源局普法责任清单.et")
    (INBOX / "人社局2025年普法工作总结.htm").write_bytes(
        word_html(RS_REPORT, RS_REPORT[0][1], "utf-8", "rsj", "2025-11-28T07:30:00Z",
                  "2025-12-02T03:05:00Z").encode("utf-8"))
    write_stats_xlsx(INBOX / "人社局2025年普法工作统计表.xlsx")
    write_mht(INBOX / "卫健局2025年度“谁执法谁普法”履职报告.mht", WJ_REPORT, WJ_REPORT[0][1])
    (INBOX / "2025年普法工作自查报告.doc").write_bytes(
        word_html(JY_REPORT, JY_REPORT[0][1], "gb2312", "jyj", "2025-12-08T08:10:00Z",
                  "2025-12-09T02:22:00Z").encode("gb2312"))
    write_rtf(INBOX / "应急管理局2025年普法工作总结.rtf", YJ_REPORT, YJ_REPORT[0][1])
    write_tracked_docx(INBOX / "砾泉市市场监管局2025年度普法履职报告（修订稿）.docx", SC_REPORT, SC_COMMENTS)
    write_textbox_docx(INBOX / "生态环境分局2025年普法工作总结.docx", ST_REPORT, ST_FOOTNOTES)
    (INBOX / "农业农村局普法工作情况.txt").write_bytes(NY_TEXT.replace("\n", "\r\n").encode("gbk"))

    for name, parts in [("自然资源局 .wps", ZRZY_REPORT), ("人社局 .htm", RS_REPORT), ("卫健局 .mht", WJ_REPORT),
                        ("教育局 .doc(html)", JY_REPORT), ("应急局 .rtf", YJ_REPORT),
                        ("市场监管局 .docx", SC_REPORT), ("生态环境分局 .docx", ST_REPORT)]:
        extra = sum(len(x) for k, b in parts if k == "textbox" for x in b)
        print(f"{report_chars(parts) + extra:5d} chars  {name}")
    ny_chars = len(re.sub(r"\s", "", NY_TEXT))
    print(f"{ny_chars:5d} chars  农业农村局 .txt (no whitespace)")
    write_roster(HERE / "roster.xlsx")
    truth = build_truth()
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
