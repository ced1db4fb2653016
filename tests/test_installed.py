"""The installed `sco` in real processes: from another directory, in a real pipe."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def sco_executable() -> str:
    beside = Path(sys.executable).with_name("sco")
    found = str(beside) if beside.exists() else shutil.which("sco")
    assert found, "the sco command is not installed: run pip install . first"
    return found


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SCO_DATA", "FORCE_COLOR")}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def test_package_data_is_installed_with_the_package(tmp_path: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sco_cli.dataset as d, sco_cli; "
         "print(sco_cli.__file__); print(d.bundled_data_dir())"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, check=True,
    )
    package_file, data_dir = probe.stdout.splitlines()
    if Path(package_file).resolve().parent == REPO / "sco_cli":
        pytest.skip("sco_cli is imported from the checkout (editable install); CI installs a wheel")
    assert Path(data_dir) == Path(package_file).parent / "data"
    assert (Path(data_dir) / "sources.toml").is_file()
    assert (Path(data_dir) / "LICENSE").is_file()  # the data's licence ships with it
    from sco_cli.compiled import NAME, Compiled

    compiled = Compiled(Path(data_dir))  # the wheel carries the data already parsed
    content = (Path(data_dir) / "sources.toml").read_bytes()
    assert (Path(data_dir) / NAME).is_file() and compiled.tables("sources.toml", content)


def test_installed_command_runs_from_another_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sco_executable(), "members", "--json"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    members = json.loads(result.stdout)
    assert members and all("code" in m and m["sources"] for m in members)
    assert result.stderr == ""


def test_python_dash_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sco_cli", "--version"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("sco ") and "as of " in result.stdout


def test_real_pipe_gives_plain_text(tmp_path: Path) -> None:
    result = subprocess.run(
        f"'{sco_executable()}' summits | cat",
        shell=True, cwd=tmp_path, env=clean_env(), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2
    assert all("\t" in line for line in lines)
    assert "\x1b" not in result.stdout


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    result = subprocess.run(
        f"set -o pipefail; '{sco_executable()}' sources --json | head -c1; "
        f"'{sco_executable()}' sources | head -n1",
        shell=True, executable="/bin/bash", cwd=tmp_path, env=clean_env(),
        capture_output=True, text=True,
    )
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout.startswith("[")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("sco country Ind", ["India"]),
        ("sco summits --host Kaz", ["Kazakhstan"]),
        ("sco timeline --country BL", ["BLR"]),
        ("sco summits 202", ["2020", "2021", "2025"]),
        ("sco members --status dia", ["dialogue_partner"]),
    ],
)
def test_shell_completion_offers_names_years_and_statuses(
    tmp_path: Path, line: str, expected: list[str]
) -> None:
    env = {**clean_env(), "_SCO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = subprocess.run([sco_executable()], cwd=tmp_path, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    for word in expected:
        assert f'"{word}"' in result.stdout, result.stdout


@pytest.mark.parametrize("args", [["--help"], ["summits", "-h"], ["sources"],
                                  ["timeline", "--format", "tsv"]])
def test_closed_pipe_is_quiet_and_succeeds(tmp_path: Path, args: list[str]) -> None:
    command = " ".join(f"'{a}'" for a in [sco_executable(), *args])
    result = subprocess.run(f"set -o pipefail; {command} | head -n 1 > /dev/null",
                            shell=True, executable="/bin/bash", cwd=tmp_path, env=clean_env(),
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


def test_usage_errors_are_plain_text_in_a_pipe(tmp_path: Path) -> None:
    result = subprocess.run([sco_executable(), "summits", "--council", "x"], cwd=tmp_path,
                            env=clean_env(), capture_output=True, text=True)
    assert result.returncode == 2
    assert "Error: Invalid value for '--council'" in result.stderr
    assert "╭" not in result.stderr
