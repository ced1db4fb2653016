"""Who was there and what was signed: participants, people, documents and officials."""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import json

import pycountry
import pytest

from sco_cli import people, query
from sco_cli.dataset import Dataset, bundled_data_dir
from sco_cli.dates import date_key
from sco_cli.names import normalise

from conftest import Cli

FORMATS = ["table", "plain", "json", "ndjson", "csv", "tsv"]
COMMANDS = [["people"], ["people", "rakhmonov"], ["documents"], ["documents", "charter-2002"],
            ["documents", "--kind", "charter"], ["officials"], ["officials", "a-director"],
            ["officials", "--office", "secretary-general"], ["summits", "--participant", "Putin"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("format_", FORMATS)
def test_new_commands_in_every_format(cli: Cli, args: list[str], format_: str) -> None:
    result = cli(*args, "--format", format_)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()
    if format_ == "csv":
        assert list(csv.reader(io.StringIO(result.stdout)))[0]


def test_a_person_under_any_spelling(cli: Cli) -> None:
    person = json.loads(cli("people", "Rakhmonov", "--json").stdout)
    assert person["id"] == "emomali-rahmon" and person["name"] == "Emomali Rahmon"
    assert person["aliases"] == ["Emomali Rakhmonov"]
    assert [m["id"] for m in person["meetings"]] == ["chs-2001", "chs-2020"]
    assert person["roles"] == ["President"]
    assert json.loads(cli("people", "emomali-rahmon", "--json").stdout) == person


def test_people_lists_every_named_participant_and_official(cli: Cli) -> None:
    names = [p["name"] for p in json.loads(cli("people", "--json").stdout)]
    assert names == ["A. Director", "Emomali Rahmon", "First Secretary", "Jiang Zemin",
                     "Recep Tayyip Erdoğan", "Vladimir Putin", "Xi Jinping"]


def test_an_unknown_person_gets_a_suggestion(cli: Cli) -> None:
    result = cli("people", "Putn")
    assert result.exit_code == 1
    assert "no person matches 'Putn'" in result.stderr
    assert "Did you mean 'Vladimir Putin'?" in result.stderr


@pytest.mark.parametrize("who, ids", [("Putin", ["chs-2001", "chs-2020"]),
                                      ("rakhmonov", ["chs-2001", "chs-2020"]),
                                      ("Türkiye", ["chs-2025"]), ("TJK", ["chs-2001", "chs-2020"])])
def test_summits_by_participant(cli: Cli, who: str, ids: list[str]) -> None:
    found = json.loads(cli("summits", "--participant", who, "--json").stdout)
    assert [s["id"] for s in found] == ids


def test_an_unknown_participant_is_not_found(cli: Cli) -> None:
    result = cli("summits", "--participant", "Nobody Atall")
    assert result.exit_code == 1 and "no person or country matches" in result.stderr


def test_a_meeting_lists_its_documents_and_participants_by_capacity(cli: Cli) -> None:
    summit = json.loads(cli("summits", "2001", "--json").stdout)
    assert summit["documents"] == ["declaration-2001"]
    shown = cli("summits", "2025", "--format", "plain").stdout
    assert "Member states (1)\n      Xi Jinping, President (CHN)" in shown
    assert "Partners (1)\n      Recep Tayyip Erdoğan, President (TUR)" in shown
    online = cli("summits", "2020", "--format", "plain").stdout
    assert "UN, Under-Secretary-General (online)" in online


def test_documents_filters(cli: Cli) -> None:
    def ids(*args: str) -> list[str]:
        return [d["id"] for d in json.loads(cli("documents", *args, "--json").stdout)]

    assert ids() == ["declaration-2001", "charter-2002"]
    assert ids("--kind", "charter") == ["charter-2002"]
    assert ids("--since", "2002") == ["charter-2002"]
    assert ids("--until", "2001") == ["declaration-2001"]
    result = cli("documents", "--since", "2003", "--until", "2002")
    assert result.exit_code == 2


def test_a_document_in_force_is_on_the_timeline(cli: Cli) -> None:
    titles = [e["title"] for e in json.loads(cli("timeline", "--kind", "document",
                                                 "--json").stdout)]
    assert "Charter of the SCO enters into force" in titles


def test_officials_say_when_only_attested(cli: Cli) -> None:
    director = json.loads(cli("officials", "a-director", "--json").stdout)
    assert director["start"] is None and director["attested"] == ["2020-11-10"]
    assert "attested" not in json.loads(cli("secretaries", "--json").stdout)[0]
    rats = json.loads(cli("officials", "--office", "rats-director", "--json").stdout)
    assert [o["id"] for o in rats] == ["a-director"]


def test_country_profile_says_who_represented_it(cli: Cli) -> None:
    russia = json.loads(cli("country", "Russia", "--json").stdout)
    assert [(r["id"], r["name"]) for r in russia["represented"]] == [
        ("chs-2001", "Vladimir Putin"), ("chs-2020", "Vladimir Putin")]
    before = json.loads(cli("country", "Russia", "--as-of", "2010", "--json").stdout)
    assert [r["id"] for r in before["represented"]] == ["chs-2001"]


def test_search_finds_people_at_meetings(cli: Cli) -> None:
    hits = json.loads(cli("search", "Jiang Zemin", "--json").stdout)
    assert (hits[0]["kind"], hits[0]["id"], hits[0]["field"]) == (
        "summit", "chs-2001", "participants[0].name")


# -- the bundled data ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(bundled_data_dir())


def test_every_participant_country_is_a_real_state(ds: Dataset) -> None:
    family = set(ds.index("countries"))
    for summit in ds.records("summits"):
        for p in summit.participants:
            if p.country is not None:
                assert p.country in family or pycountry.countries.get(alpha_3=p.country), (
                    summit.id, p.country)
            else:
                assert p.organisation, (summit.id, p.name)


def test_every_meeting_of_heads_of_state_since_2001_has_participants(ds: Dataset) -> None:
    held = [s for s in query.summits(ds) if s.status == "held"]
    assert held and all(s.participants for s in held), [s.id for s in held if not s.participants]


def test_every_official_term_is_ordered(ds: Dataset) -> None:
    for office in ("secretary-general", "rats-director"):
        terms = [o for o in query.officials(ds, office) if o.start]
        assert terms == sorted(terms, key=lambda o: date_key(o.start or ""))


def test_no_person_appears_twice_under_two_ids(ds: Dataset) -> None:
    every = list(people.everyone(ds).values())
    spelled: dict[str, str] = {}
    for person in every:
        for spelling in (person.name, *person.aliases):
            assert spelled.setdefault(normalise(spelling), person.id) == person.id, spelling
    for a, b in itertools.combinations(every, 2):
        if a.country == b.country or None in (a.country, b.country):
            ratio = difflib.SequenceMatcher(None, normalise(a.name), normalise(b.name)).ratio()
            assert ratio < 0.9, (a.name, b.name)
