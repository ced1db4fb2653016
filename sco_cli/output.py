"""Choose the output format and print: data on stdout, messages on stderr.

The format is the user's choice (--format, --json) or, by default, a table on a terminal and
plain text in a pipe. JSON never passes through Rich; Rich is imported only to draw a table or
a panel.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Sequence
from typing import Any

from sco_cli import contract, kinds
from sco_cli.contract import Row
from sco_cli.controls import Controls
from sco_cli.errors import ScoError, UsageError
from sco_cli.kinds import Kind
from sco_cli.names import closest
from sco_cli.render import text
from sco_cli.wording import ordinal

Pairs = list[tuple[str, Any]]  # (label, value) rows of a record shown in full


class Format(str, enum.Enum):
    table = "table"
    plain = "plain"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    tsv = "tsv"


class Emission:
    """What a command prints: text for stdout, or a drawing (a Rich renderable) for a
    terminal, and remarks for a person on stderr. Only the CLI writes them (cli/base.py)."""

    __slots__ = ("text", "drawing", "notes", "color", "after", "parts")

    def __init__(self, text: str | None = None, drawing: Any = None,
                 notes: Sequence[str] = (), color: bool | None = None,
                 after: str | None = None, parts: Sequence[Emission] = ()) -> None:
        self.parts = list(parts)  # several emissions, printed one after the other
        self.text = text
        self.drawing = drawing
        self.notes = list(notes)
        self.color = color
        self.after = after  # plain text printed after the drawing (whole URLs)


class PipeGuard:
    """stdout, remembering whether the reader went away (`sco ... | head`) or a write failed
    (a full disk, a closed descriptor), whoever wrote."""

    closed_by_reader = False
    failure: OSError | None = None

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> int:
        return int(self._watch(self._stream.write, data))

    def flush(self) -> None:
        self._watch(self._stream.flush)

    @staticmethod
    def _watch(call: Any, *args: Any) -> Any:
        try:
            return call(*args)
        except BrokenPipeError:
            PipeGuard.closed_by_reader = True
            raise
        except OSError as err:
            PipeGuard.failure = err
            raise

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # Click writes to the buffer of a stream it distrusts
            raise AttributeError(name)
        return getattr(self._stream, name)


def prepare_streams() -> None:
    """Reopen closed descriptors, drop unusable sizes (sco_cli/streams.py); replace what a
    stream cannot encode (PYTHONIOENCODING=ascii) instead of crashing; watch stdout for a
    reader that stops reading or a write that fails; make a lost message never fatal."""
    from sco_cli import streams

    streams.reopen_closed()
    streams.drop_unusable_sizes()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    if not isinstance(sys.stdout, PipeGuard):
        sys.stdout = PipeGuard(sys.stdout)
    if not isinstance(sys.stderr, streams.MessageGuard):
        sys.stderr = streams.MessageGuard(sys.stderr)


def silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def error(err: ScoError) -> None:
    message = f"Error: {text.clean(err.message, one_line=False)}\n"
    if err.hint:
        message += f"{text.clean(err.hint[:1].upper() + err.hint[1:], one_line=False)}\n"
    sys.stderr.write(message)


def note(message: str) -> None:
    """A remark for a person: only when stderr is a terminal, never in a script's way."""
    if sys.stderr.isatty():
        sys.stderr.write(text.clean(message, one_line=False) + "\n")


def _ascii_only() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding not in ("utf8", "utf16", "utf32")


class Output:
    """How this run prints: the format, the fields, colour, and whether stdout is a terminal.
    Its methods return an Emission; they never write."""

    __slots__ = ("format", "fields", "color", "terminal", "controls", "brief")

    def __init__(
        self, format_: Format, fields: tuple[str, ...] | None, color: bool | None, terminal: bool,
        controls: Controls | None = None,
    ) -> None:
        self.format = format_
        self.fields = fields
        self.color = color
        self.terminal = terminal
        self.controls = controls or Controls()
        self.brief = False  # a record in full without its sources and variants

    @classmethod
    def choose(
        cls, json_: bool, format_: Format | None, fields: str | None, no_color: bool,
        kind: Kind | None = None, sort: str | None = None, reverse: bool = False,
        limit: int | None = None,
    ) -> Output:
        if json_ and format_ not in (None, Format.json):
            raise UsageError(f"--json and --format {format_.value} ask for different formats")
        terminal = sys.stdout.isatty()
        chosen = Format.json if json_ else format_ or (Format.table if terminal else Format.plain)
        selected = None
        if fields is not None:
            selected = tuple(f.strip() for f in fields.split(",") if f.strip())
            if not selected:
                raise UsageError("--fields: give at least one field name")
        controls = Controls(sort, reverse, limit)
        chosen_output = cls(chosen, selected, False if no_color else None, terminal, controls)
        if kind is not None:
            valid = contract.fields(kind)
            chosen_output._select(valid, valid)  # an unknown field fails now
            controls.check(valid)
        return chosen_output

    # -- shapes ---------------------------------------------------------------------------

    def about(self, ds: Any, overview: Any) -> Emission:
        row = contract.row(kinds.ABOUT, ds, overview)
        if self.format in (Format.table, Format.plain) and self.fields is None:
            return self._detail(row["name"], _about_pairs(row), f"data as of {row['data_as_of']}")
        return self.record(ds, kinds.ABOUT, row, row["name"])

    def records(self, ds: Any, kind: Kind, found: Sequence[Any], title: str) -> Emission:
        """Many records of one kind: a table, lines of plain text, or a JSON array."""
        return self.listing(ds, kind, [contract.row(kind, ds, r) for r in found], title)

    def one(self, ds: Any, kind: Kind, found: Any, title: str | None = None) -> Emission:
        """One record in full: a panel, 'Label: value' lines, or a JSON object."""
        row = contract.row(kind, ds, found)
        heading = title or (kind.title(row) if kind.title else str(row[kind.id_field]))
        return self.record(ds, kind, row, heading)

    def several(self, ds: Any, kind: Kind, found: Sequence[Any]) -> Emission:
        """Records asked for by id, each in full: panels one after the other, or an array."""
        if self.format in (Format.table, Format.plain):
            shown = [self.one(ds, kind, record) for record in found]
            if self.format is Format.plain:
                return Emission("\n".join(e.text or "" for e in shown))
            return Emission(parts=shown)
        rows = [contract.row(kind, ds, record) for record in found]
        fields = self._select(contract.fields(kind), contract.fields(kind))
        return Emission(self._machine([{f: r[f] for f in fields} for r in rows], fields,
                                      many=True))

    def hits(self, ds: Any, found: Sequence[Any], title: str) -> Emission:
        """Search hits; on a terminal, the matched words stand out in the snippets."""
        rows = [contract.row(kinds.SEARCH, ds, hit) | {"spans": hit.spans} for hit in found]
        if self.format is Format.table and self.fields is None and rows:
            rows, left_out = self.controls.apply(rows)
            spans = {"snippet": [row.pop("spans") for row in rows]}
            more = [f"{left_out} more hits (--limit N to see them)"] if left_out else []
            return self._draw_table(kinds.SEARCH, rows, kinds.SEARCH.columns, title, [], more,
                                    spans)
        for row in rows:
            del row["spans"]
        return self.listing(ds, kinds.SEARCH, rows, title)

    def listing(self, ds: Any, kind: Kind, rows: list[Row], title: str) -> Emission:
        valid = contract.fields(kind)
        rows, left_out = self.controls.apply(rows)
        more = [f"{left_out} more {kind.noun} not shown (--limit)"] if left_out else []
        if self.format in (Format.table, Format.plain):
            fields = self._select(valid, kind.columns)
            if not rows:
                return Emission(notes=[f"No {kind.noun} match."])
            if self.format is Format.plain:
                return Emission(text.to_plain(rows, fields), notes=more)
            marks = [("*" if has_variants(r) else "") + ("‡" if weak_only(ds, r) else "")
                     + ("~" if r.get("uncertain") else "") for r in rows]
            return self._draw_table(kind, rows, fields, title, marks,
                                    _table_notes(kind, rows, marks) + more)
        fields = self._select(valid, valid)
        projected = [{f: r[f] for f in fields} for r in rows]
        return Emission(self._machine(projected, fields, many=True), notes=more)

    def record(self, ds: Any, kind: Kind, row: Row, title: str) -> Emission:
        fields = self._select(contract.fields(kind), contract.fields(kind))
        if self.format in (Format.table, Format.plain):
            from sco_cli.render import detail

            if self.brief:
                fields = tuple(f for f in fields if f not in ("sources", "variants"))
            return self._detail(title, detail.pairs(ds, row, fields), None)
        projected = {f: row[f] for f in fields}
        return Emission(self._machine(projected, fields, many=False))

    def _machine(self, data: Any, fields: tuple[str, ...], many: bool) -> str:
        ascii_only = _ascii_only()
        if self.format is Format.json:
            return text.to_json(data, pretty=self.terminal, ascii_only=ascii_only)
        rows = data if many else [data]
        if self.format is Format.ndjson:
            return text.to_ndjson(rows, ascii_only)
        if self.format is Format.csv:
            return text.to_csv(rows, fields)
        return text.to_tsv(rows, fields)

    def _select(self, valid: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
        if self.fields is None:
            return default
        unknown = [f for f in self.fields if f not in valid]
        if unknown:
            close = closest(unknown[0], valid, limit=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise UsageError(f"--fields: unknown field {unknown[0]!r}{hint}; valid fields: "
                             f"{', '.join(valid)}")
        return self.fields

    def _detail(self, title: str, pairs: Pairs, subtitle: str | None) -> Emission:
        if self.format is Format.plain:
            # With --fields the lines are only the values asked for, easy to cut or grep.
            heading = "" if self.fields else title + (f" ({subtitle})" if subtitle else "")
            return Emission((text.clean(heading) + "\n" if heading else "")
                            + text.to_plain_detail(pairs))
        from sco_cli.render import rich_out

        urls: list[str] = []
        box = rich_out.panel(title, pairs, subtitle, urls)
        after = "".join(f"[{n}] {url}\n" for n, url in enumerate(urls, 1))
        return Emission(drawing=box, color=self.color, after=after or None)

    def _draw_table(self, kind: Kind, rows: list[Row], fields: tuple[str, ...], title: str,
                    marks: list[str], notes: list[str],
                    highlights: dict[str, list[Any]] | None = None) -> Emission:
        from sco_cli.render import rich_out

        available = None if self.fields else rich_out.width(sys.stdout, self.color)
        grid = rich_out.table(rows, fields, title, marks, notes, highlights, width=available,
                              drop=kind.drop)
        return Emission(drawing=grid, color=self.color)


def has_variants(row: Row) -> bool:
    if row.get("variants"):
        return True
    return any(entry.get("variants") for entry in row.get("history") or ())


WEAK = ("mirror", "analysis")


def weak_only(ds: Any, row: Row) -> bool:
    """Whether every source a record cites is a mirror or an analysis page."""
    cited = row.get("sources") or []
    if not cited or "publisher" in row:  # a source itself is not marked
        return False
    found = [ds.get("sources", s) for s in cited]
    return all(s is not None and s.kind in WEAK for s in found)


def _table_notes(kind: Kind, rows: list[Row], marks: list[str]) -> list[str]:
    """The lines under a table that explain its marks, with a command to copy."""
    notes: list[str] = []
    if kind.ident is None:
        return notes
    command, key = kind.show or kind.command, kind.id_field
    explained = (("*", "other sources report different values; see them with"),
                 ("‡", "rests only on mirror or analysis pages; see its sources with"),
                 ("~", "uncertain on that date (the change is known only to the month or year, "
                       "or the date is after the data stops); see the history with"))
    units = sorted({str(r["unit"]) for r in rows if r.get("unit")})
    if len(units) > 1 and "value" in rows[0]:
        notes.append(f"Values are in {len(units)} units ({', '.join(units)}): read each with "
                     "its Unit column, or pick one with --unit.")
    for mark, words in explained:
        first = next((r for r, m in zip(rows, marks, strict=True) if mark in m), None)
        if first is not None:
            notes.append(f"{mark} {words}: sco {command} {first[key]}")
    return notes


def _staleness(as_of: str) -> str:
    """A warning when the data is more than half a year old: later events are missing."""
    import datetime

    from sco_cli.dates import date_key

    age = datetime.date.today() - datetime.date.fromisoformat(date_key(as_of))
    return "; later events are not covered" if age.days > 182 else ""


def _about_pairs(row: Row) -> Pairs:
    counts = row["counts"]
    latest = row["latest_summit"]
    chair = row["current_chair"]
    pairs: Pairs = [
        ("Founded", f"{row['founded']}, {row['founded_in']}"),
        ("Official languages", ", ".join(row["official_languages"])),
    ]
    for key, label in (("secretariat", "Secretariat"), ("rats", "RATS")):
        body = row[key]
        if body:
            opened = f" (since {body['established']})" if body.get("established") else ""
            pairs.append((label, f"{body['seat']}{opened}"))
    family = ", ".join(f"{n} {status.replace('_', ' ')}s" for status, n in counts.items() if n)
    pairs.append(("Family", f"{row['family_size']} countries" + (f": {family}" if family else "")))
    if latest:
        when = latest["start_date"] if latest["start_date"] == latest["end_date"] else (
            f"{latest['start_date']} to {latest['end_date']}")
        number = ordinal(latest["number"]) + " summit, " if latest["number"] else ""
        place = latest["city"] or latest.get("host_name") or latest["host"]
        pairs.append(("Latest summit", f"{number}{place}, {when}"))
    if chair:
        pairs.append(("Chair", f"{chair['name']} (since {chair['start']})"))
    pairs.append(("Data", f"version {row['dataset_version']}, as of {row['data_as_of']}"
                          f"{_staleness(row['data_as_of'])}"))
    pairs.append(("Fingerprint", row["dataset_fingerprint"] + (
        " (modified: not the bundled data)" if row["dataset_modified"] else "")))
    pairs.append(("Licence", row["licence"]))
    kinds_ = row["sources_by_kind"]
    pairs.append(("Source kinds", f"{sum(kinds_.values())}: " + ", ".join(
        f"{n} {kind}" for kind, n in kinds_.items() if n) + " (sco sources --kind KIND)"))
    pairs.append(("Sources", ", ".join(row["sources"]) + " (sco sources ID)"))
    return pairs
