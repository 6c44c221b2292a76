r"""Old binary Word/WPS/Excel files and RTF, read through LibreOffice headless.

LibreOffice is looked up at run time on PATH (``soffice``, ``libreoffice``) and in the
folders it installs into: ``Program Files\LibreOffice\program\soffice.exe`` on Windows,
``/opt/libreoffice*/program`` (the packages from libreoffice.org, as on 统信 UOS and 麒麟),
``/usr/lib/libreoffice/program`` and ``/Applications/LibreOffice.app`` on macOS.
Each conversion gets its own temp dir holding the input copy, the output, the
LibreOffice profile (``-env:UserInstallation``, so concurrent conversions do not
collide: PITFALLS, Office and archives) and LibreOffice's own temp files; LibreOffice
and every process it started are killed on timeout (``model.system.kill_tree``) and the
dir removed afterwards.
The converted .docx/.xlsx is then read by the normal reader.

A Kingsoft .wps file is Word-97 binary and an .et file Excel binary: the copy
is named .doc/.xls, since LibreOffice takes a .wps name for Microsoft Works.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from model import Block, UnreadableFile, system

from . import limits

log = logging.getLogger(__name__)


# where LibreOffice installs itself, below a root (``/``; the drive's ``Program Files`` on Windows)
_POSIX_PLACES = ("opt/libreoffice*/program/soffice", "usr/lib/libreoffice/program/soffice",
                 "usr/lib64/libreoffice/program/soffice", "usr/local/lib/libreoffice/program/soffice",
                 "opt/apps/org.libreoffice*/files/program/soffice",
                 "Applications/LibreOffice.app/Contents/MacOS/soffice")
_WINDOWS_DIRS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")


def soffice_path(env: Mapping[str, str] | None = None, root: Path | None = None) -> str | None:
    """LibreOffice's executable: on PATH, else in its usual install folders; ``None`` when absent.
    ``env`` and ``root`` (default: this process's environment and ``/``) say where to look."""
    env = os.environ if env is None else env
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=env.get("PATH", os.defpath))
        if found:
            return found
    for var in _WINDOWS_DIRS:
        if env.get(var):
            for sub in ("LibreOffice", "Programs/LibreOffice"):
                exe = Path(env[var]) / sub / "program" / "soffice.exe"
                if exe.is_file():
                    return str(exe)
    base = Path(root or Path(os.sep))
    for pattern in _POSIX_PLACES:
        for exe in sorted(base.glob(pattern), reverse=True):  # the newest /opt/libreoffice7.x first
            if exe.is_file() and os.access(exe, os.X_OK):
                return str(exe)
    return None


def read_doc(path: Path) -> tuple[list[Block], dict]:
    """Old .doc / .wps / .rtf: convert to .docx, then read it."""
    from .docx import read_docx

    with open(path, "rb") as f:
        suffix = ".rtf" if f.read(5) == b"{\\rtf" else ".doc"
    return _convert_and_read(path, suffix, "docx", read_docx)


def read_xls(path: Path) -> tuple[list[Block], dict]:
    """Old .xls / .et: convert to .xlsx, then read it."""
    from .xlsx import read_xlsx

    return _convert_and_read(path, ".xls", "xlsx", read_xlsx)


def _convert_and_read(path: Path, suffix: str, target: str, reader) -> tuple[list[Block], dict]:  # noqa: ANN001
    soffice = soffice_path()
    if soffice is None:
        raise UnreadableFile("unsupported_format", "LibreOffice not installed", "needs_office")
    work = Path(tempfile.mkdtemp(prefix="lo-", dir=os.environ.get("PUFA_SCRATCH")))  # inside OUTDIR in a run
    try:
        started = time.monotonic()
        converted = convert(soffice, path, suffix, target, work)
        log.info("%s: converted by LibreOffice in %.1fs", path.name, time.monotonic() - started)
        blocks, meta = reader(converted)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    meta["converted_by"] = "LibreOffice"
    return blocks, meta


def convert(soffice: str, path: Path, suffix: str, target: str, work: Path) -> Path:
    """Convert ``path`` to ``target`` (docx/xlsx/pdf) inside ``work``; return the new file."""
    src = work / f"input{suffix}"
    shutil.copyfile(path, src)  # the inbox file itself is never handed to another program
    limits.pause_point("converting")
    outdir = work / "out"
    outdir.mkdir()
    profile = work / "profile"
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
           "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           "--convert-to", target, "--outdir", str(outdir), str(src)]
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "TMP": str(work), "TEMP": str(work)}
    _run(cmd, env, limits.soffice_timeout())
    out = outdir / f"input.{target}"
    if not out.is_file() or out.stat().st_size == 0:
        raise UnreadableFile("corrupt", "LibreOffice could not convert the file", "office_failed")
    return out


def _run(cmd: list[str], env: dict[str, str], timeout: float) -> None:
    """Run LibreOffice; kill it and what it started (soffice starts soffice.bin) on timeout or error."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, **system.new_group_kwargs())
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise UnreadableFile("timeout", f"LibreOffice over {timeout:.0f}s") from None
    finally:
        _kill(proc)
    if proc.returncode != 0:
        log.info("LibreOffice exited %s: %s", proc.returncode, err.decode("utf-8", "replace")[-500:])


def _kill(proc: subprocess.Popen) -> None:
    """Kill what is left of the conversion."""
    system.kill_tree(proc)
    try:
        proc.communicate(timeout=5)
    except (subprocess.TimeoutExpired, ValueError):
        pass
