"""Ingest: turn files, stdin, URLs, feeds and JSONL batches into Documents.

:func:`load_documents` is the one entry point the CLI and API need. It yields
errors instead of raising them, because a batch of a thousand articles should
report the three broken ones and still process the rest.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportedly.ingest.errors import REASONS, IngestError
from reportedly.ingest.feeds import entries_from_feed, html_to_text, looks_like_feed
from reportedly.ingest.fetch import address_problem, fetch_url, is_public_address
from reportedly.ingest.header import split_header
from reportedly.ingest.html import from_html
from reportedly.ingest.jsonl import documents_from_jsonl
from reportedly.ingest.layout import parse_layout, to_date
from reportedly.ingest.reader import DEFAULT_MAX_BYTES, binary_kind, decode_bytes, read_bytes, read_source
from reportedly.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "REASONS",
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "address_problem",
    "decode_bytes",
    "documents_from_feed",
    "documents_from_jsonl",
    "entries_from_feed",
    "fetch_url",
    "from_html",
    "html_to_text",
    "is_public_address",
    "load_documents",
    "parse_layout",
    "read_bytes",
    "read_source",
    "to_date",
]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

Published = date | datetime | str | None


@dataclass(frozen=True, slots=True)
class _Reading:
    """How every source of one :func:`load_documents` call is read: what each reader hands on."""

    published: Published
    allow_private: bool
    encoding: str | None
    max_bytes: int
    follow_links: bool = False


def documents_from_feed(
    data: bytes | str,
    *,
    source: str | None = None,
    published: Published = None,
    follow_links: bool = False,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestError]:
    """One Document per feed entry: the linked page when ``follow_links``, else title and summary.

    Following links is opt-in because it turns reading one file into fetching
    many pages. A page that cannot be fetched is reported as an error and the
    entry's summary is analysed instead, so nothing the feed holds is lost.
    """
    try:
        entries = entries_from_feed(data, source=source)
    except IngestError as exc:
        yield exc
        return
    if not entries:
        # Silence here would look like a successful, empty batch.
        yield IngestError("empty", source, f"{source or 'the feed'} has no entries; nothing to analyse")
        return
    for number, entry in enumerate(entries, start=1):
        where = entry["link"] or f"{source or 'feed'} entry {number}"
        if follow_links and entry["link"]:
            when = published if published is not None else entry["published"]
            how = _Reading(when, allow_private, encoding=None, max_bytes=max_bytes)
            try:
                page = next(_from_url(entry["link"], how, feeds=False))
            except IngestError as exc:
                yield exc
            else:
                if isinstance(page, Document):
                    page.outlet = page.outlet or entry["outlet"]
                    page.title = page.title or entry["title"]
                    page.meta["feed"] = source
                    yield page
                    continue
        if not entry["summary"]:
            yield IngestError(
                "empty",
                where,
                f"feed entry {number} ({entry['title'] or 'untitled'}) has no summary text; "
                "fetch its link to analyse the full article",
            )
            continue
        title = entry["title"]
        text = f"{title}\n\n{entry['summary']}" if title else entry["summary"]
        try:
            doc = parse_layout(
                text,
                title=title,
                url=entry["link"],
                outlet=entry["outlet"],
                published=published if published is not None else entry["published"],
            )
        except IngestError as exc:
            yield exc
            continue
        doc.meta["format"] = "feed"
        if source:
            doc.meta["source"] = source
        yield doc


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _feed(data: bytes, source: str, how: _Reading) -> Iterator[Document | IngestError]:
    """The documents of a feed file or a fetched feed, read as ``how`` says."""
    return documents_from_feed(
        data,
        source=source,
        published=how.published,
        follow_links=how.follow_links,
        allow_private=how.allow_private,
        max_bytes=how.max_bytes,
    )


def _from_url(url: str, how: _Reading, *, feeds: bool = True) -> Iterator[Document | IngestError]:
    published = how.published
    data, content_type, final_url = fetch_url(url, allow_private=how.allow_private, max_bytes=how.max_bytes)
    mime = content_type.split(";", 1)[0].strip().lower()
    if not data.strip():
        raise IngestError("empty", final_url, f"{final_url} returned an empty page; nothing to analyse")
    kind = binary_kind(data)
    if kind and not (mime.startswith("text/") or "xml" in mime or "html" in mime):
        raise IngestError(
            "binary", final_url, f"{final_url} is a {kind} ({mime or 'no content type'}), not an article"
        )
    if "rss" in mime or "atom" in mime or (("xml" in mime or not mime) and looks_like_feed(data)):
        if not feeds:
            raise IngestError("parse", final_url, f"{final_url} is a feed, not an article page")
        yield from _feed(data, final_url, how)
        return
    charset = how.encoding or _charset(content_type)
    if "html" in mime or (not mime.startswith("text/plain") and data.lstrip()[:1] == b"<"):
        # Without a declared charset trafilatura sniffs <meta charset> from the bytes.
        html: str | bytes = decode_bytes(data, final_url, charset) if charset else data
        doc = from_html(html, url=final_url, published=published)
    else:
        text = decode_bytes(data, final_url, charset)
        doc = parse_layout(text, url=final_url, published=published)
        doc.meta["format"] = "text"
    doc.meta["source"] = url
    yield doc


def _from_file(path: Path, how: _Reading) -> Iterator[Document | IngestError]:
    published, encoding, max_bytes = how.published, how.encoding, how.max_bytes
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in JSONL_SUFFIXES:
        for item in documents_from_jsonl(path, published=published, max_bytes=max_bytes):
            if isinstance(item, Document):
                item.meta.setdefault("source", name)
            yield item
        return
    if suffix in FEED_SUFFIXES:
        data = read_bytes(path, max_bytes=max_bytes)
        if not data.strip():
            raise IngestError("empty", name, f"{name} is empty; nothing to analyse")
        yield from _feed(data, name, how)
        return
    if suffix in HTML_SUFFIXES:
        data = read_bytes(path, max_bytes=max_bytes)
        if encoding is not None:
            html: str | bytes = decode_bytes(data, name, encoding)
        else:
            try:
                html = decode_bytes(data, name)
            except IngestError as exc:
                if exc.reason != "encoding":
                    raise
                html = data  # a legacy charset: let trafilatura honour <meta charset>
        doc = from_html(html, published=published, name=name)
    else:
        raw = read_source(path, encoding=encoding, max_bytes=max_bytes)
        header = split_header(raw)
        if header is None:
            doc = parse_layout(raw, published=published)
        else:  # title, date, outlet and URL above the text (the story corpora's files)
            meta, body = header
            doc = parse_layout(
                body,
                title=meta["title"],
                url=meta["url"],
                outlet=meta["outlet"] or None,
                published=published if published is not None else meta["published"],
            )
        doc.meta["format"] = "text"
    doc.meta["source"] = name
    yield doc


def _guarded(items: Iterator[Document | IngestError], source: str) -> Iterator[Document | IngestError]:
    """Turn any failure inside one source into a yielded error so the batch goes on."""
    try:
        yield from items
    except IngestError as exc:
        yield exc
    except Exception as exc:  # a third-party parser bug must not end a batch
        yield IngestError("parse", source, f"could not process {source} ({type(exc).__name__}: {exc})")


def _directory_files(root: Path) -> list[Path]:
    files = []
    for path in root.rglob("*"):
        rel = path.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue  # .git, editor backups and similar are never articles
        # Not is_file(): a named pipe or a symlink loop with an article's name is listed
        # too, so reading it gives an error record saying why instead of a silent skip.
        if path.suffix.lower() in SUPPORTED_SUFFIXES and not path.is_dir():
            files.append(path)
    return sorted(files)


def load_documents(
    source: str | os.PathLike[str],
    *,
    published: Published = None,
    allow_private: bool = False,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_links: bool = False,
) -> Iterator[Document | IngestError]:
    """Every Document in ``source`` (``-``, URL, file or directory), errors yielded in place.

    ``follow_links`` fetches the page of every feed entry (same address guard
    as URLs) instead of analysing the entry's summary.

    ``published`` is the date to assume; it overrides dates found in page or
    feed metadata, but not a JSONL record's own ``published`` field.
    """
    src = str(source)
    how = _Reading(published, allow_private, encoding, max_bytes, follow_links)
    if src == "-":

        def from_stdin() -> Iterator[Document | IngestError]:
            doc = parse_layout(read_source("-", encoding=encoding, max_bytes=max_bytes), published=published)
            doc.meta.update(format="text", source="-")
            yield doc

        yield from _guarded(from_stdin(), "<stdin>")
        return
    scheme, sep, _rest = src.partition("://")
    if sep and scheme.isalpha():
        if scheme.lower() not in ("http", "https"):
            yield IngestError(
                "refused_address", src, f"refusing {src}: only http and https URLs can be fetched"
            )
            return
        yield from _guarded(_from_url(src, how), src)
        return
    path = Path(src)
    if path.is_dir():
        files = _directory_files(path)
        if not files:
            yield IngestError(
                "no_articles",
                src,
                f"{src} holds no {', '.join(sorted(SUPPORTED_SUFFIXES))} files; check the directory",
            )
            return
        for file in files:
            yield from _guarded(_from_file(file, how), str(file))
        return
    if not path.exists() and not path.is_symlink():  # a symlink loop "does not exist" but is there
        looks_like_host = re.match(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/", src) is not None
        hint = "; add https:// to fetch it as a URL" if looks_like_host else ""
        yield IngestError("not_found", src, f"{src} does not exist; check the path{hint}")
        return
    yield from _guarded(_from_file(path, how), src)
