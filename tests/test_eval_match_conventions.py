"""How a gold quote finds its claim: the ``content`` and ``evidence`` conventions (round 11).

A gold mention's quote is the span of the mention, and it often takes the speaker and the verb
("Regional officials said 58 people were killed") while the claim's content runs on past it: the
``evidence`` convention counts the claim's own source and cue beside its content. These tests
pin what that gains and the guards against a quote finding a neighbour's claim, on sentences
written for them (claims built by hand where the spans must be exact).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import reportedly
from reportedly.cli import app
from reportedly.eval.matching import (
    DEFAULT_MATCH,
    QuoteIndex,
    best_claim,
    evidence_extent,
    locate,
    match_score,
    matching_claims,
)
from reportedly.eval.stories import score_links
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    Entity,
    Ledger,
    SectionKind,
    SourceMention,
    Span,
    Stance,
)

LONG = (
    "Regional officials said 58 people were killed when the old mill on the river bank collapsed "
    "on Tuesday evening after three days of heavy rain."
)


def _span(text: str, part: str, after: int = 0) -> Span:
    at = text.index(part, after)
    return Span(at, at + len(part), part)


def _claim(text: str, cid: str, source: str, cue: str, content: list[str], sentence: str) -> Claim:
    """A claim over exact spans of ``text``: the first occurrence of each part, in order."""
    src = _span(text, source)
    cue_span = _span(text, cue, src.end)
    spans = []
    at = 0
    for part in content:
        spans.append(_span(text, part, at))
        at = spans[-1].end
    sent = _span(text, sentence)
    return Claim(
        kind=ClaimKind.INDIRECT,
        section=SectionKind.BODY,
        stance=Stance.ASSERTED,
        cue=Cue(cue_span.start, cue_span.end, cue_span.text, cue),
        content=spans,
        source=SourceMention(src.start, src.end, src.text, Entity(cid + "-src", source)),
        sentence=sent,
        id=cid,
    )


def test_a_quote_with_the_speaker_and_cue_finds_the_claim_whose_content_runs_on() -> None:
    """The round-10 miss: the quote is speaker + cue + the head of a long content; content alone
    overlaps it by less than half, the claim's evidence by nearly all of it."""
    ledger = reportedly.analyze(LONG)
    (claim,) = ledger.claims
    where = locate(LONG, "Regional officials said 58 people were killed", "x")
    assert match_score(claim, where, "content") < 0.5
    assert match_score(claim, where, "evidence") > 0.9
    assert best_claim(ledger.claims, where, "content") is None
    assert best_claim(ledger.claims, where, "evidence") is claim
    assert DEFAULT_MATCH == "evidence" and best_claim(ledger.claims, where) is claim


def test_a_quote_of_the_speaker_alone_finds_no_claim() -> None:
    """The source and cue count only when the quote meets the content: "Regional officials said"
    names who spoke, not what they said."""
    ledger = reportedly.analyze(LONG)
    where = locate(LONG, "Regional officials said", "x")
    assert best_claim(ledger.claims, where, "evidence") is None


def test_a_quote_does_not_take_the_other_claim_of_its_sentence() -> None:
    """Two speakers in one sentence: the quote of the second speaker's claim does not meet the
    first claim's content, so the first claim's source and cue are never counted for it."""
    text = (
        "The mayor said the bridge was shut, while the harbour police said the ferry would run "
        "again at six in the morning once the river had calmed and the pier had been cleared of debris."
    )
    mayor = _claim(text, "m", "The mayor", "said", ["the bridge was shut"], text)
    police = _claim(
        text,
        "p",
        "the harbour police",
        "said",
        [
            "the ferry would run again at six in the morning once the river had calmed and the pier "
            "had been cleared of debris"
        ],
        text,
    )
    where = locate(text, "the harbour police said the ferry would run", "x")
    assert best_claim([mayor, police], where, "content") is None  # 19 of 43 characters: < half
    found = matching_claims([mayor, police], where, "evidence")
    assert [c.id for _s, c in found] == ["p"]
    # and the mayor's quote finds the mayor only
    where = locate(text, "The mayor said the bridge was shut", "x")
    assert [c.id for _s, c in matching_claims([mayor, police], where, "evidence")] == ["m"]


def test_a_quote_of_one_sentence_does_not_take_the_next_sentences_claim_through_its_speaker() -> None:
    """The system missed the first sentence's claim; the next sentence's claim shares its speaker
    span ('"…," the mayor said. "…"' continued) but not its content: no match, under either
    convention (the evidence convention needs the quote to meet the content first)."""
    text = (
        'The mayor said the bridge was shut. "The ferry will run at six tomorrow morning once the '
        'river has calmed down and the pier is cleared," she added later.'
    )
    second = _claim(
        text,
        "b",
        "The mayor",
        "said",
        ["The ferry will run at six tomorrow morning once the river has calmed down and the pier is cleared"],
        text,
    )
    where = locate(text, "The mayor said the bridge", "x")
    assert best_claim([second], where, "content") is None
    assert best_claim([second], where, "evidence") is None


def test_a_speaker_in_another_sentence_is_not_counted() -> None:
    """One claim whose quotation runs on into the next sentence: a quote meeting the second
    sentence's part counts that part alone, not the speaker of the sentence before."""
    text = (
        '"The bridge is shut," the mayor said. "The ferry will run at six tomorrow morning once the '
        'river has calmed down and the pier is cleared."'
    )
    claim = _claim(
        text,
        "c",
        "the mayor",
        "said",
        [
            "The bridge is shut,",
            "The ferry will run at six tomorrow morning once the river has calmed down and the pier "
            "is cleared.",
        ],
        text,
    )
    where = locate(text, 'the mayor said. "The ferry', "x")
    extent = evidence_extent(claim, where)
    source = (claim.source.start, claim.source.end)
    assert not any(a <= source[0] and source[1] <= b for a, b in extent)
    assert best_claim([claim], where, "evidence") is None
    # the same speaker counts for a quote of the first sentence, where it stands
    first = locate(text, 'is shut," the mayor said', "x")
    assert any(a <= source[0] and source[1] <= b for a, b in evidence_extent(claim, first))


def test_the_evidence_score_is_never_below_the_content_score() -> None:
    """A quote longer than the content (the claim's words and more) keeps its content match: the
    speaker spans outside the quote must not lower it."""
    text = "Officials said 40 homes were flooded, a figure that rose overnight, the report added."
    claim = _claim(text, "f", "Officials", "said", ["40 homes were flooded"], text)
    where = locate(text, "40 homes were flooded, a figure that rose overnight", "x")
    assert match_score(claim, where, "evidence") >= match_score(claim, where, "content") == 1.0


def test_two_gold_mentions_may_still_find_one_claim() -> None:
    """Many to one, as the story scorer always was: the gold splits one sentence into two
    propositions, the ledger keeps one content; both quotes find it, with or without the speaker."""
    text = "The ministry said 27 people were missing and 47 villages were still under water on Friday."
    claim = _claim(
        text,
        "k",
        "The ministry",
        "said",
        ["27 people were missing and 47 villages were still under water"],
        text,
    )
    for quote in ("The ministry said 27 people were missing", "47 villages were still under water"):
        assert best_claim([claim], locate(text, quote, "x"), "evidence") is claim


def test_the_report_names_its_convention_and_refuses_an_unknown_one() -> None:
    text = LONG
    doc = Document(text, title="Mill collapse")
    ledger = Ledger(doc, [_claim(text, "a", "Regional officials", "said", [text[24:-1]], text)])
    gold = {
        "documents": [{"file": "a.txt", "in_story": True}],
        "propositions": [
            {
                "id": "P1",
                "mentions": [{"file": "a.txt", "quote": "Regional officials said 58 people were killed"}],
                "independent_origins": 1,
            }
        ],
    }
    for conv, with_claim in (("content", 0), ("evidence", 1)):
        report = score_links(gold, {"a.txt": ledger}, [], [], {}, conv)
        assert report["match"] == conv
        assert report["propositions"]["mentions_with_claim"] == with_claim
    assert score_links(gold, {"a.txt": ledger}, [], [], {})["match"] == "evidence"
    with pytest.raises(ValueError, match="unknown match convention"):
        QuoteIndex({}, "sentence")  # type: ignore[arg-type]


def test_eval_stories_refuses_an_unknown_convention(tmp_path) -> None:
    result = CliRunner().invoke(app, ["eval-stories", str(tmp_path), "--match", "sentence", "--json"])
    assert result.exit_code == 2
    assert "--match is one of content, evidence" in result.output
