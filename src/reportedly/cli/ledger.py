"""Reading the store: claims, documents and entities."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Column
from rich.text import Text

from .app import app
from .options import DEFAULT_DB, EXIT_INPUT, EXIT_USAGE, DbOpt, JsonOpt, fail, require_store
from .output import cell, claims_table, counted, dump, entity_cells, err, out, print_rows, show


@app.command()
def claims(
    db: DbOpt = DEFAULT_DB,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Entity name or alias, or the name as articles write it, e.g. NIS."),
    ] = None,
    stance: Annotated[str | None, typer.Option("--stance", help="confirmed, asserted, estimated, …")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect, according_to, …")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document id.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many claims.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List stored claims, optionally filtered by source (incl. through chains) and stance.

    Example: reportedly claims --source NIS --stance confirmed --json
    """
    from ..model import ClaimKind, Stance

    if stance is not None and stance not in {s.value for s in Stance}:
        raise fail(f"unknown stance {stance!r}; use one of: {', '.join(s.value for s in Stance)}", EXIT_USAGE)
    if kind is not None and kind not in {k.value for k in ClaimKind}:
        raise fail(f"unknown kind {kind!r}; use one of: {', '.join(k.value for k in ClaimKind)}", EXIT_USAGE)
    store = require_store(db)
    if document is not None and not store.has_document(document):
        store.close()
        raise fail(f"no document {document!r}; list them with: reportedly documents", EXIT_INPUT)
    rows = store.claims(source=source, stance=stance, kind=kind, document=document, limit=limit)
    store.close()
    if as_json:
        dump(rows)
        return
    show(claims_table(rows, title=counted(len(rows), "claim"), ids=True))
    if not rows and source is not None:
        # An empty table alone reads as "this source said nothing": more often the name is
        # written another way than the store knows it.
        err.print(
            Text(f"no claim's source is {source!r}; list the sources with: reportedly entities", style="dim")
        )


DOCUMENT_COLUMNS = ("id", "title", "outlet", "published", "language", "claims")


def _document_columns() -> list[Column]:
    """The documents table's columns, new for each table (a rich Column holds its table's cells).

    An id is copied into other verbs (claims --document, export --document) and a date is read
    whole: neither may wrap or be cut to "…" on an 80-column terminal; the title wraps instead.
    """
    return [
        Column("id", no_wrap=True),
        Column("title", ratio=3, overflow="fold"),
        Column("outlet", ratio=2, overflow="fold"),
        Column("published", no_wrap=True),
        Column("language"),
        Column("claims", justify="right", no_wrap=True),
    ]


@app.command()
def documents(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List stored documents with their claim counts.

    Example: reportedly documents --db news.db
    """
    store = require_store(db)
    rows = store.documents()
    errors = store.errors()
    store.close()
    print_rows(
        rows,
        _document_columns(),
        lambda r: [cell(r.get(c)) for c in DOCUMENT_COLUMNS],
        as_json=as_json,
        title=f"{len(rows)} documents",
        data={"documents": rows, "errors": errors},
    )
    if errors and not as_json:
        out.print(Text(f"{len(errors)} ingest error(s); see --json", style="yellow"))


@app.command()
def entities(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List the sources (entities) in the store with their aliases.

    Example: reportedly entities --json
    """
    store = require_store(db)
    rows = store.entities()
    store.close()
    print_rows(
        rows,
        ("name", "type", "anonymous", "aliases", "claims"),
        lambda r: [*entity_cells(r, "aliases"), str(r.get("claims", ""))],
        as_json=as_json,
        title=f"{len(rows)} entities",
    )
