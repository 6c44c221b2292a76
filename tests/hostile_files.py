"""Builders for hostile and unusual inbox files, made by the tests themselves.

Each builder writes a real file of its kind: a zip written byte by byte (to set
GBK names without the UTF-8 flag, links, ``../`` names and PKWARE encryption
that ``zipfile`` cannot write), a PDF encrypted with the standard RC4 handler,
an OLE2 compound file holding an ``EncryptedPackage`` stream (how Office stores
a password-protected .docx), an OFD package, Word "web page" HTML/MHT files.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import stat
import struct
import subprocess
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx

REPORT = [
    "区市场监督管理局2022年度普法履职报告",
    "一、基本情况",
    "今年以来，我局成立了普法工作领导小组，由分管领导任组长，明确法规科专人负责普法工作，"
    "制定并公布了本局普法责任清单，普法经费纳入年度财政预算。",
    "二、主要做法",
    "全年共报送以案释法典型案例5个，开展普法宣传活动46场次，发放宣传资料1.2万余份，"
    "解答法律咨询800人次，受教育群众6000余人次。局党组理论学习中心组集体学法4次。"
    "通过微信公众号和抖音发布普法信息。",
    "三、存在问题",
    "普法形式还不够丰富，针对性有待加强。",
    "四、下一步打算",
    "继续落实“谁执法谁普法”普法责任制，创新普法方式。",
    "区市场监督管理局",
    "2022年11月28日",
]


def make_docx(path: Path, paragraphs: list[str] = REPORT) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.core_properties.title = ""
    d.save(str(path))
    return path


def docx_with_document_xml(path: Path, document_xml: str) -> Path:
    """A real .docx whose ``word/document.xml`` is replaced (XXE, entity bombs)."""
    return _replace_member(make_docx(path), "word/document.xml", document_xml.encode("utf-8"))


def make_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(str(path))
    return path


def xlsx_with_shared_strings(path: Path, shared_strings_xml: str) -> Path:
    make_xlsx(path, [["普法宣传活动", "场次"], ["合计", 46]])
    return _replace_member(path, "xl/sharedStrings.xml", shared_strings_xml.encode("utf-8"))


def _replace_member(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    return path


XXE = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">' for i in range(9))
          + ']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
SST_XXE = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
           '<si><t>&xxe;</t></si><si><t>场次</t></si></sst>')


# ------------------------------------------------------------------ raw zip


@dataclass
class RawEntry:
    name: bytes
    data: bytes
    utf8_flag: bool = False
    mode: int = stat.S_IFREG | 0o644
    password: bytes | None = None  # traditional PKWARE encryption
    deflate: bool = True


def write_raw_zip(path: Path, entries: list[RawEntry]) -> Path:
    """A zip written field by field, so names, flags and modes are exactly as given."""
    out = io.BytesIO()
    central = []
    for e in entries:
        crc = zlib.crc32(e.data) & 0xFFFFFFFF
        body = _deflate(e.data) if e.deflate else e.data
        flags = (0x800 if e.utf8_flag else 0) | (0x1 if e.password else 0)
        if e.password:
            body = _zipcrypto(e.password, crc, body)
        method = 8 if e.deflate else 0
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(body),
                              len(e.data), len(e.name), 0) + e.name + body)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 20, flags, method, 0, 0x21, crc,
                                   len(body), len(e.data), len(e.name), 0, 0, 0, 0, e.mode << 16, offset) + e.name)
    start = out.tell()
    for c in central:
        out.write(c)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), size, start, 0))
    path.write_bytes(out.getvalue())
    return path


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _zipcrypto(password: bytes, crc: int, data: bytes) -> bytes:
    """Traditional PKWARE encryption (APPNOTE 6.1), readable by ``zipfile`` with the password."""
    def crc_byte(c: int, b: int) -> int:
        return ((c >> 8) & 0xFFFFFF) ^ _CRC_TABLE[(c ^ b) & 0xFF]

    k = [0x12345678, 0x23456789, 0x34567890]

    def update(b: int) -> None:
        k[0] = crc_byte(k[0], b)
        k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k[2] = crc_byte(k[2], (k[1] >> 24) & 0xFF)

    for b in password:
        update(b)
    header = bytes(11) + bytes([(crc >> 24) & 0xFF])
    out = bytearray()
    for b in header + data:
        t = (k[2] | 2) & 0xFFFF
        out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(b)
    return bytes(out)


def _crc_table() -> list[int]:
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = _crc_table()


# ------------------------------------------------------------------ encrypted PDF (RC4, R2)

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(path: Path, user_password: bytes = b"secret", owner_password: bytes = b"owner") -> Path:
    """A one-page PDF under the standard security handler (V1/R2, 40-bit RC4), per ISO 32000-1 7.6.3."""
    file_id = hashlib.md5(b"pufa-test").digest()
    o_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]
    o_value = _rc4(o_key, (user_password + _PAD)[:32])
    perms = -4
    key = hashlib.md5((user_password + _PAD)[:32] + o_value + struct.pack("<i", perms) + file_id).digest()[:5]
    u_value = _rc4(key, _PAD)
    content = b"BT /F1 24 Tf 72 720 Td (Secret report 2022) Tj ET"
    obj_key = hashlib.md5(key + struct.pack("<I", 4)[:3] + b"\x00\x00").digest()[:10]
    stream = _rc4(obj_key, content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_value.hex().encode() + b"> /U <"
        + u_value.hex().encode() + b"> /P " + str(perms).encode() + b" >>",
    ]
    return _write_pdf(path, objects, b"/Encrypt 6 0 R /ID [<" + file_id.hex().encode() + b"> <"
                      + file_id.hex().encode() + b">]")


_ODD_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Odd def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
7 beginbfchar
<41> <D842DFB7> <42> <FB01> <43> <0002> <44> <0000> <45> <4E2D> <46> <00A0> <47> <3000>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""

_ODD_PAGES = [
    # double spaces, kerning, a hyphen pdfium joins, a soft hyphen; through the ToUnicode map of
    # F2: a ligature (ﬁ), a code mapped to U+0000, 中, no-break and ideographic spaces, 𠮷 (beyond U+FFFF)
    b"BT /F1 12 Tf 72 700 Td (Hello  World) Tj 0 -20 Td [(Ke) 120 (rn) -900 (ing)] TJ 0 -20 Td (co-) Tj "
    b"0 -20 Td (operate\\255) Tj ET BT /F2 14 Tf 72 600 Td (BDEFGA) Tj 0 -20 Td (E E  E) Tj ET",
    # control characters, which pdfium leaves out of its page text
    b"BT /F2 14 Tf 72 700 Td (ECE) Tj ET BT /F1 12 Tf 72 650 Td (\\001\\002x\\003) Tj ET",
    # marked content replaced by its /ActualText
    b"/Span << /ActualText (abc) >> BDC BT /F1 12 Tf 72 700 Td (xyz) Tj ET EMC BT /F1 12 Tf 72 650 Td (after) Tj ET",
    b"",  # no text at all
]


def pdf_with_odd_characters(path: Path) -> Path:
    """A four-page PDF of the characters pdfium's page text treats apart from its character list."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Length %d >>\nstream\n" % len(_ODD_CMAP) + _ODD_CMAP + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>"]
    kids = []
    for content in _ODD_PAGES:
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R /F2 5 0 R >> >> >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    return _write_pdf(path, objects)


def _write_pdf(path: Path, objects: list[bytes], trailer_extra: bytes = b"") -> Path:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra
              + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    path.write_bytes(out.getvalue())
    return path


# ------------------------------------------------------------------ OLE2 with EncryptedPackage


def encrypted_office(path: Path) -> Path:
    """An OLE2 compound file (CFB v3) with ``EncryptionInfo`` and ``EncryptedPackage`` streams.

    This is the container Word/WPS write for a password-protected .docx; the
    streams' contents are random here (no reader gets past the container).
    """
    sector = 512
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + os.urandom(4096 - 8)
    package = struct.pack("<Q", 20000) + os.urandom(4096 - 8)
    n_info, n_pkg = len(info) // sector, len(package) // sector
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # sector 0: the FAT itself, sector 1: the directory
    for start, count in ((2, n_info), (2 + n_info, n_pkg)):
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + b"\xff" * 4 * 108)
    directory = (_dir_entry("Root Entry", 5, child=1, start=0xFFFFFFFE, size=0)
                 + _dir_entry("EncryptionInfo", 2, right=2, start=2, size=len(info))
                 + _dir_entry("EncryptedPackage", 2, start=2 + n_info, size=len(package))
                 + _dir_entry("", 0, start=0, size=0))
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + info + package)
    return path


def _dir_entry(name: str, kind: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF,
               start: int = 0, size: int = 0) -> bytes:
    raw = name.encode("utf-16-le") + (b"\x00\x00" if name else b"")
    return (raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1 if kind else 0)
            + struct.pack("<III", 0xFFFFFFFF, right, child) + bytes(16) + bytes(4) + bytes(16)
            + struct.pack("<IQ", start, size))


# ------------------------------------------------------------------ OFD

OFD_NS = "http://www.ofdspec.org/2016"


def make_ofd(path: Path, pages: list[list[tuple[float, float, str]]], title: str = "") -> Path:
    """An OFD package; each page a list of (x mm, y mm, text) runs, written in shuffled order."""
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD">'
           f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c3c6b</ofd:DocID><ofd:Title>{title}</ofd:Title></ofd:DocInfo>'
           '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    page_refs = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}">'
                '<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea>'
                '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
                f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", ofd)
        zf.writestr("Doc_0/Document.xml", document)
        for i, runs in enumerate(pages):
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", _ofd_page(runs))
    return path


def _ofd_page(runs: list[tuple[float, float, str]]) -> str:
    objs = []
    for n, (x, y, text) in enumerate(reversed(runs)):  # file order is not reading order
        objs.append(f'<ofd:TextObject ID="{100 + n}" Boundary="{x} {y - 4} 180 6" Font="3" Size="4.2">'
                    f'<ofd:TextCode X="0" Y="4">{text}</ofd:TextCode></ofd:TextObject>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def ofd_report_runs(paragraphs: list[str] = REPORT, width: float = 28) -> list[tuple[float, float, str]]:
    """Lay paragraphs out like a 公文 page: lines ``width`` characters wide (digits half), 7 mm apart."""
    runs, y = [], 30.0
    for para in paragraphs:
        line, used = "", 0.0
        for c in para:
            w = 0.5 if ord(c) < 0x2E80 else 1.0
            if used + w > width:
                runs.append((25.0, y, line))
                y += 7
                line, used = "", 0.0
            line, used = line + c, used + w
        runs.append((25.0, y, line))
        y += 7
    return runs


# ------------------------------------------------------------------ web pages saved as .doc


def word_html(paragraphs: list[str] = REPORT, charset: str = "gb2312") -> bytes:
    body = "".join(f"<p class=MsoNormal><span lang=ZH-CN>{p}</span></p>\n" for p in paragraphs)
    page = (f'<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
            f'<head><meta http-equiv=Content-Type content="text/html; charset={charset}">'
            f'<style>p.MsoNormal {{margin:0cm}}</style><script>alert("x")</script></head>'
            f'<body lang=ZH-CN><div class=WordSection1>\n{body}</div></body></html>')
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)


def word_mht(paragraphs: list[str] = REPORT) -> bytes:
    html_part = base64.encodebytes(word_html(paragraphs, "utf-8")).decode("ascii")
    return ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D8\"\r\n\r\n"
            "------=_NextPart_01D8\r\nContent-Location: file:///C:/report.htm\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n"
            f"{html_part}\r\n------=_NextPart_01D8--\r\n").encode("ascii")


# ------------------------------------------------------------------ LibreOffice and scans


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(src: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice (used by tests to make real .doc/.xls/.pdf files)."""
    with tempfile.TemporaryDirectory(prefix="pufa-test-lo-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=180,
                       env={**os.environ, "HOME": profile, "TMPDIR": profile})
    out = outdir / f"{src.stem}.{target.split(':')[0]}"
    assert out.is_file(), f"LibreOffice did not write {out}"
    return out


def scan_of_pdf(text_pdf: Path, out: Path, dpi: int = 150) -> Path:
    """Rasterise every page of a text PDF and wrap the images in an image-only PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(text_pdf))
    try:
        images = [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(pdf))]
    finally:
        pdf.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def tree_digest(root: Path) -> dict[str, str]:
    """Every path below ``root`` (folders too) with the sha256 of each file's bytes."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = "dir" if p.is_dir() and not p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A well-formed zip in memory (names stored as UTF-8 by zipfile)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()
