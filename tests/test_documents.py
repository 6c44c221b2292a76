"""Whole documents: type, title, date, year and unit read together."""
from extractors.base import Block, Document
from extractors.fields import extract
from extractors.units import RosterEntry

ROSTER = [RosterEntry("区市场监督管理局", ("市场监管局",)), RosterEntry("区应急管理局")]


def fields_of(lines: list[str], name: str = "a.docx", roster=ROSTER, year=None) -> dict:
    doc = Document(name, "docx", tuple(Block(t, f"第{i + 1}段") for i, t in enumerate(lines)), {})
    return {k: v.value for k, v in extract(doc, roster, year).fields.items()}


def test_red_header_report_reads_title_below_masthead_and_number():
    f = fields_of(["清江区市场监督管理局文件", "清市监发〔2022〕12号",
                   "关于2022年度“谁执法谁普法”履职情况的报告", "区普法办：", "一年来，我局认真落实普法责任制。",
                   "清江区市场监督管理局", "2022年12月1日", "清江区市场监督管理局办公室 2022年12月1日印发"])
    assert (f["unit"], f["doc_type"], f["date"], f["year"]) == ("区市场监督管理局", "annual_report", "2022-12-01", 2022)


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
    from extractors.read import read_document

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
