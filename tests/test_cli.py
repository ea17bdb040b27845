"""The command line as a user meets it: JSON shape, exit codes, bad input, idempotent ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import EXIT_INPUT, EXIT_STORE, EXIT_USAGE, app

runner = CliRunner()

ARTICLE = """Harbour authority confirms closure of the east pier

PORT MERRIN, Calveria – The harbour authority confirmed on Monday that the east pier would stay closed \
until repairs are finished, after engineers found cracks in 14 of its 60 pylons.

“We will not reopen a structure that could fail under a loaded truck,” said Ines Varga, the authority’s \
chief engineer.

The fishermen’s cooperative said the closure had already cost its members about 300,000 euros.

Edited by Nils Oberg."""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "pier.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_analyze_json_has_the_documented_shape(article: Path) -> None:
    code, output = run("analyze", str(article), "--published", "2024-11-20", "--json")
    assert code == 0, output
    data = json.loads(output)
    assert set(data) >= {"document", "claims", "entities"}
    assert data["document"]["published"] == "2024-11-20"
    assert data["document"]["byline"] == "Nils Oberg"
    claim_keys = {
        "kind",
        "section",
        "stance",
        "source",
        "cue",
        "content",
        "chain",
        "quantities",
        "times",
        "negated",
    }
    for claim in data["claims"]:
        assert set(claim) >= claim_keys
        assert set(claim["cue"]) >= {"text", "start", "end", "lemma"}
        assert ARTICLE[claim["cue"]["start"] : claim["cue"]["end"]] == claim["cue"]["text"]
        if claim["source"] is not None:
            assert set(claim["source"]) >= {"text", "start", "end", "entity", "type", "anonymous"}
        for s, e in claim["content"]["spans"]:
            assert ARTICLE[s:e] in claim["content"]["text"]
        for q in claim["quantities"]:
            assert set(q) >= {"text", "start", "end", "value", "low", "high", "approximate", "unit", "scope"}
        for t in claim["times"]:
            assert set(t) >= {"text", "start", "end", "resolved"}
    confirmed = [c for c in data["claims"] if c["stance"] == "confirmed" and c["section"] == "body"]
    assert confirmed and confirmed[0]["times"][0]["resolved"] == "2024-11-18"
    quote = next(c for c in data["claims"] if c["kind"] == "direct")
    assert quote["source"]["entity"] == "Ines Varga" and quote["inverted"] is True
    euros = [q for c in data["claims"] for q in c["quantities"] if q["value"] == 300000]
    assert euros and euros[0]["approximate"] is True


def test_analyze_table_shows_sources_and_stances(article: Path) -> None:
    code, output = run("analyze", str(article))
    assert code == 0
    assert "Ines Varga" in output and "confirmed" in output


def test_analyze_reads_stdin() -> None:
    result = runner.invoke(app, ["analyze", "-", "--json"], input="The mayor said the bridge would reopen.")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["claims"][0]["cue"]["text"] == "said"


@pytest.mark.parametrize(
    ("content", "reason_word"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "png"),
        ("Caf\u00e9 owners said prices rose.".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_is_one_line_error_and_exit_1(tmp_path: Path, content: bytes, reason_word: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == EXIT_INPUT
    assert "Traceback" not in result.output
    assert reason_word.lower() in result.output.lower()


def test_latin1_works_with_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners said prices had risen by a third.".encode("latin-1"))
    code, output = run("analyze", str(path), "--encoding", "latin-1", "--json")
    assert code == 0
    assert json.loads(output)["claims"][0]["source"]["text"] == "Café owners"


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"The minister said the budget was final.\n")
        f.truncate(50 * 1024 * 1024)
    code, output = run("analyze", str(path))
    assert code == EXIT_INPUT
    assert "MB" in output


def test_unbalanced_quotes_give_a_best_effort_ledger(tmp_path: Path) -> None:
    path = tmp_path / "open.txt"
    path.write_text(
        "“The vote will happen on time, the speaker said.\n\nThe clerk said the ballots were ready."
    )
    code, output = run("analyze", str(path), "--json")
    assert code == 0
    data = json.loads(output)
    assert any(c["content"]["text"].startswith("the ballots") for c in data["claims"])


def test_bad_published_date_is_a_usage_error(article: Path) -> None:
    code, output = run("analyze", str(article), "--published", "next tuesday")
    assert code == EXIT_USAGE
    assert "YYYY-MM-DD" in output


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    code, output = run("analyze", str(tmp_path / "nope.txt"))
    assert code == EXIT_INPUT
    assert "nope.txt" in output


def test_ingest_twice_stores_once_and_claims_filter(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "ledger.db")
    code, output = run("ingest", str(article), "--db", db, "--json")
    assert code == 0, output
    first = json.loads(output)
    assert first["stored"] == 1 and first["claims"] >= 3
    code, output = run("ingest", str(article), "--db", db, "--json")
    second = json.loads(output)
    assert second["stored"] == 0 and second["unchanged"] == 1
    code, output = run("documents", "--db", db, "--json")
    assert len(json.loads(output)["documents"]) == 1
    code, output = run("claims", "--db", db, "--source", "Ines Varga", "--json")
    rows = json.loads(output)
    assert rows and all(r["source"]["entity"] == "Ines Varga" for r in rows)
    code, output = run("claims", "--db", db, "--stance", "confirmed", "--json")
    assert [r["stance"] for r in json.loads(output)] == ["confirmed"] * len(json.loads(output))
    assert json.loads(output)


def test_ingest_batch_records_errors_and_keeps_going(tmp_path: Path, article: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    db = str(tmp_path / "ledger.db")
    code, output = run("ingest", str(bad), str(article), "--db", db, "--json")
    assert code == EXIT_INPUT
    report = json.loads(output)
    assert report["stored"] == 1 and report["errors"][0]["reason"] == "empty"
    code, output = run("documents", "--db", db, "--json")
    assert json.loads(output)["errors"][0]["reason"] == "empty"


def test_claims_without_store_explains_how_to_create_one(tmp_path: Path) -> None:
    code, output = run("claims", "--db", str(tmp_path / "none.db"))
    assert code == EXIT_STORE
    assert "reportedly ingest" in output


def test_unknown_stance_is_a_usage_error(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "ledger.db")
    run("ingest", str(article), "--db", db)
    code, output = run("claims", "--db", db, "--stance", "sure")
    assert code == EXIT_USAGE
    assert "confirmed" in output


def test_demo_stores_the_bundled_article(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    code, output = run("demo", "--db", db, "--json")
    assert code == 0
    data = json.loads(output)
    assert len(data["claims"]) >= 10
    code, output = run("claims", "--db", db, "--json")
    assert len(json.loads(output)) == len(data["claims"])


def test_every_verb_has_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.list_commands(None):  # type: ignore[arg-type]
        code, output = run(name, "--help")
        assert code == 0, name
        assert "Usage" in output and len(output) > 100, name


@pytest.fixture
def local_page(tmp_path: Path):
    """A tiny HTTP server on loopback serving one HTML article."""
    import functools
    import http.server
    import threading

    html = (
        "<html><head><title>Pier closed</title></head><body><article><h1>Pier closed</h1>"
        "<p>The harbour authority said on Monday that the east pier would stay closed for repairs "
        "until the spring, after engineers found cracks in several pylons.</p>"
        "<p>Fishermen said the closure had already cost them dearly this season.</p></article></body></html>"
    )
    (tmp_path / "pier.html").write_text(html, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep stderr clean
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # a short poll: shutdown() waits out one (0.5 s by default) after every test
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/pier.html"
    server.shutdown()


def test_url_on_loopback_is_refused_unless_allowed(local_page: str) -> None:
    code, output = run("analyze", local_page)
    assert code == EXIT_INPUT
    assert "--allow-private" in output
    code, output = run("analyze", local_page, "--allow-private", "--json")
    assert code == 0, output
    data = json.loads(output)
    assert data["document"]["url"] == local_page
    assert any(c["source"] and "harbour authority" in c["source"]["text"] for c in data["claims"])


def test_a_runaway_document_is_stopped_and_recorded(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import reportedly

    slow = tmp_path / "slow.txt"
    slow.write_text("The committee said the hearing would resume after the break.", encoding="utf-8")
    real = reportedly.analyze_document

    def sometimes_slow(document, nlp=None):  # noqa: ANN001, ANN202 - test double
        if "committee" in document.text:
            time.sleep(12)
        return real(document, nlp)

    monkeypatch.setattr(reportedly, "analyze_document", sometimes_slow)
    db = str(tmp_path / "ledger.db")
    code, output = run("ingest", str(slow), str(article), "--db", db, "--timeout", "4", "--json")
    assert code == EXIT_INPUT  # 4 s: the good article must finish in time on a loaded 2-core machine
    report = json.loads(output)
    assert report["stored"] == 1
    assert report["errors"][0]["reason"] == "timeout" and "slow.txt" in report["errors"][0]["source"]


def test_ingest_without_a_terminal_prints_plain_progress_lines(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped or under nohup there is no bar: plain lines say the run is alive and how far it got."""
    from reportedly.cli.ingest import PlainProgress

    monkeypatch.setattr(PlainProgress, "every", 0.0)  # a line per document
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, output = run("ingest", str(bad), str(article), "--db", str(tmp_path / "ledger.db"))
    assert code == EXIT_INPUT
    lines = [line for line in output.splitlines() if line.startswith("ingest: ")]
    assert lines[0] == "ingest: loading models" or "ingest: 1 document read" in lines[0]
    assert any(line.startswith("ingest: 1 document read, ") for line in lines), lines  # not "1 documents"
    assert lines[-1].startswith("ingest: 2 documents read, 1 stored, 1 error, ")
    code, output = run("ingest", str(article), "--db", str(tmp_path / "ledger.db"), "--json")
    assert "ingest: " not in output  # --json keeps stderr for errors only
    json.loads(output)
