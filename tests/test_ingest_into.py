"""reportedly.ingest_into: the one read → skip stored → analyse → save → record errors loop.

Most tests analyse with a stand-in (a ledger without claims) so they exercise the
batch logic in milliseconds; one runs the real extractor end to end.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import reportedly
from reportedly import IngestReport, ingest_into
from reportedly.ingest import IngestError, parse_layout
from reportedly.ingesting import DEFAULT_MAX_BYTES, AnalysisFailed, IngestEvent
from reportedly.model import Document, Ledger
from reportedly.store import Store

PIER = "Pier closed\n\nThe harbour authority said on Monday that the east pier would stay closed."
MILL = "Mill reopens\n\nThe mill's owner said the plant would reopen in March, the union confirmed."


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "ledger.db") as db:
        yield db


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Analysis replaced by an empty ledger; returns the ids of the documents analysed."""
    analysed: list[str] = []

    def empty(document: Document, nlp: object = None) -> Ledger:
        if "explode" in document.text:
            raise RuntimeError("extractor bug")
        analysed.append(document.id)
        return Ledger(document)

    monkeypatch.setattr(reportedly, "analyze_document", empty)
    return analysed


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pier.txt").write_text(PIER, encoding="utf-8")
    (folder / "mill.txt").write_text(MILL, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def test_stored_and_errors_are_reported_and_recorded(store: Store, corpus: Path, quick: list[str]) -> None:
    report = ingest_into(store, [corpus], warm_up=False)
    assert isinstance(report, IngestReport)
    assert sorted(d.source for d in report.stored) == [str(corpus / "mill.txt"), str(corpus / "pier.txt")]
    assert all(d.created and d.claims == 0 for d in report.stored)
    assert report.skipped == []
    assert len(quick) == 2 and {d.document_id for d in report.stored} == set(quick)
    # The unreadable file is an error in the report and a record in the store.
    [error] = report.errors
    assert (error.source, error.reason) == (str(corpus / "broken.txt"), "binary")
    assert error.document_id is None
    assert [(e["source"], e["reason"]) for e in store.errors()] == [(error.source, "binary")]
    assert {d["id"] for d in store.documents()} == set(quick)
    assert report.startup_seconds is not None and report.seconds >= report.startup_seconds


def test_reingest_skips_stored_documents_without_analysing_them(
    store: Store, corpus: Path, quick: list[str]
) -> None:
    first = ingest_into(store, [corpus], warm_up=False)
    quick.clear()
    again = ingest_into(store, [corpus, corpus / "pier.txt"], warm_up=False)
    assert quick == []  # nothing analysed
    assert again.stored == [] and again.startup_seconds is None
    pier = next(d.document_id for d in first.stored if d.source.endswith("pier.txt"))
    assert sorted(d.document_id for d in again.skipped) == sorted(
        [d.document_id for d in first.stored] + [pier]
    )
    assert all(d.claims is None and not d.created for d in again.skipped)
    assert len(store.documents()) == 2  # no duplicates
    assert len(store.errors()) == 2  # the broken file is recorded once per attempt


def test_same_text_twice_in_one_batch_is_stored_once(store: Store, tmp_path: Path, quick: list[str]) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(PIER, encoding="utf-8")
    two.write_text(PIER, encoding="utf-8")
    report = ingest_into(store, [one, two], warm_up=False)
    assert [d.source for d in report.stored] == [str(one)]
    assert [d.source for d in report.skipped] == [str(one)]  # named by where it was first read
    assert len(store.documents()) == 1


def test_analysis_failures_become_error_records(store: Store, tmp_path: Path, quick: list[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Boom\n\nThe engineer said the pylons would explode.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(MILL, encoding="utf-8")
    report = ingest_into(store, [bad, good], warm_up=False)
    assert len(report.stored) == 1
    [error] = report.errors
    assert error.reason == "analysis" and error.source == str(bad)
    assert error.message.startswith(f"{bad}: analysis failed: RuntimeError: extractor bug")
    assert error.document_id is not None
    assert store.errors()[0]["reason"] == "analysis"


def test_stop_on_error_raises_without_recording(store: Store, quick: list[str]) -> None:
    good = parse_layout(MILL)
    bad = parse_layout("Boom\n\nThe engineer said the pylons would explode.")
    with pytest.raises(AnalysisFailed) as failed:
        ingest_into(store, [("api", good), ("api", bad)], warm_up=False, stop_on_error=True)
    assert failed.value.outcome.reason == "analysis"
    assert [d.source for d in failed.value.report.stored] == ["api"]
    assert store.errors() == []


def test_documents_errors_and_named_sources(store: Store, quick: list[str]) -> None:
    doc = parse_layout(PIER)
    problem = IngestError("fetch", None, "could not fetch it")
    lock = threading.Lock()
    report = ingest_into(
        store, [("demo-article.txt", doc), ("api", problem)], warm_up=False, analysis_lock=lock
    )
    assert [d.source for d in report.stored] == ["demo-article.txt"]
    assert [(e.source, e.reason) for e in report.errors] == [("api", "fetch")]
    assert store.documents()[0]["source"] == "demo-article.txt"
    # skip_stored=False analyses again; the store still keeps the first save.
    again = ingest_into(store, [doc], warm_up=False, skip_stored=False)
    assert [(d.created, d.claims) for d in again.skipped] == [(False, 0)]
    assert len(quick) == 2


def test_progress_events_follow_the_batch(store: Store, corpus: Path, quick: list[str]) -> None:
    events: list[IngestEvent] = []
    ingest_into(store, [corpus], warm_up=False, progress=events.append)
    kinds = [e.kind for e in events]
    assert kinds[0] == "error" and "analysing" in kinds  # the broken file sorts first
    assert "loading" not in kinds  # warm_up=False
    assert sorted(kinds) == ["analysing", "error", "stored", "stored"]
    assert all(e.ledger is not None for e in events if e.kind == "stored")
    events.clear()
    ingest_into(store, [corpus], warm_up=False, progress=events.append)
    assert sorted(e.kind for e in events) == ["error", "skipped", "skipped"]


def test_real_analysis_end_to_end(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "pier.txt"
    path.write_text(PIER, encoding="utf-8")
    report = ingest_into(store, [path], timeout=120)
    [stored] = report.stored
    assert stored.claims == len(store.claims(document=stored.document_id)) >= 1
    assert report.claims == stored.claims


def test_default_max_bytes_agrees_with_the_reader() -> None:
    from reportedly.ingest.reader import DEFAULT_MAX_BYTES as READER

    assert DEFAULT_MAX_BYTES == READER
