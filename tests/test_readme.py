"""The README's examples are the program's real output; this test fails when they drift.

Every ```console block in README.md holds `$ command` lines, each followed by its output. The
test runs each command in a real terminal (a pseudo-terminal 100 columns wide, no colour), or in
a pipe when the command has one, and compares. To refresh the README after a deliberate change:

    python tests/test_readme.py --update
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
WIDTH = 100


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) for every `$ ` line of every console block."""
    found = []
    for block in BLOCK.findall(text):
        command, lines = None, []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    found.append((command, "\n".join(lines)))
                command, lines = line[2:], []
            else:
                lines.append(line)
        if command is not None:
            found.append((command, "\n".join(lines)))
    return found


def terminal_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SCO_DATA", "FORCE_COLOR", "NO_COLOR", "COLUMNS", "LINES")}
    bin_dir = str(Path(sys.executable).parent)
    env.update({"PATH": bin_dir + os.pathsep + env.get("PATH", ""), "NO_COLOR": "1",
                "TERM": "xterm-256color", "COLUMNS": str(WIDTH), "LC_ALL": "C.UTF-8"})
    return env


def run_in_terminal(command: str, env: dict[str, str] | None = None, rows: int = 60) -> str:
    """Run `command` with bash, its stdout a pseudo-terminal of `rows` lines: what a person
    would see."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, WIDTH, 0, 0))
    process = subprocess.Popen(
        ["bash", "-o", "pipefail", "-c", command], stdin=subprocess.DEVNULL, stdout=follower,
        stderr=follower, env=env or terminal_env(), cwd=README.parent, close_fds=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(leader)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)  # in case a style survives NO_COLOR
    return "\n".join(line.rstrip() for line in text.rstrip("\n").splitlines())


@pytest.mark.parametrize("command, expected", examples(README.read_text(encoding="utf-8")))
def test_readme_example_is_real_output(command: str, expected: str) -> None:
    for tool in ("sqlite3",):  # what an example runs beside sco, not installed everywhere
        if re.search(rf"(^|[|&;] *){tool} ", command) and shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    assert run_in_terminal(command) == expected


def test_readme_has_examples() -> None:
    assert len(examples(README.read_text(encoding="utf-8"))) >= 8


def update() -> None:
    text = README.read_text(encoding="utf-8")

    def refresh(match: re.Match[str]) -> str:
        lines = []
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                lines.append(line)
                lines.append(run_in_terminal(line[2:]))
        return "```console\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(refresh, text), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit(__doc__)


def jq_examples(text: str) -> list[str]:
    """The command lines of the README's 'With jq:' block."""
    block = text.split("With jq:", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize("command", jq_examples(README.read_text(encoding="utf-8")))
def test_readme_jq_examples_answer(command: str) -> None:
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], env=terminal_env(),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    if "group_by(.host)" in command:  # only meetings that were held are counted
        counts = {row["host"]: row["count"] for row in json.loads(result.stdout)}
        assert counts["KGZ"] == 3, counts  # Bishkek 2007, 2013, 2019; not the scheduled 2026
