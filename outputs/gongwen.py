"""The one GB/T 9704-2012 公文 base every generated document uses.

``Layout`` is the profile (page, 版心, fonts, line pitch) a region may adjust;
``apply_layout`` puts it on a python-docx document: page and margins, the document
grid (22 lines × 28 characters), the paragraph styles of the 公文 (正文, 标题, the
heading levels 一、/（一）/1., 署名, 成文日期, 附件说明, tables, the 版记's rules and rows)
and the page-number footers ``— N —`` (odd pages right, even pages left).  ``gongwen_finish``
runs after a template is rendered: it places the signature over the date and fits the masthead.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from functools import partial
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from forms.config import ConfigError, expect, reject_unknown
from outputs.ooxml import (PPR_ORDER, RPR_ORDER, TWIPS_PER_PT, field_runs, put, set_fonts,
                           set_indent, set_size, strip_theme_fonts)

PT_PER_MM = 72 / 25.4
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


@dataclass(frozen=True)
class Layout:
    """GB/T 9704-2012 numbers; 版心 156×225 mm follows from page and margins."""

    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 37.0  # 天头
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0  # 订口
    margin_right_mm: float = 26.0
    header_mm: float = 15.0
    footer_mm: float = 25.0  # puts the 一字线 of the page number ~7 mm under the 版心
    line_pitch_pt: float = 28.95  # 22 lines in 225 mm; regions use 28–30
    chars_per_line: int = 28
    body_font: str = "仿宋_GB2312"
    body_pt: float = 16.0  # 三号
    title_font: str = "方正小标宋简体"
    title_pt: float = 22.0  # 二号
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    page_number_font: str = "宋体"
    page_number_pt: float = 14.0  # 四号
    table_pt: float = 14.0
    masthead_pt: float = 42.0  # largest size; shrunk to fit the 版心 width
    masthead_top_mm: float = 35.0
    masthead_color: str = "FF0000"
    seal_lines: int = 2  # blank lines between the text and the signature, room for the seal
    imprint_pt: float = 14.0  # 四号: 版记 (抄送机关, 印发机关和印发日期)
    imprint_rule_mm: float = 0.35  # 版记首条、末条分隔线 (粗线)
    imprint_thin_rule_mm: float = 0.25  # 版记中间分隔线 (细线)

    @property
    def text_width_pt(self) -> float:
        return (self.page_width_mm - self.margin_left_mm - self.margin_right_mm) * PT_PER_MM

    @property
    def char_pitch_pt(self) -> float:
        return self.text_width_pt / self.chars_per_line


DEFAULT_LAYOUT = Layout()


def condense_twips(lay: Layout) -> int:
    """Character spacing (twentieths of a point, ≤ 0) that fits ``chars_per_line`` body
    characters in the 版心 width: 28 × (16 − 0.25) pt ≤ 156 mm."""
    return min(0, math.floor((lay.char_pitch_pt - lay.body_pt) * TWIPS_PER_PT))
_PITCH_RANGE = (28.0, 30.0)


def layout_from_mapping(data: Any, source: str, key: str = "layout") -> Layout:
    """A ``Layout`` from a YAML mapping of overrides; unknown keys and bad values fail."""
    expect(source, key, data, dict, "“键: 值”的映射")
    names = {f.name: f for f in fields(Layout)}
    reject_unknown(source, key, data, set(names))
    values: dict[str, Any] = {}
    for name, value in data.items():
        default = getattr(DEFAULT_LAYOUT, name)
        where = f"{key}.{name}" if key else name
        if isinstance(default, str):
            values[name] = expect(source, where, value, str, "文字")
        elif isinstance(default, int) and not isinstance(default, float):
            values[name] = expect(source, where, value, int, "整数")
        else:
            values[name] = float(expect(source, where, value, (int, float), "数字"))
            if values[name] <= 0:
                raise ConfigError(source, where, f"应为正数，实际为 {value!r}")
    layout = replace(DEFAULT_LAYOUT, **values)
    low, high = _PITCH_RANGE
    if not low <= layout.line_pitch_pt <= high:
        raise ConfigError(source, f"{key}.line_pitch_pt" if key else "line_pitch_pt",
                          f"行距应在 {low:g}–{high:g} 磅之间，实际为 {layout.line_pitch_pt:g}")
    return layout


@dataclass(frozen=True)
class Rule:
    """A line under a paragraph: ``w:pBdr/w:bottom`` (width in eighths of a point)."""

    eighths: int
    space_pt: int = 0  # distance from the text
    color: str = "000000"


def rule_eighths(mm: float) -> int:
    """A line width in mm as ``w:sz`` of a border, in eighths of a point (2–96):
    0.35 mm ≈ 0.99 pt → 8, 0.25 mm ≈ 0.71 pt → 6."""
    return min(96, max(2, round(mm * PT_PER_MM * 8)))


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style of the 公文; sizes in points, indents in characters."""

    style_id: str
    name: str
    font: str
    size_pt: float
    align: str = "justify"
    first: float = 0
    left: float = 0
    right: float = 0
    before_pt: float = 0
    after_pt: float = 0
    exact_lines: bool = True  # exact line pitch (the grid); False: single spacing
    line_pt: float | None = None  # the exact line height when not the grid's pitch
    outline: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    snap: bool = True
    color: str | None = None
    rule_below: Rule | None = None  # the red 版头 separator; the 版记 lines
    contextual: bool = False  # no spacing between paragraphs of this same style
    right_tab: bool = False  # a right-aligned tab stop at the right indent (印发日期)
    bar_pt: float | None = None  # a solid bar this thick, as wide as the paragraph: the 版记's rules


def style_specs(lay: Layout) -> tuple[StyleSpec, ...]:
    body, line = lay.body_font, lay.line_pitch_pt
    return (
        StyleSpec("Normal", "Normal", body, lay.body_pt),
        StyleSpec("GwBody", "公文正文", body, lay.body_pt, first=2),
        StyleSpec("GwMasthead", "发文机关标志", lay.title_font, lay.masthead_pt, "center",
                  before_pt=lay.masthead_top_mm * PT_PER_MM, exact_lines=False, snap=False,
                  color=lay.masthead_color),
        StyleSpec("GwDocNumber", "发文字号", body, lay.body_pt, "center", before_pt=2 * line,
                  after_pt=2 * line, snap=False,
                  rule_below=Rule(12, 11, lay.masthead_color)),  # 1.5 pt, 4 mm under
        StyleSpec("GwTitle", "公文标题", lay.title_font, lay.title_pt, "center", after_pt=line,
                  snap=False, keep_next=True),
        StyleSpec("GwRecipient", "主送机关", body, lay.body_pt),
        StyleSpec("GwHeading1", "一级标题", lay.heading1_font, lay.body_pt, first=2, outline=0,
                  keep_next=True),
        StyleSpec("GwHeading2", "二级标题", lay.heading2_font, lay.body_pt, first=2, outline=1,
                  keep_next=True),
        StyleSpec("GwHeading3", "三级标题", body, lay.body_pt, first=2, outline=2, keep_next=True),
        StyleSpec("GwAttachNote", "附件说明", body, lay.body_pt, first=-3, left=5, before_pt=line,
                  contextual=True),
        StyleSpec("GwContact", "联系人及电话", body, lay.body_pt, "left", first=2),  # not justified
        StyleSpec("GwSignature", "发文机关署名", body, lay.body_pt, "right",
                  before_pt=lay.seal_lines * line, keep_next=True),
        StyleSpec("GwDate", "成文日期", body, lay.body_pt, "right", right=4),
        StyleSpec("GwAttachMark", "附件标记", lay.heading1_font, lay.body_pt, "left",
                  page_break_before=True, after_pt=line),
        StyleSpec("GwTableHead", "表格表头", lay.heading1_font, lay.table_pt, "center",
                  exact_lines=False, snap=False),
        StyleSpec("GwTableText", "表格文字", body, lay.table_pt, "center", exact_lines=False,
                  snap=False),
        StyleSpec("GwPageNumber", "页码", lay.page_number_font, lay.page_number_pt,
                  exact_lines=False, snap=False),
        *imprint_specs(lay),
    )


def imprint_specs(lay: Layout) -> tuple[StyleSpec, ...]:
    """版记 (GB/T 9704 §7.4): 四号 lines 左右各空一字 between rules as wide as the 版心.

    The rules are empty paragraphs of their own with no indent, each a shaded bar as
    thick as the rule, so the text rows keep their 一字 margins and the 抄送 row its
    hanging indent.  A text row is about one grid line: single spacing (the text centred
    on its line whatever the font's metrics) with equal space above and below.  Every
    paragraph keeps with the next: the 版记 never splits across pages.  The template puts
    it in a frame at the foot of the last page (``gongwen_build.anchor_to_foot``), a blank
    line from the text above.
    """
    gap = round((lay.line_pitch_pt - 1.3 * lay.imprint_pt) / 2, 1)
    row = partial(StyleSpec, font=lay.body_font, size_pt=lay.imprint_pt, exact_lines=False,
                  before_pt=gap, after_pt=gap, keep_next=True, keep_lines=True, snap=False)
    rule = partial(StyleSpec, font=lay.body_font, size_pt=1, align="left", line_pt=1,
                   keep_next=True, keep_lines=True, snap=False)
    thick, thin = lay.imprint_rule_mm * PT_PER_MM, lay.imprint_thin_rule_mm * PT_PER_MM
    return (
        rule("GwImprintFirstRule", "版记首条分隔线", bar_pt=thick, line_pt=round(thick, 2)),
        rule("GwImprintMidRule", "版记中间分隔线", bar_pt=thin, line_pt=round(thin, 2)),
        rule("GwImprintLastRule", "版记末条分隔线", bar_pt=thick, line_pt=round(thick, 2)),
        rule("GwImprintAnchor", "版记锚点", keep_next=False),  # the empty line the frame hangs on
        row("GwImprintCc", "抄送机关", first=-3, left=4, right=1),
        row("GwImprintIssue", "印发机关和印发日期", align="left", left=1, right=1, right_tab=True),
    )


def spec_by_id(lay: Layout) -> dict[str, StyleSpec]:
    return {s.style_id: s for s in style_specs(lay)}


def apply_layout(doc: DocxDocument, lay: Layout = DEFAULT_LAYOUT) -> None:
    """Put the whole profile on ``doc``: defaults, styles, every section, run fonts."""
    _set_doc_defaults(doc, lay)
    for spec in style_specs(lay):
        _apply_style(_get_or_add_style(doc, spec), spec, lay)
    strip_theme_fonts(doc.styles.element)
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        _set_page(section, lay)
        _page_number_footers(doc, section, lay)
    _sync_run_fonts(doc, lay)


def _set_doc_defaults(doc: DocxDocument, lay: Layout) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, lay.body_font)
    set_size(rpr, lay.body_pt)
    put(rpr, "lang", RPR_ORDER, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    put(ppr, "spacing", PPR_ORDER, before="0", after="0",
        line=str(round(lay.line_pitch_pt * TWIPS_PER_PT)), lineRule="exact")


def _get_or_add_style(doc: DocxDocument, spec: StyleSpec) -> ParagraphStyle:
    found = doc.styles.element.get_by_id(spec.style_id)
    if found is not None:
        return doc.styles[found.name_val]
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    return style


def _apply_style(style: ParagraphStyle, spec: StyleSpec, lay: Layout) -> None:
    pf = style.paragraph_format
    pf.line_spacing = Pt(spec.line_pt or lay.line_pitch_pt) if spec.exact_lines else 1.0
    pf.space_before, pf.space_after = Pt(spec.before_pt), Pt(spec.after_pt)
    pf.keep_with_next = spec.keep_next
    pf.keep_together = True if spec.keep_lines else None
    pf.page_break_before = spec.page_break_before
    pf.widow_control = False
    ppr = style.element.get_or_add_pPr()
    put(ppr, "snapToGrid", PPR_ORDER, val="1" if spec.snap else "0")
    set_indent(ppr, spec.size_pt, spec.first, spec.left, spec.right)
    if spec.contextual:
        put(ppr, "contextualSpacing", PPR_ORDER)
    put(ppr, "jc", PPR_ORDER, val=ALIGN[spec.align])
    if spec.outline is not None:
        put(ppr, "outlineLvl", PPR_ORDER, val=str(spec.outline))
    if spec.rule_below:
        bdr = put(ppr, "pBdr", PPR_ORDER)
        put(bdr, "bottom", ("top", "left", "bottom", "right", "between", "bar"), val="single",
            sz=str(spec.rule_below.eighths), space=str(spec.rule_below.space_pt),
            color=spec.rule_below.color)
    if spec.bar_pt:
        # The rules of the 版记 are shaded bars, not borders: the 版记 is a frame at the foot
        # of the page, and LibreOffice drops a frame whose paragraphs have borders.
        if ppr.find(qn("w:pBdr")) is not None:
            ppr.remove(ppr.find(qn("w:pBdr")))
        put(ppr, "shd", PPR_ORDER, val="clear", color="auto", fill="000000")
    if spec.right_tab:
        # Tab stops count from the page margin: the right indent's edge.
        pos = round((lay.text_width_pt - spec.right * spec.size_pt) * TWIPS_PER_PT)
        put(put(ppr, "tabs", PPR_ORDER), "tab", ("tab",), val="right", pos=str(pos))
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, spec.font)
    set_size(rpr, spec.size_pt)
    if spec.snap and spec.size_pt == lay.body_pt:
        put(rpr, "spacing", RPR_ORDER, val=str(condense_twips(lay)))
    elif rpr.find(qn("w:spacing")) is not None:
        rpr.remove(rpr.find(qn("w:spacing")))
    style.font.bold = False
    style.font.color.rgb = RGBColor.from_string(spec.color) if spec.color else None


def _set_page(section: Section, lay: Layout) -> None:
    section.page_width, section.page_height = Mm(lay.page_width_mm), Mm(lay.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(lay.margin_top_mm), Mm(lay.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(lay.margin_left_mm), Mm(lay.margin_right_mm)
    section.header_distance, section.footer_distance = Mm(lay.header_mm), Mm(lay.footer_mm)
    section.gutter = 0
    section.different_first_page_header_footer = False
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = section._sectPr.makeelement(qn("w:docGrid"), {})
        section._sectPr.append(grid)
    # A line grid only: a character grid narrower than the body size (28 × 16 pt > 156 mm)
    # makes LibreOffice give every character two cells; the body styles are condensed instead.
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(lay.line_pitch_pt * TWIPS_PER_PT)))


def _page_number_footers(doc: DocxDocument, section: Section, lay: Layout) -> None:
    """``— N —`` in 四号宋体: odd pages right, even pages left, one character in."""
    style = doc.styles[doc.styles.element.get_by_id("GwPageNumber").name_val]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        body = footer._element
        for p in body.findall(qn("w:p")):
            body.remove(p)
        para = footer.add_paragraph(style=style)
        ppr = para._p.get_or_add_pPr()
        put(ppr, "ind", PPR_ORDER, **{f"{side}Chars": "100",
                                       side: str(round(lay.page_number_pt * TWIPS_PER_PT))})
        put(ppr, "jc", PPR_ORDER, val=side)
        para.add_run("— ")
        for run in field_runs("PAGE"):
            para._p.append(run)
        para.add_run(" —")


def _sync_run_fonts(doc: DocxDocument, lay: Layout) -> None:
    """Give every run of a 公文-styled paragraph its style's font, East Asian included."""
    specs = spec_by_id(lay)
    parts = [doc.element.body] + [f._element for s in doc.sections
                                  for f in (s.footer, s.even_page_footer)]
    for part in parts:
        for p in part.iter(qn("w:p")):
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            spec = specs.get(style.get(qn("w:val")) if style is not None else "Normal")
            if spec is None:
                continue
            for r in p.iter(qn("w:r")):
                set_fonts(r.get_or_add_rPr(), spec.font)
