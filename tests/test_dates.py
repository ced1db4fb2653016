"""Dates that mean what they say: partial dates are periods, answers stop where the data
stops, and a day inside a partly known change is marked uncertain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sco_cli.dates import overlaps, within

from conftest import Cli, edit


@pytest.mark.parametrize("start, end, since, until, expected", [
    ("2017-06", "2017-06", "2017-06-05", "2017-06-30", True),  # a month overlaps its days
    ("2017-06", "2017-06", "2017-07-01", None, False),
    ("2017", "2017", "2017-12-31", "2018", True),  # a year overlaps its last day
    ("2019-06", "2020-11-10", "2020", "2020", True),
    ("2019-06", "2020-11-10", "2020-11-11", None, False),
    ("2025-09-01", None, "2030", "2030", True),  # open: the caller closes it at the data's end
])
def test_partial_dates_are_periods(start: str, end: str | None, since: str | None,
                                   until: str | None, expected: bool) -> None:
    assert overlaps(start, end, since, until) is expected


def test_within_only_for_partial_dates() -> None:
    assert within("2015-07-05", "2015-07") and within("2015-12-31", "2015")
    assert not within("2015-07-10", "2015-07-10") and not within("2015-08-01", "2015-07")


def test_the_timeline_keeps_an_entry_whose_month_overlaps_the_window(cli: Cli) -> None:
    entries = json.loads(cli("timeline", "--since", "2019-06-05", "--until", "2019-06-30",
                             "--json").stdout)
    assert [(e["date"], e["kind"]) for e in entries] == [("2019-06", "chair")]


def test_open_terms_stop_where_the_data_stops(cli: Cli) -> None:
    assert [c["id"] for c in json.loads(cli("chairs", "2025", "--json").stdout)] == [
        "CHN-2025-09-01"]
    assert json.loads(cli("chairs", "2026", "--json").stdout) == []  # as_of is 2025-12-31
    assert [c["id"] for c in json.loads(cli("chairs", "2020", "--json").stdout)] == [
        "RUS-2019-06"]


def test_a_later_date_gets_the_last_known_state_labelled(cli: Cli) -> None:
    later = cli("members", "--as-of", "2030", "--format", "table")
    assert "as of 2025-12-31, the last date the data covers (not 2030)" in " ".join(
        later.stdout.split())
    rows = json.loads(cli("members", "--as-of", "2030", "--json").stdout)
    assert rows and all(r["uncertain"] for r in rows)
    russia = json.loads(cli("country", "Russia", "--as-of", "2030", "--json").stdout)
    assert russia["uncertain"] is True and russia["as_of"] == "2025-12-31"


def test_as_of_inside_a_partly_known_change_is_uncertain(cli: Cli, tiny_copy: Path) -> None:
    edit(tiny_copy, "countries.toml", 'start = "2012-06-07"', 'start = "2012-06"')
    edit(tiny_copy, "countries.toml", 'variants = [{ field = "start", value = "2013", '
         'sources = ["beta-2019"], note = "memorandum year" }]\n', "")
    run = Cli(tiny_copy)
    inside = {r["code"]: r for r in json.loads(run("members", "--as-of", "2012-06-03",
                                                   "--json").stdout)}
    assert inside["TUR"]["status"] == "dialogue_partner" and inside["TUR"]["uncertain"]
    assert inside["CHN"]["uncertain"] is False
    after = {r["code"]: r for r in json.loads(run("members", "--as-of", "2012-07-01",
                                                  "--json").stdout)}
    assert after["TUR"]["uncertain"] is False
    table = run("members", "--as-of", "2012-06-03", "--format", "table").stdout
    assert any("TUR" in line and "~" in line for line in table.splitlines())
    assert "~ uncertain on that date" in table
    assert json.loads(run("members", "--json").stdout)[-1]["uncertain"] is False


def test_words_match_the_date_asked(cli: Cli) -> None:
    then = cli("country", "Türkiye", "--as-of", "2013", "--format", "plain").stdout
    assert "dialogue partner: from 2012-06-07" in then and "now" not in then
    today = cli("country", "Türkiye", "--format", "plain").stdout
    assert "partner: since 2025-09-01" in today


def test_claims_filters(cli: Cli, tiny_copy: Path) -> None:
    edit(tiny_copy, "claims.toml", 'basis = "members"', 'basis = "members"\npreferred = true')
    run = Cli(tiny_copy)
    preferred = json.loads(run("claims", "--preferred", "--json").stdout)
    assert preferred and all(c["preferred"] for c in preferred)
    assert json.loads(cli("claims", "--preferred", "--json").stdout) == []  # none in tiny
    members = json.loads(run("claims", "--basis", "members", "--json").stdout)
    assert members and all(c["basis"] == "members" for c in members)
    assert run("claims", "--measure", "ppp", "--json").stdout.strip() == "[]"


def test_trade_by_unit_and_window(cli: Cli) -> None:
    def ids(*args: str) -> list[str]:
        return [f["id"] for f in json.loads(cli("trade", *args, "--json").stdout)]

    assert ids("--unit", "usd BILLION") == ["china-members-2024", "china-family-2024"]
    assert ids("--since", "2021") == ["growth-2001-2020", "china-members-2024",
                                      "china-family-2024"][1:]
    assert ids("--until", "2010") == ["growth-2001-2020"]
    unknown = cli("trade", "--unit", "euro")
    assert unknown.exit_code == 1 and "no unit matches 'euro'" in unknown.stderr
    mixed = cli("trade", "--format", "table").stdout
    assert "Values are in 2 units (USD billion, times)" in " ".join(mixed.split())
