"""Full-text search over every record: ranked hits with the field that matched and a snippet.

Matching is case- and accent-insensitive and needs every word of the query in one field. A hit
scores higher when the field is a name or title, when words match whole rather than inside
other words, when the query appears as a phrase, and most when it is the whole field. Each
record gives its best field only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from sco_cli import model
from sco_cli.dataset import Dataset
from sco_cli.errors import ScoError
from sco_cli.query import chair_id, find_country, meeting_name, secretary_id

SNIPPET_WIDTH = 90
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_QUERY_LENGTH = 200

# How much a match in each kind of field counts.
WEIGHTS = {"name": 3.0, "title": 3.0, "city": 3.0, "text": 2.0, "items": 2.0, "outcomes": 2.0,
           "indicator": 2.0, "slogan": 2.0, "aliases": 3.0, "formal_name": 2.5, "capital": 2.0,
           "publisher": 1.5, "role": 1.5, "chair": 2.0, "seat": 2.0, "introduced_at": 1.5}
DEFAULT_WEIGHT = 1.0
# A source's title names a page about a fact, not the fact: it ranks below the records.
KIND_WEIGHTS = {"source": 0.5}
KIND_ORDER = ("country", "summit", "principle", "institution", "event", "chair", "secretary",
              "trade", "claim", "source")


class Hit(model.Record):
    kind: str
    id: str
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float


_ASCII_FOLD = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}


def fold(text: str) -> str:
    """Lower case without accents, one character for one: positions map back to `text`."""
    if text.isascii():  # the common case, done in C
        return text.translate(_ASCII_FOLD)
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1].casefold()[:1] if char.strip() else " "
        out.append(base if base.isalnum() else " ")
    return "".join(out)


def search(ds: Dataset, query: str, limit: int | None = None) -> list[Hit]:
    """Hits for `query`, best first. A query that names a country (Türkiye, TUR, Turkey) also
    finds the records that call it by its other names."""
    asked = fold(query[:MAX_QUERY_LENGTH]).split()
    queries = [fold(q).split() for q in _names_for(ds, query[:MAX_QUERY_LENGTH])]
    queries = [terms for terms in queries if terms]
    if not queries:
        return []
    best: dict[tuple[str, str], Hit] = {}
    for kind, ident, field, text in documents(ds):
        for terms in queries:
            hit = _match(kind, ident, field, text, terms, " ".join(terms))
            if hit is not None and terms != asked:  # another name: a shade below the one typed
                hit = hit.replace(score=round(hit.score * 0.95, 3))
            key = (kind, ident)
            if hit is not None and (key not in best or hit.score > best[key].score):
                best[key] = hit
    hits = sorted(best.values(), key=lambda h: (-h.score, KIND_ORDER.index(h.kind), h.id))
    return hits[:limit] if limit else hits


def _names_for(ds: Dataset, query: str) -> list[str]:
    """The query, or, when it names a country of the dataset, that country's names (a code
    such as 'IN' would otherwise match inside every word)."""
    try:
        country = find_country(ds, query)
    except ScoError:
        return [query]
    return list(dict.fromkeys((country.name, country.formal_name, *country.aliases)))


def _match(
    kind: str, ident: str, field: str, text: str, terms: list[str], phrase: str
) -> Hit | None:
    if _CONTROL.search(text):  # one character for one, as displayed, so highlights land right
        text = _CONTROL.sub("\ufffd", " ".join(text.split()))
    folded = fold(text)
    padded = f" {folded} "
    score = 0.0
    spans = []
    for term in terms:
        at = folded.find(term)
        if at < 0:
            return None
        if f" {term} " in padded:
            quality, at = 1.0, padded.find(f" {term} ")
        elif f" {term}" in padded:
            quality, at = 0.7, padded.find(f" {term}")
        else:
            quality = 0.4
        spans.append((at, at + len(term)))
        score += quality
    score /= len(terms)  # how well each word matched, so longer queries do not win by length
    words = " ".join(folded.split())
    if words == phrase:  # the whole field is what was asked for
        score += 1.0
    elif len(terms) > 1 and phrase in words:
        score += 0.5
    weight = WEIGHTS.get(field.split("[")[0], DEFAULT_WEIGHT) * KIND_WEIGHTS.get(kind, 1.0)
    score = score * weight / (1 + len(folded) / 400)  # a match in a short field counts more
    snippet, shifted = _snippet(text, sorted(spans))
    return Hit(kind=kind, id=ident, field=field, snippet=snippet, spans=shifted,
               score=round(score, 3))


def _snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    if len(text) <= SNIPPET_WIDTH:
        return text, tuple(spans)
    first = spans[0][0]
    start = max(0, min(first - SNIPPET_WIDTH // 3, len(text) - SNIPPET_WIDTH))
    end = start + SNIPPET_WIDTH
    prefix = "..." if start > 0 else ""
    suffix = "..." if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return prefix + text[start:end] + suffix, kept


def documents(ds: Dataset) -> Iterator[tuple[str, str, str, str]]:
    """(kind, id, field, text) for every searchable text of every record."""
    for summit in ds.summits:
        yield from _fields("summit", summit.id, summit, ("city", "chair", "outcomes", "note"))
        host = ds.countries.get(summit.host)
        place = summit.city or (host.name if host else "")
        # One line that names the meeting the way people ask for it: "Astana 2024", "25th".
        yield ("summit", summit.id, "title",
               f"{meeting_name(summit.council, summit.number)}, {place} {summit.start_date}")
        if host:
            yield "summit", summit.id, "host", host.name
    for country in ds.countries.values():
        yield from _fields("country", country.code, country,
                           ("name", "formal_name", "aliases", "capital", "note"))
        for index, period in enumerate(country.history):
            yield from _fields("country", country.code, period, ("note",), f"history[{index}].")
    for principle in ds.principles:
        yield from _fields("principle", principle.id, principle,
                           ("name", "items", "introduced_at", "note"))
    for figure in ds.trade:
        yield from _fields("trade", figure.id, figure, ("indicator", "note"))
    for claim in ds.claims:
        yield from _fields("claim", claim.id, claim, ("text", "note"))
    for chair in ds.chairs:
        yield from _fields("chair", chair_id(chair), chair,
                           ("slogan", "themed_year", "note"))
    for secretary in ds.secretaries:
        yield from _fields("secretary", secretary_id(secretary), secretary,
                           ("name", "title", "note"))
    for body in ds.bodies:
        yield from _fields("institution", body.id, body, ("name", "seat", "role", "note"))
    for event in ds.events:
        yield from _fields("event", event.id, event, ("title", "note"))
    for source in ds.sources.values():
        yield from _fields("source", source.id, source, ("title", "publisher"))


def _fields(kind: str, ident: str, record: Any, names: tuple[str, ...], prefix: str = ""
            ) -> Iterator[tuple[str, str, str, str]]:
    for name in names:
        value = getattr(record, name)
        if isinstance(value, str):
            yield kind, ident, prefix + name, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                yield kind, ident, f"{prefix}{name}[{index}]", item
