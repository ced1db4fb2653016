"""Rich tables and panels for people on a terminal. The only module that imports Rich.

Every value is wrapped in `Text` (never parsed as markup) after `clean()`, so `[red]` in a data
file is shown as typed and an escape sequence is shown, not obeyed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import IO, Any, cast

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sco_cli import streams
from sco_cli.contract import Row
from sco_cli.render.text import clean, display, header

# Columns whose values must stay whole to be read or copied: ids, codes, dates, numbers.
NO_WRAP = {"id", "code", "alpha2", "number", "start", "end", "start_date", "end_date", "since",
           "date", "period", "value", "status", "kind", "country"}
NUMERIC = {"value", "number", "score"}
INFERRED_NOTE = "† inferred: derived from other records, not stated by a source"
INFERRED_MARK = " †"


def console(file: IO[str], color: bool | None) -> Console:
    """A console for `file`. `color=False` turns colour off; Rich itself honours NO_COLOR,
    FORCE_COLOR and TERM=dumb. A COLUMNS or LINES that is not a usable size is ignored
    (sco_cli/streams.py): Rich, which reads them itself, is given a size instead."""
    width = 80 if streams.unusable("COLUMNS") else None
    height = 25 if streams.unusable("LINES") else None
    force = False if os.environ.get("FORCE_COLOR", "").lower() in ("0", "false", "no") else None
    return Console(file=file, no_color=True if color is False else None, highlight=False,
                   emoji=False,
                   markup=False, width=width, height=height, force_terminal=force)


def fit(rows: Sequence[Row], fields: Sequence[str], width: int, drop: Sequence[str] = ()
        ) -> list[str]:
    """The fields that fit in `width` columns: those in `drop` go first, in its order, when
    space is short, so that what is left is readable rather than squeezed letter by letter."""
    def needed(field: str) -> int:
        longest = max([len(header(field))] + [len(display(field, r[field], r)) for r in rows])
        if field in NO_WRAP:
            marked = field == fields[0] or any(field in _inferred_fields(r) for r in rows)
            return longest + (3 if marked else 0)  # room for a '*', a '‡' or a '†'
        return min(longest, max(len(header(field)), 12))  # prose can wrap down to this

    widths = {field: needed(field) + 3 for field in fields}  # a border and a space either side
    kept = list(fields)
    # The listed columns first, then the others from the right; the first column stays.
    droppable = [f for f in drop if f in kept[1:]]
    droppable += [f for f in reversed(kept[1:]) if f not in droppable]
    while len(kept) > 1 and sum(widths[f] for f in kept) + 1 > width:
        kept.remove(droppable.pop(0))
    return kept


def table(
    rows: Sequence[Row],
    fields: Sequence[str],
    title: str | None = None,
    marked: Sequence[str] = (),
    notes: Sequence[str] = (),
    highlights: Mapping[str, Sequence[Sequence[tuple[int, int]]]] | None = None,
    width: int | None = None,
    drop: Sequence[str] = (),
) -> RenderableType:
    """Rows as a table, `notes` below it. A row's `marked` marks ('*', '‡') follow its first
    cell; a value the data marks as inferred gets a '†'. `highlights` gives, per
    field, the spans to emphasise in each row's cell. Given a `width`, columns that do not
    fit are left out and a note says so."""
    shown = fit(rows, fields, width, drop) if width else list(fields)
    if len(shown) < len(fields):
        hidden = [f for f in fields if f not in shown]
        notes = [*notes, f"Not shown at this width: {', '.join(hidden)} (see --fields)"]
    fields = shown
    if any(_inferred_fields(row) & set(fields) for row in rows):
        notes = [*notes, INFERRED_NOTE]
    grid = Table(
        title=Text(clean(title)) if title else None,
        header_style="bold",
        title_justify="left",
        expand=False,
    )
    for field in fields:
        grid.add_column(header(field), overflow="fold", no_wrap=field in NO_WRAP,
                        justify="right" if field in NUMERIC else "left")
    for index, row in enumerate(rows):
        inferred = _inferred_fields(row)
        cells = []
        for column, field in enumerate(fields):
            cell = Text(clean(display(field, row[field], row)))
            if field in inferred:
                cell.append(INFERRED_MARK, style="cyan")
            for start, end in ((highlights or {}).get(field) or [()] * len(rows))[index]:
                cell.stylize("bold yellow", start, end)
            if column == 0 and index < len(marked) and marked[index]:
                cell.append(" " + marked[index], style="yellow")
            cells.append(cell)
        grid.add_row(*cells)
    if not notes:
        return grid
    return Group(grid, *(Text(clean(note), style="dim") for note in notes))


def _inferred_fields(row: Row) -> set[str]:
    inferred = set(row.get("inferred") or ())
    if "country" in inferred:
        inferred.add("name")
    if "host" in inferred:
        inferred.add("host_name")
    return inferred


def panel(title: str, pairs: Sequence[tuple[str, Any]], subtitle: str | None = None,
          urls: list[str] | None = None) -> RenderableType:
    """One record: labels on the left, values (lists one item per line) on the right. Given
    `urls`, the addresses of sources are taken out of the box and collected there, numbered
    in the box, for the caller to print under it whole: a border never breaks a URL."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        items = _number_urls(value, urls) if isinstance(value, list) and urls is not None else value
        body = _lines(items) if isinstance(items, list) else Text(clean(str(items)))
        grid.add_row(Text(clean(label)), body)
    return Panel(
        grid,
        title=Text(clean(title), style="bold"),
        title_align="left",
        subtitle=Text(clean(subtitle), style="dim") if subtitle else None,
        subtitle_align="right",
        expand=False,
    )


def _number_urls(items: Sequence[str], urls: list[str]) -> list[str]:
    """A sub-line that is an address gives its line a '[n]'; the addresses are collected in
    `urls`, to be printed under the box."""
    out: list[str] = []
    for item in items:
        stripped = item.strip()
        if item.startswith("  ") and stripped.startswith(("http://", "https://")) and out:
            urls.append(stripped)
            out[-1] += f" [{len(urls)}]"
        else:
            out.append(item)
    return out


def _lines(items: Sequence[str]) -> Table:
    """List items with hanging indents: a bullet for an item, none for its sub-lines."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        if item.startswith("  "):
            grid.add_row("", Text(clean(item.strip()), style="dim"))
        else:
            grid.add_row("•", Text(clean(item)))
    return grid


def render(file: IO[str], renderable: RenderableType, color: bool | None) -> None:
    console(file, color).print(renderable)


def width(file: IO[str], color: bool | None) -> int:
    """The width tables are drawn to on `file`."""
    return console(file, color).width


def to_text(renderable: RenderableType, color: bool | None) -> str:
    """A drawing as the text it puts on this terminal (with its colours), for a pager."""
    import io

    target = console(sys.stdout, color)
    buffer = io.StringIO()
    capture = Console(file=buffer, width=target.width, force_terminal=target.is_terminal,
                      color_system=cast(Any, target.color_system), no_color=target.no_color,
                      highlight=False, emoji=False, markup=False, legacy_windows=False)
    capture.print(renderable)
    return buffer.getvalue()
