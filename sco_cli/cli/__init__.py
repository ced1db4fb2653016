"""The sco command line. Importing the command modules registers their commands on `app`, in
the order `sco --help` lists them."""
# isort: skip_file

from sco_cli.cli import browse, records, depth, explore, meta  # noqa: F401  (registration)
from sco_cli.cli import dataout  # noqa: F401  (registration)
from sco_cli.cli.base import app, run

__all__ = ["app", "run"]
