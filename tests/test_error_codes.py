"""Every SPEC §6 error code, produced by a real file of the kind that causes it.

Each case builds the file, reads it with ``read_document`` and checks the code
and that the clerk's message says what to ask the unit for.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from model import ERROR_MESSAGES, MESSAGE_VARIANTS, UnreadableFile
from extractors.readers.read import read_document
from tests import hostile_files as hf


def _truncated(builder: Callable[[Path], Path], keep: float) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        data = builder(path).read_bytes()
        path.write_bytes(data[:int(len(data) * keep)])
        return path
    return build


def _text_pdf(path: Path) -> Path:
    return hf._write_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Annual report) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _image_only_pdf(path: Path) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(img).rectangle((50, 50, 550, 120), fill=0)
    img.save(path, "PDF", resolution=72)
    return path


def _bomb_docx(path: Path) -> Path:
    hf.make_docx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/zeros.bin", bytes(20 << 20))  # 20 MiB of zeros: ratio ~1000
    return path


def _gzip(path: Path) -> Path:
    import gzip

    path.write_bytes(gzip.compress(b"report"))
    return path


CASES: list[tuple[str, str, Callable[[Path], Path]]] = [
    ("empty", "空文件.docx", lambda p: (p.write_bytes(b""), p)[1]),
    ("empty", "无文字.docx", lambda p: hf.make_docx(p, [])),
    ("empty", "空表.xlsx", lambda p: hf.make_xlsx(p, [])),
    ("corrupt", "截断.docx", _truncated(hf.make_docx, 0.5)),
    ("corrupt", "截断.xlsx", _truncated(lambda p: hf.make_xlsx(p, [["普法", 1]] * 50), 0.6)),
    ("corrupt", "截断.pdf", _truncated(_text_pdf, 0.3)),
    ("corrupt", "其实是文本.docx", lambda p: (p.write_text("这是一个文本文件，不是 Word 文档。", encoding="utf-8"), p)[1]),
    ("encrypted", "加密.pdf", hf.encrypted_pdf),
    ("encrypted", "加密.docx", hf.encrypted_office),
    ("encrypted", "加密成员.docx", lambda p: hf.write_raw_zip(
        p, [hf.RawEntry(b"word/document.xml", hf.XXE.encode(), password=b"pw")])),
    ("unsupported_format", "演示.pptx", lambda p: hf.write_raw_zip(
        p, [hf.RawEntry(b"[Content_Types].xml", b"<Types/>"), hf.RawEntry(b"ppt/presentation.xml", b"<p/>")])),
    ("unsupported_format", "材料.rar", lambda p: (p.write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(64)), p)[1]),
    ("unsupported_format", "材料.tar.gz", _gzip),
    ("unsupported_format", "宣传片.mp4", lambda p: (p.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64)), p)[1]),
    ("archive_bomb", "炸弹.docx", _bomb_docx),
    ("unsafe_content", "外部实体.docx", lambda p: hf.docx_with_document_xml(p, hf.XXE)),
    ("unsafe_content", "亿万笑声.docx", lambda p: hf.docx_with_document_xml(p, hf.LAUGHS)),
    ("unsafe_content", "外部实体.xlsx", lambda p: hf.xlsx_with_shared_strings(p, hf.SST_XXE)),
]


@pytest.mark.parametrize("code,name,build", CASES, ids=[c[1] for c in CASES])
def test_error_code(tmp_path: Path, code: str, name: str, build: Callable[[Path], Path]) -> None:
    path = build(tmp_path / name)
    with pytest.raises(UnreadableFile) as err:
        read_document(path, name)
    assert err.value.code == code
    assert "请" in err.value.message  # tells the clerk what to do


def test_scanned_no_text_when_ocr_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUFA_OCR", "0")
    with pytest.raises(UnreadableFile) as err:
        read_document(_image_only_pdf(tmp_path / "扫描件.pdf"), "扫描件.pdf")
    assert err.value.code == "scanned_no_text"
    assert err.value.message == ERROR_MESSAGES["scanned_no_text"]


def test_scanned_no_text_names_missing_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.readers import ocr

    monkeypatch.setattr(ocr, "installed", lambda: False)
    with pytest.raises(UnreadableFile) as err:
        read_document(_image_only_pdf(tmp_path / "扫描件.pdf"), "扫描件.pdf")
    assert (err.value.code, err.value.variant) == ("scanned_no_text", "no_ocr")
    assert "未安装文字识别" in err.value.message and "pufa[ocr]" in err.value.message


def test_too_large_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hf.make_docx(tmp_path / "大文件.docx")
    read_document(path, "大文件.docx")  # fine under the default cap
    monkeypatch.setenv("PUFA_MAX_FILE_MB", str(path.stat().st_size / 2 / (1 << 20)))
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "大文件.docx")
    assert err.value.code == "too_large"


def test_unsupported_archive_message_asks_for_zip(tmp_path: Path) -> None:
    path = tmp_path / "材料.7z"
    path.write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(32))
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "材料.7z")
    assert err.value.code == "unsupported_format"
    assert ".zip" in err.value.message and "RAR/7z" in err.value.message


def test_xxe_is_never_resolved(tmp_path: Path) -> None:
    """Even parsed directly, the entity reference stays unexpanded: /etc/passwd never enters the text."""
    from lxml import etree

    from extractors.readers.xmlsafe import _PARSER

    root = etree.fromstring(hf.XXE.encode(), parser=_PARSER)
    assert "root:" not in "".join(root.itertext())


def test_every_code_and_variant_has_a_message() -> None:
    assert set(ERROR_MESSAGES) == {"empty", "corrupt", "encrypted", "unsupported_format", "scanned_no_text",
                                   "too_large", "archive_bomb", "unsafe_content", "timeout"}
    for (code, _variant), message in MESSAGE_VARIANTS.items():
        assert code in ERROR_MESSAGES and "请" in message
    for message in ERROR_MESSAGES.values():
        assert "请联系该单位" in message


def test_bomb_limits_checked_before_inflating(tmp_path: Path) -> None:
    """A member whose declared size is past the total cap is refused from the central directory alone."""
    from extractors.readers.safezip import ZipLimits, open_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(5):
            zf.writestr(f"part{i}.xml", bytes(range(256)) * 400)  # 100 KiB each, incompressible-ish
    path = tmp_path / "five.zip"
    path.write_bytes(buf.getvalue())
    open_zip(path, ZipLimits(max_total=600_000)).close()
    with pytest.raises(UnreadableFile) as err:
        open_zip(path, ZipLimits(max_total=300_000))
    assert err.value.code == "archive_bomb"
    with pytest.raises(UnreadableFile) as err:
        open_zip(path, ZipLimits(max_entries=4))
    assert err.value.code == "archive_bomb"


def test_garbled_text_layer_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text layer of control characters (a font without ToUnicode) is no text: pdfplumber is
    tried, then OCR; with OCR off the file is ``scanned_no_text``, not a file of garbage."""
    monkeypatch.setenv("PUFA_OCR", "0")
    garbage = bytes(range(1, 31)) * 3
    stream = b"BT /F1 14 Tf 72 720 Td (" + garbage.replace(b"\\", b"\\\\").replace(b"(", b"\\(") + b") Tj ET"
    path = hf._write_pdf(tmp_path / "乱码.pdf", [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "乱码.pdf")
    assert err.value.code == "scanned_no_text"
