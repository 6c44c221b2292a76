"""A text PDF whose CJK font has no ToUnicode map: its text layer is glyph numbers, not language.
Such pages are treated like scans: OCR when available, else ``scanned_no_text`` (issue 11).

The PDF is real: LibreOffice exports a report with its font subset embedded, then the
``/ToUnicode`` key of each font is renamed in place (same length, so the xref stays valid):
the font is still drawn, but a reader can no longer map its glyphs to characters.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import cli
from extractors.readers import ocr
from extractors.readers.textcheck import looks_like_language
from tests.hostile_files import REPORT, convert_with_soffice, make_docx, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice makes the test PDF")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("garbage")
    good = convert_with_soffice(make_docx(root / "区市场监督管理局履职报告.docx"), "pdf", root)
    data = good.read_bytes()
    assert data.count(b"/ToUnicode") >= 1
    inbox = root / "收件箱"
    inbox.mkdir()
    bad = inbox / "区市场监督管理局履职报告.pdf"
    bad.write_bytes(data.replace(b"/ToUnicode", b"/NoUnicode"))
    return {"good": good, "bad": bad, "inbox": inbox}


def raw_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_the_text_layer_of_the_stripped_pdf_is_glyph_numbers(pdfs: dict[str, Path]) -> None:
    garbage, text = raw_text(pdfs["bad"]), raw_text(pdfs["good"])
    assert "普法" not in garbage and len("".join(garbage.split())) > 100
    assert not looks_like_language(garbage) and looks_like_language(text)
    printable = "".join(c for c in garbage if c.isprintable() and not c.isspace())
    assert not looks_like_language(printable)  # even once the control codes are dropped


@pytest.mark.parametrize("text", [
    "Annual report on legal publicity work of the district market regulation bureau, 2022 edition.",
    "2022年 1季度 2季度 3季度 4季度 合计 12 15 9 20 56 增长 12.5% 同比",
    "Q1: 12, Q2: 15, Q3: 9, Q4: 20; total 56 (12.5%) 2022-12-01 1,234.5 6,000",
])
def test_real_text_reads_as_language(text: str) -> None:
    assert looks_like_language(text)


def check(pdfs: dict[str, Path], out: Path, monkeypatch, ocr_on: bool) -> dict:
    monkeypatch.setenv("PUFA_OCR", "1" if ocr_on else "0")
    assert cli.main(["check", str(pdfs["inbox"]), "--out", str(out), "--jobs", "1", "--no-cache"]) == 0
    (f,) = json.loads((out / "records.json").read_text(encoding="utf-8"))["files"]
    return f


def test_without_ocr_the_garbage_pdf_is_scanned_no_text(pdfs: dict[str, Path], tmp_path: Path, monkeypatch) -> None:
    f = check(pdfs, tmp_path / "out", monkeypatch, ocr_on=False)
    assert f["status"] == "error" and f["error"]["code"] == "scanned_no_text"


@pytest.mark.skipif(not ocr.available(), reason="OCR not installed")
def test_with_ocr_the_garbage_pdf_is_read_from_its_image(pdfs: dict[str, Path], tmp_path: Path, monkeypatch) -> None:
    f = check(pdfs, tmp_path / "out", monkeypatch, ocr_on=True)
    assert f["status"] == "ok" and f["unit"] == "区市场监督管理局"
    assert f["fields"]["cases_total"] == 5 and f["fields"]["activities"] == 46
