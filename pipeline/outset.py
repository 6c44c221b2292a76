"""The output folder of a run: one lock, one scratch folder, and the outputs replaced as one set.

Everything a run writes lives below OUTDIR. Under ``OUTDIR/.pufa/``:

* ``lock``: held for the whole run (one run per output folder; the system frees it
  when a process dies, even by ``kill -9``);
* ``tmp-<pid>/``: this run's scratch (expanded archives, LibreOffice's copy of a
  submission and its profile, library temp files); every run removes the scratch
  that earlier, killed runs left;
* ``staging/``: the new ``records.json``, ``台账.xlsx`` and ``通知/`` while they are
  written; the outputs in OUTDIR are not touched until all of them are there;
* ``commit.json``: the journal. Written once the staged set is complete, it lists what
  moves into OUTDIR; the old outputs go to ``old/`` and are deleted afterwards. A run
  killed before the journal leaves the old set (the next run deletes the staging);
  killed after it, the next run first finishes the move (rolls forward) before anything
  else. So a run that completes, fails or is killed leaves the old set or the new one.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from extractors.readers.limits import pause_point

log = logging.getLogger(__name__)

OUTPUT_NAMES = ("通知", "台账.xlsx", "records.json")  # the set, in the order it is moved in: records.json last
_JOURNAL = "commit.json"


class OutputFolderError(Exception):
    """The output folder cannot be used; the message (Chinese) says what to do."""


def refuse_inside_inbox(inbox: Path, out: Path) -> None:
    """The inbox is read-only and everything in it is a submission: outputs never go inside it."""
    i, o = Path(os.path.realpath(inbox)), Path(os.path.realpath(out))
    if o == i or i in o.parents:
        raise OutputFolderError(f"输出文件夹“{out}”位于收件文件夹之内（收件文件夹只读，放在其中的台账和通知会被下次检查"
                                "当作报送材料）：请用 --out 指定收件文件夹以外的文件夹。")
    if any(i == o / name or o / name in i.parents for name in (*OUTPUT_NAMES, ".pufa")):
        raise OutputFolderError(f"收件文件夹“{inbox}”是输出文件夹中由本工具替换的部分：请把收件材料移到别处，"
                                "或用 --out 指定另一个输出文件夹。")


def os_error_message(e: OSError, out: Path) -> str:
    """One Chinese line for an output-folder failure, saying what to do."""
    kept = "原有的输出文件未改动。"
    if e.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1)):
        return f"输出文件夹“{out}”所在磁盘空间不足，写入失败：请清理磁盘空间或用 --out 换一个文件夹后重新运行。{kept}"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"没有在输出文件夹“{out}”中写入的权限（或该磁盘只读，或其中的台账等文件正被 Excel、WPS 打开）："
                f"请关闭这些文件或用 --out 指定一个可写的文件夹后重新运行。{kept}")
    if e.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"输出位置“{out}”（或其上级）是一个文件而不是文件夹：请移走该文件，或用 --out 指定一个文件夹。{kept}"
    return f"无法写入输出文件夹“{out}”（{e.strerror or e}）：请检查该文件夹后重新运行，或用 --out 换一个文件夹。{kept}"


class OutputFolder:
    """OUTDIR for one run: ``open()`` it, write the set into ``staging``, ``commit()``, ``close()``."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.meta = self.out / ".pufa"
        self.staging = self.meta / "staging"
        self.scratch = self.meta / f"tmp-{os.getpid()}"
        self._lock: IO[bytes] | None = None
        self._tempdir: tuple[str | None, str | None] | None = None

    # --- start and end -------------------------------------------------------------------
    def open(self) -> OutputFolder:
        """Lock the folder, finish or drop what a killed run left, make this run's scratch."""
        if self.out.exists() and not self.out.is_dir():
            raise OutputFolderError(f"输出位置“{self.out}”是一个文件而不是文件夹：请移走该文件，或用 --out 指定一个文件夹。")
        try:
            self.meta.mkdir(parents=True, exist_ok=True)
            self._lock = _lock(self.meta / "lock")
            recover(self.out)
            self.scratch.mkdir()
        except OutputFolderError:
            self.close()
            raise
        except OSError as e:
            self.close()
            raise OutputFolderError(os_error_message(e, self.out)) from None
        self._use_scratch_as_temp()
        return self

    def close(self) -> None:
        """Remove this run's scratch and staging (never the outputs) and unlock."""
        self._restore_temp()
        shutil.rmtree(self.scratch, ignore_errors=True)
        if not (self.meta / _JOURNAL).exists():  # a journaled set is the next run's to finish
            shutil.rmtree(self.staging, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> OutputFolder:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _use_scratch_as_temp(self) -> None:
        """Temp files of libraries and of the processes started from here go into the scratch."""
        self._tempdir = (tempfile.tempdir, os.environ.get("TMPDIR"))
        path = str(self.scratch.resolve())
        tempfile.tempdir = path
        os.environ["TMPDIR"] = path
        os.environ["PUFA_SCRATCH"] = path  # read by the readers in the workers (LibreOffice's copy)

    def _restore_temp(self) -> None:
        if self._tempdir is None:
            return
        tempfile.tempdir, old_env = self._tempdir
        if old_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old_env
        os.environ.pop("PUFA_SCRATCH", None)
        self._tempdir = None

    # --- writing the set -----------------------------------------------------------------
    def new_staging(self) -> Path:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()
        return self.staging

    def commit(self) -> list[str]:
        """Move the staged outputs into OUTDIR as one set (see the module's doc); return their names."""
        names = [n for n in OUTPUT_NAMES if (self.staging / n).exists()]
        journal = self.meta / _JOURNAL
        tmp = journal.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump({"items": names}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, journal)
        pause_point("commit")
        roll_forward(self.out)
        return names


@contextmanager
def staged_outputs(folder: OutputFolder) -> Iterator[Path]:
    """A fresh staging folder; whatever goes wrong while writing, it is removed and OUTDIR untouched."""
    staging = folder.new_staging()
    journaled = folder.meta / _JOURNAL
    try:
        yield staging
    except OSError as e:
        if journaled.exists():  # the move into OUTDIR had begun: the next run finishes it first
            raise OutputFolderError(os_error_message(e, folder.out).replace("原有的输出文件未改动。", "")
                                    + "下次运行时会先完成本次输出的替换。") from None
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputFolderError(os_error_message(e, folder.out)) from None
    except BaseException:
        if not journaled.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise


def recover(out: Path) -> None:
    """What a killed run left: a journal is rolled forward, a staging without one dropped, scratch removed."""
    meta = out / ".pufa"
    if (meta / _JOURNAL).exists():
        log.info("finishing the output set an interrupted run had written")
        roll_forward(out)
    for p in meta.glob("tmp-*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in (meta / "staging", meta / "old", *meta.glob("archives-*")):  # archives-*: older versions
        shutil.rmtree(p, ignore_errors=True)
    (meta / "commit.tmp").unlink(missing_ok=True)
    for p in out.glob(".通知.*"):  # the scratch of older versions, next to the outputs
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    for p in [*out.glob(".records.json.*.tmp"), *out.glob(".台账.xlsx.*.tmp")]:
        p.unlink(missing_ok=True)


def roll_forward(out: Path) -> None:
    """Move each staged output named in the journal into place (again, after a kill: idempotent)."""
    meta = out / ".pufa"
    journal, staging, old = meta / _JOURNAL, meta / "staging", meta / "old"
    names = json.loads(journal.read_text(encoding="utf-8"))["items"]
    old.mkdir(exist_ok=True)
    for name in names:
        new, target = staging / name, out / name
        if not new.exists() and not new.is_symlink():
            continue  # moved in before the kill
        if target.exists() or target.is_symlink():
            _remove(old / name)
            os.replace(target, old / name)
        os.replace(new, target)
        pause_point("moved")
    journal.unlink()
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p)
    elif p.exists() or p.is_symlink():
        p.unlink()


def _lock(path: Path) -> IO[bytes]:
    """Hold an exclusive lock on ``path`` for as long as the returned file is open."""
    f = open(path, "a+b")
    try:
        if os.name == "nt":
            import msvcrt

            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise OutputFolderError(f"另一个检查正在使用输出文件夹“{path.parent.parent}”：请等它结束后再运行，"
                                "或用 --out 指定另一个文件夹。") from None
    return f
