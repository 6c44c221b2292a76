"""Document type by structure, not keywords, on real .docx/.xlsx files (issue 12).

Each file is written the way a small unit writes it; what a careful clerk reads from it is asserted
on the fields the real reader and extractor give.
"""
from __future__ import annotations

from pathlib import Path

import docx

from extractors.finders.fields import extract
from extractors.readers.read import read_document
from tests.makers import docx_from_paragraphs, xlsx_from_rows

FILLER = ("围绕民法典宣传月和国家宪法日，组织开展“法律进村居”等普法活动18场次，发放宣传资料3000余份，"
          "受教育群众6000余人次，局党组会前学法6次。结合执法检查向经营主体讲解安全生产法律法规，"
          "在执法办案中坚持释法说理，推动普法与执法深度融合，群众法治意识进一步增强。")


def fields_of(path: Path, year: int | None = 2024) -> dict:
    ex = extract(read_document(path, path.name), [], year)
    return {k: v.value for k, v in ex.fields.items()}


def test_report_on_its_plan_is_a_report(tmp_path):
    path = docx_from_paragraphs(tmp_path / "应急局材料.docx", [
        "县应急管理局关于2024年普法工作要点落实情况的报告",
        "县普法办：",
        "年初，我局制定印发了《2024年普法工作要点》，明确了全年普法任务。现将落实情况报告如下。",
        "一、主要做法", FILLER,
        "二、存在问题", "普法形式较为单一，针对性不强。",
        "三、下一步打算", "2025年，我局将进一步创新普法方式。",
        "县应急管理局", "2024年12月2日"])
    got = fields_of(path)
    assert got["doc_type"] == "annual_report"
    assert got["activities"] == 18 and got["study_sessions"] == 6


def test_news_item_is_other_with_its_own_figures(tmp_path):
    path = docx_from_paragraphs(tmp_path / "镇政府材料.docx", [
        "青石镇工作信息", "第23期", "青石镇党政办公室　　　　2024年12月6日",
        "青石镇开展“宪法宣传周”集中宣传",
        "12月4日，青石镇在集镇开展国家宪法日集中宣传活动，设置咨询台向赶集群众讲解宪法和民法典，"
        "现场发放宣传资料800余份，解答法律咨询35人次。镇政府门前电子屏滚动播放宣传标语30余次。",
        "下一步，青石镇将持续推进宪法学习宣传。"])
    got = fields_of(path)
    assert got["doc_type"] == "other"
    assert got["materials"] == 800 and got["consultations"] == 35
    assert "activities" not in got and "sections" not in got  # screen slots; no report, no sections


def test_untitled_event_item_is_other(tmp_path):
    path = docx_from_paragraphs(tmp_path / "检察院开放日.docx", [
        "县检察院举办“检察开放日”",
        "近日，县人民检察院邀请人大代表、政协委员和家长代表走进检察院，参观检察服务中心和未成年人检察工作室，"
        "观看法治微电影，承办检察官结合办理的校园欺凌案件以案释法，并向来访代表发放宣传资料150余份。",
        "代表们表示，通过开放日活动近距离了解了检察工作。"])
    got = fields_of(path)
    assert got["doc_type"] == "other"
    assert got["materials"] == 150
    assert got.get("year") is None  # it names no year: the check's year is not written into it


def _two_header_rows(d) -> None:
    t = d.add_table(rows=4, cols=6)
    top = ["序号", "普法内容", "普法对象", "责任主体", "", "完成时限"]
    sub = ["", "", "", "牵头股室", "配合单位", ""]
    for c, text in enumerate(top):
        t.cell(0, c).text = text
    for c, text in enumerate(sub):
        if text:
            t.cell(1, c).text = text
    t.cell(0, 3).merge(t.cell(0, 4))
    for c in (0, 1, 2, 5):
        t.cell(0, c).merge(t.cell(1, c))
    rows = [["1", "《农产品质量安全法》", "生产经营主体", "执法大队", "各乡镇", "全年"],
            ["2", "《种子法》", "种子经营户", "种业股", "执法大队", "春播前"]]
    for r, row in enumerate(rows, start=2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def test_issuing_notice_carrying_the_list_is_a_duty_list(tmp_path):
    d = docx.Document()
    for text in ("县农业农村局文件", "县农发〔2024〕6号",
                 "关于印发《县农业农村局“谁执法谁普法”四清单一办法》的通知",
                 "局属各股室、执法大队：", "现将四清单一办法印发给你们，请认真抓好落实。", "县农业农村局",
                 "2024年3月8日", "附件"):
        d.add_paragraph(text)
    _two_header_rows(d)
    d.save(tmp_path / "农业农村局清单.docx")
    got = fields_of(tmp_path / "农业农村局清单.docx")
    assert got["doc_type"] == "duty_list" and got["duty_list"] is True
    assert got["year"] == 2024


def test_bare_sheet_is_a_duty_list_dated_by_its_deadlines(tmp_path):
    path = xlsx_from_rows(tmp_path / "城管局.xlsx", [
        ["普法内容", "普法对象", "宣传方式", "责任股室", "完成时限"],
        ["《城市市容和环境卫生管理条例》", "沿街商户", "上门宣讲", "市容股", "2024年6月"],
        ["《城镇燃气管理条例》", "餐饮经营者", "发放明白纸", "燃气股", "2024年全年"]])
    got = fields_of(path)
    assert got["doc_type"] == "duty_list"
    assert got["year"] == 2024  # the one year its deadlines name
    bare = xlsx_from_rows(tmp_path / "住建局.xlsx", [
        ["普法内容", "普法对象", "普法方式", "责任股室", "完成时限"],
        ["《建筑法》", "施工企业", "送法进工地", "建管股", "全年"]])
    assert fields_of(bare).get("year") is None  # no year anywhere
    named = xlsx_from_rows(tmp_path / "住建局2023年度普法责任清单.xlsx", [
        ["普法内容", "普法对象", "普法方式", "责任股室", "完成时限"],
        ["《建筑法》", "施工企业", "送法进工地", "建管股", "全年"]])
    assert fields_of(named)["year"] == 2023  # the year the sender put in its name


def test_cover_letter_carrying_numbered_cases_is_a_case_report(tmp_path):
    path = docx_from_paragraphs(tmp_path / "法院案例.docx", [
        "县人民法院关于报送第二批以案释法典型案例的函",
        "县普法办：", "现将我院第二批以案释法典型案例报送如下。",
        "以案释法典型案例",
        "1.李某诉某置业公司商品房买卖合同纠纷案",
        "【基本案情】某置业公司逾期交房五个月，李某诉请支付违约金。",
        "【法官说法】交付期限的约定对双方均有约束力。",
        "2.王某诉张某民间借贷纠纷案",
        "【基本案情】张某借款后仅归还本金，王某诉请支付利息。",
        "【法官说法】超过法定上限的利息不受保护。",
        "3.某村委会与刘某土地承包合同纠纷",
        "【基本案情】刘某承包期满拒不返还土地。",
        "【法官说法】承包期满应当依约返还。"])
    got = fields_of(path)
    assert got["doc_type"] == "case_report" and got["cases_total"] == 3


def test_cases_numbered_under_a_heading_without_case_words(tmp_path):
    path = docx_from_paragraphs(tmp_path / "市场监管局以案释法案例.docx", [
        "县市场监督管理局2024年以案释法典型案例",
        "一、以案释法典型案例",
        "1.某超市销售过期食品被行政处罚",
        "执法人员检查发现某超市销售超过保质期的食品，依据食品安全法作出没收违法所得并罚款的处罚。",
        "2.某公司未按规定公示年度报告",
        "该公司未在规定期限内公示年度报告，被列入经营异常名录。",
        "3.王某无照经营餐饮",
        "王某未取得营业执照从事餐饮经营，经责令整改后办理了相关证照。"])
    assert fields_of(path)["cases_total"] == 3
    one = docx_from_paragraphs(tmp_path / "一个案例.docx", [
        "县市场监督管理局以案释法典型案例", "案例一：某超市销售过期食品案",
        "1.基本案情：执法人员检查发现某超市销售过期食品。", "2.法律分析：依据食品安全法予以处罚。",
        "3.普法意义：提醒经营者落实进货查验义务。"])
    assert fields_of(one)["cases_total"] == 1  # the numbered parts of one case are not cases


def test_report_without_any_year_has_none(tmp_path):
    path = docx_from_paragraphs(tmp_path / "消防大队普法工作情况.docx", [
        "消防大队普法工作情况",
        "今年以来，我大队认真落实“谁执法谁普法”普法责任制。",
        "一、主要做法", FILLER, "二、存在问题", "宣传覆盖面不够广。", "三、下一步打算", "持续深化消防普法。",
        "县消防救援大队"])
    got = fields_of(path)
    assert got["doc_type"] == "annual_report"
    assert got.get("year") is None and got.get("date") is None
    assert got["activities"] == 18  # still read against the check's year


def test_the_title_year_wins_over_a_period_in_a_case(tmp_path):
    path = docx_from_paragraphs(tmp_path / "检察院案例.docx", [
        "青川县人民检察院2024年度以案释法典型案例",
        "第一则以高额返利为诱饵非法吸收公众存款案",
        "案情：2022年至2023年间，被告人周某以投资养殖项目为名向不特定群众吸收资金。",
        "释法：未经依法许可向社会不特定对象吸收资金的，构成非法吸收公众存款罪。"])
    assert fields_of(path)["year"] == 2024  # the year of the file, not of the facts of a case
