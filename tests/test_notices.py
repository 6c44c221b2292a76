"""通知/: one 公文 notice per unit with findings, addressed to it, with evidence and a deadline."""
from __future__ import annotations

from docx.oxml.ns import qn

from outputs.notices import safe_filename, write_notices
from tests.docx_helper import all_text, by_style, open_doc
from tests.records_helper import HOSTILE, HOSTILE_UNIT, make_records

CFG = {"office": "清江区普法办", "reply_deadline": "2022-12-17", "contact": "张三，电话：0730-1234567"}


def _notices(tmp_path, records=None, config=CFG):
    records = records or make_records()
    return {p.name: p for p in write_notices(records, tmp_path / "通知", config)}


def test_one_notice_per_unit_with_findings(tmp_path):
    records = make_records()
    written = _notices(tmp_path, records)
    expected = {f"{safe_filename(u['unit'])}_{'补报' if u['unit'] in records['missing_units'] else '整改'}通知.docx"
                for u in records["units"] if u["findings"]}
    assert set(written) == expected and "区市场监督管理局_整改通知.docx" not in written
    assert sorted(p.name for p in (tmp_path / "通知").iterdir()) == sorted(written)  # no temp files left


def test_notice_lists_each_problem_with_evidence_deadline_and_office(tmp_path):
    doc = open_doc(_notices(tmp_path)["区教育局_整改通知.docx"])
    text = all_text(doc)
    assert [p.text for p in by_style(doc, "GwRecipient")] == ["区教育局："]
    assert by_style(doc, "GwTitle")[0].text == "关于2022年度“谁执法谁普法”履职材料\n有关问题整改的通知"
    assert "1.你单位全年以案释法典型案例仅报送2个（要求全年不少于4个），请补报典型案例。" in text
    assert "依据：《2022年度普法履职报告》第3段：“全年共报送以案释法典型案例2个”。" in text
    assert "依据：《2022年度普法履职报告》第5段：“普法责任清单正在制定中”。" in text
    assert "3.你单位报送材料中未见运用新媒体开展普法。" in text
    assert "请你单位高度重视，对照上述问题认真整改，于2022年12月17日前将以下材料报送清江区普法办：" in text
    assert "1.补充的以案释法典型案例；\n2.本单位普法责任清单；\n3.运用新媒体开展普法宣传的情况说明。" in text
    assert "联系人：张三，电话：0730-1234567" in text
    assert [p.text for p in by_style(doc, "GwSignature")] == ["清江区普法办"]
    assert [p.text for p in by_style(doc, "GwDate")] == ["2022年12月11日"]  # the day of the check


def test_missing_unit_gets_a_request_to_submit(tmp_path):
    doc = open_doc(_notices(tmp_path)["区民政局_补报通知.docx"])
    text = all_text(doc)
    assert "关于补报2022年度“谁执法谁普法”\n履职材料的通知" in text
    assert "各单位应于2022年12月10日前报送2022年度“谁执法谁普法”履职材料。截至2022年12月11日，我办未收到你单位报送的材料。" in text
    assert "请你单位于2022年12月17日前将“谁执法谁普法”履职报告、普法责任清单、以案释法典型案例等履职材料报送清江区普法办。" in text


def test_missing_unit_only_in_missing_units_still_notified(tmp_path):
    records = make_records()
    records["units"] = [u for u in records["units"] if u["unit"] != "区民政局"]
    assert "区民政局_补报通知.docx" in _notices(tmp_path, records)


def test_hostile_unit_names_and_quotes_stay_literal(tmp_path):
    records = make_records()
    records["units"][1]["unit"] = '=HYPERLINK("http://evil/","点我")'
    records["units"][1]["findings"][0]["message"] = '=HYPERLINK("http://evil/","点我")第三季度未报送案例。'
    written = _notices(tmp_path, records)
    name = '=HYPERLINK(_http_evil_,_点我_)_整改通知.docx'
    assert name in written
    doc = open_doc(written[name])
    assert [p.text for p in by_style(doc, "GwRecipient")] == ['=HYPERLINK("http://evil/","点我")：']
    assert "1.你单位第三季度未报送案例。" in all_text(doc)
    braces = open_doc(written[f"{safe_filename(HOSTILE_UNIT)}_整改通知.docx"])
    assert [p.text for p in by_style(braces, "GwRecipient")] == [f"{HOSTILE_UNIT}："]
    quote = open_doc(written["区税务局_整改通知.docx"])
    assert f"依据：《案例》第1段：“{HOSTILE}”。" in all_text(quote)
    assert "49" not in all_text(braces) + all_text(quote)


def test_file_names_sanitised_and_unique(tmp_path):
    assert safe_filename("a/b\\c:d*?\"<>|e") == "a_b_c_d_e"
    assert safe_filename("...") == "未命名单位" and safe_filename("CON") == "_CON"
    records = make_records()
    records["units"][1]["unit"] = "区/教育局"
    records["units"][2]["unit"] = "区:教育局"
    written = _notices(tmp_path, records)
    assert {"区_教育局_整改通知.docx", "区_教育局_2_整改通知.docx"} <= set(written)


def test_notice_is_a_gongwen(tmp_path):
    doc = open_doc(_notices(tmp_path)["区税务局_整改通知.docx"])
    sec = doc.sections[0]
    assert [round(m.mm) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] \
        == [37, 35, 28, 26]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer in (sec.footer, sec.even_page_footer):
        assert footer.paragraphs[0].text == "— 1 —"
        assert footer.paragraphs[0]._p.find(f".//{qn('w:instrText')}").text.strip() == "PAGE"
    body = by_style(doc, "GwBody")[0]
    assert body.runs[0]._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_rewriting_replaces_atomically_and_defaults_apply(tmp_path):
    first = _notices(tmp_path, config=None)["区税务局_整改通知.docx"]
    text = all_text(open_doc(first))
    assert "于2022年12月18日前" in text and "报送××区普法办" in text  # 7 days after the check
    second = _notices(tmp_path)["区税务局_整改通知.docx"]
    assert second == first and "清江区普法办" in all_text(open_doc(second))
    assert not [p for p in (tmp_path / "通知").iterdir() if p.name.startswith(".")]


def test_no_findings_no_notices(tmp_path):
    records = make_records()
    for u in records["units"]:
        u["findings"] = []
    records["missing_units"] = []
    assert write_notices(records, tmp_path / "通知") == []


def test_last_years_report_is_named_as_such_first(tmp_path):
    records = make_records()
    records["files"].append({"path": "区教育局/2021年度普法履职报告.docx", "unit": "区教育局", "status": "ok",
                             "doc_type": "annual_report", "fields": {"year": 2021}, "other_year": True})
    text = all_text(open_doc(_notices(tmp_path, records)["区教育局_整改通知.docx"]))
    assert ("1.你单位报送的《2021年度普法履职报告》是2021年度的材料，未作为2022年度履职材料计入，"
            "请报送2022年度材料。") in text
    assert "2.你单位全年以案释法典型案例仅报送2个" in text


def _two_late_files_and_two_sections() -> dict:
    records = make_records()
    unit = next(u for u in records["units"] if u["unit"] == "区教育局")
    unit["findings"] = [
        {"rule": "late_submission", "severity": "error", "file": "区教育局/统计表.xlsx",
         "message": "区教育局报送的《统计表.xlsx》落款日期为2022年12月12日，晚于报送截止日期2022年12月10日。",
         "evidence": [{"file": "区教育局/统计表.xlsx", "where": "Sheet1!D2", "quote": "填报日期：2022年12月12日"}]},
        {"rule": "late_submission", "severity": "error", "file": "区教育局/2022年度普法履职报告.docx",
         "message": "区教育局报送的《2022年度普法履职报告.docx》落款日期为2022年12月12日，晚于报送截止日期2022年12月10日。",
         "evidence": [{"file": "区教育局/2022年度普法履职报告.docx", "where": "第21段", "quote": "组织班子成员集体学法1次。"}]},
        {"rule": "missing_section", "severity": "warning", "file": "区教育局/2022年度普法履职报告.docx",
         "message": "区教育局报送的《2022年度普法履职报告.docx》缺少“基本情况”部分，请补充完善。", "evidence": []},
        {"rule": "missing_section", "severity": "warning", "file": "区教育局/2022年度普法履职报告.docx",
         "message": "区教育局报送的《2022年度普法履职报告.docx》缺少“下一步打算”部分，请补充完善。", "evidence": []},
    ]
    return records


def test_one_item_per_rule_files_by_title_cells_in_words_no_doubled_punctuation(tmp_path):
    doc = open_doc(_notices(tmp_path, _two_late_files_and_two_sections())["区教育局_整改通知.docx"])
    text = all_text(doc)
    assert ("1.你单位报送的《统计表》《2022年度普法履职报告》落款日期为2022年12月12日，"
            "晚于报送截止日期2022年12月10日。") in text
    assert "依据：《统计表》第2行第4列：“填报日期：2022年12月12日”。" in text
    assert "依据：《2022年度普法履职报告》第21段：“组织班子成员集体学法1次。”\n" in text + "\n"
    assert "2.你单位报送的《2022年度普法履职报告》缺少“基本情况”“下一步打算”部分，请补充完善。" in text
    assert "3." not in text.split("请你单位")[0]
    for bad in ("Sheet1", "!D2", ".docx", ".xlsx", "。”。", "。。", "；。"):
        assert bad not in text, bad


def test_a_reply_deadline_before_the_notice_date_is_a_config_error(tmp_path):
    import pytest

    from forms.config import ConfigError

    with pytest.raises(ConfigError, match="回复期限 2022-12-17 早于通知日期 2022-12-20"):
        _notices(tmp_path, config={**CFG, "date": "2022-12-20"})
    with pytest.raises(ConfigError, match="早于通知日期（未写 date，即检查当天） 2022-12-11"):
        _notices(tmp_path, config={**CFG, "reply_deadline": "2022-12-01"})


def test_cell_places_and_titles_read_as_words():
    from outputs.notice_text import file_title, join_messages, place, tidy

    assert place("Sheet1!D2") == "第2行第4列" and place("统计表!$AA$10") == "“统计表”工作表第10行第27列"
    assert place("第3段") == "第3段" and place("第2页") == "第2页"
    assert file_title("交通运输局/以案释法典型案例.docx") == "以案释法典型案例"
    assert file_title("材料.zip!/内部/报告（修改稿）.PDF") == "报告（修改稿）"
    assert tidy("学法1次。”。") == "学法1次。”" and tidy("完善。。") == "完善。"
    # a shared start inside a name is not split: the two sentences are joined whole
    joined = join_messages("你单位报送的《市场监管局2023年统计表》落款日期为12日。",
                           "你单位报送的《市场监管局2023年度报告》落款日期为13日。")
    assert joined == "你单位报送的《市场监管局2023年统计表》落款日期为12日；报送的《市场监管局2023年度报告》落款日期为13日。"
