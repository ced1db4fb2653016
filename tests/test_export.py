"""`sco export`: the SQLite file opened with sqlite3, the JSON document against each command's
--json, the CSV files against the tables; never an overwrite without --force, never a partial
file. Tables and kinds come from the registry, as the export's do."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import sco_cli
from sco_cli import contract, export, kinds, model
from sco_cli.dataset import Dataset

from conftest import TINY, Cli

LISTED = [kind for kind in kinds.RECORDS if kind.command]


def command_rows(cli: Cli, kind: kinds.Kind) -> list[dict[str, Any]]:
    """Every row a kind's command prints with --json. Meetings are listed one council at a
    time (`--council` has no 'all' yet)."""
    assert kind.command is not None
    councils = model.COUNCILS if kind is kinds.SUMMITS else (None,)
    rows = []
    for council in councils:
        extra = ["--council", council] if council else []
        result = cli(kind.command, *extra, "--json")
        assert result.exit_code == 0, result.output
        rows += json.loads(result.stdout)
    return rows


def cell(value: Any) -> Any:
    """A JSON value as the export stores it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


@pytest.fixture
def database(cli: Cli, tmp_path: Path) -> sqlite3.Connection:
    path = tmp_path / "sco.db"
    result = cli("export", "--sqlite", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {path} (SQLite)" in result.stderr
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def table_names(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def test_sqlite_has_a_table_per_kind_with_the_rows_of_its_command(
        cli: Cli, database: sqlite3.Connection) -> None:
    for kind in LISTED:
        expected = command_rows(cli, kind)
        key = kind.id_field
        stored = {r[key]: dict(r) for r in database.execute(f'SELECT * FROM "{kind.name}"')}
        assert len(stored) == len(expected), kind.name
        for row in expected:
            assert stored[row[key]] == {field: cell(value) for field, value in row.items()}


def test_sqlite_countries_people_and_organisation(cli: Cli,
                                                   database: sqlite3.Connection) -> None:
    members = json.loads(cli("members", "--json").stdout)
    codes = [r[0] for r in database.execute("SELECT code FROM countries")]
    assert sorted(codes) == sorted(m["code"] for m in members)
    people = [dict(r) for r in database.execute("SELECT * FROM people")]
    assert [p["id"] for p in people] == ["emomali-rahmon"]
    assert json.loads(people[0]["aliases"]) == ["Emomali Rakhmonov"]
    organisation = database.execute("SELECT id, abbreviation FROM organisation").fetchall()
    assert [tuple(r) for r in organisation] == [("organisation", "SCO")]


def test_sqlite_nested_tables_have_a_row_per_item(database: sqlite3.Connection) -> None:
    tiny = Dataset(TINY)
    participants = database.execute(
        "SELECT summit_id, position, name FROM summit_participants "
        "ORDER BY summit_id, position").fetchall()
    expected = sorted((s.id, i, p.name) for s in tiny.records("summits")
                      for i, p in enumerate(s.participants, start=1))
    assert [tuple(r) for r in participants] == expected
    history = database.execute(
        "SELECT country_code, position, status, start FROM country_history").fetchall()
    assert sorted(tuple(r) for r in history) == sorted(
        (c.code, i, h.status, h.start) for c in tiny.records("countries")
        for i, h in enumerate(c.history, start=1))


def test_sqlite_keys_types_and_foreign_keys(database: sqlite3.Connection) -> None:
    for name in table_names(database):
        info = database.execute(f'PRAGMA table_info("{name}")').fetchall()
        assert {r["type"] for r in info} <= {"TEXT", "INTEGER", "REAL"}, name
        assert any(r["pk"] for r in info), f"{name} has no primary key"
    database.execute("PRAGMA foreign_keys = ON")
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    links = {(r["table"], r["from"], r["to"]) for name in table_names(database)
             for r in database.execute(f'PRAGMA foreign_key_list("{name}")')}
    assert {("countries", "host", "code"), ("sources", "source_id", "id"),
            ("summits", "decision", "id"), ("summits", "summit_id", "id")} <= links


def test_sqlite_citations_name_every_source_of_every_record(
        database: sqlite3.Connection) -> None:
    rows = database.execute("SELECT kind, record_id, field, source_id FROM citations")
    cited = {tuple(r) for r in rows}
    assert ("summits", "chs-2025", "sources", "gamma-2025-09-01") in cited
    assert ("summits", "chs-2025", "participants.variants.sources", "beta-2019") in cited
    assert ("countries", "TUR", "history.sources", "gamma-2025-09-01") in cited
    assert ("people", "emomali-rahmon", "sources", "alpha-2001-06-15") in cited
    for kind, record, _, _ in cited:  # every citing record is in its table
        key, _ = export.key_column(kinds.BY_NAME[kind])
        found = database.execute(f'SELECT 1 FROM "{kind}" WHERE "{key}" = ?', (record,))
        assert found.fetchone(), (kind, record)
    unused = database.execute(
        "SELECT id FROM sources WHERE id NOT IN (SELECT source_id FROM citations)")
    assert unused.fetchall() == []


def test_sqlite_metadata(database: sqlite3.Connection) -> None:
    metadata = dict(database.execute("SELECT key, value FROM metadata").fetchall())
    assert metadata["dataset_version"] == "2000.01.02"
    assert metadata["dataset_as_of"] == "2025-12-31"
    assert metadata["dataset_licence"] == "CC0 1.0"
    assert metadata["tool_version"] == sco_cli.__version__


def test_json_export_holds_each_commands_json(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--json-file", "-")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert list(document) == [kind.name for kind in kinds.FILES]
    for kind in LISTED:
        key = kind.id_field
        by_id = {row[key]: row for row in command_rows(cli, kind)}
        assert {row[key]: row for row in document[kind.name]} == by_id, kind.name
        if kind is not kinds.SUMMITS:  # in the command's order too
            assert document[kind.name] == command_rows(cli, kind)
    assert document["dataset"]["version"] == "2000.01.02"
    assert document["organisation"]["abbreviation"] == "SCO"
    assert [c["code"] for c in document["countries"]] == [
        c.code for c in Dataset(TINY).records("countries")]
    path = tmp_path / "sco.json"
    assert cli("export", "--json-file", str(path)).stdout == ""
    assert json.loads(path.read_text(encoding="utf-8")) == document


def test_csv_files_are_the_sqlite_tables(cli: Cli, tmp_path: Path,
                                          database: sqlite3.Connection) -> None:
    target = tmp_path / "csv"
    result = cli("export", "--csv-dir", str(target))
    assert result.exit_code == 0, result.output
    names = table_names(database)
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{n}.csv" for n in names)
    for name in names:
        with open(target / f"{name}.csv", encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        info = database.execute(f'PRAGMA table_info("{name}")').fetchall()
        stored = database.execute(f'SELECT * FROM "{name}"').fetchall()
        assert rows[0] == [r["name"] for r in info]
        real = [r["type"] == "REAL" for r in info]  # 245 in the CSV (as in JSON) is 245.0 here
        read = [[float(v) if r and v else v for v, r in zip(row, real, strict=True)]
                for row in rows[1:]]
        assert read == [["" if v is None else v if r else str(v)
                         for v, r in zip(row, real, strict=True)] for row in stored], name


def test_the_summary_counts_every_table(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--sqlite", str(tmp_path / "a.db"), "--csv-dir",
                 str(tmp_path / "csv"))
    assert result.exit_code == 0, result.output
    found = export.tables(Dataset(TINY))
    total = sum(len(t.rows) for t in found)
    assert f"(CSV files): {len(found)} tables, {total:,} rows" in result.stderr
    shown = " ".join(result.stderr.split())
    for table in found:
        assert f"{table.name} {len(table.rows)}" in shown


def test_json_only_counts_kinds(cli: Cli) -> None:
    result = cli("export", "--json-file", "-")
    assert f"Wrote JSON to stdout: {len(kinds.FILES)} kinds" in result.stderr


def test_a_target_is_required_and_options_do_not_clash(cli: Cli, tmp_path: Path) -> None:
    for args in ([], ["--sqlite", "-"], ["--csv-dir", "-"], ["--sqlite", ""],
                 ["--json"], ["--sqlite", str(tmp_path / "x"), "--json-file",
                              str(tmp_path / "x")]):
        result = cli("export", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
    assert "give at least one of --sqlite FILE" in cli("export").stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_needs_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "sco.db"
    path.write_text("keep me", encoding="utf-8")
    result = cli("export", "--sqlite", str(path))
    assert result.exit_code == 1
    assert f"Error: {path} already exists" in result.stderr
    assert "--force" in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me"
    result = cli("export", "--sqlite", str(path), "--force")
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sources").fetchone() == (3,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sco.db"]


def test_nothing_is_written_if_any_target_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text("{}", encoding="utf-8")
    result = cli("export", "--sqlite", str(tmp_path / "new.db"), "--json-file",
                 str(tmp_path / "old.json"))
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]


def test_a_directory_that_is_not_empty_needs_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "csv"
    target.mkdir()
    assert cli("export", "--csv-dir", str(target)).exit_code == 0  # empty: fine
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    (target / "sources.csv").write_text("stale", encoding="utf-8")
    result = cli("export", "--csv-dir", str(target))
    assert result.exit_code == 1
    assert "is not empty" in result.stderr
    assert (target / "sources.csv").read_text(encoding="utf-8") == "stale"
    assert cli("export", "--csv-dir", str(target), "--force").exit_code == 0
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"  # left alone
    assert (target / "sources.csv").read_text(encoding="utf-8").startswith("id,title,")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("option", ["--sqlite", "--json-file", "--csv-dir"])
def test_paths_that_cannot_be_written_are_refused(cli: Cli, tmp_path: Path,
                                                  option: str) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    wrong = "file" if option == "--csv-dir" else "dir"
    for path in (tmp_path / "missing" / "out", tmp_path / wrong):
        result = cli("export", option, str(path), "--force")
        assert result.exit_code == 1, (path, result.output)
        assert result.stderr.startswith(f"Error: {option}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir", "file"]


def failing_after(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the SQLite export fail, as a full disk would, after `count` tables."""
    made = []
    real = export.create

    def create(table: export.Table) -> str:
        made.append(table.name)
        if len(made) > count:
            raise sqlite3.OperationalError("database or disk is full")
        return real(table)

    monkeypatch.setattr(export, "create", create)


def test_a_failure_leaves_no_partial_file(cli: Cli, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    failing_after(3, monkeypatch)
    result = cli("export", "--sqlite", str(tmp_path / "sco.db"), "--csv-dir",
                 str(tmp_path / "csv"), "--json-file", str(tmp_path / "sco.json"))
    assert result.exit_code == 1
    assert f"Error: cannot write {tmp_path / 'sco.db'}: database or disk is full" in (
        result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_keeps_the_old_file(cli: Cli, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sco.db"
    assert cli("export", "--sqlite", str(path)).exit_code == 0
    before = path.read_bytes()
    failing_after(5, monkeypatch)
    assert cli("export", "--sqlite", str(path), "--force").exit_code == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sco.db"]


def test_a_failure_in_the_last_target_writes_none(cli: Cli, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(found: list[export.Table], directory: Path) -> None:
        (directory / "half.csv").write_text("id\n", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_csv", broken)
    result = cli("export", "--sqlite", str(tmp_path / "sco.db"), "--csv-dir",
                 str(tmp_path / "csv"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_interruption_leaves_no_partial_file(cli: Cli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(ds: Dataset, path: Path) -> None:
        path.write_text("{", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(export, "write_json", interrupted)
    cli("export", "--json-file", str(tmp_path / "sco.json"))
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_dataset_is_not_exported(tiny_copy: Path, tmp_path: Path) -> None:
    from conftest import edit

    edit(tiny_copy, "summits.toml", 'host = "CHN"', 'host = "XXX"')
    result = Cli(tiny_copy)("export", "--sqlite", str(tmp_path / "sco.db"))
    assert result.exit_code == 1
    assert "the dataset is invalid" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_files_are_created_as_open_would(cli: Cli, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        cli("export", "--sqlite", str(tmp_path / "sco.db"), "--csv-dir", str(tmp_path / "c"))
    finally:
        os.umask(old)
    assert (tmp_path / "sco.db").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "c").stat().st_mode & 0o777 == 0o755


def test_every_kind_has_a_table_and_json_fields_are_its_columns() -> None:
    found = {t.name: t for t in export.tables(Dataset(TINY))}
    for kind in export.exported():
        columns = [c.name for c in found[kind.name].columns]
        key, added = export.key_column(kind)
        assert columns == ([key] if added else []) + list(contract.fields(kind))
