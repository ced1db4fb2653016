"""The JSON contract: one dict per record, and its JSON Schema, both made from the model.

A record's JSON row is its model fields in declaration order, with the kind's derived fields
placed after the field each names (kinds.py), every key always present (null when unknown).
Nested records become objects, tuples arrays, and a whole-number float an integer. The JSON
Schema of every command (draft 2020-12) is read from the same annotations, so the two cannot
drift apart. Tables, plain text and CSV are drawn from these rows too.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from sco_cli import model
from sco_cli.kinds import VIEWS, Kind

Row = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def fields(kind: Kind) -> tuple[str, ...]:
    """The JSON keys of a kind's rows, in order: the --fields choices."""
    return tuple(name for name, _ in _layout(kind))


def row(kind: Kind, ds: Any, record: Any) -> Row:
    """A record as its kind's JSON object."""
    out: Row = {}
    for name, source in _layout(kind):
        if isinstance(source, str):
            out[name] = plain(getattr(record, source))
        else:
            out[name] = plain(source.compute(ds, record))
    return out


def plain(value: Any) -> Any:
    """A model value as JSON data."""
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if isinstance(value, model.Record):
        return {name: plain(getattr(value, name)) for name in value.__fields__}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


# By kind, not by name: two kinds may share one (the people of people.toml and `sco people`).
_LAYOUTS: dict[int, list[tuple[str, Any]]] = {}


def _layout(kind: Kind) -> list[tuple[str, Any]]:
    """(key, model field name or Derived) for each JSON key of a kind, in order."""
    if id(kind) not in _LAYOUTS:
        after: dict[str | None, list[Any]] = {}
        for extra in kind.derived:
            after.setdefault(extra.after, []).append(extra)
        layout: list[tuple[str, Any]] = [(d.name, d) for d in after.get(None, [])]
        pending = [name for name in kind.model.__fields__ if name not in kind.omit]
        for name in pending:
            layout.append((name, name))
            queue = list(after.get(name, []))
            while queue:  # a derived field may itself be followed by another
                extra = queue.pop(0)
                layout.append((extra.name, extra))
                queue[:0] = after.get(extra.name, [])
        _LAYOUTS[id(kind)] = layout
    return _LAYOUTS[id(kind)]


def types_of(kind: Kind) -> dict[str, Any]:
    """The annotation of each JSON key of a kind."""
    hints = kind.model.__hints__
    out = {}
    for name, source in _layout(kind):
        tp = hints[source] if isinstance(source, str) else source.type
        if name in kind.choices:
            tp = typing.Literal[kind.choices[name]]
        out[name] = tp
    return out


# -- JSON Schemas -----------------------------------------------------------------------------


def schema_names() -> tuple[str, ...]:
    return tuple(VIEWS)


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of `sco NAME --json`. A listing prints an array of records, or one
    record when asked for one (`sco summits 2025`): its schema accepts either. Every key is
    required (a value may be null) and no other key is allowed."""
    kind = VIEWS[name]
    defs: dict[str, Any] = {}
    record = _object(types_of(kind), defs)
    document: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": f"https://sco-cli.invalid/schema/{name}.json",
        "title": f"sco {name} --json",
        "description": kind.description,
    }
    if kind.single:
        document.update(record)
    else:
        defs["record"] = record
        document["oneOf"] = [
            {"type": "array", "items": {"$ref": "#/$defs/record"}},
            {"$ref": "#/$defs/record"},
        ]
    if defs:
        document["$defs"] = dict(sorted(defs.items(), key=lambda item: item[0] != "record"))
    return document


def _object(hints: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: _type(tp, defs) for key, tp in hints.items()},
        "required": list(hints),
        "additionalProperties": False,
    }


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        arms = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(arms) < len(typing.get_args(tp))
        if len(arms) == 1 and typing.get_origin(arms[0]) is typing.Literal:
            values = list(typing.get_args(arms[0]))
            return {"enum": values + [None] if nullable else values}
        options = [_type(a, defs) for a in arms] + ([{"type": "null"}] if nullable else [])
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (tuple, list):
        return {"type": "array", "items": _type(typing.get_args(tp)[0], defs)}
    if origin is dict:
        keys, value = typing.get_args(tp)
        return _object({key: value for key in typing.get_args(keys)}, defs)
    if isinstance(tp, type) and issubclass(tp, model.Record):
        name = _snake(tp.__name__)
        if name not in defs:
            defs[name] = {}  # placeholder first: shapes may refer to others
            defs[name] = _object(dict(tp.__hints__), defs)
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and issubclass(tp, model.Date):
        return {"type": "string", "pattern": DATE_PATTERN}
    if isinstance(tp, type) and issubclass(tp, str):
        return {"type": "string"}
    return {"type": _SIMPLE[tp]}


_SIMPLE = {int: "integer", float: "number", bool: "boolean"}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
