"""Pure functions over a Dataset: filter, look up, resolve names, statuses as of a date, and
the answers built from several kinds (a country's profile, the overview)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from sco_cli import kinds, model, shapes
from sco_cli.dataset import Dataset
from sco_cli.dates import date_key, overlaps, period_end, within
from sco_cli.errors import NotFoundError, UsageError
from sco_cli.names import closest, normalise
from sco_cli.numbers import is_digits, whole
from sco_cli.wording import shorten

MAX_NAME_LENGTH = 100
STATUS_ORDER = {status: rank for rank, status in enumerate(model.STATUSES)}


def listed(ds: Dataset, kind: kinds.Kind) -> list[Any]:
    """Every record of a kind in its listing order."""
    records = list(ds.records(kind.name))
    return sorted(records, key=kind.order) if kind.order else records


# -- countries ------------------------------------------------------------------------------


@cache
def _country_index(ds: Dataset) -> dict[str, str]:
    index: dict[str, str] = {}
    for country in ds.records("countries"):
        names = (country.code, country.alpha2, country.name, country.formal_name, *country.aliases)
        for name in names:
            index.setdefault(normalise(name), country.code)
    return index


def find_country(ds: Dataset, name: str) -> model.Country:
    """The country a code, name or alias stands for; NotFoundError with suggestions if none."""
    shown = shorten(name)
    key = normalise(name) if len(name) <= MAX_NAME_LENGTH else ""
    if not key:
        raise NotFoundError("country", shown)
    code = _country_index(ds).get(key)
    if code is not None:
        country: model.Country = ds.get("countries", code)
        return country
    error = NotFoundError("country", shown, suggest_countries(ds, key))
    if not error.suggestions:
        error.hint = (f"'sco members' lists the {len(ds.records('countries'))} countries of the "
                      "SCO family")
    raise error


def suggest_countries(ds: Dataset, key: str, limit: int = 3) -> tuple[str, ...]:
    """Names a mistyped `key` may have meant: those it begins, codes one letter off, and names
    spelt nearly alike. A country outside the SCO family ('usa', 'United States') gets none
    rather than a misleading one."""
    import difflib

    index = _country_index(ds)
    names: list[str] = []

    def add(code: str) -> None:
        name = ds.get("countries", code).name
        if name not in names:
            names.append(name)

    for candidate, code in index.items():
        begins = len(key) >= 3 and candidate.startswith(key)
        one_letter_off = len(key) == len(candidate) <= 3 and sum(
            a != b for a, b in zip(key, candidate, strict=True)) == 1
        if begins or one_letter_off:
            add(code)
    scored = sorted(
        ((difflib.SequenceMatcher(None, key, c).ratio(), c) for c in index if len(c) > 3),
        reverse=True,
    )
    best = scored[0][0] if scored else 0.0
    for ratio, candidate in scored:  # only the names nearly as close as the closest
        if ratio >= max(0.75, best - 0.1):
            add(index[candidate])
    return tuple(names[:limit])


def status_on(country: model.Country, on: str) -> model.StatusPeriod | None:
    """The country's status on a date (partial dates stand for their first day)."""
    day = date_key(on)
    for period in country.history:
        if date_key(period.start) <= day and (period.end is None or day < date_key(period.end)):
            return period
    return None


def current_status(country: model.Country) -> model.StatusPeriod | None:
    last = country.history[-1] if country.history else None
    return last if last is not None and last.end is None else None


def history_as_of(country: model.Country, as_of: str | None) -> tuple[model.StatusPeriod, ...]:
    """The status history as it stood on `as_of`: later statuses left out, and a status that
    had not yet ended then without its end."""
    if as_of is None:
        return country.history
    day = date_key(as_of)
    return tuple(
        p if p.end is None or date_key(p.end) <= day else p.replace(end=None)
        for p in country.history if date_key(p.start) <= day
    )


def members(
    ds: Dataset, status: str | None = None, as_of: str | None = None
) -> list[shapes.Member]:
    """The SCO family, members first, then by the date each status began; each country as it
    stood on `as_of` (its history cut there). A date after the data's own as-of date gets the
    last known state, marked uncertain: the data cannot say what came later."""
    found = []
    last_known = ds.info.as_of
    later = as_of is not None and date_key(as_of) > period_end(last_known)
    on = last_known if later else as_of
    for country in ds.records("countries"):
        period = status_on(country, on) if on else current_status(country)
        if period is None or (status is not None and period.status != status):
            continue
        found.append(shapes.Member(
            code=country.code, alpha2=country.alpha2, name=country.name,
            formal_name=country.formal_name, status=period.status, since=period.start,
            uncertain=later or uncertain(period, on), capital=country.capital,
            aliases=country.aliases, history=history_as_of(country, on), note=country.note,
            inferred=country.inferred, variants=country.variants, sources=country.sources))
    found.sort(key=lambda m: (STATUS_ORDER[m.status], date_key(m.since), m.name))
    return found


def uncertain(period: model.StatusPeriod | None, on: str | None) -> bool:
    """Whether the day asked for falls in the month or year of a change of status that the
    data knows only to that month or year: the status shown may not yet (or still) hold."""
    if period is None or on is None:
        return False
    day = date_key(on)
    return within(day, period.start) or within(day, period.end)


def status_ended(ds: Dataset, status: str) -> str | None:
    """The date the last country left `status`, if none holds it now."""
    periods = [p for c in ds.records("countries") for p in c.history if p.status == status]
    if not periods or any(p.end is None for p in periods):
        return None
    last: str = max((p.end for p in periods if p.end), key=date_key)
    return last


def count_by_status(ds: Dataset, as_of: str | None = None) -> dict[str, int]:
    counts: dict[str, int] = {status: 0 for status in model.STATUSES}
    for member in members(ds, as_of=as_of):
        counts[member.status] += 1
    return counts


# -- meetings -------------------------------------------------------------------------------


class MeetingFilter(model.Record):
    """What a listing of meetings asks for; None leaves a criterion out."""

    council: str = "heads-of-state"  # or "all"
    year: int | None = None
    host: str | None = None
    participant: str | None = None
    city: str | None = None
    mode: str | None = None
    since: str | None = None
    until: str | None = None


def summits(ds: Dataset, wanted: MeetingFilter | None = None) -> list[model.Summit]:
    """Meetings in date order: of one council (or all), in a year or a window (a meeting
    whose days overlap it), hosted by a country, held in a city or in a format, or where a
    person (in any spelling the data knows) or a country took part."""
    w = wanted or MeetingFilter()
    host_code = find_country(ds, w.host).code if w.host is not None else None
    took_part = _participant_filter(ds, w.participant) if w.participant is not None else None
    city = normalise(w.city) if w.city is not None else None
    year = f"{w.year:04d}" if w.year is not None else None
    return [
        s
        for s in listed(ds, kinds.SUMMITS)
        if (w.council == "all" or s.council == w.council)
        and (year is None or overlaps(s.start_date, s.end_date, year, year))
        and overlaps(s.start_date, s.end_date, w.since, w.until)
        and (host_code is None or s.host == host_code)
        and (city is None or normalise(s.city or "") == city)
        and (w.mode is None or s.format == w.mode)
        and (took_part is None or any(took_part(p) for p in s.participants))
    ]


def _participant_filter(ds: Dataset, who: str) -> Callable[[model.Participant], bool]:
    """What a participant must be for `--participant WHO`: a person the data names, else a
    country; NotFoundError with suggestions from both if neither."""
    from sco_cli import people

    person = people.lookup(ds, who)
    if person is not None:
        spellings = people.spellings(ds, person)
        return lambda p: p.name is not None and normalise(p.name) in spellings
    codes = {p.country for s in ds.records("summits") for p in s.participants if p.country}
    if who.strip().upper() in codes:  # a guest state outside the SCO family, by its code
        return lambda p: p.country == who.strip().upper()
    try:
        code = find_country(ds, who).code
    except NotFoundError as err:
        close = (people.suggest(ds, who) + err.suggestions)[:3]
        error = NotFoundError("person or country", shorten(who), close)
        error.hint = error.hint or "'sco people' lists the people, 'sco members' the countries"
        raise error from None
    return lambda p: p.country == str(code)


def find_summit(ds: Dataset, key: str, council: str | None = None) -> model.Summit:
    """One meeting by year ('2025'), ordinal ('25th') or id ('chs-2025'); a year or an
    ordinal counts within `council` (default: heads of state). An id of another council
    than the one asked for is a usage error."""
    wanted = key.strip().casefold()
    every = ds.records("summits")
    for summit in every:
        if summit.id.casefold() == wanted:
            if council not in (None, "all", summit.council):
                raise UsageError(f"{summit.id} is a meeting of the {summit.council} council, "
                                 f"not {council}: leave out --council")
            found: model.Summit = summit
            return found
    pool_council = "heads-of-state" if council in (None, "all") else council
    pool = [s for s in every if s.council == pool_council]
    if is_digits(wanted) and len(wanted) == 4:
        matches = [s for s in pool if s.start_date.startswith(wanted)]
    else:
        number = whole(wanted.rstrip("stndrh."), 1, 999_999)  # '9' * 5000 is no ordinal
        matches = [s for s in pool if number is not None and s.number == number]
    if matches:
        first: model.Summit = sorted(matches, key=lambda s: date_key(s.start_date))[0]
        return first
    years = sorted({s.start_date[:4] for s in pool})
    hints = _nearest_years(wanted, years) or closest(wanted, [s.id for s in every])
    error = NotFoundError(f"{pool_council} meeting", shorten(key), hints)
    if any(s.city and normalise(s.city) == normalise(key) for s in every):
        error.hint = (f"{key!r} is a city: list its meetings with --city {key!r} "
                      f"(and --council all), or try 'sco search {key}'")
    raise error


def _nearest_years(wanted: str, years: Iterable[str]) -> tuple[str, ...]:
    if not (is_digits(wanted) and len(wanted) == 4):
        return ()
    ranked = sorted(years, key=lambda y: abs(int(y) - int(wanted)))
    return tuple(sorted(ranked[:2]))


def latest_summit(ds: Dataset, council: str = "heads-of-state") -> model.Summit | None:
    held = [s for s in ds.records("summits") if s.council == council and s.status == "held"]
    return max(held, key=lambda s: date_key(s.start_date), default=None)


# -- the other kinds ------------------------------------------------------------------------


def trade(
    ds: Dataset, scope: str | None = None, year: int | None = None, unit: str | None = None,
    since: str | None = None, until: str | None = None,
) -> list[model.TradeFigure]:
    """Trade figures in period order: of one scope and unit, for a year the period starts or
    ends in, or whose period overlaps the window from `since` to `until`."""
    if unit is not None:
        unit = _known_unit(ds, unit)
    return [
        f
        for f in listed(ds, kinds.TRADE)
        if (scope is None or f.scope == scope) and (year is None or _period_touches(f.period, year))
        and (unit is None or f.unit == unit)
        and overlaps(f.period.split("/")[0], f.period.split("/")[-1], since, until)
    ]


def _known_unit(ds: Dataset, unit: str) -> str:
    """The unit of the data a typed one names (case does not matter), or NotFoundError."""
    units = sorted({f.unit for f in ds.records("trade")})
    found: str | None = next((u for u in units if u.casefold() == unit.strip().casefold()), None)
    if found is None:
        raise NotFoundError("unit", shorten(unit), closest(unit, units) or tuple(units))
    return found


def _period_touches(period: str, year: int) -> bool:
    """A figure is for YEAR when its period starts or ends in it (2001/2020 is not a 2010
    figure)."""
    parts = period.split("/")
    return year in (int(parts[0][:4]), int(parts[-1][:4]))


def find_principle(ds: Dataset, key: str) -> model.Principle:
    wanted = normalise(key)
    every = ds.records("principles")
    for principle in every:
        if wanted in (normalise(principle.id), normalise(principle.name)):
            found: model.Principle = principle
            return found
    for principle in every:
        if wanted and wanted in normalise(principle.name):
            found = principle
            return found
    raise NotFoundError("principle", shorten(key), closest(wanted, [p.id for p in every]))


R = TypeVar("R", bound=model.Record)


def find_record(
    records: Sequence[R], kind: str, key: str, ident: Callable[[R], str] | None = None
) -> R:
    """The record whose id is `key` (case does not matter); NotFoundError with the ids that
    start with it or come closest if none."""
    get: Callable[[R], str] = ident or (lambda r: str(getattr(r, "id")))  # noqa: B009
    wanted = key.strip().casefold()
    ids = {get(r).casefold(): r for r in records}
    if wanted in ids:
        return ids[wanted]
    raise NotFoundError(kind, shorten(key), closest(wanted, [get(r) for r in records]))


def find(ds: Dataset, kind: kinds.Kind, key: str, what: str | None = None,
         among: Sequence[Any] | None = None) -> Any:
    """One record of a kind by the id users type (among some of its records, if given)."""
    records = list(ds.records(kind.name) if among is None else among)
    return find_record(records, what or kind.singular, key, lambda r: kinds.record_id(kind, r))


def chairs(ds: Dataset, country: str | None = None, year: int | None = None
           ) -> list[model.Chair]:
    """Chairmanships of a country, or those that ran during part of a year."""
    code = find_country(ds, country).code if country is not None else None
    window = f"{year:04d}" if year is not None else None
    last_known = ds.info.as_of  # an open term is known to run only until the data stops
    return [
        c for c in ds.records("chairs")
        if (code is None or c.country == code)
        and (window is None or overlaps(c.start, c.end or last_known, window, window))
    ]


def sources(ds: Dataset, publisher: str | None = None, kind: str | None = None
            ) -> list[model.Source]:
    wanted = normalise(publisher) if publisher else None
    return [s for s in listed(ds, kinds.SOURCES)
            if (wanted is None or wanted in normalise(s.publisher))
            and (kind is None or s.kind == kind)]


def claims(ds: Dataset, topic: str | None = None, basis: str | None = None,
           measure: str | None = None, preferred: bool = False) -> list[model.Claim]:
    """Claims by topic, who is counted (basis), the measure of a GDP figure, and whether the
    dataset prefers them."""
    return [c for c in listed(ds, kinds.CLAIMS)
            if (topic is None or c.topic == topic) and (basis is None or c.basis == basis)
            and (measure is None or c.measure == measure) and (not preferred or c.preferred)]


def secretaries_general(ds: Dataset) -> list[model.Official]:
    return [o for o in ds.records("officials") if o.office == "secretary-general"]


def officials(ds: Dataset, office: str | None = None) -> list[model.Official]:
    return [o for o in ds.records("officials") if office is None or o.office == office]


def documents(ds: Dataset, kind: str | None = None, since: str | None = None,
              until: str | None = None) -> list[model.Document]:
    """Documents in the order they were signed, of one kind, signed within [since, until]
    (a partial `until` covers its whole period)."""
    return [d for d in listed(ds, kinds.DOCUMENTS)
            if (kind is None or d.kind == kind) and overlaps(d.signed, d.signed, since, until)]


def current_chair(ds: Dataset) -> model.Chair | None:
    return next((c for c in reversed(ds.records("chairs")) if c.end is None), None)
