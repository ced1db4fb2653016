"""The fast path (cli/fast.py) and the Typer app read the same declarations: on random
command lines, whatever the fast path takes it must print and end exactly as Typer does, and
whatever it cannot read it must leave to Typer untouched."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sco_cli.cli import declare, fast, typer_app
from sco_cli.dataset import bundled_data_dir

from conftest import TINY

WORDS = ["2025", "2024-06", "2001", "India", "Russia", "RUS", "tianjin", "Modi", "member",
         "chs-2025", "charter-2002", "zzz", "", " ", "Türkiye", "3", "0", "1x", "-", "--",
         "2030", "heads-of-state", "USD billion", "population", "name,code", "date"]


def run(path: str, argv: list[str], monkeypatch: pytest.MonkeyPatch,
        where: Path) -> tuple[object, ...]:
    """(taken, exit status, stdout, stderr) of `argv` by one path, in-process, in `where`, an
    empty directory of its own: a random `sco export` writes its files there, and each path
    finds the same empty place (never the directory the tests run from)."""
    where.mkdir()
    monkeypatch.chdir(where)
    out, err = io.StringIO(), io.StringIO()
    status: object = 0
    taken = True
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            if path == "fast":
                taken = fast.run(argv)
            else:
                typer_app.run(argv)
        except SystemExit as done:
            status = done.code or 0
    return taken, status, out.getvalue(), err.getvalue()


def random_line(rng: random.Random) -> list[str]:
    """A command line much like a user's: a command, some of its options with values that
    are often right and sometimes not, arguments, now and then something only Typer reads."""
    if rng.random() < 0.05:  # the root alone: the overview, the version
        return rng.sample(["--data", str(TINY), "--no-color", "--json", "--version",
                           "--no-pager"], k=rng.randint(0, 3))
    commands = fast._commands()
    name = rng.choice(sorted(commands))
    command = commands[name]
    line = ["--data", str(TINY)] if rng.random() < 0.5 else []
    line += ["--no-color"] if rng.random() < 0.1 else []
    line.append(name)
    options = sorted({id(s): (o, s) for o, s in command.options.items()}.values(),
                     key=lambda pair: pair[0])
    for _, spec in rng.sample(options, k=min(len(options), rng.randint(0, 3))):
        names = [o for o, s in command.options.items() if s is spec]
        flag = rng.choice(names)
        if spec.flag:
            line.append(flag)
            continue
        if spec.choices and rng.random() < 0.85:
            value = rng.choice(sorted(spec.choices))
            value = value.upper() if rng.random() < 0.3 else value
        else:
            value = rng.choice(WORDS)
        if flag.startswith("--") and rng.random() < 0.3:
            line.append(f"{flag}={value}")
        else:
            line += [flag, value]
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        line.append(rng.choice(WORDS))
    if rng.random() < 0.08:
        line.insert(rng.randrange(len(line) + 1), rng.choice(["--help", "-h", "--bogus",
                                                              "--json", "--"]))
    return line


@pytest.mark.parametrize("seed", range(6))
def test_both_paths_print_the_same_on_random_command_lines(
        seed: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SCO_DATA", raising=False)
    monkeypatch.setenv("TYPER_USE_RICH", "0")
    rng = random.Random(seed)
    taken = 0
    for number in range(100):
        line = random_line(rng)
        by_fast = run("fast", line, monkeypatch, tmp_path / f"{number}-fast")
        if not by_fast[0]:
            assert by_fast[1:] == (0, "", ""), line  # left to Typer: nothing done
            continue
        taken += 1
        by_typer = run("typer", line, monkeypatch, tmp_path / f"{number}-typer")
        assert by_fast[1:] == by_typer[1:], line
        assert _written(tmp_path / f"{number}-fast") == _written(tmp_path / f"{number}-typer")
    assert taken >= 35  # most lines are plain: the comparison is not empty


def _written(where: Path) -> dict[str, int]:
    """What a run wrote: each file's path and size."""
    return {str(p.relative_to(where)): p.stat().st_size for p in where.rglob("*") if p.is_file()}


@pytest.mark.parametrize("line", [
    ["members", "--json"], ["summits", "--council", "ALL", "--json"], ["summits", "2025"],
    ["country", "India", "--as-of=2017-06-09"], ["search", "tianjin", "-n", "3"],
    ["timeline", "--kind", "summit", "--kind", "status"], ["--no-pager", "sources", "--", "-x"],
    [], ["--json"], ["cite", "chs-2025", "--format", "ris"], ["schema", "members"],
])
def test_plain_command_lines_take_the_fast_path(line: list[str]) -> None:
    assert fast.plan(line) is not None


@pytest.mark.parametrize("line", [
    ["--help"], ["members", "-h"], ["members", "--bogus"], ["members", "--status", "nope"],
    ["members", "--json=1"], ["summits", "--year"], ["summits", "--year", "-1"],
    ["summits", "2025", "2024"], ["search"], ["members", "--status", "member", "-s", "member"],
    ["data", "validate"], ["membrs"], ["summits", "-y2025"], ["--version", "--", "members"],
])
def test_anything_else_is_left_to_typer(line: list[str]) -> None:
    assert fast.plan(line) is None


def test_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fast.COMPLETION, "complete_bash")
    assert fast.plan(["members"]) is None


def test_a_usage_error_found_by_a_command_is_said_by_typer(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line = ["--data", str(TINY), "members", "--as-of", "2017-13-01"]
    assert fast.plan(line) is not None
    assert run("fast", line, monkeypatch, tmp_path / "fast") == (False, 0, "", "")
    _, status, _, err = run("typer", line, monkeypatch, tmp_path / "typer")
    assert status == 2 and "Usage: sco members" in err


def test_every_command_and_option_is_read_by_the_fast_path() -> None:
    """A declaration the fast path cannot read would quietly make that command slow."""
    plain = {name: c.plain for name, c in fast._commands().items()}
    assert plain and all(plain.values()), plain
    assert fast.Command(declare.ROOT[0]).plain


def test_typer_registers_only_the_command_named() -> None:
    assert typer_app.named_command(["--data", "x", "members", "--json"]) == "members"
    assert typer_app.named_command(["--data=x", "--no-color", "data", "validate"]) == "data"
    assert typer_app.named_command(["--help", "members"]) is None
    assert typer_app.named_command(["membrs"]) is None
    assert typer_app.named_command([]) is None
    import typer.main

    only = typer.main.get_command(typer_app.make("members"))
    assert list(only.commands) == ["members"]  # type: ignore[attr-defined]
    full = typer.main.get_command(typer_app.make())
    assert len(full.commands) == len({d.group or d.name for d in declare.COMMANDS})  # type: ignore[attr-defined]


def test_a_command_s_help_is_the_same_with_one_command_registered(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    one = runner.invoke(typer_app.make("summits"), ["summits", "--help"], prog_name="sco")
    every = runner.invoke(typer_app.make(), ["summits", "--help"], prog_name="sco")
    assert one.exit_code == every.exit_code == 0
    assert one.output == every.output


def test_the_installed_command_answers_without_importing_typer(tmp_path: Path) -> None:
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write(json.dumps(sorted(\n"
        "    m for m in ('typer', 'click', 'rich', 'inspect') if m in sys.modules))))\n"
        "import json\n"
        "from sco_cli.__main__ import main\n"
        "sys.argv = ['sco'] + sys.argv[1:]\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCO_")}
    for line in (["members", "--json"], ["summits"], ["search", "tianjin"]):
        done = subprocess.run([sys.executable, "-c", probe, *line], cwd=tmp_path, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stderr) == [], line
    assert bundled_data_dir().is_dir()


def test_rich_help_is_drawn_without_markdown_or_tracebacks_until_asked(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from sco_cli.cli import typer_app\n"
        "typer_app._import_rich_help()\n"
        "import typer.rich_utils as r\n"
        "assert 'rich.markdown' not in sys.modules and 'rich.traceback' not in sys.modules\n"
        "import rich.markdown\n"  # a later import gets the real module
        "assert isinstance(r.Markdown('*x*'), rich.markdown.Markdown)\n"
        "assert r.Traceback.from_exception is not None\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                          text=True)
    assert done.stdout == "ok\n", done.stderr


def test_only_the_typer_app_and_the_api_s_bridge_import_typer() -> None:
    import re

    package = Path(__file__).resolve().parent.parent / "sco_cli"
    importing = {str(p.relative_to(package)) for p in package.rglob("*.py")
                 if re.search(r"^\s*(import typer|from typer)", p.read_text(encoding="utf-8"),
                              re.MULTILINE)}
    assert importing == {"cli/typer_app.py", "cli/calls.py"}


COMPLETIONS = [
    {"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco country ru", "COMP_CWORD": "2"},
    {"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco summits --council ",
     "COMP_CWORD": "3"},
    {"_SCO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "sco members --st"},
    {"_SCO_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "sco summits 20",
     "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
]


@pytest.mark.parametrize("env", COMPLETIONS)
def test_completion_registers_only_the_command_completed_and_offers_the_same(
        env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert typer_app.completed_command() == env.get("COMP_WORDS", env.get(
        "_TYPER_COMPLETE_ARGS", "")).split()[1]
    runner = CliRunner()
    env = {**env, "SCO_DATA": str(TINY)}
    one = runner.invoke(typer_app.make(typer_app.completed_command()), [], env=env,
                        prog_name="sco")
    every = runner.invoke(typer_app.make(), [], env=env, prog_name="sco")
    assert one.output == every.output and one.output.strip()


@pytest.mark.parametrize("env", [
    {"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco coun", "COMP_CWORD": "1"},
    {"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco --", "COMP_CWORD": "1"},
    {"_SCO_COMPLETE": "complete_nosuchshell"},
])
def test_completing_the_command_itself_offers_every_command(
        env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert typer_app.completed_command() is None
