"""Origins, round 12 (origins14): a figure a speaker's sentence only recalls in a relative clause
("… before a storm that killed 312 people") is the newsroom's, not one more origin of it.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays apart" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": ("The Coastal Relief Agency said 312 people had died in the storm.", 3),
    "B": ("At least 312 people were killed, the Coastal Relief Agency said on Tuesday.", 4),
    "C": ("Its pylons were switched off hours before a storm that killed 312 people on the coast.", 4),
    "D": ("The storm, which killed 312 people, was the worst in decades, the Harbour Board said.", 5),
    "E": ("The Harbour Board said 312 people had died, 40 of them fishermen.", 5),
    "F": ("Its pylons were switched off hours before the storm struck the coast.", 4),
}


def _count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 6, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices)


def _org(key: str, name: str) -> Entity:
    return Entity(key, name, EntityType.ORGANIZATION, aliases=[name])


def _agency() -> Entity:
    return _org("relief", "Coastal Relief Agency")


def _utility() -> Entity:
    return _org("utility", "Velta Power")


def _board() -> Entity:
    return _org("board", "Harbour Board")


def test_a_toll_recalled_in_a_relative_clause_is_no_origin_of_it() -> None:
    # C is the utility on its pylons; the 312 is the storm the newsroom names: the agency's toll.
    assert _count(("A", _agency()), ("B", _agency()), ("C", _utility())) == ["coastal-relief-agency"]


def test_a_which_clause_between_commas_is_background_too() -> None:
    assert _count(("A", _agency()), ("B", _agency()), ("D", _board())) == ["coastal-relief-agency"]


def test_a_speaker_stating_the_figure_as_their_own_stays_an_origin() -> None:
    # E gives 312 in its own words: a second count, whatever C recalls.
    assert _count(("A", _agency()), ("B", _agency()), ("E", _board()), ("C", _utility())) == [
        "coastal-relief-agency",
        "harbour-board",
    ]


def test_a_cluster_not_about_the_figure_keeps_its_speakers() -> None:
    # Only C holds the figure, and only as background: nothing to recall, the utility is the voice.
    assert _count(("C", _utility()), ("F", _utility())) == ["velta-power"]
