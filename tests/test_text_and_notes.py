"""Plain-text reports in any Chinese encoding, and the footnotes of a .docx, are read as text."""
from __future__ import annotations

from pathlib import Path

import pytest

from model import UnreadableFile
from extractors.finders.fields import extract
from extractors.readers.read import read_document
from tests.makers import W_NS, p, raw_docx

REPORT = ["某县农业农村局2025年度普法工作情况", "一、主要做法", "全年开展送法下乡活动１５场次，发放资料3000余份。",
          "局普法工作由办公室张喆同志具体负责。", "二、存在问题", "基层覆盖不够。", "三、下一步打算", "继续做好普法工作。",
          "某县农业农村局", "二〇二五年十二月五日"]


@pytest.mark.parametrize("encoding, bom", [("gb18030", b""), ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16-le", b"\xff\xfe")])
def test_a_text_report_in_any_encoding_is_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(bom + "\r\n".join(REPORT).encode(encoding))
    doc = read_document(path, "报告.txt")
    assert [b.text for b in doc.blocks] == REPORT and doc.blocks[3].where == "第4段"
    f = {k: v.value for k, v in extract(doc, [], 2025).fields.items()}
    assert (f["doc_type"], f["date"], f["activities"], f["materials"]) == ("annual_report", "2025-12-05", 15, 3000)
    assert f["staff_assigned"] is True  # a named person of a named office
    assert f["sections"] == ["主要做法", "存在问题", "下一步打算"]


def test_binary_bytes_named_txt_are_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnreadableFile) as e:
        read_document(path, "报告.txt")
    assert e.value.code == "corrupt"


def test_footnotes_are_text_of_no_section(tmp_path: Path) -> None:
    body = "".join(p(t) for t in ["某局2025年度普法工作总结", "一、主要做法", "依托本局新媒体平台推送普法信息。",
                                  "二、下一步打算", "继续加强普法。", "某局", "2025年12月3日"])
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1">{p("指“某局”微信公众号和官方微博专栏，统计时间为2025年1月1日至11月30日。")}</w:footnote>'
             '</w:footnotes>')
    doc = read_document(raw_docx(tmp_path / "总结.docx", body, {"word/footnotes.xml": notes}), "总结.docx")
    (note,) = [b for b in doc.blocks if b.kind == "note"]
    assert note.where == "脚注" and note.text.startswith("指“某局”微信公众号")
    f = {k: v.value for k, v in extract(doc, [], 2025).fields.items()}
    assert f["new_media"] == ["微信公众号", "微博"] and f["date"] == "2025-12-03"
