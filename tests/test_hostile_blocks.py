"""Over-long blocks are cut before parsing, so work per document stays linear."""

from __future__ import annotations

from reportedly.ingest.layout import parse_layout
from reportedly.nlp.blocks import MAX_BLOCK_CHARS, block_spans, split_long


def test_short_span_comes_back_whole() -> None:
    text = "One sentence. Another one."
    assert split_long(text, 0, len(text), limit=100) == [(0, len(text))]


def test_cut_prefers_sentence_end_and_covers_all_words() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(200))
    pieces = split_long(text, 0, len(text), limit=500)
    assert len(pieces) > 1
    assert all(e - s <= 500 for s, e in pieces)
    assert all(text[e - 1] == "." for s, e in pieces)
    assert " ".join(text[s:e] for s, e in pieces).split() == text.split()


def test_word_longer_than_limit_is_cut_hard() -> None:
    text = "x" * 2_500
    pieces = split_long(text, 0, len(text), limit=1_000)
    assert pieces == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


def test_single_line_document_is_split_into_bounded_blocks() -> None:
    text = "Word " * 10_000  # 50,000 characters on one line
    spans = block_spans(parse_layout(text))
    assert len(spans) >= 50_000 // MAX_BLOCK_CHARS
    assert all(e - s <= MAX_BLOCK_CHARS for _, s, e in spans)
