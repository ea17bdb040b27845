"""Who speaks, where news English names other things on the way: a pronoun "it" after a place, a
reporter or a name inside someone's words; a relative pronoun as the subject; the outlet that saw
a document; an opening participial clause. Original sentences, one construction each."""

from __future__ import annotations

from datetime import date

import pytest

import reportedly
from reportedly.model import Claim, Ledger, Stance


def _ledger(text: str) -> Ledger:
    return reportedly.analyze(text, published=date(2024, 11, 20))


def _claim(ledger: Ledger, cue_word: str, content_word: str) -> Claim:
    for claim in ledger.claims:
        content = " ".join(s.text for s in claim.content)
        if cue_word in claim.cue.text and content_word in content:
            return claim
    raise AssertionError(f"no claim with cue {cue_word!r} about {content_word!r}")


def _speaker(claim: Claim) -> str:
    assert claim.source is not None and claim.source.entity is not None
    return claim.source.entity.name.lower()


@pytest.mark.parametrize(
    ("text", "content_word", "speaker"),
    [
        # a place after a preposition is not who goes on speaking
        (
            "The border agency said the smugglers had contacts in Moldova and were held near the "
            "crossing. It said they were being flown to the capital.",
            "flown",
            "border agency",
        ),
        # nor a place that only qualifies a noun
        (
            "The navy said Finland's coastal waters were closed to shipping. It said the closure "
            "would last a week.",
            "closure",
            "navy",
        ),
        # nor the outlet that saw a document
        (
            "A confidential audit seen by Reuters on Monday said the dam was poorly maintained. It "
            "said repairs had been delayed for years.",
            "repairs",
            "audit",
        ),
        # nor a name inside what the speaker said
        (
            "The coastguard said Greece had sent two vessels to the area. It said the search would "
            "resume at dawn.",
            "search",
            "coastguard",
        ),
    ],
)
def test_it_goes_on_from_the_speaker(text: str, content_word: str, speaker: str) -> None:
    assert speaker in _speaker(_claim(_ledger(text), "said", content_word))


def test_the_outlet_that_saw_a_document_is_not_part_of_its_name() -> None:
    ledger = _ledger("A confidential audit seen by Reuters on Monday said the dam was poorly maintained.")
    claim = _claim(ledger, "said", "poorly maintained")
    assert "confidential audit" in _speaker(claim) and "reuters" not in _speaker(claim)
    assert claim.stance is Stance.ASSERTED  # the audit states it; no outlet relays it


@pytest.mark.parametrize(
    ("text", "cue", "content_word", "speaker"),
    [
        ("The agency corrected the figures of an earlier bulletin that said 900 were missing.", "said", "900",
         "earlier bulletin"),
        ("The ministry disputed the toll, and the charity was asked about it, which confirmed that it "
         "would publish a correction.", "confirmed", "correction", "charity"),
    ],
)  # fmt: skip
def test_a_relative_pronoun_speaks_for_its_noun(text: str, cue: str, content_word: str, speaker: str) -> None:
    assert speaker in _speaker(_claim(_ledger(text), cue, content_word))


def test_an_opening_participial_clause_is_not_the_speaker() -> None:
    ledger = _ledger(
        "Pointing the finger of blame at Britain, Canada and Norway, the head of Ruritania's "
        "customs service said the cargo was smuggled in by foreign agents."
    )
    claim = _claim(ledger, "said", "cargo")
    assert claim.source is not None
    assert claim.source.text == "the head of Ruritania's customs service"


def test_what_made_someone_speak_is_not_a_claim() -> None:
    ledger = _ledger(
        'The storm that flattened the coast led the governor to declare it "the worst in a century."'
    )
    assert [(c.cue.text, _speaker(c)) for c in ledger.claims] == [("to declare", "governor")]


def test_a_claim_whose_content_goes_on_to_another_speaker_stays() -> None:
    ledger = _ledger(
        'The army said it was withdrawing, prompting the governor to declare it "a victory for the people."'
    )
    assert ("said", "army") in [(c.cue.text, _speaker(c)) for c in ledger.claims]


def test_who_made_the_figures_stays_in_the_source() -> None:
    ledger = _ledger("Figures provided by the coastguard showed that 40 people were rescued.")
    assert "coastguard" in _speaker(_claim(ledger, "showed", "rescued"))


@pytest.mark.parametrize(
    ("text", "content_word", "speaker"),
    [
        # the tagger reads an unfamiliar town as a person; "he said" goes on from the secretary
        (
            "The Chief Secretary, Arvind Mehra, said 30 bodies had been identified. Another 120 bodies "
            "have been sent to Bhubaneshwar in ambulances, he said.",
            "ambulances",
            "arvind mehra",
        ),
        (
            "Governor Maria Delgado said the roads were shut. Some 80 families were moved to Kenwick "
            "overnight, she said.",
            "families",
            "maria delgado",
        ),
    ],
)
def test_he_or_she_goes_on_from_a_person_not_a_place(text: str, content_word: str, speaker: str) -> None:
    assert speaker in _speaker(_claim(_ledger(text), "said", content_word))


def test_the_statement_is_who_issued_it() -> None:
    """ "X said in a statement …. '…,' the brief statement said": the statement is X's; a report
    that someone only saw stays the report."""
    ledger = _ledger(
        "Harbour County confirmed 12 deaths in a statement on its website late Tuesday. "
        '"More victims may be found," the brief statement said.'
    )
    assert "harbour county" in _speaker(_claim(ledger, "said", "victims"))
    ledger = _ledger('"The dam is safe," said the report, seen by the Daily Ledger.')
    assert _speaker(_claim(ledger, "said", "dam")) == "report"


def test_a_document_names_the_body_that_issued_it() -> None:
    ledger = _ledger("A report from the United Nations said 300 homes were destroyed.")
    assert _speaker(_claim(ledger, "said", "homes")) == "united nations"
