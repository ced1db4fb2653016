"""Whole numbers read from the command line, the environment and the data: ASCII digits only.

`str.isdigit()` is true for '²' and '２', and `int()` reads '２０２５' as 2025 but fails on
'²': a check with one and a conversion with the other is either a crash or a wrong answer.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"[0-9]+")


def is_digits(text: str) -> bool:
    """True if `text` is one or more of the ASCII digits 0-9, and nothing else."""
    return _DIGITS.fullmatch(text) is not None


def whole(text: str | None, low: int, high: int) -> int | None:
    """`text` as a number from `low` to `high`, or None if it is anything else (no sign, no
    spaces, no other digits)."""
    if text is None or not is_digits(text) or len(text) > len(str(high)):
        return None
    value = int(text)
    return value if low <= value <= high else None


def has_other_digits(text: str) -> bool:
    """True if `text` holds a digit that is not ASCII ('²', '٣', '２'): worth saying so."""
    return any(char.isdigit() and not char.isascii() for char in text)
