"""Whose words a page relays, said once above them (round 6; a name alone, round 12).

A page that reposts someone's statement says so in a line of its furniture: "Джерело: керівник
Офісу президента Андрій Єрмак" / "Источник: …", or, on a community or institution's site that
republishes an address, the speaker's name alone as the page's first line, a crosshead over the
text ("Володимир Зеленський" ¶ "Сьогодні в Броварах сталася трагедія. … 15 людей загинули.").
Either is a credit line: the reader (:class:`.cyrillic.Cyrillic`) gives the figures nobody is
named for to the credited source, until the outlet's own recap.

A name line is a person's name and nothing else: two or three capitalised words, the first a first
name and a surname the language's reader of people finds (natasha for Russian, pymorphy3's
first names and surnames for Ukrainian), opening the text and kept out of its paragraphs (a
crosshead of the page's layout; a name that opens a paragraph is its first words). An author's
byline under a headline looks the same, so the line must open the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: the reader's people finder: start, end, kind, the name in the nominative
Names = Callable[[str], Iterable[tuple[int, int, str, str]]]

#: a credit line: "Джерело: X" / "Источник: X" (whose words the article relays)
_CREDIT = re.compile(
    r"^[ \t]*(?:джерело|источник)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$", re.IGNORECASE | re.MULTILINE
)

#: a line of two or three capitalised words and nothing else
_NAME_LINE = re.compile(r"[ \t]*([А-ЯЁІЇЄҐ][а-яёіїєґ’ʼ'-]+(?:[ \t]+[А-ЯЁІЇЄҐ][а-яёіїєґ’ʼ'-]+){1,2})[ \t]*\n")


def credit_line(
    names: Names, text: str, paragraphs: list[tuple[int, int]]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The credit line's cue and its source phrase, as offsets into ``text`` (None: none). For a
    name alone the name is both; ``paragraphs`` are the text's, which the name line is not in."""
    m = _CREDIT.search(text)
    if m:
        return (m.start(), m.start(1)), (m.start(1), m.end(1))
    line = _NAME_LINE.match(text)
    if line is None or any(a <= line.start(1) < b for a, b in paragraphs):
        return None
    name = line.group(1)
    if not any(a == 0 and b == len(name) and kind == "PER" for a, b, kind, _n in names(name)):
        return None
    return (line.start(1), line.end(1)), (line.start(1), line.end(1))
