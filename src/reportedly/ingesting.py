"""Ingesting a batch: read → skip what is stored → analyse → save → record errors.

:func:`ingest_into` is the one implementation; ``reportedly ingest``, the web
API's ``POST /api/documents`` and ``reportedly demo`` are skins over it.
Documents are analysed in this process or on the workers of a Dask cluster
(:mod:`reportedly.batch`); saving stays here, one writer, so re-ingesting is
idempotent on any database. Every source ends in the :class:`IngestReport`:
stored, skipped (already there) or an error, which is also recorded in the
store for the user to review, so one bad article never stops a batch.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .batch import BatchError, DaskRunner, Outcome, analyze_outcome, too_long
from .model import Document, Ledger

if TYPE_CHECKING:
    from distributed import Client

    from .ingest import IngestError
    from .store import Store

#: ingest.reader.DEFAULT_MAX_BYTES, repeated so that importing this module does not
#: import the ingest package (trafilatura, lxml); tests/test_ingest_into.py checks they agree.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document the store holds after the batch: written now, or already there (``created`` False).

    ``claims`` is the number of claims stored for it, or None for a document
    skipped as already stored without being analysed.
    """

    document_id: str
    source: str
    title: str | None
    claims: int | None
    created: bool


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """A source or document that could not be ingested; the store has a record of it.

    ``reason`` is an :class:`~reportedly.ingest.IngestError` reason (``binary``,
    ``fetch`` …), an analysis outcome's (``timeout``, ``memory``, ``analysis``,
    ``worker``) or ``store`` (the store refused the ledger).
    """

    source: str
    reason: str
    message: str
    document_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "source": self.source, "message": self.message}


@dataclass(slots=True)
class IngestReport:
    """What a batch did, document by document, in the order they were done."""

    db: str
    documents: list[StoredDocument] = field(default_factory=list)
    errors: list[IngestFailure] = field(default_factory=list)
    #: seconds from the start to the first analysis (reading, starting workers, loading
    #: models); None when nothing was analysed
    startup_seconds: float | None = None
    #: seconds from the last document's outcome to the end (shutting the local cluster's
    #: workers down; 0 in one process): like the start-up, a cost per batch, not per document
    shutdown_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def stored(self) -> list[StoredDocument]:
        """Documents written by this batch."""
        return [d for d in self.documents if d.created]

    @property
    def skipped(self) -> list[StoredDocument]:
        """Documents already stored, so nothing was written for them."""
        return [d for d in self.documents if not d.created]

    @property
    def claims(self) -> int:
        """Claims written by this batch."""
        return sum(d.claims or 0 for d in self.stored)


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One step of a batch, for a progress display.

    ``kind`` is ``"loading"`` (models are being loaded, before the first
    analysis), ``"analysing"`` (analysis starts), then one of ``"stored"``,
    ``"skipped"`` or ``"error"`` per document or unreadable source.
    ``analysed`` says whether the document went through analysis (its
    ``ledger`` is then set, unless the analysis failed).
    """

    kind: str
    source: str | None = None
    document: Document | None = None
    ledger: Ledger | None = None
    stored: StoredDocument | None = None
    error: IngestFailure | None = None
    analysed: bool = False


class AnalysisFailed(Exception):
    """Raised by ``ingest_into(..., stop_on_error=True)`` at the first document that could not be analysed."""

    def __init__(self, outcome: Outcome, report: IngestReport) -> None:
        super().__init__(outcome.message)
        self.outcome = outcome
        self.report = report


def ingest_into(
    store: Store,
    sources: Iterable[Any],
    *,
    published: date | datetime | str | None = None,
    allow_private: bool = False,
    encoding: str | None = None,
    follow_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 0.0,
    max_memory: float = 0.0,
    max_words: int = 0,
    workers: int = 1,
    scheduler: str | None = None,
    client: Client | None = None,
    skip_stored: bool = True,
    warm_up: bool = True,
    stop_on_error: bool = False,
    analysis_lock: AbstractContextManager[Any] | None = None,
    progress: Callable[[IngestEvent], None] | None = None,
) -> IngestReport:
    """Read, analyse and store ``sources``; return what became of each.

    ``sources`` holds paths, directories, URLs or ``-`` (read with
    :func:`reportedly.ingest.load_documents` and the reading options given
    here), Documents already read, IngestErrors met reading (recorded), or
    ``(source, item)`` pairs naming where a Document or IngestError came from.

    A document already stored is skipped without analysis (``skip_stored``);
    re-ingesting adds nothing. Analysis runs in this process, or on a local
    Dask cluster of ``workers`` processes, a running one at ``scheduler``, or
    a caller's Dask ``client``; ``timeout`` (seconds) and ``max_memory`` (MiB)
    bound each document's analysis, and a document of more than ``max_words`` words is
    refused before it (0: no limit). ``warm_up`` loads the models
    before the first analysis so the timeout measures analysis only.

    Unreadable sources, failed analyses and ledgers the store refuses become
    error records (:meth:`Store.record_error`) and entries of ``report.errors``.
    With ``stop_on_error`` the first failed analysis raises
    :class:`AnalysisFailed` instead, unrecorded, and a refused save raises the
    store's error. ``analysis_lock`` is held around each analysis in this
    process (the web API analyses one article at a time). ``progress`` is
    called with an :class:`IngestEvent` at every step.

    Raises :class:`~reportedly.batch.BatchError` when Dask cannot start. The
    store is left open.
    """
    from .batch import analyze_here
    from .ingest import load_documents  # before the clock starts: importing it takes a while

    started = time.perf_counter()
    report = IngestReport(db=store.url)
    notify = progress or (lambda _event: None)
    origins: dict[str, str] = {}  # where each document was read from, by document id

    def failed(source: str, reason: str, message: str, document: Document | None = None) -> None:
        store.record_error(source, reason, message)
        failure = IngestFailure(source, reason, message, document.id if document is not None else None)
        report.errors.append(failure)
        notify(
            IngestEvent(
                "error", source=source, document=document, error=failure, analysed=document is not None
            )
        )

    def new_documents() -> Iterator[Document]:
        """What there is to analyse: read errors are recorded, stored articles counted and skipped."""
        for item, name, fallback in _items(
            sources,
            load_documents,
            published=published,
            allow_private=allow_private,
            encoding=encoding,
            follow_links=follow_links,
            max_bytes=max_bytes,
        ):
            if not isinstance(item, Document):
                failed(name or item.source or fallback, item.reason, item.message)
                continue
            origins.setdefault(item.id, name or item.meta.get("source") or item.url or fallback)
            if skip_stored and store.has_document(item.id):
                kept = StoredDocument(item.id, origins[item.id], item.title, None, False)
                report.documents.append(kept)
                notify(IngestEvent("skipped", source=kept.source, document=item, stored=kept))
                continue
            refusal = too_long(item.text, max_words)
            if refusal is not None:  # refused here, before the models load or a worker gets it
                outcome = Outcome(item, reason="too_long_to_analyse", message=refusal)
                _store(store, outcome, origins, report, failed, notify, stop_on_error)
                continue
            yield item

    runner: DaskRunner | None = None
    if client is not None:
        runner = DaskRunner(client=client)
    elif scheduler is not None:
        runner = DaskRunner(scheduler=scheduler)
    elif workers > 1:
        runner = DaskRunner(workers=workers)

    todo = new_documents()
    first = next(todo, None)
    if first is None:  # nothing new (a re-ingest): no models, no cluster
        runner = None
    with runner if runner is not None else nullcontext():
        outcomes: Iterator[Outcome] = iter(())
        if first is not None:
            if warm_up or runner is not None:
                # Models load before the first document, so the timeout measures analysis only.
                notify(IngestEvent("loading"))
                if runner is not None:
                    runner.warm_up()
                else:
                    from . import warm_up as load_models

                    load_models()
            report.startup_seconds = round(time.perf_counter() - started, 3)
            notify(IngestEvent("analysing"))
            todo = itertools.chain([first], todo)
            if runner is not None:
                outcomes = runner.analyze(todo, timeout=timeout, max_memory=max_memory, max_words=max_words)
            elif analysis_lock is not None:
                outcomes = _locked(
                    todo, analysis_lock, timeout=timeout, max_memory=max_memory, max_words=max_words
                )
            else:
                outcomes = analyze_here(todo, timeout=timeout, max_memory=max_memory, max_words=max_words)
        for outcome in outcomes:
            _store(store, outcome, origins, report, failed, notify, stop_on_error)
        last = time.perf_counter()
    ended = time.perf_counter()
    report.shutdown_seconds = round(ended - last, 3)
    report.seconds = round(ended - started, 3)
    return report


def _items(
    sources: Iterable[Any], load_documents: Callable[..., Iterator[Any]], **reading: Any
) -> Iterator[tuple[Document | IngestError, str | None, str]]:
    """Each item to ingest with the source name it was given (or None) and a fallback name."""
    for entry in sources:
        name: str | None = None
        if isinstance(entry, tuple):
            name, entry = entry
        if isinstance(entry, str | os.PathLike):
            for item in load_documents(entry, **reading):
                yield item, name, str(entry)
        else:
            yield entry, name, "-"


def _locked(
    documents: Iterable[Document],
    lock: AbstractContextManager[Any],
    *,
    timeout: float,
    max_memory: float,
    max_words: int,
) -> Iterator[Outcome]:
    for document in documents:
        with lock:
            outcome = analyze_outcome(document, timeout, max_memory=max_memory, max_words=max_words)
        yield outcome


def _store(
    store: Store,
    outcome: Outcome,
    origins: dict[str, str],
    report: IngestReport,
    failed: Callable[..., None],
    notify: Callable[[IngestEvent], None],
    stop_on_error: bool,
) -> None:
    """Save one analysed document, or record why it could not be."""
    document = outcome.document
    where = origins.get(document.id) or document.url or "?"
    if outcome.ledger is None:
        if stop_on_error:
            raise AnalysisFailed(outcome, report)
        failed(where, outcome.reason or "analysis", f"{where}: {outcome.message}", document)
        return
    try:
        result = store.save(outcome.ledger, source=where)
    except Exception as exc:  # a ledger the store refuses is that document's error
        if stop_on_error:
            raise
        failed(where, "store", f"{where}: not stored: {exc.__class__.__name__}: {exc}", document)
        return
    done = StoredDocument(result.document_id, where, document.title, result.claims, result.created)
    report.documents.append(done)
    kind = "stored" if result.created else "skipped"
    notify(
        IngestEvent(kind, source=where, document=document, ledger=outcome.ledger, stored=done, analysed=True)
    )


__all__ = [
    "AnalysisFailed",
    "BatchError",
    "IngestEvent",
    "IngestFailure",
    "IngestReport",
    "StoredDocument",
    "ingest_into",
]
