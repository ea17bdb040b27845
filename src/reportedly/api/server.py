"""Running the app under uvicorn with limits on slow and hostile clients.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive`` seconds,
but it sets no deadline on a request's headers: a client that opens a connection
and sends a few bytes (or nothing) holds it open for as long as it likes, and a
few hundred such clients (slowloris) hold the server's connections. The protocol
below is uvicorn's own h11 protocol with one timer added: a connection whose
request headers are not complete ``header_timeout`` seconds after the connection
opened (or, on a kept-alive connection, after the next request's first bytes)
is closed. h11's limit on an incomplete request (``h11_max_incomplete_event_size``)
caps the bytes such a client can make the server buffer meanwhile.

Request bodies and responses have no deadline here; a reverse proxy in front
(docs/limits.md) is the recommended deployment for a server on an open network.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a client has to send a request's complete headers.
HEADER_TIMEOUT = 10.0
#: Seconds an idle keep-alive connection stays open between requests.
KEEP_ALIVE_TIMEOUT = 5
#: Bytes of an incomplete request line and headers buffered before the request is refused.
MAX_HEADER_BYTES = 16 * 1024


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request headers come too slowly."""

    header_timeout = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:
            self._arm()  # part of a request's head: the deadline runs from its first bytes
        else:
            self._disarm()  # the headers are complete

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def server_options(header_timeout: float = HEADER_TIMEOUT) -> dict[str, Any]:
    """uvicorn's settings for this app (``uvicorn.run`` or ``uvicorn.Config`` keywords)."""
    protocol = type("Protocol", (HeaderTimeoutProtocol,), {"header_timeout": header_timeout})
    return {
        "http": protocol,
        "log_level": "warning",
        "server_header": False,
        "proxy_headers": False,
        "timeout_keep_alive": KEEP_ALIVE_TIMEOUT,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        # Ctrl-C: stop waiting for open connections after this long (an analysis in
        # progress is bounded by its own time limit and runs on a daemon thread)
        "timeout_graceful_shutdown": 5,
    }


def serve(app: Any, host: str, port: int, *, header_timeout: float = HEADER_TIMEOUT) -> None:
    """Run ``app`` until Ctrl-C, with the limits above."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, **server_options(header_timeout))
