"""What an amount of money is the value of: a cost, or aid, a loan, a fund, a fine.

Split from :mod:`reportedly.extract.measures` (round 11): an amount was typed only as the value
of a cost ("$1 billion in damage"), and every other amount ("$50 million in aid", "a $2 billion
loan", "a fund of 10 million euros") was left untyped, so a story whose numbers are money had no
series for them. The thing an amount is worth is read from the noun phrase it belongs to, the way
a count's thing is read from its counted noun: the noun it modifies, its own "in / of" phrase,
or the subject or object of the verb that puts a value on that noun ("aid was put at $5
million"). Cost words fold onto ``cost`` (as before); other money nouns keep their lemma, so two
reports of "aid" share a series and never meet a "loan".
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import MONEY_WHATS
from .measure_words import MONEY_NOUNS

#: Nouns of money given, lent, raised, owed or paid: what an amount is, when it is not a cost.
#: General English finance words, not any one story's (the model's list of money measures).
PAID_NOUNS = MONEY_WHATS - {"cost"}


#: Nouns of money given to meet a need, one thing by several names: "$60 million in emergency
#: relief", "the first $60 million in emergency funds" and "$60 million in federal assistance"
#: are one award. Loans, grants, pledges and the rest keep their own names.
GIVEN = "aid"
_GIVEN_NOUNS = frozenset({"aid", "assistance", "relief", "funding", "fund"})

#: Verbs that put a price on doing something: "it will take $2 billion to rebuild the bridge",
#: "the repairs need $40 million": with an infinitive of purpose, the amount is a cost.
_PRICE_VERBS = frozenset({"take", "need", "require"})


def _kind(t: Token) -> str | None:
    word = t.lemma_.lower()
    if word in MONEY_NOUNS:
        return "cost"
    if word in PAID_NOUNS and t.pos_ == "NOUN":
        return GIVEN if word in _GIVEN_NOUNS else word
    return None


def _of_kind(t: Token) -> str | None:
    """The kind of the noun itself or of its "of" phrase: "estimates of the rebuilding costs"."""
    return _kind(t) or next(
        (
            _kind(g)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and _kind(g)
        ),
        None,
    )


_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can"})


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose on the verb: "… to rebuild the bridge"."""
    return any(
        c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children
    )


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _verb_kind(verb: Token, node: Token) -> str | None:
    """What a verb says an amount hung on it is worth: the verb "cost" or a price verb ("take",
    "need") told of work to be done, with a modal or an infinitive of purpose ("could cost at
    least $350 million", "it will take $2 billion to rebuild"), else its subject or object ("the
    cost was estimated at …", "estimates of the costs are at …")."""
    word = verb.lemma_.lower()
    if (word in _PRICE_VERBS and _purpose(verb)) or (
        word in MONEY_NOUNS
        and verb.pos_ == "VERB"
        and (_purpose(verb) or _modal(verb) or (verb.dep_ == "conj" and _modal(verb.head)))
    ):
        # told of a work to be done, not of a thing's price ("a ticket costs $40")
        return "cost"
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c != node and _of_kind(c):
            return _of_kind(c)
    return None


def money_what(anchor: Token) -> str | None:
    """The thing an amount at ``anchor`` is the value of ("cost", "aid", "loan"), or None.

    Looks at the amount's own noun, its "in / of" phrase ("$1 billion in damage", "$50 million
    in aid", "a fund of $2 million"), the noun it modifies ("a $3 billion loss", "a $2 billion
    loan"), climbing at most four heads; at a verb, its subject or object ("the cost was
    estimated at $5.5 billion", "aid totalled $40 million")."""
    node = anchor
    for _ in range(4):
        kind = _kind(node)
        if kind:
            return kind
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for g in c.children:
                    if g.dep_ == "pobj" and _kind(g):
                        return _kind(g)
        head = node.head
        if head == node:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return _verb_kind(head, node)
        node = head
    return None


#: Nouns of a figure not yet known: "estimates of the rebuilding costs are at $600 million".
_ESTIMATE_NOUNS = frozenset({"estimate", "projection", "forecast"})


def estimated(anchor: Token) -> bool:
    """Whether an amount is the value of an estimate noun (its subject, up to three heads up):
    a cost still to be paid, told as a guess, is a forecast as "could cost $2 billion" is."""
    node = anchor
    for _ in range(3):
        head = node.head
        if head == node:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() in _ESTIMATE_NOUNS
                for c in head.children
            )
        node = head
    return False
