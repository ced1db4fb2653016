"""The Typer app, made from the declarations (cli/declare.py).

It serves `--help`, completion, usage errors and every command line the fast path (fast.py)
leaves to it. A run registers only the command it names (the help of one command needs no
other); a command line that names none, or asks the root for help, gets them all.
"""

import contextlib
import functools
import inspect
import os
import sys
import types
from collections.abc import Callable, Iterator
from typing import Annotated, Any, Optional, get_args, get_origin, get_type_hints

import typer
from typer.core import TyperGroup

from sco_cli import output
from sco_cli.cli import commands, declare  # noqa: F401  (commands: registration)
from sco_cli.cli.base import EXIT_CODES, RAISE_ERRORS, added_options, fields_help, take_options
from sco_cli.errors import ExitStatus, ScoError
from sco_cli.render.text import clean

HELP = (
    "The Shanghai Cooperation Organisation at your fingertips: summits, members, trade "
    "and principles, every fact sourced and dated.\n\n"
    "Tables on a terminal, plain text in a pipe, --json for scripts. "
    "Run 'sco COMMAND --help' for a command's fields and examples."
)


class Group(TyperGroup):
    """The root command. Click's own messages quote what was typed ('No such option: ...'):
    they are shown through clean(), like every message, whatever Click escapes itself."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _clean_click_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _clean_click_errors():
            return super().invoke(ctx)


@contextlib.contextmanager
def _clean_click_errors() -> Iterator[None]:
    try:
        yield
    except Exception as err:  # Click's errors, vendored by Typer: known by how they show
        shown = getattr(err, "format_message", None)
        if callable(shown) and not getattr(shown, "cleaned", False):
            def cleaned() -> str:
                return clean(str(shown()), one_line=False)

            setattr(cleaned, "cleaned", True)  # noqa: B010  (nested groups pass it on)
            setattr(err, "format_message", cleaned)  # noqa: B010
        raise


def make(only: Optional[str] = None) -> typer.Typer:
    """The app with every command, or with only the command (or group) named `only`."""
    app = typer.Typer(
        name="sco", cls=Group, help=HELP, epilog=EXIT_CODES, no_args_is_help=False,
        invoke_without_command=True, pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(typed(declare.ROOT[0].function, None))
    groups = {}
    for declared in declare.COMMANDS:
        name = declared.group or declared.name
        if only is not None and name != only:
            continue
        target = app
        if declared.group is not None:
            if declared.group not in groups:
                settings = dict(declare.GROUPS[declared.group])
                panel = settings.pop("rich_help_panel", None)
                groups[declared.group] = typer.Typer(**settings)
                app.add_typer(groups[declared.group], name=declared.group,
                              rich_help_panel=panel)
            target = groups[declared.group]
        settings = dict(declared.settings)
        if declared.listing is not None:  # a data command: its help lists its fields
            settings.setdefault("epilog", fields_help(declared.name))
        target.command(declared.name, **settings)(typed(declared.function, declared.listing))
    return app


def typed(func: Callable[..., Any], listing: Optional[bool]) -> Callable[..., Any]:
    """`func` as Typer reads a command: its declarations as typer.Option and typer.Argument,
    the shared output options added to its signature (received as one `opts`), and domain
    errors turned into a message and their exit status."""
    hints = get_type_hints(func, include_extras=True)
    signature = inspect.signature(func)
    extra = added_options(listing)
    parameters = [p.replace(annotation=_for_typer(hints.get(name, p.annotation)))
                  for name, p in signature.parameters.items()
                  if not (extra and name == "opts")]
    parameters += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                     annotation=_for_typer(annotation))
                   for name, annotation, default in extra]

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        if extra:
            kwargs["opts"] = take_options(kwargs, extra)
        try:
            return func(*args, **kwargs)
        except ScoError as err:
            if RAISE_ERRORS.get():  # called through sco_cli.api: the caller handles it
                raise
            if err.exit_status == ExitStatus.USAGE:
                raise typer.BadParameter(err.message) from None
            output.error(err)
            raise typer.Exit(int(err.exit_status)) from None

    command.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters)
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    return command


def _for_typer(annotation: Any) -> Any:
    if annotation is declare.Context:
        return typer.Context
    if get_origin(annotation) is not Annotated:
        return annotation
    base, *metadata = get_args(annotation)
    made = [(typer.Option(*m.decls, **m.settings) if m.kind == "option"
             else typer.Argument(**m.settings)) if isinstance(m, declare.Param) else m
            for m in metadata]
    return Annotated[(base, *made)]


def named_command(argv: list[str]) -> Optional[str]:
    """The command (or group) `argv` names after the root's options, or None if it names
    none or asks the root itself for something else (--help)."""
    from sco_cli.cli.fast import Command

    root = Command(declare.ROOT[0]).options  # the root's options as the fast path reads them
    known = {d.group or d.name for d in declare.COMMANDS}
    words = iter(argv)
    for word in words:
        spec = root.get(word.partition("=")[0])
        if spec is None:
            return word if word in known else None
        if not spec.flag and "=" not in word:
            next(words, None)  # its value
    return None


def __getattr__(name: str) -> Any:
    if name == "app":  # every command: for tests, the API and the reference docs
        made = make()
        globals()["app"] = made
        return made
    raise AttributeError(name)


def completed_command() -> Optional[str]:
    """During a completion request, the command whose words are being completed, as Typer's
    own completion class for the shell reads the words typed; None (complete among every
    command) if none is named yet or the words cannot be read."""
    from sco_cli.cli.fast import COMPLETION

    shell = os.environ.get(COMPLETION, "").partition("_")[2]
    try:
        from typer._click import shell_completion  # Typer's Click, where its shells are
        from typer._completion_classes import completion_init

        completion_init()
        chosen = shell_completion.get_completion_class(shell)
        if chosen is None:
            return None
        args, _ = chosen(None, {}, "sco", COMPLETION).get_completion_args()  # type: ignore[arg-type]
    except Exception:  # a Typer that reads them otherwise: every command, as before
        return None
    return named_command(args)


def run(argv: list[str]) -> None:
    """Run `argv` with Typer, the app holding only the command it names (or completes)."""
    from sco_cli.cli.fast import COMPLETION

    if os.environ.get("TYPER_USE_RICH") != "0":  # help and errors drawn by Rich: a terminal
        _import_rich_help()
    only = completed_command() if os.environ.get(COMPLETION) else named_command(argv)
    make(only)(args=argv, prog_name="sco")


class _Deferred(type):
    """A class standing for one of another module, imported when it is first used."""

    _module: str

    def _real(cls) -> Any:
        import importlib

        return getattr(importlib.import_module(cls._module), cls.__name__)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls._real(), name)


UNUSED_BY_HELP = ("rich.markdown", "rich.traceback")


def _import_rich_help() -> None:
    """Import typer.rich_utils without what sco never asks of it. It imports rich.markdown
    and rich.traceback at its top, for Markdown help and pretty tracebacks (sco uses
    neither); with markdown-it and Pygments they were 4.2 MiB of the 25.4 MiB peak of
    `sco --help` on a terminal. While it is imported, each stands in as a module whose
    names are _Deferred classes; the stand-ins then leave sys.modules, so any later import
    gets the real module. If the import fails that way, it is done the usual way."""
    if "typer.rich_utils" in sys.modules:
        return
    standing = {}
    for name in UNUSED_BY_HELP:
        if name not in sys.modules:
            module = types.ModuleType(name)
            module.__getattr__ = functools.partial(  # type: ignore[method-assign]
                lambda within, attribute: _Deferred(attribute, (), {"_module": within}), name)
            standing[name] = sys.modules[name] = module
    try:
        import typer.rich_utils  # noqa: F401
    except Exception:  # a Typer that uses them otherwise: no stand-ins
        sys.modules.pop("typer.rich_utils", None)
        for name in standing:
            sys.modules.pop(name, None)
        import typer.rich_utils  # noqa: F401, F811
    finally:
        for name, module in standing.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
