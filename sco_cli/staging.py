"""Files and directories written whole or not at all.

Each target is checked before anything is written (an existing file or a non-empty directory
needs `force`), written under a temporary name in the directory it will live in, and renamed
into place only once every target has been written: a failure, or Ctrl-C, leaves the old files
as they were and removes what was half written.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from sco_cli.errors import ScoError, UsageError

Writer = Callable[[Path], None]  # writes the whole target at the path it is given


class Target:
    """One file (or directory, with `directory`) that `write` fills."""

    def __init__(self, path: Path, option: str, write: Writer, directory: bool = False,
                 force: bool = False) -> None:
        self.path = path
        self.option = option
        self.write = write
        self.directory = directory
        self.force = force
        self.temporary: Path | None = None

    def check(self) -> None:
        """Refuse, before anything is written, a target that cannot or may not be written."""
        parent = self.path.parent
        if not parent.is_dir():
            raise ScoError(f"{self.option}: no such directory: {parent}")
        try:
            mode = os.stat(self.path).st_mode
        except FileNotFoundError:
            return
        except OSError as err:
            raise ScoError(f"{self.option}: cannot use {self.path}: {err.strerror}") from None
        if self.directory:
            self._check_directory(mode)
        elif stat.S_ISDIR(mode):
            raise ScoError(f"{self.option}: {self.path} is a directory, not a file")
        elif not stat.S_ISREG(mode):
            raise ScoError(f"{self.option}: {self.path} exists and is not a regular file")
        elif not self.force:
            raise ScoError(f"{self.path} already exists", "add --force to overwrite it")

    def _check_directory(self, mode: int) -> None:
        if not stat.S_ISDIR(mode):
            raise ScoError(f"{self.option}: {self.path} exists and is not a directory")
        if not self.force and os.listdir(self.path):
            raise ScoError(f"{self.path} is not empty",
                           "add --force to replace the files sco writes there (other files "
                           "are left alone)")

    def stage(self) -> None:
        """Write the whole target under a temporary name beside it."""
        name = f".{self.path.name}.{secrets.token_hex(4)}.part"
        self.temporary = self.path.parent / name
        if self.directory:
            os.mkdir(self.temporary)
        else:
            self.temporary.touch(exist_ok=False)  # created as open() would: the umask applies
        self.write(self.temporary)

    def commit(self) -> None:
        """Put the staged target in place: a rename, file by file into a directory that is
        already there."""
        assert self.temporary is not None
        if self.directory and self.path.is_dir():
            for entry in sorted(os.listdir(self.temporary)):
                os.replace(self.temporary / entry, self.path / entry)
            os.rmdir(self.temporary)
        else:
            os.replace(self.temporary, self.path)
        self.temporary = None

    def discard(self) -> None:
        """Remove what was staged and not committed."""
        if self.temporary is None:
            return
        if self.temporary.is_dir():
            shutil.rmtree(self.temporary, ignore_errors=True)
        else:
            self.temporary.unlink(missing_ok=True)
        self.temporary = None


def check(targets: Sequence[Target]) -> None:
    """Refuse the whole export if any target may not be written; before any data is read."""
    seen: dict[str, str] = {}
    for target in targets:
        where = os.path.abspath(target.path)
        if where in seen:
            raise UsageError(f"{seen[where]} and {target.option} name the same path: {where}")
        seen[where] = target.option
        target.check()


def write(targets: Sequence[Target]) -> None:
    """Write every target, then put them all in place; a failure leaves nothing behind."""
    current = None
    try:
        for current in targets:
            current.stage()
        for current in targets:
            current.commit()
    except OSError as err:
        where = current.path if current is not None else ""
        raise ScoError(f"cannot write {where}: {err.strerror or err}") from None
    finally:
        for target in targets:
            target.discard()
