"""How the words around a figure relate two counts: a rise told, an addition, one disagreement.

Sentences are our own, written in the way wire copy tells tolls; each test checks a verdict of
the numeric comparison (reported, declined with its reason) or how many rows it shows.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.conflicts import one_row_per_assertion
from reportedly.link.conflicts_figures import added, risen_from, step_to_total
from reportedly.link.corpus import ClaimItem, DocItem, Measured
from reportedly.link.entities import Canonical
from reportedly.link.numbers import numeric_conflicts
from reportedly.link.settle import settle_places
from reportedly.model import (
    Claim,
    ClaimKind,
    Conflict,
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

#: Figures written out ("two", "Two magnitude …"), as the extraction reads them.
WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "five": 5.0}


def said(
    origin: str,
    content: str,
    figures: list[str],
    *,
    day: int,
    doc: Document | None = None,
    what: str = "killed",
    unit: str = "people",
    place: str | None = "Town",
) -> ClaimItem:
    """``origin`` said ``content`` (appended to ``doc`` when given: one report, several claims)."""
    sentence = f"{origin} said {content}."
    if doc is None:
        doc = Document(text="", outlet=f"Outlet of {origin} {day}", published=date(2023, 8, day))
    base = len(doc.text) + (1 if doc.text else 0)
    doc.text = f"{doc.text} {sentence}" if doc.text else sentence
    k0 = base + len(origin) + 6
    quantities = []
    for figure in figures:
        at = doc.text.index(figure, k0)
        last = figure.split()[-1].replace(",", "")
        value = WORDS[last.lower()] if last.lower() in WORDS else float(last.split("-")[0])
        quantities.append(Quantity(at, at + len(figure), figure, value, value, value, False, unit))
    claim = Claim(
        ClaimKind.INDIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(base + len(origin) + 1, base + len(origin) + 5, "said", "say"),
        [Span(k0, k0 + len(content), content)],
        quantities=quantities,
        sentence=Span(base, base + len(sentence), sentence),
        id=f"{origin}:{day}:{content[:16]}",
    )
    item = ClaimItem(
        claim, DocItem(doc, doc.outlet), Canonical(origin, origin, EntityType.AGENCY), None, False
    )
    for i in range(len(figures)):
        m = Measure(what, unit, place=place, place_name=place, as_of=date(2023, 8, day))
        item.measures.append(Measured(i, m))
    return item


def rows(*items: ClaimItem) -> list[Conflict]:
    return numeric_conflicts(items, {it.doc.id: "s1" for it in items})


def test_a_report_telling_the_rise_orders_the_two_figures():
    # "risen to 59, up from 55 Thursday night": the 55 another outlet told on Friday is the earlier state
    green = said("the governor", "the toll has risen to 59, up from 55 Thursday night", ["59"], day=10)
    epoch = said("the paper", "the official death toll has risen to 55", ["55"], day=11)
    assert risen_from(green) == {55.0}
    ((row,),) = [rows(green, epoch)]
    assert row.declined and "rising" in row.why
    # without the rise told, the later lower figure from another origin is a disagreement
    plain = said("the governor", "the toll has risen to 59", ["59"], day=10)
    ((row,),) = [rows(plain, said("the paper", "the official death toll is 55", ["55"], day=11))]
    assert not row.declined


def test_from_one_figure_to_another_is_a_rise_told():
    item = said(
        "the ministry", "the number evacuated grew from 2,620 on Saturday to 3,614", ["3,614"], day=17
    )
    assert risen_from(item) == {2620.0}
    assert risen_from(said("a driver", "he drove from Paris to Lyon in 12 hours", ["12"], day=1)) == set()


def test_another_adds_to_a_figure_of_the_same_report():
    doc = Document(text="", outlet="Wire", published=date(2023, 8, 17))
    done = said(
        "officials",
        "1,500 people left today on 10 evacuation flights",
        ["10"],
        day=17,
        doc=doc,
        unit="flights",
    )
    more = said("she", "another 22 evacuation flights are scheduled", ["22"], day=17, doc=doc, unit="flights")
    assert added(more, more.claim.quantities[0]) and not added(done, done.claim.quantities[0])
    (row,) = rows(done, more)
    assert row.declined and "adds to" in row.why


def test_a_step_towards_a_total_is_not_the_total():
    step = said(
        "county officials",
        "12 bodies were found today, moving the death toll from the fire to 67",
        ["12", "67"],
        day=11,
    )
    assert step_to_total(step, step.claim.quantities[0]) and not step_to_total(step, step.claim.quantities[1])
    earlier = said("officials", "at least 36 people had died", ["36"], day=10)
    # only 67 is compared: above 36 and later, an update; the 12 counts the day's finds
    (row,) = rows(earlier, step)
    assert row.declined and "“67”" in row.why


def test_two_figures_early_in_one_sentence_are_not_an_update():
    # "In the first hours … one said 300, while others put it at 500": both are early figures
    doc = Document(text="", outlet="Broadcaster", published=date(2023, 8, 19))
    chief = said("a civil defence chief", "300 people were killed", ["300"], day=19, doc=doc)
    sources = said("ministry sources", "the figure was 500", ["500"], day=19, doc=doc)
    shared = "In the first hours, a chief said 300 were killed, while ministry sources put it at 500."
    for it in (chief, sources):
        it.claim.sentence = Span(0, len(shared), shared)
    (row,) = rows(chief, sources)
    assert not row.declined and "side by side in one report" in row.why


def test_one_high_count_against_several_close_low_ones_is_one_row():
    high = said("the aid group", "11,300 people died in the city", ["11,300"], day=14, place="City")
    lows = [
        said("the government", "3,252 deaths were registered", ["3,252"], day=15, place="City"),
        said("the minister", "the toll reached 3,283", ["3,283"], day=16, place="City"),
        said("the health agency", "the toll was 3,958", ["3,958"], day=16, place="City"),
    ]
    relay = said("another outlet", "11,300 people died in the city", ["11,300"], day=15, place="City")
    reported = [r for r in rows(high, relay, *lows) if not r.declined]
    assert len(reported) == 1
    row = reported[0]
    sides = {row.a.id, *(r.id for r in row.a_also)}, {row.b.id, *(r.id for r in row.b_also)}
    assert high.id in sides[0] | sides[1] and relay.id in sides[0] | sides[1]
    assert all(it.id in sides[0] | sides[1] for it in lows)
    # the 11,300 claims stand on one side, the low counts on the other
    assert {high.id, relay.id} <= sides[0] or {high.id, relay.id} <= sides[1]


def test_figures_far_apart_on_one_side_stay_two_disagreements():
    high = said("the aid group", "11,300 people died in the city", ["11,300"], day=14, place="City")
    low = said("the government", "3,252 deaths were registered", ["3,252"], day=15, place="City")
    middle = said("the agency", "6,000 people died", ["6,000"], day=15, place="City")
    reported = [r for r in rows(high, low, middle) if not r.declined]
    assert len(reported) >= 2
    for row in reported:  # 6,000 and 3,252 are not one side of one disagreement
        for side in ({row.a.id, *(r.id for r in row.a_also)}, {row.b.id, *(r.id for r in row.b_also)}):
            assert not {low.id, middle.id} <= side


def test_several_denials_of_one_assertion_are_one_row():
    asserted = said("the aid group", "the toll reached 11,300", ["11,300"], day=14)
    one = said("the aid group", "the flooding did not result in 11,300 deaths", ["11,300"], day=17)
    two = said("its spokesman", "the toll had not reached 11,300", ["11,300"], day=17)
    conflicts = [
        Conflict(ConflictKind.STANCE, asserted.ref(), one.ref(), "denied", "s1"),
        Conflict(ConflictKind.STANCE, asserted.ref(), two.ref(), "denied", "s1"),
        Conflict(ConflictKind.POLARITY, asserted.ref(), two.ref(), "not", "s1"),
    ]
    merged = one_row_per_assertion(conflicts)
    assert len(merged) == 2
    assert merged[0].b.id == one.id and [r.id for r in merged[0].b_also] == [two.id]


def test_a_round_figure_beside_a_precise_one_is_its_rounding():
    precise = said("the aid group", "10,100 people were still missing", ["10,100"], day=14, what="missing")
    round_ = said("the network", "10,000 people are missing", ["10,000"], day=14, what="missing")
    (row,) = rows(precise, round_)
    assert row.declined and "rounded" in row.why
    # neither round: two counts
    other = said("the network", "10,400 people are missing", ["10,400"], day=14, what="missing")
    (row,) = rows(precise, other)
    assert not row.declined


def test_a_figure_marked_preliminary_is_the_earlier_even_if_its_sentence_says_later():
    doc = Document(text="", outlet="Wire", published=date(2023, 10, 7))
    high = said("the administration", "more than 2,000 people had died", ["2,000"], day=7, doc=doc)
    high.claim.quantities[0].high = None
    prelim = said("the UN", "a preliminary figure of 320 dead", ["320"], day=7, doc=doc)
    prelim.claim.sentence = Span(
        0, 1, "The UN gave a preliminary figure of 320 dead, but later said it was being checked"
    )
    (row,) = rows(prelim, high)
    assert row.declined and "tells the update" in row.why


def test_a_figure_with_no_place_is_the_toll_of_the_one_site_its_story_counts_in():
    # every placed toll is "in the hospital's town"; one other is of another country (another event)
    site = [
        said(f"agency {i}", f"{v} people were killed in the town", [str(v)], day=19, place="Town")
        for i, v in enumerate((100, 200, 300))
    ]
    for it in site:
        it.claim.quantities[0].low, it.claim.quantities[0].high = 100.0, 300.0
        it.claim.quantities[0].value = None
    elsewhere = said(
        "officials", "1,400 people were killed in the neighbour", ["1,400"], day=18, place="Other"
    )
    toll = said("the ministry", "471 people were killed", ["471"], day=18, place=None)
    items = (*site, elsewhere, toll)
    country = {"Town": ("C", "C"), "Other": ("D", "D")}
    story_of = {it.doc.id: "s1" for it in items}

    def contains(outer: str, inner: str | None) -> bool:
        return country.get(inner or "", (None,))[0] == outer

    settle_places(items, story_of, lambda pid: pid in ("C", "D"), contains, country.get)
    found = numeric_conflicts(items, story_of, contains=contains)
    reported = [c for c in found if not c.declined]
    # "471" read as the town's toll (not the country's, of which the town's would be a part)
    assert len(reported) == 1
    row = reported[0]
    every = {row.a.id, row.b.id, *(r.id for r in row.a_also + row.b_also)}
    assert toll.id in every and site[0].id in every and elsewhere.id not in every


def test_a_named_origin_revising_an_unattributed_figure_is_no_disagreement():
    # the outlet's own "over 500 were killed" on the first night, then "officials said 471"
    flat = said("the outlet", "over 500 people were killed", ["500"], day=17)
    flat.origin = None
    officials = said("Palestinian officials", "471 people were killed", ["471"], day=18)
    (row,) = rows(flat, officials)
    assert row.declined and "names no origin" in row.why
    # two named origins: the later lower figure disagrees
    named = said("the civil defence", "500 people were killed", ["500"], day=17)
    (row,) = rows(named, said("Palestinian officials", "471 people were killed", ["471"], day=18))
    assert not row.declined
    # an unattributed later lower figure still disagrees with a named earlier one
    later = said("another outlet", "471 people were killed", ["471"], day=18)
    later.origin = None
    (row,) = rows(said("the ministry", "500 people were killed", ["500"], day=17), later)
    assert not row.declined


def test_a_figure_in_a_claim_told_as_expected_is_no_count():
    count = said("the agency", "11,300 people died in the city", ["11,300"], day=18)
    forecast = said("aid groups", "the eventual toll is expected to reach up to 10,000", ["10,000"], day=19)
    forecast.claim.stance = Stance.EXPECTED
    assert rows(count, forecast) == []
    forecast.claim.stance = Stance.ASSERTED
    assert [r for r in rows(count, forecast) if not r.declined]


def test_a_claim_giving_one_count_two_numbers_without_a_change_counts_something_else_second():
    # a tally carried over: "314 people with various injuries" typed as a second death toll
    statement = said(
        "the ministry",
        "the toll reached 471 martyrs, in addition to 314 people with various injuries",
        ["471", "314"],
        day=18,
    )
    chief = said("a civil defence chief", "300 people were killed", ["300"], day=19)
    reported = [r for r in rows(statement, chief) if not r.declined]
    assert all("314" not in r.why for r in reported)
    # a change told between them keeps both: "1,000 still missing after having lowered the count to 850"
    told = said(
        "officials",
        "1,000 people were still missing after having lowered the count to 850",
        ["1,000", "850"],
        day=22,
    )
    from reportedly.link.conflicts_figures import second_of_one_count

    keys = [(0, "missing"), (1, "missing")]
    assert not second_of_one_count(told, 1, keys)
    assert second_of_one_count(statement, 1, [(0, "killed"), (1, "killed")])


def test_a_term_of_a_breakdown_is_no_count_of_its_own():
    from reportedly.link.conflicts_figures import broken_down

    doc = Document(text="", outlet="Outlet of the breakdown", published=date(2023, 8, 6))
    part = said(
        "The hospital director",
        "of the 900 injured, fewer than 150 are still in hospital",
        ["150"],
        day=6,
        doc=doc,
    )
    whole = said("The coroner", "out of the 310, 96 bodies have been identified", ["310", "96"], day=6)
    of_which = said(
        "The morgue", "it took in 140 bodies, of which 120 were handed over", ["140", "120"], day=6
    )
    plain = said("The mayor", "a total of 300 people, all of them tourists, were evacuated", ["300"], day=6)
    q = lambda it, i=0: it.claim.quantities[i]  # noqa: E731
    assert broken_down(part, q(part))
    assert broken_down(whole, q(whole, 0)) and broken_down(whole, q(whole, 1))
    assert broken_down(of_which, q(of_which, 1)) and not broken_down(of_which, q(of_which, 0))
    assert not broken_down(plain, q(plain))


def test_a_part_of_a_breakdown_against_an_earlier_count_is_declined_with_its_reason():
    earlier = said(
        "The health secretary", "382 people were still treated in hospital", ["382"], day=4, what="treated"
    )
    part = said(
        "The hospital director",
        "of the 900 injured, fewer than 150 are still treated in hospital",
        ["150"],
        day=6,
        what="treated",
    )
    (row,) = rows(earlier, part)
    assert row.declined and "a term of a breakdown" in row.why


def test_a_figure_told_at_an_earlier_unnamed_moment_is_not_a_later_lower_count():
    toll = said("The state government", "the final toll of the collision stood at 412", ["412"], day=4)
    then = said("The minister", "the toll of the collision was 380 at the time", ["380"], day=5)
    (row,) = rows(toll, then)
    assert row.declined and "earlier, unnamed moment" in row.why
    now = said("The minister", "the toll of the collision is 380", ["380"], day=5)
    (row,) = rows(toll, now)
    assert not row.declined


def test_others_beside_a_group_counts_an_addition_not_the_total():
    doc = Document(text="", outlet="Island paper", published=date(2023, 8, 16))
    named = said("the county", "it has named two people who died in the fire", ["two"], day=16, doc=doc)
    more = said("the paper", "at least five others have been identified", ["five"], day=16, doc=doc)
    (row,) = rows(named, more)
    assert row.declined and "others beside a group" in row.why
    # another report's total the next day, lower than an "others" count, is still no conflict
    later = said("a second paper", "19 others were identified by the coroner", ["19"], day=17)
    total = said("the coroner", "24 of the dead have now been identified", ["24"], day=16)
    (row,) = rows(total, later)
    assert row.declined


def test_one_term_of_a_sum_is_no_rival_of_the_sum():
    doc = Document(text="", outlet="Valley news", published=date(2023, 11, 5))
    total = said("the police", "the toll of the landslide reached 140", ["140"], day=5, doc=doc)
    parts = said(
        "a police officer",
        "the toll reached 96 in one valley and 44 in the next",
        ["96", "44"],
        day=5,
        doc=doc,
    )
    found = rows(total, parts)
    assert found and all(r.declined for r in found)
    assert any("one term of a sum" in r.why for r in found)
    # terms that make no sum of the other figure, told as no breakdown by place, are no parts of it
    # (a breakdown by place is: "96 in one valley and 20 in the next", test_link_conflicts_groups)
    other = said(
        "a police officer",
        "the toll reached 96, and 20 were hurt in the next valley",
        ["96", "20"],
        day=5,
        doc=doc,
    )
    assert any(not r.declined for r in rows(total, other))


def test_bodies_received_or_handed_over_are_not_the_toll():
    toll = said("The state", "the collision killed 290 people", ["290"], day=3)
    received = said("The surgeon", "the city's hospitals have received 140 of the dead", ["140"], day=4)
    handed = said("The official", "65 bodies have been handed over to their families", ["65"], day=4)
    for it in (received, handed):
        (row,) = rows(toll, it)
        assert row.declined and "bodies received or handed over" in row.why
    lower = said("The railway", "the collision killed 140 people", ["140"], day=4)
    (row,) = rows(toll, lower)
    assert not row.declined


def test_the_unidentified_falls_as_the_identified_rise():
    first = said("The coroner", "190 bodies are yet to be identified", ["190"], day=5, what="not_identified")
    then = said(
        "The manager", "only 104 bodies are yet to be identified", ["104"], day=6, what="not_identified"
    )
    (row,) = rows(first, then)
    assert row.declined and "falls as it eases" in row.why


def test_what_a_witness_saw_is_no_count():
    toll = said("The minister", "the crash killed 70 people", ["70"], day=3)
    seen = said("A passenger", "when I climbed out I saw 10-12 people dead", ["10-12"], day=3)
    assert rows(toll, seen) == []


def test_magnitudes_of_an_aftershock_or_another_quake_are_two_shocks():
    def quake(origin: str, content: str, figure: str, day: int) -> ClaimItem:
        return said(origin, content, [figure], day=day, what="quake", unit="magnitude", place=None)

    main = quake(
        "The survey", "the magnitude 6.1 quake, followed by strong aftershocks, hit at dawn", "6.1", 7
    )
    after = quake("The agency", "there was an aftershock of magnitude 5.2", "5.2", 7)
    second = quake("A paper", "another quake of magnitude 6.0 struck on Wednesday", "6.0", 11)
    rival = quake("The institute", "the quake had a magnitude of 5.8", "5.8", 7)
    for a, b in ((main, after), (after, second)):
        (row,) = rows(a, b)
        assert row.declined and "two shocks" in row.why
    (row,) = rows(main, rival)
    assert not row.declined  # one shock, two readings: a disagreement
    spelled = quake("The paper", "Two magnitude 6.1 quakes shook the west", "Two", 7)
    assert all(r.b.id != spelled.id and r.a.id != spelled.id for r in rows(main, spelled, rival))


def test_a_count_of_an_event_of_its_own_day_is_no_revision_of_earlier_counts():
    first = said("The agency", "the quake on Saturday killed at least 20 people", ["20"], day=7)
    new = said("Doctors", "three people died in this morning's powerful quake", ["three"], day=11)
    (row,) = rows(first, new)
    assert row.declined and "an event of its own day" in row.why


def test_the_killed_and_wounded_together_are_no_toll_of_the_dead():
    both = said("The ministry", "5,000 people have been killed and wounded in the floods", ["5,000"], day=10)
    dead = said("The health minister", "the floods killed about 1,200 people", ["1,200"], day=11)
    (row,) = rows(both, dead)
    assert row.declined and "killed and the wounded together" in row.why


def test_a_figure_for_a_district_or_village_is_a_part_of_the_area():
    total = said("The disaster agency", "1,300 people were injured in the quake", ["1,300"], day=8)
    doc = Document(text="", outlet="Agency wire", published=date(2023, 8, 8))
    unit = said("The governor", "the quake wounded 450 people in the two districts", ["450"], day=8, doc=doc)
    where = said("The mission", "it struck the hill district, where 980 people were injured", ["980"], day=9)
    (row,) = rows(total, unit)
    assert row.declined and "district or village" in row.why
    (row,) = rows(total, where)
    assert row.declined and "district or village" in row.why
    # a district's figure above the total is still a part larger than its whole's count
    big = said("The governor", "the quake wounded 1,900 people in the two districts", ["1,900"], day=8)
    (row,) = rows(total, big)
    assert not row.declined


def test_a_magnitude_beside_a_district_is_no_part_of_another():
    first = said(
        "The broadcaster",
        "the second quake had a magnitude of 7.3, and its epicentre was in the hill district",
        ["7.3"],
        day=6,
        what="quake",
        unit="magnitude",
        place=None,
    )
    other = said(
        "The survey",
        "a second 7.4 magnitude tremor struck",
        ["7.4"],
        day=7,
        what="quake",
        unit="magnitude",
        place=None,
    )
    (row,) = rows(first, other)
    assert not row.declined  # one shock, two readings


def test_a_figure_counted_over_a_span_of_days_is_no_toll_of_the_event():
    war = said("The ministry", "2,800 people had been killed in the 10-day offensive", ["2,800"], day=17)
    blast = said("Officials", "the blast at the school killed 420 people", ["420"], day=18)
    (row,) = rows(war, blast)
    assert row.declined and "span of days" in row.why
    other = said("The agency", "the blast at the school killed 900 people", ["900"], day=17)
    (row,) = rows(other, blast)
    assert not row.declined


def test_one_days_count_rendered_two_ways_is_a_disagreement():
    # two outlets relay the ministry's count of one day as 1,460 and 1,467: both cannot be it
    first = said("the ministry", "1,460 people died in the floods", ["1,460"], day=9)
    second = said("a ministry spokesman", "the toll stood at 1,467", ["1,467"], day=9)
    (row,) = rows(first, second)
    assert not row.declined and "rendered two ways" in row.why
    # one origin, two relays of its statement: the copies disagree, it did not update
    copy = said("the ministry", "the toll stood at 1,467", ["1,467"], day=9)
    (row,) = rows(first, copy)
    assert not row.declined
    # far apart in one day: a tally moving through the day, declined as before
    later = said("a ministry spokesman", "the toll stood at 1,900", ["1,900"], day=9)
    (row,) = rows(first, later)
    assert row.declined
    # a round figure beside a precise one is its rounding; small counts are no copies
    (row,) = rows(first, said("the agency", "1,500 people died", ["1,500"], day=9))
    assert row.declined
    small = rows(
        said("doctors", "two people died", ["two"], day=9), said("officials", "one died", ["one"], day=9)
    )
    assert all("rendered two ways" not in r.why for r in small)
