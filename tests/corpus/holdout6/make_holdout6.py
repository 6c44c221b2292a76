# -*- coding: utf-8 -*-
"""Build hold-out corpus 6 (宝格达鄂温克族自治旗, 2024): INBOX/, roster.xlsx, truth.json.

    python tests/corpus/holdout6/make_holdout6.py

Writes every file from h6_texts.py, reads each back (python-docx / openpyxl /
pdfplumber), checks that each truth value's key sentence is present and each
phrase that would change a value is absent, checks the expected findings against
SPEC §4 defaults applied to the merged fields, and prints report lengths and figure
counts against the too_thin threshold (800 characters, 3 figures).
PDFs are made by LibreOffice from a .docx (`soffice --headless --convert-to pdf`).
"""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pdfplumber
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import h6_texts as T  # noqa: E402

INBOX = HERE / "INBOX"
FIELD_KEYS = ["unit", "year", "doc_type", "date", "leading_group", "leader_in_charge", "staff_assigned",
              "duty_list", "cases_total", "cases_by_quarter", "activities", "materials", "consultations",
              "audience", "study_sessions", "new_media", "budget", "sections"]
REPORT_TYPES = {"annual_report", "self_inspection"}
SECTIONS = ["基本情况", "主要做法", "存在问题", "下一步打算"]
MIN_CHARS, MIN_FIGURES = 800, 3
FIGURE_RE = re.compile(r"(?:\d+(?:\.\d+)?|[二三四五六七八九十两][一二三四五六七八九十]*)万?余?"
                       r"(?:场次|场|份|人次|个|次|件|起|台次|户次|户|名|期|篇|条|部|块|%)")

# ------------------------------------------------------------------ writing --
FONTS = {"title": ("方正小标宋简体", 22), "sub": ("楷体_GB2312", 16), "h1": ("黑体", 16),
         "h2": ("楷体_GB2312", 16), "label": ("黑体", 16)}
BODY_FONT = ("仿宋_GB2312", 16)


def _run(par, text, font):
    run = par.add_run(text)
    run.font.name = font[0]
    run.font.size = Pt(font[1])
    run._element.rPr.rFonts.set(qn("w:eastAsia"), font[0])
    return run


def _par(doc, text, kind):
    par = doc.add_paragraph()
    fmt = par.paragraph_format
    fmt.line_spacing = Pt(29)
    if kind in ("title", "sub"):
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif kind in ("sign", "date"):
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif kind in ("p", "h1", "h2"):
        fmt.first_line_indent = Pt(32)
    _run(par, text, FONTS.get(kind, BODY_FONT))
    return par


def _table(doc, rows):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = ""
            _run(cell.paragraphs[0], str(value), ("黑体", 12) if r == 0 else ("仿宋_GB2312", 12))


def write_docx(path, blocks, date):
    doc = Document()
    for kind, *rest in blocks:
        if kind == "table":
            _table(doc, rest[0])
        elif kind == "break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            _par(doc, rest[0], kind)
    when = dt.datetime.fromisoformat(date + "T09:30:00")
    doc.core_properties.author = "Administrator"
    doc.core_properties.last_modified_by = "Administrator"
    doc.core_properties.created = when
    doc.core_properties.modified = when
    doc.save(path)


def write_xlsx(path, sheets, widths):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ncols = max(len(r) for r in rows)
        for row in rows:
            ws.append(row)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
        ws["A1"].font = Font(name="宋体", size=14, bold=True)
        ws["A1"].alignment = Alignment(horizontal="center")
        for col, width in widths.items():
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and len(cell.value) > 12:
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)


def write_pdf(path, blocks, date):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src.docx"
        write_docx(src, blocks, date)
        profile = Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / "src.pdf", path)


def write_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([T.ROSTER_TITLE])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(name="宋体", size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(T.ROSTER_HEADER)
    for i, (name, abbr, contact, phone) in enumerate(T.ROSTER, 1):
        ws.append([i, name, abbr, contact, phone])
    for col, width in zip("ABCDE", (6, 30, 22, 12, 16)):
        ws.column_dimensions[col].width = width
    wb.save(path)


# ------------------------------------------------------------------ reading --
def read_back(path, kind):
    if kind == "docx":
        doc = Document(path)
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts.append("|".join(c.text for c in row.cells))
        return "\n".join(parts)
    if kind == "xlsx":
        wb = openpyxl.load_workbook(path, data_only=True)
        lines = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                vals = [str(v) for v in row if v is not None]
                if vals:
                    lines.append("|".join(vals))
        return "\n".join(lines)
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def squash(text):
    return re.sub(r"\s+", "", text)


def check_file(name, spec, text):
    problems = []
    flat = squash(text)
    for field, wanted in spec["keys"].items():
        for s in wanted if isinstance(wanted, list) else [wanted]:
            if squash(s) not in flat:
                problems.append(f"{name}: key sentence for {field} missing: {s}")
    for s in spec["absent"]:
        if squash(s) in flat:
            problems.append(f"{name}: phrase that would change a value is present: {s}")
    return problems


def body_stats(text):
    flat = squash(text)
    return len(flat), len(FIGURE_RE.findall(flat))


# -------------------------------------------------------------------- truth --
def file_truth(spec):
    fields = {k: None for k in FIELD_KEYS}
    fields.update(new_media=[], sections=[])
    fields.update(unit=spec["unit"], year=T.YEAR, doc_type=spec["doc_type"])
    fields.update(spec["fields"])
    return {"status": "ok", "error_code": None, "unit": spec["unit"], "doc_type": spec["doc_type"],
            "fields": fields}


def merged_findings(unit, files, stats):
    """SPEC §4 defaults applied to the merge of a unit's files (the truth's own check)."""
    if not files:
        return {"missing_submission"}
    fl = [f["fields"] for f in files.values()]
    out = set()
    cases = [f["cases_total"] for f in fl if f["cases_total"] is not None]
    if not cases or max(cases) < 4:
        out.add("cases_below_min")
    if any(f["cases_by_quarter"] and min(f["cases_by_quarter"]) < 1 for f in fl):
        out.add("quarter_without_case")
    for key, rule in (("duty_list", "no_duty_list"), ("leading_group", "no_leading_group"),
                      ("leader_in_charge", "no_leader_in_charge"), ("staff_assigned", "no_staff_assigned")):
        if not any(f[key] is True for f in fl):
            out.add(rule)
    if not any(f["new_media"] for f in fl):
        out.add("no_new_media")
    study = [f["study_sessions"] for f in fl if f["study_sessions"] is not None]
    if not study or max(study) < 2:
        out.add("study_below_min")
    for name, f in files.items():
        if f["doc_type"] in REPORT_TYPES:
            if set(SECTIONS) - set(f["fields"]["sections"]):
                out.add("missing_section")
            chars, figures = stats[name]
            if chars < MIN_CHARS or figures < MIN_FIGURES:
                out.add("too_thin")
        if f["fields"]["date"] and f["fields"]["date"] > T.DEADLINE:
            out.add("late_submission")
    return out


def main():
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    write_roster(HERE / "roster.xlsx")
    problems, stats, truth_files = [], {}, {}
    for name, spec in T.FILES.items():
        path = INBOX / name
        if spec["kind"] == "docx":
            write_docx(path, spec["blocks"], spec["fields"]["date"])
        elif spec["kind"] == "pdf":
            write_pdf(path, spec["blocks"], spec["fields"]["date"])
        else:
            write_xlsx(path, spec["sheets"], spec["widths"])
        text = read_back(path, spec["kind"])
        problems += check_file(name, spec, text)
        stats[name] = body_stats(text)
        truth_files[name] = file_truth(spec)
        stamp = dt.datetime.fromisoformat(spec["arrived"] + "T10:15:00").timestamp()
        os.utime(path, (stamp, stamp))

    units = {}
    for unit, *_ in T.ROSTER:
        files = {n: f for n, f in truth_files.items() if f["unit"] == unit}
        expected = T.FINDINGS[unit]
        got = merged_findings(unit, files, stats)
        if got != set(expected):
            problems.append(f"{unit}: findings {sorted(got)} != expected {sorted(expected)}")
        units[unit] = {"findings": expected, "files": sorted(files)}
    missing = [u for u, v in units.items() if not v["files"]]
    if missing != T.MISSING:
        problems.append(f"missing units {missing} != {T.MISSING}")

    truth = {"year": T.YEAR, "deadline": T.DEADLINE, "files": truth_files, "units": units,
             "missing_units": missing}
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    print(f"{'file':58} {'type':16} {'chars':>6} {'figs':>5}  too_thin?")
    for name, spec in T.FILES.items():
        chars, figures = stats[name]
        thin = ""
        if spec["doc_type"] in REPORT_TYPES:
            thin = "THIN" if chars < MIN_CHARS or figures < MIN_FIGURES else "ok"
        print(f"{name[:56]:58} {spec['doc_type']:16} {chars:6d} {figures:5d}  {thin}")
    print(f"{len(T.FILES)} files, {len(units)} roster units, missing: {', '.join(missing)}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
