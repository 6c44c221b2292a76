"""The 公文 base: GB/T 9704 page, styles, fonts, page numbers; safe rendering; templates."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from jinja2.exceptions import SecurityError, UndefinedError

from forms.config import ConfigError
from outputs import gongwen, gongwen_finish
from outputs.gongwen import DEFAULT_LAYOUT, Layout, layout_from_mapping
from outputs.gongwen_build import add_paragraph, new_document
from outputs.ooxml import text_width_chars
from outputs.render import plain, render_docx, undeclared
from templates import TEMPLATE_FILES, TEMPLATES_DIR, template_path
from templates.build import build_all
from tests import lo_render
from tests.docx_helper import by_style, open_doc, style_fonts
from tests.records_helper import HOSTILE

STYLE_FONTS = {
    "Normal": "仿宋_GB2312", "GwBody": "仿宋_GB2312", "GwTitle": "方正小标宋简体",
    "GwHeading1": "黑体", "GwHeading2": "楷体_GB2312", "GwHeading3": "仿宋_GB2312",
    "GwSignature": "仿宋_GB2312", "GwDate": "仿宋_GB2312", "GwPageNumber": "宋体",
}


def _saved(tmp_path: Path, lay: Layout = DEFAULT_LAYOUT, *lines: tuple[str, str]):
    doc = new_document(lay)
    for text, style in lines:
        add_paragraph(doc, text, style)
    gongwen_finish.finish(doc, lay)
    path = tmp_path / "base.docx"
    doc.save(str(path))
    return open_doc(path)


def test_profile_is_gbt9704_banxin_22_lines_of_28_characters():
    lay = DEFAULT_LAYOUT
    assert lay.page_width_mm - lay.margin_left_mm - lay.margin_right_mm == 156
    assert lay.page_height_mm - lay.margin_top_mm - lay.margin_bottom_mm == 225
    assert 22 * lay.line_pitch_pt <= 225 * 72 / 25.4 < 23 * lay.line_pitch_pt
    char = lay.body_pt + gongwen.condense_twips(lay) / 20
    assert 28 * char <= lay.text_width_pt < 29 * char


def test_page_margins_grid_and_odd_even_setting(tmp_path):
    doc = _saved(tmp_path)
    sec = doc.sections[0]
    assert (round(sec.page_width.mm, 1), round(sec.page_height.mm, 1)) == (210.0, 297.0)
    margins = (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]
    grid = sec._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert doc.settings.odd_and_even_pages_header_footer is True


def test_styles_name_east_asian_fonts_and_no_theme_font(tmp_path):
    doc = _saved(tmp_path)
    for style_id, font in STYLE_FONTS.items():
        fonts = style_fonts(doc, style_id)
        assert fonts["eastAsia"] == font and fonts["ascii"] == font, style_id
    xml = doc.styles.element.xml
    assert "Theme=" not in xml and "w:cstheme" not in xml
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rfonts = defaults.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert defaults.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"


def test_sizes_line_pitch_indents_and_heading_levels(tmp_path):
    doc = _saved(tmp_path)
    styles = {s: doc.styles[doc.styles.element.get_by_id(s).name_val] for s in STYLE_FONTS}
    assert styles["GwBody"].font.size == Pt(16) and styles["GwTitle"].font.size == Pt(22)
    assert styles["GwPageNumber"].font.size == Pt(14)
    for sid in ("Normal", "GwBody", "GwHeading1", "GwHeading2"):
        pf = styles[sid].paragraph_format
        assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY and pf.line_spacing == Pt(28.95)
    body_ind = styles["GwBody"].element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    assert body_ind.get(qn("w:firstLineChars")) == "200" and body_ind.get(qn("w:firstLine")) == "640"
    assert styles["GwTitle"].paragraph_format.alignment == 1  # centred
    outline = {sid: styles[sid].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val"))
               for sid in ("GwHeading1", "GwHeading2", "GwHeading3")}
    assert outline == {"GwHeading1": "0", "GwHeading2": "1", "GwHeading3": "2"}


def _footer_check(footer, side: str) -> None:
    (para,) = footer.paragraphs
    xml = para._p.xml
    assert para.text == "— 1 —"
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    instr = para._p.findall(f".//{qn('w:instrText')}")
    assert [i.text.strip() for i in instr] == ["PAGE"]
    assert para.paragraph_format.alignment == {"right": 2, "left": 0}[side]
    assert para._p.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn(f"w:{side}Chars")) == "100"
    for run in para._p.iter(qn("w:r")):
        assert run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "宋体"


def test_page_number_footers_odd_right_even_left(tmp_path):
    doc = _saved(tmp_path)
    sec = doc.sections[0]
    _footer_check(sec.footer, "right")
    _footer_check(sec.even_page_footer, "left")


def test_signature_centred_over_date_and_never_past_the_margin(tmp_path):
    doc = _saved(tmp_path, DEFAULT_LAYOUT, ("正文。", "GwBody"), ("清江区普法办", "GwSignature"),
                 ("2022年12月9日", "GwDate"), ("中共清江区委全面依法治区委员会办公室", "GwSignature"),
                 ("2022年12月9日", "GwDate"))
    short, long_ = by_style(doc, "GwSignature")
    date_w = text_width_chars("2022年12月9日")
    expected = 4 + (date_w - text_width_chars("清江区普法办")) / 2
    assert short.paragraph_format.right_indent == Pt(round(expected * 16 * 20) / 20)
    assert long_.paragraph_format.right_indent == 0
    date_style = doc.styles[doc.styles.element.get_by_id("GwDate").name_val]
    assert date_style.paragraph_format.right_indent == Pt(64)  # 右空四字


def test_masthead_shrinks_to_the_text_width(tmp_path):
    name = "中共清江区委全面依法治区委员会办公室文件"
    doc = _saved(tmp_path, DEFAULT_LAYOUT, (name, "GwMasthead"))
    (para,) = by_style(doc, "GwMasthead")
    size = para.runs[0].font.size.pt
    assert size * text_width_chars(name) <= DEFAULT_LAYOUT.text_width_pt
    assert para.style.font.color.rgb == gongwen.RGBColor.from_string("FF0000")


def test_attachment_names_wrap_under_their_first_character(tmp_path):
    doc = _saved(tmp_path, DEFAULT_LAYOUT, ("附件：1.得分表", "GwAttachNote"),
                 ("\u3000\u3000\u30002.名单", "GwAttachNote"))
    for para in by_style(doc, "GwAttachNote"):
        ind = para._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("600", "400")


def test_layout_overrides_validated_with_the_key_named():
    lay = layout_from_mapping({"line_pitch_pt": 29, "body_font": "仿宋"}, "版式.yaml")
    assert lay.line_pitch_pt == 29.0 and lay.body_font == "仿宋" and lay.body_pt == 16
    with pytest.raises(ConfigError, match=r"layout\.line_pitch_pt.*28–30"):
        layout_from_mapping({"line_pitch_pt": 35}, "版式.yaml")
    with pytest.raises(ConfigError, match=r"layout\.line_pich_pt"):
        layout_from_mapping({"line_pich_pt": 29}, "版式.yaml")
    with pytest.raises(ConfigError, match=r"layout\.body_pt.*数字"):
        layout_from_mapping({"body_pt": "三号"}, "版式.yaml")


def test_region_profile_reapplied_on_render(tmp_path):
    out = render_docx(template_path("notice"), _notice_context(), tmp_path / "n.docx",
                      layout_from_mapping({"line_pitch_pt": 30}, "x"))
    doc = open_doc(out)
    body = doc.styles[doc.styles.element.get_by_id("GwBody").name_val]
    assert body.paragraph_format.line_spacing == Pt(30)
    assert doc.sections[0]._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "600"


def _notice_context(name: str = "区教育局", message: str = "问题") -> dict:
    return {"masthead": "", "doc_number": "", "office": "清江区普法办", "date_cn": "2022年12月9日",
            "recipients": name, "title": "关于整改的通知", "opening": "经审核：",
            "problems": [{"message": message, "evidence": [f"依据：《a.docx》第1段：“{message}”。"]}],
            "request": "请整改。", "sends": [], "contact": "", "attachments": [],
            "cc": "", "issuer": "清江区普法办", "issue_date_cn": "2022年12月9日"}


def test_hostile_text_rendered_literally_and_nothing_executed(tmp_path):
    hostile = HOSTILE + "\x07\x0c\x01"
    out = render_docx(template_path("notice"), _notice_context(hostile, hostile), tmp_path / "h.docx")
    doc = open_doc(out)
    texts = [p.text for p in doc.paragraphs]
    assert f"{HOSTILE}：" in texts and f"1.{HOSTILE}" in texts
    assert f"依据：《a.docx》第1段：“{HOSTILE}”。" in texts
    assert "49" not in "".join(texts)


def test_only_plain_data_reaches_a_template():
    assert plain({"a": [1, "x", None, 2.5, True]}) == {"a": [1, "x", None, 2.5, True]}
    with pytest.raises(TypeError, match=r"context\.obj"):
        plain({"obj": object()})


def test_sandbox_blocks_attribute_walks(tmp_path):
    doc = new_document()
    add_paragraph(doc, "{{ x.__class__.__mro__ }}", "GwBody")
    add_paragraph(doc, "{{ x.mro() }}", "GwBody")
    src = tmp_path / "evil.docx"
    doc.save(str(src))
    with pytest.raises(ConfigError, match="evil.docx") as caught:
        render_docx(src, {"x": "s"}, tmp_path / "out.docx")
    assert isinstance(caught.value.__cause__, (SecurityError, UndefinedError))
    assert not (tmp_path / "out.docx").exists()


def test_templates_are_rebuilt_from_the_base_byte_for_byte(tmp_path):
    build_all(tmp_path)
    for name in TEMPLATE_FILES.values():
        assert (TEMPLATES_DIR / name).read_bytes() == (tmp_path / name).read_bytes(), \
            f"{name}: 请运行 python -m templates.build"
        with zipfile.ZipFile(TEMPLATES_DIR / name) as shipped, zipfile.ZipFile(tmp_path / name) as fresh:
            assert shipped.namelist() == fresh.namelist()
            for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
                assert shipped.read(part) == fresh.read(part), f"{name}: {part} — 请运行 python -m templates.build"


def test_template_tags_sit_in_one_run_and_all_names_are_known():
    for kind in TEMPLATE_FILES:
        doc = open_doc(template_path(kind))
        for p in doc.paragraphs:
            if "{" in p.text:
                assert len(p.runs) == 1, (kind, p.text)
        assert undeclared(template_path(kind), {}) >= {"office", "date_cn", "title"}


@pytest.mark.skipif(lo_render.soffice() is None, reason="需要 LibreOffice（soffice）才能检查排版效果")
def test_circular_lays_out_as_a_gongwen_in_libreoffice(tmp_path):
    import pdfplumber

    from outputs.drafts import draft_circular
    from tests.records_helper import make_records

    cfg = {"office": "清江区全面依法治区委员会办公室", "masthead": "清江区全面依法治区委员会办公室文件",
           "doc_number": "清法治办发〔2022〕3号", "date": "2022-12-09", "name_units": True}
    pdf = lo_render.to_pdf(draft_circular(make_records(), cfg, tmp_path / "通报.docx"), tmp_path)
    with pdfplumber.open(pdf) as opened:
        pages = [p.extract_text().splitlines() for p in opened.pages]
    assert pages[0][0] == "清江区全面依法治区委员会办公室文件"
    for n, lines in enumerate(pages, 1):
        assert lines[-1].replace(" ", "") == f"—{n}—"  # page number at the foot
    body = [ln for lines in pages[1:-2] for ln in lines[:-1]]  # full text pages
    assert max(len(lines) - 1 for lines in pages[1:-2]) == 22
    assert max(text_width_chars(ln.replace(" ", "")) for ln in body) <= 28.5
    assert [lines[0].replace(" ", "") for lines in pages[-2:]] == ["附件1", "附件2"]  # own pages
