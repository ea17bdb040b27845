"""Origins, round 9: one body written several ways, a body called by its kind, platforms read as people.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys, said
from reportedly.link.corpus import DocItem, claim_item
from reportedly.link.entities import EntityIndex
from reportedly.link.organisations import gazetteer_country, org_parts
from reportedly.link.voices import kind_of
from reportedly.model import (
    Entity,
    EntityType,
)


def _doc(outlet: str, text: str, day: int = 4) -> DocItem:
    return doc_item(outlet, text, date(2023, 6, day))


_TEXTS = {
    "A": "The flood killed 40 people, the aid group said on Monday in a statement.",
    "B": "Forty people were killed by the flood on Monday, according to rescuers.",
}


def _count(*voices: tuple[str, Entity], texts: dict[str, str] = _TEXTS) -> list[str]:
    """The origin keys of one cluster whose claims are (article, speaker) pairs."""
    return origin_keys({k: _doc(k, v) for k, v in texts.items()}, voices)


# -- one body written several ways -----------------------------------------------------------------


def test_a_countrys_intelligence_community_services_and_agencies_are_one_kind_of_body() -> None:
    country_of = gazetteer_country(EntityIndex().gaz)
    community = org_parts("the US intelligence community", country_of)
    services = org_parts("American intelligence services", country_of)
    assert community is not None and services is not None
    assert community.fits(services) and services.fits(org_parts("U.S. intelligence agencies", country_of))
    # another country's intelligence, and services of another domain, stay apart
    assert not community.fits(org_parts("French intelligence services", country_of))
    assert org_parts("emergency services", country_of).head == "services"


def test_a_report_of_a_countrys_intelligence_is_that_intelligence_where_the_corpus_names_it() -> None:
    community = Entity("e1", "US intelligence community", EntityType.AGENCY)
    services = Entity("e2", "U.S. intelligence services", EntityType.AGENCY)
    report = Entity("e3", "an unclassified U.S. intelligence report", EntityType.AGENCY, anonymous=True)
    memo = Entity(
        "e4", "a declassified U.S. intelligence assessment delivered to Congress", EntityType.GOVERNMENT
    )
    index = EntityIndex()
    index.add([community, services, report, memo])
    keys = {index.canonical(e).key for e in (community, services, report, memo)}
    assert len(keys) == 1
    assert not index.canonical(report).anonymous


def test_a_report_of_a_body_the_corpus_never_names_stays_unnamed() -> None:
    report = Entity("e1", "an unclassified Canadian intelligence report", EntityType.AGENCY, anonymous=True)
    other = Entity("e2", "US intelligence community", EntityType.AGENCY)
    index = EntityIndex()
    index.add([report, other])
    assert index.canonical(report).anonymous
    assert index.canonical(report).key != index.canonical(other).key


def test_a_platform_the_tagger_read_as_a_person_is_a_relay() -> None:
    platform = Entity("e1", "Twitter", EntityType.PERSON)
    person = Entity("e2", "Dana Twitterton", EntityType.PERSON)
    index = EntityIndex()
    index.add([platform, person])
    assert index.canonical(platform).relay
    assert not index.canonical(person).relay


# -- a body called by its kind in the article that named it -----------------------------------------


def test_a_description_by_kind_is_read_apart_from_a_name() -> None:
    assert kind_of("the UN agency") == ["un"]
    assert kind_of("Secretary General of the group") == []
    assert kind_of("a spokesman for the aid group") == []
    assert kind_of("a spokeswoman") == []
    assert kind_of("Northland Red Cross aid organization") is None  # a name with a describing tail
    assert kind_of("the statement") is None


def test_a_role_of_the_group_and_the_group_are_the_body_the_article_named() -> None:
    society = Entity("e1", "Northland Aid Society", EntityType.ORGANIZATION)
    head = Entity("e2", "Secretary General of the group", EntityType.UNKNOWN)
    spokesman = Entity("e3", "a spokesman for the aid group", EntityType.PERSON, anonymous=True)
    assert _count(("A", society), ("A", head)) == ["northland-aid-society"]
    assert _count(("A", society), ("A", spokesman)) == ["northland-aid-society"]


def test_a_kind_with_a_capitalised_qualifier_joins_only_a_body_holding_it() -> None:
    office = Entity("e1", "UN Office for Disaster Relief", EntityType.GOVERNMENT)
    agency = Entity("e2", "UN agency", EntityType.AGENCY)
    cross = Entity("e3", "Northland Red Cross", EntityType.ORGANIZATION)
    assert len(_count(("A", office), ("A", agency))) == 1
    assert len(_count(("A", cross), ("A", agency))) == 2  # "UN" is no word of the Red Cross


def test_a_kind_stays_apart_in_another_article_or_beside_two_bodies() -> None:
    society = Entity("e1", "Northland Aid Society", EntityType.ORGANIZATION)
    cross = Entity("e3", "Northland Red Cross", EntityType.ORGANIZATION)
    head = Entity("e2", "Secretary General of the group", EntityType.UNKNOWN)
    assert len(_count(("B", society), ("A", head))) == 2  # the article named no body
    assert len(_count(("A", society), ("A", cross), ("A", head))) == 3  # which group: unknown


# -- an official and the government of the place their role names ----------------------------------


def test_an_official_of_a_place_and_that_places_government_are_one_voice() -> None:
    for role, body in (
        ("Northvale Chief Secretary", "the Northvale government"),
        ("Northvale Governor", "Northvale regional military administration"),
    ):
        official = Entity("p1", "Mara Velden", EntityType.PERSON, [role])
        government = Entity("g1", body, EntityType.GOVERNMENT)
        assert len(_count(("A", official), ("B", government))) == 1, role


def test_an_official_stays_apart_from_another_places_government_or_a_ministry() -> None:
    official = Entity("p1", "Mara Velden", EntityType.PERSON, ["Northvale Governor"])
    elsewhere = Entity("g1", "the Southmoor government", EntityType.GOVERNMENT)
    ministry = Entity("g2", "Northvale Health Ministry", EntityType.GOVERNMENT)
    assert len(_count(("A", official), ("B", elsewhere))) == 2
    assert len(_count(("A", official), ("B", ministry))) == 2


# -- a person the report introduces as an officer of a body ------------------------------------------


def test_an_officer_introduced_with_the_bodys_name_speaks_as_that_body() -> None:
    texts = {
        "A": "The toll may rise tenfold, Dana Meyer, the NHA's chief emergency officer, told reporters.",
        "B": "The Northland Health Agency warned that the toll may rise tenfold.",
        "C": "The toll may rise tenfold, the NHA's chief emergency officer, Dana Meyer, said.",
    }
    person = Entity("p1", "Dana Meyer", EntityType.PERSON)
    agency = Entity("o1", "Northland Health Agency", EntityType.AGENCY, ["NHA"])
    assert len(_count(("A", person), ("B", agency), texts=texts)) == 1
    assert len(_count(("C", person), ("B", agency), texts=texts)) == 1


def test_an_officer_introduced_by_the_kind_of_the_one_body_the_report_names() -> None:
    texts = {
        "A": "The Northland Aid Society counted 40 dead. Ana Ruiz, secretary general of the group, said so."
    }
    person = Entity("p1", "Ana Ruiz", EntityType.PERSON)
    society = Entity("o1", "Northland Aid Society", EntityType.ORGANIZATION)
    assert len(_count(("A", person), ("A", society), texts=texts)) == 1


def test_a_person_introduced_otherwise_stays_their_own_voice() -> None:
    texts = {
        "A": "The toll may rise tenfold, Dana Meyer, a volcanologist at Westport University, said.",
        "B": "The Northland Health Agency warned that the toll may rise tenfold.",
        "C": "The toll may rise tenfold, Dana Meyer said.",
    }
    person = Entity("p1", "Dana Meyer", EntityType.PERSON)
    agency = Entity("o1", "Northland Health Agency", EntityType.AGENCY, ["NHA"])
    assert len(_count(("A", person), ("B", agency), texts=texts)) == 2
    assert len(_count(("C", person), ("B", agency), texts=texts)) == 2


# -- a body named by its parent ---------------------------------------------------------------------


def test_a_body_named_by_its_parent_is_the_one_office_of_the_cluster() -> None:
    un = Entity("o1", "United Nations", EntityType.ORGANIZATION)
    office = Entity("o2", "UN Office for Flood Relief", EntityType.GOVERNMENT)
    assert len(_count(("A", un), ("B", office))) == 1
    crescent = Entity("o3", "Red Crescent", EntityType.ORGANIZATION)
    northland = Entity("o4", "Northland Red Crescent", EntityType.ORGANIZATION)
    assert len(_count(("A", crescent), ("B", northland))) == 1
    officials = Entity("o5", "UN officials", EntityType.ORGANIZATION)
    assert len(_count(("A", officials), ("B", office))) == 1
    un = Entity("o6", "United Nations", EntityType.ORGANIZATION)
    assert len(_count(("A", officials), ("A", un), ("B", office))) == 1


def test_a_parent_stays_apart_beside_two_offices_or_a_body_it_only_runs() -> None:
    un = Entity("o1", "United Nations", EntityType.ORGANIZATION)
    office = Entity("o2", "UN Office for Flood Relief", EntityType.GOVERNMENT)
    fund = Entity("o3", "UN Children's Fund", EntityType.ORGANIZATION)
    assert len(_count(("A", un), ("B", office), ("B", fund))) == 3
    party = Entity("o4", "Northland Front", EntityType.ORGANIZATION)
    ministry = Entity("o5", "the Northland Front-run health ministry", EntityType.GOVERNMENT)
    assert len(_count(("A", party), ("B", ministry))) == 2


# -- a figure written as the subject of a speech verb is no speaker ----------------------------------


def test_a_figure_written_as_speaker_is_no_origin() -> None:
    d = _doc("A", "The toll was earlier put at 288, which the state government revised to 275.")
    index = EntityIndex()
    toll = Entity("t1", "The toll", EntityType.UNKNOWN)
    index.add([toll])
    assert claim_item(said(d, toll), d, index).origin is None  # the outlet's own statement
    for name in ("Northland Red Cross figures", "the ministry"):
        body = Entity("b1", name, EntityType.ORGANIZATION)
        index = EntityIndex()
        index.add([body])
        assert claim_item(said(d, body), d, index).origin is not None, name
