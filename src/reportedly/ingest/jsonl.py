"""JSON Lines batches: one article per line, as exported by scrapers and archives.

The file is streamed line by line rather than read whole, because batches are
routinely far larger than one article; each line is still size-capped. A bad
line is reported and skipped so one malformed record never costs the rest of
a long batch.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from reportedly.ingest.errors import IngestError, unreadable
from reportedly.ingest.html import from_html
from reportedly.ingest.layout import parse_layout, to_date
from reportedly.ingest.reader import DEFAULT_MAX_BYTES
from reportedly.model import Document


def _line_error(path: str, lineno: int, message: str, reason: str = "parse") -> IngestError:
    return IngestError(reason, path, f"{path} line {lineno}: {message}", line=lineno)


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f'"{key}" must be a string, not {type(value).__name__}')
    return value.strip() or None


def _document(record: object, *, published: date | datetime | str | None) -> Document:
    if not isinstance(record, dict):
        raise TypeError(f"expected a JSON object, got {type(record).__name__}")
    text, html = record.get("text"), record.get("html")
    url = _optional_str(record, "url")
    title = _optional_str(record, "title")
    outlet = _optional_str(record, "outlet")
    # The record's own date is per-article data and beats a batch-wide default,
    # which in turn beats whatever date a page's metadata claims.
    when = record.get("published") or published
    if isinstance(text, str) and text.strip():
        doc = parse_layout(text, title=title, url=url, outlet=outlet, published=to_date(when, url))
        doc.meta["format"] = "text"
    elif isinstance(html, str) and html.strip():
        doc = from_html(html, url=url, published=to_date(when, url))
        if title:
            doc.title = title
        if outlet:
            doc.outlet = outlet
    else:
        raise ValueError('needs a non-empty "text" or "html" string')
    return doc


def documents_from_jsonl(
    path: str | os.PathLike[str],
    *,
    published: date | datetime | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """Yield one Document per line, or an IngestError for a line that cannot be used."""
    name = str(path)
    try:
        if Path(path).is_dir():
            yield IngestError(
                "is_directory",
                name,
                f"{name} is a directory, not a JSONL file; pass a file, or ingest the directory as a batch",
            )
            return
        if Path(path).exists() and not stat.S_ISREG(Path(path).stat().st_mode):
            # Opening a named pipe blocks until a writer comes; refuse it as read_bytes does.
            yield IngestError(
                "not_regular_file",
                name,
                f"{name} is not a regular file (a named pipe, device or socket); save it to a file first",
            )
            return
        with Path(path).open("rb") as fh:
            yield from _records(fh, name, published=published, max_bytes=max_bytes)
    except FileNotFoundError:
        yield IngestError("not_found", name, f"{name} does not exist; check the path")
    except OSError as exc:
        yield unreadable(name, exc, "check the path")


def _records(
    fh: BinaryIO, name: str, *, published: date | datetime | str | None, max_bytes: int
) -> Iterator[Document | IngestError]:
    lineno = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            break
        lineno += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            # Skip the rest of the oversize line without holding it in memory.
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(max_bytes + 1)
            message = f"line is larger than the {max_bytes:,}-byte limit; skipped (raise it with --max-bytes)"
            yield _line_error(name, lineno, message, "too_large")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : exc.start + 1].hex()
            yield _line_error(name, lineno, f"not valid UTF-8 (byte 0x{bad}); re-save as UTF-8", "encoding")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _line_error(name, lineno, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        try:
            yield _document(record, published=published)
        except IngestError as exc:
            yield _line_error(name, lineno, exc.message, exc.reason)
        except (TypeError, ValueError) as exc:
            yield _line_error(name, lineno, str(exc))
