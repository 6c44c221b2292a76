#!/usr/bin/env python3
"""Build the holdout17 corpus: INBOX/ (.docx, .pdf, .xlsx), roster.xlsx, truth.json.

Fictional 梓川县, report year 2025, deadline 2025-12-10.  Run from anywhere:
    python tests/corpus/holdout17/make_holdout17.py
The texts and the truth live in h17_texts_a/b/c.py.  After writing, every truth value's key sentence
(EVIDENCE) is looked up in the text read back from the written file; the build fails when one is missing.
The PDF needs LibreOffice (soffice) and, for the check, pdftotext.
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
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import h17_texts_a as A  # noqa: E402
import h17_texts_b as B  # noqa: E402
import h17_texts_c as C  # noqa: E402
from h17_common import KEYS, MISSING, ROSTER  # noqa: E402

INBOX = HERE / "INBOX"
YEAR, DEADLINE = 2025, "2025-12-10"
FIXED = dt.datetime(2025, 12, 1, 9, 0, 0)

DOCS = {**A.DOCS, **B.DOCS, **C.DOCS}
SHEETS = dict(C.SHEETS)
TRUTH = {**A.TRUTH, **B.TRUTH, **C.TRUTH}
EVIDENCE = {**A.EVIDENCE, **B.EVIDENCE, **C.EVIDENCE}

FINDINGS = {
    "县人民法院": [],
    "县人民检察院": [],
    "县公安局": [],
    "县司法局": [],
    "县市场监督管理局": [],
    "县卫生健康委员会": ["cases_below_min", "no_leader_in_charge", "study_below_min"],
    "县教育局": ["no_staff_assigned"],
    "县住房和城乡建设局": ["study_below_min", "no_new_media", "missing_section", "late_submission"],
    "县农业农村局": ["no_leader_in_charge"],
    "县人力资源和社会保障局": ["no_leading_group", "no_duty_list", "cases_below_min"],
    "县医疗保障局": ["missing_submission"],
    "县退役军人事务局": ["missing_submission"],
}
NO_YEAR = ["农业农村局普法工作开展情况.docx", "县住建局普法责任清单.xlsx"]
REPORT_TYPES = ("annual_report", "self_inspection")


# ------------------------------------------------------------------ writing --
def font(run, name, size, bold=False):
    run.font.name, run.font.size, run.bold = name, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def base_document():
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "仿宋_GB2312", Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)
    cp = doc.core_properties
    cp.author, cp.last_modified_by, cp.created, cp.modified = "", "", FIXED, FIXED
    return doc


def add_text(doc, text, face="仿宋_GB2312", size=16, align=None, indent=True, bold=False, color=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(32)
    run = p.add_run(text)
    font(run, face, size, bold)
    if color:
        run.font.color.rgb = color
    return p


def add_table2(doc, spec):
    """A table with two header rows: None in `top` merges left, None in `sub` merges up."""
    top, sub, rows = spec["top"], spec["sub"], spec["rows"]
    table = doc.add_table(rows=2 + len(rows), cols=len(top))
    table.style = "Table Grid"
    for c, text in enumerate(top):
        if text is not None:
            table.cell(0, c).text = text
    for c, text in enumerate(sub):
        if text is not None:
            table.cell(1, c).text = text
    for c in range(len(top)):
        if top[c] is None:
            table.cell(0, c - 1).merge(table.cell(0, c))
        if sub[c] is None and top[c] is not None:
            table.cell(0, c).merge(table.cell(1, c))
    for r, row in enumerate(rows, 2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def write_docx(path, parts):
    doc = base_document()
    first_head = True
    for kind, body in parts:
        if kind == "title":
            add_text(doc, body, "方正小标宋简体", 22, align=1, indent=False)
        elif kind == "head":
            if first_head:
                add_text(doc, body, "方正小标宋简体", 30, align=1, indent=False, color=RGBColor(0xC0, 0, 0))
                first_head = False
            else:
                add_text(doc, body, align=1, indent=False)
        elif kind == "docno":
            add_text(doc, body, align=1, indent=False)
        elif kind == "to":
            add_text(doc, body, indent=False)
        elif kind == "h1":
            add_text(doc, body, "黑体")
        elif kind == "h2":
            add_text(doc, body, "楷体_GB2312")
        elif kind == "sign":
            add_text(doc, body, align=2, indent=False)
        elif kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "table2":
            add_table2(doc, body)
        elif kind == "p":
            add_text(doc, body)
        else:
            raise ValueError(kind)
    doc.save(path)


def write_pdf(path, parts):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        write_docx(src, parts)
        profile = Path(tmp, "lo_profile").as_uri()
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(tmp) / (path.stem + ".pdf")), path)


def write_sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    for col, width in zip("ABCDE", (46, 30, 30, 16, 10)):
        ws.column_dimensions[col].width = width
    wb.properties.creator, wb.properties.created, wb.properties.modified = "", FIXED, FIXED
    wb.save(path)


def write_roster(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评议单位"
    ws.append(["梓川县2025年度国家机关“谁执法谁普法”履职评议单位名单"])
    ws.merge_cells("A1:C1")
    ws.append(["序号", "单位名称", "简称"])
    n = g = 0
    for name, short in ROSTER:
        if short is None:  # a group row such as 一、审判、检察机关
            ws.append([f"{'一二三'[g]}、{name}", None, None])
            g += 1
            continue
        n += 1
        ws.append([n, name, short or None])
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 30
    wb.properties.creator, wb.properties.created, wb.properties.modified = "", FIXED, FIXED
    wb.save(path)


def arrival(name):
    """File time = the day the unit sent it: its own date, else the day before the deadline."""
    date = TRUTH[name]["date"] or "2025-12-09"
    t = dt.datetime.fromisoformat(date + "T10:00:00+08:00").timestamp()
    os.utime(INBOX / name, (t, t))


# ------------------------------------------------------------------ checking --
def read_back(path):
    if path.suffix == ".docx":
        doc = Document(path)
        text = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            text += [c.text for row in t.rows for c in row.cells]
        return "\n".join(text)
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8")


def squash(s):
    return re.sub(r"\s+", "", s)


def check(name):
    text = read_back(INBOX / name)
    flat = squash(text)
    truth, ev = TRUTH[name], EVIDENCE.get(name, {})
    for key, quote in ev.items():
        assert squash(quote) in flat, f"{name}: evidence for {key} not in file: {quote}"
    needs = [k for k in KEYS if k not in ("unit", "doc_type", "year", "sections") and truth[k] not in (None, [])]
    for key in needs:
        assert key in ev, f"{name}: {key}={truth[key]!r} has no evidence sentence"
    if name in NO_YEAR:
        assert truth["year"] is None and not re.search(r"20\d\d|二〇", text), f"{name} states a year"
    else:
        assert str(truth["year"]) in text, f"{name}: year {truth['year']} not stated"
    return len(text)


def build_truth():
    files, units = {}, {}
    for path, f in TRUTH.items():
        assert list(f) == KEYS, path
        files[path] = {"status": "ok", "error_code": None, "unit": f["unit"], "doc_type": f["doc_type"],
                       "fields": f}
        units.setdefault(f["unit"], []).append(path)
    names = [n for n, s in ROSTER if s is not None]
    assert set(FINDINGS) == set(names) and set(units) | set(MISSING) == set(names)
    return {"year": YEAR, "deadline": DEADLINE, "files": files,
            "units": {u: {"findings": FINDINGS[u], "files": sorted(units.get(u, []))} for u in names},
            "missing_units": MISSING}


def main():
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    for name, parts in DOCS.items():
        (write_pdf if name.endswith(".pdf") else write_docx)(INBOX / name, parts)
    for name, rows in SHEETS.items():
        write_sheet(INBOX / name, rows)
    assert set(DOCS) | set(SHEETS) == set(TRUTH)
    for name in sorted(TRUTH):
        arrival(name)
        chars = check(name)
        kind = TRUTH[name]["doc_type"]
        if kind in REPORT_TYPES:
            assert chars >= 950, f"{name} is thin ({chars} chars) but truth has no too_thin"
        print(f"{chars:5d} chars  {kind:<15} {name}")
    write_roster(HERE / "roster.xlsx")
    truth = build_truth()
    (HERE / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(TRUTH)} files, {len(truth['units'])} roster units, missing: {', '.join(MISSING)}")


if __name__ == "__main__":
    main()
