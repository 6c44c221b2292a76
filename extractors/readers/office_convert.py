"""Old binary Word/WPS/Excel files and RTF, read through LibreOffice headless.

LibreOffice is looked up on PATH at run time (``soffice`` or ``libreoffice``).
Each conversion gets its own temp dir holding the input copy, the output, the
LibreOffice profile (``-env:UserInstallation``, so concurrent conversions do not
collide: PITFALLS, Office and archives) and LibreOffice's own temp files; the
whole process group is killed on timeout and the dir removed afterwards.
The converted .docx/.xlsx is then read by the normal reader.

A Kingsoft .wps file is Word-97 binary and an .et file Excel binary: the copy
is named .doc/.xls, since LibreOffice takes a .wps name for Microsoft Works.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from . import limits
from model import Block, UnreadableFile

log = logging.getLogger(__name__)


def soffice_path() -> str | None:
    """LibreOffice's executable on PATH, or ``None``."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
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
    """Run LibreOffice in its own process group; kill the whole group on timeout or error."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise UnreadableFile("timeout", f"LibreOffice over {timeout:.0f}s") from None
    finally:
        _kill_group(proc)
    if proc.returncode != 0:
        log.info("LibreOffice exited %s: %s", proc.returncode, err.decode("utf-8", "replace")[-500:])


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill what is left of the conversion: soffice forks soffice.bin into the same group."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=5)
    except (subprocess.TimeoutExpired, ValueError):
        pass
