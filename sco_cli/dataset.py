"""Locate, parse and validate the TOML dataset.

A `Dataset` parses a file the first time a command asks for one of its sections, and only that
file (plus the files its references point into). Every problem is reported with the file, the
record and the key; `Dataset.validate_all()` collects them all, the other accessors stop at the
first file that has any.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from sco_cli import model
from sco_cli.errors import DataError, Problem, ScoError

ENV_VAR = "SCO_DATA"
MAX_FILE_BYTES = 64 * 1024 * 1024  # a hundred times the bundled sources.toml fits


def slug(text: str) -> str:
    """'Vladimir Norov' -> 'vladimir-norov'."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def _field(name: str) -> Callable[[Mapping[str, Any]], str | None]:
    return lambda values: values.get(name) if isinstance(values.get(name), str) else None


def _chair_key(values: Mapping[str, Any]) -> str | None:
    country, start = values.get("country"), values.get("start")
    ok = isinstance(country, str) and isinstance(start, str)
    return f"{country}-{start}" if ok else None


def _secretary_key(values: Mapping[str, Any]) -> str | None:
    name = values.get("name")
    return slug(name) if isinstance(name, str) else None


BY_ID = _field("id")


class Section(model.Record):
    """A table or array of tables in one file, built into records of `cls`. `ident` gives a
    record's id (from its TOML table or its values); None for a single table."""

    file: str
    key: str
    cls: type[Any]
    ident: Callable[[Mapping[str, Any]], str | None] | None
    many: bool = True


def record_id(name: str, record: Any) -> str:
    """The id users type for a record of section `name` ('KGZ-2025-09-01', 'zhang-ming')."""
    ident = SECTIONS[name].ident
    key = ident(vars(record)) if ident else None
    return key or ""


SECTIONS: dict[str, Section] = {
    "dataset": Section(
        file="dataset.toml", key="dataset", cls=model.DatasetInfo, many=False, ident=None
    ),
    "sources": Section(file="sources.toml", key="source", cls=model.Source, ident=BY_ID),
    "organisation": Section(
        file="organisation.toml", key="organisation", cls=model.Organisation, many=False,
        ident=None,
    ),
    "bodies": Section(file="organisation.toml", key="body", cls=model.Body, ident=BY_ID),
    "events": Section(file="organisation.toml", key="event", cls=model.Event, ident=BY_ID),
    "summits": Section(file="summits.toml", key="summit", cls=model.Summit, ident=BY_ID),
    "countries": Section(
        file="countries.toml", key="country", cls=model.Country, ident=_field("code")
    ),
    "trade": Section(file="trade.toml", key="figure", cls=model.TradeFigure, ident=BY_ID),
    "principles": Section(
        file="principles.toml", key="principle", cls=model.Principle, ident=BY_ID
    ),
    "chairs": Section(file="chairs.toml", key="chair", cls=model.Chair, ident=_chair_key),
    "secretaries": Section(
        file="secretaries.toml", key="secretary", cls=model.Secretary, ident=_secretary_key
    ),
    "claims": Section(file="claims.toml", key="claim", cls=model.Claim, ident=BY_ID),
}

# Which section defines the ids that each marker type refers to.
REFERENCE_TARGETS: dict[type, tuple[str, str]] = {
    model.SourceId: ("sources", "source"),
    model.CountryCode: ("countries", "country"),
    model.SummitId: ("summits", "meeting"),
}

_DATE = re.compile(r"\d{4}(?:-(\d{2})(?:-(\d{2}))?)?")


def bundled_data_dir() -> Path:
    """The dataset shipped with the package (inside the wheel) or beside it in a checkout.

    `importlib.resources` would cost about 10 ms of start-up on every run for the same answer:
    the package is always installed as plain files, never zipped.
    """
    here = Path(__file__).resolve().parent
    inside = here / "data"
    return inside if inside.is_dir() else here.parent / "data"


def resolve_data_dir(explicit: str | None = None, origin: str = "--data") -> Path:
    """`--data DIR` (or another `origin`), else $SCO_DATA, else the bundled dataset; the
    directory must exist."""
    chosen = explicit or os.environ.get(ENV_VAR) or None
    if chosen is None:
        return bundled_data_dir()
    path = Path(chosen).expanduser()
    origin = origin if explicit else ENV_VAR
    if not path.exists():
        raise ScoError(f"{origin}: no such directory: {path}")
    if not path.is_dir():
        raise ScoError(f"{origin}: not a directory: {path}")
    return path


def check_date(value: str) -> str | None:
    """None if `value` is an ISO 8601 date (full or partial), else what is wrong with it."""
    match = _DATE.fullmatch(value)
    if not match:
        return f"{value!r} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"
    month, day = match.group(1), match.group(2)
    if month is not None and not 1 <= int(month) <= 12:
        return f"{value!r} has no month {month}"
    if day is not None:
        last = _days_in_month(int(value[:4]), int(month or 1))
        if not 1 <= int(day) <= last:
            return f"{value!r} has no day {day}"
    return None


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def period_end(value: str) -> str:
    """The last day a (possibly partial) date covers: '2001' -> '2001-12-31'."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return f"{value}-{_days_in_month(int(value[:4]), int(value[5:7])):02d}"
    return value


def date_key(value: str) -> str:
    """A sortable full date: a partial date stands for its first day."""
    return (value + "-01-01"[len(value) - 4 :]) if len(value) < 10 else value


def check_period(value: str) -> str | None:
    parts = value.split("/")
    if len(parts) > 2:
        return f"{value!r} is not a year, a date or an interval START/END"
    for part in parts:
        if problem := check_date(part):
            return problem
    if len(parts) == 2 and date_key(parts[0]) > period_end(parts[1]):
        return f"{value!r} ends before it starts"
    return None


class Dataset:
    """The dataset in one directory, parsed lazily, one file at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._raw: dict[str, dict[str, Any]] = {}
        self._built: dict[str, Any] = {}
        self._refs: dict[str, list[tuple[type, str, Problem]]] = {}
        self._problems: dict[str, list[Problem]] = {}
        self._id_sets: dict[str, set[str] | None] = {}
        self._indexes: dict[str, dict[str, Any]] = {}

    # -- public accessors -------------------------------------------------------------------

    @property
    def info(self) -> model.DatasetInfo:
        return typing.cast(model.DatasetInfo, self.section("dataset"))

    @property
    def organisation(self) -> model.Organisation:
        return typing.cast(model.Organisation, self.section("organisation"))

    @property
    def sources(self) -> dict[str, model.Source]:
        return self._index("sources")

    @property
    def countries(self) -> dict[str, model.Country]:
        return self._index("countries")

    @property
    def summits(self) -> tuple[model.Summit, ...]:
        return typing.cast(tuple[model.Summit, ...], self.section("summits"))

    @property
    def trade(self) -> tuple[model.TradeFigure, ...]:
        return typing.cast(tuple[model.TradeFigure, ...], self.section("trade"))

    @property
    def principles(self) -> tuple[model.Principle, ...]:
        return typing.cast(tuple[model.Principle, ...], self.section("principles"))

    @property
    def bodies(self) -> tuple[model.Body, ...]:
        return typing.cast(tuple[model.Body, ...], self.section("bodies"))

    @property
    def events(self) -> tuple[model.Event, ...]:
        return typing.cast(tuple[model.Event, ...], self.section("events"))

    @property
    def chairs(self) -> tuple[model.Chair, ...]:
        return typing.cast(tuple[model.Chair, ...], self.section("chairs"))

    @property
    def secretaries(self) -> tuple[model.Secretary, ...]:
        return typing.cast(tuple[model.Secretary, ...], self.section("secretaries"))

    @property
    def claims(self) -> tuple[model.Claim, ...]:
        return typing.cast(tuple[model.Claim, ...], self.section("claims"))

    def by_id(self, name: str, ident: str) -> Any:
        """One record of a section by its id, or None."""
        return self._index(name).get(ident)

    def section(self, name: str) -> Any:
        """The records of a section, built and with every reference checked; DataError (every
        time it is asked for) if the section has any problem."""
        if name not in self._problems:
            problems: list[Problem] = []
            try:
                self._build(name)
            except DataError as err:
                problems += err.problems
            problems += self._check_references(name)
            self._problems[name] = problems
        if self._problems[name]:
            raise DataError(self._problems[name])
        return self._built[name]

    def validate_all(self) -> list[Problem]:
        """Every problem in every file, in file order; an empty list if the dataset is valid."""
        for name in SECTIONS:
            with contextlib.suppress(DataError):  # collected in self._problems
                self.section(name)
        problems = [p for name in SECTIONS for p in self._problems.get(name, [])]
        # Whether a source is cited is known only once every file has been read: report unused
        # sources when nothing else is wrong, not as a cascade after a broken file.
        unused = set(self._built_index("sources")) - self._cited_sources() if not problems else ()
        if unused:
            path = str(self.root / SECTIONS["sources"].file)
            problems += [
                Problem(path, f"source '{s}'", None, "is never cited") for s in sorted(unused)
            ]
        return _unique(problems)

    # -- parsing ----------------------------------------------------------------------------

    def _file(self, name: str) -> dict[str, Any]:
        if name not in self._raw:
            self._raw[name] = self._parse(name)
        return self._raw[name]

    def _parse(self, name: str) -> dict[str, Any]:
        path = self.root / name
        where = str(path)
        try:
            with path.open("rb") as handle:  # no further than the limit, whatever the file
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise DataError([Problem(where, None, None, "file not found")]) from None
        except IsADirectoryError:
            raise DataError([Problem(where, None, None, "is a directory, not a file")]) from None
        except OSError as err:
            raise DataError([Problem(where, None, None, f"cannot read: {err.strerror}")]) from None
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
            return tomli.loads(text)
        except RecursionError:
            too_deep = Problem(where, None, None, "arrays or tables nested too deeply")
            raise DataError([too_deep]) from None
        except tomli.TOMLDecodeError as err:
            line, col = getattr(err, "lineno", None), getattr(err, "colno", None)
            message = getattr(err, "msg", str(err))
            raise DataError(
                [Problem(where, None, None, f"TOML syntax: {message}", line, col)]
            ) from None

    # -- building ---------------------------------------------------------------------------

    def _build(self, name: str) -> Any:
        if name in self._built:
            return self._built[name]
        spec = SECTIONS[name]
        raw = self._file(spec.file)
        builder = _Builder(str(self.root / spec.file))
        in_file = [s.key for s in SECTIONS.values() if s.file == spec.file]
        result = builder.section(raw, spec, in_file)
        for check in _CHECKS.get(spec.cls, ()):
            for record, label in zip(_as_tuple(result), builder.labels, strict=False):
                if record is not None:  # a record that did not build has its problems already
                    builder.problems += [
                        Problem(builder.path, label, key, msg) for key, msg in check(record)
                    ]
        self._refs[name] = builder.refs
        if builder.problems:
            raise DataError(builder.problems)
        self._built[name] = result
        return result

    def _built_index(self, name: str) -> dict[str, Any]:
        if name not in self._indexes:
            self._indexes[name] = {record_id(name, r): r for r in self._build(name)}
        return self._indexes[name]

    def _index(self, name: str) -> dict[str, Any]:
        self.section(name)
        return self._built_index(name)

    def _ids(self, name: str) -> set[str] | None:
        """The ids a section's file defines, even if some of its records have problems;
        None if the file cannot be read at all (its own problems say why)."""
        if name not in self._id_sets:
            spec = SECTIONS[name]
            try:
                raw = self._file(spec.file).get(spec.key, [])
            except DataError:
                raw = None
            tables = raw if isinstance(raw, list) else []
            ident = spec.ident or _field("id")
            self._id_sets[name] = None if raw is None else {
                key for t in tables if isinstance(t, dict) and (key := ident(t)) is not None
            }
        return self._id_sets[name]

    def _check_references(self, name: str) -> list[Problem]:
        problems = []
        for marker, value, problem in self._refs.get(name, []):
            target, what = REFERENCE_TARGETS[marker]
            ids = self._ids(target)
            if ids is not None and value not in ids:
                problem.message = f"unknown {what} {value!r}" + _nearest(value, ids)
                problems.append(problem)
        return problems

    def _cited_sources(self) -> set[str]:
        cited: set[str] = set()
        for refs in self._refs.values():
            cited.update(value for marker, value, _ in refs if marker is model.SourceId)
        return cited


class _Builder:
    """Turns parsed TOML into records, collecting problems and references as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.refs: list[tuple[type, str, Problem]] = []
        self.labels: list[str] = []

    def section(self, raw: dict[str, Any], spec: Section, keys_in_file: list[str]) -> Any:
        for key in raw:
            if key not in keys_in_file:
                expected = ", ".join(
                    f"[[{k}]]" if SECTIONS_BY_KEY[k].many else f"[{k}]" for k in keys_in_file
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
            return self.record(spec.cls, value, f"[{spec.key}]")
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
            record = self.record(spec.cls, table, label)
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
                    Problem(self.path, label, prefix + key, "unknown key" + _nearest(key, hints))
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
        origin = typing.get_origin(tp)
        if origin is typing.Union or origin is types.UnionType:
            arms = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(arms) == 1:  # an optional field: its own type says what is wrong
                return self.convert(arms[0], raw, label, key)
            for arm in arms:
                before = len(self.problems)
                result = self.convert(arm, raw, label, key)
                if not isinstance(result, _Invalid):
                    return result
                del self.problems[before:]
            return _Invalid(f"expected {_describe(tp)}, got {_describe_value(raw)}")
        if origin is typing.Literal:
            allowed = typing.get_args(tp)
            if raw in allowed:
                return raw
            return _Invalid(f"{raw!r} is not one of: {', '.join(map(str, allowed))}")
        if origin in (tuple, list):
            if not isinstance(raw, list):
                return _Invalid(f"expected an array, got {_describe_value(raw)}")
            item_type = typing.get_args(tp)[0]
            items: list[Any] = []
            for index, item in enumerate(raw):
                result = self.convert(item_type, item, label, f"{key}[{index}]")
                if isinstance(result, _Invalid):
                    where = f"{key}[{index}]"
                    self.problems.append(Problem(self.path, label, where, result.message))
                    items.append(None)
                else:
                    items.append(result)
            return tuple(items) if origin is tuple else items
        if isinstance(tp, type) and issubclass(tp, model.Record):
            if not isinstance(raw, dict):
                return _Invalid(f"expected a table, got {_describe_value(raw)}")
            return self.record(tp, raw, label, key + ".")
        if tp is bool:
            if isinstance(raw, bool):
                return raw
            return _Invalid(f"expected true or false, got {_describe_value(raw)}")
        if tp is int:
            if isinstance(raw, int) and not isinstance(raw, bool):
                return raw
            return _Invalid(f"expected an integer, got {_describe_value(raw)}")
        if tp is float:
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                return float(raw)
            return _Invalid(f"expected a number, got {_describe_value(raw)}")
        if isinstance(tp, type) and issubclass(tp, str):
            if not isinstance(raw, str):
                return _Invalid(f"expected a string, got {_describe_value(raw)}")
            return self.string(tp, raw, label, key)
        raise TypeError(f"no converter for {tp!r}")  # a bug in model.py, not in the data

    def string(self, tp: type, raw: str, label: str, key: str) -> Any:
        if not raw.strip():
            return _Invalid("is empty")
        if tp is model.Date and (problem := check_date(raw)):
            return _Invalid(problem)
        if tp is model.Period and (problem := check_period(raw)):
            return _Invalid(problem)
        if tp is model.CountryCode and not re.fullmatch(r"[A-Z]{3}", raw):
            return _Invalid(f"{raw!r} is not an ISO 3166-1 alpha-3 code (three capital letters)")
        if tp in REFERENCE_TARGETS:
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


class _Invalid:
    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


SECTIONS_BY_KEY = {spec.key: spec for spec in SECTIONS.values()}


def _hints(cls: type) -> dict[str, Any]:
    # model.py does not postpone annotations, so they are already types: no eval needed.
    hints: dict[str, Any] = cls.__annotations__
    return hints


def _required(cls: type[model.Record]) -> tuple[str, ...]:
    return cls.__required__


def _label(spec: Section, table: dict[str, Any], index: int) -> str:
    ident = spec.ident(table) if spec.ident else None
    return f"{spec.key} {ident!r}" if ident is not None else f"{spec.key}[{index}]"


def _describe(tp: Any) -> str:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return " or ".join(getattr(a, "__name__", str(a)) for a in args)


def _describe_value(raw: Any) -> str:
    names = {str: "a string", bool: "a boolean", int: "an integer", float: "a number",
             list: "an array", dict: "a table"}
    return names.get(type(raw), type(raw).__name__)


def closest(wanted: str, choices: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """The choices that start with `wanted`, then those most like it."""
    import difflib

    folded = {c.casefold(): c for c in choices}
    starting = [c for f, c in folded.items() if wanted and f.startswith(wanted)]
    alike = [folded[f] for f in difflib.get_close_matches(wanted, list(folded), n=limit,
                                                           cutoff=0.6)]
    return tuple(dict.fromkeys(starting + alike))[:limit]


def _nearest(word: str, choices: Iterable[str]) -> str:
    close = closest(word.casefold(), list(choices), limit=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _as_tuple(result: Any) -> tuple[Any, ...]:
    return result if isinstance(result, tuple) else (result,)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            out.append(problem)
    return out


# -- semantic checks: each yields (key, message) for a record that breaks a rule ---------------


def _check_summit(summit: model.Summit) -> Iterator[tuple[str, str]]:
    if period_end(summit.end_date) < date_key(summit.start_date):
        yield "end_date", f"{summit.end_date} is before start_date {summit.start_date}"


def _check_country(country: model.Country) -> Iterator[tuple[str, str]]:
    for index, alias in enumerate(country.aliases):
        if alias in (country.name, country.formal_name):
            yield f"aliases[{index}]", f"{alias!r} repeats the name or formal name"
    history = country.history
    if not history:
        yield "history", "is empty"
        return
    for index, (period, following) in enumerate(itertools.pairwise(history)):
        if period.end is None:
            yield f"history[{index}].end", "missing: only the last entry may be open"
        elif period.end != following.start:
            yield f"history[{index}].end", f"{period.end} is not the next start {following.start}"
    for index, period in enumerate(history):
        if period.end is not None and period_end(period.end) < date_key(period.start):
            yield f"history[{index}].end", f"{period.end} is before start {period.start}"


def _check_span(record: Any) -> Iterator[tuple[str, str]]:
    if record.end is not None and period_end(record.end) < date_key(record.start):
        yield "end", f"{record.end} is before start {record.start}"


_CHECKS: dict[type, tuple[Callable[[Any], Iterator[tuple[str, str]]], ...]] = {
    model.Summit: (_check_summit,),
    model.Country: (_check_country,),
    model.Chair: (_check_span,),
    model.Secretary: (_check_span,),
}


@cache
def load(root: Path | None = None) -> Dataset:
    """The dataset in `root` (default: the bundled one), one instance per process."""
    return Dataset(root or bundled_data_dir())
