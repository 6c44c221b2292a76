"""Who sent a file: roster names, aliases and abbreviations."""
import pytest

from extractors.finders.units import RosterEntry, attribute, best_match, name_in
from extractors.roster import load_roster
from tests.makers import xlsx_from_rows

ROSTER = [
    RosterEntry("区市场监督管理局", ("市场监管局",)),
    RosterEntry("区人力资源和社会保障局", ("人社局",)),
    RosterEntry("区生态环境分局", ("生态环境局",)),
    RosterEntry("区卫生健康局"),
    RosterEntry("区城市管理和综合执法局"),
    RosterEntry("区税务局"),
    RosterEntry("区人民法院"),
    RosterEntry("区人民检察院"),
    RosterEntry("区司法局"),
]


@pytest.mark.parametrize("text, want", [
    ("清江区市场监督管理局", "区市场监督管理局"),
    ("清江区市场监管局2022年普法工作总结", "区市场监督管理局"),  # alias
    ("人社局普法工作统计表", "区人力资源和社会保障局"),
    ("区卫健局普法责任清单", "区卫生健康局"),  # abbreviation not in the roster
    ("清江区城管局普法责任清单（2022年）", "区城市管理和综合执法局"),  # abbreviation
    ("云州市生态环境局清江分局", "区生态环境分局"),  # longer form with the place inside
    ("国家税务总局清江区税务局", "区税务局"),
    ("清江区人民检察院", "区人民检察院"),  # not the court
    ("2022年度普法履职报告", None),
    ("清江区教育局", None),  # not on this roster
])
def test_best_match(text, want):
    entry, _ = best_match(ROSTER, text)
    assert (entry.name if entry else None) == want


def test_signature_wins_over_file_name():
    m = attribute([("signature", "清江区司法局"), ("filename", "人社局材料")], ROSTER)
    assert (m.name, m.source, m.on_roster) == ("区司法局", "signature", True)


def test_unit_not_on_roster_keeps_the_name_it_gives():
    m = attribute([("signature", "清江区教育局"), ("filename", "材料")], ROSTER)
    assert (m.name, m.on_roster) == ("清江区教育局", False)


@pytest.mark.parametrize("text, want", [
    ("清江区人社局2022年普法工作统计表", "清江区人社局"),
    ("云州市生态环境局清江分局", "云州市生态环境局清江分局"),
    ("关于2022年度普法工作的报告", None),
    ("清江区林业局办公室", "清江区林业局"),  # an office signing for its unit
    ("清江区人民法院研究室", "清江区人民法院"),
    ("清江区委办公室", "清江区委办公室"),  # a unit of its own
    ("清江区人民政府办公室", "清江区人民政府办公室"),
])
def test_name_in(text, want):
    assert name_in(text) == want


def test_roster_reads_name_and_alias_columns(tmp_path):
    path = xlsx_from_rows(tmp_path / "名单.xlsx", [["序号", "单位名称", "简称/别名"], [1, "区市场监督管理局", "市场监管局、市监局"],
                                                   [2, "区民政局", None], [3, None, None]])
    assert load_roster(path) == [RosterEntry("区市场监督管理局", ("市场监管局", "市监局")), RosterEntry("区民政局")]


def test_without_a_roster_the_names_of_one_unit_become_one():
    from extractors.finders.units import unify_names

    got = unify_names(["交通运输局", "鹤溪区交通运输局", "市场监管局", "鹤溪区市场监督管理局", "鹤溪区水利局"])
    assert got["交通运输局"] == "鹤溪区交通运输局"
    assert got["市场监管局"] == "鹤溪区市场监督管理局"
    assert got["鹤溪区水利局"] == "鹤溪区水利局"


def test_a_sub_unit_on_the_roster_wins_over_its_parent() -> None:
    roster = [RosterEntry("区公安分局", ("某某分局",)), RosterEntry("区公安分局交通警察大队", ("交警大队",))]
    e, _ = best_match(roster, "某市公安局某某分局交通警察大队2023年度普法工作总结")
    assert e is not None and e.name == "区公安分局交通警察大队"
    e, _ = best_match(roster, "某市公安局某某分局2023年度普法工作总结")
    assert e is not None and e.name == "区公安分局"
