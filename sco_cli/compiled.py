"""The bundled dataset, parsed once when the wheel is built.

The wheel carries `data/compiled.marshal`, written by hatch_build.py: a short index, then for
each TOML file its parsed tables (strings, numbers, booleans, lists and tables only) and the
ids each kind kept in it defines, each marshalled apart. A run reads the index and then only
the parts a command asks for (reading all of it would cost more memory than the command
itself). Reading a part takes about a tenth of the time of parsing the TOML again. A file is
taken from it only when its bytes still have the recorded SHA-256, so an edited file is parsed
as usual, and only for the bundled data directory: `marshal` is never read from a directory
the user names.

Layout: 8 bytes (the index's length, little-endian), the index, then the parts. The index is
{"format": FORMAT, "files": {name: (sha256, (offset, length) of the tables, (offset, length)
of the ids)}}, offsets counted from the end of the index.
"""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

from sco_cli.files import sha256

NAME = "compiled.marshal"
FORMAT = 4  # bump when the layout of the compiled file changes
_LENGTH = 8


def build(data_dir: Path, parse: Any) -> bytes:
    """The compiled form of every TOML file in `data_dir`, parsed with `parse(text)`: for
    each, its hash, its tables and the ids each kind kept in it defines (which reference
    checks need without the tables)."""
    from sco_cli import kinds

    index: dict[str, Any] = {}
    parts: list[bytes] = []
    offset = 0

    def part(value: Any) -> tuple[int, int]:
        nonlocal offset
        blob = marshal.dumps(value)
        parts.append(blob)
        offset += len(blob)
        return offset - len(blob), len(blob)

    for path in sorted(data_dir.glob("*.toml")):
        content = path.read_bytes()
        parsed = parse(content.decode())
        ids = {}
        for kind in kinds.FILES:
            if kind.file == path.name and kind.key and isinstance(parsed.get(kind.key), list):
                ident = kind.ident or kinds.by("id")
                ids[kind.name] = sorted({key for t in parsed[kind.key]
                                         if isinstance(t, dict) and (key := ident(t))})
        index[path.name] = (sha256(content).hexdigest(), part(parsed), part(ids))
    head = marshal.dumps({"format": FORMAT, "files": index})
    return len(head).to_bytes(_LENGTH, "little") + head + b"".join(parts)


class Compiled:
    """The parsed tables of the bundled dataset, where they still match its files."""

    def __init__(self, root: Path) -> None:
        self.path = root / NAME
        self.files: dict[str, Any] = {}
        self._start = 0
        try:
            with self.path.open("rb") as stream:
                length = int.from_bytes(stream.read(_LENGTH), "little")
                if length > self.path.stat().st_size:
                    return
                loaded = marshal.loads(stream.read(length))
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
            self.files = loaded.get("files", {})
            self._start = _LENGTH + length

    def _part(self, where: tuple[int, int]) -> Any:
        offset, length = where
        try:
            with self.path.open("rb") as stream:
                stream.seek(self._start + offset)
                return marshal.loads(stream.read(length))
        except (OSError, EOFError, ValueError, TypeError):
            return None

    def _entry(self, name: str, content: bytes) -> Any:
        entry = self.files.get(name)
        if entry is None or entry[0] != sha256(content).hexdigest():
            return None
        return entry

    def tables(self, name: str, content: bytes) -> dict[str, Any] | None:
        """The parsed tables of file `name`, if its bytes are those compiled."""
        entry = self._entry(name, content)
        tables = self._part(entry[1]) if entry else None
        return tables if isinstance(tables, dict) else None

    def ids(self, name: str, kind: str, content: bytes) -> set[str] | None:
        """The ids kind `kind` defines in file `name`, if its bytes are those compiled."""
        entry = self._entry(name, content)
        ids = self._part(entry[2]) if entry else None
        if not isinstance(ids, dict) or kind not in ids:
            return None
        return set(ids[kind])

    def keep(self, name: str, content: bytes, tables: dict[str, Any]) -> None:
        """Nothing: the compiled form is made only when the wheel is built."""
