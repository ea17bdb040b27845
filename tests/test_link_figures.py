"""When two outlets' figures state one proposition: the same number restated days later, and the
same number typed to two names of one area ("northwest Syria" / "rebel-held areas")."""

from __future__ import annotations

from datetime import date

import numpy as np

from reportedly.link.clusters import _loosely_agree, _same_figure, cluster_claims, figure_groups
from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    Measure,
    MeasureScope,
    Quantity,
    SectionKind,
    Span,
    Stance,
)

_N = iter(range(10_000))


def stated(
    text: str,
    value: float,
    day: int,
    *,
    low: float | None = None,
    place: str | None = None,
    what: str = "killed",
    scope: MeasureScope = MeasureScope.POINT,
) -> ClaimItem:
    """One claim stating one figure (``low`` set: "more than <value>")."""
    n = next(_N)
    doc = Document(text=text, outlet=f"Outlet {n}", published=date(2023, 2, day))
    q = Quantity(
        0, len(text), text, value, low if low is not None else value, None if low is not None else value
    )
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 0, "", "say"),
        [Span(0, len(text), text)],
        quantities=[q],
        id=f"c{n}",
    )
    item = ClaimItem(claim, DocItem(doc, doc.outlet), None, None, False)
    m = Measure(what, "people", place=place, place_name=place, scope=scope, as_of=date(2023, 2, day))
    item.measures.append(Measured(0, m))
    return item


def test_the_same_number_restated_days_later_is_one_figure() -> None:
    a = stated("more than 7,600 people were injured", 7600, 12, low=7600, place="SY")
    b = stated("7,600 injuries were reported", 7600, 15, place="SY")
    assert _same_figure((a, 0), (b, 0))
    # a changed figure days later is a new report, and so is a rounder restatement ("more than 7,000")
    assert not _same_figure((a, 0), (stated("7,900 were injured", 7900, 15, place="SY"), 0))
    assert not _same_figure((a, 0), (stated("more than 7,000 hurt", 7000, 15, low=7000, place="SY"), 0))
    groups = cluster_claims(
        [a, b], {a.id: np.ones(4, np.float32) / 2, b.id: np.ones(4, np.float32) / 2}, 0.65
    )
    assert [sorted(it.id for it in g.items) for g in groups] == [sorted([a.id, b.id])]


def test_one_number_in_two_names_of_one_area_agrees_but_not_in_two_countries() -> None:
    northwest = stated("4,300 deaths in northwestern Syria", 4300, 14, place="SY")
    rebel = stated("4,300 deaths in rebel-held areas", 4300, 15, place="area:held:rebel")
    assert _loosely_agree(northwest, rebel)
    inside = stated("4,300 died in Idlib", 4300, 15, place="SY-ID")
    assert _loosely_agree(northwest, inside)  # a province inside the country: may be the same figure
    turkey = stated("4,300 died in Turkey", 4300, 14, place="TR")
    assert not _loosely_agree(northwest, turkey)  # the same number in two countries: two figures
    other = stated("4,100 deaths in rebel-held areas", 4100, 15, place="area:held:rebel")
    assert not _loosely_agree(northwest, other)  # placed apart, only the very same number links


def test_the_very_same_number_placed_and_unplaced_is_one_figure_cluster() -> None:
    """ "1,414 people in the country" (read as Syria) and "the toll stands at 1,414" are one figure;
    the same number for another country is not, nor a nearby number in a place."""
    placed = stated("1,414 people in the country had been killed", 1414, 14, place="SY")
    bare = stated("the toll stands at 1,414", 1414, 15)
    also = stated("who have reported 1,414 deaths", 1414, 16)
    turkey = stated("1,414 died in Turkey", 1414, 14, place="TR")
    near = stated("about 1,420 died in Syria", 1420, 14, place="SY")
    groups = figure_groups([placed, bare, also])
    assert [(sorted(it.id for it in g.items), g.measure) for g in groups] == [
        (sorted([placed.id, bare.id, also.id]), "people killed")  # named by the key most points carry
    ]
    # two countries never share a figure, nor does a nearby number in a place with an unplaced one
    assert figure_groups([placed, turkey]) == []
    assert figure_groups([near, bare]) == []


def said(text: str, stance: Stance = Stance.ASSERTED, voice: str | None = None) -> ClaimItem:
    """One claim without figures, in a document of its own, with the given stance and named origin."""
    from reportedly.link.entities import Canonical
    from reportedly.model import EntityType

    n = next(_N)
    doc = Document(text=text, outlet=f"Outlet {n}", published=date(2024, 3, 25))
    claim = Claim(
        ClaimKind.DIRECT,
        SectionKind.BODY,
        stance,
        Cue(0, 0, "", "say"),
        [Span(0, len(text), text)],
        id=f"c{n}",
    )
    origin = Canonical(voice.lower(), voice, EntityType.PERSON) if voice else None
    return ClaimItem(claim, DocItem(doc, doc.outlet), origin, None, False)


def test_a_count_and_a_running_total_of_the_same_number_are_one_figure_cluster() -> None:
    """ "Sixty-two were pulled from the water" and "62 have been pulled out so far" state one figure
    (their series' key is the same); a running total of another number, or the same number over a
    stated period, stays apart."""
    count = stated("sixty-two were pulled from the water", 62, 14, what="rescued")
    total = stated("62 have been pulled out so far", 62, 15, what="rescued", scope=MeasureScope.CUMULATIVE)
    other = stated("70 have been pulled out so far", 70, 16, what="rescued", scope=MeasureScope.CUMULATIVE)
    groups = figure_groups([count, total, other])
    assert [sorted(it.id for it in g.items) for g in groups] == [sorted([count.id, total.id])]
    daily = stated("62 were pulled out in a day", 62, 15, what="rescued", scope=MeasureScope.PERIOD)
    assert figure_groups([count, daily]) == []


def test_a_refusal_repeated_by_outlets_is_a_proposition_of_its_own() -> None:
    # two outlets quote one refusal (no_comment); a third asserts words close to it: the refusal is
    # one proposition, never joined with what was asserted
    a = said("I will leave this question about the arrested suspects unanswered", Stance.NO_COMMENT)
    b = said("I leave this question about the arrested suspects unanswered", Stance.NO_COMMENT)
    c = said("The question about the arrested suspects was answered in court", Stance.ASSERTED)
    same = np.ones(4, np.float32) / 2
    groups = cluster_claims([a, b, c], {a.id: same, b.id: same, c.id: same}, 0.65)
    assert [sorted(it.id for it in g.items) for g in groups] == [sorted([a.id, b.id])]


def test_one_named_speakers_statement_needs_less_likeness_than_two_speakers() -> None:
    """The same speaker relayed by two outlets in other words is one statement at a similarity that
    does not join two speakers' claims."""
    a = said("the gunmen tried to hide and moved towards the border crossing", voice="Putin")
    b = said("the assailants attempted to flee towards the border crossing", voice="Putin")
    c = said("the assailants attempted to flee towards the border crossing", voice="Lukashenko")
    v = np.array([1.0, 0.0], np.float32)
    w = np.array([0.55, (1 - 0.55**2) ** 0.5], np.float32)  # cosine 0.55: under 0.65, over 0.45
    joined = cluster_claims([a, b], {a.id: v, b.id: w}, 0.65)
    assert [sorted(it.id for it in g.items) for g in joined] == [sorted([a.id, b.id])]
    assert cluster_claims([a, c], {a.id: v, c.id: w}, 0.65) == []


def test_one_voices_refusals_in_two_reports_are_one_proposition_apart_from_claims() -> None:
    """ "The Kremlin refused to comment on the claim" in two reports is news outlets repeat; another
    voice's refusal, or a claim asserting the content, does not join it."""
    refusing = Stance.NO_COMMENT
    a = said("on the group's claim that its members were behind the attack", refusing, voice="Kremlin")
    b = said("on the group's claims that it was behind the attack", refusing, voice="Kremlin")
    c = said("on the group's claims that it was behind the attack", refusing, voice="Pentagon")
    d = said("the group's members were behind the attack", voice="Kremlin")  # asserted
    v = np.array([1.0, 0.0], np.float32)
    w = np.array([0.6, 0.8], np.float32)  # cosine 0.6: under the bar of claims, over one voice's
    vectors = {a.id: v, b.id: w, c.id: w, d.id: w}
    groups = cluster_claims([a, b, c, d], vectors, 0.65)
    assert [sorted(it.id for it in g.items) for g in groups] == [sorted([a.id, b.id])]
