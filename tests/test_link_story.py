"""Stories end to end on the fixture corpus (tests/fixtures/story): nine articles from eight
fictional outlets about North Korean troops in Russia, plus three distractors (a ferry terminal
and two reports of one central-bank decision).

Every behaviour of the story ledger is checked with exact expectations: story membership,
claim clusters, outlets vs independent origins, the four kinds of conflict, measures and
timelines, and the CLI's JSON shapes. Both text-similarity methods are run: the packaged
sentence model (skipped when it is not installed) and the TF-IDF fallback.

The linking tests read the fixture's ledgers from ``ledgers.json`` (what extraction produced
for these texts, checked by hand), so they pin the link stage and do not move when extraction
improves; one end-to-end test runs today's extraction on the texts and checks the headline
behaviours. Claims are named by fixture file and content, not by ordinal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import reportedly
from reportedly.cli import app
from reportedly.ingest import to_date
from reportedly.ingest.layout import parse_layout
from reportedly.link import (
    MINILM,
    TFIDF,
    LinkResult,
    MiniLMEmbedder,
    TfidfEmbedder,
    ensure_linked,
    link_store,
)
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    ClaimRef,
    Cue,
    Document,
    Entity,
    EntityType,
    Ledger,
    Measure,
    Quantity,
    QuantityScope,
    Section,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    TimeExpr,
)
from reportedly.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "story"
STORY = {f"a{i}" for i in range(1, 10)}
TROOPS = "North Korean troops deployed in Russia"
CONTAINERS = "containers sent in Russia"

# The sentence model's variants load torch and MiniLM (about 6 s of CPU): the fast lane runs the
# same tests on TF-IDF; the whole suite runs both.
METHODS = [pytest.param(MINILM, marks=pytest.mark.slow), TFIDF]


def fixture_documents() -> list[Document]:
    docs = []
    with (FIXTURES / "meta.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (FIXTURES / row["file"]).read_text(encoding="utf-8")
            doc = parse_layout(text, outlet=row["outlet"], published=row["published"])
            doc.meta["file"] = row["file"]
            docs.append(doc)
    return docs


def _entity(d: dict, aliases: dict[str, list[str]]) -> Entity:
    return Entity(
        d["entity_id"],
        d["entity"],
        EntityType(d["type"]),
        list(aliases.get(d["entity_id"], [])),
        d["anonymous"],
    )


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def load_ledger(data: dict) -> Ledger:
    """A ledger from ``Ledger.to_dict()`` plus the document text (how ledgers.json is written)."""
    d = data["document"]
    text = d["text"]
    doc = Document(
        text=text,
        id=d["id"],
        title=d["title"],
        subtitle=d["subtitle"],
        outlet=d["outlet"],
        url=d["url"],
        published=to_date(d["published"], None),
        dateline=Span(d["dateline"]["start"], d["dateline"]["end"], d["dateline"]["text"])
        if d["dateline"]
        else None,
        byline=d["byline"],
        paragraphs=[_span(text, a, b) for a, b in d["paragraphs"]],
        sections=[Section(SectionKind(x["kind"]), x["start"], x["end"]) for x in d["sections"]],
        meta=d["meta"],
    )
    aliases = {e["id"]: e["aliases"] for e in data["entities"]}
    claims = []
    for c in data["claims"]:
        src = c["source"]
        source = None
        if src:
            ent = _entity(src, aliases) if src["entity_id"] else None
            source = SourceMention(src["start"], src["end"], src["text"], ent)
        claims.append(
            Claim(
                id=c["id"],
                kind=ClaimKind(c["kind"]),
                section=SectionKind(c["section"]),
                stance=Stance(c["stance"]),
                cue=Cue(c["cue"]["start"], c["cue"]["end"], c["cue"]["text"], c["cue"]["lemma"]),
                content=[_span(text, a, b) for a, b in c["content"]["spans"]],
                source=source,
                chain=[
                    ChainLink(
                        _entity(link, aliases),
                        link["cue"],
                        _span(text, link["mention"]["start"], link["mention"]["end"])
                        if link["mention"]
                        else None,
                    )
                    for link in c["chain"]
                ],
                quantities=[
                    Quantity(
                        q["start"],
                        q["end"],
                        q["text"],
                        q["value"],
                        q["low"],
                        q["high"],
                        q["approximate"],
                        q["unit"],
                        QuantityScope(q["scope"]),
                        q["attribute"],
                        Measure.from_dict(q["measure"]) if q.get("measure") else None,
                    )
                    for q in c["quantities"]
                ],
                times=[
                    TimeExpr(t["start"], t["end"], t["text"], t["resolved"], t["granularity"])
                    for t in c["times"]
                ],
                negated=c["negated"],
                hedges=list(c["hedges"]),
                inverted=c["inverted"],
                sentence=_span(text, c["sentence"]["start"], c["sentence"]["end"]) if c["sentence"] else None,
            )
        )
    entities = [
        Entity(e["id"], e["name"], EntityType(e["type"]), list(e["aliases"]), e["anonymous"])
        for e in data["entities"]
    ]
    return Ledger(doc, claims, entities)


@pytest.fixture(scope="module")
def ledgers() -> list[Ledger]:
    data = json.loads((FIXTURES / "ledgers.json").read_text(encoding="utf-8"))
    out = [load_ledger(d) for d in data]
    for led in out:
        assert led.validate() == []
    return out


def test_frozen_ledgers_match_the_fixture_texts(ledgers: list[Ledger]) -> None:
    """ledgers.json was made from exactly these texts and dates."""
    docs = {d.id: d for d in fixture_documents()}
    assert set(docs) == {led.document.id for led in ledgers}
    for led in ledgers:
        assert led.document.published == docs[led.document.id].published
        assert led.document.outlet == docs[led.document.id].outlet


@pytest.mark.slow  # analyses and links the fixture corpus
@pytest.mark.usefixtures("minilm")
def test_end_to_end_with_todays_extraction(tmp_path: Path) -> None:
    """Analyse the texts now, store, link: the story forms and the count conflicts are found."""
    docs = fixture_documents()
    short = {d.id: d.meta["file"][:2] for d in docs}
    with Store(tmp_path / "live.db") as store:
        for led in reportedly.analyze_many(docs):
            store.save(led)
        result = link_store(store, embedder=MiniLMEmbedder())
        groups = sorted(sorted(short[d] for d in s.documents) for s in result.stories)
        assert ["d2", "d3"] in groups and ["d1"] in groups
        assert any({"a4", "a5", "a6", "a7", "a8"} <= set(g) for g in groups)
        kinds = {(c.kind.value, short[c.a.document_id], short[c.b.document_id]) for c in store.conflicts()}
        assert {("numeric", "a4", "a6"), ("internal", "a9", "a9")} <= kinds


@pytest.fixture(scope="module")
def names(ledgers: list[Ledger]) -> dict[str, str]:
    """document id -> fixture short name ("a4", "d2")."""
    return {led.document.id: led.document.meta["file"][:2] for led in ledgers}


class Linked:
    def __init__(self, store: Store, result: LinkResult, names: dict[str, str]) -> None:
        self.store, self.result, self.names = store, result, names

    def ref(self, r: ClaimRef) -> tuple[str, str]:
        return self.names[r.document_id], r.content.text

    def story_of(self, short: str) -> str:
        doc = next(d for d, n in self.names.items() if n == short)
        return next(s.id for s in self.result.stories if doc in s.documents)


@pytest.fixture(scope="module", params=METHODS)
def linked(
    request: pytest.FixtureRequest,
    ledgers: list[Ledger],
    names: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Linked]:
    if request.param == MINILM:
        request.getfixturevalue("minilm")  # skips where the sentence model is not installed
    store = Store(tmp_path_factory.mktemp(request.param) / "story.db")
    for led in ledgers:
        store.save(led)
    embedder = MiniLMEmbedder() if request.param == MINILM else TfidfEmbedder()
    result = link_store(store, embedder=embedder)
    yield Linked(store, result, names)
    store.close()


def method(linked: Linked) -> str:
    return linked.result.method


# -- 1. ingest ---------------------------------------------------------------------------------


def test_fixture_corpus_ingests_from_jsonl_idempotently(tmp_path: Path) -> None:
    jsonl = tmp_path / "corpus.jsonl"
    with (FIXTURES / "meta.tsv").open(encoding="utf-8") as fh, jsonl.open("w", encoding="utf-8") as dst:
        for row in csv.DictReader(fh, delimiter="\t"):
            record = {
                "text": (FIXTURES / row["file"]).read_text(encoding="utf-8"),
                "outlet": row["outlet"],
                "published": row["published"],
                "url": f"fixture:{row['file']}",
            }
            dst.write(json.dumps(record) + "\n")
    db = str(tmp_path / "corpus.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(jsonl), "--db", db, "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["stored"] == 12
    again = json.loads(runner.invoke(app, ["ingest", str(jsonl), "--db", db, "--json"]).stdout)
    assert (again["stored"], again["unchanged"]) == (0, 12)


# -- 2. cross-document entities ------------------------------------------------------------------


def test_canonical_entities_across_documents(linked: Linked) -> None:
    index = linked.result.entities
    assert index is not None
    by_key = {c.key: c for c in index.all()}
    # the surname alone in one article is the full name met in another (the only Singh)
    assert {"sabrina-singh", "singh"} <= by_key["person:sabrina-singh"].members
    assert {"ilse-brandt", "brandt"} <= by_key["person:ilse-brandt"].members
    # "Kim" could be Kim Yo Jong or Kim Jong Un: never merged with either
    assert "kim" not in by_key["person:kim-jong"].members
    assert any(c.members == {"kim"} for c in index.all())
    # "Seoul's spy agency" and "the National Intelligence Service" are one source
    assert by_key["national-intelligence-service"].name == "National Intelligence Service"
    # unnamed groups stay one entity per article (never merged across articles), and share one
    # description across them, which independence compares with the dates
    us = [c for c in index.all() if c.group == "anon:u.s. official"]
    assert len(us) == 4 and all(c.anonymous and len(c.members) == 1 for c in us)  # a1, a2, a3, a8


# -- 3. stories ----------------------------------------------------------------------------------


def test_stories_group_the_articles_and_keep_distractors_apart(linked: Linked) -> None:
    groups = sorted(sorted(linked.names[d] for d in s.documents) for s in linked.result.stories)
    # rare words ("North Korean", "Kursk", "containers") tie the nine articles together with either
    # text method; the ferry story and the central bank's decision stay apart
    assert groups == [["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"], ["d1"], ["d2", "d3"]]
    rows = linked.store.stories(min_documents=2)
    assert all(r["documents"] >= 2 for r in rows)
    assert len(linked.store.stories()) == len(linked.result.stories)
    assert {r["title"] for r in rows if r["documents"] == 2 and "bank" in r["title"]}


# -- 4. claim clusters ---------------------------------------------------------------------------


def clusters(linked: Linked) -> dict[str, set[tuple[str, str]]]:
    return {c.label: {linked.ref(r) for r in c.claims} for s in linked.result.stories for c in s.clusters}


def test_claim_clusters(linked: Linked) -> None:
    found = [
        (c.label, c.measure, {linked.ref(r) for r in c.claims})
        for s in linked.result.stories
        for c in s.clusters
    ]
    members = [m for _label, _measure, m in found]
    # the wire story and its copy state the same things: one cluster per statement
    assert {
        ("a2", "that the soldiers had been issued Russian uniforms and equipment"),
        ("a3", "that the soldiers had been issued Russian uniforms and equipment"),
    } in members
    # a figure two outlets state for one measure and day is one proposition, a cluster of its own
    moving = next(
        m for label, measure, m in found if measure == "North Korean troops deployed in Russia (west)"
    )
    assert {n for n, _ in moving} == {"a2", "a3"}
    # different figures for one measure are not one proposition: no cluster holds two of them
    figures = {"more than 11,000", "about 3,000", "about 11,000", "some 12,000"}
    for m in members:
        assert sum(any(f in text for f in figures) for _n, text in m) <= 2
        assert not (
            {("a6", "that about 3,000 North Korean troops were in Russia, far fewer than other estimates")}
            <= m
            and any("11,000" in t for _n, t in m)
        )
    # denials and negations never corroborate the confirmations they contradict
    for m in members:
        texts = {t for _n, t in m}
        assert not (
            "North Koreans in Russia in place but not in combat" in texts
            and "North Korean troops have entered combat in Russia" in texts
        )
    assert {
        ("d2", "that it would keep its main interest rate unchanged"),
        ("d3", "that it would keep its main interest rate unchanged on Thursday"),
    } in members
    # nothing from the ferry article, which no other article reports
    assert not any(n == "d1" for m in members for n, _ in m)


# -- 5. independence -----------------------------------------------------------------------------


def cluster(linked: Linked, label: str):  # noqa: ANN201
    """The largest cluster with this label (TF-IDF leaves the wire story's troops in a story of their own)."""
    return max(
        (c for s in linked.result.stories for c in s.clusters if c.label == label),
        key=lambda c: len(c.claims),
    )


def test_independent_origins_are_counted_not_articles(linked: Linked) -> None:
    uniforms = cluster(linked, "The soldiers had been issued Russian uniforms and equipment")
    # the wire story and its copy: two outlets, one briefing
    assert (len(uniforms.outlets), uniforms.independent_origins) == (2, 1)
    assert uniforms.origins[0].key == "anon:u.s. official@2024-11-05"
    moving = next(c for s in linked.result.stories for c in s.clusters if c.measure and "(west)" in c.measure)
    assert (len(moving.outlets), moving.independent_origins) == (2, 1)  # the same briefing relayed
    stored, _docs = linked.store.story(uniforms.story_id)
    again = next(c for c in stored.clusters if c.id == uniforms.id)
    assert again.to_dict()["independent_origins"] == uniforms.independent_origins
    assert again.to_dict()["outlets"] == len(uniforms.outlets)


# -- 6. conflicts --------------------------------------------------------------------------------


def conflicts(linked: Linked) -> set[tuple[str, str, str]]:
    return {
        (c.kind.value, linked.names[c.a.document_id], linked.names[c.b.document_id])
        for c in linked.store.conflicts()
    }


def test_conflicts(linked: Linked) -> None:
    expected = {
        # numbers for one measure, days apart, that cannot both hold: "about 3,000" against
        # "more than 11,000", "about 11,000" and "some 12,000" is one disagreement, one row
        ("numeric", "a4", "a6"),
        # one article dating one NIS briefing to two days
        ("internal", "a9", "a9"),
    }
    if method(linked) == MINILM:
        expected |= {
            ("stance", "a5", "a7"),  # confirmed by Seoul and the NIS, denied by the Kremlin (twice)
            ("polarity", "a5", "a6"),  # entered combat vs "in place but not in combat" (headline)
            ("polarity", "a4", "a6"),  # some entered combat vs had not entered combat yet
        }
        assert len(linked.store.conflicts(kind="stance")) == 2
    else:
        expected |= {("stance", "a4", "a7"), ("stance", "a5", "a7"), ("polarity", "a4", "a6")}
        assert len(linked.store.conflicts(kind="polarity")) == 2
    assert conflicts(linked) == expected
    assert len(linked.store.conflicts()) == 6
    (numeric,) = linked.store.conflicts(kind="numeric")
    others = {linked.names[r.document_id] for r in numeric.a_also + numeric.b_also}
    assert {"a7", "a8"} <= others  # the other reports of the high count, on the row


def test_conflicts_carry_both_evidence_spans(linked: Linked, ledgers: list[Ledger]) -> None:
    texts = {led.document.id: led.document.text for led in ledgers}
    (internal,) = linked.store.conflicts(kind="internal")
    assert "“Tuesday” (2024-11-19)" in internal.why and "“Wednesday” (2024-11-20)" in internal.why
    for c in linked.store.conflicts():
        for ref in (c.a, c.b):
            assert texts[ref.document_id][ref.content.start : ref.content.end] == ref.content.text
    # one row for the disagreement, every report of each side on it with its evidence
    (numeric,) = linked.store.conflicts(kind="numeric")
    sides = [
        {r.content.text for r in (ref, *also)}
        for ref, also in ((numeric.a, numeric.a_also), (numeric.b, numeric.b_also))
    ]
    high = "that about 11,000 North Korean soldiers were in Russia"
    low = "that about 3,000 North Korean troops were in Russia, far fewer than other estimates"
    assert any(high in x and low in y for x, y in (sides, sides[::-1]))
    for ref in numeric.a_also + numeric.b_also:
        assert texts[ref.document_id][ref.content.start : ref.content.end] == ref.content.text


# -- 7. timelines --------------------------------------------------------------------------------


def test_measures_and_timeline(linked: Linked) -> None:
    measures = {
        m["measure"]: (m["points"], m["documents"], m["first"], m["last"]) for m in linked.store.measures()
    }
    assert measures == {
        TROOPS: (6, 5, "2024-11-04", "2024-11-18"),
        # "thousands … moving toward the front line in western Russia": a part of the country
        "North Korean troops deployed in Russia (west)": (2, 2, "2024-11-05", "2024-11-06"),
        CONTAINERS: (2, 2, "2024-10-01", "2024-11-21"),  # "said last month" dates the first to October
    }
    points = [
        (
            p.date.isoformat(),
            p.value,
            p.low,
            p.high,
            p.source,
            p.stance.value,
            linked.names[p.document_id],
            p.evidence.text,
        )
        for p in linked.store.timeline(TROOPS)
    ]
    assert points == [
        ("2024-11-04", 10000.0, None, None, "Pentagon", "asserted", "a1", "About 10,000"),  # the headline
        ("2024-11-04", 10000.0, None, None, "Sabrina Singh", "asserted", "a1", "about 10,000"),
        (
            "2024-11-13",
            11000.0,
            11000.0,
            None,
            "National Intelligence Service",
            "asserted",
            "a4",
            "more than 11,000",
        ),
        ("2024-11-15", 11000.0, None, None, "Singh", "asserted", "a7", "about 11,000"),
        (
            "2024-11-15",
            3000.0,
            None,
            None,
            "Ukrainian military intelligence official",
            "estimated",
            "a6",
            "about 3,000",
        ),
        ("2024-11-18", 12000.0, None, None, "U.S. officials", "asserted", "a8", "some 12,000"),
    ]


def test_timeline_plot(linked: Linked, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from reportedly.link.plot import plot_timeline

    points = linked.store.timeline(TROOPS)
    for suffix in (".png", ".svg"):
        path = plot_timeline(TROOPS, points, tmp_path / f"troops{suffix}")
        assert path.stat().st_size > 1000
    with pytest.raises(ValueError, match="png or .svg"):
        plot_timeline(TROOPS, points, tmp_path / "troops.pdf")


# -- incremental linking -------------------------------------------------------------------------


class Counting(TfidfEmbedder):
    """TF-IDF that pretends to be cacheable, to count what a re-link embeds again."""

    method = "counting"
    cacheable = True

    def __init__(self) -> None:
        super().__init__()
        self.encoded = 0

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.encoded += len(texts)
        return super().encode(texts)


def test_relinking_reuses_vectors_and_skips_when_nothing_changed(
    ledgers: list[Ledger], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportedly.link import embed

    monkeypatch.setitem(embed.THRESHOLDS, "counting", embed.THRESHOLDS[TFIDF])
    with Store(tmp_path / "inc.db") as store:
        for led in ledgers[:6]:
            store.save(led)
        emb = Counting()
        assert ensure_linked(store, embedder=emb) is not None
        first = emb.encoded
        assert first == 6 + sum(len(led.claims) for led in ledgers[:6])
        assert ensure_linked(store, embedder=emb) is None  # up to date: nothing to do
        for led in ledgers[6:]:
            store.save(led)
        assert ensure_linked(store, embedder=emb) is not None
        # only the new documents and their claims were embedded
        assert emb.encoded - first == 6 + sum(len(led.claims) for led in ledgers[6:])
        store.add_user_alias("Harbor Ledger", "Harbour Ledger Group")
        assert ensure_linked(store, embedder=emb) is not None  # a new alias is a change


# -- CLI JSON shapes -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_db(ledgers: list[Ledger], tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("cli") / "cli.db"
    with Store(db) as store:
        for led in ledgers:
            store.save(led)
    return str(db)


def run(*args: str) -> object:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_json_shapes(cli_db: str) -> None:
    summary = run("link", "--db", cli_db, "--method", "tfidf")
    assert (summary["documents"], summary["claims"] > 40, summary["method"]) == (12, True, "tfidf")
    assert run("link", "--db", cli_db, "--method", "tfidf")["up_to_date"] is True
    listed = run("stories", "--db", cli_db, "--method", "tfidf")
    assert [s["documents"] for s in listed] == [9, 2]
    story = run("story", listed[0]["id"], "--db", cli_db, "--method", "tfidf")
    assert {"id", "documents", "clusters", "conflicts"} <= set(story)
    assert {"id", "title", "outlet", "published"} <= set(story["documents"][0])
    first = story["clusters"][0]
    assert {"id", "claims", "outlets", "independent_origins", "origins"} <= set(first)
    assert {"id", "document", "outlet", "source", "stance", "evidence"} <= set(first["claims"][0])
    found = run("conflicts", "--db", cli_db, "--method", "tfidf")
    assert {c["kind"] for c in found} == {"numeric", "polarity", "stance", "internal"}
    assert {"kind", "a", "b", "why"} <= set(found[0])
    assert not any(c["declined"] for c in found)
    # The link summary counts what `conflicts` lists, and the declined pairs apart (it counted
    # both together: 94 "conflicts" on the Derna corpus, where `conflicts` listed 24).
    declined = run("conflicts", "--db", cli_db, "--method", "tfidf", "--declined")
    assert (summary["conflicts"], summary["declined_pairs"]) == (len(found), len(declined))
    assert sum(summary["conflicts_by_kind"].values()) == len(found)
    assert [
        c["kind"] for c in run("conflicts", "--db", cli_db, "--method", "tfidf", "--kind", "internal")
    ] == ["internal"]
    measures = run("timeline", "--db", cli_db, "--method", "tfidf")
    assert [m["measure"] for m in measures] == [
        TROOPS,
        "North Korean troops deployed in Russia (west)",
        CONTAINERS,
    ]
    series = run("timeline", "--db", cli_db, "--method", "tfidf", "--measure", CONTAINERS)
    assert series["measure"] == CONTAINERS
    assert [(p["date"], p["value"], p["source"]) for p in series["points"]] == [
        ("2024-10-01", 7000.0, "South Korea"),
        ("2024-11-21", 13000.0, "South Korea"),
    ]
    assert set(series["points"][0]) >= {
        "date",
        "value",
        "low",
        "high",
        "unit",
        "source",
        "stance",
        "document",
        "evidence",
    }
    assert set(series["points"][0]["evidence"]) == {"start", "end", "text"}


def test_cli_errors_are_sentences(cli_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 3 and "reportedly ingest" in missing.output
    unknown = runner.invoke(app, ["story", "s-nope", "--db", cli_db, "--method", "tfidf"])
    assert unknown.exit_code == 1 and "reportedly stories" in unknown.output
    kind = runner.invoke(app, ["conflicts", "--kind", "rumour", "--db", cli_db])
    assert kind.exit_code == 2 and "numeric" in kind.output
    measure = runner.invoke(
        app, ["timeline", "--measure", "North Korean troops", "--db", cli_db, "--method", "tfidf"]
    )
    assert measure.exit_code == 1 and TROOPS in measure.output


def test_aliases_verb_adds_removes_and_refuses_to_merge_people(cli_db: str) -> None:
    runner = CliRunner()
    added = runner.invoke(
        app,
        [
            "aliases",
            "add",
            "Northline Wire",
            "Northline News Service",
            "--db",
            cli_db,
            "--type",
            "media_outlet",
        ],
    )
    assert added.exit_code == 0, added.output
    assert run("aliases", "--db", cli_db, "--user")[0]["canonical"] == "Northline News Service"
    people = runner.invoke(app, ["aliases", "add", "Sabrina Singh", "Ilse Brandt", "--db", cli_db])
    assert people.exit_code == 2 and "different people" in people.output
    sources = run("aliases", "--db", cli_db)
    spy = next(s for s in sources if s["key"] == "national-intelligence-service")
    assert "NIS" in spy["aliases"]
    assert runner.invoke(app, ["aliases", "remove", "Northline Wire", "--db", cli_db]).exit_code == 0
    assert run("aliases", "--db", cli_db, "--user") == []


def test_link_summary_counts_conflicts_and_declined_pairs_apart() -> None:
    """The summary `link` prints counted the declined pairs as conflicts (94 "conflicts" on the
    Derna corpus, where `conflicts` listed 24): it now counts them apart."""
    from reportedly.link.pipeline import LinkResult
    from reportedly.model import Span, Stance
    from reportedly.model.stories import ClaimRef, Conflict, ConflictKind

    def ref(n: int) -> ClaimRef:
        text = Span(0, 4, "Text")
        return ClaimRef(f"d{n}:0", f"d{n}", "Outlet", None, "police", "police", Stance.ASSERTED, False, text)

    shown = Conflict(ConflictKind.NUMERIC, ref(1), ref(2), "12 against 40 killed")
    update = Conflict(ConflictKind.NUMERIC, ref(1), ref(3), "a later figure", declined=True)
    part = Conflict(ConflictKind.NUMERIC, ref(2), ref(3), "a part and its whole", declined=True)
    summary = LinkResult([], [shown, update, part], [], "tfidf", 3, 3).summary()
    assert (summary["conflicts"], summary["declined_pairs"]) == (1, 2)
    assert summary["conflicts_by_kind"] == {"numeric": 1}
