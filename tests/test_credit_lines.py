"""Attribution by layout rather than by verbs: dash credits and transcript speaker lines."""

from __future__ import annotations

import reportedly
from reportedly.model import Claim, ClaimKind, Ledger

COMMENTS = (
    "Readers wrote in after the debate.\n\n"
    "“He is a disgrace to the office.” ― Maria Lopez\n"
    "“I will vote for him anyway.”\u00a0― Tom Reyes.\n"
)
TRANSCRIPT = (
    "The interview aired on Sunday.\n\n"
    "WALLACE: Let us start with the news of the day, Governor.\n\n"
    "PENCE: Well, look, the campaign is doing fine.\n\n"
    "Note: this transcript was edited."
)


def _with_cue(text: str, cue: str) -> tuple[Ledger, list[Claim]]:
    """The ledger of ``text`` (its offsets checked) and its claims whose cue reads ``cue``."""
    ledger = reportedly.analyze(text)
    assert ledger.validate() == []
    return ledger, [c for c in ledger.claims if c.cue.text == cue]


def test_quotation_credited_after_a_dash() -> None:
    _, credited = _with_cue(COMMENTS, "―")
    assert [c.source.text for c in credited if c.source] == ["Maria Lopez", "Tom Reyes"]
    assert credited[0].kind is ClaimKind.DIRECT
    assert credited[0].content_text == "He is a disgrace to the office."
    assert credited[1].content_text == "I will vote for him anyway."


def test_transcript_speaker_lines() -> None:
    ledger, lines = _with_cue(TRANSCRIPT, ":")
    assert [c.source.text for c in lines if c.source] == ["WALLACE", "PENCE"]
    assert lines[1].content_text == "Well, look, the campaign is doing fine."
    # a lower-case label is no speaker
    assert not any(c.source and c.source.text == "Note" for c in ledger.claims)


def test_transcript_quoted_line_by_line() -> None:
    # a transcript reproduced inside a quotation: each paragraph opens with a mark that is never closed
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Let us start with the news of the day, Governor.\n\n'
        '"PENCE: Well, look, the campaign is doing fine.\n'
    )
    _, lines = _with_cue(text, ":")
    assert [c.source.text for c in lines if c.source] == ["WALLACE", "PENCE"]
    assert lines[0].content_text == "Let us start with the news of the day, Governor."


def test_dash_credit_survives_nested_marks_and_a_wrong_opening_mark() -> None:
    text = (
        "Readers wrote in after the debate.\n\n"
        "“I would rather live in what he calls “hell” than under him.” ― Ana Ruiz\n"
        "”Fear. I am afraid he will win.” ― Luis Ortega\n"
    )
    _, credited_claims = _with_cue(text, "―")
    credited = {c.source.text: c.content_text for c in credited_claims if c.source}
    assert credited == {
        "Ana Ruiz": "I would rather live in what he calls “hell” than under him.",
        "Luis Ortega": "Fear. I am afraid he will win.",
    }


def test_a_colon_after_the_verb_belongs_to_the_cue() -> None:
    ledger = reportedly.analyze("The minister said: “We will not raise taxes this year.”")
    claim = next(c for c in ledger.claims if c.cue.lemma == "say")
    assert claim.cue.text == "said:"
    assert claim.content_text == "We will not raise taxes this year."
