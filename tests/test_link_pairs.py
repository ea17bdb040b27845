"""The claim-pair model (``reportedly.link.pairs``): the features it reads of two claims, its
inference as one dot product, and clustering with it (figures and polarity still rule)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from reportedly.link.clusters import cluster_claims, model_pairs
from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.link.entities import Canonical
from reportedly.link.pairs import (
    FEATURES,
    ROUND9_FEATURES,
    PairModel,
    names,
    packaged_model,
    pair_features,
    pair_view,
    rare_words,
)
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    EntityType,
    Measure,
    Quantity,
    SectionKind,
    Span,
    Stance,
    TimeExpr,
)

_N = iter(range(10_000))


def said(
    text: str,
    day: int = 3,
    *,
    voice: str | None = None,
    kind: ClaimKind = ClaimKind.INDIRECT,
    figure: float | None = None,
) -> ClaimItem:
    """One claim of its own document (``voice``: a named origin's key; ``figure``: a counted toll)."""
    n = next(_N)
    doc = Document(text=text, outlet=f"Outlet {n}", published=date(2024, 5, day))
    quantities = []
    if figure is not None:
        quantities = [Quantity(0, len(text), text, figure, figure, figure)]
    claim = Claim(
        kind,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 0, "", "say"),
        [Span(0, len(text), text)],
        quantities=quantities,
        id=f"p{n}",
    )
    origin = Canonical(voice, voice.title(), EntityType.ORGANIZATION) if voice else None
    item = ClaimItem(claim, DocItem(doc, doc.outlet), origin, origin, False)
    if figure is not None:
        item.measures.append(Measured(0, Measure("killed", "people", as_of=date(2024, 5, day))))
    return item


def features(a: ClaimItem, b: ClaimItem, cos: float = 0.7, quote: float = 0.0, rule: bool = False) -> dict:
    va = pair_view(a, frozenset(), frozenset(), a.origin.key if a.origin else None)
    vb = pair_view(b, frozenset(), frozenset(), b.origin.key if b.origin else None)
    return dict(zip(FEATURES, pair_features(va, vb, cos, quote, rule), strict=True))


def test_rare_words_are_the_uncommon_ones() -> None:
    rare = rare_words("The Zelvenko reservoir embankment breached near the people of the town")
    assert "zelvenko" in rare and "embankment" in rare
    assert not rare & {"people", "town", "the", "near"}


def test_features_of_a_paraphrase_by_one_voice() -> None:
    a = said("The Zelvenko embankment gave way after days of heavy rain", 3, voice="org:water-board")
    b = said("Heavy rain made the Zelvenko embankment collapse, officials said", 5, voice="org:water-board")
    f = features(a, b, cos=0.71, quote=0.1, rule=True)
    assert f["cos"] == pytest.approx(0.71) and f["quote"] == pytest.approx(0.1) and f["rule"] == 1.0
    assert 0 < f["jaccard"] < f["overlap"] <= 1  # shared words over the union, over the smaller bag
    assert f["rare"] == pytest.approx(np.log1p(2))  # "zelvenko", "embankment"
    assert f["same_voice"] == 1.0 and f["two_voices"] == 0.0 and f["same_source"] == 1.0
    assert f["days"] == pytest.approx(np.log1p(2))
    assert f["same_stance"] == 1.0 and f["both_outlet"] == 0.0 and f["one_outlet"] == 0.0


def test_features_of_two_voices_and_an_outlet_statement() -> None:
    a = said("The mayor ordered the Drelmont valley evacuated", voice="per:mayor")
    b = said("The governor ordered the Drelmont valley evacuated", voice="per:governor")
    assert features(a, b)["two_voices"] == 1.0 and features(a, b)["same_voice"] == 0.0
    own = said("Rescuers reached the Drelmont valley on Friday", kind=ClaimKind.OUTLET)
    f = features(a, own)
    assert f["one_outlet"] == 1.0 and f["two_voices"] == 0.0
    assert features(own, said("Rescuers reached the valley", kind=ClaimKind.OUTLET))["both_outlet"] == 1.0


def test_numerals_apart_and_shared_come_from_the_clusterer() -> None:
    """The features :func:`model_pairs` reads are the clusterer's own: numbers stated in the
    content ("eight" / "25") set ``numerals_apart``; the same number sets ``numerals_shared``."""
    a = said("eight fishermen were rescued from the Velna lagoon on Tuesday")
    b = said("25 fishermen were rescued from the Velna lagoon on Tuesday")
    c = said("eight fishermen were pulled out of the Velna lagoon on Tuesday")
    vec = np.ones(4, np.float32) / 2
    rows = {
        frozenset((x.id, y.id)): dict(zip(FEATURES, r, strict=True))
        for x, y, r in model_pairs([a, b, c], {a.id: vec, b.id: vec, c.id: vec}, 0.65)
    }
    assert rows[frozenset((a.id, b.id))]["numerals_apart"] == 1.0
    assert rows[frozenset((a.id, b.id))]["rule"] == 0.0  # the hand rule never links different numbers
    assert rows[frozenset((a.id, c.id))]["numerals_shared"] == 1.0
    assert rows[frozenset((a.id, c.id))]["rule"] == 1.0


def _stated(text: str, values: list[float], days: list[str], voice: str | None = None) -> ClaimItem:
    item = said(text, voice=voice)
    item.claim.quantities = [Quantity(0, 1, text[:1], v, v, v) for v in values]
    item.claim.times = [TimeExpr(0, 1, text[:1], d, "day") for d in days]
    return item


def test_story_independent_features_read_values_dates_names_and_origins() -> None:
    """Round 14's features read what any story's pairs share: the same number however it is
    written ("five" and "5" are one value), the same resolved day, the same capitalised names past
    the first word, the same origin."""
    a = _stated(
        "Five climbers were rescued from Mount Tervel by the Alpine Corps", [5.0], ["2024-05-03"], "org:corps"
    )
    b = _stated(
        "The Alpine Corps said 5 climbers were brought down from Tervel", [5.0], ["2024-05-03"], "org:corps"
    )
    c = _stated(
        "Seven climbers were rescued from Mount Ostra by volunteers", [7.0], ["2024-05-04"], "org:club"
    )
    f = features(a, b)
    assert f["values_shared"] == 1.0 and f["values_apart"] == 0.0
    assert f["dates_shared"] == 1.0 and f["dates_apart"] == 0.0
    assert f["same_origin"] == 1.0
    assert f["names_shared"] == pytest.approx(np.log1p(3))  # tervel, alpine, corps
    g = features(a, c)
    assert g["values_apart"] == 1.0 and g["dates_apart"] == 1.0 and g["same_origin"] == 0.0
    assert g["names_shared"] == pytest.approx(np.log1p(1))  # mount
    assert features(a, said("Climbers were rescued"))["values_apart"] == 0.0  # one states no number


def test_names_skip_the_first_word_and_function_words() -> None:
    assert names("Rescuers told The Herald that Mount Tervel was closed") == {"herald", "mount", "tervel"}
    assert names("Officials") == frozenset()


def _model(weights: dict[str, float], bias: float, threshold: float = 0.5) -> PairModel:
    w = np.array([weights.get(f, 0.0) for f in FEATURES])
    return PairModel(w, bias, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), threshold)


def test_inference_is_a_logistic_dot_product_and_round_trips() -> None:
    model = PairModel(
        np.arange(len(FEATURES), dtype=float) / 10,
        -1.0,
        np.full(len(FEATURES), 0.5),
        np.full(len(FEATURES), 2.0),
        0.6,
        slack=0.1,
    )
    x = np.linspace(0, 1, len(FEATURES))
    expected = 1 / (1 + np.exp(-(((x - 0.5) / 2.0) @ model.weights - 1.0)))
    assert float(model.probability(x)) == pytest.approx(expected)
    again = PairModel.from_json(model.to_json())
    assert float(again.probability(x)) == pytest.approx(expected, abs=1e-5)
    assert again.threshold == 0.6 and again.slack == 0.1
    with pytest.raises(ValueError):
        PairModel.from_json({**model.to_json(), "features": ["cos", "no such feature"]})
    with pytest.raises(ValueError):  # a subset is read in the order of FEATURES only
        PairModel.from_json({**model.to_json(), "features": ["jaccard", "cos"]})


def test_a_model_of_some_features_reads_only_its_own_columns() -> None:
    """A model names the features it weighs (the round-9 model's 21 of today's rows): its
    probability of a full row is the logistic of its own columns, and it round-trips."""
    model = PairModel(np.array([2.0, -1.0]), 0.5, np.zeros(2), np.ones(2), 0.5, features=("cos", "jaccard"))
    row = np.zeros(len(FEATURES))
    row[FEATURES.index("cos")], row[FEATURES.index("jaccard")], row[-1] = 0.8, 0.3, 9.0
    assert float(model.probability(row)) == pytest.approx(1 / (1 + np.exp(-(1.6 - 0.3 + 0.5))))
    again = PairModel.from_json(model.to_json())
    assert again.features == ("cos", "jaccard")
    assert float(again.probability(row)) == pytest.approx(float(model.probability(row)), abs=1e-5)
    assert FEATURES[:21] == ROUND9_FEATURES


def test_the_packaged_model_reads_its_features_when_shipped() -> None:
    model = packaged_model()
    if model is None:
        pytest.skip("no pair model shipped: the hand rules link")
    assert set(model.features) <= set(FEATURES) and 0 < model.threshold < 1
    assert len(model.weights) == len(model.features)


def test_clustering_with_a_model_links_what_it_weighs_and_keeps_figures_apart() -> None:
    """Text links are the model's; two different figures of one series stay a cannot-link and a
    denial stays apart from the affirmations, whatever the model says."""
    a = said("The Velna ferry sank near the harbour after its engine failed")
    b = said("An engine failure sank the Velna ferry close to the harbour")
    far = said("Markets in the capital opened late on Monday")
    vec = {a.id: np.array([1.0, 0, 0, 0], np.float32), b.id: np.array([0.8, 0.6, 0, 0], np.float32)}
    vec[far.id] = np.array([0.0, 0, 1.0, 0], np.float32)
    # the hand rules need cosine 0.65 with shared words: 0.8 with few shared words does not link here
    rules = cluster_claims([a, b, far], vec, 0.85)
    assert rules == []
    linked = cluster_claims([a, b, far], vec, 0.85, _model({"cos": 10.0}, -7.0))  # p(0.8) = 0.73
    assert [sorted(it.id for it in g.items) for g in linked] == [sorted([a.id, b.id])]
    assert cluster_claims([a, b, far], vec, 0.85, _model({"cos": 10.0}, -9.0)) == []  # p(0.8) = 0.27
    # figures of one series that differ are never one proposition, however alike the words
    x = said("The ferry sinking killed 12 people", figure=12)
    y = said("The ferry sinking killed 19 people", figure=19)
    one = np.array([1.0, 0, 0, 0], np.float32)
    assert cluster_claims([x, y], {x.id: one, y.id: one}, 0.65, _model({"cos": 10.0}, 0.0)) == []
    # a negated claim never joins the affirmative one
    no = said("The Velna ferry did not sink near the harbour")
    no.negative = True
    got = cluster_claims([a, no], {a.id: one, no.id: one}, 0.65, _model({"cos": 10.0}, 0.0))
    assert got == []


def test_a_model_keeping_voices_apart_leaves_two_named_speakers_to_the_rule() -> None:
    """With ``voices_apart`` two different named voices (each an origin of its own) are linked
    only where the hand rule links them; the same voice relayed by two outlets is the model's."""
    mayor = said("The Velna bridge will reopen to traffic next week", voice="per:mayor")
    governor = said("The Velna bridge reopens to traffic next week", voice="per:governor")
    again = said("Next week the Velna bridge will reopen to traffic", voice="per:mayor")
    a, b = np.array([1.0, 0, 0, 0], np.float32), np.array([0.8, 0.6, 0, 0], np.float32)
    c = np.array([0.8, 0, 0.6, 0], np.float32)
    vec = {mayor.id: a, governor.id: b, again.id: c}  # cosines 0.8 and 0.64: under the rule's 0.85 bar
    together = _model({"cos": 10.0}, 0.0)
    assert len(cluster_claims([mayor, governor], vec, 0.85, together)) == 1
    apart = PairModel(together.weights, 0.0, together.mean, together.scale, 0.5, voices_apart=True)
    assert cluster_claims([mayor, governor], vec, 0.85, apart) == []
    got = cluster_claims([mayor, governor, again], vec, 0.85, apart)
    assert [sorted(it.id for it in g.items) for g in got] == [sorted([mayor.id, again.id])]
    # where the rule links the two voices (close vectors and shared words), the link stands
    assert len(cluster_claims([mayor, governor], {mayor.id: a, governor.id: a}, 0.85, apart)) == 1


def test_a_model_keeping_voices_never_gathers_two_speakers_clusters() -> None:
    """With ``keep_voices`` a model link does not join a cluster of one named speaker with a cluster
    of another (their words would count as two origins of one statement); the speaker's own words
    relayed by another outlet, and an outlet's unattributed statement, still join by the model."""
    mayor = said("The Orlen tunnel will close for repairs in June", voice="per:mayor")
    again = said("In June the Orlen tunnel closes for repairs", voice="per:mayor")
    governor = said("The Orlen tunnel is to shut for repair work in June", voice="per:governor")
    flat = said("Repairs will close the Orlen tunnel in June")
    a, b = np.array([1.0, 0, 0, 0], np.float32), np.array([0.8, 0.6, 0, 0], np.float32)
    c, d = np.array([0.8, 0, 0.6, 0], np.float32), np.array([0.8, 0, 0, 0.6], np.float32)
    vec = {mayor.id: a, again.id: b, governor.id: c, flat.id: d}  # cosines 0.64-0.8: under the rule's bar
    gather = _model({"cos": 10.0}, -5.0)  # p(0.64) = 0.8
    assert len(cluster_claims([mayor, again, governor, flat], vec, 0.85, gather)) == 1
    keep = PairModel(gather.weights, -5.0, gather.mean, gather.scale, 0.5, keep_voices=True)
    got = cluster_claims([mayor, again, governor, flat], vec, 0.85, keep)
    assert [sorted(it.id for it in g.items) for g in got] == [sorted([mayor.id, again.id, flat.id])]
    # where the hand rule links the two speakers (the same words), the link stands
    same = {mayor.id: a, governor.id: a}
    assert len(cluster_claims([mayor, governor], same, 0.85, keep)) == 1
    assert PairModel.from_json(keep.to_json()).keep_voices


def test_a_cluster_keeps_the_series_its_counting_members_share() -> None:
    """A member stating no figure (a headline) beside two reports of one toll leaves the cluster
    the toll's series: a mention quoting the figure still stands in the cluster."""
    x = said("The Velna ferry sinking killed 12 people", figure=12)
    y = said("Twelve people died when the Velna ferry sank, 12 in all", figure=12)
    head = said("Velna ferry sinks in the harbour storm")
    one = np.array([1.0, 0, 0, 0], np.float32)
    got = cluster_claims([x, y, head], {x.id: one, y.id: one, head.id: one}, 0.65, _model({"cos": 10.0}, 0.0))
    text = next(g for g in got if len(g.items) == 3)
    assert text.measure == x.measures[0].measure
    # one counting member alone names no series for the cluster
    alone = cluster_claims([x, head], {x.id: one, head.id: one}, 0.65, _model({"cos": 10.0}, 0.0))
    assert [g.measure for g in alone] == [None]


def test_a_model_keeping_figures_adds_no_bare_statement_to_a_figure_cluster() -> None:
    """With ``keep_figures`` a model link does not join the cluster two reports of one toll form with
    a statement stating no figure of that series (the speaker's "worst storm in memory" beside
    the toll is another proposition); a report of the same toll still joins, and without the flag
    the statement joins as before."""
    x = said("The Velna ferry sinking killed 12 people, the port chief said", figure=12)
    y = said("Twelve people died when the Velna ferry sank, 12 in all", figure=12)
    z = said("The port chief said 12 people were killed as the Velna ferry sank", figure=12)
    bare = said("The port chief called it the worst storm the Velna harbour has seen")
    one = np.array([1.0, 0, 0, 0], np.float32)
    vec = {x.id: one, y.id: one, z.id: one, bare.id: one}
    gather = _model({"cos": 10.0}, 0.0)
    assert len([g for g in cluster_claims([x, y, bare], vec, 0.65, gather) if len(g.items) == 3]) == 1
    keep = PairModel(gather.weights, 0.0, gather.mean, gather.scale, gather.threshold, keep_figures=True)
    got = cluster_claims([x, y, z, bare], vec, 0.65, keep)
    assert all(bare.id not in {it.id for it in g.items} for g in got)
    assert any({it.id for it in g.items} == {x.id, y.id, z.id} for g in got)
    assert PairModel.from_json(keep.to_json()).keep_figures
