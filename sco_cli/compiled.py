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
FORMAT = 1  # bump when the layout of the compiled file changes


def build(data_dir: Path, parse: Any) -> bytes:
    """The compiled form of every TOML file in `data_dir`, parsed with `parse(text)`."""
    files = {}
    for path in sorted(data_dir.glob("*.toml")):
        content = path.read_bytes()
        files[path.name] = (hashlib.sha256(content).hexdigest(), parse(content.decode()))
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
        tables: dict[str, Any] = entry[1]
        return tables
