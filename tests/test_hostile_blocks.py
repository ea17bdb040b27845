"""Over-long blocks are cut before parsing, so work per document stays linear."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.tokens import Doc

from reportedly.ingest.layout import parse_layout
from reportedly.nlp.blocks import (
    MAX_BATCH_CHARS,
    MAX_BLOCK_CHARS,
    Block,
    batches,
    block_spans,
    parse_many,
    split_long,
)


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


def test_batches_keep_order_and_stay_under_both_bounds() -> None:
    texts = ["a" * n for n in (10, 7_990, 5, 8_000, 20_000, 3, 3, 3)]
    runs = list(batches(texts, max_chars=8_000, max_texts=2))
    assert [t for run in runs for t in run] == texts
    assert all(len(run) <= 2 for run in runs)
    # a text longer than the budget is parsed alone; every other batch fits the budget
    assert all(sum(map(len, run)) <= 8_000 or len(run) == 1 for run in runs)
    assert [len(run) for run in runs] == [2, 1, 1, 1, 2, 1]


class _Recorder:
    """A blank English pipeline that records the characters of every batch it is given."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.sizes: list[int] = []

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        batch = list(texts)
        assert len(batch) <= batch_size
        self.sizes.append(sum(map(len, batch)))
        return self.nlp.pipe(batch, batch_size=batch_size)


def test_a_long_document_reaches_the_parser_in_bounded_batches() -> None:
    # issue 18: a quote-dense paragraph of 2,000 fragments used to be one batch of eleven full
    # blocks, whose arrays cost more per token than small ones (4.6x the parse time of 500)
    fragments = (f"\u201cPart {i} went well,\u201d she said, \u201cand" for i in range(2_000))
    text = "Officials spoke.\n\n" + " ".join(fragments)
    document = parse_layout(text)
    recorder = _Recorder()
    (blocks,) = parse_many([document], recorder)  # type: ignore[arg-type]  # only .pipe is used
    assert len(blocks) > 10
    assert max(recorder.sizes) <= MAX_BATCH_CHARS
    assert len(recorder.sizes) >= sum(recorder.sizes) // MAX_BATCH_CHARS
    # every block comes back in order, at its offset in the document
    assert all(document.text[b.offset : b.end] == b.doc.text for b in blocks)
    assert [b.paragraph for b in blocks] == list(range(len(blocks)))


def test_many_short_documents_still_share_batches() -> None:
    texts = (f"Story {i}\n\nThe mayor said on Monday that {i} roads were shut." for i in range(40))
    documents = [parse_layout(text) for text in texts]
    recorder = _Recorder()
    parsed = list(parse_many(documents, recorder))  # type: ignore[arg-type]  # only .pipe is used
    assert [len(blocks) for blocks in parsed] == [2] * 40
    assert len(recorder.sizes) == 2  # 80 blocks: 64, then 16


def test_the_parse_does_not_depend_on_how_blocks_are_batched() -> None:
    # the bound is safe only because spaCy's annotations of a block are the same in any batch
    documents = [
        parse_layout("Talks end\n\n\u201cWe are done,\u201d the minister said. Rain fell in Paris."),
        parse_layout("Budget\n\nThe council will spend $4 million, according to a memo seen by Reuters."),
    ]

    def annotations(blocks_of_documents: Iterable[list[Block]]) -> list[list[tuple[str, ...]]]:
        return [
            [(t.text, t.tag_, t.dep_, str(t.head.i), t.ent_type_, t.lemma_) for t in b.doc]
            for blocks in blocks_of_documents
            for b in blocks
        ]

    together = annotations(parse_many(documents, batch_chars=10_000_000))
    one_by_one = annotations(parse_many(documents, batch_size=1))
    assert together == one_by_one
    assert any(tag for block in together for _, tag, *_ in block)  # really parsed
