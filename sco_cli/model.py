"""The records of the dataset: immutable value objects, no I/O, no printing.

Records are immutable value objects declared like dataclasses. They are not dataclasses: making
fifteen frozen dataclasses costs about 9 ms at every start (each one compiles its methods), and
start-up is what a lookup costs. `Record` reads the fields from the annotations instead.

The field names are the TOML keys and, for the listing commands, the JSON keys. The types are
read by the loader (sco_cli/dataset.py) to validate each record: the marker types below say
what a string must be, a `Literal` lists the allowed values.
"""

from typing import TYPE_CHECKING, Any, ClassVar, Literal, Union

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda cls: cls


@dataclass_transform(frozen_default=True, kw_only_default=True)
class Record:
    """Base of every record: keyword construction, immutable, equal when all fields are."""

    __fields__: ClassVar[tuple[str, ...]] = ()
    __required__: ClassVar[tuple[str, ...]] = ()
    __hints__: ClassVar[dict[str, Any]] = {}
    # What each field means, for the generated reference (README, data/README).
    __docs__: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls) -> None:
        # A record's own fields come first, then those it inherits: the shared `note`,
        # `inferred`, `variants` and `sources` close every record, in the TOML and the JSON.
        own = dict(cls.__dict__.get("__annotations__", {}))
        inherited = {n: t for base in reversed(cls.__mro__[1:])
                     for n, t in getattr(base, "__hints__", {}).items() if n not in own}
        cls.__hints__ = {**own, **inherited}
        docs = [getattr(base, "__docs__", {}) for base in reversed(cls.__mro__)]
        cls.__docs__ = {k: v for d in docs for k, v in d.items()}
        cls.__fields__ = tuple(cls.__hints__)
        cls.__required__ = tuple(n for n in cls.__fields__ if not _has_default(cls, n))

    def __init__(self, **values: Any) -> None:
        missing = [n for n in self.__required__ if n not in values]
        unknown = [n for n in values if n not in self.__fields__]
        if missing or unknown:
            raise TypeError(f"{type(self).__name__}: missing {missing}, unknown {unknown}")
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed."""
        return type(self)(**{**{n: getattr(self, n) for n in self.__fields__}, **changes})

    def values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__fields__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and type(other) is type(self) and (
            other.values() == self.values()
        )

    def __hash__(self) -> int:
        return hash((type(self), self.values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__fields__)
        return f"{type(self).__name__}({inner})"


def _has_default(cls: type, name: str) -> bool:
    return any(name in vars(base) for base in cls.__mro__ if base is not Record)


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


class StateCode(str):
    """An ISO 3166-1 alpha-3 code of any state: a participant may come from outside the SCO
    family (a guest), so it need not be defined in countries.toml."""


Status = Literal["member", "observer", "dialogue_partner", "partner"]
STATUSES: tuple[Status, ...] = ("member", "observer", "dialogue_partner", "partner")

Council = Literal["heads-of-state", "government", "foreign-ministers", "shanghai-five"]
COUNCILS: tuple[Council, ...] = (
    "heads-of-state", "government", "foreign-ministers", "shanghai-five"
)

SummitStatus = Literal["held", "scheduled"]
Format = Literal["in_person", "virtual", "hybrid"]
BodyKind = Literal["council", "permanent", "other"]
DateBasis = Literal["published", "event", "read"]
SourceKind = Literal["official", "agency", "press", "reference", "analysis", "mirror"]
Capacity = Literal[
    "member", "observer", "dialogue_partner", "partner", "guest", "organisation", "sco_body"
]
Attendance = Literal["in_person", "online"]
DocumentKind = Literal[
    "declaration", "charter", "convention", "treaty", "agreement", "strategy", "programme",
    "regulation", "statement", "decision", "other",
]
Office = Literal["secretary-general", "rats-director"]
Topic = Literal[
    "population", "territory", "gdp", "trade_share", "family_size", "summits_hosted", "events",
    "standing",
]
Basis = Literal["members", "family"]
Measure = Literal["nominal", "ppp"]

Scope = Literal[
    "china_and_other_members", "china_and_sco_family", "member_states_total",
    "among_member_states", "russia_and_other_members", "kazakhstan_and_other_members",
    "uzbekistan_and_other_members",
]

# What a variant's value may be: the type of the field it stands beside.
VariantValue = Union[str, int, float, bool, list[str]]


class Variant(Record):
    """A value that another source reports for `field`, kept beside the preferred one."""

    field: str
    value: VariantValue
    sources: tuple[SourceId, ...]
    note: str | None = None
    __docs__ = {
        'field': 'the field of the same record it stands beside',
        'value': "that field's type",
        'note': 'why it differs or is not preferred',
    }



class Cited(Record):
    """What every sourced record ends with: a note, the fields it infers, the values other
    sources report, and its sources (required, never empty)."""

    note: str | None = None
    inferred: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    sources: tuple[SourceId, ...]
    __docs__ = {
        'note': 'a short plain-text remark: context, caveats, how a value was derived',
        'inferred': 'names of the fields whose value is derived rather than stated by a source',
        'variants': 'values other sources report for a field: `{field, value, sources, note}`',
        'sources': 'ids of the sources the record rests on (required, never empty)',
    }



class Source(Record):
    id: str
    title: str
    publisher: str
    url: str
    date: Date
    # "published" unless the page shows no date: "event" is the date of the event it reports,
    # "read" the year the page was read.
    date_basis: DateBasis = "published"
    kind: SourceKind
    note: str | None = None
    __docs__ = {
        'kind': (
            '`official` (SCO bodies, governments, the UN), `agency` (news agencies), `press`, '
            '`reference` (encyclopaedias, legal and document databases), `analysis` (think '
            "tanks, journals, blogs, exam-preparation sites) or `mirror` (another publisher's "
            'text copied onto a third-party site)'
        ),
        'id': 'lowercase slug: publisher and date, e.g. `tass-2025-09-01`',
        'title': "the page's headline; in square brackets when it is not known",
        'publisher': "outlet or body, e.g. `Xinhua (via People's Daily Online)`",
        'url': 'the page that was read',
        'date': 'publication date, as precise as known',
        'date_basis': (
            '`published`; `event` when the page shows no date and the date is that of the event '
            'it reports; `read` when only the year it was read is known'
        ),
        'note': 'e.g. "machine translation"',
    }



class DatasetInfo(Record):
    title: str
    version: str
    as_of: Date
    licence: str
    licence_url: str
    description: str


class Organisation(Cited):
    name: str
    abbreviation: str
    founded: Date
    founded_in: str
    official_languages: tuple[str, ...]


class Body(Cited):
    id: str
    name: str
    kind: BodyKind
    seat: str | None = None
    established: Date | None = None
    role: str
    __docs__ = {
        'role': 'one sentence',
    }



class Event(Cited):
    id: str
    date: Date
    title: str
    countries: tuple[CountryCode, ...] = ()
    __docs__ = {
        'countries': 'the countries involved (codes)',
    }



class Participant(Cited):
    """One head of delegation at a meeting."""

    country: StateCode | None = None
    organisation: str | None = None
    name: str | None = None
    title: str | None = None
    capacity: Capacity
    attendance: Attendance | None = None

    __docs__ = {
        "country": "ISO 3166-1 alpha-3, or null for an international body",
        "organisation": "the body's name (UN, CIS, ASEAN...), or null for a state",
        "name": "as the source spells it; null when the source names only the country",
        "title": "the title at the time, e.g. `acting President`",
        "capacity": "the participant's standing at that meeting",
        "attendance": "null when no source says",
    }


class Summit(Cited):
    id: str
    council: Council
    # Stated by a source, or inferred from the order of meetings (see `inferred`).
    number: int | None = None
    status: SummitStatus
    start_date: Date
    end_date: Date
    city: str | None = None
    host: CountryCode
    # Unknown for a meeting that is only scheduled.
    format: Format | None = None
    chair: str | None = None
    outcomes: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    participants_note: str | None = None
    __docs__ = {
        'id': '`chs-2025` (heads of state), `chg-`, `cfm-2025-07`, `s5-` for the other councils',
        'number': 'ordinal within the council (`inferred` when no source states it)',
        'start_date': 'first day; a scheduled meeting may have a partial date',
        'end_date': 'last day; equals `start_date` for a one-day meeting',
        'city': 'where it met; for a videoconference the city of the chair, if known',
        'host': 'the host or chairing country',
        'format': 'null for a scheduled meeting whose format is not known',
        'chair': 'who presided, where a source names them',
        'outcomes': 'main documents and decisions, one short line each',
        'participants': (
            'the heads of delegation: `{country, organisation, name, title, capacity, '
            'attendance, note, inferred, variants, sources}`'
        ),
        'participants_note': 'how complete the list is, and what no source was found for',
    }



class StatusPeriod(Cited):
    """One span of a country's status; `end` is None while current, else the next `start`."""

    status: Status
    start: Date
    end: Date | None = None
    decision: SummitId | None = None
    memorandum: Date | None = None
    __docs__ = {
        'start': 'when the status began (the decision date unless noted)',
        'end': "when it ended: the next entry's `start`; null while current",
        'decision': 'the id of the meeting that decided it',
        'memorandum': 'the date of the memorandum that formalised it',
    }



class Country(Cited):
    code: CountryCode
    alpha2: str
    name: str
    formal_name: str
    capital: str
    aliases: tuple[str, ...] = ()
    history: tuple[StatusPeriod, ...]
    __docs__ = {
        'code': 'ISO 3166-1 alpha-3',
        'name': 'English short name',
        'aliases': 'other names people use, e.g. Turkey for Türkiye',
        'history': (
            'the status history, in date order, contiguous: `{status, start, end, decision, '
            'memorandum, note, inferred, variants, sources}`'
        ),
    }



class TradeFigure(Cited):
    id: str
    indicator: str
    period: Period
    value: float
    unit: str
    scope: Scope
    __docs__ = {
        'indicator': 'what is measured, one line',
        'period': 'a year, or an interval such as `2025-01/2025-06`',
        'unit': '`USD billion`, `USD trillion`, `CNY trillion`, `percent`, `times`',
        'scope': 'which countries the figure covers',
    }



class Principle(Cited):
    id: str
    name: str
    items: tuple[str, ...]
    introduced: Date
    introduced_at: str
    summit: SummitId | None = None
    __docs__ = {
        'items': "the principle's parts",
        'introduced': 'date',
        'introduced_at': 'where and by whom, one line',
        'summit': 'meeting id, or null',
    }



class Chair(Cited):
    country: CountryCode
    start: Date
    end: Date | None = None
    slogan: str | None = None
    themed_year: str | None = None
    __docs__ = {
        'start': 'start of the term',
        'end': 'null while current',
        'themed_year': 'e.g. `2025: SCO Year of Sustainable Development`',
    }



class Secretary(Cited):
    name: str
    country: CountryCode
    start: Date
    end: Date
    title: str | None = None
    __docs__ = {
        'title': 'e.g. `Executive Secretary`, where it was not Secretary-General',
    }



class Claim(Cited):
    id: str
    topic: Topic
    text: str
    value: float | None = None
    unit: str | None = None
    date: Date
    basis: Basis
    measure: Measure | None = None
    subject: CountryCode | None = None
    # One claim per topic, basis and measure is preferred; its note says why.
    preferred: bool = False

    __docs__ = {
        'text': 'the claim as its source puts it',
        'date': 'when it was made, or the year it describes',
        'basis': '`members`: member states only; `family`: with observers and partners',
        'measure': '`nominal` or `ppp`, for GDP',
        'subject': 'a country code, for a claim about one country',
        'preferred': (
            'true on the one claim the dataset prefers for its topic, basis and measure; the '
            'note says why'
        ),
    }


class Document(Cited):
    """A founding or main document of the SCO: a charter, a convention, a declaration."""

    id: str
    title: str
    kind: DocumentKind
    signed: Date
    place: str | None = None
    meeting: SummitId | None = None
    in_force: Date | None = None

    __docs__ = {
        "signed": "the date it was signed or adopted",
        "meeting": "the id of the meeting where it was signed, or null",
        "in_force": "the date it entered into force, where a source states it",
    }


class Official(Cited):
    """A Secretary-General or a Director of the RATS Executive Committee."""

    name: str
    country: CountryCode | None = None
    office: Office
    start: Date | None = None
    end: Date | None = None
    title: str | None = None
    attested: tuple[Date, ...] = ()

    __docs__ = {
        "country": "nationality, where a source states it",
        "start": "start of the term, as precise as a source states; null if unknown",
        "end": "end of the term; null if unknown or still in office",
        "title": "the title where it was not the office's usual one (`Executive Secretary`)",
        "attested": "dates on which a source shows them in office, where the term is unknown",
    }


class Person(Cited):
    """The spellings of one person's name: the one the dataset prefers and the others sources
    use (Rakhmonov for Rahmon)."""

    name: str
    aliases: tuple[str, ...] = ()
    country: StateCode | None = None

    __docs__ = {"aliases": "other spellings and transliterations that sources use"}
