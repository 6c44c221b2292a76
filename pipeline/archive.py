"""Expanding .zip archives received in the inbox into a private temp dir.

Units zip whole folders, often on Chinese Windows (entry names in GBK without
the UTF-8 flag), sometimes a zip inside a zip. Each member becomes a
``Source`` cited as ``a.zip!/inner/name.docx`` (SPEC §7) whose bytes live in
the temp dir under a name made from its index, never from the entry name:
nothing can be written outside the temp dir whatever the archive says.
Entries that try (``../``, absolute names, links) are skipped all the same.

Limits (``safezip.LIMITS``) are checked from the central directory before
anything is inflated and again while copying, with one budget of bytes and
files shared by an archive and the archives nested in it. An archive that
breaks them becomes one ``archive_bomb`` record for the archive itself.
"""
from __future__ import annotations

import logging
import re
import shutil
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from model import UnreadableFile
from .inbox import Source, is_junk
from extractors.readers.read import sniff
from extractors.readers.safezip import LIMITS, ZipLimits, open_zip

log = logging.getLogger(__name__)

MAX_DEPTH = 2  # a zip inside a zip is expanded; one more level is refused
_CHUNK = 1 << 20
_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP Unicode Path extra field


@dataclass
class _Budget:
    """What one top-level archive may still unpack, nested archives included."""

    bytes_left: int
    files_left: int


def expand_archives(sources: list[Source], tmpdir: Path, limits: ZipLimits = LIMITS,
                    plain: Callable[[Source], bool] | None = None) -> list[Source]:
    """Replace each zip archive in ``sources`` by its members, unpacked below ``tmpdir``.

    An archive that cannot be expanded stays in the list as one ``Source``
    with ``error`` set (``archive_bomb``, ``corrupt``, ``empty`` ...). ``plain`` may tell
    which sources are known not to be archives (read as documents before, unchanged).
    """
    out: list[Source] = []
    for n, src in enumerate(sources):
        if src.error or plain is not None and plain(src) or not _is_zip(src.path):
            out.append(src)
            continue
        out.extend(_expand_top(src, tmpdir / f"a{n}", limits))
    return out


def _expand_top(src: Source, dest: Path, limits: ZipLimits) -> list[Source]:
    budget = _Budget(limits.max_total, limits.max_entries)
    dest.mkdir(mode=0o700, parents=True)
    try:
        members = _expand(src.path, src.rel, dest, 1, budget, src.mtime, limits)
    except UnreadableFile as e:
        log.warning("%s: archive not expanded: %s", src.rel, e)
        shutil.rmtree(dest, ignore_errors=True)
        return [replace(src, error=e.code, error_variant=e.variant)]
    if not members:
        return [replace(src, error="empty")]
    return members


def _expand(path: Path, rel: str, dest: Path, depth: int, budget: _Budget, mtime: float,
            limits: ZipLimits) -> list[Source]:
    """Unpack one archive's members into ``dest``; nested zips recurse up to ``MAX_DEPTH``."""
    cap = replace(limits, max_total=min(limits.max_total, budget.bytes_left),
                  max_entries=min(limits.max_entries, budget.files_left))
    out: list[Source] = []
    with open_zip(path, cap, allow_encrypted=True) as zf:
        for k, info in enumerate(zf.infolist()):
            name = member_name(info)
            if name is None:
                continue
            member_rel = f"{rel}!/{name}"
            target = dest / f"m{k}{_suffix(name)}"
            if info.flag_bits & 0x1:  # kept as sent (still encrypted), so its hash is its own
                size = _copy_raw(path, info, target, budget)
                out.append(Source(member_rel, target, size, mtime, error="encrypted"))
                continue
            try:
                size = _copy_member(zf, info, target, budget)
            except UnreadableFile as e:
                if e.code == "archive_bomb":
                    raise
                out.append(Source(member_rel, path, info.compress_size, mtime, error=e.code))
                continue
            out.extend(_member_sources(Source(member_rel, target, size, mtime), dest / f"m{k}.d",
                                       depth, budget, limits))
    return out


def _member_sources(src: Source, sub: Path, depth: int, budget: _Budget, limits: ZipLimits) -> list[Source]:
    """A plain member as is; a nested zip expanded (or refused past ``MAX_DEPTH``)."""
    if not _is_zip(src.path):
        return [src]
    if depth >= MAX_DEPTH:
        return [replace(src, error="archive_bomb", error_variant="too_deep")]
    sub.mkdir(mode=0o700)
    try:
        inner = _expand(src.path, src.rel, sub, depth + 1, budget, src.mtime, limits)
    except UnreadableFile as e:
        log.warning("%s: nested archive not expanded: %s", src.rel, e)
        return [replace(src, error=e.code, error_variant=e.variant)]
    return inner or [replace(src, error="empty")]


def _is_zip(path: Path) -> bool:
    """Whether a listed file is a zip archive; one that cannot be opened is left to its reader."""
    try:
        return sniff(path) == "zip"
    except OSError:
        return False


def _copy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, budget: _Budget) -> int:
    """Copy one member, counting real bytes against the budget (declared sizes may lie)."""
    if budget.files_left <= 0:
        raise UnreadableFile("archive_bomb", "too many files in archive tree")
    written = 0
    try:
        with zf.open(info) as src, open(target, "xb") as dst:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > budget.bytes_left:
                    raise UnreadableFile("archive_bomb", f"{info.filename} inflates past the limit")
                dst.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as e:
        target.unlink(missing_ok=True)
        raise UnreadableFile("corrupt", f"{info.filename}: {e}") from None
    except UnreadableFile:
        target.unlink(missing_ok=True)
        raise
    budget.bytes_left -= written
    budget.files_left -= 1
    return written


def _copy_raw(path: Path, info: zipfile.ZipInfo, target: Path, budget: _Budget) -> int:
    """Copy a member's stored bytes without decompressing or decrypting them."""
    if info.compress_size > budget.bytes_left:
        raise UnreadableFile("archive_bomb", f"{info.filename} past the limit")
    with open(path, "rb") as f:
        f.seek(info.header_offset)
        header = f.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise UnreadableFile("corrupt", f"bad local header for {info.filename}")
        name_len, extra_len = struct.unpack_from("<HH", header, 26)
        f.seek(info.header_offset + 30 + name_len + extra_len)
        data = f.read(info.compress_size)
    with open(target, "xb") as dst:
        dst.write(data)
    budget.bytes_left -= len(data)
    return len(data)


def member_name(info: zipfile.ZipInfo) -> str | None:
    """The entry's name as the sender saw it, or ``None`` for entries that are skipped.

    Skipped: folders, links and other non-regular entries, absolute names,
    names climbing out with ``..``, and system droppings (``__MACOSX``, ``Thumbs.db``).
    """
    if info.is_dir():
        return None
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind not in (0, stat.S_IFREG):
        log.warning("skipping non-regular archive entry %r", info.filename)
        return None
    name = _CONTROL.sub("_", decode_name(info)).replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        log.warning("skipping absolute archive entry %r", name)
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        log.warning("skipping archive entry %r", name)
        return None
    if parts[0] == "__MACOSX" or any(is_junk(p) for p in parts):
        return None
    return "/".join(parts)


def decode_name(info: zipfile.ZipInfo) -> str:
    """Entry name: UTF-8 when flagged or carried in the Unicode extra field, else UTF-8/GBK/cp437.

    Without the UTF-8 flag ``zipfile`` decodes as cp437; the original bytes are
    recovered and tried as UTF-8 first (valid multi-byte UTF-8 is a strong sign),
    then as GBK (cp936, Chinese Windows), and left as cp437 when neither fits.
    """
    if info.flag_bits & 0x800:
        return info.filename
    unicode_path = _unicode_path(info)
    if unicode_path:
        return unicode_path
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _unicode_path(info: zipfile.ZipInfo) -> str | None:
    extra = info.extra
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4:i + 4 + size]
        if tag == _UNICODE_PATH_EXTRA and len(body) > 5 and body[0] == 1:
            crc = struct.unpack_from("<I", body, 1)[0]
            if crc == zlib.crc32(info.orig_filename.encode("cp437", "replace")) & 0xFFFFFFFF:
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return None
        i += 4 + size
    return None


def _suffix(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    return suffix if _SUFFIX.fullmatch(suffix) else ""
