"""Drafting 通报, 实施方案 and 自查报告: content equals the records, config errors name the key."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from forms.config import ConfigError
from outputs.drafts import (circular_context, draft_circular, draft_plan, draft_self_inspection,
                            load_draft_config, plan_context, self_inspection_context)
from outputs.figures import amount
from outputs.render import render_docx, undeclared
from templates import template_path
from tests.docx_helper import all_text, by_style, open_doc, table_rows
from tests.records_helper import HOSTILE, HOSTILE_UNIT, make_records, submitted, without_missing

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CIRCULAR_CFG = {"office": "清江区全面依法治区委员会办公室", "masthead": "清江区全面依法治区委员会办公室文件",
                "doc_number": "清法治办发(2022)3号", "date": "2022-12-09", "region": "清江区",
                "name_units": True}


def _sum(records, key):
    return sum(u["fields"][key] for u in submitted(records) if u["fields"].get(key) is not None)


@pytest.fixture()
def records():
    return make_records()


@pytest.fixture()
def circular(tmp_path, records):
    return open_doc(draft_circular(records, CIRCULAR_CFG, tmp_path / "通报.docx"))


@pytest.mark.parametrize("n, text", [(126, "126"), (9999, "9999"), (50000, "5万"), (12000, "1.2万"),
                                     (53210, "5.3万余"), (10001, "1万余")])
def test_amounts_read_naturally(n, text):
    assert amount(n) == text


def test_circular_head_signature_and_date(circular):
    assert [p.text for p in by_style(circular, "GwMasthead")] == ["清江区全面依法治区委员会办公室文件"]
    assert [p.text for p in by_style(circular, "GwDocNumber")] == ["清法治办发〔2022〕3号"]
    assert by_style(circular, "GwTitle")[0].text == "2022年清江区落实国家机关\n“谁执法谁普法”责任制履职评议情况通报"
    assert [p.text for p in by_style(circular, "GwRecipient")] == ["区直各单位："]
    assert [p.text for p in by_style(circular, "GwSignature")] == ["清江区全面依法治区委员会办公室"]
    assert [p.text for p in by_style(circular, "GwDate")] == ["2022年12月9日"]
    headings = [p.text for p in by_style(circular, "GwHeading1")]
    assert headings == ["一、基本情况", "二、存在的主要问题", "三、下一步工作要求"]


def test_circular_figures_equal_the_records(circular, records):
    text = all_text(circular)
    units = submitted(records)
    assert f"本次评议共涉及7个单位，{len(units)}个单位报送了履职材料12份，1个单位未报送（名单见附件2）" in text
    assert f"共报送以案释法典型案例{_sum(records, 'cases_total')}个" in text  # 32
    assert f"开展普法宣传活动{_sum(records, 'activities')}场次" in text
    assert f"发放宣传资料{amount(_sum(records, 'materials'))}份" in text  # 12.05万 -> 12万余
    assert f"解答法律咨询{_sum(records, 'consultations')}人次" in text
    assert "评定等次为：优秀1个、良好2个、合格1个、不合格2个（含未报送材料的1个单位）（详见附件1）" in text
    duty = sum(1 for u in units if u["fields"]["duty_list"] is True)
    cases_ok = sum(1 for u in units if u["fields"]["cases_total"] >= 4)
    assert f"{duty}个单位制定了普法责任清单" in text
    assert f"{cases_ok}个单位全年报送以案释法典型案例不少于4个" in text


def test_circular_problems_from_findings_with_unit_names(circular, records, tmp_path):
    text = all_text(circular)
    assert "以案释法工作有待进一步加强。有2个单位全年报送以案释法典型案例数量不足或未说明报送数量（区教育局、区税务局）" in text
    assert f"有2个单位未运用微信公众号、微博、短视频等新媒体开展普法宣传（区教育局、{HOSTILE_UNIT}）" in text
    assert "有1个单位未按要求报送履职材料（名单见附件2）；有1个单位逾期报送履职材料（区应急管理局）" in text
    anonymous = all_text(open_doc(draft_circular(records, {**CIRCULAR_CFG, "name_units": False},
                                                 tmp_path / "b.docx")))
    assert "有2个单位全年报送以案释法典型案例数量不足或未说明报送数量；" in anonymous
    assert "区税务局" not in anonymous.split("二、存在的主要问题")[1].split("三、下一步工作要求")[0]


def test_circular_attachments_on_their_own_pages(circular, records):
    notes = [p.text for p in by_style(circular, "GwAttachNote")]
    assert notes == ["附件：1.2022年度各单位履职评议得分情况表", "\u3000\u3000\u30002.未报送2022年度履职材料单位名单"]
    marks = by_style(circular, "GwAttachMark")
    assert [m.text for m in marks] == ["附件1", "附件2"]
    assert all(m.style.paragraph_format.page_break_before for m in marks)
    scores, missing = (table_rows(t) for t in circular.tables)
    assert scores[0] == ["序号", "单位名称", "得分", "等次"]
    assert scores[1:] == [["1", "区市场监督管理局", "96", "优秀"], ["2", "区人力资源和社会保障局", "88.5", "良好"],
                          ["3", HOSTILE_UNIT, "85", "良好"], ["4", "区税务局", "79", "合格"],
                          ["5", "区教育局", "42", "不合格"], ["6", "区应急管理局", "—", "—"],
                          ["7", "区民政局", "未报送", "不合格"]]  # graded and counted
    assert missing == [["序号", "单位名称", "备注"], ["1", "区民政局", "未报送履职材料"]]


def test_circular_tables_with_zero_one_and_many_rows(tmp_path, records):
    complete = without_missing(records)
    doc = open_doc(draft_circular(complete, CIRCULAR_CFG, tmp_path / "0.docx"))
    assert len(doc.tables) == 1 and [m.text for m in by_style(doc, "GwAttachMark")] == ["附件"]
    assert [p.text for p in by_style(doc, "GwAttachNote")] == ["附件：2022年度各单位履职评议得分情况表"]
    one = dict(complete, units=complete["units"][:1], roster=[complete["units"][0]["unit"]])
    assert len(table_rows(open_doc(draft_circular(one, {}, tmp_path / "1.docx")).tables[0])) == 2
    empty = dict(complete, units=[], roster=[])
    doc = open_doc(draft_circular(empty, {}, tmp_path / "e.docx"))
    assert len(table_rows(doc.tables[0])) == 1 and "本次评议未发现突出问题。" in all_text(doc)
    many = dict(records, missing_units=[f"区第{i}局" for i in range(30)])
    assert len(table_rows(open_doc(draft_circular(many, {}, tmp_path / "m.docx")).tables[1])) == 31


def test_hostile_text_in_a_circular_stays_text(tmp_path, records):
    records["units"][0]["unit"] = HOSTILE
    doc = open_doc(draft_circular(records, {"highlights": [{"title": "做法", "text": HOSTILE}]},
                                  tmp_path / "h.docx"))
    text = all_text(doc)
    assert f"5.做法。{HOSTILE}" in text and f"1|{HOSTILE}|96|优秀" in text
    assert "49" not in text


def test_defaults_without_a_config_file(tmp_path, records):
    cfg = load_draft_config(None, "circular")
    assert cfg["office"] == "××区普法办" and cfg["name_units"] is False and cfg["min_cases"] == 4
    doc = open_doc(draft_circular(records, cfg, tmp_path / "d.docx"))
    assert [p.text for p in by_style(doc, "GwDocNumber")] == ["××普法办发〔2022〕×号"]
    assert [p.text for p in by_style(doc, "GwMasthead")] == ["××区普法办文件"]


def test_config_errors_name_the_key(tmp_path):
    cases = {
        "offise: 清江区普法办\n": "offise",
        "date: 下月初\n": "date",
        "doc_number: 三号文\n": "doc_number",
        "name_units: 是\n": "name_units",
        "highlights:\n  - title: a\n    txt: b\n": r"highlights\[1\]\.txt",
        "layout:\n  line_pitch_pt: 40\n": r"layout\.line_pitch_pt",
    }
    for i, (yaml_text, key) in enumerate(cases.items()):
        path = tmp_path / f"c{i}.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        with pytest.raises(ConfigError, match=rf"{path}.*中的 {key}"):
            load_draft_config(path, "circular")
    bad = tmp_path / "p.yaml"
    bad.write_text("phases:\n  - name: 自查\n    start: 2023-11-30\n    end: 2023-11-01\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"phases\[1\]\.end.*早于"):
        load_draft_config(bad, "plan")


def test_dates_normalised(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("date: 2022年12月9日\nreply_deadline: 2023-01-10\n", encoding="utf-8")
    cfg = load_draft_config(path, "circular")
    assert (cfg["date"], cfg["reply_deadline"]) == ("2022-12-09", "2023-01-10")


@pytest.mark.parametrize("name, kind", [("通报", "circular"), ("方案", "plan"), ("自查", "self_inspection"),
                                        ("通知", "notice")])
def test_sample_configs_load(name, kind):
    assert load_draft_config(SAMPLES / f"{name}.yaml", kind)["office"]


def test_template_contracts_hold_for_the_contexts_we_build(records):
    plan_cfg = load_draft_config(SAMPLES / "方案.yaml", "plan")
    for kind, ctx in (("circular", circular_context(records, CIRCULAR_CFG)),
                      ("plan", plan_context(plan_cfg)),
                      ("self_inspection", self_inspection_context(records, {}))):
        assert undeclared(template_path(kind), ctx) == set(), kind


def test_plan_sections_phases_and_attachments(tmp_path):
    cfg = load_draft_config(SAMPLES / "方案.yaml", "plan")
    doc = open_doc(draft_plan(cfg, tmp_path / "方案.docx"))
    assert [p.text for p in by_style(doc, "GwHeading1")] == [
        "一、指导思想", "二、工作目标", "三、评议对象", "四、评议内容", "五、方法步骤", "六、工作要求"]
    phases = [p.text for p in by_style(doc, "GwHeading2")]
    assert phases[0] == "（一）动员部署阶段（2023年3月1日至3月31日）" and len(phases) == 4
    assert "于2023年11月30日前报送鹤溪区全面依法治区委员会办公室" in all_text(doc)
    schedule, units, rubric = (table_rows(t) for t in doc.tables)
    assert [r[1] for r in schedule[1:]] == ["动员部署阶段", "自查自评阶段", "评议审核阶段", "总结通报阶段"]
    assert len(units) == 1 + len(cfg["units"]) and units[1] == ["1", cfg["units"][0]]
    assert "（共9个，名单见附件2）" in all_text(doc)
    # 附件3: the 评分细则 the check scores with, item by item, and the grades in the text
    from forms.scoring import load_rubric

    items = load_rubric(None).items
    assert rubric[0] == ["序号", "类别", "考核项目", "分值", "评分标准"] and len(rubric) == 1 + len(items)
    assert rubric[1] == ["1", items[0].block, items[0].name, "5", items[0].criterion]
    assert sum(int(r[3]) for r in rubric[1:]) == 100
    assert "评议按《评分细则》（见附件3）逐项评分，总分100分，90分以上为优秀，80分至89分为良好" in all_text(doc)
    assert [p.text for p in by_style(doc, "GwAttachNote")][-1].endswith("3.评分细则")


def test_plan_tables_with_zero_one_and_many_rows(tmp_path):
    ctx = plan_context({"year": 2023})
    assert ctx["units_table"] is None and len(ctx["phases"]) == 4  # default phases
    for n in (0, 1, 12):
        rows = [{"no": i, "name": f"阶段{i}", "time": "2023年", "text": "任务"} for i in range(1, n + 1)]
        ctx["schedule_table"]["rows"] = rows
        doc = open_doc(render_docx(template_path("plan"), ctx, tmp_path / f"p{n}.docx"))
        assert len(doc.tables) == 2 and len(table_rows(doc.tables[0])) == 1 + n  # + 评分细则
    one = open_doc(draft_plan({"units": ["区教育局"]}, tmp_path / "u1.docx"))
    assert table_rows(one.tables[1]) == [["序号", "单位名称"], ["1", "区教育局"]]


def test_self_inspection_is_the_offices_report_on_its_own_work(tmp_path, records):
    cfg = load_draft_config(SAMPLES / "年度.yaml", "self_inspection")
    doc = open_doc(draft_self_inspection(records, cfg, tmp_path / "自查.docx"))
    text = all_text(doc)
    assert [p.text for p in by_style(doc, "GwRecipient")] == ["市普法办："]
    assert [p.text for p in by_style(doc, "GwHeading1")] == [
        "一、组织开展情况", "二、培训指导情况", "三、评议结果", "四、存在的问题", "五、下一步打算"]
    # organising: the plan, its 文号 and date, the deadline from the one year file
    assert ("2023年2月20日，我办印发《鹤溪区2023年度国家机关“谁执法谁普法”履职报告评议活动实施方案》"
            "（鹤法治办发〔2023〕1号），将7个承担普法责任的国家机关纳入评议范围") in text
    assert "要求各单位于2023年12月10日前报送2023年度履职报告" in text
    fix = sum(1 for u in submitted(records) if u["findings"])
    assert (f"2023年12月11日，我办向{fix}个材料存在问题的单位发出整改通知、向1个未报送材料的单位发出补报通知，"
            "要求于2023年12月17日前报送整改情况或补报材料。") in text
    assert "2023年6月15日，举办全区普法责任制业务培训班" in text  # training, from the year file
    assert "不合格2个（含未报送材料的1个单位）" in text
    assert f"报送以案释法典型案例{_sum(records, 'cases_total')}个" in text
    assert "督促问题整改。对发出整改通知的单位逐一跟踪，2023年12月17日后对整改不到位的单位" in text
    circular = all_text(open_doc(draft_circular(records, CIRCULAR_CFG, tmp_path / "c.docx")))
    assert "责任落实情况" in circular and "责任落实情况" not in text  # not the circular again
    assert HOSTILE_UNIT not in text.split("附件")[0]  # the level above is not told unit names
    rows = table_rows(doc.tables[0])
    assert rows[0] == ["序号", "单位名称", "典型案例（个）", "宣传活动（场次）", "得分", "等次"]
    assert rows[3] == ["3", "区教育局", "2", "8", "42", "不合格"] and len(rows) == 1 + len(submitted(records))
    assert [p.text for p in by_style(doc, "GwDate")] == ["2023年12月25日"]


def test_old_self_inspection_yaml_still_works(tmp_path, records):
    cfg = load_draft_config(SAMPLES / "自查.yaml", "self_inspection")
    text = all_text(open_doc(draft_self_inspection(records, cfg, tmp_path / "自查.docx")))
    assert "加强督促指导。区普法办采取实地走访" in text and "年初，我办印发" in text


def test_layout_override_and_own_template_from_config(tmp_path, records):
    doc = open_doc(draft_circular(records, {"layout": {"line_pitch_pt": 29}}, tmp_path / "l.docx"))
    body = doc.styles[doc.styles.element.get_by_id("GwBody").name_val]
    assert body.paragraph_format.line_spacing == Pt(29)
    assert doc.sections[0]._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "580"
    own = tmp_path / "own.docx"
    own.write_bytes(template_path("notice").read_bytes())
    with pytest.raises(ConfigError, match=r"own\.docx.*模板中的标记"):  # it lacks circular names
        draft_circular(records, {"template": str(own)}, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_circular_praises_the_best_units_by_name(circular):
    text = all_text(circular)
    assert "2.通报表扬。区市场监督管理局1个单位普法责任制落实到位、履职材料扎实规范，评定为优秀等次，予以通报表扬。" in text


def test_circular_names_the_sections_each_unit_lacks(tmp_path, records):
    unit = next(u for u in records["units"] if u["unit"] == "区教育局")
    unit["findings"] = [f for f in unit["findings"] if f["rule"] != "missing_section"] + [
        {"rule": "missing_section", "severity": "warning", "evidence": [],
         "message": f"区教育局报送的《报告.docx》缺少“{s}”部分，请补充完善。"} for s in ("存在问题", "下一步打算")]
    text = all_text(open_doc(draft_circular(records, CIRCULAR_CFG, tmp_path / "s.docx")))
    assert "区教育局缺少“存在问题”“下一步打算”部分" in text
    assert "缺少基本情况、主要做法、存在问题或下一步打算" not in text
