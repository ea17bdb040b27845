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
        for n in range(3):  # one running, two waiting (job_queue=2)
            body = {"text": f"Report {n}\n\nThe mayor said item {n} was fine."}
            r = client.post("/api/documents", params={"async": "true"}, json=body, headers=AUTH)
            assert r.status_code == 202
            hrefs.append(r.headers["location"])
            if n == 0:  # the worker has taken the first job off the queue
                deadline = time.monotonic() + 10
                while client.get(hrefs[0]).json()["status"] != "running" and time.monotonic() < deadline:
                    time.sleep(0.02)
        r = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
        assert r.status_code == 429
        assert "serve --job-queue" in r.json()["detail"] and r.headers["retry-after"]
        # the analysis holds the worker, not the server: reads answer at once
        started = time.monotonic()
        assert client.get("/api/documents").status_code == 200
        assert time.monotonic() - started < 5
    finally:
        release.set()
    assert [_wait(client, h)["status"] for h in hrefs] == ["done", "done", "done"]


def test_a_small_post_during_a_heavy_analysis_is_queued_not_held(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def held(document, nlp=None):  # noqa: ANN001, ANN202 - a heavy analysis that waits for the test
        release.wait(30)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", held)
    try:
        heavy = client.post("/api/documents", params={"async": "true"}, json=ARTICLE, headers=AUTH)
        deadline = time.monotonic() + 10
        while (
            client.get(heavy.headers["location"]).json()["status"] != "running"
            and time.monotonic() < deadline
        ):
            time.sleep(0.02)
        # A small article without ?async: it would wait for the lock; it is answered at once instead.
        started = time.monotonic()
        small = {"text": "Tram line reopens\n\nThe operator said on Monday that trams run again."}
        r = client.post("/api/documents", json=small, headers=AUTH)
        assert r.status_code == 202 and time.monotonic() - started < 5
        assert client.get(heavy.headers["location"]).json()["status"] == "running"  # still held
    finally:
        release.set()
    job = _wait(client, r.headers["location"])
    assert job["status"] == "done" and job["status_code"] == 201
    # With nothing running, a small article is analysed while its client waits, as before.
    assert (
        client.post(
            "/api/documents", json={"text": "Pool closes\n\nThe city said the pool shut."}, headers=AUTH
        ).status_code
        == 201
    )
