"""OCR of scans: a scanned report yields the fields of its text version; images in the inbox are read."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.readers import ocr
from model import UnreadableFile
from extractors.finders.fields import extract
from extractors.readers.ocr import Box, normalize_punct, paragraphs
from extractors.readers.read import read_document, sniff
from tests import hostile_files as hf

SAMPLES = Path(__file__).parents[1] / "samples" / "inbox"
SAMPLE_PDF = SAMPLES / "鹤溪区住房和城乡建设局2023年度普法工作总结.pdf"
needs_ocr = pytest.mark.skipif(not ocr.installed(), reason="rapidocr-onnxruntime not installed")


def fields_of(path: Path, rel: str) -> tuple[dict, dict]:
    doc = read_document(path, rel)
    return {k: v.value for k, v in extract(doc, [], 2023).fields.items()}, doc.meta


@pytest.mark.parametrize("raw,want", [
    ("今年以来,我局成立了领导小组:由分管领导任组长;", "今年以来，我局成立了领导小组：由分管领导任组长；"),
    ("发放宣传资料1.2万余份,解答咨询1,200人次.", "发放宣传资料1.2万余份，解答咨询1,200人次。"),
    ("《民法典》(物权编)宣讲(3场)", "《民法典》（物权编）宣讲（3场）"),
    ("是否纳入预算?是!", "是否纳入预算？是！"),
    ("www.example.gov.cn", "www.example.gov.cn"),
])
def test_half_width_punctuation_in_chinese_made_full_width(raw: str, want: str) -> None:
    assert normalize_punct(raw) == want


def test_paragraphs_from_box_geometry() -> None:
    """Indented first lines start paragraphs, short lines end them, a centred title stands alone."""
    h = 30
    boxes = [
        Box(400, 100, 800, 100 + h, "工作总结"),  # centred title
        Box(160, 200, 1100, 200 + h, "今年以来，我局成立了普法工作"),  # indented first line
        Box(100, 250, 600, 250 + h, "领导小组，由分管领导任组长，"),  # two boxes on one line
        Box(610, 252, 1100, 252 + h, "明确专人负责"),
        Box(100, 300, 500, 300 + h, "普法工作。"),  # short line ends the paragraph
        Box(160, 350, 1100, 350 + h, "一、基本情况"),
    ]
    assert paragraphs(boxes) == ["工作总结", "今年以来，我局成立了普法工作领导小组，由分管领导任组长，明确专人负责普法工作。",
                                 "一、基本情况"]


def test_title_in_a_larger_font_stands_alone() -> None:
    boxes = [Box(100, 100, 1080, 150, "鹤溪区住房和城乡建设局2023年度普法工作总结"),  # full width, 50 px high
             Box(100, 200, 400, 230, "鹤溪区普法办："),
             Box(160, 250, 1100, 280, "今年以来，我局以“八五”普法规划为遵循。")]
    assert paragraphs(boxes)[:2] == ["鹤溪区住房和城乡建设局2023年度普法工作总结", "鹤溪区普法办："]


def test_table_columns_keep_a_space() -> None:
    boxes = [Box(100, 100, 160, 130, "序号"), Box(300, 100, 420, 130, "普法内容"), Box(700, 100, 820, 130, "责任部门")]
    assert paragraphs(boxes) == ["序号 普法内容 责任部门"]


@needs_ocr
def test_scanned_report_yields_the_fields_of_its_text_version(tmp_path: Path) -> None:
    """SPEC §1 acceptance: a scan of a real-looking 3-page report, OCR noise allowed on at most one field."""
    text_fields, text_meta = fields_of(SAMPLE_PDF, SAMPLE_PDF.name)
    assert "ocr" not in text_meta
    scan = hf.scan_of_pdf(SAMPLE_PDF, tmp_path / "扫描件.pdf")
    assert "".join(read_document(SAMPLE_PDF, "x").blocks[0].text) and sniff(scan) == "pdf"
    scan_fields, scan_meta = fields_of(scan, "扫描件.pdf")
    assert scan_meta["ocr"] is True and scan_meta["ocr_pages"] == 3
    stated = {k for k, v in text_fields.items() if v not in (None, [])}
    assert len(stated) >= 12  # the comparison means something: most fields are stated
    keys = set(text_fields) | set(scan_fields)
    differ = {k: (text_fields.get(k), scan_fields.get(k)) for k in keys if text_fields.get(k) != scan_fields.get(k)}
    assert len(differ) <= 1, differ


@needs_ocr
def test_photo_in_the_inbox_is_read(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SAMPLE_PDF))
    pdf[0].render(scale=150 / 72).to_pil().convert("RGB").save(tmp_path / "手机拍照.jpg", quality=85)
    pdf.close()
    path = tmp_path / "手机拍照.jpg"
    assert sniff(path) == "image"
    doc = read_document(path, "手机拍照.jpg")
    assert doc.meta["ocr"] is True and doc.blocks[0].where == "第1页"
    text = "".join(b.text for b in doc.blocks)
    assert "鹤溪区住房和城乡建设局" in text and "领导小组" in text


@needs_ocr
def test_ocr_page_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUFA_OCR_MAX_PAGES", "1")
    scan = hf.scan_of_pdf(SAMPLE_PDF, tmp_path / "扫描件.pdf", dpi=100)
    doc = read_document(scan, "扫描件.pdf")
    assert doc.meta["ocr_pages"] == 1 and doc.meta["ocr_skipped_pages"] == 2
    assert {b.page for b in doc.blocks} == {1}


def test_blank_image_is_scanned_no_text(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "空白.png"
    Image.new("RGB", (400, 300), "white").save(path)
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "空白.png")
    assert err.value.code == "scanned_no_text"


def test_image_bomb_is_too_large(tmp_path: Path) -> None:
    """A PNG claiming 40000×40000 pixels is refused from its header, before decoding."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 8, 0, 0, 0, 0)
    path = tmp_path / "巨图.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 100))
                     + chunk(b"IEND", b""))
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "巨图.png")
    assert err.value.code in ("too_large", "scanned_no_text") if not ocr.available() else err.value.code == "too_large"
