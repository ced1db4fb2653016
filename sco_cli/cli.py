"""The sco command line: options -> query -> render -> print. The only module importing Typer."""

import enum
import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, Optional, TypeVar

import typer

from sco_cli import output, query
from sco_cli.dataset import Dataset, load, resolve_data_dir
from sco_cli.errors import ExitStatus, ScoError
from sco_cli.output import Format, Output
from sco_cli.render import views

EXIT_CODES = """Exit codes: 0 success (an empty result too), 1 not found or invalid data,
2 usage error, 130 interrupted."""

app = typer.Typer(
    name="sco",
    help=(
        "The Shanghai Cooperation Organisation at your fingertips: summits, members, trade "
        "and principles, every fact sourced and dated.\n\n"
        "Tables on a terminal, plain text in a pipe, --json for scripts."
    ),
    epilog=EXIT_CODES,
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Council(str, enum.Enum):
    heads_of_state = "heads-of-state"
    government = "government"
    foreign_ministers = "foreign-ministers"
    shanghai_five = "shanghai-five"


class StatusChoice(str, enum.Enum):
    member = "member"
    observer = "observer"
    dialogue_partner = "dialogue_partner"
    partner = "partner"


class ScopeChoice(str, enum.Enum):
    china_and_other_members = "china_and_other_members"
    china_and_sco_family = "china_and_sco_family"
    member_states_total = "member_states_total"
    among_member_states = "among_member_states"


# -- the output options every data command shares -------------------------------------------

JsonOpt = Annotated[
    bool, typer.Option("--json", help="JSON for scripts (the same as --format json).")
]
FormatOpt = Annotated[
    Optional[Format],
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format. Default: table on a terminal, plain when piped.",
    ),
]
FieldsOpt = Annotated[
    Optional[str],
    typer.Option("--fields", metavar="A,B,...", help="Show only these fields, in this order."),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also: NO_COLOR=1).")]


class State:
    """What the root options decided, for the commands that follow."""

    def __init__(self) -> None:
        self.data_dir: str | None = None
        self.no_color = False

    def dataset(self) -> Dataset:
        return load(resolve_data_dir(self.data_dir))


F = TypeVar("F", bound=Callable[..., Any])


def guarded(func: F) -> F:
    """Turn domain errors into a message on stderr and their exit status, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ScoError as err:
            if err.exit_status == ExitStatus.USAGE:
                raise typer.BadParameter(err.message) from None
            output.error(err)
            raise typer.Exit(int(err.exit_status)) from None

    return wrapper  # type: ignore[return-value]


def _state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _output(ctx: typer.Context, json_: bool, format_: Format | None, fields: str | None,
            no_color: bool) -> Output:
    state = _state(ctx)
    return Output.choose(json_, format_, fields, no_color or state.no_color)


def _version(value: bool) -> None:
    if not value:
        return
    import sco_cli

    try:
        info = load(resolve_data_dir(os.environ.get("SCO_DATA") or None)).info
        data = f"data {info.version}, as of {info.as_of}"
    except ScoError as err:
        data = f"data unreadable: {err.message.splitlines()[0]}"
    sys.stdout.write(f"sco {sco_cli.__version__} ({data})\n")
    raise typer.Exit()


@app.callback()
@guarded
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Show the version and the dataset's as-of date."),
    ] = False,
    data: Annotated[
        Optional[str],
        typer.Option("--data", metavar="DIR", envvar="SCO_DATA", show_envvar=True,
                     help="Read the dataset from DIR instead of the bundled one."),
    ] = None,
    no_color: NoColorOpt = False,
) -> None:
    """The Shanghai Cooperation Organisation at your fingertips."""
    state = _state(ctx)
    state.data_dir = data
    state.no_color = no_color
    if ctx.invoked_subcommand is None:
        out = Output.choose(False, None, None, no_color)
        out.about(state.dataset())


@app.command()
@guarded
def about(
    ctx: typer.Context,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Overview: founding, seats, languages, membership counts, latest summit, as-of date.

    Examples:

      sco about

      sco about --json | jq .counts
    """
    _output(ctx, json_, format_, fields, no_color).about(_state(ctx).dataset())


@app.command()
@guarded
def summits(
    ctx: typer.Context,
    key: Annotated[
        Optional[str],
        typer.Argument(metavar="[YEAR|NUMBER|ID]",
                       help="Show one meeting in full: 2025, 25th or chs-2025."),
    ] = None,
    council: Annotated[
        Council, typer.Option("--council", "-c", case_sensitive=False, help="Which council.")
    ] = Council.heads_of_state,
    year: Annotated[
        Optional[int], typer.Option("--year", "-y", min=1, max=9999, help="Meetings in YEAR.")
    ] = None,
    host: Annotated[
        Optional[str],
        typer.Option("--host", metavar="COUNTRY", help="Meetings hosted by COUNTRY (name or code)."),
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Meetings of the SCO councils, from Shanghai 2001 to today.

    Examples:

      sco summits --host Russia

      sco summits 2025

      sco summits --council government --json | jq '.[].city'
    """
    ds = _state(ctx).dataset()
    out = _output(ctx, json_, format_, fields, no_color)
    if key is not None:
        out.summit(ds, query.find_summit(ds, key, council.value))
    else:
        out.summits(ds, query.summits(ds, council.value, year, host), council.value)


@app.command()
@guarded
def members(
    ctx: typer.Context,
    status: Annotated[
        Optional[StatusChoice],
        typer.Option("--status", "-s", case_sensitive=False, help="Only this status."),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="DATE",
                     help="Status on DATE (YYYY-MM-DD, YYYY-MM or YYYY) instead of today."),
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """The SCO family: member states and partners, with each one's status history.

    Examples:

      sco members --status member

      sco members --as-of 2017-07-01

      sco members --json | jq -r '.[] | select(.status == "partner") | .name'
    """
    ds = _state(ctx).dataset()
    out = _output(ctx, json_, format_, fields, no_color)
    on = query.parse_date(as_of) if as_of is not None else None
    chosen = query.members(ds, status.value if status else None, on)
    out.members(ds, chosen, on)


@app.command()
@guarded
def trade(
    ctx: typer.Context,
    scope: Annotated[
        Optional[ScopeChoice],
        typer.Option("--scope", case_sensitive=False, help="Only figures with this scope."),
    ] = None,
    year: Annotated[
        Optional[int], typer.Option("--year", "-y", min=1, max=9999, help="Figures for YEAR.")
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Trade figures, each with its period, unit, scope and sources.

    Examples:

      sco trade --year 2024

      sco trade --scope china_and_sco_family --json
    """
    ds = _state(ctx).dataset()
    out = _output(ctx, json_, format_, fields, no_color)
    out.trade(ds, query.trade(ds, scope.value if scope else None, year))


@app.command()
@guarded
def principles(
    ctx: typer.Context,
    key: Annotated[
        Optional[str],
        typer.Argument(metavar="[ID|NAME]", help="Show one principle in full."),
    ] = None,
    json_: JsonOpt = False,
    format_: FormatOpt = None,
    fields: FieldsOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Guiding principles: the Shanghai Spirit, the three evils, the five common homes, ...

    Examples:

      sco principles

      sco principles shanghai-spirit
    """
    ds = _state(ctx).dataset()
    out = _output(ctx, json_, format_, fields, no_color)
    if key is not None:
        out.principle(ds, query.find_principle(ds, key))
    else:
        out.principles(ds, list(ds.principles))


@app.command()
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

    Examples:

      sco sources --publisher TASS

      sco sources realnoevremya-2025-07-18
    """
    ds = _state(ctx).dataset()
    out = _output(ctx, json_, format_, fields, no_color)
    if key is not None:
        out.source(ds, query.find_source(ds, key))
    else:
        out.sources(ds, query.sources(ds, publisher))


def run() -> None:
    """Run the app: quiet on a closed pipe, no traceback on an unexpected error."""
    output.prepare_streams()
    try:
        app(prog_name="sco")
    except BrokenPipeError:
        output.silence_stdout()
        sys.exit(0)
    except Exception as err:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SCO_DEBUG"):
            raise
        sys.stderr.write(
            f"sco: internal error: {type(err).__name__}: {err}\n"
            "Set SCO_DEBUG=1 to see the traceback, and please report it.\n"
        )
        sys.exit(int(ExitStatus.ERROR))
