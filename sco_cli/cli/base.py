"""What every command shares: output options, the dataset, printing, and the run itself.

Commands live in browse.py, records.py, depth.py, explore.py, meta.py and dataout.py, declared
with cli/declare.py; each body is a few lines: options -> query -> Output. Nothing here needs
Typer: typer_app.py is the only module that imports it, and only when fast.py cannot read the
command line by itself.
"""

import os
import sys
from collections.abc import Callable
from contextvars import ContextVar
from typing import Annotated, Any, Optional

from sco_cli import contract, kinds, output
from sco_cli.cli.complete import complete_fields
from sco_cli.cli.declare import Context, Option
from sco_cli.dataset import Dataset, load, resolve_data_dir
from sco_cli.dates import check_date
from sco_cli.errors import ExitStatus, UsageError
from sco_cli.kinds import Kind
from sco_cli.numbers import has_other_digits, whole
from sco_cli.output import Emission, Format, Output
from sco_cli.render.text import clean
from sco_cli.wording import shorten

EXIT_CODES = (
    "Exit codes: 0 success (an empty result too), 1 not found, invalid data or output "
    "that cannot be written, 2 usage error, 130 interrupted. The same whatever the output "
    "format."
)


# -- the output options every data command shares -------------------------------------------

JsonOpt = Annotated[
    bool, Option("--json", help="JSON for scripts (the same as --format json).")
]
FormatOpt = Annotated[
    Optional[Format],
    Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format. Default: table on a terminal, plain when piped.",
    ),
]
FieldsOpt = Annotated[
    Optional[str],
    Option("--fields", metavar="A,B,...", help="Show only these fields, in this order.",
           autocompletion=complete_fields),
]
NoColorOpt = Annotated[bool, Option("--no-color", help="No colour (also NO_COLOR=1).")]

SinceOpt = Annotated[
    Optional[str],
    Option("--since", metavar="DATE",
           help="From DATE on (a date known only to its month or year counts whole)."),
]
UntilOpt = Annotated[
    Optional[str], Option("--until", metavar="DATE", help="Up to DATE, inclusive.")
]
BriefOpt = Annotated[
    bool, Option("--brief", help="A record in full without its sources and variants.")
]

# -- the controls every listing shares -----------------------------------------------------

SortOpt = Annotated[
    Optional[str],
    Option("--sort", metavar="FIELD", help="Order by this field (any JSON key)."),
]
ReverseOpt = Annotated[bool, Option("--reverse", help="Reverse the order.")]
LimitOpt = Annotated[
    Optional[str], Option("--limit", "-n", metavar="N", help="At most N records.")
]


class Options:
    """What the shared options of a data command said (see data_command)."""

    __slots__ = ("json_", "format_", "fields", "no_color", "brief", "sort_", "reverse", "limit")

    def __init__(self, json_: bool = False, format_: Optional[Format] = None,
                 fields: Optional[str] = None, no_color: bool = False, brief: bool = False,
                 sort_: Optional[str] = None, reverse: bool = False,
                 limit: Optional[str] = None) -> None:
        self.json_, self.format_, self.fields, self.no_color = json_, format_, fields, no_color
        self.brief, self.sort_, self.reverse, self.limit = brief, sort_, reverse, limit


NO_OPTIONS = Options()
# The options every data command shares, and those every listing adds: declared once here,
# read by both the Typer app and the fast path, and received by a command as one `opts`.
SHARED_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("json_", JsonOpt, False), ("format_", FormatOpt, None), ("fields", FieldsOpt, None),
    ("no_color", NoColorOpt, False), ("brief", BriefOpt, False),
)
LISTING_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("sort_", SortOpt, None), ("reverse", ReverseOpt, False), ("limit", LimitOpt, None),
)


def added_options(listing: Optional[bool]) -> tuple[tuple[str, Any, Any], ...]:
    """The options a command declared with `listing` (cli/declare.py) gains: none (None), the
    shared output options (False), those and the listing controls (True)."""
    if listing is None:
        return ()
    return SHARED_OPTIONS + (LISTING_OPTIONS if listing else ())


def take_options(values: dict[str, Any], added: tuple[tuple[str, Any, Any], ...]) -> Options:
    """What the `added` options said, taken out of a command's `values`."""
    return Options(**{name: values.pop(name, default) for name, _, default in added})


class State:
    """What the root options decided, for the commands that follow."""

    def __init__(self) -> None:
        self.data_dir: Optional[str] = None
        self.no_color = False


def state(ctx: Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def dataset(ctx: Context) -> Dataset:
    return load(resolve_data_dir(state(ctx).data_dir))


def out(ctx: Context, kind: Kind, opts: Options = NO_OPTIONS) -> Output:
    """How this command prints; bad output options are refused before any data is read."""
    count = parse_count(opts.limit, "--limit") if opts.limit is not None else None
    chosen = Output.choose(opts.json_, opts.format_, opts.fields,
                           opts.no_color or state(ctx).no_color, kind, opts.sort_,
                           opts.reverse, count)
    chosen.brief = opts.brief
    return chosen


def emit(emission: Emission) -> None:
    """The one place that writes what a command prints: stdout for data, stderr for notes.
    Text is cleaned once more here, with JSON's escapes (valid in every format), so that
    nothing unsafe reaches stdout even if a writer forgot."""
    EMITTED.set(True)
    for part in emission.parts:
        emit(part)
    text = clean(emission.text, json_=True) if emission.text is not None else None
    if emission.drawing is not None:
        from sco_cli.render import rich_out

        after = clean(emission.after, one_line=False) if emission.after else ""
        if not (PAGER_OFF.get() or not sys.stdout.isatty()):
            text = (text or "") + rich_out.to_text(emission.drawing, emission.color) + after
        else:
            _write(text)
            rich_out.render(sys.stdout, emission.drawing, emission.color)
            text = after
    _write(text)
    for remark in emission.notes:
        output.note(remark)


def _write(text: str | None) -> None:
    """Text for stdout, through the pager when it is taller than the terminal."""
    if not text:
        return
    from sco_cli import pager

    if pager.wanted(PAGER_OFF.get()) and pager.taller_than_screen(text):
        chosen = pager.command()
        if chosen is not None and pager.page(text, chosen):
            return
    sys.stdout.write(text)
    sys.stdout.flush()


def parse_date(value: str, option: str) -> str:
    """A date typed on the command line (YYYY-MM-DD, YYYY-MM or YYYY), or a usage error."""
    value = value.strip()
    if len(value) > 10:
        raise UsageError(f"{option}: {shorten(value)!r} is not a date of the form YYYY-MM-DD")
    if problem := check_date(value):
        raise UsageError(f"{option}: {problem}{_ascii_hint(value)}")
    return value


def parse_year(value: str, option: str = "--year") -> int:
    """A year typed on the command line, from 1 to 9999 in ASCII digits, or a usage error."""
    return _parse_whole(value, option, 9999, "a year from 1 to 9999")


def parse_count(value: str, option: str) -> int:
    """A count typed on the command line (--limit), 1 or more in ASCII digits."""
    return _parse_whole(value, option, sys.maxsize, "a whole number from 1 on")


def _parse_whole(value: str, option: str, high: int, what: str) -> int:
    number = whole(value.strip(), 1, high)
    if number is None:
        raise UsageError(f"{option}: {shorten(value)!r} is not {what}{_ascii_hint(value)}")
    return number


def _ascii_hint(value: str) -> str:
    return " (write it with the digits 0-9)" if has_other_digits(value) else ""


def parse_filter(value: str, option: str) -> str:
    """A name to filter by, or a usage error if nothing is left of it once case, accents and
    punctuation are set aside ('!!!' would match everything)."""
    from sco_cli.names import normalise

    if not normalise(value):
        raise UsageError(f"{option}: {shorten(value)!r} has no letters or digits to match")
    return value


# Set by `sco --no-pager`: output is never paged.
PAGER_OFF: ContextVar[bool] = ContextVar("PAGER_OFF", default=False)
# Set once a command has printed anything: a usage error found later is not Typer's to say.
EMITTED: ContextVar[bool] = ContextVar("EMITTED", default=False)
# Set by sco_cli.api: domain errors propagate to the caller instead of being printed.
RAISE_ERRORS: ContextVar[bool] = ContextVar("RAISE_ERRORS", default=False)


def one_or_all(
    ctx: Context,
    kind: Kind,
    options: Options,
    keys: Optional[list[str]],
    listing: Callable[[Dataset], Any],
    find: Optional[Callable[[Dataset, str], Any]] = None,
    heading: Optional[str] = None,
    filtered: bool = False,
) -> None:
    """What most record commands do: the records given by their ids in full (one: an object;
    several: an array), else the list (`filtered` says a filter option was given: it cannot
    narrow records asked for by id)."""
    printer = out(ctx, kind, options)
    if keys and filtered:
        raise UsageError("give records (their ids) or filters, not both")
    ds = dataset(ctx)
    if keys:
        from sco_cli import query

        found = [find(ds, key) if find else query.find(ds, kind, key) for key in keys]
        emit(printer.one(ds, kind, found[0]) if len(found) == 1 else printer.several(ds, kind,
                                                                                  found))
    else:
        title = heading or kind.name.capitalize()
        emit(printer.records(ds, kind, listing(ds), title))


def fields_help(name: str) -> str:
    """The epilog of a data command: its fields, for --fields and the JSON keys."""
    kind = kinds.VIEWS[name]
    return clean(f"Fields (JSON keys, --fields): {', '.join(contract.fields(kind))}.\n\n"
                 f"Table and plain columns: {', '.join(kind.columns)}.", one_line=False)


def run() -> None:
    """Run the app: quiet on a closed pipe, loud on output that cannot be written, no
    traceback on an unexpected error; the exit status is decided here, once."""
    output.prepare_streams()
    status = _status(lambda: dispatch(sys.argv[1:]))
    flushed = _status(sys.stdout.flush)  # what is still buffered: a full disk says so now
    sys.exit(status or flushed)


def dispatch(argv: list[str]) -> None:
    """Run the command line: by the fast path if it can read it, else by Typer."""
    from sco_cli.cli import fast

    if not fast.run(argv):
        from sco_cli.cli import typer_app

        typer_app.run(argv)


def _status(call: Callable[[], object]) -> int:
    """The exit status of `call`: its own, 0 if the reader of stdout went away, 1 if the
    output could not be written or something unexpected happened."""
    try:
        call()
    except SystemExit as done:
        if output.PipeGuard.closed_by_reader:  # Typer turns a closed pipe into status 1
            output.silence_stdout()
            return 0
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    except OSError as err:
        if output.PipeGuard.closed_by_reader:
            output.silence_stdout()
            return 0
        if output.PipeGuard.failure is not None:
            from sco_cli.streams import cannot_write

            cannot_write(err)
            return int(ExitStatus.ERROR)
        return _internal(err)
    except Exception as err:  # the last line of defence against tracebacks
        return _internal(err)
    return 0


def _internal(err: Exception) -> int:
    if os.environ.get("SCO_DEBUG"):
        raise err
    sys.stderr.write(clean(
        f"sco: internal error: {type(err).__name__}: {err}\n"
        "Set SCO_DEBUG=1 to see the traceback, and please report it.\n", one_line=False))
    return int(ExitStatus.ERROR)
