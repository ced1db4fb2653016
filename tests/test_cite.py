"""`sco cite`: the sources behind records as BibTeX (parsed back), CSL-JSON (checked field by
field against the CSL data model) and RIS; each source once, in order of first appearance."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sco_cli import cite

from conftest import TINY, Cli, edit

AS_OF = "2025-12-31"  # tests/data/tiny/dataset.toml


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(entry type, key, fields) of each entry: a small parser for what `sco cite` writes,
    strict about balanced braces and about nothing outside an entry but blank lines."""
    entries = []
    position = 0
    head = re.compile(r"\s*@(\w+)\{([^,\s{}]+),\n")
    while text[position:].strip():
        match = head.match(text, position)
        assert match, f"no entry at {text[position:position + 40]!r}"
        fields: dict[str, str] = {}
        position = match.end()
        while True:
            field = re.compile(r"  (\w+) = \{").match(text, position)
            assert field, f"no field at {text[position:position + 40]!r}"
            value, position = _braced(text, field.end())
            assert field.group(1) not in fields
            fields[field.group(1)] = value
            if text.startswith(",\n", position):
                position += 2
                continue
            assert text.startswith("\n}\n", position), text[position:position + 10]
            position += 3
            break
        entries.append((match.group(1), match.group(2), fields))
    return entries


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text up to the brace that closes one opened before `start` (escaped braces do not
    count), and the position after it."""
    depth, i = 1, start
    while depth:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        i += 1
    return text[start:i - 1], i


def unlatex(value: str) -> str:
    for plain, escaped in cite._LATEX.items():
        value = value.replace(escaped, plain) if plain != "\\" else value
    return value.replace(cite._LATEX["\\"], "\\")


def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    """Each record as its (tag, value) lines, every line checked against RIS's layout."""
    records: list[list[tuple[str, str]]] = [[]]
    for line in text.splitlines():
        if not line:
            assert not records[-1], "a blank line inside a record"
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, line
        records[-1].append((match.group(1), match.group(2)))
        if match.group(1) == "ER":
            records.append([])
    assert records[-1] == []
    return records[:-1]


def run(cli: Cli, *args: str) -> str:
    result = cli("cite", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_bibtex_parses_back_field_by_field(cli: Cli) -> None:
    entries = parse_bibtex(run(cli, "chs-2001", "beta-2019", "chs-2025"))
    assert [(kind, key) for kind, key, _ in entries] == [
        ("online", "alpha-2001-06-15"), ("online", "beta-2019"), ("online", "gamma-2025-09-01")]
    alpha, beta, gamma = (fields for _, _, fields in entries)
    assert alpha == {"title": "Alpha report on the founding", "author": "{Alpha News}",
                     "url": "https://alpha.example/founding", "date": "2001-06-15",
                     "urldate": AS_OF}
    assert beta == {"title": "[Beta yearbook entry]", "organization": "Beta Agency",
                    "url": "https://beta.example/yearbook", "year": "2019", "urldate": AS_OF,
                    "note": "machine translation."}
    assert gamma["organization"] == "Gamma Wire" and gamma["date"] == "2025-09-01"


def test_bibtex_escapes_latex_special_characters(tiny_copy: Path) -> None:
    title = r"50% of R&D_costs #1 {in} $ ~ ^ \ end"
    edit(tiny_copy, "sources.toml", 'title = "Alpha report on the founding"',
         f"title = {json.dumps(title)}")
    edit(tiny_copy, "sources.toml", 'url = "https://alpha.example/founding"',
         'url = "https://alpha.example/a%20b#frag{x}"')
    out = run(Cli(tiny_copy), "alpha-2001-06-15")
    (_, _, fields), = parse_bibtex(out)
    assert fields["title"] == (r"50\% of R\&D\_costs \#1 \{in\} \$ \textasciitilde{} "
                               r"\textasciicircum{} \textbackslash{} end")
    assert unlatex(fields["title"]) == title
    assert fields["url"] == "https://alpha.example/a%20b#frag%7Bx%7D"  # verbatim but braces


def test_csl_json_follows_the_csl_data_model(cli: Cli) -> None:
    items = json.loads(run(cli, "chs-2001", "beta-2019", "chs-2025", "--format", "csl-json"))
    alpha, beta, gamma = items
    assert alpha == {
        "id": "alpha-2001-06-15", "type": "webpage", "title": "Alpha report on the founding",
        "author": [{"literal": "Alpha News"}], "publisher": "Alpha News",
        "issued": {"date-parts": [[2001, 6, 15]]}, "accessed": {"date-parts": [[2025, 12, 31]]},
        "URL": "https://alpha.example/founding"}
    assert beta["type"] == "webpage" and beta["publisher"] == "Beta Agency"
    assert beta["issued"] == {"date-parts": [[2019]]}  # no more precise than the date
    assert beta["note"] == "machine translation."
    assert gamma["type"] == "article-newspaper" and gamma["container-title"] == "Gamma Wire"
    assert "publisher" not in gamma and "author" not in gamma
    allowed = {"id", "type", "title", "author", "container-title", "publisher", "issued",
               "accessed", "URL", "note"}
    for item in items:
        assert set(item) <= allowed and {"id", "type", "title", "accessed", "URL"} <= set(item)
        for date in (item.get("issued"), item["accessed"]):
            if date is not None:
                (parts,) = date["date-parts"]
                assert 1 <= len(parts) <= 3 and all(isinstance(p, int) for p in parts)


def test_ris_records(cli: Cli) -> None:
    records = parse_ris(run(cli, "chs-2001", "beta-2019", "chs-2025", "--format", "ris"))
    alpha, beta, gamma = (dict(r) for r in records)
    for record in records:
        assert record[0][0] == "TY" and record[-1] == ("ER", "")
    assert alpha == {"TY": "ELEC", "ID": "alpha-2001-06-15", "TI": "Alpha report on the founding",
                     "AU": "Alpha News", "PB": "Alpha News", "UR": "https://alpha.example/founding",
                     "PY": "2001", "DA": "2001/06/15/", "Y2": "2025/12/31/", "ER": ""}
    assert beta["DA"] == "2019///" and beta["N1"] == "machine translation."
    assert gamma["TY"] == "NEWS" and gamma["T2"] == "Gamma Wire" and gamma["PB"] == "Gamma Wire"


@pytest.mark.parametrize("basis, says", [("event", "Date of the event reported: 2019."),
                                          ("read", "Year read: 2019.")])
def test_a_date_that_is_not_a_publication_date_is_not_issued(tiny_copy: Path, basis: str,
                                                             says: str) -> None:
    edit(tiny_copy, "sources.toml", 'date = "2019"', f'date = "2019"\ndate_basis = "{basis}"')
    run_ = Cli(tiny_copy)
    (_, _, fields), = parse_bibtex(run(run_, "beta-2019"))
    assert "date" not in fields and "year" not in fields
    assert fields["urldate"] == AS_OF and fields["note"] == f"machine translation. {says}"
    (item,) = json.loads(run(run_, "beta-2019", "--format", "csl-json"))
    assert "issued" not in item and item["accessed"] == {"date-parts": [[2025, 12, 31]]}
    (record,) = parse_ris(run(run_, "beta-2019", "--format", "ris"))
    tags = dict(record)
    assert "PY" not in tags and "DA" not in tags and tags["Y2"] == "2025/12/31/"


def keys(cli: Cli, *ids: str) -> list[str]:
    return [key for _, key, _ in parse_bibtex(run(cli, *ids))]


def test_sources_of_variants_participants_and_histories_once_each(cli: Cli) -> None:
    # chs-2025 cites gamma; a participant's variant cites beta.
    assert keys(cli, "chs-2025") == ["gamma-2025-09-01", "beta-2019"]
    # Türkiye cites beta, its history beta (and in a variant) and gamma.
    assert keys(cli, "TUR") == ["beta-2019", "gamma-2025-09-01"]
    assert keys(cli, "chs-2025", "TUR", "chs-2001", "chs-2025") == [
        "gamma-2025-09-01", "beta-2019", "alpha-2001-06-15"]
    assert keys(cli, "tur") == keys(cli, "TUR")  # case does not matter


def test_records_of_every_kind_can_be_cited(cli: Cli) -> None:
    from sco_cli import kinds, query
    from sco_cli.dataset import Dataset

    tiny = Dataset(TINY)
    for kind in kinds.RECORDS:
        for record in query.listed(tiny, kind):
            ident = kinds.record_id(kind, record)
            assert keys(cli, ident), (kind.name, ident)
    # A person as `sco people` shows them: people.toml and the meetings they attended.
    assert keys(cli, "emomali-rahmon") == ["alpha-2001-06-15", "beta-2019"]
    assert keys(cli, "vladimir-putin") == ["alpha-2001-06-15", "beta-2019"]


def test_an_unknown_id_exits_1_with_a_suggestion(cli: Cli) -> None:
    result = cli("cite", "chs-2001", "chs-2052")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: no record matches 'chs-2052'" in result.stderr
    assert "Did you mean 'chs-2025'" in result.stderr


def test_usage_errors(cli: Cli) -> None:
    assert cli("cite").exit_code == 2
    result = cli("cite", "chs-2001", "--format", "apa")
    assert result.exit_code == 2 and "apa" in result.stderr


def test_rendering_without_the_cli() -> None:
    from sco_cli.dataset import Dataset

    tiny = Dataset(TINY)
    found: list[Any] = cite.sources_of(tiny, ["chs-2020"])
    assert [s.id for s in found] == ["beta-2019"]
    for format_ in cite.FORMATS:
        assert "beta-2019" in cite.render(found, format_, AS_OF)


def test_citation_cff_names_the_release_and_the_dataset() -> None:
    import tomli

    root = TINY.parent.parent.parent
    text = (root / "CITATION.cff").read_text(encoding="utf-8")
    top = dict(re.findall(r"^([a-z-]+): (.+)$", text, re.M))
    project = tomli.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dataset = tomli.loads((root / "data" / "dataset.toml").read_text(encoding="utf-8"))
    assert top["cff-version"] == "1.2.0"
    assert top["version"] == project["version"]
    assert json.loads(top["title"]) == dataset["dataset"]["title"]
    assert top["license"] == "CC-BY-4.0"  # a single SPDX identifier: CFF 1.2.0 has no AND
    assert "MIT AND CC-BY-4.0" in " ".join(text.split())
    authors = re.search(r"^authors:\n  - name: (.+)$", text, re.M)
    assert authors and authors.group(1) == project["authors"][0]["name"]
    assert {"message", "type"} <= set(top)
