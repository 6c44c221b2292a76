"""A run killed, interrupted or starved of disk leaves the old output set or the new one, and
the next normal run gives what a clean run gives, with no scratch left anywhere (issue 11).

Real conditions: ``kill -9`` of the run's whole process group at points it announces
(``PUFA_TEST_PAUSE``: no timing race), SIGINT to the group, a full tmpfs (mounted when the test
runs as root and may mount, else skipped), a read-only file system, a file in place of the folder.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_files import REPORT, make_docx, zip_bytes
from tests.run_helper import kill_group, leftovers, outputs_of, run_cli, signal_group, start_paused

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="process groups and signals are POSIX here")


def unit_report(unit: str) -> list[str]:
    return [p.replace("区市场监督管理局", unit) for p in REPORT]


def make_inbox(inbox: Path, extra: bool) -> Path:
    """A small inbox with an archive (so the run has scratch to leave); ``extra`` adds a unit."""
    inbox.mkdir(parents=True, exist_ok=True)
    make_docx(inbox / "区市场监督管理局履职报告.docx")
    thin = inbox.parent / "thin.docx"
    make_docx(thin, ["区司法局2022年度普法工作总结", "全年开展普法活动3场次。", "区司法局"])
    (inbox / "区司法局材料.zip").write_bytes(zip_bytes({"司法局/总结.docx": thin.read_bytes()}))
    if extra:
        make_docx(inbox / "区税务局履职报告.docx", unit_report("区税务局"))
    return inbox


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The outputs of one clean run on the final inbox: what every recovery must give."""
    root = tmp_path_factory.mktemp("clean")
    inbox = make_inbox(root / "收件箱", extra=True)
    result = run_cli(["check", inbox, "--out", root / "out"], root / "systmp")
    assert result.returncode == 0, result.stderr.decode()
    return {"inbox": inbox, "outputs": outputs_of(root / "out", inbox)}


LATE = "区税务局履职报告.docx"


def prepared(tmp_path: Path, clean: dict) -> tuple[Path, Path, Path]:
    """An output folder holding a good set from yesterday's inbox, and today's inbox (one more
    unit): the very files of the clean run."""
    inbox, out, systmp = tmp_path / "收件箱", tmp_path / "输出", tmp_path / "systmp"
    shutil.copytree(clean["inbox"], inbox, ignore=shutil.ignore_patterns(LATE))
    assert run_cli(["check", inbox, "--out", out], systmp).returncode == 0
    shutil.copy2(clean["inbox"] / LATE, inbox / LATE)
    return inbox, out, systmp


def units_in(out: Path) -> set[str]:
    return {u["unit"] for u in outputs_of(out)["records"]["units"]}


@pytest.mark.parametrize("point", ["listed", "read", "staged", "commit", "moved"])
def test_kill_9_then_the_next_run_equals_a_clean_run(tmp_path: Path, clean: dict, point: str) -> None:
    inbox, out, systmp = prepared(tmp_path, clean)
    old = outputs_of(out)
    proc = start_paused(["check", inbox, "--out", out], systmp, point)
    if point in ("listed", "read"):
        assert any((out / ".pufa").glob("tmp-*/archives"))  # the expanded archive is in the scratch
    kill_group(proc)
    if point in ("listed", "read", "staged"):  # before the journal: the old set, whole
        assert outputs_of(out) == old
    result = run_cli(["check", inbox, "--out", out], systmp)
    assert result.returncode == 0, result.stderr.decode()
    assert outputs_of(out, inbox) == clean["outputs"]
    assert leftovers(out, systmp) == []


def test_ctrl_c_ends_with_one_line_and_leaves_the_old_set(tmp_path: Path, clean: dict) -> None:
    inbox, out, systmp = prepared(tmp_path, clean)
    old = outputs_of(out)
    proc = start_paused(["check", inbox, "--out", out], systmp, "read")
    signal_group(proc, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    text = err.decode()
    assert proc.returncode == 130 and "已中止。" in text and "Traceback" not in text, text
    assert outputs_of(out) == old and leftovers(out, systmp) == []


def test_an_output_location_that_is_a_file_is_refused(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path / "收件箱", extra=False)
    (tmp_path / "输出").write_text("不是文件夹", encoding="utf-8")
    result = run_cli(["check", inbox, "--out", tmp_path / "输出"], tmp_path / "systmp")
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and len(err.splitlines()) == 1 and "是一个文件而不是文件夹" in err
    assert (tmp_path / "输出").read_text(encoding="utf-8") == "不是文件夹"


def test_a_second_run_on_the_same_folder_is_refused_while_one_runs(tmp_path: Path, clean: dict) -> None:
    inbox, out, systmp = prepared(tmp_path, clean)
    proc = start_paused(["check", inbox, "--out", out], systmp, "read")
    try:
        result = run_cli(["check", inbox, "--out", out], systmp)
    finally:
        kill_group(proc)
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and "另一个检查正在使用输出文件夹" in err and len(err.splitlines()) == 1


@pytest.fixture()
def tmpfs(tmp_path: Path):
    """A small real file system of its own (tmpfs), when the test may mount one."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=True)


def fill(disk: Path) -> Path:
    """Fill the file system to the last block."""
    filler = disk / "填满磁盘.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_keeps_the_old_set_and_the_next_run_recovers(tmp_path: Path, tmpfs: Path, clean: dict) -> None:
    inbox, out, systmp = prepared(tmp_path, clean)
    shutil.copytree(out, tmpfs / "输出")
    out = tmpfs / "输出"
    before = {p.relative_to(out): p.read_bytes() for p in [out / "records.json", out / "台账.xlsx",
                                                           *(out / "通知").iterdir()]}
    filler = fill(tmpfs)
    result = run_cli(["check", inbox, "--out", out], systmp)
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and "磁盘空间不足" in err and len(err.splitlines()) == 1, err
    assert {p.relative_to(out): p.read_bytes() for p in [out / "records.json", out / "台账.xlsx",
                                                         *(out / "通知").iterdir()]} == before
    filler.unlink()
    assert run_cli(["check", inbox, "--out", out], systmp).returncode == 0
    assert outputs_of(out, inbox) == clean["outputs"] and leftovers(out, systmp) == []


def test_a_read_only_output_folder_is_refused_in_one_line(tmp_path: Path, tmpfs: Path, clean: dict) -> None:
    inbox, out, systmp = prepared(tmp_path, clean)
    shutil.copytree(out, tmpfs / "输出")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    result = run_cli(["check", inbox, "--out", tmpfs / "输出"], systmp)
    err = result.stderr.decode().strip()
    assert result.returncode == 2 and len(err.splitlines()) == 1 and "可写的文件夹" in err, err


def test_kill_9_while_libreoffice_has_a_copy_leaves_nothing_outside(tmp_path: Path) -> None:
    from tests.hostile_files import convert_with_soffice, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    inbox, out, systmp = tmp_path / "收件箱", tmp_path / "输出", tmp_path / "systmp"
    inbox.mkdir()
    doc = convert_with_soffice(make_docx(tmp_path / "report.docx"), "doc", tmp_path)
    shutil.copy(doc, inbox / "区市场监督管理局履职报告.doc")
    proc = start_paused(["check", inbox, "--out", out], systmp, "converting")
    copies = list((out / ".pufa").glob("tmp-*/lo-*/input.doc"))
    assert len(copies) == 1 and list(systmp.iterdir()) == []  # the submission's copy is inside --out
    kill_group(proc)
    result = run_cli(["check", inbox, "--out", out], systmp)
    assert result.returncode == 0, result.stderr.decode()
    assert outputs_of(out)["records"]["files"][0]["status"] == "ok"
    assert leftovers(out, systmp) == []


def test_a_move_that_fails_half_way_is_finished_by_the_next_run(tmp_path: Path, clean: dict) -> None:
    """A real failure inside the move: 通知/ is a mount point (a file system of its own), which
    cannot be renamed. The journal stays, the staged set stays, and the next run finishes the move."""
    inbox, out, systmp = prepared(tmp_path, clean)
    keep = tmp_path / "keep"
    shutil.copytree(out / "通知", keep)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(out / "通知")],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        for p in keep.iterdir():
            shutil.copy2(p, out / "通知" / p.name)
        result = run_cli(["check", inbox, "--out", out], systmp)
        err = result.stderr.decode().strip()
        assert result.returncode == 2 and len(err.splitlines()) == 1 and "下次运行时会先完成" in err, err
        assert (out / ".pufa" / "commit.json").exists() and (out / ".pufa" / "staging" / "records.json").exists()
    finally:
        subprocess.run(["umount", "-l", str(out / "通知")], check=True)
    result = run_cli(["check", inbox, "--out", out], systmp)
    assert result.returncode == 0, result.stderr.decode()
    assert outputs_of(out, inbox) == clean["outputs"] and leftovers(out, systmp) == []
