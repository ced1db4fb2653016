"""The Python API: one function per data command, returning what `--json` prints.

    >>> from sco_cli import api
    >>> api.country("India")["status"]
    'member'
    >>> [s["city"] for s in api.summits(council="government", since="2024")]
    ['Islamabad', 'Moscow', 'Dushanbe']

Each function is named as its command (`people` for `sco people`), takes the command's
arguments positionally and its options as keyword arguments, spelt as the option without its
dashes (`as_of="2017-01-01"` for `--as-of`, `sort="date"`, `reverse=True`), and returns the
parsed JSON: a list of dicts for a listing, a dict for one record. Errors raise the same
exceptions the command reports, with the same message and hint: `NotFoundError` (exit status
1), `UsageError` (2), `DataError` (1), all `ScoError`. `data="DIR"` reads another dataset, as
`--data` does. The functions are made from the command line's own declarations, so they take
exactly what the commands take.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
from collections.abc import Callable
from typing import Any

from sco_cli.errors import ScoError, UsageError

__all__ = ["ScoError", "UsageError"]

# The commands that print data (not `schema`, `data validate`, `export`).
COMMANDS = ("about", "summits", "members", "country", "people", "documents", "trade",
            "principles", "chairs", "secretaries", "officials", "institutions", "claims",
            "events", "sources", "search", "timeline", "cite")
_NOT_PARAMETERS = {"json_", "format_", "fields", "no_color", "ctx", "help"}


def _call(command: str, argv: list[str], data: str | None) -> Any:
    from sco_cli.cli import calls
    from sco_cli.cli.base import RAISE_ERRORS

    root = ["--data", data] if data is not None else []
    extra = ["--format", "csl-json"] if command == "cite" else ["--json"]
    buffer = io.StringIO()
    token = RAISE_ERRORS.set(True)
    try:
        with contextlib.redirect_stdout(buffer):
            calls.main([*root, command, *extra, *argv])
    except ScoError:
        raise
    except Exception as err:  # a usage error found by the command line parser itself
        format_message = getattr(err, "format_message", None)
        raise UsageError(format_message() if format_message else str(err)) from None
    finally:
        RAISE_ERRORS.reset(token)
    return json.loads(buffer.getvalue())


def _function(command: str) -> Callable[..., Any]:
    from sco_cli.cli import calls

    click_command = calls.command(command)
    arguments = [p for p in click_command.params if p.param_type_name == "argument"]
    options = {p.name: p for p in click_command.params
               if p.param_type_name == "option" and p.name not in _NOT_PARAMETERS}

    def call(*args: Any, data: str | None = None, **kwargs: Any) -> Any:
        argv: list[str] = []
        for name, value in kwargs.items():
            option = options.get(name) or options.get(name + "_")
            if option is None:
                raise UsageError(f"{command}() takes no option {name!r}; it takes: "
                                 f"{', '.join(n.rstrip('_') for n in options)}")
            flag = max(option.opts, key=len)
            if option.is_flag:
                argv += [flag] if value else []
            elif isinstance(value, (list, tuple)):
                argv += [part for item in value for part in (flag, str(item))]
            elif value is not None:
                argv += [flag, str(value)]
        argv += ["--", *(str(a) for a in args)] if args else []
        return _call(command, argv, data)

    call.__name__ = call.__qualname__ = command
    call.__doc__ = (click_command.help or "").split("\n\n")[0]
    parameters = [inspect.Parameter(a.name or "arg", inspect.Parameter.VAR_POSITIONAL
                                    if a.nargs == -1 else inspect.Parameter.POSITIONAL_ONLY,
                                    default=inspect.Parameter.empty)
                  for a in arguments]
    parameters += [inspect.Parameter(name.rstrip("_"), inspect.Parameter.KEYWORD_ONLY,
                                     default=None) for name in options]
    parameters.append(inspect.Parameter("data", inspect.Parameter.KEYWORD_ONLY, default=None))
    call.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return call


def __getattr__(name: str) -> Callable[..., Any]:
    # Built on first use, so that `import sco_cli.api` costs nothing until a call.
    if name in COMMANDS:
        function = _function(name)
        globals()[name] = function
        return function
    raise AttributeError(name)


def __dir__() -> list[str]:
    return sorted([*COMMANDS, *__all__])
