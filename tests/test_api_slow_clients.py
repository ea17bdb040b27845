"""Slow clients: a connection that never finishes its request headers is closed promptly."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from reportedly.api import create_app
from reportedly.api.server import MAX_HEADER_BYTES, server_options
from reportedly.store import Store
from web_ledgers import ferry_ledger

HEADER_TIMEOUT = 1.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    import uvicorn

    db = tmp_path_factory.mktemp("slow") / "slow.db"
    with Store(db) as store:
        store.save(ferry_ledger(), source="ferry.txt")
    port = _free_port()
    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, **server_options(header_timeout=HEADER_TIMEOUT)
    )
    web = uvicorn.Server(config)
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not web.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        web.should_exit = True
        thread.join(timeout=10)


def _closed_after(sock: socket.socket, limit: float) -> float:
    """Seconds until the server closes ``sock`` (reads until EOF), failing past ``limit``."""
    started = time.monotonic()
    sock.settimeout(limit)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        pytest.fail(f"the server kept the connection open for {limit} s")
    except ConnectionResetError:
        pass
    return time.monotonic() - started


@pytest.mark.slow  # waits out the header deadline (1-3 s of wall time, no CPU)
def test_partial_headers_are_cut_off(address: tuple[str, int]) -> None:
    socks = [socket.create_connection(address) for _ in range(20)]
    try:
        for s in socks:
            s.sendall(b"GET /api/status HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        assert max(_closed_after(s, 10 * HEADER_TIMEOUT) for s in socks) < 5 * HEADER_TIMEOUT
    finally:
        for s in socks:
            s.close()


@pytest.mark.slow  # waits out the header deadline (1-3 s of wall time, no CPU)
def test_a_silent_connection_is_cut_off(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as s:
        assert _closed_after(s, 10 * HEADER_TIMEOUT) < 5 * HEADER_TIMEOUT


@pytest.mark.slow  # waits out the header deadline (1-3 s of wall time, no CPU)
def test_trickled_headers_do_not_reset_the_deadline(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as s:
        started = time.monotonic()
        try:
            while time.monotonic() - started < 10 * HEADER_TIMEOUT:
                s.sendall(b"X")  # one byte at a time, never a complete header block
                time.sleep(HEADER_TIMEOUT / 4)
        except OSError:  # closed by the server: what we want
            pass
        assert time.monotonic() - started < 5 * HEADER_TIMEOUT


def test_an_endless_header_is_refused_before_the_deadline(address: tuple[str, int]) -> None:
    # what an unfinished request head may make the server buffer is capped too
    with socket.create_connection(address) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (2 * MAX_HEADER_BYTES))
        s.settimeout(10)
        answer = s.recv(4096)
    assert answer.startswith(b"HTTP/1.1 4")


def _answer(s: socket.socket) -> bytes:
    """One whole response to a GET (headers and a body of content-length bytes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(4096)
        assert chunk, "the server closed the connection"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    fields = dict(h.partition(b": ")[::2] for h in head.split(b"\r\n")[1:])
    while len(rest) < int(fields[b"content-length"]):
        rest += s.recv(4096)
    return head


@pytest.mark.slow  # waits out the header deadline (1-3 s of wall time, no CPU)
def test_a_kept_alive_connection_waits_longer_than_the_header_deadline(address: tuple[str, int]) -> None:
    with socket.create_connection(address) as s:
        s.settimeout(10)
        for _ in range(2):
            s.sendall(b"GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n")
            assert _answer(s).startswith(b"HTTP/1.1 200")
            # idle between requests: the keep-alive time applies, not the header deadline
            time.sleep(1.5 * HEADER_TIMEOUT)


def test_serve_passes_its_job_and_connection_limits(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import uvicorn
    from typer.testing import CliRunner

    from reportedly.cli import app as cli

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **options: seen.update(web=web, **options))
    Store(tmp_path / "s.db").close()  # serve without a token wants a store that exists
    args = ["serve", "--db", str(tmp_path / "s.db"), "--async-above", "5000", "--job-queue", "3"]
    args += ["--port", str(_free_port())]  # serve checks that it can listen: not on a busy 8000
    result = CliRunner().invoke(cli, [*args, "--header-timeout", "2.5"])
    assert result.exit_code == 0, result.output
    settings = seen["web"].state.settings
    assert (settings.async_above, settings.job_queue, seen["web"].state.jobs.size) == (5000, 3, 3)
    assert seen["http"].header_timeout == 2.5
    assert seen["timeout_keep_alive"] == 5 and seen["h11_max_incomplete_event_size"] == MAX_HEADER_BYTES
