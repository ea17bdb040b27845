"""Runs without a sentence end are cut into short blocks, and sentences are found by position.

A run of text with no full stop is one "sentence" to every step after the parser, and those steps
read a sentence once per cue in it: 10,000 unbalanced quotation marks made sentences of 8,000
characters with hundreds of cues each (issue 18). Texts with sentence ends are cut as before.
"""

from __future__ import annotations

import random
import re

import spacy

from reportedly.ingest.layout import parse_layout
from reportedly.nlp import sentences
from reportedly.nlp.blocks import MAX_RUN_CHARS, block_spans, split_runs


def test_a_paragraph_of_unbalanced_quotes_is_cut_into_runs_of_bounded_length() -> None:
    text = "Quotes\n\n" + "He said \u201cno " * 10_000 + "end."
    spans = block_spans(parse_layout(text))
    assert all(e - s <= MAX_RUN_CHARS for _, s, e in spans)
    assert len(spans) >= 120_000 // MAX_RUN_CHARS
    # every word is in a block, cut at white space
    assert " ".join(text[s:e] for _, s, e in spans).split() == text.split()


def test_a_text_with_sentence_ends_keeps_its_blocks() -> None:
    paragraph = " ".join(f"The mayor said the bridge {i} would reopen in May." for i in range(60))
    assert len(paragraph) > MAX_RUN_CHARS
    assert split_runs(paragraph, 0, len(paragraph)) == [(0, len(paragraph))]


def test_only_the_long_run_is_cut() -> None:
    before = "The council met on Monday. It said the road would reopen. "
    run = "and then the workers went on " * 150  # 4,350 characters without a sentence end
    after = "The mayor agreed. Repairs start soon."
    text = before + run + after
    pieces = split_runs(text, 0, len(text))
    assert len(pieces) >= 3
    assert all(e - s <= MAX_RUN_CHARS + len(before) for s, e in pieces)
    assert text[pieces[0][0] :].startswith("The council met on Monday.")
    assert text[: pieces[-1][1]].endswith("Repairs start soon.")
    assert " ".join(text[s:e] for s, e in pieces).split() == text.split()
    # no piece holds a run of more than the limit without a sentence end
    for s, e in pieces:
        last = s
        for at in [*(m.end() for m in _SENTENCE_END.finditer(text, s, e)), e]:
            assert at - last <= MAX_RUN_CHARS
            last = at


#: A sentence end as the block cutter reads it: a stop, then white space.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s+")


def _walk_at(doc: spacy.tokens.Doc, char: int) -> object:
    return next((s for s in doc.sents if s.start_char <= char < s.end_char), None)


def test_sentences_by_position_match_a_walk_over_the_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    rng = random.Random(7)
    words = ["The", "minister", "said", "prices", "rose", "today", "and", "fell"]
    text = " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) + rng.choice([".", "!", "?"])
        for _ in range(40)
    )
    doc = nlp(text)
    found = sentences(doc)
    assert sentences(doc) is found  # made once per doc
    for char in range(-3, len(text) + 3):
        assert found.at(char) == _walk_at(doc, char)
        assert found.ending(char) == next((s for s in doc.sents if s.start_char < char <= s.end_char), None)
    for _ in range(300):
        a = rng.randint(-5, len(text) + 5)
        b = a + rng.randint(0, 200)
        walked = [s for s in doc.sents if s.start_char < b and s.end_char > a]
        assert found.overlapping(a, b) == walked
