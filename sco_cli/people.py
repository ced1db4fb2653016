"""The people the data names: heads of delegation, Secretaries-General, RATS directors.

A person is known by every spelling the data uses for them: `people.toml` lists the spellings
of one person (Rahmon, Rakhmonov, Rakhmon). A name that communiqués give with initials or as a
surname alone ('D. Medvedev', 'Bakiyev') stands for the one person of the same country whom the
data names in full with that surname and a first name those initials begin; where there is no
such person, or more than one, it stays a person of its own. Any other name is its own person.
Their meetings come from the participants of every meeting, their offices from the officials
and the titles they held at meetings.
"""

from __future__ import annotations

from functools import cache

from sco_cli import model, shapes
from sco_cli.dataset import Dataset
from sco_cli.dates import date_key
from sco_cli.derive import OFFICES
from sco_cli.errors import NotFoundError
from sco_cli.names import closest, normalise, slug
from sco_cli.wording import shorten


@cache
def _spelling_index(ds: Dataset) -> dict[str, model.Person]:
    """Each folded spelling -> the people.toml entry that lists it."""
    index: dict[str, model.Person] = {}
    for person in ds.records("people"):
        for name in (person.name, *person.aliases):
            index.setdefault(normalise(name), person)
    return index


def canonical(ds: Dataset, name: str, country: str | None = None) -> tuple[str, str]:
    """(id, preferred name) of the person a spelling stands for."""
    entry = _spelling_index(ds).get(normalise(name))
    preferred = entry.name if entry else _in_full(ds, name, country) or name
    return slug(preferred), preferred


def _initial(token: str) -> bool:
    return token.endswith(".") or len(token) == 1


def _in_full(ds: Dataset, name: str, country: str | None) -> str | None:
    """The full name an abbreviated one ('D.A. Medvedev', 'Bakiyev') stands for, if exactly one
    person of the same country fits."""
    tokens = name.replace(".", ". ").split()
    if country is None or not tokens or not (len(tokens) == 1 or _initial(tokens[0])):
        return None
    surname = normalise(tokens[-1])
    first = normalise(tokens[0]) if len(tokens) > 1 else ""
    fits = {full for full in _full_names(ds).get((surname, country), ())
            if normalise(full.split()[0]).startswith(first)}
    return fits.pop() if len(fits) == 1 else None


@cache
def _full_names(ds: Dataset) -> dict[tuple[str, str], set[str]]:
    """(folded surname, country) -> the names given in full (a first name and a surname)."""
    index: dict[tuple[str, str], set[str]] = {}
    named = [(p.name, p.country) for s in ds.records("summits") for p in s.participants]
    named += [(o.name, o.country) for o in ds.records("officials")]
    named += [(p.name, p.country) for p in ds.records("people")]
    for name, country in named:
        tokens = (name or "").split()
        if country and len(tokens) > 1 and not _initial(tokens[0]):
            key = (normalise(tokens[-1]), country)
            index.setdefault(key, set()).add(_spelled(ds, name or ""))
    return index


def _spelled(ds: Dataset, name: str) -> str:
    entry = _spelling_index(ds).get(normalise(name))
    return entry.name if entry else name


class _Found:
    """What is gathered about one person while the records are read."""

    def __init__(self, name: str, country: str | None) -> None:
        self.name = name
        self.country = country
        self.roles: list[str] = []
        self.meetings: list[shapes.PersonMeeting] = []
        self.sources: list[str] = []

    def add(self, role: str | None, sources: tuple[str, ...]) -> None:
        if role is not None and role not in self.roles:
            self.roles.append(role)
        self.sources += [s for s in sources if s not in self.sources]


@cache
def everyone(ds: Dataset) -> dict[str, shapes.PersonView]:
    """Every person by id, ordered by name."""
    found: dict[str, _Found] = {}

    def person(name: str, country: str | None) -> _Found:
        ident, preferred = canonical(ds, name, country)
        entry = found.setdefault(ident, _Found(preferred, country))
        entry.country = entry.country or country
        return entry

    meetings = sorted(ds.records("summits"), key=lambda s: (date_key(s.start_date), s.id))
    for summit in meetings:
        for p in summit.participants:
            if p.name is not None:
                entry = person(p.name, p.country)
                entry.meetings.append(shapes.PersonMeeting(
                    id=summit.id, council=summit.council, date=summit.start_date,
                    capacity=p.capacity, title=p.title))
                entry.add(p.title, p.sources)
    for official in ds.records("officials"):
        term = "-".join(x for x in (official.start, official.end) if x)
        office = official.title or OFFICES[official.office]
        person(official.name, official.country).add(
            f"{office} ({term})" if term else office, official.sources)
    views = (_view(ds, ident, entry) for ident, entry in found.items())
    return {view.id: view for view in sorted(views, key=lambda v: normalise(v.name))}


def _view(ds: Dataset, ident: str, found: _Found) -> shapes.PersonView:
    spelled = _spelling_index(ds).get(normalise(found.name))
    extra: list[str] = [s for s in (spelled.sources if spelled else ()) if s not in found.sources]
    return shapes.PersonView(
        id=ident, name=found.name, country=found.country,
        aliases=spelled.aliases if spelled else (), roles=tuple(found.roles),
        meetings=tuple(found.meetings), note=spelled.note if spelled else None,
        sources=tuple(found.sources + extra))


def lookup(ds: Dataset, name: str) -> shapes.PersonView | None:
    """The person a name, spelling or id stands for (case and accents do not matter)."""
    every = everyone(ds)
    ident, _ = canonical(ds, name)
    if ident in every:
        return every[ident]
    wanted = normalise(name)
    matches = [p for p in every.values() if wanted and any(
        wanted in normalise(spelling).split() for spelling in (p.name, *p.aliases))]
    return matches[0] if len(matches) == 1 else None


def find(ds: Dataset, name: str) -> shapes.PersonView:
    """The person `name` stands for, or NotFoundError with the closest names."""
    found = lookup(ds, name)
    if found is None:
        raise NotFoundError("person", shorten(name), suggest(ds, name))
    return found


def suggest(ds: Dataset, name: str) -> tuple[str, ...]:
    """Names a mistyped one may have meant, and those sharing a word with it."""
    every = everyone(ds).values()
    wanted = normalise(name)
    words: dict[str, list[str]] = {}  # each word of every spelling -> the names it is in
    for person in every:
        for spelling in (person.name, *person.aliases):
            for word in {normalise(spelling), *normalise(spelling).split()}:
                words.setdefault(word, []).append(person.name)
    sharing = words.get(wanted, [])
    alike = [n for w in closest(wanted, [w for w in words if len(w) > 3], limit=3, cutoff=0.85)
             for n in words[w]]
    return tuple(dict.fromkeys(sharing + alike))[:3]


def spellings(ds: Dataset, person: shapes.PersonView) -> set[str]:
    """Every folded spelling of a person's name."""
    return {normalise(n) for n in (person.name, *person.aliases)}
