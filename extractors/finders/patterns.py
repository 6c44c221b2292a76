"""Phrasings of 公文 prose the field matchers look for: data, not code.

A new phrasing is a line here (and a test vector), not a new branch.
Regexes run on normalised text (simplified, half-width digits, no stray
spaces); ``[^，。；]`` keeps a match inside one clause.
"""
from __future__ import annotations

# --- counted quantities -----------------------------------------------------
# field -> (keywords that name what is counted, measure words it is counted in)
COUNT_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cases_total": (("以案释法", "典型案例", "释法案例", "案例"), ("个", "件", "篇", "例", "起", "则", "宗", "期")),
    "activities": (("宣传活动", "普法活动", "主题活动", "活动", "讲座", "讲堂", "宣讲", "法治课", "普法课", "集中宣传",
                    "宣传", "普法"),
                   ("场次", "场", "次", "期", "轮")),
    "materials": (("资料", "宣传册", "宣传品", "手册", "折页", "宣传单", "读本", "传单", "明白纸", "宣传页",
                   "海报", "挂图", "书籍", "小册子", "宣传材料", "图书", "彩页", "画册", "单页", "漫画", "单行本",
                   "宣传袋", "明白卡", "口袋书"),
                  ("份", "册", "本", "张", "件", "套", "余份")),
    "consultations": (("咨询", "答疑", "解答", "释疑", "问询", "咨询群众", "咨询的群众", "来访咨询"),
                      ("人次", "人", "次", "件", "起", "条")),
    "audience": (("受教育", "受众", "覆盖", "惠及", "群众", "听众", "观众", "市民", "居民", "村民", "学生",
                  "师生", "参与人数", "参与", "参加人员", "辐射", "受益", "观看", "人数", "听课", "旁听"),
                 ("人次", "人", "余人")),
    "study_sessions": (("集体学法", "学法", "中心组学习", "集体学习", "专题学习", "学习会", "学法会", "专题学法", "学法活动",
                        "学法讲座", "学习"),
                       ("次", "场", "期", "轮")),
}
# study_sessions counts leadership study only: the clause must name who studies (集中学法: the body as one)
STUDY_LEADERS = r"中心组|领导班子|班子成员|党组|党委|局务会|常务会|党总支|支委|委务会|院务会|办公会"
STUDY_SUBJECT = rf"{STUDY_LEADERS}|集体学法|集中学法|会前学法"
# …and the study must be of law (中心组学习会10次，学习党的二十大精神 is not 学法)
STUDY_OF_LAW = r"法|条例|规章|规定"
# staff studying (组织干部职工集中学法12次) is not the leadership's study, unless the clause names the leadership
STUDY_BY_STAFF = r"干部职工|全体干部|全体职工|全体人员|全局干部|干警|执法人员|工作人员|全员|职工"
# the verb nearest before a figure says what it counts: a field's own verbs against verbs of something else
# (接待办事群众3.5万人次 is people served; 播放普法宣传片120场次 screen slots; 张贴海报 posted, not handed out)
FIELD_VERBS: dict[str, tuple[str, str]] = {
    "audience": (r"受教育|参与|参加|覆盖|惠及|受益|观看|收看|听取|聆听|教育|宣传|普法",
                 r"接待|办事|办理|受理|办件|服务窗口|来访|信访|就诊|救助"),
    "activities": (r"开展|举办|组织|举行|召开|走进|深入|送法|进村|进社区|进企业|进校园|活动",
                   r"播放|滚动|展播|投放|刊播|刊登|刊发|推送|发布|转发|张贴|悬挂|上线|带头|更新|编发|出刊|编印|印制|制作|出版"),
    # 书记带头讲法治课: the leader's duty; 更新宣传栏12期, 编发简报24期: issues made, not activities held
    "materials": (r"发放|派发|分发|赠送|印发|编印|印制|制作|发送|送|发",
                  r"张贴|悬挂|设置|摆放|布置|展出|展示|陈列|购置|采购|订阅|配备"),
}
# a rate per person or household (人手1本, 每户1份) counts no copies
PER_HEAD = r"(?:人手|每人|人均|每户|户均|每村|每名|各)\s*$"
# keywords that, when nearer to a number than another field's keyword, claim it for nobody
NON_FIELD_WORDS: tuple[str, ...] = (
    "案件", "检查", "执法", "处罚", "立案", "办理", "查处", "文章", "信息", "视频", "短视频", "推文", "条",
    "培训", "干部", "职工", "人员", "会议", "考试", "户次", "家次", "企业", "单位", "阅读", "浏览", "点击",
    "粉丝", "关注", "转发", "科室", "个体", "万元", "元", "问卷", "题", "答题", "场所",
    "推进会", "座谈会", "例会", "部署会", "调度会", "工作会", "党组会", "办公会", "联席会",
)
# a figure counting these, named right after it (七个方面, 3个环节, 12个村), counts nothing of a field
OTHER_COUNTED = (r"方面|环节|领域|部门|股室|科室|单位|项目|条款|类别|批次|阶段|板块|要点|问题|指标|任务|村(?!民)|社区|乡镇"
                 r"|街道|重点|层级|维度|步骤|渠道")
# claims for the measure word 'the number belongs to what follows' (5个典型案例)
FORWARD_KEYWORDS: dict[str, tuple[str, ...]] = {
    "cases_total": ("以案释法", "典型案例", "案例"),
    "materials": ("宣传资料", "资料", "宣传册", "宣传品", "手册", "折页", "宣传单"),
    "activities": ("普法宣传活动", "宣传活动", "普法活动", "法治宣传活动", "活动", "讲座"),
    "study_sessions": ("集体学法", "学法"),
    "consultations": ("法律咨询", "咨询"),
}
# a clause stating a target, a plan or a rule, not a result
PLAN_MARKERS = r"不少于|至少|力争|争取|计划|(?<![模虚])拟(?!定)|目标|要求|应当|必须|须|每季度|每月|每年|每半年|不低于|以上的|确保"
TOTAL_MARKERS = r"全年|共计|(?<![公中])共(?!有|和国|同|享|建|识|产党|青团)|累计|合计|总计|全局|年内|一年来|总共|年度|本年"
# a clause describing what the unit is or has (在校学生4.1万人), not what it did
STOCK_MARKERS = r"现有|共有|下辖|内设|下设|在校|在册|辖区内有|常住|户籍|在职|编制|管理服务对象"
# a figure spanning several years (三年累计…213场) is not the year's
# a figure of an earlier year given for comparison (2023年同期为26场次, 较去年的5个)
PREVIOUS_MARKERS = r"同期|去年|上年|上一年|前一年|往年|较上|比上"
YEAR_SPAN_MARKERS = (r"(?:规划|实施|启动|十四五|十三五|八五|七五|五年)[^，。；]{0,4}以来|[两二三四五六七八九十]年(?:来|累计|共|间|内|合计)"
                     r"|近[两二三四五几]年|历年|多年来|\d{4}\s*[-—至到～]\s*\d{4}年")
PART_MARKERS = r"其中|期间|季度|\d+月|月份|宣传周|宣传月|当天|当日|活动日|节点"

# --- stated facts (SPEC §3 booleans) ------------------------------------------
# the verbs 公文 use for an office or person doing the work, and the titles of an office's head
STAFF_VERBS = r"负责|承担|协调|统筹|承办|主抓|具体抓|抓|兼管|办理|牵头|归口"
OFFICE_HEAD = r"主任|副主任|科长|副科长|股长|副股长|所长|站长|队长|负责人|同志|工作人员|干部"
NEG = r"(?:未|没有|尚未|暂未|还未|未能|尚无|暂无|没|并未|仍未|还没有|尚不|无)"
BOOL_PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "leading_group": {
        "positive": (r"领导小组",),
        "negative": (rf"{NEG}[^，。；]{{0,10}}(?:成立|设立|建立|组建|设置|健全)?[^，。；]{{0,10}}领导小组",
                     rf"领导小组[^，。；]{{0,6}}{NEG}(?:成立|设立|建立|组建|设置)",
                     r"(?:缺少|缺乏)[^，。；]{0,6}领导小组"),
        "context": (r"普法|法治|依法治|宣传教育",),
        # the district's own group (区普法依法治理领导小组办公室 is the office reported to); 依法治县 is a name
        "not_own": (r"(?:^|[^我本局治])(?:区|市|县|省|州|旗|全区|全市|全县|上级)委?[^，。；局院委办]{0,10}领导小组",),
        # no group *for 普法*: 普法 may still be led by the unit's 法治建设/依法行政/依法治X 领导小组 (SPEC §3)
        "weak_negative": (rf"{NEG}[^，。；]{{0,10}}普法[^，。；]{{0,8}}领导小组",
                          rf"普法[^，。；]{{0,8}}领导小组[^，。；]{{0,8}}{NEG}(?:成立|设立|建立|组建|设置)"),
        # when a 普法 group is denied, only a group of law work leads 普法
        "broad": (r"(?:法治|依法|法制|普治)[^，。；]{0,12}领导小组",),
    },
    "leader_in_charge": {
        # 局长/副校长/镇长/所长…: the head of any kind of unit
        "positive": (r"分管[^，。；]{0,10}(?:领导|负责人|主任|检察长|书记|同志|[局院校镇乡所站处科队厅部庭]长)",
                     r"(?:领导|主任|同志|政委|书记|检察长|主席|[局院校镇乡所站处科队厅部庭]长)[^，。；]{0,4}分管",
                     r"直接责任人|主体责任人|分管[^，。；]{0,8}为[^，。；]{0,6}责任人",
                     r"第一责任人", r"主要负责(?:人|同志)[^，。；]{0,12}(?:负责|亲自|牵头|抓|过问|部署|履行)",
                     r"(?:主任|书记|负责人|主要领导|检察长|[局院校镇乡所站处科队厅部庭]长)[^，。；]{0,6}(?:任|担任|为)组长",
                     r"主要领导[^，。；]{0,4}亲自", r"一把手", r"责任领导"),
        "negative": (rf"{NEG}[^，。；]{{0,8}}(?:明确|确定|落实|指定)?[^，。；]{{0,6}}(?:分管领导|分管负责人|责任领导|第一责任人)",
                     r"(?:分管领导|责任领导)[^，。；]{0,6}(?:不明确|缺位|空缺)"),
        "context": (r"普法|法治|依法|宣传教育|领导小组|责任制|责任人|分管",),
    },
    "staff_assigned": {
        "positive": (r"专人负责", r"专职负责", r"专人[^，。；]{0,6}(?:负责|承担|具体)", r"联络员", r"普法专干",
                     r"专职(?:普法)?(?:工作)?人员", r"兼职(?:普法)?(?:工作)?人员",
                     r"普法[^，。；]{0,10}由[^，。；]{1,14}(?:科|股|室|处|办|中心|大队|中队|支队|所|站|部|组)(?:具体|兼顾|统一)?(?:承担|负责|牵头|承办|兼管|办理)",
                     # 日常普法事务暂由办公室主任代为协调: an office (not a 领导小组) or its head
                     rf"普法[^，。；]{{0,10}}由[^，。；]{{1,14}}(?:科|股|室|(?<!办事)处|办|中心|大队|中队|支队|所|站)(?:{OFFICE_HEAD})?"
                     rf"(?:具体|兼顾|统一|代为|暂|兼)?(?:{STAFF_VERBS})",
                     r"(?:明确|确定|指定|安排|配备)[^，。；]{0,12}(?:同志|专人|人员|专干|联络员)[^，。；]{0,12}普法",
                     r"(?:科|股|室|处|中心)[^，。；]{0,6}(?:一名|1名|两名|2名|专人)[^，。；]{0,10}(?:负责|承担)[^，。；]{0,4}普法",
                     r"配备[^，。；]{0,12}(?:普法)?(?:工作)?(?:人员|专干|联络员)", r"专[（(]兼[)）]职|兼职普法",
                     rf"由[^，。；]{{1,14}}(?:科|股|室|(?<!办事)处|办|中心|中队|大队|所|站)[^，。；]{{0,6}}(?:{STAFF_VERBS})[^，。；]{{0,8}}普法",
                     r"办公室设在[^，。；]{1,12}(?:科|股|室|处|中心|局|办)", r"普法(?:工作)?(?:联络员|专员|专干|工作人员)",
                     r"(?:专职|专门|具体)(?:从事|负责|承担)[^，。；]{0,4}普法",
                     # 政策法规股具体抓普法工作, 办公室主任兼管日常普法事务: an office, or its head, runs the work
                     rf"(?:科|股|室|(?<!办事)处|办|中心|大队|中队|支队|所|站)(?:{OFFICE_HEAD})?"
                     rf"(?:具体|专门|统一|代为|兼职|日常)?(?:{STAFF_VERBS})[^，。；]{{0,6}}普法",
                     r"(?:明确|确定|指定|安排|配备)[^，。；]{0,10}(?:\d+|[一两二三四五])名[^，。；]{0,8}(?:专职|兼职|负责|从事|承办|承担)",
                     r"(?:明确|确定|指定|安排|落实)专人",
                     r"(?:科|股|室|处|中心|大队|中队|支队|所|站)具体承办",
                     # 由办公室张某同志具体负责: a named person of a named office
                     r"由[^，。；]{0,14}(?:科|股|室|处|办|中心|所|站|队)[^，。；]{1,8}(?:同志|干部)[^，。；]{0,4}(?:具体|专门)?(?:负责|承担|承办)",
                     r"(?:科|股|室|处|中心|办|所|站)(?:具体)?(?:负责|承担)[^，。；]{0,2}日常[^，。；]{0,4}工作",
                     # 普法工作由办公室统筹: an office (not a 领导小组) runs the work
                     r"普法[^，。；]{0,10}由[^，。；]{0,10}(?:科|股|室|办|中心|大队|中队|所|站)(?:统筹|牵头|归口)"),
        "negative": (rf"{NEG}[^，。；]{{0,8}}(?:明确|确定|配备|安排|设置|设立|指定)?[^，。；]{{0,6}}(?:专人|联络员|专干|专岗)",
                     r"(?:联络员|专人|专职|专干|岗位)[^，。；]{0,10}(?:空缺|缺位|暂缺|调离)",
                     r"由各(?:股室|科室|部门|处室|庭室)[^，。；]{0,4}(?:轮流)?(?:兼顾|兼管|代管)",
                     r"(?:缺少|缺乏)[^，。；]{0,6}专人",
                     rf"{NEG}[^，。；]{{0,4}}(?:明确|确定|指定|安排|落实)[^，。；]{{0,8}}(?:科室|股室|人员)[^，。；]{{0,4}}(?:{STAFF_VERBS})",
                     # 没有科室具体负责, 无人统筹: nobody does the work
                     rf"(?:{NEG}[^，。；]{{0,6}}(?:科室|股室|处室|部门|机构|专门人员|人员)|无人|没有人)[^，。；]{{0,2}}"
                     rf"(?:具体|专门|统一)?(?:{STAFF_VERBS})"),
        "context": (r"普法|法治宣传|专人|联络员|专干|专职|(?:法治|依法|法制)[^，。；]{0,12}领导小组",),  # its office
        # only no *full-time* staff or *dedicated* body (没有专职人员, 未设立专门机构): false unless
        # someone is named as doing the work
        "weak_negative": (rf"{NEG}[^，。；]{{0,8}}(?:配备|安排|设置|设立)?[^，。；]{{0,6}}专职",
                          r"(?:缺少|缺乏)[^，。；]{0,6}(?:专职|专门)",
                          rf"{NEG}[^，。；]{{0,4}}(?:专门|固定)[^，。；]{{0,8}}(?:人员|力量|科室|机构)"),
    },
    "duty_list": {
        "positive": (r"责任(?:制)?清单|普法清单",),
        "negative": (rf"{NEG}[^，。；]{{0,8}}(?:制定|建立|编制|出台|印发|形成|梳理|制作|公布)[^，。；]{{0,12}}清单",
                     rf"清单[^。；]{{0,20}}{NEG}(?:正式)?(?:制定|建立|编制|出台|印发|形成|公布|下发)",
                     rf"清单[^，。；]{{0,8}}{NEG}(?:制定|建立|编制|出台|印发|形成|公布)",
                     r"(?:缺少|缺乏|没有|无)[^，。；]{0,6}(?:普法)?责任(?:制)?清单",
                     r"清单[^，。；]{0,6}(?:尚在|正在|仍在)(?:制定|编制|起草|梳理)"),
        "context": (r"普法|责任清单",),
    },
    "budget": {
        "positive": (r"经费[^。；]{0,24}(?:纳入|列入|列进|编入)[^，。；]{0,10}预算",
                     r"(?:纳入|列入|编入)[^，。；]{0,10}预算[^，。；]{0,10}经费",
                     r"预算[^，。；]{0,10}(?:安排|列支)[^，。；]{0,10}普法"),
        "negative": (rf"经费[^，。；]{{0,10}}{NEG}[^，。；]{{0,4}}(?:纳入|列入|编入|安排)",
                     rf"{NEG}[^，。；]{{0,8}}(?:纳入|列入|编入)[^，。；]{{0,8}}预算",
                     r"(?:没有|无|缺少|缺乏)(?:专项|专门|单独|单列|独立)?(?:的)?(?:普法)?(?:工作)?(?:专项)?经费",
                     rf"{NEG}[^，。；]{{0,4}}(?:单列|安排|设立|设置|列支)[^，。；]{{0,6}}(?:普法)?(?:专项|工作)?经费"),
        "context": (r"经费|预算",),
    },
}
# a negation after what is denied, adverbs between (分管领导一直没有明确, 联络员至今尚未落实, 清单始终未制定)
POST_NEGATED_SUBJECTS: dict[str, str] = {
    "leading_group": r"领导小组",
    "leader_in_charge": r"分管领导|分管负责人|责任领导|第一责任人|分管[^，。；]{0,8}(?:领导|局长|主任|同志)",
    "staff_assigned": (r"专人|联络员|专干|工作人员|具体负责(?:的)?(?:科室|股室|人员)|承办(?:科室|股室)"
                       r"|由[^，。；]{0,12}(?:科室|股室|部门|人员|同志)[^，。；]{0,4}(?:承办|负责|承担)"),
    "duty_list": r"清单",
    "budget": r"经费",
}
POST_NEGATION = (rf"[^，。；]{{0,8}}?{NEG}(?:真正|正式|及时|明确|具体)?"
                 r"(?:明确|确定|落实|配备|指定|到位|成立|设立|建立|组建|制定|出台|印发|编制|纳入|列入|安排|确立)"
                 # …ending the clause (联络员未落实信息报送制度 says the post exists, its duty is not done)
                 r"(?=[^，。；]{0,4}(?:[，。；]|$))")
# a 领导小组 named for other work (根治欠薪工作领导小组, 安全生产领导小组) is no group for 普法, whatever the sentence
# says besides; a group named by no work (调整充实了领导小组) is judged by its sentence
GROUP_NAME = r"([\u4e00-\u9fff]{0,14})领导小组"
GROUP_NAME_CUT = r".*[的了由为和及、]|^(?:我局|本局|局|我院|院|我委|委|镇|乡|街道|成立|调整|健全|设立|组建|充实|完善)+"
GROUP_OF_LAW = r"普法|法治|依法|法制|宣传|普治|治理"
# positive statements in these clauses are intentions, not facts
FUTURE_MARKERS = r"(?<![模虚])拟(?!定)|计划|争取|力争|尽快|抓紧|下一步|明年|今后|将进一步|将继续|将尽快|将适时|建议"

# --- channels ------------------------------------------------------------------
NEW_MEDIA: tuple[tuple[str, str], ...] = (
    ("微信公众号", r"公众号|微信(?!(?:工作|交流|业务|工作交流)?群|朋友圈|好友|聊天|视频号)|服务号|订阅号|两微"),
    ("微博", r"微博|两微"),
    ("抖音", r"抖音"),
    ("视频号", r"视频号"),
    ("快手", r"快手"),
    ("今日头条", r"今日头条|头条号"),
    ("门户网站", r"门户网站|官方网站|官网|政府网站|政务网站|网站|政务网"),
    ("短信", r"短信|彩信"),
)
NEW_MEDIA_NEG = rf"{NEG}[^，。；]{{0,6}}(?:开通|注册|开设|建立|使用|运用|利用)"
# a sentence that says a channel is not used for 普法 (…微信平台以健康科普为主，尚未开设普法专栏): only a clause
# that itself speaks of 普法 names a channel used for it
NEW_MEDIA_NOT_FOR_PUFA = (r"(?:尚未|未|没有|暂未|还未|并未|仍未|还没有)[^，。；]{0,4}(?:开设|开通|用于|发布|推送|开展|设置)"
                          r"[^，。；]{0,4}(?:普法|法治宣传)"
                          r"(?![^，。；]{0,2}(?:微博|微信|公众号|抖音|快手|视频号|头条|网站|账号|号))")  # not 普法微博
NEW_MEDIA_FOR_PUFA = r"普法|法治|法律|以案释法|说法|学法"
# a channel used to disclose government information (政务公开, 公开执法信息) is not thereby used for 普法
NEW_MEDIA_DISCLOSURE = r"政务公开|信息公开|公开(?!课|信(?!息)|栏)|公示"  # the verb 公开 itself: 公开执法依据、执法程序

# a channel's stated purpose (抖音号主要用于旅游推介, 网站以发布政务信息为主): when that purpose is not
# 普法 (NEW_MEDIA_FOR_PUFA), the channel is not a 普法 channel unless its own clauses say it also carries 普法
NEW_MEDIA_PURPOSE = (r"(?:主要|专门|仅|只|多|一般|定位)?(?:用于|用来|用作|定位(?:于|为)|服务于|侧重(?:于)?)(?P<what>[^，。；]{1,20})"
                     r"|以(?P<main>[^，。；]{1,16})为主"
                     r"|(?:主要|专门|仅|只)(?:发布|推送|推介|展示|宣传|刊发|转载)(?P<posts>[^，。；]{1,20})")

# a count stated as none (今年尚未报送以案释法案例 / 领导班子未开展集体学法) is 0
ZERO_COUNTS: dict[str, str] = {
    "cases_total": rf"{NEG}[^，。；]{{0,6}}(?:报送|上报|编写|提交|报)[^，。；]{{0,6}}(?:以案释法|典型案例|案例)",
    "study_sessions": rf"(?:{STUDY_SUBJECT})[^，。；]{{0,8}}{NEG}[^，。；]{{0,4}}(?:开展|组织|进行|召开)?[^，。；]{{0,4}}(?:集体学法|学法|集体学习)",
    "activities": rf"{NEG}(?:开展|组织|举办)[^，。；]{{0,8}}(?:普法|法治宣传)[^，。；]{{0,4}}活动",
}
# the clause after a figure that names what it counts (筛选出5个…，编写成以案释法典型案例)
NEXT_CLAUSE_SUBJECT: dict[str, str] = {
    "cases_total": r"^(?:并|均|全部|后|经)?(?:编写|整理|编辑|编印|形成|制作|作为|列为|报送|汇编)(?:成|为)?[^，。；]{0,6}(?:以案释法|典型案例|案例)",
}

# --- cases listed in a report's body (…典型案例如下：1.… 2.… 3.…) -------------------
# a lead-in that announces a list of cases: it names them and opens a list (如下：, 包括：, 分别是：)
CASES_LEAD_IN = r"(?:以案释法|典型案例|案例)[^。；]{0,16}(?:如下|包括|分别(?:是|为)|有)\s*[：:]"
# an item reads as a case when its head is a case's title (张某诉李某…纠纷案, …被拖欠工资一案)…
CASE_TITLE = r"(?<![方预档备提议草答图文教法])(?:案|案件)(?:[（(][^）)]{0,12}[)）])?$"
# …or it names a party and what it did or suffered, or how it was handled
CASE_PARTY = (r"[\u4e00-\u9fff]某(?![些种项类方个])|某(?:公司|企业|村|镇|店|超市|厂|商户|餐馆|饭店|酒店|学校|小区|市场|单位)"
              r"|当事人|原告|被告|嫌疑人|被执行人|申请人|被申请人|消费者")
CASE_ACT = (r"纠纷|违法|违规|擅自|非法|拖欠|诈骗|侵权|侵害|欺诈|未经|无证|超限|处罚|罚款|立案|查处|责令|起诉|判决|判处|"
            r"调解|仲裁|裁定|赔偿|追回|没收|吊销|投诉|举报")
