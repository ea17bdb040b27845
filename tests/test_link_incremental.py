"""Incremental linking: documents stored since the last link run join the stories without
relinking the whole store, and end where a full run would put them.

The fixture corpus (tests/fixtures/story: the North Korea story, a distractor pair and two
single distractors) is stored in two batches; the second is placed incrementally, and the
result is compared with a full link of the same store.
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.link import ensure_linked
from reportedly.link.embed import MINILM, TfidfEmbedder
from reportedly.model import Ledger
from reportedly.store import Store
from test_link_story import FIXTURES, load_ledger

# Each test links the fixture corpus two or three times with the sentence model (torch and MiniLM).
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("minilm")]


@pytest.fixture(scope="module")
def ledgers() -> list[Ledger]:
    data = json.loads((FIXTURES / "ledgers.json").read_text(encoding="utf-8"))
    out = [load_ledger(d) for d in data]
    for led in out:
        if led.document.meta["file"].startswith("d1"):
            # a distractor from months earlier: out of reach of the new batch, never relinked
            led.document.published -= timedelta(days=90)
    return sorted(out, key=lambda led: (led.document.published, led.document.id))


def _view(store: Store) -> dict[str, object]:
    """What a reader sees: document groups, clusters as claim sets, conflicts, measures."""
    groups, clusters = [], []
    for row in store.stories():
        story, _docs = store.story(row["id"])
        groups.append(tuple(sorted(story.documents)))
        clusters += [
            (c.measure, tuple(sorted(r.id for r in c.claims)), c.independent_origins) for c in story.clusters
        ]
    return {
        "stories": sorted(groups),
        "clusters": sorted(clusters, key=str),
        "conflicts": sorted(
            (c.kind.value, c.a.id, c.b.id, c.declined) for c in store.conflicts(declined=None)
        ),
        "measures": sorted((m["measure"], m["points"]) for m in store.measures()),
    }


def _embedder():
    from reportedly.link.embed import default_embedder

    embedder = default_embedder()
    assert embedder.method == MINILM
    return embedder


def test_a_new_batch_is_placed_as_a_full_run_would(ledgers: list[Ledger], tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first, second = ledgers[:-3], ledgers[-3:]
    embedder = _embedder()
    with Store(db) as store:
        for led in first:
            store.save(led)
        assert ensure_linked(store, embedder=embedder).new_documents is None  # the first run is full
        for led in second:
            store.save(led)
        result = ensure_linked(store, embedder=embedder)
        assert result is not None and result.new_documents == 3
        # it relinked the stories in reach of the batch, not the months-old distractor
        assert result.documents == len(ledgers) - 1
        assert ensure_linked(store, embedder=embedder) is None  # and recorded the store as linked
        incremental = _view(store)
    full_db = tmp_path / "full.db"
    shutil.copy(db, full_db)
    with Store(full_db) as store:
        assert ensure_linked(store, embedder=embedder, force=True).new_documents is None
        full = _view(store)
    assert incremental == full
    assert any(len(group) >= 2 for group in incremental["stories"])


def test_a_removed_document_or_new_settings_relink_everything(ledgers: list[Ledger], tmp_path: Path) -> None:
    embedder = _embedder()
    with Store(tmp_path / "news.db") as store:
        for led in ledgers[:-1]:
            store.save(led)
        ensure_linked(store, embedder=embedder)
        store.delete_document(ledgers[0].document.id)
        store.save(ledgers[-1])
        result = ensure_linked(store, embedder=embedder)
        assert result is not None and result.new_documents is None  # a removal: full run
        store.save(ledgers[0])
        tfidf = ensure_linked(store, embedder=TfidfEmbedder())
        assert tfidf is not None and tfidf.new_documents is None  # another method: full run


def test_link_reports_an_incremental_run(ledgers: list[Ledger], tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Store(db) as store:
        for led in ledgers[:-2]:
            store.save(led)
    runner = CliRunner()
    assert json.loads(runner.invoke(app, ["link", "--db", str(db), "--json"]).stdout)["incremental"] is False
    with Store(db) as store:
        for led in ledgers[-2:]:
            store.save(led)
    summary = json.loads(runner.invoke(app, ["link", "--db", str(db), "--json"]).stdout)
    assert (summary["incremental"], summary["new_documents"]) == (True, 2)
    forced = json.loads(runner.invoke(app, ["link", "--db", str(db), "--force", "--json"]).stdout)
    assert forced["incremental"] is False and forced["documents"] == len(ledgers)
