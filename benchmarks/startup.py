"""Start-up benchmark: each lookup is a fresh process, so start-up is the product's speed.

Times, side by side and alternating, a few `sco` commands against the floor: a bare Python
script that parses every TOML file of the dataset with the standard tomllib and prints it as
JSON. Reports the median of each, its ratio to the floor, and the peak memory of one run.

    python benchmarks/startup.py                 # the bundled dataset, 30 rounds
    python benchmarks/startup.py --runs 50 --data DIR

Run it with the interpreter of the environment where sco is installed.
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """\
import json, sys, tomllib
from pathlib import Path
data = {p.name: tomllib.loads(p.read_text(encoding="utf-8"))
        for p in sorted(Path(sys.argv[1]).glob("*.toml"))}
sys.stdout.write(json.dumps(data))
"""

COMPLETION = {"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco country ind",
              "COMP_CWORD": "2"}
# name, arguments, target ratio to the floor, peak memory target (MiB), on a terminal?,
# extra environment
COMMANDS = [
    ("sco members --json", ["members", "--json"], 1.0, 20, False, {}),
    ("sco summits --json", ["summits", "--json"], 1.0, 20, False, {}),
    ("sco country India --json", ["country", "India", "--json"], 1.0, 20, False, {}),
    ("sco summits (piped)", ["summits"], 1.2, 20, False, {}),
    ("sco search tianjin (piped)", ["search", "tianjin"], 1.2, 20, False, {}),
    ("sco --help (piped)", ["--help"], 1.2, 20, False, {}),
    ("sco summits (terminal)", ["summits"], 1.5, 25, True, {}),
    ("sco summits 2025 (terminal)", ["summits", "2025"], 1.5, 25, True, {}),
    ("sco --help (terminal)", ["--help"], 1.5, 25, True, {}),
    ("completion (one Tab)", [], 1.0, None, False, COMPLETION),
]


def sco_command() -> list[str]:
    beside = Path(sys.executable).with_name("sco")
    found = str(beside) if beside.exists() else shutil.which("sco")
    if not found:
        sys.exit("benchmark: the sco command is not installed in this environment")
    return [found]


def default_data_dir() -> Path:
    probe = subprocess.run(  # from another directory, so the installed package answers
        [sys.executable, "-c", "import sco_cli.dataset as d; print(d.bundled_data_dir())"],
        capture_output=True, text=True, check=True, cwd=tempfile.gettempdir(),
    )
    return Path(probe.stdout.strip())


def run_once(argv: list[str], env: dict[str, str], terminal: bool = False) -> float:
    """Seconds for one run; on a pseudo-terminal when `terminal`, so tables and Rich help are
    drawn as a person would see them."""
    return measure(argv, env, terminal)[0]


def measure(argv: list[str], env: dict[str, str], terminal: bool = False) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one run."""
    leader = follower = None
    output: int = subprocess.DEVNULL
    if terminal:
        leader, follower = pty.openpty()
        output = follower
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=output, stderr=output, env=env)
    if leader is not None and follower is not None:
        os.close(follower)
        while True:  # drain the output, as a terminal would
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:
                break
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4 above
    if leader is not None:
        os.close(leader)
    return elapsed, usage.ru_maxrss


def available(argv: list[str], env: dict[str, str]) -> bool:
    return subprocess.run(argv, capture_output=True, env=env).returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds of every command")
    parser.add_argument("--data", type=Path, help="dataset directory (default: bundled)")
    args = parser.parse_args()

    data_dir = (args.data or default_data_dir()).resolve()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    env["SCO_DATA"] = str(data_dir)
    env["SCO_PAGER"] = "cat"  # the terminal rows measure drawing, not a pager waiting for keys
    sco = sco_command()

    with tempfile.TemporaryDirectory() as tmp:
        floor_script = Path(tmp) / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        floor = [sys.executable, "-I", str(floor_script), str(data_dir)]
        cases = [("floor (tomllib + json)", floor, None, None, False, env)]
        for name, extra, target, memory_target, terminal, more in COMMANDS:
            argv, case_env = sco + extra, {**env, **more}
            if available(argv, case_env):
                cases.append((name, argv, target, memory_target, terminal, case_env))
            else:
                print(f"skipped: {name} (not available)", file=sys.stderr)

        for _, argv, _, _, terminal, case_env in cases:  # warm the file cache and bytecode
            run_once(argv, case_env, terminal)
        timings: dict[str, list[float]] = {case[0]: [] for case in cases}
        for _ in range(args.runs):
            for name, argv, _, _, terminal, case_env in cases:  # alternate: drift hits all
                timings[name].append(run_once(argv, case_env, terminal))

        floor_median = statistics.median(timings[cases[0][0]])
        size = sum(p.stat().st_size for p in data_dir.glob("*.toml"))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} rounds, "
              f"dataset {data_dir} ({size / 1024:.0f} KiB of TOML)")
        print(f"{'command':<29} {'median':>9} {'ratio':>7} {'target':>7} {'peak MiB':>9} "
              f"{'target':>7}")
        failed = False
        for name, argv, target, memory_target, terminal, case_env in cases:
            median = statistics.median(timings[name])
            ratio = median / floor_median
            memory = measure(argv, case_env, terminal)[1] / 1024
            over = (target is not None and ratio > target) or (
                memory_target is not None and memory > memory_target)
            verdict = "" if target is None else ("OVER" if over else "ok")
            failed = failed or over
            shown = "" if target is None else f"{target:.1f}x"
            shown_memory = "" if memory_target is None else f"{memory_target}"
            print(f"{name:<29} {median * 1000:7.1f}ms {ratio:6.2f}x {shown:>7} "
                  f"{memory:8.1f} {shown_memory:>7}  {verdict}")
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
