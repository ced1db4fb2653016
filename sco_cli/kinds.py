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

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from sco_cli import checks, model, shapes
from sco_cli.dates import date_key
from sco_cli.derive import (
    Row,
    Values,
    by,
    chair_entries,
    chair_key,
    document_entries,
    documents_of,
    event_entries,
    field_title,
    name_key,
    name_of,
    official_entries,
    status_entries,
    summit_entries,
    summit_search,
    summit_title,
)
from sco_cli.model import Record

if TYPE_CHECKING:
    from sco_cli.dataset import Dataset

__all__ = ["Kind", "Row", "by", "record_id"]


class Derived(model.Record):
    """A JSON field computed from the record, placed after the field `after` (None: first)."""

    name: str
    after: str | None
    type: Any
    compute: Callable[[Dataset, Any], Any]
    doc: str = ""


class Timeline(model.Record):
    """What a kind puts on the timeline: entries of one kind, `rank` ordering a day's entries."""

    kind: str
    rank: int
    entries: Callable[[Dataset, Any], Iterator[shapes.Entry]]


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


def record_id(kind: Kind, record: Any) -> str:
    """The id users type for a record ('KGZ-2025-09-01', 'zhang-ming')."""
    key = kind.ident(vars(record)) if kind.ident else None
    return key or ""



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
    title=field_title("title"), order=lambda s: (date_key(s.date), s.id),
)
COUNTRIES: Kind = Kind(
    name="countries", singular="country", noun="countries", model=model.Country,
    description="Countries of the SCO family with their status (sco members --json).",
    show="country", file="countries.toml", key="country", ident=by("code"),
    id_field="code", marker=model.CountryCode,
    search=(("name", 3.0), ("formal_name", 2.5), ("aliases", 3.0), ("capital", 2.0),
            ("note", 1.0), ("history.note", 1.0)),
    timeline=Timeline(kind="status", rank=2, entries=status_entries),
    checks=(checks.country,),
)
SUMMITS: Kind = Kind(
    name="summits", singular="summit", noun="meetings", model=model.Summit,
    description="Meetings of the SCO councils (sco summits --json).", command="summits",
    file="summits.toml", key="summit", ident=by("id"), marker=model.SummitId,
    derived=(Derived(name="host_name", after="host", type=str | None,
                     compute=name_of("host"), doc="the host's name"),
             Derived(name="documents", after="outcomes", type=tuple[str, ...],
                     compute=documents_of, doc="ids of the documents signed there"),),
    columns=("id", "number", "start_date", "end_date", "city", "host_name", "format", "status"),
    drop=("end_date", "status", "format", "number", "host_name"),
    search=(("city", 3.0), ("chair", 2.0), ("outcomes", 2.0), ("note", 1.0),
            ("participants.name", 2.5), ("participants.organisation", 1.5)),
    search_extra=summit_search,
    timeline=Timeline(kind="summit", rank=1, entries=summit_entries),
    title=summit_title, checks=(checks.summit,),
    order=lambda s: (date_key(s.start_date), s.id),
)
PRINCIPLES: Kind = Kind(
    name="principles", singular="principle", noun="principles", model=model.Principle,
    description="Guiding principles and concepts (sco principles --json).",
    command="principles", file="principles.toml", key="principle", ident=by("id"),
    columns=("id", "name", "introduced", "items"),
    search=(("name", 3.0), ("items", 2.0), ("introduced_at", 1.5), ("note", 1.0)),
    title=field_title("name"),
)
INSTITUTIONS: Kind = Kind(
    name="institutions", singular="institution", noun="institutions", model=model.Body,
    description="Councils and permanent bodies (sco institutions --json).",
    command="institutions", file="organisation.toml", key="body", ident=by("id"),
    columns=("id", "name", "kind", "seat", "established"), drop=("kind",),
    search=(("name", 3.0), ("seat", 2.0), ("role", 1.5), ("note", 1.0)),
    title=field_title("name"),
)
EVENTS: Kind = Kind(
    name="events", singular="event", noun="events", model=model.Event,
    description="Founding facts and other milestones (sco events --json).", command="events",
    file="organisation.toml", key="event", ident=by("id"), columns=("id", "date", "title"),
    drop=("date",), search=(("title", 3.0), ("note", 1.0)),
    timeline=Timeline(kind="event", rank=0, entries=event_entries),
    title=field_title("title"), order=lambda e: (date_key(e.date), e.id),
)
CHAIRS: Kind = Kind(
    name="chairs", singular="chair", noun="chairmanships", model=model.Chair,
    description="The rotating chairmanship by period (sco chairs --json).", command="chairs",
    file="chairs.toml", key="chair", ident=chair_key,
    derived=(
        Derived(name="id", after=None, type=str,
                compute=lambda ds, c: record_id(CHAIRS, c),
                doc="`KGZ-2025-09-01`: country and start"),
        Derived(name="name", after="country", type=str | None, compute=name_of("country")),
    ),
    columns=("start", "end", "name", "slogan", "themed_year"),
    drop=("themed_year", "end", "slogan"),
    search=(("slogan", 2.0), ("themed_year", 1.0), ("note", 1.0)),
    timeline=Timeline(kind="chair", rank=3, entries=chair_entries),
    title=lambda row: f"Chairmanship of {row['name']} from {row['start']}",
    checks=(checks.span,),
)
OFFICIALS: Kind = Kind(
    name="officials", singular="official", noun="officials", model=model.Official,
    description="Secretaries-General and RATS directors (sco officials --json).",
    command="officials", file="officials.toml", key="official", ident=name_key,
    derived=(
        Derived(name="id", after=None, type=str,
                compute=lambda ds, s: record_id(OFFICIALS, s), doc="`zhang-ming`"),
        Derived(name="country_name", after="country", type=str | None,
                compute=name_of("country")),
    ),
    columns=("id", "name", "office", "start", "end"), drop=("end", "office"),
    search=(("name", 3.0), ("title", 3.0), ("note", 1.0)),
    timeline=Timeline(kind="official", rank=4, entries=official_entries),
    title=field_title("name"), checks=(checks.span,),
)
# The Secretaries-General alone, as `sco secretaries` has always shown them.
SECRETARIES: Kind = Kind(
    name="secretaries", singular="official", noun="secretaries", model=model.Official,
    description="Secretaries-General of the SCO (sco secretaries --json).",
    command="secretaries", ident=name_key, derived=OFFICIALS.derived,
    omit=("office", "attested"), columns=("id", "name", "country_name", "start", "end"),
    drop=("end",), title=field_title("name"),
)
DOCUMENTS: Kind = Kind(
    name="documents", singular="document", noun="documents", model=model.Document,
    description="The SCO's founding and main documents (sco documents --json).",
    command="documents", file="documents.toml", key="document", ident=by("id"),
    columns=("id", "signed", "kind", "title"), drop=("kind", "signed"),
    search=(("title", 3.0), ("place", 1.5), ("note", 1.0)),
    timeline=Timeline(kind="document", rank=5, entries=document_entries),
    title=field_title("title"), order=lambda d: (date_key(d.signed), d.id),
)
PEOPLE: Kind = Kind(
    name="people", singular="person", noun="people", model=model.Person,
    description="The spellings of people's names (people.toml).", file="people.toml",
    key="person", ident=name_key, search=(("name", 3.0), ("aliases", 3.0)),
)
TRADE: Kind = Kind(
    name="trade", singular="trade", noun="figures", model=model.TradeFigure,
    description="Trade figures with their period, unit and scope (sco trade --json).",
    command="trade", file="trade.toml", key="figure", ident=by("id"),
    columns=("id", "period", "value", "unit", "scope", "indicator"), drop=("scope",),
    search=(("indicator", 2.0), ("note", 1.0)), title=field_title("indicator"),
    order=lambda f: (date_key(f.period.split("/")[0]), f.scope, f.id),
)
CLAIMS: Kind = Kind(
    name="claims", singular="claim", noun="claims", model=model.Claim,
    description="Claims about the SCO's weight, by source and date (sco claims --json).",
    command="claims", file="claims.toml", key="claim", ident=by("id"),
    columns=("id", "date", "basis", "text"), drop=("basis", "date"),
    search=(("text", 2.0), ("note", 1.0)), title=field_title("text"),
    order=lambda c: (c.topic, date_key(c.date), c.id),
)

# Every kind of record, in the order search ranks equal hits.
RECORDS = (COUNTRIES, SUMMITS, PEOPLE, DOCUMENTS, PRINCIPLES, INSTITUTIONS, EVENTS, CHAIRS,
           OFFICIALS, TRADE, CLAIMS, SOURCES)
FILES = (DATASET, ORGANISATION, *RECORDS)
BY_NAME = {kind.name: kind for kind in FILES}
BY_KEY = {kind.key: kind for kind in FILES}
BY_MARKER = {kind.marker: kind for kind in FILES if kind.marker is not None}
TIMELINE_KINDS = tuple(t.kind for t in sorted(
    (k.timeline for k in RECORDS if k.timeline), key=lambda t: t.rank))

# Answers built by queries: their JSON is declared the same way.
MEMBERS: Kind = Kind(
    name="members", singular="country", noun="countries", model=shapes.Member,
    command="members", show="country", ident=by("code"), id_field="code",
    description="Countries of the SCO family with their status (sco members --json).",
    columns=("code", "name", "status", "since", "capital"), drop=("capital", "since", "status"),
)
ABOUT: Kind = Kind(
    name="about", singular="overview", noun="overviews", model=shapes.Overview, command="about",
    description="Overview of the SCO and of the dataset (sco about --json).",
    columns=("name", "founded", "family_size", "data_as_of"), single=True,
)
PROFILE: Kind = Kind(
    name="country", singular="country", noun="countries", model=shapes.Profile,
    command="country", description="One country in full (sco country NAME --json).",
    id_field="code", columns=("code", "name", "status", "since"),
    title=lambda row: f"{row['name']} ({row['code']})" + (
        f" as of {row['as_of']}" if row["as_of"] else ""),
)
SEARCH: Kind = Kind(
    name="search", singular="hit", noun="hits", model=shapes.Hit, command="search",
    description="Search hits, best first (sco search TEXT --json).", omit=("spans",),
    choices={"kind": tuple(k.singular for k in RECORDS)},
    columns=("kind", "id", "field", "snippet"), drop=("field", "kind"),
)
TIMELINE: Kind = Kind(
    name="timeline", singular="entry", noun="events", model=shapes.Entry, command="timeline",
    description="Dated events in order (sco timeline --json).",
    choices={"kind": TIMELINE_KINDS}, columns=("date", "kind", "title"), drop=("kind", "date"),
)

# Every command that prints JSON, in the order `sco schema` lists them.
PEOPLE_VIEW: Kind = Kind(
    name="people", singular="person", noun="people", model=shapes.PersonView, command="people",
    description="Every person the data names (sco people --json).",
    columns=("id", "name", "country", "roles"), drop=("roles", "country"),
    title=field_title("name"),
)

VIEWS: dict[str, Kind] = {kind.command or kind.name: kind for kind in (
    ABOUT, SUMMITS, MEMBERS, PROFILE, PEOPLE_VIEW, DOCUMENTS, TRADE, PRINCIPLES, CHAIRS,
    SECRETARIES, OFFICIALS, INSTITUTIONS, CLAIMS, EVENTS, SOURCES, SEARCH, TIMELINE)}


def listing(name: str) -> Kind:
    """The kind a listing command shows."""
    return VIEWS[name]
