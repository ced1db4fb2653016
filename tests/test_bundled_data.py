"""Integrity of the bundled dataset: references, dates, histories, sources, ISO codes, counts.

These check facts and rules, never the exact rendering of the real data.
"""

from __future__ import annotations

import collections
import itertools
import typing
from pathlib import Path

import pycountry
import pytest

from sco_cli import model, query
from sco_cli.dataset import Dataset, bundled_data_dir
from sco_cli.dates import date_key

COLUMN = "realnoevremya-2025-07-18"  # the Realnoe Vremya column of 18 July 2025
# The principles the column speaks of; each must cite it, agreeing or as a variant.
COLUMN_PRINCIPLES = {"shanghai-spirit", "community-with-shared-future", "five-common-homes",
                   "six-areas-of-cooperation", "gdi-priority-areas"}


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return Dataset(bundled_data_dir())


def test_bundled_dataset_is_valid(ds: Dataset) -> None:
    assert ds.validate_all() == []


def test_country_codes_are_real_iso_codes(ds: Dataset) -> None:
    for code, country in ds.index("countries").items():
        iso = pycountry.countries.get(alpha_3=code)
        assert iso is not None, code
        assert iso.alpha_2 == country.alpha2, code


def test_every_host_and_country_reference_exists(ds: Dataset) -> None:
    codes = set(ds.index("countries"))
    assert {s.host for s in ds.records("summits")} <= codes
    assert {c.country for c in ds.records("chairs")} <= codes
    assert {o.country for o in ds.records("officials") if o.country} <= codes
    assert {c for e in ds.records("events") for c in e.countries} <= codes
    assert {c.subject for c in ds.records("claims") if c.subject} <= codes
    meetings = {s.id for s in ds.records("summits")}
    decisions = {p.decision for c in ds.records("countries") for p in c.history if p.decision}
    assert decisions <= meetings


def test_every_used_source_is_defined_and_every_defined_source_used(ds: Dataset) -> None:
    ds.validate_all()
    assert ds.cited_sources() == set(ds.index("sources"))


def test_histories_are_contiguous_and_never_overlap(ds: Dataset) -> None:
    for country in ds.records("countries"):
        history = country.history
        assert history[-1].end is None, country.code
        for period, following in itertools.pairwise(history):
            assert period.end == following.start, country.code
            assert date_key(period.start) < date_key(following.start), country.code


def test_meeting_dates_are_ordered_and_numbers_increase(ds: Dataset) -> None:
    for council in ("heads-of-state", "government", "shanghai-five"):
        meetings = query.summits(ds, query.MeetingFilter(council=council))
        for summit in meetings:
            assert date_key(summit.start_date) <= date_key(summit.end_date), summit.id
        numbers = [s.number for s in meetings if s.number is not None]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), council


def test_heads_of_state_meetings_are_complete(ds: Dataset) -> None:
    held = [s for s in query.summits(ds) if s.status == "held"]
    assert [s.number for s in held] == list(range(1, 26))
    assert held[0].city == "Shanghai" and held[0].start_date.startswith("2001")
    assert held[-1].city == "Tianjin" and held[-1].start_date == "2025-08-31"
    scheduled = [s for s in query.summits(ds) if s.status == "scheduled"]
    assert [(s.city, s.start_date, s.number) for s in scheduled] == [("Bishkek", "2026", 26)]
    assert scheduled[0].inferred == ("number",) and scheduled[0].format is None


def test_chairs_and_secretaries_follow_each_other(ds: Dataset) -> None:
    # A chairmanship passes at a summit: the old term ends the day the new one starts.
    for before, after in itertools.pairwise(ds.records("chairs")):
        assert before.end is not None
        assert before.end == after.start, (before.end, after.start)  # one date, no hole
    assert ds.records("chairs")[-1].end is None and ds.records("chairs")[-1].country == "KGZ"
    for office in ("secretary-general", "rats-director"):
        terms = [o for o in ds.records("officials") if o.office == office]
        for before, after in itertools.pairwise(terms):
            if before.end and after.start:
                assert date_key(before.end) <= date_key(after.start), after.name
    assert len(query.secretaries_general(ds)) == 8


@pytest.mark.parametrize(
    "day, counts",
    [
        ("2001-06-15", (6, 0, 0, 0)),
        ("2004-06-17", (6, 1, 0, 0)),
        ("2005-07-05", (6, 4, 0, 0)),
        ("2009-07-01", (6, 4, 2, 0)),
        ("2012-06-07", (6, 5, 3, 0)),
        ("2016-01-01", (6, 6, 6, 0)),
        ("2017-07-01", (8, 4, 6, 0)),
        ("2023-07-05", (9, 3, 14, 0)),
        ("2024-07-05", (10, 2, 14, 0)),
        ("2025-08-31", (10, 2, 14, 0)),
        ("2025-09-01", (10, 0, 0, 17)),
    ],
)
def test_counts_by_status_match_the_research(
    ds: Dataset, day: str, counts: tuple[int, int, int, int]
) -> None:
    found = query.count_by_status(ds, day)
    statuses = ("member", "observer", "dialogue_partner", "partner")
    assert tuple(found[s] for s in statuses) == counts


def test_nobody_is_associated_before_the_founding(ds: Dataset) -> None:
    assert query.members(ds, as_of="2001-06-14") == []


def variants_of(record: object, field: str) -> list[object]:
    return [v.value for v in record.variants if v.field == field]


def test_known_disagreements_are_kept_side_by_side(ds: Dataset) -> None:
    growth = [f for f in ds.records("trade") if f.unit == "times" and f.period == "2001/2020"]
    assert growth and growth[0].value == 10 and 100 in variants_of(growth[0], "value")
    china = next(c for c in ds.records("chairs")
                 if c.country == "CHN" and c.start.startswith("2024"))
    assert china.slogan == "Upholding the Shanghai Spirit: SCO on the Move"
    assert "Promoting the Shanghai Spirit: SCO in Action" in variants_of(china, "slogan")
    belarus = ds.get("countries", "BLR").history[0]
    assert belarus.status == "dialogue_partner" and belarus.start.startswith("2009")
    assert any(str(v).startswith("2010") for v in variants_of(belarus, "start"))
    dushanbe = next(s for s in ds.records("summits") if s.id == "chs-2014")
    assert dushanbe.number == 14 and 13 in variants_of(dushanbe, "number")
    russia = [c for c in ds.records("claims") if c.topic == "summits_hosted" and c.subject == "RUS"]
    assert russia and russia[0].value == 4 and 5 in variants_of(russia[0], "value")
    gdi = next(p for p in ds.records("principles") if p.id == "gdi-priority-areas")
    assert len(gdi.items) == 8
    assert any(len(v) == 9 for v in variants_of(gdi, "items") if isinstance(v, list))


def test_the_realnoe_vremya_column_is_cited_across_the_dataset(ds: Dataset) -> None:
    assert {p.id for p in ds.records("principles")} >= COLUMN_PRINCIPLES
    citing = {
        "summits": any(COLUMN in s.sources for s in ds.records("summits")),
        "trade": any(COLUMN in f.sources or any(COLUMN in v.sources for v in f.variants)
                     for f in ds.records("trade")),
        "principles": all(COLUMN in p.sources or any(COLUMN in v.sources for v in p.variants)
                          for p in ds.records("principles") if p.id in COLUMN_PRINCIPLES),
        "claims": any(COLUMN in c.sources for c in ds.records("claims")),
        "chairs": any(any(COLUMN in v.sources for v in c.variants) for c in ds.records("chairs")),
    }
    assert all(citing.values()), citing


def test_dataset_metadata(ds: Dataset) -> None:
    info = ds.info
    assert info.as_of and info.version and info.licence
    newest = max(date_key(s.date) for s in ds.records("sources") if s.date_basis == "published"
                 and s.id != "iso-3166-1")
    assert date_key(info.as_of) >= newest


@pytest.mark.parametrize(
    "name, code",
    [
        ("Türkiye", "TUR"), ("turkey", "TUR"), ("TURKIYE", "TUR"), ("UAE", "ARE"),
        ("United Arab Emirates", "ARE"), ("Kyrgyz Republic", "KGZ"), ("kg", "KGZ"),
        ("Lao PDR", "LAO"), ("Laos", "LAO"), ("Lao People's Democratic Republic", "LAO"),
        ("Burma", "MMR"), ("Myanmar", "MMR"), ("Islamic Republic of Iran", "IRN"),
        ("Iran", "IRN"), ("Russian Federation", "RUS"), ("People's Republic of China", "CHN"),
        ("Sri Lanka", "LKA"), ("IN", "IND"), ("pak", "PAK"),
    ],
)
def test_common_names_and_aliases_resolve(ds: Dataset, name: str, code: str) -> None:
    assert query.find_country(ds, name).code == code


BLOCKLIST = Path(__file__).parent / "data" / "blocklist.txt"


def test_no_source_is_on_a_blocked_domain(ds: Dataset) -> None:
    """Content farms, quiz, travel and exam sites that were replaced never come back."""
    from urllib.parse import urlsplit

    lines = BLOCKLIST.read_text(encoding="utf-8").splitlines()
    blocked = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    for source in ds.records("sources"):
        host = (urlsplit(source.url).hostname or "").removeprefix("www.")
        assert not any(host == b or host.endswith("." + b) for b in blocked), source.id


def test_numbering_of_each_council_has_no_gaps(ds: Dataset) -> None:
    for council in typing.get_args(model.Council):
        numbered = sorted((s for s in ds.records("summits") if s.council == council and s.number),
                          key=lambda s: date_key(s.start_date))
        numbers = [s.number for s in numbered]
        assert numbers == list(range(1, len(numbers) + 1)) or not numbers, (council, numbers)


def test_a_named_chair_heads_the_host_delegation_unless_a_note_says_why(ds: Dataset) -> None:
    from sco_cli import people

    for summit in ds.records("summits"):
        if not (summit.chair and summit.participants):
            continue
        chair, _ = people.canonical(ds, summit.chair, summit.host)
        hosts = {people.canonical(ds, p.name, p.country)[0] for p in summit.participants
                 if p.country == summit.host and p.name}
        assert chair in hosts or "chair" in (summit.note or ""), summit.id


def test_every_source_is_classified_and_most_are_primary(ds: Dataset) -> None:
    kinds = collections.Counter(s.kind for s in ds.records("sources"))
    assert sum(kinds.values()) == len(ds.records("sources"))
    assert kinds["mirror"] + kinds["analysis"] < 0.15 * sum(kinds.values())


def test_one_preferred_claim_per_topic_basis_and_measure(ds: Dataset) -> None:
    """Each combination that a source other than a mirror or analysis page supports has
    exactly one preferred claim, and its note says why."""
    sources = ds.index("sources")
    combos: dict[tuple[str, str, str | None], list[model.Claim]] = collections.defaultdict(list)
    for claim in ds.records("claims"):
        combos[(claim.topic, claim.basis, claim.measure)].append(claim)
    for combo, claims in combos.items():
        preferred = [c for c in claims if c.preferred]
        supported = any(any(sources[s].kind not in ("mirror", "analysis") for s in c.sources)
                        for c in claims)
        topic, basis, measure = combo
        if measure is None and any(t == topic and b == basis and m and any(
                x.preferred for x in combos[(t, b, m)]) for t, b, m in combos):
            supported = False  # a measure is known for this basis: unmeasured figures need none
        assert len(preferred) == (1 if supported else len(preferred)) <= 1, combo
        for claim in preferred:
            assert "Preferred" in (claim.note or ""), claim.id


def test_trade_series_have_no_duplicate_period(ds: Dataset) -> None:
    seen = collections.Counter((f.scope, f.unit, f.indicator, f.period)
                               for f in ds.records("trade"))
    assert [key for key, n in seen.items() if n > 1] == []


def test_china_trade_with_the_members_is_a_series(ds: Dataset) -> None:
    years = [f.period for f in query.trade(ds, "china_and_other_members", unit="USD billion")
             if len(f.period) == 4]
    assert len(years) >= 10 and years == sorted(years)
