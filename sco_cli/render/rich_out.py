"""Rich tables and panels for people on a terminal. The only module that imports Rich.

Every value is wrapped in `Text` (never parsed as markup) after `clean()`, so `[red]` in a data
file is shown as typed and an escape sequence is shown, not obeyed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO, Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from sco_cli.render.text import clean, header, scalar
from sco_cli.render.views import Row


def console(file: IO[str], color: bool | None) -> Console:
    """A console for `file`; `color=False` turns colour off (Rich itself honours NO_COLOR,
    FORCE_COLOR and TERM=dumb)."""
    if color is False:
        return Console(file=file, no_color=True, highlight=False, emoji=False, markup=False)
    return Console(file=file, highlight=False, emoji=False, markup=False)


def table(
    rows: Sequence[Row],
    fields: Sequence[str],
    title: str | None = None,
    marked: Sequence[bool] = (),
    caption: str | None = None,
    highlights: Mapping[str, Sequence[Sequence[tuple[int, int]]]] | None = None,
) -> Table:
    """Rows as a table; a row whose `marked` flag is set gets a '*' after its first cell;
    `highlights` gives, per field, the spans to emphasise in each row's cell."""
    grid = Table(
        title=Text(clean(title)) if title else None,
        caption=Text(clean(caption), style="dim") if caption else None,
        header_style="bold",
        title_justify="left",
        caption_justify="left",
        expand=False,
    )
    for field in fields:
        numeric = field in ("value", "number")
        grid.add_column(header(field), overflow="fold", justify="right" if numeric else "left")
    for index, row in enumerate(rows):
        cells = [Text(clean(scalar(row[f]))) for f in fields]
        for column, field in enumerate(fields):
            for start, end in (highlights or {}).get(field, [()] * len(rows))[index]:
                cells[column].stylize("bold yellow", start, end)
        if cells and index < len(marked) and marked[index]:
            cells[0].append(" *", style="yellow")
        grid.add_row(*cells)
    return grid


def panel(title: str, pairs: Sequence[tuple[str, Any]], subtitle: str | None = None) -> Panel:
    """One record: labels on the left, values (lists one item per line) on the right."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in pairs:
        if isinstance(value, list):
            body: RenderableType = Group(*(Text("• " + clean(item)) for item in value))
        else:
            body = Text(clean(str(value)))
        grid.add_row(Text(clean(label)), body)
    return Panel(
        grid,
        title=Text(clean(title), style="bold"),
        title_align="left",
        subtitle=Text(clean(subtitle), style="dim") if subtitle else None,
        subtitle_align="right",
        expand=False,
    )


def render(file: IO[str], renderable: RenderableType, color: bool | None) -> None:
    console(file, color).print(renderable)
