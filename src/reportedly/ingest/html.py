"""HTML pages to Documents: boilerplate removal by trafilatura, layout by us.

A web page carries navigation, comments and ads around the article; quoting
any of that as a source's claim would be wrong, so only trafilatura's main
text is kept. Its output is re-laid out as title, blank line, one paragraph
per block, so the same layout rules (and the same offsets contract) apply as
for plain-text input.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import trafilatura

from reportedly.ingest.errors import IngestError
from reportedly.ingest.layout import parse_layout, to_date
from reportedly.model import Document


def _field(result: Any, name: str) -> Any:
    if isinstance(result, dict):
        return result.get(name)
    return getattr(result, name, None)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _running_text(paragraph: str) -> bool:
    """A sentence or a long enough stretch of words, unlike menu and button labels."""
    stripped = paragraph.rstrip("\"'”’»)] ")
    return (bool(stripped) and stripped[-1] in ".!?…") or len(paragraph.split()) >= 12


def from_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: date | datetime | str | None = None,
    name: str | None = None,
) -> Document:
    """Extract the article from ``html``; ``published`` overrides the page's own date.

    ``name`` is the input as the user gave it (a file path), used in error
    messages so that an error record says which file failed, not ``<html>``.

    The explicit date wins because page metadata is often the last-modified
    time, while the caller usually knows when the article appeared.
    """
    source = name or url or "<html>"
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            # Reader comments are not the article's reporting, and flattened
            # table cells read as a pile of crossheads with no sentences.
            include_comments=False,
            include_tables=False,
        )
    except Exception as exc:  # trafilatura surfaces lxml and encoding errors as-is
        raise IngestError("parse", source, f"could not parse the HTML of {source} ({exc})") from None
    body = _field(result, "text") if result is not None else None
    if not body or not str(body).strip():
        raise IngestError(
            "parse",
            source,
            f"found no article text in {source}; the page may need JavaScript or be an index page, "
            "so save the article text as .txt and pass that instead",
        )

    title = _clean(_field(result, "title"))
    blocks = [" ".join(line.split()) for line in str(body).splitlines()]
    blocks = [b for b in blocks if b]
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]  # trafilatura keeps the <h1>; it becomes our headline line anyway
    if not blocks:
        raise IngestError("parse", source, f"{source} has a title but no article text; nothing to analyse")
    text = "\n\n".join(([title] if title else []) + blocks)

    page_date = None
    if published is None:
        try:
            page_date = to_date(_field(result, "date"), source)
        except IngestError:
            page_date = None  # a garbled page date is not worth failing the article over

    doc = parse_layout(
        text,
        title=title,
        url=url,
        outlet=_clean(_field(result, "sitename")) or _clean(_field(result, "hostname")),
        published=published if published is not None else page_date,
    )
    if not any(_running_text(p.text) for p in doc.paragraphs):
        # Only a title or menu-like fragments survived: trafilatura's fallback
        # grabbed page chrome, which must not be analysed as an article.
        raise IngestError(
            "parse",
            source,
            f"found no article paragraphs in {source}; save the article text as .txt and pass that instead",
        )
    author = _clean(_field(result, "author"))
    if doc.byline is None and author:
        doc.byline = author
    doc.meta["format"] = "html"
    description = _clean(_field(result, "description"))
    if description:
        doc.meta["description"] = description
    return doc
