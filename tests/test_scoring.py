"""The rubric: default loads and sums to 100, items score as their 评分标准 says, bad rubrics fail at load."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from forms.check import check_units
from forms.config import ConfigError
from forms.rules import load_rules
from forms.scoring import grade_of, load_rubric, score_unit
from tests.test_rules import SOUND, sound_unit
from tests.units_helper import file, unit

GOOD_FIELDS = {**SOUND, "activities": 20, "materials": 5000, "consultations": 300, "budget": True,
               "new_media": ["微信公众号", "抖音"]}


def checked(**changes: object):
    text = "全年开展普法宣传活动35场次，发放宣传资料1.2万份，解答咨询800人次。" * 30
    u = unit("区司法局", [file("报告.docx", text=text, **{**GOOD_FIELDS, **changes})])
    (c,) = check_units([u], load_rules(), deadline=date(2022, 12, 10))
    return c


def test_default_rubric_shape() -> None:
    r = load_rubric(None)
    assert r.total == 100 and sum(i.points for i in r.items) == 100
    assert [g for g, _ in r.grades] == ["优秀", "良好", "合格", "不合格"]
    assert list(dict.fromkeys(i.block for i in r.items)) == [
        "组织领导", "责任清单", "学法用法", "以案释法", "社会普法", "新媒体", "经费保障", "材料报送"]


def test_full_marks_for_a_complete_submission() -> None:
    c = checked()
    assert (c.score, c.grade, c.findings) == (100, "优秀", ())
    first = c.score_items[0]
    assert first == {"block": "组织领导", "item": "成立普法工作领导小组", "points": 5,
                     "criterion": "成立（调整）普法工作领导小组的得5分，未成立或未说明的不得分",
                     "score": 5, "basis": "leading_group=True"}


def test_items_score_as_their_criteria_say() -> None:
    c = checked(cases_total=2, new_media=["微信公众号"], budget=None, leading_group=False,
                activities=6, materials=800, sections=["主要做法", "存在问题"], date="2022-12-12")
    items = {i["item"]: (i["score"], i["basis"]) for i in c.score_items}
    assert items["报送典型案例"][0] == 7            # 14 × 2/4
    assert items["运用新媒体普法"] == (5, "新媒体平台：微信公众号")
    assert items["普法经费纳入预算"] == (0, "材料中未提及普法经费纳入预算")
    assert items["成立普法工作领导小组"] == (0, "leading_group=False")
    assert items["开展普法宣传活动"][0] == 3.5      # 7 × 6/12
    assert items["发放宣传资料"][0] == 0            # 800 < 1000
    assert items["报告结构完整"][0] == 1            # 5 − 2 × 2 missing sections
    assert items["按时报送"][0] == 0 and items["按时报送"][1].endswith("晚于报送截止日期2022年12月10日。")
    assert items["按季度报送案例"] == (6, "未发现“有季度未报送典型案例”问题")
    assert c.score == 100 - 7 - 5 - 5 - 5 - 3.5 - 4 - 4 - 5 == 61.5
    assert c.grade == "合格"


def test_unscored_units() -> None:
    missing, = check_units([unit("区民政局", [])], load_rules(), deadline=None)
    broken, = check_units([unit("区司法局", [file("坏.docx", status="error")])], load_rules(), deadline=None)
    assert (missing.score, missing.grade, missing.score_items) == (None, None, ())
    assert broken.score is None


def test_grade_bands() -> None:
    r = load_rubric(None)
    assert [grade_of(s, r) for s in (100, 90, 89.9, 80, 60, 59.5, 0)] == [
        "优秀", "优秀", "良好", "良好", "合格", "不合格", "不合格"]


REGION = """\
total: 20
grades: {好: 15, 一般: 10, 较差: 0}
blocks:
  以案释法:
    - {考核项目: 典型案例, 分值: 10, 评分标准: 不少于6个得10分, judge: {field: cases_total, at_least: 6}}
  组织领导:
    - {考核项目: 领导与专人, 分值: 10, 评分标准: 各5分, judge: {true: [leader_in_charge, staff_assigned]}}
"""


def test_region_rubric_with_its_own_grades(tmp_path: Path) -> None:
    p = tmp_path / "评分细则.yaml"
    p.write_text(REGION, encoding="utf-8")
    r = load_rubric(p)
    score, grade, items = score_unit(sound_unit(cases_total=5, staff_assigned=None), r)
    assert (score, grade) == (5, "较差")
    assert [(i["item"], i["score"]) for i in items] == [("典型案例", 0), ("领导与专人", 5)]
    assert items[1]["basis"] == "leader_in_charge=True；材料中未提及具体负责的科室或专人"


@pytest.mark.parametrize("change,key,problem", [
    (("分值: 10, 评分标准: 不少于6个", "分值: 9, 评分标准: 不少于6个"), "blocks", "各项分值之和为 19，与总分 20 不一致"),
    (("field: cases_total", "field: case_total"), "blocks.以案释法[0].judge.field", "未知的数量或列表字段 'case_total'"),
    (("{field: cases_total, at_least: 6}", "{field: cases_total, atleast: 6}"),
     "blocks.以案释法[0].judge.atleast", "未知的配置项"),
    (("{field: cases_total, at_least: 6}", "{no_finding: late}"), "blocks.以案释法[0].judge.no_finding",
     "未知的问题代码 'late'"),
    (("{field: cases_total, at_least: 6}", "{true: cases_total}"), "blocks.以案释法[0].judge.true",
     "未知的是/否字段"),
    (("{field: cases_total, at_least: 6}", "{field: cases_total}"), "blocks.以案释法[0].judge",
     "应写且只写一种判定"),
    (("{field: cases_total, at_least: 6}", "{field: cases_total, at_least: 6, deduct: 1}"),
     "blocks.以案释法[0].judge.deduct", "只能与 no_finding"),
    (("分值: 10, 评分标准: 不少于6个", "分值: 十, 评分标准: 不少于6个"), "blocks.以案释法[0].分值", "应为正数"),
    (("考核项目: 典型案例, ", ""), "blocks.以案释法[0].考核项目", "缺少该项"),
    (("较差: 0", "较差: -5"), "grades.较差", "最低分应在 0 到 20 之间"),
    (("total: 20", "totals: 20"), "totals", "未知的配置项"),
])
def test_bad_rubric_names_the_key(tmp_path: Path, change: tuple[str, str], key: str, problem: str) -> None:
    assert change[0] in REGION
    p = tmp_path / "评分细则.yaml"
    p.write_text(REGION.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_rubric(p)
    assert (e.value.source, e.value.key) == (str(p), key)
    assert problem in str(e.value)
