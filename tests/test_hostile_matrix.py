"""The hostile matrix: the real `sco` in a subprocess, against hostile text, digits, files,
streams and filters, with real closed descriptors, /dev/full, FIFOs, broken pipes and signals.

Every case must end within a few seconds with its documented exit status (README, "Exit
codes"), with no traceback and no "internal error", with messages on stderr only, with no
control, bidi or separator character (sco_cli/characters.py) in anything it writes, and
without writing a file anywhere. `python tests/test_hostile_matrix.py` prints the figures.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sco_cli.characters import UNSAFE

from conftest import TINY

TIMEOUT = 5  # seconds; a case that blocks (a FIFO, a full pipe) fails instead of hanging
MODULE = [sys.executable, "-m", "sco_cli"]
INSTALLED = Path(sys.executable).with_name("sco")

# What an attacker puts in a data value: an OSC title change with BEL, a screen clear, a C1
# CSI, a right-to-left override and an isolate, marks, a line separator and NEL.
PAYLOAD = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u202c\u2066x\u2069\u200f\u061c\u2028\x85"
TOML_PAYLOAD = json.dumps(PAYLOAD)[1:-1]  # JSON's \uXXXX escapes are TOML's too


def toml_edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    content = path.read_text(encoding="utf-8")
    assert old in content, (old, name)
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def hostile_text(root: Path) -> None:
    """The payload in a country's name, a city, an outcome, a publisher, a note and the
    dataset's version: what tables, panels, plain text, CSV, JSON and --version show."""
    toml_edit(root, "countries.toml", 'name = "Russia"', f'name = "Rus{TOML_PAYLOAD}sia"')
    toml_edit(root, "summits.toml", 'city = "Tianjin"', f'city = "Tian{TOML_PAYLOAD}jin"')
    toml_edit(root, "summits.toml", '"Tianjin Declaration"', f'"Decl{TOML_PAYLOAD}aration"')
    toml_edit(root, "sources.toml", 'publisher = "Alpha News"',
              f'publisher = "Alpha{TOML_PAYLOAD}News"')
    toml_edit(root, "sources.toml", 'note = "machine translation"', f'note = "{TOML_PAYLOAD}"')
    toml_edit(root, "dataset.toml", 'version = "2000.01.02"',
              f'version = "2000.01.02{TOML_PAYLOAD}"')


def fifo(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / name).unlink(missing_ok=True)
        os.mkfifo(root / name)
    return make


def value(name: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: toml_edit(root, name, old, new)


def device(root: Path) -> None:
    (root / "countries.toml").unlink()
    (root / "countries.toml").symlink_to("/dev/zero")


def directory(root: Path) -> None:
    (root / "trade.toml").unlink()
    (root / "trade.toml").mkdir()


DATASETS: dict[str, Callable[[Path], None]] = {
    "hostile": hostile_text,
    "fifo-summits": fifo("summits.toml"),
    "fifo-dataset": fifo("dataset.toml"),
    "fifo-unclaimed": fifo("extra.toml"),
    "device": device,
    "directory": directory,
    "nan": value("trade.toml", "value = 512.4", "value = nan"),
    "inf": value("trade.toml", "value = 512.4", "value = -inf"),
    "overflow": value("trade.toml", "value = 512.4", "value = 1e999"),
    "digits-5000": value("trade.toml", "value = 512.4", "value = " + "9" * 5000),
    "integer-2**60": value("summits.toml", "number = 25", f"number = {2**60}"),
    "hex-huge": value("summits.toml", "number = 25", "number = 0x" + "f" * 5000),
    "as-of-fullwidth": value("dataset.toml", 'as_of = "2025-12-31"',
                             'as_of = "\uff12\uff10\uff12\uff15-\uff11\uff12-\uff13\uff11"'),
    "newline-name": value("countries.toml", 'name = "Russia"', 'name = "Rus\\nsia"'),
    "as-of-0000": value("dataset.toml", 'as_of = "2025-12-31"', 'as_of = "0000-12-31"'),
    "date-arabic": value("summits.toml", 'start_date = "2025-08-31"',
                         'start_date = "\u0662\u0660\u0662\u0665-08-31"'),
}


@dataclass
class Case:
    id: str
    args: list[str]
    status: int
    data: str = "tiny"  # TINY or one of DATASETS
    env: dict[str, str] = field(default_factory=dict)
    stdout: str = "pipe"  # pipe, closed, full, broken
    stderr: str = "pipe"  # pipe, closed, full, broken
    err: str | None = None  # expected in stderr
    out: str | None = None  # expected in stdout
    quiet: bool = False  # stderr must be empty
    empty: bool = False  # stdout must be empty
    parse_json: bool = False  # stdout must be JSON (or NDJSON) holding PAYLOAD
    installed: bool = False  # run the `sco` entry point rather than `python -m sco_cli`


def text_cases() -> Iterator[Case]:
    for fmt in ("table", "plain", "csv", "tsv"):
        yield Case(f"members-{fmt}", ["members", "--format", fmt], 0, "hostile", out="Rus",
                   quiet=True)
        yield Case(f"summits-{fmt}", ["summits", "--fields", "city,outcomes", "--format", fmt],
                   0, "hostile", out="Tian", quiet=True)
    for fmt in ("json", "ndjson"):
        yield Case(f"members-{fmt}", ["members", "--format", fmt], 0, "hostile",
                   parse_json=True, quiet=True)
        yield Case(f"sources-{fmt}", ["sources", "--format", fmt], 0, "hostile",
                   parse_json=True, quiet=True)
    yield Case("country-panel", ["country", "RUS", "--format", "table"], 0, "hostile", out="sia")
    yield Case("country-plain", ["country", "RUS"], 0, "hostile", out="sia", quiet=True)
    yield Case("country-json", ["country", "RUS", "--json"], 0, "hostile", parse_json=True)
    yield Case("summit-panel", ["summits", "2025", "--format", "table"], 0, "hostile")
    yield Case("source-plain", ["sources", "beta-2019"], 0, "hostile", quiet=True)
    yield Case("search-table", ["search", "tian", "--format", "table"], 0, "hostile")
    yield Case("search-json", ["search", "declaration", "--json"], 0, "hostile", quiet=True)
    yield Case("timeline", ["timeline"], 0, "hostile", quiet=True)
    yield Case("version", ["--version"], 0, "hostile", out="2000.01.02\\x1b]0;pwned",
               quiet=True, installed=True)
    yield Case("about", ["about"], 0, "hostile", out="2000.01.02", quiet=True)
    yield Case("validate", ["data", "validate"], 1, "hostile", out="text must be plain text",
               err="problems in")
    yield Case("validate-json", ["data", "validate", "--json"], 1, "hostile",
               out="text must be plain text")
    yield Case("complete-country", [], 0, "hostile",
               env={"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco country R",
                    "COMP_CWORD": "2"}, out="RUS")
    yield Case("complete-newline", [], 0, "newline-name", quiet=True, out="Rus-sia\nRUS\n",
               env={"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco country R",
                    "COMP_CWORD": "2"})  # one candidate, not two
    for index, (argv, status) in enumerate((
                         (["country", PAYLOAD], 1), ([f"--x{PAYLOAD}"], 2),
                         (["summits", "a", f"b{PAYLOAD}"], 2), ([PAYLOAD], 2),
                         (["members", "--fields", f"name,{PAYLOAD}"], 2),
                         (["members", "--format", PAYLOAD], 2),
                         (["search", f"tianjin{PAYLOAD}", "--format", "table"], 0),
                         (["--data", f"/nonexistent/{PAYLOAD}", "about"], 1),
                         (["--data", f"/nonexistent/{PAYLOAD}", "--version"], 0),
                         (["data", "validate", f"/nonexistent/{PAYLOAD}"], 1))):
        yield Case(f"argv-{index}-{argv[0][:8]}", argv, status)


DIGITS = {"superscript": "\u00b2", "fullwidth": "\uff12\uff10\uff12\uff15",
          "arabic-indic": "\u0662\u0660\u0662\u0665", "devanagari": "\u0968\u0966\u0968\u096b"}


def digit_cases() -> Iterator[Case]:
    for name, digits in DIGITS.items():
        yield Case(f"year-{name}", ["summits", "--year", digits], 2, err="digits 0-9",
                   empty=True)
        yield Case(f"trade-year-{name}", ["trade", "--year", digits], 2, empty=True)
        yield Case(f"as-of-{name}", ["members", "--as-of", f"{digits}-07-01"], 2,
                   err="digits 0-9", empty=True)
        yield Case(f"summit-key-{name}", ["summits", digits], 1, empty=True)
        yield Case(f"chairs-year-{name}", ["chairs", digits], 2, empty=True)
        yield Case(f"limit-{name}", ["search", "--limit", digits, "tianjin"], 2, empty=True)
    yield Case("as-of-fullwidth-date", ["members", "--as-of", "\uff12\uff10\uff11\uff17-07-01"],
               2, empty=True)
    yield Case("since-year-0000", ["timeline", "--since", "0000"], 2, err="no year 0000")
    yield Case("summit-key-5000-digits", ["summits", "9" * 5000], 1, empty=True)
    yield Case("year-5000-digits", ["summits", "--year", "9" * 5000], 2, empty=True)
    yield Case("limit-huge", ["search", "--limit", "9" * 5000, "tianjin"], 2, empty=True)
    for data in ("nan", "inf", "overflow"):
        yield Case(f"data-{data}", ["data", "validate"], 1, data,
                   out="trade.toml: figure 'china-members-2024': value:")
        yield Case(f"data-{data}-json", ["trade", "--json"], 1, data, empty=True,
                   err="not a number JSON can carry")
    yield Case("data-digits-5000", ["data", "validate"], 1, "digits-5000",
               out="trade.toml:5:9: TOML: an integer with more than")
    yield Case("data-digits-5000-trade", ["trade"], 1, "digits-5000", empty=True)
    for data in ("integer-2**60", "hex-huge"):
        yield Case(f"data-{data}", ["data", "validate"], 1, data,
                   out="summits.toml: summit 'chs-2025': number: is too large")
        yield Case(f"data-{data}-summits", ["summits", "--json"], 1, data, empty=True)
    for data in ("as-of-fullwidth", "as-of-0000"):
        yield Case(f"data-{data}", ["data", "validate"], 1, data, out="dataset.toml: [dataset]")
        yield Case(f"data-{data}-about", ["about"], 1, data, empty=True)
    yield Case("data-date-arabic", ["data", "validate"], 1, "date-arabic",
               out="start_date: '\u0662\u0660\u0662\u0665-08-31' is not a date")


def file_cases() -> Iterator[Case]:
    fifo_error = "summits.toml: is a FIFO (named pipe), not a regular file"
    yield Case("fifo-summits", ["summits"], 1, "fifo-summits", err=fifo_error, empty=True)
    yield Case("fifo-search", ["search", "x"], 1, "fifo-summits", err=fifo_error)
    yield Case("fifo-validate", ["data", "validate"], 1, "fifo-summits", out=fifo_error)
    yield Case("fifo-complete", [], 0, "fifo-summits", quiet=True,
               env={"_SCO_COMPLETE": "complete_bash", "COMP_WORDS": "sco summits ",
                    "COMP_CWORD": "2"})
    yield Case("fifo-members", ["members"], 0, "fifo-summits", quiet=True)
    yield Case("fifo-version", ["--version"], 0, "fifo-dataset", out="data unreadable",
               installed=True)
    yield Case("fifo-about", ["about"], 1, "fifo-dataset", err="FIFO")
    yield Case("fifo-unclaimed", ["data", "validate"], 1, "fifo-unclaimed",
               out="extra.toml: no kind of record is kept in this file")
    yield Case("device", ["data", "validate"], 1, "device",
               out="countries.toml: is a character device, not a regular file")
    yield Case("directory", ["trade"], 1, "directory", err="trade.toml: is a directory")
    yield Case("data-empty", ["--data", "", "about"], 2, err="give a directory", empty=True)
    yield Case("data-empty-schema", ["--data", "", "schema"], 2, empty=True)
    yield Case("data-empty-version", ["--data", "", "--version"], 2, empty=True)
    yield Case("validate-empty", ["data", "validate", ""], 2, err="DIR: give a directory")
    yield Case("data-no-user", ["--data", "~nosuchuser-sco/x", "about"], 1,
               err="--data: no such directory: ~nosuchuser-sco/x", empty=True)
    yield Case("data-no-user-validate", ["data", "validate", "~nosuchuser-sco"], 1,
               err="no such directory")
    yield Case("data-too-long", ["--data", "x" * 5000, "about"], 1, err="--data:", empty=True)
    yield Case("data-a-device", ["--data", "/dev/stdin", "about"], 1, err="not a directory")
    yield Case("sco-data-empty", ["members"], 0, env={"SCO_DATA": ""}, quiet=True)


def stream_cases() -> Iterator[Case]:
    for entry in (False, True):
        tag = "-installed" if entry else ""
        yield Case(f"stdout-closed{tag}", ["members"], 1, stdout="closed",
                   err="cannot write the output: stdout is closed", installed=entry)
        yield Case(f"stdout-full{tag}", ["members"], 1, stdout="full",
                   err="cannot write the output: No space left on device", installed=entry)
    yield Case("stdout-closed-json", ["sources", "--json"], 1, stdout="closed", err="closed")
    yield Case("stdout-closed-version", ["--version"], 1, stdout="closed", err="closed")
    yield Case("stdout-closed-help", ["--help"], 1, stdout="closed", err="closed")
    yield Case("stdout-closed-usage", ["summits", "--year", "x"], 2, stdout="closed",
               err="not a year")
    yield Case("stdout-closed-not-found", ["country", "Atlantis"], 1, stdout="closed",
               err="no country matches")
    yield Case("stdout-closed-nothing", ["summits", "--year", "1990"], 0, stdout="closed",
               quiet=True)
    yield Case("stdout-full-validate", ["data", "validate", "--json"], 1, stdout="full",
               err="No space left")
    yield Case("stdout-full-help", ["members", "--help"], 1, stdout="full", err="No space")
    yield Case("stdout-full-table", ["members", "--format", "table"], 1, stdout="full",
               err="No space")
    yield Case("stdout-broken", ["members"], 0, stdout="broken", quiet=True)
    yield Case("stdout-broken-json", ["sources", "--json"], 0, stdout="broken", quiet=True)
    for where in ("closed", "full", "broken"):
        yield Case(f"stderr-{where}-usage", ["summits", "--year", "x"], 2, stderr=where,
                   empty=True)
        yield Case(f"stderr-{where}-not-found", ["country", "Atlantis"], 1, stderr=where,
                   empty=True)
        yield Case(f"stderr-{where}-ok", ["members"], 0, stderr=where, out="CHN")
        yield Case(f"stderr-{where}-unknown-command", ["nosuch"], 2, stderr=where, empty=True)
        yield Case(f"stderr-{where}-stdout-full", ["members"], 1, stderr=where, stdout="full")
    yield Case("both-closed", ["members"], 1, stdout="closed", stderr="closed")
    for columns in ("0", "\u00b2", "-1", "99999999999", "", "abc", "\uff18\uff10"):
        yield Case(f"columns-{columns!r}", ["members", "--format", "table"], 0,
                   env={"COLUMNS": columns, "LINES": columns}, out="CHN", quiet=True)
    yield Case("terminal-width-bad", ["members", "--format", "table"], 0,
               env={"TERMINAL_WIDTH": "\u00b2"}, out="CHN", quiet=True)


def filter_cases() -> Iterator[Case]:
    for publisher in ("!!!", " ", "\u202e", "--"):
        yield Case(f"publisher-{publisher!r}", ["sources", "--publisher", publisher], 2,
                   empty=True)
    yield Case("search-punctuation", ["search", "!!!"], 2, err="no letters or digits",
               empty=True)
    yield Case("search-bidi-only", ["search", "\u202e\u2066"], 2, empty=True)
    yield Case("publisher-folds", ["sources", "--publisher", "ALPHA-news!"], 0, out="alpha",
               quiet=True)


CASES = [*text_cases(), *digit_cases(), *file_cases(), *stream_cases(), *filter_cases()]
for index, case in enumerate(CASES):  # unique, readable ids
    case.id = re.sub(r"[^\w.*+=-]", "?", f"{index:03d}-{case.id}")


# -- running one case -------------------------------------------------------------------------


def build_datasets(mktemp: Callable[[str], Path]) -> dict[str, Path]:
    roots = {"tiny": TINY}
    for name, make in DATASETS.items():
        root = mktemp(name)
        shutil.copytree(TINY, root, dirs_exist_ok=True)
        make(root)
        roots[name] = root
    return roots


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_datasets(tmp_path_factory.mktemp)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


DURATIONS: dict[str, float] = {}


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str
    seconds: float


def run(case: Case, data: Path, cwd: Path) -> Run:
    """`sco` with the case's streams: closed descriptors are closed in the child, /dev/full
    is the real device, a broken pipe is one whose reading end is already closed."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "LC_ALL": "C.UTF-8",
           "SCO_DATA": str(data), "TERM": "dumb", **case.env}
    command = [str(INSTALLED)] if case.installed and INSTALLED.exists() else MODULE
    to_close: list[int] = []
    out_file, err_file = cwd.parent / f"{cwd.name}.out", cwd.parent / f"{cwd.name}.err"
    streams = {}
    for name, how, capture in (("stdout", case.stdout, out_file),
                               ("stderr", case.stderr, err_file)):
        if how == "full":
            streams[name] = open("/dev/full", "w")  # noqa: SIM115
        elif how == "broken":
            reader, writer = os.pipe()
            os.close(reader)
            streams[name] = writer
            to_close.append(writer)
        else:  # pipe (captured in a file, read afterwards) or closed (closed in the child)
            streams[name] = open(capture, "w")  # noqa: SIM115
    closed = [fd for fd, how in ((1, case.stdout), (2, case.stderr)) if how == "closed"]

    def close_in_child() -> None:
        for fd in closed:
            os.close(fd)

    started = time.monotonic()
    try:
        process = subprocess.run(command + case.args, stdin=subprocess.DEVNULL,
                                 stdout=streams["stdout"], stderr=streams["stderr"], env=env,
                                 cwd=cwd, timeout=TIMEOUT, preexec_fn=close_in_child)
    finally:
        for stream in streams.values():
            if not isinstance(stream, int):
                stream.close()
        for fd in to_close:
            os.close(fd)
    seconds = time.monotonic() - started
    return Run(process.returncode, _read(out_file), _read(err_file), seconds)


def _read(path: Path) -> str:
    """What sco wrote, bytes that are not UTF-8 kept as surrogates (which UNSAFE finds)."""
    return path.read_bytes().decode("utf-8", "surrogateescape") if path.exists() else ""


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_case(case: Case, datasets: dict[str, Path], tmp_path: Path) -> None:
    data = datasets[case.data]
    before = snapshot(data)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    result = run(case, data, cwd)
    DURATIONS[case.id] = result.seconds
    shown = f"{case.args!r} -> {result.status}\nstdout: {result.stdout[:600]!r}\n" \
            f"stderr: {result.stderr[:600]!r}"
    assert result.status == case.status, shown
    for text in (result.stdout, result.stderr):
        assert "Traceback" not in text and "internal error" not in text, shown
        unsafe = UNSAFE.search(text)
        assert unsafe is None, f"raw {unsafe.group()!r} in the output\n{shown}"
    if case.err is not None:
        assert case.err in result.stderr, shown
    if case.out is not None:
        assert case.out in result.stdout, shown
    if case.quiet:
        assert result.stderr == "", shown
    if case.empty or case.status == 2:  # a usage error prints nothing but its message
        assert result.stdout == "", shown
    if case.parse_json:
        assert holds(parse(result.stdout), PAYLOAD), shown
    assert list(cwd.iterdir()) == [], "sco wrote a file in its working directory"
    assert snapshot(data) == before, "sco changed its data directory"


def parse(stdout: str) -> object:
    """The JSON document, or the NDJSON lines: the line count must not change whatever the
    values hold (U+2028 or NEL inside a value must stay escaped)."""
    try:
        return json.loads(stdout)
    except json.JSONDecodeError:
        return [json.loads(line) for line in stdout.splitlines()]


def holds(data: object, wanted: str) -> bool:
    """True if a string somewhere in `data` contains `wanted`: JSON kept the value whole."""
    if isinstance(data, str):
        return wanted in data
    if isinstance(data, dict):
        return any(holds(v, wanted) for v in data.values())
    if isinstance(data, list):
        return any(holds(v, wanted) for v in data)
    return False


# -- real signals and readers that go away ------------------------------------------------


def test_ctrl_c_while_blocked_on_a_full_pipe_exits_130() -> None:
    """A real SIGINT while sco is blocked writing ~110 KB to a pipe nobody reads yet."""
    process = subprocess.Popen([*MODULE, "sources", "--json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               env={**os.environ, "SCO_DATA": ""})
    time.sleep(1.0)  # start-up takes a tenth of that; the pipe (64 KiB) is full by now
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 130, err
    assert b"Traceback" not in err and b"internal error" not in err


def test_reader_that_goes_away_ends_sco_quietly() -> None:
    """SIGPIPE's case: the reader closes after a few bytes, while sco still has 100 KB."""
    with subprocess.Popen([*MODULE, "sources", "--json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                          env={**os.environ, "SCO_DATA": ""}) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(10)
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=TIMEOUT) == 0, err
    assert err == b""


def test_terminal_cases_draw_at_a_usable_width() -> None:
    """On a real terminal (a pty), unusable COLUMNS, LINES or TERMINAL_WIDTH neither crash
    Rich nor draw at width 0; hostile data shows no escape sequence but Rich's own styles."""
    from test_readme import run_in_terminal

    sgr = re.compile(r"\x1b\[[0-9;]*m")
    for command, expected in (
            ("COLUMNS=0 LINES=0 sco summits --year x; echo $?", "not a year"),
            ("COLUMNS=\u00b2 LINES=\u00b2 sco --help; echo $?", "Usage: sco"),
            ("TERMINAL_WIDTH=x COLUMNS=-1 sco nosuch; echo $?", "No such command"),
            ("COLUMNS=99999999999 sco members; echo $?", "CHN"),
    ):
        shown = run_in_terminal(f"SCO_DATA=tests/data/tiny {command}")
        assert expected in shown and "Traceback" not in shown, shown
        assert UNSAFE.search(sgr.sub("", shown)) is None, shown
        assert max(len(line) for line in shown.splitlines()) <= 200, shown


def figures() -> tuple[int, int]:
    """(cases, passed) of the matrix, run outside pytest."""
    import tempfile

    passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        roots = build_datasets(lambda name: Path(tempfile.mkdtemp(prefix=name, dir=tmp)))
        for case in CASES:
            where = Path(tempfile.mkdtemp(dir=tmp))
            try:
                test_hostile_case(case, roots, where)
                passed += 1
            except (AssertionError, subprocess.TimeoutExpired) as err:
                print(f"FAILED {case.id}: {str(err).splitlines()[0]}")
    return len(CASES), passed


if __name__ == "__main__":
    total, ok = figures()
    slowest = max(DURATIONS, key=DURATIONS.__getitem__)
    print(f"hostile matrix: {total} cases, {ok} passed; slowest {slowest} in "
          f"{DURATIONS[slowest]:.2f} s")
