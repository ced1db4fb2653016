"""Entry point of `sco` and `python -m sco_cli`.

Kept tiny so that Ctrl-C while the rest is still importing exits quietly too.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from sco_cli.cli import run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
