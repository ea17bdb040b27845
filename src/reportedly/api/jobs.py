"""Analysis jobs: a posted article analysed off the request path.

``POST /api/documents?async=true`` (or any body whose text or HTML is longer than
``serve --async-above``) answers 202 at once with ``Location: /api/jobs/{id}``; a
bounded pool of worker threads (``serve --analysis-workers``, default 2) analyses
queued articles in order, each under the same time and memory limits as a synchronous
POST, and ``GET /api/jobs/{id}`` tells how far it got. With two workers a small
article posted while a heavy one is analysed (up to ``--analysis-timeout``) is
analysed beside it and done long before it, instead of waiting behind it. The
queue is bounded (``serve --job-queue``): a POST that finds it full is a 429, so a
burst of heavy articles cannot pile up unbounded work or memory.

Jobs live in memory: a restart forgets queued and finished jobs (the client gets a
404 for the job and may post again; storing is idempotent by text).
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from reportedly.api.schemas import NOT_FOUND, JobOut

log = logging.getLogger(__name__)

#: Its one route answers 404 for a job it does not know (jobs are kept in memory).
router = APIRouter(prefix="/api/jobs", tags=["documents"], responses=NOT_FOUND)

#: Jobs waiting (not counting the one running) before a POST is answered 429.
DEFAULT_JOB_QUEUE = 8
#: Finished jobs remembered for ``GET /api/jobs/{id}``; the oldest are forgotten first.
KEEP_FINISHED = 1000
#: What a job's client is told when it failed in an unexpected way; the log has the detail.
JOB_FAILED = "the article could not be stored; the server log has the detail"


class QueueFull(Exception):
    """The job queue holds its limit of waiting jobs."""


@dataclass(slots=True)
class Job:
    id: str
    status: str = "queued"  # queued, running, done, error
    created: str = field(default_factory=lambda: _now())
    started: str | None = None
    finished: str | None = None
    #: The HTTP status a synchronous POST would have answered (201, 200, 4xx) once finished.
    status_code: int | None = None
    detail: str | None = None
    result: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        documents = (self.result or {}).get("documents", [])
        return {
            "id": self.id,
            "status": self.status,
            "href": f"/api/jobs/{self.id}",
            "created": self.created,
            "started": self.started,
            "finished": self.finished,
            "status_code": self.status_code,
            "detail": self.detail,
            "document_id": documents[0]["document_id"] if documents else None,
            "documents": documents,
            "errors": (self.result or {}).get("errors", []),
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class JobQueue:
    """A bounded queue of work items run by ``workers`` threads, oldest first.

    ``run`` turns an item into ``(status_code, result)`` or raises ``HTTPException``
    (a refusal, kept as the job's ``detail``); anything else it raises is logged and
    the job ends as ``error`` with a generic message.
    """

    def __init__(
        self,
        run: Callable[[Any], tuple[int, dict[str, Any]]],
        size: int = DEFAULT_JOB_QUEUE,
        workers: int = 1,
    ) -> None:
        self.size = size
        self.workers = max(1, workers)
        self._run = run
        self._queue: queue.Queue[tuple[Job, Any]] = queue.Queue(maxsize=max(1, size))
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def submit(self, item: Any) -> Job:
        """Queue ``item``; raises ``QueueFull`` when ``size`` jobs are already waiting."""
        job = Job(secrets.token_hex(16))
        with self._lock:
            try:
                self._queue.put_nowait((job, item))
            except queue.Full:
                raise QueueFull from None
            self._jobs[job.id] = job
            self._forget_old()
            if not self._threads:  # started with the first job: an app without writes has none
                for n in range(self.workers):
                    thread = threading.Thread(target=self._work, name=f"reportedly-jobs-{n}", daemon=True)
                    thread.start()
                    self._threads.append(thread)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def stop(self, wait: float = 1.0) -> None:
        """Stop taking jobs and wait at most ``wait`` s in all for the workers.

        A running analysis is not waited for (the threads are daemons, ended with the
        process): Ctrl-C must not wait up to ``--analysis-timeout``. Its job is lost
        with the other in-memory jobs; its article was not stored, or stored whole.
        """
        self._stop.set()
        deadline = time.monotonic() + wait
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.status in ("done", "error")]
        for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[key]

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                job, item = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            job.started, job.status = _now(), "running"
            try:
                job.status_code, job.result = self._run(item)
                job.status = "done"
            except HTTPException as exc:
                job.status, job.status_code, job.detail = "error", exc.status_code, str(exc.detail)
            except Exception:  # noqa: BLE001 - one failed job must not stop the worker
                log.exception("analysis job %s failed", job.id)
                job.status, job.status_code, job.detail = "error", 500, JOB_FAILED
            finally:
                job.finished = _now()


def jobs(request: Request) -> JobQueue:
    return request.app.state.jobs


@router.get("/{job_id}", response_model=JobOut, summary="Status of an analysis job")
def get_job(job_id: str, request: Request) -> dict[str, Any]:
    """Where a job queued by ``POST /api/documents?async=true`` stands: ``queued``, ``running``,
    ``done`` (with the stored documents) or ``error`` (with the reason)."""
    job = jobs(request).get(job_id)
    if job is None:
        raise HTTPException(404, "no such job (jobs are kept in memory and forgotten on restart)")
    return job.to_dict()
