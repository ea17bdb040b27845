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
from typing import TYPE_CHECKING, NamedTuple

from reportedly.model import Ledger

if TYPE_CHECKING:
    from reportedly.store import Store


class _Format(NamedTuple):
    #: the media type; every export is UTF-8 text
    media_type: str
    suffix: str
    #: ``module:function`` of a one-file format's writer in this package, imported on demand:
    #: the PROV writers pull in prov (and rdflib for Turtle), which a user exporting CSV should
    #: not pay for. None for brat, one file per document (:func:`_one_brat`).
    writer: str | None


#: Each format declared once: its media type, file suffix and writer.
_FORMATS = {
    "jsonl": _Format("application/x-ndjson", ".jsonl", "jsonl:ledgers_to_jsonl"),
    "csv": _Format("text/csv", ".csv", "table:ledgers_to_csv"),
    "brat": _Format("text/plain", ".ann", None),
    "prov-json": _Format("application/json", ".prov.json", "provenance:ledgers_to_prov_json"),
    "prov-ttl": _Format("text/turtle", ".ttl", "provenance:ledgers_to_prov_turtle"),
    "graphml": _Format("application/graphml+xml", ".graphml", "graphml:ledgers_to_graphml"),
}

FORMATS = tuple(_FORMATS)

#: Media type (with its charset) and file suffix of each format.
MEDIA_TYPES = {fmt: (f"{f.media_type}; charset=utf-8", f.suffix) for fmt, f in _FORMATS.items()}


class ExportError(ValueError):
    """An export that cannot be made as asked (unknown format, brat for many documents …)."""


def _renderer(fmt: str) -> Callable[[Iterable[Ledger]], str]:
    if fmt == "brat":
        return _one_brat
    if fmt in _FORMATS and (writer := _FORMATS[fmt].writer) is not None:
        module, name = writer.split(":")
        return getattr(importlib.import_module(f"reportedly.export.{module}"), name)
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
