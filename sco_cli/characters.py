"""The characters sco never prints raw, because they could make a terminal or a reader see
something other than what the data or the command line says.

- C0 and C1 controls and DEL (U+0000-U+001F but tab and line feed, U+007F-U+009F): escape
  sequences that a terminal obeys, carriage returns and backspaces that overwrite a line;
- bidirectional formatting characters: the embeddings and overrides U+202A-U+202E, the
  isolates U+2066-U+2069 and the marks U+200E, U+200F and U+061C, which reorder what is shown
  (the Trojan Source class, CVE-2021-42574);
- the line and paragraph separators U+2028 and U+2029, which split "one record per line";
- lone surrogates (U+D800-U+DFFF), which is how Python passes on command-line bytes that are
  not UTF-8.

Tab and line feed are not in the set: where text must stay on one line, `clean()`
(sco_cli/render/text.py) turns them into spaces. Joiners (U+200C, U+200D) are not either:
Persian, Indic scripts and emoji need them, and they reorder nothing.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def escape(char: str) -> str:
    """How text shows an unsafe character: ESC -> '\\x1b', U+202E -> '\\u202e'."""
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def json_escape(char: str) -> str:
    """How JSON text shows one: ESC -> '\\u001b', the same character once parsed."""
    return f"\\u{ord(char):04x}"


def describe(char: str) -> str:
    """'U+202E, a bidirectional formatting character', for validation messages."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        what = "a control character"
    elif code in (0x2028, 0x2029):
        what = "a line or paragraph separator"
    elif 0xD800 <= code <= 0xDFFF:
        what = "a lone surrogate"
    else:
        what = "a bidirectional formatting character"
    return f"U+{code:04X}, {what}"
