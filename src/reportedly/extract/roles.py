"""Roles in source mentions: "the regional governor", "Kremlin spokesman Dmitry Peskov", "its
Kremlin-appointed mayor". A role names a person's position, not the person; these helpers read
roles off mentions and compare them ("deputy minister" is no "minister"), and compare words by
stem ("Ukrainian" / "Ukraine"). Used by extraction's entity resolver and by linking.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .lexicon import (
    TITLES,
)

#: Nouns naming one person's position: "the governor", "Kremlin spokesman Dmitry Peskov".
ROLE_NOUNS = frozenset(
    """president premier minister secretary secretary-general chancellor governor mayor spokesman
    spokeswoman spokesperson head chief director chairman chairwoman chair chairperson commander
    ambassador envoy coordinator co-ordinator adviser advisor leader king queen pope senator
    administrator commissioner prosecutor-general ceo officer official""".split()  # noqa: SIM905 - a word list reads better so
)
_ROLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "pres": "president",
    "co-ordinator": "coordinator",
}
#: Words that make a different position of the same noun: a vice president is not the president.
_ROLE_RANKS = frozenset("vice deputy assistant acting former ex interim first".split())  # noqa: SIM905
_ROLE_SKIP = frozenset("the a an its his her their of for in at to and on 's ’s".split())  # noqa: SIM905
_DEFINITE = frozenset({"the", "its", "his", "her", "their"})


def _role_noun(word: str) -> str | None:
    w = word.lower().strip(".,").replace("’", "'")
    w = _ROLE_ABBREVIATIONS.get(w, w)
    return w if w in ROLE_NOUNS else None


def role_words(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """(role noun, qualifiers, ranks) of a role: "the Ukrainian president" -> (president, {ukrainian}, {}).

    The role noun is the last one before "of"/"for" ("Kherson Governor", "head of the
    Oleshky administration"); qualifiers are the other content words, lower-cased.
    """
    raw = [re.sub(r"'s$", "", w.strip(".")) for w in re.findall(r"[\w.'-]+", text.lower().replace("’", "'"))]
    at = None
    for i, w in enumerate(raw):
        if w in {"of", "for", "in", "at"}:
            break
        if _role_noun(w):
            at = i
    if at is None:
        at = next((i for i, w in enumerate(raw) if _role_noun(w)), None)
    rest = [w for i, w in enumerate(raw) if i != at and w and w not in _ROLE_SKIP]
    return (
        _role_noun(raw[at]) or "" if at is not None else "",
        frozenset(w for w in rest if w not in _ROLE_RANKS),
        frozenset(w for w in rest if w in _ROLE_RANKS),
    )


def whole_name(ent: Span) -> Span:
    """A person's name with the first names the tagger split off ("Oleksandr" + "Prokudin"), no title."""
    start = ent.start
    while start > 0 and ent.doc[start - 1].ent_type_ == "PERSON" and ent.doc[start - 1].pos_ == "PROPN":
        if _role_noun(ent.doc[start - 1].text) or ent.doc[start - 1].lower_ in TITLES:
            break
        start -= 1
    return ent.doc[start : ent.end]


def role_of(ent: Span) -> str | None:
    """The role a text gives a person where it names them, as written, or None.

    "Kremlin spokesman Dmitry Peskov", "Ukraine’s prime minister Denys Shmyhal" (before the
    name), "Yevhen Ryshchuk, the mayor of Oleshky", "the Kremlin spokesman, Dmitry Peskov"
    (appositions).
    """
    doc, root = ent.doc, ent.root
    i = ent.start
    while i > 0:
        tok = doc[i - 1]
        hyphen = tok.text == "-" and not tok.whitespace_  # "Moscow-appointed regional governor"
        if (tok.dep_ in {"det", "punct", "cc"} and not hyphen) or not (hyphen or root.is_ancestor(tok)):
            break
        i -= 1
    lead = [t for t in ent if _role_noun(t.text)][:1]
    while i < ent.start and doc[i].text == "-":
        i += 1
    if i < ent.start and _role_noun(doc[ent.start - 1].text):
        return doc[i : ent.start].text
    if lead and lead[0].i == ent.start:  # "President Volodymyr Zelensky" tagged as one name
        return lead[0].text
    for child in root.children:  # "Dmitry Peskov, the Kremlin spokesman,"
        if child.dep_ == "appos" and child.i > ent.end - 1 and _role_noun(child.text):
            return _role_phrase(doc, child.left_edge.i, child.right_edge.i + 1)
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and _role_noun(head.text):  # "the spokesman, D. Peskov"
        return _role_phrase(doc, head.left_edge.i, ent.start)
    return None


def _role_phrase(doc: Doc, start: int, end: int) -> str | None:
    """The role as written, without its article and whatever follows a comma or a relative pronoun."""
    toks = list(doc[start:end])
    for n, t in enumerate(toks):
        if t.text in {",", ";", "(", "—", "–"} or t.lower_ in {"who", "which", "that"}:
            toks = toks[:n]
            break
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks = toks[1:]
    return doc[toks[0].i : toks[-1].i + 1].text if toks else None


def is_role_mention(mention: Span) -> bool:
    """A definite description of one person by their role: "the president", "its Kremlin-appointed mayor"."""
    root = mention.root
    if (
        not _role_noun(root.text)
        or root.tag_ in {"NNS", "NNPS"}
        or any(e.label_ == "PERSON" for e in mention.ents)
    ):
        return False
    return mention[0].lower_ in _DEFINITE or any(c.dep_ == "poss" for c in root.children)


#: Endings that turn a name into its adjective or plural: Syria-n, Turk-ish, Chin-ese, official-s.
_STEM_ENDINGS = frozenset("s es ies n an ian ean ish ese i ic y e er ern".split())  # noqa: SIM905


def same_stem(a: str, b: str) -> bool:
    """Ukraine/Ukrainian, Turkey/Turkish, Syria/Syrian: one word and its adjective (not Austria/Australia).

    They share a start of 4+ letters, the shorter word has at most two letters
    more, and the longer one ends in an adjective or plural ending.
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    n = 0
    for x, y in zip(short, long_, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and len(short) - n <= 2 and (long_[n:] in _STEM_ENDINGS or len(long_) - n <= 1)


def contradicts(want: frozenset[str], have: frozenset[str]) -> bool:
    """Both sides carry a qualifier the other lacks: "Russian president" vs "Ukrainian President"."""
    return any(not any(same_stem(w, h) for h in have) for w in want) and any(
        not any(same_stem(h, w) for w in want) for h in have
    )
