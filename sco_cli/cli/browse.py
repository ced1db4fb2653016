"""Commands that list one kind of record and show one in full."""

from typing import Annotated, Literal, Optional

from sco_cli import answers, kinds, model, query
from sco_cli.cli.base import (
    NO_OPTIONS,
    Options,
    SinceOpt,
    UntilOpt,
    dataset,
    emit,
    one_or_all,
    out,
    parse_date,
    parse_year,
)
from sco_cli.cli.complete import complete_country, complete_id, complete_person, complete_summit
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.dates import date_key, period_end
from sco_cli.errors import UsageError

# The councils, or all of them at once.
CouncilChoice = Literal[model.Council, "all"]


@command(rich_help_panel="Overview", listing=False)
def about(
    ctx: Context,
    opts: Options = NO_OPTIONS,
) -> None:
    """Overview: founding, seats, languages, the family by status, latest summit, chair.

    Also what 'sco' alone prints.

    Examples:

      $ sco about

      $ sco about --json | jq .counts
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.ABOUT, opts)
    emit(printer.about(ds, answers.overview(ds)))


@command(rich_help_panel="Records", listing=True)
def summits(
    ctx: Context,
    key: Annotated[
        Optional[str],
        Argument(metavar="[YEAR|NUMBER|ID]", autocompletion=complete_summit,
                 help="Show one meeting in full: 2025, 25th or chs-2025."),
    ] = None,
    council: Annotated[
        Optional[CouncilChoice],
        Option("--council", "-c", case_sensitive=False,
               help="Which council, or all  [default: heads-of-state]"),
    ] = None,
    year: Annotated[
        Optional[str], Option("--year", "-y", metavar="YEAR", help="Meetings in YEAR.")
    ] = None,
    host: Annotated[
        Optional[str],
        Option("--host", metavar="COUNTRY", autocompletion=complete_country,
               help="Meetings hosted by COUNTRY (a name, alias or code)."),
    ] = None,
    participant: Annotated[
        Optional[str],
        Option("--participant", "-p", metavar="NAME|COUNTRY",
               autocompletion=complete_person,
               help="Meetings where this person (any spelling) or country took part."),
    ] = None,
    city: Annotated[
        Optional[str], Option("--city", metavar="CITY", help="Meetings held in CITY.")
    ] = None,
    mode: Annotated[
        Optional[model.Format],
        Option("--mode", case_sensitive=False,
               help="How it met: in_person, virtual or hybrid."),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Meetings of the SCO councils: heads of state (the summits) and the others.

    One row per meeting, oldest first; --council picks the council (default: heads of state;
    all for every council).

    Examples:

      $ sco summits --host Russia

      $ sco summits 2025

      $ sco summits --participant Modi

      $ sco summits --council all --mode virtual

      $ sco summits --council government --json | jq -r '.[].city'
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.SUMMITS, opts)
    filters = (year, host, participant, city, mode, since, until)
    if key is not None:
        if any(f is not None for f in filters):
            raise UsageError("give one meeting (YEAR|NUMBER|ID) or filters, not both")
        emit(printer.one(ds, kinds.SUMMITS, query.find_summit(ds, key, council)))
        return
    for value, option in ((participant, "--participant"), (city, "--city")):
        if value is not None and not value.strip():
            raise UsageError(f"{option}: give a name")
    wanted = query.MeetingFilter(
        council=council or "heads-of-state", year=parse_year(year) if year else None,
        host=host, participant=participant, city=city, mode=mode,
        since=parse_date(since, "--since") if since else None,
        until=parse_date(until, "--until") if until else None)
    found = query.summits(ds, wanted)
    heading = "SCO meetings: " + ("every council" if wanted.council == "all"
                                   else wanted.council.replace("-", " "))
    emit(printer.records(ds, kinds.SUMMITS, found, heading))


@command(rich_help_panel="Records", listing=True)
def members(
    ctx: Context,
    status: Annotated[
        Optional[model.Status],
        Option("--status", "-s", case_sensitive=False, help="Only this status."),
    ] = None,
    as_of: Annotated[
        Optional[str],
        Option("--as-of", metavar="DATE",
               help="Status on DATE instead of the latest known (YYYY-MM-DD; YYYY-MM "
                    "or YYYY stand for their first day)."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """The SCO family: member states and partners, each with its status history.

    Each country's latest known status, or its status on the date you give.

    Examples:

      $ sco members --status member

      $ sco members --as-of 2017-07-01

      $ sco members --json | jq -r '.[] | select(.status == "partner") | .name'
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.MEMBERS, opts)
    on = parse_date(as_of, "--as-of") if as_of is not None else None
    found = query.members(ds, status, on)
    title = f"The SCO family as of {on}" if on else "The SCO family"
    last_known = ds.info.as_of
    if on and date_key(on) > period_end(last_known):
        title = f"The SCO family as of {last_known}, the last date the data covers (not {on})"
    shown = printer.records(ds, kinds.MEMBERS, found, title)
    if not found and status is not None and on is None:
        ended = query.status_ended(ds, status)
        if ended:
            shown.notes.append(f"No country is {status.replace('_', ' ')} any more: the status "
                               f"ended on {ended}. Try --as-of with an earlier date.")
    emit(shown)


@command(rich_help_panel="Records", listing=True)
def trade(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("trade"),
                 help="Show one figure."),
    ] = None,
    scope: Annotated[
        Optional[model.Scope],
        Option("--scope", case_sensitive=False, help="Only figures with this scope."),
    ] = None,
    year: Annotated[
        Optional[str], Option("--year", "-y", metavar="YEAR", help="Figures for YEAR.")
    ] = None,
    unit: Annotated[
        Optional[str],
        Option("--unit", "-u", metavar="UNIT",
               help="Only figures in this unit: 'USD billion', 'CNY trillion'..."),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Trade figures, each with its period, unit, scope and sources.

    Scope says which countries a figure covers (see --scope).

    Examples:

      $ sco trade --year 2024

      $ sco trade --scope china_and_other_members --unit "USD billion" --since 2015

      $ sco trade --scope china_and_sco_family --json
    """
    wanted = parse_year(year) if year is not None else None
    low = parse_date(since, "--since") if since is not None else None
    high = parse_date(until, "--until") if until is not None else None
    if low and high and date_key(low) > date_key(high):
        raise UsageError(f"--since {low} is after --until {high}")
    one_or_all(
        ctx, kinds.TRADE,
        opts, key,
        lambda ds: query.trade(ds, scope, wanted, unit, low, high),
        lambda ds, k: query.find(ds, kinds.TRADE, k, "trade figure"), "Trade figures",
        filtered=any(x is not None for x in (scope, year, unit, since, until)),
    )


@command(rich_help_panel="Records", listing=True)
def principles(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID|NAME]...", autocompletion=complete_id("principles"),
                 help="Show one principle in full."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Guiding principles: the Shanghai Spirit, the three evils, the five common homes and more.

    Show one for its items, where it was introduced, other wordings and sources.

    Examples:

      $ sco principles

      $ sco principles shanghai-spirit
    """
    one_or_all(
        ctx, kinds.PRINCIPLES,
        opts, key,
        lambda ds: query.listed(ds, kinds.PRINCIPLES), query.find_principle, "Guiding principles",
    )
