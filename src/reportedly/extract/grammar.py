"""Reading the parse around a cue: subjects, negation, reporting uses, chain hops, source nouns.

Shared by the rule finders, the learned finder and the lead-in step, so that a
cue the rules found and one the learned taggers found are read the same way.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .lexicon import CITING_VERBS, GROUP_NOUNS, HEADLINE_SOURCE_HEADS, LISTENER_NOUNS, REPORTING_VERBS
from .spans import char_span, mention_span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: nouns that can be the source of "according to": people and bodies, or documents that speak
SOURCE_NOUNS = frozenset(
    {
        "report",
        "poll",
        "survey",
        "study",
        "data",
        "statement",
        "analysis",
        "figure",
        "estimate",
        "record",
        "document",
        "filing",
        "website",
        "tally",
        "count",
        "research",
        "census",
        "transcript",
        "memo",
        "indictment",
        "complaint",
        "lawsuit",
        "release",
        "letter",
        "email",
        "post",
        "tweet",
        "interview",
        "account",
        "testimony",
        "footage",
        "assessment",
        "forecast",
        "projection",
        "model",
        "review",
        "audit",
        "investigation",
        "inquiry",
        "ruling",
        "decision",
        "order",
        "agreement",
        "draft",
        "plan",
        "proposal",
        "budget",
        "bill",
        "law",
        "source",
        "media",
        "reports",
        "polls",
        "newspaper",
        "paper",
        "agency",
        "ministry",
        "government",
        "office",
        "department",
        "police",
        "campaign",
        "company",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statistics",
        "aide",
        "witness",
        "official",
        "analyst",
    }
)
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LISTENER_OK = {"PRON", "PROPN"}


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1 and subjects[1].pos_ == "PROPN" and subjects[1].i == subjects[0].right_edge.i + 1:
        # "news agency Tass reported": a description and the name after it, parsed as two
        # subjects; the name is who speaks
        return subjects[1]
    if subjects:
        first = subjects[0]
        if first.dep_ == "csubj" and first.tag_ in {"VBG", "VBN"}:
            # "Pointing the finger at Britain, the director of the FSB said …": an opening
            # participial clause is no speaker; the noun phrase before the verb is
            return _noun_before(verb)
        named = next((c for c in first.children if c.dep_ == "appos" and c.i == first.i + 1), None)
        if named is not None and named.pos_ == "PROPN":
            return named  # "news agency Ana reported": the name right after its description, no comma
        return subjects[0]
    # shared subject of coordinated or participial verbs: "X said A and added B", "X said, adding that"
    if verb.dep_ in {"conj", "advcl"} and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return subject_of(verb.head)
    # a gerund after a preposition shares the subject of the verb the preposition hangs on:
    # "was criticised for saying that …", "refuses to discuss it, aside from saying he wants …"
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head
        for _ in range(2):  # "aside from saying": the preposition hangs on an adverb first
            if governor.pos_ in {"ADV", "ADP"} and governor.head.i != governor.i:
                governor = governor.head
        if governor.pos_ in {"VERB", "AUX"} and governor.i != verb.i:
            return subject_of(governor)
    return None


def _noun_before(verb: Token) -> Token | None:
    """The head of the noun phrase that ends right before ``verb`` after a comma (the parser hangs
    it on the opening clause as an apposition or a conjunct), or None."""
    if verb.i == 0:
        return None
    tok = verb.doc[verb.i - 1]
    while tok.dep_ not in {"appos", "conj"} and tok.head.i != tok.i and tok.head.i < verb.i:
        tok = tok.head
    start = tok.left_edge.i
    if tok.pos_ in {"NOUN", "PROPN"} and start > 0 and verb.doc[start - 1].text == ",":
        return tok
    return None


def has_neg(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children if tok.dep_ == "xcomp"
    )


def has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def cue_tokens(verb: Token) -> list[Token]:
    """The cue as written: the verb with its particle ("pointed out") and nothing else."""
    toks = [verb]
    toks += [c for c in verb.children if c.dep_ == "prt"]
    return sorted(toks, key=lambda t: t.i)


def is_reporting(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma not in REPORTING_VERBS:
        return False
    if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
        return False
    return tok.dep_ not in {"amod", "compound", "nmod"}


_IMPERSONAL = frozenset({"possible", "impossible", "difficult", "hard", "unclear", "easy", "necessary"})


def not_attributive(verb: Token, subj: Token, sent: Span) -> bool:
    """Reporting verbs in non-reporting uses: "That said,", "All told,", "told a joke", questions."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if (
        subj.i == verb.i - 1
        and subj.lower_ in {"that", "all", "this"}
        and nxt is not None
        and nxt.text == ","
    ):
        return True
    if verb.lemma_.lower() == "tell":
        # a clause of what was said ("told the forum he was …") or a that-clause the parser hung on
        # the listener ("told a meeting of leaders that …") makes it reporting
        marked = any(c.dep_ == "ccomp" and not _after_conjunction(c) for c in verb.children) or any(
            t.dep_ == "mark" and t.lower_ == "that" for t in verb.subtree if t.i > verb.i
        )
        for c in verb.children:
            if (
                c.dep_ == "dobj"
                and c.pos_ not in _LISTENER_OK
                and c.lemma_.lower() not in LISTENER_NOUNS
                and not c.ent_type_
                and not marked
            ):
                return True  # "told a joke", "told the story" (a listener or a that-clause would report)
    # "another 1,602 people confirmed dead", "two crew reported missing": a reduced passive of a
    # count's state; the counted people are not speakers
    nxt_word = nxt.lower_ if nxt is not None else ""
    if verb.tag_ in ("VBD", "VBN") and nxt_word in _STATES and subj.i < verb.i and _counted(subj):
        return True
    # "It was not possible to verify …", "It is hard to confirm …": an impersonal "it" reports
    # nobody's statement (the outlet's own caveat is an outlet claim)
    if subj.lower_ == "it" and any(
        t.dep_ in ("acomp", "attr") and t.lemma_.lower() in _IMPERSONAL for t in subj.head.children
    ):
        return True
    # "Will the central bank confirm …?" asks; it does not attribute
    # the token tests first: ``sent.text`` joins the whole sentence, and a block without sentence
    # ends (quotation fragments) is one sentence of thousands of tokens, read for every verb
    return sent[0].pos_ == "AUX" and sent[0].i < subj.i and sent.text.rstrip().endswith("?")


#: States a count is reported in: "confirmed dead", "reported missing", "feared trapped".
_STATES = frozenset({"dead", "killed", "injured", "wounded", "missing", "trapped", "alive", "drowned"})


def _counted(subj: Token) -> bool:
    """A subject that is a count of people or things: it has a number in it ("another 1,602 people")."""
    return any(t.like_num or t.pos_ == "NUM" for t in subj.subtree)


def _after_conjunction(clause: Token) -> bool:
    """ "told a joke and the room laughed": a clause joined by "and" is not what was told."""
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).dep_ == "cc"


def aside_or_question(verb: Token, sent: Span) -> bool:
    """ "All told, …", "That said, …" and yes/no questions ("Will the bank confirm …?")."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    if verb.i - sent.start <= 1 and nxt is not None and nxt.text == ",":
        return True
    return sent[0].pos_ == "AUX" and sent[0].i < verb.i and sent.text.rstrip().endswith("?")


def agent_of(verb: Token) -> Span | None:
    """The noun phrase of a passive's *by*-agent ("as cited by lawmakers")."""
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return mention_span(obj)
    return None


#: Platforms a statement is posted on: a hop between the reader and the speaker.
PLATFORMS = frozenset(
    {"telegram", "facebook", "twitter", "instagram", "youtube", "tiktok", "vkontakte", "weibo"}
)
#: Words that make a listener a news outlet ("told Russian state TV", "told AFP"): a relay hop.
_MEDIA = re.compile(
    r"\b(?:TV|television|broadcaster|radio|newspaper|news\s+agency|agency|channel|outlet|daily|magazine|"
    r"AFP|AP|Associated\s+Press|Reuters|BBC|CNN|NBC|CBS|ABC|Sky\s+News|Al\s+Jazeera|TASS|RIA|Interfax|"
    r"Xinhua|Yonhap|dpa|Bloomberg|Fox\s+News|The\s+\w+\s+(?:Times|Post|Journal|Guardian))\b"
)
NEWSROOM = _MEDIA  # the same test, for the merge step's relayed statements


def relay_hops(verb: Token) -> list[tuple[Span, str]]:
    """Relays written around a verb, nearer the reader than its speaker: the outlet the speaker
    told ("told AFP", "in an interview with the Associated Press") and the platform the words were
    posted on ("said in a Telegram post", "wrote on Facebook")."""
    hops: list[tuple[Span, str]] = []
    for child in verb.children:
        if child.dep_ in {"dative", "dobj"} and verb.lemma_.lower() == "tell":
            mention = mention_span(child)
            if _MEDIA.search(mention.text):
                hops.append((mention, verb.text))
        if child.dep_ != "prep" or child.lower_ not in {"in", "on", "to", "via"}:
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            if obj.lower_ in PLATFORMS:
                hops.append((obj.doc[obj.i : obj.i + 1], child.text))  # "wrote on Facebook"
                continue
            if obj.lower_ == "media" and any(c.lower_ == "social" for c in obj.children):
                hops.append((mention_span(obj), child.text))  # "said on social media"
                continue
            platform = next((t for t in obj.subtree if t.i < obj.i and t.lower_ in PLATFORMS), None)
            if platform is not None:
                hops.append((platform.doc[platform.i : platform.i + 1], child.text))  # "in a Telegram post"
            elif obj.lower_ in {"interview", "interviews"}:
                for w in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"):
                    for o in (c for c in w.children if c.dep_ == "pobj"):
                        if _MEDIA.search(mention_span(o).text):
                            hops.append((mention_span(o), "interview with"))
    return hops


def chain_from_verb(draft, verb: Token, subj: Token | None) -> None:  # noqa: ANN001 - a Draft
    """Chain hops written around the verb: citing X, as cited by X, who was briefed by X; the
    outlet told and the platform posted on (:func:`relay_hops`)."""
    draft.chain_before.extend(relay_hops(verb))
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in {"cite", "quote"}:
        # "The Ledger, also citing officials, reported …" parsed with *citing* as the root and
        # *reported* joined to it: the officials are still the Ledger's hop
        for obj in verb.head.children:
            if obj.dep_ == "dobj":
                draft.chain_after.append((mention_span(obj), verb.head.text))
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ in {"advcl", "conj", "xcomp", "prep", "pcomp"} and lemma in CITING_VERBS:
            agent = agent_of(child)
            if agent is not None:
                # "as cited by lawmakers": the citer is nearer the reader than the speaker
                draft.chain_before.append((agent, child.text))
                continue
            for obj in child.children:
                if obj.dep_ in {"dobj", "pobj"}:
                    draft.chain_after.append((mention_span(obj), child.text))
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj" and _MEDIA.search(mention_span(obj).text):
                        # "X confirmed the figure, according to CNN": the newsroom relays X
                        draft.chain_before.append((mention_span(obj), "according to"))
                    elif obj.dep_ == "pobj":
                        draft.chain_after.append((mention_span(obj), "according to"))
    if subj is not None:
        for child in subj.children:
            if child.dep_ in {"relcl", "acl"} and child.lemma_.lower() in CITING_VERBS | {"brief", "inform"}:
                agent = agent_of(child)
                if agent is not None:
                    draft.chain_after.append((agent, child.text))
                for obj in child.children:
                    if obj.dep_ == "dobj" and child.lemma_.lower() == "cite":
                        draft.chain_after.append((mention_span(obj), child.text))


def source_like(tok: Token) -> bool:
    """A noun that can vouch for a statement: a named person or body, officials, a report."""
    lemma = tok.lemma_.lower()
    return (
        tok.ent_type_ in _SOURCE_ENTITIES
        or tok.pos_ == "PROPN"
        or lemma in HEADLINE_SOURCE_HEADS
        or lemma in SOURCE_NOUNS
        or tok.lower_ in GROUP_NOUNS
    )


def looks_like_source(part: str, doc, start: int) -> bool:  # noqa: ANN001 - a Doc or Span
    """Words that name a speaker: ending in a source noun ("… official"), or all proper nouns."""
    words = [w.strip(".,’'\"").lower() for w in part.split()]
    if not words:
        return False
    if words[-1] in HEADLINE_SOURCE_HEADS:
        return True
    toks = [t for t in doc if start <= t.idx < start + len(part) and not t.is_space and not t.is_punct]
    return bool(toks) and all(t.pos_ == "PROPN" or t.ent_type_ for t in toks)


def what_is_cited(verb: Token, offset: int, text: str) -> tuple[int, int] | None:
    """What follows a participial *citing* / *quoting* in its clause: what is cited."""
    return char_span([t for t in verb.subtree if t.i > verb.i], offset, text)
