"""Reading a data file: a regular file only, and never more of it than asked.

Anything else is refused before it is opened: a FIFO named summits.toml would block every
command (and tab completion) until a writer came, a device may never end. The open itself
does not block either, and what was opened is checked again, in case the path changed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from sco_cli.errors import DataError, Problem


def read_regular(path: Path, limit: int) -> bytes:
    """The first `limit` bytes of the regular file at `path`, or DataError saying why not."""
    where = str(path)
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                kind = _not_regular(os.fstat(handle.fileno()).st_mode)
                if kind is None:
                    return handle.read(limit)
    except FileNotFoundError:
        raise DataError([Problem(where, None, None, "file not found")]) from None
    except OSError as err:
        raise DataError([Problem(where, None, None, f"cannot read: {err.strerror}")]) from None
    raise DataError([Problem(where, None, None, f"is {kind}, not a regular file")])


def _not_regular(mode: int) -> str | None:
    """None for a regular file, else what it is: 'a FIFO (named pipe)', 'a directory'..."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def sha256(content: bytes = b"") -> Any:
    """A SHA-256 hash object, as hashlib's, from the interpreter's own module: importing
    hashlib loads OpenSSL, which costs every run that checks a file's hash 1 to 3.5 MiB of
    memory (measured on Python 3.11), for the same digest. hashlib where neither is built."""
    global _sha256
    if _sha256 is None:
        try:
            from _sha2 import sha256 as make  # type: ignore[import-not-found]  # 3.12 on
        except ImportError:
            try:
                from _sha256 import sha256 as make  # type: ignore[import-not-found]  # to 3.11
            except ImportError:
                from hashlib import sha256 as make
        _sha256 = make
    return _sha256(content)


_sha256: Any = None  # the constructor, found once per run
