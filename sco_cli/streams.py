"""The standard streams and the terminal's size as sco finds them, hostile or not.

Data goes to stdout, messages to stderr, and neither may turn a failure into a success:

- a standard descriptor closed at start (`sco members >&-`) is reopened on the null device,
  so that no file sco opens takes its number and receives what was meant for the stream; a
  closed stdout then refuses what is written to it (the run fails with status 1, as `cat`
  does), a closed stderr swallows it;
- a message that cannot be written (stderr closed, full or a broken pipe) is lost, and the
  exit status stays what it was;
- COLUMNS, LINES and Typer's TERMINAL_WIDTH that are not whole numbers in range are taken out
  of the environment, so that neither Rich, Click nor Typer reads them (Rich would crash on
  '²', draw nothing at 0 and take gigabytes at 10**9).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

from sco_cli.numbers import whole

SIZES = {"COLUMNS": (20, 1000), "TERMINAL_WIDTH": (20, 1000), "LINES": (1, 1000)}


def terminal_size(name: str) -> int | None:
    """COLUMNS, LINES or TERMINAL_WIDTH, if it is a whole number in its range."""
    return whole(os.environ.get(name), *SIZES[name])


def unusable(name: str) -> bool:
    """True if the variable holds something that must not be read as a size."""
    return bool(os.environ.get(name)) and terminal_size(name) is None


def drop_unusable_sizes() -> None:
    for name in SIZES:
        if name in os.environ and terminal_size(name) is None:
            del os.environ[name]


def reopen_closed() -> None:
    """Put the null device on any of descriptors 0-2 that is closed, and stand-ins for the
    streams Python could not open on them."""
    for fd, flags in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        devnull = os.open(os.devnull, flags)
        if devnull != fd:
            os.dup2(devnull, fd)
            os.close(devnull)
    if sys.stdout is None:
        sys.stdout = ClosedStream(1)
    if sys.stderr is None:
        sys.stderr = ClosedStream(2)


def point_at_null(fd: int) -> None:
    """Send whatever is still written to `fd` nowhere (after the reader went away, or after a
    write failed), so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def cannot_write(err: OSError) -> None:
    """The output could not be written (a full disk, a closed stdout): say so on stderr, and
    send what is left nowhere."""
    from sco_cli import output
    from sco_cli.errors import ScoError

    reason = "stdout is closed" if err.errno == errno.EBADF else (err.strerror or str(err))
    output.error(ScoError(f"cannot write the output: {reason}"))
    point_at_null(1)


class ClosedStream:
    """Stands for a standard stream that was closed when sco started: writing text to it
    fails as writing to a closed descriptor does."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def write(self, data: str) -> int:
        if not isinstance(data, str):
            raise TypeError("write() argument must be str")  # Click probes with b""
        if data:
            name = "stdout" if self._fd == 1 else "stderr"
            raise OSError(errno.EBADF, f"{name} is closed")
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self._fd


class MessageGuard:
    """stderr, where a message that cannot be written is lost, never fatal: the exit status
    says what happened."""

    lost = False

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> int:
        if not MessageGuard.lost:
            try:
                self._stream.write(data)
            except OSError:
                self._give_up()
        return len(data)

    def flush(self) -> None:
        if not MessageGuard.lost:
            try:
                self._stream.flush()
            except OSError:
                self._give_up()

    def _give_up(self) -> None:
        MessageGuard.lost = True
        point_at_null(2)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()  # what is still buffered goes to the null device now

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # Click writes to the buffer of a stream it distrusts
            raise AttributeError(name)
        return getattr(self._stream, name)
