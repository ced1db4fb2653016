"""Build hook: the wheel carries the bundled dataset already parsed (sco_cli/compiled.py).

Every lookup is a fresh process, and parsing the TOML is most of what one costs; the
bundled data cannot change once installed, so it is parsed here, once, instead.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileData(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if sys.version_info >= (3, 11):
            import tomllib as toml
        else:
            import tomli as toml
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from sco_cli.compiled import NAME, build
        finally:
            sys.path.pop(0)
        target = Path(tempfile.mkdtemp()) / NAME
        target.write_bytes(build(root / "data", toml.loads))
        build_data["force_include"][str(target)] = f"sco_cli/data/{NAME}"
