"""Pairing quotation marks on characters, before any parse."""

from __future__ import annotations

from reportedly.extract.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_quotes_nest_and_only_the_outer_one_counts() -> None:
    assert _texts("She said “he calls it “hell” and means it” today.") == ["he calls it “hell” and means it"]


def test_an_unclosed_opener_keeps_the_quotes_after_it() -> None:
    # a typo: the first quotation is never closed; the second still pairs, nothing runs to the end
    text = "“We will see, he said. “Not now,” she replied, and left."
    quotes = find_quotes(text)
    assert _texts(text) == ["Not now,"]
    assert not any(q.open_end for q in quotes)


def test_an_opener_continued_in_the_next_paragraph_runs_to_the_end() -> None:
    text = "“We will fight for every vote in this state. "
    (quote,) = find_quotes(text, offset=100)
    assert quote.open_end and (quote.start, quote.end) == (101, 100 + len(text.rstrip()))


def test_a_paragraph_opened_with_a_closing_mark() -> None:
    assert _texts("”Fear. I am afraid.” ― A reader") == ["Fear. I am afraid."]
    # a lone closing mark at the start opens nothing
    assert _texts("” and then nothing") == []


def test_straight_marks_alternate() -> None:
    assert _texts('He said "yes" and "no".') == ["yes", "no"]
