"""Commands that cut across the records: a country's profile, search, the timeline."""

from typing import Annotated, Optional

from sco_cli import answers, kinds, query
from sco_cli.cli.base import (
    NO_OPTIONS,
    Options,
    SinceOpt,
    UntilOpt,
    dataset,
    emit,
    out,
    parse_date,
    parse_filter,
)
from sco_cli.cli.complete import complete_country
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.dates import date_key, period_end
from sco_cli.errors import UsageError
from sco_cli.output import Format

TIMELINE_KINDS = kinds.TIMELINE_KINDS
SEARCH_TABLE_LIMIT = 20  # hits a table shows on a terminal unless --limit says otherwise


@command(rich_help_panel="Explore", listing=False)
def country(
    ctx: Context,
    names: Annotated[
        list[str],
        Argument(metavar="NAME...", autocompletion=complete_country,
                 help="A name, alias or ISO code: Türkiye, Turkey, TR, TUR, Lao PDR..."),
    ],
    as_of: Annotated[
        Optional[str],
        Option("--as-of", metavar="DATE", help="The country as it stood on DATE."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """One country in full: status history, summits hosted, chairmanships, figures, sources.

    Names, aliases and ISO codes all work; case and accents do not matter.

    Examples:

      $ sco country India

      $ sco country "Kyrgyz Republic" --as-of 2010

      $ sco country UAE --json | jq .history

      $ sco country India Pakistan --fields name,since
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.PROFILE, opts)
    on = parse_date(as_of, "--as-of") if as_of is not None else None
    found = [query.find_country(ds, name) for name in names]
    profiles = [answers.profile(ds, country, on) for country in found]
    if len(profiles) > 1:
        emit(printer.several(ds, kinds.PROFILE, profiles))
        return
    title = None
    if on and date_key(on) > period_end(ds.info.as_of):
        title = (f"{found[0].name} ({found[0].code}) as of {ds.info.as_of}, the last date the "
                 f"data covers (not {on})")
    emit(printer.one(ds, kinds.PROFILE, profiles[0], title))


@command(rich_help_panel="Explore", listing=True)
def search(
    ctx: Context,
    text: Annotated[str, Argument(metavar="TEXT", help="Words to look for.")],
    opts: Options = NO_OPTIONS,
) -> None:
    """Search every record: names, cities, outcomes, principles, trade notes, sources.

    Every word must appear in one field; case and accents do not matter.

    Names and titles rank first, whole words before parts of words. A table on a terminal
    shows the best 20 and says how many more matched (--limit to change it).

    Examples:

      $ sco search tianjin

      $ sco search "development bank" --json | jq '.[0]'
    """
    from sco_cli.search import search as run_search

    ds = dataset(ctx)
    printer = out(ctx, kinds.SEARCH, opts)
    if not text.strip():
        raise UsageError("TEXT: give at least one word to look for")
    parse_filter(text, "TEXT")
    if opts.limit is None and printer.format is Format.table and printer.terminal:
        printer.controls.limit = SEARCH_TABLE_LIMIT
    emit(printer.hits(ds, run_search(ds, text), f"Search: {text}"))


@command(rich_help_panel="Explore", listing=True)
def timeline(
    ctx: Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country_: Annotated[
        Optional[str],
        Option("--country", metavar="COUNTRY", autocompletion=complete_country,
               help="Only events involving COUNTRY."),
    ] = None,
    kind: Annotated[
        Optional[list[str]],
        Option("--kind", "-k", metavar=f"<{'|'.join(TIMELINE_KINDS)}>",
               help="Only these kinds (repeatable)."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Every dated event in order: events, summits, status changes, chairs, Secretaries-General.

    Dates only partly known (2001-06) stand for their first day; --until 2001 covers 2001.

    Examples:

      $ sco timeline --since 2024

      $ sco timeline --country Belarus

      $ sco timeline --kind event --until 2005
    """
    from sco_cli.timeline import timeline as build

    ds = dataset(ctx)
    printer = out(ctx, kinds.TIMELINE, opts)
    low = parse_date(since, "--since") if since is not None else None
    high = parse_date(until, "--until") if until is not None else None
    if low and high and date_key(low) > date_key(high):
        raise UsageError(f"--since {low} is after --until {high}")
    code = query.find_country(ds, country_).code if country_ is not None else None
    wanted = tuple(_timeline_kind(k) for k in kind) if kind else TIMELINE_KINDS
    emit(printer.records(ds, kinds.TIMELINE, build(ds, low, high, code, wanted), "Timeline"))


def _timeline_kind(value: str) -> str:
    """A --kind value, in any case, or a usage error listing the kinds."""
    wanted = value.strip().lower()
    if wanted not in TIMELINE_KINDS:
        choices = ", ".join(repr(k) for k in TIMELINE_KINDS)
        raise UsageError(f"--kind: {value!r} is not one of {choices}")
    return wanted
