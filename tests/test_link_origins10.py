"""Origins, round 10: a government and its ministers; one body named two ways on different days.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.link.entities import EntityIndex
from reportedly.link.organisations import embedded_acronym
from reportedly.model import (
    Entity,
    EntityType,
)

_TEXTS = {
    "A": ("Health Minister Jane Roe said on Wednesday that more than 1,000 people died in the quake.", 11),
    "B": ("The Veldish government said more than 1,000 people were killed by the quake.", 15),
    "C": ("More than 1,000 people were killed in the quake, the Veldish government said.", 30),
}


def _count(*voices: tuple[str, Entity]) -> list[str]:
    """The origin keys of one cluster whose claims are (article, speaker) pairs."""
    docs = {k: doc_item(k, t, date(2023, 10, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices)


def _minister(eid: str = "p1", role: str = "Health Minister") -> Entity:
    return Entity(eid, "Jane Roe", EntityType.PERSON, aliases=[role, "Jane Roe"])


def test_a_minister_and_the_one_government_of_the_cluster_are_one_voice_within_a_week() -> None:
    government = Entity("g1", "Veldish government", EntityType.GOVERNMENT)
    assert len(_count(("A", _minister()), ("B", government))) == 1


def test_a_minister_stays_apart_from_the_government_weeks_later_or_beside_two_governments() -> None:
    government = Entity("g1", "Veldish government", EntityType.GOVERNMENT)
    assert len(_count(("A", _minister()), ("C", government))) == 2  # 19 days on: a new statement
    other = Entity("g2", "Ostrish government", EntityType.GOVERNMENT)
    assert len(_count(("A", _minister()), ("B", government), ("B", other))) == 3


def test_a_spokesman_for_another_body_or_a_region_is_not_the_government() -> None:
    government = Entity("g1", "Veldish government", EntityType.GOVERNMENT)
    red_cross = _minister("p2", "spokesman for the Veldish Red Cross")
    assert len(_count(("A", red_cross), ("B", government))) == 2
    regional = Entity("g3", "Veldish regional administration", EntityType.GOVERNMENT)
    assert len(_count(("A", _minister()), ("B", regional))) == 2


def test_two_named_ministers_stay_two_people_beside_their_government() -> None:
    government = Entity("g1", "Veldish government", EntityType.GOVERNMENT)
    other = Entity("p3", "John Doe", EntityType.PERSON, aliases=["Interior Minister", "John Doe"])
    keys = _count(("A", _minister()), ("A", other), ("B", government))
    assert len(keys) == 1  # both sit in the one government: it speaks, once
    # without a government in the cluster, two named ministers are two voices
    assert len(_count(("A", _minister()), ("A", other))) == 2


def test_a_body_named_two_ways_is_one_on_any_day_and_its_office_joins() -> None:
    officials = Entity("u1", "UN officials", EntityType.ORGANIZATION)
    un = Entity("u2", "United Nations", EntityType.ORGANIZATION)
    fund = Entity("u3", "UN Children's Fund", EntityType.ORGANIZATION)
    assert len(_count(("A", officials), ("C", un))) == 1
    assert len(_count(("A", fund), ("A", officials), ("C", un))) == 1


def test_a_body_described_around_its_acronym_is_that_body() -> None:
    plain = Entity("s1", "NSB security service", EntityType.AGENCY)
    owned = Entity("s2", "Veldish's NSB security service", EntityType.AGENCY)
    other = Entity("s3", "SSB security service", EntityType.AGENCY)
    index = EntityIndex()
    index.add([plain, owned, other])
    assert index.canonical(plain).key == index.canonical(owned).key
    assert index.canonical(other).key != index.canonical(plain).key
    assert embedded_acronym("NSB Director Jane Roe") == []  # a person, not the body
    assert embedded_acronym("Veldish's NSB security service") == ["NSB"]


def test_a_national_minister_is_not_the_government_of_a_region_the_gazetteer_knows() -> None:
    """ "The Queensland government" has no level word, but the places gazetteer knows Queensland
    as a region: a health minister beside it may be the country's, so they stay two voices."""
    state = Entity("g4", "Queensland government", EntityType.GOVERNMENT)
    assert len(_count(("A", _minister()), ("B", state))) == 2
    country = Entity("g5", "Australian government", EntityType.GOVERNMENT)  # a demonym: national
    assert len(_count(("A", _minister()), ("B", country))) == 1
