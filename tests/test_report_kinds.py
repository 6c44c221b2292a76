"""Holdout19 kinds on real .docx reports run through the real CLI (issue 12): cases a report lists
under a lead-in, numbered work points under a 以案释法 heading, an office's head doing the work,
a channel whose stated purpose is not 普法.
"""
from __future__ import annotations

import json
from pathlib import Path

import cli
from tests.makers import docx_from_paragraphs, xlsx_from_rows

BODY = ("全年开展普法宣传活动22场次，发放宣传资料4000余份，受教育群众5000余人次，局党组会前学法4次。"
        "局普法工作领导小组由局长任组长，分管副局长具体负责，结合执法检查向经营主体讲解法律法规。")


def _report(path: Path, unit: str, middle: list[str]) -> Path:
    return docx_from_paragraphs(path, [
        f"{unit}2025年度普法履职报告", "一、基本情况", BODY, "二、主要做法", *middle,
        "三、存在问题", "普法形式较为单一，针对性有待增强。",
        "四、下一步打算", "2026年将进一步创新普法方式，加强以案释法工作。", unit, "2025年12月1日"])


def _check(tmp_path: Path) -> dict:
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    _report(inbox / "白石镇2025年度普法履职报告.docx", "白石镇人民政府", [
        "（一）信息发布。“白石发布”微信公众号推送普法文章30篇；“白石文旅”抖音号主要用于乡村旅游推介。",
        "（二）以案释法。我镇今年报送的以案释法典型案例如下：",
        "1.村民赵某与钱某土地承包经营权纠纷案，司法所释法说理，双方达成调解协议。",
        "2.某养殖场未经环评擅自投产案，依法责令停产并处罚款。",
        "3.务工人员孙某被拖欠劳动报酬案，引导其申请劳动仲裁，追回工资1.6万元。",
        "4.商户李某销售过期食品案，依法没收并处罚款。",
        "（三）日常工作。普法工作暂由党政办主任代为协调，负责信息报送。"])
    _report(inbox / "区水利局2025年度普法履职报告.docx", "区水利局", [
        "（一）以案释法",
        "1.开展以案释法进校园活动，组织学生旁听庭审。",
        "2.在公众号开设以案说法专栏，推送普法文章。",
        "3.制定以案释法工作方案，落实执法人员释法说理制度。",
        "（二）日常工作。普法工作没有科室具体负责，由各科室自行开展。"])
    roster = xlsx_from_rows(tmp_path / "名单.xlsx", [["单位名称", "简称/别名"], ["白石镇人民政府", "白石镇"],
                                                   ["区水利局", ""]])
    out = tmp_path / "输出"
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--year", "2025", "--out", str(out),
                     "--jobs", "1"]) == 0
    rec = json.loads((out / "records.json").read_text(encoding="utf-8"))
    return {u["unit"]: u for u in rec["units"]}


def test_listed_cases_office_head_and_purposed_channel(tmp_path):
    units = _check(tmp_path)
    town = units["白石镇人民政府"]
    assert town["fields"]["cases_total"] == 4  # the cases listed 1.–4. after 如下：
    quotes = [e["quote"] for e in town["evidence"]["cases_total"]]
    assert any("土地承包经营权纠纷案" in q for q in quotes)
    assert town["fields"]["staff_assigned"] is True  # 党政办主任代为协调
    assert town["fields"]["new_media"] == ["微信公众号"]  # the 抖音号 is for tourism
    rules = {f["rule"] for f in town["findings"]}
    assert "cases_below_min" not in rules and "no_staff_assigned" not in rules


def test_numbered_work_points_are_no_cases(tmp_path):
    units = _check(tmp_path)
    bureau = units["区水利局"]
    assert bureau["fields"].get("cases_total") is None  # work points, not cases
    assert bureau["fields"]["staff_assigned"] is False  # 没有科室具体负责
    rules = {f["rule"] for f in bureau["findings"]}
    assert {"cases_below_min", "no_staff_assigned"} <= rules
