"""Exports round-trip: what is written can be read back by the tool each format is for."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.export import FORMATS, ExportError, ledgers_from_store, render, write_brat
from reportedly.export.graphml import GRAPHML_NS
from reportedly.export.jsonl import ledger_record
from reportedly.model import Document, Ledger, Span
from reportedly.store import Store
from web_ledgers import (
    FERRY_TEXT,
    HOSTILE_TITLE,
    STORY_ID,
    ferry_ledger,
    followup_ledger,
    hostile_ledger,
    save_story,
)

SCORER = Path(
    os.environ.get(
        "REPORTEDLY_SCORER",
        Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score_attributions.py",
    )
)
G = f"{{{GRAPHML_NS}}}"


def _two_ledgers(store: Store) -> None:
    store.save(ferry_ledger())
    store.save(hostile_ledger())


@pytest.fixture
def store(tmp_path: Path, store_copy: Callable[..., Path]):
    with Store(store_copy(tmp_path / "export.db", _two_ledgers)) as s:
        yield s


def stored(store: Store) -> list[Ledger]:
    return list(ledgers_from_store(store))


def test_jsonl_round_trip(store: Store) -> None:
    text = render(stored(store), "jsonl")
    lines = text.splitlines()
    assert len(lines) == 2 and text.endswith("\n")
    for line in lines:
        record = json.loads(line)
        doc_id = record["document"]["id"]
        expected = store.ledger(doc_id)
        expected["document"]["text"] = store.load(doc_id).document.text
        assert record == expected
    records = {json.loads(line)["document"]["id"]: json.loads(line) for line in lines}
    assert records[ferry_ledger().document.id]["document"]["text"] == FERRY_TEXT


def test_csv_opens_with_the_csv_module(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(render(stored(store), "csv"))))
    assert len(rows) == 6
    by_id = {r["claim_id"]: r for r in rows}
    relayed = by_id["ferry-2"]
    assert relayed["chain"] == "council members → Harbour Authority"
    assert relayed["origin"] == "Harbour Authority"
    assert relayed["quantities"] == "≤2,000,000 euros [point]"
    assert relayed["hedges"] == "could"
    assert by_id["ferry-0"]["dates"] == "Tuesday = 2024-03-12"
    assert by_id["ferry-0"]["quantities"] == "~40 sailings [period]"
    for row in rows:  # offsets in the CSV still cut the evidence from the text
        text = store.load(row["document_id"]).document.text
        assert text[int(row["cue_start"]) : int(row["cue_end"])] == row["cue"]
        spans = json.loads(row["content_spans"])
        assert " … ".join(text[s:e] for s, e in spans) == row["content"]
    assert by_id["water-0"]["document_title"] == HOSTILE_TITLE


def test_csv_defuses_spreadsheet_formulas() -> None:
    text = '=HYPERLINK("http://evil.example") was typed, the clerk said.'
    doc = Document(text=text, title="=1+1", outlet="@outlet")
    ledger = ferry_ledger()
    claim = replace(
        ledger.claims[1],
        id="f-0",
        content=[Span(0, 35, text[:35])],
        cue=replace(ledger.claims[1].cue, start=text.index("said"), end=text.index("said") + 4),
        source=None,
        sentence=None,
    )
    row = next(csv.DictReader(io.StringIO(render([Ledger(doc, [claim])], "csv"))))
    assert row["content"] == "'" + text[:35]
    assert row["document_title"] == "'=1+1"
    assert row["outlet"] == "'@outlet"


def test_prov_json_parses_back_with_prov(store: Store) -> None:
    from prov.model import ProvDocument

    text = render(stored(store), "prov-json")
    document = ProvDocument.deserialize(content=text, format="json")
    assert document == ProvDocument.deserialize(content=render(stored(store), "prov-json"), format="json")
    records = {str(r.identifier): r for r in document.get_records() if r.identifier is not None}
    assert "source:harbour-authority" in records
    assert "claim:ferry-2" in records
    assert "outlet:harbour-gazette" in records
    kinds = {type(r).__name__ for r in document.get_records()}
    assert {"ProvAgent", "ProvEntity", "ProvActivity", "ProvDerivation", "ProvAttribution"} <= kinds

    data = json.loads(text)
    # ferry-2: claim <- council members' statement <- harbour authority's statement (primary source).
    derivations = {(d["prov:generatedEntity"], d["prov:usedEntity"]) for d in data["wasDerivedFrom"].values()}
    assert ("claim:ferry-2", "statement:ferry-2-0") in derivations
    assert ("statement:ferry-2-0", "statement:ferry-2-1") in derivations
    attributed = {(a["prov:entity"], a["prov:agent"]) for a in data["wasAttributedTo"].values()}
    assert ("claim:ferry-2", "source:w1-council-members") in attributed
    assert ("statement:ferry-2-1", "source:harbour-authority") in attributed
    primary = [
        d
        for d in data["wasDerivedFrom"].values()
        if d.get("prov:type", {}).get("$") == "prov:PrimarySource"
        and d["prov:generatedEntity"] == "claim:ferry-2"
    ]
    assert [d["prov:usedEntity"] for d in primary] == ["statement:ferry-2-1"]
    used = {(u["prov:activity"], u["prov:entity"]) for u in data["used"].values()}
    assert ("reporting:ferry-2-0", "statement:ferry-2-1") in used


def test_prov_turtle_parses_back(store: Store) -> None:
    import rdflib
    from prov.model import ProvDocument

    text = render(stored(store), "prov-ttl")
    graph = rdflib.Graph().parse(data=text, format="turtle")
    prov_ns = rdflib.Namespace("http://www.w3.org/ns/prov#")
    claim = rdflib.URIRef("urn:reportedly:claim:ferry-2")
    council = rdflib.URIRef("urn:reportedly:source:w1-council-members")
    assert (claim, prov_ns.wasAttributedTo, council) in graph
    assert (claim, rdflib.RDF.type, prov_ns.Entity) in graph
    assert (council, rdflib.RDF.type, prov_ns.Agent) in graph
    back = ProvDocument.deserialize(content=text, format="rdf", rdf_format="turtle")
    assert any(str(r.identifier) == "source:harbour-authority" for r in back.get_records() if r.identifier)


def test_graphml_parses_and_holds_the_chains(store: Store) -> None:
    root = ET.fromstring(render(stored(store), "graphml"))
    graph = root.find(f"{G}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = {k.get("id"): k.get("attr.name") for k in root.findall(f"{G}key")}
    nodes = {}
    for node in graph.findall(f"{G}node"):
        data = {keys[d.get("key")]: d.text for d in node.findall(f"{G}data")}
        nodes[node.get("id")] = data
    assert len(nodes) == len(graph.findall(f"{G}node"))  # ids are unique
    edges = []
    for edge in graph.findall(f"{G}edge"):
        assert edge.get("source") in nodes and edge.get("target") in nodes
        data = {keys[d.get("key")]: d.text for d in edge.findall(f"{G}data")}
        edges.append((edge.get("source"), edge.get("target"), data))
    assert (
        "source:w1-council-members",
        "source:harbour-authority",
        {"kind": "relays", "claim": "ferry-2", "cue": "told"},
    ) in edges
    assert nodes["claim:ferry-2"]["stance"] == "reported"
    assert nodes["source:w1-council-members"]["anonymous"] == "true"
    hostile = hostile_ledger().document.id
    assert (
        nodes[f"article:{hostile}"]["label"] == HOSTILE_TITLE
    )  # escaped on the way out, intact on the way in


def test_brat_export_scores_perfectly_against_itself(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    written = write_brat(stored(store), folder)
    assert len(written) == 4
    ferry = ferry_ledger().document.id
    assert (folder / f"{ferry}.txt").read_text(encoding="utf-8") == FERRY_TEXT
    if not SCORER.exists():
        pytest.skip(f"shared scorer not found at {SCORER}")
    result = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--text",
            str(folder),
            "--gold",
            str(folder),
            "--pred",
            str(folder),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout)
    assert scores["documents"] == 2
    assert scores["counts"]["gold_relations"] == scores["counts"]["pred_relations"] == 6
    for key in ("source_exact", "cue_exact", "content_exact", "relation_exact", "relation_lenient"):
        assert scores[key] == [1.0, 1.0, 1.0], key


def test_brat_render_needs_exactly_one_document(store: Store) -> None:
    with pytest.raises(ExportError, match="one .ann"):
        render(stored(store), "brat")
    ann = render([store.load(ferry_ledger().document.id)], "brat")
    assert [line.split("\t")[0] for line in ann.splitlines() if line.startswith("E")] == [
        "E1",
        "E2",
        "E3",
        "E4",
    ]


def test_unknown_format() -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        render([], "pdf")
    assert set(FORMATS) == {"jsonl", "csv", "brat", "prov-json", "prov-ttl", "graphml"}


def test_record_keeps_text_beside_offsets() -> None:
    record = ledger_record(ferry_ledger())
    assert record["document"]["text"] == FERRY_TEXT
    assert record["claims"][0]["cue"]["text"] == "said"


# ---------------------------------------------------------------- the CLI verb


@pytest.fixture
def db_file(store: Store, tmp_path: Path) -> Path:
    return tmp_path / "export.db"


def test_cli_exports_each_format(db_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ferry = ferry_ledger().document.id
    for fmt in ("jsonl", "csv", "prov-json", "prov-ttl", "graphml"):
        out = tmp_path / f"all.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db_file)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    result = runner.invoke(app, ["export", "--format", "csv", "--document", ferry, "--db", str(db_file)])
    assert result.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 4
    folder = tmp_path / "brat-out"
    result = runner.invoke(app, ["export", "--format", "brat", "--out", str(folder), "--db", str(db_file)])
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in folder.iterdir()) == [".ann", ".ann", ".txt", ".txt"]
    result = runner.invoke(app, ["export", "--format", "brat", "--document", ferry, "--db", str(db_file)])
    assert result.exit_code == 0 and result.stdout.startswith("T1\t")


def test_cli_export_errors(db_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--format", "pdf", "--db", str(db_file)]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "brat", "--db", str(db_file)]).exit_code == 2
    missing = runner.invoke(app, ["export", "--document", "nope", "--db", str(db_file)])
    assert missing.exit_code == 1 and "nope" in missing.output
    both = runner.invoke(app, ["export", "--document", "a", "--story", "b", "--db", str(db_file)])
    assert both.exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "absent.db")]).exit_code == 3


def test_cli_exports_a_story(db_file: Path) -> None:
    with Store(db_file) as store:
        save_story(store)
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--format", "csv", "--story", STORY_ID, "--db", str(db_file)])
    assert result.exit_code == 0, result.output
    documents = {row["document_id"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert documents == {ferry_ledger().document.id, followup_ledger().document.id}
    missing = runner.invoke(app, ["export", "--story", "nope", "--db", str(db_file)])
    assert missing.exit_code == 1 and "nope" in missing.output
