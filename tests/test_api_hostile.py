"""Hostile API input answers 4xx, never 500, and a failure leaks nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reportedly.api import create_app
from reportedly.api.app import INTERNAL_ERROR
from reportedly.api.schemas import clean_text
from reportedly.api.security import CONTENT_SECURITY_POLICY
from reportedly.store import Store
from web_ledgers import ferry_ledger

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _ferry_store(store: Store) -> None:
    store.save(ferry_ledger(), source="ferry.txt")


@pytest.fixture
def client(tmp_path: Path, store_copy: Callable[..., Path]) -> Iterator[TestClient]:
    path = store_copy(tmp_path / "web.db", _ferry_store)
    with TestClient(create_app(path, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/api/claims", "/api/documents", "/api/entities"])
@pytest.mark.parametrize("offset", [2**63, 2**64, 10**30])
def test_huge_offset_is_a_422_naming_the_bound(client: TestClient, path: str, offset: int) -> None:
    r = client.get(path, params={"offset": offset})
    assert r.status_code == 422
    assert "1,000,000,000" in r.text or "1000000000" in r.text
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_clean_text_drops_nul_and_replaces_lone_surrogates() -> None:
    assert clean_text("a\x00b\ud800c") == "ab\ufffdc"
    assert clean_text("plain “quoted” text") == "plain “quoted” text"


def test_unexpected_error_is_a_generic_500_with_security_headers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("SELECT secret FROM documents WHERE text = 'article body'")

    monkeypatch.setattr(Store, "counts", boom)
    r = client.get("/api/status")
    assert r.status_code == 500
    assert r.json() == {"detail": INTERNAL_ERROR}
    assert "SELECT" not in r.text and "article body" not in r.text
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert r.headers["x-content-type-options"] == "nosniff"


def test_posted_text_with_a_lone_surrogate_is_stored(client: TestClient) -> None:
    body = (
        '{"text": "Bridge repairs to finish in June\\n'
        'The city said on Monday that the repairs would cost \\ud800 3 million dollars."}'
    )
    r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 201, r.text
    doc = client.get(r.json()["documents"][0]["href"]).json()
    assert "\ufffd" in doc["document"]["text"]


_HEAD = (
    "Bridge repairs to finish in June\n"
    "The city said on Monday that the repairs would cost 3 million dollars. "
)


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("text", _HEAD.replace("Monday", "Monday\x00"), "contains NUL bytes"),
        ("html", f"<html><body><p>{_HEAD}\x00</p></body></html>", "contains NUL bytes"),
        ("text", _HEAD + "\x01\x02\x03\x04" * 40, "many control characters"),
    ],
)
def test_posted_binary_text_is_refused_as_the_command_line_refuses_it(
    client: TestClient, field: str, value: str, why: str
) -> None:
    from reportedly.ingest.errors import IngestError
    from reportedly.ingest.reader import decode_bytes

    with pytest.raises(IngestError) as refused:  # the command line, reading it as a file
        decode_bytes(value.encode("utf-8"), "article.txt")
    assert refused.value.reason == "binary"
    r = client.post("/api/documents", json={field: value}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert f"the posted {field} looks like binary data ({why}), not text" in r.json()["detail"]
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert client.get("/api/documents").json()["total"] == 1  # nothing stored


def test_refused_binary_text_with_a_lone_surrogate_is_a_422_not_a_500(client: TestClient) -> None:
    # the refusal echoes the start of the input; a lone surrogate there must not break the answer
    body = '{"text": "Pier closes\\nThe port said\\u0000 that the pier \\ud800 would close."}'
    r = client.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "contains NUL bytes" in r.json()["detail"] and "\ufffd" in r.json()["errors"][0]["input"]
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_a_nul_past_the_sniffed_head_is_dropped_and_the_text_stored(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the command line sniffs the first 8 KB too: a text file with a NUL further on is read
    import reportedly
    from reportedly.ingest.reader import SNIFF_BYTES, decode_bytes
    from reportedly.model import Ledger

    monkeypatch.setattr(reportedly, "analyze_document", lambda document, nlp=None: Ledger(document))
    text = _HEAD * (SNIFF_BYTES // len(_HEAD) + 2) + "It reopens\x00 in June."
    assert "\x00" in decode_bytes(text.encode("utf-8"), "article.txt")
    r = client.post("/api/documents", json={"text": text}, headers=AUTH)
    assert r.status_code == 201, r.text
    stored = client.get(r.json()["documents"][0]["href"]).json()["document"]["text"]
    assert "\x00" not in stored and stored.endswith("It reopens in June.")


def test_posted_article_over_the_time_limit_is_a_422_naming_the_setting(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import reportedly

    def slow(document, nlp=None):  # noqa: ANN001, ANN202 - stands in for a pathological text
        # Busy Python code, as analysis is: the stop lands between bytecodes, not inside sleep().
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.01)

    monkeypatch.setattr(reportedly, "analyze_document", slow)
    client.app.state.settings.analysis_timeout = 0.5
    started = time.monotonic()
    r = client.post("/api/documents", json={"text": "Title\n\nThe mayor said it was fine."}, headers=AUTH)
    assert time.monotonic() - started < 30
    assert r.status_code == 422
    assert "serve --analysis-timeout" in r.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 1  # nothing stored for it


def test_serve_passes_its_analysis_limits_to_the_app(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    import reportedly.api
    from reportedly.cli import app

    seen = {}

    def fake_create_app(db, **kwargs):
        seen.update(kwargs)
        raise SystemExit(0)  # stop before uvicorn starts

    monkeypatch.setattr(reportedly.api, "create_app", fake_create_app)
    db = str(tmp_path / "s.db")
    Store(db).close()  # serve without a token wants a store that exists
    CliRunner().invoke(app, ["serve", "--db", db, "--analysis-timeout", "30", "--max-memory", "1024"])
    assert (seen["analysis_timeout"], seen["max_memory"]) == (30.0, 1024.0)
    web = create_app(db, analysis_timeout=30, max_memory=1024)
    assert (web.state.settings.analysis_timeout, web.state.settings.max_memory) == (30, 1024)


@pytest.mark.slow  # a PostgreSQL server (tests/pg.py); skipped without one
def test_the_probes_on_postgresql_answer_4xx_and_leak_no_sql(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's leaks were on PostgreSQL: a 500 there carried the SQL and the article text."""
    import reportedly
    from reportedly.model import Ledger

    monkeypatch.setattr(reportedly, "analyze_document", lambda document, nlp=None: Ledger(document))
    with Store(pg_url) as store:
        store.save(ferry_ledger(), source="ferry.txt")
    with TestClient(create_app(pg_url, token=TOKEN), raise_server_exceptions=False) as pg:
        for path in ("/api/claims", "/api/documents", "/api/entities"):
            r = pg.get(path, params={"offset": 2**63})
            assert r.status_code == 422, r.text
            assert "SELECT" not in r.text and "psycopg" not in r.text
            assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        body = '{"text": "Pier closes\\nThe port said on Monday\\u0000 that the pier \\ud800 would close."}'
        r = pg.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
        assert r.status_code == 422 and "NUL" in r.text, r.text  # binary, as the command line says
        # a NUL past the sniffed head is dropped (PostgreSQL refuses NUL in text) and the text stored
        text = "Pier closes\nThe port said on Monday that the pier \ud800 would close. " * 200 + "Shut\x00."
        body = json.dumps({"text": text})
        r = pg.post("/api/documents", content=body, headers={**AUTH, "content-type": "application/json"})
        assert r.status_code == 201, r.text
        text = pg.get(r.json()["documents"][0]["href"]).json()["document"]["text"]
        assert "\x00" not in text and "\ufffd" in text


def test_posted_html_without_an_article_is_named_as_posted(client: TestClient) -> None:
    html = "<html><body>" + "<div>" * 300 + "<p>The port said on Monday it was shut.</p>" + "</div>" * 300
    r = client.post("/api/documents", json={"html": html}, headers=AUTH)
    assert r.status_code == 422
    assert "the posted HTML" in r.json()["detail"] and "<html>" not in r.json()["detail"]


def test_every_route_answers_out_of_range_numbers_with_4xx_and_every_security_header(
    client: TestClient,
) -> None:
    """Issue 18's probes on every route and method at once, not only the list pages: each path
    parameter and the usual query parameters set to a number past 2^63, a byte that is not UTF-8
    and words that are not numbers: never a 5xx, never the internals, always the headers."""
    import re

    from reportedly.api.security import SECURITY_HEADERS

    names = [k.decode() for k, _ in SECURITY_HEADERS]
    probed = 0
    paths = client.get("/openapi.json").json()["paths"]  # every route, the included routers' too
    for path, operations in paths.items():
        for method in sorted(m.upper() for m in operations):
            for bad in ["9223372036854775808", "-9223372036854775809", "%FF", "NaN", "1e400"]:
                url = re.sub(r"\{[^}]+\}", bad, path)
                query = "&".join(f"{p}={bad}" for p in ("offset", "limit", "page", "id", "story", "document"))
                body = {"text": "x"} if method in {"POST", "PUT", "PATCH"} else None
                r = client.request(method, f"{url}?{query}", headers=AUTH, json=body)
                probed += 1
                assert r.status_code < 500, (method, url, r.status_code, r.text[:200])
                assert all(name in r.headers for name in names), (method, url)
                assert "Traceback" not in r.text and "SELECT" not in r.text, (method, url)
    assert probed >= 50
