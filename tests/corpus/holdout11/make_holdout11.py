#!/usr/bin/env python3
"""Build the holdout11 corpus: INBOX/, roster.xlsx, truth.json.

Fictional 榆泉县 (a county in a northern province), report year 2024, deadline 2024-12-13.
Theme: old formats and the way files really arrive by e-mail -- legacy .doc/.xls made with
LibreOffice, a .zip with GBK member names and a sub-folder, a red-head report whose 文号 sits in
the page header and whose title sits in a text box, Chinese-numeral figures and dates, a unit that
re-sent last year's report, a late unit and a unit that sent nothing.

Needs python-docx, openpyxl and LibreOffice (`soffice`).  Run from anywhere:
    python tests/corpus/holdout11/make_holdout11.py
"""
import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
INBOX = HERE / "INBOX"
YEAR, DEADLINE = 2024, "2024-12-13"

ROSTER = [
    ("县公安局", "公安局"),
    ("县市场监督管理局", "市场监管局"),
    ("县自然资源局", "自然资源局"),
    ("县应急管理局", "应急局"),
    ("县农业农村局", "农业农村局"),
    ("县人力资源和社会保障局", "人社局"),
    ("县卫生健康局", "卫健局"),
    ("县林业和草原局", "林草局"),
    ("县住房和城乡建设局", "住建局"),
]
MISSING = ["县住房和城乡建设局"]

KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
        "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
        "audience", "study_sessions", "new_media", "budget", "sections"]
ALL4 = ["基本情况", "主要做法", "存在问题", "下一步打算"]

ZIPNAME = "市场监管局报送材料.zip"
ZIPDIR = "市场监管局2024年普法履职材料"

DOCS = {}     # INBOX path -> list of parts ("title"|"h"|"p"|"sign"|"plain", text)
TRUTH = {}    # INBOX path (zip members as a.zip!/dir/name) -> fields
ARRIVED = {}  # top-level INBOX name -> arrival time of the e-mail (used for the file mtime)


def fields(**kw):
    f = {k: None for k in KEYS}
    f["new_media"], f["sections"] = [], []
    f.update(kw)
    return f


# ================================================================== 县公安局 ==
GA_REPORT = "公安局2024年履职报告（报县普法办）.docx"
DOCS[GA_REPORT] = [
    ("title", "榆泉县公安局2024年度落实“谁执法谁普法”普法责任制履职报告"),
    ("plain", "县委全面依法治县委员会办公室、县普法办："),
    ("p", "2024年，县公安局坚持以习近平法治思想为指导，紧紧围绕“八五”普法规划和县委、县政府工作部署，"
          "把普法工作与打击犯罪、治安管理、服务群众同谋划、同部署、同推进，努力让执法办案的过程成为"
          "普法宣传的过程。现将全年履职情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "局党委高度重视普法责任制落实，年初调整了局法治宣传教育工作领导小组，由党委书记、局长任组长，"
          "党委副书记、政委孙建国同志分管普法工作，法制大队负责日常组织协调，各派出所和警种部门各确定"
          "一名民警担任普法联络员，形成了“党委统一领导、法制部门牵头、所队警种齐抓”的工作格局。"
          "结合公安执法职能，修订完善了《榆泉县公安局普法责任清单》，明确重点宣传的法律法规14部，"
          "并通过局政务公开栏向社会公布。普法工作经费列入局年度部门预算，宣传品制作和普法阵地建设"
          "所需经费得到保障。"),
    ("h", "二、主要做法及成效"),
    ("p", "（一）坚持领导带头学法。局党委理论学习中心组全年开展集体学法5次，专题学习了《中华人民共和国"
          "反电信网络诈骗法》和2023年修订的《中华人民共和国行政复议法》，组织全警参加执法资格等级考试"
          "和年度法律知识考试，领导干部运用法治思维和法治方式解决问题的能力进一步提升。"),
    ("p", "（二）抓实执法全过程普法。在接处警、案件办理和窗口服务中全面落实释法说理，依法告知当事人"
          "权利义务；在交通事故处理和治安调解中讲清法律依据和责任后果，做到办理一案、教育一片。"),
    ("p", "（三）开展多层次普法宣传。围绕全民国家安全教育日、“6·26”国际禁毒日、“122”全国交通安全日和"
          "“12·4”国家宪法日，深入机关、乡村、社区、学校、企业开展“法律七进”活动。全年开展各类普法"
          "宣传活动86场次，发放反诈、禁毒、交通安全等宣传资料2.3万余份，接受群众法律咨询1500余人次，"
          "受教育群众达4.6万人次。针对电信网络诈骗高发态势，组织社区民警进村入户开展反诈宣传，"
          "全年成功劝阻潜在受害群众1200余人。"),
    ("p", "（四）深化以案释法。从全年办理的刑事、行政案件中选取典型，编写以案释法典型案例4个报送县普法办"
          "（见附件），涵盖养老诈骗、饮酒驾驶、网络谣言和出租出借银行卡等群众关注的领域。"),
    ("p", "（五）发挥新媒体作用。依托“榆泉公安”微信公众号、抖音号和快手号开设“警官说法”专栏，"
          "全年发布普法短视频和图文信息130余条，单条最高播放量超过10万次。"),
    ("h", "三、存在的困难和问题"),
    ("p", "一是少数基层所队民警仍把普法看作“软任务”，执法与普法结合还不够紧密；二是面向农村留守老人的"
          "普法方式相对单一，针对性有待增强；三是新媒体普法作品原创数量不多，传播力和影响力还不够强。"),
    ("h", "四、2025年工作思路"),
    ("p", "一是持续压实所队普法责任，将普法工作纳入所队年度绩效考核；二是围绕反诈、禁毒、道路交通安全等"
          "群众关心的领域开展分众化、精准化普法；三是加强普法短视频创作，培养一批懂法律、会宣传的"
          "民警普法骨干。"),
    ("sign", "榆泉县公安局"),
    ("sign", "2024年12月6日"),
]
TRUTH[GA_REPORT] = fields(
    unit="县公安局", year=2024, doc_type="annual_report", date="2024-12-06",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=86, materials=23000, consultations=1500, audience=46000, study_sessions=5,
    new_media=["微信公众号", "抖音", "快手"], budget=True, sections=ALL4)
ARRIVED[GA_REPORT] = "2024-12-06 16:42"

GA_CASES = "附件：公安局2024年以案释法典型案例.doc"
DOCS[GA_CASES] = [
    ("title", "榆泉县公安局2024年度以案释法典型案例"),
    ("p", "按照县普法办关于报送以案释法典型案例的要求，现将我局本年度选编的典型案例报送如下。"),
    ("h", "【案例一】以“保健品”为名实施养老诈骗案"),
    ("p", "【基本案情】2024年4月，犯罪嫌疑人王某等三人在我县城关镇租用门店，以免费体检、赠送鸡蛋为诱饵，"
          "吸引老年人参加所谓“健康讲座”，夸大宣传普通食品具有治疗高血压、糖尿病的功效，并以高价向老年人"
          "销售，涉案金额18万余元，受害群众40余人。县公安局接到群众举报后立案侦查，抓获犯罪嫌疑人3名，"
          "依法移送检察机关审查起诉。"),
    ("p", "【法律分析】《中华人民共和国刑法》第二百六十六条规定，诈骗公私财物，数额较大的，处三年以下"
          "有期徒刑、拘役或者管制，并处或者单处罚金。本案中，王某等人虚构产品功效、隐瞒真相，使老年人"
          "基于错误认识交付财物，符合诈骗罪的构成要件。"),
    ("p", "【典型意义】养老诈骗往往打着“关爱”的旗号行骗，欺骗性强、隐蔽性高。本案提醒老年朋友，"
          "对“免费午餐”要多一分警惕，购买保健品要通过正规渠道；子女也要多关心家中老人，发现异常及时报警。"),
    ("h", "【案例二】饮酒后驾驶机动车被依法处罚案"),
    ("p", "【基本案情】2024年7月某晚，县公安局交警大队在县城迎宾路设卡检查时，查获驾驶人李某驾驶"
          "小型轿车。经呼气酒精检测，李某血液酒精含量为45mg/100ml。"),
    ("p", "【法律分析】根据《中华人民共和国道路交通安全法》第九十一条第一款，饮酒后驾驶机动车的，处暂扣"
          "六个月机动车驾驶证，并处一千元以上二千元以下罚款。李某血液酒精含量达到20mg/100ml以上、"
          "不满80mg/100ml，属于饮酒后驾驶，交警部门依法对其暂扣驾驶证六个月，并处罚款一千五百元。"),
    ("p", "【典型意义】“喝酒不开车，开车不喝酒”。饮酒驾驶不仅违法，更是对自己和他人生命安全的不负责任。"
          "本案警示广大驾驶人牢固树立守法意识，切勿心存侥幸。"),
    ("h", "【案例三】网络散布谣言扰乱公共秩序案"),
    ("p", "【基本案情】2024年9月，网民赵某为博取关注，在某短视频平台发布“榆泉县某小学发生学生集体食物"
          "中毒”的不实信息，引发部分家长恐慌，相关视频浏览量达2万余次。经核查，该信息系赵某凭空捏造。"),
    ("p", "【法律分析】《中华人民共和国治安管理处罚法》第二十五条规定，散布谣言，谎报险情、疫情、警情"
          "或者以其他方法故意扰乱公共秩序的，处五日以上十日以下拘留，可以并处五百元以下罚款。"
          "公安机关依法对赵某处以行政拘留五日。"),
    ("p", "【典型意义】网络不是法外之地。广大网民要自觉遵守法律法规，不造谣、不信谣、不传谣，"
          "发现不实信息及时向有关部门举报。"),
    ("h", "【案例四】在校学生出租银行卡被查处案"),
    ("p", "【基本案情】2024年10月，我县某职业学校学生刘某在网上被人以“兼职日赚300元”为诱饵，将本人名下"
          "3张银行卡出租给他人使用。经查，上述银行卡被用于电信网络诈骗资金转移，流水金额达60余万元。"),
    ("p", "【法律分析】《中华人民共和国刑法》第二百八十七条之二规定，明知他人利用信息网络实施犯罪，"
          "为其犯罪提供支付结算等帮助，情节严重的，构成帮助信息网络犯罪活动罪。《中华人民共和国反电信"
          "网络诈骗法》也明确规定，任何单位和个人不得非法买卖、出租、出借银行账户。刘某的行为已涉嫌"
          "违法犯罪，公安机关依法对其立案调查。"),
    ("p", "【典型意义】出租、出借银行卡和电话卡看似“轻松赚钱”，实则是在为犯罪分子“输血供弹”。"
          "希望广大青年学生保护好个人信息和银行卡，切勿因小失大。"),
    ("sign", "榆泉县公安局"),
    ("sign", "2024年12月5日"),
]
TRUTH[GA_CASES] = fields(unit="县公安局", year=2024, doc_type="case_report", date="2024-12-05",
                         cases_total=4)
ARRIVED[GA_CASES] = "2024-12-06 16:42"

# ====================================================== 县市场监督管理局 (zip) ==
SC_REPORT = f"{ZIPNAME}!/{ZIPDIR}/1.履职报告.docx"
SC_LIST = f"{ZIPNAME}!/{ZIPDIR}/2.普法责任清单.xlsx"
DOCS[SC_REPORT] = [
    ("title", "榆泉县市场监督管理局2024年度普法工作履职报告"),
    ("plain", "县普法办："),
    ("p", "今年以来，我局在县委、县政府的领导和县普法办的指导下，紧扣市场监管职能，把普法工作贯穿于"
          "市场准入、日常监管和执法办案各环节，较好地完成了年度普法任务。现将有关情况报告如下："),
    ("h", "一、主要工作及成效"),
    ("p", "（一）健全普法工作机制。成立了以局长为组长、各分管副局长为副组长的普法依法治理工作领导小组，"
          "分管法规工作的副局长具体抓落实，法规股配备1名专职人员承担日常工作。年初制定印发"
          "《榆泉县市场监督管理局2024年度普法责任清单》（见附件2），将普法任务分解到各股室和市场监管所。"),
    ("p", "（二）抓好领导干部学法用法。局党组理论学习中心组全年开展专题学法2次，集中学习了《中华人民共和国"
          "行政处罚法》和新修订的《中华人民共和国公司法》；组织执法人员参加全市市场监管系统执法业务培训，"
          "执法办案和释法说理能力有所提升。"),
    ("p", "（三）开展主题普法宣传。以“3·15”国际消费者权益日、食品安全宣传周、质量月和“12·4”国家宪法日"
          "为重点时段，走进商场超市、农贸市场、学校和商业街区，全年开展各类主题宣传活动24场次，发放食品"
          "安全、消费维权、特种设备安全等宣传资料8600份，现场解答群众法律咨询320人次。"),
    ("p", "（四）推进以案释法。坚持“查处一案、警示一片”，从查处的虚假宣传、销售过期食品、无证经营等案件中"
          "筛选典型，全年向县普法办报送以案释法案例3个，并在执法过程中向当事人讲清违法事实、处罚依据和"
          "整改要求。"),
    ("p", "（五）拓展普法宣传渠道。在局门户网站开设“法治市场监管”专栏，依托“榆泉市场监管”政务微博及时"
          "发布消费警示、抽检信息和法律解读，全年发布普法信息90余条。"),
    ("h", "二、存在的不足"),
    ("p", "一是普法宣传的针对性有待增强，对直播带货、社区团购等新业态经营者的法律宣传还不够深入；"
          "二是以案释法案例数量偏少，未达到全年报送4个的要求；三是基层市场监管所人少事多，"
          "普法力量相对不足。"),
    ("h", "三、下一步工作安排"),
    ("p", "2025年，我局将进一步健全普法工作机制，按季度做好以案释法案例的收集和报送；聚焦食品安全、"
          "药品安全、特种设备安全等重点领域，创新普法形式，提高普法的针对性和实效性；加强执法人员培训，"
          "推动严格规范公正文明执法与普法宣传深度融合。"),
    ("sign", "榆泉县市场监督管理局"),
    ("sign", "2024年12月10日"),
]
TRUTH[SC_REPORT] = fields(
    unit="县市场监督管理局", year=2024, doc_type="annual_report", date="2024-12-10",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=3,
    activities=24, materials=8600, consultations=320, study_sessions=2,
    new_media=["门户网站", "微博"], sections=["主要做法", "存在问题", "下一步打算"])

SC_LIST_ROWS = [
    ("序号", "普法内容（重点法律法规）", "普法对象", "普法方式", "责任股室", "完成时限"),
    (1, "《中华人民共和国食品安全法》及其实施条例", "食品生产经营者、消费者",
     "食品安全宣传周集中宣传，日常检查中释法说理", "食品安全协调股", "2024年6月底前"),
    (2, "《中华人民共和国消费者权益保护法》", "经营者、消费者",
     "“3·15”主题宣传，投诉调解中释法", "消费者权益保护股", "2024年3月"),
    (3, "《中华人民共和国特种设备安全法》", "特种设备使用单位",
     "专题培训、现场检查指导", "特种设备安全监察股", "全年"),
    (4, "《中华人民共和国广告法》《中华人民共和国反不正当竞争法》", "广告经营者、网络经营者",
     "行政指导、约谈提醒", "价格监督检查和反不正当竞争股", "全年"),
    (5, "《中华人民共和国药品管理法》《医疗器械监督管理条例》", "药品经营企业、医疗机构",
     "集中培训、发放资料", "药品医疗器械监管股", "2024年11月底前"),
    (6, "《中华人民共和国行政处罚法》", "本局执法人员", "集中学习、案卷评查", "法规股", "2024年12月底前"),
    (7, "《中华人民共和国宪法》", "全体干部职工、辖区群众", "“12·4”国家宪法日主题宣传", "办公室", "2024年12月"),
]
TRUTH[SC_LIST] = fields(unit="县市场监督管理局", year=2024, doc_type="duty_list", date="2024-03-12",
                        duty_list=True)
ARRIVED[ZIPNAME] = "2024-12-10 10:15"

# ========================================================== 县自然资源局 (红头) ==
ZR_FILE = "榆自然资〔2024〕47号.docx"
ZR_HEADER = ["榆泉县自然资源局文件", "榆自然资〔2024〕47号"]
ZR_TITLE = ["榆泉县自然资源局", "关于2024年度落实“谁执法谁普法”", "普法责任制情况的报告"]
DOCS[ZR_FILE] = [
    ("plain", "县委全面依法治县委员会办公室："),
    ("p", "根据《关于开展2024年度国家机关“谁执法谁普法”履职报告评议工作的通知》要求，现将我局2024年度"
          "普法责任制落实情况报告如下："),
    ("h", "一、基本情况"),
    ("p", "我局承担全县国土空间规划、自然资源调查监测、耕地保护、不动产登记、矿产资源管理等职责，"
          "涉及《中华人民共和国土地管理法》《中华人民共和国矿产资源法》《中华人民共和国测绘法》等"
          "法律法规20余部。局党组始终把普法工作摆在重要位置，成立了由党组书记、局长任组长的法治建设"
          "暨普法工作领导小组，党组成员、副局长韩志刚同志分管普法工作，政策法规股牵头组织实施，"
          "明确1名干部专门负责普法信息报送。年初修订了本局普法责任清单，逐项明确普法内容、对象和责任股室。"),
    ("h", "二、主要做法"),
    ("p", "（一）以领导干部为重点，推动学法制度化。落实党组理论学习中心组学法制度，全年开展集体学法3次，"
          "邀请县政府法律顾问围绕行政诉讼典型案例作专题辅导；组织全局干部参加国家工作人员学法用法考试，"
          "参考率、合格率均达到100%。"),
    ("p", "（二）以重要节点为契机，推动宣传常态化。结合“4·22”世界地球日、“6·25”全国土地日和"
          "“12·4”国家宪法日，在县城广场和乡镇集市开展主题宣传，全年举办普法宣传活动15场，发放"
          "《土地管理法》《矿产资源法》宣传折页和资料5000余份，现场解答群众咨询260余人次。"),
    ("p", "（三）以执法办案为载体，推动释法精准化。在卫片执法和违法占地整治中，执法人员坚持边查处边宣讲，"
          "向当事人讲清耕地保护红线和违法后果。全年报送以案释法典型案例4个，分别涉及非法占用耕地建房、"
          "无证采砂、不动产登记纠纷和测量标志保护。"),
    ("p", "（四）以新媒体为平台，推动普法便捷化。通过“榆泉自然资源”微信公众号推送政策解读和普法信息"
          "50余条，并在县政府门户网站自然资源专栏同步发布。"),
    ("h", "三、存在问题"),
    ("p", "一是普法经费尚未单独列入预算，主要从业务工作经费中统筹解决，宣传品制作受到一定限制；"
          "二是乡镇自然资源所普法力量薄弱，农村群众对耕地保护政策的知晓度仍然不高；三是普法形式以发放"
          "资料、现场咨询为主，群众参与度有待提升。"),
    ("h", "四、下一步工作打算"),
    ("p", "一是积极争取将普法经费纳入部门预算；二是结合农村乱占耕地建房问题整治，开展“耕地保护进村入户”"
          "专项普法；三是探索制作普法短视频，提高宣传的吸引力和覆盖面。"),
    ("plain", "特此报告。"),
    ("sign", "榆泉县自然资源局"),
    ("sign", "2024年12月11日"),
    ("plain", ""),
    ("plain", "抄送：县司法局。"),
    ("plain", "榆泉县自然资源局办公室　　　　　　　　　　2024年12月11日印发"),
]
TRUTH[ZR_FILE] = fields(
    unit="县自然资源局", year=2024, doc_type="annual_report", date="2024-12-11",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=15, materials=5000, consultations=260, study_sessions=3,
    new_media=["微信公众号", "门户网站"], budget=False, sections=ALL4)
ARRIVED[ZR_FILE] = "2024-12-11 17:30"

# ============================================================== 县应急管理局 ==
YJ_REPORT = "应急管理局2024年度普法工作总结.docx"
DOCS[YJ_REPORT] = [
    ("title", "榆泉县应急管理局2024年度普法工作总结"),
    ("h", "一、基本情况"),
    ("p", "2024年，我局以安全生产和防灾减灾救灾法律法规宣传为重点，认真落实“谁执法谁普法”普法责任制。"
          "局普法工作领导小组由局长任组长，分管副局长李文斌具体负责，政策法规股承担日常工作，各股室和"
          "应急管理综合行政执法大队各确定1名普法联络员。需要说明的是，我局2024年度普法责任清单正在"
          "结合机构职能调整进行修订，目前尚未正式印发。"),
    ("h", "二、主要做法"),
    ("p", "（一）领导干部带头学法。局党组理论学习中心组全年集体学法3次，重点学习《中华人民共和国安全"
          "生产法》《生产安全事故应急条例》，并结合典型事故案例研讨企业主体责任和部门监管责任。"),
    ("p", "（二）抓住重点时段集中宣传。6月“安全生产月”期间，在县城广场和工业园区集中开展宣传咨询活动"
          "11场；“5·12”防灾减灾日和“11·9”消防宣传日前后，组织应急科普进社区、进学校。全年累计开展"
          "普法宣传活动28场次，参与群众5300人次，发放各类宣传资料7000余份，解答法律咨询460人次。"),
    ("p", "（三）执法检查中同步普法。在危险化学品、非煤矿山和工贸企业执法检查中，执法人员逐条讲解违法"
          "条款和整改要求，推动企业负责人和安全管理人员知法守法。结合企业违法违规典型案件开展以案释法，"
          "全年向县普法办报送典型案例4个。"),
    ("p", "（四）用好新媒体阵地。依托“榆泉应急”微信公众号和视频号开设“安全说法”栏目，发布事故警示、"
          "法规解读和应急科普内容，引导群众增强安全意识和法治意识。"),
    ("p", "（五）推动普法融入应急管理全过程。在行政许可、事故调查和应急演练中同步开展法律法规解读，"
          "对企业主要负责人和安全生产管理人员开展安全生产知识和管理能力考核，督促其依法履行安全生产职责，"
          "推动形成“人人讲安全、个个会应急”的良好氛围。"),
    ("h", "三、存在的问题"),
    ("p", "一是普法责任清单修订进度滞后；二是第三季度汛期抢险任务繁重，以案释法工作有所放松；三是面向"
          "小微企业从业人员的普法覆盖面还不够广。"),
    ("h", "四、下一步工作打算"),
    ("p", "一是尽快完成普法责任清单修订并印发实施；二是建立以案释法案例季度报送提醒机制，确保每季度都有"
          "案例报送；三是聚焦小微企业和外来务工人员，开展“安全生产法律进企业”专项普法。"),
    ("sign", "榆泉县应急管理局"),
    ("sign", "2024年12月9日"),
]
TRUTH[YJ_REPORT] = fields(
    unit="县应急管理局", year=2024, doc_type="annual_report", date="2024-12-09",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=False, cases_total=4,
    activities=28, materials=7000, consultations=460, audience=5300, study_sessions=3,
    new_media=["微信公众号", "视频号"], sections=ALL4)
ARRIVED[YJ_REPORT] = "2024-12-09 11:05"

YJ_STATS = "应急局2024年普法工作统计表.xls"
# quarter: activities, audience, materials, consultations, cases, study sessions
YJ_Q = [("第一季度", 6, 900, 1200, 80, 1, 1),
        ("第二季度", 11, 2600, 3500, 210, 2, 1),
        ("第三季度", 4, 500, 800, 60, 0, 0),
        ("第四季度", 7, 1300, 1500, 110, 1, 1)]
TRUTH[YJ_STATS] = fields(
    unit="县应急管理局", year=2024, doc_type="stats_form", date="2024-12-09",
    cases_total=4, cases_by_quarter=[1, 2, 0, 1], activities=28, materials=7000, consultations=460,
    audience=5300, study_sessions=3)
ARRIVED[YJ_STATS] = "2024-12-09 11:05"

# ============================================================ 县农业农村局 (.doc) ==
NY_FILE = "农业农村局2024年度普法履职报告.doc"
DOCS[NY_FILE] = [
    ("title", "榆泉县农业农村局二〇二四年度“谁执法谁普法”履职报告"),
    ("plain", "县普法办："),
    ("p", "二〇二四年，我局坚持把普法工作作为推进农业农村法治建设的基础性工作，认真落实“谁执法谁普法”"
          "普法责任制，围绕乡村振兴和农业综合行政执法扎实开展法治宣传教育。现将全年履职情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "年初，我局结合人事变动及时调整了普法工作领导小组，由局长任组长，明确一名副局长分管普法工作，"
          "办公室和农业综合行政执法大队具体承办，执法大队确定两名同志为兼职普法联络员。三月份，局党组"
          "研究制定并公布了本局二〇二四年度普法责任清单，将《中华人民共和国种子法》《中华人民共和国农产品"
          "质量安全法》《中华人民共和国农村土地承包法》等十一部法律法规的宣传任务分解到股室。普法工作经费"
          "纳入年度部门预算，保障了宣传资料印制和活动开展。"),
    ("h", "二、工作措施及成效"),
    ("p", "（一）领导干部带头学法。局党组理论学习中心组全年集体学法四次，专题学习新修订的《中华人民共和国"
          "农产品质量安全法》和《中华人民共和国行政复议法》，推动班子成员在重大决策前先学法、再决策。"),
    ("p", "（二）抓住农时节点普法。抓住春耕备耕、“三夏”生产和秋冬种等关键农时，组织执法人员深入乡镇农资"
          "门店和田间地头开展“放心农资下乡进村”宣传，全年开展宣传活动十二场次，发放资料三千余份，解答农民"
          "群众法律咨询四百六十余人次，受教育群众一万二千余人次。"),
    ("p", "（三）执法与普法深度融合。在农资市场检查和农产品质量安全监管中坚持边执法边普法，全年检查农资"
          "经营门店二百一十家次，对发现的问题当场讲明法律规定并督促整改，做到执法一次、教育一片。"),
    ("p", "（四）以案释法常态开展。全年报送以案释法典型案例五个，其中第一季度一个、第二季度两个、第三季度"
          "一个、第四季度一个，内容涵盖销售假劣种子、违规使用禁用农药和农村土地承包经营权纠纷等。"),
    ("p", "（五）新媒体普法拓面增效。依托“榆泉农业农村”微信公众号和今日头条号开设“农业法规小课堂”栏目，"
          "推送普法信息六十余条。"),
    ("h", "三、存在的短板"),
    ("p", "一是普法对象以农资经营者为主，对家庭农场、农民合作社等新型农业经营主体的法律服务还不够；"
          "二是村级普法阵地作用发挥不充分；三是普法作品形式不够丰富，群众喜闻乐见的作品较少。"),
    ("h", "四、二〇二五年工作打算"),
    ("p", "一是按照“八五”普法规划总结验收要求，全面梳理五年来普法工作成效；二是围绕高标准农田建设、农村"
          "宅基地管理等群众关心的问题开展专题普法；三是加强农村“法律明白人”培养，力争每个行政村至少培养"
          "三名。"),
    ("sign", "榆泉县农业农村局"),
    ("sign", "二〇二四年十一月二十日"),
]
TRUTH[NY_FILE] = fields(
    unit="县农业农村局", year=2024, doc_type="annual_report", date="2024-11-20",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=5,
    cases_by_quarter=[1, 2, 1, 1], activities=12, materials=3000, consultations=460, audience=12000,
    study_sessions=4, new_media=["微信公众号", "今日头条"], budget=True, sections=ALL4)
ARRIVED[NY_FILE] = "2024-11-22 09:20"

# ============================================================ 县人社局 (late) ==
RS_FILE = "县人社局2024年普法履职报告.docx"
DOCS[RS_FILE] = [
    ("title", "榆泉县人力资源和社会保障局2024年度普法履职报告"),
    ("plain", "县普法办："),
    ("p", "按照县普法办《关于报送2024年度“谁执法谁普法”履职报告的通知》要求，现将我局全年普法工作情况"
          "报告如下。因年底集中开展根治欠薪冬季攻坚行动，材料报送有所延迟，敬请谅解。"),
    ("h", "一、基本情况"),
    ("p", "我局把普法工作纳入全局年度重点工作，成立了以党组书记、局长为组长的普法工作领导小组，党组成员、"
          "副局长郭晓东同志分管普法工作。局内普法工作由法规股兼顾承担，尚未配备专职普法人员。结合劳动保障"
          "监察、社会保险经办和人事争议仲裁等职能，制定了本局普法责任清单，明确了各股室的普法任务。"),
    ("h", "二、工作开展情况"),
    ("p", "（一）班子成员带头学法。局党组理论学习中心组开展集体学法2次，学习了《保障农民工工资支付条例》"
          "和《中华人民共和国劳动合同法》相关条款，提高了依法决策和依法行政水平。"),
    ("p", "（二）面向重点人群开展宣传。以“尊法守法·携手筑梦”服务农民工公益法律服务行动、民法典宣传月和"
          "就业援助月为抓手，在招聘会、建筑工地和企业车间开展普法宣传活动35场，发放劳动合同、工资支付、"
          "社会保险等方面的宣传资料1.8万份，接受群众政策法律咨询3200人次。"),
    ("p", "（三）办案中释法说理。整理劳动保障监察和劳动人事争议仲裁中的典型案件，全年报送以案释法案例七件，"
          "在仲裁庭审中当庭释法，引导劳动者和用人单位依法理性维权。"),
    ("p", "（四）借助新媒体扩大覆盖。通过“榆泉人社”微信公众号推送政策解读和维权提示，方便群众随时查阅。"),
    ("p", "（五）把普法融入窗口服务。在社保经办、就业登记和职业技能评价等窗口推行“办事+普法”模式，"
          "工作人员在受理业务时一并讲解相关法律政策，发放办事指南和维权明白卡，让群众在办事过程中"
          "知法懂法、依法维权。"),
    ("h", "三、存在的问题"),
    ("p", "普法人员均为兼职，专业化水平不高；针对灵活就业人员和新就业形态劳动者的普法覆盖还不够；"
          "普法效果评估机制尚不健全。"),
    ("h", "四、下一步工作打算"),
    ("p", "一是加强普法队伍建设，通过业务培训提升兼职普法人员能力；二是聚焦新就业形态劳动者权益保障开展"
          "精准普法；三是探索建立普法效果评估机制，推动普法工作从“重数量”向“重实效”转变。"),
    ("sign", "榆泉县人力资源和社会保障局"),
    ("sign", "2024年12月19日"),
]
TRUTH[RS_FILE] = fields(
    unit="县人力资源和社会保障局", year=2024, doc_type="annual_report", date="2024-12-19",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=7,
    activities=35, materials=18000, consultations=3200, study_sessions=2,
    new_media=["微信公众号"], sections=ALL4)
ARRIVED[RS_FILE] = "2024-12-19 15:48"

# ============================================================ 县卫健局 (自查) ==
WJ_FILE = "卫健局普法责任制落实情况自查报告（修改稿）.docx"
DOCS[WJ_FILE] = [
    ("title", "榆泉县卫生健康局关于2024年度普法责任制落实情况的自查报告"),
    ("plain", "县普法办："),
    ("p", "根据县普法办统一安排，我局对照《榆泉县国家机关普法责任制落实情况评议指标》，对2024年度普法"
          "工作进行了逐项自查。现将自查情况报告如下。"),
    ("h", "一、基本情况"),
    ("p", "我局成立了由党组书记、局长任组长的普法工作领导小组，局主要负责同志认真履行普法工作第一责任人"
          "职责，对普法重要工作亲自部署、重大问题亲自过问。医政医管股为普法牵头股室，明确1名同志担任普法"
          "联络员。局党组定期专题研究普法工作，将普法任务纳入年度工作要点，与业务工作同部署、同检查、同考核。年初印发了本局普法责任清单，明确了《中华人民共和国基本医疗卫生与健康促进法》《中华人民"
          "共和国医师法》等重点法律法规的宣传任务。"),
    ("h", "二、责任落实情况"),
    ("p", "（一）学法用法方面。党组理论学习中心组全年开展集体学法2次，组织医疗机构负责人参加依法执业"
          "专题培训，推动医务人员依法执业、规范服务。"),
    ("p", "（二）普法宣传方面。结合“世界卫生日”、全民营养周和“12·4”国家宪法日，开展健康法治宣传活动"
          "19次，发放宣传品和资料4200份，提供法律咨询180人次，覆盖群众约9000人次。"),
    ("p", "（三）以案释法方面。全年向县普法办报送以案释法典型案例2个，分别为非法行医案和医疗美容机构"
          "超范围执业案。"),
    ("p", "（四）宣传平台方面。本局尚未开设政务新媒体账号，普法信息主要通过全县卫健系统工作微信群转发，"
          "受众以系统内干部职工为主。"),
    ("p", "（五）执法监督方面。县卫生健康综合监督执法机构在医疗机构、公共场所和学校卫生监督检查中坚持"
          "执法与普法同步，对发现的问题逐条讲解法律依据，督促被检查单位健全内部管理制度，推动依法执业"
          "由“要我守法”向“我要守法”转变。"),
    ("h", "三、自查发现的问题"),
    ("p", "对照评议指标，主要存在以下问题：一是以案释法案例报送数量不足，未达到全年4个的要求；二是缺少"
          "面向社会公众的新媒体普法平台，普法覆盖面偏窄；三是基层医疗机构普法工作开展不平衡。"),
    ("h", "四、整改措施"),
    ("p", "一是建立以案释法案例按季度报送制度，由医政医管股和卫生监督所共同筛选案例；二是计划于2025年"
          "上半年开通“榆泉卫健”微信公众号，开设普法专栏；三是将普法工作纳入医疗机构年度考核内容。"),
    ("sign", "榆泉县卫生健康局"),
    ("sign", "2024年12月12日"),
]
TRUTH[WJ_FILE] = fields(
    unit="县卫生健康局", year=2024, doc_type="self_inspection", date="2024-12-12",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=2,
    activities=19, materials=4200, consultations=180, audience=9000, study_sessions=2,
    new_media=[], sections=ALL4)
ARRIVED[WJ_FILE] = "2024-12-12 18:03"

# ================================================= 县林草局 (last year's report) ==
LC_FILE = "林草局普法履职报告.doc"
DOCS[LC_FILE] = [
    ("title", "榆泉县林业和草原局2023年度普法履职报告"),
    ("plain", "县普法办："),
    ("p", "2023年，我局以“八五”普法规划为指引，把森林草原资源保护法律法规宣传作为普法工作的重中之重，"
          "普法责任制各项任务得到较好落实。现将有关情况报告如下："),
    ("h", "一、基本情况"),
    ("p", "我局成立了由局长任组长的普法工作领导小组，副局长高建民同志分管普法工作，林政资源股具体负责"
          "普法日常工作，各国有林场和管护站也相应明确了普法责任人，形成了局、场、站三级普法工作网络。年初制定了本局2023年度普法责任清单，并将普法经费纳入部门预算予以保障。"),
    ("h", "二、主要做法"),
    ("p", "（一）坚持学法制度。局党组理论学习中心组开展集体学法2次，学习《中华人民共和国森林法》和"
          "《中华人民共和国草原法》，提升了班子成员依法管林治草的能力。"),
    ("p", "（二）突出防火期和重要节点宣传。在春季、秋冬季森林草原防火期，组织护林员和执法人员深入林区"
          "村庄、景区入口开展防火法规宣传；结合“3·12”植树节、“3·3”世界野生动植物日开展主题普法。"
          "全年开展普法宣传活动20场次，发放宣传资料6000份，解答群众咨询300人次，受教育群众7000余人次。"),
    ("p", "（三）以案释法警示教育。选取滥伐林木、非法占用林地、非法猎捕野生动物等典型案件，全年报送"
          "以案释法典型案例4个，在案发村组召开警示教育会。"),
    ("p", "（四）运用新媒体普法。通过“榆泉林草”微信公众号发布普法信息40余条，推送森林防火“十不准”"
          "等内容。"),
    ("p", "（五）执法中落实普法。林业综合行政执法队在查处涉林违法案件中坚持释法说理，向当事人讲清毁林、"
          "非法占用林地等行为的法律后果，督促其依法补植复绿。同时，在林区主要路口和景区入口设置固定宣传牌"
          "和防火警示标语，营造了保护森林草原、人人有责的浓厚氛围。"),
    ("h", "三、存在问题"),
    ("p", "一是偏远林区群众居住分散，普法宣传难以全覆盖；二是护林员法律知识储备不足，开展宣传的能力有待"
          "提高；三是普法形式较为传统。"),
    ("h", "四、下一步打算"),
    ("p", "2024年，我局将加强护林员法律知识培训，推动普法宣传向偏远林区延伸；探索运用短视频等形式开展"
          "林草法律法规宣传；进一步完善以案释法工作机制，努力提升普法工作实效。"),
    ("sign", "榆泉县林业和草原局"),
    ("sign", "2023年12月8日"),
]
TRUTH[LC_FILE] = fields(
    unit="县林业和草原局", year=2023, doc_type="annual_report", date="2023-12-08",
    leading_group=True, leader_in_charge=True, staff_assigned=True, duty_list=True, cases_total=4,
    activities=20, materials=6000, consultations=300, audience=7000, study_sessions=2,
    new_media=["微信公众号"], budget=True, sections=ALL4)
ARRIVED[LC_FILE] = "2024-12-10 08:57"

# ================================================================ findings ==
FINDINGS = {
    "县公安局": [],
    "县市场监督管理局": ["cases_below_min", "missing_section"],
    "县自然资源局": [],
    "县应急管理局": ["no_duty_list", "quarter_without_case"],
    "县农业农村局": [],
    "县人力资源和社会保障局": ["late_submission"],
    "县卫生健康局": ["cases_below_min", "no_new_media"],
    # only a 2023 report arrived: nothing is stated for 2024 (see README)
    "县林业和草原局": ["cases_below_min", "no_duty_list", "no_leading_group", "no_leader_in_charge",
                 "no_staff_assigned", "no_new_media", "study_below_min"],
    "县住房和城乡建设局": ["missing_submission"],
}

# document metadata: (author, created) -- as the units' own PCs would leave them
META = {
    GA_REPORT: ("fzdd", "2024-12-04 10:12"), GA_CASES: ("fzdd", "2024-12-05 09:30"),
    SC_REPORT: ("fgg", "2024-12-09 15:20"), ZR_FILE: ("zcfgg", "2024-12-11 09:00"),
    YJ_REPORT: ("yjj", "2024-12-08 16:40"), NY_FILE: ("Administrator", "2024-11-19 14:05"),
    RS_FILE: ("rsj-fgg", "2024-12-18 11:11"), WJ_FILE: ("Administrator", "2024-12-12 17:40"),
    LC_FILE: ("lcj", "2023-12-07 10:00"),
}


# ================================================================ writers ==
def ts(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M")


def set_font(doc):
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(16)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def set_meta(doc, key):
    author, created = META[key]
    cp = doc.core_properties
    cp.author = cp.last_modified_by = author
    cp.created = cp.modified = ts(created)
    cp.title, cp.comments, cp.revision = "", "", 3


def add_parts(doc, parts):
    for kind, body in parts:
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(body)
            run.bold, run.font.size = True, Pt(22)
        elif kind == "h":
            doc.add_paragraph().add_run(body).bold = True
        elif kind == "sign":
            doc.add_paragraph(body).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "p":
            p = doc.add_paragraph(body)
            p.paragraph_format.first_line_indent = Pt(32)
        else:
            doc.add_paragraph(body)


def write_docx(path, parts, key):
    doc = Document()
    set_font(doc)
    add_parts(doc, parts)
    set_meta(doc, key)
    doc.save(path)


TEXTBOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent>
  <mc:Choice Requires="wps">
   <w:drawing>
    <wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264"
               behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
     <wp:simplePos x="0" y="0"/>
     <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
     <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
     <wp:extent cx="5600700" cy="1371600"/>
     <wp:effectExtent l="0" t="0" r="0" b="0"/>
     <wp:wrapTopAndBottom/>
     <wp:docPr id="1" name="文本框 1"/>
     <wp:cNvGraphicFramePr/>
     <a:graphic>
      <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
       <wps:wsp>
        <wps:cNvSpPr txBox="1"/>
        <wps:spPr>
         <a:xfrm><a:off x="0" y="0"/><a:ext cx="5600700" cy="1371600"/></a:xfrm>
         <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
         <a:noFill/><a:ln><a:noFill/></a:ln>
        </wps:spPr>
        <wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>
        <wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr>
       </wps:wsp>
      </a:graphicData>
     </a:graphic>
    </wp:anchor>
   </w:drawing>
  </mc:Choice>
  <mc:Fallback>
   <w:pict>
    <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"
                 xmlns:o="urn:schemas-microsoft-com:office:office">
     <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>
    </v:shapetype>
    <v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202"
             style="position:absolute;margin-left:0;margin-top:0;width:441pt;height:108pt;z-index:251659264"
             stroked="f" xmlns:o="urn:schemas-microsoft-com:office:office">
     <v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox>
    </v:shape>
   </w:pict>
  </mc:Fallback>
 </mc:AlternateContent>
</w:r>"""

TB_PARA = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="44"/>'
           '<w:szCs w:val="44"/></w:rPr><w:t>{text}</w:t></w:r></w:p>')


def write_redhead(path, key):
    doc = Document()
    set_font(doc)
    sec = doc.sections[0]
    header = sec.header
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = hp.add_run(ZR_HEADER[0])
    r.bold, r.font.size, r.font.color.rgb = True, Pt(36), RGBColor(0xE6, 0x00, 0x12)
    hp2 = header.add_paragraph()
    hp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hp2.add_run(ZR_HEADER[1]).font.size = Pt(16)
    rule = header.add_paragraph()
    rr = rule.add_run("━" * 24)
    rr.font.color.rgb = RGBColor(0xE6, 0x00, 0x12)
    # the title lives in a text box anchored in the first body paragraph
    paras = "".join(TB_PARA.format(text=t) for t in ZR_TITLE)
    anchor_p = doc.add_paragraph()
    anchor_p._p.append(parse_xml(TEXTBOX.format(paras=paras)))
    add_parts(doc, DOCS[key])
    set_meta(doc, key)
    doc.save(path)


def write_duty_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "责任清单"
    ncol = len(SC_LIST_ROWS[0])
    ws.cell(1, 1, "榆泉县市场监督管理局2024年度普法责任清单").font = Font(bold=True, size=16)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    for r, row in enumerate(SC_LIST_ROWS, 2):
        for c, v in enumerate(row, 1):
            cell = ws.cell(r, c, v)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if r == 2:
                cell.font = Font(bold=True)
    last = len(SC_LIST_ROWS) + 2
    ws.cell(last, 1, "制表单位：榆泉县市场监督管理局法规股")
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=3)
    ws.cell(last, 4, "制表日期：2024年3月12日")
    ws.merge_cells(start_row=last, start_column=4, end_row=last, end_column=ncol)
    for col, w in zip("ABCDEF", (6, 40, 24, 32, 26, 16)):
        ws.column_dimensions[col].width = w
    wb.properties.creator = "fgg"
    wb.properties.created = wb.properties.modified = ts("2024-03-12 10:30")
    wb.save(path)


def write_stats(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws["A1"] = "榆泉县应急管理局2024年度普法宣传教育工作统计表"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = center
    ws.merge_cells("A1:H1")
    ws["A2"] = "填报单位：榆泉县应急管理局（盖章）"
    ws.merge_cells("A2:D2")
    ws["E2"] = "填报日期：2024年12月9日"
    ws.merge_cells("E2:H2")
    heads = {"A3": "时间", "B3": "普法宣传活动", "D3": "发放宣传资料（份）", "E3": "法律咨询（人次）",
             "F3": "以案释法", "H3": "领导班子集体学法（次）",
             "B4": "场次", "C4": "参与群众（人次）", "F4": "报送典型案例（个）", "G4": "其中被市级以上采用（个）"}
    for ref, v in heads.items():
        ws[ref] = v
    for rng in ("A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:G3", "H3:H4"):
        ws.merge_cells(rng)
    lectures = [1, 1, 0, 0]  # adopted cases, a subset of the reported ones
    rows = []
    for (q, act, aud, mat, con, cas, study), lec in zip(YJ_Q, lectures):
        rows.append([q, act, aud, mat, con, cas, lec, study])
    tot = ["合计"] + [sum(r[i] for r in rows) for i in range(1, 8)]
    for i, row in enumerate(rows + [tot]):
        for j, v in enumerate(row):
            ws.cell(5 + i, 1 + j, v)
    for r in range(3, 10):
        for c in range(1, 9):
            ws.cell(r, c).border = box
            ws.cell(r, c).alignment = center
    for c in range(1, 9):
        ws.cell(9, c).font = Font(bold=True)
    ws["A10"] = "填表人：刘晓燕　　审核人：李文斌　　联系电话：0000-7213456"
    ws.merge_cells("A10:H10")
    ws["A11"] = "说明：本表由各股室、执法大队按季度汇总后报政策法规股，合计数为全年数。"
    ws.merge_cells("A11:H11")
    for col, w in zip("ABCDEFGH", (12, 8, 12, 14, 12, 12, 12, 14)):
        ws.column_dimensions[col].width = w
    wb.save(path)
    return tot


def soffice_convert(src, fmt, outdir, profile):
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    out = Path(outdir) / (Path(src).stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise SystemExit(f"soffice did not produce {out}")
    return out


class GBKZipInfo(zipfile.ZipInfo):
    """Member name stored in GBK without the UTF-8 flag, as Windows 'send to zip' tools do."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as zf:
        d = GBKZipInfo(ZIPDIR + "/", date_time=(2024, 12, 10, 10, 2, 0))
        d.external_attr = 0x10
        zf.writestr(d, b"")
        for name, src, when in members:
            zi = GBKZipInfo(f"{ZIPDIR}/{name}", date_time=ts(when).timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0x20
            zf.writestr(zi, Path(src).read_bytes())


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
    files, units = {}, {}
    for path, f in TRUTH.items():
        files[path] = {"status": "ok", "error_code": None, "unit": f["unit"], "doc_type": f["doc_type"],
                       "fields": f}
        units.setdefault(f["unit"], []).append(path)
    return {"year": YEAR, "deadline": DEADLINE, "files": files,
            "units": {u: {"findings": FINDINGS[u], "files": sorted(units.get(u, []))} for u in FINDINGS},
            "missing_units": MISSING}


def text_len(parts):
    return sum(len(b) for k, b in parts)


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    with tempfile.TemporaryDirectory(prefix="h11-") as tmp:
        tmp = Path(tmp)
        profile = tmp / "lo-profile"
        # plain .docx files
        for name in (GA_REPORT, YJ_REPORT, RS_FILE, WJ_FILE):
            write_docx(INBOX / name, DOCS[name], name)
        write_redhead(INBOX / ZR_FILE, ZR_FILE)
        # legacy .doc: written as .docx, converted by LibreOffice
        for i, name in enumerate((GA_CASES, NY_FILE, LC_FILE)):
            src = tmp / f"doc{i}.docx"
            write_docx(src, DOCS[name], name)
            out = soffice_convert(src, "doc:MS Word 97", tmp, profile)
            shutil.move(out, INBOX / name)
        # legacy .xls with merged header cells and a 合计 row
        src = tmp / "stats.xlsx"
        tot = write_stats(src)
        out = soffice_convert(src, "xls:MS Excel 97", tmp, profile)
        shutil.move(out, INBOX / YJ_STATS)
        assert tot[1:] == [28, 5300, 7000, 460, 4, 2, 3], tot
        # the zip: a sub-folder with the report and the duty list, GBK member names
        rep, lst = tmp / "rep.docx", tmp / "lst.xlsx"
        write_docx(rep, DOCS[SC_REPORT], SC_REPORT)
        write_duty_list(lst)
        write_zip(INBOX / ZIPNAME, [("1.履职报告.docx", rep, "2024-12-09 15:20"),
                                    ("2.普法责任清单.xlsx", lst, "2024-03-12 10:30")])
    # file times as saved from the mail client on arrival
    for name, when in ARRIVED.items():
        t = time.mktime(ts(when).timetuple())
        os.utime(INBOX / name, (t, t))
    write_roster(HERE / "roster.xlsx")
    truth = build_truth()
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, parts in DOCS.items():
        extra = sum(len(t) for t in ZR_TITLE) if name == ZR_FILE else 0
        print(f"{text_len(parts) + extra:5d} chars  {name}")


if __name__ == "__main__":
    main()
