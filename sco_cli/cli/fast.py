"""The fast path: a plain command line run without Typer.

It reads the same declarations as the Typer app (cli/declare.py): a command's options, their
names, types and choices, its arguments and their number. It takes a command line only when
it is plain: known options with valid values (`--opt VALUE`, `--opt=VALUE`, `-o VALUE`),
arguments, `--`. Anything else (help, completion, a group's command, an unknown or repeated
option, a value that is not a choice, a value that starts with a dash, a usage error found by
the command) goes to Typer, before anything is printed, so that the message, the usage line
and the exit status are Typer's. tests/test_fast.py checks on random command lines that both
paths print the same and exit alike.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin, get_type_hints

from sco_cli.cli import base, declare
from sco_cli.errors import ExitStatus, ScoError

COMPLETION = "_SCO_COMPLETE"  # set by the shell when it asks for completions: Typer's job


class Spec:
    """One parameter as the fast path reads it."""

    __slots__ = ("name", "argument", "flag", "many", "choices", "convert", "default",
                 "required")

    def __init__(self, name: str, argument: bool, default: Any) -> None:
        self.name, self.argument, self.default = name, argument, default
        self.required = default is _REQUIRED
        self.flag = self.many = False
        self.choices: Optional[dict[str, Any]] = None  # folded (or exact) text -> value
        self.convert: Callable[[str], Any] = str


_REQUIRED = object()  # the default of a parameter that has none
_INVALID = object()  # a value that is not one of the choices: Typer says so


class Command:
    """A command's parameters: options by name (the shared output options among them, which
    the command receives as one `opts`), arguments in order, and which takes the context."""

    def __init__(self, declared: declare.Declared) -> None:
        self.declared = declared
        self.options: dict[str, Spec] = {}
        self.arguments: list[Spec] = []
        self.context: Optional[str] = None
        self.plain = True  # False: something the fast path does not read; Typer's job
        func = declared.function
        hints = get_type_hints(func, include_extras=True)
        for name, default in _defaults(func).items():
            if hints.get(name) is declare.Context:
                self.context = name
            elif name == "opts" and declared.listing is not None:
                for shared, annotation, value in base.added_options(declared.listing):
                    self._add(shared, annotation, value)
            else:
                self._add(name, hints.get(name), default)
        if any(a.many for a in self.arguments[:-1]):
            self.plain = False

    def _add(self, name: str, hint: Any, default: Any) -> None:
        params = [m for m in get_args(hint)[1:] if isinstance(m, declare.Param)] if (
            get_origin(hint) is Annotated) else []
        if len(params) != 1:
            self.plain = False
            return
        [param] = params
        spec = Spec(name, param.kind == "argument", default)
        if not _read_type(spec, get_args(hint)[0], param.settings.get("case_sensitive", True)):
            self.plain = False
        if spec.argument:
            self.arguments.append(spec)
        elif not param.decls:
            self.plain = False
        for option in param.decls:
            if "/" in option or not option.startswith("-"):
                self.plain = False
            self.options[option] = spec


def _defaults(func: Callable[..., Any]) -> dict[str, Any]:
    """Each parameter of `func` and its default (_REQUIRED if none), without `inspect`."""
    code = func.__code__
    names = code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]
    defaults = func.__defaults__ or ()
    positional = names[:code.co_argcount]
    found = dict.fromkeys(names, _REQUIRED)
    found.update(zip(positional[len(positional) - len(defaults):], defaults, strict=True))
    found.update(func.__kwdefaults__ or {})
    return found


def _read_type(spec: Spec, hint: Any, case_sensitive: bool) -> bool:
    """Fill in how `spec` reads its text from the type `hint`; False if the fast path does
    not read that type."""
    if get_origin(hint) is Union:
        rest = [a for a in get_args(hint) if a is not type(None)]
        if len(rest) != 1:
            return False
        hint = rest[0]
    if get_origin(hint) is list:
        spec.many = True
        hint = get_args(hint)[0]
    if hint is bool and not spec.many and not spec.argument:
        spec.flag = True
        return True
    if hint is str:
        return True
    if get_origin(hint) is Literal:
        values = {str(v): v for v in get_args(hint)}
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = {str(m.value): m for m in hint}
    else:
        return False
    spec.choices = {(k if case_sensitive else k.casefold()): v for k, v in values.items()}
    if not case_sensitive:
        spec.convert = str.casefold
    return True


class Plan:
    """What a plain command line asks: the root's values, the command and its values."""

    def __init__(self, root_command: Command, root: dict[str, Any],
                 command: Optional[Command], values: dict[str, Any]) -> None:
        self.root_command, self.root = root_command, root
        self.command, self.values = command, values


def _declared() -> dict[str, declare.Declared]:
    from sco_cli.cli import commands  # noqa: F401  (registration)

    return {d.name: d for d in declare.COMMANDS if d.group is None}


def _commands() -> dict[str, Command]:
    """Every command the fast path may run, read (a run reads only the one it names)."""
    return {name: Command(d) for name, d in _declared().items()}


def plan(argv: list[str]) -> Optional[Plan]:
    """What `argv` asks, if the fast path can read it all; None if it is Typer's to read."""
    if os.environ.get(COMPLETION):
        return None
    by_name = _declared()
    root = Command(declare.ROOT[0])
    if not root.plain:
        return None
    read = _read(root, argv, stop_at_positional=True)
    if read is None:
        return None
    root_values, rest = read
    if not rest:
        return Plan(root, root_values, None, {})
    declared = by_name.get(rest[0])
    command = Command(declared) if declared is not None else None
    if command is None or not command.plain:
        return None
    read = _read(command, rest[1:], stop_at_positional=False)
    if read is None:
        return None
    return Plan(root, root_values, command, read[0])


def _read(command: Command, words: list[str],
          stop_at_positional: bool) -> Optional[tuple[dict[str, Any], list[str]]]:
    """The values `words` give `command`'s parameters, and what is left (the root stops at
    the command's name); None if anything is not plain."""
    values: dict[str, Any] = {}
    positional: list[str] = []
    index, only_positional = 0, False
    while index < len(words):
        word = words[index]
        if only_positional or word == "-" or not word.startswith("-"):
            if stop_at_positional:
                finished = _finish(command, values)
                return None if finished is None else (finished, words[index:])
            positional.append(word)
            index += 1
        elif word == "--" and not stop_at_positional:
            only_positional = True
            index += 1
        else:
            taken = _option(command, words, index, values)
            if taken is None:
                return None
            index = taken
    if not _arguments(command, positional, values):
        return None
    finished = _finish(command, values)
    return None if finished is None else (finished, [])


def _option(command: Command, words: list[str], index: int,
            values: dict[str, Any]) -> Optional[int]:
    """Read the option at `words[index]` (and its value) into `values`: the index of the
    word after them, or None if it is not plain."""
    word = words[index]
    name, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
    spec = command.options.get(name)
    if spec is None or (spec.flag and equals):
        return None
    if spec.flag:
        values[spec.name] = True
        return index + 1
    if equals:
        text, index = attached, index + 1
    elif index + 1 < len(words) and not words[index + 1].startswith("-"):
        text, index = words[index + 1], index + 2
    else:
        return None
    value = _value(spec, text)
    if value is _INVALID or (spec.name in values and not spec.many):
        return None
    if spec.many:
        values.setdefault(spec.name, []).append(value)
    else:
        values[spec.name] = value
    return index


def _arguments(command: Command, positional: list[str], values: dict[str, Any]) -> bool:
    """Give the arguments, in order, the words that are not options; False if there are
    more words than arguments or a word is not one of an argument's choices."""
    for spec in command.arguments:
        if spec.many and positional:
            values[spec.name], positional = [_value(spec, t) for t in positional], []
        elif positional:
            values[spec.name] = _value(spec, positional.pop(0))
    return not positional and not any(
        v is _INVALID or (isinstance(v, list) and _INVALID in v) for v in values.values())


def _value(spec: Spec, text: str) -> Any:
    if spec.choices is None:
        return text
    return spec.choices.get(spec.convert(text), _INVALID)


def _finish(command: Command, values: dict[str, Any]) -> Optional[dict[str, Any]]:
    """Every parameter's value: what was given, else its default; None if a required one
    is missing."""
    specs = {s.name: s for s in [*command.options.values(), *command.arguments]}
    for name, spec in specs.items():
        if name not in values:
            if spec.required:
                return None
            values[name] = spec.default
    return values


def run(argv: list[str]) -> bool:
    """Run `argv` if it is plain; False (nothing done, nothing printed) if it is Typer's."""
    chosen = plan(argv)
    if chosen is None:
        return False
    root_context = declare.Context("sco", chosen.root)
    root_context.invoked_subcommand = chosen.command.declared.name if chosen.command else None
    base.EMITTED.set(False)
    try:
        _call(chosen.root_command, root_context, chosen.root)
        if chosen.command is not None:
            context = declare.Context(chosen.command.declared.name, chosen.values,
                                      parent=root_context)
            _call(chosen.command, context, chosen.values)
    except ScoError as err:
        if err.exit_status == ExitStatus.USAGE and not base.EMITTED.get():
            return False  # Typer says it, with the usage line
        from sco_cli import output

        output.error(err)
        sys.exit(int(err.exit_status))
    return True


def _call(command: Command, context: declare.Context, values: dict[str, Any]) -> None:
    kwargs = dict(values)
    if command.declared.listing is not None:  # a data command: the shared options as `opts`
        kwargs["opts"] = base.take_options(kwargs, base.added_options(command.declared.listing))
    if command.context:
        kwargs[command.context] = context
    command.declared.function(**kwargs)
