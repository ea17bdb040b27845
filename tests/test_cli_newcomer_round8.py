"""The command line as a newcomer meets it, round 8: traps found by ingesting the dev story
folders and trying every verb from its --help alone. Each test failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import EXIT_STORE, app
from reportedly.store import Store
from web_ledgers import ferry_ledger

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.db"
    with Store(path) as store:
        store.save(ferry_ledger(), source="ferry.txt")
    return path


def test_aliases_add_and_remove_use_the_groups_db(db: Path, tmp_path: Path, monkeypatch) -> None:
    """'reportedly aliases --db news.db add A B' (the --db where 'aliases --help' lists it) was
    ignored by 'add': it opened ./reportedly.db instead, failing with "no store" or, worse, adding
    the alias to another store. The group's --db now reaches its sub-commands; a sub-command's
    own --db still wins."""
    monkeypatch.chdir(tmp_path)  # no ./reportedly.db here
    monkeypatch.delenv("REPORTEDLY_DB", raising=False)
    added = runner.invoke(app, ["aliases", "--db", str(db), "add", "the ferry firm", "Portview Ferries"])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["aliases", "--db", str(db), "--user", "--json"])
    assert [r["alias"] for r in json.loads(listed.stdout)] == ["the ferry firm"]
    removed = runner.invoke(app, ["aliases", "--db", str(db), "remove", "the ferry firm", "--json"])
    assert removed.exit_code == 0, removed.output
    assert json.loads(removed.stdout) == {"removed": "the ferry firm"}
    other = tmp_path / "other.db"
    own = runner.invoke(app, ["aliases", "--db", str(db), "add", "x", "Portview Ferries", "--db", str(other)])
    assert own.exit_code == EXIT_STORE and "no store at" in own.output
    assert not (tmp_path / "reportedly.db").exists()


def test_a_claims_table_keeps_its_words_whole_where_they_fit() -> None:
    """On a 100-column terminal the ledger printed the cue "reportedly" as "repor" over "tedly":
    Rich shares a table's width among ratio columns by ratio alone. A column now gets room for its
    longest word when every column's fits; no line grows past the terminal's width."""
    text = (
        "Ferry strike widens\n\nThe harbour master reportedly ordered 12 ferries to stay in port "
        "on Monday, and the ferry operator said the strike would spread."
    )
    shown = runner.invoke(
        app, ["analyze", "-", "--published", "2024-03-12"], input=text, env={"COLUMNS": "100"}
    )
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert any("│ reportedly " in line for line in lines), shown.stdout
    assert max(len(line) for line in lines) <= 100
    narrow = runner.invoke(
        app, ["analyze", "-", "--published", "2024-03-12"], input=text, env={"COLUMNS": "60"}
    )
    assert narrow.exit_code == 0 and max(len(line) for line in narrow.stdout.splitlines()) <= 60


def test_counts_of_one_read_as_english(db: Path, monkeypatch) -> None:
    """'reportedly story' said "reported by 2 outlets, 1 independent origins" (the product's own
    headline figure), 'analyze' "1 claims from 1 sources", 'stories' "1 stories" and 'ingest'
    "stored 1 document(s) with 1 claims"."""
    import reportedly.link
    from web_ledgers import STORY_ID, save_story

    with Store(db) as store:
        save_story(store)
    # the hand-built link run is what is shown: no relinking over it
    monkeypatch.setattr(reportedly.link, "ensure_linked", lambda *args, **kwargs: None)
    shown = runner.invoke(app, ["story", STORY_ID, "--db", str(db)], env={"COLUMNS": "160"})
    assert shown.exit_code == 0, shown.output
    assert "reported by 2 outlets, 1 independent origin: Portview Ferries ×2" in shown.stdout
    assert "independent origins" not in shown.stdout
    listed = runner.invoke(app, ["stories", "--db", str(db)], env={"COLUMNS": "160"})
    assert listed.exit_code == 0 and listed.stdout.startswith("1 story "), listed.stdout
    one = runner.invoke(app, ["analyze", "-"], input="Ferries stopped\n\nThe mayor said the port was shut.")
    assert one.exit_code == 0 and "1 claim from 1 source;" in one.stdout, one.stdout
    stored = runner.invoke(
        app, ["ingest", "-", "--db", str(db)], input="Ferries stopped\n\nThe mayor said the port was shut."
    )
    assert stored.exit_code == 0 and "stored 1 document with 1 claim in" in stored.stdout, stored.stdout


def test_each_eval_verbs_list_says_what_it_prints() -> None:
    """eval-stories and eval-claims shared one --list help, "the items to judge (conflicts, extra
    and missed claims)": eval-stories prints only conflicts, eval-claims never prints one."""
    stories = runner.invoke(app, ["eval-stories", "--help"], env={"COLUMNS": "200"}).stdout
    claims = runner.invoke(app, ["eval-claims", "--help"], env={"COLUMNS": "200"}).stdout
    story_list = next(line for line in stories.splitlines() if line.lstrip().startswith("--list"))
    claim_list = next(line for line in claims.splitlines() if line.lstrip().startswith("--list"))
    assert "conflict" in story_list and "missed" not in story_list, story_list
    assert "conflict" not in claim_list and "missed" in claim_list and "extra" in claim_list, claim_list


def test_a_plot_names_the_sources_of_one_point_once_not_on_top_of_each_other(tmp_path: Path) -> None:
    """'timeline --plot' wrote each point's source beside it, so two outlets giving the same
    number on the same day (one "Harbour Authority", one "Mira Lund") printed two labels at the
    same place, one over the other and neither readable; a place now gets one label naming
    each source once."""
    pytest.importorskip("matplotlib")
    from datetime import date

    from reportedly.link.plot import plot_timeline
    from reportedly.model import Span, Stance, TimelinePoint

    def point(day: int, value: float, source: str, stance: Stance, n: int) -> TimelinePoint:
        return TimelinePoint(
            date(2024, 3, day),
            value,
            value,
            value,
            "sailings",
            source,
            stance,
            f"d{n}",
            f"d{n}:0",
            Span(0, 2, "40"),
        )

    points = [
        point(12, 40, "Harbour Authority", Stance.ASSERTED, 1),
        point(12, 40, "Mira Lund", Stance.REPORTED, 2),
        point(12, 40, "Harbour Authority", Stance.ASSERTED, 3),
        point(14, 60, "Mira Lund", Stance.ASSERTED, 4),
    ]
    svg = plot_timeline("sailings cancelled", points, tmp_path / "sailings.svg").read_text()
    # matplotlib writes each text element's string as a comment before its glyphs
    labels = [line.strip()[5:-4] for line in svg.splitlines() if line.strip().startswith("<!-- ")]
    assert "Harbour Authority, Mira Lund" in labels, [x for x in labels if not x[:1].isdigit()]
    assert labels.count("Mira Lund") == 1 and "Harbour Authority" not in labels, labels


def test_json_verbs_still_show_progress_on_a_terminal(db: Path, tmp_path: Path, monkeypatch) -> None:
    """'ingest --json' and 'link --json' (and the story verbs that link first) said nothing for
    minutes at a time: --json switched their progress off along with the table, though progress
    goes to stderr and the JSON to stdout. On a terminal the progress now shows; piped (a
    script) stderr stays quiet, and --quiet silences ingest's either way."""
    from reportedly.cli import output

    monkeypatch.setattr(output.err, "_force_terminal", True)
    linked = runner.invoke(app, ["link", "--db", str(db), "--method", "tfidf", "--json"])
    assert linked.exit_code == 0, linked.output
    assert json.loads(linked.stdout)["up_to_date"] is False
    assert "reading the stored ledgers" in linked.stderr, linked.stderr
    article = tmp_path / "bridge.txt"
    article.write_text("Bridge shut\n\nThe mayor said the bridge would stay shut until Friday.\n")
    ingested = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--json"])
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.stdout)["stored"] == 1
    assert ingested.stderr.strip() != ""  # the live bar ran (it is transient: only its frame remains)
    monkeypatch.setattr(output.err, "_force_terminal", False)
    piped = runner.invoke(app, ["link", "--db", str(db), "--method", "tfidf", "--json", "--force"])
    assert piped.exit_code == 0 and piped.stderr == "", piped.stderr


def test_help_examples_use_story_ids_of_the_shape_stories_prints() -> None:
    """'conflicts --help' gave "--story s1" as its example: ids look like s-4689973897, and a
    reader who copies the example's shape gets "no story 's1'"."""
    import re

    import typer.main

    ids = []
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        shown = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"}).stdout
        ids += re.findall(r"Example: .*?(?:--story|reportedly story) (\S+)", shown)
    assert ids, "no example names a story"
    assert all(re.fullmatch(r"s-[0-9a-f]{10}", i) for i in ids), ids


def test_serve_on_a_port_in_use_says_so_before_claiming_to_serve(db: Path) -> None:
    """'serve --port P' with P taken printed "Serving … at http://127.0.0.1:P/" and then
    uvicorn's bind error, and exited 3, which reportedly's exit codes reserve for a store
    problem (and, with a token, only after loading the models for a minute). It now checks the
    port first: exit 2, naming the port and what to do."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            app, ["serve", "--db", str(db), "--port", str(port)], env={"REPORTEDLY_TOKEN": None}
        )
    assert result.exit_code == 2, result.output
    assert f"127.0.0.1:{port} is already in use" in result.output, result.output
    assert "another --port" in result.output and "Serving" not in result.output


def test_posting_plain_text_says_to_send_json(db: Path) -> None:
    """'curl --data-binary @article.txt' to POST /api/documents answered "Input should be a valid
    dictionary or object to extract fields from", which does not say what to send; the detail
    now says the body must be a JSON object with text, html or url."""
    from fastapi.testclient import TestClient

    from reportedly.api import create_app

    client = TestClient(create_app(str(db), token="t0k"))
    auth = {"Authorization": "Bearer t0k"}
    for content_type in ("text/plain", "application/json"):
        answer = client.post(
            "/api/documents",
            content=b"The mayor said the bridge was shut.",
            headers={**auth, "Content-Type": content_type},
        )
        assert answer.status_code == 422
        detail = answer.json()["detail"]
        assert "JSON object" in detail and '{"text": ' in detail, (content_type, detail)
    listed = client.post("/api/documents", json=["The mayor said the bridge was shut."], headers=auth)
    assert listed.status_code == 422 and "JSON object" in listed.json()["detail"]


def test_claims_of_an_unknown_source_say_where_to_look(db: Path) -> None:
    """'claims --source Portview' printed an empty table and nothing else, as if the source had
    said nothing; it now says where the sources are listed (exit 0: no claim is an answer)."""
    result = runner.invoke(app, ["claims", "--db", str(db), "--source", "Portview Ferry Company"])
    assert result.exit_code == 0, result.output
    assert "0 claims" in result.stdout
    assert "no claim's source is 'Portview Ferry Company'; list the sources with: reportedly entities" in (
        result.stderr
    )
    found = runner.invoke(app, ["claims", "--db", str(db), "--source", "Portview Ferries"])
    assert found.exit_code == 0 and "reportedly entities" not in found.output
