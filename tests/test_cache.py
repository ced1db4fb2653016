"""The cache of parsed files for a dataset the user names (SCO_CACHE_DIR, sco_cli/cache.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sco_cli import cache, dataset, kinds

from conftest import TINY, Cli, edit


def read_everything(root: Path) -> dict[str, object]:
    ds = dataset.Dataset(root)
    return {kind.name: ds.records(kind.name) for kind in kinds.FILES}


def entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.json")) if where.exists() else []


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("SCO_CACHE_DIR", str(where))
    return where


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts what the TOML parser is asked to read."""
    import tomli

    parsed: list[str] = []
    real = tomli.loads

    def counting(text: str, **kwargs: object) -> object:
        parsed.append(text)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tomli, "loads", counting)
    return parsed


def test_nothing_is_kept_unless_asked(tiny_copy: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SCO_CACHE_DIR"}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), SCO_DATA=str(tiny_copy))
    before = sorted(p.name for p in tiny_copy.iterdir())
    done = subprocess.run([sys.executable, "-m", "sco_cli", "summits", "--json"], env=env,
                          capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in tiny_copy.iterdir()) == before


def test_a_second_run_reads_the_cache_not_the_toml(
        tiny_copy: Path, cached: Path, no_parser: list[str]) -> None:
    first = read_everything(tiny_copy)
    assert len(entries(cached)) == len({kind.file for kind in kinds.FILES})
    assert len(no_parser) == len(entries(cached))
    no_parser.clear()
    assert read_everything(tiny_copy) == first
    assert no_parser == []
    assert not list(cached.glob(".entry-*")), "no temporary file is left behind"


def test_the_commands_answer_the_same_from_the_cache(tiny_copy: Path, cached: Path) -> None:
    cli = Cli(tiny_copy)
    cold = cli("summits", "--json")
    assert cold.exit_code == 0 and entries(cached)
    warm = cli("summits", "--json")
    assert warm.exit_code == 0
    assert warm.stdout == cold.stdout


def test_an_edited_file_is_parsed_again(tiny_copy: Path, cached: Path) -> None:
    read_everything(tiny_copy)
    edit(tiny_copy, "summits.toml", 'city = "Tianjin"', 'city = "Tientsin"')
    summits = dataset.Dataset(tiny_copy).records("summits")
    assert "Tientsin" in {s.city for s in summits}


def test_a_damaged_entry_is_a_miss(tiny_copy: Path, cached: Path) -> None:
    first = read_everything(tiny_copy)
    assert entries(cached)
    for entry in entries(cached):
        entry.write_bytes(b"\x00{not json")
    assert read_everything(tiny_copy) == first
    for entry in entries(cached):
        json.loads(entry.read_text(encoding="utf-8"))  # written again, whole


def test_validate_bypasses_the_cache(tiny_copy: Path, cached: Path, no_parser: list[str]) -> None:
    read_everything(tiny_copy)
    no_parser.clear()
    result = Cli(tiny_copy)("data", "validate")
    assert result.exit_code == 0, result.output
    assert len(no_parser) == len({kind.file for kind in kinds.FILES})


def test_validate_sees_what_a_wrong_entry_would_hide(tiny_copy: Path, cached: Path) -> None:
    read_everything(tiny_copy)
    edit(tiny_copy, "summits.toml", 'city = "Tianjin"', 'city = 7')
    # An entry for the edited bytes that claims the file is fine:
    content = (tiny_copy / "summits.toml").read_bytes()
    good = json.loads(next(iter(entries(cached))).read_text(encoding="utf-8"))
    (cached / f"{cache.key(content)}.json").write_text(json.dumps(good), encoding="utf-8")
    result = Cli(tiny_copy)("data", "validate")
    assert result.exit_code == 1
    assert "city" in result.stdout


def test_never_inside_the_dataset(tiny_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCO_CACHE_DIR", str(tiny_copy / "cache"))
    before = sorted(p.name for p in tiny_copy.iterdir())
    read_everything(tiny_copy)
    assert sorted(p.name for p in tiny_copy.iterdir()) == before
    monkeypatch.setenv("SCO_CACHE_DIR", str(tiny_copy))
    read_everything(tiny_copy)
    assert sorted(p.name for p in tiny_copy.iterdir()) == before


def test_not_for_the_bundled_data(cached: Path) -> None:
    read_everything(dataset.bundled_data_dir())
    assert entries(cached) == []


def test_an_unwritable_cache_only_costs_time(tiny_copy: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("SCO_CACHE_DIR", str(blocker / "cache"))
    assert read_everything(tiny_copy) == read_everything(TINY)


def test_toml_dates_are_not_kept(tmp_path: Path, cached: Path) -> None:
    keeper = cache.Cache(cached)
    keeper.keep("x.toml", b"when = 2001-06-15", {"when": __import__("datetime").date(2001, 6, 15)})
    assert entries(cached) == []
    keeper.keep("x.toml", b"n = 1.0", {"n": 1.0, "big": 10**30, "list": [1, "a"]})
    assert keeper.tables("x.toml", b"n = 1.0") == {"n": 1.0, "big": 10**30, "list": [1, "a"]}


def test_the_key_follows_the_bytes_the_version_and_the_interpreter(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sco_cli

    base = cache.key(b"a = 1")
    assert cache.key(b"a = 2") != base
    monkeypatch.setattr(sys, "version", sys.version + " other")
    assert cache.key(b"a = 1") != base
    monkeypatch.undo()
    monkeypatch.setattr(sco_cli, "__version__", "999.0", raising=False)
    assert cache.key(b"a = 1") != base


def test_two_processes_racing_leave_whole_entries(tiny_copy: Path, cached: Path) -> None:
    env = dict(os.environ, SCO_DATA=str(tiny_copy), SCO_CACHE_DIR=str(cached))
    runs = [subprocess.Popen([sys.executable, "-m", "sco_cli", "search", "tianjin", "--json"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(4)]
    outputs = [run.communicate() for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert len({out for out, _ in outputs}) == 1
    for entry in entries(cached):
        json.loads(entry.read_text(encoding="utf-8"))
    assert not list(cached.glob(".entry-*"))
