"""Text formats that need no Rich: JSON, NDJSON, CSV, TSV and plain text for pipes.

Every string from the data or the command line passes through `clean()` before it is printed,
so a control character, an escape sequence or a bidirectional override is shown as an escape,
never obeyed and never silently dropped (sco_cli/characters.py lists them). JSON text passes
through it too and gets JSON's own escapes: the same string once parsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sco_cli.characters import UNSAFE, escape, json_escape
from sco_cli.contract import Row

_LINE_BREAKS = re.compile(r"[\t\n\r]+")

HEADERS = {
    "alpha2": "Alpha-2",
    "start_date": "Start",
    "end_date": "End",
    "host_name": "Host",
    "summits_hosted": "Meetings hosted",
    "formal_name": "Formal name",
    "introduced_at": "Introduced at",
    "data_as_of": "Data as of",
}


def header(field: str) -> str:
    return HEADERS.get(field) or field.replace("_", " ").capitalize()


# How tables and panels word fixed values; JSON, CSV, TSV and plain text keep the raw value.
_WORDS = {
    "china_and_other_members": "China with the other members",
    "china_and_sco_family": "China with the SCO family",
    "member_states_total": "member states' total",
    "among_member_states": "among member states",
    "ppp": "PPP",
}
_FIXED_VALUES = {"format", "status", "council", "scope", "topic", "kind", "basis", "measure"}
_DATE_BASIS = {"event": "date of the event", "read": "year read"}


def display(field: str, value: Any, row: Row) -> str:
    """A value as a person reads it in a table or panel."""
    if value is None:
        if field == "end" and row.get("start"):
            return "open"  # no end known: not "now", which the data cannot vouch for
        if field == "city" and row.get("format") == "virtual":
            return "(video link)"
        return ""
    if field in _FIXED_VALUES and isinstance(value, str):
        return _WORDS.get(value, value.replace("_", " ").replace("-", " "))
    if field == "date" and row.get("date_basis") in _DATE_BASIS:
        return f"{value} ({_DATE_BASIS[row['date_basis']]})"
    return scalar(value)


def clean(text: str, one_line: bool = True, json_: bool = False) -> str:
    """`text` safe to print: each unsafe character shown as an escape (ESC -> '\\x1b',
    U+202E -> '\\u202e'); tabs and newlines become spaces when the text must stay on one
    line. With `json_`, `text` is JSON and gets JSON escapes ('\\u001b'), which parse back
    to the same string; its line breaks are left alone."""
    if json_:
        return UNSAFE.sub(lambda m: json_escape(m.group()), text)
    if one_line:
        text = _LINE_BREAKS.sub(" ", text)
    return UNSAFE.sub(lambda m: escape(m.group()), text)


def scalar(value: Any) -> str:
    """A cell's text: lists of strings joined with '; ', objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        if all(isinstance(item, str) for item in value):
            return "; ".join(value)
        return compact_json(value)
    if isinstance(value, dict):
        return compact_json(value)
    return str(value)


# json.dumps escapes C0 controls but leaves DEL, C1 controls, bidi characters and U+2028/9 as
# they are, even with ensure_ascii (DEL): clean() escapes them. No NaN or Infinity either,
# which are not JSON (RFC 8259); the loader refuses them in the data.


def compact_json(data: Any, ascii_only: bool = False) -> str:
    text = json.dumps(data, ensure_ascii=ascii_only, separators=(",", ":"), allow_nan=False)
    return clean(text, json_=True)


def to_json(data: Any, pretty: bool, ascii_only: bool = False) -> str:
    if pretty:
        text = json.dumps(data, ensure_ascii=ascii_only, indent=2, allow_nan=False)
        return clean(text, json_=True) + "\n"
    return compact_json(data, ascii_only) + "\n"


def to_ndjson(rows: Iterable[Row], ascii_only: bool = False) -> str:
    return "".join(compact_json(row, ascii_only) + "\n" for row in rows)


def to_csv(rows: Iterable[Row], fields: Sequence[str]) -> str:
    """CSV (RFC 4180) with a header row; see the README for how lists are flattened."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([clean(scalar(row[f]), one_line=False) for f in fields] for row in rows)
    return out.getvalue()


def to_tsv(rows: Iterable[Row], fields: Sequence[str]) -> str:
    """TSV with a header row: no quoting; tabs and line breaks inside values become spaces."""
    return "\t".join(fields) + "\n" + to_plain(rows, fields)


def to_plain(rows: Iterable[Row], fields: Sequence[str]) -> str:
    """One record per line, fields separated by tabs, nothing truncated, no header."""
    return "".join("\t".join(clean(scalar(row[f])) for f in fields) + "\n" for row in rows)


def to_plain_detail(pairs: Sequence[tuple[str, str | list[str]]]) -> str:
    """A single record as 'Label: value' lines; list values follow, one per line."""
    lines = []
    for label, value in pairs:
        if isinstance(value, list):
            lines.append(f"{label}:")
            lines.extend(f"      {clean(item.strip())}" if item.startswith("  ")
                         else f"  - {clean(item)}" for item in value)
        else:
            lines.append(f"{label}: {clean(value)}")
    return "\n".join(lines) + "\n"
