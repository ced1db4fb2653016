"""The command line as a library: run a command in-process, and read its declarations.

Used by sco_cli.api, so that the API's functions are made from the same declarations as the
commands (and the API itself need not know Typer).
"""

from typing import Any

import typer

from sco_cli.cli.typer_app import app


def command(name: str) -> Any:
    """The declaration of a command (its parameters, help and options)."""
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


def main(argv: list[str]) -> None:
    """Run sco with `argv`, errors raised rather than printed (see base.RAISE_ERRORS)."""
    typer.main.get_command(app).main(argv, prog_name="sco", standalone_mode=False)
