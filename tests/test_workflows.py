"""The analyst's workflows: listing controls, filters that do not clash with --format,
several ids in one call, the pager, brief panels with whole URLs, the overview's JSON."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TINY, Cli
from test_readme import run_in_terminal


def ids(cli: Cli, *args: str) -> list[str]:
    return [r.get("id", r.get("code")) for r in json.loads(cli(*args, "--json").stdout)]


def test_sort_reverse_and_limit_on_every_listing(cli: Cli) -> None:
    assert ids(cli, "summits", "--sort", "city") == ["chs-2001", "chs-2025", "chs-2020"]
    assert ids(cli, "members", "--sort", "name", "--reverse") == ["TUR", "RUS", "CHN"]
    assert ids(cli, "sources", "--limit", "2") == ["alpha-2001-06-15", "beta-2019"]
    result = cli("trade", "--sort", "nope")
    assert result.exit_code == 2 and "valid fields: id, indicator" in result.stderr


@pytest.mark.parametrize("command", ["summits", "members", "trade", "principles", "chairs",
                                     "secretaries", "officials", "institutions", "claims",
                                     "events", "sources", "people", "documents", "timeline",
                                     "search"])
def test_every_listing_takes_the_controls(cli: Cli, command: str) -> None:
    args = [command, "shanghai"] if command == "search" else [command]
    result = cli(*args, "--limit", "1", "--reverse", "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) <= 1


def test_summits_of_every_council_by_mode_city_and_window(cli: Cli) -> None:
    assert ids(cli, "summits", "--council", "all") == ["chs-2001", "chs-2020", "chs-2025",
                                                       "chg-2025"]
    assert ids(cli, "summits", "--council", "all", "--mode", "virtual") == ["chs-2020"]
    assert ids(cli, "summits", "--council", "all", "--city", "moscow") == ["chg-2025"]
    assert ids(cli, "summits", "--council", "all", "--since", "2025-09") == ["chs-2025",
                                                                            "chg-2025"]
    assert cli("summits", "chs-2025", "--council", "government").exit_code == 2
    city = cli("summits", "Tianjin")
    assert city.exit_code == 1 and "--city" in city.stderr


def test_several_ids_in_one_call(cli: Cli) -> None:
    both = json.loads(cli("country", "CHN", "Russia", "--json").stdout)
    assert [c["code"] for c in both] == ["CHN", "RUS"]
    assert json.loads(cli("country", "CHN", "--json").stdout)["code"] == "CHN"
    sources = json.loads(cli("sources", "beta-2019", "alpha-2001-06-15", "--json").stdout)
    assert [s["id"] for s in sources] == ["beta-2019", "alpha-2001-06-15"]


def test_brief_panels_and_whole_urls(cli: Cli) -> None:
    full = cli("summits", "2025", "--format", "table").stdout
    assert "[1] https://gamma.example/tianjin" in full.splitlines()
    brief = cli("summits", "2025", "--format", "table", "--brief").stdout
    assert "Sources" not in brief and "https://" not in brief


def test_bare_json_is_the_overview(cli: Cli) -> None:
    about = json.loads(cli("--json").stdout)
    assert about["name"] and about["tool_version"] and len(about["dataset_fingerprint"]) == 12
    assert about["dataset_modified"] is True  # the tiny dataset is not the bundled one
    assert "modified" in cli("--version").stdout


def run_on_terminal(args: list[str], env: dict[str, str], rows: int = 10) -> str:
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "sco_cli", *args])
    return run_in_terminal(command, env, rows)


def test_output_taller_than_the_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    pager = tmp_path / "pager"
    paged = tmp_path / "paged.txt"
    pager.write_text(f"#!/bin/sh\ncat > {paged}\necho PAGED\n", encoding="utf-8")
    pager.chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key not in ("LINES", "COLUMNS")}
    env.update({"SCO_DATA": str(TINY), "SCO_PAGER": str(pager)})
    shown = run_on_terminal(["summits", "2025"], env)
    assert "PAGED" in shown and "Tianjin" in paged.read_text(encoding="utf-8")
    short = run_on_terminal(["members", "--fields", "code"], env, rows=40)
    assert "PAGED" not in short and "CHN" in short  # fits: no pager
    paged.unlink()
    off = run_on_terminal(["--no-pager", "summits", "2025"], env)
    assert "PAGED" not in off and "Tianjin" in off and not paged.exists()
    piped = subprocess.run([sys.executable, "-m", "sco_cli", "summits", "2025"], env=env,
                           capture_output=True, text=True, timeout=20)
    assert "PAGED" not in piped.stdout and "Tianjin" in piped.stdout  # never in a pipe
