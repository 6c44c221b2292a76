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
    return paragraphs[first:]


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
    assert body[-len(imprint):] == [p._p for p in imprint]  # nothing after it, no table within
    assert not any(p.style.style_id.startswith("GwImprint") for p in doc.paragraphs[:-len(imprint)])
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


def test_imprint_rules_are_full_width_with_gbt_weights(drafts):
    doc = drafts["plan"]
    for p in _imprint(doc):
        sid = p.style.style_id
        bdr = _ppr(doc, p, "pBdr")
        if sid not in RULES:
            assert bdr is None, sid  # the rules are their own paragraphs
            continue
        assert [child.tag for child in bdr] == [qn("w:bottom")], sid
        bottom = bdr[0]
        assert (bottom.get(qn("w:val")), bottom.get(qn("w:color"))) == ("single", "000000")
        width_mm = int(bottom.get(qn("w:sz"))) / 8 / PT_PER_MM  # w:sz: eighths of a point
        assert width_mm == pytest.approx(RULES[sid], abs=0.03), sid
        ind = _ppr(doc, p, "ind")  # a border follows the indents: none, so as wide as the 版心
        assert all(ind.get(qn(f"w:{side}")) == "0" for side in ("left", "right", "firstLine"))


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
    first = _imprint(drafts["notice"])[0]  # a blank line parts it from the text above
    assert first.style.paragraph_format.space_before == Pt(DEFAULT_LAYOUT.line_pitch_pt)


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
    assert _ppr(doc, first, "pBdr")[0].get(qn("w:sz")) == "11"  # 0.5 mm ≈ 1.42 pt


def _context() -> dict:
    return {"masthead": "", "doc_number": "", "office": "清江区普法办", "date_cn": "2022年12月9日",
            "recipients": "区教育局", "title": "关于整改的通知", "opening": "经审核：", "problems": [],
            "request": "请整改。", "sends": [], "contact": "", "attachments": [],
            "cc": "区司法局", "issuer": "清江区普法办", "issue_date_cn": "2022年12月9日"}


@pytest.mark.skipif(lo_render.soffice() is None, reason="需要 LibreOffice（soffice）才能检查排版效果")
def test_imprint_lays_out_at_the_end_in_libreoffice(tmp_path):
    import pdfplumber

    pdf = lo_render.to_pdf(_drafts(tmp_path)["circular"], tmp_path)
    left = DEFAULT_LAYOUT.margin_left_mm * PT_PER_MM
    right = left + DEFAULT_LAYOUT.text_width_pt
    with pdfplumber.open(pdf) as opened:
        page, pages = opened.pages[-1], len(opened.pages)
        rules = sorted({(round(ln["top"], 1), ln["linewidth"]) for ln in page.lines
                        if abs(ln["x0"] - left) < 1 and abs(ln["x1"] - right) < 1
                        and abs(ln["top"] - ln["bottom"]) < 0.1})
        words = page.extract_words()
    assert [w for _, w in rules[-3:]] == [1.0, 0.75, 1.0]  # 首条, 中间, 末条
    first, mid, last = (top for top, _ in rules[-3:])
    table_cell = next(w for w in words if w["text"] == "未报送履职材料")
    assert table_cell["bottom"] < first  # after the 附件 table
    cc = [w for w in words if first < w["top"] < mid]
    issue = [w for w in words if mid < w["top"] < last]
    assert cc[0]["text"].startswith("抄送：") and cc[-1]["text"].endswith("。")
    assert "".join(w["text"] for w in issue) == "鹤溪区全面依法治区委员会办公室2023年12月20日印发"
    assert cc[0]["x0"] == pytest.approx(left + 14, abs=1)  # 左空一字
    assert issue[0]["x0"] == pytest.approx(left + 14, abs=1)
    assert issue[-1]["x1"] == pytest.approx(right - 14, abs=1.5)  # 印发日期 右空一字
    below = "".join(w["text"] for w in words if w["top"] > last)
    assert below == f"—{pages}—"  # nothing but the page number under the 版记
