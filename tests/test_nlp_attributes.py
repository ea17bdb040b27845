"""The attribute rules applied by table (nlp/attributes.py) give what spaCy's attribute_ruler gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from reportedly.nlp import MODEL_NAME, _web_sentences, load
from reportedly.nlp.attributes import attribute_table, use_table

#: words and constructions the English rules single out: contractions, "ain't", "y'all", "gonna",
#: an expletive "there is", pronouns as objects, auxiliaries, a white-space token, run-on web text
PASSAGE = (
    "Y'all ain't seen nothin' yet, the mayor said. “We're gonna fix it,” she told them, "
    "and there is no doubt that it will happen.\n\nHe didn't deny it; the ministry hasn't commented "
    "and I'd rather not say, an official who declined to be named told reporters Oct. 8.In a statement "
    "the U.S. embassy said 1,200 people had left.   Those who stayed did so because they could."
)


def _row(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_table_gives_the_rulers_attributes() -> None:
    stock = spacy.load(MODEL_NAME)
    _web_sentences(stock)
    assert "attribute_ruler" in stock.pipe_names
    ours = load()
    assert "attribute_table" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    expected, got = _row(stock(PASSAGE)), _row(ours(PASSAGE))
    assert got == expected
    # the passage does reach rules beyond the tag map: "ai" is "be" by the rule of "ai" + "n't"
    assert [(r[1], r[4]) for r in got if r[0] == "ai"] == [("VBP", "be")]


def _blank_with(rules: list[dict]) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(rules)
    return nlp


def _tagged(nlp: spacy.language.Language, words: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, tags=tags, deps=["dep"] * len(words), heads=list(range(len(words))))


def test_later_rules_win_and_rules_of_several_tokens_write_their_token() -> None:
    rules = [
        {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "LEMMA": "first"}},
        {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]], "attrs": {"POS": "AUX"}},
        {
            "patterns": [[{"LOWER": "there"}, {"LOWER": {"REGEX": "^i"}}]],
            "attrs": {"LEMMA": "be"},
            "index": 1,
        },
        {"patterns": [[{"LOWER": {"NOT_IN": ["there"]}, "TAG": "EX"}]], "attrs": {"POS": "PRON"}},
    ]
    nlp = _blank_with(rules)
    ruler = nlp.get_pipe("attribute_ruler")
    table = attribute_table(ruler)
    assert table is not None
    words, tags = ["There", "is", "here", "runs", "Is"], ["EX", "VBZ", "EX", "VBZ", "VBZ"]
    by_ruler, by_table = ruler(_tagged(nlp, words, tags)), table(_tagged(nlp, words, tags))
    assert _row(by_table) == _row(by_ruler)
    assert [(t.pos_, t.lemma_) for t in by_table] == [
        ("", ""),
        ("AUX", "be"),  # the one-token rules, then the two-token rule's lemma for its second token
        ("PRON", ""),
        ("VERB", "first"),
        ("AUX", "first"),  # no "there" before it
    ]


def test_rules_beyond_the_table_keep_the_ruler() -> None:
    nlp = _blank_with([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    assert attribute_table(nlp.get_pipe("attribute_ruler")) is None
    assert not use_table(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_the_table_grows_with_the_tags_not_the_vocabulary() -> None:
    nlp = _blank_with([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    table = attribute_table(nlp.get_pipe("attribute_ruler"))
    assert table is not None
    words = [f"word{n}" for n in range(2_000)]
    doc = table(_tagged(nlp, words, ["NN"] * len(words)))
    assert {t.pos_ for t in doc} == {"NOUN"}
    assert len(table._rules) == 1


@pytest.mark.parametrize("text", ["", "   ", "Hello"])
def test_short_and_empty_docs(text: str) -> None:
    stock = spacy.load(MODEL_NAME)
    assert _row(load()(text)) == _row(stock(text))
