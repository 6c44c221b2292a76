#!/usr/bin/env python3
"""Build the holdout18 corpus: INBOX/ (.docx, .xlsx, one .pdf), roster.xlsx, truth.json.

Fictional 梅汀区 of 澄州市: township, street office, court, procuratorate and small bureaus,
report year 2024, deadline 2025-01-10.  Run from anywhere (LibreOffice makes the one PDF):
    python tests/corpus/holdout18/make_holdout18.py

The content lives in content_a.py / content_b.py.  Before writing truth.json the script checks
that every labelled value rests on a sentence that is really in the written file, that files
labelled year/date null state none, and that the findings follow from the labelled fields.
"""
import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import content_a  # noqa: E402
import content_b  # noqa: E402
from content_a import KEYS  # noqa: E402

INBOX = HERE / "INBOX"
YEAR, DEADLINE = 2024, "2025-01-10"

ROSTER = [
    ("东关街道办事处", "东关街道"),
    ("白沙镇人民政府", "白沙镇"),
    ("区人民法院", "梅汀区法院"),
    ("区人民检察院", "梅汀区检察院"),
    ("区税务局", "国家税务总局澄州市梅汀区税务局"),
    ("区消防救援大队", "消防大队"),
    ("区城市管理局", "城管局"),
    ("市生态环境局梅汀分局", "生态环境分局"),
    ("区退役军人事务局", "退役军人局"),
    ("区民政局", None),
    ("区医疗保障局", "医保局"),
]
MISSING = ["区医疗保障局"]

FINDINGS = {
    "东关街道办事处": ["cases_below_min", "no_leader_in_charge"],
    "白沙镇人民政府": ["missing_section"],
    "区人民法院": [],
    "区人民检察院": [],
    "区税务局": [],
    "区消防救援大队": ["cases_below_min", "no_duty_list"],
    "区城市管理局": ["study_below_min"],
    "市生态环境局梅汀分局": ["no_staff_assigned"],
    "区退役军人事务局": ["cases_below_min", "no_duty_list", "no_leading_group", "no_leader_in_charge",
                  "no_staff_assigned", "no_new_media", "study_below_min", "missing_section", "too_thin",
                  "late_submission"],
    "区民政局": ["no_leading_group"],
    "区医疗保障局": ["missing_submission"],
}
# Reports that state fewer than 3 concrete figures (counted by hand; see README).
FEW_FIGURES = {"退役军人事务局普法工作情况报告.docx"}

DOCS = {**content_a.DOCS, **content_b.DOCS}
TRUTH = {**content_a.TRUTH, **content_b.TRUTH}
EVID = {**content_a.EVID, **content_b.EVID}
SHEETS = dict(content_b.SHEETS)

# Clerks' habits differ: heading font, whether headings use Word's own heading style, body size.
HABITS = {
    "default": {"heading_style": None, "heading_font": "黑体", "body_pt": 16},
    "国家税务总局梅汀区税务局2024年度普法工作总结.docx": {"heading_style": "Heading 2", "heading_font": "黑体",
                                                 "body_pt": 16},
    "梅汀区人民法院2024年度“谁执法谁普法”履职报告.docx": {"heading_style": None, "heading_font": "楷体",
                                                 "body_pt": 15},
    "东关街道2024年度法治建设工作总结.docx": {"heading_style": None, "heading_font": "宋体", "body_pt": 14},
}


# ------------------------------------------------------------------ writers --
def _font(run, name, size, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _doc_date(parts):
    for kind, body, *_ in parts:
        m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", body.strip()) if kind == "sign" else None
        if m:
            return dt.datetime(*map(int, m.groups()), 9, 0)
    return None


def write_docx(path, parts, habit):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "仿宋_GB2312"
    normal.font.size = Pt(habit["body_pt"])
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    when = _doc_date(parts)
    props = doc.core_properties
    props.author, props.last_modified_by, props.title = "user", "user", ""
    if when:
        props.created = props.modified = when
    for part in parts:
        kind, body = part[0], part[1]
        if kind == "break":
            doc.add_page_break()
        elif kind == "table":
            _table(doc, body, part[2])
        elif kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for i, line in enumerate(body.split("\n")):
                run = p.add_run(line)
                _font(run, "方正小标宋简体", 22)
                if i < len(body.split("\n")) - 1:
                    run.add_break()
        elif kind in ("meta", "no"):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(body), "仿宋_GB2312", 16)
        elif kind == "h":
            if habit["heading_style"]:
                p = doc.add_paragraph(body, style=habit["heading_style"])
            else:
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(32)
                _font(p.add_run(body), habit["heading_font"], 16)
        elif kind == "sign":
            p = doc.add_paragraph(body)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "to":
            doc.add_paragraph(body)
        else:
            p = doc.add_paragraph(body)
            p.paragraph_format.first_line_indent = Pt(32)
    doc.save(path)


def _table(doc, rows, merges):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    merged_away = set()
    for (r1, c1), (r2, c2) in merges:
        merged_away |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in merged_away and text:
                cell = table.cell(r, c)
                cell.text = text
                if r < 2:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True


def write_sheet(path, rows, title=None, created=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title or "Sheet1"
    for row in rows:
        ws.append(row)
    for col, width in zip("ABCDEFG", (34, 22, 24, 14, 16, 16, 16)):
        ws.column_dimensions[col].width = width
    wb.properties.creator = "Administrator"
    wb.properties.created = wb.properties.modified = created or dt.datetime(2024, 3, 8, 9, 0)
    return wb, ws


def write_stats(path):
    rows = content_a.STATS_TAX
    wb, ws = write_sheet(path, rows, "统计表", dt.datetime(2025, 1, 3, 9, 0))
    ws.merge_cells("A1:G1")
    ws.merge_cells("A2:G2")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    wb.save(path)


def write_pdf(path, parts):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        write_docx(src, parts, HABITS["default"])
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / (path.stem + ".pdf"), path)


def write_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["序号", "单位名称", "简称/别名"])
    for i, (name, short) in enumerate(ROSTER, 1):
        ws.append([i, name, short])
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["C"].width = 34
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 11, 20, 9, 0)
    wb.save(path)


# ------------------------------------------------------------------- checks --
def file_text(path):
    if path.suffix == ".docx":
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v)
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
    raise ValueError(path)


def squash(s):
    return re.sub(r"\s+", "", s)


def check_evidence(name, text):
    truth, evid = TRUTH[name], EVID.get(name, {})
    flat = squash(text)
    for key in KEYS:
        value = truth[key]
        if key in ("unit", "doc_type") or value in (None, []):
            continue
        quote = evid.get(key)
        assert quote, f"{name}: {key}={value!r} has no evidence sentence"
        assert squash(quote) in flat, f"{name}: evidence for {key} not in file: {quote}"
    if truth["year"] is None:
        assert not re.search(r"20\d\d(年|[-./])", flat + name), f"{name}: labelled year null but states a year"
    if truth["date"] is None:
        assert not re.search(r"\d{1,2}月\d{1,2}日", flat), f"{name}: labelled date null but has a date"


def report_chars(name):
    parts = DOCS.get(name)
    return sum(len(p[1]) for p in parts if p[0] not in ("table", "break")) if parts else None


def derived_findings():
    """Findings that follow from the labelled fields by SPEC §4 defaults."""
    out = {}
    for unit, _ in ROSTER:
        files = [n for n, f in TRUTH.items() if f["unit"] == unit]
        if not files:
            out[unit] = ["missing_submission"]
            continue
        fs = [TRUTH[n] for n in files]
        reports = [n for n in files if TRUTH[n]["doc_type"] in ("annual_report", "self_inspection")]
        got = []
        cases = max((f["cases_total"] for f in fs if f["cases_total"] is not None), default=None)
        if cases is None or cases < 4:
            got.append("cases_below_min")
        if any(f["cases_by_quarter"] and min(f["cases_by_quarter"]) < 1 for f in fs):
            got.append("quarter_without_case")
        for key, rule in (("duty_list", "no_duty_list"), ("leading_group", "no_leading_group"),
                          ("leader_in_charge", "no_leader_in_charge"), ("staff_assigned", "no_staff_assigned")):
            if not any(f[key] is True for f in fs) and not (key == "duty_list" and any(
                    f["doc_type"] == "duty_list" for f in fs)):
                got.append(rule)
        if not any(f["new_media"] for f in fs):
            got.append("no_new_media")
        study = max((f["study_sessions"] for f in fs if f["study_sessions"] is not None), default=None)
        if study is None or study < 2:
            got.append("study_below_min")
        if any(set(content_a.ALL4) - set(TRUTH[n]["sections"]) for n in reports):
            got.append("missing_section")
        for n in reports:  # keep clear of the 800-character threshold either way
            assert n in FEW_FIGURES or report_chars(n) >= 900, f"{n}: {report_chars(n)} chars, too near 800"
        if any(report_chars(n) < 800 or n in FEW_FIGURES for n in reports):
            got.append("too_thin")
        if any(f["date"] and f["date"] > DEADLINE for f in fs):
            got.append("late_submission")
        out[unit] = got
    return out


def build_truth():
    files, units = {}, {}
    for path in sorted(TRUTH):
        f = TRUTH[path]
        assert list(f) == KEYS, path
        files[path] = {"status": "ok", "error_code": None, "unit": f["unit"], "doc_type": f["doc_type"],
                       "fields": f}
        units.setdefault(f["unit"], []).append(path)
    return {"year": YEAR, "deadline": DEADLINE, "files": files,
            "units": {u: {"findings": FINDINGS[u], "files": sorted(units.get(u, []))} for u, _ in ROSTER},
            "missing_units": MISSING}


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    for name, parts in DOCS.items():
        path = INBOX / name
        if path.suffix == ".pdf":
            write_pdf(path, parts)
        else:
            write_docx(path, parts, HABITS.get(name, HABITS["default"]))
    for name, rows in SHEETS.items():
        wb, _ = write_sheet(INBOX / name, rows)
        wb.save(INBOX / name)
    write_stats(INBOX / "税务局2024年普法工作统计表.xlsx")
    assert sorted(p.name for p in INBOX.iterdir()) == sorted(TRUTH), "INBOX and truth differ"
    for name in sorted(TRUTH):
        check_evidence(name, file_text(INBOX / name))
        chars = report_chars(name)
        print(f"{chars if chars is not None else '-':>5} chars  {TRUTH[name]['doc_type']:<14} {name}")
    derived = derived_findings()
    for unit, rules in FINDINGS.items():
        assert sorted(rules) == sorted(derived[unit]), f"{unit}: findings {rules} but fields give {derived[unit]}"
    write_roster(HERE / "roster.xlsx")
    truth = build_truth()
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(TRUTH)} files, {len(ROSTER)} roster units, {len(MISSING)} missing: checks passed")


if __name__ == "__main__":
    main()
