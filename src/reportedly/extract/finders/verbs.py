"""Reporting verbs: "X said (that) …", "“…,” said X", "X confirmed …", "accused X of Y"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..drafts import Draft, cue_stance, finish, mostly_quoted, source_of, speech_kind
from ..grammar import SUBJECT_DEPS, cue_tokens, has_agent, is_reporting, not_attributive, subject_of
from ..lexicon import CLAUSE_ONLY, OBJECT_CONTENT_VERBS, REPORTING_VERBS
from ..quotes import Quote
from ..registry import Passage, finder
from ..spans import Subtrees, char_span, enclosing, first_from, runs, trim

#: verbs whose gerund complement is the content: "denied sending troops", "admitted taking"
_GERUND_CONTENT = {"deny", "admit", "acknowledge", "confirm", "report", "recall", "dispute", "reject"}
_PUNCT_GAP = re.compile(r"^[\s,.:;—–-]*$")
_COLON_GAP = re.compile(r"^[\s,:—–-]*$")
_GAP_CHAR = re.compile(r"[\s,.:;—–-]")  # one character of each
_COLON_GAP_CHAR = re.compile(r"[\s,:—–-]")


@finder("verbs")
def verb_attributions(sent: Span, passage: Passage) -> list[Draft]:
    """A reporting verb (lexicon in ``lexicon.py``) with a clause, an adjacent quotation, a gerund,
    an accusation or, for verbs like *confirm*, an object; its subject is the source."""
    drafts: list[Draft] = []
    for tok in passage.tokens_with(sent, "lemma", REPORTING_VERBS):  # is_reporting reads the lemma first
        if not is_reporting(tok):
            continue
        if passage.in_quote(passage.offset + tok.idx):
            continue
        subj = subject_of(tok)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i and not has_agent(tok):
            continue  # agentless passive: handled by passive_attributions
        if subj is None or not_attributive(tok, subj, sent):
            continue
        if (as_ := _as_of(tok)) is not None and any(_quoted_as_saying(h) for h in (as_.head, as_.head.head)):
            continue  # "quoted X as saying …": *saying* is X's, read with *quoted* (below)
        draft = _verb_draft(tok, subj, sent, passage)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _misparsed_content(verb: Token) -> list[Token]:
    """ "told the forum he was …": the parser often hangs what was told on the listener as a
    relative clause; one with a subject of its own (not "who", "which") is the content."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for t in obj.subtree:
            if t.dep_ == "relcl" and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _RELATIVE_PRONOUNS for c in t.children
            ):
                return list(t.subtree)
    return []


_RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose", "what"})


def _without_coordinated_speech(content: list[Token], verb: Token) -> list[Token]:
    """The content without a second speaker's clause coordinated inside it.

    "The mayor said the bridge would reopen, and the ferry operator said services would resume":
    the parser hangs "and … said" on *reopen* or on the first *said* beside *reopen*, so the mayor's
    content swallowed the operator's words and the operator himself. A reporting verb joined by
    a conjunction, with a subject of its own, opens another claim (its own draft): its clause
    and the ", and" before it are cut from this one. One pass over the tokens (no scan of
    subtrees unless such a verb is found), as quote-dense blocks need (issue 18).
    """
    cuts = [
        t
        for t in content
        if t.i > verb.i
        and (t.dep_ == "conj" or t.dep_ == "ccomp" and t.head.i == verb.i and _after_and(t))
        and is_reporting(t)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in _RELATIVE_PRONOUNS for c in t.children)
    ]
    if not cuts:
        return content
    dropped: set[int] = set()
    for t in cuts:
        if t.i in dropped:
            continue
        dropped.update(range(t.left_edge.i, t.right_edge.i + 1))
        k = t.left_edge.i - 1  # the ", and" joining it
        while k > verb.i and t.doc[k].dep_ in {"cc", "punct"}:
            dropped.add(k)
            k -= 1
    return [t for t in content if t.i not in dropped]


def _after_and(clause: Token) -> bool:
    """Whether a clause follows "and"/"but" (the parser also hangs "…, and Y said" on the first
    verb as a second complement, beside the first speaker's clause)."""
    k = clause.left_edge.i - 1
    return k >= 0 and clause.doc[k].dep_ == "cc"


_LISTENER_VERBS = frozenset({"tell", "assure", "warn", "remind", "inform"})


def _verb_draft(verb: Token, subj: Token, sent: Span, passage: Passage) -> Draft | None:
    offset, text, quotes = passage.offset, passage.text, passage.quotes
    if (quoted := _quoted_as_saying(verb)) is not None:
        return _quoter_draft(verb, subj, quoted, sent, offset, text, quotes)
    lemma = verb.lemma_.lower()
    # A clause's tokens are listed only when they are read whole. On a quote-dense paragraph the
    # parser chains a block's fragments into one tree, so a verb's clause can span most of its
    # block while only the tokens inside the verb's quotations are kept: until then the content
    # is intervals of the block's subtree walk (``walk``), its smallest token index ``lowest``
    # (issue 18). ``trees`` is None where spaCy's subtrees disagree with the heads: tokens then.
    trees = passage.subtrees if passage.subtrees.valid else None
    walk: list[tuple[int, int]] = []
    lowest = 0
    content_tokens: list[Token] = []
    attached: list[Quote] = []
    # 1. a clause complement: "said (that) …", "estimated more than 10,000 … had been sent"
    clause = []
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "parataxis" and child.i < verb.i):
            if (
                child.dep_ == "xcomp"
                and lemma not in {"expect", "claim", "promise", "pledge", "vow", "agree"}
                and not (child.tag_ == "VBG" and lemma in _GERUND_CONTENT)
            ):
                continue
            if child.dep_ == "xcomp" and child.i < verb.i:
                continue
            clause.append(child)
    if clause and trees is not None:
        walk = [(trees.lo[c.i], trees.hi[c.i]) for c in clause]  # children in order: ascending, disjoint
        lowest = min(trees.low[c.i] for c in clause)
    else:
        content_tokens = [t for c in clause for t in c.subtree]
    # "told reporters that …": the clause hangs off the verb, the listener is dobj
    if not content_tokens and not walk and lemma in _LISTENER_VERBS:
        content_tokens = _misparsed_content(verb)
    # 2. the verb is itself a parenthetical inside the content: "A, she said, B"
    if not content_tokens and not walk and verb.dep_ in {"parataxis", "ccomp"} and verb.head.i != verb.i:
        head = verb.head
        if not is_reporting(head) and trees is not None:
            # the head's subtree without the verb's, which lies inside it
            walk = [(trees.lo[head.i], trees.lo[verb.i]), (trees.hi[verb.i], trees.hi[head.i])]
            walk = [(a, b) for a, b in walk if a < b]
            lowest = min([head.i, *(trees.low[c.i] for c in head.children if c.i != verb.i)])
        elif not is_reporting(head):
            excluded = {t.i for t in verb.subtree}
            content_tokens = [t for t in head.subtree if t.i not in excluded]
    # 2b. "A, while B, the ministry announced on Tuesday": a long content parsed as the sentence's
    # root, the closing frame hung on it as an adverbial clause; the words before the comma are said
    if not content_tokens and not walk and verb.dep_ in {"advcl", "conj"} and verb.head.i < verb.i:
        content_tokens = _content_before_closing_frame(verb, subj, sent)
    # 3. quotations adjacent to the verb group
    fstart, fend = _frame(verb, subj, offset, trees)
    attached = [quotes[k] for k in _near_frame(passage, fstart, fend)]
    attached = [q for q in attached if _adjacent(q, fstart, fend, text)]
    head = verb.head
    if verb.dep_ in {"advcl", "xcomp", "conj"} and head.i < verb.i and is_reporting(head):
        # "“A,” Cruz said, adding that B": the quotation before *said* is said's; *adding* has B
        attached = [q for q in attached if q.outer_start > offset + head.idx]
    if attached and (content_tokens or walk):
        # "In response to …, the NIS said: “…”": the quotation is the content, not the preamble
        if walk:
            assert trees is not None
            keep = _walk_inside(walk, attached, verb.doc, offset, trees)
        else:
            # by binary search: a verb in a quote-dense block may have hundreds of quotations
            holding = enclosing([(q.outer_start, q.outer_end) for q in attached])
            keep = [t for t in content_tokens if holding(offset + t.idx, offset + t.idx + 1)]
            lowest = min(t.i for t in content_tokens)
        if not keep and lowest > verb.i:
            # "On “Fox News Sunday,” Pence said his running mate …": a quotation before the frame
            # that holds none of the clause is a title or an earlier remark, not what is said here
            attached = [q for q in attached if q.outer_start > offset + verb.idx]
            keep = (_walk_tokens(walk, verb.doc, trees) if walk else content_tokens) if not attached else keep
        content_tokens = keep
    elif walk:
        content_tokens = _walk_tokens(walk, verb.doc, trees)
    if content_tokens:
        cstart = offset + min(t.idx for t in content_tokens)
        cend = offset + max(t.idx + len(t.text) for t in content_tokens)
        # the clause may be the last sentence of a longer quotation: take the whole quotation
        for k in passage.quote_ranges.overlapping(cstart, cend):
            q = quotes[k]
            if (
                q.words(text)
                and q not in attached
                and (_covers(q, cstart, cend) or (q.start <= cstart + 1 and q.end >= cend - 1))
            ):
                attached.append(q)
    # 4. "accused Manila of ramming …": the accused and the act together are the content
    if (
        not content_tokens
        and not attached
        and lemma in {"accuse", "blame", "suspect", "criticize", "criticise"}
    ):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        holders = [verb, obj] if obj is not None else [verb]
        act = next(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None
        )
        if obj is not None and act is not None and act.head.i == obj.i:
            content_tokens = list(obj.subtree)
        elif obj is not None and act is not None:
            content_tokens = [*obj.subtree, *act.subtree]
    # 5. a direct object as content: "Seoul confirms North Korea's export of artillery"
    if not content_tokens and not attached and lemma in OBJECT_CONTENT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and child.pos_ not in {"PRON"}:
                content_tokens = list(child.subtree)
                break
    if not content_tokens and not attached:
        return None
    if lemma in CLAUSE_ONLY and not content_tokens and not attached:
        return None

    cue = char_span(cue_tokens(verb), offset, text)
    if cue is None:
        return None
    attached.sort(key=lambda q: q.start)
    direct = bool(attached) and _quoted(attached, content_tokens, offset)
    if direct:
        spans = [s for q in attached if (s := trim(q.start, q.end, text, " \t\n"))]
        inner: list[Quote] = []
    else:
        content_tokens = _without_coordinated_speech(content_tokens, verb)
        spans = [s for r in runs(content_tokens) if (s := char_span(r, offset, text))]
        inner = [quotes[k] for k in passage.quote_ranges.inside(spans)]
    if not spans:
        return None
    kind = speech_kind(direct, bool(inner))
    draft = Draft(kind, cue, lemma, spans, cue_stance(lemma), cue_token=verb, quotes=attached)
    return finish(draft, verb, subj, *source_of(subj, offset, text))


def _as_of(verb: Token) -> Token | None:
    """The *as* a gerund of saying hangs from ("as saying"), if the verb is that gerund."""
    if verb.lemma_.lower() not in {"say", "tell", "write", "add"} or verb.tag_ != "VBG":
        return None
    head = verb.head
    return head if head.lower_ == "as" and head.i != verb.i else None


def _quoted_as_saying(verb: Token) -> Token | None:
    """The person an agency *quoted … as saying*: the object of *quote* when a gerund of saying,
    introduced by *as*, hangs from the verb or the object ("TASS quoted the minister as saying")."""
    if verb.lemma_.lower() != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for holder in (verb, obj):
        for prep in holder.children:
            if prep.lower_ == "as" and any(_as_of(t) == prep for t in prep.children):
                return obj
    return None


def _quoter_draft(
    verb: Token, subj: Token, quoted: Token, sent: Span, offset: int, text: str, quotes: list[Quote]
) -> Draft | None:
    """ "A, TASS quoted Health Minister Ari Lehto as saying" / "TASS quoted Lehto as saying: '…'" /
    "… as saying that A": the quoted person is the source and the agency quoting them the hop
    nearer the reader; what is said is the clause after *saying*, the quotation after it, or the
    clause before the frame, never the person's name."""
    as_prep = next(p for h in (verb, quoted) for p in h.children if p.lower_ == "as")
    gerund = next(t for t in as_prep.children if _as_of(t) == as_prep)
    content = [t for c in gerund.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree]
    following = [q for q in quotes if q.outer_start >= offset + gerund.idx][:1]
    if content and following and _quoted(following, content, offset):
        content = []  # "as saying: '…'": the clause is the quotation's, and the quotation is the content
    attached = [] if content else following
    if not content and not attached:
        content = [
            t for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i for t in c.subtree
        ]
    if not content and not attached:
        return None
    cue = char_span(cue_tokens(verb), offset, text)
    if cue is None:
        return None
    if attached:
        spans = [s for q in attached if (s := trim(q.start, q.end, text, " \t\n"))]
    else:
        spans = [s for r in runs(content) if (s := char_span(r, offset, text))]
    if not spans:
        return None
    inner = [q for q in quotes if any(a <= q.start and q.end <= b for a, b in spans)]
    kind = speech_kind(bool(attached), bool(inner))
    draft = Draft(kind, cue, "say", spans, cue_stance("say"), cue_token=verb, quotes=attached)
    draft = finish(draft, verb, quoted, *source_of(quoted, offset, text))
    draft.chain_before.insert(0, (source_of(subj, offset, text)[0], verb.text))
    return draft


def _content_before_closing_frame(verb: Token, subj: Token, sent: Span) -> list[Token]:
    """The sentence before ", SUBJECT VERB [when]." when that frame closes the sentence.

    The frame must be the verb's own subject right after a comma, and nothing but the verb's
    adverbials ("on Tuesday", "late on Saturday") may follow it: "…, the ministry announced
    plans to …" says something else, and a frame inside the sentence is read by rule 2.
    """
    if subj.head.i != verb.i or subj.dep_ not in SUBJECT_DEPS:
        return []
    first = min(t.i for t in subj.subtree)
    if first - 1 <= sent.start or sent.doc[first - 1].text != ",":
        return []
    if any(c.dep_ in {"ccomp", "xcomp", "dobj", "dative"} for c in verb.children if c.i > verb.i):
        return []
    frame = {t.i for t in verb.subtree if t.i >= first}
    if any(t.i not in frame and not t.is_punct for t in sent if t.i > first):
        return []
    content = [t for t in sent if t.i < first - 1]
    return content if sum(1 for t in content if t.is_alpha) >= 3 else []


def _covers(q: Quote, start: int, end: int) -> bool:
    return q.start <= start and end <= q.end + 1


def _quoted(quotes: list[Quote], content: list[Token], offset: int) -> bool:
    """Direct speech when the content's tokens are (almost) all inside the quotation marks."""
    if not content:
        return True
    inside = sum(1 for t in content if any(q.start <= offset + t.idx < q.end for q in quotes))
    words = sum(1 for t in content if not t.is_punct)
    return words > 0 and mostly_quoted(inside, len(content))


def _frame(verb: Token, subj: Token | None, offset: int, trees: Subtrees | None) -> tuple[int, int]:
    """Where the attribution frame starts and ends (document offsets): the verb, its
    auxiliaries/adverbs, and the subject phrase, with the subtrees of each."""
    heads = [verb]
    for c in verb.children:
        if (
            c.dep_ in {"aux", "auxpass", "neg", "advmod", "prt"}
            or c.dep_ in SUBJECT_DEPS
            or c.dep_ in {"advcl", "prep", "npadvmod", "agent"}
            and c.i > verb.i
        ):
            heads.append(c)
    if subj is not None and subj.head.i != verb.i:
        heads.append(subj)
    if trees is not None:  # each subtree's first and last token, without listing it (issue 18)
        first = verb.doc[min(verb.i, *(trees.low[h.i] for h in heads[1:]))]
        last = verb.doc[max(verb.i, *(trees.high[h.i] for h in heads[1:]))]
    else:
        toks = [verb, *(t for h in heads[1:] for t in h.subtree)]
        first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return offset + first.idx, offset + last.idx + len(last.text)


def _near_frame(passage: Passage, fstart: int, fend: int) -> list[int]:
    """The quotations that could be adjacent to a frame (:func:`_adjacent` decides), in order:
    those ending in the run of gap characters before it or starting in the run after it, found
    by position rather than by testing every quotation of the block for every verb (issue 18)."""
    text = passage.text
    before = fstart
    while before > passage.offset and _GAP_CHAR.match(text, before - 1):
        before -= 1
    after, block_end = fend, passage.block.end
    while after < block_end and _COLON_GAP_CHAR.match(text, after):
        after += 1
    ranges = passage.outer_ranges
    return sorted({*ranges.ending_in(before, fstart), *ranges.starting_in(fend, after)})


def _adjacent(q: Quote, fstart: int, fend: int, text: str) -> bool:
    """A quotation sits right before or right after the attribution frame ``[fstart, fend)``."""
    if q.outer_end <= fstart and _PUNCT_GAP.match(text[q.outer_end : fstart]) and q.end - q.start > 1:
        return "\n\n" not in text[q.outer_end : fstart]
    # after the frame: "X said: “…”" — or directly at the verb: "X said “…”"
    if q.outer_start >= fend and _COLON_GAP.match(text[fend : q.outer_start]):
        return "\n\n" not in text[fend : q.outer_start]
    return False


def _walk_tokens(walk: list[tuple[int, int]], doc: Doc, trees: Subtrees | None) -> list[Token]:
    """The tokens of walk intervals, in walk order (the order ``Token.subtree`` gives)."""
    assert trees is not None
    return [doc[trees.walk[p]] for a, b in walk for p in range(a, b)]


def _walk_inside(
    walk: list[tuple[int, int]], quotes: list[Quote], doc: Doc, offset: int, trees: Subtrees
) -> list[Token]:
    """The tokens of walk intervals that lie inside one of ``quotes`` (marks included), in walk
    order: the tokens inside the quotations, tested for the intervals, not the other way round."""
    whole = doc[:]
    inside: set[int] = set()
    for q in quotes:
        first, past = first_from(whole, q.outer_start - offset), first_from(whole, q.outer_end - offset)
        inside.update(range(first, past))
    at = sorted(trees.pos[i] for i in inside)
    return [doc[trees.walk[p]] for p in at if any(a <= p < b for a, b in walk)]
