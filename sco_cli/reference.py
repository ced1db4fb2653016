"""The reference sections of README.md and data/README.md, written from the declarations.

The JSON contract (every command's keys) comes from the registry and the model, as the JSON
itself does; the data format tables (every file's keys) from the same model classes the loader
checks the files against. tests/test_reference.py keeps both documents true and rewrites them
with `python tests/test_reference.py --update`. Not used at run time.
"""

from __future__ import annotations

import textwrap
import types
import typing
from typing import Any

from sco_cli import contract, kinds, model

_MARKERS = {model.Date: "date", model.Period: "period", model.CountryCode: "country code",
            model.SourceId: "source id", model.SummitId: "meeting id", str: "string",
            int: "integer", float: "number", bool: "boolean"}


def describe(tp: Any) -> str:
    """A type in words: 'date', 'array of strings', 'one of `a`, `b`'."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        arms = [a for a in typing.get_args(tp) if a is not type(None)]
        return " or ".join(describe(a) for a in arms)
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(tp))
    if origin in (tuple, list):
        item = describe(typing.get_args(tp)[0])
        return f"array of {item}s" if not item.startswith("one of") else f"array of ({item})"
    if origin is dict:
        return "object keyed by " + describe(typing.get_args(tp)[0])
    if isinstance(tp, type) and issubclass(tp, model.Record):
        return "object"
    return _MARKERS.get(tp, "string")


def contract_section() -> str:
    """The JSON keys of every command, one bullet per command."""
    lines = []
    for name, kind in kinds.VIEWS.items():
        docs = {**kind.model.__docs__, **{d.name: d.doc for d in kind.derived if d.doc}}
        hints = contract.types_of(kind)
        keys = []
        for key, tp in hints.items():
            parts = [docs[key]] if key in docs else []
            if typing.get_origin(tp) is typing.Literal or _literal_arm(tp):
                parts.append(describe(tp))
            keys.append(f"`{key}`" + (f" ({'; '.join(parts)})" if parts else ""))
        shape = " (object)" if kind.single else ""
        bullet = f"- **{name}**{shape}: " + ", ".join(keys) + "."
        lines.append(textwrap.fill(bullet, 100, subsequent_indent="  ", break_on_hyphens=False,
                                   break_long_words=False))
    return "\n".join(lines) + "\n"


def _literal_arm(tp: Any) -> bool:
    return any(typing.get_origin(a) is typing.Literal for a in typing.get_args(tp))


def format_section() -> str:
    """A table of keys for every file of the dataset."""
    out = []
    for kind in kinds.FILES:
        assert kind.file is not None
        table = f"`[[{kind.key}]]`" if kind.many else f"`[{kind.key}]`"
        out.append(f"### `{kind.file}`: {table}\n")
        out.append(f"{kind.description}\n" if kind.command is None else
                   f"Shown by `sco {kind.command}`.\n")
        out.append(_key_table(kind.model))
        for field, tp in kind.model.__hints__.items():
            inner = _nested_record(tp)
            if inner is not None and inner is not model.Variant:
                out.append(f"Each entry of `{field}`:\n")
                out.append(_key_table(inner))
    return "\n".join(out)


def _key_table(cls: Any) -> str:
    rows = ["| key | type | meaning |", "| --- | --- | --- |"]
    for name, tp in cls.__hints__.items():
        optional = "" if name in cls.__required__ else ", optional"
        meaning = cls.__docs__.get(name, "")
        rows.append(f"| `{name}` | {describe(tp)}{optional} | {meaning} |")
    return "\n".join(rows) + "\n"


def _nested_record(tp: Any) -> Any:
    """The record class an array field holds, or None."""
    args = typing.get_args(tp)
    if args and isinstance(args[0], type) and issubclass(args[0], model.Record):
        return args[0]
    return None
