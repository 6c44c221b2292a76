"""PDF and spreadsheet readers on real files."""
from pathlib import Path

import pytest

from model import UnreadableFile
from extractors.readers.pdf import join_lines, text_quality
from extractors.readers.read import read_document
from extractors.readers.xlsx import read_xlsx
from tests.makers import xlsx_from_rows

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_join_lines_rebuilds_paragraphs_and_drops_page_numbers():
    lines = ["一、普法工作基本情况",
             "全年开展卫生监督检查920户次，组织法治宣传活动22场",
             "次，发放宣传资料8000份。",
             "（一）加强组织领导",
             "— 3 —"]
    assert join_lines(lines) == ["一、普法工作基本情况",
                                 "全年开展卫生监督检查920户次，组织法治宣传活动22场次，发放宣传资料8000份。",
                                 "（一）加强组织领导"]


def test_text_quality_flags_cid_and_replacement_characters():
    assert text_quality("全年报送典型案例5个。") == 1.0
    assert text_quality("(cid:123)(cid:456)") == 0.0
    assert text_quality("\ufffd\ufffd\ufffd正常") < 0.9


def _any_pdf() -> Path:
    found = sorted(SAMPLES.rglob("*.pdf")) + sorted((SHARED / "devset" / "INBOX").glob("*.pdf"))
    if not found:
        pytest.skip("no text PDF among samples/ or ../shared/devset")
    return found[0]


def test_text_pdf_gives_page_located_paragraphs():
    doc = read_document(_any_pdf(), "report.pdf")
    assert doc.fmt == "pdf"
    assert all(b.where.startswith("第") and b.where.endswith("页") for b in doc.blocks)
    assert any("。" in b.text for b in doc.blocks)


def test_truncated_pdf_is_corrupt(tmp_path):
    data = _any_pdf().read_bytes()
    bad = tmp_path / "cut.pdf"
    bad.write_bytes(data[: len(data) // 3])
    with pytest.raises(UnreadableFile) as e:
        read_document(bad, "cut.pdf")
    assert e.value.code in ("corrupt", "scanned_no_text")


def test_xlsx_cells_carry_sheet_and_reference(tmp_path):
    path = xlsx_from_rows(tmp_path / "t.xlsx", [["季度", "以案释法典型案例（个）"], ["第一季度", 2], ["合计", 2.0]],
                          title="统计表")
    blocks = read_xlsx(path)[0]
    assert [(b.text, b.where) for b in blocks] == [
        ("季度", "统计表!A1"), ("以案释法典型案例（个）", "统计表!B1"), ("第一季度", "统计表!A2"),
        ("2", "统计表!B2"), ("合计", "统计表!A3"), ("2", "统计表!B3")]


def test_xlsx_with_billion_laughs_is_refused(tmp_path):
    import zipfile

    path = xlsx_from_rows(tmp_path / "ok.xlsx", [["a"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + body
            dst.writestr(item, data)
    with pytest.raises(UnreadableFile) as e:
        read_document(bomb, "bomb.xlsx")
    assert e.value.code == "unsafe_content"


def _chars_one_by_one(textpage) -> list[tuple]:
    """Each visible character and its box, asked of pdfium one character at a time."""
    import ctypes

    import pypdfium2.raw as raw

    tp = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    out = []
    for i in range(raw.FPDFText_CountChars(tp)):
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or code < 32 and code != 9 or chr(code).isspace():
            continue
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        out.append((chr(code), left.value, right.value, bottom.value, top.value))
    return out


def test_page_characters_read_at_once_are_those_read_one_by_one(tmp_path):
    import pypdfium2 as pdfium

    from extractors.readers.pdf_layout import _page_text, _text_calls, page_chars
    from tests.hostile_files import pdf_with_odd_characters

    count, _, _, get_text, text_index = _text_calls()
    paths = [pdf_with_odd_characters(tmp_path / "odd.pdf"), _any_pdf()]
    at_once = []
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            assert page_chars(tp).boxes() == _chars_one_by_one(tp)
            at_once.append(_page_text(get_text, text_index, tp.raw, count(tp.raw)) is not None)
            tp.close()
        pdf.close()
    assert at_once[:4] == [True, False, True, True]  # the control characters' page is read one by one
    pdf = pdfium.PdfDocument(paths[0])
    assert page_chars(pdf[0].get_textpage()).text.startswith("HelloWorldKerningcooperatefi中\ud842\udfb7中")
    pdf.close()


def test_lines_found_by_runs_are_the_lines_found_one_character_at_a_time():
    import math
    import random

    from extractors.readers.pdf_layout import _row_bounds, _row_bounds_one_by_one

    rng = random.Random(5)
    for _ in range(3000):
        half = rng.choice([0.5, 3.3, 5.0, 1e-9])
        steps = [0.0, half, math.nextafter(half, 0), math.nextafter(half, 9), half / 2, rng.uniform(0, 3 * half)]
        mids = [500.0]
        for _ in range(rng.randint(0, 40)):
            mids.append(mids[-1] - rng.choice(steps))
        assert _row_bounds(mids, half) == _row_bounds_one_by_one(mids, half)
    assert _row_bounds([5.0, math.nan, 1.0], 1.0) == _row_bounds_one_by_one([5.0, math.nan, 1.0], 1.0)


def test_a_line_cut_short_only_by_line_breaking_rules_runs_on() -> None:
    """全年报送典型案例4 | 个，…: “个，” may not start a line, so the line above stops two characters
    short; it ends no paragraph. A short line that ends a sentence does; so does a much shorter one."""
    from extractors.readers.pdf_layout import Line, paragraphs

    h, right = 16.0, 500.0
    lines = [Line("（三）推进以案释法。全年报送以案释法典型案例4", 90.0, right - 2 * h, 700, h),
             Line("个，涉及物业服务等群众关心的问题。", 90.0, right - 10 * h, 680, h),
             Line("　　四、存在问题", 90.0 + 2 * h, right - 20 * h, 660, h),
             Line("普法形式还比较单一，覆盖面不够广，部分群众参与积极性不高，宣传", 90.0, right, 640, h),
             Line("效果有待提升。", 90.0, right - 24 * h, 620, h)]
    texts = [p.text for p in paragraphs(lines)]
    assert texts[0] == "（三）推进以案释法。全年报送以案释法典型案例4个，涉及物业服务等群众关心的问题。"
    assert texts[-1].endswith("宣传效果有待提升。") and len(texts) == 3


def test_a_figure_on_a_line_of_its_own_is_no_page_number() -> None:
    """受教育群众 | 3000 | 人次 (a clerk's line breaks): the figure stays in its sentence; — 2 — at the
    foot of the page is still dropped."""
    from extractors.readers.pdf_layout import Line, paragraphs

    h, right = 16.0, 500.0
    lines = [Line("全年开展活动12场，发放宣传资料8000余", 90.0, right - 12 * h, 700, h),
             Line("份，受教育群众", 90.0, right - 20 * h, 680, h),
             Line("3000", 90.0, 90.0 + 2 * h, 660, h),
             Line("人次。", 90.0, 90.0 + 3 * h, 640, h),
             Line("— 2 —", 250.0, 300.0, 60, h)]
    assert [p.text for p in paragraphs(lines)] == ["全年开展活动12场，发放宣传资料8000余份，受教育群众3000人次。"]


def test_a_merged_cell_of_a_pdf_table_is_read_once() -> None:
    from extractors.readers.pdf_layout import Para
    from extractors.readers.pdf import Table, _join_pages, _page_text

    table = Table([["项目", "情况"], ["普法经费", None], [None, "纳入预算"]], (0, 0, 100, 100))
    assert _page_text([Para("标题", True, True), table]) == "标题项目情况普法经费纳入预算"
    blocks = _join_pages([[Para("标题", True, True), table]])
    assert [(b.kind, b.where, b.text) for b in blocks][1:] == [
        ("cell", "第1页表1第1行第1列", "项目"), ("cell", "第1页表1第1行第2列", "情况"),
        ("cell", "第1页表1第2行第1列", "普法经费"), ("cell", "第1页表1第3行第2列", "纳入预算")]
