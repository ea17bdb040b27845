"""Exact shortcuts of the analyze path (issue 20): each gives what the spaCy call it replaces gives,
and ``warm_up`` leaves no one-time table for a worker's first dated document to build."""

from __future__ import annotations

import pytest

PASSAGE = (
    "The Ministry of Health (MoH) said on Monday, March 4, 2024, that 40 people died.  "
    "Le Monde reported it first.\nOfficials in Kyiv , who spoke to AP , declined to comment . "
)


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201 - a spaCy Doc
    from reportedly.nlp import load

    return load()(PASSAGE)


def test_span_text_is_the_spans_own_text(doc) -> None:  # noqa: ANN001
    """Sentences, entities, the whole doc and every short slice: trailing spaces, a double space,
    a newline and a space before punctuation all come out as ``Span.text`` has them."""
    from reportedly.nlp import span_text

    spans = [doc[:], *doc.sents, *doc.ents]
    spans += [doc[i : i + n] for n in (1, 2, 5) for i in range(len(doc) - n + 1)]
    assert len(spans) > 3 * len(doc)
    for span in spans:
        assert span_text(span) == span.text, (span.start, span.end)
    assert span_text(doc[:]) == PASSAGE.rstrip(" ")


def test_entity_bounds_say_what_span_ents_says(doc) -> None:  # noqa: ANN001
    """For every slice of the doc, whether it holds an entity, as ``Span.ents`` reads it (an
    entity starting inside but ending past the slice hides any after it)."""
    from reportedly.extract.spans import EntityBounds

    bounds = EntityBounds(doc)
    answers = [
        (bounds.inside(i, j), bool(doc[i:j].ents)) for i in range(len(doc)) for j in range(i, len(doc) + 1)
    ]
    assert all(mine == spacys for mine, spacys in answers)
    assert {True, False} <= {spacys for _, spacys in answers}


def test_a_run_of_proper_nouns_without_an_entity_is_looked_up(doc) -> None:  # noqa: ANN001
    """``EntityResolver.learn``: "Kyiv", which the statistical NER leaves untagged here, is
    offered from the gazetteer; runs inside a tagged entity are not offered twice."""
    from reportedly.extract.entities import EntityResolver

    resolver = EntityResolver("d", PASSAGE)
    resolver.learn(doc[:], 0)
    found = [(text, label) for _, text, label in resolver.candidates]
    assert not any(e.text == "Kyiv" for e in doc.ents)
    assert ("Kyiv", "ORG") in found
    assert [text for text, _ in found].count("Le Monde") == 1


def test_tokens_with_are_the_tokens_a_walk_finds(doc) -> None:  # noqa: ANN001
    """``Passage.tokens_with`` gives, sentence by sentence, the tokens a walk over the sentence
    testing ``lower_`` or the lower-cased ``lemma_`` keeps, in order; a span of another doc too."""
    from reportedly.extract.lexicon import REPORTING_VERBS
    from reportedly.extract.registry import Passage
    from reportedly.model import SectionKind
    from reportedly.nlp import load
    from reportedly.nlp.blocks import Block

    passage = Passage(Block(SectionKind.BODY, 0, doc, 0), PASSAGE, [])
    other = load()("Reporters said it. The Health ministry declined.")
    cases = [("lemma", REPORTING_VERBS), ("lemma", {"decline", "die"}), ("lower", {"monday", "le", "kyiv"})]
    hits = 0
    for attr, words in cases:
        for sent in [*doc.sents, *other.sents]:
            walked = [t for t in sent if (t.lower_ if attr == "lower" else t.lemma_.lower()) in words]
            assert [t.i for t in passage.tokens_with(sent, attr, words)] == [t.i for t in walked]
            hits += len(walked)
    assert hits >= 6


def test_lemmas_from_the_index_sets_are_those_of_the_lists() -> None:
    """The lemmatizer's word index is read as sets (a scan of a 57,528-word list per candidate
    form before); the lemmas of a passage with inflected, unknown and hyphenated words are the
    ones the lists give, and the sets really are in use."""
    from reportedly.nlp import load

    nlp = load()
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    text = (
        "The ministries said floods had displaced 40,000 villagers; officials were evacuating "
        "the worst-hit districts, and rescuers kept searching collapsed buildings. Zelenskyy's "
        "aides tweeted that drones struck refineries, reportedly the biggest attacks yet."
    )
    with nlp.select_pipes(disable=["lemmatizer"]):
        with_sets, with_lists = nlp(text), nlp(text)
    saved, cache = dict(index.items()), dict(lemmatizer.cache)
    lemmatizer.cache.clear()
    lemmatizer(with_sets)
    try:
        for pos, words in saved.items():
            index[pos] = sorted(words)
        lemmatizer.cache.clear()
        lemmatizer(with_lists)
    finally:
        for pos, words in saved.items():
            index[pos] = words
        lemmatizer.cache.clear()
        lemmatizer.cache.update(cache)
    lemmas = [t.lemma_ for t in with_sets]
    assert lemmas == [t.lemma_ for t in with_lists]
    assert {"ministry", "displace", "villager", "evacuate", "search", "drone"} <= set(lemmas)


@pytest.mark.slow  # loads the models
def test_warm_up_builds_dateparsers_tables() -> None:
    """The first date a process parses compiles dateparser's timezone patterns (a few tenths of
    a second); ``warm_up`` parses one, so a Dask worker does not pay it after start-up."""
    from dateparser import timezone_parser

    import reportedly
    from reportedly.extract import dates

    timezone_parser._build_tz_regexes.cache_clear()
    # a fresh process: no phrase resolved yet (an earlier test in this process may have resolved
    # warm_up's date, and the resolution is cached, so dateparser would not be asked again)
    dates.resolve.cache_clear()
    reportedly.warm_up()
    assert timezone_parser._build_tz_regexes.cache_info().currsize == 1


def test_the_quotation_scan_answers_as_reading_each_line_from_its_start() -> None:
    """The outlet finder asks, for each name of a sentence in turn, whether a quotation opened
    earlier on its line is still open; one forward scan answers as rereading the line each time."""
    import random

    from reportedly.extract.outlet import QuoteScan

    def reread(text: str, at: int) -> bool:
        line = text[text.rfind("\n", 0, at) + 1 : at]
        return line.count("“") > line.count("”") or line.count('"') % 2 == 1

    rng = random.Random(11)
    for _ in range(200):
        text = "".join(rng.choice('ab “”"\n') for _ in range(rng.randint(0, 80)))
        positions = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, rng.randint(1, 12))))
        if rng.random() < 0.2:
            positions.reverse()  # asked out of order: it starts again at the line
        scan = QuoteScan(text)
        assert [scan.inside(p) for p in positions] == [reread(text, p) for p in positions], text
