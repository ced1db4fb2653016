"""The bundled dataset, parsed once when the wheel is built.

The wheel carries `data/compiled.marshal`: each TOML file's SHA-256 and its parsed tables
(strings, numbers, booleans, lists and tables only), written by hatch_build.py. Reading it
takes about a tenth of the time of parsing the TOML again. A file is taken from it only when
its bytes still have the recorded hash, so an edited file is parsed as usual, and only for
the bundled data directory: `marshal` is never read from a directory the user names.
"""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

NAME = "compiled.marshal"
FORMAT = 3  # bump when the layout of the compiled file changes


def build(data_dir: Path, parse: Any) -> bytes:
    """The compiled form of every TOML file in `data_dir`, parsed with `parse(text)`: for
    each, its hash, its tables (marshalled apart, read back only if a command asks) and the
    ids each kind kept in it defines (which reference checks need without the tables)."""
    from sco_cli import kinds

    files = {}
    for path in sorted(data_dir.glob("*.toml")):
        content = path.read_bytes()
        parsed = parse(content.decode())
        ids = {}
        for kind in kinds.FILES:
            if kind.file == path.name and kind.key and isinstance(parsed.get(kind.key), list):
                ident = kind.ident or kinds.by("id")
                ids[kind.name] = sorted({key for t in parsed[kind.key]
                                         if isinstance(t, dict) and (key := ident(t))})
        files[path.name] = (hashlib.sha256(content).hexdigest(), marshal.dumps(parsed), ids)
    return marshal.dumps({"format": FORMAT, "files": files})


class Compiled:
    """The parsed tables of the bundled dataset, where they still match its files."""

    def __init__(self, root: Path) -> None:
        self.files: dict[str, Any] = {}
        try:
            loaded = marshal.loads((root / NAME).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
            self.files = loaded.get("files", {})

    def tables(self, name: str, content: bytes) -> dict[str, Any] | None:
        """The parsed tables of file `name`, if its bytes are those compiled."""
        entry = self.files.get(name)
        if entry is None or entry[0] != hashlib.sha256(content).hexdigest():
            return None
        tables: dict[str, Any] = marshal.loads(entry[1])
        return tables

    def ids(self, name: str, kind: str, content: bytes) -> set[str] | None:
        """The ids kind `kind` defines in file `name`, if its bytes are those compiled."""
        entry = self.files.get(name)
        if entry is None or kind not in entry[2] or (
                entry[0] != hashlib.sha256(content).hexdigest()):
            return None
        return set(entry[2][kind])

    def keep(self, name: str, content: bytes, tables: dict[str, Any]) -> None:
        """Nothing: the compiled form is made only when the wheel is built."""
