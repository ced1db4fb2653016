"""Commands for the kinds with few filters: chairs, officials, institutions, claims, events,
sources. Each lists its kind, or shows one record in full when given its id."""

from typing import Annotated, Optional

from sco_cli import kinds, model, query
from sco_cli.cli.base import (
    NO_OPTIONS,
    Options,
    dataset,
    emit,
    one_or_all,
    out,
    parse_filter,
    parse_year,
)
from sco_cli.cli.complete import complete_country, complete_id
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.errors import UsageError


@command(rich_help_panel="Records", listing=True)
def chairs(
    ctx: Context,
    country: Annotated[
        Optional[str],
        Option("--country", metavar="COUNTRY", autocompletion=complete_country,
               help="Only the chairmanships of COUNTRY."),
    ] = None,
    key: Annotated[
        Optional[str],
        Argument(autocompletion=complete_id("chairs"), metavar="[ID|YEAR]",
                 help="One chairmanship in full (KGZ-2025-09-01), or those of a YEAR."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """The rotating chairmanship by period, with slogans and themed years.

    A chair marked inferred is known only as the host of the summit that ended its term.

    Examples:

      $ sco chairs

      $ sco chairs --country China --json
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.CHAIRS, opts)
    if key is not None and not key.strip().isdigit():
        if country is not None:
            raise UsageError("give one chairmanship (its id) or --country, not both")
        emit(printer.one(ds, kinds.CHAIRS, query.find(ds, kinds.CHAIRS, key, "chairmanship")))
        return
    year = parse_year(key, "YEAR") if key is not None else None
    found = query.chairs(ds, country, year)
    emit(printer.records(ds, kinds.CHAIRS, found, "The rotating chairmanship"))


@command(rich_help_panel="Records", listing=True)
def secretaries(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("officials"),
                 help="One in full: zhang-ming."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Every Secretary-General of the SCO, with country and term.

    Show one by id for its notes, the values other sources report and its sources.

    Examples:

      $ sco secretaries

      $ sco secretaries --json | jq -r '.[-1].name'
    """
    one_or_all(
        ctx, kinds.SECRETARIES,
        opts, key,
        query.secretaries_general,
        lambda ds, k: query.find(ds, kinds.SECRETARIES, k, "Secretary-General",
                                 query.secretaries_general(ds)),
        "Secretaries-General",
    )


@command(rich_help_panel="Records", listing=True)
def institutions(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("institutions"),
                 help="One in full: secretariat, rats."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """The councils and the permanent bodies (Secretariat, RATS), with seats and roles.

    Show one by id for its role, notes and sources.

    Examples:

      $ sco institutions

      $ sco institutions --fields name,seat,established
    """
    one_or_all(
        ctx, kinds.INSTITUTIONS,
        opts, key,
        lambda ds: query.listed(ds, kinds.INSTITUTIONS),
    )


@command(rich_help_panel="Records", listing=True)
def claims(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("claims"),
                 help="One claim in full."),
    ] = None,
    topic: Annotated[
        Optional[model.Topic],
        Option("--topic", "-t", case_sensitive=False, help="Only claims on this topic."),
    ] = None,
    basis: Annotated[
        Optional[model.Basis],
        Option("--basis", case_sensitive=False,
               help="members: member states only; family: with observers and partners."),
    ] = None,
    measure: Annotated[
        Optional[model.Measure],
        Option("--measure", case_sensitive=False, help="GDP at market rates or PPP."),
    ] = None,
    preferred: Annotated[
        bool, Option("--preferred", help="Only the claim preferred for each topic, "
                                         "basis and measure.")
    ] = False,
    opts: Options = NO_OPTIONS,
) -> None:
    """Claims about the SCO's weight (population, territory, GDP...), by source and date.

    Figures depend on the year, on who is counted (basis) and, for GDP, on the measure. One
    claim per topic, basis and measure is preferred, and its note says why.

    Examples:

      $ sco claims --topic gdp --preferred

      $ sco claims --topic population --json
    """
    one_or_all(
        ctx, kinds.CLAIMS,
        opts, key,
        lambda ds: query.claims(ds, topic, basis, measure, preferred),
        filtered=topic is not None or basis is not None or measure is not None or preferred,
    )


@command(rich_help_panel="Records", listing=True)
def events(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("events"),
                 help="One event in full: charter-signed."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Founding facts and milestones: the Shanghai Five, the Charter, the Secretariat, RATS...

    Show one by id for its notes, the values other sources report and its sources.

    Examples:

      $ sco events

      $ sco events charter-signed
    """
    one_or_all(
        ctx, kinds.EVENTS,
        opts, key,
        lambda ds: query.listed(ds, kinds.EVENTS),
    )


@command(rich_help_panel="Records", listing=True)
def sources(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("sources"),
                 help="Show one source in full."),
    ] = None,
    publisher: Annotated[
        Optional[str], Option("--publisher", "-p", help="Only sources from this publisher.")
    ] = None,
    kind: Annotated[
        Optional[model.SourceKind],
        Option("--kind", "-k", case_sensitive=False,
               help="Only sources of this kind: official, agency, press, reference, "
                    "analysis or mirror."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Every source the dataset cites: title, publisher, date and address.

    A title in square brackets describes a page whose own headline is not known. Each source
    says what kind of page it is; a table marks with '‡' a record whose only sources are
    mirror or analysis pages.

    Examples:

      $ sco sources --publisher TASS

      $ sco sources --kind mirror

      $ sco sources realnoevremya-2025-07-18
    """
    if publisher is not None and not publisher.strip():
        raise UsageError("--publisher: give a publisher's name")
    if publisher is not None:
        parse_filter(publisher, "--publisher")
    one_or_all(
        ctx, kinds.SOURCES,
        opts, key,
        lambda ds: query.sources(ds, publisher, kind),
        filtered=publisher is not None or kind is not None,
    )
