"""The story-corpus scorers: reading a corpus, placing gold quotes, and every figure on hand-built links.

The figures are checked on ledgers and links built by hand at the quotes of a small corpus written
for these tests (tests/fixtures/stories/mini: a fictional ferry accident and a distractor), so the
expected numbers can be worked out on paper; one CLI test runs the real pipeline end to end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.corpora.stories import CorpusError, load_story_corpus, read_article
from reportedly.eval.claims import same_name, score_claims
from reportedly.eval.matching import best_claim, locate, quantity_in
from reportedly.eval.stories import score_links, story_bcubed
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimCluster,
    ClaimKind,
    ClaimRef,
    Conflict,
    ConflictKind,
    Cue,
    Entity,
    Ledger,
    Origin,
    Quantity,
    SectionKind,
    SourceMention,
    Span,
    Stance,
    Story,
)

MINI = Path(__file__).parent / "fixtures" / "stories" / "mini"
F1, F2, F3 = (
    "01_harbour-post_2025-03-03.txt",
    "02_coast-daily_2025-03-04.txt",
    "03_valley-news_2025-03-04.txt",
)


@pytest.fixture(scope="module")
def corpus():
    return load_story_corpus(MINI)


def _claim(
    ledger: Ledger,
    quote: str,
    cid: str,
    *,
    source: str = "coast guard",
    number: float | None = None,
    stance: Stance = Stance.ASSERTED,
    chain: tuple[str, ...] = (),
) -> Claim:
    text = ledger.document.text
    at = text.index(quote)
    content = Span(at, at + len(quote), quote)
    quantities = []
    if number is not None:
        digits = str(int(number))
        q_at = text.index(digits, at)
        quantities.append(
            Quantity(q_at, q_at + len(digits), digits, value=number, low=number, high=number, unit="people")
        )
    entity = Entity(source.replace(" ", "-"), source)
    claim = Claim(
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=stance,
        cue=Cue(at, at, "", "say"),
        content=[content],
        source=SourceMention(0, 0, "", entity),
        quantities=quantities,
        id=cid,
        chain=[ChainLink(Entity(n.replace(" ", "-"), n)) for n in chain] or [ChainLink(entity)],
    )
    ledger.claims.append(claim)
    return claim


@pytest.fixture()
def ledgers(corpus):
    out = {f: Ledger(corpus.articles[f].document) for f in corpus.articles}
    _claim(out[F1], "12 people had died", "a1", number=12)
    _claim(out[F1], "We are still searching for 40 people", "a2", source="Amal Rivers", number=40)
    _claim(out[F1], "that the ferry was overloaded", "a3", source="Blue Line", stance=Stance.DENIED)
    _claim(out[F2], "19 people had died after the ferry capsized off Port Ellis", "b1", number=19)
    _claim(out[F2], "the ferry was overloaded when it left the harbour", "b2", source="survivors")
    _claim(out[F2], "33 people were still missing", "b3", source="Amal Rivers", number=33)
    _claim(out[F3], "300 farms had reported frost damage", "c1", source="growers", number=300)
    return out


def _ref(ledgers, claim_id: str) -> ClaimRef:
    for led in ledgers.values():
        for c in led.claims:
            if c.id == claim_id:
                return ClaimRef.from_claim(c, led.document)
    raise KeyError(claim_id)


def test_reading_a_corpus_keeps_the_header_out_of_the_text(corpus):
    doc = corpus.articles[F1].document
    assert doc.title == "Ferry capsizes off Port Ellis, dozens missing"
    assert doc.outlet == "Harbour Post" and str(doc.published) == "2025-03-03"
    assert doc.text.startswith("PORT ELLIS (Wire)")
    assert corpus.missing == ["04_not-collected_2025-03-05.txt"]
    assert not corpus.articles[F3].in_story


def test_a_file_without_the_header_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_text("just a text\nwith two lines\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="5-line header"):
        read_article(bad)
    with pytest.raises(CorpusError, match="gold.json"):
        load_story_corpus(tmp_path)


def test_bcubed_by_hand():
    gold = {"a": "s", "b": "s", "c": "s", "d": "x"}
    assert story_bcubed(gold, {"a": 1, "b": 1, "c": 1, "d": 2})["f1"] == 1.0
    split = story_bcubed(gold, {"a": 1, "b": 1, "c": 2, "d": 3})
    # recall: a, b see 2 of 3; c sees 1 of 3; d 1 of 1 -> (2/3 + 2/3 + 1/3 + 1) / 4
    assert split["precision"] == 1.0 and split["recall"] == pytest.approx(
        (2 / 3 * 2 + 1 / 3 + 1) / 4, abs=1e-4
    )
    merged = story_bcubed(gold, {"a": 1, "b": 1, "c": 1, "d": 1})
    assert merged["recall"] == 1.0 and merged["precision"] == pytest.approx((3 / 4 * 3 + 1 / 4) / 4, abs=1e-4)


def test_quotes_find_the_tightest_claim_and_the_gold_number(ledgers):
    text = ledgers[F2].document.text
    where = locate(text, "19 people had died", F2)
    assert best_claim(ledgers[F2].claims, where).id == "b1"
    claim, pos, q = quantity_in(ledgers[F2].claims, where, 19, 19, 19)
    assert (claim.id, q.value) == ("b1", 19)
    assert locate(text, "not in this text", F2) is None


def test_every_story_figure_on_hand_built_links(corpus, ledgers):
    cluster = ClaimCluster(
        "k1",
        "s1",
        "deaths",
        claims=[_ref(ledgers, "a1"), _ref(ledgers, "b1")],
        origins=[Origin("coast-guard", "coast guard", claims=["a1", "b1"])],
    )
    stories = [
        Story(
            "s1", "ferry", documents=[ledgers[F1].document.id, ledgers[F2].document.id], clusters=[cluster]
        ),
        Story("s2", "harvest", documents=[ledgers[F3].document.id]),
    ]
    conflicts = [
        # the trap: an update by the same origin
        Conflict(ConflictKind.NUMERIC, _ref(ledgers, "a1"), _ref(ledgers, "b1"), "12 vs 19"),
        # the real one
        Conflict(ConflictKind.POLARITY, _ref(ledgers, "b2"), _ref(ledgers, "a3"), "overloaded or not"),
    ]
    series = {
        ("a1", 0): "people killed",
        ("b1", 0): "people killed",
        ("a2", 0): "people missing",
        ("b3", 0): "people unaccounted",
        ("c1", 0): "people killed",
    }
    r = score_links(corpus.gold, ledgers, stories, conflicts, series)
    assert r["stories"]["f1"] == 1.0
    # gold pairs across documents: P1 (a1-b1), P2 (a3-b2): 2; the system links a1-b1 only
    assert r["propositions"]["gold_pairs"] == 2 and r["propositions"]["system_pairs"] == 1
    assert r["propositions"]["precision"] == 1.0 and r["propositions"]["recall"] == 0.5
    # P1 has its cluster with one origin (right); P2 has none (wrong)
    assert r["origins"]["exact_accuracy"] == 0.5 and r["origins"]["with_cluster"] == 1
    rows = {m["measure"]: m for m in r["measures"]["rows"]}
    assert rows["M1"]["purity"] == 1.0 and rows["M1"]["series"] == 1
    assert rows["M2"]["purity"] == 0.5 and rows["M2"]["series"] == 2
    assert r["measures"]["series_per_measure"] == 1.5
    assert r["measures"]["value_accuracy"] == 1.0
    c = r["conflicts"]
    assert (c["reported"], c["right"], c["trap_hits"]) == (2, 1, 1)
    assert c["precision"] == 0.5 and c["recall"] == 1.0 and c["found"] == ["X1"]
    assert r["skipped"]["proposition mention: article not collected"] == 1


def test_a_story_in_two_languages_scores_its_pairs_across_languages(corpus, ledgers):
    cluster = ClaimCluster(
        "k1", "s1", "deaths", claims=[_ref(ledgers, "a1"), _ref(ledgers, "b1")], origins=[]
    )
    stories = [
        Story("s1", "ferry", documents=[ledgers[F1].document.id, ledgers[F2].document.id], clusters=[cluster])
    ]
    series = {
        ("a1", 0): "people killed",
        ("b1", 0): "people killed",
        ("a2", 0): "people missing",
        ("b3", 0): "x",
    }
    # one language: no such figure
    assert "cross_language" not in score_links(corpus.gold, ledgers, stories, [], series)
    # the second article in another language: P1 (a1, b1) is together, P2 (a3, b2) is not; M1's two
    # points share a series, M2's do not
    gold = {
        **corpus.gold,
        "documents": [{**d, "language": "ru"} if d["file"] == F2 else d for d in corpus.gold["documents"]],
    }
    x = score_links(gold, ledgers, stories, [], series)["cross_language"]
    assert (x["propositions"]["pairs"], x["propositions"]["together"]) == (2, 1)
    assert (x["propositions"]["items"], x["propositions"]["items_all_together"]) == (2, 1)
    assert (x["measures"]["pairs"], x["measures"]["together"], x["measures"]["share"]) == (2, 1, 0.5)


def test_source_names_match_the_gold_way():
    assert same_name(["Dmitry Peskov"], "Dmitry Peskov (Kremlin spokesman)")
    assert same_name(["Peskov"], "Dmitry Peskov (Kremlin spokesman)")
    assert same_name(["Ukraine"], "Ukrainian government (unspecified officials)")
    assert not same_name(["Russia"], "Ukrainian government (unspecified officials)")
    assert not same_name(["Dmitry Medvedev"], "Dmitry Peskov (Kremlin spokesman)")


def test_claim_figures_on_hand_built_ledgers(corpus, ledgers):
    r = score_claims(corpus.gold, ledgers)
    assert r["recall"] == 1.0
    assert r["counts"]["gold"] == 5 and r["counts"]["system"] == 6  # files with gold claims only
    assert r["stance_accuracy"] == 1.0 and r["quantity_accuracy"] == 1.0
    # b3 matches no gold claim: listed for judging
    assert [e["claim"] for e in r["extras"]] == ["b3"]
    ledgers[F1].claims[0].stance = Stance.ESTIMATED
    assert score_claims(corpus.gold, ledgers)["stance_accuracy"] == 0.8


def test_eval_claims_cli_reports_json_and_refuses_a_missing_folder(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["eval-claims", str(MINI), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["counts"]["gold"] == 5 and 0.0 <= report["recall"] <= 1.0
    assert report["missing_articles"] == ["04_not-collected_2025-03-05.txt"]
    missing = runner.invoke(app, ["eval-claims", str(MINI), "--articles", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


def test_a_conflict_side_is_any_report_of_the_same_figure(corpus, ledgers):
    from reportedly.eval.stories import _Index, _proposition_mates

    # two reports of one figure of one gold measure (as when two outlets print one wire story)
    gold = {
        "propositions": [],
        "measures": [
            {
                "id": "MX",
                "points": [
                    {"file": F1, "quote": "12 people had died", "value": 12},
                    {"file": F2, "quote": "19 people had died", "value": 12},
                    {"file": F2, "quote": "33 people were still missing", "value": 33},
                ],
            }
        ],
    }
    mates = _proposition_mates(gold, _Index(ledgers))
    assert mates({"file": F1, "quote": "12 people had died"}) == {"a1", "b1"}
    assert mates({"file": F2, "quote": "33 people were still missing"}) == {"b3"}  # another value


def test_an_unattributed_gold_source_is_right_only_when_the_system_names_nobody():
    from reportedly import analyze
    from reportedly.eval.claims import unattributed_right

    ledger = analyze(
        "The mayor said 40 homes were flooded. Some 300 people have been evacuated.", published="2023-06-09"
    )
    named = next(c for c in ledger.claims if c.source is not None)
    nobody = next(c for c in ledger.claims if c.source is None)
    assert unattributed_right(nobody, "unattributed (earlier reports)")
    assert not unattributed_right(named, "unattributed (earlier reports)")
    assert not unattributed_right(nobody, "Dmitry Peskov (Kremlin spokesman)")


def test_a_conflict_is_found_by_any_claim_of_each_of_its_sides(corpus, ledgers):
    stories = [Story("s1", "ferry", documents=[ledgers[F1].document.id, ledgers[F2].document.id])]
    # shown on a2 and b3 (not the gold pair), with the gold pair among each side's other claims
    sided = Conflict(
        ConflictKind.STANCE,
        _ref(ledgers, "a2"),
        _ref(ledgers, "b3"),
        "survivors say it was overloaded; the operator denies it",
        a_also=[_ref(ledgers, "b2")],
        b_also=[_ref(ledgers, "a3")],
    )
    shown_only = Conflict(ConflictKind.STANCE, _ref(ledgers, "a2"), _ref(ledgers, "b3"), "the same, unsided")
    found = score_links(corpus.gold, ledgers, stories, [sided], {})["conflicts"]
    assert (found["right"], found["found"]) == (1, ["X1"])
    missed = score_links(corpus.gold, ledgers, stories, [shown_only], {})["conflicts"]
    assert (missed["right"], missed["found"]) == (0, [])
    # the traps are read the same way: a side holding a trap's claims makes it a trap hit
    trap = Conflict(
        ConflictKind.NUMERIC,
        _ref(ledgers, "a2"),
        _ref(ledgers, "b3"),
        "x",
        a_also=[_ref(ledgers, "a1")],
        b_also=[_ref(ledgers, "b1")],
    )
    assert score_links(corpus.gold, ledgers, stories, [trap], {})["conflicts"]["trap_hits"] == 1


def test_the_figure_tables_show_several_scores_of_a_part_in_the_order_asked() -> None:
    from reportedly.cli.eval_stories import _scores

    figures = {"precision": 0.8125, "recall": 0.5, "f1": 2 / 3, "reported": 4}
    assert _scores(figures, "precision", "recall", "f1") == "0.812 / 0.500 / 0.667"
    assert _scores(figures, "recall", "precision") == "0.500 / 0.812"
    with pytest.raises(KeyError):
        _scores(figures, "accuracy")


def test_a_quoted_figure_stands_in_its_figure_cluster_with_or_without_its_place() -> None:
    """The linker joins one number of one series with its place and without it, and names the
    cluster by the key most points have: a Korean "154명 … in Seoul" and an English unplaced "154"
    stand in one figure cluster whichever key it took; two places never do."""
    from reportedly.eval.stories import same_figure_series
    from reportedly.model import Measure, MeasureScope

    in_city = Measure(what="killed", unit="people", place="geo:1", place_name="Seoul")
    nowhere = Measure(what="killed", unit="people")
    elsewhere = Measure(what="killed", unit="people", place="geo:2", place_name="Busan")
    assert same_figure_series(in_city, "people killed in Seoul")
    assert same_figure_series(in_city, "people killed")  # the cluster took the unplaced key
    assert same_figure_series(nowhere, "people killed in Seoul")  # the cluster took the placed key
    assert not same_figure_series(elsewhere, "people killed in Seoul")
    assert not same_figure_series(in_city, "people injured")
    assert not same_figure_series(nowhere, "people injured in Seoul")
    assert not same_figure_series(nowhere, None)
    forecast = Measure(what="killed", unit="people", scope=MeasureScope.FORECAST)
    assert same_figure_series(forecast, "people killed in Seoul [forecast]")
    assert not same_figure_series(forecast, "people killed in Seoul")


def test_a_claim_with_two_figures_of_one_series_keeps_each_mention_with_its_own_figure() -> None:
    """A mention quoting one figure of a claim that states two of one series ("… in Turkey and …
    in Syria") stands only in the cluster whose key is that figure's; a claim stating the series
    once stands in its figure cluster whichever key, placed or not, the cluster took."""
    from types import SimpleNamespace

    import reportedly
    from reportedly.eval.stories import _Index, _mention_clusters

    two = reportedly.analyze("Officials said 17,134 people were killed in Turkey and 3,317 in Syria.")
    one = reportedly.analyze("Officials said 3,317 people were killed in Syria.")
    (c2,) = two.claims
    (c1,) = one.claims
    keys = [q.measure.key for q in c2.quantities if q.measure is not None]
    assert len(keys) == 2 and keys[0] != keys[1], keys
    bare = "people killed"
    unplaced = SimpleNamespace(measure=bare)  # a figure cluster named by the unplaced key
    idx = _Index({"two.txt": two, "one.txt": one})
    cluster_of = {c2.id: [unplaced], c1.id: [unplaced]}
    quote_two = {"file": "two.txt", "quote": "3,317 in Syria"}
    quote_one = {"file": "one.txt", "quote": "3,317 people were killed in Syria"}
    assert _mention_clusters(quote_two, idx, cluster_of, "test")[1] == []
    # the claim states the series once: its figure is the cluster's whichever key the cluster took
    assert _mention_clusters(quote_one, idx, cluster_of, "test")[1] == [unplaced]
