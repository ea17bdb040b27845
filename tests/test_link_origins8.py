"""Origins and stories, round 8: datelines, titled names, unnamed roles, like events elsewhere.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from reportedly.extract.roles import ROLE_NOUNS
from reportedly.link.corpus import DocItem, claim_item, dateline
from reportedly.link.entities import EntityIndex
from reportedly.link.independence import origins
from reportedly.link.people import same_as_known, skeleton, titled_name
from reportedly.link.stories import elsewhere, headline_places
from reportedly.model import (
    ChainLink,
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    EntityType,
    SectionKind,
    Span,
    Stance,
)


def _doc(outlet: str, text: str, day: int = 4, title: str | None = None) -> DocItem:
    return DocItem(
        Document(text, id=outlet, outlet=outlet, published=date(2023, 6, day), title=title), outlet
    )


def _claim(d: DocItem, *hops: tuple[Entity, str | None, int | None]) -> Claim:
    text = d.document.text
    chain = [
        ChainLink(e, cue, Span(at, at + len(e.name), e.name) if at is not None else None)
        for e, cue, at in hops
    ]
    return Claim(
        ClaimKind.DIRECT,
        SectionKind.BODY,
        Stance.ASSERTED,
        Cue(0, 1, text[0], "said"),
        [Span(0, len(text), text)],
        chain=chain,
        id=f"{d.id}:{len(chain)}:{hops[0][0].name if hops else ''}",
    )


# -- datelines are no speakers ---------------------------------------------------------------------


def test_a_place_opening_a_line_with_a_colon_is_a_dateline_not_a_speaker() -> None:
    # "Springfield: The toll from the bridge collapse rose to 31 on Monday."
    text = "Headline\nSpringfield: The toll from the bridge collapse rose to 31 on Monday."
    d = _doc("Daily Example", text)
    place = Entity("springfield", "Springfield", EntityType.COUNTRY)
    hop = ChainLink(place, ":", Span(9, 20, "Springfield"))
    assert dateline(hop, text)
    index = EntityIndex()
    index.add([place])
    item = claim_item(_claim(d, (place, ":", 9)), d, index)
    assert item.origin is None  # the outlet's own statement, not Springfield's


def test_a_colon_after_a_full_name_or_inside_a_line_keeps_its_speaker() -> None:
    text = "Headline\nMaria Keller: we will rebuild the bridge. The mayor: it will take a year."
    person = Entity("person:maria-keller", "Maria Keller", EntityType.PERSON)
    assert not dateline(ChainLink(person, ":", Span(9, 21, "Maria Keller")), text)
    mayor = Entity("mayor", "The mayor", EntityType.PERSON)
    assert not dateline(ChainLink(mayor, ":", Span(51, 60, "The mayor")), text)
    assert not dateline(ChainLink(mayor, "said", Span(9, 18, "Maria Kel")), text)


# -- a person written after a title is that person ---------------------------------------------------


def test_a_title_written_before_a_name_is_read_off_the_name() -> None:
    assert titled_name("Westland Chief Secretary Anna Brekova", ROLE_NOUNS) == (
        "Anna Brekova",
        "Westland Chief Secretary",
    )
    assert titled_name("Secretary General of the group", ROLE_NOUNS) is None
    assert titled_name("National Disaster Agency", ROLE_NOUNS) is None


def test_a_titled_name_the_tagger_read_as_a_body_joins_the_person() -> None:
    # "Westland Chief Secretary Anna Brekova said …" tagged as a place, beside "Anna Brekova said …"
    titled = Entity(
        "westland-chief-secretary-anna-brekova", "Westland Chief Secretary Anna Brekova", EntityType.COUNTRY
    )
    plain = Entity("person:anna-brekova", "Anna Brekova", EntityType.PERSON)
    index = EntityIndex()
    index.add([titled, plain])
    assert index.canonical(titled).key == index.canonical(plain).key
    assert "Westland Chief Secretary" in index.canonical(plain).roles


def test_initials_written_together_are_the_person_of_the_corpus() -> None:
    known = {skeleton("brekova"): [["a", "j", "brekova"]]}
    assert same_as_known("AJ Brekova", known)
    assert not same_as_known("Brekova Holdings", known)
    body = Entity("aj-brekova", "AJ Brekova", EntityType.ORGANIZATION)
    person = Entity("person:a-brekova", "A. J. Brekova", EntityType.PERSON)
    index = EntityIndex()
    index.add([body, person])
    assert index.canonical(body).key == index.canonical(person).key


# -- an unnamed role is the cluster's person of that role ---------------------------------------------


def _count(*chains: tuple[str, Entity]) -> list[str]:
    index = EntityIndex()
    index.add([e for _, e in chains])
    items = []
    for outlet, e in chains:
        d = _doc(outlet, f"{outlet} says the figures were revised.")
        items.append(claim_item(_claim(d, (e, "said", None)), d, index))
    found, _ = origins(items)
    return sorted(o.key for o in found)


def test_an_unnamed_role_joins_the_one_person_of_the_cluster_given_that_role() -> None:
    # "Westland Chief Secretary Anna Brekova said 410 were discharged" / (another outlet) "the Chief
    # Secretary said 410 injured passengers had gone home"
    brekova = Entity("person:anna-brekova", "Anna Brekova", EntityType.PERSON, ["Westland Chief Secretary"])
    unnamed = Entity("secretary@b", "Secretary", EntityType.PERSON, [], True)
    assert _count(("A", brekova), ("B", unnamed)) == ["person:anna-brekova"]


def test_an_unnamed_role_stays_apart_from_a_person_of_another_role_or_two_holders() -> None:
    brekova = Entity("person:anna-brekova", "Anna Brekova", EntityType.PERSON, ["Westland Chief Secretary"])
    unnamed_mayor = Entity("mayor@b", "Mayor", EntityType.PERSON, [], True)
    assert len(_count(("A", brekova), ("B", unnamed_mayor))) == 2
    other = Entity("person:tom-ellery", "Tom Ellery", EntityType.PERSON, ["Eastland Chief Secretary"])
    unnamed = Entity("secretary@c", "Secretary", EntityType.PERSON, [], True)
    assert len(_count(("A", brekova), ("C", other), ("B", unnamed))) == 3


# -- a like event in another place is another story ---------------------------------------------------


def test_a_like_event_in_another_place_of_the_same_country_is_elsewhere() -> None:
    first = _doc(
        "A",
        "The toll of the express train collision near Nagpur rose to 61, officials said.",
        title="Nagpur train collision: toll rises to 61",
    )
    later = _doc(
        "B",
        "Days after the Nagpur collision, four wagons of a freight train derailed near Nashik. "
        "Nobody was hurt.",
        title="Freight train derails in Maharashtra's Nashik, no injuries",
    )
    assert elsewhere(headline_places(first), headline_places(later))


def test_reports_of_one_event_naming_it_at_two_levels_are_not_elsewhere() -> None:
    city = _doc(
        "A",
        "The toll of the collision near Nagpur rose to 61.",
        title="Nagpur train collision: toll rises to 61",
    )
    state = _doc(
        "B",
        "Rescuers in Nagpur searched the wreck as the toll of the collision rose to 70.",
        title="Maharashtra train crash: toll rises to 70",
    )
    country = _doc(
        "C", "The crash near Nagpur is the worst in years.", title="India's worst train crash in years"
    )
    assert not elsewhere(headline_places(city), headline_places(state))
    assert not elsewhere(headline_places(city), headline_places(country))


def test_a_pronoun_resolved_to_a_place_read_as_a_person_is_no_origin() -> None:
    # "The Chief Secretary said 410 were discharged. … 1,200 were referred to hospitals, he said."
    # where "he" was resolved to "Bhubaneswar", a city the tagger read as a person
    text = "All together 1,200 injured people were referred to hospitals, he said."
    d = _doc("Daily Example", text)
    city = Entity("bhubaneswar", "Bhubaneswar", EntityType.PERSON)
    index = EntityIndex()
    index.add([city])
    assert claim_item(_claim(d, (city, "said", None)), d, index).origin is None
    # a surname that is also a town, joined to its full name, stays the person
    green = Entity("green", "Green", EntityType.PERSON)
    full = Entity("person:josh-green", "Josh Green", EntityType.PERSON)
    index = EntityIndex()
    index.add([green, full])
    assert claim_item(_claim(d, (green, "said", None)), d, index).origin is not None


# -- a body named once and then called by its kind ----------------------------------------------------


def _one_article(*chains: Entity) -> list[str]:
    index = EntityIndex()
    index.add(chains)
    d = _doc("A", "Harbor County sued the utility. The county said the lines stayed live.")
    items = [claim_item(_claim(d, (e, "said", None)), d, index) for e in chains]
    found, _ = origins(items)
    return sorted(o.key for o in found)


def test_a_body_called_by_its_kind_after_its_name_in_one_article_is_that_body() -> None:
    named = Entity("harbor-county", "Harbor County", EntityType.ORGANIZATION)
    described = Entity("county", "the county", EntityType.ORGANIZATION)
    assert _one_article(named, described) == ["harbor-county"]
    other = Entity("utility", "the utility", EntityType.ORGANIZATION)
    assert len(_one_article(named, other)) == 2
