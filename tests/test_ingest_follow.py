"""Feeds with --follow-links: each entry's page is fetched; a failed fetch falls back to the summary."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import EXIT_INPUT, app
from reportedly.ingest import IngestError, load_documents

PAGE = (
    "<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
    "<p>The dockworkers’ union said on Friday that crews would return to the island routes on Monday, "
    "ending a strike that had stranded hundreds of travellers for nine days.</p>"
    "<p>The ferry operator confirmed that the first sailing would leave at six in the morning.</p>"
    "</article></body></html>"
)


def feed(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Island Herald</title>
<link>{base}/</link><description>News</description>
<item><title>Ferry strike ends</title><link>{base}/strike.html</link>
<description>Short summary of the strike story.</description>
<pubDate>Fri, 14 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Harbour fees rise</title><link>{base}/missing.html</link>
<description>The harbour board said mooring fees would rise by a tenth next year.</description>
<pubDate>Fri, 14 Mar 2025 11:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep stderr clean
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "strike.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.xml").write_text(feed(base), encoding="utf-8")
    # a short poll: shutdown() waits out one (0.5 s by default) after every test
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield base
    server.shutdown()


def test_follow_links_fetches_pages_and_falls_back_to_summaries(site: str, tmp_path: Path) -> None:
    items = list(load_documents(str(tmp_path / "feed.xml"), follow_links=True, allow_private=True))
    docs = [i for i in items if not isinstance(i, IngestError)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) == 2 and len(errors) == 1
    page, summary = docs
    assert page.url == f"{site}/strike.html"
    assert "crews would return to the island routes" in page.text
    assert page.meta["format"] == "html"
    assert "mooring fees would rise" in summary.text and summary.meta["format"] == "feed"
    assert errors[0].source and errors[0].source.endswith("missing.html")


def test_without_follow_links_only_summaries_are_used(site: str, tmp_path: Path) -> None:
    docs = list(load_documents(str(tmp_path / "feed.xml")))
    assert all(not isinstance(d, IngestError) for d in docs)
    assert "Short summary of the strike story." in docs[0].text


def test_follow_links_still_refuses_loopback_unless_allowed(site: str, tmp_path: Path) -> None:
    items = list(load_documents(str(tmp_path / "feed.xml"), follow_links=True))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.reason for e in errors] == ["refused_address", "refused_address"]
    assert sum(1 for i in items if not isinstance(i, IngestError)) == 2  # both summaries kept


def test_ingest_verb_follows_links(site: str, tmp_path: Path) -> None:
    db = str(tmp_path / "feed.db")
    result = CliRunner().invoke(
        app,
        ["ingest", str(tmp_path / "feed.xml"), "--db", db, "--follow-links", "--allow-private", "--json"],
    )
    assert result.exit_code == EXIT_INPUT  # one page could not be fetched; it is recorded
    report = json.loads(result.output)
    assert report["stored"] == 2 and report["errors"][0]["reason"] == "fetch"
