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


def test_only_the_index_is_read_until_a_file_is_asked_for(bundled: Path) -> None:
    form = compiled.Compiled(bundled)
    assert set(form.files) == {p.name for p in bundled.glob("*.toml")}
    # what the index holds per file: a hash and where its two parts are, no tables
    assert all(isinstance(h, str) and len(t) == 2 and len(i) == 2
               for h, t, i in form.files.values())


def test_a_damaged_compiled_file_only_means_parsing_the_toml(bundled: Path) -> None:
    path = bundled / compiled.NAME
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 40])  # the last part cut short
    assert rows(Dataset(bundled)) == rows(Dataset(TINY))
    path.write_bytes(b"\xff" * 20)
    assert compiled.Compiled(bundled).files == {}
    assert rows(Dataset(bundled)) == rows(Dataset(TINY))


def test_the_hash_is_sha256_without_hashlib() -> None:
    import hashlib

    from sco_cli.files import sha256

    assert sha256(b"sco").hexdigest() == hashlib.sha256(b"sco").hexdigest()
    both = sha256(b"s")
    both.update(b"co")
    assert both.copy().hexdigest() == hashlib.sha256(b"sco").hexdigest()
