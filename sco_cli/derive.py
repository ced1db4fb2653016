"""What the registry (kinds.py) computes from records: ids, derived JSON fields, timeline
entries, the extra lines search reads, and panel titles. Pure functions of a record and the
Dataset it comes from."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sco_cli import model, shapes
from sco_cli.names import slug
from sco_cli.wording import STATUS_WORDS, meeting_name

if TYPE_CHECKING:
    from sco_cli.dataset import Dataset

Row = dict[str, Any]
Values = Mapping[str, Any]


def by(field: str) -> Callable[[Values], str | None]:
    """The id rule of a kind whose records carry their id in `field`."""
    return lambda values: values.get(field) if isinstance(values.get(field), str) else None


def chair_key(values: Values) -> str | None:
    country, start = values.get("country"), values.get("start")
    ok = isinstance(country, str) and isinstance(start, str)
    return f"{country}-{start}" if ok else None


def name_key(values: Values) -> str | None:
    name = values.get("name")
    return slug(name) if isinstance(name, str) else None


def country_name(ds: Dataset, code: str | None) -> str | None:
    country = ds.get("countries", code) if code else None
    return country.name if country else None


def name_of(field: str) -> Callable[[Dataset, Any], str | None]:
    return lambda ds, record: country_name(ds, getattr(record, field))


def summit_entries(ds: Dataset, summit: model.Summit) -> Iterator[shapes.Entry]:
    name = meeting_name(summit.council, summit.number)
    place = summit.city or ds.get("countries", summit.host).name
    status = " (scheduled)" if summit.status == "scheduled" else ""
    fmt = {"virtual": ", by video link", "hybrid": ", in person and by video"}.get(
        summit.format or "", "")
    yield shapes.Entry(date=summit.start_date, kind="summit", id=summit.id,
                      title=f"{name}, {place}{fmt}{status}", countries=(summit.host,),
                      sources=summit.sources)


def summit_search(ds: Dataset, summit: model.Summit) -> Iterator[tuple[str, str, float]]:
    host = ds.get("countries", summit.host)
    place = summit.city or (host.name if host else "")
    # One line that names the meeting the way people ask for it: "Astana 2024", "25th".
    yield ("title", f"{meeting_name(summit.council, summit.number)}, {place} "
           f"{summit.start_date}", 3.0)
    if host:
        yield "host", host.name, 1.0


def status_entries(ds: Dataset, country: model.Country) -> Iterator[shapes.Entry]:
    for period in country.history:
        yield shapes.Entry(date=period.start, kind="status", id=country.code,
                          title=f"{country.name} becomes {STATUS_WORDS[period.status]}",
                          countries=(country.code,), sources=period.sources)


def chair_entries(ds: Dataset, chair: model.Chair) -> Iterator[shapes.Entry]:
    mark = " (inferred from the host)" if "country" in chair.inferred else ""
    yield shapes.Entry(date=chair.start, kind="chair", id=chair_key(vars(chair)) or "",
                      title=f"{country_name(ds, chair.country)} takes the rotating "
                            f"chairmanship{mark}",
                      countries=(chair.country,), sources=chair.sources)


OFFICES = {"secretary-general": "Secretary-General",
           "rats-director": "Director of the RATS Executive Committee"}


def official_entries(ds: Dataset, official: model.Official) -> Iterator[shapes.Entry]:
    if official.start is None:  # only attested in office: no date to put on the timeline
        return
    title = official.title or OFFICES[official.office]
    country = f" ({country_name(ds, official.country)})" if official.country else ""
    yield shapes.Entry(date=official.start, kind="official", id=name_key(vars(official)) or "",
                       title=f"{official.name}{country} becomes {title}",
                       countries=(official.country,) if official.country else (),
                       sources=official.sources)


def document_entries(ds: Dataset, document: model.Document) -> Iterator[shapes.Entry]:
    yield shapes.Entry(date=document.signed, kind="document", id=document.id,
                       title=f"{document.title} signed" + (
                           f" in {document.place}" if document.place else ""),
                       countries=(), sources=document.sources)
    if document.in_force:
        yield shapes.Entry(date=document.in_force, kind="document", id=document.id,
                           title=f"{document.title} enters into force", countries=(),
                           sources=document.sources)


def documents_of(ds: Dataset, summit: model.Summit) -> tuple[str, ...]:
    """The ids of the documents signed at a meeting."""
    return tuple(d.id for d in ds.records("documents") if d.meeting == summit.id)


def event_entries(ds: Dataset, event: model.Event) -> Iterator[shapes.Entry]:
    yield shapes.Entry(date=event.date, kind="event", id=event.id, title=event.title,
                      countries=event.countries, sources=event.sources)


def summit_title(row: Row) -> str:
    place = row.get("city") or row.get("host_name") or ""
    inferred = "number" in (row.get("inferred") or ())
    heading = meeting_name(row["council"], row.get("number"), inferred)
    if row["status"] == "scheduled":
        heading = "Scheduled: " + heading
    return f"{heading}, {place} {row['start_date'][:4]}".strip()


def field_title(field: str) -> Callable[[Row], str]:
    return lambda row: str(row[field])
