"""Build the .docx templates from the one 公文 base.

    python -m templates.build                   # rewrite templates/*.docx
    python -m templates.build --layout 版式.yaml  # a region's profile (line pitch, fonts…)

Each template is ordinary Word content: styled paragraphs (公文正文, 一级标题, …) holding
docxtpl tags, one tag per run; tables repeat a row with ``{%tr for %}``.  A clerk may edit
the wording in Word or WPS as long as the ``{{ … }}`` / ``{% … %}`` tags stay intact.
"""
from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path
from typing import Any, Callable

from forms.config import load_yaml
from outputs.gongwen import DEFAULT_LAYOUT, Layout, apply_layout, layout_from_mapping
from outputs.gongwen_build import add_paragraph, add_table, anchor_to_foot, new_document
from templates import TEMPLATE_FILES, TEMPLATES_DIR

Doc = Any
NUMBERED = "{{ loop.index }}.{{ item.title }}{{ item.text }}"


def _lines(doc: Doc, *lines: tuple[str, str]) -> None:
    for text, style in lines:
        add_paragraph(doc, text, style)


def _numbered(doc: Doc, var: str) -> None:
    """“1.标题。正文” paragraphs, one per item of ``var`` (三级标题 run into the text)."""
    _lines(doc, (f"{{%p for item in {var} %}}", "GwBody"), (NUMBERED, "GwBody"),
           ("{%p endfor %}", "GwBody"))


def _head(doc: Doc, recipients: bool = True) -> None:
    """版头 (发文机关标志 + 发文字号 + red line) when given, 标题, 主送机关."""
    _lines(doc, ("{%p if masthead %}", "GwBody"), ("{{ masthead }}", "GwMasthead"),
           ("{{ doc_number }}", "GwDocNumber"), ("{%p endif %}", "GwBody"),
           ("{{ title }}", "GwTitle"))
    if recipients:
        _lines(doc, ("{%p if recipients %}", "GwBody"), ("{{ recipients }}：", "GwRecipient"),
               ("{%p endif %}", "GwBody"))


def _closing(doc: Doc) -> None:
    """附件说明, 发文机关署名, 成文日期 (placed by ``gongwen_finish.finish``)."""
    _lines(doc, ("{%p for a in attachments %}", "GwBody"), ("{{ a.line }}", "GwAttachNote"),
           ("{%p endfor %}", "GwBody"), ("{{ office }}", "GwSignature"),
           ("{{ date_cn }}", "GwDate"))


def _imprint(doc: Doc, lay: Layout) -> None:
    """版记 ending the document, after the 附件: rule, [抄送, thin rule,] 印发机关和印发日期, rule,
    in a frame at the foot of the last page."""
    start = len(doc.paragraphs)
    _lines(doc, ("", "GwImprintFirstRule"), ("{%p if cc %}", "GwBody"),
           ("抄送：{{ cc }}。", "GwImprintCc"), ("", "GwImprintMidRule"), ("{%p endif %}", "GwBody"),
           ("{{ issuer }}\t{{ issue_date_cn }}印发", "GwImprintIssue"), ("", "GwImprintLastRule"))
    anchor_to_foot([p for p in doc.paragraphs[start:] if p.style.style_id.startswith("GwImprint")], lay)
    _lines(doc, ("", "GwImprintAnchor"))  # the frame's anchor: the closing lines keep with it


def _attachment_page(doc: Doc, lay: Layout, var: str, head: list[str], cells: list[str],
                     widths: list[float], justify: tuple[int, ...] = ()) -> None:
    """附件 on a page of its own: 附件标记, 标题, a table of ``var.rows``."""
    _lines(doc, (f"{{%p if {var} %}}", "GwBody"), (f"{{{{ {var}.mark }}}}", "GwAttachMark"),
           (f"{{{{ {var}.title }}}}", "GwTitle"))
    add_table(doc, lay, head, cells, widths, f"r in {var}.rows", justify)
    _lines(doc, ("{%p endif %}", "GwBody"))


def build_circular(lay: Layout) -> Doc:
    doc = new_document(lay)
    _head(doc)
    _lines(doc, ("{{ opening }}", "GwBody"), ("一、基本情况", "GwHeading1"))
    _numbered(doc, "basics")
    _lines(doc, ("二、存在的主要问题", "GwHeading1"), ("{{ problems_intro }}", "GwBody"))
    _numbered(doc, "problems")
    _lines(doc, ("三、下一步工作要求", "GwHeading1"), ("{{ requirements_intro }}", "GwBody"))
    _numbered(doc, "requirements")
    _closing(doc)
    _attachment_page(doc, lay, "score_table", ["序号", "单位名称", "得分", "等次"],
                     ["{{ r.no }}", "{{ r.unit }}", "{{ r.score }}", "{{ r.grade }}"], [1, 6, 1.5, 1.5])
    _attachment_page(doc, lay, "missing_table", ["序号", "单位名称", "备注"],
                     ["{{ r.no }}", "{{ r.unit }}", "{{ r.note }}"], [1, 6, 3])
    _imprint(doc, lay)
    return doc


def build_plan(lay: Layout) -> Doc:
    doc = new_document(lay)
    _head(doc)
    _lines(doc, ("{{ opening }}", "GwBody"),
           ("一、指导思想", "GwHeading1"), ("{{ guiding }}", "GwBody"),
           ("二、工作目标", "GwHeading1"), ("{{ goals }}", "GwBody"),
           ("三、评议对象", "GwHeading1"), ("{{ targets }}", "GwBody"),
           ("四、评议内容", "GwHeading1"))
    _numbered(doc, "contents")
    _lines(doc, ("五、方法步骤", "GwHeading1"), ("{%p for ph in phases %}", "GwBody"),
           ("{{ ph.heading }}", "GwHeading2"), ("{%p if ph.text %}", "GwBody"),
           ("{{ ph.text }}", "GwBody"), ("{%p endif %}", "GwBody"), ("{%p endfor %}", "GwBody"),
           ("六、工作要求", "GwHeading1"))
    _numbered(doc, "requirements")
    _lines(doc, ("{%p if contact %}", "GwBody"), ("{{ contact }}", "GwContact"),
           ("{%p endif %}", "GwBody"))
    _closing(doc)
    _attachment_page(doc, lay, "schedule_table", ["序号", "阶段", "时间", "主要任务"],
                     ["{{ r.no }}", "{{ r.name }}", "{{ r.time }}", "{{ r.text }}"], [2.4, 6, 7, 14],
                     justify=(3,))
    _attachment_page(doc, lay, "units_table", ["序号", "单位名称"],
                     ["{{ r.no }}", "{{ r.unit }}"], [1, 8])
    _attachment_page(doc, lay, "rubric_table", ["序号", "类别", "考核项目", "分值", "评分标准"],
                     ["{{ r.no }}", "{{ r.block }}", "{{ r.item }}", "{{ r.points }}", "{{ r.criterion }}"],
                     [2.4, 5, 7.5, 3.2, 13], justify=(4,))
    _imprint(doc, lay)
    return doc


def _paragraphs(doc: Doc, var: str) -> None:
    """A plain paragraph of body text per item of ``var``."""
    _lines(doc, (f"{{%p for item in {var} %}}", "GwBody"), ("{{ item.text }}", "GwBody"),
           ("{%p endfor %}", "GwBody"))


def build_self_inspection(lay: Layout) -> Doc:
    """The office's own report: how it organised the evaluation, trained, what came of it."""
    doc = new_document(lay)
    _head(doc)
    _lines(doc, ("{{ opening }}", "GwBody"), ("一、组织开展情况", "GwHeading1"))
    _numbered(doc, "organising")
    _lines(doc, ("二、培训指导情况", "GwHeading1"))
    _numbered(doc, "training")
    _lines(doc, ("三、评议结果", "GwHeading1"))
    _paragraphs(doc, "results")
    _lines(doc, ("四、存在的问题", "GwHeading1"))
    _paragraphs(doc, "shortcomings")
    _lines(doc, ("五、下一步打算", "GwHeading1"))
    _numbered(doc, "plans")
    _lines(doc, ("特此报告。", "GwBody"))
    _closing(doc)
    _attachment_page(doc, lay, "units_table",
                     ["序号", "单位名称", "典型案例（个）", "宣传活动（场次）", "得分", "等次"],
                     ["{{ r.no }}", "{{ r.unit }}", "{{ r.cases }}", "{{ r.activities }}",
                      "{{ r.score }}", "{{ r.grade }}"],
                     [2.4, 11.5, 4.5, 4.5, 3, 3.6])
    _imprint(doc, lay)
    return doc


def build_notice(lay: Layout) -> Doc:
    doc = new_document(lay)
    _head(doc)
    _lines(doc, ("{{ opening }}", "GwBody"),
           ("{%p for p in problems %}", "GwBody"), ("{{ loop.index }}.{{ p.message }}", "GwBody"),
           ("{%p for e in p.evidence %}", "GwBody"), ("{{ e }}", "GwBody"),
           ("{%p endfor %}", "GwBody"), ("{%p endfor %}", "GwBody"),
           ("{{ request }}", "GwBody"))
    _numbered(doc, "sends")
    _lines(doc, ("{%p if contact %}", "GwBody"), ("{{ contact }}", "GwContact"),
           ("{%p endif %}", "GwBody"))
    _closing(doc)
    _imprint(doc, lay)
    return doc


BUILDERS: dict[str, Callable[[Layout], Doc]] = {
    "circular": build_circular, "plan": build_plan,
    "self_inspection": build_self_inspection, "notice": build_notice,
}
TITLES = {"circular": "履职评议情况通报（模板）", "plan": "评议活动实施方案（模板）",
          "self_inspection": "自查报告（模板）", "notice": "补报/整改通知（模板）"}


def build_all(out_dir: Path = TEMPLATES_DIR, lay: Layout = DEFAULT_LAYOUT) -> list[Path]:
    written = []
    for kind, builder in BUILDERS.items():
        doc = builder(lay)
        apply_layout(doc, lay)  # again, now that the runs exist: their East Asian fonts
        doc.core_properties.title = TITLES[kind]
        path = Path(out_dir) / TEMPLATE_FILES[kind]
        buffer = io.BytesIO()
        doc.save(buffer)
        path.write_bytes(_fixed_zip_times(buffer.getvalue()))
        written.append(path)
    return written


def _fixed_zip_times(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01: a rebuild changes no byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info),
                         zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="从公文版式生成 .docx 模板")
    parser.add_argument("--layout", type=Path, help="版式 YAML（覆盖 outputs.gongwen.Layout 的项）")
    parser.add_argument("--out", type=Path, default=TEMPLATES_DIR, help="输出目录")
    args = parser.parse_args(argv)
    lay = layout_from_mapping(load_yaml(args.layout), str(args.layout), "") if args.layout \
        else DEFAULT_LAYOUT
    for path in build_all(args.out, lay):
        print(path)


if __name__ == "__main__":
    main()
