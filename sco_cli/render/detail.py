"""One record in full, as (label, value) pairs: the body of a panel or of plain text."""

from __future__ import annotations

from typing import Any

from sco_cli.dataset import Dataset
from sco_cli.query import meeting_name
from sco_cli.render.text import header, scalar
from sco_cli.render.views import Row

Pairs = list[tuple[str, Any]]  # the same shape as sco_cli.output.Pairs

_SKIP = {"inferred", "host_name"}

def source_line(ds: Dataset, source_id: str) -> str:
    source = ds.sources.get(source_id)
    if source is None:
        return source_id
    return f"{source.id}: {source.title} ({source.publisher}, {source.date}) {source.url}"


def variant_lines(variants: list[Row]) -> list[str]:
    lines = []
    for variant in variants:
        line = f"{variant['field']}: {scalar(variant['value'])} [{', '.join(variant['sources'])}]"
        if variant.get("note"):
            line += f" {variant['note']}"
        lines.append(line)
    return lines


def history_lines(history: list[Row]) -> list[str]:
    lines = []
    for entry in history:
        span = f"{entry['start']} to {entry['end'] or 'now'}"
        extra = []
        if entry.get("decision"):
            extra.append(f"decision {entry['decision']}")
        if entry.get("memorandum"):
            extra.append(f"memorandum {entry['memorandum']}")
        if entry.get("variants"):
            extra.append("sources differ: " + "; ".join(variant_lines(entry["variants"])))
        if entry.get("note"):
            extra.append(entry["note"])
        line = f"{entry['status']}: {span}"
        lines.append(line + (f" ({'; '.join(extra)})" if extra else ""))
    return lines


def _hosted_line(item: Row) -> str:
    name = meeting_name(item["council"], item.get("number"))
    place = f", {item['city']}" if item.get("city") else ""
    status = " (scheduled)" if item.get("status") == "scheduled" else ""
    return f"{item['start_date']}: {name}{place}{status} [{item['id']}]"


def _chair_line(item: Row) -> str:
    line = f"{item['start']} to {item['end'] or 'now'}"
    if item.get("slogan"):
        line += f": {item['slogan']}"
    return line + (" (inferred from the host)" if item.get("inferred") else "")


def _secretary_line(item: Row) -> str:
    return f"{item['name']}: {item['start']} to {item['end']}"


_LIST_LINES = {
    "summits_hosted": _hosted_line,
    "chairmanships": _chair_line,
    "secretaries_general": _secretary_line,
}


def pairs(ds: Dataset, row: Row, fields: tuple[str, ...]) -> Pairs:
    """Every field with a value, labelled; sources with their titles, variants spelt out."""
    inferred = set(row.get("inferred") or ())
    out: Pairs = []
    for field in fields:
        value = row.get(field)
        if field in _SKIP or value is None or value == [] or value == "":
            continue
        label = header(field)
        if field == "sources":
            out.append((label, [source_line(ds, s) for s in value]))
        elif field == "variants":
            out.append(("Other sources report", variant_lines(value)))
        elif field == "history":
            out.append((label, history_lines(value)))
        elif field in _LIST_LINES:
            out.append((label, [_LIST_LINES[field](item) for item in value]))
        elif field == "host" and row.get("host_name"):
            out.append((label, f"{row['host_name']} ({value})"))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out.append((label, list(value)))
        elif isinstance(value, dict):
            parts = [f"{k}: {scalar(v)}" for k, v in value.items() if v is not None]
            out.append((label, ", ".join(parts)))
        else:
            text = scalar(value)
            out.append((label, text + (" (inferred)" if field in inferred else "")))
    return out


def summit_title(row: Row) -> str:
    place = row.get("city") or row.get("host_name") or ""
    year = row["start_date"][:4]
    inferred = "number" in (row.get("inferred") or ())
    heading = meeting_name(row["council"], row.get("number"), inferred)
    if row["status"] == "scheduled":
        heading = "Scheduled: " + heading
    return f"{heading}, {place} {year}".strip()
