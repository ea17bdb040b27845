"""The outlet's own voice: unattributed statements a reader must be able to trace too.

"The death toll topped 20,000." "It was not possible to independently verify the claims."
"The toll is likely to keep rising." Wire reports state many of a story's figures, forecasts
and caveats in their own voice, with no source in the sentence. They are claims all the same
(the outlet, or the wire it carries, is who says them), and a story's number series is
incomplete without them. So a body sentence that no attribution covers becomes a claim of
kind ``outlet`` (no source mention; the chain is the wire the document credits, if any) when
it states something checkable:

* a measured number (a quantity extraction typed with a :class:`~reportedly.model.Measure`):
  stance ``reported``, or ``expected`` when the figure is a forecast;
* a forecast of the story's numbers ("is expected to rise", "could climb further"):
  ``expected``;
* the outlet's own caveat about verification ("could not be independently verified",
  "It was not possible to reconcile the conflicting claims", "remains unclear"):
  ``unverified``;
* an event the outlet itself tells, in a sentence of its own ("The two dams outside the city
  of Derna broke up on Sep. 11", "A Moscow court on Sunday ordered two months of pre-trial
  detention for the four suspects", "Ukrainian President Volodymyr Zelenskyy arrived Thursday
  to evaluate the response"): a main verb in the past or the perfect and not a reporting verb,
  no modal, its subject a noun phrase or *it* (not *he*, *she*, *we* or *they*, which may point
  back at a speaker whose words go on, unless "they" stands for a body the sentence before has as
  its subject: :func:`_body_before`), and a person, body, group or place named outside
  quotation marks, which makes it checkable: ``reported``. Other outlets tell the same event in
  their own words; without a claim a reader could not see that six reports state it.

Other unattributed sentences (descriptions, scene-setting in the present, a speaker's words
continued without quotation marks) are not claims here. The cue of an
outlet claim is the sentence's main verb: what the outlet asserts. PolNeAR-style exports
leave these claims out: they are not attributions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from .. import model
from ..nlp import doc_text
from ..nlp.blocks import Block
from .lexicon import BODY_NOUNS, REPORTING_VERBS
from .measure_words import TALLY_NOUNS
from .spans import Ranges, first_from
from .stance import read_stance

#: (quantities, times) of one sentence, found once per sentence by the caller.
NumbersOf = Callable[[Block, Span], tuple[list[model.Quantity], list[model.TimeExpr]]]

_FORECAST = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:expected|likely|set|certain|feared|projected|forecast)\s+to\s+"
    r"(?:keep\s+)?(?:rise|rising|increase|climb|grow|go\s+up|mount|exceed|top|surpass|double)"
    r"|(?:could|may|might|will|would)\s+(?:(?:still|further|almost|very|most|\w+ly)\s+){0,2}"
    r"(?:rise|climb|increase|grow|double|mount)"
    r"|(?:which|that)\s+is\s+(?:certain|likely|expected)\s+to\s+rise)\b",
    re.I,
)
_CAVEAT = re.compile(
    r"\b(?:(?:could|can|cannot|can't|could\s+not|was\s+not|were\s+not|has\s+not\s+been|have\s+not\s+been|"
    r"it\s+was\s+not\s+possible\s+to|it\s+is\s+not\s+possible\s+to|not\s+possible\s+to)\s+"
    r"(?:be\s+)?(?:independently\s+)?(?:verif|confirm|reconcil|corroborat)\w*"
    r"|remains?\s+(?:unclear|unknown|unconfirmed)|(?:is|was)\s+(?:unclear|not\s+clear)\b)",
    re.I,
)
#: Words a sentence needs to be a claim: labels and fragments ("around 10,000 soldiers total")
#: are not; a full clause with a subject and a finite verb may be shorter ("The death toll topped
#: 20,000.": four words and a number).
_MIN_WORDS = 5
_MIN_CLAUSE_WORDS = 3


def outlet_claims(
    document: model.Document,
    blocks: list[Block],
    claims: list[model.Claim],
    numbers_of: NumbersOf,
    wire: model.Entity | None = None,
) -> list[model.Claim]:
    """Claims for the checkable statements of body sentences no attribution covers."""
    covered = [(s.start, s.end) for c in claims for s in [*c.content, c.cue] if s.end > s.start]
    covered += [(c.source.start, c.source.end) for c in claims if c.source]
    sourced = [(c.cue.start, c.cue.end) for c in claims if c.source is not None]
    # searched by position: each sentence tested every claim of the document (issue 18)
    covering, speaking = Ranges(covered), Ranges(sourced)
    out: list[model.Claim] = []
    for block in blocks:
        if block.section is not model.SectionKind.BODY:
            continue
        for sent in block.doc.sents:
            start, end = _trimmed(document.text, block.offset + sent.start_char, block.offset + sent.end_char)
            if end - start < 20 or not _long_enough(sent):
                continue
            if _quoted(document.text, start, end):
                continue
            root = sent.root
            whole = True
            # (a, b) overlaps [start, end), a < end and start < b, is a <= end - 1 and b >= start + 1
            if covering.overlapping(start + 1, end - 1):
                # a sentence of two clauses, one an agentless report ("At least 900 deaths have
                # been reported in the north, while 412 people have died in the south"): the other
                # clause is the outlet's own; with a named speaker in the sentence, it may be theirs
                voiced = [speaking.ranges[n][0] for n in speaking.overlapping(start + 1, end - 1)]
                if voiced and not (
                    all(_cue_token(block, sent, at).dep_ in _CUE_JOINED for at in voiced)
                    or _AS_CLAUSE.search(document.text, start, end)
                ):
                    continue  # read first: most sentences with a speaker have no clause of the outlet's
                clause = _free_clause(document.text, block, sent, covering)
                if clause is not None and voiced:
                    clause = _outside_speech(block, clause, voiced)
                if clause is None:
                    continue
                start, end, root = clause
                whole = False
            found, times = numbers_of(block, sent)
            found = [q for q in found if start <= q.start and q.end <= end]
            text = document.text[start:end]
            measured = [q for q in found if q.measure is not None]
            counted = [q for q in found if q.measure is None and not q.attribute and _counted(q, root)]
            if measured:
                forecast = all(q.measure.scope is model.MeasureScope.FORECAST for q in measured)  # type: ignore[union-attr]
                stance = model.Stance.EXPECTED if forecast else model.Stance.REPORTED
            elif _FORECAST.search(text):
                stance = model.Stance.EXPECTED
            elif counted:
                # a count of people of this story the measures could not type ("an area home to
                # 13.5 million people", "the toll, which stands at more than 3,000 people")
                stance = model.Stance.REPORTED
            elif _CAVEAT.search(text):
                stance = model.Stance.UNVERIFIED
            elif whole and _event(sent):
                stance = model.Stance.REPORTED
            else:
                continue
            # the outlet's own words can confirm ("confirmed deaths"), hedge ("may have been made
            # homeless") or forecast; the same content rules as for attributed claims
            stance = read_stance(stance, cue_lemma=root.lemma_, negated=False, content=text).stance
            out.append(_claim(document, block, root, start, end, stance, found, times, wire))
    return out


#: Words that join a clause to the one before and belong to neither claim.
_JOINERS = frozenset({"while", "whereas", "and", "but", "as", "with", "although", "though"})


def _free_clause(text: str, block: Block, sent: Span, covered: Ranges) -> tuple[int, int, Token] | None:
    """The longest stretch of the sentence no claim covers, when it is a full clause of its own
    (a finite verb with its subject inside the stretch): its extent and its verb.

    ``covered``: what the claims cover, of which only the ranges reaching into the sentence are
    read; each stretch's tokens are found from its first by binary search. Both were read in
    full per sentence and per stretch, a quote-dense sentence's length squared (issue 18).
    """
    at, stop = block.offset + sent.start_char, block.offset + sent.end_char
    near = [covered.ranges[n] for n in covered.overlapping(at + 1, stop - 1)]  # b > at and a < stop
    gaps: list[tuple[int, int]] = []
    pos = at
    for a, b in sorted((max(a, at), min(b, stop)) for a, b in near):
        if b <= at or a >= stop:
            continue
        if a > pos:
            gaps.append((pos, a))
        pos = max(pos, b)
    gaps.append((pos, stop))
    best = None
    doc = sent.doc
    for a, b in gaps:
        # a token's end follows the one before's, so the tokens inside [a, b] are consecutive
        toks = []
        k = first_from(sent, a - block.offset)
        while k < sent.end and block.offset + doc[k].idx + len(doc[k].text) <= b:
            toks.append(doc[k])
            k += 1
        while toks and (toks[0].is_punct or toks[0].lower_ in _JOINERS):
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].lower_ in _JOINERS):
            toks.pop()
        if sum(1 for t in toks if t.is_alpha) < _MIN_CLAUSE_WORDS:
            continue
        inside = {t.i for t in toks}
        verbs = [t for t in toks if _finite(t) and any(c.dep_ in _SUBJ and c.i in inside for c in t.children)]
        if not verbs:
            continue
        start, end = block.offset + toks[0].idx, block.offset + toks[-1].idx + len(toks[-1].text)
        if best is None or end - start > best[1] - best[0]:
            best = (start, end, verbs[0])
    return best


#: How a speaker's verb hangs on the outlet's clause before it: "40 died, and officials said …",
#: "the toll has risen to 211, as police fear …".
_CUE_JOINED = frozenset({"conj", "advcl"})
#: ", as the death toll rose to 211": perhaps the outlet's own clause of time after a speech
#: (a cheap test before the parse is read: :func:`_as_opener`).
_AS_CLAUSE = re.compile(r",\s+as\s+(?!(?:well|much|many|soon|long|if|though)\b)\w")


def _outside_speech(
    block: Block, clause: tuple[int, int, Token], cues: list[int]
) -> tuple[int, int, Token] | None:
    """A free clause in a sentence a named speaker speaks in is the outlet's own when it comes
    first and the speaker's verb hangs on it, coordinated or subordinate ("At least 40 people
    died in the storm, and county officials said 200 were missing"; "The toll has risen to 211,
    as police fear more bodies are hidden"), or when it comes after the speech as a clause of
    time opened by ", as" ("…, Sánchez said on Saturday, as the death toll rose to 211 people"):
    the outlet setting the speech in its moment; that clause starts after its "as". "X,
    officials said" is theirs, and any other clause after the speech or inside it may go on in
    their voice. Returns the clause (so trimmed), or None."""
    start, end, verb = clause
    opener = _as_opener(verb)
    for at in cues:
        cue = _cue_token(block, verb.sent, at)
        if at >= end:
            if cue.dep_ not in _CUE_JOINED or cue.head.i != verb.i:
                return None
        elif opener is None or block.offset + opener.idx < at:
            return None
    if opener is not None and any(at < end for at in cues):
        nxt = verb.doc[opener.i + 1]
        start = max(start, block.offset + nxt.idx)
    return start, end, verb


def _as_opener(verb: Token) -> Token | None:
    """The "as" after a comma that opens the verb's clause (", as the toll rose"), if any."""
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].text == ",":
            return c
    return None


def _cue_token(block: Block, sent: Span, at: int) -> Token:
    """The sentence's token at or after a cue's start (its last token if none)."""
    return sent.doc[min(first_from(sent, at - block.offset), sent.end - 1)]


_FINITE = ("VBD", "VBZ", "VBP", "MD")
_SUBJ = ("nsubj", "nsubjpass")


def _finite(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary ("have died", "is expected")."""
    auxiliaries = (c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return verb.tag_ in _FINITE or any(c.tag_ in _FINITE for c in auxiliaries)


#: Auxiliaries of a perfect or a passive past ("has visited", "were dragged", "had been de-energized").
_PAST_AUX = frozenset({"has", "have", "had", "was", "were"})
#: Pronoun subjects: "he said" continued, "we could have avoided", "it was": whose words, or what
#: thing, the sentence before tells.
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those"})


def _event(sent: Span) -> bool:
    """An event the outlet tells: the sentence's main verb past ("broke", "arrived") or perfect
    ("has visited"), no modal ("could have avoided" is a judgement), a subject that is not a
    pronoun (but *it*, a thing), and a named person, body, group or place in the sentence, outside
    quotation marks."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in REPORTING_VERBS:
        return False  # "…, the group of researchers said in a statement": speech the finders did not take
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxiliaries):
        return False
    past = root.tag_ == "VBD" or (root.tag_ == "VBN" and any(c.lower_ in _PAST_AUX for c in auxiliaries))
    # an emphatic past ("The weather office did issue warnings"): "did" carries the tense
    past = past or (root.tag_ == "VB" and any(c.lower_ == "did" for c in auxiliaries))
    # a past progressive ("The men were working the night shift"): "was" / "were" carries the tense
    past = past or (root.tag_ == "VBG" and any(c.lower_ in ("was", "were") for c in auxiliaries))
    if not past:
        return False
    subject = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subject is None:
        return False
    if not _thing_subject(subject, root) and not _body_before(subject, sent):
        return False
    quotes = QuoteScan(doc_text(sent.doc))
    return any(_named(t) and not quotes.inside(t.idx) for t in sent)


#: Verbs that describe their subject rather than tell what it did.
_COPULAS = frozenset({"be", "become", "remain"})


def _thing_subject(subject: Token, verb: Token) -> bool:
    """A subject an outlet's event can have: a noun phrase, or *it* doing something.

    *It* stands for a thing the sentence before named (the storm, the quake, the dam: "It also
    flattened all 700 homes in Chahak village"), never for a speaker whose words go on, as *he*,
    *she*, *we* or *they* may ("They crossed the river near …" after a quotation); so an event
    with *it* as its subject is the outlet's, as one with the thing's name would be. *It* with
    a copula is no event: a placeholder for what follows ("It has been three days since …", "It
    was the first time …") or a description of the thing ("it became the strongest storm …"),
    whose clauses tell several things at once.
    """
    if subject.lower_ == "it":
        return verb.lemma_.lower() not in _COPULAS
    return subject.lower_ not in _PRONOUNS and subject.pos_ != "PRON"


def _body_before(pronoun: Token, sent: Span) -> bool:
    """Whether "it" / "they" stands for a body the sentence before names as its subject: "The
    weather agency said the coast was hit. It issued a tsunami warning" tells what the agency
    did. spaCy has no coreference, so the previous sentence's subject is the antecedent, and only
    when it is a body (a name the tagger calls an organisation, or a described one: "the agency",
    "the authorities"): a person's "it" or "they" may go on with their words, and a thing's is
    left as before."""
    if pronoun.lower_ not in ("it", "they") or sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in _SUBJ), None)
    if subject is None or subject.pos_ == "PRON" or subject.ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    plural = subject.tag_ in ("NNS", "NNPS")
    if (pronoun.lower_ == "they") != plural:
        return False
    return subject.ent_type_ == "ORG" or (
        subject.lemma_.lower() in _BODY_NOUNS and any(c.lower_ == "the" for c in subject.children)
    )


#: Described bodies a pronoun may stand for ("the agency … It issued"); people are left out.
_BODY_NOUNS = BODY_NOUNS | {"authority", "company", "utility", "commission", "court"}


def _named(t: Token) -> bool:
    """A proper name of a person, body or place, or a group's adjective ("Russian troops")."""
    return t.ent_type_ in _NAMED and (t.tag_ in ("NNP", "NNPS") or t.ent_type_ == "NORP")


#: Named-entity types that make an event checkable: who did it, or where. A date or a number alone
#: does not ("The index closed at 4,512.3 points", "Wheat output reached 78 million tonnes in 2023":
#: figures of no one's story), nor a title in quotation marks ("The film “Oppenheimer” won …"), nor a
#: common noun the tagger calls a body ("seven Oscars").
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


class QuoteScan:
    """Whether an opening curly or straight quotation mark before a position, on its line, is still
    open, asked at rising positions: the text is read once, from the first position's line start,
    where reading each position's line from its start again made a long line's cost grow with the
    square of its names."""

    __slots__ = ("_text", "_at", "_open", "_close", "_straight")

    def __init__(self, text: str) -> None:
        self._text, self._at = text, -1
        self._open = self._close = self._straight = 0

    def inside(self, at: int) -> bool:
        text = self._text
        if self._at < 0 or at < self._at:  # first call, or asked out of order: start at the line
            start = text.rfind("\n", 0, at) + 1
            self._open = self._close = self._straight = 0
        else:
            start = self._at
            newline = text.rfind("\n", start, at)
            if newline >= 0:  # a new line since the last position: its quotations start afresh
                start = newline + 1
                self._open = self._close = self._straight = 0
        part = text[start:at]
        self._open += part.count("“")
        self._close += part.count("”")
        self._straight += part.count('"')
        self._at = at
        return self._open > self._close or self._straight % 2 == 1


def _counted(q: model.Quantity, root: Token) -> bool:
    """A count of people, or the figure a tally stands at ("The confirmed total now stands at
    28,191."): the clause's subject is a tally noun and the number has no unit of its own."""
    if q.unit == "people":
        return True
    subject = next((c for c in root.children if c.dep_ in _SUBJ), None)
    return q.unit is None and subject is not None and subject.lemma_.lower() in TALLY_NOUNS


def _long_enough(sent: Span) -> bool:
    """Five words, or three in a full clause: a finite verb as the root, with its subject."""
    words = sum(1 for t in sent if t.is_alpha)
    if words >= _MIN_WORDS:
        return True
    root = sent.root
    finite = root.tag_ in ("VBD", "VBZ", "VBP")
    clause = finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    return words >= _MIN_CLAUSE_WORDS and clause


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _quoted(text: str, start: int, end: int) -> bool:
    """A sentence inside quotation marks belongs to whoever is quoted, not to the outlet.

    A straight mark right before the sentence opens a quotation only when it touches the first
    word (`"The`); one a space away closes the sentence before (`memory." The toll …`).
    """
    head = text[start : start + 1]
    return head in "\"“‘'" or text[start - 1 : start] == '"' or "“" in text[max(0, start - 2) : start]


def _claim(
    document: model.Document,
    block: Block,
    root: Token,
    start: int,
    end: int,
    stance: model.Stance,
    quantities: list[model.Quantity],
    times: list[model.TimeExpr],
    wire: model.Entity | None,
) -> model.Claim:
    cue_start = block.offset + root.idx
    cue_end = cue_start + len(root.text)
    return model.Claim(
        kind=model.ClaimKind.OUTLET,
        section=model.SectionKind.BODY,
        stance=stance,
        cue=model.Cue(cue_start, cue_end, document.text[cue_start:cue_end], root.lemma_.lower()),
        content=[document.span(start, end)],
        chain=[model.ChainLink(wire, "credit")] if wire is not None else [],
        quantities=[_copy(q) for q in quantities if start <= q.start and q.end <= end],
        times=[_copy(t) for t in times if start <= t.start and t.end <= end],
        sentence=document.span(start, end),
    )


def _copy(x):  # noqa: ANN001, ANN202 - a Quantity or a TimeExpr, copied so claims share no objects
    from dataclasses import replace

    return replace(x)
