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


def _kind(t: Token) -> str | None:
    word = t.lemma_.lower()
    if word in MONEY_NOUNS:
        return "cost"
    if word in PAID_NOUNS and t.pos_ == "NOUN":
        return word
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
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c != node and _kind(c):
                    return _kind(c)
            return None
        node = head
    return None
