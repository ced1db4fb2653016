"""The data out of sco: the whole dataset at once (export), and the sources of records as
references (cite)."""

import enum
import sys
from typing import Annotated, Optional

from sco_cli.cli.base import dataset, emit
from sco_cli.cli.declare import Argument, Context, Option, command
from sco_cli.output import Emission
from sco_cli.render.text import clean


@command(rich_help_panel="Data and contract")
def export(
    ctx: Context,
    sqlite: Annotated[
        Optional[str],
        Option("--sqlite", metavar="FILE",
               help="An SQLite database: a table per kind, with links, citations, "
                    "participants, histories and metadata."),
    ] = None,
    json_file: Annotated[
        Optional[str],
        Option("--json-file", metavar="FILE",
               help="One JSON object keyed by kind, the rows each command's --json "
                    "prints ('-': stdout)."),
    ] = None,
    csv_dir: Annotated[
        Optional[str],
        Option("--csv-dir", metavar="DIR",
               help="A directory of CSV files, one per table of the SQLite export."),
    ] = None,
    force: Annotated[
        bool,
        Option("--force", help="Overwrite an existing file, or the CSV files in a "
                               "directory that is not empty."),
    ] = False,
) -> None:
    """Export the whole dataset at once: SQLite, one JSON file, or a directory of CSV files.

    Give any of the three; each is written whole under a temporary name and renamed into
    place, so a failure leaves no partial file. An existing file is kept unless --force. The
    SQLite file opens as it is in sqlite3, Datasette or DuckDB. A summary goes to stderr.

    Examples:

      $ sco export --sqlite sco.db

      $ sco export --json-file - | jq '.summits | length'

      $ sco export --csv-dir csv --force
    """
    from sco_cli import export as exporting
    from sco_cli.output import _ascii_only
    from sco_cli.render.text import to_json

    report = exporting.run(dataset(ctx), sqlite, json_file, csv_dir, force)
    if report.document is not None:
        pretty = sys.stdout.isatty()
        emit(Emission(to_json(report.document, pretty=pretty, ascii_only=_ascii_only())))
    sys.stderr.write(clean(report.summary(), one_line=False))


class CiteFormat(str, enum.Enum):
    bibtex = "bibtex"
    csl_json = "csl-json"
    ris = "ris"


@command(rich_help_panel="Records")
def cite(
    ctx: Context,
    ids: Annotated[
        list[str],
        Argument(metavar="ID...",
                 help="Records of any kind by id: chs-2024, IND, charter-2002, a source "
                      "id, narendra-modi."),
    ],
    format_: Annotated[
        CiteFormat,
        Option("--format", "-f", case_sensitive=False,
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
