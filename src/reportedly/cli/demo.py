"""demo: the bundled article, analysed and stored, the quickest look at what reportedly does."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from .app import app
from .options import DEFAULT_DB, EXIT_INPUT, DbOpt, JsonOpt, fail, open_store
from .output import dump, out, print_ledger

#: the bundled demo article is plain text without metadata; this is the day it is set on
DEMO_PUBLISHED = date(2025, 9, 10)


@app.command()
def demo(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """Store the bundled demo article and print its ledger: the quickest look at what reportedly does.

    Example: reportedly demo
    """
    from importlib import resources

    from ..ingest import IngestError, load_documents
    from ..ingesting import IngestEvent, ingest_into

    with resources.as_file(resources.files("reportedly") / "data" / "demo-article.txt") as path:
        items = list(load_documents(str(path), published=DEMO_PUBLISHED))
    doc = items[0]
    if isinstance(doc, IngestError):  # pragma: no cover - the bundled file is known good
        raise fail(doc.message, EXIT_INPUT)
    analysed: list[IngestEvent] = []
    store = open_store(db)
    try:
        # Analysed even when stored before, so the ledger can be printed again.
        report = ingest_into(
            store, [("demo-article.txt", doc)], skip_stored=False, warm_up=False, progress=analysed.append
        )
    finally:
        store.close()
    ledger = next((e.ledger for e in analysed if e.ledger is not None), None)
    if ledger is None:  # pragma: no cover - the bundled article analyses
        message = report.errors[0].message if report.errors else "the demo article was not analysed"
        raise fail(message, EXIT_INPUT)
    if as_json:
        dump(ledger.to_dict())
        return
    print_ledger(ledger)
    state = "stored" if report.stored else "already stored"
    out.print(Text(f"{state} in {db}; list it again with: reportedly claims --db {db}", style="dim"))
