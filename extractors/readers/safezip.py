"""Opening OOXML/zip containers with size, ratio and count limits checked first.

Python's zipfile checks no sizes (PITFALLS: Office and archives), so every
container is vetted from its central directory before any member is read,
and a member is read with a hard cap on the bytes it may inflate to.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from model import UnreadableFile


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 10_000
    max_total: int = 512 * 1024 * 1024  # uncompressed bytes in all members
    max_member: int = 256 * 1024 * 1024
    max_ratio: int = 200  # uncompressed / compressed, for members larger than 1 MiB


LIMITS = ZipLimits()


def open_zip(path: Path, limits: ZipLimits = LIMITS, allow_encrypted: bool = False) -> zipfile.ZipFile:
    """Open ``path`` as a zip after checking it cannot explode.

    An encrypted member makes the whole container ``encrypted`` unless
    ``allow_encrypted`` (archives, whose other members stay readable).
    """
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as e:
        raise UnreadableFile("corrupt", f"bad zip: {e}") from None
    except OSError as e:
        raise UnreadableFile("corrupt", str(e)) from None
    try:
        check_zip(zf, limits, allow_encrypted)
    except UnreadableFile:
        zf.close()
        raise
    return zf


def check_zip(zf: zipfile.ZipFile, limits: ZipLimits = LIMITS, allow_encrypted: bool = False) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise UnreadableFile("archive_bomb", f"{len(infos)} entries")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1 and not allow_encrypted:
            raise UnreadableFile("encrypted", f"encrypted member {info.filename}")
        total += info.file_size
        if info.file_size > limits.max_member or total > limits.max_total:
            raise UnreadableFile("archive_bomb", f"uncompressed size {total}")
        if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise UnreadableFile("archive_bomb", f"ratio of {info.filename}")


def read_member(zf: zipfile.ZipFile, name: str, limits: ZipLimits = LIMITS) -> bytes:
    """Read one member, never inflating more than ``max_member`` bytes."""
    try:
        with zf.open(name) as f:
            data = f.read(limits.max_member + 1)
    except KeyError:
        raise UnreadableFile("corrupt", f"missing member {name}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        raise UnreadableFile("corrupt", f"{name}: {e}") from None
    except NotImplementedError as e:  # unsupported compression method
        raise UnreadableFile("corrupt", f"{name}: {e}") from None
    if len(data) > limits.max_member:
        raise UnreadableFile("archive_bomb", f"{name} inflates past the limit")
    return data
