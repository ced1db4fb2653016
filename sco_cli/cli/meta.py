"""The root command, the overview, and commands about the data and its contract."""

import sys
from typing import Annotated, Optional

from sco_cli import answers
from sco_cli.cli import declare
from sco_cli.cli.base import PAGER_OFF, JsonOpt, NoColorOpt, dataset, emit, state
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.dataset import EMPTY_PATH, Dataset, fingerprint, load, modified, resolve_data_dir
from sco_cli.errors import ExitStatus, ScoError, UsageError
from sco_cli.output import Output
from sco_cli.render.text import clean


def _version(data_dir: Optional[str]) -> None:
    """The tool's version and that of the dataset in use (after --data is known)."""
    import sco_cli

    try:
        root = resolve_data_dir(data_dir)
        info = load(root).info
        mark = ", modified" if modified(root) else ""
        data = f"data {info.version}, as of {info.as_of}, {fingerprint(root)}{mark}"
    except UsageError:
        raise
    except ScoError as err:
        data = f"data unreadable: {err.message.splitlines()[0]}"
    sys.stdout.write(clean(f"sco {sco_cli.__version__} ({data})") + "\n")
    raise SystemExit(0)


@declare.root
def root(
    ctx: Context,
    version: Annotated[
        bool,
        Option("--version", help="Show the version and the dataset's as-of date."),
    ] = False,
    data: Annotated[
        Optional[str],
        Option("--data", metavar="DIR",
               help="Read the dataset from DIR (laid out like data/) instead; "
                    "also SCO_DATA=DIR."),
    ] = None,
    no_color: NoColorOpt = False,
    json_: Annotated[
        bool, Option("--json", help="With no command: the overview as JSON.")
    ] = False,
    no_pager: Annotated[
        bool, Option("--no-pager", help="Never page long output (also SCO_PAGER=cat).")
    ] = False,
) -> None:
    """The Shanghai Cooperation Organisation at your fingertips."""
    if data == "":  # refused whatever the command: it would quietly mean the bundled data
        raise UsageError(f"--data: {EMPTY_PATH}")
    if version:
        _version(data)
    PAGER_OFF.set(no_pager)
    settings = state(ctx)
    settings.data_dir = data
    settings.no_color = no_color
    if ctx.invoked_subcommand is None:
        ds = dataset(ctx)
        emit(Output.choose(json_, None, None, no_color).about(ds, answers.overview(ds)))
    elif json_:
        raise UsageError("--json goes after the command: sco COMMAND --json")


@command(rich_help_panel="Data and contract")
def schema(
    name: Annotated[
        Optional[str],
        Argument(metavar="[NAME]", help="A command whose --json output to describe."),
    ] = None,
) -> None:
    """The JSON Schema (draft 2020-12) of a command's --json output; no NAME lists them.

    A listing's schema accepts its array and the one object it prints for a single record.

    Examples:

      $ sco schema members

      $ sco schema summits | jq '.["$defs"].record.required'
    """
    from sco_cli import contract
    from sco_cli.output import Emission

    names = contract.schema_names()
    if name is None:
        emit(Emission("\n".join(names) + "\n"))
        return
    if name not in names:
        raise UsageError(f"no schema {name!r}; choose from: {', '.join(names)}")
    from sco_cli.render.text import to_json

    emit(Emission(to_json(contract.schema(name), pretty=True)))


declare.group("data", help="Check a dataset.", no_args_is_help=True,
              rich_help_panel="Data and contract")


@command("validate", group="data")
def validate(
    ctx: Context,
    directory: Annotated[
        Optional[str],
        Argument(metavar="[DIR]", help="The dataset to check (default: the one in use)."),
    ] = None,
    json_: JsonOpt = False,
) -> None:
    """Check every file of a dataset and report every problem, not only the first.

    Exit status 1 if there is any problem.

    Examples:

      $ sco data validate

      $ sco data validate ./my-data --json
    """
    if directory is not None:
        root = resolve_data_dir(directory, origin="DIR")
    else:
        root = resolve_data_dir(state(ctx).data_dir)
    problems = Dataset(root, cached=False).validate_all()
    if json_:
        rows = [{"file": p.path, "line": p.line, "column": p.column, "record": p.record,
                 "key": p.key, "message": p.message} for p in problems]
        from sco_cli.render.text import to_json

        sys.stdout.write(to_json(rows, pretty=sys.stdout.isatty()))
    else:
        sys.stdout.write("".join(clean(str(p)) + "\n" for p in problems))
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        sys.stderr.write(clean(f"{count} in {root}") + "\n")
        raise SystemExit(int(ExitStatus.ERROR))
    sys.stderr.write(clean(f"{root}: valid") + "\n")

