"""Small builders of real .docx/.xlsx/.pdf files for tests (no fixtures on disk needed)."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = ("xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


def p(text: str, extra: str = "") -> str:
    """A paragraph of one run (``extra`` goes into w:pPr)."""
    ppr = f"<w:pPr>{extra}</w:pPr>" if extra else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def raw_docx(path: Path, body_xml: str, parts: dict[str, str] | None = None,
             doc_rels: str | None = None) -> Path:
    """Write a .docx whose document body is ``body_xml`` (WordprocessingML)."""
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body_xml}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", doc)
        if doc_rels:
            z.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, data in (parts or {}).items():
            z.writestr(name, data)
    return path


def docx_from_paragraphs(path: Path, paragraphs: list[str]) -> Path:
    """A plain .docx written by python-docx, one paragraph per string."""
    import docx

    d = docx.Document()
    for t in paragraphs:
        d.add_paragraph(t)
    d.save(path)
    return path


def xlsx_from_rows(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def cjk_font() -> Path | None:
    """A CJK TrueType font on this machine, for making text PDFs."""
    import glob

    for pat in ("/usr/share/fonts/**/NotoSansCJK*.ttc", "/usr/share/fonts/**/wqy-zenhei.ttc",
                "/usr/share/fonts/**/NotoSerifCJK*.ttc", "/usr/share/fonts/**/*CJK*.otf",
                "/usr/share/fonts/**/DroidSansFallback*.ttf", "/usr/share/fonts/**/*.ttc"):
        found = sorted(glob.glob(pat, recursive=True))
        if found:
            return Path(found[0])
    return None
