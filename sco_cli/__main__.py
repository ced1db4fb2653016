"""Entry point of `sco` and `python -m sco_cli`.

Kept tiny so that Ctrl-C while the rest is still importing exits quietly too.
"""

from __future__ import annotations

import contextlib
import os
import sys


def main() -> None:
    if not (_terminal(sys.stdout) and _terminal(sys.stderr)):
        # Help and usage errors in plain text, not Rich boxes, when they go to a pipe or file.
        os.environ.setdefault("TYPER_USE_RICH", "0")
    try:
        from sco_cli.cli import run

        run()
    except KeyboardInterrupt:
        from sco_cli.errors import ExitStatus

        with contextlib.suppress(AttributeError, OSError):  # stderr closed: the status says it
            sys.stderr.write("\n")
        sys.exit(int(ExitStatus.INTERRUPTED))


def _terminal(stream: object) -> bool:
    """True if `stream` is a terminal; a stream closed at start (None) is not."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


if __name__ == "__main__":
    main()
