"""Pure queries over the tiny dataset: statuses as of a date, lookups, filters."""

from __future__ import annotations

import pytest

from sco_cli import model, query
from sco_cli.dataset import Dataset
from sco_cli.errors import NotFoundError


def codes(found: list[model.Country]) -> list[str]:
    return [c.code for c in found]


def test_current_members_come_first_then_by_start(tiny: Dataset) -> None:
    assert codes(query.members(tiny)) == ["CHN", "RUS", "TUR"]


def test_members_filtered_by_status(tiny: Dataset) -> None:
    assert codes(query.members(tiny, status="partner")) == ["TUR"]
    assert query.members(tiny, status="observer") == []


def test_members_as_of_a_date(tiny: Dataset) -> None:
    on_2013 = query.members(tiny, as_of="2013-01-01")
    assert [(c.code, c.history[-1].status) for c in on_2013] == [
        ("CHN", "member"), ("RUS", "member"), ("TUR", "dialogue_partner"),
    ]
    # the day a status changes belongs to the new status
    assert query.members(tiny, as_of="2025-09-01")[-1].history[-1].status == "partner"
    assert query.members(tiny, as_of="2025-08-31")[-1].history[-1].status == "dialogue_partner"


def test_countries_not_yet_associated_are_left_out(tiny: Dataset) -> None:
    assert codes(query.members(tiny, as_of="2010")) == ["CHN", "RUS"]
    assert query.members(tiny, as_of="1999-12-31") == []


def test_count_by_status(tiny: Dataset) -> None:
    assert query.count_by_status(tiny) == {
        "member": 2, "observer": 0, "dialogue_partner": 0, "partner": 1,
    }


@pytest.mark.parametrize(
    "name", ["TUR", "tr", "Türkiye", "TURKIYE", "turkey", "Republic of Türkiye", " the Turkey "]
)
def test_country_names_resolve_forgivingly(tiny: Dataset, name: str) -> None:
    assert query.find_country(tiny, name).code == "TUR"


def test_unknown_country_suggests_the_closest(tiny: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.find_country(tiny, "Rusia")
    assert caught.value.suggestions == ("Russia",)
    assert caught.value.hint == "did you mean 'Russia'?"


@pytest.mark.parametrize("name", ["", "   ", "x" * 5000])
def test_empty_or_absurd_names_are_not_found(tiny: Dataset, name: str) -> None:
    with pytest.raises(NotFoundError):
        query.find_country(tiny, name)


def test_summits_by_year_and_host(tiny: Dataset) -> None:
    assert [s.id for s in query.summits(tiny)] == ["chs-2001", "chs-2020", "chs-2025"]
    assert [s.id for s in query.summits(tiny, query.MeetingFilter(year=2020))] == ["chs-2020"]
    assert [s.id for s in query.summits(tiny, query.MeetingFilter(host="Russia"))] == ["chs-2020"]
    government = query.MeetingFilter(council="government")
    assert [s.id for s in query.summits(tiny, government)] == ["chg-2025"]
    assert query.summits(tiny, query.MeetingFilter(year=1990)) == []


@pytest.mark.parametrize("key", ["2020", "20", "20th", "chs-2020", "CHS-2020"])
def test_find_summit(tiny: Dataset, key: str) -> None:
    assert query.find_summit(tiny, key).id == "chs-2020"


def test_find_summit_miss_suggests_nearby_years(tiny: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.find_summit(tiny, "2019")
    assert caught.value.suggestions == ("2020", "2025")


def test_trade_filters(tiny: Dataset) -> None:
    assert [f.id for f in query.trade(tiny, year=2024)] == [
        "china-members-2024", "china-family-2024",
    ]
    assert [f.id for f in query.trade(tiny, scope="china_and_sco_family")] == ["china-family-2024"]
    assert [f.id for f in query.trade(tiny, year=2020)] == ["growth-2001-2020"]
    assert query.trade(tiny, year=2010) == []  # 2001/2020 is not a 2010 figure


def test_find_principle_by_id_or_name(tiny: Dataset) -> None:
    assert query.find_principle(tiny, "three-evils").id == "three-evils"
    assert query.find_principle(tiny, "shanghai spirit").id == "shanghai-spirit"
    assert query.find_principle(tiny, "evils").id == "three-evils"
    with pytest.raises(NotFoundError) as caught:
        query.find_principle(tiny, "thre evls")
    assert caught.value.suggestions[0] == "three-evils"


@pytest.mark.parametrize("name, suggestions", [("Turk", ("Türkiye",)), ("RUZ", ("Russia",)),
                                               ("United States", ()), ("usa", ())])
def test_suggestions_are_prefixes_near_codes_and_close_names(
    tiny: Dataset, name: str, suggestions: tuple[str, ...]
) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.find_country(tiny, name)
    assert caught.value.suggestions == suggestions
    if not suggestions:
        assert caught.value.hint == "'sco members' lists the 3 countries of the SCO family"
