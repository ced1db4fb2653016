"""Parse a TOML file and build its records, collecting every problem with its location.

`parse` reads one file (never more than MAX_FILE_BYTES). `Builder` turns the parsed tables into
the model's records, checking each value against the field's annotation: a `Literal` lists the
allowed values, the marker types of sco_cli/model.py say what a string must be (a date, a
country code, the id of a source...). References are collected for the Dataset to check once
the files they point into are read.
"""

from __future__ import annotations

import math
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

from sco_cli import model
from sco_cli.characters import UNSAFE, describe, escape
from sco_cli.dates import check_date, check_period
from sco_cli.errors import DataError, Problem
from sco_cli.files import read_regular
from sco_cli.kinds import BY_KEY, BY_MARKER, Kind
from sco_cli.names import nearest

MAX_FILE_BYTES = 64 * 1024 * 1024  # a hundred times the bundled sources.toml fits


def parse(path: Path, compiled: Any = None) -> dict[str, Any]:
    """The TOML file at `path`, or DataError saying what is wrong with it. `compiled` (the
    bundled data's, sco_cli/compiled.py, or the user's cache, sco_cli/cache.py) gives the
    tables already parsed when the file is unchanged, and keeps what is parsed here."""
    where = str(path)
    data = read_regular(path, MAX_FILE_BYTES + 1)  # no further than the limit
    tables: dict[str, Any] | None = compiled.tables(path.name, data) if compiled else None
    if tables is not None:
        return tables
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise DataError([Problem(where, None, None, f"larger than {limit} MiB")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(
            [Problem(where, None, None, f"not UTF-8 text (byte {err.start} is invalid)")]
        ) from None
    import tomli  # deferred: only commands that read data pay for it

    try:
        tables = tomli.loads(text)
    except RecursionError:
        too_deep = Problem(where, None, None, "arrays or tables nested too deeply")
        raise DataError([too_deep]) from None
    except tomli.TOMLDecodeError as err:
        line, col = getattr(err, "lineno", None), getattr(err, "colno", None)
        message = getattr(err, "msg", str(err))
        raise DataError(
            [Problem(where, None, None, f"TOML syntax: {message}", line, col)]
        ) from None
    except ValueError:  # an integer too long for int() (sys.int_max_str_digits)
        line, col = _long_integer(text)
        what = (f"an integer with more than {_MAX_DIGITS} digits" if line
                else "a value out of range")
        raise DataError([Problem(where, None, None, f"TOML: {what}", line, col)]) from None
    if compiled:
        compiled.keep(path.name, data, tables)
    return tables


_MAX_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 4300


def _long_integer(text: str) -> tuple[int | None, int | None]:
    """The line and column of the first run of digits too long to read as an integer."""
    for match in re.finditer(rf"[0-9_]{{{_MAX_DIGITS + 1},}}", text):
        if len(match.group().replace("_", "")) > _MAX_DIGITS:
            line = text.count("\n", 0, match.start()) + 1
            return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return None, None


class Builder:
    """Turns parsed TOML into records, collecting problems and references as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.refs: list[tuple[type, str, Problem]] = []
        self.labels: list[str] = []
        self.text_problems: list[Problem] = []  # not plain text: reported by validation only

    def section(self, raw: dict[str, Any], spec: Kind, keys_in_file: list[str]) -> Any:
        for key in raw:
            if key not in keys_in_file:
                expected = ", ".join(
                    f"[[{k}]]" if BY_KEY[k].many else f"[{k}]" for k in keys_in_file
                )
                self.problems.append(
                    Problem(self.path, None, key, f"unknown table (expected {expected})")
                )
        if spec.key not in raw:
            if spec.many:
                return ()
            self.problems.append(Problem(self.path, None, spec.key, "missing table"))
            return None
        value = raw[spec.key]
        if not spec.many:
            if not isinstance(value, dict):
                self.problems.append(Problem(self.path, None, spec.key, "must be a table"))
                return None
            self.labels.append(f"[{spec.key}]")
            return self.record(spec.model, value, f"[{spec.key}]")
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.append(
                Problem(self.path, None, spec.key, f"must be an array of tables [[{spec.key}]]")
            )
            return ()
        records = []
        seen: dict[str, str] = {}
        for index, table in enumerate(value):
            label = _label(spec, table, index)
            self.labels.append(label)
            record = self.record(spec.model, table, label)
            ident = spec.ident(table) if spec.ident else None
            if ident is not None:
                if ident in seen:
                    self.problems.append(
                        Problem(self.path, label, None, f"the same id as {seen[ident]}")
                    )
                seen.setdefault(ident, label)
            records.append(record)
        return tuple(records)

    def record(self, cls: type[Any], table: dict[str, Any], label: str, prefix: str = "") -> Any:
        hints = _hints(cls)
        before = len(self.problems)
        for key in table:
            if key not in hints:
                self.problems.append(
                    Problem(self.path, label, prefix + key, "unknown key" + nearest(key, hints))
                )
        for name in _required(cls):
            if name not in table:
                self.problems.append(Problem(self.path, label, prefix + name, "missing"))
        values = {}
        for key, raw in table.items():
            if key in hints:
                values[key] = self.value(hints[key], raw, label, prefix + key)
        if len(self.problems) > before:
            return None
        if "variants" in values:
            self.check_variants(cls, values, label, prefix)
        return cls(**values)

    def value(self, tp: Any, raw: Any, label: str, key: str) -> Any:
        problem = self.convert(tp, raw, label, key)
        if isinstance(problem, _Invalid):
            self.problems.append(Problem(self.path, label, key, problem.message))
            return None
        return problem

    def convert(self, tp: Any, raw: Any, label: str, key: str) -> Any:
        if (problem := _unrepresentable(raw)) is not None:
            return _Invalid(problem)
        form, detail = _FORMS.get(tp) or _form(tp)
        if form is _STR:
            if not isinstance(raw, str):
                return _Invalid(f"expected a string, got {_describe_value(raw)}")
            return self.string(tp, raw, label, key)
        if form is _OPTIONAL:  # an optional field: its own type says what is wrong
            return self.convert(detail, raw, label, key)
        if form is _UNION:
            for arm in detail:
                before = len(self.problems)
                result = self.convert(arm, raw, label, key)
                if not isinstance(result, _Invalid):
                    return result
                del self.problems[before:]
            return _Invalid(f"expected {_describe(tp)}, got {_describe_value(raw)}")
        if form is _LITERAL:
            if raw in detail:
                return raw
            return _Invalid(f"{raw!r} is not one of: {', '.join(map(str, detail))}")
        if form is _TUPLE or form is _LIST:
            if not isinstance(raw, list):
                return _Invalid(f"expected an array, got {_describe_value(raw)}")
            items: list[Any] = []
            for index, item in enumerate(raw):
                result = self.convert(detail, item, label, f"{key}[{index}]")
                if isinstance(result, _Invalid):
                    where = f"{key}[{index}]"
                    self.problems.append(Problem(self.path, label, where, result.message))
                    items.append(None)
                else:
                    items.append(result)
            return tuple(items) if form is _TUPLE else items
        if form is _RECORD:
            if not isinstance(raw, dict):
                return _Invalid(f"expected a table, got {_describe_value(raw)}")
            return self.record(tp, raw, label, key + ".")
        if form is _BOOL:
            if isinstance(raw, bool):
                return raw
            return _Invalid(f"expected true or false, got {_describe_value(raw)}")
        if form is _INT:
            if isinstance(raw, int) and not isinstance(raw, bool):
                return raw
            return _Invalid(f"expected an integer, got {_describe_value(raw)}")
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):  # _FLOAT
            return float(raw)
        return _Invalid(f"expected a number, got {_describe_value(raw)}")

    def string(self, tp: type, raw: str, label: str, key: str) -> Any:
        if (unsafe := UNSAFE.search(raw)) is not None:  # said even of text that is only that
            char = unsafe.group()
            self.text_problems.append(Problem(
                self.path, label, key, f"contains {describe(char)}: text must be plain text "
                f"(sco shows it as {escape(char)})"))
        if not raw.strip():
            return _Invalid("is empty")
        if tp is model.Date and (problem := check_date(raw)):
            return _Invalid(problem)
        if tp is model.Period and (problem := check_period(raw)):
            return _Invalid(problem)
        if tp is model.CountryCode and not re.fullmatch(r"[A-Z]{3}", raw):
            return _Invalid(f"{raw!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
        if tp in BY_MARKER:
            self.refs.append((tp, raw, Problem(self.path, label, key, "")))
        return raw

    def check_variants(
        self, cls: type[Any], values: dict[str, Any], label: str, prefix: str
    ) -> None:
        hints = _hints(cls)
        for index, variant in enumerate(values["variants"] or ()):
            if variant is None:
                continue
            key = f"{prefix}variants[{index}]"
            if variant.field not in hints or variant.field in ("variants", "sources", "history"):
                self.problems.append(
                    Problem(self.path, label, key + ".field",
                            f"{variant.field!r} is not a field that can vary")
                )
                continue
            result = self.convert(hints[variant.field], variant.value, label, key + ".value")
            if isinstance(result, _Invalid):
                self.problems.append(Problem(self.path, label, key + ".value", result.message))


# The integers JSON carries exactly (RFC 8259, section 6): beyond them a reader may round.
MAX_INTEGER = 2**53 - 1


def _unrepresentable(raw: Any) -> str | None:
    """What is wrong with a number that JSON cannot carry: NaN, an infinity, an integer
    beyond MAX_INTEGER (which also keeps a huge one from being turned into text)."""
    if isinstance(raw, float) and not math.isfinite(raw):
        return f"{raw!r} is not a number JSON can carry (no nan or inf)"
    if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) > MAX_INTEGER:
        return (f"is too large: JSON carries integers exactly only up to {MAX_INTEGER:,} "
                "(2**53 - 1) either way")
    return None


# What convert() does with each annotation of model.py, worked out once per annotation rather
# than once per value (a large dataset converts hundreds of thousands of values).
_STR, _OPTIONAL, _UNION, _LITERAL, _TUPLE, _LIST, _RECORD, _BOOL, _INT, _FLOAT = (
    "str", "optional", "union", "literal", "tuple", "list", "record", "bool", "int", "float")
_FORMS: dict[Any, tuple[str, Any]] = {}


def _form(tp: Any) -> tuple[str, Any]:
    origin = typing.get_origin(tp)
    form: tuple[str, Any]
    if origin is typing.Union or origin is types.UnionType:
        arms = tuple(a for a in typing.get_args(tp) if a is not type(None))
        form = (_OPTIONAL, arms[0]) if len(arms) == 1 else (_UNION, arms)
    elif origin is typing.Literal:
        form = (_LITERAL, typing.get_args(tp))
    elif origin in (tuple, list):
        form = (_TUPLE if origin is tuple else _LIST, typing.get_args(tp)[0])
    elif isinstance(tp, type) and issubclass(tp, model.Record):
        form = (_RECORD, None)
    elif tp is bool:
        form = (_BOOL, None)
    elif tp is int:
        form = (_INT, None)
    elif tp is float:
        form = (_FLOAT, None)
    elif isinstance(tp, type) and issubclass(tp, str):
        form = (_STR, None)
    else:
        raise TypeError(f"no converter for {tp!r}")  # a bug in model.py, not in the data
    _FORMS[tp] = form
    return form


class _Invalid:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _hints(cls: type) -> dict[str, Any]:
    # model.py does not postpone annotations, so they are already types: no eval needed.
    hints: dict[str, Any] = cls.__hints__  # type: ignore[attr-defined]
    return hints


def _required(cls: type[model.Record]) -> tuple[str, ...]:
    return cls.__required__


def _label(spec: Kind, table: dict[str, Any], index: int) -> str:
    ident = spec.ident(table) if spec.ident else None
    return f"{spec.key} {ident!r}" if ident is not None else f"{spec.key}[{index}]"


def _describe(tp: Any) -> str:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return " or ".join(getattr(a, "__name__", str(a)) for a in args)


def _describe_value(raw: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number",
             list: "an array", dict: "a table"}
    return names.get(type(raw), type(raw).__name__)
