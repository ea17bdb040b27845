"""The web API: every endpoint, its filters and paging, and its refusals (401, 403, 404, 413, 422).

Reads run against hand-built ledgers (tests/web_ledgers.py); the POST tests
run the real analysis, since storing what the pipeline makes is their point.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reportedly.api import create_app
from reportedly.api.app import STATIC
from reportedly.api.security import CONTENT_SECURITY_POLICY
from reportedly.store import Store
from web_ledgers import FERRY_TEXT, HOSTILE_TITLE, ferry_ledger, hostile_ledger

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FERRY_ID = ferry_ledger().document.id
HOSTILE_ID = hostile_ledger().document.id

ARTICLE = (
    "Bridge repairs to finish in June, city says\n"
    "The city's transport department said on Monday that the repairs would cost about 3 million dollars. "
    "Local traders said they had lost customers since the bridge closed."
)


def _web_store(store: Store) -> None:
    store.save(ferry_ledger(), source="ferry.txt")
    store.save(hostile_ledger(), source="water.txt")


@pytest.fixture
def db_path(tmp_path: Path, store_copy: Callable[..., Path]) -> Path:
    return store_copy(tmp_path / "web.db", _web_store)


@pytest.fixture
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path, token=TOKEN)) as c:
        yield c


@pytest.fixture
def read_only(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path)) as c:
        yield c


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


# ---------------------------------------------------------------- reading


def test_documents_are_paged_with_totals(client: TestClient) -> None:
    page = client.get("/api/documents").json()
    assert page["total"] == 2 and page["limit"] == 50 and page["offset"] == 0
    assert set(ids(page)) == {FERRY_ID, HOSTILE_ID}
    ferry = next(d for d in page["items"] if d["id"] == FERRY_ID)
    assert (ferry["title"], ferry["outlet"], ferry["published"], ferry["claims"]) == (
        "Storm keeps Portview ferries in harbour",
        "Harbour Gazette",
        "2024-03-12",
        4,
    )
    second = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 2 and len(second["items"]) == 1
    assert second["items"][0]["id"] == page["items"][1]["id"]


def test_one_document_carries_its_text_and_claims(client: TestClient) -> None:
    response = client.get(f"/api/documents/{FERRY_ID}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    assert data["document"]["text"] == FERRY_TEXT
    assert [c["id"] for c in data["claims"]] == ["ferry-0", "ferry-1", "ferry-2", "ferry-3"]
    assert all(c["document_id"] == FERRY_ID for c in data["claims"])
    text = data["document"]["text"]
    for claim in data["claims"]:  # every offset served reproduces its evidence
        assert text[claim["cue"]["start"] : claim["cue"]["end"]] == claim["cue"]["text"]
    assert {e["id"] for e in data["entities"]} == {
        "portview-ferries",
        "mira-lund",
        "w1-council-members",
        "harbour-authority",
    }


def test_unknown_document_claim_entity_are_404(client: TestClient) -> None:
    for path in (
        "/api/documents/nope",
        "/api/claims/nope",
        "/api/claims/nope/provenance",
        "/api/entities/nope",
        "/api/export?document=nope",
        "/api/claims?document=nope",  # was an empty page, read as "no claims"
        "/api/no-such-endpoint",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["detail"]


def test_claim_filters(client: TestClient) -> None:
    def claim_ids(**params: str | int) -> set[str]:
        response = client.get("/api/claims", params=params)
        assert response.status_code == 200, response.text
        return set(ids(response.json()))

    assert claim_ids() == {"ferry-0", "ferry-1", "ferry-2", "ferry-3", "water-0", "water-1"}
    assert claim_ids(stance="no_comment") == {"ferry-3"}
    assert claim_ids(kind="direct") == {"ferry-1"}
    assert claim_ids(section="headline") == set()
    assert claim_ids(document=HOSTILE_ID) == {"water-0", "water-1"}
    # A source's claims include those relayed through it.
    assert claim_ids(source="harbour authority") == {"ferry-2", "ferry-3"}
    assert claim_ids(source="Mira Lund", stance="asserted") == {"ferry-1"}
    assert claim_ids(published_from="2024-04-01") == {"water-0", "water-1"}
    assert claim_ids(published_to="2024-03-31") == {"ferry-0", "ferry-1", "ferry-2", "ferry-3"}
    assert claim_ids(published_from="2024-03-13", published_to="2024-04-04") == set()
    listed = client.get("/api/claims", params={"document": FERRY_ID, "limit": 1}).json()["items"][0]
    assert listed["document"] == {
        "id": FERRY_ID,
        "title": "Storm keeps Portview ferries in harbour",
        "outlet": "Harbour Gazette",
        "published": "2024-03-12",
    }


def test_full_text_search(client: TestClient) -> None:
    def found(q: str) -> set[str]:
        return set(ids(client.get("/api/claims", params={"q": q}).json()))

    assert found("sailings cancelled") == {"ferry-0"}  # words anywhere in the content
    assert found("sailing") == {"ferry-0"}  # stemmed / prefix
    assert found("crane") == {"ferry-1"}
    assert found("Lund") == {"ferry-1"}  # the source is searchable too
    assert found("chlorine tap") == {"water-1"}
    assert found('"unbalanced quote NOT') == set()  # operators are searched for, never run
    assert found("!!!") == set()
    assert len(found("")) == 6  # an empty search box filters nothing
    assert client.get("/api/status").json()["full_text_search"] is True


def test_paging_claims_counts_every_match(client: TestClient) -> None:
    everything = client.get("/api/claims").json()
    assert everything["total"] == 6
    first = client.get("/api/claims", params={"limit": 4}).json()
    rest = client.get("/api/claims", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == rest["total"] == 6
    assert ids(first) + ids(rest) == ids(everything)
    assert client.get("/api/claims", params={"limit": 0}).json()["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"stance": "rumoured"},
        {"kind": "sideways"},
        {"section": "footer"},
        {"limit": 501},
        {"limit": -1},
        {"offset": -5},
        {"published_from": "last tuesday"},
        {"q": "x" * 501},
    ],
)
def test_invalid_claim_queries_are_422(client: TestClient, params: dict) -> None:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 422
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["errors"]


def test_one_claim_and_its_provenance(client: TestClient) -> None:
    claim = client.get("/api/claims/ferry-2").json()
    assert claim["document_id"] == FERRY_ID
    assert [link["entity"] for link in claim["chain"]] == ["council members", "Harbour Authority"]

    graph = client.get("/api/claims/ferry-2/provenance").json()
    assert graph["claim"] == claim
    assert graph["document"]["id"] == FERRY_ID
    assert [(n["id"], n["label"], n["kind"]) for n in graph["nodes"]] == [
        ("outlet", "Harbour Gazette", "outlet"),
        ("hop-0", "council members", "source"),
        ("hop-1", "Harbour Authority", "origin"),
        ("claim", "repairs could cost up to 2 million euros", "claim"),
    ]
    assert graph["nodes"][1]["anonymous"] is True
    assert [(e["source"], e["target"], e["label"]) for e in graph["edges"]] == [
        ("outlet", "hop-0", "said"),
        ("hop-0", "hop-1", "told"),
        ("hop-1", "claim", "reported"),
    ]
    # Without a chain the source itself is the origin.
    plain = client.get("/api/claims/ferry-1/provenance").json()
    assert [n["kind"] for n in plain["nodes"]] == ["outlet", "origin", "claim"]
    assert plain["nodes"][1]["label"] == "Mira Lund"


def test_entities(client: TestClient) -> None:
    page = client.get("/api/entities").json()
    assert page["total"] == 6
    harbour = next(e for e in page["items"] if e["id"] == "harbour-authority")
    assert harbour["claims"] == 2 and harbour["type"] == "agency"
    assert ids(client.get("/api/entities", params={"q": "ferry operator"}).json()) == ["portview-ferries"]
    assert set(ids(client.get("/api/entities", params={"type": "person"}).json())) == {"mira-lund", "tom-ash"}
    assert client.get("/api/entities", params={"type": "planet"}).status_code == 422
    assert len(client.get("/api/entities", params={"limit": 2, "offset": 5}).json()["items"]) == 1
    assert client.get("/api/entities/mira-lund").json()["name"] == "Mira Lund"


def test_one_entity_is_read_alone_and_matches_its_row_in_the_list(client: TestClient, db_path: Path) -> None:
    # /api/entities/{id} reads that entity only (Store.entity), with the same claim count and
    # aliases as the list, which counts over every entity
    listed = client.get("/api/entities", params={"limit": 200}).json()["items"]
    assert len(listed) == 6 and any(e["aliases"] for e in listed) and any(e["claims"] > 1 for e in listed)
    for row in listed:
        assert client.get(f"/api/entities/{row['id']}").json() == row
    with Store(db_path) as store:
        assert [store.entity(e["id"]) for e in listed] == store.entities()
    for missing in ("nope", "mira%", "mira_lund", "harbour-authority "):
        assert client.get(f"/api/entities/{missing}").status_code == 404


def test_status(client: TestClient, read_only: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["documents"] == 2 and status["claims"] == 6 and status["entities"] == 6
    assert status["writes_enabled"] is True
    assert read_only.get("/api/status").json()["writes_enabled"] is False


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/claims/{claim_id}/provenance",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/export",
        "/api/status",
    } <= paths
    assert "post" in schema["paths"]["/api/documents"]
    stance = schema["components"]["schemas"]["Stance"]["enum"]
    assert "no_comment" in stance
    # The HTML docs pages would need inline script and a CDN, which the CSP forbids.
    assert client.get("/docs").status_code == 404


# ---------------------------------------------------------------- safety


def test_security_headers_on_pages_json_and_errors(client: TestClient) -> None:
    for path in ("/", "/api/claims", "/api/documents/nope", "/static/app.js", "/openapi.json"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"):
        assert directive in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_ui_pages_have_no_inline_script_and_correct_types(client: TestClient) -> None:
    index = client.get("/")
    assert index.headers["content-type"].startswith("text/html")
    html = index.text
    assert "<script>" not in html and "onload=" not in html and "javascript:" not in html
    assert html.count("<script ") == 3 and 'src="static/app.js"' in html and 'src="static/story.js"' in html
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200


def test_the_ui_page_answers_head(client: TestClient) -> None:
    """An uptime check or `curl -I` asks for the page with HEAD; it was a 405."""
    head = client.head("/")
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/html")
    assert head.headers["content-security-policy"] and head.content == b""


def test_the_ui_scripts_never_parse_html() -> None:
    scripts = [p for p in STATIC.glob("*.js")]
    assert scripts
    for path in scripts:
        script = path.read_text(encoding="utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in script, f"{path.name} uses {sink}"


def test_hostile_text_is_served_as_json_data(client: TestClient) -> None:
    response = client.get(f"/api/documents/{HOSTILE_ID}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["document"]["title"] == HOSTILE_TITLE


def test_writes_need_the_bearer_token(client: TestClient) -> None:
    body = {"text": ARTICLE}
    missing = client.post("/api/documents", json=body)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/api/documents", json=body, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401
    basic = client.post("/api/documents", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert client.get("/api/status").json()["documents"] == 2


def test_writes_are_refused_without_a_configured_token(read_only: TestClient) -> None:
    response = read_only.post("/api/documents", json={"text": ARTICLE}, headers=AUTH)
    assert response.status_code == 403
    assert "REPORTEDLY_TOKEN" in response.json()["detail"]


def test_oversized_bodies_are_413(db_path: Path) -> None:
    with TestClient(create_app(db_path, token=TOKEN, max_body=2048)) as small:
        declared = small.post("/api/documents", json={"text": "x" * 5000}, headers=AUTH)
        assert declared.status_code == 413
        assert "limit" in declared.json()["detail"]
        assert declared.headers["content-security-policy"] == CONTENT_SECURITY_POLICY

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            for _ in range(10):
                yield b"y" * 1000
            yield b'"}'

        streamed = small.post(
            "/api/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ARTICLE, "url": "https://example.org/a"},
        {"text": "   "},
        {"url": "file:///etc/passwd"},
        {"url": "/etc/passwd"},
        {"text": ARTICLE, "published": "yesterday"},
        {"text": ARTICLE, "colour": "blue"},
    ],
)
def test_malformed_submissions_are_422(client: TestClient, body: dict) -> None:
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/documents", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422


# ---------------------------------------------------------------- writing (runs the real analysis)


def test_post_text_analyses_and_stores_once(client: TestClient) -> None:
    body = {"text": ARTICLE, "published": "2024-05-06", "outlet": "City Courier"}
    first = client.post("/api/documents", json=body, headers=AUTH)
    assert first.status_code == 201, first.text
    (saved,) = first.json()["documents"]
    assert saved["created"] is True and saved["claims"] >= 1
    assert first.headers["location"] == saved["href"] == f"/api/documents/{saved['document_id']}"
    stored = client.get(saved["href"]).json()
    assert stored["document"]["outlet"] == "City Courier"
    assert stored["document"]["published"] == "2024-05-06"
    assert any("3 million dollars" in c["content"]["text"] for c in stored["claims"])
    again = client.post("/api/documents", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["documents"][0]["created"] is False
    assert client.get("/api/status").json()["documents"] == 3


def test_post_html(client: TestClient) -> None:
    paragraphs = ARTICLE.split("\n")
    html = (
        "<html><head><title>Bridge repairs</title></head><body><article>"
        f"<h1>{paragraphs[0]}</h1><p>{paragraphs[1]}</p><p>The mayor said the work was on schedule.</p>"
        "</article></body></html>"
    )
    response = client.post(
        "/api/documents", json={"html": html, "source_url": "https://example.org/bridge"}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["document_id"]
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert "transport department" in stored["document"]["text"]
    assert "<p>" not in stored["document"]["text"]


class _ArticleServer(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        data = ARTICLE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def local_article() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ArticleServer)
    # a short poll: shutdown() waits out one (0.5 s by default) after every test
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/bridge.txt"
    finally:
        server.shutdown()
        server.server_close()


def test_post_url_refuses_loopback_unless_allowed(
    db_path: Path, client: TestClient, local_article: str
) -> None:
    refused = client.post("/api/documents", json={"url": local_article}, headers=AUTH)
    assert refused.status_code == 403
    assert "loopback" in refused.json()["detail"]
    for private in ("http://10.1.2.3/a", "http://[::1]/a", "http://169.254.169.254/latest/meta-data"):
        assert client.post("/api/documents", json={"url": private}, headers=AUTH).status_code == 403
    with TestClient(create_app(db_path, token=TOKEN, allow_private=True)) as trusting:
        allowed = trusting.post("/api/documents", json={"url": local_article}, headers=AUTH)
        assert allowed.status_code == 201, allowed.text
        doc_id = allowed.json()["documents"][0]["document_id"]
        assert trusting.get(f"/api/documents/{doc_id}").json()["document"]["url"] == local_article


# ---------------------------------------------------------------- exports over HTTP


def test_export_formats(client: TestClient) -> None:
    expected = {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv",
        "prov-json": "application/json",
        "prov-ttl": "text/turtle",
        "graphml": "application/graphml+xml",
    }
    for fmt, media in expected.items():
        response = client.get("/api/export", params={"format": fmt})
        assert response.status_code == 200, fmt
        assert response.headers["content-type"].startswith(media)
        assert response.headers["content-disposition"].startswith("attachment; filename=")
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert {json.loads(line)["document"]["id"] for line in lines} == {FERRY_ID, HOSTILE_ID}
    one = client.get("/api/export", params={"format": "csv", "document": FERRY_ID}).text
    assert [row["claim_id"] for row in csv.DictReader(io.StringIO(one))] == [f"ferry-{i}" for i in range(4)]
    brat = client.get("/api/export", params={"format": "brat", "document": FERRY_ID})
    assert brat.status_code == 200 and brat.text.startswith("T1\tSource ")


def test_export_refusals(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "brat"}).status_code == 422  # one document only
    assert client.get("/api/export", params={"format": "pdf"}).status_code == 422
    both = client.get("/api/export", params={"document": FERRY_ID, "story": "s"})
    assert both.status_code == 422
    odd = client.get("/api/export", params={"format": "csv", "document": 'x"\r\nSet-Cookie: a=b'})
    assert odd.status_code == 404
    assert "set-cookie" not in odd.headers


# ---------------------------------------------------------------- starting the server


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_verb_builds_the_app(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    import uvicorn
    from typer.testing import CliRunner

    import reportedly
    from reportedly.cli import app as cli

    seen: dict = {}
    warmed: list[bool] = []
    port = _free_port()  # serve checks that it can listen before it loads the models
    monkeypatch.setattr(uvicorn, "run", lambda web, **options: seen.update(web=web, **options))
    # With a token the models are loaded before listening, so the first POST does not stall reads.
    monkeypatch.setattr(reportedly, "warm_up", lambda: warmed.append(True))
    runner = CliRunner()
    result = runner.invoke(
        cli, ["serve", "--db", str(db_path), "--port", str(port)], env={"REPORTEDLY_TOKEN": "t0k"}
    )
    assert result.exit_code == 0, result.output
    assert warmed == [True] and "Loading the models" in result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", port)
    assert seen["web"].state.settings.token == "t0k"
    assert seen["web"].state.settings.allow_private is False
    opened = runner.invoke(
        cli,
        ["serve", "--db", str(db_path), "--host", "0.0.0.0", "--allow-private", "--port", str(_free_port())],
        env={"REPORTEDLY_TOKEN": ""},
    )
    assert opened.exit_code == 0
    assert warmed == [True]  # read-only: no models loaded
    assert "anyone who can reach" in opened.output
    assert seen["web"].state.settings.token is None and seen["web"].state.settings.allow_private is True
    broken = runner.invoke(cli, ["serve", "--db", "nosuchdialect://x/y"])
    assert broken.exit_code == 3


def test_app_from_env(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    from reportedly.api import app_from_env

    monkeypatch.setenv("REPORTEDLY_DB", str(db_path))
    monkeypatch.setenv("REPORTEDLY_TOKEN", "env-token")
    with TestClient(app_from_env()) as c:
        assert c.get("/api/status").json()["writes_enabled"] is True
        assert c.get("/api/status").json()["documents"] == 2
