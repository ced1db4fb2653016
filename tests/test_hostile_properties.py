"""Property-based tests whose generators reach the hostile classes: Unicode digits, C0 and C1
controls, bidi characters, line separators, lone surrogates, non-finite floats and integers
too large for JSON, in the text functions, the parsers, the loader and the commands."""

from __future__ import annotations

import json
import math
import re
import shutil

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sco_cli import numbers
from sco_cli.characters import UNSAFE, escape
from sco_cli.cli.base import parse_count, parse_date, parse_year
from sco_cli.dataset import Dataset
from sco_cli.dates import check_date
from sco_cli.errors import UsageError
from sco_cli.loader import MAX_INTEGER
from sco_cli.render.text import clean, to_csv, to_json, to_ndjson, to_plain

from conftest import TINY, Cli

# Every character sco must never print raw, and every kind of digit.
HOSTILE_CHARS = st.one_of(
    st.integers(0, 0x1F).map(chr), st.integers(0x7F, 0x9F).map(chr),
    st.sampled_from("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                    "\u2069\u2028\u2029"),
    st.integers(0xDC80, 0xDCFF).map(chr),  # what Python makes of argv bytes not UTF-8
)
DIGIT_CHARS = st.characters(categories=["Nd", "No", "Nl"])
TEXT = st.text(st.one_of(st.characters(), HOSTILE_CHARS, DIGIT_CHARS), max_size=40)
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(TEXT, st.booleans())
def test_clean_leaves_nothing_unsafe_and_deletes_nothing(text: str, one_line: bool) -> None:
    shown = clean(text, one_line=one_line)
    assert UNSAFE.search(shown) is None
    if one_line:
        assert "\n" not in shown and "\t" not in shown
    kept = re.sub(r"[\t\n\r]+", " ", text) if one_line else text  # breaks become spaces
    for char in set(UNSAFE.findall(kept)):
        assert escape(char) in shown  # visible, never silently dropped
    assert len(shown) >= len(kept)


PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


@SETTINGS
@given(st.dictionaries(TEXT, st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=4),
       st.booleans(), st.booleans())
def test_json_escapes_every_unsafe_character_and_round_trips(
        row: dict[str, object], pretty: bool, ascii_only: bool) -> None:
    for text in (to_json(row, pretty, ascii_only), to_ndjson([row, row], ascii_only)):
        assert UNSAFE.search(text) is None
    # A high surrogate followed by a low one is one character once read back from JSON (as in
    # any JSON reader), so such rows cannot round-trip: they cannot come from UTF-8 data.
    assume(not any(PAIR.search(t) for t in json.dumps(row, ensure_ascii=False).split('"')))
    assert json.loads(to_json(row, pretty, ascii_only)) == row
    lines = to_ndjson([row, row, row], ascii_only).splitlines()  # splits at U+2028, NEL...
    assert len(lines) == 3 and all(json.loads(line) == row for line in lines)


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_plain_csv_and_tsv_keep_one_record_per_line(values: list[str]) -> None:
    fields = [f"f{i}" for i in range(len(values))]
    row = dict(zip(fields, values, strict=True))
    plain = to_plain([row, row], fields)
    assert UNSAFE.search(plain) is None and len(plain.splitlines()) == 2
    assert UNSAFE.search(to_csv([row], fields)) is None


@SETTINGS
@given(st.text(st.one_of(DIGIT_CHARS, st.sampled_from("0123456789-+ _")), max_size=12))
def test_numbers_and_dates_read_ascii_digits_only(text: str) -> None:
    parsers = ((parse_year, (text, "--year")), (parse_count, (text, "--limit")),
               (parse_date, (text, "--as-of")))
    for parse, args in parsers:
        try:
            value = parse(*args)  # type: ignore[operator]
        except UsageError:
            continue
        assert text.strip().isascii(), (parse, text, value)
    if check_date(text) is None:
        assert text.isascii() and not text.startswith("0000")
    got = numbers.whole(text, 1, 9999)
    assert got is None or (numbers.is_digits(text) and 1 <= got <= 9999)


# -- hostile values in a dataset ------------------------------------------------------------

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["nan", "+inf", "-inf", "1e999", "9" * 5000, "0x" + "f" * 200, "-0.0"]),
)


def toml_string(text: str) -> str:
    """A TOML basic string holding `text`: controls, quotes and backslashes escaped."""
    return '"' + "".join(f"\\u{ord(c):04x}" if UNSAFE.match(c) or c in '"\\\t\n' else c
                         for c in text) + '"'


STRINGS = TEXT.filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)).map(
    toml_string)
DATES = st.text(st.one_of(DIGIT_CHARS, st.sampled_from("0123456789-")), min_size=4,
                max_size=10).map(toml_string)
TARGETS = [("trade.toml", "value = 512.4", "value", NUMBERS),
           ("summits.toml", "number = 25", "number", NUMBERS),
           ("summits.toml", 'city = "Tianjin"', "city", STRINGS),
           ("countries.toml", 'name = "Russia"', "name", STRINGS),
           ("sources.toml", 'publisher = "Alpha News"', "publisher", STRINGS),
           ("dataset.toml", 'as_of = "2025-12-31"', "as_of", DATES),
           ("summits.toml", 'start_date = "2025-08-31"', "start_date", DATES)]


@st.composite
def hostile_values(draw: st.DrawFn) -> tuple[str, str, str, str]:
    name, old, key, values = draw(st.sampled_from(TARGETS))
    return name, old, key, draw(values)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(hostile_values())
def test_hostile_values_are_problems_or_shown_safely(
        tmp_path_factory: pytest.TempPathFactory, target: tuple[str, str, str, str]) -> None:
    name, old, key, raw = target
    root = tmp_path_factory.mktemp("data")
    shutil.copytree(TINY, root, dirs_exist_ok=True)
    text = (root / name).read_text(encoding="utf-8")
    (root / name).write_text(text.replace(old, f"{key} = {raw}", 1), encoding="utf-8")
    problems = [str(p) for p in Dataset(root).validate_all()]  # never raises
    if key in ("value", "number"):
        if _beyond_json(raw):
            assert any(name in p and (f": {key}: " in p or "TOML: an integer" in p)
                       for p in problems), (raw, problems)
    elif key in ("as_of", "start_date"):
        if not json.loads(raw).isascii():
            assert any(f": {key}: " in p for p in problems), (raw, problems)
    elif UNSAFE.search(json.loads(raw)):
        assert any("text must be plain text" in p for p in problems), (raw, problems)
    run = Cli(root)
    for args in (["data", "validate"], ["summits", "--format", "table"], ["members", "--json"],
                 ["sources", "--format", "csv"], ["about"], ["--version"], ["search", "a"]):
        result = run(*args)
        assert result.exit_code in (0, 1), (raw, args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            raw, args, repr(result.exception))
        assert UNSAFE.search(result.stdout) is None and UNSAFE.search(result.stderr) is None, (
            raw, args, result.output)


def _beyond_json(raw: str) -> bool:
    """True for a number JSON cannot carry: NaN, an infinity (1e999 is one), an integer
    beyond 2**53 - 1 (5000 digits are)."""
    if any(mark in raw for mark in ".eEn") and not raw.startswith("0x"):  # a float
        return not math.isfinite(float(raw))
    return len(raw) > 4300 or abs(int(raw, 0)) > MAX_INTEGER


# -- hostile command lines ------------------------------------------------------------------

WORDS = ["summits", "members", "country", "search", "sources", "timeline", "chairs", "trade",
         "--year", "--as-of", "--since", "--limit", "--publisher", "--fields", "--format",
         "--data", "--json", "table", "plain", "csv", "name", "2025", "RUS"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), TEXT), max_size=5))
def test_hostile_command_lines_print_nothing_unsafe(args: list[str]) -> None:
    assume("--help" not in args and "-h" not in args)
    result = Cli(TINY)(*args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, repr(result.exception))
    assert UNSAFE.search(result.stdout) is None, (args, result.stdout)
    assert UNSAFE.search(result.stderr) is None, (args, result.stderr)
    assert "internal error" not in result.stderr
