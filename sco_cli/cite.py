"""The sources behind records, as references a bibliography manager reads: BibTeX (biblatex
`@online`), CSL-JSON (what pandoc, Zotero and citeproc read) and RIS.

A record is named by its id, whatever its kind: a meeting (`chs-2024`), a country code, a
document, a source, a person (`sco people ID`). Its sources are those of the record itself, then
those of its variants, participants and history, in order of first appearance, each once.

A source whose date is not its publication date (`date_basis` "event" or "read") is not given
one: the reference says when the page was accessed instead. The access date of every reference
is the dataset's as-of date, when its sources were last checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sco_cli import contract, kinds, model
from sco_cli.dataset import Dataset
from sco_cli.errors import NotFoundError
from sco_cli.names import closest
from sco_cli.render.text import clean
from sco_cli.wording import shorten

FORMATS = ("bibtex", "csl-json", "ris")
NEWS = ("press", "agency")  # kinds of source whose pages are news articles


def citations(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(where, source id) for every source a JSON row cites: its own `sources` first, then
    those nested in it (`variants.sources`, `participants.sources`...), in field order."""
    if isinstance(value, list):
        for item in value:
            yield from citations(item, path)
    elif isinstance(value, dict):
        own = value.get("sources")
        if isinstance(own, list):
            yield from ((f"{path}sources", str(s)) for s in own)
        for key, item in value.items():
            if key != "sources":
                yield from citations(item, f"{path}{key}.")


def records_named(ds: Dataset, ident: str) -> list[tuple[kinds.Kind, contract.Row]]:
    """(kind, JSON row) of every record whose id is `ident` (case does not matter): a record
    of any kind, or a person as `sco people` shows them."""
    from sco_cli import people

    found = []
    indexes = [(kind, ds.index(kind.name)) for kind in kinds.RECORDS]
    for kind, index in [*indexes, (kinds.PEOPLE_VIEW, people.everyone(ds))]:
        record = index.get(ident) or _casefolded(index).get(ident.casefold())
        if record is not None:
            found.append((kind, contract.row(kind, ds, record)))
    return found


def _casefolded(index: dict[str, Any]) -> dict[str, Any]:
    return {key.casefold(): value for key, value in index.items()}


def sources_of(ds: Dataset, idents: Iterable[str]) -> list[model.Source]:
    """The sources behind the records named, each once, in order of first appearance;
    NotFoundError, with the closest ids, for an id that names nothing."""
    wanted: dict[str, None] = {}
    for ident in idents:
        rows = records_named(ds, ident.strip())
        if not rows:
            raise NotFoundError("record", shorten(ident), closest(ident.strip(), _every_id(ds)))
        for kind, row in rows:
            if kind is kinds.SOURCES:  # a source stands behind itself
                wanted.setdefault(str(row["id"]), None)
            for _, source in citations(row):
                wanted.setdefault(source, None)
    return [ds.get("sources", source) for source in wanted]


def _every_id(ds: Dataset) -> list[str]:
    from sco_cli import people

    ids = [key for kind in kinds.RECORDS for key in ds.index(kind.name)]
    return list(dict.fromkeys(ids + list(people.everyone(ds))))


# -- the formats ------------------------------------------------------------------------------


def render(sources: list[model.Source], format_: str, accessed: str) -> str:
    """The references in one of FORMATS; `accessed` is the date every page was accessed."""
    if format_ == "csl-json":
        from sco_cli.render.text import to_json

        return to_json([csl(s, accessed) for s in sources], pretty=True)
    if format_ == "ris":
        return "\n".join(ris(s, accessed) for s in sources)
    return "\n".join(bibtex(s, accessed) for s in sources)


def published(source: model.Source) -> str | None:
    """The source's publication date, if its date is one."""
    return source.date if source.date_basis == "published" else None


def undated_note(source: model.Source) -> str | None:
    """What the reference says instead of a date the page does not show."""
    if source.date_basis == "event":
        return f"Date of the event reported: {source.date}."
    if source.date_basis == "read":
        return f"Year read: {source.date}."
    return None


def _note(source: model.Source) -> str | None:
    parts = [part for part in (source.note, undated_note(source)) if part]
    return " ".join(p if p.endswith(".") else p + "." for p in parts) if parts else None


def csl(source: model.Source, accessed: str) -> dict[str, Any]:
    """One source as a CSL-JSON item (the CSL 1.0.2 data model)."""
    news = source.kind in NEWS
    item: dict[str, Any] = {"id": source.id, "type": "article-newspaper" if news else "webpage",
                            "title": source.title}
    if source.kind == "official":  # a government or an SCO body is the author of its page
        item["author"] = [{"literal": source.publisher}]
    item["container-title" if news else "publisher"] = source.publisher
    date = published(source)
    if date is not None:
        item["issued"] = {"date-parts": [_parts(date)]}
    item["accessed"] = {"date-parts": [_parts(accessed)]}
    item["URL"] = source.url
    note = _note(source)
    if note:
        item["note"] = note
    return item


def _parts(date: str) -> list[int]:
    """'2025-07' -> [2025, 7]: no more precise than the date is."""
    return [int(part) for part in date.split("-")]


def ris(source: model.Source, accessed: str) -> str:
    """One source as a RIS record."""
    news = source.kind in NEWS
    lines = [("TY", "NEWS" if news else "ELEC"), ("ID", source.id), ("TI", source.title)]
    if source.kind == "official":
        lines.append(("AU", source.publisher))
    if news:
        lines.append(("T2", source.publisher))
    lines.append(("PB", source.publisher))
    lines.append(("UR", source.url))
    date = published(source)
    if date is not None:
        lines += [("PY", date[:4]), ("DA", _ris_date(date))]
    lines.append(("Y2", _ris_date(accessed)))
    note = _note(source)
    if note:
        lines.append(("N1", note))
    return "".join(f"{tag}  - {clean(value)}\n" for tag, value in lines) + "ER  - \n"


def _ris_date(date: str) -> str:
    """'2025-07' -> '2025/07//': RIS's YYYY/MM/DD/ with the unknown parts empty."""
    parts = date.split("-") + ["", ""]
    return f"{parts[0]}/{parts[1]}/{parts[2]}/"


def bibtex(source: model.Source, accessed: str) -> str:
    """One source as a biblatex `@online` entry."""
    fields = [("title", latex(source.title))]
    # A government or SCO body is the author of its page; a news outlet only publishes it.
    if source.kind == "official":
        fields.append(("author", "{" + latex(source.publisher) + "}"))
    else:
        fields.append(("organization", latex(source.publisher)))
    fields.append(("url", _bib_url(source.url)))
    date = published(source)
    if date is not None:
        fields.append(("year", date) if len(date) == 4 else ("date", date))
    fields.append(("urldate", accessed))
    note = _note(source)
    if note:
        fields.append(("note", latex(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{bib_key(source.id)},\n{body}\n}}\n"


_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
          "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
          "^": r"\textasciicircum{}"}


def latex(text: str) -> str:
    """Text safe in a BibTeX field: LaTeX's special characters escaped, on one line."""
    return "".join(_LATEX.get(char, char) for char in clean(text))


def _bib_url(url: str) -> str:
    """A URL as biblatex reads it (verbatim): only braces and backslashes, which would
    break the entry, are percent-encoded."""
    return clean(url).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bib_key(ident: str) -> str:
    """A citation key: the source's id, with any character BibTeX cannot take in a key
    replaced by '-'."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_:./") else "-" for c in ident)
