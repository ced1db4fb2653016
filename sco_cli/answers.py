"""Answers built from several kinds of record: the overview and a country's profile.

Each is a record of the model (shapes.Overview, shapes.Profile), so its JSON and its Schema come
from the same declarations as every other kind's.
"""

from __future__ import annotations

import typing
from typing import Any

import sco_cli
from sco_cli import model, shapes
from sco_cli.dataset import Dataset, fingerprint, modified
from sco_cli.dates import date_key, period_end
from sco_cli.names import normalise
from sco_cli.query import (
    count_by_status,
    current_chair,
    current_status,
    history_as_of,
    latest_summit,
    secretaries_general,
    status_on,
    uncertain,
)


def overview(ds: Dataset) -> shapes.Overview:
    """What `sco about` says."""
    org: model.Organisation = ds.records("organisation")
    info = ds.info
    counts: Any = count_by_status(ds)
    latest = latest_summit(ds)
    chair = current_chair(ds)
    return shapes.Overview(
        name=org.name, abbreviation=org.abbreviation, founded=org.founded,
        founded_in=org.founded_in, official_languages=org.official_languages,
        secretariat=_seat(ds.get("institutions", "secretariat")),
        rats=_seat(ds.get("institutions", "rats")), counts=counts,
        family_size=sum(counts.values()),
        latest_summit=shapes.LatestSummit(
            id=latest.id, number=latest.number, city=latest.city, host=latest.host,
            start_date=latest.start_date, end_date=latest.end_date) if latest else None,
        current_chair=shapes.CurrentChair(
            country=chair.country, name=_name(ds, chair.country),
            start=chair.start) if chair else None,
        data_as_of=info.as_of, dataset_version=info.version,
        dataset_fingerprint=fingerprint(ds.root), dataset_modified=modified(ds.root),
        tool_version=sco_cli.__version__, licence=info.licence,
        sources_by_kind=_kinds_of_sources(ds), sources=org.sources,
    )


def _kinds_of_sources(ds: Dataset) -> Any:
    counts = {kind: 0 for kind in typing.get_args(model.SourceKind)}
    for source in ds.records("sources"):
        counts[source.kind] += 1
    return counts


def _seat(body: model.Body | None) -> shapes.Seat | None:
    if body is None:
        return None
    return shapes.Seat(name=body.name, seat=body.seat, established=body.established)


def _name(ds: Dataset, code: str) -> str | None:
    country = ds.get("countries", code)
    return country.name if country else None


def profile(ds: Dataset, country: model.Country, as_of: Any = None) -> shapes.Profile:
    """The country's status (now or on `as_of`), and the records that involve it; with
    `as_of`, only what had happened by then."""
    later = as_of is not None and date_key(as_of) > period_end(ds.info.as_of)
    if later:  # nothing is known after the data stops: the last known state, marked uncertain
        as_of = ds.info.as_of
    day = date_key(as_of) if as_of else "9999-12-31"
    period = status_on(country, as_of) if as_of else current_status(country)
    summits = sorted(ds.records("summits"), key=lambda s: date_key(s.start_date))
    hosted = tuple(
        shapes.HostedMeeting(id=s.id, council=s.council, number=s.number,
                            start_date=s.start_date, city=s.city, status=s.status)
        for s in summits if s.host == country.code and date_key(s.start_date) <= day
    )
    chairs = tuple(
        shapes.Chairmanship(start=c.start, end=_until(c.end, as_of), slogan=c.slogan,
                           inferred="country" in c.inferred)
        for c in ds.records("chairs") if c.country == country.code and date_key(c.start) <= day
    )
    secretaries = tuple(
        shapes.SecretaryGeneralTerm(name=s.name, start=s.start, end=_until(s.end, as_of))
        for s in secretaries_general(ds)
        if s.country == country.code and s.start is not None and date_key(s.start) <= day
    )
    represented = tuple(
        shapes.Representation(id=s.id, council=s.council, date=s.start_date, name=p.name,
                              title=p.title, capacity=p.capacity)
        for s in summits if date_key(s.start_date) <= day
        for p in s.participants if p.country == country.code
    )
    names = {normalise(n) for n in (country.name, country.formal_name, *country.aliases)}
    trade = tuple(f.id for f in ds.records("trade") if _mentions(f.indicator, names)
                  and date_key(f.period.split("/")[0]) <= day)
    claims = tuple(c.id for c in ds.records("claims")
                   if c.subject == country.code and date_key(c.date) <= day)
    return shapes.Profile(
        code=country.code, alpha2=country.alpha2, name=country.name,
        formal_name=country.formal_name, capital=country.capital, aliases=country.aliases,
        as_of=as_of, status=period.status if period else None,
        since=period.start if period else None, uncertain=later or uncertain(period, as_of),
        history=history_as_of(country, as_of),
        summits_hosted=hosted, chairmanships=chairs, secretaries_general=secretaries,
        represented=represented,
        trade=trade, claims=claims, note=country.note, variants=country.variants,
        sources=country.sources,
    )


def _until(end: Any, as_of: str | None) -> Any:
    """An end date as known on `as_of`: none yet if it came later."""
    if end is None or as_of is None:
        return end
    return end if date_key(end) <= date_key(as_of) else None


def _mentions(text: str, names: set[str]) -> bool:
    padded = f" {normalise(text)} "
    return any(f" {name} " in padded for name in names)
