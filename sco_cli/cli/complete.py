"""Completion: offered by the installed command after `sco --install-completion`.

Candidates are matched by sco's own folding of names (case, accents and punctuation do not
matter), kept although Typer would drop those that do not start as typed, and offered as one
word each (a name with spaces with hyphens, which sco reads as spaces).
"""

from collections.abc import Callable, Iterable
from typing import Any

from sco_cli import contract, kinds
from sco_cli.cli.declare import Context
from sco_cli.errors import ScoError
from sco_cli.render.text import clean


def _dataset(ctx: Context) -> Any:
    from sco_cli.cli.base import dataset  # the dataset the command line names

    return dataset(ctx)



class Candidate(str):
    """A completion candidate that Typer keeps even when it does not start with what was typed
    (case and accents aside): Typer drops every candidate that fails `startswith(incomplete)`,
    case-sensitively, and offers no way to turn that off, so sco's own matching (which
    forgives case, accents and punctuation) would otherwise be undone."""

    def startswith(self, *_: Any) -> bool:
        return True


def _candidates(values: Iterable[str]) -> list[str]:
    """Completion candidates on one line each, shown safely (a newline in a name would make
    two candidates of it, an escape sequence would reach the terminal), and as one word: a
    name with spaces is offered with hyphens, which sco reads as spaces (Sri-Lanka)."""
    return [Candidate(v) for v in dict.fromkeys(clean(value).replace(" ", "-")
                                                for value in values)]


def _matching(names: Iterable[str], incomplete: str) -> list[str]:
    """The names whose folded form, or one of its words, starts as `incomplete` does."""
    from sco_cli.names import normalise

    prefix = normalise(incomplete)
    return _candidates(n for n in names
                       if any(w.startswith(prefix) for w in (normalise(n), *normalise(n).split())))


def complete_country(ctx: Context, incomplete: str) -> list[str]:
    try:  # a broken dataset offers nothing rather than an error in the middle of a line
        ds = _dataset(ctx)
        names = [n for c in ds.records("countries") for n in (c.name, c.code, *c.aliases)]
    except ScoError:
        return []
    return _matching(names, incomplete)


def complete_summit(ctx: Context, incomplete: str) -> list[str]:
    """Years of the council the command line names (heads of state unless --council says
    otherwise), and meeting ids."""
    try:
        summits = _dataset(ctx).records("summits")
    except ScoError:
        return []
    council = ctx.params.get("council") or "heads-of-state"
    chosen = [s for s in summits if council == "all" or s.council == council]
    years = sorted({s.start_date[:4] for s in chosen})
    return _candidates(v for v in [*years, *(s.id for s in chosen)]
                       if v.startswith(incomplete.strip().casefold()))


def complete_person(ctx: Context, incomplete: str) -> list[str]:
    try:
        from sco_cli import people

        names = [p.name for p in people.everyone(_dataset(ctx)).values()]
    except ScoError:
        return []
    return _matching(names, incomplete)


def complete_document(ctx: Context, incomplete: str) -> list[str]:
    try:
        ids = [d.id for d in _dataset(ctx).records("documents")]
    except ScoError:
        return []
    return _candidates(i for i in ids if i.startswith(incomplete.strip().casefold()))


def complete_id(kind_name: str) -> Callable[[Context, str], list[str]]:
    """Completion of the ids of one kind's records."""
    def complete(ctx: Context, incomplete: str) -> list[str]:
        try:
            from sco_cli.kinds import BY_NAME, record_id

            kind = BY_NAME[kind_name]
            ids = [record_id(kind, r) for r in _dataset(ctx).records(kind_name)]
        except ScoError:
            return []
        wanted = incomplete.strip().casefold()
        return _candidates(i for i in ids if i.casefold().startswith(wanted))

    return complete


def complete_fields(ctx: Context, incomplete: str) -> list[str]:
    """--fields A,B,...: the fields of the command's JSON, after those already typed."""
    kind = kinds.VIEWS.get(ctx.info_name or "")
    if kind is None:
        return []
    done, _, last = incomplete.rpartition(",")
    head = done + "," if done else ""
    return _candidates(head + f for f in contract.fields(kind)
                       if f.startswith(last) and f not in done.split(","))


