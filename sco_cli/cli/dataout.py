"""The data out of sco: the sources of records as references (cite)."""

import enum
from typing import Annotated

import typer

from sco_cli.cli.base import app, dataset, emit, guarded
from sco_cli.output import Emission


class CiteFormat(str, enum.Enum):
    bibtex = "bibtex"
    csl_json = "csl-json"
    ris = "ris"


@app.command(rich_help_panel="Records")
@guarded
def cite(
    ctx: typer.Context,
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID...",
                       help="Records of any kind by id: chs-2024, IND, charter-2002, a source "
                            "id, narendra-modi."),
    ],
    format_: Annotated[
        CiteFormat,
        typer.Option("--format", "-f", case_sensitive=False,
                     help="bibtex (biblatex @online), csl-json (pandoc, Zotero) or ris."),
    ] = CiteFormat.bibtex,
) -> None:
    """The sources behind records, as references: BibTeX, CSL-JSON or RIS.

    The sources of each record, its variants, participants and history, each once, in the
    order they first appear. The access date is the dataset's as-of date; a page whose date
    is not its publication date gets no publication date. For APA or Chicago, pass the
    CSL-JSON to pandoc --citeproc or import it into Zotero.

    Examples:

      $ sco cite chs-2024

      $ sco cite IND charter-2002 --format ris

      $ sco cite chs-2025 --format csl-json > refs.json
    """
    from sco_cli import cite as citing

    ds = dataset(ctx)
    found = citing.sources_of(ds, ids)
    emit(Emission(citing.render(found, format_.value, ds.info.as_of)))
