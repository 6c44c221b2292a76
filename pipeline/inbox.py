"""Listing what was received: every file below INBOX, read-only, each one a ``Source``.

Nothing the clerk can see in the folder goes unrecorded. A regular file is a
source; a link to a file inside the inbox is read as its target (its bytes, its
hash); a link pointing outside the inbox is never followed and becomes an
``unsafe_content`` source; a FIFO, socket or device is never opened and becomes an
``unsupported_format`` source; a name that is not valid UTF-8 (a GBK name left by
an old unzip tool) is shown decoded as GBK, else with replacement characters,
while the file is still opened by its real bytes. Editor droppings (``~$x.docx``,
``.DS_Store``, ``Thumbs.db``) are skipped.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from extractors.readers.regular import open_regular

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class Source:
    rel: str  # path relative to INBOX, POSIX separators, always valid Unicode
    path: Path  # where the bytes are
    size: int
    mtime: float
    # set when the file is known unreadable before any reader runs (an archive that
    # could not be expanded, an encrypted archive member, a special file): a SPEC §6 code
    error: str | None = None
    error_variant: str | None = None  # see model.MESSAGE_VARIANTS


def sha256_of(path: Path) -> str:
    """The content hash that identifies a received file (records.json, the cache);
    ``""`` for what cannot be read as a regular file."""
    h = hashlib.sha256()
    try:
        with open_regular(path) as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


_NOT_OPENED = ("special_file", "link_outside", "link_broken", "unreadable")


def source_digest(src: Source) -> str:
    """The sha256 of what a source holds; ``""`` for what is never opened (a link out of the
    inbox, a FIFO or device) or cannot be."""
    return "" if src.error_variant in _NOT_OPENED else sha256_of(src.path)


def is_junk(name: str) -> bool:
    low = name.lower()
    return low in _JUNK_NAMES or name.startswith("~$") or name.startswith(".~") or name.startswith("._")


def display_name(name: str) -> str:
    """A file name as the clerk should read it: a name whose bytes are not UTF-8 (surrogate
    escapes from the file system) is decoded as GBK, else shown with replacement characters."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    for encoding in ("gb18030", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def list_inbox(inbox: Path) -> list[Source]:
    """Every file below ``inbox`` (hidden folders and droppings aside), links and special files included."""
    root_real = os.path.realpath(inbox)
    out: list[Source] = []
    taken: set[str] = set()
    for root, dirs, files in os.walk(inbox, followlinks=False):
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in links)
        rel_root = Path(root).relative_to(inbox)
        for name in sorted(files + [d for d in links if not _inside(os.path.join(root, d), root_real)]):
            if is_junk(name):
                continue
            rel = _unique("/".join(display_name(p) for p in (*rel_root.parts, name)), taken)
            out.append(_source(Path(root) / name, rel, root_real))
    return out


def _unique(rel: str, taken: set[str]) -> str:
    """Two raw names can show as one (both undecodable): the second gets a number."""
    if rel in taken:
        stem, dot, ext = rel.rpartition(".")
        n = 2
        while (cand := f"{stem}（{n}）.{ext}" if dot and "/" not in ext else f"{rel}（{n}）") in taken:
            n += 1
        rel = cand
    taken.add(rel)
    return rel


def _inside(path: str, root_real: str) -> bool:
    target = os.path.realpath(path)
    return target == root_real or target.startswith(root_real.rstrip(os.sep) + os.sep)


def _source(full: Path, rel: str, root_real: str) -> Source:
    """The source for one entry of the listing, whatever kind of file it is."""
    try:
        st = os.lstat(full)
        if stat.S_ISLNK(st.st_mode):
            return _link_source(full, rel, root_real, st)
    except OSError:
        return Source(rel, full, 0, 0.0, error="corrupt", error_variant="unreadable")
    if not stat.S_ISREG(st.st_mode):
        return Source(rel, full, 0, st.st_mtime, error="unsupported_format", error_variant="special_file")
    return Source(rel, full, st.st_size, st.st_mtime)


def _link_source(full: Path, rel: str, root_real: str, lst: os.stat_result) -> Source:
    if not _inside(str(full), root_real):
        return Source(rel, full, 0, lst.st_mtime, error="unsafe_content", error_variant="link_outside")
    target = Path(os.path.realpath(full))
    try:
        st = os.stat(target)
    except OSError:
        return Source(rel, full, 0, lst.st_mtime, error="corrupt", error_variant="link_broken")
    if not stat.S_ISREG(st.st_mode):
        return Source(rel, full, 0, lst.st_mtime, error="unsupported_format", error_variant="special_file")
    return Source(rel, target, st.st_size, st.st_mtime)
