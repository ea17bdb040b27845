"""Who is counted in grave condition: a figure's own words that make it a count of its own.

Split from :mod:`reportedly.extract.measure_what` (the event around a number): "1,204 were
injured, including 721 in a critical condition" counts 721 people in critical condition, a part of
the injured that reports give as a series of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from .measure_words import EVENTS

#: Nouns of a patient's state and the words that make it grave: "in critical condition",
#: "in a serious state", "critical cases". Who is in it is counted apart from the injured.
CONDITIONS = frozenset({"condition", "state", "case"})
GRAVE = frozenset({"critical", "serious", "grave"})

#: Adverbs of a grave injury: "1,404 critically", "gravely wounding 1,832".
_GRAVELY = frozenset({"critically", "seriously", "gravely", "severely"})


def grave(anchor: Token, noun: Token | None) -> bool:
    """Whether the number counts people in grave condition by its own words, whatever its whole
    counts: its own "in (a) critical / serious condition" phrase ("including 721 in a critical
    condition", "of whom 1,220 were in a serious condition", "with 1,404 of them in serious
    condition"), an adverb of a grave injury on it ("2,059 were injured, 1,404 critically") or on
    the injury verb it is the object or subject of ("gravely wounding 1,832", "50 were seriously
    injured"). Such a figure is a count of its own (``critical``), a part of the injured."""
    own = [t for t in (anchor, noun) if t is not None]
    verbs = [
        t.head for t in own if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ in ("VERB", "AUX")
    ]
    for t in own + verbs:
        for c in t.children:
            if (
                c.dep_ == "prep"
                and c.lower_ == "in"
                and any(g.dep_ == "pobj" and _grave_state(g) for g in c.children)
            ):
                return True
            if (
                c.dep_ == "advmod"
                and c.lower_ in _GRAVELY
                and (t in own or EVENTS.get(t.lemma_.lower()) == "injured")
            ):
                return True
    # "1,404 critically": the parse hangs the number on the adverb
    return anchor.dep_ == "advmod" and anchor.head.lower_ in _GRAVELY


def _grave_state(t: Token) -> bool:
    return t.lemma_.lower() in CONDITIONS and any(c.dep_ == "amod" and c.lower_ in GRAVE for c in t.children)
