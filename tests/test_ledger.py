"""台账.xlsx: written from a realistic records dict, reopened with openpyxl and checked."""
from __future__ import annotations

import copy
import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from outputs import ledger as ledger_mod
from outputs.ledger import SUMMARY_COLUMNS, write_ledger
from outputs.review_sheets import ASSIGNED_CAP, BLANK_ROWS, VERDICT_CAPS
from outputs.xlsx_style import (BORDER_COLOUR, ERROR_FILL, HEADER_FILL, MAX_WIDTH, MIN_WIDTH,
                                 WARNING_FILL, display_width)

HOSTILE = '=HYPERLINK("http://x","y")'
SCJ, RSJ, MZJ, STJ, DAG = "区市场监督管理局", "区人力资源和社会保障局", "区民政局", "区生态环境局", "区档案馆"


def argb(colour: str) -> str:
    """How openpyxl reads back a colour we gave XlsxWriter as #RRGGBB."""
    return "FF" + colour.lstrip("#").upper()


RED, AMBER, BLUE = argb(ERROR_FILL), argb(WARNING_FILL), argb(HEADER_FILL)
SHEETS = ["汇总", "问题清单", "文件", "更正", "未报送", "评分", "统计图"]


def ev(file: str, where: str, quote: str) -> dict:
    return {"file": file, "where": where, "quote": quote}


def fields(**kw) -> dict:
    base = {"unit": None, "year": 2022, "doc_type": "annual_report", "date": "2022-11-28",
            "leading_group": True, "leader_in_charge": True, "staff_assigned": True,
            "duty_list": True, "cases_total": 5, "cases_by_quarter": None, "activities": 35,
            "materials": 12000, "consultations": 800, "audience": 6000, "study_sessions": 4,
            "new_media": ["微信公众号", "微博"], "budget": True,
            "sections": ["基本情况", "主要做法", "存在问题", "下一步打算"]}
    base.update(kw)
    return base


def finding(rule: str, severity: str, message: str, file: str | None = None, evidence=()) -> dict:
    return {"rule": rule, "severity": severity, "message": message, "file": file,
            "evidence": list(evidence)}


def file_rec(path: str, unit: str | None, doc_type: str | None, status: str = "ok", error=None,
             size: int = 20480) -> dict:
    return {"path": path, "sha256": "a1b2c3d4e5f6" + "0" * 52, "status": status, "error": error,
            "unit": unit, "doc_type": doc_type, "size": size, "fields": {}, "evidence": {}}


def score_items(total: int) -> list[dict]:
    return [{"item": "以案释法", "points": 20, "criterion": "全年报送典型案例不少于4个",
             "score": 20, "basis": "全年报送以案释法典型案例5个"},
            {"item": "新媒体", "points": 10, "criterion": "运用新媒体开展普法",
             "score": total - 20, "basis": "使用微信公众号、微博"}]


@pytest.fixture()
def records() -> dict:
    scj_report = "市场监管局2022年普法工作总结.docx"
    rsj_report = "人社局/人社局2022年度履职报告.docx"
    long_quote = "我局高度重视普法工作，" * 30
    return {
        "schema": "pufa.records/1", "year": 2022, "generated_at": "2022-12-01T09:30:00+08:00",
        "inbox": "/tmp/inbox", "deadline": "2022-12-10",
        "roster": [SCJ, RSJ, MZJ, HOSTILE],
        "files": [
            file_rec(scj_report, SCJ, "annual_report"),
            file_rec("市场监管局以案释法典型案例（4个）.docx", SCJ, "case_report"),
            file_rec(rsj_report, RSJ, "annual_report"),
            file_rec("人社局/统计表.xlsx", RSJ, "stats_form"),
            file_rec("生态环境局履职报告.pdf", STJ, None, "error",
                     {"code": "encrypted", "message": "文件设置了密码或已加密，无法读取。"}),
            file_rec("档案馆自查报告.docx", DAG, "self_inspection"),
            file_rec("bad.docx", HOSTILE, "annual_report"),
            file_rec("新建文件夹/扫描0001.docx", None, "other", size=987654),
        ],
        "units": [
            {"unit": RSJ, "on_roster": True, "files": [rsj_report, "人社局/统计表.xlsx"],
             "fields": fields(unit=RSJ, cases_total=3, cases_by_quarter=[1, 0, 1, 1],
                              new_media=[], budget=None, duty_list=False, date="2022-12-12"),
             "findings": [
                 finding("cases_below_min", "error", "全年报送以案释法典型案例3个，少于4个。", rsj_report,
                         [ev(rsj_report, "第3段", "全年共报送以案释法典型案例3个")]),
                 finding("quarter_without_case", "warning", "第二季度未报送以案释法典型案例。", rsj_report,
                         [ev("人社局/统计表.xlsx", "统计表!C2", "0"),
                          ev(rsj_report, "第4段", "二季度暂无案例")]),
                 finding("no_duty_list", "error", "尚未制定普法责任清单。", rsj_report,
                         [ev(rsj_report, "第5段", "尚未制定普法责任清单")]),
                 finding("no_new_media", "warning", "未运用新媒体开展普法宣传。"),
                 finding("late_submission", "error", "材料落款日期晚于报送截止日期。", rsj_report),
                 finding("late_submission", "warning", "文件到达时间晚于截止日期。", rsj_report),
                 finding("too_thin", "warning", "报告内容空洞。", rsj_report,
                         [ev(rsj_report, "第1段", long_quote)]),
             ],
             "score": 70, "grade": "合格", "score_items": score_items(70)},
            {"unit": SCJ, "on_roster": True,
             "files": [scj_report, "市场监管局以案释法典型案例（4个）.docx"],
             "fields": fields(unit=SCJ),
             "findings": [],
             "score": 96, "grade": "优秀", "score_items": score_items(30)},
            {"unit": HOSTILE, "on_roster": True, "files": ["bad.docx"],
             "fields": fields(unit=HOSTILE, sections=["基本情况"], study_sessions=1),
             "findings": [
                 finding("missing_section", "warning", "报告缺少“存在问题”部分。", "bad.docx"),
                 finding("missing_section", "warning", "报告缺少“下一步打算”部分。", "bad.docx"),
                 finding("study_below_min", "warning", "集体学法1次，少于2次。", "bad.docx",
                         [ev("bad.docx", "第2段", "-全年集体学法1次\x07\x00")]),
             ],
             "score": None, "grade": None, "score_items": []},
            {"unit": STJ, "on_roster": False, "files": ["生态环境局履职报告.pdf"],
             "fields": fields(unit=STJ, **{k: None for k in ("year", "doc_type", "date",
                              "leading_group", "cases_total", "activities", "budget")},
                              new_media=[], sections=[]),
             "findings": [finding("unreadable_file", "error", "文件加密无法读取，请重新报送。",
                                  "生态环境局履职报告.pdf")],
             "score": None, "grade": None, "score_items": []},
            {"unit": DAG, "on_roster": False, "files": ["档案馆自查报告.docx"],
             "fields": fields(unit=DAG, doc_type="self_inspection", cases_total=4),
             "findings": [], "score": 88, "grade": "良好", "score_items": []},
        ],
        "missing_units": [MZJ],
        "unknown_files": ["新建文件夹/扫描0001.docx"],
    }


@pytest.fixture()
def book(records, tmp_path):
    path = write_ledger(records, tmp_path / "out" / "台账.xlsx")
    return openpyxl.load_workbook(path)


def header(ws) -> list:
    return [c.value for c in ws[1]]


def by_header(ws, row: int) -> dict:
    return dict(zip(header(ws), (c.value for c in ws[row])))


def summary_row(ws, unit: str) -> int:
    return next(c.row for c in ws["A"] if c.value == unit)


def fill_of(ws, row: int, head: str) -> str | None:
    cell = ws.cell(row=row, column=header(ws).index(head) + 1)
    return cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None


def test_sheets_and_summary_headers(book):
    assert book.sheetnames == SHEETS
    assert header(book["汇总"]) == [
        "单位", "是否在名单", "文件数", "年度", "材料类型", "成文日期", "领导小组", "分管领导",
        "专人负责", "责任清单", "以案释法案例数", "分季度案例", "普法活动(场次)", "宣传资料(份)",
        "法律咨询(人次)", "受教育群众(人次)", "集体学法(次)", "新媒体渠道", "经费纳入预算",
        "报告章节", "问题数", "问题摘要", "得分", "等级"]
    assert len(SUMMARY_COLUMNS) == 24


def test_summary_order_roster_first_then_others(book):
    units = [c.value for c in book["汇总"]["A"][1:]]
    assert units == [SCJ, RSJ, MZJ, HOSTILE, STJ, DAG]


def test_summary_values(book):
    ws = book["汇总"]
    scj = by_header(ws, summary_row(ws, SCJ))
    assert scj["是否在名单"] == "是" and scj["文件数"] == 2 and scj["年度"] == 2022
    assert scj["材料类型"] == "履职报告、以案释法典型案例"
    assert scj["领导小组"] == "是" and scj["经费纳入预算"] == "是"
    assert scj["以案释法案例数"] == 5 and scj["宣传资料(份)"] == 12000
    assert scj["新媒体渠道"] == "微信公众号、微博"
    assert scj["报告章节"] == "基本情况、主要做法、存在问题、下一步打算"
    assert scj["问题数"] == 0 and scj["问题摘要"] is None
    assert (scj["得分"], scj["等级"]) == (96, "优秀")
    rsj = by_header(ws, summary_row(ws, RSJ))
    assert rsj["材料类型"] == "履职报告、统计表"
    assert rsj["分季度案例"] == "1、0、1、1"
    assert rsj["责任清单"] == "否" and rsj["经费纳入预算"] == "未提及"
    assert rsj["新媒体渠道"] == "未提及"
    assert rsj["问题数"] == 7
    assert rsj["问题摘要"] == ("以案释法案例不足；有季度未报送案例；未制定普法责任清单；"
                           "未运用新媒体普法；逾期报送×2；报告内容单薄")
    stj = by_header(ws, summary_row(ws, STJ))
    assert stj["是否在名单"] == "否" and stj["年度"] == "未提及" and stj["领导小组"] == "未提及"
    assert stj["报告章节"] == "未提及"
    hostile = by_header(ws, summary_row(ws, HOSTILE))
    assert hostile["问题摘要"] == "报告缺少章节×2；集体学法次数不足"
    mzj = by_header(ws, summary_row(ws, MZJ))
    assert mzj["文件数"] == 0 and mzj["问题摘要"] == "未报送材料" and mzj["问题数"] == 1


def test_failing_cells_are_filled_by_severity(book):
    ws = book["汇总"]
    rsj = summary_row(ws, RSJ)
    assert fill_of(ws, rsj, "以案释法案例数") == RED
    assert fill_of(ws, rsj, "责任清单") == RED
    assert fill_of(ws, rsj, "分季度案例") == AMBER
    assert fill_of(ws, rsj, "新媒体渠道") == AMBER
    assert fill_of(ws, rsj, "成文日期") == RED  # an error and a warning on one cell: red wins
    assert fill_of(ws, rsj, "问题摘要") == AMBER  # too_thin
    assert fill_of(ws, rsj, "领导小组") is None and fill_of(ws, rsj, "单位") is None
    hostile = summary_row(ws, HOSTILE)
    assert fill_of(ws, hostile, "报告章节") == AMBER and fill_of(ws, hostile, "集体学法(次)") == AMBER
    assert fill_of(ws, summary_row(ws, STJ), "文件数") == RED
    scj = summary_row(ws, SCJ)
    assert all(fill_of(ws, scj, h) is None for h in header(ws))


def test_missing_unit_row_is_red_across(book):
    ws = book["汇总"]
    row = summary_row(ws, MZJ)
    assert [fill_of(ws, row, h) for h in header(ws)] == [RED] * len(header(ws))


def test_findings_sheet(book, records):
    ws = book["问题清单"]
    assert header(ws) == ["单位", "问题类型", "问题（中文说明）", "严重程度", "文件", "位置", "原文依据",
                          "核实结果", "核实说明"]
    rows = [by_header(ws, r) for r in range(2, ws.max_row + 1)]
    assert len(rows) == sum(len(u["findings"]) for u in records["units"]) + 2  # + missing + unknown
    quarter = next(r for r in rows if r["问题类型"] == "有季度未报送案例")
    assert quarter["单位"] == RSJ and quarter["严重程度"] == "提醒"
    assert quarter["文件"] == "人社局/人社局2022年度履职报告.docx\n人社局/统计表.xlsx"
    assert quarter["位置"] == "“统计表”工作表第2行第3列\n第4段"  # a cell in words, never 统计表!C2
    assert quarter["原文依据"] == "0\n二季度暂无案例"
    cases = next(r for r in rows if r["问题类型"] == "以案释法案例不足")
    assert cases["严重程度"] == "错误" and cases["问题（中文说明）"] == "全年报送以案释法典型案例3个，少于4个。"
    missing = next(r for r in rows if r["问题类型"] == "未报送材料")
    assert missing["单位"] == MZJ and missing["严重程度"] == "错误"
    unknown = next(r for r in rows if r["问题类型"] == "无法确定报送单位")
    assert unknown["文件"] == "新建文件夹/扫描0001.docx" and unknown["严重程度"] == "提醒"
    for r in range(2, ws.max_row + 1):
        expected = RED if ws.cell(row=r, column=4).value == "错误" else AMBER
        assert fill_of(ws, r, "严重程度") == expected


def test_files_sheet(book):
    ws = book["文件"]
    assert header(ws) == ["文件", "单位", "材料类型", "状态", "大小", "说明", "错误代码", "归属单位（人工）"]
    rows = {ws.cell(row=r, column=1).value: by_header(ws, r) for r in range(2, ws.max_row + 1)}
    assert len(rows) == 8
    bad = rows["生态环境局履职报告.pdf"]
    assert (bad["状态"], bad["错误代码"]) == ("无法读取", "encrypted")
    assert bad["说明"].startswith("文件设置了密码")
    ok = rows["市场监管局以案释法典型案例（4个）.docx"]
    assert (ok["状态"], ok["材料类型"], ok["大小"]) == ("正常", "以案释法典型案例", "20.0 KB")
    assert rows["新建文件夹/扫描0001.docx"]["单位"] == "（无法确定单位）"
    assert rows["新建文件夹/扫描0001.docx"]["大小"] == "964.5 KB"
    status_col = header(ws).index("状态") + 1
    bad_row = next(r for r in range(2, ws.max_row + 1)
                   if ws.cell(row=r, column=1).value == "生态环境局履职报告.pdf")
    assert ws.cell(row=bad_row, column=status_col).fill.fgColor.rgb == RED


def test_missing_sheet(book):
    ws = book["未报送"]
    assert header(ws) == ["序号", "单位名称", "文件", "说明"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows[0][:2] == [1, MZJ]
    assert rows[1][:3] == [2, "（无法确定单位）", "新建文件夹/扫描0001.docx"]
    assert len(rows) == 2


def test_score_sheet(book):
    ws = book["评分"]
    assert header(ws) == ["单位", "考核项目", "分值", "评分标准", "得分", "依据"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [SCJ, SCJ, SCJ, RSJ, RSJ, RSJ, DAG]  # roster order, 合计 rows
    assert rows[0] == [SCJ, "以案释法", 20, "全年报送典型案例不少于4个", 20, "全年报送以案释法典型案例5个"]
    assert rows[2] == [SCJ, "合计", 30, None, 96, "等级：优秀"]
    assert rows[6] == [DAG, "合计", None, None, 88, "等级：良好"]
    assert ws.cell(row=4, column=2).font.b and not ws.cell(row=2, column=2).font.b


def test_chart_of_cases_per_unit(book):
    ws = book["统计图"]
    assert len(ws._charts) == 1
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows == [[SCJ, 5], [RSJ, 3], [HOSTILE, 5], [STJ, None], [DAG, 4]]
    chart = ws._charts[0]
    assert chart.type == "col"
    assert chart.series[0].val.numRef.f == "'统计图'!$B$2:$B$6"
    assert chart.series[0].cat.strRef.f == "'统计图'!$A$2:$A$6"


def test_every_sheet_frozen_filtered_styled(book):
    for ws in book.worksheets:
        last = get_column_letter(ws.max_column)
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", ws.title
        for cell in ws[1]:
            assert cell.font.b and cell.fill.fgColor.rgb == BLUE, ws.title


def test_column_widths_fit_chinese(book):
    ws = book["汇总"]
    width = ws.column_dimensions["A"].width
    assert width >= display_width(RSJ) == 22 and width <= MAX_WIDTH
    assert ws.column_dimensions["A"].width > ws.column_dimensions["C"].width
    quotes = book["问题清单"]
    col = get_column_letter(header(quotes).index("原文依据") + 1)
    assert quotes.column_dimensions[col].width == ledger_mod.FINDING_CAPS[-1]  # the long quote is capped ...
    assert all(c.alignment.wrap_text for c in quotes[col][1:])  # ... and wrapped


def column_widths(ws) -> dict[str, float]:
    """Letter -> width; XlsxWriter writes neighbours of one width as one <col min max>."""
    return {get_column_letter(c): d.width for d in ws.column_dimensions.values() if d.min
            for c in range(d.min, d.max + 1)}


SHEET_CAPS = {"汇总": [ledger_mod.SUMMARY_CAPS.get(k, 12) for k, _ in SUMMARY_COLUMNS],
              "问题清单": ledger_mod.FINDING_CAPS + VERDICT_CAPS, "文件": ledger_mod.FILE_CAPS + (ASSIGNED_CAP,),
              "评分": ledger_mod.SCORE_CAPS}


def test_every_column_width_is_its_widest_text_capped(book):
    for ws in book.worksheets:
        widths = column_widths(ws)
        assert len(widths) == ws.max_column, ws.title
        caps = SHEET_CAPS.get(ws.title, [MAX_WIDTH] * ws.max_column)
        for col in range(1, ws.max_column + 1):
            shown = [c.value for c in ws[get_column_letter(col)]]
            natural = max(display_width(f"{v:,}" if isinstance(v, int) else str(v or "")) for v in shown) + 2
            expected = max(MIN_WIDTH, min(natural, caps[col - 1]))
            if ws.title == "更正":  # empty rows for the clerk: room to type beyond the widest text
                assert widths[get_column_letter(col)] >= expected, col
                continue
            assert widths[get_column_letter(col)] == expected, (ws.title, col)
    assert column_widths(book["汇总"])["A"] == 24  # the longest unit name, capped: it wraps


def test_every_cell_has_the_thin_grey_border_and_body_cells_sit_at_the_top(book):
    grey = argb(BORDER_COLOUR)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:  # blank cells too: the grid is drawn over the whole table
                sides = [cell.border.left, cell.border.right, cell.border.top, cell.border.bottom]
                assert all(s.style == "thin" and s.color.rgb == grey for s in sides), cell.coordinate
                if cell.row == 1:
                    assert (cell.alignment.horizontal, cell.alignment.vertical) == ("center", "center")
                    assert cell.alignment.wrap_text and cell.font.b
                else:
                    assert cell.alignment.vertical == "top", (ws.title, cell.coordinate)
                    assert cell.font.b == (ws.title == "评分" and ws.cell(cell.row, 2).value == "合计")


def test_file_sizes_are_readable_and_only_odd_cells_are_filled(book):
    ws = book["文件"]
    sizes = [c.value for c in ws["E"][1:]]
    assert sizes and all(re.fullmatch(r"\d+\.\d (KB|MB)|\d+ 字节", s) for s in sizes)
    assert "SHA256" not in header(ws)  # in records.json; 12 hex digits mean nothing to a clerk
    unit_fills = {r: fill_of(ws, r, "单位") for r in range(2, ws.max_row + 1)}
    no_unit = {r for r in unit_fills if ws.cell(row=r, column=2).value == "（无法确定单位）"}
    assert no_unit and all(unit_fills[r] == AMBER for r in no_unit)
    assert all(unit_fills[r] is None for r in unit_fills if r not in no_unit)


def test_chart_title_axes_size_and_place(book):
    chart = book["统计图"]._charts[0]
    title = "".join(r.t for p in chart.title.tx.rich.p for r in p.r or [])
    assert title == "各单位以案释法典型案例数"
    assert chart.legend is None
    assert chart.series[0].tx.strRef.f == "'统计图'!$B$1"
    assert (chart.anchor._from.col, chart.anchor._from.row) == (3, 1)  # D2


def test_text_that_looks_like_a_link_or_number_stays_text(records, tmp_path):
    records["units"][0]["findings"][0]["evidence"][0]["quote"] = "http://example.com/a"
    records["units"][0]["findings"][0]["evidence"][0]["where"] = "00123"
    records["units"][0]["findings"][0]["message"] = "+86 10 1234"
    path = write_ledger(records, tmp_path / "台账.xlsx")
    row = openpyxl.load_workbook(path)["问题清单"][2]
    assert [(c.value, c.data_type) for c in row[5:7]] == [("00123", "s"), ("http://example.com/a", "s")]
    assert (row[2].value, row[2].data_type, row[2].quotePrefix) == ("+86 10 1234", "s", True)
    with zipfile.ZipFile(path) as z:
        assert not any("hyperlink" in n or "externalLink" in n for n in z.namelist())
        assert all(b"<hyperlink" not in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_same_records_give_the_same_bytes(records, tmp_path):
    first = write_ledger(records, tmp_path / "a" / "台账.xlsx").read_bytes()
    records["generated_at"] = "2030-01-01T00:00:00+08:00"  # ledger_digest ignores it: so must the file
    assert write_ledger(records, tmp_path / "b" / "台账.xlsx").read_bytes() == first


def test_workbook_title_and_author(book):
    assert book.properties.title == "2022年度普法履职材料台账"
    assert book.properties.creator == "pufa"


def test_display_width_counts_wide_chars_twice():
    assert display_width("abc") == 3
    assert display_width("区民政局") == 8
    assert display_width("（４个）") == 8
    assert display_width("短\n更长一行") == 8


def test_no_cell_is_a_formula(book, tmp_path):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    hostile = book["汇总"].cell(row=summary_row(book["汇总"], HOSTILE), column=1)
    assert hostile.value == HOSTILE and hostile.data_type == "s" and hostile.quotePrefix
    in_findings = [c for c in book["问题清单"]["A"] if c.value == HOSTILE]
    assert len(in_findings) == 3 and all(c.data_type == "s" and c.quotePrefix for c in in_findings)
    assert book["统计图"]["A4"].value == HOSTILE and book["文件"]["B8"].value == HOSTILE
    with zipfile.ZipFile(tmp_path / "out" / "台账.xlsx") as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_leading_minus_and_control_chars(book):
    ws = book["问题清单"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=2).value == "集体学法次数不足")
    quote = by_header(ws, row)["原文依据"]
    assert quote == "-全年集体学法1次"
    assert ws.cell(row=row, column=7).quotePrefix


def test_zero_units(tmp_path):
    empty = {"schema": "pufa.records/1", "year": 2022, "roster": [], "files": [], "units": [],
             "missing_units": [], "unknown_files": []}
    path = write_ledger(empty, tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        rows = 1 + (BLANK_ROWS if ws.title == "更正" else 0)  # the clerk's empty rows
        assert ws.max_row == rows and ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{rows}"
    assert header(wb["汇总"])[0] == "单位"
    assert wb["统计图"]._charts == []


def test_roster_only_records_list_every_unit_missing(tmp_path):
    recs = {"roster": ["区民政局", "区统计局"], "files": [], "units": [],
            "missing_units": ["区民政局", "区统计局"]}
    wb = openpyxl.load_workbook(write_ledger(recs, tmp_path / "台账.xlsx"))
    assert [c.value for c in wb["未报送"]["B"][1:]] == ["区民政局", "区统计局"]
    assert [c.value for c in wb["汇总"]["B"][1:]] == ["是", "是"]


def test_missing_unit_recorded_in_units_is_not_doubled(tmp_path):
    own = finding("missing_submission", "error", "区民政局未报送2022年度履职报告。")
    recs = {"roster": [MZJ], "files": [], "missing_units": [MZJ],
            "units": [{"unit": MZJ, "on_roster": True, "files": [], "fields": {}, "findings": [own]}]}
    wb = openpyxl.load_workbook(write_ledger(recs, tmp_path / "台账.xlsx"))
    rows = [[c.value for c in row] for row in wb["问题清单"].iter_rows(min_row=2)]
    assert rows == [[MZJ, "未报送材料", "区民政局未报送2022年度履职报告。", "错误", None, None, None, None, None]]
    assert [c.value for c in wb["未报送"]["B"][1:]] == [MZJ]


def test_without_roster_units_are_marked_no_roster(records, tmp_path):
    records["roster"], records["missing_units"] = [], []
    wb = openpyxl.load_workbook(write_ledger(records, tmp_path / "台账.xlsx"))
    ws = wb["汇总"]
    assert [c.value for c in ws["A"][1:]] == [RSJ, SCJ, HOSTILE, STJ, DAG]  # records order
    assert {c.value for c in ws["B"][1:]} == {"无名单"}


def test_atomic_write_replaces_and_leaves_no_temp(records, tmp_path):
    path = tmp_path / "台账.xlsx"
    write_ledger(records, path)
    changed = copy.deepcopy(records)
    changed["missing_units"] = []
    changed["roster"] = [SCJ]
    write_ledger(changed, path)
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]
    assert openpyxl.load_workbook(path)["未报送"].max_row == 2  # only the unknown file now


def test_failed_write_keeps_old_ledger(records, tmp_path, monkeypatch):
    path = tmp_path / "台账.xlsx"
    write_ledger(records, path)
    before = path.read_bytes()

    real_write = Path.write_bytes

    def boom(self, data):
        real_write(self, data[:100])
        raise OSError("disk full")

    monkeypatch.setattr(Path, "write_bytes", boom)
    with pytest.raises(OSError):
        write_ledger(records, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_every_spec_field_has_a_ledger_column():
    from model import FIELD_KEYS
    from outputs.labels import FIELD_HEADERS
    assert ("unit", *FIELD_HEADERS) == FIELD_KEYS


def test_overlong_quote_is_cut_to_excel_cell_limit(records, tmp_path):
    records["units"][0]["findings"][0]["evidence"][0]["quote"] = "案" * 40000
    wb = openpyxl.load_workbook(write_ledger(records, tmp_path / "台账.xlsx"))
    quote = wb["问题清单"]["G2"].value
    assert len(quote) == 32767 and quote.endswith("…")


def test_missing_unit_shows_not_submitted_not_not_stated(book):
    ws = book["汇总"]
    mzj = by_header(ws, summary_row(ws, MZJ))
    for head in ("年度", "材料类型", "领导小组", "以案释法案例数", "报告章节", "等级"):
        assert mzj[head] == "未报送", head
    assert "未提及" not in mzj.values()


def test_replaced_version_is_marked_with_its_successor(records, tmp_path):
    records["files"][0]["superseded"] = True
    records["files"].append(file_rec("市场监管局2022年普法工作总结（修改稿）.docx", SCJ, "annual_report"))
    ws = openpyxl.load_workbook(write_ledger(records, tmp_path / "台账.xlsx"))["文件"]
    rows = {ws.cell(row=r, column=1).value: by_header(ws, r) for r in range(2, ws.max_row + 1)}
    old = rows["市场监管局2022年普法工作总结.docx"]
    assert old["状态"] == "已被替代"
    assert old["说明"] == "已由后报送的《市场监管局2022年普法工作总结（修改稿）》替代，不再计入"
    assert rows["市场监管局2022年普法工作总结（修改稿）.docx"]["状态"] == "正常"


def test_every_sheet_prints_landscape_one_page_wide_with_titles(book, records, tmp_path):
    """Sheets added later (更正, 年度对比 …) get the same: it is applied to the workbook's sheets."""
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, ws.title  # 1 is the default
        assert ws.print_title_rows == "$1:$1", ws.title
        assert "2022年度普法履职材料台账" in ws.oddHeader.center.text, ws.title
        assert ws.oddFooter.center.text == "第 &P 页，共 &N 页", ws.title


def test_print_layout_reaches_a_sheet_added_by_another_writer(records):
    import io

    from xlsxwriter.workbook import Workbook

    from outputs.xlsx_print import apply_print_layout
    from outputs.xlsx_style import WORKBOOK_OPTIONS, Styles, write_table

    buffer = io.BytesIO()
    wb = Workbook(buffer, WORKBOOK_OPTIONS)
    write_table(wb.add_worksheet("更正"), Styles(wb), ["单位", "项目", "更正值", "说明"], [[SCJ, "年度", 2022, "x"]])
    apply_print_layout(wb, "台账")
    wb.close()
    ws = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))["更正"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_rows_are_as_high_as_their_longest_wrapped_cell(book, records):
    from outputs.xlsx_print import LINE_PT, lines_in

    ws = book["问题清单"]
    widths = {c: ws.column_dimensions[get_column_letter(c)].width for c in range(1, ws.max_column + 1)}
    tall = 0
    for r in range(2, ws.max_row + 1):
        need = max(lines_in(str(ws.cell(r, c).value or ""), math.ceil(widths[c]))
                   for c in widths)
        height = ws.row_dimensions[r].height
        assert (height or LINE_PT) >= need * LINE_PT, r
        tall += need > 1
    assert tall  # the long quote wraps: its row is several lines high
