"""Capture what every command prints, in every format, to compare two versions of sco.

A refactoring must not change what users see except where CHANGELOG.md says so. Capture the
outputs before, change the code, capture again and compare:

    python tests/snapshot_outputs.py capture /tmp/before
    ... change the code ...
    python tests/snapshot_outputs.py capture /tmp/after
    python tests/snapshot_outputs.py compare /tmp/before /tmp/after

Each command runs in-process against the bundled dataset and against tests/data/tiny, with a
fixed width. Record ids are taken from each listing's own JSON, so the same script serves any
dataset. Not a test: it writes files, and its answer is a diff for a person to read.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from sco_cli import dataset
from sco_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATASETS = {"bundled": ROOT / "data", "tiny": ROOT / "tests" / "data" / "tiny"}
FORMATS = ("table", "plain", "json", "ndjson", "csv", "tsv")
WIDTHS = ("100", "60")

# Command lines run in every format; "{kind}" is replaced by the first id of that listing.
LINES = [
    ["about"], ["summits"], ["summits", "{summits}"], ["summits", "--council", "government"],
    ["summits", "--council", "shanghai-five"], ["summits", "--council", "foreign-ministers"],
    ["summits", "--host", "Russia"], ["summits", "--year", "2024"], ["members"],
    ["members", "--as-of", "2017-07-01"], ["members", "--status", "partner"],
    ["members", "--status", "observer"], ["country", "India"],
    ["country", "India", "--as-of", "2010"], ["country", "China"], ["trade"],
    ["trade", "{trade}"], ["trade", "--year", "2024"], ["principles"],
    ["principles", "{principles}"], ["chairs"], ["chairs", "{chairs}"], ["chairs", "2020"],
    ["secretaries"], ["secretaries", "{secretaries}"], ["institutions"],
    ["institutions", "{institutions}"], ["claims"], ["claims", "--topic", "gdp"],
    ["claims", "{claims}"], ["events"], ["events", "{events}"], ["sources"],
    ["sources", "{sources}"], ["sources", "--publisher", "TASS"], ["search", "tianjin"],
    ["search", "charter"], ["search", "India"], ["timeline"],
    ["timeline", "--since", "2017", "--until", "2018"], ["timeline", "--country", "Belarus"],
]
# Run once each, in their own format.
OTHER = [
    [], ["--version"], ["--help"], ["schema"], ["data", "validate"],
    ["data", "validate", "--json"], ["summits", "nosuch"], ["country", "Indai"],
    ["members", "--fields", "nosuch"], ["summits", "2025", "--year", "2024"],
]
HELP = ["about", "summits", "members", "country", "trade", "principles", "chairs", "secretaries",
        "institutions", "claims", "events", "sources", "search", "timeline", "schema"]


def run(args: list[str], data: Path, width: str) -> str:
    dataset.load.cache_clear()
    from sco_cli import query

    getattr(query, "_country_index", None) and query._country_index.cache_clear()
    env = {"SCO_DATA": str(data), "NO_COLOR": "1", "COLUMNS": width, "TERM": "xterm"}
    result = CliRunner().invoke(app, args, env=env, prog_name="sco")
    return f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"


def first_ids(data: Path) -> dict[str, str]:
    ids = {}
    for kind in ("summits", "trade", "principles", "chairs", "secretaries", "institutions",
                 "claims", "events", "sources"):
        rows = json.loads(run([kind, "--json"], data, "100").split("--- stdout\n")[1]
                          .split("--- stderr")[0])
        ids[kind] = rows[-1]["id"]
    return ids


def capture(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, data in DATASETS.items():
        ids = first_ids(data)
        lines = [[a.format(**ids) for a in line] for line in LINES]
        cases = [(line + ["--format", fmt], w) for line in lines for fmt in FORMATS
                 for w in (WIDTHS if fmt == "table" else WIDTHS[:1])]
        cases += [(line, "100") for line in OTHER]
        cases += [([command, "--help"], "100") for command in HELP]
        cases += [(["schema", kind], "100") for kind in
                  run(["schema"], data, "100").split("--- stdout\n")[1].split()[:-2]]
        for args, width in cases:
            key = f"{name}__{'_'.join(args) or 'bare'}__w{width}".replace("/", "%")
            (target / (key[:200] + ".txt")).write_text(run(args, data, width), encoding="utf-8")
    print(f"captured {len(list(target.iterdir()))} outputs in {target}")


def compare(before: Path, after: Path) -> int:
    old = {p.name for p in before.iterdir()}
    new = {p.name for p in after.iterdir()}
    changed = 0
    for name in sorted(old | new):
        a = (before / name).read_text(encoding="utf-8").splitlines() if name in old else []
        b = (after / name).read_text(encoding="utf-8").splitlines() if name in new else []
        if a != b:
            changed += 1
            sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
                a, b, f"before/{name}", f"after/{name}", lineterm="", n=1))
    print(f"{changed} of {len(old | new)} outputs differ")
    return 1 if changed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "capture":
        capture(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
