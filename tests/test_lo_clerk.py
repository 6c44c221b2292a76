"""What the clerk prints, checked as LibreOffice lays it out (the sample inbox, the real CLI).

Ledger: every page of every sheet holds all the sheet's columns (one page wide), no text
overlaps another (a row too low lets wrapped text spill over the next row) and each sheet's
longest cell shows whole in its column.  Notices: the reply deadline is not before the
notice's date, one item per rule, no spreadsheet cell address or file extension.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

import cli
from tests import lo_render

pdfplumber = pytest.importorskip("pdfplumber")
pytestmark = pytest.mark.skipif(lo_render.soffice() is None, reason="需要 LibreOffice（soffice）才能检查排版效果")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clerk") / "输出"
    assert cli.main(["check", str(SAMPLES / "inbox"), "--roster", str(SAMPLES / "名单.xlsx"),
                     "--config", str(SAMPLES / "年度.yaml"), "--out", str(out), "--jobs", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def ledger_pdf(out, tmp_path_factory) -> Path:
    return lo_render.to_pdf(out / "台账.xlsx", tmp_path_factory.mktemp("pdf"))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _sheet_of(page_text: str, sheets: list[str]) -> str:
    head = page_text.splitlines()[0] if page_text else ""
    return next(s for s in sheets if f"（{s}）" in head)


def test_every_ledger_page_holds_all_its_sheets_columns(out, ledger_pdf):
    book = openpyxl.load_workbook(out / "台账.xlsx")
    headers = {ws.title: [c.value for c in ws[1] if c.value] for ws in book.worksheets}
    seen = set()
    with pdfplumber.open(ledger_pdf) as pdf:
        assert len(pdf.pages) < 26  # it printed as 26 portrait pages of 2-4 columns
        for number, page in enumerate(pdf.pages, 1):
            assert page.width > page.height, number  # landscape
            text = page.extract_text()
            sheet = _sheet_of(text, list(headers))
            seen.add(sheet)
            flat = _squeeze(text)
            for head in (headers[sheet][0], headers[sheet][-1]):  # first and last column on every page
                assert _squeeze(head) in flat, (number, sheet, head)
            assert f"第{number}页，共{len(pdf.pages)}页" in flat, number
    assert seen == set(headers)


def _overlaps(page) -> list[tuple[str, str]]:
    """Pairs of characters of different lines whose boxes overlap (text spilling over a row)."""
    buckets: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for ch in page.chars:
        if ch["text"].strip() and not ch["matrix"][1] and not ch["matrix"][2]:  # slanted chart labels are no cells
            buckets[int(ch["x0"] // 20), int(ch["top"] // 20)].append(ch)
    found = []
    for (bx, by), chars in buckets.items():
        near = [c for dx in (-1, 0, 1) for dy in (-1, 0, 1) for c in buckets.get((bx + dx, by + dy), [])]
        for a in chars:
            for b in near:
                if a is b or abs(a["top"] - b["top"]) < 1:
                    continue
                w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                if w > 0.3 * min(a["width"], b["width"]) and h > 0.3 * min(a["height"], b["height"]):
                    found.append((a["text"], b["text"]))
    return found


def test_no_ledger_text_is_cut_or_spills_into_the_next_row(out, ledger_pdf):
    book = openpyxl.load_workbook(out / "台账.xlsx")
    longest = {}
    for ws in book.worksheets:
        cells = [(len(str(c.value)), c) for row in ws.iter_rows(min_row=2) for c in row
                 if isinstance(c.value, str)]
        if cells:
            longest[ws.title] = max(cells, key=lambda t: t[0])[1]
    shown: dict[str, list[str]] = defaultdict(list)  # sheet -> text of each of its columns, page by page
    with pdfplumber.open(ledger_pdf) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            assert not _overlaps(page), number
            sheet = _sheet_of(page.extract_text(), [ws.title for ws in book.worksheets])
            edges = sorted({round(e["x0"]) for e in page.edges if e["orientation"] == "v"})
            for x0, x1 in zip(edges, edges[1:]):
                if x1 - x0 > 5:
                    shown[sheet].append(_squeeze(page.crop((x0, 0, x1, page.height)).extract_text()))
    for sheet, cell in longest.items():
        assert any(_squeeze(cell.value) in column for column in shown[sheet]), (sheet, cell.coordinate)


def _notice_texts(out: Path, tmp_path: Path) -> dict[str, str]:
    texts = {}
    for docx in sorted((out / "通知").glob("*.docx")):
        pdf = lo_render.to_pdf(docx, tmp_path)
        with pdfplumber.open(pdf) as opened:
            texts[docx.stem] = "\n".join(p.extract_text() for p in opened.pages)
    return texts


def test_notices_as_printed(out, tmp_path):
    texts = _notice_texts(out, tmp_path)
    assert len(texts) == 7 and sum(name.endswith("补报通知") for name in texts) == 1
    for name, text in texts.items():
        flat = _squeeze(text)
        lines = [_squeeze(line) for line in text.splitlines()]
        (date,) = {tuple(map(int, re.fullmatch(CN_DATE, ln).groups())) for ln in lines
                   if re.fullmatch(CN_DATE, ln)}  # 成文日期, a line of its own
        reply = tuple(map(int, re.findall("于" + CN_DATE + "前", flat)[-1]))  # the request closes the text
        assert reply >= date, name  # never a reply deadline before the notice's date
        items = [m.group(1) for ln in lines for m in [re.match(r"\d+\.(你单位.*)", ln)] if m]
        first_clauses = [re.sub(r"《[^》]*》", "《》", i)[:14] for i in items]
        assert len(first_clauses) == len(set(first_clauses)), name  # one item per rule
        for bad in (".docx", ".xlsx", ".pdf", "Sheet", "。”。", "。。"):
            assert bad not in flat, (name, bad)
        assert not re.search(r"![A-Z]{1,3}\d+", flat), name  # no cell address
    late = _squeeze(texts["区市场监督管理局_整改通知"])
    assert "《市场监管局2023年普法统计表》《鹤溪区市场监管局2023年度普法履职报告》落款日期为2023年12月12日" in late
    assert "第2行第4列" in late
