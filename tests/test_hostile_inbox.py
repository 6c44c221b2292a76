"""Acceptance (issue 5): a hostile inbox through the real CLI, in a subprocess.

The corpus is built here: bombs, XXE, encrypted files, truncated files, a GBK
zip with folders and a nested zip, a scanned page, OFD, a web page saved as
.doc and, when LibreOffice is installed, an old binary .doc. Afterwards each
file has the expected status and code in records.json, the inbox is
byte-identical (contents, listing and times), and nothing was written outside
the output folder: not in the working directory, not in HOME, not in TMPDIR.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractors.readers import ocr
from outputs.review_read import MEMO
from tests import hostile_files as hf

ROOT = Path(__file__).parents[1]
SAMPLE_PDF = ROOT / "samples" / "inbox" / "鹤溪区住房和城乡建设局2023年度普法工作总结.pdf"
# forms/similarity keeps jieba's dictionary cache in the temp dir (a cache, not an output)
def _first_page_scan(path: Path) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SAMPLE_PDF))
    image = pdf[0].render(scale=150 / 72).to_pil().convert("L")
    pdf.close()
    image.save(path, "PDF", resolution=150)
    return path


def build_corpus(inbox: Path, work: Path) -> dict[str, tuple[str, str | None]]:
    """Write the hostile inbox; return the expected (status, code) per records.json path."""
    report = hf.make_docx(work / "report.docx").read_bytes()
    (inbox / "市场监管局").mkdir(parents=True)
    (inbox / "市场监管局" / "2022年度普法履职报告.docx").write_bytes(report)
    hf.write_raw_zip(inbox / "人社局材料.zip", [
        hf.RawEntry("人社局/2022年度履职报告.docx".encode("gbk"), report),
        hf.RawEntry("人社局/案例/案例.zip".encode("gbk"), hf.zip_bytes({"以案释法典型案例.docx": report})),
        hf.RawEntry(b"../../escape.docx", report),
        hf.RawEntry(b"/tmp/escape.docx", report),
        hf.RawEntry(b"link.docx", b"/etc/passwd", mode=stat.S_IFLNK | 0o777),
    ])
    hf.write_raw_zip(inbox / "加密材料.zip", [hf.RawEntry("报告.docx".encode("gbk"), report, password=b"1234")])
    (inbox / "炸弹.zip").write_bytes(hf.zip_bytes({"zeros.docx": bytes(30 << 20)}))
    hf.docx_with_document_xml(inbox / "外部实体.docx", hf.XXE)
    hf.docx_with_document_xml(inbox / "亿万笑声.docx", hf.LAUGHS)
    hf.xlsx_with_shared_strings(inbox / "统计表外部实体.xlsx", hf.SST_XXE)
    hf.encrypted_pdf(inbox / "加密.pdf")
    hf.encrypted_office(inbox / "加密.docx")
    (inbox / "截断.docx").write_bytes(report[:len(report) // 2])
    (inbox / "截断.pdf").write_bytes(SAMPLE_PDF.read_bytes()[:2000])
    (inbox / "其实是文本.docx").write_text("这不是 Word 文档", encoding="utf-8")
    (inbox / "空文件.docx").write_bytes(b"")
    (inbox / "材料.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(100))
    big = hf.make_docx(work / "big.docx")
    with zipfile.ZipFile(big, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/photo.bin", os.urandom(1_200_000))
    (inbox / "大文件.docx").write_bytes(big.read_bytes())
    (inbox / "网页版报告.doc").write_bytes(hf.word_html())
    hf.make_ofd(inbox / "报告.ofd", [hf.ofd_report_runs()])
    from PIL import Image

    Image.new("RGB", (800, 600), "white").save(inbox / "空白扫描.png")
    expected = {
        "市场监管局/2022年度普法履职报告.docx": ("ok", None),
        "人社局材料.zip!/人社局/2022年度履职报告.docx": ("ok", None),
        "人社局材料.zip!/人社局/案例/案例.zip!/以案释法典型案例.docx": ("ok", None),
        "加密材料.zip!/报告.docx": ("error", "encrypted"),
        "炸弹.zip": ("error", "archive_bomb"),
        "外部实体.docx": ("error", "unsafe_content"),
        "亿万笑声.docx": ("error", "unsafe_content"),
        "统计表外部实体.xlsx": ("error", "unsafe_content"),
        "加密.pdf": ("error", "encrypted"),
        "加密.docx": ("error", "encrypted"),
        "截断.docx": ("error", "corrupt"),
        "截断.pdf": ("error", "corrupt"),
        "其实是文本.docx": ("error", "corrupt"),
        "空文件.docx": ("error", "empty"),
        "材料.rar": ("error", "unsupported_format"),
        "大文件.docx": ("error", "too_large"),
        "网页版报告.doc": ("ok", None),
        "报告.ofd": ("ok", None),
        "空白扫描.png": ("error", "scanned_no_text"),
    }
    if ocr.installed():
        _first_page_scan(inbox / "扫描件.pdf")
        expected["扫描件.pdf"] = ("ok", None)
    if hf.soffice():
        doc = hf.convert_with_soffice(work / "report.docx", "doc", work)
        (inbox / "旧版报告.doc").write_bytes(doc.read_bytes())
        expected["旧版报告.doc"] = ("ok", None)
    return expected


def _listing(root: Path) -> dict[str, tuple]:
    """Every path below ``root`` with its content hash and times (inbox must be untouched)."""
    digest = hf.tree_digest(root)
    return {rel: (h, os.lstat(root / rel).st_mtime_ns, stat.S_IMODE(os.lstat(root / rel).st_mode))
            for rel, h in digest.items()}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("hostile")
    inbox, work, tmp, home, cwd = (base / n for n in ("INBOX", "work", "tmp", "home", "cwd"))
    for d in (inbox, work, tmp, home, cwd):
        d.mkdir()
    expected = build_corpus(inbox, work)
    before = _listing(inbox)
    outside_before = {p for p in hf.tree_digest(base) if not p.startswith(("cwd/", "tmp/"))}
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp), "HOME": str(home),
           "PUFA_MAX_FILE_MB": "1", "PUFA_FILE_TIMEOUT": "120"}
    env.pop("PUFA_OCR", None)
    proc = subprocess.run([sys.executable, "-c", "import cli, sys; sys.exit(cli.main(sys.argv[1:]))",
                           "check", str(inbox), "--out", "out", "--year", "2022", "--jobs", "2"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    records = json.loads((cwd / "out" / "records.json").read_text(encoding="utf-8"))
    return {"base": base, "proc": proc, "records": records, "expected": expected, "before": before,
            "after": _listing(inbox), "outside_before": outside_before}


def test_cli_finishes_and_reports(run: dict) -> None:
    assert run["proc"].returncode == 0, run["proc"].stderr
    assert "无法读取的文件" in run["proc"].stdout


def test_each_file_gets_its_status_and_code(run: dict) -> None:
    got = {f["path"]: (f["status"], (f["error"] or {}).get("code")) for f in run["records"]["files"]}
    assert got == run["expected"]


def test_error_messages_tell_the_clerk_what_to_ask_for(run: dict) -> None:
    for f in run["records"]["files"]:
        if f["status"] == "error":
            assert "请联系该单位" in f["error"]["message"], f


def test_files_read_correctly_wherever_they_came_from(run: dict) -> None:
    by_path = {f["path"]: f for f in run["records"]["files"]}
    for path, (status, _) in run["expected"].items():
        if status == "ok" and not path.startswith("扫描件"):
            assert by_path[path]["fields"]["cases_total"] == 5, path
            assert by_path[path]["unit"] == "区市场监督管理局", path


def test_inbox_is_byte_identical(run: dict) -> None:
    assert run["after"] == run["before"]


def test_nothing_written_outside_the_output_folder(run: dict) -> None:
    base = run["base"]
    assert sorted(p.name for p in (base / "cwd").iterdir()) == ["out"]
    assert list((base / "home").iterdir()) == []
    assert list((base / "tmp").iterdir()) == []  # the system temp folder: nothing of ours, not even caches
    assert {p.name for p in (base / "cwd" / "out" / ".pufa").iterdir()} <= {"lock", "jieba", MEMO.name}  # no scratch
    outside_after = {p for p in hf.tree_digest(base) if not p.startswith(("cwd/", "tmp/"))}
    assert outside_after == run["outside_before"]
    assert not Path("/tmp/escape.docx").exists()
    outputs = {p.relative_to(base / "cwd" / "out").as_posix() for p in (base / "cwd" / "out").rglob("*")}
    assert {"records.json", "台账.xlsx"} <= outputs
    assert not any(p.endswith(".tmp") for p in outputs)  # atomic writes left no temp files
