"""Story endpoints: stories, clusters, conflicts, measures, timelines, and the story filter elsewhere.

The link run is hand-built (tests/web_ledgers.py: save_story), so these tests
pin what the API serves, not what the linking heuristics find.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reportedly.api import create_app
from reportedly.store import Store
from web_ledgers import MEASURE, STORY_ID, ferry_ledger, followup_ledger, hostile_ledger, save_story

TOKEN = "story-token"
FERRY_ID = ferry_ledger().document.id
FOLLOW_ID = followup_ledger().document.id


def _story_store(store: Store) -> None:
    store.save(ferry_ledger())
    store.save(hostile_ledger())
    save_story(store)


@pytest.fixture
def client(tmp_path: Path, store_copy: Callable[..., Path]) -> Iterator[TestClient]:
    db = store_copy(tmp_path / "stories.db", _story_store)
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


def test_story_list(client: TestClient) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == 1
    (story,) = page["items"]
    assert story["id"] == STORY_ID
    assert (story["documents"], story["clusters"], story["conflicts"]) == (2, 2, 2)
    assert story["outlets"] == ["Coastal Times", "Harbour Gazette"]
    assert client.get("/api/stories", params={"min_documents": 3}).json()["total"] == 0
    assert client.get("/api/stories", params={"min_documents": 0}).status_code == 422
    assert client.get("/api/status").json()["stories"] is True
    assert client.get("/api/status").json()["last_link_run"]["method"] == "hand-built"


def test_one_story(client: TestClient) -> None:
    story = client.get(f"/api/stories/{STORY_ID}").json()
    assert story["title"] == "Storm closes Portview harbour"
    assert [d["id"] for d in story["documents"]] == [FERRY_ID, FOLLOW_ID]
    assert (story["clusters"], story["conflicts"]) == (2, 2)
    assert [m["measure"] for m in story["measures"]] == [MEASURE]
    assert story["measures"][0]["points"] == 3


def test_clusters_count_outlets_and_independent_origins(client: TestClient) -> None:
    page = client.get(f"/api/stories/{STORY_ID}/clusters").json()
    assert page["total"] == 2
    sailings = next(c for c in page["items"] if c["id"] == "cluster-sailings")
    assert sailings["outlets"] == 2 and sailings["independent_origins"] == 1
    assert [c["id"] for c in sailings["claims"]] == ["ferry-0", "follow-0"]
    assert sailings["claims"][0]["evidence"]["text"] == "about 40 sailings had been cancelled since Sunday"
    second = client.get(f"/api/stories/{STORY_ID}/clusters", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 2 and len(second["items"]) == 1


def test_conflicts(client: TestClient) -> None:
    page = client.get(f"/api/stories/{STORY_ID}/conflicts").json()
    assert page["total"] == 2
    numeric = next(c for c in page["items"] if c["kind"] == "numeric")
    assert (numeric["a"]["id"], numeric["b"]["id"]) == ("ferry-0", "follow-0")
    assert numeric["measure"] == MEASURE
    only = client.get(f"/api/stories/{STORY_ID}/conflicts", params={"kind": "stance"}).json()
    assert [c["kind"] for c in only["items"]] == ["stance"]
    assert client.get(f"/api/stories/{STORY_ID}/conflicts", params={"kind": "vibes"}).status_code == 422
    everywhere = client.get("/api/conflicts").json()
    assert everywhere["total"] == 2
    assert not any(c["declined"] for c in everywhere["items"])


def test_declined_pairs_on_request(client: TestClient) -> None:
    page = client.get(f"/api/stories/{STORY_ID}/conflicts", params={"declined": "true"}).json()
    assert page["total"] == 1
    (pair,) = page["items"]
    assert pair["declined"] is True and pair["why"].startswith("an update")
    assert (pair["a"]["id"], pair["b"]["id"]) == ("follow-0", "follow-2")
    assert client.get("/api/conflicts", params={"declined": "true"}).json()["total"] == 1
    assert client.get(f"/api/stories/{STORY_ID}").json()["conflicts"] == 2  # declined pairs not counted
    assert client.get("/api/conflicts", params={"story": "elsewhere"}).status_code == 404  # an unknown story


def test_timelines(client: TestClient) -> None:
    default = client.get(f"/api/stories/{STORY_ID}/timeline").json()
    assert default["measure"] == MEASURE
    points = default["points"]
    assert [p["date"] for p in points] == ["2024-03-12", "2024-03-13", "2024-03-15"]
    assert [(p["value"], p["low"], p["high"]) for p in points] == [
        (40.0, None, None),
        (None, 60.0, None),
        (None, None, 75.0),
    ]
    assert [p["claim"] for p in points] == ["ferry-0", "follow-0", "follow-2"]
    assert points[2]["stance"] == "estimated"
    named = client.get(f"/api/stories/{STORY_ID}/timeline", params={"measure": MEASURE}).json()
    assert named == default
    assert client.get(f"/api/stories/{STORY_ID}/timeline", params={"measure": "llamas"}).status_code == 404
    assert client.get("/api/timeline", params={"measure": MEASURE}).json()["points"] == points
    assert client.get("/api/timeline", params={"measure": "llamas"}).status_code == 404
    assert client.get("/api/timeline").status_code == 422
    measures = client.get("/api/measures").json()
    assert measures["total"] == 1 and measures["items"][0]["measure"] == MEASURE


def test_unknown_story_is_404_everywhere(client: TestClient) -> None:
    for path in (
        "/api/stories/nope",
        "/api/stories/nope/clusters",
        "/api/stories/nope/conflicts",
        "/api/stories/nope/timeline",
        "/api/claims?story=nope",
        "/api/export?story=nope",
        "/api/conflicts?story=nope",  # was an empty page, read as "no conflicts"
        "/api/measures?story=nope",
    ):
        assert client.get(path).status_code == 404, path


def test_story_filter_on_claims_and_exports(client: TestClient) -> None:
    claims = client.get("/api/claims", params={"story": STORY_ID}).json()
    assert {c["document_id"] for c in claims["items"]} == {FERRY_ID, FOLLOW_ID}
    assert claims["total"] == 7
    exported = client.get("/api/export", params={"format": "csv", "story": STORY_ID}).text
    assert {row["document_id"] for row in csv.DictReader(io.StringIO(exported))} == {FERRY_ID, FOLLOW_ID}


@pytest.mark.parametrize(
    "method",
    # the sentence model loads torch and MiniLM (about 6 s of CPU); TF-IDF keeps the route in the fast lane
    [pytest.param("minilm", marks=pytest.mark.slow), "tfidf"],
)
def test_rebuilding_stories_needs_the_token(
    client: TestClient, method: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    if method == "minilm":
        request.getfixturevalue("minilm")  # skips where the sentence model is not installed
    monkeypatch.setenv("REPORTEDLY_EMBEDDINGS", method)
    assert client.post("/api/stories/rebuild").status_code == 401
    response = client.post("/api/stories/rebuild", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    run = response.json()
    assert run["rebuilt"] is True and run["documents"] == 3
    again = client.post("/api/stories/rebuild", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["rebuilt"] is False  # nothing changed since
    assert run["method"] == again["method"] == method


def test_openapi_lists_the_story_endpoints(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/clusters",
        "/api/stories/{story_id}/conflicts",
        "/api/stories/{story_id}/timeline",
        "/api/stories/rebuild",
        "/api/conflicts",
        "/api/measures",
        "/api/timeline",
    } <= paths


def test_cli_lists_declined_pairs_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    import reportedly.link
    from reportedly.cli import app

    db = tmp_path / "hand.db"
    with Store(db) as store:
        store.save(ferry_ledger())
        save_story(store)
    # keep the hand-built link run: a real run would relink the two ledgers its own way
    monkeypatch.setattr(reportedly.link, "ensure_linked", lambda *a, **k: None)
    runner = CliRunner()
    plain = json.loads(runner.invoke(app, ["conflicts", "--db", str(db), "--json"]).stdout)
    assert len(plain) == 2 and not any(c["declined"] for c in plain)
    declined = runner.invoke(app, ["conflicts", "--db", str(db), "--declined", "--json"])
    assert declined.exit_code == 0, declined.output
    (pair,) = json.loads(declined.stdout)
    assert pair["declined"] is True and pair["why"] == "an update: the same origin gives the later figure"
    table = runner.invoke(app, ["conflicts", "--db", str(db), "--declined"], env={"COLUMNS": "200"})
    assert "1 pair declined" in table.stdout and "an update" in table.stdout


@pytest.mark.parametrize("verb", [["conflicts"], ["conflicts", "--declined"], ["timeline"]])
def test_cli_says_an_unknown_story_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verb: list[str]
) -> None:
    """A mistyped --story exits 1 with a hint, like 'reportedly story', rather than an empty table."""
    from typer.testing import CliRunner

    import reportedly.link
    from reportedly.cli import app

    db = tmp_path / "hand.db"
    with Store(db) as store:
        store.save(ferry_ledger())
        save_story(store)
    monkeypatch.setattr(reportedly.link, "ensure_linked", lambda *a, **k: None)
    runner = CliRunner()
    for extra in ([], ["--json"]):
        result = runner.invoke(app, [*verb, "--db", str(db), "--story", "s-typo", *extra])
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert "no story 's-typo'; list them with: reportedly stories" in result.output
    known = runner.invoke(app, [*verb, "--db", str(db), "--story", STORY_ID, "--json"])
    assert known.exit_code == 0 and json.loads(known.stdout), known.output
