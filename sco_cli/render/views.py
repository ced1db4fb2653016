"""The JSON contract: one dict per record, every key always present (null when unknown).

Each `View` names a command's fields in order (its --fields choices and its JSON keys) and the
columns its table shows by default. Tables, plain text and CSV are all drawn from these dicts, so
every format shows the same values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sco_cli import model, query
from sco_cli.dataset import Dataset

Row = dict[str, Any]


class View(model.Record):
    name: str
    fields: tuple[str, ...]
    columns: tuple[str, ...]
    build: Callable[[Dataset, Any], Row]
    title: str = ""


def _variants(variants: tuple[model.Variant, ...]) -> list[Row]:
    return [
        {"field": v.field, "value": v.value, "sources": list(v.sources), "note": v.note}
        for v in variants
    ]


def summit_row(ds: Dataset, summit: model.Summit) -> Row:
    host = ds.countries.get(summit.host)
    return {
        "id": summit.id,
        "council": summit.council,
        "number": summit.number,
        "status": summit.status,
        "start_date": summit.start_date,
        "end_date": summit.end_date,
        "city": summit.city,
        "host": summit.host,
        "host_name": host.name if host else None,
        "format": summit.format,
        "chair": summit.chair,
        "outcomes": list(summit.outcomes),
        "note": summit.note,
        "inferred": list(summit.inferred),
        "variants": _variants(summit.variants),
        "sources": list(summit.sources),
    }


def _period_row(period: model.StatusPeriod) -> Row:
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
        "history": [_period_row(p) for p in country.history],
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
        "variants": _variants(principle.variants),
        "sources": list(principle.sources),
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


SUMMITS = View(
    name="summits",
    fields=(
        "id", "council", "number", "status", "start_date", "end_date", "city", "host",
        "host_name", "format", "chair", "outcomes", "note", "inferred", "variants", "sources",
    ),
    columns=("number", "start_date", "end_date", "city", "host_name", "format"),
    build=summit_row,
)
MEMBERS = View(
    name="members",
    fields=(
        "code", "alpha2", "name", "formal_name", "status", "since", "capital", "aliases",
        "history", "note", "variants", "sources",
    ),
    columns=("code", "name", "status", "since", "capital"),
    build=member_row,
)
TRADE = View(
    name="trade",
    fields=(
        "id", "indicator", "period", "value", "unit", "scope", "note", "inferred", "variants",
        "sources",
    ),
    columns=("period", "indicator", "value", "unit", "scope", "sources"),
    build=trade_row,
)
PRINCIPLES = View(
    name="principles",
    fields=(
        "id", "name", "items", "introduced", "introduced_at", "summit", "note", "variants",
        "sources",
    ),
    columns=("id", "name", "introduced", "items"),
    build=principle_row,
)
SOURCES = View(
    name="sources",
    fields=("id", "title", "publisher", "url", "date", "date_basis", "note"),
    columns=("id", "date", "publisher", "title"),
    build=source_row,
)

VIEWS = {view.name: view for view in (SUMMITS, MEMBERS, TRADE, PRINCIPLES, SOURCES)}


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
    secretariat, rats = query.body(ds, "secretariat"), query.body(ds, "rats")
    return {
        "name": org.name,
        "abbreviation": org.abbreviation,
        "founded": org.founded,
        "founded_in": org.founded_in,
        "official_languages": list(org.official_languages),
        "secretariat": _body_row(secretariat),
        "rats": _body_row(rats),
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
            {"country": chair.country, "name": ds.countries[chair.country].name, "start": chair.start}
            if chair
            else None
        ),
        "data_as_of": info.as_of,
        "dataset_version": info.version,
        "licence": info.licence,
        "sources": list(org.sources),
    }


ABOUT = View(
    name="about",
    fields=(
        "name", "abbreviation", "founded", "founded_in", "official_languages", "secretariat",
        "rats", "counts", "family_size", "latest_summit", "current_chair", "data_as_of",
        "dataset_version", "licence", "sources",
    ),
    columns=("name", "founded", "family_size", "data_as_of"),
    build=lambda ds, _: about_row(ds),
)


def _body_row(body: model.Body | None) -> Row | None:
    if body is None:
        return None
    return {"name": body.name, "seat": body.seat, "established": body.established}
