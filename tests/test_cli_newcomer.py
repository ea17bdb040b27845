"""The command line as a newcomer meets it: a mistyped id, a JSON shape a script can rely on,
tables whose ids can be copied. Each test here was a trap found by trying the verbs from their
--help alone (issue: QA as a new user)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import EXIT_INPUT, app
from reportedly.store import Store
from web_ledgers import ferry_ledger

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.db"
    with Store(path) as store:
        store.save(ferry_ledger(), source="ferry.txt")
    return path


def test_claims_of_an_unknown_document_is_an_error_not_an_empty_list(db: Path) -> None:
    for extra in ([], ["--json"]):
        result = runner.invoke(app, ["claims", "--db", str(db), "--document", "50b7-typo", *extra])
        assert result.exit_code == EXIT_INPUT, result.output
        assert result.stdout == ""
        assert "no document '50b7-typo'; list them with: reportedly documents" in result.output
    known = runner.invoke(
        app, ["claims", "--db", str(db), "--document", ferry_ledger().document.id, "--json"]
    )
    assert known.exit_code == 0
    assert {c["id"] for c in json.loads(known.stdout)} == {"ferry-0", "ferry-1", "ferry-2", "ferry-3"}


def _ids(rows: list[dict]) -> set[str]:
    return {r["id"] for r in rows}


def test_a_source_is_found_by_the_name_articles_write(db: Path) -> None:
    """The claims table shows a mention ("The regional ferry operator") under its entity; typing
    that mention into --source finds the entity's claims, not nothing."""
    with Store(db) as store:
        assert _ids(store.claims(source="the regional ferry operator")) == {"ferry-0"}
        assert _ids(store.claims(source="Portview Ferries")) == {"ferry-0"}
        assert store.claims(source="regional ferry") == []  # a whole mention, not a part of one
    result = runner.invoke(
        app, ["claims", "--db", str(db), "--source", "The regional ferry operator", "--json"]
    )
    assert result.exit_code == 0 and _ids(json.loads(result.stdout)) == {"ferry-0"}


def test_a_source_is_found_by_an_alias_the_user_added(db: Path) -> None:
    """After 'aliases add "Portview Line" "Portview Ferries"', --source "Portview Line" lists
    Portview Ferries' claims: the alias means the same when looking claims up."""
    with Store(db) as store:
        assert store.claims(source="Portview Line") == []
    added = runner.invoke(app, ["aliases", "add", "Portview Line", "Portview Ferries", "--db", str(db)])
    assert added.exit_code == 0, added.output
    result = runner.invoke(app, ["claims", "--db", str(db), "--source", "portview line", "--json"])
    assert result.exit_code == 0 and _ids(json.loads(result.stdout)) == {"ferry-0"}


def test_aliases_add_and_remove_answer_in_json(db: Path) -> None:
    added = runner.invoke(
        app, ["aliases", "add", "the ferry firm", "Portview Ferries", "--db", str(db), "--json"]
    )
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout) == {
        "alias": "the ferry firm",
        "canonical": "Portview Ferries",
        "type": None,
    }
    listed = runner.invoke(app, ["aliases", "--user", "--db", str(db), "--json"])
    assert [r["alias"] for r in json.loads(listed.stdout)] == ["the ferry firm"]
    removed = runner.invoke(app, ["aliases", "remove", "the ferry firm", "--db", str(db), "--json"])
    assert removed.exit_code == 0 and json.loads(removed.stdout) == {"removed": "the ferry firm"}
    again = runner.invoke(app, ["aliases", "remove", "the ferry firm", "--db", str(db), "--json"])
    assert again.exit_code == EXIT_INPUT and again.stdout == ""


def test_export_json_reports_what_was_written(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "ledger.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "--out", str(target), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"format": "csv", "out": str(target), "documents": 1, "files": 1}
    assert target.read_text(encoding="utf-8").count("ferry-") == 4
    folder = tmp_path / "brat"
    brat = runner.invoke(app, ["export", "--db", str(db), "-f", "brat", "--out", str(folder), "--json"])
    assert brat.exit_code == 0, brat.output
    assert json.loads(brat.stdout) == {"format": "brat", "out": str(folder), "documents": 1, "files": 2}
    no_out = runner.invoke(app, ["export", "--db", str(db), "--json"])
    assert no_out.exit_code == 2 and no_out.stdout == "" and "pass --out" in no_out.output


def test_analyze_json_of_a_folder_is_always_a_list(tmp_path: Path) -> None:
    """A script reading ``analyze FOLDER --json`` gets a list whether or not another file in
    the folder failed; before, a folder with one readable article (and an empty file beside it)
    gave a list, and the same folder without the empty file an object."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Mayor says bridge will reopen\n\nThe mayor said the bridge would reopen.\n"
    )
    alone = runner.invoke(app, ["analyze", str(folder), "--json"])
    assert alone.exit_code == 0, alone.output
    assert isinstance(json.loads(alone.stdout), list) and len(json.loads(alone.stdout)) == 1
    (folder / "b.txt").write_text("")
    with_failure = runner.invoke(app, ["analyze", str(folder), "--json"])
    assert with_failure.exit_code == EXIT_INPUT
    assert [type(x) for x in (json.loads(with_failure.stdout),)] == [list]
    one_file = runner.invoke(app, ["analyze", str(folder / "a.txt"), "--json"])
    assert set(json.loads(one_file.stdout)) >= {"document", "claims", "entities"}  # one article: the object


@pytest.mark.parametrize(
    ("head", "phrase"),
    [
        (b"\x7fELF\x02\x01\x01", "looks like an executable, not text"),
        (b"%PDF-1.7\n", "looks like a PDF document, not text"),
        (b"ab\x00cd" * 20, "looks like binary data (contains NUL bytes), not text"),
    ],
)
def test_a_binary_file_is_named_in_plain_english(tmp_path: Path, head: bytes, phrase: str) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(head + b"\x00" * 64)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == EXIT_INPUT
    assert phrase in result.output, result.output


def test_tables_on_an_80_column_terminal_cut_nothing(db: Path) -> None:
    """On 80 columns the documents table cut its ids to "2593f98d19e…" (which then could not be
    pasted into --document) and the claims table cut "said" to "sa…", dates to "2023-0…" and
    sources to "operato…"; ids now keep their width and long cells wrap or fold, so nothing is
    replaced by an ellipsis."""
    doc_id = ferry_ledger().document.id
    listed = runner.invoke(app, ["documents", "--db", str(db)], env={"COLUMNS": "80"})
    assert listed.exit_code == 0
    assert doc_id in listed.stdout and "…" not in listed.stdout, listed.stdout
    claims = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "80"})
    assert claims.exit_code == 0
    assert "…" not in claims.stdout, claims.stdout


def test_the_claims_table_names_each_claims_id(db: Path) -> None:
    """A store's claims table numbered its rows 1, 2, 3 … with nothing saying which document a
    claim came from; each row now carries the claim's id (analysed ones: document id, colon, place)."""
    ledger = ferry_ledger()
    listed = runner.invoke(app, ["claims", "--db", str(db)], env={"COLUMNS": "160"})
    assert listed.exit_code == 0, listed.output
    assert ledger.claims and all(c.id in listed.stdout for c in ledger.claims), listed.stdout
    shown = runner.invoke(app, ["analyze", "-"], input="The mayor said on Monday that the bridge was closed.")
    assert shown.exit_code == 0, shown.output
    # one document: no ids in its table
    assert " · indirect · body" not in shown.stdout and "indirect · body" in shown.stdout


def test_link_json_says_whether_it_linked(db: Path) -> None:
    """'link --json' has "up_to_date" in both of its shapes: false after a run, true when there
    was nothing to do (it was only in the second, so a script had to test for its absence)."""
    first = runner.invoke(app, ["link", "--db", str(db), "--method", "tfidf", "--json"])
    assert first.exit_code == 0, first.output
    ran = json.loads(first.stdout)
    assert ran["up_to_date"] is False and ran["documents"] == 1
    again = json.loads(runner.invoke(app, ["link", "--db", str(db), "--method", "tfidf", "--json"]).stdout)
    assert again["up_to_date"] is True and again["documents"] == 1


def test_serve_read_only_refuses_a_store_that_is_not_there(tmp_path: Path) -> None:
    """'serve --db typo.db' without a token created an empty store and served it, read-only,
    so nothing could ever appear; it now exits 3 before creating anything."""
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["serve", "--db", str(missing)], env={"REPORTEDLY_TOKEN": None})
    assert result.exit_code == 3, result.output
    assert f"no store at '{missing}'" in result.output
    assert not missing.exists()


def test_an_unknown_encoding_is_a_usage_error_before_anything_is_read(db: Path, tmp_path: Path) -> None:
    """'ingest FOLDER --encoding nope' recorded one store error per file and exited 1, as if the
    files were at fault; a bad option is exit 2, said once, and the store is left as it was."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("Mayor says bridge will reopen\n\nThe mayor said it would reopen.\n")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--encoding", "nope"])
    assert result.exit_code == 2, result.output
    assert result.output.count("unknown encoding 'nope'") == 1
    with Store(db) as store:
        assert store.errors() == [] and len(store.documents()) == 1
    analysed = runner.invoke(app, ["analyze", str(folder), "--encoding", "nope", "--json"])
    assert analysed.exit_code == 2 and analysed.stdout == ""
