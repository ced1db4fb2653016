"""Every command's JSON output validates against the schema `sco schema NAME` publishes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from sco_cli import contract
from sco_cli.dataset import bundled_data_dir

from conftest import TINY, Cli

# name -> invocations whose --json output the schema must accept
COMMANDS = {
    "about": [["about"]],
    "summits": [["summits"], ["summits", "2020"], ["summits", "--council", "government"]],
    "members": [["members"], ["members", "--as-of", "2013"]],
    "country": [["country", "TUR"], ["country", "China", "--as-of", "2010"]],
    "trade": [["trade"], ["trade", "china-family-2024"]],
    "principles": [["principles"], ["principles", "three-evils"]],
    "chairs": [["chairs"], ["chairs", "RUS-2019-06"]],
    "secretaries": [["secretaries"], ["secretaries", "first-secretary"]],
    "officials": [["officials"], ["officials", "a-director"], ["officials", "--office",
                                                                 "rats-director"]],
    "documents": [["documents"], ["documents", "charter-2002"], ["documents", "--kind",
                                                                  "charter"]],
    "people": [["people"], ["people", "rakhmonov"]],
    "institutions": [["institutions"], ["institutions", "rats"]],
    "claims": [["claims"], ["claims", "population-2025"]],
    "events": [["events"], ["events", "founding"]],
    "sources": [["sources"], ["sources", "beta-2019"]],
    "search": [["search", "shanghai"]],
    "timeline": [["timeline"]],
}


TINY_ONLY = {"beta-2019", "a-director", "charter-2002", "rakhmonov", "china-family-2024",
             "three-evils", "population-2025", "founding", "RUS-2019-06", "first-secretary"}


def test_every_json_command_has_a_schema() -> None:
    assert set(contract.schema_names()) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = contract.schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_schema_requires_every_key_and_forbids_others(name: str) -> None:
    document = contract.schema(name)
    record = document if "properties" in document else document["$defs"]["record"]
    assert record["additionalProperties"] is False
    assert record["required"] == list(record["properties"])
    for shape in document.get("$defs", {}).values():
        assert shape["additionalProperties"] is False
        assert shape["required"] == list(shape["properties"])


@pytest.mark.parametrize("data", [TINY, bundled_data_dir()], ids=["tiny", "bundled"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_real_output_matches_its_schema(name: str, data: Path) -> None:
    validator = jsonschema.Draft202012Validator(contract.schema(name))
    run = Cli(data)
    for args in COMMANDS[name]:
        if data != TINY and args[-1] in TINY_ONLY:
            continue
        result = run(*args, "--json")
        assert result.exit_code == 0, (args, result.output)
        errors = sorted(validator.iter_errors(json.loads(result.stdout)), key=str)
        assert not errors, f"{args}: {errors[0]}"


def test_schema_command_prints_json_and_lists_names(cli: Cli) -> None:
    listed = cli("schema")
    assert listed.exit_code == 0
    assert listed.stdout.split() == list(contract.schema_names())
    members = cli("schema", "members")
    assert json.loads(members.stdout)["title"] == "sco members --json"


def test_unknown_schema_is_a_usage_error_listing_the_names(cli: Cli) -> None:
    result = cli("schema", "member")
    assert result.exit_code == 2
    assert "choose from: about, summits, members" in result.stderr


def test_schema_rejects_a_key_the_contract_does_not_have() -> None:
    validator = jsonschema.Draft202012Validator(contract.schema("sources"))
    record = {"id": "x", "title": "t", "publisher": "p", "url": "u", "date": "2020",
              "date_basis": "published", "kind": "press", "note": None}
    assert validator.is_valid([record])
    assert not validator.is_valid([{**record, "extra": 1}])
    assert not validator.is_valid([{**record, "date": "June 2020"}])
