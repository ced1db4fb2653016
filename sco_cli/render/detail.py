"""One record in full, as (label, value) pairs: the body of a panel or of plain text.

A value is a string or a list of lines. In a list, a line that starts with two spaces belongs
to the line before it (a sub-line: a source's address, a history entry's decision).
"""

from __future__ import annotations

from typing import Any

from sco_cli.contract import Row
from sco_cli.dataset import Dataset
from sco_cli.render.lines import LIST_LINES
from sco_cli.render.text import display, header, scalar
from sco_cli.wording import meeting_name

Pairs = list[tuple[str, Any]]

_SKIP = {"inferred", "host_name", "country_name", "date_basis"}


def source_lines(ds: Dataset, source_id: str) -> list[str]:
    source = ds.get("sources", source_id)
    if source is None:
        return [source_id]
    when = display("date", source.date, {"date_basis": source.date_basis})
    return [f"{source.title} ({source.publisher}, {when}) [{source.id}]", f"  {source.url}"]


def variant_lines(variants: list[Row]) -> list[str]:
    lines = []
    for variant in variants:
        value = display(variant["field"], variant["value"], {})
        lines.append(f"{header(variant['field'])}: {value} [{', '.join(variant['sources'])}]")
        if variant.get("note"):
            lines.append(f"  {variant['note']}")
    return lines


def history_lines(ds: Dataset, history: list[Row], as_of: str | None = None) -> list[str]:
    """A status history; an open status is said to hold 'since' its start, or 'from' it when
    the history is as it stood on `as_of` (it may have ended later)."""
    lines = []
    for entry in history:
        status = display("status", entry["status"], {})
        if entry["end"]:
            lines.append(f"{status}: {entry['start']} to {entry['end']}")
        else:
            lines.append(f"{status}: {'from' if as_of else 'since'} {entry['start']}")
        decision = entry.get("decision")
        if decision:
            summit = ds.get("summits", decision)
            name = meeting_name(summit.council, summit.number) if summit else decision
            place = f", {summit.city}" if summit and summit.city else ""
            lines.append(f"  decided at the {name}{place} [{decision}]")
        if entry.get("memorandum"):
            lines.append(f"  memorandum signed {entry['memorandum']}")
        lines.extend(f"  other sources: {line.strip()}" if not line.startswith("  ") else
                     f"    {line.strip()}" for line in variant_lines(entry.get("variants") or []))
        if entry.get("note"):
            lines.append(f"  {entry['note']}")
        if entry.get("sources"):
            lines.append(f"  sources: {', '.join(entry['sources'])}")
    return lines


def pairs(ds: Dataset, row: Row, fields: tuple[str, ...]) -> Pairs:
    """Every field with a value, labelled; sources with their titles, variants spelt out."""
    inferred = set(row.get("inferred") or ())
    out: Pairs = []
    for field in fields:
        value = row.get(field)
        if field == "status" and value is None and row.get("as_of"):
            out.append(("Status", f"not in the SCO family on {row['as_of']}"))
            continue
        if field == "uncertain":
            if value:
                out.append(("Uncertain", "the status on this date may differ: the change is "
                                         "known only to the month or year, or the date is "
                                         "after the data stops"))
            continue
        if field in _SKIP or value is None or value == [] or value == "":
            continue
        label = header(field)
        if field == "sources":
            out.append((label, [line for s in value for line in source_lines(ds, s)]))
        elif field == "variants":
            out.append(("Other sources report", variant_lines(value)))
        elif field == "history":
            out.append((label, history_lines(ds, value, row.get("as_of"))))
        elif field in LIST_LINES and isinstance(value, list):
            out.append((label, LIST_LINES[field](ds, value)))
        elif field in ("host", "country") and isinstance(value, str) and (
                named := ds.get("countries", value)):
            out.append((label, f"{named.name} ({value})"))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out.append((label, list(value)))
        elif isinstance(value, dict):
            parts = [f"{k}: {scalar(v)}" for k, v in value.items() if v is not None]
            out.append((label, ", ".join(parts)))
        else:
            text = display(field, value, row)
            out.append((label, text + (" (inferred)" if field in inferred else "")))
    return out
