"""RSS/Atom feeds to plain entries (title, link, date, summary text).

Feed summaries are HTML fragments; they are flattened here to paragraphs of
plain text so the layout stage can treat them like any other article.
"""

from __future__ import annotations

import io
from datetime import date
from html.parser import HTMLParser
from typing import Any

import feedparser

from reportedly.ingest.errors import IngestError

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "tr",
        "table",
        "figure",
    ]
)


class _TextCollector(HTMLParser):
    """Collects text, turning block boundaries into paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment, one paragraph per block, blank-line separated."""
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in raw.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def looks_like_feed(data: bytes | str) -> bool:
    """Cheap sniff for feeds served as generic XML or with a wrong content type."""
    head = data[:2048]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    head = head.lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def entries_from_feed(data: bytes | str, *, source: str | None = None) -> list[dict[str, Any]]:
    """Entries as dicts: ``title``, ``link``, ``published`` (date), ``summary`` (text), ``outlet``.

    The data is handed to feedparser as a stream: given a ``str``, feedparser
    would treat a URL or file path as something to open, which must never
    happen for content we were handed.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parsed = feedparser.parse(io.BytesIO(raw))
    if not parsed.entries and (parsed.bozo or not parsed.version):
        why = parsed.get("bozo_exception") or "no RSS or Atom structure found"
        raise IngestError("parse", source, f"{source or 'input'} is not a readable RSS/Atom feed ({why})")
    outlet = " ".join(str(parsed.feed.get("title", "")).split()) or None
    entries: list[dict[str, Any]] = []
    for entry in parsed.entries:
        summary_html = entry.get("summary", "")
        if not summary_html and entry.get("content"):
            summary_html = entry["content"][0].get("value", "")
        entries.append(
            {
                "title": " ".join(html_to_text(entry.get("title", "")).split()) or None,
                "link": entry.get("link") or None,
                "published": _entry_date(entry),
                "summary": html_to_text(summary_html),
                "outlet": outlet,
            }
        )
    return entries
