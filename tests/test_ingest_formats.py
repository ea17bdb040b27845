"""HTML pages, RSS/Atom feeds and JSONL batches become Documents (or named errors)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from reportedly.ingest import (
    IngestError,
    documents_from_feed,
    documents_from_jsonl,
    entries_from_feed,
    from_html,
    html_to_text,
)
from reportedly.model import Document, SectionKind

PAGE = """<!doctype html><html><head><title>Ferry strike halts island crossings | Kestria Herald</title>
<meta property="og:title" content="Ferry strike halts island crossings">
<meta property="og:site_name" content="Kestria Herald">
<meta name="author" content="Ada Quill">
<meta property="article:published_time" content="2024-05-14T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather desk</a></nav>
<article><h1>Ferry strike halts island crossings</h1>
<p>MARLOW, Kestria – Ferry crews walked out on Tuesday, stranding hundreds of travellers on the
islands, the operator said in a statement.</p>
<p>“We regret the disruption and are talking to the union,” said Pell Ostrander, a spokesman for the
operator, adding that talks would resume on Wednesday morning.</p>
<p>The union said its members had not been paid overtime since March and would stay out until the
dispute was settled.</p>
</article>
</body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kestria Herald</title><link>https://herald.example/</link>
<item><title>Port fees to double</title><link>https://herald.example/fees</link>
<pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The port authority said on Monday that fees would double.&lt;/p&gt;&lt;p&gt;Shippers
objected, a trade group said.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://herald.example/empty</link></item>
</channel></rss>"""


def test_from_html_extracts_article_and_metadata() -> None:
    doc = from_html(PAGE, url="https://herald.example/ferry")
    assert doc.title == "Ferry strike halts island crossings"
    assert doc.outlet == "Kestria Herald"
    assert doc.byline == "Ada Quill"
    assert doc.published == date(2024, 5, 14)
    assert doc.url == "https://herald.example/ferry"
    assert doc.meta["format"] == "html"
    assert doc.text.startswith("Ferry strike halts island crossings\n\nMARLOW, Kestria –")
    assert doc.sections[0].kind == SectionKind.HEADLINE
    assert doc.dateline is not None and doc.dateline.text == "MARLOW, Kestria"
    assert len(doc.paragraphs) == 3
    # Wrapped source lines are joined, and page chrome is gone.
    assert "travellers on the islands" in doc.paragraphs[0].text
    assert "Weather desk" not in doc.text
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text


def test_from_html_explicit_published_wins() -> None:
    assert from_html(PAGE, published="2024-06-01").published == date(2024, 6, 1)


def test_from_html_without_article_text_is_a_parse_error() -> None:
    with pytest.raises(IngestError) as info:
        from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", url="https://x.example/")
    assert info.value.reason == "parse"
    assert info.value.source == "https://x.example/"


def test_html_to_text_keeps_paragraph_breaks_and_entities() -> None:
    assert html_to_text(
        "<p>Fees &amp; tolls rose.</p><p>Shippers <b>objected</b>.</p><script>x()</script>"
    ) == ("Fees & tolls rose.\n\nShippers objected.")


def test_entries_from_feed() -> None:
    entries = entries_from_feed(RSS.encode())
    assert [e["title"] for e in entries] == ["Port fees to double", "Headline only"]
    first = entries[0]
    assert first["link"] == "https://herald.example/fees"
    assert first["published"] == date(2024, 11, 19)
    assert first["summary"] == (
        "The port authority said on Monday that fees would double.\n\nShippers objected, a trade group said."
    )
    assert first["outlet"] == "Kestria Herald"
    assert entries[1]["summary"] == ""
    assert entries_from_feed(RSS) == entries  # str input is parsed the same way


def test_entries_from_feed_never_opens_a_path_given_as_text(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text(RSS, encoding="utf-8")
    # feedparser would open this path if handed the bare string; we must treat it as content.
    with pytest.raises(IngestError) as info:
        entries_from_feed(str(secret))
    assert info.value.reason == "parse"


def test_documents_from_feed_yields_docs_and_errors() -> None:
    items = list(documents_from_feed(RSS, source="feed.rss"))
    assert isinstance(items[0], Document)
    doc = items[0]
    assert doc.title == "Port fees to double"
    assert doc.url == "https://herald.example/fees"
    assert doc.published == date(2024, 11, 19)
    assert doc.sections[0].kind == SectionKind.HEADLINE
    assert [p.text for p in doc.paragraphs][-1] == "Shippers objected, a trade group said."
    assert isinstance(items[1], IngestError) and items[1].reason == "empty"
    assert "fetch its link" in items[1].message


def test_feed_without_entries_is_reported() -> None:
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    assert entries_from_feed(empty) == []
    (err,) = list(documents_from_feed(empty, source="quiet.rss"))
    assert isinstance(err, IngestError) and err.reason == "empty" and err.source == "quiet.rss"


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(IngestError) as info:
        entries_from_feed("<html><body><p>Not a feed at all, really.</p></body></html>")
    assert info.value.reason == "parse"


def test_jsonl_bad_lines_do_not_stop_the_batch(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"text": "Dam opens\n\nThe dam opened, engineers said.\n\nCrowds watched.", "outlet": "Herald"}
        ),
        "{not json",
        json.dumps(["a", "list"]),
        "",
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Fine text, a clerk said.", "published": "last Tuesday"}),
        json.dumps({"html": PAGE, "url": "https://herald.example/ferry", "published": "2024-07-02"}),
        json.dumps({"text": "Second good one, he said.", "url": "https://herald.example/2", "title": "T"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(documents_from_jsonl(path, published="2024-01-05"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == [
        "Document",
        "IngestError",
        "IngestError",
        "IngestError",
        "IngestError",
        "Document",
        "Document",
    ]

    first = items[0]
    assert isinstance(first, Document)
    assert first.title == "Dam opens" and first.outlet == "Herald"
    assert first.published == date(2024, 1, 5)  # batch default when the record has none

    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.line for e in errors] == [2, 3, 5, 6]
    assert all(e.reason == "parse" for e in errors)
    assert "line 2" in errors[0].message and "invalid JSON" in errors[0].message
    assert '"text" or "html"' in errors[2].message
    assert "ISO date" in errors[3].message

    html_doc = items[5]
    assert isinstance(html_doc, Document)
    assert html_doc.published == date(2024, 7, 2)  # the record's own date wins
    assert html_doc.meta["format"] == "html"
    last = items[6]
    assert isinstance(last, Document) and last.title == "T" and last.url == "https://herald.example/2"


def test_jsonl_invalid_utf8_line_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 said."}\n' + json.dumps({"text": "ok, she said."}).encode() + b"\n")
    items = list(documents_from_jsonl(path))
    assert isinstance(items[0], IngestError) and items[0].reason == "encoding" and items[0].line == 1
    assert isinstance(items[1], Document)
    missing = list(documents_from_jsonl(tmp_path / "none.jsonl"))
    assert len(missing) == 1 and isinstance(missing[0], IngestError) and missing[0].reason == "not_found"


def test_jsonl_oversize_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    big = json.dumps({"text": "x" * 5000})
    path.write_text(big + "\n" + json.dumps({"text": "Small one, he said."}) + "\n", encoding="utf-8")
    items = list(documents_from_jsonl(path, max_bytes=1000))
    assert isinstance(items[0], IngestError) and items[0].reason == "too_large" and items[0].line == 1
    assert "1,000-byte limit" in items[0].message and "--max-bytes" in items[0].message
    assert isinstance(items[1], Document) and items[1].text == "Small one, he said."


def test_a_text_file_with_the_story_corpus_header_keeps_its_date_outlet_and_url(tmp_path: Path) -> None:
    """The story corpora's files (title, date, outlet, URL, empty line, text) ingest with their
    metadata, the body alone as the text; an ordinary article is never read so."""
    from reportedly.ingest import load_documents

    body = "Rescuers reached the valley on Tuesday.\n\nOfficials said 12 people were missing."
    path = tmp_path / "a.txt"
    path.write_text(
        "Flood cuts off valley\n2023-09-12\nThe Daily Example\nhttps://example.org/flood\n\n" + body,
        encoding="utf-8",
    )
    [doc] = list(load_documents(path))
    assert (doc.title, doc.outlet, doc.url) == (
        "Flood cuts off valley",
        "The Daily Example",
        "https://example.org/flood",
    )
    assert str(doc.published) == "2023-09-12"
    assert doc.text == body
    # a headline whose second line is no date stays the article's own text
    plain = tmp_path / "b.txt"
    plain.write_text("Flood cuts off valley\nBy A. Writer\nThe Daily Example\nhttps://example.org\n\n" + body)
    [doc] = list(load_documents(plain))
    assert doc.published is None and doc.text.startswith("Flood cuts off valley\nBy A. Writer")
