"""Documents: list them, read one ledger with its text, and submit new articles.

Submitting is the only write in the API. It runs the same ingest and
analysis as ``reportedly ingest``, so a document stored through the web is
indistinguishable from one stored from the command line.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from fastapi.responses import JSONResponse

from reportedly.api.deps import Limit, Offset, Settings, settings, store
from reportedly.api.jobs import JobQueue, QueueFull, jobs
from reportedly.api.schemas import (
    NOT_FOUND,
    AnalyzeRequest,
    AnalyzeResponse,
    DocumentSummary,
    ErrorOut,
    JobAccepted,
    LedgerOut,
    Page,
)
from reportedly.api.security import require_token
from reportedly.batch import too_long
from reportedly.ingest import IngestError, from_html, load_documents, parse_layout
from reportedly.model import Document
from reportedly.store import Store

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/documents", tags=["documents"])

StoreDep = Annotated[Store, Depends(store)]

#: HTTP status for each reason an article could not be read.
INGEST_STATUS = {
    "too_large": 413,
    "refused_address": status.HTTP_403_FORBIDDEN,
    "fetch": status.HTTP_502_BAD_GATEWAY,
}


@router.get("", response_model=Page[DocumentSummary], summary="List stored documents")
def list_documents(db: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored documents, oldest ingestion first, each with its number of claims."""
    return db.document_page(limit=limit, offset=offset).to_dict()


@router.get(
    "/{document_id}",
    response_model=LedgerOut,
    responses=NOT_FOUND,
    summary="One document's ledger with its text",
)
def get_document(document_id: str, db: StoreDep) -> dict[str, Any]:
    """The ledger of one document, with the text its offsets index."""
    ledger = db.load(document_id)
    data = ledger.to_dict()
    data["document"]["text"] = ledger.document.text
    for claim in data["claims"]:
        claim["document_id"] = document_id
    return data


@router.post(
    "",
    response_model=AnalyzeResponse,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": AnalyzeResponse, "description": "Every document was already stored."},
        202: {"model": JobAccepted, "description": "Queued as a job; `Location` is its status URL."},
        401: {"model": ErrorOut},
        403: {"model": ErrorOut},
        413: {"model": ErrorOut},
        422: {"model": ErrorOut},
        429: {"model": ErrorOut, "description": "The job queue is full; retry later."},
        502: {"model": ErrorOut},
    },
    summary="Analyse an article (text, HTML or URL) and store its ledger",
)
def submit_document(
    body: AnalyzeRequest,
    response: Response,
    db: StoreDep,
    config: Annotated[Settings, Depends(settings)],
    queue: Annotated[JobQueue, Depends(jobs)],
    run_async: Annotated[
        bool,
        Query(
            alias="async",
            description="Queue the analysis as a job and answer 202 at once, with the job's URL in "
            "`Location`. Bodies longer than the server's `--async-above` are queued anyway, and so is "
            "any body while another analysis runs.",
        ),
    ] = False,
) -> Any:
    """Analyse and store one article; needs ``Authorization: Bearer <token>``.

    A URL may be a feed, which stores one document per entry. The answer is
    201 when anything new was stored and 200 when the article(s) were
    already there (storing is idempotent by text). With ``?async=true``, a
    text or HTML body over the server's ``--async-above`` characters, or while
    another analysis is running, the analysis runs as a job: 202 with
    ``Location: /api/jobs/{id}``, or 429 when the job queue is full.
    """
    if body.text is not None:
        # Refused at once, before a job is queued: past the limit the analysis could only run to
        # its time limit. (Posted HTML and URLs are checked once their text is read.)
        refusal = too_long(body.text, config.max_words)
        if refusal is not None:
            refusal = refusal.replace("--max-words", "serve --max-words")
            raise HTTPException(422, f"the article could not be analysed: {refusal}")
    size = len(body.text or body.html or "")
    # While another analysis holds the lock (a heavy job runs for up to --analysis-timeout),
    # a small article is queued too rather than holding its client and a server thread
    # until the lock is free: a heavy POST must not block other writes.
    busy = config.analysis_lock.locked()
    if run_async or busy or (config.async_above > 0 and size > config.async_above):
        try:
            job = queue.submit(body)
        except QueueFull:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"the analysis queue is full ({queue.size} jobs waiting; serve --job-queue); retry later",
                headers={"Retry-After": "30"},
            ) from None
        href = f"/api/jobs/{job.id}"
        return JSONResponse(
            {"id": job.id, "status": job.status, "href": href},
            status_code=status.HTTP_202_ACCEPTED,
            headers={"Location": href},
        )
    code, answer = store_article(body, db, config)
    response.status_code = code
    if len(answer["documents"]) == 1:
        response.headers["Location"] = answer["documents"][0]["href"]
    return answer


def store_article(body: AnalyzeRequest, db: Store, config: Settings) -> tuple[int, dict[str, Any]]:
    """Read, analyse and store what a POST describes: (HTTP status, answer), or an HTTPException.

    The request path and the job worker both run this, under the same limits.
    """
    from reportedly.ingesting import AnalysisFailed, ingest_into

    documents, problems = _documents(body, config)
    if not documents:
        first = problems[0] if problems else IngestError("empty", None, "nothing to analyse")
        raise HTTPException(INGEST_STATUS.get(first.reason, 422), first.message)
    # Analysed one at a time under the app's lock, each within the serve limits; a
    # stored article is analysed again and answered as it was stored (created: false).
    named = [(str(d.meta.get("source") or "api"), d) for d in documents]
    try:
        report = ingest_into(
            db,
            [*named, *((p.source or "api", p) for p in problems)],
            timeout=config.analysis_timeout,
            max_memory=config.max_memory,
            max_words=config.max_words,
            skip_stored=False,
            warm_up=False,
            stop_on_error=True,
            analysis_lock=config.analysis_lock,
        )
    except AnalysisFailed as failed:
        # Over a limit, or the extractor failed on this text: the client's input,
        # answered 422 with the reason (the limit and the setting to change it).
        outcome = failed.outcome
        if outcome.reason == "analysis":  # an extractor bug: the detail is for the log only
            log.error("analysis failed for a posted article: %s", outcome.message)
            detail = "the article could not be analysed; the server log has the detail"
            raise HTTPException(422, detail) from None
        limit = (outcome.message or "").replace("(--timeout)", "(serve --analysis-timeout)")
        limit = limit.replace("(--max-memory)", "(serve --max-memory)").replace(
            "--max-words", "serve --max-words"
        )
        raise HTTPException(422, f"the article could not be analysed: {limit}") from None
    saved = [
        {
            "document_id": s.document_id,
            "created": s.created,
            "claims": s.claims,
            "title": s.title,
            "href": f"/api/documents/{s.document_id}",
        }
        for s in report.documents
    ]
    code = status.HTTP_201_CREATED if any(s["created"] for s in saved) else status.HTTP_200_OK
    return code, {"documents": saved, "errors": [p.to_dict() for p in problems]}


def _documents(body: AnalyzeRequest, config: Settings) -> tuple[list[Document], list[IngestError]]:
    """The Documents a request describes, and the errors met building them."""
    try:
        if body.text is not None:
            doc = parse_layout(
                body.text, title=body.title, url=body.source_url, outlet=body.outlet, published=body.published
            )
            doc.meta.update(format="text", source=body.source_url or "api")
            return [doc], []
        if body.html is not None:
            # Named as the client gave it: the posted HTML (or its source_url), never "<html>".
            doc = from_html(
                body.html,
                url=body.source_url,
                published=body.published,
                name=body.source_url or "the posted HTML",
            )
            if body.title:
                doc.title = body.title
            if body.outlet:
                doc.outlet = body.outlet
            doc.meta["source"] = body.source_url or "api"
            return [doc], []
    except IngestError as exc:
        return [], [exc]
    assert body.url is not None
    if not _is_web_url(body.url):  # load_documents would otherwise read a server-side path
        return [], [IngestError("refused_address", body.url, f"refusing {body.url!r}: only http(s) URLs")]
    documents: list[Document] = []
    problems: list[IngestError] = []
    for item in load_documents(
        body.url.strip(),
        published=body.published,
        allow_private=config.allow_private,
        max_bytes=config.max_body,
    ):
        if isinstance(item, IngestError):
            problems.append(item)
        else:
            if body.outlet and not item.outlet:
                item.outlet = body.outlet
            documents.append(item)
    if not documents and not problems:
        problems.append(IngestError("empty", body.url, f"{body.url} holds no article; nothing to analyse"))
    return documents, problems


def _is_web_url(value: str) -> bool:
    scheme, sep, rest = value.strip().partition("://")
    return bool(sep) and scheme.lower() in ("http", "https") and bool(rest)
