"""Formats beyond .docx/.pdf/.xlsx: OFD, Word "web pages" saved as .doc, old Office via LibreOffice.

Each is checked the way the clerk uses it: the fields extracted from the file
equal those of the same report sent as a .docx.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from model import UnreadableFile
from extractors.finders.fields import extract
from extractors.readers.read import read_document, sniff
from tests import hostile_files as hf

needs_soffice = pytest.mark.skipif(hf.soffice() is None, reason="LibreOffice (soffice) not installed")


def fields_of(path: Path) -> dict:
    doc = read_document(path, path.name)
    return {k: v.value for k, v in extract(doc, [], None).fields.items()}


@pytest.fixture(scope="module")
def docx_fields(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return fields_of(hf.make_docx(tmp_path_factory.mktemp("docx") / "报告.docx"))


def test_docx_reference_is_complete(docx_fields: dict) -> None:
    assert docx_fields["unit"] == "区市场监督管理局" and docx_fields["cases_total"] == 5
    assert docx_fields["materials"] == 12000 and docx_fields["date"] == "2022-11-28"


def test_ofd_reads_like_the_docx(tmp_path: Path, docx_fields: dict) -> None:
    path = hf.make_ofd(tmp_path / "报告.ofd", [hf.ofd_report_runs()], title="2022年度普法履职报告")
    assert sniff(path) == "ofd"
    doc = read_document(path, "报告.ofd")
    assert doc.meta["title"] == "2022年度普法履职报告" and doc.meta["pages"] == 1
    assert doc.blocks[0].text == "区市场监督管理局2022年度普法履职报告" and doc.blocks[0].where == "第1页"
    assert fields_of(path) == docx_fields


def test_ofd_pages_in_order_and_runs_by_position(tmp_path: Path) -> None:
    page1 = [(25.0, 40.0, "第二行"), (25.0, 30.0, "第一行"), (60.0, 30.0, "右半")]
    path = hf.make_ofd(tmp_path / "两页.ofd", [page1, [(25.0, 30.0, "第二页的内容。")]])
    doc = read_document(path, "两页.ofd")
    text = "".join(b.text for b in doc.blocks)
    assert text.index("第一行右半") < text.index("第二行") < text.index("第二页的内容")
    assert doc.blocks[-1].where == "第2页"


def test_ofd_with_xxe_is_refused(tmp_path: Path) -> None:
    path = hf.make_ofd(tmp_path / "x.ofd", [[(25.0, 30.0, "内容")]])
    hf._replace_member(path, "Doc_0/Pages/Page_0/Content.xml", hf.XXE.encode())
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "x.ofd")
    assert err.value.code == "unsafe_content"


def test_ofd_part_outside_package_is_corrupt(tmp_path: Path) -> None:
    path = hf.make_ofd(tmp_path / "x.ofd", [[(25.0, 30.0, "内容")]])
    ofd = (tmp_path / "x.ofd")
    import zipfile

    with zipfile.ZipFile(ofd) as zf:
        text = zf.read("OFD.xml").decode().replace("Doc_0/Document.xml", "../../etc/Document.xml")
    hf._replace_member(path, "OFD.xml", text.encode())
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "x.ofd")
    assert err.value.code == "corrupt"


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
def test_word_web_page_saved_as_doc(tmp_path: Path, docx_fields: dict, charset: str) -> None:
    path = tmp_path / "报告.doc"
    path.write_bytes(hf.word_html(charset=charset))
    assert sniff(path) == "html"
    doc = read_document(path, "报告.doc")
    assert not any("alert" in b.text or "MsoNormal" in b.text for b in doc.blocks)  # no script, no style
    assert fields_of(path) == docx_fields


def test_mht_saved_as_doc(tmp_path: Path, docx_fields: dict) -> None:
    path = tmp_path / "报告.doc"
    path.write_bytes(hf.word_mht())
    assert sniff(path) == "mht"
    assert fields_of(path) == docx_fields


def test_html_tables_become_cells(tmp_path: Path) -> None:
    path = tmp_path / "清单.doc"
    path.write_text("<html><body><p>普法责任清单</p><table><tr><td>序号</td><td colspan=2>普法内容</td>"
                    "<td>责任部门</td></tr><tr><td>1</td><td>宪法</td><td>x</td><td>法规科</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    cells = {(b.row, b.col): b.text for b in read_document(path, "清单.doc").blocks if b.kind == "cell"}
    assert cells[(0, 0)] == "序号" and cells[(0, 3)] == "责任部门" and cells[(1, 3)] == "法规科"


def test_html_entities_and_external_references_stay_inert(tmp_path: Path) -> None:
    path = tmp_path / "网页.doc"
    path.write_text('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body>'
                    '<p>普法工作&xxe;总结</p><img src="http://127.0.0.1:9/x.png"></body></html>', encoding="utf-8")
    text = "".join(b.text for b in read_document(path, "网页.doc").blocks)
    assert "root:" not in text and "普法工作" in text


@needs_soffice
@pytest.mark.parametrize("ext", ["doc", "wps", "rtf"])
def test_old_word_via_libreoffice(tmp_path: Path, docx_fields: dict, ext: str) -> None:
    src = hf.make_docx(tmp_path / "报告.docx")
    made = hf.convert_with_soffice(src, "rtf" if ext == "rtf" else "doc", tmp_path)
    path = made.rename(tmp_path / f"旧版报告.{ext}")
    assert sniff(path) == ext
    doc = read_document(path, path.name)
    assert doc.meta["converted_by"] == "LibreOffice"
    assert fields_of(path) == docx_fields


@needs_soffice
@pytest.mark.parametrize("ext", ["xls", "et"])
def test_old_excel_via_libreoffice(tmp_path: Path, ext: str) -> None:
    src = hf.make_xlsx(tmp_path / "统计表.xlsx", [["项目", "数量"], ["普法宣传活动（场次）", 46]])
    path = hf.convert_with_soffice(src, "xls", tmp_path).rename(tmp_path / f"统计表.{ext}")
    cells = {b.where: b.text for b in read_document(path, path.name).blocks}
    assert cells["Sheet!A2"] == "普法宣传活动（场次）" and cells["Sheet!B2"] == "46"


@needs_soffice
def test_libreoffice_failure_is_corrupt_and_leaves_no_temp_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    path = tmp_path / "坏的.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # OLE2 signature, nothing behind it
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "坏的.doc")
    assert (err.value.code, err.value.variant) == ("corrupt", "office_failed")
    assert list((tmp_path / "tmp").iterdir()) == []


def test_old_formats_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors.readers import office_convert

    monkeypatch.setattr(office_convert, "soffice_path", lambda: None)
    path = tmp_path / "报告.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(600))
    with pytest.raises(UnreadableFile) as err:
        read_document(path, "报告.doc")
    assert (err.value.code, err.value.variant) == ("unsupported_format", "needs_office")
    assert "LibreOffice" in err.value.message and "另存为 .docx" in err.value.message


@needs_soffice
def test_libreoffice_timeout_kills_the_conversion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A conversion past its limit is stopped and the file gets ``timeout``; no soffice is left running."""
    import subprocess
    import tempfile

    monkeypatch.setenv("PUFA_SOFFICE_TIMEOUT", "0.5")
    src = hf.make_docx(tmp_path / "报告.docx")
    path = hf.convert_with_soffice(src, "doc", tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # this conversion's profile lives here
    with pytest.raises(UnreadableFile) as err:
        read_document(path, path.name)
    assert err.value.code == "timeout"
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(scratch) not in ps  # only this test's soffice: other runs may convert meanwhile


def _set_stream(path: Path, name: str, edit) -> None:  # noqa: ANN001 - a bytes -> bytes function
    import olefile

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = ole.openstream(name).read()
        ole.write_stream(name, edit(data))


@needs_soffice
def test_a_password_protected_old_word_file_is_encrypted_not_corrupt(tmp_path: Path) -> None:
    made = hf.convert_with_soffice(hf.make_docx(tmp_path / "报告.docx"), "doc", tmp_path)
    path = made.rename(tmp_path / "加密报告.doc")
    _set_stream(path, "WordDocument", lambda d: d[:10] + (int.from_bytes(d[10:12], "little") | 0x0100)
                .to_bytes(2, "little") + d[12:])  # the FIB's fEncrypted, as Word sets it with a password
    with pytest.raises(UnreadableFile) as e:
        read_document(path, path.name)
    assert e.value.code == "encrypted"


@needs_soffice
def test_a_password_protected_old_excel_file_is_encrypted(tmp_path: Path) -> None:
    src = hf.make_xlsx(tmp_path / "统计表.xlsx", [["项目", "数量"], ["普法宣传活动（场次）", 46]])
    path = hf.convert_with_soffice(src, "xls", tmp_path)

    def filepass_after_bof(d: bytes) -> bytes:  # the record after BOF becomes FILEPASS (same length)
        second = 4 + int.from_bytes(d[2:4], "little")
        return d[:second] + (0x002F).to_bytes(2, "little") + d[second + 2:]

    _set_stream(path, "Workbook", filepass_after_bof)
    with pytest.raises(UnreadableFile) as e:
        read_document(path, path.name)
    assert e.value.code == "encrypted"
