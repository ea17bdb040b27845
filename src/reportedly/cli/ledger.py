"""Reading the store: claims, documents and entities."""

from __future__ import annotations

from typing import Annotated, Any

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

    Example: reportedly claims --source NFSA --stance confirmed --json
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

    Example: reportedly documents
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


def entity_table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``entities`` table's rows: one per named entity, and one per anonymous description.

    An anonymous group is one entity per document (GLOSSARY: "the officials" of one article are
    not those of another), so ten articles that each cite "officials" store ten entities. Listed
    one a row they read as ten copies of one name; here those of one name and type share a row
    that says in how many documents the description stands for a group of its own, their claims
    summed. ``--json`` keeps every stored entity."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for row in rows:
        if not row["anonymous"]:
            out.append(row)
            continue
        key = (row["name"].casefold(), row["type"])
        if key not in merged:
            merged[key] = {**row, "aliases": list(row["aliases"]), "documents": 0, "claims": 0}
            out.append(merged[key])
        group = merged[key]
        group["documents"] += 1
        group["claims"] += row.get("claims") or 0
        group["aliases"] += [a for a in row["aliases"] if a not in group["aliases"]]
    return out


def _entity_cells(row: dict[str, Any]) -> list[Any]:
    cells = entity_cells(row, "aliases")
    n = row.get("documents", 0)
    if n > 1:  # the group rows of several documents say so: else the row reads as one group
        cells[2] = f"yes, {n} docs"
    return [*cells, str(row.get("claims", ""))]


@app.command()
def entities(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List the sources (entities) in the store with their aliases.

    Anonymous groups ("officials") are one entity per document; the table shows each
    description once with the number of documents, --json every stored entity.

    Example: reportedly entities --json
    """
    store = require_store(db)
    rows = store.entities()
    store.close()
    table_rows = rows if as_json else entity_table_rows(rows)
    print_rows(
        table_rows,
        ("name", "type", "anonymous", "aliases", "claims"),
        _entity_cells,
        as_json=as_json,
        title=f"{len(rows)} entities",
    )
