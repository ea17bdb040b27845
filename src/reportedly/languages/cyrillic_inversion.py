"""Who was told and who told it, when both stand round the verb (and an agency named last that
relays a statement, :func:`relay_last`): "Об этом ТАСС сообщила
официальный представитель МИД Анна Петрова", "Про це Укрінформу повідомив голова ОВА Іван Петренко".

Russian and Ukrainian put the one told (a dative, often an agency whose name does not decline)
before the verb and the speaker after it. The phrase before the verb then reads as a subject of
its own, and the agency, not the person, became the source. When the phrase before names nobody
(no person in it) and the words after the verb are a person's name in the nominative, perhaps
with a title before it, the person spoke: the phrase before is whom they told, a hop of the chain
when it is a name (capitalised), nothing when it is a common noun ("журналистам").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .common import Range
from .cyrillic_tokens import Tok, closing_quote

#: what ``Cyrillic.names`` gives: start, end, kind, the name in the nominative
Names = Callable[[str], Iterable[tuple[int, int, str, str]]]


def _people(names: Names, stext: str, toks: list[Tok]) -> list[tuple[int, int]]:
    if not toks:
        return []
    return [
        (a, b)
        for a, b, kind, _n in names(stext)
        if kind == "PER" and toks[0].start <= a and b <= toks[-1].end
    ]


def addressee_first(names: Names, subject: list[Tok], after: list[Tok], stext: str) -> list[Tok]:
    """The speaker's words after the verb (title and name) when ``subject``, found before the verb,
    is whom they told (module docstring): nobody named in the subject, and a person named in the
    nominative after the verb. Empty when the subject spoke."""
    if not subject or not after or _people(names, stext, subject):
        return []
    if any(t.pos == "NPRO" for t in subject):
        return []  # "Об этом он сообщил": a pronoun is the speaker
    people = _people(names, stext, after)
    if not people:
        return []
    a, b = people[0]
    in_name = [t for t in after if a <= t.start and t.end <= b and not t.punct]
    if not in_name or in_name[0].case not in ("nomn", None) or not in_name[0].cap:
        return []
    return after[: after.index(in_name[-1]) + 1]


#: "…, йдеться у зведенні X, передає BBC News": an agency that relays the statement, last
_RELAY_LAST = re.compile(
    r"^[^,.]*,\s*(?:переда[её]т?|передає|пишет|пише|сообща[её]т|повідомляє)\s+(?P<who>[^,.]+?)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def relay_last(stext: str, at: int) -> Range | None:
    """Where the agency named last stands (" …, передає BBC News."), when the words from ``at``
    (the statement's name, in "йдеться у зведенні X") end with one: it relays the statement, whose
    maker is the deeper hop."""
    m = _RELAY_LAST.match(stext[at:])
    return (at + m.start("who"), at + m.end("who")) if m else None


def quoted_after(toks: list[Tok], v: int) -> list[Tok]:
    """ "…, передает «Интерфакс»." / "…, пише «Дніпро Регіон».": a name in quotation marks right
    after the closing verb, ending the sentence, is who says it (its words, marks off; empty: none).
    The verb's clause otherwise stops at the opening mark, as at any punctuation."""
    if v + 2 >= len(toks) or toks[v + 1].text not in '«"„“':
        return []
    close = closing_quote(toks, v + 1)
    if close is None or any(not t.punct for t in toks[close + 1 :]) or not toks[v + 2].cap:
        return []
    return toks[v + 2 : close]
