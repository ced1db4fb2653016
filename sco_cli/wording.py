"""How sco words things in English: ordinals, the names of meetings, statuses in a sentence.

Shared by the timeline and search (which build titles) and by rendering. Pure functions.
"""

from __future__ import annotations

_ORDINAL = {1: "st", 2: "nd", 3: "rd"}

COUNCIL_NAMES = {
    "heads-of-state": "Council of Heads of State",
    "government": "Council of Heads of Government",
    "foreign-ministers": "Council of Foreign Ministers",
    "shanghai-five": "Shanghai Five",
}

STATUS_WORDS = {
    "member": "a member state",
    "observer": "an observer",
    "dialogue_partner": "a dialogue partner",
    "partner": "an SCO partner",
}


def ordinal(number: int) -> str:
    """1 -> '1st', 22 -> '22nd', 13 -> '13th'."""
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL.get(number % 10, "th")
    return f"{number}{suffix}"


def meeting_name(council: str, number: int | None, number_inferred: bool = False) -> str:
    """'25th meeting of the Council of Heads of State', '6th Shanghai Five summit'."""
    ordinal_ = f"{ordinal(number)}{' (inferred)' if number_inferred else ''} " if number else ""
    if council == "shanghai-five":
        return f"{ordinal_}Shanghai Five summit"
    name = f"meeting of the {COUNCIL_NAMES[council]}"
    return f"{ordinal_}{name}" if ordinal_ else name[0].upper() + name[1:]


def shorten(text: str, width: int = 40) -> str:
    """`text` cut to `width` characters, for messages that quote what the user typed."""
    return text if len(text) <= width else text[: width - 3] + "..."
