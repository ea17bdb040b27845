"""``reportedly serve``: the web UI and JSON API over a store, a thin skin over ``create_app``."""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from .. import settings
from .app import app
from .options import DEFAULT_DB, EXIT_STORE, EXIT_USAGE, DbOpt, PrivateOpt, fail, store_failures
from .output import err


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    """Exit 2 when ``host:port`` cannot be listened on, before the models load and before the
    "Serving …" line: uvicorn found out only when it bound, after both, and exited 3, the code
    reportedly keeps for a store problem."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            message = f"{host}:{port} is already in use; stop the other server or pick another --port"
        else:
            message = f"cannot listen on {host}:{port} ({exc}); check --host and --port"
        raise fail(message, EXIT_USAGE) from None


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = ("127.0.0.1"),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar=settings.TOKEN_ENV,
            show_envvar=True,
            help="Bearer token that allows adding articles over HTTP; without one the server is read-only.",
        ),
    ] = None,
    allow_private: PrivateOpt = False,
    max_body: Annotated[
        int, typer.Option("--max-body", min=1024, help="Largest request body accepted, in bytes.")
    ] = 12 * 1024 * 1024,
    analysis_timeout: Annotated[
        float,
        typer.Option(
            "--analysis-timeout",
            min=0,
            help="Seconds one posted article may take to analyse; past it the POST answers 422 "
            "(0: no limit).",
        ),
    ] = 120.0,
    max_memory: Annotated[
        float | None,
        typer.Option(
            "--max-memory",
            min=0,
            help="MiB of resident memory the analysis of a posted article may add to the server "
            "(0: no limit; default as for analyze).",
        ),
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option(
            "--max-words",
            min=0,
            help="Most words a posted article may have to be analysed; a longer one answers 422 at once "
            "(0: no limit; default as for analyze).",
        ),
    ] = None,
    async_above: Annotated[
        int,
        typer.Option(
            "--async-above",
            min=0,
            help="Characters of posted text or HTML above which the article is analysed as a job "
            "(202 with a status URL) rather than while the client waits (0: only with ?async=true).",
        ),
    ] = 100_000,
    job_queue: Annotated[
        int,
        typer.Option("--job-queue", min=1, help="Analysis jobs that may wait; past it a POST answers 429."),
    ] = 8,
    analysis_workers: Annotated[
        int,
        typer.Option(
            "--analysis-workers",
            min=1,
            max=8,
            help="Posted articles analysed at once (threads sharing the models; each under "
            "--analysis-timeout and --max-memory), so a small article is not held behind a heavy one.",
        ),
    ] = 2,
    header_timeout: Annotated[
        float,
        typer.Option(
            "--header-timeout",
            min=0.1,
            help="Seconds a client has to send a request's headers before the connection is closed.",
        ),
    ] = 10.0,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI schema at /openapi.json) until Ctrl-C.

    Reads are open to anyone who can reach the server; adding articles needs
    the token (prefer the REPORTEDLY_TOKEN environment variable: a --token on
    the command line is visible to other users of the machine).

    Example: REPORTEDLY_TOKEN=s3cret reportedly serve --port 8000 (runs until Ctrl-C)

    Example: reportedly serve --analysis-timeout 60 --max-memory 2048 (runs until Ctrl-C)
    """
    try:
        import fastapi  # noqa: F401 - checked here so the message names the extra once

        from ..api.server import serve as run_server
    except ImportError as exc:  # pragma: no cover - the web extras are not installed
        raise fail(
            f"the web server needs FastAPI and uvicorn ({exc}): pip install 'reportedly[serve]'", EXIT_USAGE
        ) from None
    if not token and "://" not in db and db != ":memory:" and not Path(db).exists():
        # Read-only over a store that is not there would create an empty one and serve
        # nothing forever: most likely --db is mistyped, or nothing was ingested yet.
        raise fail(
            f"no store at {db!r}; create one with: reportedly ingest FILE --db {db} "
            "(or give a token, REPORTEDLY_TOKEN, to add articles over HTTP)",
            EXIT_STORE,
        )
    from ..api import create_app

    with store_failures():
        web = create_app(
            db,
            token=token,
            allow_private=allow_private,
            max_body=max_body,
            analysis_timeout=analysis_timeout,
            analysis_workers=analysis_workers,
            max_memory=max_memory,
            max_words=max_words,
            async_above=async_above,
            job_queue=job_queue,
        )
    _check_port(host, port)  # after the store's own errors, before the minute of loading models
    if not _loopback(host):
        err.print(
            Text(
                f"Listening on {host}: anyone who can reach this machine can read the ledger",
                style="yellow",
            )
        )
    if token:
        # Loaded before listening: loading the models in the first POST's analysis took seconds of
        # both cores and of the interpreter lock, and every read waited (read p99 0.47-0.66 s
        # against 0.21 s without writes, BENCHMARKS.md, issue 18).
        from .. import warm_up

        err.print(Text("Loading the models for posted articles …", style="dim"))
        warm_up()
    mode = "articles can be added with the token" if token else "read-only (no --token / REPORTEDLY_TOKEN)"
    err.print(Text(f"Serving {db} at http://{host}:{port}/ — {mode}. Ctrl-C stops.", style="dim"))
    run_server(web, host, port, header_timeout=header_timeout)
