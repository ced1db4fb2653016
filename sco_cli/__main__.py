"""Entry point of `sco` and `python -m sco_cli`.

Kept tiny so that Ctrl-C while the rest is still importing exits quietly too.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def console() -> None:
    """The `sco` command: main() in a process that ends with it.

    A run builds many small objects that live until it ends, so the cyclic collector is off
    from the start (it would only walk them again and again), and whatever exists when the
    command is done is frozen, so that the interpreter's last collection at exit skips it.
    Measured on `sco members --json`: about a fifth of the run. Only here, never in main():
    a test calling main() in-process must not inherit a disabled collector or frozen objects.
    """
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


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
    console()
