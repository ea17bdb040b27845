"""Speakers whose own words name them: a body's name holding a preposition, a speaker named
inside another speaker's quotation, and a pronoun subject of the outlet's narrative. Original
sentences, one construction each."""

from __future__ import annotations

from datetime import date

import pytest

import reportedly
from reportedly.model import Claim, Ledger


def _ledger(text: str) -> Ledger:
    return reportedly.analyze(text, published=date(2024, 11, 20))


def _claim(ledger: Ledger, content_word: str) -> Claim:
    for claim in ledger.claims:
        if content_word in " ".join(s.text for s in claim.content):
            return claim
    raise AssertionError(f"no claim about {content_word!r}: {[c.content_text for c in ledger.claims]}")


def _speaker(claim: Claim) -> str:
    assert claim.source is not None and claim.source.entity is not None
    return claim.source.entity.name


@pytest.mark.parametrize(
    ("text", "content_word", "speaker"),
    [
        # an apposition after the name: the parser hangs it on the proper noun
        (
            "A storm hit the coast on Monday.\n\nDoctors Without Borders, an aid group, said the "
            "regional hospital received 90 injured people.",
            "hospital",
            "Doctors Without Borders",
        ),
        # the proper noun alone was read as a person
        (
            "Two reporters were held.\n\nReporters Without Borders, a press freedom group, said "
            "both journalists were detained for a week.",
            "detained",
            "Reporters Without Borders",
        ),
        # the head capitalised where no sentence starts
        (
            "A storm hit the coast on Monday.\n\nAccording to Doctors Without Borders, 200 children "
            "had lost their homes.",
            "children",
            "Doctors Without Borders",
        ),
    ],
)
def test_a_name_holding_a_preposition_stays_whole(text: str, content_word: str, speaker: str) -> None:
    assert _speaker(_claim(_ledger(text), content_word)) == speaker


@pytest.mark.parametrize(
    ("text", "content_word", "speaker"),
    [
        # a group and a place at a sentence's start: not a name
        (
            "A storm hit.\n\nOfficials in Harbin, the provincial capital, said 200 people died.",
            "died",
            "Officials",
        ),
        # a name the parser reads whole keeps its owner
        (
            "A storm hit.\n\nGaza's Ministry of Health said 200 people died.",
            "died",
            "Gaza's Ministry of Health",
        ),
    ],
)
def test_a_group_with_a_place_is_not_made_a_name(text: str, content_word: str, speaker: str) -> None:
    assert _speaker(_claim(_ledger(text), content_word)) == speaker


def _outlet_claims(ledger: Ledger) -> list[str]:
    return [c.content_text for c in ledger.claims if c.kind.value == "outlet"]


def test_a_pronoun_for_a_body_named_before_tells_an_event() -> None:
    """ "The weather agency said …. It issued a warning": the outlet tells what the agency did."""
    text = (
        "A strong quake hit the coast on Monday.\n\nThe national weather agency said the quake had "
        "a magnitude of 7.1. It issued a major tsunami warning for Okinawa."
    )
    assert any(c.startswith("It issued a major tsunami warning") for c in _outlet_claims(_ledger(text)))


@pytest.mark.parametrize(
    "text",
    [
        # a person's pronoun may go on with their words
        "A strong quake hit the coast.\n\nThe mayor said the town had no power. He visited the old "
        "hospital in Okinawa.",
        # a group of people is not a body
        "A strong quake hit the coast.\n\nFire crews reached the town at dawn. They evacuated the old "
        "hospital in Okinawa.",
    ],
)
def test_a_pronoun_for_anything_else_tells_no_event(text: str) -> None:
    assert not any(c.startswith(("He visited", "They evacuated")) for c in _outlet_claims(_ledger(text)))
