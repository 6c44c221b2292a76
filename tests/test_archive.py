"""Zip archives in the inbox: names as the sender saw them, members cited ``a.zip!/inner``, limits kept."""
from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from pipeline.archive import expand_archives
from pipeline.inbox import Source, list_inbox
from extractors.readers.safezip import ZipLimits
from tests import hostile_files as hf


@pytest.fixture()
def report(tmp_path: Path) -> bytes:
    return hf.make_docx(tmp_path / "report.docx").read_bytes()


def _expand(tmp_path: Path, limits: ZipLimits | None = None) -> tuple[dict[str, Source], Path]:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    args = (limits,) if limits else ()
    return {s.rel: s for s in expand_archives(list_inbox(tmp_path / "INBOX"), tmp, *args)}, tmp


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "INBOX"
    inbox.mkdir()
    return inbox


def test_gbk_names_nested_folders_and_nested_zip(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    hf.write_raw_zip(inbox / "人社局材料.zip", [
        hf.RawEntry("人社局/2022年度履职报告.docx".encode("gbk"), report),  # no UTF-8 flag: GBK
        hf.RawEntry("人社局/子目录/".encode("gbk"), b"", mode=stat.S_IFDIR | 0o755),
        hf.RawEntry("人社局/子目录/普法责任清单.docx".encode("utf-8"), report, utf8_flag=True),
        hf.RawEntry("人社局/案例.zip".encode("gbk"), hf.zip_bytes({"以案释法典型案例.docx": report})),
        hf.RawEntry("Mac压缩的.docx".encode("utf-8"), report),  # UTF-8 without the flag
    ])
    got, tmp = _expand(tmp_path)
    assert sorted(got) == [
        "人社局材料.zip!/Mac压缩的.docx",
        "人社局材料.zip!/人社局/2022年度履职报告.docx",
        "人社局材料.zip!/人社局/子目录/普法责任清单.docx",
        "人社局材料.zip!/人社局/案例.zip!/以案释法典型案例.docx",
    ]
    for src in got.values():
        assert src.error is None
        assert src.path.is_relative_to(tmp) and src.path.read_bytes() == report
        assert src.mtime == (inbox / "人社局材料.zip").stat().st_mtime  # arrival time of the archive


def test_unsafe_entries_are_skipped_and_nothing_leaves_the_temp_dir(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    hf.write_raw_zip(inbox / "恶意.zip", [
        hf.RawEntry(b"../evil.docx", report),
        hf.RawEntry(b"a/../../evil2.docx", report),
        hf.RawEntry(b"/tmp/evil3.docx", report),
        hf.RawEntry(b"C:\\Windows\\evil4.docx", report),
        hf.RawEntry(b"link.docx", b"/etc/passwd", mode=stat.S_IFLNK | 0o777),
        hf.RawEntry(b"__MACOSX/._report.docx", b"\x00\x05\x16\x07"),
        hf.RawEntry("正常.docx".encode("gbk"), report),
    ])
    before = hf.tree_digest(tmp_path)
    got, tmp = _expand(tmp_path)
    assert list(got) == ["恶意.zip!/正常.docx"]
    after = {k: v for k, v in hf.tree_digest(tmp_path).items() if not k.startswith("tmp")}
    assert after == before  # nothing written beside the temp dir
    assert not Path("/tmp/evil3.docx").exists()
    files = [p for p in tmp.rglob("*") if p.is_file()]
    assert len(files) == 1 and not any(p.is_symlink() for p in tmp.rglob("*"))


def test_encrypted_members_are_reported_one_by_one(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    hf.write_raw_zip(inbox / "加密.zip", [
        hf.RawEntry("报告.docx".encode("gbk"), report, password=b"123456"),
        hf.RawEntry("清单.docx".encode("gbk"), report),
    ])
    got, _ = _expand(tmp_path)
    assert got["加密.zip!/报告.docx"].error == "encrypted"
    assert got["加密.zip!/清单.docx"].error is None
    with zipfile.ZipFile(inbox / "加密.zip") as zf:  # really encrypted: readable with the password
        assert zf.read(zf.infolist()[0], pwd=b"123456") == report
    kept = got["加密.zip!/报告.docx"].path.read_bytes()  # the member as sent, not the archive
    assert kept != report and len(kept) == got["加密.zip!/报告.docx"].size < (inbox / "加密.zip").stat().st_size


@pytest.mark.parametrize("kind", ["ratio", "entries", "total"])
def test_bombs_become_one_archive_record(tmp_path: Path, kind: str) -> None:
    inbox = _inbox(tmp_path)
    limits = None
    if kind == "ratio":
        data = hf.zip_bytes({"zeros.docx": bytes(20 << 20)})
    elif kind == "entries":
        data = hf.zip_bytes({f"{i}.txt": b"x" for i in range(10_001)})
    else:
        data = hf.zip_bytes({f"{i}.bin": bytes(range(256)) * 400 for i in range(6)})
        limits = ZipLimits(max_total=500_000)
    (inbox / "炸弹.zip").write_bytes(data)
    got, tmp = _expand(tmp_path, limits)
    assert list(got) == ["炸弹.zip"]
    assert got["炸弹.zip"].error == "archive_bomb"
    assert not [p for p in tmp.rglob("*") if p.is_file()]  # what was unpacked is removed


def test_nested_bombs_share_the_budget(tmp_path: Path, report: bytes) -> None:
    """Bytes unpacked from nested archives count against the outer archive's limit."""
    inbox = _inbox(tmp_path)
    part = bytes(range(256)) * 400
    inner = hf.zip_bytes({f"{i}.bin": part for i in range(3)})
    (inbox / "外层.zip").write_bytes(hf.zip_bytes({"a.zip": inner, "b.zip": inner, "报告.docx": report}))
    got, _ = _expand(tmp_path, ZipLimits(max_total=len(inner) * 2 + len(part) * 4 + len(report)))
    errors = {rel: s.error for rel, s in got.items() if s.error}
    assert errors == {"外层.zip!/b.zip": "archive_bomb"}
    assert "外层.zip!/a.zip!/0.bin" in got and "外层.zip!/报告.docx" in got


def test_too_deep_nesting_is_refused(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    level3 = hf.zip_bytes({"报告.docx": report})
    (inbox / "套娃.zip").write_bytes(hf.zip_bytes({"二层.zip": hf.zip_bytes({"三层.zip": level3})}))
    got, _ = _expand(tmp_path)
    assert list(got) == ["套娃.zip!/二层.zip!/三层.zip"]
    src = got["套娃.zip!/二层.zip!/三层.zip"]
    assert (src.error, src.error_variant) == ("archive_bomb", "too_deep")


def test_broken_and_empty_archives(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    whole = hf.zip_bytes({"报告.docx": report, "清单.docx": report})
    (inbox / "截断.zip").write_bytes(whole[:len(whole) // 2])
    (inbox / "空.zip").write_bytes(hf.zip_bytes({"文件夹/": b""}))
    (inbox / "单独的报告.docx").write_bytes(report)
    got, _ = _expand(tmp_path)
    assert got["空.zip"].error == "empty"
    assert got["单独的报告.docx"].error is None and got["单独的报告.docx"].path == inbox / "单独的报告.docx"
    # a truncated zip has no central directory: it is not recognised as an archive and reads as corrupt
    from model import UnreadableFile
    from extractors.readers.read import read_document

    with pytest.raises(UnreadableFile) as err:
        read_document(got["截断.zip"].path, "截断.zip")
    assert err.value.code == "corrupt"


def test_crc_error_marks_only_that_member(tmp_path: Path, report: bytes) -> None:
    inbox = _inbox(tmp_path)
    data = bytearray(hf.zip_bytes({"坏.docx": report, "好.docx": report}))
    start = data.index(b"PK\x03\x04") + 30 + len("坏.docx".encode())
    data[start + 100] ^= 0xFF  # flip a byte inside the first member's compressed data
    (inbox / "部分损坏.zip").write_bytes(bytes(data))
    got, _ = _expand(tmp_path)
    assert got["部分损坏.zip!/坏.docx"].error == "corrupt"
    assert got["部分损坏.zip!/好.docx"].error is None


def test_zipped_inbox_gives_the_same_result(tmp_path: Path) -> None:
    """The sample inbox sent as one GBK-named zip: same fields and findings, paths cited inside the zip."""
    from pipeline import CheckOptions, run_check

    samples = Path(__file__).parents[1] / "samples"
    inbox = _inbox(tmp_path)
    entries = [hf.RawEntry(("材料/" + p.relative_to(samples / "inbox").as_posix()).encode("gbk"), p.read_bytes())
               for p in sorted((samples / "inbox").rglob("*")) if p.is_file()]
    hf.write_raw_zip(inbox / "鹤溪区各单位材料.zip", entries)

    def check(box: Path, out: str) -> dict:
        opts = CheckOptions(box, tmp_path / out, roster=samples / "名单.xlsx", year=2023, jobs=2)
        return run_check(opts).records

    plain, zipped = check(samples / "inbox", "plain"), check(inbox, "zipped")
    prefix = "鹤溪区各单位材料.zip!/材料/"
    assert all(f["path"].startswith(prefix) for f in zipped["files"])
    strip = {f["path"][len(prefix):]: f for f in zipped["files"]}
    assert sorted(strip) == sorted(f["path"] for f in plain["files"])
    for f in plain["files"]:
        z = strip[f["path"]]
        assert (z["status"], z["unit"], z["doc_type"], z["fields"]) == (f["status"], f["unit"], f["doc_type"],
                                                                        f["fields"]), f["path"]
    findings = {u["unit"]: sorted(x["rule"] for x in u["findings"]) for u in plain["units"]}
    assert {u["unit"]: sorted(x["rule"] for x in u["findings"]) for u in zipped["units"]} == findings
