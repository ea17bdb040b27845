"""What keeps the web app safe to point at untrusted articles and open to a network.

* Every response carries a strict Content-Security-Policy: scripts only from
  our own static files, no inline script, no plugins, no framing. Article text
  is displayed with DOM text nodes (see ``static/app.js``), and the policy is
  the second wall should that ever slip.
* Request bodies are capped (413) before the app reads them, so a client
  cannot make the server buffer gigabytes.
* Writes need ``Authorization: Bearer <token>``; without a configured token
  the server is read-only, because an open analysis endpoint is a free CPU and
  a fetch-anything proxy for whoever finds it.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request, status

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyTooLarge(HTTPException):
    """Raised while reading a body that grows past the limit without declaring its length.

    An ``HTTPException`` on purpose: FastAPI turns any other exception raised
    while reading the body into a 400, which would hide what went wrong.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit))


def _too_large_message(limit: int) -> str:
    return (
        f"request body is larger than this server's limit of {limit:,} bytes; "
        "send a shorter article, or start the server with a larger --max-body"
    )


class BodyLimit:
    """ASGI middleware refusing request bodies over ``limit`` bytes with 413.

    A declared Content-Length is checked before anything is read; a chunked
    body is counted as it arrives and cut off at the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_json(send, 400, {"detail": "Content-Length is not a number"})
                    return
                if declared > self.limit:
                    await _send_json(send, 413, {"detail": _too_large_message(self.limit)})
                    return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracking)
        except BodyTooLarge:
            # Only reached when a route read the body outside FastAPI's own
            # request handling (which answers the HTTPException itself).
            if started:
                raise
            await _send_json(send, 413, {"detail": _too_large_message(self.limit)})


async def _send_json(send: Send, code: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": code,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def require_token(request: Request) -> None:
    """FastAPI dependency for write endpoints: 403 when writes are off, 401 for a bad token."""
    expected: str | None = request.app.state.settings.token
    if not expected:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled on this server; start it with --token or the REPORTEDLY_TOKEN "
            "environment variable to allow them",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this request needs the header 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # compare_digest: the time taken must not tell an attacker how much of the token was right.
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "the bearer token is not valid for this server",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
