"""Stance conflicts on a figure: one report asserts a number, another denies that very number.

Our own sentences in the shapes wire copy uses; each claim is hand-built with its figure typed.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.conflicts import denied_figures
from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.link.entities import Canonical
from reportedly.model import (
    Claim,
    ClaimKind,
    ConflictKind,
    Cue,
    Document,
    EntityType,
    Measure,
    Quantity,
    SectionKind,
    Span,
    Stance,
)


def claim(origin: str, content: str, figure: str, *, day: int, stance: Stance = Stance.ASSERTED) -> ClaimItem:
    text = f"{origin} said {content}"
    doc = Document(text=text, outlet=f"Outlet {origin} {day}", published=date(2023, 9, day))
    k0 = len(origin) + 6
    at = text.index(figure)
    value = float(figure.replace(",", ""))
    q = Quantity(at, at + len(figure), figure, value, value, value, False, "people")
    c = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        stance,
        Cue(len(origin) + 1, len(origin) + 5, "said", "say"),
        [Span(k0, len(text), content)],
        quantities=[q],
        id=f"{origin}:{day}:{content[:12]}",
    )
    it = ClaimItem(
        c,
        DocItem(doc, doc.outlet),
        Canonical(origin, origin, EntityType.AGENCY),
        None,
        stance is Stance.DENIED,
    )
    it.measures.append(Measured(0, Measure("killed", "people", as_of=date(2023, 9, day))))
    return it


def test_a_denied_figure_contradicts_its_assertion_however_worded():
    said = claim("Red Crescent", "the death toll in the city has soared to 11,300", "11,300", day=14)
    other = claim("UN agency", "the toll had risen to 11,300", "11,300", day=16)
    denial = claim(
        "Red Crescent", "the flooding resulted in 11,300 deaths", "11,300", day=17, stance=Stance.DENIED
    )
    found, used = denied_figures([other, said, denial], "s1")
    (c,) = found
    assert c.kind is ConflictKind.STANCE and used == {denial.id}
    # paired with the denier's own earlier report: a retraction
    assert c.a.id == said.id and c.b.id == denial.id and "denied by Red Crescent" in c.why


def test_a_figure_describing_what_is_denied_is_not_denied():
    said = claim("Committee", "133 people had been killed", "133", day=23)
    denial = claim(
        "Washington",
        "claims that its ally was involved in an attack where 133 people were killed",
        "133",
        day=24,
        stance=Stance.DENIED,
    )
    assert denied_figures([said, denial], "s1") == ([], set())


def test_a_different_figure_or_a_small_number_is_no_denied_figure():
    said = claim("Ministry", "3,958 people have died", "3,958", day=18)
    denial = claim("Red Crescent", "the floods killed 11,300 people", "11,300", day=17, stance=Stance.DENIED)
    assert denied_figures([said, denial], "s1")[0] == []
    few = claim("Court", "the 3 men were in the country", "3", day=25)
    few_denied = claim("Lawyer", "the 3 men were in the country", "3", day=25, stance=Stance.DENIED)
    assert denied_figures([few, few_denied], "s1")[0] == []


def test_not_responsible_contradicts_responsible_only_about_the_same_party():
    import numpy as np

    from reportedly.link.conflicts import opposition_conflicts
    from reportedly.link.embed import Thresholds

    def told(origin: str, content: str, *, negative: bool) -> ClaimItem:
        text = f"{origin} said {content}"
        doc = Document(text=text, outlet=f"Outlet {origin}", published=date(2023, 10, 18))
        c = Claim(
            ClaimKind.INDIRECT,
            SectionKind.BODY,
            Stance.ASSERTED,
            Cue(len(origin) + 1, len(origin) + 5, "said", "say"),
            [Span(len(origin) + 6, len(text), content)],
            negated=negative,
            id=f"{origin}:{content[:12]}",
        )
        return ClaimItem(
            c, DocItem(doc, doc.outlet), Canonical(origin, origin, EntityType.AGENCY), None, negative
        )

    other = told(
        "President", "militants from the other camp were responsible for the hospital blast", negative=False
    )
    same = told("Ministry", "Israel was responsible for the hospital blast", negative=False)
    denial = told("Assessment", "Israel was not responsible for the hospital blast", negative=True)
    vectors = {it.id: np.ones(4, dtype=np.float32) / 2.0 for it in (other, same, denial)}
    loose = Thresholds(story=0.0, cluster=0.0, opposite=0.0, internal=0.0, same_event=0.0)
    # a different party held responsible says nothing against "Israel was not responsible"
    assert opposition_conflicts([other, denial], vectors, loose, "s1") == []
    (c,) = opposition_conflicts([same, denial], vectors, loose, "s1")
    assert c.kind is ConflictKind.POLARITY and {c.a.id, c.b.id} == {same.id, denial.id}


def _told(
    origin: str,
    content: str,
    *,
    cue: str = "said",
    lemma: str = "say",
    negative: bool = False,
    day: int = 18,
    stance: Stance = Stance.ASSERTED,
) -> ClaimItem:
    """``origin`` ``cue`` ``content``, in a report of its own on day ``day``."""
    text = f"{origin} {cue} {content}"
    doc = Document(text=text, outlet=f"Outlet {origin} {day}", published=date(2023, 8, day))
    k0 = len(origin) + len(cue) + 2
    c = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        stance,
        Cue(len(origin) + 1, len(origin) + 1 + len(cue), cue, lemma),
        [Span(k0, len(text), content)],
        negated=negative,
        sentence=Span(0, len(text), text),
        id=f"{origin}:{day}:{content[:12]}",
    )
    return ClaimItem(
        c, DocItem(doc, doc.outlet), Canonical(origin, origin, EntityType.AGENCY), None, negative
    )


def _same_vectors(*items: ClaimItem):
    import numpy as np

    return {it.id: np.ones(4, dtype=np.float32) / 2.0 for it in items}


def _charge(content: str) -> ClaimItem:
    """The shareholders' negative claim of day 20, the allegation the answers below reply to."""
    return _told("The shareholders", content, cue="claimed", lemma="claim", negative=True, day=20)


def test_an_allegation_and_the_accused_partys_answer_are_a_stance_conflict():
    from reportedly.link.conflicts import allegation_conflicts

    charge = _charge("the grid company did not switch off its lines before the blaze")
    answer = _told("Grid company", "its lines had been switched off hours before the blaze began", day=21)
    (c,) = allegation_conflicts([charge, answer], _same_vectors(charge, answer), "s1")
    assert c.kind is ConflictKind.STANCE and (c.a.id, c.b.id) == (charge.id, answer.id)
    assert "alleged by The shareholders" in c.why and "answered by Grid company" in c.why


def test_an_allegation_is_not_answered_before_it_nor_by_its_own_party_nor_in_a_counterfactual():
    from reportedly.link.conflicts import allegation_conflicts

    charge = _charge("the grid company did not switch off its lines before the blaze")
    earlier = _told("Grid company", "its lines had been switched off hours before the blaze began", day=19)
    own = _told("The shareholders", "its lines had been switched off hours before the blaze began", day=22)
    assert allegation_conflicts([charge, earlier, own], _same_vectors(charge, earlier, own), "s1") == []
    iffy = _charge("even if the alarms had rung, the lines would not have been switched off before the blaze")
    reply = _told("Grid company", "alarms rang and the lines were switched off before the blaze", day=21)
    assert allegation_conflicts([iffy, reply], _same_vectors(iffy, reply), "s1") == []


def test_a_rejection_naming_the_accusers_complaint_answers_it_however_worded():
    import numpy as np

    from reportedly.link.conflicts import allegation_conflicts

    charge = _told(
        "River Council",
        "the operator's neglect of the sluice gates caused the flooding of the valley",
        cue="alleged",
        lemma="allege",
        day=10,
    )
    answer = _told("Operator", "River Council's complaint is baseless and legally irresponsible", day=12)
    unrelated = _told("Operator", "the valley's farmers were paid for their losses last spring", day=12)
    vectors = {
        charge.id: np.array([1, 0, 0, 0], dtype=np.float32),
        answer.id: np.array([0, 1, 0, 0], dtype=np.float32),  # worded nothing alike
        unrelated.id: np.array([0, 0, 1, 0], dtype=np.float32),
    }
    (c,) = allegation_conflicts([charge, answer, unrelated], vectors, "s1")
    assert (c.a.id, c.b.id) == (charge.id, answer.id)


def test_a_negated_figure_is_a_correction_for_the_numeric_comparison_not_a_polarity():
    from reportedly.link.conflicts import opposition_conflicts
    from reportedly.link.embed import Thresholds

    toll = _told("Railway board", "the death toll in the derailment has reached 412")
    fix = _told(
        "District officer", "the death toll in the derailment has reached 398 and not 412", negative=True
    )
    loose = Thresholds(story=0.0, cluster=0.0, opposite=0.0, internal=0.0, same_event=0.0)
    (c,) = opposition_conflicts([toll, fix], _same_vectors(toll, fix), loose, "s1")
    assert c.declined and c.kind is ConflictKind.POLARITY and "negates only a figure" in c.why


def test_two_answers_to_one_allegation_are_one_row():
    import numpy as np

    from reportedly.link.conflicts import allegation_conflicts

    charge = _told(
        "River Council",
        "the operator's neglect of the sluice gates caused the flooding of the valley",
        cue="alleged",
        lemma="allege",
        day=10,
    )
    firm = _told("Operator", "River Council's complaint is baseless and legally irresponsible", day=12)
    chief = _told("Chief executive", "the claims of River Council are false and misleading", day=12)
    vectors = {it.id: np.eye(4, dtype=np.float32)[i] for i, it in enumerate((charge, firm, chief))}
    (c,) = allegation_conflicts([charge, firm, chief], vectors, "s1")
    assert c.a.id == charge.id and {c.b.id, *(r.id for r in c.b_also)} == {firm.id, chief.id}


def test_an_answer_in_the_report_that_frames_the_charge_against_its_speaker():
    from reportedly.link.conflicts import allegation_conflicts

    first = (
        "Grid company replied to a suit by the town, which alleges that the power firm did not switch off."
    )
    second = "Grid company said its lines had been switched off hours before the blaze."
    text = f"{first} {second}"
    doc = Document(text=text, outlet="Island wire", published=date(2023, 8, 21))

    def item(origin: str, sentence: str, content: str, cue: str, lemma: str, negative: bool) -> ClaimItem:
        at = text.index(sentence)
        k0 = text.index(content, at)
        k1 = text.index(f" {cue} ", at) + 1
        c = Claim(
            ClaimKind.INDIRECT,
            SectionKind.BODY,
            Stance.ASSERTED,
            Cue(k1, k1 + len(cue), cue, lemma),
            [Span(k0, k0 + len(content), content)],
            negated=negative,
            sentence=Span(at, at + len(sentence), sentence),
            id=f"{origin}:{content[:12]}",
        )
        return ClaimItem(
            c, DocItem(doc, doc.outlet), Canonical(origin, origin, EntityType.AGENCY), None, negative
        )

    charge = item("the town", first, "the power firm did not switch off", "alleges", "allege", True)
    answer = item(
        "Grid company", second, "its lines had been switched off hours before the blaze", "said", "say", False
    )
    # the charge's own words name "the power firm", not Grid company: its report names Grid company
    (c,) = allegation_conflicts([charge, answer], _same_vectors(charge, answer), "s1")
    assert (c.a.id, c.b.id) == (charge.id, answer.id)
    # told in two reports, the charge against "the power firm" is no charge against Grid company
    elsewhere = _told("Grid company", "its lines had been switched off hours before the blaze", day=22)
    assert allegation_conflicts([charge, elsewhere], _same_vectors(charge, elsewhere), "s1") == []


def test_nobody_is_a_negation_so_two_negative_accounts_agree():
    import numpy as np

    from reportedly.link.conflicts import opposition_conflicts
    from reportedly.link.embed import Thresholds

    # "nobody ..." and "none ..." say the same thing: no polarity conflict between them
    nobody = _told("The agency", "nobody in the bus was wearing a seat belt")
    none_ = _told("The police", "none in the bus were wearing a seat belt", negative=True)
    plain = _told("A passenger", "everyone in the bus was wearing a seat belt")
    vectors = _same_vectors(nobody, none_, plain)
    loose = Thresholds(story=0.0, cluster=0.0, opposite=0.0, internal=0.0, same_event=0.0)
    assert opposition_conflicts([nobody, none_], vectors, loose, "s1") == []
    # a plainly positive account against the negated one is still read
    assert all(np.isfinite(v).all() for v in vectors.values())
    found = opposition_conflicts([plain, none_], vectors, loose, "s1")
    assert [(c.a.id, c.b.id) for c in found] in ([], [(plain.id, none_.id)])


def test_a_feared_toll_is_no_figure_a_denial_contradicts():
    feared = claim("Aid group", "the toll could reach 600", "600", day=15, stance=Stance.EXPECTED)
    denial = claim("Coast guard", "600 people were lost at sea", "600", day=16, stance=Stance.DENIED)
    assert denied_figures([feared, denial], "s1")[0] == []
    asserted = claim("Aid group", "600 people were lost at sea", "600", day=15)
    assert len(denied_figures([asserted, denial], "s1")[0]) == 1
