"""Pure functions over a Dataset: filter, look up, resolve names, statuses as of a date."""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TypeVar

from sco_cli import model
from sco_cli.dataset import Dataset, check_date, closest, date_key, record_id
from sco_cli.errors import NotFoundError, UsageError

MAX_NAME_LENGTH = 100
_ORDINAL = {1: "st", 2: "nd", 3: "rd"}
STATUS_ORDER = {status: rank for rank, status in enumerate(model.STATUSES)}


def ordinal(number: int) -> str:
    """1 -> '1st', 22 -> '22nd', 13 -> '13th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL.get(number % 10, "th")
    return f"{number}{suffix}"


COUNCIL_NAMES = {
    "heads-of-state": "Council of Heads of State",
    "government": "Council of Heads of Government",
    "foreign-ministers": "Council of Foreign Ministers",
    "shanghai-five": "Shanghai Five",
}


def meeting_name(council: str, number: int | None, number_inferred: bool = False) -> str:
    """'25th meeting of the Council of Heads of State', '6th Shanghai Five summit'."""
    ordinal_ = f"{ordinal(number)}{' (inferred)' if number_inferred else ''} " if number else ""
    if council == "shanghai-five":
        return f"{ordinal_}Shanghai Five summit"
    name = f"meeting of the {COUNCIL_NAMES[council]}"
    return f"{ordinal_}{name}" if ordinal_ else name[0].upper() + name[1:]


def parse_date(value: str, option: str = "--as-of") -> str:
    """A user-given date (YYYY-MM-DD, YYYY-MM or YYYY), or a usage error saying what is wrong."""
    value = value.strip()
    if len(value) > 10:
        raise UsageError(f"{option}: {shorten(value)!r} is not a date of the form YYYY-MM-DD")
    if problem := check_date(value):
        raise UsageError(f"{option}: {problem}")
    return value


def parse_year(value: str, option: str = "--year") -> int:
    """A user-given year from 1 to 9999, or a usage error."""
    text = value.strip()
    if not (text.isdigit() and len(text) <= 4 and int(text) >= 1):
        raise UsageError(f"{option}: {shorten(value)!r} is not a year from 1 to 9999")
    return int(text)


def shorten(text: str, width: int = 40) -> str:
    """`text` cut to `width` characters, for messages that quote what the user typed."""
    return text if len(text) <= width else text[: width - 3] + "..."


# -- countries ------------------------------------------------------------------------------


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name: 'Türkiye' -> 'turkiye'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    words = kept.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _country_index(ds: Dataset) -> dict[str, str]:
    index: dict[str, str] = {}
    for country in ds.countries.values():
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
        return ds.countries[code]
    error = NotFoundError("country", shown, suggest_countries(ds, key))
    if not error.suggestions:
        error.hint = f"'sco members' lists the {len(ds.countries)} countries of the SCO family"
    raise error


def suggest_countries(ds: Dataset, key: str, limit: int = 3) -> tuple[str, ...]:
    """Names a mistyped `key` may have meant: those it begins, codes one letter off, and names
    spelt nearly alike. A country outside the SCO family ('usa', 'United States') gets none
    rather than a misleading one."""
    import difflib

    index = _country_index(ds)
    names: list[str] = []

    def add(code: str) -> None:
        if ds.countries[code].name not in names:
            names.append(ds.countries[code].name)

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


class Membership(model.Record):
    """A country with the status it has (now, or on the date asked for), and its history as
    it stood then."""

    country: model.Country
    period: model.StatusPeriod
    history: tuple[model.StatusPeriod, ...]


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
) -> list[Membership]:
    """The SCO family, members first, then by the date each status began."""
    found = []
    for country in ds.countries.values():
        period = status_on(country, as_of) if as_of else current_status(country)
        if period is None or (status is not None and period.status != status):
            continue
        found.append(Membership(country=country, period=period,
                                history=history_as_of(country, as_of)))
    found.sort(
        key=lambda m: (STATUS_ORDER[m.period.status], date_key(m.period.start), m.country.name)
    )
    return found


def status_ended(ds: Dataset, status: str) -> str | None:
    """The date the last country left `status`, if none holds it now."""
    periods = [p for c in ds.countries.values() for p in c.history if p.status == status]
    if not periods or any(p.end is None for p in periods):
        return None
    return max((p.end for p in periods if p.end), key=date_key)


def count_by_status(ds: Dataset, as_of: str | None = None) -> dict[str, int]:
    counts: dict[str, int] = {status: 0 for status in model.STATUSES}
    for membership in members(ds, as_of=as_of):
        counts[membership.period.status] += 1
    return counts


# -- meetings -------------------------------------------------------------------------------


def summits(
    ds: Dataset,
    council: str = "heads-of-state",
    year: int | None = None,
    host: str | None = None,
) -> list[model.Summit]:
    """The meetings of one council in date order, filtered by year and host country."""
    host_code = find_country(ds, host).code if host is not None else None
    chosen = [
        s
        for s in ds.summits
        if s.council == council
        and (year is None or s.start_date[:4] == f"{year:04d}" or s.end_date[:4] == f"{year:04d}")
        and (host_code is None or s.host == host_code)
    ]
    return sorted(chosen, key=lambda s: (date_key(s.start_date), s.id))


def find_summit(ds: Dataset, key: str, council: str = "heads-of-state") -> model.Summit:
    """One meeting by year ('2025'), ordinal ('25th') or id ('chs-2025')."""
    wanted = key.strip().casefold()
    for summit in ds.summits:
        if summit.id.casefold() == wanted:
            return summit
    pool = [s for s in ds.summits if s.council == council]
    if wanted.isdigit() and len(wanted) == 4:
        matches = [s for s in pool if s.start_date.startswith(wanted)]
    else:
        number = wanted.rstrip("stndrh.")
        matches = [s for s in pool if number.isdigit() and s.number == int(number)]
    if matches:
        return sorted(matches, key=lambda s: date_key(s.start_date))[0]
    years = sorted({s.start_date[:4] for s in pool})
    hints = _nearest_years(wanted, years) or closest(wanted, [s.id for s in ds.summits])
    raise NotFoundError(f"{council} meeting", shorten(key), hints)


def _nearest_years(wanted: str, years: Iterable[str]) -> tuple[str, ...]:
    if not (wanted.isdigit() and len(wanted) == 4):
        return ()
    ranked = sorted(years, key=lambda y: abs(int(y) - int(wanted)))
    return tuple(sorted(ranked[:2]))


def latest_summit(ds: Dataset, council: str = "heads-of-state") -> model.Summit | None:
    held = [s for s in ds.summits if s.council == council and s.status == "held"]
    return max(held, key=lambda s: date_key(s.start_date), default=None)


# -- trade, principles, sources -------------------------------------------------------------


def trade(
    ds: Dataset, scope: str | None = None, year: int | None = None
) -> list[model.TradeFigure]:
    """Trade figures in period order, filtered by scope and by a year the period touches."""
    chosen = [
        f
        for f in ds.trade
        if (scope is None or f.scope == scope) and (year is None or _period_touches(f.period, year))
    ]
    return sorted(chosen, key=lambda f: (date_key(f.period.split("/")[0]), f.scope, f.id))


def _period_touches(period: str, year: int) -> bool:
    """A figure is for YEAR when its period starts or ends in it (2001/2020 is not a 2010
    figure)."""
    parts = period.split("/")
    return year in (int(parts[0][:4]), int(parts[-1][:4]))


def find_principle(ds: Dataset, key: str) -> model.Principle:
    wanted = normalise(key)
    for principle in ds.principles:
        if wanted in (normalise(principle.id), normalise(principle.name)):
            return principle
    for principle in ds.principles:
        if wanted and wanted in normalise(principle.name):
            return principle
    raise NotFoundError("principle", shorten(key), closest(wanted, [p.id for p in ds.principles]))


def find_source(ds: Dataset, key: str) -> model.Source:
    return find_record(list(ds.sources.values()), "source", key)


R = TypeVar("R", bound=model.Record)


def find_record(
    records: Sequence[R], kind: str, key: str, ident: Callable[[R], str] | None = None
) -> R:
    """The record whose id is `key` (case does not matter); NotFoundError with the ids that
    start with it or come closest if none."""
    get: Callable[[R], str] = ident or operator.attrgetter("id")
    wanted = key.strip().casefold()
    ids = {get(r).casefold(): r for r in records}
    if wanted in ids:
        return ids[wanted]
    raise NotFoundError(kind, shorten(key), closest(wanted, [get(r) for r in records]))


def chair_id(chair: model.Chair) -> str:
    """'KGZ-2025-09-01': the country and the start of its term."""
    return record_id("chairs", chair)


def secretary_id(secretary: model.Secretary) -> str:
    """'vladimir-norov': the name as a slug."""
    return record_id("secretaries", secretary)


def chairs(ds: Dataset, country: str | None = None, year: int | None = None
           ) -> list[model.Chair]:
    """Chairmanships of a country, or those that ran during part of a year."""
    code = find_country(ds, country).code if country is not None else None
    return [
        c for c in ds.chairs
        if (code is None or c.country == code)
        and (year is None or int(c.start[:4]) <= year <= int((c.end or "9999")[:4]))
    ]


def sources(ds: Dataset, publisher: str | None = None) -> list[model.Source]:
    wanted = normalise(publisher) if publisher else None
    chosen = [s for s in ds.sources.values() if wanted is None or wanted in normalise(s.publisher)]
    return sorted(chosen, key=lambda s: (date_key(s.date), s.id))


# -- the overview ---------------------------------------------------------------------------


def body(ds: Dataset, body_id: str) -> model.Body | None:
    body: model.Body | None = ds.by_id("bodies", body_id)
    return body


def current_chair(ds: Dataset) -> model.Chair | None:
    return next((c for c in reversed(ds.chairs) if c.end is None), None)


# -- a country in full ----------------------------------------------------------------------


class Profile(model.Record):
    """Everything the dataset says about one country."""

    country: model.Country
    period: model.StatusPeriod | None
    as_of: str | None
    history: tuple[model.StatusPeriod, ...]
    hosted: tuple[model.Summit, ...]
    chairs: tuple[model.Chair, ...]
    secretaries: tuple[model.Secretary, ...]
    trade: tuple[model.TradeFigure, ...]
    claims: tuple[model.Claim, ...]


def profile(ds: Dataset, country: model.Country, as_of: str | None = None) -> Profile:
    """The country's status (now or on `as_of`), and the records that involve it; with
    `as_of`, only what had happened by then."""
    day = date_key(as_of) if as_of else "9999-12-31"
    period = status_on(country, as_of) if as_of else current_status(country)
    history = history_as_of(country, as_of)
    hosted = tuple(
        s for s in sorted(ds.summits, key=lambda s: date_key(s.start_date))
        if s.host == country.code and date_key(s.start_date) <= day
    )
    chairs = tuple(c for c in ds.chairs if c.country == country.code and date_key(c.start) <= day)
    secretaries = tuple(
        s for s in ds.secretaries if s.country == country.code and date_key(s.start) <= day
    )
    names = {normalise(n) for n in (country.name, country.formal_name, *country.aliases)}
    trade = tuple(f for f in ds.trade if _mentions(f.indicator, names)
                  and date_key(f.period.split("/")[0]) <= day)
    claims = tuple(c for c in ds.claims if c.subject == country.code and date_key(c.date) <= day)
    return Profile(country=country, period=period, as_of=as_of, history=history, hosted=hosted,
                   chairs=chairs, secretaries=secretaries, trade=trade, claims=claims)


def _mentions(text: str, names: set[str]) -> bool:
    padded = f" {normalise(text)} "
    return any(f" {name} " in padded for name in names)
