"""Output taller than the terminal goes through a pager, as git and gh do.

Only when stdout is a terminal, never in a pipe or a file. The pager is $SCO_PAGER, else
$PAGER, else `less -FRX` (which quits at once when the text fits, keeps colours and leaves
the text on the screen); an empty SCO_PAGER, `cat`, or `sco --no-pager` turns it off.
"""

from __future__ import annotations

import os
import sys

# shlex, shutil, signal and subprocess are imported where they serve: a run whose output
# goes to a pipe asks only wanted(), and they were a seventh of `sco members --json`.

DEFAULT = "less -FRX"


def command() -> list[str] | None:
    """The pager to use, or None for none."""
    import shlex
    import shutil

    chosen = os.environ.get("SCO_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER") or DEFAULT
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def wanted(disabled: bool) -> bool:
    return not disabled and sys.stdout.isatty()


def taller_than_screen(text: str) -> bool:
    import shutil

    lines = shutil.get_terminal_size(fallback=(80, 24)).lines
    return text.count("\n") >= lines


def page(text: str, pager: list[str]) -> bool:
    """Show `text` in the pager; False if it could not be started (then print it as usual).
    Ctrl-C belongs to the pager while it runs."""
    import signal
    import subprocess

    env = {**os.environ, "LESSCHARSET": os.environ.get("LESSCHARSET", "utf-8")}
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process = subprocess.Popen(pager, stdin=subprocess.PIPE, env=env)
    except OSError:
        signal.signal(signal.SIGINT, previous)
        return False
    try:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
            process.stdin.close()
        except BrokenPipeError:  # the reader quit before reading it all
            pass
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
