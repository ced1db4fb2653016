"""Domain errors and exit codes. No I/O here: the CLI decides how to show them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Exit codes, documented in the README and in `sco --help`; the same for every format."""

    OK = 0  # success, including an empty result
    ERROR = 1  # a name that matches nothing, or a dataset that fails validation
    USAGE = 2  # unknown command or option, bad option value, bad date
    INTERRUPTED = 130  # Ctrl-C


class ScoError(Exception):
    """An error the user can act on; its message is shown without a traceback."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotFoundError(ScoError):
    """A name or key that matches no record; carries the closest candidates."""

    def __init__(self, kind: str, query: str, suggestions: tuple[str, ...] = ()) -> None:
        hint = f"did you mean {_or_list(suggestions)}?" if suggestions else None
        super().__init__(f"no {kind} matches {query!r}", hint)
        self.kind = kind
        self.query = query
        self.suggestions = suggestions


class UsageError(ScoError):
    """A value the command cannot take (a bad date, an unknown field); exit status 2."""

    exit_status = ExitStatus.USAGE


class DataError(ScoError):
    """The dataset breaks a rule; carries every problem found, each with its location."""

    def __init__(self, problems: list[Problem]) -> None:
        shown = problems[:5]
        lines = [str(p) for p in shown]
        if len(problems) > len(shown):
            lines.append(f"... and {len(problems) - len(shown)} more")
        folder = problems[0].path.rpartition("/")[0] if problems else ""
        command = f"sco data validate {folder}" if folder else "sco data validate"
        super().__init__(
            "the dataset is invalid:\n  " + "\n  ".join(lines),
            f"run '{command}' to list every problem",
        )
        self.problems = problems


class Problem:
    """One validation problem: where it is and what is wrong."""

    __slots__ = ("path", "record", "key", "message", "line", "column")

    def __init__(self, path: str, record: str | None, key: str | None, message: str,
                 line: int | None = None, column: int | None = None) -> None:
        self.path = path
        self.record = record
        self.key = key
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        if self.record:
            where += f": {self.record}"
        if self.key:
            where += f": {self.key}"
        return f"{where}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


def _or_list(items: tuple[str, ...]) -> str:
    quoted = [f"'{item}'" for item in items]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
