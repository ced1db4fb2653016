"""The dataset in one directory: located, parsed lazily, validated, indexed.

A `Dataset` parses a file the first time a command asks for records of a kind kept in it, and
only that file (plus the files its references point into). Every problem is reported with the
file, the record and the key; `Dataset.validate_all()` collects them all, `records()` stops at
the first kind that has any. What each file holds is declared in the registry (kinds.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from functools import cache
from pathlib import Path
from typing import Any

from sco_cli import kinds, model
from sco_cli.errors import DataError, Problem, ScoError, UsageError
from sco_cli.kinds import Kind, record_id
from sco_cli.loader import Builder, parse
from sco_cli.names import nearest

ENV_VAR = "SCO_DATA"


def bundled_data_dir() -> Path:
    """The dataset shipped with the package (inside the wheel) or beside it in a checkout.

    `importlib.resources` would cost about 10 ms of start-up on every run for the same answer:
    the package is always installed as plain files, never zipped.
    """
    here = Path(__file__).resolve().parent
    inside = here / "data"
    return inside if inside.is_dir() else here.parent / "data"


EMPTY_PATH = "give a directory (an empty path names none)"


def resolve_data_dir(explicit: str | None = None, origin: str = "--data") -> Path:
    """`--data DIR` (or another `origin`), else $SCO_DATA, else the bundled dataset; the
    directory must exist. An empty DIR is a usage error; an empty $SCO_DATA is unset."""
    if explicit == "":
        raise UsageError(f"{origin}: {EMPTY_PATH}")
    chosen = explicit or os.environ.get(ENV_VAR) or None
    if chosen is None:
        return bundled_data_dir()
    origin = origin if explicit else ENV_VAR
    try:
        path = Path(chosen).expanduser()
    except RuntimeError:  # '~nosuchuser/x', or '~' without a home directory
        raise ScoError(f"{origin}: no such directory: {chosen}") from None
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        if err.errno in (errno.ENOENT, errno.ENOTDIR):
            raise ScoError(f"{origin}: no such directory: {path}") from None
        raise ScoError(f"{origin}: cannot use {path}: {err.strerror}") from None
    if not stat.S_ISDIR(mode):
        raise ScoError(f"{origin}: not a directory: {path}")
    return path


def fingerprint(root: Path) -> str:
    """The first 12 hex digits of a SHA-256 over the dataset's TOML files (names and bytes,
    in name order): two directories with the same fingerprint hold the same data."""
    from sco_cli.files import read_regular, sha256
    from sco_cli.loader import MAX_FILE_BYTES

    digest = sha256()
    for path in sorted(root.glob("*.toml")):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(read_regular(path, MAX_FILE_BYTES) + b"\0")
        except (DataError, OSError):
            digest.update(b"unreadable\0")
    return str(digest.hexdigest())[:12]


def modified(root: Path) -> bool:
    """Whether a dataset differs from the bundled one."""
    bundled = bundled_data_dir()
    return root.resolve() != bundled.resolve() and fingerprint(root) != fingerprint(bundled)


class Dataset:
    """The dataset in one directory, parsed lazily, one file at a time."""

    def __init__(self, root: Path, cached: bool = True) -> None:
        """`cached=False` never reads nor writes the cache of SCO_CACHE_DIR (sco_cli/cache.py),
        as `sco data validate` does."""
        self.root = root
        self._cached = cached
        self._raw: dict[str, dict[str, Any]] = {}
        self._built: dict[str, Any] = {}
        self._refs: dict[str, list[tuple[type, str, Problem]]] = {}
        self._problems: dict[str, list[Problem]] = {}
        self._text_problems: dict[str, list[Problem]] = {}  # for `sco data validate` only
        self._id_sets: dict[str, set[str] | None] = {}
        self._indexes: dict[str, dict[str, Any]] = {}
        self._compiled_form: Any = None

    # -- public accessors -------------------------------------------------------------------

    @property
    def info(self) -> model.DatasetInfo:
        info: model.DatasetInfo = self.records("dataset")
        return info

    def records(self, name: str) -> Any:
        """The records of a kind (the one record of a single-table kind), built and with
        every reference checked; DataError (every time it is asked) if the kind has any
        problem."""
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

    def index(self, name: str) -> dict[str, Any]:
        """The records of a kind by id."""
        self.records(name)
        return self._built_index(name)

    def get(self, name: str, ident: str) -> Any:
        """One record of a kind by its id, or None."""
        return self.index(name).get(ident)

    def files_read(self) -> set[str]:
        """The names of the files parsed so far."""
        return set(self._raw)

    def cited_sources(self) -> set[str]:
        """The source ids cited by the records built so far."""
        cited: set[str] = set()
        for refs in self._refs.values():
            cited.update(value for marker, value, _ in refs if marker is model.SourceId)
        return cited

    def validate_all(self) -> list[Problem]:
        """Every problem in every file, in file order; an empty list if the dataset is valid."""
        for kind in kinds.FILES:
            with contextlib.suppress(DataError):  # collected in self._problems
                self.records(kind.name)
        problems = [p for kind in kinds.FILES for p in self._problems.get(kind.name, [])]
        problems += self._unclaimed_files()
        # Whether a source is cited is known only once every file has been read: report unused
        # sources when nothing else is wrong, not as a cascade after a broken file.
        unused = set(self._built_index("sources")) - self.cited_sources() if not problems else ()
        if unused:
            path = str(self.root / kinds.SOURCES.file)  # type: ignore[operator]
            problems += [
                Problem(path, f"source '{s}'", None, "is never cited") for s in sorted(unused)
            ]
        # Text that is not plain text breaks a rule of data/README.md, but other commands
        # show it escaped, never obeyed: only validation refuses it.
        problems += [p for kind in kinds.FILES for p in self._text_problems.get(kind.name, [])]
        return _unique(problems)

    # -- parsing and building ---------------------------------------------------------------

    def _file(self, name: str) -> dict[str, Any]:
        if name not in self._raw:
            self._raw[name] = parse(self.root / name, self._compiled())
        return self._raw[name]

    def _compiled_ids(self, kind: Kind) -> set[str] | None:
        compiled = self._compiled()
        if compiled is None or kind.name in self._built or kind.file in self._raw:
            return None  # what is read already answers as cheaply
        from sco_cli.files import read_regular
        from sco_cli.loader import MAX_FILE_BYTES

        try:
            content = read_regular(self.root / str(kind.file), MAX_FILE_BYTES + 1)
        except (DataError, OSError):
            return None
        ids: set[str] | None = compiled.ids(str(kind.file), kind.name, content)
        return ids

    def _compiled(self) -> Any:
        """The wheel's parsed form of the bundled data, for the bundled directory only; for
        another directory, the cache SCO_CACHE_DIR names, if it does and `cached` is true."""
        if self._compiled_form is None:
            from sco_cli.compiled import NAME, Compiled

            self._compiled_form = False
            if self.root.resolve() == bundled_data_dir().resolve():
                if (self.root / NAME).exists():
                    self._compiled_form = Compiled(self.root)
            elif self._cached:
                from sco_cli import cache

                where = cache.directory(self.root)
                if where is not None:
                    self._compiled_form = cache.Cache(where)
        return self._compiled_form or None

    def _unclaimed_files(self) -> list[Problem]:
        claimed = {kind.file for kind in kinds.FILES}
        try:
            names = sorted(os.listdir(self.root))
        except OSError:
            return []
        return [Problem(str(self.root / name), None, None,
                        "no kind of record is kept in this file (expected one of: "
                        f"{', '.join(sorted(f for f in claimed if f))})")
                for name in names if name.endswith(".toml") and name not in claimed]

    def _build(self, name: str) -> Any:
        if name in self._built:
            return self._built[name]
        spec = kinds.BY_NAME[name]
        assert spec.file is not None and spec.key is not None
        raw = self._file(spec.file)
        builder = Builder(str(self.root / spec.file))
        in_file = [k.key for k in kinds.FILES if k.file == spec.file and k.key]
        result = builder.section(raw, spec, in_file)
        for check in spec.checks:
            built = result if isinstance(result, tuple) else (result,)
            for record, label in zip(built, builder.labels, strict=False):
                if record is not None:  # a record that did not build has its problems already
                    builder.problems += [
                        Problem(builder.path, label, key, msg) for key, msg in check(record)
                    ]
        self._refs[name] = builder.refs
        self._text_problems[name] = builder.text_problems
        if builder.problems:
            raise DataError(builder.problems)
        self._built[name] = result
        return result

    def _built_index(self, name: str) -> dict[str, Any]:
        if name not in self._indexes:
            kind = kinds.BY_NAME[name]
            self._indexes[name] = {record_id(kind, r): r for r in self._build(name)}
        return self._indexes[name]

    def _ids(self, kind: Kind) -> set[str] | None:
        """The ids a kind's file defines, even if some of its records have problems; None if
        the file cannot be read at all (its own problems say why)."""
        if kind.name not in self._id_sets:
            assert kind.file is not None and kind.key is not None
            known = self._compiled_ids(kind)
            if known is not None:  # the bundled data: no need to read the tables
                self._id_sets[kind.name] = known
                return known
            try:
                raw = self._file(kind.file).get(kind.key, [])
            except DataError:
                raw = None
            tables = raw if isinstance(raw, list) else []
            ident = kind.ident or kinds.by("id")
            self._id_sets[kind.name] = None if raw is None else {
                key for t in tables if isinstance(t, dict) and (key := ident(t)) is not None
            }
        return self._id_sets[kind.name]

    def _check_references(self, name: str) -> list[Problem]:
        problems = []
        for marker, value, problem in self._refs.get(name, []):
            target = kinds.BY_MARKER[marker]
            ids = self._ids(target)
            if ids is not None and value not in ids:
                what = "meeting" if target is kinds.SUMMITS else target.singular
                problem.message = f"unknown {what} {value!r}" + nearest(value, ids)
                problems.append(problem)
        return problems


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            out.append(problem)
    return out


@cache
def load(root: Path | None = None) -> Dataset:
    """The dataset in `root` (default: the bundled one), one instance per process."""
    return Dataset(root or bundled_data_dir())
