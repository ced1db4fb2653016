"""Full-text search over every record: ranked hits with the field that matched and a snippet.

Matching is case- and accent-insensitive and needs every word of the query in one field. A hit
scores higher when the field is a name or title, when words match whole rather than inside
other words, when the query appears as a phrase, and most when it is the whole field. Each
record gives its best field only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sco_cli import kinds
from sco_cli.characters import UNSAFE
from sco_cli.dataset import Dataset
from sco_cli.errors import ScoError
from sco_cli.names import fold
from sco_cli.query import find_country
from sco_cli.shapes import Hit

SNIPPET_WIDTH = 90
MAX_QUERY_LENGTH = 200
KIND_ORDER = tuple(kind.singular for kind in kinds.RECORDS)


def search(ds: Dataset, query: str, limit: int | None = None) -> list[Hit]:
    """Hits for `query`, best first. A query that names a country (Türkiye, TUR, Turkey) also
    finds the records that call it by its other names."""
    asked = fold(query[:MAX_QUERY_LENGTH]).split()
    queries = [fold(q).split() for q in _names_for(ds, query[:MAX_QUERY_LENGTH])]
    queries = [terms for terms in queries if terms]
    if not queries:
        return []
    best: dict[tuple[str, str], Hit] = {}
    for kind, ident, field, text, weight in documents(ds):
        for terms in queries:
            hit = _match(kind, ident, field, text, terms, " ".join(terms), weight)
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
    kind: str, ident: str, field: str, text: str, terms: list[str], phrase: str, weight: float
) -> Hit | None:
    if "\t" in text or "\n" in text or UNSAFE.search(text):
        # One character for one, as displayed (clean() would write U+202E as six), so
        # highlights land right; U+FFFD shows that something was there.
        text = " ".join(UNSAFE.sub("\ufffd", text).split())
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


Document = tuple[str, str, str, str, float]  # kind, id, field, text, weight


def documents(ds: Dataset) -> Iterator[Document]:
    """(kind, id, field, text, weight) for every searchable text of every record: the fields
    and weights each kind declares in the registry."""
    for kind in kinds.RECORDS:
        for record in ds.records(kind.name):
            ident = kinds.record_id(kind, record)
            for path, weight in kind.search:
                yield from _texts(kind, ident, record, path, weight * kind.search_weight)
            for field, text, weight in kind.search_extra(ds, record) if kind.search_extra else ():
                yield kind.singular, ident, field, text, weight * kind.search_weight


def _texts(kind: kinds.Kind, ident: str, record: Any, path: str, weight: float
           ) -> Iterator[Document]:
    """The texts at `path` in a record: a field ('city', 'outcomes'), or a field of each item
    of a list ('history.note')."""
    name, _, rest = path.partition(".")
    value = getattr(record, name)
    if rest:
        for index, item in enumerate(value):
            for _, _, field, text, _ in _texts(kind, ident, item, rest, weight):
                yield kind.singular, ident, f"{name}[{index}].{field}", text, weight
    elif isinstance(value, str):
        yield kind.singular, ident, name, value, weight
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield kind.singular, ident, f"{name}[{index}]", item, weight
