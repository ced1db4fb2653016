"""Every command in table, plain (piped) and JSON form; exit codes; errors on stderr."""

from __future__ import annotations

import json

import pytest

from sco_cli.cli.base import parse_date
from sco_cli.errors import UsageError

from conftest import Cli

LISTINGS = ["summits", "members", "trade", "principles", "chairs", "secretaries", "institutions",
            "claims", "events", "sources", "timeline"]


@pytest.mark.parametrize("command", LISTINGS)
def test_listing_as_json_is_an_array_of_objects_with_sources(cli: Cli, command: str) -> None:
    result = cli(command, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    for record in data:
        assert isinstance(record, dict)
        if command != "sources":
            assert record["sources"] and all(isinstance(s, str) for s in record["sources"])
    assert result.stderr == ""


@pytest.mark.parametrize("command", LISTINGS + ["about"])
def test_piped_output_is_plain_text(cli: Cli, command: str) -> None:
    result = cli(command)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    assert "\x1b" not in result.stdout
    assert "┃" not in result.stdout and "│" not in result.stdout


@pytest.mark.parametrize("command", LISTINGS + ["about"])
def test_table_format_draws_a_table(cli: Cli, command: str) -> None:
    result = cli(command, "--format", "table")
    assert result.exit_code == 0, result.output
    assert any(mark in result.stdout for mark in ("┃", "│", "╭")), result.stdout


def test_summits_plain_is_one_line_per_record_with_tabs(cli: Cli) -> None:
    result = cli("summits")
    assert result.stdout.splitlines() == [
        "chs-2001\t1\t2001-06-14\t2001-06-15\tShanghai\tChina\tin_person\theld",
        "chs-2020\t20\t2020-11-10\t2020-11-10\t\tRussia\tvirtual\theld",
        "chs-2025\t25\t2025-08-31\t2025-09-01\tTianjin\tChina\tin_person\theld",
    ]


def test_summits_json_keys(cli: Cli) -> None:
    first = json.loads(cli("summits", "--json").stdout)[0]
    assert first == {
        "id": "chs-2001",
        "council": "heads-of-state",
        "number": 1,
        "status": "held",
        "start_date": "2001-06-14",
        "end_date": "2001-06-15",
        "city": "Shanghai",
        "host": "CHN",
        "host_name": "China",
        "format": "in_person",
        "chair": None,
        "outcomes": ["Declaration on the Establishment of the SCO"],
        "documents": ["declaration-2001"],
        "participants": [
            {"country": "CHN", "organisation": None, "name": "Jiang Zemin", "title": "President",
             "capacity": "member", "attendance": None, "note": None, "inferred": [],
             "variants": [], "sources": ["alpha-2001-06-15"]},
            {"country": "RUS", "organisation": None, "name": "Vladimir Putin",
             "title": "President", "capacity": "member", "attendance": None, "note": None,
             "inferred": [], "variants": [], "sources": ["alpha-2001-06-15"]},
            {"country": "TJK", "organisation": None, "name": "Emomali Rakhmonov",
             "title": "President", "capacity": "member", "attendance": None, "note": None,
             "inferred": [], "variants": [], "sources": ["alpha-2001-06-15"]},
        ],
        "participants_note": None,
        "note": None,
        "inferred": [],
        "variants": [],
        "sources": ["alpha-2001-06-15"],
    }


def test_one_summit_in_full(cli: Cli) -> None:
    result = cli("summits", "2020", "--json")
    assert result.exit_code == 0
    summit = json.loads(result.stdout)
    assert summit["id"] == "chs-2020"
    assert summit["variants"] == [
        {"field": "number", "value": 19, "sources": ["beta-2019"], "note": "counts differently"}
    ]
    panel = cli("summits", "2020", "--format", "table").stdout
    assert "20th meeting of the Council of Heads of State" in panel
    assert "Number: 19 [beta-2019]" in panel and "counts differently" in panel
    assert "https://beta.example/yearbook" in panel


def test_summits_filters(cli: Cli) -> None:
    assert [s["id"] for s in json.loads(cli("summits", "--host", "ru", "--json").stdout)] == [
        "chs-2020"
    ]
    assert [s["id"] for s in json.loads(cli("summits", "--year", "2025", "--json").stdout)] == [
        "chs-2025"
    ]
    government = json.loads(cli("summits", "--council", "government", "--json").stdout)
    assert [s["id"] for s in government] == ["chg-2025"]


def test_members_json_contract(cli: Cli) -> None:
    turkey = json.loads(cli("members", "--json").stdout)[-1]
    assert turkey["code"] == "TUR"
    assert turkey["status"] == "partner" and turkey["since"] == "2025-09-01"
    assert turkey["capital"] == "Ankara"
    assert [(h["status"], h["start"], h["end"]) for h in turkey["history"]] == [
        ("dialogue_partner", "2012-06-07", "2025-09-01"),
        ("partner", "2025-09-01", None),
    ]


def test_members_as_of(cli: Cli) -> None:
    result = cli("members", "--as-of", "2013-01-01", "--json")
    assert [(m["code"], m["status"]) for m in json.loads(result.stdout)] == [
        ("CHN", "member"), ("RUS", "member"), ("TUR", "dialogue_partner"),
    ]


def test_filter_matching_nothing_prints_empty_array_and_succeeds(cli: Cli) -> None:
    for args in (["summits", "--year", "1990"], ["members", "--status", "observer"],
                 ["members", "--as-of", "1999"], ["trade", "--year", "1950"]):
        result = cli(*args, "--json")
        assert result.exit_code == 0, args
        assert result.stdout == "[]\n"
        plain = cli(*args)
        assert plain.exit_code == 0 and plain.stdout == ""


def test_trade_json_values_are_numbers(cli: Cli) -> None:
    figures = {f["id"]: f for f in json.loads(cli("trade", "--json").stdout)}
    assert figures["china-members-2024"]["value"] == 512.4
    assert figures["china-family-2024"]["value"] == 890
    assert figures["china-family-2024"]["scope"] == "china_and_sco_family"


def test_principle_in_full(cli: Cli) -> None:
    result = cli("principles", "three-evils", "--json")
    assert json.loads(result.stdout)["items"] == ["terrorism", "separatism", "extremism"]


def test_source_in_full(cli: Cli) -> None:
    result = cli("sources", "beta-2019", "--json")
    assert json.loads(result.stdout)["url"] == "https://beta.example/yearbook"


def test_about_and_bare_sco(cli: Cli) -> None:
    about = json.loads(cli("about", "--json").stdout)
    assert about["founded"] == "2001-06-15"
    assert about["data_as_of"] == "2025-12-31"
    assert about["counts"] == {"member": 2, "observer": 0, "dialogue_partner": 0, "partner": 1}
    assert about["latest_summit"]["id"] == "chs-2025"
    bare = cli()
    assert bare.exit_code == 0
    assert "Founded: 2001-06-15, Shanghai" in bare.stdout
    assert "Data: version 2000.01.02, as of 2025-12-31" in bare.stdout


def test_version_shows_the_as_of_date(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("sco ")
    assert "as of 2025-12-31" in result.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (["members", "--status", "friend"], "member"),
        (["members", "--as-of", "July 2017"], "YYYY-MM-DD"),
        (["summits", "--council", "bogus"], "heads-of-state"),
        (["summits", "--year", "twenty"], "twenty"),
        (["bogus-command"], "bogus-command"),
        (["members", "--bogus"], "--bogus"),
        (["trade", "--json", "--format", "csv"], "--json"),
    ],
)
def test_usage_errors_exit_2_and_say_why(cli: Cli, args: list[str], expected: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2_whatever_the_format(cli: Cli) -> None:
    for fmt in ("--json", "--format=plain", "--format=table"):
        assert cli("members", "--as-of", "2017-13", fmt).exit_code == 2


@pytest.mark.parametrize(
    "args, hint",
    [
        (["summits", "--host", "Rusia"], "Did you mean 'Russia'?"),
        (["summits", "2019"], "Did you mean '2020' or '2025'?"),
        (["principles", "thre evls"], "Did you mean 'three-evils'?"),
        (["sources", "beta-2018"], "Did you mean 'beta-2019'?"),
    ],
)
def test_not_found_exits_1_with_a_suggestion(cli: Cli, args: list[str], hint: str) -> None:
    for extra in ([], ["--json"]):
        result = cli(*args, *extra)
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert hint in result.stderr
        assert result.stderr.startswith("Error: no ")


def test_invalid_dataset_stops_cleanly(tiny_copy, cli: Cli) -> None:  # type: ignore[no-untyped-def]
    (tiny_copy / "summits.toml").write_text("[[summit]]\nid = 3\n", encoding="utf-8")
    result = Cli(tiny_copy)("summits")
    assert result.exit_code == 1
    assert "Error: the dataset is invalid:" in result.stderr
    assert "summits.toml: summit[0]: council: missing" in result.stderr
    assert "... and " in result.stderr and " more" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_dir_that_does_not_exist(cli: Cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = cli("members", env={"SCO_DATA": str(tmp_path / "nowhere")})
    assert result.exit_code == 1
    assert "no such directory" in result.stderr


def test_root_help_documents_exit_codes(cli: Cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout and "130" in result.stdout


@pytest.mark.parametrize(
    "args, key, value",
    [
        (["chairs", "CHN-2025-09-01"], "slogan", "Tiny slogan"),
        (["chairs", "chn-2025-09-01"], "country", "CHN"),
        (["secretaries", "first-secretary"], "title", "Executive Secretary"),
        (["institutions", "RATS"], "seat", "Tashkent"),
        (["claims", "population-2025"], "value", 42),
        (["events", "founding"], "date", "2001-06-15"),
        (["trade", "growth-2001-2020"], "unit", "times"),
    ],
)
def test_every_record_can_be_shown_by_id(cli: Cli, args: list[str], key: str,
                                         value: object) -> None:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[key] == value


def test_chairs_of_a_year(cli: Cli) -> None:
    found = json.loads(cli("chairs", "2020", "--json").stdout)
    assert [c["id"] for c in found] == ["RUS-2019-06"]


def test_record_ids_suggest_those_that_start_alike(cli: Cli) -> None:
    result = cli("trade", "china-")
    assert result.exit_code == 1
    assert "Did you mean 'china-members-2024' or 'china-family-2024'?" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["summits", "2025", "--year", "2020"], "not both"),
        (["timeline", "--since", "2025", "--until", "2024"], "is after --until"),
        (["search", " "], "at least one word"),
        (["sources", "--publisher", ""], "--publisher"),
    ],
)
def test_conflicting_or_empty_input_is_a_usage_error(cli: Cli, args: list[str],
                                                     message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


@pytest.mark.parametrize("args", [["summits", "--host", ""], ["timeline", "--country", ""],
                                  ["chairs", "--country", " "]])
def test_empty_country_is_not_found_rather_than_ignored(cli: Cli, args: list[str]) -> None:
    assert cli(*args).exit_code == 1


def test_country_as_of_shows_only_what_had_happened(cli: Cli) -> None:
    then = json.loads(cli("country", "Turkey", "--as-of", "2020", "--json").stdout)
    assert then["status"] == "dialogue_partner"
    assert [(h["status"], h["end"]) for h in then["history"]] == [("dialogue_partner", None)]
    before = cli("country", "Turkey", "--as-of", "2010")
    assert "Status: not in the SCO family on 2010" in before.stdout
    assert json.loads(cli("country", "TUR", "--as-of", "2010", "--json").stdout)["history"] == []


def test_tables_speak_words_and_explain_their_marks(cli: Cli) -> None:
    table = cli("summits", "--format", "table").stdout
    assert "in person" in table and "in_person" not in table
    assert "(video link)" in table
    assert "see them with: sco summits chs-2020" in table
    government = cli("summits", "--council", "government", "--format", "table").stdout
    assert "24 †" in government and "† inferred" in government
    assert "in_person" in cli("summits").stdout  # plain text keeps the raw value for scripts


def test_no_observers_today_explains_why() -> None:
    from test_readme import run_in_terminal

    shown = run_in_terminal("sco members --status observer")
    assert shown.splitlines() == [
        "No countries match.",
        "No country is observer any more: the status ended on 2025-09-01. "
        "Try --as-of with an earlier date.",
    ]


@pytest.mark.parametrize("args", [["trade", "china-family-2024", "--year", "2024"],
                                  ["claims", "population-2025", "--topic", "gdp"],
                                  ["sources", "beta-2019", "--publisher", "Beta"],
                                  ["chairs", "CHN-2025-09-01", "--country", "China"]])
def test_an_id_with_filters_is_a_usage_error(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 2 and "not both" in result.stderr


def test_version_names_the_dataset_given_with_data(tiny_copy) -> None:  # type: ignore[no-untyped-def]
    from sco_cli.dataset import bundled_data_dir

    result = Cli(bundled_data_dir())("--data", str(tiny_copy), "--version")
    assert "as of 2025-12-31" in result.stdout


def test_bad_fields_fail_before_a_lookup_so_the_status_is_always_2(cli: Cli) -> None:
    assert cli("country", "Narnia", "--fields", "bogus").exit_code == 2
    assert cli("country", "Narnia", "--format", "bogus").exit_code == 2


@pytest.mark.parametrize("value", ["2017-07-01", "2017-07", "2017", " 2017 "])
def test_parse_date_accepts_partial_dates(value: str) -> None:
    assert parse_date(value, "--as-of") == value.strip()


@pytest.mark.parametrize("value", ["July 2017", "2017-13", "9" * 5000, ""])
def test_parse_date_rejects_bad_dates(value: str) -> None:
    with pytest.raises(UsageError):
        parse_date(value, "--as-of")
