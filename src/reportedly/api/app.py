"""The application factory: one FastAPI app serving the JSON API and the web UI.

The API lives under ``/api``; the UI is static files (``static/``) that call
it, so everything the UI shows a person a script can fetch too. The
interactive docs pages FastAPI usually adds are left out: they load scripts
from a CDN and run inline script, which the Content-Security-Policy forbids;
the OpenAPI schema itself is served at ``/openapi.json``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from reportedly import __version__
from reportedly.api import claims, documents, entities, exports, jobs, stories
from reportedly.api.deps import (
    DEFAULT_ANALYSIS_WORKERS,
    DEFAULT_ASYNC_ABOVE,
    DEFAULT_MAX_BODY,
    AnalysisSlots,
    Settings,
    store,
)
from reportedly.api.schemas import StatusOut, VocabularyOut
from reportedly.api.security import SECURITY_HEADERS, BodyLimit, SecurityHeaders
from reportedly.model import VOCABULARY
from reportedly.store import Store, StoreError

STATIC = Path(__file__).resolve().parent / "static"

log = logging.getLogger(__name__)

#: What a client is told when the server failed; the detail goes to the log only.
#: Driver messages carry SQL statements and their parameters (article text included).
INTERNAL_ERROR = "the server could not answer this request; the server log has the detail"


def internal_error(status_code: int = 500) -> JSONResponse:
    """A generic 500 carrying the security headers itself.

    Starlette answers unhandled exceptions from its outermost middleware, outside
    ``SecurityHeaders``, so a 500 built there would go out without them.
    """
    headers = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}
    return JSONResponse({"detail": INTERNAL_ERROR}, status_code=status_code, headers=headers)


def create_app(
    store_url: str | Path,
    *,
    token: str | None = None,
    allow_private: bool = False,
    max_body: int = DEFAULT_MAX_BODY,
    analysis_timeout: float = 120.0,
    max_memory: float | None = None,
    max_words: int | None = None,
    async_above: int = DEFAULT_ASYNC_ABOVE,
    job_queue: int = jobs.DEFAULT_JOB_QUEUE,
    analysis_workers: int = DEFAULT_ANALYSIS_WORKERS,
) -> FastAPI:
    """Build the web app over the store at ``store_url`` (a SQLite path or SQLAlchemy URL).

    ``token`` enables writes (``POST /api/documents``) for requests bearing
    it; without one the app is read-only. ``allow_private`` lets submitted
    URLs reach loopback and private networks (off: the server must not become
    a way into the network it runs in). ``max_body`` caps request bodies;
    ``analysis_timeout`` (seconds) and ``max_memory`` (MiB of resident memory it may add) bound the analysis
    of one posted article (0: no limit; ``max_memory`` None: the default), and an article of more
    than ``max_words`` words is refused before it (0: no limit; None: the default). A posted text or
    HTML over ``async_above`` characters (0: none) is analysed as a job off the request
    path, as is any POST with ``?async=true``; at most ``job_queue`` jobs wait (then 429) and
    at most ``analysis_workers`` analyses run at once.
    The store is opened (and migrated) here, so a bad URL fails at start-up.
    """
    if token is not None and not token.strip():
        token = None
    settings = Settings(
        str(store_url),
        token=token,
        allow_private=allow_private,
        max_body=max_body,
        analysis_timeout=analysis_timeout,
        async_above=async_above,
        job_queue=job_queue,
        analysis_workers=analysis_workers,
        analysis_lock=AnalysisSlots(analysis_workers),
    )
    if max_memory is not None:
        settings.max_memory = max_memory
    if max_words is not None:
        settings.max_words = max_words
    opened = Store(store_url)
    queue = jobs.JobQueue(
        lambda body: documents.store_article(body, opened, settings), size=job_queue, workers=analysis_workers
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            queue.stop()
            opened.close()

    app = FastAPI(
        title="reportedly",
        version=__version__,
        summary="An auditable ledger of attributed claims in news articles.",
        description="Who says what, through whom, how surely, with which numbers and dates, "
        "with exact character offsets into each article. Reads are open; "
        "`POST /api/documents` needs `Authorization: Bearer <token>`.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.jobs = queue

    app.add_middleware(BodyLimit, limit=max_body)
    # Added last, so it wraps everything, including the 413s BodyLimit sends itself.
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        # Every store failure, mapped by its type (reportedly.store.errors): a missing
        # document, claim or story is a 404, a bad argument a 422, anything else a 5xx
        # whose detail (SQL, parameters) is logged, never sent.
        if exc.http_status >= 500:
            log.error("store error on %s %s", _request.method, _request.url.path, exc_info=exc)
            return internal_error(exc.http_status)  # 503 stays 503: worth a retry
        return JSONResponse({"detail": exc.http_detail}, status_code=exc.http_status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return internal_error()

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # One readable sentence plus FastAPI's usual per-field list.
        problems = "; ".join(_describe(e) for e in exc.errors())
        return JSONResponse(
            {"detail": problems or "invalid request", "errors": _plain(exc.errors())}, status_code=422
        )

    for module in (documents, jobs, claims, entities, stories, exports):
        app.include_router(module.router)

    @app.get(
        "/api/status", response_model=StatusOut, tags=["meta"], summary="What this server holds and allows"
    )
    def status_(db: Annotated[Store, Depends(store)]) -> dict[str, Any]:
        counts = db.counts()
        return {
            "version": __version__,
            "documents": counts.get("documents", 0),
            "claims": counts.get("claims", 0),
            "entities": counts.get("entities", 0),
            "writes_enabled": settings.token is not None,
            "full_text_search": db.full_text,
            "stories": stories.stories_available(db),
            "last_link_run": db.last_link_run() if stories.stories_available(db) else None,
        }

    @app.get(
        "/api/vocabulary",
        response_model=VocabularyOut,
        tags=["meta"],
        summary="The ledger's closed vocabularies (stances, kinds, sections, entity types, scopes)",
    )
    def vocabulary() -> dict[str, list[str]]:
        """Every value each enum of the model takes, so clients never keep copies that go stale."""
        return {name: [member.value for member in enum] for name, enum in VOCABULARY.items()}

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        # Without this, a mistyped API path would fall through to the UI's HTML.
        raise HTTPException(404, f"no API endpoint /api/{rest}; see /openapi.json")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # HEAD too: uptime checks and `curl -I` ask for the page that way (it answered 405).
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app


#: What a body that is not a JSON object should have been ('curl --data-binary @article.txt'
#: sent text/plain and was told "Input should be a valid dictionary or object to extract fields
#: from"; broken JSON was "9: JSON decode error").
_JSON_BODY = (
    'send a JSON object with Content-Type: application/json, e.g. {"text": "…"} (or "html", or "url")'
)


def _describe(error: Any) -> str:
    loc = tuple(error.get("loc", ()))
    if loc == ("body",) and error.get("type") in {"model_attributes_type", "dict_type"}:
        return f"the body is not a JSON object; {_JSON_BODY}"
    if loc[:1] == ("body",) and error.get("type") == "json_invalid":
        reason = str((error.get("ctx") or {}).get("error", "")).strip()
        at = f" at character {loc[1]}" if len(loc) > 1 else ""
        return f"the body is not valid JSON ({reason or 'JSON decode error'}{at}); {_JSON_BODY}"
    where = ".".join(str(part) for part in loc if part != "body")
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _utf8_safe(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain(errors: Any) -> Any:
    """Validation errors with their context made JSON-safe (exceptions become text)."""
    out = []
    for error in errors:
        item = {k: v for k, v in error.items() if k != "ctx"}
        if "ctx" in error:
            item["ctx"] = {k: str(v) for k, v in error["ctx"].items()}
        if "input" in item and not isinstance(item["input"], int | float | bool | type(None)):
            # at most 200 characters of what was posted, and UTF-8-safe: a refused text may hold
            # lone surrogates, which would fail the answer's encoding (a 500)
            item["input"] = _utf8_safe(str(item["input"])[:200])
        out.append(item)
    return out


def app_from_env() -> FastAPI:
    """App factory for ASGI servers: ``uvicorn --factory reportedly.api:app_from_env``.

    Reads the store from ``REPORTEDLY_DB`` (default ``reportedly.db``), the
    write token from ``REPORTEDLY_TOKEN`` and ``REPORTEDLY_ALLOW_PRIVATE=1``.
    """
    from reportedly import settings

    return create_app(settings.db(), token=settings.token(), allow_private=settings.allow_private())
