"""Search ranks hits across every kind of record; the timeline orders every dated event."""

from __future__ import annotations

import json

from sco_cli import search, timeline
from sco_cli.dataset import Dataset
from sco_cli.names import fold

from conftest import Cli


def test_fold_keeps_positions() -> None:
    assert fold("Türkiye, Ankara") == "turkiye  ankara"
    assert len(fold("Çé-ß")) == 4


def test_names_rank_above_notes_and_sources(tiny: Dataset) -> None:
    hits = search.search(tiny, "tianjin")
    assert [(h.kind, h.id, h.field) for h in hits] == [
        ("summit", "chs-2025", "city"),
        ("source", "gamma-2025-09-01", "title"),
    ]
    assert hits[0].score > hits[1].score


def test_every_word_must_match_in_one_field(tiny: Dataset) -> None:
    assert [h.id for h in search.search(tiny, "moscow declaration")] == ["chs-2020"]
    assert search.search(tiny, "moscow tianjin") == []


def test_whole_words_rank_above_parts_of_words(tiny: Dataset) -> None:
    hits = search.search(tiny, "trust")
    assert hits[0].id == "shanghai-spirit" and hits[0].field == "items[0]"
    whole = search.search(tiny, "evils")[0]
    part = search.search(tiny, "evil")[0]
    assert whole.id == part.id == "three-evils"
    assert whole.score > part.score


def test_accents_and_case_do_not_matter(tiny: Dataset) -> None:
    assert [h.id for h in search.search(tiny, "TURKIYE")] == ["TUR"]
    assert search.search(tiny, "Türkiye")[0].snippet == "Türkiye"


def test_snippet_marks_the_match(tiny: Dataset) -> None:
    hit = search.search(tiny, "establishment")[0]
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "Establishment"


def test_empty_query_and_no_hits(tiny: Dataset, cli: Cli) -> None:
    assert search.search(tiny, "  ") == []
    result = cli("search", "zzzz", "--json")
    assert result.exit_code == 0 and result.stdout == "[]\n"


def test_search_json_contract(cli: Cli) -> None:
    hits = json.loads(cli("search", "moscow", "--json").stdout)
    assert hits[0].keys() == {"kind", "id", "field", "snippet", "score"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_timeline_is_in_date_order(tiny: Dataset) -> None:
    entries = timeline.timeline(tiny)
    keys = [e.date for e in entries]
    assert keys[0] == "2001-06-14"  # the founding summit opened the day before
    assert [e.kind for e in entries if e.date == "2001-06-15"] == [
        "event", "status", "status", "document"]
    assert [e.date for e in entries] == sorted(keys, key=lambda d: (d + "-01-01")[:10])


def test_timeline_filters(tiny: Dataset) -> None:
    since = timeline.timeline(tiny, since="2025-09-01")
    assert [(e.kind, e.id) for e in since] == [
        ("status", "TUR"), ("chair", "CHN-2025-09-01"), ("summit", "chg-2025"),
    ]
    assert all(e.date >= "2025-09-01" for e in since)
    until = timeline.timeline(tiny, until="2001")
    assert {e.date[:4] for e in until} == {"2001"}
    turkey = timeline.timeline(tiny, country="TUR")
    assert [e.title for e in turkey] == ["Türkiye becomes a dialogue partner",
                                          "Türkiye becomes an SCO partner"]
    meetings = timeline.timeline(tiny, kinds=("summit",))
    assert [e.id for e in meetings] == ["chs-2001", "chs-2020", "chs-2025", "chg-2025"]


def test_timeline_command(cli: Cli) -> None:
    result = cli("timeline", "--country", "Turkey", "--json")
    assert [e["kind"] for e in json.loads(result.stdout)] == ["status", "status"]
    bad = cli("timeline", "--since", "yesterday")
    assert bad.exit_code == 2 and "--since" in bad.stderr


def test_highlights_land_on_the_match_despite_control_characters(tiny_copy) -> None:  # type: ignore[no-untyped-def]
    from conftest import edit

    edit(tiny_copy, "summits.toml", '"Tianjin Declaration"', '"Held\\n\\n\\tin Tianjin"')
    hits = search.search(Dataset(tiny_copy), "tianjin declaration held")
    assert hits == []
    hit = next(h for h in search.search(Dataset(tiny_copy), "held") if h.field == "outcomes[0]")
    start, end = hit.spans[0]
    assert hit.snippet[start:end] == "Held" and "\n" not in hit.snippet


def test_a_country_is_found_by_any_of_its_names(tiny_copy) -> None:  # type: ignore[no-untyped-def]
    from conftest import edit

    edit(tiny_copy, "trade.toml", 'note = "Members, observers and dialogue partners."',
         'note = "Members, observers and dialogue partners such as Turkey."')
    ds = Dataset(tiny_copy)
    by_alias = {(h.kind, h.id) for h in search.search(ds, "Türkiye")}
    assert ("trade", "china-family-2024") in by_alias  # the note says "Turkey"
    assert ("country", "TUR") in by_alias
    assert {(h.kind, h.id) for h in search.search(ds, "tur")} == by_alias
