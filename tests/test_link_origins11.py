"""Origins, round 10 (origins11): a voice described in lower case repeats the named voice.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": ("Jane Roe, head of the Veldish Red Cross office, said some 5,000 people were missing.", 11),
    "B": ("International aid groups gave estimates of up to 5,000 people missing.", 12),
    "C": ("A statement put the number of missing at 5,000.", 12),
    "D": ("The two sides blamed each other for the 5,000 missing.", 12),
    "E": ("Up to 5,000 people are missing, international aid groups said.", 30),
}


def _no_side(_phrase: str) -> str | None:
    return None


def _count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 9, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices, _no_side)


def _roe() -> Entity:
    return Entity("p1", "Jane Roe", EntityType.PERSON, aliases=["Jane Roe"])


def _described(eid: str, text: str) -> Entity:
    return Entity(eid, text, EntityType.ORGANIZATION, aliases=[text])


def test_a_description_in_lower_case_repeating_a_named_voice_is_its_relay() -> None:
    assert len(_count(("A", _roe()), ("B", _described("g1", "international aid groups")))) == 1
    assert len(_count(("A", _roe()), ("C", _described("s1", "a statement")))) == 1


def test_a_description_stays_its_own_weeks_later_or_with_no_named_voice() -> None:
    assert len(_count(("A", _roe()), ("E", _described("g1", "international aid groups")))) == 2
    assert (
        len(
            _count(
                ("B", _described("g1", "international aid groups")), ("C", _described("s1", "a statement"))
            )
        )
        == 2
    )


def test_a_description_of_several_parties_is_nobodys_relay() -> None:
    assert len(_count(("A", _roe()), ("D", _described("t1", "the two sides")))) == 2
