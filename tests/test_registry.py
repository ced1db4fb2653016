"""Tests that follow the code: every registered command and every kind of the registry.

Nothing here lists commands or kinds by hand: a new command or kind is covered as soon as it
is registered. The golden renderings of a table and a panel are drawn from tests/data at a
fixed width; rewrite them after a deliberate change with

    python tests/test_registry.py --update
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from sco_cli import contract, kinds, query
from sco_cli.cli import app
from sco_cli.dataset import Dataset

from conftest import TINY, Cli

GOLDEN = Path(__file__).parent / "data" / "golden"


def command_paths() -> list[list[str]]:
    """Every command of the app, as the words that invoke it ('data validate')."""
    found = []

    def walk(group: Any, prefix: list[str]) -> None:
        for name, command in group.commands.items():
            if hasattr(command, "commands"):  # a group of subcommands
                walk(command, [*prefix, name])
            else:
                found.append([*prefix, name])

    walk(typer.main.get_command(app), [])
    return found


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help_with_examples(cli: Cli, path: list[str]) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Examples" in result.stdout
    assert f"sco {' '.join(path)}" in result.stdout


@pytest.mark.parametrize("name", sorted(kinds.VIEWS))
def test_every_json_view_is_a_command_whose_help_lists_its_fields(cli: Cli, name: str) -> None:
    assert [name] in command_paths()
    shown = " ".join(cli(name, "--help").stdout.split())
    assert ", ".join(contract.fields(kinds.VIEWS[name])) in shown


@pytest.mark.parametrize("kind", kinds.RECORDS, ids=lambda k: k.name)
def test_every_kind_has_records_in_the_tiny_dataset(tiny: Dataset, kind: kinds.Kind) -> None:
    assert tiny.records(kind.name)


@pytest.mark.parametrize("kind", [k for k in kinds.RECORDS if k.search], ids=lambda k: k.name)
def test_search_finds_every_kind_by_its_declared_fields(
    tiny: Dataset, kind: kinds.Kind
) -> None:
    from sco_cli.search import search

    record, text = next((r, getattr(r, f)) for r in tiny.records(kind.name)
                        for f, _ in kind.search if isinstance(getattr(r, f.split(".")[0]), str))
    hits = search(tiny, text)
    assert (kind.singular, kinds.record_id(kind, record)) in {(h.kind, h.id) for h in hits}


@pytest.mark.parametrize("kind", [k for k in kinds.RECORDS if k.timeline], ids=lambda k: k.name)
def test_every_kind_with_a_timeline_puts_entries_on_it(cli: Cli, kind: kinds.Kind) -> None:
    assert kind.timeline is not None
    entries = json.loads(cli("timeline", "--kind", kind.timeline.kind, "--json").stdout)
    assert entries and {e["kind"] for e in entries} == {kind.timeline.kind}


@pytest.mark.parametrize("kind", [k for k in kinds.RECORDS if k.command], ids=lambda k: k.name)
def test_every_listing_shows_each_record_by_its_id(cli: Cli, kind: kinds.Kind) -> None:
    assert kind.command is not None
    rows = json.loads(cli(kind.command, "--json").stdout)
    assert rows and len(rows) <= len(query.listed(Dataset(TINY), kind))
    command = kind.show or kind.command
    one = json.loads(cli(command, str(rows[-1][kind.id_field]), "--json").stdout)
    assert one[kind.id_field] == rows[-1][kind.id_field]


def test_a_toml_file_no_kind_claims_is_a_problem(cli: Cli, tiny_copy: Path) -> None:
    (tiny_copy / "treaties.toml").write_text('[[treaty]]\nid = "x"\n', encoding="utf-8")
    result = cli("data", "validate", str(tiny_copy))
    assert result.exit_code == 1
    assert "treaties.toml: no kind of record is kept in this file" in result.stdout


GOLDEN_CASES = {
    "summits-table.txt": ["summits", "--format", "table"],
    "members-table-narrow.txt": ["members", "--format", "table"],
    "summit-panel.txt": ["summits", "2025", "--format", "table"],
    "country-panel.txt": ["country", "Türkiye", "--format", "table"],
}
WIDTHS = {"members-table-narrow.txt": "44"}


def render(args: list[str], width: str) -> str:
    result = Cli(TINY)(*args, env={"COLUMNS": width, "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_renderings(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert render(GOLDEN_CASES[name], WIDTHS.get(name, "80")) == expected


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    GOLDEN.mkdir(exist_ok=True)
    for case, args in GOLDEN_CASES.items():
        (GOLDEN / case).write_text(render(args, WIDTHS.get(case, "80")), encoding="utf-8")
        print(f"updated {GOLDEN / case}")
