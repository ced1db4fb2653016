"""The output contract: formats, field selection, colour, pretty and compact JSON."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import Cli
from test_readme import run_in_terminal

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)[0-9;]*m")


def test_ndjson_is_the_json_records_one_per_line(cli: Cli) -> None:
    records = json.loads(cli("members", "--json").stdout)
    lines = cli("members", "--format", "ndjson").stdout.splitlines()
    assert [json.loads(line) for line in lines] == records


def test_csv_has_a_header_and_flattens_lists(cli: Cli) -> None:
    result = cli("members", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["code", "alpha2", "name", "formal_name", "status", "since",
                             "uncertain", "capital", "aliases", "history", "note", "inferred",
                             "variants", "sources"]
    turkey = rows[-1]
    assert turkey["aliases"] == "Turkey"
    assert json.loads(turkey["history"])[0]["status"] == "dialogue_partner"
    assert turkey["note"] == ""


def test_tsv_with_fields(cli: Cli) -> None:
    result = cli("summits", "--format", "tsv", "--fields", "city,number,outcomes")
    assert result.stdout.splitlines() == [
        "city\tnumber\toutcomes",
        "Shanghai\t1\tDeclaration on the Establishment of the SCO",
        "\t20\tMoscow Declaration",
        "Tianjin\t25\tTianjin Declaration; Observers and dialogue partners become partners",
    ]


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "tsv", "plain", "table"])
def test_fields_select_and_order_in_every_format(cli: Cli, fmt: str) -> None:
    result = cli("trade", "--format", fmt, "--fields", "value,id")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "512.4" in out and "china-members-2024" in out
    # the unit was not asked for: no column holds it (the note under a table names the units)
    assert "USD billion" not in out.split("Values are in")[0]
    if fmt == "json":
        assert list(json.loads(out)[0]) == ["value", "id"]
    if fmt == "plain":
        assert out.splitlines()[0].split("\t") == ["10", "growth-2001-2020"]


def test_fields_apply_to_one_record(cli: Cli) -> None:
    result = cli("summits", "2025", "--json", "--fields", "city,number")
    assert json.loads(result.stdout) == {"city": "Tianjin", "number": 25}
    plain = cli("summits", "2025", "--fields", "city")
    assert plain.stdout.splitlines() == ["City: Tianjin"]  # no title: only what was asked


def test_unknown_field_exits_2_and_lists_valid_fields(cli: Cli) -> None:
    result = cli("members", "--fields", "code,population")
    assert result.exit_code == 2
    assert "unknown field 'population'" in result.stderr
    assert "did you mean 'name'?" in cli("members", "--fields", "nme").stderr
    assert "code, alpha2, name" in result.stderr


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--format", ""], ["--fields", ","]])
def test_bad_output_options_exit_2(cli: Cli, args: list[str]) -> None:
    assert cli("sources", *args).exit_code == 2


def test_help_lists_the_fields(cli: Cli) -> None:
    shown = cli("summits", "--help").stdout
    assert "Fields (JSON keys, --fields): id, council, number" in shown
    assert "Table and plain columns: id, number, start_date" in shown


@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"FORCE_COLOR": "1", "TERM": "xterm"}])
def test_force_color_colours_a_table(cli: Cli, env: dict[str, str]) -> None:
    result = cli("summits", "--format", "table", env=env)
    assert "\x1b[" in result.stdout


@pytest.mark.parametrize(
    "args, env",
    [
        (["--no-color"], {"FORCE_COLOR": "1"}),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}),
        ([], {"TERM": "dumb"}),
        ([], {}),
    ],
)
def test_no_colour(cli: Cli, args: list[str], env: dict[str, str]) -> None:
    result = cli("summits", "--format", "table", *args, env=env)
    assert result.exit_code == 0
    assert not COLOUR.search(result.stdout), repr(result.stdout[:200])


def test_global_no_color_option(cli: Cli) -> None:
    result = cli("--no-color", "summits", "--format", "table", env={"FORCE_COLOR": "1"})
    assert not COLOUR.search(result.stdout)


def test_json_is_pretty_on_a_terminal_and_compact_in_a_pipe() -> None:
    pretty = run_in_terminal("SCO_DATA=tests/data/tiny sco about --json")
    assert pretty.startswith("{\n  ") and json.loads(pretty)["founded"] == "2001-06-15"
    compact = run_in_terminal("SCO_DATA=tests/data/tiny sco about --json | cat")
    assert "\n" not in compact and json.loads(compact)["founded"] == "2001-06-15"


def test_default_format_is_a_table_on_a_terminal_and_plain_in_a_pipe() -> None:
    table = run_in_terminal("SCO_DATA=tests/data/tiny sco summits")
    assert "┃" in table
    plain = run_in_terminal("SCO_DATA=tests/data/tiny sco summits | cat")
    assert "┃" not in plain and "\t" in plain


def test_json_stays_valid_on_a_narrow_terminal() -> None:
    narrow = run_in_terminal("COLUMNS=20 SCO_DATA=tests/data/tiny sco members --json")
    assert json.loads(narrow)[0]["code"] == "CHN"


def test_tables_fit_a_narrow_terminal() -> None:
    table = run_in_terminal("COLUMNS=40 SCO_DATA=tests/data/tiny sco trade")
    assert table and max(len(line) for line in table.splitlines()) <= 40


def test_empty_result_note_goes_to_stderr_only_on_a_terminal(cli: Cli) -> None:
    result = cli("summits", "--year", "1990")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    shown = run_in_terminal("SCO_DATA=tests/data/tiny sco summits --year 1990")
    assert shown == "No meetings match."


def test_narrow_tables_leave_columns_out_rather_than_split_words() -> None:
    table = run_in_terminal("COLUMNS=40 SCO_DATA=tests/data/tiny sco trade")
    assert "china-members-2024" in table  # ids stay whole
    assert "Not shown at this width:" in table
    wide = run_in_terminal("COLUMNS=120 SCO_DATA=tests/data/tiny sco trade")
    assert "Not shown at this width" not in wide and "USD billion" in wide


def test_a_record_resting_only_on_weak_pages_is_marked(cli: Cli) -> None:
    shown = cli("institutions", "--format", "table").stdout
    marked = [line for line in shown.splitlines() if "‡" in line]
    assert marked, shown
    assert ("‡ rests only on mirror or analysis pages; see its sources with: sco institutions"
            in shown)


def test_sources_by_kind(cli: Cli) -> None:
    kinds = [s["kind"] for s in json.loads(cli("sources", "--kind", "analysis", "--json").stdout)]
    assert kinds == ["analysis"]
    about = json.loads(cli("about", "--json").stdout)
    assert about["sources_by_kind"] == {"official": 1, "agency": 1, "press": 0, "reference": 0,
                                        "analysis": 1, "mirror": 0}
