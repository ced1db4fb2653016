"""JSON Schemas (draft 2020-12) of every command's --json output, made from the views.

A listing command prints an array of records, or one record when it is asked for one (e.g.
`sco summits 2025`); its schema accepts either. Every key is required (a value may be null) and
no other key is allowed, so a schema changes whenever the JSON contract does.
"""

from __future__ import annotations

from typing import Any

from sco_cli.render.views import ARRAYS, SHAPES, VIEWS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SINGLE = {"about", "country"}  # commands that always print one object


def names() -> tuple[str, ...]:
    return tuple(VIEWS)


def schema(name: str) -> dict[str, Any]:
    view = VIEWS[name]
    defs: dict[str, Any] = {}
    record = _object(view.types, defs)
    document: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"https://sco-cli.invalid/schema/{name}.json",
        "title": f"sco {name} --json",
        "description": view.description,
    }
    if name in SINGLE:
        document.update(record)
    else:
        defs["record"] = record
        document["oneOf"] = [
            {"type": "array", "items": {"$ref": "#/$defs/record"}},
            {"$ref": "#/$defs/record"},
        ]
    if defs:
        document["$defs"] = defs
    return document


def _object(types: dict[str, str], defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: _type(spec, defs) for key, spec in types.items()},
        "required": list(types),
        "additionalProperties": False,
    }


def _type(spec: str, defs: dict[str, Any]) -> dict[str, Any]:
    nullable = spec.endswith("?") or spec.startswith("enum?:")
    spec = spec.rstrip("?").replace("enum?:", "enum:")
    if spec.startswith("enum:"):
        values: list[Any] = spec[5:].split("|")
        return {"enum": values + [None] if nullable else values}
    if spec in ARRAYS:
        base: dict[str, Any] = {"type": "array", "items": _ref(ARRAYS[spec], defs)}
    elif spec in SHAPES:
        base = _ref(spec, defs)
    else:
        base = _SIMPLE[spec]
    return {"anyOf": [base, {"type": "null"}]} if nullable else base


def _ref(shape: str, defs: dict[str, Any]) -> dict[str, Any]:
    if shape not in defs:
        defs[shape] = {}  # placeholder first: shapes may refer to others
        defs[shape] = _object(SHAPES[shape], defs)
    return {"$ref": f"#/$defs/{shape}"}


_SIMPLE: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "pattern": DATE_PATTERN},
    "strings": {"type": "array", "items": {"type": "string"}},
    "any": {"type": ["string", "number", "boolean", "array"]},
}
