"""A posted article analysed as a job: 202 with a status URL, a bounded queue, the same limits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import reportedly
from reportedly.api import create_app
from reportedly.api.security import CONTENT_SECURITY_POLICY
from reportedly.model import Ledger
from reportedly.store import Store
from web_ledgers import ferry_ledger

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"text": "Bridge repairs to finish in June\n\nThe city said on Monday that the repairs were done."}


def _quick(document, nlp=None):  # noqa: ANN001, ANN202 - stands in for the extractor: no models to load
    return Ledger(document)


def _ferry_store(store: Store) -> None:
    store.save(ferry_ledger(), source="ferry.txt")


@pytest.fixture
def client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_copy: Callable[..., Path]
) -> Iterator[TestClient]:
    monkeypatch.setattr(reportedly, "analyze_document", _quick)
    path = store_copy(tmp_path / "web.db", _ferry_store)
    app = create_app(path, token=TOKEN, async_above=1_000, job_queue=2)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _wait(client: TestClient, href: str, seconds: float = 30) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(href).json()
        if job["status"] in ("done", "error"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {href} did not finish in {seconds} s: {job}")


def test_async_post_answers_202_and_the_job_gives_the_document(client: TestClient) -> None:
    r = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
    assert r.status_code == 202, r.text
    href = r.headers["location"]
    assert href.startswith("/api/jobs/") and r.json()["href"] == href
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    job = _wait(client, href)
    assert job["status"] == "done" and job["status_code"] == 201
    stored = client.get(f"/api/documents/{job['document_id']}")
    assert stored.status_code == 200
    assert stored.json()["document"]["text"].startswith("Bridge repairs")


def test_small_bodies_stay_synchronous(client: TestClient) -> None:
    r = client.post("/api/documents", json=ARTICLE, headers=AUTH)
    assert r.status_code == 201
    assert r.headers["location"] == r.json()["documents"][0]["href"]


def test_a_body_over_async_above_is_queued_without_asking(client: TestClient) -> None:
    text = "Council report published\n\n" + "The council said the budget was balanced. " * 40
    r = client.post("/api/documents", json={"text": text}, headers=AUTH)
    assert r.status_code == 202
    assert _wait(client, r.headers["location"])["status"] == "done"


def test_jobs_need_the_token_and_unknown_jobs_are_404(client: TestClient) -> None:
    assert client.post("/api/documents", params={"async": "true"}, json=ARTICLE).status_code == 401
    r = client.get("/api/jobs/0123456789abcdef")
    assert r.status_code == 404 and "no such job" in r.json()["detail"]


def test_a_failed_analysis_is_a_job_error_with_the_reason(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(document, nlp=None):  # noqa: ANN001, ANN202 - busy Python code, as analysis is
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.01)

    monkeypatch.setattr(reportedly, "analyze_document", slow)
    client.app.state.settings.analysis_timeout = 0.5
    r = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
    job = _wait(client, r.headers["location"])
    assert job["status"] == "error" and job["status_code"] == 422
    assert "serve --analysis-timeout" in job["detail"]
    assert job["document_id"] is None


def test_an_unexpected_failure_leaks_nothing(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("INSERT INTO documents VALUES ('secret article body')")

    monkeypatch.setattr(Store, "save", boom)
    r = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
    job = _wait(client, r.headers["location"])
    assert job["status"] == "error" and job["status_code"] == 500
    assert "secret" not in str(job) and "INSERT" not in str(job)


def test_a_full_queue_is_a_429_and_reads_go_on_meanwhile(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def held(document, nlp=None):  # noqa: ANN001, ANN202 - an analysis that waits for the test
        release.wait(30)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", held)
    try:
        hrefs = []
        for n in range(4):  # two running (two workers), two waiting (job_queue=2)
            body = {"text": f"Report {n}\n\nThe mayor said item {n} was fine."}
            r = client.post("/api/documents", params={"async": "true"}, json=body, headers=AUTH)
            assert r.status_code == 202
            hrefs.append(r.headers["location"])
            if n < 2:  # a worker has taken the job off the queue
                _running(client, hrefs[n])
        r = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
        assert r.status_code == 429
        assert "serve --job-queue" in r.json()["detail"] and r.headers["retry-after"]
        # the analysis holds the worker, not the server: reads answer at once
        started = time.monotonic()
        assert client.get("/api/documents").status_code == 200
        assert time.monotonic() - started < 5
    finally:
        release.set()
    assert [_wait(client, h)["status"] for h in hrefs] == ["done"] * 4


def _running(client: TestClient, href: str) -> None:
    deadline = time.monotonic() + 10
    while client.get(href).json()["status"] != "running" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert client.get(href).json()["status"] == "running"


HEAVY = "Heavy report\n\nThe council said the HEAVY budget was balanced."


def test_a_small_post_is_done_while_a_heavy_analysis_still_runs(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def held(document, nlp=None):  # noqa: ANN001, ANN202 - the heavy analysis waits for the test
        if "HEAVY" in document.text:
            release.wait(30)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", held)
    try:
        heavy = client.post("/api/documents", params={"async": "true"}, json={"text": HEAVY}, headers=AUTH)
        _running(client, heavy.headers["location"])
        # A small article without ?async: answered at once (202, not held behind the heavy one's
        # analysis), and analysed by the second worker while the heavy one still runs.
        started = time.monotonic()
        small = {"text": "Tram line reopens\n\nThe operator said on Monday that trams run again."}
        r = client.post("/api/documents", json=small, headers=AUTH)
        assert r.status_code == 202 and time.monotonic() - started < 5
        job = _wait(client, r.headers["location"], seconds=10)
        assert job["status"] == "done" and job["status_code"] == 201
        assert client.get(f"/api/documents/{job['document_id']}").status_code == 200
        assert client.get(heavy.headers["location"]).json()["status"] == "running"  # still held
    finally:
        release.set()
    assert _wait(client, heavy.headers["location"])["status"] == "done"
    # With nothing running, a small article is analysed while its client waits, as before.
    assert (
        client.post(
            "/api/documents", json={"text": "Pool closes\n\nThe city said the pool shut."}, headers=AUTH
        ).status_code
        == 201
    )


def test_two_heavy_analyses_hold_both_workers_and_a_third_waits(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def held(document, nlp=None):  # noqa: ANN001, ANN202
        if "HEAVY" in document.text:
            release.wait(30)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", held)
    try:
        hrefs = []
        for n in range(2):
            body = {"text": HEAVY + f" Item {n}."}
            hrefs.append(
                client.post("/api/documents", params={"async": "true"}, json=body, headers=AUTH).headers[
                    "location"
                ]
            )
            _running(client, hrefs[-1])
        r = client.post("/api/documents", json=ARTICLE, headers=AUTH)
        assert r.status_code == 202
        time.sleep(0.5)
        assert client.get(r.headers["location"]).json()["status"] == "queued"  # the pool is bounded
    finally:
        release.set()
    assert _wait(client, r.headers["location"])["status"] == "done"


def test_shutdown_does_not_wait_for_a_running_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_copy: Callable[..., Path]
) -> None:
    release = threading.Event()

    def held(document, nlp=None):  # noqa: ANN001, ANN202 - an analysis that would run for 30 s
        release.wait(30)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", held)
    app = create_app(store_copy(tmp_path / "web.db", _ferry_store), token=TOKEN)
    try:
        with TestClient(app, raise_server_exceptions=False) as c:
            r = c.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
            _running(c, r.headers["location"])
            started = time.monotonic()
        assert time.monotonic() - started < 3  # the lifespan's shutdown: a short grace, not 30 s
    finally:
        release.set()
