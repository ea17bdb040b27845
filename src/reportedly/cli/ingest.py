"""analyze and ingest: articles in, ledgers printed or stored (through :func:`reportedly.ingest_into`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from .. import settings
from ..batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_WORDS
from .app import app
from .options import (
    DEFAULT_DB,
    DEFAULT_MAX_BYTES,
    EXIT_INPUT,
    EXIT_USAGE,
    DbOpt,
    EncodingOpt,
    FollowOpt,
    JsonOpt,
    MaxBytesOpt,
    MaxMemoryOpt,
    MaxWordsOpt,
    PrivateOpt,
    PublishedOpt,
    TimeoutOpt,
    check_encoding,
    fail,
    open_store,
    parse_published,
)
from .output import counted, dump, err, out, print_ledger

if TYPE_CHECKING:
    from ..ingesting import IngestEvent


@app.command()
def analyze(
    source: Annotated[str, typer.Argument(help="A file, a directory, '-' for stdin, or an http(s) URL.")],
    published: PublishedOpt = None,
    as_json: JsonOpt = False,
    allow_private: PrivateOpt = False,
    encoding: EncodingOpt = None,
    follow_links: FollowOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = 120.0,
    max_memory: MaxMemoryOpt = DEFAULT_MAX_MEMORY_MB,
    max_words: MaxWordsOpt = DEFAULT_MAX_WORDS,
) -> None:
    """Print the claim ledger of an article without storing it.

    Example: reportedly analyze article.txt --published 2024-11-20 --json (needs an article file of your own)
    """
    from .. import warm_up
    from ..batch import analyze_here, too_long
    from ..ingest import IngestError, load_documents

    pub = parse_published(published)
    check_encoding(encoding)
    docs, failures = [], []
    for item in load_documents(
        source,
        published=pub,
        allow_private=allow_private,
        encoding=encoding,
        follow_links=follow_links,
        max_bytes=max_bytes,
    ):
        (failures if isinstance(item, IngestError) else docs).append(item)
    many = Path(source).is_dir() or len(docs) + len(failures) > 1
    for f in failures:
        err.print(Text(f"Error: {f.message}", style="bold red"))
    ledgers = []
    if any(too_long(doc.text, max_words) is None for doc in docs):  # a refusal needs no models
        warm_up()  # so --timeout measures the analysis, not loading the models
    for outcome in analyze_here(docs, timeout=timeout, max_memory=max_memory, max_words=max_words):
        if outcome.ledger is not None:
            ledgers.append(outcome.ledger)
        else:
            # A document over the limit is reported and skipped; the others still print.
            doc = outcome.document
            name = doc.meta.get("source") or doc.url or doc.title or "-"
            err.print(Text(f"Error: {name}: {outcome.message}", style="bold red"))
            failures.append(outcome)
    if as_json:
        # One shape per kind of source, not per outcome: a folder (or a source that held
        # several articles) is always a list, even when one article in it was readable.
        if many:
            if ledgers:
                dump([led.to_dict() for led in ledgers])
        elif ledgers:
            dump(ledgers[0].to_dict())
    else:
        for led in ledgers:
            print_ledger(led)
    if failures:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, '-' or URLs to store.")],
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    as_json: JsonOpt = False,
    allow_private: PrivateOpt = False,
    encoding: EncodingOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    follow_links: FollowOpt = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    timeout: TimeoutOpt = 120.0,
    max_memory: MaxMemoryOpt = DEFAULT_MAX_MEMORY_MB,
    max_words: MaxWordsOpt = DEFAULT_MAX_WORDS,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Analyse on a local Dask cluster of this many processes (1: in this process).",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            envvar=settings.SCHEDULER_ENV,
            help="Analyse on a running Dask cluster (e.g. tcp://10.0.0.5:8786) whose workers have "
            "reportedly installed.",
        ),
    ] = None,
) -> None:
    """Analyse documents and store their ledgers; unreadable ones are recorded as errors.

    Re-ingesting a document already stored adds nothing and is not analysed
    again. Exit code 1 when any document failed (the others are stored all the
    same). With --workers or --scheduler, documents are analysed on Dask
    workers while this process reads the sources and writes the store.

    Example: reportedly ingest articles/ --workers 2 (needs a folder of your own articles)
    """
    from ..batch import BatchError
    from ..ingesting import ingest_into

    if scheduler is not None and workers != 1:
        raise fail("give --workers or --scheduler, not both", EXIT_USAGE)
    pub = parse_published(published)
    check_encoding(encoding)
    store = open_store(db)
    # The bar goes to stderr, so --json (on stdout) keeps it on a terminal: a long run is not silent.
    show = not quiet and err.is_terminal
    # Piped or in a script there is no bar to draw: a line now and then says the run is alive.
    lines = PlainProgress(enabled=not quiet and not as_json and not err.is_terminal)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show,
        transient=True,
    ) as progress:
        task = progress.add_task("reading", total=None)

        def shown(event: IngestEvent) -> None:
            lines.update(event)
            if event.kind == "loading":
                progress.update(task, description="loading models")
            elif event.kind == "analysing":
                progress.update(task, description="ingesting")
            else:
                progress.advance(task)
                if event.analysed and event.document is not None:
                    name = event.document.title or event.document.id
                    progress.update(task, description=f"ingesting {name}"[:60])
                if event.error is not None and not as_json:
                    err.print(Text(f"Error: {event.error.message}", style="red"))

        try:
            report = ingest_into(
                store,
                sources,
                published=pub,
                allow_private=allow_private,
                encoding=encoding,
                follow_links=follow_links,
                max_bytes=max_bytes,
                timeout=timeout,
                max_memory=max_memory,
                max_words=max_words,
                workers=workers,
                scheduler=scheduler,
                progress=shown,
            )
        except BatchError as exc:
            raise fail(str(exc), EXIT_USAGE) from exc
        finally:
            store.close()
    lines.finish()
    summary: dict[str, Any] = {
        "db": report.db,
        "stored": len(report.stored),
        "unchanged": len(report.skipped),
        "claims": report.claims,
        "errors": [e.to_dict() for e in report.errors],
    }
    # Start-up (reading up to the first new document, starting workers, loading
    # models) is reported apart, so a batch's steady speed can be read off.
    if report.startup_seconds is not None:
        summary["startup_seconds"] = report.startup_seconds
    summary["shutdown_seconds"] = report.shutdown_seconds
    summary["seconds"] = report.seconds
    summary.setdefault("startup_seconds", report.seconds)
    if as_json:
        dump(summary)
    else:
        stored, claims = counted(summary["stored"], "document"), counted(summary["claims"], "claim")
        msg = f"stored {stored} with {claims} in {summary['db']}"
        if summary["unchanged"]:
            msg += f"; {summary['unchanged']} already stored"
        if summary["errors"]:
            msg += f"; {counted(len(summary['errors']), 'error')} recorded"
        out.print(Text(msg))
    if report.errors:
        raise typer.Exit(EXIT_INPUT)


class PlainProgress:
    """Progress for a stderr that is not a terminal: one plain line at most every
    :attr:`every` seconds ("ingest: 40 documents read, 38 stored, 1 error, 95 s"), so a long
    batch run from a script or under ``nohup`` shows it is alive without drawing a bar."""

    every = 10.0

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = self.started
        self.read = self.stored = self.errors = 0
        self.shown: tuple[int, int, int] | None = None  # the counts the last line printed

    def finish(self) -> None:
        """Print the final counts when they moved since the last line: a JSONL file's bad lines
        are read after the documents before them are stored, so the last periodic line could
        say "0 errors" just before the errors were reported."""
        if self.enabled and self.shown is not None and self.shown != (self.read, self.stored, self.errors):
            self._print(time.monotonic())

    def update(self, event: IngestEvent) -> None:
        if not self.enabled:
            return
        if event.kind == "loading":
            err.print("ingest: loading models", markup=False, highlight=False)
            return
        if event.kind == "analysing":
            return
        self.read += 1
        self.stored += event.kind == "stored"
        self.errors += event.kind == "error"
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._print(now)

    def _print(self, now: float) -> None:
        self.shown = (self.read, self.stored, self.errors)
        errors = f"{self.errors} error" + ("" if self.errors == 1 else "s")
        read = f"{self.read} document" + ("" if self.read == 1 else "s")
        err.print(
            f"ingest: {read} read, {self.stored} stored, {errors}, {now - self.started:.0f} s",
            markup=False,
            highlight=False,
        )
