"""Normalisation: one form of Chinese for every matcher."""
import pytest

from extractors.finders.normalize import normalize
from extractors.finders.numbers import parse_quantity


@pytest.mark.parametrize("raw, want", [
    ("發(fā)布機構(gòu)：區(qū)司法局", "发布机构：区司法局"),  # pinyin garble, then t2s
    ("發(发)布", "发布"),  # the character followed by its simplified form
    ("２０２２年１２月１０日", "2022年12月10日"),  # full-width digits
    ("清 江 区 卫 生 健 康 局", "清江区卫生健康局"),  # spaces between characters
    ("2022 年 11 月 25 日", "2022年11月25日"),
    ("受教育群众 5000 人次", "受教育群众5000人次"),
    ("（一）加强组织领导，", "（一）加强组织领导，"),  # Chinese punctuation kept
    ("顯著成效", "显著成效"),
    ("显著成效", "显著成效"),  # simplified text is left alone
    ("Word 文档  abc", "Word 文档 abc"),
    ("零\u200b宽", "零宽"),
])
def test_normalize(raw, want):
    assert normalize(raw) == want


@pytest.mark.parametrize("span, want", [
    ("468", 468), ("五", 5), ("5万余", 50000), ("1.2万", 12000), ("6000余", 6000),
    ("二十", 20), ("二十余", 20), ("一千二百余", 1200), ("两", 2), ("十二", 12), ("3.5万", 35000),
    ("万", 10000), ("千", 1000), ("abc", None),
])
def test_parse_quantity(span, want):
    assert parse_quantity(span) == want


def test_fast_initialisers_set_every_field_in_order() -> None:
    """Block and Para set their fields in one call (speed); a field added to the class must be added there."""
    import dataclasses
    import inspect

    from model import Block
    from extractors.finders.structure import Para

    for cls in (Block, Para):
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(inspect.signature(cls.__init__).parameters)[1:] == names
        args = [f"v{i}" for i in range(len(names))]
        obj = cls(*args)
        assert [getattr(obj, n) for n in names] == args and obj == cls(*args) and hash(obj) == hash(cls(*args))
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.text = "x"
