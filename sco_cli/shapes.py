"""The shapes of answers built by queries rather than read from a file: the overview, a
country's profile, search hits and timeline entries. Records like those of model.py, so their
JSON and Schemas are derived the same way (contract.py)."""

from sco_cli.model import (
    Capacity,
    Council,
    Date,
    Record,
    SourceKind,
    Status,
    StatusPeriod,
    SummitStatus,
    Variant,
)


class Seat(Record):
    name: str
    seat: str | None
    established: Date | None


class LatestSummit(Record):
    id: str
    number: int | None
    city: str | None
    host: str
    start_date: Date
    end_date: Date


class CurrentChair(Record):
    country: str
    name: str | None
    start: Date


class Member(Record):
    """A country of the SCO family with the status it had on the date asked for (or the
    latest known), and its history as it stood then."""

    code: str
    alpha2: str
    name: str
    formal_name: str
    status: Status
    since: Date
    uncertain: bool
    capital: str
    aliases: tuple[str, ...]
    history: tuple[StatusPeriod, ...]
    note: str | None
    inferred: tuple[str, ...]
    variants: tuple[Variant, ...]
    sources: tuple[str, ...]

    __docs__ = {
        "status": "the status on the `--as-of` date, or the latest known",
        "since": "start of that status",
        "uncertain": (
            "true when the date asked for falls in the month or year of a status change known "
            "only to that month or year, or after the data's as-of date; false otherwise"
        ),
        "history": "the status history as it stood then",
    }


class Overview(Record):
    """What `sco about` says: the organisation, its family by status, the dataset."""

    name: str
    abbreviation: str
    founded: Date
    founded_in: str
    official_languages: tuple[str, ...]
    secretariat: Seat | None
    rats: Seat | None
    counts: dict[Status, int]
    family_size: int
    latest_summit: LatestSummit | None
    current_chair: CurrentChair | None
    data_as_of: Date
    dataset_version: str
    dataset_fingerprint: str
    dataset_modified: bool
    tool_version: str
    licence: str
    sources_by_kind: dict[SourceKind, int]
    sources: tuple[str, ...]

    __docs__ = {
        "counts": "countries by status today",
        "data_as_of": "the date up to which the facts were checked",
        "sources_by_kind": "how many of the dataset's sources are of each kind",
        "dataset_fingerprint": "12 hex digits of a SHA-256 over the data files",
        "dataset_modified": "true when the data read (--data) differs from the bundled data",
        "tool_version": "the version of sco",
    }


class HostedMeeting(Record):
    id: str
    council: Council
    number: int | None
    start_date: Date
    city: str | None
    status: SummitStatus


class Chairmanship(Record):
    start: Date
    end: Date | None
    slogan: str | None
    inferred: bool


class SecretaryGeneralTerm(Record):
    name: str
    start: Date
    end: Date | None


class Representation(Record):
    """Who headed a country's delegation at one meeting."""

    id: str
    council: Council
    date: Date
    name: str | None
    title: str | None
    capacity: Capacity


class Profile(Record):
    """Everything the dataset says about one country, as it stood on `as_of` if given."""

    code: str
    alpha2: str
    name: str
    formal_name: str
    capital: str
    aliases: tuple[str, ...]
    as_of: Date | None
    status: Status | None
    since: Date | None
    uncertain: bool
    history: tuple[StatusPeriod, ...]
    summits_hosted: tuple[HostedMeeting, ...]
    chairmanships: tuple[Chairmanship, ...]
    secretaries_general: tuple[SecretaryGeneralTerm, ...]
    represented: tuple[Representation, ...]
    trade: tuple[str, ...]
    claims: tuple[str, ...]
    note: str | None
    variants: tuple[Variant, ...]
    sources: tuple[str, ...]

    __docs__ = {
        "as_of": "the `--as-of` date, or null",
        "uncertain": "as for `members`: the status on `as_of` may not be the one shown",
        "represented": "who headed its delegation at each meeting: `{id, council, date, name, "
                       "title, capacity}`",
        "trade": "ids of the trade figures that mention it",
        "claims": "ids of the claims about it",
    }


class Hit(Record):
    """A search hit: the record, the field that matched, a snippet and where in it."""

    kind: str
    id: str
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float

    __docs__ = {
        "field": "where the words matched, e.g. `outcomes[9]`",
        "score": "higher is better; hits come best first",
    }


class Entry(Record):
    """One line of the timeline."""

    date: Date
    kind: str
    id: str
    title: str
    countries: tuple[str, ...]
    sources: tuple[str, ...]

    __docs__ = {"id": "the id the kind's own command takes, or the country code for a status"}


class PersonMeeting(Record):
    id: str
    council: Council
    date: Date
    capacity: Capacity
    title: str | None


class PersonView(Record):
    """Everything the dataset says about one person: the offices it records and the meetings
    they attended."""

    id: str
    name: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    meetings: tuple[PersonMeeting, ...]
    note: str | None
    sources: tuple[str, ...]

    __docs__ = {
        "id": "`narendra-modi`",
        "aliases": "other spellings sources use (Rakhmonov for Rahmon)",
        "roles": "the offices the data records: titles at meetings, terms in office",
        "meetings": "the meetings attended: `{id, council, date, capacity, title}`",
    }
