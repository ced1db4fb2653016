"""The whole dataset at once: an SQLite database, one JSON document, a directory of CSV files.

Everything follows the registry (kinds.py), with no code for any one kind:

- one table per kind of record, its columns the kind's JSON fields (`contract.fields`), nested
  values as JSON text, a primary key on the kind's id (an `id` column first where the JSON has
  none, as for people; a kind of one record, the organisation, is keyed by its kind's name);
- a column whose type names a record of another kind (a country code, a meeting id) references
  that kind's table;
- a table for each list of records that carry their own sources, one row per item in order:
  `summit_participants`, `country_history`;
- `citations`: every source a record cites, with the field that cites it (`sources`,
  `variants.sources`, `participants.sources`...);
- `metadata`: the dataset's title, version, as-of date and licence, and the tool's version.

The JSON document holds, for each kind, the rows `sco COMMAND --json` prints; the CSV files
hold the cells of the SQLite tables. Only the standard library is used; nothing is written in
place (sco_cli/staging.py).
"""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
import types
import typing
from pathlib import Path
from typing import Any, NamedTuple

from sco_cli import cite, contract, kinds, model, query
from sco_cli.dataset import Dataset
from sco_cli.errors import ScoError, UsageError
from sco_cli.kinds import Kind, record_id
from sco_cli.render.text import clean, to_json

Cell = str | int | float | None


class Column(NamedTuple):
    name: str
    type: str  # TEXT, INTEGER or REAL
    references: str | None = None  # 'table(column)'


class Table(NamedTuple):
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def exported() -> tuple[Kind, ...]:
    """Every kind kept in a file but the dataset's own description, which is `metadata`."""
    return tuple(kind for kind in kinds.FILES if kind is not kinds.DATASET)


def records(ds: Dataset, kind: Kind) -> list[Any]:
    """A kind's records in its listing order (the one record of a single-record kind)."""
    return query.listed(ds, kind) if kind.many else [ds.records(kind.name)]


def key_column(kind: Kind) -> tuple[str, bool]:
    """The column that keys a kind's table, and whether it is added before its JSON fields."""
    return (kind.id_field, False) if kind.id_field in contract.fields(kind) else ("id", True)


def tables(ds: Dataset) -> list[Table]:
    """Every table of the export, in the order they are written."""
    found = [_metadata(ds)]
    cited: dict[tuple[Cell, ...], None] = {}
    for kind in exported():
        chosen = records(ds, kind)
        rows = [contract.row(kind, ds, record) for record in chosen]
        ids = [record_id(kind, record) or kind.name for record in chosen]
        found.append(_kind_table(kind, rows, ids))
        found += _nested_tables(kind, rows, ids)
        for row, ident in zip(rows, ids, strict=True):
            cited.update(((kind.name, ident, where, source), None)
                         for where, source in cite.citations(row))
    found.append(Table(
        name="citations", key=("kind", "record_id", "field", "source_id"), rows=tuple(cited),
        columns=(Column(name="kind", type="TEXT"), Column(name="record_id", type="TEXT"),
                 Column(name="field", type="TEXT"),
                 Column(name="source_id", type="TEXT", references=_reference(kinds.SOURCES)))))
    return found


def _metadata(ds: Dataset) -> Table:
    import sco_cli

    info = contract.row(kinds.DATASET, ds, ds.info)
    pairs = [(f"dataset_{key}", value) for key, value in info.items()]
    pairs += [("tool", "sco-cli"), ("tool_version", sco_cli.__version__)]
    return Table(name="metadata", key=("key",), rows=tuple((k, _cell(v)) for k, v in pairs),
                 columns=(Column(name="key", type="TEXT"), Column(name="value", type="TEXT")))


def _kind_table(kind: Kind, rows: list[contract.Row], ids: list[str]) -> Table:
    key, added = key_column(kind)
    hints = contract.types_of(kind)
    columns = [Column(name=key, type="TEXT")] if added else []
    columns += [_column(name, tp, linked=name != key) for name, tp in hints.items()]
    cells = [((ident,) if added else ()) + tuple(_cell(row[name]) for name in hints)
             for row, ident in zip(rows, ids, strict=True)]
    return Table(name=kind.name, columns=tuple(columns), key=(key,), rows=tuple(cells))


def _nested_tables(kind: Kind, rows: list[contract.Row], ids: list[str]) -> list[Table]:
    """A table for each field that holds records with sources of their own."""
    found = []
    key, _ = key_column(kind)
    for name, tp in contract.types_of(kind).items():
        item = _item_type(tp)
        if item is None:
            continue
        parent = f"{kind.singular}_{key}"
        columns = [Column(name=parent, type="TEXT", references=_reference(kind)),
                   Column(name="position", type="INTEGER")]
        columns += [_column(field, hint) for field, hint in item.__hints__.items()]
        cells = tuple((ident, position) + tuple(_cell(entry[field]) for field in item.__fields__)
                      for row, ident in zip(rows, ids, strict=True)
                      for position, entry in enumerate(row[name], start=1))
        found.append(Table(name=f"{kind.singular}_{name}", columns=tuple(columns),
                           key=(parent, "position"), rows=cells))
    return found


def _item_type(tp: Any) -> type[model.Cited] | None:
    """The record type of a list of sourced records (participants, history), else None."""
    if typing.get_origin(tp) is not tuple:
        return None
    item = typing.get_args(tp)[0]
    return item if isinstance(item, type) and issubclass(item, model.Cited) else None


def _column(name: str, tp: Any, linked: bool = True) -> Column:
    """The column of a field: its SQL type and, if `linked`, the table it references when its
    values are the ids of a kind's records (a table's own key references nothing)."""
    arms = [a for a in typing.get_args(tp) if a is not type(None)] if _is_union(tp) else [tp]
    single = arms[0] if len(arms) == 1 else None
    if single is bool or single is int:
        return Column(name=name, type="INTEGER")
    if single is float:
        return Column(name=name, type="REAL")
    target = kinds.BY_MARKER.get(single) if isinstance(single, type) else None
    reference = _reference(target) if target is not None and linked else None
    return Column(name=name, type="TEXT", references=reference)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _reference(kind: Kind) -> str:
    return f"{quote(kind.name)}({quote(key_column(kind)[0])})"


def _cell(value: Any) -> Cell:
    """A JSON value as an SQLite cell: true and false as 1 and 0, arrays and objects as JSON
    text."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return typing.cast(Cell, value)


def quote(name: str) -> str:
    """An SQL identifier, quoted: `end`, `format` and `kind` are column names too."""
    return '"' + name.replace('"', '""') + '"'


# -- the JSON document ------------------------------------------------------------------------


def document(ds: Dataset) -> dict[str, Any]:
    """Every kind kept in a file, by its name: the rows its command's --json prints (one
    object for a kind of one record)."""
    out: dict[str, Any] = {}
    for kind in kinds.FILES:
        rows = [contract.row(kind, ds, record) for record in records(ds, kind)]
        out[kind.name] = rows if kind.many else rows[0]
    return out


# -- writers: each fills the path it is given, which staging renames into place ---------------


def write_json(ds: Dataset, path: Path) -> None:
    path.write_text(to_json(document(ds), pretty=True), encoding="utf-8")


def write_csv(found: list[Table], directory: Path) -> None:
    """One CSV file per table, with a header row; text shown safely, as `--format csv`
    shows it."""
    for table in found:
        with open(directory / f"{table.name}.csv", "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow([column.name for column in table.columns])
            writer.writerows([("" if cell is None else clean(str(cell), one_line=False))
                              for cell in row] for row in table.rows)


def write_sqlite(found: list[Table], path: Path) -> None:
    """An SQLite database of the tables, its foreign keys checked before it is kept."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA journal_mode = OFF")  # a failed export is deleted, not rolled back
            for table in found:
                db.execute(create(table))
                marks = ", ".join("?" for _ in table.columns)
                db.executemany(f"INSERT INTO {quote(table.name)} VALUES ({marks})", table.rows)
            db.commit()
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as err:
        raise OSError(str(err)) from None
    if broken:
        table, row, parent, _ = broken[0]
        raise ScoError(f"the export breaks a foreign key: row {row} of {table} names a "
                       f"{parent} record that is not there ({len(broken)} in all)")


def create(table: Table) -> str:
    """The CREATE TABLE statement of a table."""
    lines = []
    for column in table.columns:
        line = f"{quote(column.name)} {column.type}"
        if column.name in table.key:
            line += " NOT NULL"
        if column.references:
            line += f" REFERENCES {column.references}"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(quote(name) for name in table.key)})")
    return f"CREATE TABLE {quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


# -- one run ----------------------------------------------------------------------------------

STDOUT = "-"
FORMATS = {"--sqlite": "SQLite", "--json-file": "JSON", "--csv-dir": "CSV files"}


class Report(NamedTuple):
    """What an export wrote, the rows of each of its tables (or kinds), and the JSON document
    when it is for stdout."""

    written: tuple[str, ...]
    unit: str  # "tables" or "kinds"
    counts: tuple[tuple[str, int], ...]
    document: dict[str, Any] | None = None

    def summary(self) -> str:
        """A few lines for stderr: what was written, then the row counts."""
        import textwrap

        total = sum(count for _, count in self.counts)
        written = self.written[0] if len(self.written) == 1 else (
            ", ".join(self.written[:-1]) + " and " + self.written[-1])
        head = f"Wrote {written}: {len(self.counts)} {self.unit}, {total:,} rows"
        body = ", ".join(f"{name}\0{count:,}" for name, count in self.counts)  # kept together
        lines = textwrap.fill(body, 96, initial_indent="  ", subsequent_indent="  ")
        return head + "\n" + lines.replace("\0", " ") + "\n"


def run(ds: Dataset, sqlite: str | None, json_file: str | None, csv_dir: str | None,
        force: bool = False) -> Report:
    """Write each target given, all or none, and nothing if any may not be written; a
    `json_file` of '-' is returned in the report, for stdout."""
    import functools

    from sco_cli import staging

    paths = _paths({"--sqlite": sqlite, "--json-file": json_file, "--csv-dir": csv_dir})
    found = functools.cache(lambda: tables(ds))
    writers: dict[str, staging.Writer] = {
        "--sqlite": lambda path: write_sqlite(found(), path),
        "--json-file": lambda path: write_json(ds, path),
        "--csv-dir": lambda path: write_csv(found(), path),
    }
    targets = [staging.Target(Path(path), option, writers[option], force=force,
                              directory=option == "--csv-dir")
               for option, path in paths.items() if path != STDOUT]
    staging.check(targets)
    staging.write(targets)
    written = [f"{target.path} ({FORMATS[target.option]})" for target in targets]
    to_stdout = document(ds) if json_file == STDOUT else None
    if to_stdout is not None:
        written.append("JSON to stdout")
    if sqlite is None and csv_dir is None:
        counted = tuple((kind.name, len(records(ds, kind))) for kind in kinds.FILES)
        return Report(tuple(written), "kinds", counted, to_stdout)
    counted = tuple((table.name, len(table.rows)) for table in found())
    return Report(tuple(written), "tables", counted, to_stdout)


def _paths(options: dict[str, str | None]) -> dict[str, str]:
    """The targets given, or a usage error: none, an empty path, or '-' where it cannot be."""
    given = {option: path for option, path in options.items() if path is not None}
    if not given:
        raise UsageError("give at least one of --sqlite FILE, --json-file FILE, --csv-dir DIR")
    for option, path in given.items():
        if not path.strip():
            raise UsageError(f"{option}: give a path (an empty one names nothing)")
        if path == STDOUT and option != "--json-file":
            raise UsageError(f"{option}: only --json-file can write to stdout ('-')")
    return given
