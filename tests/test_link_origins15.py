"""Origins, round 13 (origins15): a news outlet credited with a sentence whose own subject speaks
("The Harbour Board called for an inquiry, the Coast Herald noted") relays that speaker.

Passages are our own; each test builds what extraction gives for them (the outlet as the only hop)
and checks what the story level counts. The "stays apart" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.link.entities import Canonical
from reportedly.link.relayed import relayed_speaker
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": ("The Harbour Board called for an inquiry into the pilots' handling of the storm.", 3),
    "B": ("The Harbour Board has called for an independent inquiry into the handling of the storm.", 4),
    "C": ("The Harbour Board's claims that the pilots were warned were disputed by the crews.", 4),
    "D": ("Calder said the pilots had been warned twice before the storm.", 4),
    "E": ("Nell Calder said the pilots had been warned twice before the storm reached the coast.", 3),
    "F": ("The pilots had been warned twice before the storm, according to the crews.", 5),
}


def _count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 6, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices)


def _board() -> Entity:
    return Entity("board", "Harbour Board", EntityType.ORGANIZATION, aliases=["the Harbour Board"])


def _herald() -> Entity:
    return Entity("herald", "Coast Herald", EntityType.MEDIA_OUTLET, aliases=["the Coast Herald"])


def _calder() -> Entity:
    return Entity("calder", "Nell Calder", EntityType.PERSON, aliases=["Nell Calder"])


def test_an_outlet_credited_with_a_bodys_call_relays_the_body() -> None:
    # A: the Herald noted the Board's call; B: the Board's own statement. One voice.
    assert _count(("A", _herald()), ("B", _board())) == ["harbour-board"]


def test_a_surname_opening_the_sentence_is_the_person_named_elsewhere() -> None:
    assert _count(("D", _herald()), ("E", _calder())) == ["person:nell-calder"]


def test_a_possessive_claim_the_sentence_evaluates_stays_the_outlets() -> None:
    # C weighs the Board's claims; it does not pass them on: the Herald is its source.
    assert _count(("C", _herald()), ("B", _board())) == ["coast-herald", "harbour-board"]


def test_a_sentence_with_no_speaker_opening_it_stays_the_outlets() -> None:
    assert _count(("F", _herald()), ("E", _calder())) == ["coast-herald", "person:nell-calder"]


def test_a_name_two_entities_answer_to_finds_no_speaker() -> None:
    one = Canonical("harbour-board", "Harbour Board", EntityType.ORGANIZATION, aliases={"the Board"})
    two = Canonical("school-board", "School Board", EntityType.ORGANIZATION, aliases={"the Board"})
    assert relayed_speaker("The Board said the pilots were warned.", lambda: [one, two]) is None
    assert relayed_speaker("The Board said the pilots were warned.", lambda: [one]) is one


def test_an_outlet_is_never_the_speaker_found() -> None:
    other = Canonical("daily", "Daily Post", EntityType.MEDIA_OUTLET)
    assert relayed_speaker("The Daily Post said the pilots were warned.", lambda: [other]) is None


# --- one office under two names (link/offices.py) -------------------------------------------

_OFFICE_TEXTS = {
    "G": ("The Office for Coastal Resettlement said 900 families had been moved inland.", 3),
    "H": ("Some 900 families had been moved inland, the UN's resettlement agency estimated.", 4),
    "I": ("Some 900 families had been moved inland, the UN agency said.", 4),
    "J": ("The Velland Department of Harbours put the repair bill at $2 billion.", 5),
    "K": ("Velland Harbours Secretary Ana Ruiz said the repairs would cost $2 billion.", 5),
    "L": ("The Velland Resettlement Fund said 900 families had been moved inland.", 3),
    "M": ("Velland Finance Secretary Tom Bell said the repairs would cost $2 billion.", 6),
}


def _office_count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 6, day)) for k, (t, day) in _OFFICE_TEXTS.items()}
    return origin_keys(docs, voices)


def _body(key: str, name: str, etype: EntityType = EntityType.ORGANIZATION) -> Entity:
    return Entity(key, name, etype, aliases=[name])


def _person(key: str, name: str, role: str) -> Entity:
    return Entity(key, name, EntityType.PERSON, aliases=[name, role])


def test_a_body_described_by_what_it_does_is_the_named_body_that_does_it() -> None:
    office = _body("ocr", "Office for Coastal Resettlement")
    agency = _body("unra", "UN's resettlement agency", EntityType.AGENCY)
    assert _office_count(("G", office), ("H", agency)) == ["office-for-coastal-resettlement"]


def test_a_bare_kind_in_another_report_stays_apart() -> None:
    office = _body("ocr", "Office for Coastal Resettlement")
    agency = _body("una", "UN agency", EntityType.AGENCY)
    assert len(_office_count(("G", office), ("I", agency))) == 2


def test_a_description_two_named_bodies_fit_stays_apart() -> None:
    one = _body("ocr", "Office for Coastal Resettlement")
    two = _body("vrf", "Velland Resettlement Fund")
    agency = _body("unra", "UN's resettlement agency", EntityType.AGENCY)
    assert len(_office_count(("G", one), ("L", two), ("H", agency))) == 3


def test_a_departments_head_speaks_for_the_department() -> None:
    dept = _body("vdh", "Velland Department of Harbours", EntityType.GOVERNMENT)
    ruiz = _person("ruiz", "Ana Ruiz", "Velland Harbours Secretary")
    assert _office_count(("J", dept), ("K", ruiz)) == ["velland-department-of-harbours"]


def test_the_head_of_another_department_stays_apart() -> None:
    dept = _body("vdh", "Velland Department of Harbours", EntityType.GOVERNMENT)
    bell = _person("bell", "Tom Bell", "Velland Finance Secretary")
    assert len(_office_count(("J", dept), ("M", bell))) == 2


def test_a_states_official_speaks_for_the_state_named_bare_as_its_government() -> None:
    # "Velland said it estimates …" (extraction types the place a government) and its Finance
    # Secretary giving the same estimate: one voice.
    state = _body("velland", "Velland", EntityType.GOVERNMENT)
    bell = _person("bell", "Tom Bell", "Velland Finance Secretary")
    assert _office_count(("J", state), ("M", bell)) == ["velland"]


def test_an_official_of_another_place_stays_apart_from_the_state() -> None:
    state = _body("norland", "Norland", EntityType.GOVERNMENT)
    bell = _person("bell", "Tom Bell", "Velland Finance Secretary")
    assert len(_office_count(("J", state), ("M", bell))) == 2
