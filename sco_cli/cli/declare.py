"""The command line's declarations, without Typer: each command once, for two readers.

A command is a function whose parameters are annotated `Annotated[T, Option(...)]` or
`Annotated[T, Argument(...)]`, with the settings `typer.Option` and `typer.Argument` take,
and registered with `@command(...)`. From the same declarations:

- cli/typer_app.py makes the Typer app: `--help`, completion, usage errors, every command
  line it is given;
- cli/fast.py reads the plain command lines (known options and arguments, nothing to
  explain) and runs the command without importing Typer, Click or the standard modules
  only they need: a lookup is a fresh process, and those imports were a third of its memory.
  Anything else it leaves to Typer, and tests/test_fast.py checks on random command lines
  that both give the same output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class Param:
    """What a parameter's `Option(...)` or `Argument(...)` said."""

    __slots__ = ("kind", "decls", "settings")

    def __init__(self, kind: str, decls: tuple[str, ...], settings: dict[str, Any]) -> None:
        self.kind, self.decls, self.settings = kind, decls, settings


def Option(*decls: str, **settings: Any) -> Any:  # noqa: N802  (spelt as typer.Option)
    """An option: its names ("--council", "-c") and typer.Option's settings."""
    return Param("option", decls, settings)


def Argument(**settings: Any) -> Any:  # noqa: N802  (spelt as typer.Argument)
    """A positional argument, with typer.Argument's settings."""
    return Param("argument", (), settings)


class Context:
    """The context a command receives: Click's under Typer, this one on the fast path. A
    command reads only what both have."""

    def __init__(self, name: Optional[str], params: dict[str, Any],
                 parent: Optional[Context] = None) -> None:
        self.info_name = name
        self.params = params
        self.parent = parent
        self.obj: Any = None
        self.invoked_subcommand: Optional[str] = None

    def find_root(self) -> Context:
        return self.parent.find_root() if self.parent else self


class Declared:
    """One command: its function, name, group ("data" for `sco data validate`), Typer's
    settings for it, and whether it takes the shared output options (`listing`: None for
    none, False for those of one record, True for a listing's too)."""

    __slots__ = ("function", "name", "group", "settings", "listing")

    def __init__(self, function: Callable[..., Any], name: str, group: Optional[str],
                 settings: dict[str, Any], listing: Optional[bool]) -> None:
        self.function, self.name, self.group = function, name, group
        self.settings, self.listing = settings, listing


COMMANDS: list[Declared] = []  # in the order `sco --help` lists them
ROOT: list[Declared] = []  # the root command's options (one)
GROUPS: dict[str, dict[str, Any]] = {}  # a group of commands ("data") and Typer's settings


def command(name: Optional[str] = None, *, group: Optional[str] = None,
            listing: Optional[bool] = None, **settings: Any) -> Callable[[F], F]:
    """Register a command (Typer's `app.command` settings: rich_help_panel...). A data
    command's help ends with its fields (base.fields_help), made only when help is."""

    def register(func: F) -> F:
        chosen = name or func.__name__.lower().replace("_", "-")  # as Typer names it
        COMMANDS.append(Declared(func, chosen, group, settings, listing))
        return func

    return register


def root(func: F) -> F:
    """Register the root command: the options before the command's name."""
    ROOT.append(Declared(func, "sco", None, {}, None))
    return func


def group(name: str, **settings: Any) -> None:
    """Declare a group of commands (Typer's settings for it: help, rich_help_panel...)."""
    GROUPS[name] = settings
