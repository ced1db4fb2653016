"""One rule for matching names: case, accents and punctuation do not matter.

`fold` maps each character to one (so positions in the folded text are positions in the
original, which search highlighting needs); `normalise` is the form names are looked up by,
`slug` the form ids are made from, and `closest` ranks the names a mistyped one may have meant.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_ASCII_FOLD = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}


def fold(text: str) -> str:
    """Lower case without accents, one character for one; anything but a letter or a digit
    becomes a space."""
    if text.isascii():  # the common case, done in C
        return text.translate(_ASCII_FOLD)
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1].casefold()[:1] if char.strip() else " "
        out.append(base if base.isalnum() else " ")
    return "".join(out)


def normalise(name: str) -> str:
    """The folded words of a name, without a leading 'the': 'The Türkiye' -> 'turkiye'."""
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    """'Vladimir Norov' -> 'vladimir-norov'."""
    return "-".join(fold(text).split())


def closest(wanted: str, choices: Iterable[str], limit: int = 3, cutoff: float = 0.6
            ) -> tuple[str, ...]:
    """The choices that start with `wanted`, then those most like it (case does not matter)."""
    import difflib

    folded = {c.casefold(): c for c in choices}
    wanted = wanted.casefold()
    starting = [c for f, c in folded.items() if wanted and f.startswith(wanted)]
    alike = [folded[f] for f in difflib.get_close_matches(wanted, list(folded), n=limit,
                                                           cutoff=cutoff)]
    return tuple(dict.fromkeys(starting + alike))[:limit]


def nearest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or nothing."""
    close = closest(word, list(choices), limit=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
