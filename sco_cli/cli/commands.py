"""Every command: importing this module registers them (cli/declare.py), in the order
`sco --help` lists them."""
# isort: skip_file

from sco_cli.cli import browse, records, depth, explore, meta  # noqa: F401  (registration)
from sco_cli.cli import dataout  # noqa: F401  (registration)
