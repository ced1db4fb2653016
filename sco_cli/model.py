"""The records of the dataset: frozen dataclasses, no I/O, no printing.

The field names are the TOML keys and, for the listing commands, the JSON keys. The types are
read by the loader (sco_cli/dataset.py) to validate each record: the marker types below say
what a string must be, a `Literal` lists the allowed values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union


class Date(str):
    """An ISO 8601 date, possibly partial: '2001-06-15', '2005-07' or '2009'."""


class Period(str):
    """An ISO 8601 year, date or interval: '2024', '2025-01/2025-06'."""


class CountryCode(str):
    """An ISO 3166-1 alpha-3 code of a country defined in countries.toml."""


class SourceId(str):
    """The id of a source defined in sources.toml."""


class SummitId(str):
    """The id of a meeting defined in summits.toml."""


Status = Literal["member", "observer", "dialogue_partner", "partner"]
STATUSES: tuple[Status, ...] = ("member", "observer", "dialogue_partner", "partner")

Council = Literal["heads-of-state", "government", "foreign-ministers", "shanghai-five"]
COUNCILS: tuple[Council, ...] = ("heads-of-state", "government", "foreign-ministers", "shanghai-five")

Scope = Literal[
    "china_and_other_members", "china_and_sco_family", "member_states_total", "among_member_states"
]

# What a variant's value may be: the type of the field it stands beside.
VariantValue = Union[str, int, float, bool, list[str]]


@dataclass(frozen=True)
class Variant:
    """A value that another source reports for `field`, kept beside the preferred one."""

    field: str
    value: VariantValue
    sources: tuple[SourceId, ...]
    note: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    date: Date
    note: str | None = None


@dataclass(frozen=True)
class DatasetInfo:
    title: str
    version: str
    as_of: Date
    licence: str
    licence_url: str
    description: str


@dataclass(frozen=True)
class Organisation:
    name: str
    abbreviation: str
    founded: Date
    founded_in: str
    official_languages: tuple[str, ...]
    sources: tuple[SourceId, ...]
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: Literal["council", "permanent"]
    role: str
    sources: tuple[SourceId, ...]
    seat: str | None = None
    established: Date | None = None
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    date: Date
    title: str
    sources: tuple[SourceId, ...]
    countries: tuple[CountryCode, ...] = ()
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Summit:
    id: str
    council: Council
    status: Literal["held", "scheduled"]
    start_date: Date
    end_date: Date
    host: CountryCode
    format: Literal["in_person", "virtual", "hybrid"]
    sources: tuple[SourceId, ...]
    number: int | None = None
    city: str | None = None
    chair: str | None = None
    outcomes: tuple[str, ...] = ()
    note: str | None = None
    inferred: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class StatusPeriod:
    """One span of a country's status; `end` is None while current, else the next `start`."""

    status: Status
    start: Date
    sources: tuple[SourceId, ...]
    end: Date | None = None
    decision: SummitId | None = None
    memorandum: Date | None = None
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Country:
    code: CountryCode
    alpha2: str
    name: str
    formal_name: str
    capital: str
    sources: tuple[SourceId, ...]
    history: tuple[StatusPeriod, ...]
    aliases: tuple[str, ...] = ()
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class TradeFigure:
    id: str
    indicator: str
    period: Period
    value: float
    unit: str
    scope: Scope
    sources: tuple[SourceId, ...]
    note: str | None = None
    inferred: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    items: tuple[str, ...]
    introduced: Date
    introduced_at: str
    sources: tuple[SourceId, ...]
    summit: SummitId | None = None
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Chair:
    country: CountryCode
    start: Date
    sources: tuple[SourceId, ...]
    end: Date | None = None
    slogan: str | None = None
    themed_year: str | None = None
    note: str | None = None
    inferred: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Secretary:
    name: str
    country: CountryCode
    start: Date
    end: Date
    sources: tuple[SourceId, ...]
    title: str | None = None
    note: str | None = None
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Claim:
    id: str
    topic: Literal[
        "population",
        "territory",
        "gdp",
        "trade_share",
        "family_size",
        "summits_hosted",
        "events",
        "standing",
    ]
    text: str
    date: Date
    basis: Literal["members", "family"]
    sources: tuple[SourceId, ...]
    value: float | None = None
    unit: str | None = None
    measure: Literal["nominal", "ppp"] | None = None
    subject: CountryCode | None = None
    note: str | None = None
    variants: tuple[Variant, ...] = ()


# Records that carry variants, for code that treats them alike.
Record = Union[
    Organisation, Body, Event, Summit, StatusPeriod, Country, TradeFigure, Principle, Chair,
    Secretary, Claim,
]
