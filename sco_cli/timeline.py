"""Every dated event in order: what each kind of record puts on the timeline (kinds.py)."""

from __future__ import annotations

from collections.abc import Iterator

from sco_cli import kinds as registry
from sco_cli.dataset import Dataset
from sco_cli.dates import date_key, overlaps
from sco_cli.shapes import Entry

KINDS = registry.TIMELINE_KINDS
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def timeline(
    ds: Dataset,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    kinds: tuple[str, ...] = KINDS,
) -> list[Entry]:
    """Entries between `since` and `until` (inclusive), for one country if given, oldest
    first. A date known only to the month or year stands for that whole period: an entry is
    kept when its period overlaps the window."""
    chosen = [
        e
        for e in entries(ds, kinds)
        if overlaps(e.date, e.date, since, until)
        and (country is None or country in e.countries)
    ]
    return sorted(chosen, key=lambda e: (date_key(e.date), _RANK[e.kind], e.title))


def entries(ds: Dataset, wanted: tuple[str, ...] = KINDS) -> Iterator[Entry]:
    """The entries of the kinds asked for; only their files are read."""
    for kind in registry.RECORDS:
        if kind.timeline is not None and kind.timeline.kind in wanted:
            for record in ds.records(kind.name):
                yield from kind.timeline.entries(ds, record)
