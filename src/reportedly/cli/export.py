"""``reportedly export``: stored ledgers as JSONL, CSV, brat, PROV or GraphML (see reportedly.export)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from .app import app
from .options import DEFAULT_DB, EXIT_INPUT, EXIT_USAGE, DbOpt, fail, require_store
from .output import dump, err, write_stdout

FORMAT_HELP = "jsonl, csv, brat, prov-json, prov-ttl or graphml."


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "jsonl",
    document: Annotated[str | None, typer.Option("--document", help="Only this document id.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only the documents of this story.")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File to write (brat: a folder); standard output when left out."),
    ] = None,
    db: DbOpt = DEFAULT_DB,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="With --out: print what was written (format, path, documents) as JSON."),
    ] = False,
) -> None:
    """Export the ledger of one document, one story or the whole store.

    brat writes <id>.txt and <id>.ann per document into the --out folder (the
    layout brat and the shared scorer read); for a single --document without
    --out it prints the .ann. Without --out the export itself is the output.

    Example: reportedly export --format prov-ttl --document 50b74dc8adc6a258 --out claims.ttl
    (50b74dc8adc6a258: the demo article, as `reportedly documents` lists it)
    """
    from ..export import FORMATS, ExportError, ledgers_from_store, render, write_brat
    from ..store import StoreError

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", EXIT_USAGE)
    if document is not None and story is not None:
        raise fail("give --document or --story, not both", EXIT_USAGE)
    if as_json and out is None:
        raise fail(
            "--json reports the files written: pass --out FILE (without --out the export is printed)",
            EXIT_USAGE,
        )
    store = require_store(db)
    try:
        counted = [0]

        def count(stream: Iterable[Any]) -> Iterator[Any]:
            """The ledgers, streamed as they are read, counted for --json."""
            for ledger in stream:
                counted[0] += 1
                yield ledger

        ledgers = count(ledgers_from_store(store, document=document, story=story))
        if fmt == "brat" and (out is not None and (out.is_dir() or document is None)):
            written = write_brat(ledgers, out)
            if as_json:
                dump({"format": fmt, "out": str(out), "documents": len(written) // 2, "files": len(written)})
            else:
                err.print(
                    Text(f"wrote {len(written) // 2} document(s) as brat standoff into {out}", style="dim")
                )
            return
        if fmt == "brat" and document is None:
            raise fail("brat writes one .ann per document: pass --out FOLDER, or one --document", EXIT_USAGE)
        text = render(ledgers, fmt)
    except StoreError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except ExportError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    finally:
        store.close()
    if out is None:
        write_stdout(text)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}", EXIT_INPUT) from None
    if as_json:
        dump({"format": fmt, "out": str(out), "documents": counted[0], "files": 1})
    else:
        err.print(Text(f"wrote {fmt} to {out}", style="dim"))
