"""Exports: the ledger written in the formats other tools read.

One module per format (``jsonl``, ``table`` for CSV, ``provenance`` for W3C
PROV, ``graphml``, ``brat``); this package adds the one entry point the CLI
and the web API share, :func:`render`, plus :func:`write_brat` for the one
format that is a folder of files rather than one file.

Every writer takes model :class:`~reportedly.model.Ledger` objects, not
database rows, so what is exported is exactly what ``reportedly.analyze``
returns; :func:`ledgers_from_store` gets them out of a store.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reportedly.model import Ledger

if TYPE_CHECKING:
    from reportedly.store import Store

FORMATS = ("jsonl", "csv", "brat", "prov-json", "prov-ttl", "graphml")

#: Media type and file suffix of each format.
MEDIA_TYPES = {
    "jsonl": ("application/x-ndjson; charset=utf-8", ".jsonl"),
    "csv": ("text/csv; charset=utf-8", ".csv"),
    "brat": ("text/plain; charset=utf-8", ".ann"),
    "prov-json": ("application/json; charset=utf-8", ".prov.json"),
    "prov-ttl": ("text/turtle; charset=utf-8", ".ttl"),
    "graphml": ("application/graphml+xml; charset=utf-8", ".graphml"),
}


class ExportError(ValueError):
    """An export that cannot be made as asked (unknown format, brat for many documents …)."""


#: The writer of each one-file format, as (module, function): imported on demand, since the PROV
#: writers pull in prov (and rdflib for Turtle), which a user exporting CSV should not pay for.
_WRITERS = {
    "jsonl": ("reportedly.export.jsonl", "ledgers_to_jsonl"),
    "csv": ("reportedly.export.table", "ledgers_to_csv"),
    "prov-json": ("reportedly.export.provenance", "ledgers_to_prov_json"),
    "prov-ttl": ("reportedly.export.provenance", "ledgers_to_prov_turtle"),
    "graphml": ("reportedly.export.graphml", "ledgers_to_graphml"),
}


def _renderer(fmt: str) -> Callable[[Iterable[Ledger]], str]:
    if fmt == "brat":
        return _one_brat
    if fmt in _WRITERS:
        module, name = _WRITERS[fmt]
        return getattr(importlib.import_module(module), name)
    raise ExportError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")


def _one_brat(ledgers: Iterable[Ledger]) -> str:
    from reportedly.export.brat import ledger_to_brat

    items = list(ledgers)
    if len(items) != 1:
        raise ExportError(
            f"brat standoff is one .ann file per document and {len(items)} documents were selected; "
            "choose one document, or write a folder (reportedly export --format brat --out DIR)"
        )
    return ledger_to_brat(items[0])


def render(ledgers: Iterable[Ledger], fmt: str) -> str:
    """The export of ``ledgers`` in ``fmt`` as one text (brat: exactly one ledger)."""
    return _renderer(fmt)(ledgers)


def write_brat(ledgers: Iterable[Ledger], folder: str | Path) -> list[Path]:
    """Write ``<document id>.txt`` and ``.ann`` per ledger: the layout brat and the scorer read.

    The text is written byte for byte (no newline translation), because brat
    offsets count characters of exactly that text.
    """
    from reportedly.export.brat import ledger_to_brat

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for ledger in ledgers:
        doc = ledger.document
        txt = out / f"{doc.id}.txt"
        ann = out / f"{doc.id}.ann"
        with txt.open("w", encoding="utf-8", newline="") as fh:
            fh.write(doc.text)
        with ann.open("w", encoding="utf-8", newline="") as fh:
            fh.write(ledger_to_brat(ledger))
        written += [txt, ann]
    return written


def story_document_ids(store: Store, story: str) -> list[str]:
    """The documents of a story from the last link run; ``StoreError`` for an unknown story."""
    found, _summaries = store.story(story)
    return list(found.documents)


def ledgers_from_store(
    store: Store,
    *,
    document: str | None = None,
    documents: Iterable[str] | None = None,
    story: str | None = None,
) -> Iterator[Ledger]:
    """The stored ledgers to export: one document, a list of them, a story's, or the whole store.

    Yields one ledger at a time so exporting a large store does not hold it
    all in memory. Raises ``StoreError`` for an unknown document or story id.
    """
    if document is not None:
        yield store.load(document)
        return
    if story is not None:
        documents = story_document_ids(store, story)
    ids = list(documents) if documents is not None else [d["id"] for d in store.documents()]
    for doc_id in ids:
        yield store.load(doc_id)


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "ExportError",
    "ledgers_from_store",
    "render",
    "story_document_ids",
    "write_brat",
]
