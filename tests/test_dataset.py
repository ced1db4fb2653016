"""The loader: parses lazily, builds records, and rejects bad data naming file, record and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from sco_cli import model
from sco_cli.dataset import Dataset
from sco_cli.dates import check_date, check_period, date_key
from sco_cli.errors import DataError

from conftest import edit


def problems_of(root: Path, section: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        Dataset(root).records(section)
    return [str(p) for p in caught.value.problems]


def test_tiny_dataset_is_valid(tiny: Dataset) -> None:
    assert tiny.validate_all() == []


def test_records_are_immutable_values(tiny: Dataset) -> None:
    summit = tiny.records("summits")[0]
    assert isinstance(summit, model.Summit)
    assert summit.outcomes == ("Declaration on the Establishment of the SCO",)
    with pytest.raises(AttributeError):
        summit.city = "Elsewhere"  # type: ignore[misc]


def test_parses_only_the_files_a_section_needs(tiny: Dataset) -> None:
    assert tiny.records("trade")
    assert tiny.files_read() == {"trade.toml", "sources.toml"}


def test_nested_records_and_variants_are_built(tiny: Dataset) -> None:
    turkey = tiny.get("countries", "TUR")
    assert [p.status for p in turkey.history] == ["dialogue_partner", "partner"]
    assert turkey.history[0].variants == (
        model.Variant(field="start", value="2013", sources=("beta-2019",), note="memorandum year"),
    )


def test_rejects_unknown_key(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'city = "Tianjin"', 'city = "Tianjin"\ncty = "x"')
    [problem] = problems_of(tiny_copy, "summits")
    assert problem.endswith(
        "summits.toml: summit 'chs-2025': cty: unknown key (did you mean 'city'?)"
    )


def test_rejects_missing_required_key(tiny_copy: Path) -> None:
    edit(tiny_copy, "trade.toml", 'unit = "times"\n', "")
    [problem] = problems_of(tiny_copy, "trade")
    assert problem.endswith("trade.toml: figure 'growth-2001-2020': unit: missing")


def test_rejects_wrong_type(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", "number = 25", 'number = "25th"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "summit 'chs-2025': number: expected an integer, got a string" in problem


def test_rejects_malformed_date(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'start_date = "2025-08-31"', 'start_date = "2025-02-30"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "summit 'chs-2025': start_date: '2025-02-30' has no day 30" in problem


def test_rejects_undefined_source(tiny_copy: Path) -> None:
    edit(tiny_copy, "principles.toml", 'sources = ["alpha-2001-06-15"]', 'sources = ["alpha-2001"]')
    [problem] = problems_of(tiny_copy, "principles")
    assert "principle 'shanghai-spirit': sources[0]: unknown source 'alpha-2001'" in problem


def test_rejects_country_code_not_in_dataset(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'host = "RUS"', 'host = "FRA"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "summit 'chs-2020': host: unknown country 'FRA'" in problem


def test_rejects_duplicate_id(tiny_copy: Path) -> None:
    edit(tiny_copy, "trade.toml", 'id = "china-family-2024"', 'id = "china-members-2024"')
    [problem] = problems_of(tiny_copy, "trade")
    assert "figure 'china-members-2024': the same id as figure 'china-members-2024'" in problem


def test_rejects_duplicate_chair_and_secretary_ids(tiny_copy: Path) -> None:
    with (tiny_copy / "chairs.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[[chair]]\ncountry = "CHN"\nstart = "2025-09-01"\n'
                     'sources = ["beta-2019"]\n')
    [problem] = problems_of(tiny_copy, "chairs")
    assert "chair 'CHN-2025-09-01': the same id as chair 'CHN-2025-09-01'" in problem
    edit(tiny_copy, "officials.toml", '[[official]]', '[[official]]\nname = "First  secretary"'
         '\ncountry = "CHN"\noffice = "secretary-general"\nstart = "2001"\nend = "2003"\n'
         'sources = ["beta-2019"]\n\n[[official]]')
    [problem] = problems_of(tiny_copy, "officials")
    assert "the same id as official 'first-secretary'" in problem


def test_checks_every_record_and_reference_despite_other_problems(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", "number = 25", 'number = "25th"')
    edit(tiny_copy, "summits.toml", 'end_date = "2001-06-15"', 'end_date = "2001-06-01"')
    edit(tiny_copy, "summits.toml", 'sources = ["beta-2019"]', 'sources = ["nowhere"]')
    found = problems_of(tiny_copy, "summits")
    assert len(found) == 3, found
    ds = Dataset(tiny_copy)
    for _ in range(2):  # every time it is asked for, not only the first
        with pytest.raises(DataError):
            ds.records("summits")


def test_partial_end_dates_cover_their_period(tiny_copy: Path) -> None:
    edit(tiny_copy, "officials.toml", 'start = "2004"\nend = "2006"',
         'start = "2004-06-01"\nend = "2004"')
    assert Dataset(tiny_copy).validate_all() == []
    assert check_period("2025-03/2025") is None


def test_rejects_unknown_meeting_reference(tiny_copy: Path) -> None:
    edit(tiny_copy, "countries.toml", 'decision = "chs-2001"', 'decision = "chs-1999"')
    [problem] = problems_of(tiny_copy, "countries")
    assert "country 'TUR': history[0].decision: unknown meeting 'chs-1999'" in problem


def test_rejects_value_outside_its_choices(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'format = "virtual"', 'format = "online"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "format: 'online' is not one of: in_person, virtual, hybrid" in problem


def test_rejects_variant_of_a_field_that_does_not_exist(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'field = "number"', 'field = "ordinal"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "variants[0].field: 'ordinal' is not a field that can vary" in problem


def test_rejects_variant_value_of_the_wrong_type(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", "value = 19", 'value = "nineteen"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "variants[0].value: expected an integer, got a string" in problem


def test_rejects_history_with_a_gap(tiny_copy: Path) -> None:
    edit(tiny_copy, "countries.toml", 'end = "2025-09-01"', 'end = "2025-08-01"')
    [problem] = problems_of(tiny_copy, "countries")
    assert "history[0].end: 2025-08-01 is not the next start 2025-09-01" in problem


def test_rejects_end_before_start(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'end_date = "2025-09-01"', 'end_date = "2025-08-01"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "end_date: 2025-08-01 is before start_date 2025-08-31" in problem


def test_toml_syntax_error_names_line_and_column(tiny_copy: Path) -> None:
    edit(tiny_copy, "trade.toml", "value = 512.4", "value = 512.4.1")
    [problem] = problems_of(tiny_copy, "trade")
    assert "trade.toml:5:" in problem and "TOML syntax" in problem


def test_file_that_is_not_utf8(tiny_copy: Path) -> None:
    (tiny_copy / "trade.toml").write_bytes(b'[[figure]]\nid = "\xff"\n')
    [problem] = problems_of(tiny_copy, "trade")
    assert problem.endswith("trade.toml: not UTF-8 text (byte 17 is invalid)")


def test_missing_file(tiny_copy: Path) -> None:
    (tiny_copy / "claims.toml").unlink()
    [problem] = problems_of(tiny_copy, "claims")
    assert problem.endswith("claims.toml: file not found")


def test_validate_all_reports_every_problem(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'host = "RUS"', 'host = "FRA"')
    edit(tiny_copy, "trade.toml", 'unit = "times"\n', "")
    edit(tiny_copy, "claims.toml", 'basis = "members"', 'basis = "everyone"')
    found = [str(p) for p in Dataset(tiny_copy).validate_all()]
    assert len(found) == 3
    assert any("unknown country 'FRA'" in p for p in found)
    assert any("unit: missing" in p for p in found)
    assert any("'everyone' is not one of" in p for p in found)


def test_validate_all_reports_unused_sources(tiny_copy: Path) -> None:
    with (tiny_copy / "sources.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[[source]]\nid = "unused"\ntitle = "t"\npublisher = "p"\n'
                     'url = "https://x.example"\ndate = "2020"\nkind = "press"\n')
    found = [str(p) for p in Dataset(tiny_copy).validate_all()]
    assert found == [f"{tiny_copy / 'sources.toml'}: source 'unused': is never cited"]


@pytest.mark.parametrize("value", ["2001", "2001-06", "2001-06-15", "2024-02-29"])
def test_accepts_full_and_partial_dates(value: str) -> None:
    assert check_date(value) is None


@pytest.mark.parametrize("value", ["01", "2001-6", "2001-13", "2023-02-29", "15 June 2001", ""])
def test_rejects_malformed_dates(value: str) -> None:
    assert check_date(value) is not None


def test_periods_and_date_keys() -> None:
    assert check_period("2025-01/2025-06") is None
    assert check_period("2025/2024") == "'2025/2024' ends before it starts"
    assert date_key("2005") == "2005-01-01"
    assert date_key("2005-07") == "2005-07-01"
    assert date_key("2005-07-05") == "2005-07-05"


def test_a_participant_needs_a_country_or_an_organisation(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'country = "CHN"\nname = "Jiang Zemin"', 'name = "Jiang Zemin"')
    [problem] = problems_of(tiny_copy, "summits")
    assert "summit 'chs-2001': participants[0]: needs a country or an organisation" in problem
