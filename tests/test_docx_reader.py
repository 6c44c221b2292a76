"""The .docx reader sees what a reader of the page sees, once."""
from __future__ import annotations

from pathlib import Path

import pytest

from model import UnreadableFile
from extractors.readers.docx import read_docx
from extractors.readers.read import read_document
from tests.makers import docx_from_paragraphs, p, raw_docx

TEXTBOX = (
    '<w:p><w:r><w:t>正文段落</w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>文本框里的落款：清江区司法局</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>文本框里的落款：清江区司法局</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r></w:p>'
)


def texts(path: Path) -> list[str]:
    return [b.text for b in read_docx(path)[0]]


def test_text_box_is_read_once_and_apart_from_its_paragraph(tmp_path):
    got = read_docx(raw_docx(tmp_path / "tb.docx", TEXTBOX))[0]
    assert [b.text for b in got].count("文本框里的落款：清江区司法局") == 1
    assert "正文段落" in [b.text for b in got]
    box = next(b for b in got if b.kind == "textbox")
    assert box.where == "文本框"


def test_tracked_insertion_kept_and_deletion_dropped(tmp_path):
    body = ('<w:p><w:r><w:t>全年报送典型案例</w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>3</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>5</w:t></w:r></w:ins>'
            '<w:r><w:t>个。</w:t></w:r></w:p>')
    assert texts(raw_docx(tmp_path / "track.docx", body)) == ["全年报送典型案例5个。"]


def test_merged_cells_are_read_once_with_grid_positions(tmp_path):
    body = ('<w:tbl>'
            '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p("季度合并") + '</w:tc>'
            '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p("纵向合并") + '</w:tc></w:tr>'
            '<w:tr><w:tc>' + p("一") + '</w:tc><w:tc>' + p("二") + '</w:tc>'
            '<w:tc><w:tcPr><w:vMerge/></w:tcPr>' + p("") + '</w:tc></w:tr>'
            '</w:tbl>')
    blocks = read_docx(raw_docx(tmp_path / "merge.docx", body))[0]
    assert [(b.text, b.row, b.col) for b in blocks] == [
        ("季度合并", 0, 0), ("纵向合并", 0, 2), ("一", 1, 0), ("二", 1, 1)]
    assert blocks[1].where == "表1第1行第3列"


def test_nested_table_cells_are_read(tmp_path):
    inner = '<w:tbl><w:tr><w:tc>' + p("内层单元格") + '</w:tc></w:tr></w:tbl>'
    body = '<w:tbl><w:tr><w:tc>' + p("外层") + inner + '</w:tc></w:tr></w:tbl>'
    got = texts(raw_docx(tmp_path / "nested.docx", body))
    assert "内层单元格" in got and "外层" in got


def test_auto_numbered_heading_gets_its_number(tmp_path):
    numbering = (
        '<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    numpr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = p("基本情况", numpr) + p("正文。") + p("存在问题", numpr)
    got = texts(raw_docx(tmp_path / "num.docx", body, {"word/numbering.xml": numbering}))
    assert got == ["一、基本情况", "正文。", "二、存在问题"]


def test_paragraph_locations_count_non_empty_paragraphs(tmp_path):
    path = docx_from_paragraphs(tmp_path / "plain.docx", ["标题", "", "第二段"])
    blocks = read_docx(path)[0]
    assert [(b.text, b.where) for b in blocks] == [("标题", "第1段"), ("第二段", "第2段")]


def test_headers_and_footers_are_read(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("正文")
    d.sections[0].header.paragraphs[0].text = "清江区应急管理局文件"
    path = tmp_path / "hdr.docx"
    d.save(path)
    blocks = read_docx(path)[0]
    assert any(b.kind == "header" and b.text == "清江区应急管理局文件" for b in blocks)


def test_xxe_in_document_is_refused(tmp_path):
    import zipfile

    path = raw_docx(tmp_path / "xxe.docx", p("x"))
    evil = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", evil)
    with pytest.raises(UnreadableFile) as e:
        read_document(path, "xxe.docx")
    assert e.value.code == "unsafe_content"


def test_text_file_named_docx_is_not_a_docx(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(UnreadableFile) as e:
        read_document(path, "fake.docx")
    assert e.value.code in ("unsupported_format", "corrupt")


def test_empty_file_is_empty(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFile) as e:
        read_document(path, "empty.docx")
    assert e.value.code == "empty"


def test_style_tags_found_by_byte_search_are_those_the_pattern_finds():
    import random

    from extractors.readers.docx_styles import _style_pattern, _style_tags

    rng = random.Random(3)
    pieces = [b"<w:style", b"<w:styles", b" w:styleId=", b"\tw:styleId=", b'"a"', b"'a'", b'"b"',
              b">", b"/>", b" ", b"x", b'"', b"'", b"a", b">'", b"a>"]
    for sid in (b"a", b"b", b"a'", b"a>"):
        pat = _style_pattern(sid)
        for _ in range(3000):
            data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
            assert [m.span() for m in _style_tags(pat, data, sid)] == [m.span() for m in pat.finditer(data)]


def test_dtd_check_finds_what_the_pattern_finds():
    import random

    from extractors.readers.xmlsafe import _DOCTYPE, has_dtd

    rng = random.Random(4)
    pieces = [b"<", b"!", b"D", b"d", b"OCTYPE", b"octype", b"ENTITY", b"entity", b"<!", b"<!DOCTYP", b"x"]
    for _ in range(20000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert has_dtd(data) == bool(_DOCTYPE.search(data))
