"""Each registered finder alone: a short passage in, the drafts it finds out.

The finders run without the learned model (``passages.found``), except the learned
finder, which gets a stub model that tags what the test tells it to.
"""

from __future__ import annotations

import pytest

from passages import StubModel, article, found, spans
from reportedly.extract import FINDERS, Models
from reportedly.extract.registry import FINDERS as REGISTERED
from reportedly.extract.registry import finder, get_finder
from reportedly.model import ClaimKind, Stance


def only(name: str, text: str) -> dict[str, object]:
    """The one draft the finder finds, as text, with its kind and stance."""
    drafts = found(name, text)
    assert len(drafts) == 1, [spans(text, d) for d in drafts]
    d = drafts[0]
    return spans(text, d) | {"kind": d.kind, "stance": d.stance, "inverted": d.inverted}


def test_every_default_finder_is_registered_and_has_a_test_here() -> None:
    assert set(FINDERS) <= set(REGISTERED)
    tested = {name for name, *_ in CASES} | {"learned"}
    assert set(FINDERS) == tested


CASES = [
    (
        "headline_colon",
        "Troops in place but not in combat: Ukraine official\n\nThe convoy reached the border.",
        {"cue": ":", "source": "Ukraine official", "content": ["Troops in place but not in combat"]},
        ClaimKind.HEADLINE,
    ),
    (
        "title_colon",  # a title with a full stop, which the layout reads as body
        "Poll: Clinton and Trump in dead heat.\n\nThe race is close.",
        {"cue": ":", "source": "Poll", "content": ["Clinton and Trump in dead heat"]},
        ClaimKind.HEADLINE,
    ),
    (
        "speaker_lines",
        "The debate went on.\n\nPENCE: Gennifer Flowers will not be attending the debate tonight.",
        {
            "cue": ":",
            "source": "PENCE",
            "content": ["Gennifer Flowers will not be attending the debate tonight."],
        },
        ClaimKind.DIRECT,
    ),
    (
        "dash_credits",
        "Readers wrote in.\n\n“I am afraid of what comes next.” ― Jane Doe",
        {"cue": "―", "source": "Jane Doe", "content": ["I am afraid of what comes next."]},
        ClaimKind.DIRECT,
    ),
    (
        "credit_after",
        "The ferry will resume on Monday, reported The Harbor Times.",
        {"cue": "reported", "source": "The Harbor Times", "content": ["The ferry will resume on Monday"]},
        ClaimKind.INDIRECT,
    ),
    (
        "verbs",
        "The mayor said the bridge would reopen in March.",
        {"cue": "said", "source": "The mayor", "content": ["the bridge would reopen in March"]},
        ClaimKind.INDIRECT,
    ),
    (
        "according_to",
        "According to the ministry, 40 people died in the floods.",
        {"cue": "According to", "source": "the ministry", "content": ["40 people died in the floods"]},
        ClaimKind.ACCORDING_TO,
    ),
    (
        "non_statements",
        "The ministry declined to comment on the report.",
        {"cue": "declined to comment", "source": "The ministry", "content": ["on the report"]},
        ClaimKind.NON_STATEMENT,
    ),
    (
        "citing",
        "Turnout reached 61 percent, as cited by the election commission.",
        {"cue": "as cited", "source": "the election commission", "content": ["Turnout reached 61 percent"]},
        ClaimKind.CITING,
    ),
    (
        "tallies",
        "The seismic agency put the magnitude of the quake at 6.1.",
        {"cue": "put", "source": "The seismic agency", "content": ["the magnitude of the quake at 6.1"]},
        ClaimKind.INDIRECT,
    ),
    (
        "passives",
        "North Korea has been suspected of sending troops to Russia.",
        {
            "cue": "has been suspected",
            "source": None,
            "content": ["North Korea", "of sending troops to Russia"],
        },
        ClaimKind.PASSIVE,
    ),
    (
        "reportedly",
        "The singer has reportedly cancelled the tour.",
        {"cue": "reportedly", "source": None, "content": ["The singer has", "cancelled the tour"]},
        ClaimKind.PASSIVE,
    ),
]


@pytest.mark.parametrize(("name", "text", "expected", "kind"), CASES, ids=[c[0] for c in CASES])
def test_a_finder_alone_finds_its_construction(name: str, text: str, expected: dict, kind: ClaimKind) -> None:
    draft = only(name, text)
    assert {k: draft[k] for k in expected} == expected
    assert draft["kind"] is kind


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "headline_colon",
            "The convoy reached the border: officials said so.\n\nIt was late.",
        ),  # body, no title
        ("title_colon", "The race is close.\n\nPoll: Clinton and Trump in dead heat."),  # not the first block
        (
            "speaker_lines",
            "PENCE: Gennifer Flowers will not be attending\n\nThe debate went on.",
        ),  # a headline
        ("verbs", "That said, the bridge is safe."),  # a reporting verb in an aside
        ("according_to", "The books were arranged according to height."),  # manner, not a source
        ("non_statements", "The ministry declined the offer."),  # declining something else
        ("citing", "The minister, citing officials, said the bridge is safe."),  # said is the cue
        ("passives", "Officials have suspected the captain."),  # active voice
        ("tallies", "The harbour master put the boats at anchor at noon."),  # no count, no measure
        ("reportedly", "The tour was cancelled, the singer said."),
    ],
)
def test_a_finder_leaves_other_constructions_alone(name: str, text: str) -> None:
    assert found(name, text) == []


def test_the_verb_finder_reads_an_inverted_quotation_as_direct_speech() -> None:
    draft = only("verbs", "“It is safe,” said the engineer.")
    assert draft["kind"] is ClaimKind.DIRECT and draft["inverted"] is True
    assert draft["source"] == "the engineer" and draft["content"] == ["It is safe,"]


def test_stances_come_from_the_cue_words() -> None:
    assert only("verbs", "The ministry confirmed that the ship sank.")["stance"] is Stance.CONFIRMED
    assert only("passives", "The ship is believed to have sunk.")["stance"] is Stance.ESTIMATED
    assert only("reportedly", "The ship has reportedly sunk.")["stance"] is Stance.REPORTED
    assert only("according_to", "According to media reports, the ship sank.")["stance"] is Stance.REPORTED
    assert only("non_statements", "The navy declined to comment.")["stance"] is Stance.NO_COMMENT


LEARNED = "That said, the bridge is safe. The senator criticized the deals and demanded new tariffs."


def _learned(*relations: tuple[str, str, str], first: str = "That") -> list:
    models = Models(StubModel({first: list(relations)}))
    return article(LEARNED, ("learned",), models).drafts


def test_the_learned_finder_reads_a_relation_as_a_draft_with_the_rules_checks() -> None:
    (demanded,) = _learned(("demanded", "", "new tariffs"))
    # no source tagged: the second of two coordinated verbs borrows the first one's subject
    assert spans(LEARNED, demanded) == {
        "cue": "demanded",
        "source": "The senator",
        "content": ["new tariffs"],
    }
    assert demanded.alone and demanded.kind is ClaimKind.INDIRECT and demanded.relation is not None


def test_a_learned_relation_the_rules_reject_does_not_stand_alone() -> None:
    (said,) = _learned(("said", "", "the bridge is safe"))  # "That said," is an aside
    assert said.alone is False and said.content == []
    assert LEARNED[slice(*said.cue)] == "said"  # it may still draw a rule reading's boundaries


def test_the_learned_finder_finds_nothing_without_a_model() -> None:
    assert found("learned", LEARNED) == []


def test_finders_are_registered_once_by_name() -> None:
    assert get_finder("according_to").scope == "sentence"
    assert get_finder("headline_colon").scope == "block"
    with pytest.raises(ValueError, match="already registered"):
        finder("verbs")(lambda span, passage: [])
    with pytest.raises(KeyError, match="no finder named 'nonesuch'"):
        get_finder("nonesuch")
