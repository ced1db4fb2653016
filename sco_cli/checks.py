"""Integrity checks on one record: each yields (key, message) for every rule it breaks.

The registry (sco_cli/kinds.py) names the checks of each kind; the loader runs them on every
record that built, so a problem is reported with its file, record and key.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from sco_cli import model
from sco_cli.dates import date_key, period_end

Problems = Iterator[tuple[str, str]]


def summit(record: model.Summit) -> Problems:
    if period_end(record.end_date) < date_key(record.start_date):
        yield "end_date", f"{record.end_date} is before start_date {record.start_date}"
    for index, participant in enumerate(record.participants):
        if participant.country is None and participant.organisation is None:
            yield f"participants[{index}]", "needs a country or an organisation"


def country(record: model.Country) -> Problems:
    for index, alias in enumerate(record.aliases):
        if alias in (record.name, record.formal_name):
            yield f"aliases[{index}]", f"{alias!r} repeats the name or formal name"
    history = record.history
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


def span(record: Any) -> Problems:
    """A term's end is not before its start."""
    if record.end is not None and record.start is not None and (
            period_end(record.end) < date_key(record.start)):
        yield "end", f"{record.end} is before start {record.start}"
