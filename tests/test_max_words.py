"""A document of more words than ``--max-words`` is refused at once, with its reason, in every entry point.

Issue 18's 6.2 MB single line (a million words, each sentence a claim) needs some 15 minutes of
CPU and used to end as a ``timeout`` record after 120 s; refusing by its length costs milliseconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import reportedly
from reportedly import batch
from reportedly.api import create_app
from reportedly.batch import DEFAULT_MAX_WORDS, analyze_outcome, count_words, too_long
from reportedly.cli import EXIT_INPUT, app
from reportedly.ingesting import ingest_into
from reportedly.model import Document
from reportedly.store import Store

runner = CliRunner()
TOKEN = "a-token-for-the-word-limit"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LONG = "Long\n\n" + "The harbour master said the ferry was late. " * 40  # 321 words
SHORT = "Short\n\nThe harbour master said the ferry was late."


def _no_analysis(document, nlp=None):  # noqa: ANN001, ANN202 - a refusal must not analyse
    raise AssertionError("a document over the word limit was analysed")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "one", " one two  three ", "a\tb\nc", "word " * 11, "ab" * 9 + " cd", " x" * 10 + " "],
)
def test_words_are_counted_as_split_counts_them_across_chunk_boundaries(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for chunk in (1, 2, 3, 7, 1 << 20):
        monkeypatch.setattr(batch, "_COUNT_CHUNK", chunk)
        assert count_words(text) == len(text.split()), (text, chunk)


def test_a_text_over_the_limit_is_refused_before_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reportedly, "analyze_document", _no_analysis)
    started = time.perf_counter()
    outcome = analyze_outcome(Document(text=LONG), timeout=120, max_words=100)
    assert time.perf_counter() - started < 5
    assert outcome.reason == "too_long_to_analyse" and outcome.ledger is None
    assert (
        "321 words" in outcome.message and "100 words" in outcome.message and "--max-words" in outcome.message
    )


def test_the_limit_is_inclusive_and_zero_means_none() -> None:
    words = count_words(LONG)
    assert too_long(LONG, words) is None
    assert too_long(LONG, words - 1) is not None
    assert too_long(LONG, 0) is None
    assert too_long("x" * 10_000, 100) is None  # one long word is one word
    assert DEFAULT_MAX_WORDS >= 20_000  # a long news article (a 100 KB one has some 17,000 words)


def test_analyze_refuses_the_long_file_names_the_flag_and_prints_the_other(tmp_path: Path) -> None:
    (tmp_path / "a_short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "b_long.txt").write_text(LONG, encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", str(tmp_path), "--max-words", "100", "--json"], env={"COLUMNS": "300"}
    )
    assert result.exit_code == EXIT_INPUT
    assert "b_long.txt" in result.output and "--max-words" in result.output
    assert "harbour master" in result.output  # the short article's ledger still printed
    raised = runner.invoke(app, ["analyze", str(tmp_path / "b_long.txt"), "--max-words", "400", "--json"])
    assert raised.exit_code == 0, raised.output


def test_analyze_of_only_a_long_file_refuses_without_loading_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_models() -> None:
        raise AssertionError("models loaded for a document that is refused")

    monkeypatch.setattr(reportedly, "warm_up", no_models)
    monkeypatch.setattr(reportedly, "analyze_document", _no_analysis)
    (tmp_path / "long.txt").write_text(LONG, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "long.txt"), "--max-words", "100"])
    assert result.exit_code == EXIT_INPUT
    assert "over the limit of 100 words" in result.output


def test_ingest_records_the_refusal_with_its_reason_and_stores_the_rest(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "w.db"))
    try:
        report = ingest_into(
            store,
            [("long.txt", Document(text=LONG)), ("short.txt", Document(text=SHORT))],
            max_words=100,
        )
        assert [d.source for d in report.documents] == ["short.txt"]
        (error,) = report.errors
        assert (error.source, error.reason) == ("long.txt", "too_long_to_analyse")
        assert error.message.startswith("long.txt: ") and "--max-words" in error.message
        again = ingest_into(store, [("long.txt", Document(text=LONG))], max_words=0)  # no limit: analysed
        assert not again.errors and again.documents[0].created
    finally:
        store.close()


def _empty(store: Store) -> None:
    """An empty store (store_copy's key)."""


@pytest.fixture
def client(tmp_path: Path, store_copy: Callable[..., Path]) -> Iterator[TestClient]:
    path = store_copy(tmp_path / "web.db", _empty)
    with TestClient(create_app(path, token=TOKEN, max_words=100), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("run_async", [False, True])
def test_a_posted_text_over_the_limit_is_a_422_at_once_naming_the_setting(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, run_async: bool
) -> None:
    monkeypatch.setattr(reportedly, "analyze_document", _no_analysis)
    r = client.post(f"/api/documents?async={str(run_async).lower()}", json={"text": LONG}, headers=AUTH)
    assert r.status_code == 422, r.text  # not a 202: no job is queued for it
    assert "serve --max-words" in r.json()["detail"] and "321 words" in r.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 0


def test_serve_passes_max_words_to_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportedly.api

    seen = {}

    def fake_create_app(db, **kwargs):  # noqa: ANN001, ANN003, ANN202
        seen.update(kwargs)
        raise SystemExit(0)  # stop before uvicorn starts

    monkeypatch.setattr(reportedly.api, "create_app", fake_create_app)
    db = str(tmp_path / "s.db")
    Store(db).close()
    runner.invoke(app, ["serve", "--db", db, "--max-words", "2000"])
    assert seen["max_words"] == 2000
    assert create_app(db).state.settings.max_words == DEFAULT_MAX_WORDS


def test_posted_html_over_the_limit_is_refused_once_its_text_is_read(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reportedly, "analyze_document", _no_analysis)
    paragraphs = "".join(
        f"<p>The harbour master said on Monday that ferry number {n} was late by {n + 3} minutes "
        f"because of fog over the bay, and that crossing {n} would run again at noon.</p>"
        for n in range(30)
    )
    html = f"<html><head><title>Long</title></head><body><article>{paragraphs}</article></body></html>"
    r = client.post("/api/documents", json={"html": html}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert "serve --max-words" in r.json()["detail"] and "over the limit of 100 words" in r.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 0
