"""Scaling benchmark: start-up and search on datasets 1, 10 and 100 times the bundled one.

Each larger dataset is the bundled one copied N times with every id, code and reference renamed
per copy, so it validates like the real one. `sco` reads it through `--data DIR`.
For each size: the floor (tomllib parses every file, json prints it), `sco members --json` and
`sco search tianjin`, their medians and ratios to the floor.

    python benchmarks/scale.py                  # sizes 1, 10, 100
    python benchmarks/scale.py --sizes 1 10 --runs 5
    python benchmarks/scale.py --cache          # with SCO_CACHE_DIR set and warmed first
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import string
import sys
import tempfile
from pathlib import Path
from typing import Any

import tomllib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import FLOOR, default_data_dir, run_once, sco_command  # noqa: E402

ID_KEYS = {"id", "decision", "summit"}
CODE_KEYS = {"host", "country", "subject", "code"}


def fresh_codes(taken: set[str]) -> itertools.chain[str]:
    letters = string.ascii_uppercase
    every = ("".join(t) for t in itertools.product(letters, repeat=3))
    return itertools.chain(c for c in every if c not in taken)


def renamed(value: Any, key: str, copy: int, codes: dict[str, str]) -> Any:
    """`value` of `key` in copy number `copy`: ids suffixed, country codes mapped."""
    suffix = f"-x{copy}" if copy else ""
    if isinstance(value, dict):
        return {k: renamed(v, k, copy, codes) for k, v in value.items()}
    if isinstance(value, list):
        if key in ("sources", "countries"):
            return [renamed(v, "source" if key == "sources" else "country", copy, codes)
                    for v in value]
        return [renamed(v, key, copy, codes) for v in value]
    if not isinstance(value, str) or not copy:
        return value
    if key in ID_KEYS or key == "source":
        return value + suffix
    if key in CODE_KEYS:
        return codes.get(value, value)
    if key == "name" and value not in codes.values():
        return f"{value} {copy}"
    return value


def cited_sources(value: Any, copy: int) -> list[str]:
    """Every source id cited anywhere inside `value`, as copy number `copy` names it."""
    if isinstance(value, dict):
        found = [renamed(s, "source", copy, {}) for s in value.get("sources", [])]
        return found + [s for k, v in value.items() if k != "sources"
                        for s in cited_sources(v, copy)]
    if isinstance(value, list):
        return [s for v in value for s in cited_sources(v, copy)]
    return []


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"


def write_toml(path: Path, data: dict[str, Any]) -> None:
    lines = []
    for key, value in data.items():
        tables = value if isinstance(value, list) else [value]
        for table in tables:
            lines.append(f"[[{key}]]" if isinstance(value, list) else f"[{key}]")
            lines.extend(f"{k} = {toml_value(v)}" for k, v in table.items())
            lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def generate(source: Path, target: Path, times: int) -> None:
    files = {p.name: tomllib.loads(p.read_text(encoding="utf-8")) for p in source.glob("*.toml")}
    originals = [c["code"] for c in files["countries.toml"]["country"]]
    pool = fresh_codes(set(originals))
    maps = [{}] + [{code: next(pool) for code in originals} for _ in range(1, times)]
    for name, data in files.items():
        out: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, list):
                out[key] = [renamed(item, key, copy, maps[copy])
                            for copy in range(times) for item in value]
            else:  # a single table ([dataset], [organisation]) stays single, citing every copy
                out[key] = dict(value)
                if "sources" in value:
                    cited = [s for copy in range(times) for s in cited_sources(value, copy)]
                    out[key]["sources"] = list(dict.fromkeys(cited))
        write_toml(target / name, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", action="store_true",
                        help="set SCO_CACHE_DIR (a fresh directory per size) and warm it first")
    args = parser.parse_args()
    sco = sco_command()
    bundled = default_data_dir()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} runs each")
    print(f"{'size':>5} {'TOML':>9} {'floor':>9} {'members --json':>15} {'ratio':>6} "
          f"{'search':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        for size in args.sizes:
            data = Path(tmp) / f"x{size}"
            data.mkdir()
            generate(bundled, data, size)
            env = {k: v for k, v in os.environ.items() if k not in ("SCO_DATA", "FORCE_COLOR")}
            given = sco + ["--data", str(data)]
            cases = {
                "floor": [sys.executable, "-I", str(floor_script), str(data)],
                "members": given + ["members", "--json"],
                "search": given + ["search", "tianjin"],
            }
            if args.cache:
                env["SCO_CACHE_DIR"] = str(Path(tmp) / f"cache-x{size}")
            check = run_once(given + ["data", "validate"], env)  # warms the file cache too
            if args.cache:
                run_once(given + ["search", "tianjin"], env)  # validate bypasses SCO_CACHE_DIR
            medians = {}
            for name, argv in cases.items():
                medians[name] = statistics.median(run_once(argv, env) for _ in range(args.runs))
            size_kib = sum(p.stat().st_size for p in data.glob("*.toml")) / 1024
            floor = medians["floor"]
            print(f"{size:>4}x {size_kib:>7.0f}K {floor * 1000:>7.0f}ms "
                  f"{medians['members'] * 1000:>13.0f}ms {medians['members'] / floor:>5.2f}x "
                  f"{medians['search'] * 1000:>7.0f}ms {medians['search'] / floor:>5.2f}x"
                  f"  (validate {check * 1000:.0f}ms)")


if __name__ == "__main__":
    main()
