"""The controls every listing shares: --sort FIELD, --reverse, --limit N.

They act on the JSON rows, so any JSON key can order a listing, in every format alike.
"""

from __future__ import annotations

import json
from typing import Any

from sco_cli.errors import UsageError
from sco_cli.names import closest

Row = dict[str, Any]


class Controls:
    __slots__ = ("sort", "reverse", "limit")

    def __init__(self, sort: str | None = None, reverse: bool = False,
                 limit: int | None = None) -> None:
        self.sort = sort.strip() if sort is not None else None
        self.reverse = reverse
        self.limit = limit

    def check(self, valid: tuple[str, ...]) -> None:
        """An unknown --sort field is a usage error that lists the valid ones."""
        if self.sort is not None and self.sort not in valid:
            close = closest(self.sort, valid, limit=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"--sort: unknown field {self.sort!r}{hint}; valid fields: "
                             f"{', '.join(valid)}")

    def apply(self, rows: list[Row]) -> tuple[list[Row], int]:
        """The rows in the order and number asked for, and how many the limit left out."""
        if self.sort is not None:
            field = self.sort
            present = [r for r in rows if r.get(field) is not None]
            missing = [r for r in rows if r.get(field) is None]  # unknown values go last
            rows = sorted(present, key=lambda r: _key(r[field])) + missing
        if self.reverse:
            rows = rows[::-1]
        if self.limit is not None and len(rows) > self.limit:
            return rows[: self.limit], len(rows) - self.limit
        return rows, 0


def _key(value: Any) -> tuple[int, Any]:
    """Numbers before text, text without regard to case, anything else as its JSON."""
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (0, value)
    if isinstance(value, str):
        return (1, value.casefold())
    return (2, json.dumps(value, sort_keys=True))
