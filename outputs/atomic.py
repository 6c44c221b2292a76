"""Writing output files atomically: a temp file in the same folder, then rename."""
from __future__ import annotations

import os
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temp path beside ``target``; on success it replaces ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # a fresh name rather than mkstemp, so the file gets the usual permissions, not 0600
    tmp_path = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def save_atomic(document: Any, target: Path) -> Path:
    """Save anything with ``.save(path)`` (a python-docx Document) atomically."""
    target = Path(target)
    with atomic_path(target) as tmp:
        document.save(tmp)
    return target


def write_text(target: Path, text: str) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


def write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``target``; on success it replaces ``target`` whole."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    same_mode_as(tmp, target.parent)  # mkdtemp makes it 0700; it becomes an ordinary output folder
    try:
        yield tmp
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def same_mode_as(path: Path, model: Path) -> None:
    """Give ``path`` the permissions of ``model`` (the folder it is written into)."""
    import stat

    try:
        os.chmod(path, stat.S_IMODE(model.stat().st_mode))
    except OSError:  # a file system without POSIX modes keeps its own
        pass
