"""The Python API returns exactly what each command's --json prints, and raises what the
command reports."""

from __future__ import annotations

import json

import pytest

from sco_cli import api
from sco_cli.errors import NotFoundError, UsageError

from conftest import TINY, Cli

CALLS = [
    ("about", (), {}, []),
    ("summits", (), {}, []),
    ("summits", ("2020",), {}, ["2020"]),
    ("summits", (), {"council": "all", "sort": "city", "reverse": True},
     ["--council", "all", "--sort", "city", "--reverse"]),
    ("members", (), {"as_of": "2013-01-01"}, ["--as-of", "2013-01-01"]),
    ("country", ("Türkiye",), {}, ["Türkiye"]),
    ("country", ("China", "RUS"), {}, ["China", "RUS"]),
    ("people", ("rakhmonov",), {}, ["rakhmonov"]),
    ("documents", (), {"kind": "charter"}, ["--kind", "charter"]),
    ("trade", (), {"limit": 1}, ["--limit", "1"]),
    ("principles", (), {}, []),
    ("chairs", (), {}, []),
    ("secretaries", (), {}, []),
    ("officials", (), {"office": "rats-director"}, ["--office", "rats-director"]),
    ("institutions", ("rats",), {}, ["rats"]),
    ("claims", (), {}, []),
    ("events", (), {}, []),
    ("sources", (), {"kind": "analysis"}, ["--kind", "analysis"]),
    ("search", ("shanghai",), {}, ["shanghai"]),
    ("timeline", (), {"kind": ["summit", "chair"]}, ["--kind", "summit", "--kind", "chair"]),
]


@pytest.mark.parametrize("command, args, kwargs, argv", CALLS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CALLS)])
def test_api_returns_what_json_prints(cli: Cli, command: str, args: tuple[str, ...],
                                      kwargs: dict[str, object], argv: list[str]) -> None:
    expected = json.loads(cli(command, *argv, "--json").stdout)
    assert getattr(api, command)(*args, data=str(TINY), **kwargs) == expected


def test_every_data_command_has_a_function() -> None:
    assert {c[0] for c in CALLS} | {"cite"} == set(api.COMMANDS)
    assert api.members.__name__ == "members" and "as_of" in str(
        __import__("inspect").signature(api.members))


def test_cite_returns_csl_json() -> None:
    cited = api.cite("chs-2025", data=str(TINY))
    assert cited and {"id", "type", "title", "URL"} <= set(cited[0])


def test_errors_carry_the_message_and_suggestion() -> None:
    with pytest.raises(NotFoundError) as caught:
        api.country("Turky", data=str(TINY))
    assert caught.value.message == "no country matches 'Turky'"
    assert caught.value.hint == "did you mean 'Türkiye'?"
    with pytest.raises(UsageError, match="--council"):
        api.summits(council="nope", data=str(TINY))
    with pytest.raises(UsageError, match="takes no option 'colour'"):
        api.summits(colour="red", data=str(TINY))
