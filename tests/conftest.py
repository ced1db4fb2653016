"""Shared fixtures: the tiny hand-written dataset and a runner for the CLI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sco_cli import dataset, query
from sco_cli.cli import app

TINY = Path(__file__).parent / "data" / "tiny"

# Tests that draw on a pseudo-terminal compare what it shows: never a pager waiting for keys
# (the pager has tests of its own, which set SCO_PAGER themselves).
os.environ["SCO_PAGER"] = "cat"
# A cache the developer's shell asks for must not change what the tests read.
os.environ.pop("SCO_CACHE_DIR", None)


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Each test parses its dataset afresh, as each run of `sco` does."""
    dataset.load.cache_clear()
    query._country_index.cache_clear()
    yield
    dataset.load.cache_clear()
    query._country_index.cache_clear()


@pytest.fixture
def tiny() -> dataset.Dataset:
    return dataset.Dataset(TINY)


@pytest.fixture
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny dataset, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(TINY, target)
    return target


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Replace `old` (which must be there) with `new` in one file of a dataset copy."""
    path = root / name
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {name}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


class Cli:
    """Runs `sco` in-process against a dataset, with a clean environment."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Result:
        full_env = {"SCO_DATA": str(self.data), "NO_COLOR": None, "FORCE_COLOR": None,
                    "COLUMNS": "100", "TERM": "xterm"}
        full_env.update(env or {})
        return self.runner.invoke(app, list(args), env=full_env, prog_name="sco")


@pytest.fixture
def cli() -> Cli:
    return Cli(TINY)
