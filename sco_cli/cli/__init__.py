"""The sco command line. Importing the command modules registers their commands on `app`."""

from sco_cli.cli import browse, explore, meta  # noqa: F401  (registration)
from sco_cli.cli.base import app, run

__all__ = ["app", "run"]
