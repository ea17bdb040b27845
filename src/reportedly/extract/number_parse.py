"""Reading a number in the parse: its token, the noun it counts, and the clause it belongs to.

Shared by quantity finding (:mod:`reportedly.extract.quantities`) and measure typing
(:mod:`reportedly.extract.measures`), which both start from the number's token.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .measure_words import EVENTS
from .spans import first_from

# Nouns that name a measure rather than the thing counted: "the total number of containers".
_MEASURE_NOUNS = {"number", "total", "tally", "count", "figure", "toll", "sum", "amount"}

#: Number words that scale the number before them ("3 million", "a dozen").
SCALES = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "mn": 1e6, "bn": 1e9,
}  # fmt: skip
#: Currency nouns after a number, as ISO codes ("50 dollars").
CURRENCY_NOUNS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR"}


_CLAUSAL_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass"}


def number_token(doc: Doc, start: int, end: int) -> Token:
    """The token that carries the number's syntax: the last numeric token of the phrase."""
    region = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(region) if region is not None and len(region) else [doc[0]]
    for token in reversed(tokens):
        if (
            token.like_num
            or token.lower_ in SCALES
            or token.lower_ in ("dozens", "hundreds", "thousands", "millions", "billions")
        ):
            return token
    return tokens[-1]


def counted_noun(anchor: Token, end: int, span: Span) -> Token | None:
    """What is counted: the noun after the number, else the parse, else "the number of X".

    ``end`` is the number phrase's end (doc-relative); ``span`` bounds the search.
    """
    noun = _following_noun(anchor.doc, end, span)
    if noun is None:
        noun = _parsed_noun(anchor)
    if noun is None:
        noun = _measured_noun(anchor)
    return noun


def counted_unit(anchor: Token, end: int, span: Span) -> str | None:
    noun = counted_noun(anchor, end, span)
    if noun is None:
        return None
    return CURRENCY_NOUNS.get(noun.lower_, noun.text)


# Tokens that may stand between a number and its noun without ending the noun phrase.
def _modifier(token: Token) -> bool:
    return (
        token.pos_ in ("ADJ", "NUM")
        or token.dep_ in ("amod", "compound", "nmod", "poss", "case")
        or token.tag_ in ("HYPH", "POS")
        or token.ent_type_ == "NORP"
        or token.lower_ in ("more", "additional", "other", "new", "the", "these", "those", "its", "their")
    )


def _following_noun(doc: Doc, end: int, span: Span) -> Token | None:
    # the noun phrase after the number: at most the next seven tokens, found by binary search
    first = first_from(span, end)
    tokens = [doc[i] for i in range(first, min(first + 7, span.end))]
    if tokens and tokens[0].lower_ == "of":  # partitive: "thousands of troops", "7,000 of the containers"
        tokens = tokens[1:]
    for token in tokens[:6]:
        if token.lower_ in ("aboard", "onboard"):
            return None  # "around 700 onboard": an adverb the tagger may take for a noun
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.ent_type_ != "NORP":
            return token
        if token.pos_ == "PRON" or not _modifier(token) and token.pos_ not in ("NOUN", "PROPN"):
            return None
    return None


def _parsed_noun(anchor: Token) -> Token | None:
    token = anchor
    while (
        token.dep_ in ("compound", "quantmod", "nummod", "conj")
        and token.head.pos_ == "NUM"
        and token.head != token
    ):
        token = token.head
    head = token.head
    if (
        token.dep_ in ("nummod", "quantmod", "nmod", "amod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in ("aboard", "onboard")
        and head.i > token.i
    ):
        return head
    return None


def _measured_noun(anchor: Token) -> Token | None:
    """ "bringing the total number of containers to 20,000": the unit hangs off a measure noun."""
    verb = anchor
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
            continue
        measure = child.lemma_.lower() in _MEASURE_NOUNS or any(
            c.lower_ in ("total", "cumulative") for c in child.children
        )
        if not measure:
            continue
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in EVENTS for c in child.children):
            # "the death toll of the train accident rose to 233": a tally that names its event
            # already; its "of" phrase is what the tally is of (the accident), not what it counts
            continue
        if child.lemma_.lower() == "toll":
            # "the toll of the sinking … 78 dead": a toll's "of" names the event it is the toll
            # of (the war, the quake), never what it counts, which is people
            continue
        for prep in child.children:
            if prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        return obj
    return None


def clause_tokens(anchor: Token, span: Span) -> list[Token]:
    """The tokens of the clause the number belongs to, without nested clauses it is not in.

    Scope cues only bind within a clause: in "5,000 shells arrived on Monday, bringing the
    total to 20,000" the "total" belongs to the second number only.
    """
    root = anchor
    # the path from the number up to the clause's root: the only nested clauses walked into. The
    # walk below never leaves the root's subtree, so the ancestors above the root do not matter
    # (reading them all cost the parse tree's depth per number, the block's length on a chained
    # quote-dense paragraph: issue 18)
    on_path = {anchor.i}
    while root.head != root and not (
        root.pos_ in ("VERB", "AUX") and root.dep_ not in ("aux", "auxpass", "amod")
    ):
        root = root.head
        on_path.add(root.i)
    keep: list[Token] = []
    stack = [root]
    while stack:
        node = stack.pop()
        keep.append(node)
        for child in node.children:
            nested = (
                child.dep_ in _CLAUSAL_DEPS
                or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"))
                or _finite_acl(child)
            )
            if nested and child.i not in on_path:
                continue
            stack.append(child)
    inside = range(span.start, span.end)
    return sorted((t for t in keep if t.i in inside), key=lambda t: t.i)


def _finite_acl(token: Token) -> bool:
    """ "amid fears that the toll could reach 500": a clause on a noun with its own subject or
    conjunction is a clause of its own (its modal is not the outer number's), where "the people
    killed in the blast" (no subject) still belongs to the clause around it."""
    return (
        token.dep_ == "acl"
        and token.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "mark") for c in token.children)
    )
