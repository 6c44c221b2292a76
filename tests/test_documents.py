"""Whole documents: type, title, date, year and unit read together."""
from model import Block, Document
from extractors.finders.fields import extract
from extractors.finders.units import RosterEntry

ROSTER = [RosterEntry("区市场监督管理局", ("市场监管局",)), RosterEntry("区应急管理局")]


def fields_of(lines: list[str], name: str = "a.docx", roster=ROSTER, year=None) -> dict:
    doc = Document(name, "docx", tuple(Block(t, f"第{i + 1}段") for i, t in enumerate(lines)), {})
    return {k: v.value for k, v in extract(doc, roster, year).fields.items()}


def test_red_header_report_reads_title_below_masthead_and_number():
    f = fields_of(["清江区市场监督管理局文件", "清市监发〔2022〕12号",
                   "关于2022年度“谁执法谁普法”履职情况的报告", "区普法办：", "一年来，我局认真落实普法责任制。",
                   "清江区市场监督管理局", "2022年12月1日", "清江区市场监督管理局办公室 2022年12月1日印发"])
    assert (f["unit"], f["doc_type"], f["date"], f["year"]) == ("区市场监督管理局", "annual_report", "2022-12-01", 2022)


def test_forwarded_office_notice_is_other_and_its_criteria_state_no_facts():
    """The 普法办's own 通知 (its name over two lines, no 文件), sent on by a unit with its report."""
    f = fields_of(["清江区委全面依法治区委员会守法普法协调", "小组办公室", "清普法办〔2022〕9号",
                   "关于开展2022年度国家机关“谁执法谁普", "法”普法履职报告评议工作的通知", "区直各单位：",
                   "评议内容包括：是否成立普法工作领导小组，是否明确分管领导和具体工作人员，是否将普法经费纳入年度预算。",
                   "各单位要高度重视，明确专人负责，运用微信公众号、微博等新媒体开展普法的情况一并报送。",
                   "清江区委全面依法治区委员会守法普法协调小组办公室", "2022年11月1日"])
    assert f["doc_type"] == "other"
    assert not any(f.get(k) for k in ("leading_group", "leader_in_charge", "staff_assigned", "budget", "new_media"))


def test_case_file_counts_its_cases_in_any_heading_style():
    lines = ["清江区应急管理局以案释法典型案例"]
    for i, head in enumerate(["【案例1】某企业未落实安全培训案", "典型案例之二：某加油站违规动火案", "案例三 某仓库消防通道堵塞案"]):
        lines += [head, "【案情简介】……", "【以案释法】……"]
    lines += ["清江区应急管理局", "二〇二二年十一月三十日"]
    f = fields_of(lines)
    assert (f["doc_type"], f["cases_total"], f["date"]) == ("case_report", 3, "2022-11-30")


def test_case_file_title_states_its_count():
    f = fields_of(["市场监管局以案释法典型案例（5则）", "一、某超市销售过期食品案", "基本案情：……"])
    assert f["cases_total"] == 5


def test_plan_states_intentions_not_results():
    f = fields_of(["清江区应急管理局2023年普法工作要点", "（一）年内开展普法宣传活动不少于20场。",
                   "（二）每季度至少报送1个以案释法典型案例。", "（三）成立普法工作领导小组。", "清江区应急管理局",
                   "2023年2月28日"])
    assert f["doc_type"] == "plan" and f["year"] == 2023
    assert not any(k in f for k in ("activities", "cases_total", "leading_group"))


def test_cover_letter_is_other():
    f = fields_of(["清江区应急管理局关于报送普法履职材料的函", "区普法办：", "现将我局材料报送如下。", "清江区应急管理局",
                   "2022年12月5日"])
    assert f["doc_type"] == "other"


def test_unit_from_folder_when_the_file_names_none():
    doc = Document("应急局/总结.docx", "docx", (Block("2022年度普法工作总结", "第1段"), Block("全年开展活动5场。", "第2段")), {})
    assert extract(doc, ROSTER, None).fields["unit"].value == "区应急管理局"


def test_unit_names_do_not_decide_the_type():
    assert fields_of(["清江区统计局2022年度普法工作总结", "全年开展活动5场。"])["doc_type"] == "annual_report"
    assert fields_of(["关于市自然资源和规划局2024年普法履职情况的报告", "全年开展活动5场。"])["doc_type"] == "annual_report"


def test_the_addressee_is_not_the_sender():
    roster = ROSTER + [RosterEntry("区司法局")]
    f = fields_of(["2022年度普法工作总结", "区司法局：", "全年开展活动5场。"], name="材料.docx", roster=roster)
    assert "unit" not in f or f["unit"] != "区司法局"


def test_a_report_with_next_years_plan_is_a_report():
    f = fields_of(["清江区应急管理局2022年普法工作总结及2023年工作计划", "全年开展活动5场。"])
    assert f["doc_type"] == "annual_report"
    assert fields_of(["清江区应急管理局2023年普法工作计划", "开展活动不少于5场。"])["doc_type"] == "plan"


def test_headings_run_into_their_first_paragraph():
    f = fields_of(["某局2023年度普法工作总结",
                   "一、基本情况。我局现有干部职工80人，成立了普法工作领导小组，由分管副局长具体负责。",
                   "二、主要做法。全年开展普法宣传活动12场，发放资料3000份，报送以案释法案例4个。",
                   "三、存在问题。宣传形式单一。", "四、下一步打算。继续加强普法。"])
    assert f["sections"] == ["基本情况", "主要做法", "存在问题", "下一步打算"]
    assert (f["activities"], f["cases_total"], f["leading_group"]) == (12, 4, True)


def _case_docx(path, tables: list[list[list[str]]]):
    import docx

    d = docx.Document()
    d.add_paragraph("某县人民法院2024年度以案释法典型案例")
    d.add_paragraph("现将我院典型案例报送如下。")
    for rows in tables:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    d.add_paragraph("某县人民法院")
    d.add_paragraph("2024年11月20日")
    d.save(path)
    return path


def _fields_of_file(path) -> dict:
    from extractors.readers.read import read_document

    return {k: v.value for k, v in extract(read_document(path, path.name), ROSTER, None).fields.items()}


def test_one_table_per_case_counts_the_tables(tmp_path):
    form = [["案例名称", "某借款纠纷案"], ["基本案情", "原告借给被告8万元……"], ["裁判结果", "判决归还借款。"],
            ["典型意义", "引导群众规范出具借条。"]]
    f = _fields_of_file(_case_docx(tmp_path / "以案释法典型案例.docx", [form, form, form]))
    assert (f["doc_type"], f["cases_total"]) == ("case_report", 3)


def test_a_list_of_cases_in_one_table_counts_its_rows(tmp_path):
    rows = [["序号", "案例名称", "案情简介", "释法要点"], ["1", "某超市销售过期食品案", "……", "……"],
            ["2", "某企业未落实安全培训案", "……", "……"], ["3", "某加油站违规动火案", "……", "……"],
            ["4", "某仓库消防通道堵塞案", "……", "……"]]
    f = _fields_of_file(_case_docx(tmp_path / "以案释法典型案例.docx", [rows]))
    assert (f["doc_type"], f["cases_total"]) == ("case_report", 4)


def test_months_as_columns_with_the_forms_particulars_above_them(tmp_path):
    from tests.makers import xlsx_from_rows

    months = [f"{m}月" for m in range(1, 13)]
    rows = [["某区市场监督管理局2025年普法工作月度统计表"] + [None] * 14,
            ["填报单位：某区市场监督管理局"] + [None] * 7 + ["填报日期：2025年11月26日"] + [None] * 6,
            ["项目", "计量单位", *months, "合计"],
            ["普法宣传活动", "场次", 2, 3, 8, 3, 9, 4, 3, 2, 3, 4, 7, None, 48],
            ["以案释法典型案例", "个", 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, None, 4]]
    f = _fields_of_file(xlsx_from_rows(tmp_path / "2025年普法工作月度统计表.xlsx", rows))
    assert (f["doc_type"], f["activities"], f["cases_total"]) == ("stats_form", 48, 4)
    assert (f["cases_by_quarter"], f["date"]) == ([1, 1, 0, 2], "2025-11-26")


def test_a_report_written_into_a_two_column_form(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某区某街道办事处2025年度普法履职情况报告")
    rows = [("项目", "内容"), ("单位名称", "某区某街道办事处"),
            ("基本情况", "街道辖8个社区。街道成立了普法依法治理领导小组，党工委副书记分管普法工作，司法所具体承办。"),
            ("主要做法", "开展宪法宣传周等普法活动28场，发放宣传资料4200份，依托街道微信公众号推送普法信息。"),
            ("存在问题", "一是社区普法力量不足；二是以案释法案例数量偏少，普法形式较为单一。"),
            ("下一步打算", "一是加强案例收集报送；二是用好新媒体开展精准普法，提高普法实效。"),
            ("填报日期", "2025年12月1日")]
    t = d.add_table(rows=len(rows), cols=2)
    for r, (label, text) in enumerate(rows):
        t.cell(r, 0).text, t.cell(r, 1).text = label, text
    d.save(tmp_path / "某街道普法履职情况报告表.docx")
    f = _fields_of_file(tmp_path / "某街道普法履职情况报告表.docx")
    assert (f["doc_type"], f["date"], f["activities"], f["materials"]) == ("annual_report", "2025-12-01", 28, 4200)
    assert (f["leading_group"], f["leader_in_charge"], f["staff_assigned"], f["new_media"]) == (True, True, True, ["微信公众号"])
    assert f["sections"] == ["基本情况", "主要做法", "存在问题", "下一步打算"]


def test_a_forwarded_meeting_notice_is_other_and_states_nothing_of_the_unit():
    f = fields_of(["关于召开全区普法责任制工作推进会的通知", "各成员单位：", "一、会议时间：2025年10月20日上午",
                   "二、参会人员：各成员单位分管领导及普法联络员各1名。",
                   "三、有关要求：各单位须于12月5日前报送普法责任清单和以案释法典型案例。", "区普法办", "2025年10月15日"])
    assert f["doc_type"] == "other"
    assert all(f.get(k) is None for k in ("leader_in_charge", "staff_assigned", "duty_list", "cases_total"))


def test_cases_attached_after_the_signature_count_for_the_report():
    lines = ["区应急管理局2024年度普法工作总结", "一、基本情况", "我局内设5个股室，现有干部职工42人。",
             "二、主要做法", "全年开展普法宣传活动20场次，今年选取的以案释法典型案例附后。",
             "三、存在问题", "普法形式较为单一。", "四、下一步打算", "每季度报送典型案例不少于1个，开展活动不少于30场。",
             "附件：2024年度以案释法典型案例", "区应急管理局", "2024年11月29日", "附件", "2024年度以案释法典型案例"]
    for n in "一二三":
        lines += [f"案例{n}：某企业未落实安全培训案", "基本案情：2024年4月，执法人员检查发现，罚款5万元，出动执法人员30人次。",
                  "释法说理：……"]
    f = fields_of(lines)
    assert (f["doc_type"], f["cases_total"], f["activities"], f["date"]) == ("annual_report", 3, 20, "2024-11-29")
    assert f["sections"] == ["基本情况", "主要做法", "存在问题", "下一步打算"]


def test_a_statistics_sheet_is_signed_by_its_fill_in_line(tmp_path):
    from tests.makers import xlsx_from_rows

    rows = [["2023年普法工作统计表"], ["填报单位：某区市场监督管理局", None, "填报时间：2023.11.24"],
            ["季度", "以案释法典型案例（个）"], ["第一季度", 2], ["第二季度", 1], ["第三季度", 0], ["第四季度", 1]]
    f = _fields_of_file(xlsx_from_rows(tmp_path / "附件2(1).xlsx", rows))
    assert (f["unit"], f["doc_type"], f["cases_by_quarter"]) == ("区市场监督管理局", "stats_form", [2, 1, 0, 1])


def test_a_report_table_of_figures_with_their_measure_words(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某县农业农村局2024年度普法履职报告")
    d.add_paragraph("全年主要普法数据如下表。")
    rows = [("项目", "数量", "备注"), ("普法宣传活动", "32场", ""), ("发放宣传资料", "8600份", "知识手册"),
            ("法律咨询", "950人次", "现场及电话"), ("受教育群众", "1.1万人次", "")]
    t = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("某县农业农村局")
    d.add_paragraph("2024年12月2日")
    d.save(tmp_path / "报告.docx")
    f = _fields_of_file(tmp_path / "报告.docx")
    assert (f["activities"], f["materials"], f["consultations"], f["audience"]) == (32, 8600, 950, 11000)


def test_a_case_list_states_its_count_in_the_lead_in():
    f = fields_of(["某区住房和城乡建设局", "2025年度以案释法典型案例汇总表", "现将我局2025年度以案释法典型案例汇总报送如下，",
                   "共6个案例，案例全文另附。", "序号案例名称承办科室", "1某建筑公司违法分包工程案建筑市场监管科"])
    assert (f["doc_type"], f["cases_total"]) == ("case_report", 6)


def test_a_report_over_two_calendar_years_is_for_the_year_it_ends_in():
    f = fields_of(["区人社局普法履职报告", "现将我局2022年11月至2023年10月普法责任制落实情况报告如下。",
                   "全年开展普法活动12场。", "区人社局", "2023年11月20日"])
    assert f["year"] == 2023
