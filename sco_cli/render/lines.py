"""The lines of a panel for the lists a record holds: meetings hosted, participants grouped by
capacity, a person's meetings, the documents signed at a meeting... Each function takes the
whole list and returns its lines (a line that starts with two spaces belongs to the one
before it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sco_cli.contract import Row
from sco_cli.render.text import scalar
from sco_cli.wording import meeting_name

Lookup = Any  # anything with .get(kind, id), as the Dataset has

CAPACITIES = {
    "member": "Member states", "observer": "Observer states",
    "dialogue_partner": "Dialogue partners", "partner": "Partners", "guest": "Guests",
    "organisation": "International organisations", "sco_body": "SCO bodies",
}


def _each(line: Callable[[Lookup, Any], str]) -> Callable[[Lookup, list[Any]], list[str]]:
    return lambda ds, items: [line(ds, item) for item in items]


def _hosted(ds: Lookup, item: Row) -> str:
    name = meeting_name(item["council"], item.get("number"))
    place = f", {item['city']}" if item.get("city") else ""
    status = " (scheduled)" if item.get("status") == "scheduled" else ""
    return f"{item['start_date']}: {name}{place}{status} [{item['id']}]"


def _chair(ds: Lookup, item: Row) -> str:
    line = f"{item['start']} to {item['end']}" if item["end"] else f"from {item['start']}"
    if item.get("slogan"):
        line += f": {item['slogan']}"
    return line + (" (inferred from the host)" if item.get("inferred") else "")


def _secretary(ds: Lookup, item: Row) -> str:
    return f"{item['name']}: {item['start']} to {item['end']}"


def _trade(ds: Lookup, figure_id: str) -> str:
    figure = ds.get("trade", figure_id)
    if figure is None:
        return figure_id
    value = f"{scalar(figure.value)} {figure.unit}"
    return f"{figure.period}: {value}, {figure.indicator} [{figure_id}]"


def _claim(ds: Lookup, claim_id: str) -> str:
    claim = ds.get("claims", claim_id)
    return f"{claim.date}: {claim.text} [{claim_id}]" if claim else claim_id


def _document(ds: Lookup, document_id: str) -> str:
    document = ds.get("documents", document_id)
    return f"{document.title} [{document_id}]" if document else document_id


def _who(item: Row) -> str:
    who = item.get("name") or item.get("organisation") or item.get("country") or "?"
    title = f", {item['title']}" if item.get("title") else ""
    place = f" ({item['country']})" if item.get("country") and item.get("name") else ""
    online = " (online)" if item.get("attendance") == "online" else ""
    return f"{who}{title}{place}{online}"


def participants(ds: Lookup, items: list[Row]) -> list[str]:
    """Heads of delegation grouped by capacity, in the order the groups are listed above."""
    lines = []
    for capacity, heading in CAPACITIES.items():
        group = [item for item in items if item["capacity"] == capacity]
        if group:
            lines.append(f"{heading} ({len(group)})")
            lines += [f"  {_who(item)}" for item in group]
    return lines


def _meeting(ds: Lookup, item: Row) -> str:
    summit = ds.get("summits", item["id"])
    place = f", {summit.city}" if summit is not None and summit.city else ""
    title = f", as {item['title']}" if item.get("title") else ""
    name = meeting_name(item["council"], summit.number if summit is not None else None)
    return f"{item['date']}: {name}{place}{title} [{item['id']}]"


def _represented(ds: Lookup, item: Row) -> str:
    who = item.get("name") or "(not named)"
    title = f", {item['title']}" if item.get("title") else ""
    return f"{item['date']}: {who}{title} [{item['id']}]"


LIST_LINES: dict[str, Callable[[Lookup, list[Any]], list[str]]] = {
    "summits_hosted": _each(_hosted),
    "chairmanships": _each(_chair),
    "secretaries_general": _each(_secretary),
    "trade": _each(_trade),
    "claims": _each(_claim),
    "documents": _each(_document),
    "participants": participants,
    "meetings": _each(_meeting),
    "represented": _each(_represented),
}
