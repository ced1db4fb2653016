"""Who was there and what was signed: people, documents and officials."""

from typing import Annotated, Optional

from sco_cli import kinds, model, people, query
from sco_cli.cli.base import (
    NO_OPTIONS,
    Options,
    SinceOpt,
    UntilOpt,
    one_or_all,
    parse_date,
)
from sco_cli.cli.complete import complete_document, complete_id, complete_person
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.dates import date_key
from sco_cli.errors import UsageError


@command("people", rich_help_panel="Records", listing=True)
def people_(
    ctx: Context,
    name: Annotated[
        Optional[list[str]],
        Argument(metavar="[NAME|ID]...", autocompletion=complete_person,
                 help="One person in full: Modi, 'Emomali Rahmon', rakhmonov."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """Every person the data names: heads of delegation, Secretaries-General, RATS directors.

    One person in full lists the offices the data records and every meeting attended. Any
    spelling the sources use works (Rakhmonov, Rahmon); case and accents do not matter.

    Examples:

      $ sco people Modi

      $ sco people --json | jq -r '.[] | select(.country == "IND") | .name'
    """
    one_or_all(
        ctx, kinds.PEOPLE_VIEW,
        opts, name,
        lambda ds: list(people.everyone(ds).values()), people.find, "People",
    )


@command(rich_help_panel="Records", listing=True)
def documents(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_document,
                 help="One document in full: charter-2002."),
    ] = None,
    kind: Annotated[
        Optional[model.DocumentKind],
        Option("--kind", "-k", case_sensitive=False, help="Only documents of this kind."),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """The SCO's founding and main documents: charter, conventions, strategies, declarations.

    Each with the date it was signed, the meeting it was signed at and, where a source says,
    when it entered into force.

    Examples:

      $ sco documents --kind convention

      $ sco documents charter-2002
    """
    low = parse_date(since, "--since") if since is not None else None
    high = parse_date(until, "--until") if until is not None else None
    if low and high and date_key(low) > date_key(high):
        raise UsageError(f"--since {low} is after --until {high}")
    one_or_all(
        ctx, kinds.DOCUMENTS,
        opts, key,
        lambda ds: query.documents(ds, kind, low, high), heading="Documents",
        filtered=kind is not None or since is not None or until is not None,
    )


@command(rich_help_panel="Records", listing=True)
def officials(
    ctx: Context,
    key: Annotated[
        Optional[list[str]],
        Argument(metavar="[ID]...", autocompletion=complete_id("officials"),
                 help="One in full: zhang-ming."),
    ] = None,
    office: Annotated[
        Optional[model.Office],
        Option("--office", case_sensitive=False, help="Only holders of this office."),
    ] = None,
    opts: Options = NO_OPTIONS,
) -> None:
    """The SCO's officials: Secretaries-General and Directors of the RATS Executive Committee.

    Where only the dates on which a source shows someone in office are known, the record says
    so (attested) rather than inventing a term.

    Examples:

      $ sco officials --office rats-director

      $ sco officials --json | jq -r '.[] | [.name, .start, .end] | @tsv'
    """
    one_or_all(
        ctx, kinds.OFFICIALS,
        opts, key,
        lambda ds: query.officials(ds, office), heading="Officials",
        filtered=office is not None,
    )
