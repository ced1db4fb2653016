"""Entry point of `sco` and `python -m sco_cli`.

Kept tiny so that Ctrl-C while the rest is still importing exits quietly too.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    if not (sys.stdout.isatty() and sys.stderr.isatty()):
        # Help and usage errors in plain text, not Rich boxes, when they go to a pipe or file.
        os.environ.setdefault("TYPER_USE_RICH", "0")
    try:
        from sco_cli.cli import run

        run()
    except KeyboardInterrupt:
        from sco_cli.errors import ExitStatus

        sys.stderr.write("\n")
        sys.exit(int(ExitStatus.INTERRUPTED))


if __name__ == "__main__":
    main()
