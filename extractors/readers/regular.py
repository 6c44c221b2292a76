"""Opening a received file only if it is a regular file: a FIFO or a device put in the inbox
(or swapped in after the listing) must never block the run or be read."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO for reading would otherwise wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file; raise ``OSError`` for anything else."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(f"not a regular file: {path}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
