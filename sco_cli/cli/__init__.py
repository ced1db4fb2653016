"""The sco command line. `app` (the Typer app) and `run` are imported on first use, so that
importing a module of the package does not import Typer."""

from typing import Any

__all__ = ["app", "run"]


def __getattr__(name: str) -> Any:
    if name == "app":
        from sco_cli.cli.typer_app import app

        return app
    if name == "run":
        from sco_cli.cli.base import run

        return run
    raise AttributeError(name)
