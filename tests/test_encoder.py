"""The shipped encoder feeds the shipped CRFs and vets the rules; without it the rules work alone."""

from __future__ import annotations

import re

import pytest

import reportedly
import reportedly.extract
from reportedly.extract import encoder as enc
from reportedly.extract.learned import BlockView, load_model, span_features, span_window
from reportedly.ingest.layout import parse_layout
from reportedly.model import ClaimKind
from reportedly.nlp import load
from reportedly.nlp.blocks import parse_many

TEXT = (
    "Officials in Seoul said on Tuesday that about 3,000 workers had been sent abroad.\n\n"
    "“We are still checking the numbers,” a ministry spokesman told reporters, "
    "adding that the figure could rise."
)


def test_shipped_crfs_were_trained_on_the_shipped_encoder() -> None:
    model = load_model()
    assert model is not None and model.meta["encoder_features"] is True
    tagger = enc.load_encoder()
    assert tagger is not None
    assert tagger.meta["layers"] == list(enc.LAYERS)


def test_encoder_reading_reaches_the_crf_features() -> None:
    tagger = enc.load_encoder()
    assert tagger is not None
    words = tagger.tag(TEXT)
    document = parse_layout(TEXT)
    block = next(iter(parse_many([document], load())))[0]
    plain = BlockView.of(block.doc, block.offset, block.section.value)
    read = BlockView.of(block.doc, block.offset, block.section.value, words)
    said = next(t for t in block.doc if t.text == "said")
    assert not any(f.startswith("ec=") for f in plain.base[said.i])
    cue_bucket = next(f for f in read.base[said.i] if f.startswith("ec="))
    # "said" with a that-clause is the plainest cue there is: the encoder is sure of it
    assert cue_bucket == "ec=4"
    assert read.enc[said.i][1] == "B"
    officials = next(t for t in block.doc if t.text == "Officials")
    assert read.enc[officials.i][2] in {"B", "I"}  # the source layer


TWO_REPORTS = (
    "The mayor said the bridge would reopen in March, but the council denied that any money "
    "had been set aside for the repairs."
)


def test_the_pair_head_reads_each_cues_own_source_and_content() -> None:
    # the word tags only say "a source", "content"; read against one cue, the pair head says whose
    tagger = enc.load_encoder()
    assert tagger is not None
    words = tagger.tag(TWO_REPORTS)
    assert words.head is not None

    def read(cue: str, layer: str) -> set[str]:
        at = TWO_REPORTS.index(cue)
        (word,) = words.word_index([(at, at + len(cue))])
        members, probs = words.pair([word])
        n = enc.PAIR_LAYERS.index(layer)
        inside = {members[k] for k in range(len(members)) if probs[k, n].argmax() != 0}
        return {re.match(r"\w*", TWO_REPORTS[words.starts[w] :]).group() for w in inside} - {""}

    said_src, denied_src = read("said", "SRC"), read("denied", "SRC")
    assert {"The", "mayor"} <= said_src and "council" not in said_src
    assert {"the", "council"} <= denied_src and "mayor" not in denied_src
    assert {"bridge", "reopen"} <= read("said", "CON")
    denied = read("denied", "CON")
    assert {"money", "repairs"} <= denied and not {"bridge", "reopen"} & denied
    # read alone, the head also runs "said" on into the second clause (as a continuation, I);
    # the span CRF, which sees the parse as well, ends it at the comma
    claims = {c.cue.text: c for c in reportedly.analyze(TWO_REPORTS).claims}
    assert [s.text for s in claims["said"].content] == ["the bridge would reopen in March"]
    assert [s.text for s in claims["denied"].content] == ["that any money had been set aside for the repairs"]


@pytest.mark.slow  # imports torch, builds and traces the torch encoder (about 5 s of CPU)
def test_the_traced_encoder_equals_the_eager_one_at_every_window_length() -> None:
    # traced once on a four-word sentence, it must keep the sequence length dynamic
    import torch

    tagger = enc.EncoderTagger(enc.default_encoder_path(), "torch")
    assert isinstance(tagger.hidden, torch.jit.ScriptModule)
    texts = ["The council met.", TEXT, TWO_REPORTS * 3, "\n".join([TEXT] * 12)]
    lengths = set()
    with torch.inference_mode():
        for window in (w for text in texts for w in enc.windows(text)):
            ids, _ = enc.encode([window])
            lengths.add(ids.shape[1])
            assert torch.equal(tagger.hidden(ids), tagger.model.hidden(ids, None))
    assert len(lengths) >= 4 and min(lengths) < 10 and max(lengths) > 200


def test_pair_readings_reach_the_span_features() -> None:
    tagger = enc.load_encoder()
    assert tagger is not None
    words = tagger.tag(TWO_REPORTS)
    block = next(iter(parse_many([parse_layout(TWO_REPORTS)], load())))[0]
    view = BlockView.of(block.doc, block.offset, block.section.value, words)
    denied = next(t.i for t in block.doc if t.text == "denied")
    lo, hi = span_window(view, [denied])
    feats = span_features(view, [denied], lo, hi)
    money = next(t.i for t in block.doc if t.text == "money")
    bridge = next(t.i for t in block.doc if t.text == "bridge")
    assert "pn=I" in feats[money - lo] and "pn=O" in feats[bridge - lo]


def test_without_the_encoder_the_rules_work_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    with_encoder = reportedly.analyze(TEXT)
    monkeypatch.setenv("REPORTEDLY_ENCODER", "off")
    assert enc.load_encoder() is None
    without = reportedly.analyze(TEXT)
    rules = reportedly.extract.extract  # the same path with learned=False
    document = parse_layout(TEXT)
    rules_only = rules(document, next(iter(parse_many([document], load()))), learned=False)
    assert [c.cue.text for c in without.claims] == [c.cue.text for c in rules_only.claims]
    for ledger in (with_encoder, without):
        cues = {c.cue.text for c in ledger.claims}
        assert {"said", "told"} <= cues
        for claim in ledger.claims:
            for span in claim.content:
                assert TEXT[span.start : span.end] == span.text


def test_windows_of_an_empty_text_and_a_single_long_word() -> None:
    assert enc.windows("") == []
    tagger = enc.load_encoder()
    assert tagger is not None
    empty = tagger.tag("\n\n")
    assert empty.starts == [] and empty.probs.shape == (0, len(enc.LAYERS), len(enc.TAGS))
    assert empty.readings([(0, 5)]) == [("0", "O", "O", "O")]
    long_word = "x" * 5000
    wins = enc.windows(long_word, max_len=32)
    assert all(len(w.ids) <= 32 for w in wins) and sum(w.first.count(True) for w in wins) >= 1


def _rule_drafts(text: str):
    from reportedly.extract.finders.verbs import verb_attributions
    from reportedly.extract.quotes import find_quotes
    from reportedly.extract.registry import Passage

    document = parse_layout(text)
    block = next(iter(parse_many([document], load())))[0]
    quotes = find_quotes(block.doc.text, block.offset)
    passage = Passage(block, text, quotes)
    drafts = [d for sent in block.doc.sents for d in verb_attributions(sent, passage)]
    return block, quotes, drafts


def _merged_with_encoder(text: str, bucket: str):
    """The rule drafts of ``text`` and what the merge keeps of them when the CRFs found nothing
    and the encoder gives every token the cue probability ``bucket`` (in fifths)."""
    from reportedly.extract.merge import reconcile

    block, quotes, drafts = _rule_drafts(text)
    view = BlockView.of(block.doc, block.offset, block.section.value)
    view.enc = [(bucket, "O", "O", "O") for _ in block.doc]
    return drafts, reconcile(drafts, [], view, block, text, quotes)


@pytest.mark.parametrize(("bucket", "kept"), [("0", False), ("1", True), ("4", True)])
def test_an_indirect_rule_reading_the_encoder_doubts_is_dropped(bucket: str, kept: bool) -> None:
    drafts, merged = _merged_with_encoder("The mayor believes the bridge will reopen in March.", bucket)
    assert [d.kind for d in drafts] == [ClaimKind.INDIRECT]
    assert (len(merged) == 1) is kept


@pytest.mark.parametrize(
    "text",
    [
        # say, tell and estimate are speech whatever the encoder reads
        "The mayor said the bridge will reopen in March.",
        "The U.S. estimated more than 10,000 soldiers had been sent to the region.",
        "The mayor believes that the bridge will reopen in March.",  # an explicit that-clause
    ],
)
def test_speech_verbs_and_that_clauses_are_never_vetted(text: str) -> None:
    drafts, merged = _merged_with_encoder(text, "0")
    assert [d.kind for d in drafts] == [ClaimKind.INDIRECT]
    assert merged == drafts


def test_a_quotation_is_kept_whatever_the_encoder_says() -> None:
    drafts, merged = _merged_with_encoder("“The bridge will reopen in March,” the mayor said.", "0")
    assert [d.kind for d in drafts] == [ClaimKind.DIRECT]
    assert merged == drafts


def test_readings_follow_the_first_word_inside_each_token() -> None:
    tagger = enc.load_encoder()
    assert tagger is not None
    words = tagger.tag(TEXT)
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)] + [(len(TEXT), len(TEXT) + 1)]
    expected = []
    for a, b in spans:
        n = next((k for k, s in enumerate(words.starts) if a <= s < b), None)
        if n is None:
            expected.append(("0", "O", "O", "O"))
            continue
        p = words.probs[n]
        bucket = str(min(4, int(5 * float(1.0 - p[0, 0]))))
        expected.append((bucket, *(enc.TAGS[int(p[layer].argmax())] for layer in range(len(enc.LAYERS)))))
    assert words.readings(spans) == expected
    assert expected[-1] == ("0", "O", "O", "O")  # past the last word
    # again, and the word each token starts, through the array of starts made on first use
    assert words.readings(spans) == expected
    firsts = [next((k for k, s in enumerate(words.starts) if a <= s < b), -1) for a, b in spans]
    assert words.word_index(spans) == firsts and max(firsts) > 0
