"""版记 (GB/T 9704-2012 §7.4) at the end of every draft and notice: 抄送机关, 印发机关和印发日期,
四号仿宋 左右各空一字, between full-width rules (首条、末条 0.35 mm, 中间 0.25 mm), never split."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from forms.config import ConfigError
from outputs.draft_config import validate_draft_config
from outputs.drafts import draft_circular, draft_plan, draft_self_inspection, load_draft_config
from outputs.gongwen import DEFAULT_LAYOUT, PT_PER_MM, layout_from_mapping, rule_eighths
from outputs.notices import write_notices
from outputs.render import render_docx
from templates import template_path
from tests import lo_render
from tests.docx_helper import all_text, open_doc, style_element, style_fonts
from tests.records_helper import HOSTILE, HOSTILE_UNIT, make_records

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WITH_CC = ["GwImprintFirstRule", "GwImprintCc", "GwImprintMidRule", "GwImprintIssue",
           "GwImprintLastRule"]
WITHOUT_CC = ["GwImprintFirstRule", "GwImprintIssue", "GwImprintLastRule"]
RULES = {"GwImprintFirstRule": 0.35, "GwImprintMidRule": 0.25, "GwImprintLastRule": 0.35}
TEXT_WIDTH_TWIPS = round(DEFAULT_LAYOUT.text_width_pt * 20)  # 156 mm
CHAR = 14 * 20  # one 四号 character in twips


def _drafts(tmp_path: Path) -> dict[str, Path]:
    """The four documents from the sample configs (通报 and 方案 have 抄送, 自查 and 通知 not)."""
    records = make_records()
    cfg = {kind: load_draft_config(SAMPLES / f"{name}.yaml", kind) for name, kind in (
        ("通报", "circular"), ("方案", "plan"), ("自查", "self_inspection"), ("通知", "notice"))}
    notices = write_notices(records, tmp_path / "通知", cfg["notice"])
    return {
        "circular": draft_circular(records, cfg["circular"], tmp_path / "通报.docx"),
        "plan": draft_plan(cfg["plan"], tmp_path / "方案.docx"),
        "self_inspection": draft_self_inspection(records, cfg["self_inspection"],
                                                 tmp_path / "自查.docx"),
        "notice": next(p for p in notices if p.name.startswith("区教育局")),
    }


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    return {kind: open_doc(path) for kind, path in _drafts(tmp_path_factory.mktemp("d")).items()}


def _imprint(doc):
    """The 版记 paragraphs: from the first rule to the end of the body."""
    paragraphs = doc.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.style.style_id == "GwImprintFirstRule")
    assert paragraphs[-1].style.style_id == "GwImprintAnchor" and not paragraphs[-1].text
    return paragraphs[first:-1]  # the frame's paragraphs, not the empty line it hangs on


def _ppr(doc, paragraph, tag: str):
    """``w:tag`` of the paragraph's own properties, else of its style (what Word applies)."""
    own = paragraph._p.find(f"{qn('w:pPr')}/{qn(f'w:{tag}')}")
    return own if own is not None else style_element(doc, paragraph.style.style_id).find(
        f"{qn('w:pPr')}/{qn(f'w:{tag}')}")


@pytest.mark.parametrize("kind, styles", [("circular", WITH_CC), ("plan", WITH_CC),
                                          ("self_inspection", WITHOUT_CC), ("notice", WITHOUT_CC)])
def test_imprint_ends_the_body_after_the_attachments(drafts, kind, styles):
    doc = drafts[kind]
    imprint = _imprint(doc)
    assert [p.style.style_id for p in imprint] == styles
    body = [el for el in doc.element.body if el.tag != qn("w:sectPr")]
    assert body[-len(imprint) - 1:-1] == [p._p for p in imprint]  # only its anchor after it, no table within
    assert not any(p.style.style_id.startswith("GwImprint") for p in doc.paragraphs[:-len(imprint) - 1])
    for table in doc.tables:  # the 附件 come before the 版记
        assert body.index(table._tbl) < body.index(imprint[0]._p)


def test_imprint_text_from_the_config(drafts):
    cc = "抄送：市委全面依法治市委员会办公室，区委办公室，区人大常委会办公室，区政府办公室，区政协办公室。"
    office = "鹤溪区全面依法治区委员会办公室"
    expected = {
        "circular": [cc, f"{office}\t2023年12月20日印发"],
        "plan": ["抄送：市委全面依法治市委员会办公室。", f"{office}\t2023年2月20日印发"],
        "self_inspection": [f"{office}\t2023年12月25日印发"],
        "notice": ["鹤溪区普法办\t2023年12月11日印发"],  # the notice's date, from its config
    }
    for kind, lines in expected.items():
        imprint = _imprint(drafts[kind])
        assert [p.text for p in imprint if "Rule" not in p.style.style_id] == lines, kind
        assert all(p.text == "" for p in imprint if "Rule" in p.style.style_id), kind
    assert "抄送" not in all_text(drafts["self_inspection"]) + all_text(drafts["notice"])


def test_imprint_rows_are_sihao_fangsong_one_character_in(drafts):
    doc = drafts["circular"]
    for p in _imprint(doc):
        sid = p.style.style_id
        fonts = style_fonts(doc, sid)
        assert fonts["eastAsia"] == fonts["ascii"] == DEFAULT_LAYOUT.body_font == "仿宋_GB2312"
        for run in p.runs:
            rfonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312", sid
            assert run.font.size is None  # the style's size
        if "Rule" not in sid:
            assert p.style.font.size == Pt(14), sid
    cc, issue = (p for p in _imprint(doc) if "Rule" not in p.style.style_id)
    ind = _ppr(doc, cc, "ind")  # 左空一字; a wrapped line lines up after “抄送：”; 右空一字
    assert (ind.get(qn("w:left")), ind.get(qn("w:hanging")), ind.get(qn("w:right"))) == \
        (str(4 * CHAR), str(3 * CHAR), str(CHAR))
    assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("400", "300")
    ind = _ppr(doc, issue, "ind")
    assert (ind.get(qn("w:left")), ind.get(qn("w:right"))) == (str(CHAR), str(CHAR))
    (tab,) = _ppr(doc, issue, "tabs")  # 印发日期 右空一字: a right tab at the right indent
    assert (tab.get(qn("w:val")), tab.get(qn("w:pos"))) == ("right", str(TEXT_WIDTH_TWIPS - CHAR))
    assert issue.text.count("\t") == 1


def test_imprint_rules_are_full_width_bars_with_gbt_weights(drafts):
    doc = drafts["plan"]
    for p in _imprint(doc):
        sid = p.style.style_id
        assert _ppr(doc, p, "pBdr") is None, sid  # LibreOffice drops a frame with borders
        if sid not in RULES:
            continue
        shd = _ppr(doc, p, "shd")  # a shaded bar, as thick as its exact line
        assert shd.get(qn("w:fill")) == "000000", sid
        spacing = _ppr(doc, p, "spacing")
        assert spacing.get(qn("w:lineRule")) == "exact", sid
        thick_mm = int(spacing.get(qn("w:line"))) / 20 / PT_PER_MM
        assert thick_mm == pytest.approx(RULES[sid], abs=0.02), sid
        ind = _ppr(doc, p, "ind")  # no indent, so as wide as the 版心
        assert all(ind.get(qn(f"w:{side}")) == "0" for side in ("left", "right", "firstLine"))


def test_imprint_is_a_frame_at_the_foot_of_the_page(drafts):
    for kind, doc in drafts.items():
        for p in _imprint(doc):
            frame = p._p.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
            assert frame is not None, (kind, p.text)
            assert (frame.get(qn("w:vAnchor")), frame.get(qn("w:yAlign"))) == ("margin", "bottom")
            assert frame.get(qn("w:w")) == str(TEXT_WIDTH_TWIPS)
            assert frame.get(qn("w:vSpace")) == str(round(DEFAULT_LAYOUT.line_pitch_pt * 20))


def test_rule_widths_in_eighths_of_a_point():
    assert (rule_eighths(0.35), rule_eighths(0.25)) == (8, 6)  # 0.99 pt, 0.71 pt
    assert (rule_eighths(0.01), rule_eighths(50)) == (2, 96)  # the range w:sz allows


def test_imprint_never_splits(drafts):
    for kind, doc in drafts.items():
        imprint = _imprint(doc)
        for p in imprint[:-1]:
            keep = _ppr(doc, p, "keepNext")
            assert keep is not None and keep.get(qn("w:val")) in (None, "1", "true"), (kind, p.text)
        for p in imprint:
            if "Rule" not in p.style.style_id:
                assert _ppr(doc, p, "keepLines") is not None, (kind, p.text)


def test_hostile_cc_and_issuer_stay_text(tmp_path):
    cfg = {"office": "清江区普法办", "date": "2022-12-09", "cc": [HOSTILE, HOSTILE_UNIT, "区委办公室。"],
           "issuer": HOSTILE_UNIT}
    doc = open_doc(draft_circular(make_records(), cfg, tmp_path / "h.docx"))
    cc, issue = (p.text for p in _imprint(doc) if "Rule" not in p.style.style_id)
    assert cc == f"抄送：{HOSTILE}，{HOSTILE_UNIT}，区委办公室。"
    assert issue == f"{HOSTILE_UNIT}\t2022年12月9日印发"
    assert "49" not in cc + issue


def test_defaults_and_given_issuer_and_issue_date(tmp_path):
    records = make_records()
    doc = open_doc(draft_circular(records, {"office": "清江区普法办", "date": "2022-12-09"},
                                  tmp_path / "a.docx"))
    assert [p.text for p in _imprint(doc)][1] == "清江区普法办\t2022年12月9日印发"
    given = {"office": "清江区普法办", "date": "2022-12-09", "issuer": "清江区司法局办公室",
             "issue_date": "2022年12月12日", "cc": "抄送：市普法办"}
    doc = open_doc(draft_self_inspection(records, given, tmp_path / "b.docx"))
    assert [p.text for p in _imprint(doc) if p.text] == ["抄送：市普法办。",
                                                         "清江区司法局办公室\t2022年12月12日印发"]


@pytest.mark.parametrize("data, key, problem", [
    ({"cc": {"区委": 1}}, "cc", "文字或文字列表"),
    ({"cc": ["区委办公室", ["区政府办公室"]]}, r"cc\[2\]", "文字"),
    ({"issuer": ["区普法办"]}, "issuer", "文字"),
    ({"issue_date": "年底"}, "issue_date", "日期"),
    ({"date": "2023-12-20", "issue_date": "2023-12-19"}, "issue_date", "早于成文日期"),
])
def test_imprint_config_errors_name_the_key(data, key, problem):
    for kind in ("circular", "plan", "self_inspection", "notice"):
        with pytest.raises(ConfigError, match=rf"通报\.yaml 中的 {key}：.*{problem}"):
            validate_draft_config(data, kind, "通报.yaml")


def test_cc_normalised():
    def cc(value):
        return validate_draft_config({"cc": value}, "circular")["cc"]

    assert cc("区委办公室，区政府办公室。") == ["区委办公室，区政府办公室"]
    assert cc(["抄送：区委办公室，", " 区政府办公室 ", ""]) == ["区委办公室", "区政府办公室"]
    assert cc("") == [] and cc([]) == [] and validate_draft_config({}, "plan")["cc"] == []


def test_region_layout_moves_the_tab_and_weights(tmp_path):
    lay = layout_from_mapping({"margin_left_mm": 30, "imprint_rule_mm": 0.5}, "版式.yaml")
    out = render_docx(template_path("notice"), _context(), tmp_path / "n.docx", lay)
    doc = open_doc(out)
    issue = next(p for p in _imprint(doc) if p.style.style_id == "GwImprintIssue")
    (tab,) = _ppr(doc, issue, "tabs")
    assert tab.get(qn("w:pos")) == str(round(lay.text_width_pt * 20) - CHAR)
    first = _imprint(doc)[0]
    assert _ppr(doc, first, "spacing").get(qn("w:line")) == "28"  # 0.5 mm ≈ 1.42 pt


def _context() -> dict:
    return {"masthead": "", "doc_number": "", "office": "清江区普法办", "date_cn": "2022年12月9日",
            "recipients": "区教育局", "title": "关于整改的通知", "opening": "经审核：", "problems": [],
            "request": "请整改。", "sends": [], "contact": "", "attachments": [],
            "cc": "区司法局", "issuer": "清江区普法办", "issue_date_cn": "2022年12月9日"}


@pytest.mark.skipif(lo_render.soffice() is None, reason="需要 LibreOffice（soffice）才能检查排版效果")
def test_imprint_sits_at_the_foot_of_the_last_page_in_libreoffice(tmp_path):
    """GB/T 9704 §7.4: the 版记's last rule on the last line of the 版心, of every document."""
    import pdfplumber

    left = DEFAULT_LAYOUT.margin_left_mm * PT_PER_MM
    right = left + DEFAULT_LAYOUT.text_width_pt
    foot = (DEFAULT_LAYOUT.page_height_mm - DEFAULT_LAYOUT.margin_bottom_mm) * PT_PER_MM
    for kind, path in _drafts(tmp_path).items():
        pdf = lo_render.to_pdf(path, tmp_path / kind)
        with pdfplumber.open(pdf) as opened:
            page, pages = opened.pages[-1], len(opened.pages)
            bars = sorted((round(r["top"], 1), round(r["height"], 2)) for r in page.rects
                          if abs(r["x0"] - left) < 1.5 and abs(r["x1"] - right) < 1.5 and r["height"] < 2)
            words = page.extract_words()
            earlier = [w for p in opened.pages[:-1] for w in p.extract_words() if w["text"].endswith("日印发")]
        assert not earlier, kind  # the 版记 is on the last page only
        expected = [1.0, 0.71, 1.0] if kind in ("circular", "plan") else [1.0, 1.0]
        assert [h for _, h in bars] == pytest.approx(expected, abs=0.03), kind
        first, last = bars[0][0], bars[-1][0] + bars[-1][1]
        assert last == pytest.approx(foot, abs=2.5), kind  # on the 版心's last line
        rows = [w for w in words if first < w["top"] < last]
        assert "".join(w["text"] for w in rows).endswith("印发"), kind
        assert rows[0]["x0"] == pytest.approx(left + 14, abs=1), kind  # 左空一字
        assert "".join(w["text"] for w in words if w["top"] > last) == f"—{pages}—", kind
        above = [w for w in words if w["bottom"] < first]
        assert above, kind  # the page also holds text or the 附件 above the 版记
