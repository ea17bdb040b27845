"""Contradictions: pairs of claims that cannot both be true at the same time.

Four kinds (GLOSSARY.md, "Conflict"):

``numeric``
    Numbers of one measure that cannot both hold: see :mod:`reportedly.link.numbers`,
    which also keeps the pairs it declines (updates, parts and wholes) with their reason.
``polarity``
    One claim asserts what another negates ("not in combat" against "engaged in
    combat"). The claims must be similar as wholes (threshold ``opposite``) and
    every content word of the negated clause must occur in the other claim, so
    "did not comment" never contradicts a figure.
``stance``
    The same with one side *denied* (confirmed, asserted … vs denied); and an allegation
    against its answer by the party it names (:func:`allegation_conflicts`).
``internal``
    One article gives one event two different days: two of its claims with the
    same origin and similar content carry different resolved days in the same
    role (both dating the statement, outside the content, or both dating the
    event, inside it).

Polarity and stance conflicts are searched inside stories (the blocking
step); each negative claim yields at most one conflict, with its most similar
positive counterpart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import numpy as np

from ..model import Conflict, ConflictKind, Stance
from .corpus import CONTRACTED_NOT, NEGATION_WORDS, ClaimItem, vague
from .embed import Thresholds, stem, words
from .numbers import FIXED_PROPERTIES

#: A negation word (the one list, ``corpus.NEGATION_WORDS``, or a verb with a contracted "n't";
#: "not only" adds, it does not deny) and the rest of its clause.
_NEG_CLAUSE = re.compile(
    rf"(?:\b(?!not\s+only\b)(?:{NEGATION_WORDS})\b|{CONTRACTED_NOT})\s*(?P<rest>[^,;.:]*)", re.I
)
#: A denial needs a proposition to contradict: "denied Obama's actions" is too short to match on.
MIN_DENIED_TERMS = 3
#: The least figure a denial must name to be a denied figure: "denied that its two members …"
#: names people, not a count to contradict.
MIN_DENIED_FIGURE = 10
#: Content words each side of a polarity or stance conflict needs (a name is no proposition).
MIN_WORDS = 4
#: Content-word Jaccard overlap two claims need to be about the same thing at all.
ANCHOR = 0.3
#: A content word that is a figure ("288", "11,300"): a negation of it corrects a number.
_FIGURE = re.compile(r"[\d.,]+")
_CLAUSE_END = re.compile(r"\b(?:but|and|while|although|because|though)\b", re.I)


def negated_terms(item: ClaimItem) -> set[str]:
    """Content words under the negation: "in place but not in combat" -> {"combat"}."""
    m = _NEG_CLAUSE.search(item.text)
    if m is None:
        if item.claim.stance is not Stance.DENIED:
            return set()
        terms = set(words(item.text))
        return terms if len(terms) >= MIN_DENIED_TERMS else set()
    rest = _CLAUSE_END.split(m.group("rest"), maxsplit=1)[0]
    return set(words(rest))


def denied_figures(items: list[ClaimItem], story: str | None) -> tuple[list[Conflict], set[str]]:
    """A figure one claim asserts and another denies: a stance conflict on the number itself.

    "The Red Crescent said the toll had soared to 11,300" and "the Red Crescent denied that the
    flooding resulted in 11,300 deaths": a denial that names a figure contradicts every report
    asserting that very figure of the same thing counted, however differently the two sentences
    are worded (which the similarity search of :func:`opposition_conflicts` needs). The denial is
    paired with the earliest report of the figure, by preference its denier's own (a retraction).
    A figure only hedged ("could not confirm 500 deaths") is no denial. Returns the conflicts and
    the ids of the denials they use, which the similarity search then leaves alone."""
    asserted: dict[tuple[float, str | None], list[ClaimItem]] = defaultdict(list)
    for it in items:
        if (
            it.negative
            or it.neutral
            or it.claim.stance in (Stance.DENIED, Stance.EXPECTED, Stance.CONDITIONAL)
        ):
            continue  # a feared or expected toll ("could reach 500") asserts no figure to deny
        for m in it.measures:
            q = it.claim.quantities[m.position]
            if q.value is not None and not vague(q) and m.typed.unit not in FIXED_PROPERTIES:
                asserted[(float(q.value), m.typed.what)].append(it)
    out: list[Conflict] = []
    used: set[str] = set()
    for neg in items:
        if neg.claim.stance is not Stance.DENIED:
            continue
        for m in neg.measures:
            q = neg.claim.quantities[m.position]
            if q.value is None or vague(q) or q.value < MIN_DENIED_FIGURE:
                continue  # "denied any of its three members was involved": too small to be a figure
            if _described(neg, q.start):
                continue  # "denied claims that Ukraine was involved in an attack where 133 died"
            said = [it for it in asserted.get((float(q.value), m.typed.what), []) if it.id != neg.id]
            if not said:
                continue
            own = neg.origin.key if neg.origin is not None else None

            def rank(it: ClaimItem, own: str | None = own) -> tuple[bool, date, str]:
                mine = own is not None and it.origin is not None and it.origin.key == own
                return (not mine, it.doc.published or date.min, it.id)

            pos = min(said, key=rank)
            why = f"“{q.text}” {m.typed.key} asserted by {_who(pos)} but denied by {_who(neg)}"
            out.append(Conflict(ConflictKind.STANCE, pos.ref(), neg.ref(), why, story))
            used.add(neg.id)
            break
    return out, used


_RELATIVE = re.compile(r"\b(?:where|which|who|whose|whom)\b|,\s*(?:killing|leaving|wounding)\b", re.I)


def _described(item: ClaimItem, at: int) -> bool:
    """Whether the figure at offset ``at`` sits in a clause describing something the denial names
    (a relative clause, "…, killing 133"), not in what is denied."""
    starts = [s.start for s in item.claim.content if s.start <= at]
    if not starts:
        return True  # outside the content: the denial does not say it
    return _RELATIVE.search(item.doc.document.text[min(starts) : at]) is not None


def opposition_conflicts(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    thresholds: Thresholds,
    story: str | None,
    blamed: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Conflict]:
    """Polarity and stance conflicts inside one story, allegations and their answers among them
    (``blamed``: the claims the blame rules read, whose allegations they answer)."""
    out, used = denied_figures(items, story)
    # plainly positive claims only: a double negative is too easy to misread
    positive = [
        it
        for it in items
        if not it.negative
        and not it.neutral
        and it.text.strip()
        and it.claim.stance is not Stance.DENIED
        and not _NEG_CLAUSE.search(it.text)
    ]
    negative = [
        it for it in items if it.negative and not it.neutral and it.text.strip() and it.id not in used
    ]
    if not positive or not negative:
        taken = {frozenset((c.a.id, c.b.id)) for c in out}
        return out + allegation_conflicts(items, vectors, story, taken, blamed)
    pos_vecs = np.stack([vectors[it.id] for it in positive])
    pos_words = [set(words(it.text)) for it in positive]
    declined: list[Conflict] = []
    for neg in negative:
        terms = negated_terms(neg)
        if not terms:
            continue
        neg_words = set(words(neg.text))
        if len(neg_words) < MIN_WORDS:
            continue
        sims = pos_vecs @ vectors[neg.id]
        for k in np.argsort(-sims, kind="stable"):
            if float(sims[k]) < thresholds.opposite:
                break
            pos = positive[int(k)]
            if _overlap(pos, neg):
                continue  # one claim quoting the other ("we never said there were no …")
            if len(pos_words[int(k)]) < MIN_WORDS or _jaccard(pos_words[int(k)], neg_words) < ANCHOR:
                continue  # "his endorsement" vs "it's not an endorsement": too little to go on
            if not _same_subject(neg, pos):
                continue  # "Israel was not responsible" vs "the other team was responsible"
            share = len(terms & pos_words[int(k)]) / len(terms)
            if share < (1.0 if neg.claim.stance is not Stance.DENIED else 0.8):
                continue
            if all(_FIGURE.fullmatch(t) for t in terms):
                # "the number of deaths is 275 and not 288": a figure corrected, which the numeric
                # comparison judges (an update, a revision, or two origins' counts), not a polarity
                why = (
                    f"“{_short(neg.text)}” negates only a figure of “{_short(pos.text)}”: "
                    "figures are compared as figures"
                )
                declined.append(
                    Conflict(ConflictKind.POLARITY, pos.ref(), neg.ref(), why, story, declined=True)
                )
                break
            denied = Stance.DENIED in (neg.claim.stance, pos.claim.stance)
            kind = ConflictKind.STANCE if denied else ConflictKind.POLARITY
            if denied:
                why = f"{pos.claim.stance.value} by {_who(pos)} but denied by {_who(neg)}"
            else:
                why = (
                    f"“{_short(pos.text)}” according to {_who(pos)}; "
                    f"“{_short(neg.text)}” according to {_who(neg)}"
                )
            out.append(Conflict(kind, pos.ref(), neg.ref(), why, story))
            break
    taken = {frozenset((c.a.id, c.b.id)) for c in out}
    return one_row_per_assertion(out) + allegation_conflicts(items, vectors, story, taken, blamed) + declined


#: Cues that make a claim an allegation: a proposition one party puts against another, which the
#: other is expected to answer ("the lawsuit alleges", "claiming the utility didn't cut power").
ALLEGING = frozenset(
    {"allege", "accuse", "claim", "charge", "blame", "criticize", "criticise", "fault", "sue"}
)
#: How similar (MiniLM cosine) an allegation and its answer must be as wholes: an answer rewords
#: the charge ("no electricity flowing through its wires" against "failed to power down its
#: equipment"), so this is well under the polarity threshold; shared words and a flipped
#: polarity carry the rest.
ANSWER = 0.5
#: Content words an allegation and its answer must share ("power", "fire").
ANSWER_SHARED = 2
#: Words that reject a charge outright, and the nouns a rejection names a charge by.
_REJECTING = re.compile(
    r"\b(?:false|baseless|unfounded|groundless|untrue|irresponsible|fabricat\w*|misleading|lies|nonsense|"
    r"meritless|without\s+merit)\b",
    re.I,
)
_CHARGE = r"(?:complaint|claims?|allegations?|accusations?|lawsuit|suit|charges?|criticism)"


#: A counterfactual ("even if the sirens had sounded", "had we sounded them"): no fact to answer.
_COUNTERFACTUAL = re.compile(r"\b(?:if|unless|would\s+have|had\s+(?:we|they|he|she|it|I)\b)", re.I)


def _alleging(it: ClaimItem) -> bool:
    return it.claim.cue.lemma.split()[-1] in ALLEGING if it.claim.cue.lemma else False


def _accused(allegation: ClaimItem, answer: ClaimItem, *, framed: bool = False) -> bool:
    """Whether the answer's speaker is the party the allegation is about ("the utility didn't cut
    power" answered by the utility): its whole name ("Hawaiian Electric"), or for a speaker the
    report describes ("the utility", "the company") the description's noun, named in the
    allegation before any negation ("terrorists attacked it, and not the army" clears the army).
    A word of a name is not enough: "Gaza" in "Gaza health ministry" is where, not who.

    ``framed``: the party named anywhere in the allegation's sentence, for an answer the same
    report gives ("Hawaiian Electric issued a response to a lawsuit …, which alleges that the
    electricity provider failed to power down"): the report frames the charge as against it."""
    origin = answer.origin
    names = [answer.claim.source.text] if answer.claim.source is not None else []
    roles: set[str] = set()
    if origin is not None and not origin.anonymous:
        names += [origin.name, *origin.aliases]
        roles = {w for r in origin.roles for w in words(r)}
    text = allegation.text
    if framed and allegation.claim.sentence is not None:
        text = allegation.claim.sentence.text
    neg = _NEG_CLAUSE.search(text)
    text = text[: neg.start()] if neg else text
    for name in names:
        bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
        if len(bare) > 2 and re.search(rf"\b{re.escape(bare)}\b", text, re.I):
            return True
    # a speaker named by a description ("the utility", "the company") is its head noun
    heads = {stem(m.group(1)) for n in names if (m := _DESCRIPTION.fullmatch(n.strip()))} - roles
    return bool(heads & {stem(w) for w in re.findall(r"\b[a-z][a-z'-]+\b", text)})


_DESCRIPTION = re.compile(r"(?:the|its|their)\s+(?:[a-z][\w'-]*\s+){0,2}([a-z][\w'-]+)")


def _names_charge_of(answer: ClaimItem, accuser: ClaimItem) -> bool:
    """Whether an answer names the accuser's charge: "Maui County's complaint", "the claims by
    Maui County", "the accusations of the ministry" (the accuser's name, then or before the charge)."""
    names = [
        n
        for n in (
            accuser.origin.name if accuser.origin else None,
            accuser.claim.source and accuser.claim.source.text,
        )
        if n
    ]
    text = answer.claim.sentence.text if answer.claim.sentence is not None else answer.text
    for name in names:
        name = re.escape(name.strip())
        if re.search(
            rf"{name}(?:'s|’s)?\s+(?:\w+\s+)?{_CHARGE}\b|\b{_CHARGE}\s+(?:by|of|from)\s+(?:the\s+)?{name}",
            text,
            re.I,
        ):
            return True
    return False


def allegation_conflicts(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    story: str | None,
    taken: set[frozenset[str]] = frozenset(),  # type: ignore[assignment]
    blamed: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Conflict]:
    """An allegation and its answer: a stance conflict between the party alleging and the party
    answering, one row per pair of origins.

    "Maui County's lawsuit alleges that the utility failed to power down its lines" and, from the
    utility, "there was no electricity flowing through its wires for six hours before the fire";
    "investors claimed the utility didn't cut power" and the utility's "its lines had been turned
    off hours before". An allegation (a claim whose cue alleges, accuses, claims, charges, blames,
    criticises or sues) is answered by a claim of another origin, told the same day or later,
    that flips its polarity (one negated, the other not) about the same thing (cosine
    :data:`ANSWER`, :data:`ANSWER_SHARED` content words in common), or that rejects the
    accuser's charge by name ("Maui County's complaint is factually and legally irresponsible").
    One row per pair of origins, and per allegation. Who did the story's event is the blame
    rules' (``blamed``): one row per pair of sides there."""
    alleged = [
        it
        for it in items
        if _alleging(it)
        and not it.neutral
        and len(set(words(it.text))) >= MIN_WORDS
        and not _COUNTERFACTUAL.search(it.text)
        and it.id not in blamed
    ]
    if not alleged:
        return []
    out: list[Conflict] = []
    rows: dict[tuple[str, str], Conflict] = {}
    answered: dict[str, Conflict] = {}
    for ans in items:
        if ans.neutral or _alleging(ans) or not ans.text.strip() or ans.id in blamed:
            continue
        if _COUNTERFACTUAL.search(ans.text):
            continue
        ans_words = set(words(ans.text))
        best: tuple[float, ClaimItem] | None = None
        for al in alleged:
            if al.id == ans.id or _overlap(al, ans) or frozenset((al.id, ans.id)) in taken:
                continue
            if al.origin is None or ans.origin is None or al.origin.key == ans.origin.key:
                continue  # an answer is another party's
            if (ans.doc.published or date.min) < (al.doc.published or date.min):
                continue  # an answer comes after what it answers
            sim = float(vectors[al.id] @ vectors[ans.id])
            flipped = (
                al.negative != ans.negative
                and (_accused(al, ans) or (al.doc.id == ans.doc.id and _accused(al, ans, framed=True)))
                and sim >= ANSWER
                and len(ans_words) >= MIN_WORDS
                and len(ans_words & set(words(al.text))) >= ANSWER_SHARED
            )
            rejects = _REJECTING.search(ans.text) is not None and _names_charge_of(ans, al)
            if (flipped or rejects) and (best is None or sim > best[0]):
                best = (sim, al)
        if best is None:
            continue
        al = best[1]
        key = (al.origin.key, ans.origin.key)  # type: ignore[union-attr]
        # answers to one allegation are one disagreement too: the utility's statement and its
        # chief executive's words in it stand on one row
        head = rows.get(key) or answered.get(al.id)
        if head is not None:
            rows.setdefault(key, head)
            answered.setdefault(al.id, head)
            if all(r.id != al.id for r in (head.a, *head.a_also)):
                head.a_also.append(al.ref())
            head.b_also.append(ans.ref())
            continue
        why = f"alleged by {_who(al)} (“{_short(al.text)}”); answered by {_who(ans)} (“{_short(ans.text)}”)"
        rows[key] = answered[al.id] = Conflict(ConflictKind.STANCE, al.ref(), ans.ref(), why, story)
        out.append(rows[key])
    return out


def one_row_per_assertion(conflicts: list[Conflict]) -> list[Conflict]:
    """Denials of one assertion are one disagreement: "the Red Crescent denied that the flooding
    resulted in 11,300 deaths", its spokesman's "we haven't announced these numbers" and a second
    outlet's copy of the denial all answer one report of 11,300. The first row stays, the other
    denials go to its ``b_also``; polarity rows are kept one by one."""
    out: list[Conflict] = []
    first: dict[tuple[str | None, str], Conflict] = {}
    for c in conflicts:
        key = (c.story_id, c.a.id)
        head = first.get(key) if c.kind is ConflictKind.STANCE else None
        if head is None:
            if c.kind is ConflictKind.STANCE:
                first[key] = c
            out.append(c)
        elif c.b.id != head.b.id and all(r.id != c.b.id for r in head.b_also):
            head.b_also.append(c.b)
    return out


def internal_conflicts(
    items: list[ClaimItem], vectors: dict[str, np.ndarray], thresholds: Thresholds, story: str | None
) -> list[Conflict]:
    """One document dating one event (or one statement) to two different days."""
    by_doc: dict[str, list[ClaimItem]] = defaultdict(list)
    for it in items:
        if not it.neutral:
            by_doc[it.doc.id].append(it)
    out: list[Conflict] = []
    for claims in by_doc.values():
        dated = []
        for it in claims:
            for t in it.claim.times:
                if t.granularity != "day" or not t.resolved:
                    continue
                inside = any(s.start <= t.start and t.end <= s.end for s in it.claim.content)
                dated.append((it, "event" if inside else "statement", t))
        seen: set[tuple[str, str, str]] = set()
        for i, (a, role_a, ta) in enumerate(dated):
            for b, role_b, tb in dated[i + 1 :]:
                if a.id == b.id or role_a != role_b or ta.resolved == tb.resolved:
                    continue
                sim = float(vectors[a.id] @ vectors[b.id])
                wa, wb = set(words(a.text)), set(words(b.text))
                if min(len(wa), len(wb)) < MIN_WORDS or _jaccard(wa, wb) < ANCHOR:
                    continue  # one speaker saying two different things on two days is no conflict
                if role_a == "statement":
                    same_origin = (
                        a.origin is not None and b.origin is not None and a.origin.key == b.origin.key
                    )
                    if not same_origin or sim < thresholds.internal:
                        continue
                elif sim < thresholds.same_event:
                    continue
                key = (a.origin.key if a.origin else "", *sorted((ta.resolved or "", tb.resolved or "")))
                if key in seen:
                    continue
                seen.add(key)  # type: ignore[arg-type]
                what = f"{_who(a)}'s statement" if role_a == "statement" else "the event"
                why = (
                    f"{what} is dated “{ta.text}” ({ta.resolved}) in one place and “{tb.text}” "
                    f"({tb.resolved}) in another"
                )
                out.append(Conflict(ConflictKind.INTERNAL, a.ref(), b.ref(), why, story))
    return out


_NAME = re.compile(r"\b[A-Z][\w’'-]+")


def _same_subject(neg: ClaimItem, pos: ClaimItem) -> bool:
    """Whether the names the negative claim's clause gives before its negation ("Israel was not
    responsible") occur in the positive claim too. "X was not responsible" and "Y was responsible"
    say different things of different parties; they contradict only about the same one."""
    m = _NEG_CLAUSE.search(neg.text)
    if m is None:
        return True
    head = re.split(r"[,;:]|\b(?:that|but|and|while)\b", neg.text[: m.start()])[-1]
    names = {n.casefold() for n in _NAME.findall(head)}
    return names <= {n.casefold() for n in _NAME.findall(pos.text)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(a: ClaimItem, b: ClaimItem) -> bool:
    """Claims of one document whose contents share characters: nested or repeated attributions."""
    if a.doc.id != b.doc.id:
        return False
    return any(x.start < y.end and y.start < x.end for x in a.claim.content for y in b.claim.content)


def _who(it: ClaimItem) -> str:
    if it.origin is not None:
        return it.origin.name
    if it.source is not None:
        return it.source.name
    return it.doc.outlet


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
