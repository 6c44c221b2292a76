"""Ruled tables in text PDFs (a form printed to PDF from Calc or Word) are read as tables."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from extractors.finders.fields import extract
from extractors.readers.read import read_document
from tests.hostile_files import convert_with_soffice, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice makes the PDFs")

QUARTERS = [["第一季度", 6, 2200, 2], ["第二季度", 9, 3600, 1], ["第三季度", 5, 1500, 0], ["第四季度", 8, 2900, 2]]


def _stats_pdf(tmp_path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["某县司法局2024年度普法工作统计表"])
    ws.append(["填报单位：某县司法局    填报日期：2024年12月11日"])
    ws.append(["季度", "普法宣传活动（场次）", "发放宣传资料（份）", "以案释法典型案例（个）"])
    for row in QUARTERS:
        ws.append(row)
    ws.append(["合计", 28, 10200, 5])
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=3, max_row=8, max_col=4):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.page_setup.orientation = "landscape"
    for col, width in zip("ABCD", (10, 18, 18, 20)):
        ws.column_dimensions[col].width = width
    wb.save(tmp_path / "统计表.xlsx")
    return convert_with_soffice(tmp_path / "统计表.xlsx", "pdf", tmp_path)


def test_a_statistics_form_printed_to_pdf_gives_its_totals_and_quarters(tmp_path):
    doc = read_document(_stats_pdf(tmp_path), "统计表.pdf")
    cells = {(b.row, b.col): b for b in doc.blocks if b.kind == "cell"}
    assert cells[(0, 1)].text == "普法宣传活动（场次）" and cells[(5, 0)].text == "合计"
    assert cells[(5, 3)].where == "第1页表1第6行第4列" and cells[(5, 3)].text == "5"
    assert [b.text for b in doc.blocks if b.kind == "para"][0] == "某县司法局2024年度普法工作统计表"
    fields = extract(doc, [], 2024).fields
    assert fields["doc_type"].value == "stats_form"
    assert (fields["activities"].value, fields["materials"].value, fields["cases_total"].value) == (28, 10200, 5)
    assert fields["cases_by_quarter"].value == [2, 1, 0, 2]
    assert fields["cases_total"].evidence[0].where == "第1页表1第6行第4列"


def test_a_two_column_form_in_a_report_pdf_states_its_facts(tmp_path):
    d = DocxDocument()
    d.add_paragraph("某县司法局2024年度普法履职报告")
    d.add_paragraph("一、基本情况")
    rows = [("项目", "情况"), ("普法工作领导小组", "已成立，局长任组长"), ("具体承办股室", "法规股（普法联络员：李某）"),
            ("普法经费", "纳入年度部门预算"), ("领导班子集体学法", "4次"), ("以案释法典型案例", "报送4个")]
    table = d.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    d.add_paragraph("二、主要做法")
    d.add_paragraph("全年开展普法宣传活动12场次，发放资料3000份。" * 3)
    d.save(tmp_path / "报告.docx")
    doc = read_document(convert_with_soffice(tmp_path / "报告.docx", "pdf", tmp_path), "报告.pdf")
    assert sum(b.kind == "cell" for b in doc.blocks) == 12
    f = {k: v.value for k, v in extract(doc, [], 2024).fields.items()}
    assert f["leading_group"] is True and f["staff_assigned"] is True and f["budget"] is True
    assert (f["study_sessions"], f["cases_total"], f["activities"]) == (4, 4, 12)
