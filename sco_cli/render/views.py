"""The JSON contract: one dict per record, every key always present (null when unknown).

Each `View` declares a command's fields in order with their JSON types. The order is the JSON
key order and the --fields choices; the types are the published JSON Schema (sco schema NAME).
Tables, plain text and CSV are drawn from these dicts, so every format shows the same values.

Type notation: `string`, `integer`, `number`, `boolean`, `date` (ISO 8601, possibly partial),
`strings` (array of strings), a trailing `?` for "or null", `enum:a|b` for fixed values
(`enum?:a|b` when null is allowed too), and the
names of the shared shapes in `SHAPES` (`variants`, `history`, `counts`, ...).
"""

import typing
from collections.abc import Callable
from typing import Any

from sco_cli import model, query, search, timeline
from sco_cli.dataset import Dataset, date_key

Row = dict[str, Any]

def _enum(choices: Any, nullable: bool = False) -> str:
    """The notation for a field whose values are those of a Literal type of the model."""
    return ("enum?:" if nullable else "enum:") + "|".join(typing.get_args(choices))


_COUNCILS = _enum(model.Council)
_STATUSES = _enum(model.Status)
_SCOPES = _enum(model.Scope)


class View(model.Record):
    name: str
    description: str
    types: dict[str, str]
    columns: tuple[str, ...]
    build: Callable[[Dataset, Any], Row]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.types)


def _variants(variants: tuple[model.Variant, ...]) -> list[Row]:
    return [
        {"field": v.field, "value": v.value, "sources": list(v.sources), "note": v.note}
        for v in variants
    ]


def _name(ds: Dataset, code: str | None) -> str | None:
    country = ds.countries.get(code) if code else None
    return country.name if country else None


def summit_row(ds: Dataset, summit: model.Summit) -> Row:
    return {
        "id": summit.id,
        "council": summit.council,
        "number": summit.number,
        "status": summit.status,
        "start_date": summit.start_date,
        "end_date": summit.end_date,
        "city": summit.city,
        "host": summit.host,
        "host_name": _name(ds, summit.host),
        "format": summit.format,
        "chair": summit.chair,
        "outcomes": list(summit.outcomes),
        "note": summit.note,
        "inferred": list(summit.inferred),
        "variants": _variants(summit.variants),
        "sources": list(summit.sources),
    }


def period_row(period: model.StatusPeriod) -> Row:
    return {
        "status": period.status,
        "start": period.start,
        "end": period.end,
        "decision": period.decision,
        "memorandum": period.memorandum,
        "note": period.note,
        "variants": _variants(period.variants),
        "sources": list(period.sources),
    }


def member_row(ds: Dataset, membership: query.Membership) -> Row:
    country, period = membership.country, membership.period
    return {
        "code": country.code,
        "alpha2": country.alpha2,
        "name": country.name,
        "formal_name": country.formal_name,
        "status": period.status,
        "since": period.start,
        "capital": country.capital,
        "aliases": list(country.aliases),
        "history": [period_row(p) for p in membership.history],
        "note": country.note,
        "variants": _variants(country.variants),
        "sources": list(country.sources),
    }


def trade_row(ds: Dataset, figure: model.TradeFigure) -> Row:
    value: float | int = int(figure.value) if figure.value.is_integer() else figure.value
    return {
        "id": figure.id,
        "indicator": figure.indicator,
        "period": figure.period,
        "value": value,
        "unit": figure.unit,
        "scope": figure.scope,
        "note": figure.note,
        "inferred": list(figure.inferred),
        "variants": _variants(figure.variants),
        "sources": list(figure.sources),
    }


def principle_row(ds: Dataset, principle: model.Principle) -> Row:
    return {
        "id": principle.id,
        "name": principle.name,
        "items": list(principle.items),
        "introduced": principle.introduced,
        "introduced_at": principle.introduced_at,
        "summit": principle.summit,
        "note": principle.note,
        "inferred": list(principle.inferred),
        "variants": _variants(principle.variants),
        "sources": list(principle.sources),
    }


def chair_row(ds: Dataset, chair: model.Chair) -> Row:
    return {
        "id": query.chair_id(chair),
        "country": chair.country,
        "name": _name(ds, chair.country),
        "start": chair.start,
        "end": chair.end,
        "slogan": chair.slogan,
        "themed_year": chair.themed_year,
        "note": chair.note,
        "inferred": list(chair.inferred),
        "variants": _variants(chair.variants),
        "sources": list(chair.sources),
    }


def secretary_row(ds: Dataset, secretary: model.Secretary) -> Row:
    return {
        "id": query.secretary_id(secretary),
        "name": secretary.name,
        "country": secretary.country,
        "country_name": _name(ds, secretary.country),
        "start": secretary.start,
        "end": secretary.end,
        "title": secretary.title,
        "note": secretary.note,
        "variants": _variants(secretary.variants),
        "sources": list(secretary.sources),
    }


def body_row(ds: Dataset, body: model.Body) -> Row:
    return {
        "id": body.id,
        "name": body.name,
        "kind": body.kind,
        "seat": body.seat,
        "established": body.established,
        "role": body.role,
        "note": body.note,
        "variants": _variants(body.variants),
        "sources": list(body.sources),
    }


def claim_row(ds: Dataset, claim: model.Claim) -> Row:
    value = claim.value
    return {
        "id": claim.id,
        "topic": claim.topic,
        "text": claim.text,
        "value": int(value) if value is not None and value.is_integer() else value,
        "unit": claim.unit,
        "date": claim.date,
        "basis": claim.basis,
        "measure": claim.measure,
        "subject": claim.subject,
        "note": claim.note,
        "inferred": list(claim.inferred),
        "variants": _variants(claim.variants),
        "sources": list(claim.sources),
    }


def event_row(ds: Dataset, event: model.Event) -> Row:
    return {
        "id": event.id,
        "date": event.date,
        "title": event.title,
        "countries": list(event.countries),
        "note": event.note,
        "variants": _variants(event.variants),
        "sources": list(event.sources),
    }


def source_row(ds: Dataset, source: model.Source) -> Row:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": source.date,
        "date_basis": source.date_basis,
        "note": source.note,
    }


_COMMON = {"note": "string?", "variants": "variants", "sources": "strings"}

SUMMITS = View(
    name="summits",
    description="Meetings of the SCO councils (sco summits --json).",
    types={
        "id": "string", "council": _COUNCILS, "number": "integer?",
        "status": _enum(model.SummitStatus), "start_date": "date", "end_date": "date",
        "city": "string?", "host": "string", "host_name": "string?",
        "format": _enum(model.Format, nullable=True), "chair": "string?", "outcomes": "strings",
        "note": "string?", "inferred": "strings", "variants": "variants", "sources": "strings",
    },
    columns=("id", "number", "start_date", "end_date", "city", "host_name", "format", "status"),
    build=summit_row,
)
MEMBERS = View(
    name="members",
    description="Countries of the SCO family with their status (sco members --json).",
    types={
        "code": "string", "alpha2": "string", "name": "string", "formal_name": "string",
        "status": _STATUSES, "since": "date", "capital": "string", "aliases": "strings",
        "history": "history", **_COMMON,
    },
    columns=("code", "name", "status", "since", "capital"),
    build=member_row,
)
TRADE = View(
    name="trade",
    description="Trade figures with their period, unit and scope (sco trade --json).",
    types={
        "id": "string", "indicator": "string", "period": "string", "value": "number",
        "unit": "string", "scope": _SCOPES, "note": "string?", "inferred": "strings",
        "variants": "variants", "sources": "strings",
    },
    columns=("id", "period", "value", "unit", "scope", "indicator"),
    build=trade_row,
)
PRINCIPLES = View(
    name="principles",
    description="Guiding principles and concepts (sco principles --json).",
    types={
        "id": "string", "name": "string", "items": "strings", "introduced": "date",
        "introduced_at": "string", "summit": "string?", "note": "string?",
        "inferred": "strings", "variants": "variants", "sources": "strings",
    },
    columns=("id", "name", "introduced", "items"),
    build=principle_row,
)
CHAIRS = View(
    name="chairs",
    description="The rotating chairmanship by period (sco chairs --json).",
    types={
        "id": "string", "country": "string", "name": "string?", "start": "date", "end": "date?",
        "slogan": "string?", "themed_year": "string?", "note": "string?", "inferred": "strings",
        "variants": "variants", "sources": "strings",
    },
    columns=("start", "end", "name", "slogan", "themed_year"),
    build=chair_row,
)
SECRETARIES = View(
    name="secretaries",
    description="Secretaries-General of the SCO (sco secretaries --json).",
    types={
        "id": "string", "name": "string", "country": "string", "country_name": "string?",
        "start": "date",
        "end": "date", "title": "string?", **_COMMON,
    },
    columns=("id", "name", "country_name", "start", "end"),
    build=secretary_row,
)
INSTITUTIONS = View(
    name="institutions",
    description="Councils and permanent bodies (sco institutions --json).",
    types={
        "id": "string", "name": "string", "kind": _enum(model.BodyKind), "seat": "string?",
        "established": "date?", "role": "string", **_COMMON,
    },
    columns=("id", "name", "kind", "seat", "established"),
    build=body_row,
)
CLAIMS = View(
    name="claims",
    description="Claims about the SCO's weight, by source and date (sco claims --json).",
    types={
        "id": "string", "topic": _enum(model.Topic), "text": "string", "value": "number?",
        "unit": "string?", "date": "date", "basis": _enum(model.Basis),
        "measure": _enum(model.Measure, nullable=True), "subject": "string?", "note": "string?",
        "inferred": "strings", "variants": "variants", "sources": "strings",
    },
    columns=("id", "date", "basis", "text"),
    build=claim_row,
)
EVENTS = View(
    name="events",
    description="Founding facts and other milestones (sco events --json).",
    types={
        "id": "string", "date": "date", "title": "string", "countries": "strings", **_COMMON,
    },
    columns=("id", "date", "title"),
    build=event_row,
)
SOURCES = View(
    name="sources",
    description="Every source the dataset cites (sco sources --json).",
    types={
        "id": "string", "title": "string", "publisher": "string", "url": "string",
        "date": "date", "date_basis": _enum(model.DateBasis), "note": "string?",
    },
    columns=("id", "date", "publisher", "title"),
    build=source_row,
)


def country_row(ds: Dataset, found: query.Profile) -> Row:
    country, period = found.country, found.period
    return {
        "code": country.code,
        "alpha2": country.alpha2,
        "name": country.name,
        "formal_name": country.formal_name,
        "capital": country.capital,
        "aliases": list(country.aliases),
        "as_of": found.as_of,
        "status": period.status if period else None,
        "since": period.start if period else None,
        "history": [period_row(p) for p in found.history],
        "summits_hosted": [
            {"id": s.id, "council": s.council, "number": s.number, "start_date": s.start_date,
             "city": s.city, "status": s.status}
            for s in found.hosted
        ],
        "chairmanships": [
            {"start": c.start, "end": _until(c.end, found.as_of), "slogan": c.slogan,
             "inferred": "country" in c.inferred}
            for c in found.chairs
        ],
        "secretaries_general": [
            {"name": s.name, "start": s.start, "end": _until(s.end, found.as_of)}
            for s in found.secretaries
        ],
        "trade": [f.id for f in found.trade],
        "claims": [c.id for c in found.claims],
        "note": country.note,
        "variants": _variants(country.variants),
        "sources": list(country.sources),
    }


def _until(end: str | None, as_of: str | None) -> str | None:
    """An end date as known on `as_of`: none yet if it came later."""
    if end is None or as_of is None:
        return end
    return end if date_key(end) <= date_key(as_of) else None


def hit_row(ds: Dataset, hit: Any) -> Row:
    return {"kind": hit.kind, "id": hit.id, "field": hit.field, "snippet": hit.snippet,
            "score": hit.score}


def entry_row(ds: Dataset, entry: Any) -> Row:
    return {"date": entry.date, "kind": entry.kind, "id": entry.id, "title": entry.title,
            "countries": list(entry.countries), "sources": list(entry.sources)}


COUNTRY = View(
    name="country",
    description="One country in full (sco country NAME --json).",
    types={
        "code": "string", "alpha2": "string", "name": "string", "formal_name": "string",
        "capital": "string", "aliases": "strings", "as_of": "date?",
        "status": _enum(model.Status, nullable=True), "since": "date?", "history": "history",
        "summits_hosted": "hosted",
        "chairmanships": "chairmanships", "secretaries_general": "secretaries_general",
        "trade": "strings", "claims": "strings", **_COMMON,
    },
    columns=("code", "name", "status", "since"),
    build=country_row,
)
SEARCH = View(
    name="search",
    description="Search hits, best first (sco search TEXT --json).",
    types={"kind": "enum:" + "|".join(search.KIND_ORDER), "id": "string", "field": "string",
           "snippet": "string",
           "score": "number"},
    columns=("kind", "id", "field", "snippet"),
    build=hit_row,
)
TIMELINE = View(
    name="timeline",
    description="Dated events in order (sco timeline --json).",
    types={"date": "date", "kind": "enum:" + "|".join(timeline.KINDS),
           "id": "string", "title": "string", "countries": "strings", "sources": "strings"},
    columns=("date", "kind", "title"),
    build=entry_row,
)


def has_variants(row: Row) -> bool:
    if row.get("variants"):
        return True
    return any(entry.get("variants") for entry in row.get("history") or ())


def about_row(ds: Dataset) -> Row:
    """The overview object of `sco about`."""
    org = ds.organisation
    info = ds.info
    counts = query.count_by_status(ds)
    latest = query.latest_summit(ds)
    chair = query.current_chair(ds)
    return {
        "name": org.name,
        "abbreviation": org.abbreviation,
        "founded": org.founded,
        "founded_in": org.founded_in,
        "official_languages": list(org.official_languages),
        "secretariat": _seat(query.body(ds, "secretariat")),
        "rats": _seat(query.body(ds, "rats")),
        "counts": counts,
        "family_size": sum(counts.values()),
        "latest_summit": (
            {
                "id": latest.id,
                "number": latest.number,
                "city": latest.city,
                "host": latest.host,
                "start_date": latest.start_date,
                "end_date": latest.end_date,
            }
            if latest
            else None
        ),
        "current_chair": (
            {"country": chair.country, "name": _name(ds, chair.country), "start": chair.start}
            if chair
            else None
        ),
        "data_as_of": info.as_of,
        "dataset_version": info.version,
        "licence": info.licence,
        "sources": list(org.sources),
    }


def _seat(body: model.Body | None) -> Row | None:
    if body is None:
        return None
    return {"name": body.name, "seat": body.seat, "established": body.established}


ABOUT = View(
    name="about",
    description="Overview of the SCO and of the dataset (sco about --json).",
    types={
        "name": "string", "abbreviation": "string", "founded": "date", "founded_in": "string",
        "official_languages": "strings", "secretariat": "seat?", "rats": "seat?",
        "counts": "counts", "family_size": "integer", "latest_summit": "latest_summit?",
        "current_chair": "current_chair?", "data_as_of": "date", "dataset_version": "string",
        "licence": "string", "sources": "strings",
    },
    columns=("name", "founded", "family_size", "data_as_of"),
    build=lambda ds, _: about_row(ds),
)

# The shapes nested in records, in the same notation.
SHAPES: dict[str, dict[str, str]] = {
    "variant": {"field": "string", "value": "any", "sources": "strings", "note": "string?"},
    "period": {
        "status": _STATUSES, "start": "date", "end": "date?", "decision": "string?",
        "memorandum": "date?", "note": "string?", "variants": "variants", "sources": "strings",
    },
    "seat": {"name": "string", "seat": "string?", "established": "date?"},
    "counts": {status: "integer" for status in model.STATUSES},
    "latest_summit": {
        "id": "string", "number": "integer?", "city": "string?", "host": "string",
        "start_date": "date", "end_date": "date",
    },
    "current_chair": {"country": "string", "name": "string?", "start": "date"},
    "hosted": {
        "id": "string", "council": _COUNCILS, "number": "integer?", "start_date": "date",
        "city": "string?", "status": _enum(model.SummitStatus),
    },
    "chairmanship": {"start": "date", "end": "date?", "slogan": "string?", "inferred": "boolean"},
    "secretary_general": {"name": "string", "start": "date", "end": "date?"},
}
ARRAYS = {
    "variants": "variant", "history": "period", "hosted": "hosted",
    "chairmanships": "chairmanship", "secretaries_general": "secretary_general",
}

VIEWS = {
    view.name: view
    for view in (
        ABOUT, SUMMITS, MEMBERS, COUNTRY, TRADE, PRINCIPLES, CHAIRS, SECRETARIES, INSTITUTIONS,
        CLAIMS, EVENTS, SOURCES, SEARCH, TIMELINE,
    )
}
