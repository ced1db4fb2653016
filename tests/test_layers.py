"""The package's layers (README, Development): a module imports only from its own layer and
the layers above it. Imports made only for type checking do not count."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sco_cli"

LAYERS = [
    "model shapes errors dates names numbers wording characters",
    "kinds derive checks",
    "files loader compiled cache dataset",
    "query search timeline answers people controls",
    "contract render output pager streams export cite staging reference",
    "cli api",
]
LAYER = {name: rank for rank, names in enumerate(LAYERS) for name in names.split()}
ENTRY = {"__init__", "__main__"}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def top(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def type_only(tree: ast.Module) -> set[int]:
    """Line numbers of the imports under `if TYPE_CHECKING:`."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    lines.add(getattr(sub, "lineno", -1))
    return lines


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, first part below sco_cli) of every run-time import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = type_only(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            parts = node.module.split(".")
            if parts[0] != "sco_cli":
                continue
            if len(parts) > 1:
                found.append((node.lineno, parts[1]))
            else:
                found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(
                (node.lineno, alias.name.split(".")[1])
                for alias in node.names
                if alias.name.startswith("sco_cli.")
            )
    return found


def test_every_module_has_a_layer() -> None:
    unplaced = {top(p) for p in modules()} - set(LAYER) - ENTRY
    assert not unplaced, f"place these modules in a layer (README, Development): {unplaced}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_only_upwards(path: Path) -> None:
    me = top(path)
    if me in ENTRY:
        return
    wrong = [
        f"line {line}: {me} ({LAYER[me] + 1}) imports {name} ({LAYER[name] + 1})"
        for line, name in imported(path)
        if name in LAYER and LAYER[name] > LAYER[me]
    ]
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "from sco_cli import render\n"
        "if TYPE_CHECKING:\n"
        "    from sco_cli.cli import base\n"
        "def f():\n"
        "    from sco_cli.output import emit\n",
        encoding="utf-8",
    )
    assert imported(sample) == [(2, "render"), (6, "output")]
