"""Hostile data and hostile input: never a traceback, never a terminal obeying the data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sco_cli import output

from conftest import TINY, Cli, edit

MARKUP = "[red]Tianjin[/red] [link=https://evil.example]x[/link]"
ESCAPE = "\\u001b[31mred\\u001b[0m \\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007"


@pytest.fixture
def hostile(tiny_copy: Path) -> Path:
    edit(tiny_copy, "summits.toml", 'city = "Tianjin"', f'city = "{MARKUP}"')
    edit(tiny_copy, "summits.toml", 'outcomes = ["Tianjin Declaration"',
         f'outcomes = ["{ESCAPE}"')
    return tiny_copy


@pytest.mark.parametrize("fmt", ["table", "plain", "csv", "tsv"])
def test_markup_is_shown_literally(hostile: Path, fmt: str) -> None:
    result = Cli(hostile)("summits", "--format", fmt, "--fields", "number,city")
    assert result.exit_code == 0
    assert "[red]Tianjin[/red]" in result.stdout
    assert "[link=https://evil.example]x[/link]" in result.stdout


@pytest.mark.parametrize("args", [["summits", "2025"], ["summits", "--fields", "outcomes"],
                                  ["search", "red"]])
@pytest.mark.parametrize("fmt", ["table", "plain", "tsv"])
def test_escape_sequences_are_neutralised(hostile: Path, args: list[str], fmt: str) -> None:
    result = Cli(hostile)(*args, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    if args[0] != "search":  # search shows the better-matching city instead
        assert "\\x1b[31mred" in result.stdout


def test_json_escapes_control_characters(hostile: Path) -> None:
    result = Cli(hostile)("summits", "2025", "--json")
    assert "\x1b" not in result.stdout
    assert "\\u001b[31mred" in result.stdout
    assert json.loads(result.stdout)["outcomes"][0].startswith("\x1b[31mred")


def test_unencodable_output_gets_replacements() -> None:
    env = {**os.environ, "SCO_DATA": str(TINY), "PYTHONIOENCODING": "ascii"}
    plain = subprocess.run([sys.executable, "-m", "sco_cli", "country", "Türkiye"],
                           capture_output=True, text=True, env=env, encoding="ascii",
                           errors="strict")
    assert plain.returncode == 0, plain.stderr
    assert "T?rkiye" in plain.stdout
    as_json = subprocess.run([sys.executable, "-m", "sco_cli", "country", "TUR", "--json"],
                             capture_output=True, text=True, env=env)
    assert json.loads(as_json.stdout)["name"] == "Türkiye"
    assert "\\u00fc" in as_json.stdout


@pytest.mark.parametrize(
    "args, status",
    [
        (["summits", "--year", "9" * 5000], 2),
        (["summits", "--year", "-1"], 2),
        (["members", "--as-of", "9" * 5000], 2),
        (["members", "--as-of", "0000-00-00"], 2),
        (["country", "x" * 5000], 1),
        (["country", ""], 1),
        (["summits", "9" * 5000], 1),
        (["search", "x" * 100000], 0),
        (["search", "--limit", "0", "tianjin"], 2),
        (["timeline", "--until", "99999"], 2),
    ],
)
def test_absurd_values_get_a_clean_answer(cli: Cli, args: list[str], status: int) -> None:
    result = cli(*args)
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    assert len(result.stderr) < 2000


def test_data_path_that_is_a_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "file.toml"
    target.write_text("x = 1\n")
    result = cli("--data", str(target), "summits")
    assert result.exit_code == 1
    assert f"--data: not a directory: {target}" in result.stderr


def test_pathological_files_are_reported_with_their_path(tiny_copy: Path) -> None:
    (tiny_copy / "summits.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    (tiny_copy / "trade.toml").write_bytes(b"x" * (65 * 1024 * 1024))
    (tiny_copy / "principles.toml").write_bytes(b"\xff\xfe")
    result = Cli(tiny_copy)("data", "validate")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{tiny_copy / 'summits.toml'}: arrays or tables nested too deeply" in lines
    assert f"{tiny_copy / 'trade.toml'}: larger than 64 MiB" in lines
    assert f"{tiny_copy / 'principles.toml'}: not UTF-8 text (byte 0 is invalid)" in lines
    assert "Traceback" not in result.output


def test_data_validate_reports_every_problem(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'host = "RUS"', 'host = "FRA"')
    edit(tiny_copy, "trade.toml", "value = 512.4", "value = 512.4.1")
    edit(tiny_copy, "countries.toml", 'capital = "Ankara"', 'capitol = "Ankara"')
    result = Cli(TINY)("data", "validate", str(tiny_copy))
    assert result.exit_code == 1
    problems = result.stdout.splitlines()
    assert len(problems) == 4, problems  # the misspelt key is unknown, and capital is missing
    assert any("host: unknown country 'FRA'" in p for p in problems)
    assert any(":5:" in p and "TOML syntax" in p for p in problems)
    assert any("capitol: unknown key (did you mean 'capital'?)" in p for p in problems)
    assert "4 problems in" in result.stderr
    as_json = Cli(TINY)("data", "validate", str(tiny_copy), "--json")
    assert {p["file"].rsplit("/", 1)[-1] for p in json.loads(as_json.stdout)} == {
        "summits.toml", "trade.toml", "countries.toml"}


def test_data_validate_on_a_valid_dataset(cli: Cli) -> None:
    result = cli("data", "validate")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr.endswith(": valid\n")


def test_other_commands_stop_on_the_first_problems(tiny_copy: Path) -> None:
    edit(tiny_copy, "summits.toml", 'host = "RUS"', 'host = "FRA"')
    result = Cli(tiny_copy)("summits", "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "unknown country 'FRA'" in result.stderr


def test_ctrl_c_exits_130_quietly(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sys, "argv", ["sco", "summits"])
    import sco_cli.__main__ as entry
    import sco_cli.cli.base as module

    monkeypatch.setattr(module, "dispatch", interrupted)
    with pytest.raises(SystemExit) as caught:
        entry.main()
    assert caught.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_ctrl_c_inside_a_command_exits_130(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("sco_cli.query.members", interrupted)
    result = cli("members")
    assert result.exit_code == 130
    assert "Traceback" not in result.output


def test_internal_errors_are_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    import sco_cli.cli.base as module

    monkeypatch.setattr(module, "dispatch", broken)
    monkeypatch.delenv("SCO_DEBUG", raising=False)
    with pytest.raises(SystemExit) as caught:
        module.run()
    assert caught.value.code == 1
    assert capsys.readouterr().err.startswith("sco: internal error: RuntimeError: boom")


# -- property-based: random command lines and random datasets never produce a traceback ----

WORDS = ["about", "summits", "members", "country", "trade", "principles", "chairs",
         "secretaries", "institutions", "claims", "sources", "search", "timeline", "schema",
         "data", "validate", "--json", "--format", "--fields", "--year", "--host", "--as-of",
         "--status", "--council", "--since", "--until", "--country", "--kind", "--limit",
         "--scope", "--topic", "--publisher", "--no-color", "--data", "--help", "--version",
         "json", "csv", "table", "member", "partner", "2025", "25th", "0", "-1", "Russia",
         "tür", "[red]", "\x1b[31m", "2017-07", "id,name", "'", '"', "--", "-", ""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
def test_random_command_lines_never_crash(args: list[str]) -> None:
    if "--help" in args or "-h" in args:
        args = [a for a in args if a not in ("--help", "-h")]
    result = Cli(TINY)(*args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, repr(result.exception))


TOML_VALUES = st.one_of(
    st.integers(), st.floats(allow_nan=False), st.booleans(), st.text(max_size=20),
    st.lists(st.text(max_size=5), max_size=3), st.just("[[x]]"), st.just("{a = 1}"),
    st.just('"2025-02-30"'), st.just("1979-05-27T07:32:00Z"),
)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=st.sampled_from(sorted(p.name for p in TINY.glob("*.toml"))),
       line=st.integers(min_value=0, max_value=60), value=TOML_VALUES)
def test_random_datasets_never_crash(tmp_path_factory: pytest.TempPathFactory, file: str,
                                     line: int, value: object) -> None:
    import shutil

    root = tmp_path_factory.mktemp("data")
    shutil.copytree(TINY, root, dirs_exist_ok=True)
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    index = line % max(len(lines), 1)
    key = lines[index].split("=", 1)[0].strip() if "=" in lines[index] else "extra"
    rendered = value if isinstance(value, str) and value[:1] in "[{\"1" else json.dumps(value)
    lines[index] = f"{key} = {rendered}"
    (root / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = Cli(root)
    for args in (["data", "validate"], ["summits"], ["members", "--json"], ["search", "a"],
                 ["timeline"], ["about"]):
        result = run(*args)
        assert result.exit_code in (0, 1), (file, lines[index], args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            file, lines[index], args, repr(result.exception))


def test_prepare_streams_replaces_unencodable_characters(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from sco_cli import streams

    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw_out, encoding="ascii"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw_err, encoding="ascii"))
    monkeypatch.setattr(streams.MessageGuard, "lost", False)
    output.prepare_streams()
    output.prepare_streams()  # twice: the guards are not stacked
    assert isinstance(sys.stdout, output.PipeGuard)
    assert isinstance(sys.stderr, streams.MessageGuard)
    assert not hasattr(sys.stdout, "buffer")  # Click cannot write around the guard
    sys.stdout.write("Türkiye\n")
    sys.stdout.flush()
    sys.stderr.write("Ürümqi\n")
    sys.stderr.flush()
    assert raw_out.getvalue() == b"T?rkiye\n"
    assert raw_err.getvalue() == b"?r?mqi\n"
