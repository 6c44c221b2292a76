"""Listing what was received: every regular file below INBOX, read-only.

Links are not followed (a link could point anywhere on the machine) and
editor droppings (``~$x.docx``, ``.DS_Store``, ``Thumbs.db``) are skipped.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class Source:
    rel: str  # path relative to INBOX, POSIX separators
    path: Path  # where the bytes are
    size: int
    mtime: float
    # set when the file is known unreadable before any reader runs (an archive that
    # could not be expanded, an encrypted archive member): a SPEC §6 code
    error: str | None = None
    error_variant: str | None = None  # see model.MESSAGE_VARIANTS


def sha256_of(path: Path) -> str:
    """The content hash that identifies a received file (records.json, the cache)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def is_junk(name: str) -> bool:
    low = name.lower()
    return low in _JUNK_NAMES or name.startswith("~$") or name.startswith(".~") or name.startswith("._")


def list_inbox(inbox: Path) -> list[Source]:
    out: list[Source] = []
    for root, dirs, files in os.walk(inbox, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
        for name in sorted(files):
            full = Path(root) / name
            if is_junk(name) or full.is_symlink():
                continue
            try:
                st = full.stat()
            except OSError:
                continue
            rel = full.relative_to(inbox).as_posix()
            out.append(Source(rel, full, st.st_size, st.st_mtime))
    return out
