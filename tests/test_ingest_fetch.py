"""URL fetching and the SSRF guard. All traffic stays on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reportedly.ingest import IngestError, fetch_url, is_public_address
from reportedly.ingest import fetch as fetch_mod

ARTICLE_HTML = (
    b"<html><head><title>Local test page</title></head><body><article><h1>Local test page</h1>"
    b"<p>KESTRIA CITY - The council said on Monday that the new tram line would open in June, "
    b"a year later than planned.</p><p>Engineers blamed supply delays for the setback.</p>"
    b"</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        port = self.server.server_address[1]
        routes = {
            "/article": (200, "text/html; charset=utf-8", ARTICLE_HTML, {}),
            "/hop": (302, "text/plain", b"", {"Location": "/article"}),
            "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
            "/to-v6": (302, "text/plain", b"", {"Location": f"http://[::1]:{port}/article"}),
            "/big": (200, "text/plain", b"z" * 50_000, {}),
            "/host": (200, "text/plain", (self.headers.get("Host") or "").encode(), {}),
        }
        status, ctype, body, extra = routes.get(self.path, (404, "text/plain", b"missing", {}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "192.168.1.1",
        "172.16.5.4",
        "169.254.169.254",
        "::1",
        "127.0.0.1",
        "0.0.0.0",
        "::",
        "224.0.0.1",
        "100.64.0.1",
        "fc00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "240.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


def test_default_refuses_loopback_with_hint(server: str) -> None:
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}/article")
    err = info.value
    assert err.reason == "refused_address"
    assert "loopback" in err.message and "--allow-private" in err.message


def test_allow_private_fetches_the_page(server: str) -> None:
    body, content_type, final_url = fetch_url(f"{server}/article", allow_private=True)
    assert body == ARTICLE_HTML
    assert content_type.startswith("text/html")
    assert final_url == f"{server}/article"


def test_redirects_are_followed_and_reported(server: str) -> None:
    body, _, final_url = fetch_url(f"{server}/hop", allow_private=True)
    assert body == ARTICLE_HTML
    assert final_url == f"{server}/article"


def test_redirect_loop_gives_up(server: str) -> None:
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}/loop", allow_private=True)
    assert info.value.reason == "fetch" and "redirected more than 5" in info.value.message


def test_every_redirect_hop_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend 127.0.0.1 is a public host so the first hop is allowed; the
    # redirect then points at ::1, which must be refused before any request.
    real = fetch_mod.address_problem
    monkeypatch.setattr(fetch_mod, "address_problem", lambda a: None if str(a) == "127.0.0.1" else real(a))
    assert fetch_url(f"{server}/article")[0] == ARTICLE_HTML
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}/to-v6")
    assert info.value.reason == "refused_address"
    assert "::1" in info.value.message


def test_hostname_with_any_private_answer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", 80)),
    ]
    monkeypatch.setattr(fetch_mod.socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(IngestError) as info:
        fetch_url("http://news.example/story")
    assert info.value.reason == "refused_address" and "10.1.2.3" in info.value.message


def test_connection_is_pinned_but_host_header_kept(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    try:
        infos = socket.getaddrinfo("localhost", int(port), type=socket.SOCK_STREAM)
    except socket.gaierror:
        pytest.skip("localhost does not resolve here")
    if "127.0.0.1" not in {i[4][0] for i in infos}:
        pytest.skip("localhost does not resolve to 127.0.0.1 here")
    body, _, final_url = fetch_url(f"http://localhost:{port}/host", allow_private=True)
    assert body.decode() == f"localhost:{port}"
    assert final_url == f"http://localhost:{port}/host"


def test_size_limit_while_streaming(server: str) -> None:
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}/big", allow_private=True, max_bytes=10_000)
    assert info.value.reason == "too_large"
    assert len(fetch_url(f"{server}/big", allow_private=True, max_bytes=60_000)[0]) == 50_000


def test_http_error_status(server: str) -> None:
    with pytest.raises(IngestError) as info:
        fetch_url(f"{server}/nothing-here", allow_private=True)
    assert info.value.reason == "fetch" and "HTTP 404" in info.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(IngestError) as info:
        fetch_url(url, allow_private=True)
    assert info.value.reason == "refused_address"
    assert "http" in info.value.message
