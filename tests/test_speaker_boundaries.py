"""Whose quotation a content holds, and where a quoter's content starts (round 13, fix13).

Sentences written for these tests; each pins down one boundary the ledger got wrong:
the span tagger gave a quotation with its own explicit speaker to the speaker before it,
and read "quoted Y as saying:" as part of what Y said.
"""

from __future__ import annotations

import pytest

import reportedly
from reportedly.model import ClaimKind


def _by_speaker(text: str) -> dict[str, list[str]]:
    ledger = reportedly.analyze(text, published="2024-11-20")
    out: dict[str, list[str]] = {}
    for claim in ledger.claims:
        if claim.source is not None:
            out.setdefault(claim.source.text, []).append(claim.content_text)
    return out


@pytest.mark.parametrize(
    ("text", "first", "second", "first_words", "second_words"),
    [
        (
            "Floods hit the valley on Monday.\n\n"
            "“We lost everything,” said Ana Ruiz. “The water came at night,” said Tomas Vega.",
            "Ana Ruiz",
            "Tomas Vega",
            "We lost everything",
            "The water came at night",
        ),
        (
            "The ferry service stopped on Friday.\n\n"
            "“No boat will sail this week,” said Piet Halvorsen, the harbour master. "
            "“We are short of fuel,” said Mira Okafor, who runs the ferries.",
            "Piet Halvorsen",
            "Mira Okafor",
            "No boat will sail this week",
            "We are short of fuel",
        ),
    ],
)
def test_a_quotation_with_its_own_speaker_stays_theirs(
    text: str, first: str, second: str, first_words: str, second_words: str
) -> None:
    """ "“A,” said X. “B,” said Y.": B is Y's alone, never joined to X's content."""
    said = _by_speaker(text)
    mine = [c for name, cs in said.items() if first in name for c in cs]
    theirs = [c for name, cs in said.items() if second in name for c in cs]
    assert mine and theirs, said
    assert all(second_words not in c for c in mine), said
    assert any(first_words in c for c in mine), said
    assert any(second_words in c for c in theirs), said


def test_a_quotation_without_a_speaker_still_resumes_the_one_before() -> None:
    """ "“A,” said X. “B.”": B has no speaker of its own, so it goes on X's statement."""
    text = (
        "The mine closed in March.\n\n"
        "“We were never told why,” said Jonas Ferreira, a welder. “Nobody came to explain it.”"
    )
    said = _by_speaker(text)
    mine = [c for name, cs in said.items() if "Ferreira" in name for c in cs]
    assert any("We were never told why" in c and "Nobody came to explain it" in c for c in mine), said


@pytest.mark.parametrize(
    ("text", "speaker", "relay", "quote"),
    [
        (
            "Storm damages harbour\n\n"
            "The local newspaper quoted Mayor Lena Ortiz as saying: “The pier will be rebuilt by spring.”",
            "Ortiz",
            "local newspaper",
            "The pier will be rebuilt by spring.",
        ),
        (
            "Storm damages harbour\n\n"
            "Reuters quoted the harbour master as saying: “We have never seen waves like these.”",
            "harbour master",
            "Reuters",
            "We have never seen waves like these.",
        ),
    ],
)
def test_quoted_as_saying_content_starts_after_the_colon(
    text: str, speaker: str, relay: str, quote: str
) -> None:
    """ "X quoted Y as saying: '…'": the content is the quotation, not "as saying: '…'", and the
    chain reads X then Y."""
    ledger = reportedly.analyze(text, published="2024-11-20")
    ours = [c for c in ledger.claims if c.source is not None and speaker in c.source.text]
    assert ours, [(c.source and c.source.text, c.content_text) for c in ledger.claims]
    for claim in ours:
        assert claim.content_text == quote
        assert "saying" not in claim.content_text
        assert claim.kind is ClaimKind.DIRECT
        assert [link.entity.name for link in claim.chain][0].lower().endswith(relay.lower())
        assert speaker.split()[-1] in claim.chain[-1].entity.name


def test_quoted_as_saying_that_leaves_the_frame_out_of_the_content() -> None:
    """ "X quoted Y as saying that A": the content is what Y said, without "as saying"."""
    text = (
        "Port to reopen\n\nThe Harbour Times quoted Lena Ortiz as saying that the pier would reopen in May."
    )
    ledger = reportedly.analyze(text, published="2024-11-20")
    ours = [c for c in ledger.claims if c.source is not None and "Ortiz" in c.source.text]
    assert ours, [(c.source and c.source.text, c.content_text) for c in ledger.claims]
    for claim in ours:
        assert "pier would reopen in May" in claim.content_text
        assert "saying" not in claim.content_text
