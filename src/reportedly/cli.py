"""The command line: one verb per library call, each a thin skin (see STYLE.md).

Exit codes mean the same on every verb:

* 0 — success;
* 1 — input problem: a document could not be read (it is reported and, for
  ``ingest``, recorded in the store; the rest of the batch still runs);
* 2 — usage error (bad option or argument);
* 3 — store problem (database cannot be opened or is not a reportedly store).

Article text is untrusted: everything from a document is printed through
``rich.text.Text``, never as Rich markup.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .batch import DEFAULT_MAX_MEMORY_MB
from .model import Document, Ledger
from .terminal import SafeConsole

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3
DEFAULT_DB = "reportedly.db"
#: the bundled demo article is plain text without metadata; this is the day it is set on
DEMO_PUBLISHED = date(2025, 9, 10)

app = typer.Typer(
    name="reportedly",
    help="Turn news articles into an auditable ledger of attributed claims: who says what, "
    "through whom, how surely, with which numbers and dates.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
# SafeConsole: stored text is untrusted, so control characters print escaped (terminal.py).
out = SafeConsole(highlight=False, soft_wrap=False)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
DbOpt = Annotated[
    str,
    typer.Option("--db", envvar="REPORTEDLY_DB", help="SQLite file or SQLAlchemy URL of the store."),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) to resolve 'on Tuesday', 'last month' …"),
]
PrivateOpt = Annotated[
    bool,
    typer.Option("--allow-private", help="Allow fetching URLs on loopback or private network addresses."),
]
FollowOpt = Annotated[
    bool,
    typer.Option(
        "--follow-links", help="For RSS/Atom feeds, fetch each entry's page instead of its summary."
    ),
]
#: ingest.reader.DEFAULT_MAX_BYTES, repeated so that starting the CLI does not import
#: the ingest package (trafilatura, lxml); tests/test_hostile_input.py checks they agree.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MaxBytesOpt = Annotated[
    int,
    typer.Option("--max-bytes", min=1, help="Largest input file or fetched page, in bytes (default 10 MiB)."),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Text encoding of input files when not UTF-8 (e.g. latin-1).")
]


def _fail(message: str, code: int) -> typer.Exit:
    err.print(Text(f"Error: {message}", style="bold red"))
    return typer.Exit(code)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(
            f"--published {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-20", EXIT_USAGE
        ) from None


def _dump(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _open_store(db: str):  # noqa: ANN202 - Store is imported lazily to keep --help fast
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except Exception as exc:  # SQLAlchemy raises many kinds; the user needs one sentence
        raise _fail(f"cannot open the store {db!r}: {exc.__class__.__name__}: {exc}", EXIT_STORE) from None


# ---------------------------------------------------------------------------- rendering
def _chain_text(chain: list[dict[str, Any]]) -> str:
    return " → ".join(link["entity"] + (" (anon.)" if link["anonymous"] else "") for link in chain)


def _numbers(claim: dict[str, Any]) -> str:
    parts = []
    for q in claim["quantities"]:
        if q["attribute"]:
            parts.append(f"{q['text']} (attr.)")
            continue
        bound = ""
        if q["low"] is not None and q["high"] is None:
            bound = "≥"
        elif q["high"] is not None and q["low"] is None:
            bound = "≤"
        if q["value"] is None:  # a range or a vague amount ("thousands of")
            bound = ""
            lo, hi = (
                (_num(q["low"]) if q["low"] is not None else None),
                (_num(q["high"]) if q["high"] is not None else None),
            )
            value = f"{lo}–{hi}" if lo and hi else f"≥{lo}" if lo else f"≤{hi}" if hi else "?"
        else:
            value = _num(q["value"])
        approx = "~" if q["approximate"] else ""
        unit = f" {q['unit']}" if q["unit"] else ""
        parts.append(f"{bound}{approx}{value}{unit} [{q['scope']}]")
    return "\n".join(parts)


def _num(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _dates(claim: dict[str, Any]) -> str:
    return "\n".join(f"{t['text']} = {t['resolved'] or '?'}" for t in claim["times"])


def claims_table(claims: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=True, expand=True, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Source ← chain", ratio=2)
    table.add_column("Cue", ratio=1)
    table.add_column("Stance", no_wrap=True)
    table.add_column("Claim", ratio=5)
    table.add_column("Numbers", ratio=2)
    table.add_column("Dates", ratio=2)
    for n, c in enumerate(claims, 1):
        src = c["source"]
        who = Text(src["entity"] if src else "—")
        if src and src.get("joint"):
            who.append(" + " + " + ".join(src["joint"]))
        if src and src["text"] != src["entity"]:
            who.append(f"\n“{src['text']}”", style="dim")
        if len(c["chain"]) > 1:
            who.append("\nvia " + _chain_text(c["chain"]), style="cyan")
        stance = Text(c["stance"], style=_STANCE_STYLE.get(c["stance"], ""))
        flags = [f for f, on in (("negated", c["negated"]), ("inverted", c.get("inverted"))) if on]
        if c.get("hedges"):
            flags.append("hedge: " + ", ".join(c["hedges"]))
        if flags:
            stance.append("\n" + "; ".join(flags), style="dim")
        claim = Text(c["content"]["text"] or "—")
        claim.append(f"\n{c['kind']} · {c['section']} · @{c['cue']['start']}", style="dim")
        table.add_row(str(n), who, Text(c["cue"]["text"]), stance, claim, Text(_numbers(c)), Text(_dates(c)))
    return table


_STANCE_STYLE = {
    "confirmed": "green",
    "asserted": "",
    "estimated": "yellow",
    "suspected": "magenta",
    "reported": "blue",
    "denied": "red",
    "no_comment": "dim",
    "unverified": "bold yellow",
}


def _print_ledger(ledger: Ledger) -> None:
    doc = ledger.document
    head = Text(doc.title or "(untitled)", style="bold")
    meta = [
        x
        for x in (
            doc.outlet,
            doc.published and doc.published.isoformat(),
            doc.dateline and doc.dateline.text,
            doc.byline and f"by {doc.byline}",
            doc.meta.get("language") and f"language {doc.meta['language']}",
        )
        if x
    ]
    if meta:
        head.append("\n" + " · ".join(meta), style="dim")
    out.print(head)
    data = ledger.to_dict()
    out.print(claims_table(data["claims"]))
    out.print(
        Text(
            f"{len(ledger.claims)} claims from {len(ledger.entities)} sources; document {doc.id}", style="dim"
        )
    )


# ---------------------------------------------------------------------------- verbs
#: Per-document limits shared by analyze and ingest (docs/limits.md).
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0, help="Seconds one document may take (0: no limit).")
]
MaxMemoryOpt = Annotated[
    float,
    typer.Option(
        "--max-memory",
        min=0,
        help="MiB of resident memory a process may reach while analysing one document (0: no limit).",
    ),
]

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
) -> None:
    """Print the claim ledger of an article without storing it.

    Example: reportedly analyze article.txt --published 2024-11-20 --json
    """
    from . import warm_up
    from .batch import analyze_here
    from .ingest import IngestError, load_documents

    pub = _published(published)
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
    for f in failures:
        err.print(Text(f"Error: {f.message}", style="bold red"))
    ledgers = []
    if docs:
        warm_up()  # so --timeout measures the analysis, not loading the models
    for outcome in analyze_here(docs, timeout=timeout, max_memory=max_memory):
        if outcome.ledger is not None:
            ledgers.append(outcome.ledger)
        else:
            # A document over the limit is reported and skipped; the others still print.
            doc = outcome.document
            name = doc.meta.get("source") or doc.url or doc.title or "-"
            err.print(Text(f"Error: {name}: {outcome.message}", style="bold red"))
            failures.append(outcome)
    if as_json:
        if len(ledgers) == 1 and not failures:
            _dump(ledgers[0].to_dict())
        elif ledgers:
            _dump([led.to_dict() for led in ledgers])
    else:
        for led in ledgers:
            _print_ledger(led)
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
            envvar="REPORTEDLY_DASK_SCHEDULER",
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

    Example: reportedly ingest articles/ --db news.db --workers 2
    """
    from contextlib import nullcontext

    from . import warm_up
    from .batch import BatchError, DaskRunner, Outcome, analyze_here
    from .ingest import IngestError, load_documents

    if scheduler is not None and workers != 1:
        raise _fail("give --workers or --scheduler, not both", EXIT_USAGE)
    pub = _published(published)
    store = _open_store(db)
    report: dict[str, Any] = {"db": store.url, "stored": 0, "unchanged": 0, "claims": 0, "errors": []}
    show = not quiet and not as_json and err.is_terminal

    def failed(source: str, reason: str, message: str) -> None:
        store.record_error(source, reason, message)
        report["errors"].append({"reason": reason, "source": source, "message": message})
        if not as_json:
            err.print(Text(f"Error: {message}", style="red"))

    origins: dict[str, str] = {}  # where each document was read from, by document id

    def new_documents() -> Iterator[Document]:
        """What there is to analyse: read errors are recorded, stored articles counted and skipped."""
        for source in sources:
            for item in load_documents(
                source,
                published=pub,
                allow_private=allow_private,
                encoding=encoding,
                follow_links=follow_links,
                max_bytes=max_bytes,
            ):
                if isinstance(item, IngestError):
                    progress.advance(task)
                    failed(item.source or source, item.reason, item.message)
                    continue
                origins.setdefault(item.id, item.meta.get("source") or item.url or source)
                if store.has_document(item.id):
                    progress.advance(task)
                    report["unchanged"] += 1
                    continue
                yield item

    runner: DaskRunner | None = None
    try:
        if scheduler is not None:
            runner = DaskRunner(scheduler=scheduler)
        elif workers > 1:
            runner = DaskRunner(workers=workers)
    except BatchError as exc:
        raise _fail(str(exc), EXIT_USAGE) from exc
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
        started = time.perf_counter()
        try:
            todo = new_documents()
            first = next(todo, None)
            if first is None:  # nothing new (a re-ingest): no models, no cluster
                runner = None
            with runner if runner is not None else nullcontext():
                outcomes: Iterator[Outcome] = iter(())
                if first is not None:
                    # Models load before the first document, so --timeout measures analysis only.
                    progress.update(task, description="loading models")
                    runner.warm_up() if runner is not None else warm_up()
                    report["startup_seconds"] = round(time.perf_counter() - started, 2)
                    progress.update(task, description="ingesting")
                    todo = itertools.chain([first], todo)
                    outcomes = (
                        runner.analyze(todo, timeout=timeout, max_memory=max_memory)
                        if runner is not None
                        else analyze_here(todo, timeout=timeout, max_memory=max_memory)
                    )
                for outcome in outcomes:
                    progress.advance(task)
                    document = outcome.document
                    where = origins.get(document.id) or document.url or "?"
                    progress.update(task, description=f"ingesting {document.title or document.id}"[:60])
                    if outcome.ledger is None:
                        failed(where, outcome.reason or "analysis", f"{where}: {outcome.message}")
                        continue
                    try:
                        result = store.save(outcome.ledger, source=where)
                    except Exception as exc:  # a ledger the store refuses is that document's error
                        failed(where, "store", f"{where}: not stored: {exc.__class__.__name__}: {exc}")
                        continue
                    if result.created:
                        report["stored"] += 1
                        report["claims"] += result.claims
                    else:
                        report["unchanged"] += 1
        except BatchError as exc:
            raise _fail(str(exc), EXIT_USAGE) from exc
        finally:
            store.close()
    # Start-up (reading up to the first new document, starting workers, loading
    # models) is reported apart, so a batch's steady speed can be read off.
    report["seconds"] = round(time.perf_counter() - started, 2)
    report.setdefault("startup_seconds", report["seconds"])
    if as_json:
        _dump(report)
    else:
        msg = f"stored {report['stored']} document(s) with {report['claims']} claims in {report['db']}"
        if report["unchanged"]:
            msg += f"; {report['unchanged']} already stored"
        if report["errors"]:
            msg += f"; {len(report['errors'])} error(s) recorded"
        out.print(Text(msg))
    if report["errors"]:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def claims(
    db: DbOpt = DEFAULT_DB,
    source: Annotated[str | None, typer.Option("--source", help="Entity name or alias, e.g. NIS.")] = None,
    stance: Annotated[str | None, typer.Option("--stance", help="confirmed, asserted, estimated, …")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect, according_to, …")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only this document id.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many claims.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List stored claims, optionally filtered by source (incl. through chains) and stance.

    Example: reportedly claims --source NIS --stance confirmed --json
    """
    from .model import ClaimKind, Stance

    if stance is not None and stance not in {s.value for s in Stance}:
        raise _fail(
            f"unknown stance {stance!r}; use one of: {', '.join(s.value for s in Stance)}", EXIT_USAGE
        )
    if kind is not None and kind not in {k.value for k in ClaimKind}:
        raise _fail(f"unknown kind {kind!r}; use one of: {', '.join(k.value for k in ClaimKind)}", EXIT_USAGE)
    store = require_store(db)
    rows = store.claims(source=source, stance=stance, kind=kind, document=document, limit=limit)
    store.close()
    if as_json:
        _dump(rows)
    else:
        out.print(claims_table(rows, title=f"{len(rows)} claims"))


@app.command()
def documents(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List stored documents with their claim counts.

    Example: reportedly documents --db news.db
    """
    store = require_store(db)
    rows = store.documents()
    errors = store.errors()
    store.close()
    if as_json:
        _dump({"documents": rows, "errors": errors})
        return
    table = Table(title=f"{len(rows)} documents", expand=True, title_justify="left")
    for col in ("id", "title", "outlet", "published", "language", "claims"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            *(
                Text(str(r.get(c) if r.get(c) is not None else ""))
                for c in ("id", "title", "outlet", "published", "language", "claims")
            )
        )
    out.print(table)
    if errors:
        out.print(Text(f"{len(errors)} ingest error(s); see --json", style="yellow"))


@app.command()
def entities(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List the sources (entities) in the store with their aliases.

    Example: reportedly entities --json
    """
    store = require_store(db)
    rows = store.entities()
    store.close()
    if as_json:
        _dump(rows)
        return
    table = Table(title=f"{len(rows)} entities", expand=True, title_justify="left")
    for col in ("name", "type", "anonymous", "aliases", "claims"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            Text(r["name"]),
            r["type"],
            "yes" if r["anonymous"] else "",
            Text(", ".join(r["aliases"])),
            str(r.get("claims", "")),
        )
    out.print(table)


@app.command()
def demo(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """Store the bundled demo article and print its ledger: the quickest look at what reportedly does.

    Example: reportedly demo --db demo.db
    """
    from importlib import resources

    from . import analyze_document
    from .ingest import IngestError, load_documents

    with resources.as_file(resources.files("reportedly") / "data" / "demo-article.txt") as path:
        items = list(load_documents(str(path), published=DEMO_PUBLISHED))
    doc = items[0]
    if isinstance(doc, IngestError):  # pragma: no cover - the bundled file is known good
        raise _fail(doc.message, EXIT_INPUT)
    ledger = analyze_document(doc)
    store = _open_store(db)
    result = store.save(ledger, source="demo-article.txt")
    store.close()
    if as_json:
        _dump(ledger.to_dict())
        return
    _print_ledger(ledger)
    state = "stored" if result.created else "already stored"
    out.print(Text(f"{state} in {db}; list it again with: reportedly claims --db {db}", style="dim"))


def _is_url(db: str) -> bool:
    return "://" in db


def require_store(db: str):  # noqa: ANN201 - Store is imported lazily to keep --help fast
    """Open an existing store for reading, or exit 3 with a hint when there is none."""
    if not _is_url(db) and not Path(db).exists():
        raise _fail(f"no store at {db!r}; create one with: reportedly ingest FILE --db {db}", EXIT_STORE)
    return _open_store(db)


from . import commands  # noqa: E402,F401 - registers the verbs of reportedly.commands.*


def main() -> None:
    """Entry point: maps unexpected failures to a one-line message, never a traceback."""
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except MemoryError:
        err.print(Text("Error: out of memory; analyse fewer or smaller documents at once", style="bold red"))
        sys.exit(EXIT_INPUT)
    except Exception as exc:  # last resort: one line, and a hint for bug reports
        if os.environ.get("REPORTEDLY_DEBUG"):
            raise
        errors = sys.modules.get("reportedly.store.errors")  # loaded if the store raised
        if errors is not None and isinstance(exc, errors.StoreError):
            err.print(Text(f"Error: {exc}", style="bold red"))
            sys.exit(exc.exit_code)
        err.print(
            Text(
                f"Error: {exc.__class__.__name__}: {exc} (set REPORTEDLY_DEBUG=1 for a traceback)",
                style="bold red",
            )
        )
        sys.exit(EXIT_INPUT)


if __name__ == "__main__":
    main()
