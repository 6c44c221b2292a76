"""Every entry of a hostile inbox gets a record, and no single entry stops the run (issue 11).

The conditions are real: a FIFO made with ``os.mkfifo``, a file whose name on disk is GBK
bytes, symbolic links inside and outside the inbox, a file removed or replaced by a folder
between the listing and the reading (we run as root, so ``chmod 000`` would not deny a read).
The real CLI runs in a process of its own.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.hostile_files import REPORT, make_docx, tree_digest
from tests.run_helper import leftovers, run_cli, start_paused

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, byte names and links are POSIX here")

GBK_NAME = "区司法局2022年度普法履职报告.docx".encode("gbk")


def report(unit: str) -> list[str]:
    return [p.replace("区市场监督管理局", unit) for p in REPORT]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "收件箱"
    inbox.mkdir()
    make_docx(inbox / "区市场监督管理局履职报告.docx")
    make_docx(Path(os.fsdecode(os.fsencode(inbox) + b"/" + GBK_NAME)), report("区司法局"))
    os.mkfifo(inbox / "管道.docx")
    outside = root / "别处" / "区税务局报告.docx"
    outside.parent.mkdir()
    make_docx(outside, report("区税务局"))
    os.symlink(outside, inbox / "指向外部.docx")
    os.symlink(outside.parent, inbox / "外部文件夹")
    os.symlink("区市场监督管理局履职报告.docx", inbox / "链接到报告.docx")
    os.symlink("不存在.docx", inbox / "失效链接.docx")
    listing = sorted(os.listdir(os.fsencode(inbox)))
    out, systmp = root / "输出", root / "systmp"
    stats = root / "stats.json"
    result = run_cli(["check", inbox, "--out", out], systmp, timeout=900, PUFA_STATS_FILE=str(stats))
    records = json.loads((out / "records.json").read_text(encoding="utf-8")) if (out / "records.json").exists() else {}
    return {"inbox": inbox, "out": out, "systmp": systmp, "result": result, "listing": listing,
            "stats": json.loads(stats.read_text(encoding="utf-8")) if stats.exists() else {},
            "files": {f["path"]: f for f in records.get("files", [])}}


def test_the_run_finishes_with_all_outputs(hostile: dict) -> None:
    assert hostile["result"].returncode == 0, hostile["result"].stderr.decode()
    assert "Traceback" not in hostile["result"].stderr.decode()
    for name in ("records.json", "台账.xlsx", "通知"):
        assert (hostile["out"] / name).exists()


def test_a_gbk_name_is_read_and_shown_decoded(hostile: dict) -> None:
    f = hostile["files"]["区司法局2022年度普法履职报告.docx"]
    assert f["status"] == "ok" and f["unit"] == "区司法局" and f["fields"]["cases_total"] == 5


def test_a_fifo_gets_a_record_and_is_never_opened(hostile: dict) -> None:
    f = hostile["files"]["管道.docx"]
    assert f["status"] == "error" and f["error"]["code"] == "unsupported_format"
    assert "特殊文件" in f["error"]["message"] and "重新报送" in f["error"]["message"]


def test_links_out_of_the_inbox_are_unsafe_and_not_followed(hostile: dict) -> None:
    for rel in ("指向外部.docx", "外部文件夹"):
        f = hostile["files"][rel]
        assert f["status"] == "error" and f["error"]["code"] == "unsafe_content", rel
        assert "收件文件夹以外" in f["error"]["message"] and f["sha256"] == ""
    assert not any(f.get("unit") == "区税务局" for f in hostile["files"].values())


def test_a_link_inside_is_read_as_its_target(hostile: dict) -> None:
    link, target = hostile["files"]["链接到报告.docx"], hostile["files"]["区市场监督管理局履职报告.docx"]
    assert link["status"] == "ok" and link["sha256"] == target["sha256"] and link["fields"] == target["fields"]
    # read once: of the listed entries, the link and the file it points to are one read
    assert hostile["stats"]["files_read"] == len(hostile["listing"]) - 1


def test_a_broken_link_gets_a_record(hostile: dict) -> None:
    f = hostile["files"]["失效链接.docx"]
    assert f["status"] == "error" and f["error"]["code"] == "corrupt" and "失效的链接" in f["error"]["message"]


def test_every_entry_has_a_record_and_the_ledger_lists_them(hostile: dict) -> None:
    import openpyxl

    assert len(hostile["files"]) == len(hostile["listing"])
    wb = openpyxl.load_workbook(hostile["out"] / "台账.xlsx", read_only=True)
    cells = {str(c) for row in wb["文件"].iter_rows(values_only=True) for c in row if c}
    wb.close()
    assert {"管道.docx", "指向外部.docx", "失效链接.docx", "区司法局2022年度普法履职报告.docx"} <= cells


def test_the_inbox_is_untouched_and_nothing_is_left(hostile: dict) -> None:
    assert sorted(os.listdir(os.fsencode(hostile["inbox"]))) == hostile["listing"]
    assert leftovers(hostile["out"], hostile["systmp"]) == []


def test_files_removed_or_replaced_after_the_listing_get_records(tmp_path: Path) -> None:
    inbox, out, systmp = tmp_path / "收件箱", tmp_path / "输出", tmp_path / "systmp"
    inbox.mkdir()
    make_docx(inbox / "区市场监督管理局履职报告.docx")
    make_docx(inbox / "区司法局履职报告.docx", report("区司法局"))
    make_docx(inbox / "区税务局履职报告.docx", report("区税务局"))
    resume = tmp_path / "resume"
    proc = start_paused(["check", inbox, "--out", out], systmp, "listed", PUFA_TEST_RESUME=str(resume))
    (inbox / "区司法局履职报告.docx").unlink()  # gone between listing and reading
    (inbox / "区税务局履职报告.docx").unlink()
    (inbox / "区税务局履职报告.docx").mkdir()  # a folder where a file was listed
    resume.touch()
    assert proc.wait(timeout=600) == 0
    files = {f["path"]: f for f in json.loads((out / "records.json").read_text(encoding="utf-8"))["files"]}
    assert files["区市场监督管理局履职报告.docx"]["status"] == "ok"
    for rel, unit in (("区司法局履职报告.docx", "区司法局"), ("区税务局履职报告.docx", "区税务局")):
        assert files[rel]["error"]["code"] == "corrupt" and "没有读取权限" in files[rel]["error"]["message"]
        assert files[rel]["unit"] == unit  # still attributed by its name
    assert leftovers(out, systmp) == []


@pytest.mark.parametrize("where", ["same", "inside"])
def test_an_output_folder_in_the_inbox_is_refused(tmp_path: Path, where: str) -> None:
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    make_docx(inbox / "区市场监督管理局履职报告.docx")
    before = tree_digest(inbox)
    out = inbox if where == "same" else inbox / "输出"
    result = run_cli(["check", inbox, "--out", out], tmp_path / "systmp")
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and len(err.splitlines()) == 1
    assert "位于收件文件夹之内" in err and "--out" in err
    assert tree_digest(inbox) == before
