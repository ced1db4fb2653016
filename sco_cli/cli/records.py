"""Commands for the kinds with few filters: chairs, officials, institutions, claims, events,
sources. Each lists its kind, or shows one record in full when given its id."""

from typing import Annotated, Optional

import typer

from sco_cli import kinds, model, query
from sco_cli.cli.base import (
    FieldsOpt,
    FormatOpt,
    JsonOpt,
    NoColorOpt,
    app,
    complete_country,
    dataset,
    emit,
    fields_help,
    guarded,
    one_or_all,
    out,
    parse_filter,
    parse_year,
)
from sco_cli.errors import UsageError


@app.command(epilog=fields_help("chairs"), rich_help_panel="Records")
@guarded
def chairs(
    ctx: typer.Context,
    country: Annotated[
        Optional[str],
        typer.Option("--country", metavar="COUNTRY", autocompletion=complete_country,
                     help="Only the chairmanships of COUNTRY."),
    ] = None,
    key: Annotated[
        Optional[str],
        typer.Argument(metavar="[ID|YEAR]",
                       help="One chairmanship in full (KGZ-2025-09-01), or those of a YEAR."),
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """The rotating chairmanship by period, with slogans and themed years.

    A chair marked inferred is known only as the host of the summit that ended its term.

    Examples:

      $ sco chairs

      $ sco chairs --country China --json
    """
    ds = dataset(ctx)
    printer = out(ctx, kinds.CHAIRS, json_, format_, fields, no_color)
    if key is not None and not key.strip().isdigit():
        if country is not None:
            raise UsageError("give one chairmanship (its id) or --country, not both")
        emit(printer.one(ds, kinds.CHAIRS, query.find(ds, kinds.CHAIRS, key, "chairmanship")))
        return
    year = parse_year(key, "YEAR") if key is not None else None
    found = query.chairs(ds, country, year)
    emit(printer.records(ds, kinds.CHAIRS, found, "The rotating chairmanship"))


@app.command(epilog=fields_help("secretaries"), rich_help_panel="Records")
@guarded
def secretaries(
    ctx: typer.Context,
    key: Annotated[
        Optional[str], typer.Argument(metavar="[ID]", help="One in full: zhang-ming.")
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Every Secretary-General of the SCO, with country and term.

    Show one by id for its notes, the values other sources report and its sources.

    Examples:

      $ sco secretaries

      $ sco secretaries --json | jq -r '.[-1].name'
    """
    one_or_all(
        ctx, kinds.SECRETARIES, (json_, format_, fields, no_color), key,
        lambda ds: query.listed(ds, kinds.SECRETARIES),
        lambda ds, k: query.find(ds, kinds.SECRETARIES, k, "Secretary-General"),
        "Secretaries-General",
    )


@app.command(epilog=fields_help("institutions"), rich_help_panel="Records")
@guarded
def institutions(
    ctx: typer.Context,
    key: Annotated[
        Optional[str], typer.Argument(metavar="[ID]", help="One in full: secretariat, rats.")
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """The councils and the permanent bodies (Secretariat, RATS), with seats and roles.

    Show one by id for its role, notes and sources.

    Examples:

      $ sco institutions

      $ sco institutions --fields name,seat,established
    """
    one_or_all(
        ctx, kinds.INSTITUTIONS, (json_, format_, fields, no_color), key,
        lambda ds: query.listed(ds, kinds.INSTITUTIONS),
    )


@app.command(epilog=fields_help("claims"), rich_help_panel="Records")
@guarded
def claims(
    ctx: typer.Context,
    key: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="One claim in full.")] = None,
    topic: Annotated[
        Optional[model.Topic],
        typer.Option("--topic", "-t", case_sensitive=False, help="Only claims on this topic."),
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Claims about the SCO's weight (population, territory, GDP...), by source and date.

    Figures depend on the year, on who is counted (basis) and, for GDP, on the measure.

    Examples:

      $ sco claims --topic gdp

      $ sco claims --topic population --json
    """
    one_or_all(
        ctx, kinds.CLAIMS, (json_, format_, fields, no_color), key,
        lambda ds: query.claims(ds, topic), filtered=topic is not None,
    )


@app.command(epilog=fields_help("events"), rich_help_panel="Records")
@guarded
def events(
    ctx: typer.Context,
    key: Annotated[
        Optional[str], typer.Argument(metavar="[ID]", help="One event in full: charter-signed.")
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Founding facts and milestones: the Shanghai Five, the Charter, the Secretariat, RATS...

    Show one by id for its notes, the values other sources report and its sources.

    Examples:

      $ sco events

      $ sco events charter-signed
    """
    one_or_all(
        ctx, kinds.EVENTS, (json_, format_, fields, no_color), key,
        lambda ds: query.listed(ds, kinds.EVENTS),
    )


@app.command(epilog=fields_help("sources"), rich_help_panel="Records")
@guarded
def sources(
    ctx: typer.Context,
    key: Annotated[
        Optional[str], typer.Argument(metavar="[ID]", help="Show one source in full.")
    ] = None,
    publisher: Annotated[
        Optional[str], typer.Option("--publisher", "-p", help="Only sources from this publisher.")
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Every source the dataset cites: title, publisher, date and address.

    A title in square brackets describes a page whose own headline is not known.

    Examples:

      $ sco sources --publisher TASS

      $ sco sources realnoevremya-2025-07-18
    """
    if publisher is not None and not publisher.strip():
        raise UsageError("--publisher: give a publisher's name")
    if publisher is not None:
        parse_filter(publisher, "--publisher")
    one_or_all(
        ctx, kinds.SOURCES, (json_, format_, fields, no_color), key,
        lambda ds: query.sources(ds, publisher), filtered=publisher is not None,
    )
