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
        ("A storm hit.\n\nOfficials in Harbin, the provincial capital, said 200 people died.", "died", "Officials"),
        # a name the parser reads whole keeps its owner
        ("A storm hit.\n\nGaza's Ministry of Health said 200 people died.", "died", "Gaza's Ministry of Health"),
    ],
)
def test_a_group_with_a_place_is_not_made_a_name(text: str, content_word: str, speaker: str) -> None:
    assert _speaker(_claim(_ledger(text), content_word)) == speaker
