"""Origins, round 10 wave 2 (origins12): a revision passes on the figure it replaced.

Passages are our own; each test builds what extraction gives for them and checks what the story
level counts. The "stays" cases can fail as well as the merges.
"""

from __future__ import annotations

from datetime import date

from origin_cases import doc_item, origin_keys
from reportedly.model import Entity, EntityType

_TEXTS = {
    "A": ("The death toll has reached 412, the Veldish rail board said.", 3),
    "B": ("So far 412 people have died, the Veldish rail board said.", 3),
    "C": ("The Norland provincial government revised the death toll to 389 from 412.", 4),
    "D": ("The Norland provincial government said the toll rose from 389 to 412.", 4),
    "E": ("The Norland provincial government said 412 people had died.", 4),
}


def _count(*voices: tuple[str, Entity]) -> list[str]:
    docs = {k: doc_item(k, t, date(2023, 6, day)) for k, (t, day) in _TEXTS.items()}
    return origin_keys(docs, voices)


def _board() -> Entity:
    return Entity("board", "Veldish rail board", EntityType.ORGANIZATION, aliases=["the Veldish rail board"])


def _province() -> Entity:
    return Entity(
        "prov",
        "Norland provincial government",
        EntityType.GOVERNMENT,
        aliases=["The Norland provincial government"],
    )


def test_a_revision_in_the_cluster_of_the_figure_it_replaced_is_no_second_origin() -> None:
    assert _count(("A", _board()), ("B", _board()), ("C", _province())) == ["veldish-rail-board"]


def test_a_revision_to_the_clusters_figure_is_its_own_origin() -> None:
    # "rose from 389 to 412": the province gives 412 as its own figure.
    assert _count(("A", _board()), ("B", _board()), ("D", _province())) == [
        "norland-provincial-government",
        "veldish-rail-board",
    ]


def test_the_same_figure_stated_as_its_own_stays_a_second_origin() -> None:
    assert _count(("A", _board()), ("B", _board()), ("E", _province())) == [
        "norland-provincial-government",
        "veldish-rail-board",
    ]
