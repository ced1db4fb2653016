"""Every dated event in order: milestones, meetings, status changes, chairs, Secretaries-General."""

from __future__ import annotations

from collections.abc import Iterator

from sco_cli import model
from sco_cli.dataset import Dataset, date_key, period_end
from sco_cli.query import chair_id, meeting_name, secretary_id

KINDS = ("event", "summit", "status", "chair", "secretary")
_STATUS_WORDS = {
    "member": "a member state",
    "observer": "an observer",
    "dialogue_partner": "a dialogue partner",
    "partner": "an SCO partner",
}


class Entry(model.Record):
    date: str
    kind: str
    id: str
    title: str
    countries: tuple[str, ...]
    sources: tuple[str, ...]


def timeline(
    ds: Dataset,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    kinds: tuple[str, ...] = KINDS,
) -> list[Entry]:
    """Entries between `since` and `until` (inclusive; a partial `until` covers its whole
    period), for one country if given, oldest first."""
    low = date_key(since) if since else ""
    high = period_end(until) if until else "9999-12-31"
    chosen = [
        e
        for e in entries(ds, kinds)
        if low <= date_key(e.date) <= high
        and (country is None or country in e.countries)
    ]
    return sorted(chosen, key=lambda e: (date_key(e.date), KINDS.index(e.kind), e.title))


def entries(ds: Dataset, kinds: tuple[str, ...] = KINDS) -> Iterator[Entry]:
    """The entries of the kinds asked for; only their files are read."""
    for event in ds.events if "event" in kinds else ():
        yield Entry(date=event.date, kind="event", id=event.id, title=event.title,
                    countries=event.countries, sources=event.sources)
    for summit in ds.summits if "summit" in kinds else ():
        yield Entry(date=summit.start_date, kind="summit", id=summit.id,
                    title=_meeting_title(ds, summit), countries=(summit.host,),
                    sources=summit.sources)
    for country in ds.countries.values() if "status" in kinds else ():
        for period in country.history:
            yield Entry(date=period.start, kind="status", id=country.code,
                        title=f"{country.name} becomes {_STATUS_WORDS[period.status]}",
                        countries=(country.code,), sources=period.sources)
    for chair in ds.chairs if "chair" in kinds else ():
        name = ds.countries[chair.country].name
        mark = " (inferred from the host)" if "country" in chair.inferred else ""
        yield Entry(date=chair.start, kind="chair", id=chair_id(chair),
                    title=f"{name} takes the rotating chairmanship{mark}",
                    countries=(chair.country,), sources=chair.sources)
    for secretary in ds.secretaries if "secretary" in kinds else ():
        title = secretary.title or "Secretary-General"
        yield Entry(date=secretary.start, kind="secretary", id=secretary_id(secretary),
                    title=f"{secretary.name} ({ds.countries[secretary.country].name}) "
                    f"becomes {title}", countries=(secretary.country,),
                    sources=secretary.sources)


def _meeting_title(ds: Dataset, summit: model.Summit) -> str:
    name = meeting_name(summit.council, summit.number)
    place = summit.city or ds.countries[summit.host].name
    status = " (scheduled)" if summit.status == "scheduled" else ""
    fmt = {"virtual": ", by video link", "hybrid": ", in person and by video"}.get(
        summit.format or "", ""
    )
    return f"{name}, {place}{fmt}{status}"
