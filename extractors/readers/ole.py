"""Whether a binary Office file (.doc/.wps, .xls/.et) is password-protected.

A protected file is still a valid OLE2 container; LibreOffice then stops at a password
prompt it cannot show and the file would pass for ``corrupt``. The flag that says so is
in the first bytes of the document stream: ``fEncrypted`` in the Word FIB, a ``FILEPASS``
record right after the workbook's ``BOF``. olefile finds the streams.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

_FIB_FLAGS = slice(10, 12)  # FibBase: wIdent, nFib, unused, lid, pnNext, then the flags word
_F_ENCRYPTED = 0x0100
_BIFF_FILEPASS = 0x002F
_BIFF_BOF = (0x0809, 0x0209, 0x0409, 0x0009)
_RECORDS_TO_SCAN = 64  # FILEPASS follows BOF (and a few header records in old files)


def is_password_protected(path: Path) -> bool:
    """True when the .doc/.xls family file at ``path`` says it is encrypted; False when it does not
    or cannot be parsed as OLE2 (the reader then says what is wrong)."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("WordDocument"):
                fib = ole.openstream("WordDocument").read(12)
                return len(fib) == 12 and bool(int.from_bytes(fib[_FIB_FLAGS], "little") & _F_ENCRYPTED)
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    return _filepass(ole.openstream(name).read(64 * 1024))
    except Exception as e:  # noqa: BLE001 - a broken container is the reader's to report
        log.info("%s: not inspected as OLE2 (%s)", path.name, e)
    return False


def _filepass(data: bytes) -> bool:
    at = 0
    for _ in range(_RECORDS_TO_SCAN):
        if at + 4 > len(data):
            return False
        kind, size = int.from_bytes(data[at:at + 2], "little"), int.from_bytes(data[at + 2:at + 4], "little")
        if kind == _BIFF_FILEPASS:
            return True
        if at == 0 and kind not in _BIFF_BOF:
            return False
        at += 4 + size
    return False
