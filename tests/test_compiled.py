"""The bundled data parsed when the wheel is built: used only where it still holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomli

from sco_cli import compiled, contract, dataset, kinds
from sco_cli.dataset import Dataset

from conftest import TINY


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the tiny dataset, compiled, standing for the bundled data."""
    root = tmp_path / "data"
    shutil.copytree(TINY, root)
    (root / compiled.NAME).write_bytes(compiled.build(root, tomli.loads))
    monkeypatch.setattr(dataset, "bundled_data_dir", lambda: root)
    return root


def rows(ds: Dataset) -> dict[str, list[object]]:
    return {kind.name: [contract.row(kind, ds, r) for r in ds.records(kind.name)]
            for kind in kinds.RECORDS}


def test_the_compiled_form_gives_the_same_records(bundled: Path) -> None:
    ds = Dataset(bundled)
    assert ds._compiled() is not None
    assert rows(ds) == rows(Dataset(TINY))
    assert Dataset(bundled).validate_all() == []


def test_an_edited_file_is_parsed_again(bundled: Path) -> None:
    path = bundled / "summits.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('city = "Tianjin"',
                                                              'city = "Tientsin"'),
                    encoding="utf-8")
    summit = Dataset(bundled).get("summits", "chs-2025")
    assert summit.city == "Tientsin"


def test_a_compiled_file_elsewhere_is_never_read(tmp_path: Path, bundled: Path) -> None:
    other = tmp_path / "mine"
    shutil.copytree(bundled, other)
    assert Dataset(other)._compiled() is None  # only the bundled directory's is trusted


def test_ids_come_from_the_compiled_form_without_the_tables(bundled: Path) -> None:
    ds = Dataset(bundled)
    ds.records("countries")  # checks references into summits.toml and sources.toml
    assert "summits.toml" not in ds.files_read()
