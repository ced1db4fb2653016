"""The registry of kinds: one declaration per kind of record, which everything else reads.

A kind says where its records live (file and TOML key), what they are (the model class), how
one is named (its id rule), what people call them (one singular, one plural), how they are
listed (order, table columns, which columns a narrow terminal drops first), what its JSON adds
to the model's fields (derived fields), what search reads and how much each field weighs, what
it puts on the timeline, how its panel is titled and what integrity checks its records pass.

The loader, validation, the JSON rows and Schemas, `--help`, search, the timeline, table notes
and the tests all iterate over `KINDS`; adding a kind is a model class and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sco_cli import checks, model
from sco_cli.dates import date_key
from sco_cli.model import Record
from sco_cli.names import slug
from sco_cli.wording import STATUS_WORDS, meeting_name

if TYPE_CHECKING:
    from sco_cli.dataset import Dataset

Row = dict[str, Any]
Values = Mapping[str, Any]


def by(field: str) -> Callable[[Values], str | None]:
    """The id rule of a kind whose records carry their id in `field`."""
    return lambda values: values.get(field) if isinstance(values.get(field), str) else None


def _chair_key(values: Values) -> str | None:
    country, start = values.get("country"), values.get("start")
    ok = isinstance(country, str) and isinstance(start, str)
    return f"{country}-{start}" if ok else None


def _name_key(values: Values) -> str | None:
    name = values.get("name")
    return slug(name) if isinstance(name, str) else None


class Derived(model.Record):
    """A JSON field computed from the record, placed after the field `after` (None: first)."""

    name: str
    after: str | None
    type: Any
    compute: Callable[[Dataset, Any], Any]


class Timeline(model.Record):
    """What a kind puts on the timeline: entries of one kind, `rank` ordering a day's entries."""

    kind: str
    rank: int
    entries: Callable[[Dataset, Any], Iterator[model.Entry]]


class Kind(model.Record):
    name: str  # the plural, used for its file's records: ds.records("summits")
    singular: str  # one record: "summit" in search hits, messages and the timeline
    noun: str  # how a listing of them is called in messages: "meetings"
    description: str
    model: type[Record]
    command: str | None = None  # the command that lists them (and its JSON Schema's name)
    show: str | None = None  # the command that shows one record, if not `command`
    file: str | None = None  # None: an answer built by a query, not read from a file
    key: str | None = None
    many: bool = True
    ident: Callable[[Values], str | None] | None = None
    id_field: str = "id"  # the JSON key holding what users type to show one record
    marker: type | None = None  # the model type that refers to these records by id
    derived: tuple[Derived, ...] = ()
    omit: tuple[str, ...] = ()  # model fields kept out of the JSON
    choices: dict[str, tuple[str, ...]] = {}  # fields whose values the registry fixes
    columns: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # columns a narrow terminal leaves out first, in order
    search: tuple[tuple[str, float], ...] = ()  # (field or "list.field", weight)
    search_extra: Callable[[Dataset, Any], Iterator[tuple[str, str, float]]] | None = None
    search_weight: float = 1.0
    timeline: Timeline | None = None
    title: Callable[[Row], str] | None = None
    checks: tuple[Callable[[Any], Iterator[tuple[str, str]]], ...] = ()
    order: Callable[[Any], Any] | None = None  # listing order; None keeps the file's order
    single: bool = False  # its JSON is always one object


def country_name(ds: Dataset, code: str | None) -> str | None:
    country = ds.get("countries", code) if code else None
    return country.name if country else None


def _name_of(field: str) -> Callable[[Dataset, Any], str | None]:
    return lambda ds, record: country_name(ds, getattr(record, field))


def _summit_entries(ds: Dataset, summit: model.Summit) -> Iterator[model.Entry]:
    name = meeting_name(summit.council, summit.number)
    place = summit.city or ds.get("countries", summit.host).name
    status = " (scheduled)" if summit.status == "scheduled" else ""
    fmt = {"virtual": ", by video link", "hybrid": ", in person and by video"}.get(
        summit.format or "", "")
    yield model.Entry(date=summit.start_date, kind="summit", id=summit.id,
                      title=f"{name}, {place}{fmt}{status}", countries=(summit.host,),
                      sources=summit.sources)


def _summit_search(ds: Dataset, summit: model.Summit) -> Iterator[tuple[str, str, float]]:
    host = ds.get("countries", summit.host)
    place = summit.city or (host.name if host else "")
    # One line that names the meeting the way people ask for it: "Astana 2024", "25th".
    yield ("title", f"{meeting_name(summit.council, summit.number)}, {place} "
           f"{summit.start_date}", 3.0)
    if host:
        yield "host", host.name, 1.0


def _status_entries(ds: Dataset, country: model.Country) -> Iterator[model.Entry]:
    for period in country.history:
        yield model.Entry(date=period.start, kind="status", id=country.code,
                          title=f"{country.name} becomes {STATUS_WORDS[period.status]}",
                          countries=(country.code,), sources=period.sources)


def _chair_entries(ds: Dataset, chair: model.Chair) -> Iterator[model.Entry]:
    mark = " (inferred from the host)" if "country" in chair.inferred else ""
    yield model.Entry(date=chair.start, kind="chair", id=record_id(CHAIRS, chair),
                      title=f"{country_name(ds, chair.country)} takes the rotating "
                            f"chairmanship{mark}",
                      countries=(chair.country,), sources=chair.sources)


def _secretary_entries(ds: Dataset, secretary: model.Secretary) -> Iterator[model.Entry]:
    title = secretary.title or "Secretary-General"
    yield model.Entry(date=secretary.start, kind="secretary",
                      id=record_id(SECRETARIES, secretary),
                      title=f"{secretary.name} ({country_name(ds, secretary.country)}) "
                            f"becomes {title}",
                      countries=(secretary.country,), sources=secretary.sources)


def _event_entries(ds: Dataset, event: model.Event) -> Iterator[model.Entry]:
    yield model.Entry(date=event.date, kind="event", id=event.id, title=event.title,
                      countries=event.countries, sources=event.sources)


def record_id(kind: Kind, record: Any) -> str:
    """The id users type for a record ('KGZ-2025-09-01', 'zhang-ming')."""
    key = kind.ident(vars(record)) if kind.ident else None
    return key or ""


def _summit_title(row: Row) -> str:
    place = row.get("city") or row.get("host_name") or ""
    inferred = "number" in (row.get("inferred") or ())
    heading = meeting_name(row["council"], row.get("number"), inferred)
    if row["status"] == "scheduled":
        heading = "Scheduled: " + heading
    return f"{heading}, {place} {row['start_date'][:4]}".strip()


def _field_title(field: str) -> Callable[[Row], str]:
    return lambda row: str(row[field])


def _current(ds: Dataset, country: model.Country) -> model.StatusPeriod:
    return country.history[-1]


DATASET: Kind = Kind(name="dataset", singular="dataset", noun="datasets", model=model.DatasetInfo,
               description="The dataset itself.", file="dataset.toml", key="dataset",
               many=False)
ORGANISATION: Kind = Kind(name="organisation", singular="organisation", noun="organisations",
                    model=model.Organisation, description="The SCO itself.",
                    file="organisation.toml", key="organisation", many=False)
SOURCES: Kind = Kind(
    name="sources", singular="source", noun="sources", model=model.Source,
    description="Every source the dataset cites (sco sources --json).",
    command="sources", file="sources.toml", key="source", ident=by("id"),
    marker=model.SourceId, columns=("id", "date", "publisher", "title"),
    drop=("publisher", "date"), search=(("title", 3.0), ("publisher", 1.5)), search_weight=0.5,
    title=_field_title("title"), order=lambda s: (date_key(s.date), s.id),
)
COUNTRIES: Kind = Kind(
    name="countries", singular="country", noun="countries", model=model.Country,
    description="Countries of the SCO family with their status (sco members --json).",
    command="members", show="country", file="countries.toml", key="country", ident=by("code"),
    id_field="code", marker=model.CountryCode,
    derived=(
        Derived(name="status", after="formal_name", type=model.Status,
                compute=lambda ds, c: _current(ds, c).status),
        Derived(name="since", after="status", type=model.Date,
                compute=lambda ds, c: _current(ds, c).start),
    ),
    columns=("code", "name", "status", "since", "capital"), drop=("capital", "since", "status"),
    search=(("name", 3.0), ("formal_name", 2.5), ("aliases", 3.0), ("capital", 2.0),
            ("note", 1.0), ("history.note", 1.0)),
    timeline=Timeline(kind="status", rank=2, entries=_status_entries),
    checks=(checks.country,),
)
SUMMITS: Kind = Kind(
    name="summits", singular="summit", noun="meetings", model=model.Summit,
    description="Meetings of the SCO councils (sco summits --json).", command="summits",
    file="summits.toml", key="summit", ident=by("id"), marker=model.SummitId,
    derived=(Derived(name="host_name", after="host", type=str | None,
                     compute=_name_of("host")),),
    columns=("id", "number", "start_date", "end_date", "city", "host_name", "format", "status"),
    drop=("end_date", "status", "format", "number", "host_name"),
    search=(("city", 3.0), ("chair", 2.0), ("outcomes", 2.0), ("note", 1.0)),
    search_extra=_summit_search,
    timeline=Timeline(kind="summit", rank=1, entries=_summit_entries),
    title=_summit_title, checks=(checks.summit,),
    order=lambda s: (date_key(s.start_date), s.id),
)
PRINCIPLES: Kind = Kind(
    name="principles", singular="principle", noun="principles", model=model.Principle,
    description="Guiding principles and concepts (sco principles --json).",
    command="principles", file="principles.toml", key="principle", ident=by("id"),
    columns=("id", "name", "introduced", "items"),
    search=(("name", 3.0), ("items", 2.0), ("introduced_at", 1.5), ("note", 1.0)),
    title=_field_title("name"),
)
INSTITUTIONS: Kind = Kind(
    name="institutions", singular="institution", noun="institutions", model=model.Body,
    description="Councils and permanent bodies (sco institutions --json).",
    command="institutions", file="organisation.toml", key="body", ident=by("id"),
    columns=("id", "name", "kind", "seat", "established"), drop=("kind",),
    search=(("name", 3.0), ("seat", 2.0), ("role", 1.5), ("note", 1.0)),
    title=_field_title("name"),
)
EVENTS: Kind = Kind(
    name="events", singular="event", noun="events", model=model.Event,
    description="Founding facts and other milestones (sco events --json).", command="events",
    file="organisation.toml", key="event", ident=by("id"), columns=("id", "date", "title"),
    drop=("date",), search=(("title", 3.0), ("note", 1.0)),
    timeline=Timeline(kind="event", rank=0, entries=_event_entries),
    title=_field_title("title"), order=lambda e: (date_key(e.date), e.id),
)
CHAIRS: Kind = Kind(
    name="chairs", singular="chair", noun="chairmanships", model=model.Chair,
    description="The rotating chairmanship by period (sco chairs --json).", command="chairs",
    file="chairs.toml", key="chair", ident=_chair_key,
    derived=(
        Derived(name="id", after=None, type=str,
                compute=lambda ds, c: record_id(CHAIRS, c)),
        Derived(name="name", after="country", type=str | None, compute=_name_of("country")),
    ),
    columns=("start", "end", "name", "slogan", "themed_year"),
    drop=("themed_year", "end", "slogan"),
    search=(("slogan", 2.0), ("themed_year", 1.0), ("note", 1.0)),
    timeline=Timeline(kind="chair", rank=3, entries=_chair_entries),
    title=lambda row: f"Chairmanship of {row['name']} from {row['start']}",
    checks=(checks.span,),
)
SECRETARIES: Kind = Kind(
    name="secretaries", singular="secretary", noun="secretaries", model=model.Secretary,
    description="Secretaries-General of the SCO (sco secretaries --json).",
    command="secretaries", file="secretaries.toml", key="secretary", ident=_name_key,
    derived=(
        Derived(name="id", after=None, type=str,
                compute=lambda ds, s: record_id(SECRETARIES, s)),
        Derived(name="country_name", after="country", type=str | None,
                compute=_name_of("country")),
    ),
    columns=("id", "name", "country_name", "start", "end"), drop=("end",),
    search=(("name", 3.0), ("title", 3.0), ("note", 1.0)),
    timeline=Timeline(kind="secretary", rank=4, entries=_secretary_entries),
    title=_field_title("name"), checks=(checks.span,),
)
TRADE: Kind = Kind(
    name="trade", singular="trade", noun="figures", model=model.TradeFigure,
    description="Trade figures with their period, unit and scope (sco trade --json).",
    command="trade", file="trade.toml", key="figure", ident=by("id"),
    columns=("id", "period", "value", "unit", "scope", "indicator"), drop=("scope",),
    search=(("indicator", 2.0), ("note", 1.0)), title=_field_title("indicator"),
    order=lambda f: (date_key(f.period.split("/")[0]), f.scope, f.id),
)
CLAIMS: Kind = Kind(
    name="claims", singular="claim", noun="claims", model=model.Claim,
    description="Claims about the SCO's weight, by source and date (sco claims --json).",
    command="claims", file="claims.toml", key="claim", ident=by("id"),
    columns=("id", "date", "basis", "text"), drop=("basis", "date"),
    search=(("text", 2.0), ("note", 1.0)), title=_field_title("text"),
    order=lambda c: (c.topic, date_key(c.date), c.id),
)

# Every kind of record, in the order search ranks equal hits.
RECORDS = (COUNTRIES, SUMMITS, PRINCIPLES, INSTITUTIONS, EVENTS, CHAIRS, SECRETARIES, TRADE,
           CLAIMS, SOURCES)
FILES = (DATASET, ORGANISATION, *RECORDS)
BY_NAME = {kind.name: kind for kind in FILES}
BY_KEY = {kind.key: kind for kind in FILES}
BY_MARKER = {kind.marker: kind for kind in FILES if kind.marker is not None}
TIMELINE_KINDS = tuple(t.kind for t in sorted(
    (k.timeline for k in RECORDS if k.timeline), key=lambda t: t.rank))

# Answers built by queries: their JSON is declared the same way.
ABOUT: Kind = Kind(
    name="about", singular="overview", noun="overviews", model=model.Overview, command="about",
    description="Overview of the SCO and of the dataset (sco about --json).",
    columns=("name", "founded", "family_size", "data_as_of"), single=True,
)
PROFILE: Kind = Kind(
    name="country", singular="country", noun="countries", model=model.Profile,
    command="country", description="One country in full (sco country NAME --json).",
    id_field="code", columns=("code", "name", "status", "since"), single=True,
)
SEARCH: Kind = Kind(
    name="search", singular="hit", noun="hits", model=model.Hit, command="search",
    description="Search hits, best first (sco search TEXT --json).", omit=("spans",),
    choices={"kind": tuple(k.singular for k in RECORDS)},
    columns=("kind", "id", "field", "snippet"), drop=("field", "kind"),
)
TIMELINE: Kind = Kind(
    name="timeline", singular="entry", noun="events", model=model.Entry, command="timeline",
    description="Dated events in order (sco timeline --json).",
    choices={"kind": TIMELINE_KINDS}, columns=("date", "kind", "title"), drop=("kind", "date"),
)

# Every command that prints JSON, in the order `sco schema` lists them.
VIEWS: dict[str, Kind] = {kind.command or kind.name: kind for kind in (
    ABOUT, SUMMITS, COUNTRIES, PROFILE, TRADE, PRINCIPLES, CHAIRS, SECRETARIES, INSTITUTIONS,
    CLAIMS, EVENTS, SOURCES, SEARCH, TIMELINE)}


def listing(name: str) -> Kind:
    """The kind a listing command shows."""
    return VIEWS[name]
