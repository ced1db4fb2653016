"""A cache of parsed TOML for datasets the user names (`--data`, SCO_DATA), off unless asked.

Set SCO_CACHE_DIR to a directory and sco keeps there the parsed tables of each data file it
reads, so the next run skips parsing a file whose bytes are unchanged. It is off by default,
since sco writes nothing the user did not ask for. An entry is keyed by a SHA-256 over the
file's bytes, this cache's format, the sco version and the Python version, so an edited file,
a new release or another interpreter never sees a stale entry. Entries are JSON (never
executable, never a format that can crash the reader when damaged): a damaged or unreadable
entry is a miss. They are written to a temporary file and renamed into place, so two runs
racing leave one whole entry. The cache is never used when its directory lies inside the
dataset, and `sco data validate` bypasses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from sco_cli.files import sha256

FORMAT = 1  # bump when the layout of an entry changes
ENV = "SCO_CACHE_DIR"


def directory(root: Path) -> Path | None:
    """The cache directory SCO_CACHE_DIR names, or None when it is unset or lies inside the
    dataset `root` (whose files sco never adds to)."""
    value = os.environ.get(ENV, "")
    if not value:
        return None
    where = Path(value).expanduser().absolute()
    try:
        resolved, dataset = where.resolve(), root.resolve()
    except OSError:
        return None
    return None if resolved == dataset or dataset in resolved.parents else where


def salt() -> Any:
    """The hash of what an entry's name depends on besides the file: this cache's format, the
    sco version and the Python version."""
    import sco_cli

    digest = sha256()
    for part in (f"sco-cache {FORMAT}", sco_cli.__version__, sys.version):
        digest.update(part.encode() + b"\0")
    return digest


def key(content: bytes, salted: Any = None) -> str:
    """The name of the entry for a file with these bytes, under this code and interpreter
    (`salted`: what salt() returned, when it is known already)."""
    digest = (salted or salt()).copy()
    digest.update(content)
    return str(digest.hexdigest())


class Cache:
    """Parsed tables kept in one directory, with the interface of compiled.Compiled."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self._salt = salt()  # the version comes from package metadata: read it once
        self._keys: dict[str, tuple[bytes, str]] = {}  # a miss is followed by keep()

    def _entry(self, name: str, content: bytes) -> Path:
        known = self._keys.get(name)
        if known is None or known[0] is not content:
            known = self._keys[name] = (content, key(content, self._salt))
        return self.where / f"{known[1]}.json"

    def tables(self, name: str, content: bytes) -> dict[str, Any] | None:
        """The parsed tables of a file with these bytes, if an entry is kept; else None."""
        try:
            tables = json.loads(self._entry(name, content).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return tables if isinstance(tables, dict) else None

    def ids(self, name: str, kind: str, content: bytes) -> set[str] | None:
        return None  # the tables themselves are cheap enough from here

    def keep(self, name: str, content: bytes, tables: dict[str, Any]) -> None:
        """Keep the tables parsed from a file with these bytes; quietly nothing if they hold
        what JSON cannot say exactly (TOML dates and times) or the directory is not
        writable: the cache only ever saves time."""
        try:
            text = json.dumps(tables, ensure_ascii=False, default=_refuse)
        except (TypeError, ValueError):
            return
        try:
            self.where.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.where, prefix=".entry-", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, self._entry(name, content))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _refuse(value: object) -> Any:
    raise TypeError(f"not kept in the cache: {type(value).__name__}")
