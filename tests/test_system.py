"""One process model on every desktop (model.system): spawned workers, the PUFA_PORTABLE switch
that hides what Windows lacks, killing a process tree without os.killpg, LibreOffice found in its
install folders, and a command line that survives a GBK terminal."""
from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.readers import office_convert, read
from model import Block, system
from pipeline.inbox import list_inbox
from pipeline.pool import map_files

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
_PROBE = """
import json, multiprocessing, os, signal, sys
from model import system
try:
    multiprocessing.get_context("fork")
    fork = True
except ValueError:
    fork = False
try:
    import resource
    has_resource = True
except ImportError:
    has_resource = False
print(json.dumps({"fork": fork, "resource": has_resource, "SIGALRM": hasattr(signal, "SIGALRM"),
                  "killpg": hasattr(os, "killpg"), "start": system.start_method(),
                  "default": multiprocessing.get_start_method()}))
"""


def _probe(env: dict[str, str]) -> dict:
    res = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PUFA_PORTABLE", "PUFA_START_METHOD")}
    return {**env, **extra}


def test_portable_switch_hides_what_windows_lacks() -> None:
    assert _probe(_env(PUFA_PORTABLE="1")) == {"fork": False, "resource": False, "SIGALRM": False,
                                               "killpg": False, "start": "spawn", "default": "spawn"}


@pytest.mark.skipif(os.name == "nt" or system.PORTABLE, reason="POSIX facilities not there to begin with")
def test_without_the_switch_workers_are_spawned_all_the_same() -> None:
    got = _probe(_env())
    assert got["start"] == "spawn" and got["fork"] and got["SIGALRM"] and got["killpg"]
    assert _probe(_env(PUFA_START_METHOD="fork"))["start"] == "fork"  # for measuring only
    assert _probe(_env(PUFA_START_METHOD="no-such"))["start"] == "spawn"


def _facts_reader(path: Path):  # noqa: ANN202 - a reader reporting on the worker it runs in
    import multiprocessing

    facts = {"SIGALRM": hasattr(signal, "SIGALRM"), "killpg": hasattr(os, "killpg"),
             "method": multiprocessing.current_process()._config.get("start_method", "?"),
             "parent": multiprocessing.parent_process() is not None}
    return [Block(json.dumps(facts), "第1段")], {}


def _install_facts_reader() -> None:
    read.READERS["facts"] = _facts_reader


def test_workers_are_spawned_and_see_the_switch(tmp_path: Path) -> None:
    """The workers of the reading pool are real spawned processes; with PUFA_PORTABLE set (the second
    CI run) they too have no SIGALRM and no killpg."""
    (tmp_path / "a.facts").write_text("x")
    (rec,) = map_files(list_inbox(tmp_path), [], None, 1, setup=_install_facts_reader)
    assert rec.status == "ok", rec.error_message
    facts = json.loads(rec.text)
    assert facts["parent"] is True
    assert facts["SIGALRM"] is facts["killpg"] is (not system.PORTABLE)


def _tree(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    """A process that started a child (as soffice starts soffice.bin), and the child's pid."""
    pidfile = tmp_path / "child.pid"
    code = ("import subprocess, sys, time; "
            "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(300)']); "
            f"open({str(pidfile)!r}, 'w').write(str(p.pid)); time.sleep(300)")
    proc = subprocess.Popen([sys.executable, "-c", code], **system.new_group_kwargs())
    for _ in range(600):
        if pidfile.is_file() and pidfile.read_text():
            return proc, int(pidfile.read_text())
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("the child did not start")


def _gone(pid: int) -> bool:
    for _ in range(100):
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().split(") ")[1].startswith("Z"):
                    return True  # a zombie: killed, waiting for init to reap it
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="checks the tree through /proc")
def test_kill_tree_kills_the_child_too(tmp_path: Path) -> None:
    proc, child = _tree(tmp_path)
    assert child in system.descendants(proc.pid)
    system.kill_tree(proc)
    proc.wait(10)
    assert _gone(child)


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="checks the tree through /proc")
def test_kill_tree_without_killpg_finds_the_descendants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if hasattr(os, "killpg"):
        monkeypatch.delattr(os, "killpg")  # the path taken where there is no killpg
    proc, child = _tree(tmp_path)
    system.kill_tree(proc)
    proc.wait(10)
    assert _gone(child)


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_libreoffice_found_in_its_install_folders(tmp_path: Path) -> None:
    empty = {"PATH": str(tmp_path / "nothing-here")}
    assert office_convert.soffice_path(empty, tmp_path / "root") is None
    uos = _executable(tmp_path / "root/opt/libreoffice7.6/program/soffice")
    _executable(tmp_path / "root/opt/libreoffice7.4/program/soffice")
    assert office_convert.soffice_path(empty, tmp_path / "root") == str(uos)  # the newest
    debian = _executable(tmp_path / "root2/usr/lib/libreoffice/program/soffice")
    assert office_convert.soffice_path(empty, tmp_path / "root2") == str(debian)
    windows = _executable(tmp_path / "C/Program Files/LibreOffice/program/soffice.exe")
    assert office_convert.soffice_path({**empty, "ProgramFiles": str(tmp_path / "C/Program Files")},
                                       tmp_path / "root") == str(windows)
    on_path = _executable(tmp_path / "bin/soffice")
    assert office_convert.soffice_path({"PATH": str(tmp_path / "bin")}, tmp_path / "root") == str(on_path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_the_real_libreoffice_is_found() -> None:
    found = office_convert.soffice_path()
    assert found and Path(found).name in ("soffice", "libreoffice", "soffice.exe")


def test_console_survives_a_gbk_terminal(tmp_path: Path) -> None:
    """Output folder and unit names outside GBK (𠮷) come out as ? on a cp936 terminal: no crash."""
    inbox = tmp_path / "收件"
    shutil.copytree(SAMPLES / "inbox" / "交通运输局", inbox / "交通运输局")
    out = tmp_path / "输出𠮷"
    env = _env(PYTHONIOENCODING="gbk", PUFA_PORTABLE=os.environ.get("PUFA_PORTABLE", ""))
    res = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(inbox), "--roster",
                          str(SAMPLES / "名单.xlsx"), "--year", "2023", "--out", str(out), "--jobs", "1"],
                         cwd=tmp_path, env=env, capture_output=True)
    text = res.stdout.decode("gbk")  # every byte is GBK
    assert res.returncode == 0, res.stderr.decode("gbk", "replace")
    assert "检查结果" in text and "输出?" in text and "未报送：" in text
    bad = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(tmp_path / "没有𠮷")],
                         cwd=tmp_path, env=env, capture_output=True)
    assert bad.returncode == 2
    assert "找不到收件文件夹“" in bad.stderr.decode("gbk") and "没有?" in bad.stderr.decode("gbk")


def test_paths_shown_the_windows_way(tmp_path: Path) -> None:
    """With Windows paths (PUFA_PATH_STYLE=windows, as on Windows itself) the ledger shows
    水利局材料\\普法工作情况.docx; records.json keeps the SPEC's relative POSIX path."""
    import docx
    import openpyxl

    inbox = tmp_path / "收件"
    (inbox / "水利局材料").mkdir(parents=True)
    shutil.copy(SAMPLES / "inbox" / "普法工作情况.docx", inbox / "水利局材料" / "普法工作情况.docx")
    out = tmp_path / "输出"
    res = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(inbox), "--roster",
                          str(SAMPLES / "名单.xlsx"), "--year", "2023", "--out", str(out)],
                         cwd=tmp_path, env=_env(PUFA_PATH_STYLE="windows"), capture_output=True)
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in records["files"]] == ["水利局材料/普法工作情况.docx"]
    ws = openpyxl.load_workbook(out / "台账.xlsx")["文件"]
    assert "水利局材料\\普法工作情况.docx" in [c.value for c in ws["A"]]
    cited = [c.value for row in openpyxl.load_workbook(out / "台账.xlsx")["问题清单"].iter_rows() for c in row]
    assert "水利局材料\\普法工作情况.docx" in cited and "水利局材料/普法工作情况.docx" not in cited
    (notice,) = (out / "通知").glob("*水利局*.docx")
    text = "\n".join(p.text for p in docx.Document(str(notice)).paragraphs)
    assert "依据：《普法工作情况》" in text and "水利局材料/" not in text  # notices cite the title alone


def test_shown_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUFA_PATH_STYLE", "windows")
    assert system.shown_path("材料.zip!/内部/报告.docx") == "材料.zip\\内部\\报告.docx"
    assert system.shown_path("报告.docx") == "报告.docx"
    monkeypatch.setenv("PUFA_PATH_STYLE", "posix")
    assert system.shown_path("材料.zip!/内部/报告.docx") == "材料.zip!/内部/报告.docx"
