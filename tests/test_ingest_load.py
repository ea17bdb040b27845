"""The dispatcher: every kind of source, errors yielded in place, batches never stop."""

from __future__ import annotations

import io
import json
import sys
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reportedly.ingest import IngestError, load_documents
from reportedly.model import Document, SectionKind

STORY = "Tram line delayed\n\nThe council said on Monday that the tram would open late.\n\nRiders sighed."
PAGE = (
    "<html><head><title>Tram line delayed</title></head><body><article><h1>Tram line delayed</h1>"
    "<p>The council said on Monday that the new tram line would open in June, a year later than planned.</p>"
    "<p>Engineers blamed supply delays for the setback, the transport office said.</p>"
    "</article></body></html>"
)
FEED = (
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title>'
    "<entry><title>Bridge reopens</title><link href='https://herald.example/b'/>"
    "<updated>2024-03-02T09:00:00Z</updated><summary>The bridge reopened, police said.</summary>"
    "</entry></feed>"
)


def _docs(items: list[Document | IngestError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _errors(items: list[Document | IngestError]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (doc,) = list(load_documents(path, published="2024-02-01"))
    assert isinstance(doc, Document)
    assert doc.title == "Tram line delayed"
    assert doc.published == date(2024, 2, 1)
    assert doc.meta["source"] == str(path) and doc.meta["format"] == "text"


def test_directory_is_recursive_sorted_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "page.HTML").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b" / "z.jsonl").write_text(
        json.dumps({"text": "One, she said."}) + "\n{broken\n" + json.dumps({"text": "Two, he said."}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.atom").write_text(FEED, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")

    items = list(load_documents(tmp_path))
    sources = [i.meta["source"] if isinstance(i, Document) else i.source for i in items]
    assert sources == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "page.HTML"),
        str(tmp_path / "b" / "z.jsonl"),
        str(tmp_path / "b" / "z.jsonl"),
        str(tmp_path / "b" / "z.jsonl"),
        str(tmp_path / "c.atom"),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "image.txt"),
    ]
    assert [type(i).__name__ for i in items] == [
        "Document",
        "Document",
        "Document",
        "IngestError",
        "Document",
        "Document",
        "IngestError",
        "IngestError",
    ]
    errors = _errors(items)
    assert [e.reason for e in errors] == ["parse", "empty", "binary"]
    html_doc = items[1]
    assert isinstance(html_doc, Document) and html_doc.meta["format"] == "html"
    feed_doc = items[5]
    assert isinstance(feed_doc, Document)
    assert feed_doc.title == "Bridge reopens" and feed_doc.published == date(2024, 3, 2)
    assert feed_doc.url == "https://herald.example/b"


def test_empty_directory(tmp_path: Path) -> None:
    (err,) = list(load_documents(tmp_path))
    assert isinstance(err, IngestError) and err.reason == "no_articles"


def test_missing_path_with_url_hint(tmp_path: Path) -> None:
    (err,) = list(load_documents("herald.example/story"))
    assert isinstance(err, IngestError) and err.reason == "not_found" and "https://" in err.message
    (err,) = list(load_documents(tmp_path / "missing.txt"))
    assert isinstance(err, IngestError) and "https://" not in err.message


def test_encoding_option_reaches_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Café reopens\n\nThe café reopened, its owner said.\n\nRegulars cheered.".encode("latin-1")
    )
    (err,) = list(load_documents(path))
    assert isinstance(err, IngestError) and err.reason == "encoding"
    (doc,) = list(load_documents(path, encoding="latin-1"))
    assert isinstance(doc, Document) and doc.title == "Café reopens"


def test_too_large_is_yielded(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    (err,) = list(load_documents(path, max_bytes=100))
    assert isinstance(err, IngestError) and err.reason == "too_large"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode()), encoding="utf-8"))
    (doc,) = list(load_documents("-"))
    assert isinstance(doc, Document) and doc.text == STORY and doc.meta["source"] == "-"


def test_non_http_scheme_is_refused() -> None:
    (err,) = list(load_documents("file:///etc/passwd"))
    assert isinstance(err, IngestError) and err.reason == "refused_address"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        pages = {
            "/page": ("text/html; charset=utf-8", PAGE.encode()),
            "/feed": ("application/atom+xml", FEED.encode()),
            "/plain": ("text/plain; charset=utf-8", STORY.encode()),
            "/xml-feed": ("application/xml", FEED.encode()),
        }
        ctype, body = pages.get(self.path, ("text/plain", b""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_refused_by_default_is_yielded_not_raised(server: str) -> None:
    (err,) = list(load_documents(f"{server}/page"))
    assert isinstance(err, IngestError) and err.reason == "refused_address"


def test_url_dispatch_by_content_type(server: str) -> None:
    (page,) = list(load_documents(f"{server}/page", allow_private=True, published="2024-04-04"))
    assert isinstance(page, Document)
    assert page.meta["format"] == "html" and page.url == f"{server}/page"
    assert page.title == "Tram line delayed" and page.published == date(2024, 4, 4)
    assert page.sections[0].kind == SectionKind.HEADLINE

    for route in ("/feed", "/xml-feed"):
        (entry,) = list(load_documents(f"{server}{route}", allow_private=True))
        assert isinstance(entry, Document) and entry.meta["format"] == "feed"
        assert entry.title == "Bridge reopens"

    (plain,) = list(load_documents(f"{server}/plain", allow_private=True))
    assert isinstance(plain, Document) and plain.text == STORY and plain.meta["format"] == "text"

    (missing,) = list(load_documents(f"{server}/nope", allow_private=True))
    assert isinstance(missing, IngestError) and missing.reason == "fetch"
