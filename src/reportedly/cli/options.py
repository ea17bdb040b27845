"""What verbs share: exit codes, option declarations, usage errors and opening the store."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from .. import settings
from .output import err

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3
DEFAULT_DB = settings.DEFAULT_DB

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
DbOpt = Annotated[
    str,
    typer.Option("--db", envvar=settings.DB_ENV, help="SQLite file or SQLAlchemy URL of the store."),
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
#: Per-document limits shared by analyze and ingest (docs/limits.md).
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0, help="Seconds one document may take (0: no limit).")
]
MaxMemoryOpt = Annotated[
    float,
    typer.Option(
        "--max-memory",
        min=0,
        help="MiB of resident memory the analysis of one document may add to the process (0: no limit).",
    ),
]

MaxWordsOpt = Annotated[
    int,
    typer.Option(
        "--max-words",
        min=0,
        help="Most words one document may have to be analysed; a longer one is refused at once "
        "(0: no limit).",
    ),
]


def fail(message: str, code: int) -> typer.Exit:
    """Print ``Error: message`` to stderr and return the Exit to raise with ``code``."""
    err.print(Text(f"Error: {message}", style="bold red"))
    return typer.Exit(code)


def parse_published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(
            f"--published {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-20", EXIT_USAGE
        ) from None


def check_encoding(encoding: str | None) -> None:
    """Exit 2 for an --encoding Python does not know, before any file is read: otherwise every
    input fails alone with the same message and a batch records one store error per file."""
    if encoding is None:
        return
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise fail(
            f"unknown encoding {encoding!r}; use a name such as utf-8, latin-1 or cp1252", EXIT_USAGE
        ) from None


@contextmanager
def store_failures() -> Iterator[None]:
    """Run the block; a store error ends the command with its message and its own exit code.

    Each typed store error carries its code (:mod:`reportedly.store.errors`), so every verb that
    touches the store answers a missing story or a bad alias the same way.
    """
    from ..store import StoreError

    try:
        yield
    except StoreError as exc:
        raise fail(str(exc), exc.exit_code) from None


def open_store(db: str):  # noqa: ANN201 - Store is imported lazily to keep --help fast
    from ..store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except Exception as exc:  # SQLAlchemy raises many kinds; the user needs one sentence
        raise fail(f"cannot open the store {db!r}: {exc.__class__.__name__}: {exc}", EXIT_STORE) from None


def require_store(db: str):  # noqa: ANN201 - Store is imported lazily to keep --help fast
    """Open an existing store for reading, or exit 3 with a hint when there is none."""
    if "://" not in db and not Path(db).exists():
        raise fail(f"no store at {db!r}; create one with: reportedly ingest FILE --db {db}", EXIT_STORE)
    return open_store(db)
