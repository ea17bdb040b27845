"""Origins, round 11 (origins13): a government and the bodies that speak for it; a nameless
statement is its speaker's.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays apart" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.link.entities import EntityIndex
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": ("The Velmar government said 1,210 people had died in the floods.", 3),
    "B": ("The Ministry of Flood Relief said 1,210 people had died, its spokesman told reporters.", 3),
    "C": ("At least 1,210 have died, the Ministry of Flood Relief said on Monday.", 4),
    "D": ("The Velmar said the toll had risen to 1,210.", 4),
    "E": ("Velmar officials said 1,210 people were confirmed dead.", 5),
    "F": ("The Interior Ministry gave a toll of 1,205 on Monday.", 4),
    "G": ("The Velmar-run government said 1,210 had died.", 5),
}


def _count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 6, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices)


def _org(key: str, name: str, etype: EntityType = EntityType.ORGANIZATION) -> Entity:
    return Entity(key, name, etype, aliases=[name])


def _movement() -> Entity:
    return _org("velmar", "Velmar")


def _movement_government() -> Entity:
    return _org("velmar-gov", "Velmar government", EntityType.GOVERNMENT)


def _relief() -> Entity:
    return _org("relief", "Ministry of Flood Relief", EntityType.GOVERNMENT)


def test_a_movement_named_as_a_government_somewhere_speaks_as_that_government() -> None:
    # "the Velmar", "Velmar officials" and "the Velmar-run government" are the Velmar government.
    index = EntityIndex()
    entities = [
        _movement(),
        _movement_government(),
        _org("velmar-officials", "Velmar officials"),
        _org("velmar-run", "Velmar-run government", EntityType.GOVERNMENT),
    ]
    index.add(entities)
    spoken = {e.id: (index.canonical(e).speaks_for or index.canonical(e)).key for e in entities}
    assert set(spoken.values()) == {index.canonical(_movement_government()).key}


def test_a_movement_never_named_as_a_government_stays_itself() -> None:
    index = EntityIndex()
    index.add([_movement(), _org("velmar-officials", "Velmar officials")])
    assert index.canonical(_movement()).speaks_for is None


def test_a_countrys_government_is_left_to_the_side_rules() -> None:
    # "the Ukrainian government" does not make every Ukrainian body the government.
    index = EntityIndex()
    ukraine = _org("ukr-gov", "Ukrainian government", EntityType.GOVERNMENT)
    body = _org("ukr-rail", "Ukrainian Railways")
    index.add([ukraine, body])
    assert index.canonical(body).speaks_for is None


def test_the_government_beside_its_ministry_is_the_ministrys_voice() -> None:
    # The movement (D) and the government (A) pass on the ministry's 1,210 (B, C): one origin
    # (named after the first named voice of the group).
    assert _count(("A", _movement_government()), ("B", _relief()), ("C", _relief()), ("D", _movement())) == [
        "velmar-government"
    ]


def test_two_ministries_stay_two_voices_and_the_government_joins_the_most_reported() -> None:
    interior = _org("interior", "Interior Ministry", EntityType.GOVERNMENT)
    assert _count(
        ("A", _movement_government()), ("B", _relief()), ("C", _relief()), ("F", interior), ("D", _movement())
    ) == ["interior-ministry", "velmar-government"]  # the government's group holds the relief ministry


def test_a_government_with_no_ministry_in_the_cluster_is_one_origin_of_its_own() -> None:
    runs = _org("velmar-run", "Velmar-run government", EntityType.GOVERNMENT)
    officials = _org("velmar-officials", "Velmar officials")
    assert _count(("A", _movement_government()), ("E", officials), ("G", runs), ("D", _movement())) == [
        "velmar-government"
    ]


_STATEMENTS = {
    "P": ("The Norland royal court declared a week of mourning.", 9),
    "Q": ("Norland declared a week of mourning, according to a statement.", 9),
    "R": ("A statement said the kingdom would mourn its dead for seven days.", 20),
}


def _said(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 9, day)) for k, (t, day) in _STATEMENTS.items()}
    return origin_keys(docs, voices)


def _court() -> Entity:
    return _org("court", "Norland royal court", EntityType.GOVERNMENT)


def _statement(doc: str) -> Entity:
    return Entity(f"statement@{doc}", "statement", EntityType.UNKNOWN, aliases=["a statement"])


def test_a_nameless_statement_is_the_statement_of_the_clusters_speaker() -> None:
    assert _said(("P", _court()), ("Q", _statement("Q"))) == ["norland-royal-court"]


def test_a_nameless_statement_weeks_later_stays_apart() -> None:
    assert len(_said(("P", _court()), ("R", _statement("R")))) == 2


def test_nameless_statements_alone_stay_their_articles() -> None:
    assert len(_said(("Q", _statement("Q")), ("R", _statement("R")))) == 2


_KINDS = {
    "K": ("The Norland coast guard said none of the passengers wore life vests.", 9),
    "L": ("None of the passengers wore life vests, the coastguard said.", 11),
    "M": ("The Osterland coast guard said its boats joined the search.", 10),
}


def _kinds(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 9, day)) for k, (t, day) in _KINDS.items()}
    return origin_keys(docs, voices)


def _coastguard() -> Entity:
    return Entity("coastguard@L", "coastguard", EntityType.ORGANIZATION, aliases=["the coastguard"])


def test_a_body_called_by_its_kind_is_the_named_body_of_that_kind_in_another_report() -> None:
    norland = _org("ncg", "Norland coast guard")
    assert _kinds(("K", norland), ("L", _coastguard())) == ["norland-coast-guard"]


def test_a_kind_two_named_bodies_hold_stays_its_articles() -> None:
    norland, osterland = _org("ncg", "Norland coast guard"), _org("ocg", "Osterland coast guard")
    assert len(_kinds(("K", norland), ("M", osterland), ("L", _coastguard()))) == 3
