"""What a figure counts: the event, the predicate, the unit and the subject around its number.

Split from :mod:`reportedly.extract.measures`, which types a quantity as a measure (what, where,
scope, as of when); this module reads the parse around the number for the *what*: "42 people were
killed" (the predicate), "the death toll rose to 42" (a tally noun), "42 homes flooded" (the unit),
"troops in Kursk" (the subject). Everything here reads one sentence's tokens and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .measure_grave import CONDITIONS as _CONDITIONS
from .measure_grave import GRAVE as _GRAVE
from .measure_units import TALLY_NOUNS, UNITS, lemma, subject_of, unit_of
from .measure_words import EVENTS, LIGHT_VERBS, TALLY_VERBS
from .measure_words import TALLY_NOUNS as _TALLIES

__all__ = [
    "TALLY",
    "TALLY_NOUNS",
    "UNITS",
    "event_after",
    "lemma",
    "named_tally",
    "subject_of",
    "unit_of",
    "what_counted",
]


#: Verbs that count what is fired ("450 rockets fired from Gaza", "launched 40 drones"); as
#: nouns these words name something else ("the fire", "the launch"), so only the verb counts.
_LAUNCH_VERBS = frozenset({"fire", "launch"})


#: Adverbs that make damage total: "1,320 houses completely damaged" are destroyed houses.
_WHOLLY = frozenset({"completely", "totally", "fully", "entirely", "wholly"})


def _event(t: Token | None) -> str | None:
    if t is None:
        return None
    cls = _wholly(t, EVENTS.get(lemma(t)) or EVENTS.get(t.lower_))
    if cls == "buried" and any(c.dep_ == "prep" and c.lower_ in _UNDER for c in t.children):
        return None  # "buried under the rubble": people trapped, not the dead laid to rest
    if cls:
        return cls
    if lemma(t) == "lay" and [w.lower_ for w in t.doc[t.i + 1 : t.i + 3]] == ["to", "rest"]:
        return "buried"  # "2,884 of the dead have been laid to rest"
    if lemma(t) in _LAUNCH_VERBS and t.pos_ == "VERB" and not any(c.lower_ == "open" for c in t.ancestors):
        return "launched"
    if lemma(t) == "toll" and not any(c.dep_ == "compound" for c in t.children):
        return "killed"  # a bare "toll" in news is a death toll
    if lemma(t) in _CONDITIONS and any(c.dep_ == "amod" and c.lower_ in _GRAVE for c in t.children):
        return "critical"  # "in critical condition", "28 critical cases remain": a state of its own
    for c in t.children:
        if c.dep_ in ("compound", "amod") and (EVENTS.get(lemma(c)) or EVENTS.get(c.lower_)):
            return _wholly(c, EVENTS.get(lemma(c)) or EVENTS.get(c.lower_))
    return None


def _wholly(t: Token, cls: str | None) -> str | None:
    """Damage told as total ("1,320 houses completely damaged") is destruction, and so is damage
    told with destruction as one count ("1,320 houses were damaged or destroyed", "2,200
    structures damaged or destroyed"): reports give that figure as the tally of what the
    disaster destroyed and set it beside counts of the destroyed alone, never beside a count of
    the damaged alone."""
    if cls == "damaged" and any(c.dep_ == "advmod" and c.lower_ in _WHOLLY for c in t.children):
        return "destroyed"
    if (
        cls == "damaged"
        and any(c.dep_ == "conj" and EVENTS.get(lemma(c)) == "destroyed" for c in t.children)
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in t.children)
    ):
        return "destroyed"
    return cls


#: Prepositions of what covers someone: "buried under / beneath the rubble" are the trapped.
_UNDER = frozenset({"under", "beneath", "underneath"})


def _from_modifiers(noun: Token) -> str | None:
    """ "people killed", "people who died", "homes that remained flooded", "people in need";
    "people with various injuries": what they have says what happened to them (injured), nearer
    than a toll the sentence gives before."""
    for c in noun.children:
        if c.dep_ == "relcl" and any(
            g.dep_ == "poss" for s in c.children if s.dep_ in _SUBJECTS for g in s.children
        ):
            continue  # "people whose homes were destroyed": what happened to their homes, not to them
        if c.dep_ in ("acl", "relcl", "amod", "compound"):
            cls = _event(c)
            if cls:
                return cls
            for g in c.children:
                if g.dep_ in ("acomp", "xcomp", "oprd", "conj", "attr") and _event(g):
                    return _event(g)
                if g.dep_ == "dobj" and lemma(c) in LIGHT_VERBS and _event(g):
                    return _event(g)  # "the six workers who lost their lives", "people who suffered injuries"
            if c.dep_ == "acl" and _listed_as(c):
                return _listed_as(c)  # "the number of people listed as missing … jumped to 323"
        if c.dep_ == "prep" and c.lower_ in ("of", "with"):
            for obj in c.children:
                # "the number of missing": the parse may take the bare participle for a clause
                if obj.dep_ == "pobj" or (obj.dep_ == "pcomp" and obj.tag_ in ("VBG", "VBN", "JJ")):
                    cls = _event(obj) or (_from_modifiers(obj) if c.lower_ == "of" else None)
                    if cls:
                        return cls
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos", "npadvmod", "prep"})


def _predicate(node: Token) -> str | None:
    """The event a noun (or the number itself) takes part in through its verb.

    Climbs from the number through prepositions ("rose to …", "a total of … people"), tally
    nouns ("the toll", "the number of dead") and conjuncts, for at most four steps.
    """
    for _hop in range(5):
        head = node.head
        if head == node:
            return None
        while (
            head.dep_ in ("aux", "auxpass")
            and head.head != head
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        ):
            # "houses remained flooded": remained is the auxiliary of flooded; an "auxiliary"
            # with a subject of its own is a verb the parse hung on the next clause ("the death
            # toll is currently at ten, 20 more people were injured")
            head = head.head
        if head.lower_ in ("up", "down") and head.dep_ in ("advmod", "prt") and head.head != head:
            head = head.head  # "could go up to 500", "was revised down to 97": the verb's particle
        if node.dep_ == "prep" and node.lower_ in ("at", "to") and head.pos_ == "NOUN":
            # "put the number of dead at 2,681 and the number of injured at 2,501", "the toll
            # has risen to 2,901, and the injuries to 5,530": a tally or event noun's own "at /
            # to" phrase is its value, whatever verb the noun is joined to
            cls = _event(head) or (
                (_from_modifiers(head) or _tally_of(head)) if lemma(head) in TALLY_NOUNS else None
            )
            if cls:
                return cls
        if node.dep_ in _ARG_DEPS or _as_much(node):
            # a noun's "in" phrase or a noun joined to it ("60 survivors and 20 bodies") is not its event
            cls = _event(head) if not (node.dep_ == "conj" and head.pos_ == "NOUN") else None
            if cls and not (node.dep_ == "prep" and head.pos_ in ("NOUN", "PROPN") and node.lower_ != "of"):
                return cls
            if lemma(head) in TALLY_VERBS:
                # "the toll surged to 288 and more than 850 are injured": a tally that names its
                # event says what the number moved to counts, before any verb joined to the tally's
                named = [_event(c) or _from_modifiers(c) or _tally_of(c) for c in _tally_args(head, node)]
                if any(named):
                    return next(f for f in named if f)
            # copula and raising: "were dead", "remained flooded", "are still missing"
            for c in head.children:
                if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    continue  # "the toll surged to 5,000 after … aftershocks collapsed buildings"
                if c.dep_ in ("acomp", "attr", "xcomp", "oprd", "conj") and c != node:
                    cls = _event(c)
                    if cls:
                        return cls
            if node.dep_ in ("nsubj", "nsubjpass", "dobj") and _listed_as(head):
                return _listed_as(head)  # "850 people are still listed as missing"
            if head.lemma_.lower() in LIGHT_VERBS and node.dep_ in ("nsubj", "nsubjpass"):
                # "205 people received outpatient care", "three admitted guilt"
                for c in head.children:
                    if c.dep_ == "dobj" and (_event(c) or _from_modifiers(c)):
                        return _event(c) or _from_modifiers(c)
            if head.lemma_.lower() in _MOVE_VERBS and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "safety" for g in c.children)
                for c in head.children
            ):
                return "evacuated"  # "5,800 people have been brought to safety"
            if head.lemma_ == "include" and node.dep_ == "dobj":
                # "the dead included five children": a part of what the subject counts
                for c in head.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and _event(c):
                        return _event(c)
                    if c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in TALLY_NOUNS:
                        return TALLY  # "the new figure included over 17,600 people in Turkey"
            state = _state(head, node)
            for c in head.children if not state and node.dep_ in ("nsubj", "nsubjpass") else ():
                if c.dep_ == "xcomp" and c.lemma_ in _STATE_VERBS:
                    state = _state(c, None)  # "28 people are said to be in critical condition"
            if state:
                return state
            if lemma(head) in TALLY_VERBS or head.lemma_ == "be":
                # "the toll rose to 5,000", "putting the number of dead at …", "the total is …";
                # a tally that names its event wins over one that does not ("earlier figures
                # had put the death toll at five"), and "the toll, which stands at …" is the toll's
                found = [_event(c) or _from_modifiers(c) or _tally_of(c) for c in _tally_args(head, node)]
                if found:
                    return next((f for f in found if f), TALLY)
        climb = (
            node.dep_ in ("pobj", "prep", "conj", "appos")
            or (lemma(node) in TALLY_NOUNS and node.dep_ in ("nsubj", "nsubjpass", "dobj"))
            # "the toll … is as high as 500": the comparison's adjective stands for the number
            or _as_much(node)
        )
        if not climb:
            return None
        node = head
    return None


#: Adjectives of an "as … as" bound: "as high as 500", "as many as 2,000".
_AS_MUCH = frozenset({"high", "many", "much", "low", "few", "large"})


def _as_much(node: Token) -> bool:
    """Whether the token is the adjective of "as high as N" standing for the number in its clause."""
    i = node.i
    return (
        node.dep_ in ("acomp", "advmod")
        and node.lower_ in _AS_MUCH
        and i > 0
        and node.doc[i - 1].lower_ == "as"
    )


def _word_before(anchor: Token, noun: Token | None) -> str | None:
    """The event right before a number's phrase where the parse hung the phrase elsewhere: a
    verb of an event with no object of its own ("the quake has injured at least 80 people and
    a landslide has blocked the road": 80 hung on "blocked"), or an event noun whose "to"
    phrase it is ("the loss of one life and injuries to 130 individuals")."""
    doc = anchor.doc
    start = min(t.i for t in (noun.subtree if noun is not None else anchor.subtree))
    start = min(start, anchor.i)
    if start == 0:
        return None
    before = doc[start - 1]
    if before.lower_ == "to" and start >= 2 and doc[start - 2].pos_ == "NOUN":
        return _event(doc[start - 2])
    if before.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in before.children):
        if noun is not None and noun.head == before:
            return None  # the parse has it right: its own predicate was read already
        return _event(before)
    return None


def _listed_as(verb: Token) -> str | None:
    """The event a verb files its subject or object under with "as": "listed as missing",
    "registered as displaced", "confirmed as dead" (the "as" phrase is what is counted)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for obj in c.children:
                if obj.dep_ in ("pcomp", "pobj", "acomp", "amod") and _event(obj):
                    return _event(obj)
    return None


def _tally_args(verb: Token, node: Token) -> list[Token]:
    """The tally nouns a tally verb moves: its subject or object, or for a relative clause
    ("the toll, which currently stands at …") the noun the clause describes."""
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c != node]
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in args):
        args.append(verb.head)
    pronouns = [c for c in args if c.lower_ == "it" and c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if pronouns and verb.lemma_ != "be" and named_tally(verb.sent):
        # "the death toll rose after officials raised it to 39": the pronoun a tally verb moves
        # is the tally its sentence names ("it took 40 minutes" names none); returned as a bare
        # tally, which measure typing reads as the named one
        return pronouns
    if verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "the number of missing was expected to fall to around 50": the subject of the verb
        # above is what the raised verb moves
        args += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c != node]
    return [c for c in args if lemma(c) in TALLY_NOUNS or _event(c)]


_STATE_VERBS = frozenset({"be", "remain", "stay"})
#: Verbs that move people: "brought / taken / moved to safety" is an evacuation.
_MOVE_VERBS = frozenset({"bring", "take", "move", "lead", "carry", "ferry", "get"})


def _state(verb: Token, node: Token | None) -> str | None:
    """ "are still in hospital", "remain in hospital": a place that is a state of the counted.

    Who is *in* hospital is a count of its own (``in_hospital``), apart from who was *taken* to
    hospital (``hospitalised``): the first falls as patients leave, the second only grows.
    ``node`` None: the verb's subject is known to be the number (a parse that lost it)."""
    if verb.lemma_ not in _STATE_VERBS or (node is not None and node.dep_ not in ("nsubj", "nsubjpass")):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for obj in c.children:
                if obj.dep_ == "pobj" and not any(g.dep_ == "det" for g in obj.children) and _event(obj):
                    found = _event(obj)
                    return "in_hospital" if found == "hospitalised" else found
    return None


def _orphaned_verb(anchor: Token) -> Token | None:
    """The verb a number is the subject of when the parse joined the number to a date before it:
    "searching the site on Monday and 97 are still in hospital" (97 hung on Monday)."""
    doc = anchor.doc
    if anchor.dep_ != "conj" or anchor.head.ent_type_ not in ("DATE", "TIME") or anchor.i + 1 >= len(doc):
        return None
    verb = doc[anchor.i + 1]
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb


#: Marks a bare tally ("putting the total at …"): its event comes from the sentence's other numbers.
TALLY = "tally"


def named_tally(tokens: Iterable[Token]) -> str | None:
    """The event of the one tally the tokens name with its event ("the death toll", "the number
    of dead"), if they name one event so: a bare tally in the same sentence ("… above the
    provisional tally of more than 2,600", "the official figure, which stands at 275") is that
    tally told again."""
    found = {_event(t) or _from_modifiers(t) for t in tokens if lemma(t) in _TALLIES and t.pos_ == "NOUN"} - {
        None
    }
    return found.pop() if len(found) == 1 else None


def _tally_of(noun: Token) -> str | None:
    return "killed" if lemma(noun) == "toll" else None


def event_after(anchor: Token) -> str | None:
    """The event an adjective right after the number names ("27 dead", "50 dead and 30
    missing"): in a verbless list the number stands for the people the adjective describes."""
    doc = anchor.doc
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if after is None or after.pos_ not in ("ADJ", "VERB") or after.tag_ not in ("JJ", "VBN", "VBG"):
        return None
    return _event(after)


def what_counted(anchor: Token, noun: Token | None) -> str | None:
    """What happened to what the number counts ("killed", "evacuated", "tally"), or None."""
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if after is not None and (anchor.head == after or after.head == anchor) and event_after(anchor):
        # "raised the number of victims to 50 dead", "18 dead, six missing": the adjective the
        # parse joins to the number is the count's own
        return event_after(anchor)
    verb = _orphaned_verb(anchor) if noun is None else None
    if verb is not None and (_event(verb) or _state(verb, None)):
        return _event(verb) or _state(verb, None)
    # "3,317 in Syria" conjoined with "17,134 confirmed deaths": the first number's noun counts
    base = anchor
    while base.dep_ == "conj" and base.head.like_num:
        base = base.head
    if noun is None and anchor.dep_ == "nummod" and _event(anchor.head):
        return _event(anchor.head)  # "40 people were killed and over 100 hurt"
    if anchor.dep_ == "conj" or base != anchor or (noun is None and anchor.dep_ == "ROOT"):
        # "812 deaths and 1,449 injured": a conjoined number's own participle says what it counts,
        # and so does a number the parse left standing alone ("… were killed and 12,000 wounded")
        own = _from_modifiers(anchor) or _word_after(anchor, auxiliaries=True)
        if own:
            return own
    if noun is None and base != anchor:
        noun = base.head if base.dep_ == "nummod" else None
    awaited = _awaited(noun) if noun is not None else None
    if awaited:
        return awaited  # "62 bodies were still pending identification": not yet identified
    if noun is not None and lemma(noun) in _REMAINS:
        # "88 bodies have been identified", "81 bodies remain unidentified": a noun for the dead
        # says they are dead; what the sentence counts them as is what is done to them
        found = _modifier_event(noun) or _predicate(noun)
        if found and found != "killed":
            return _negated(found, anchor, noun)
    elif noun is not None and _modifier_event(noun) == "killed":
        # "884 of the deceased victims have been laid to rest": the dead, counted as what is done
        # to them, as bodies are
        found = _predicate(noun)
        if found and found != "killed":
            return _negated(found, anchor, noun)
    if _unknown_whereabouts(noun if noun is not None else anchor):
        return "missing"
    if (
        noun is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.pos_ == "NOUN"
        and _event(noun.head.head)
    ):
        # "released the identities of two people killed in the blaze": what is done with the
        # counted (identified) is what the noun their phrase hangs on names, not their own story
        return _negated(_event(noun.head.head), anchor, noun)  # type: ignore[arg-type]
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "to") and anchor.head.head.pos_ == "NOUN":
        # "… and the number of injured at 2,501": the noun the number is the value of says what
        # it counts, before a noun found around the verb ("the number of dead" put before it)
        cls = _predicate(anchor)
        if cls:
            return _negated(cls, anchor, noun)
    for cand in (noun, anchor):
        if cand is None:
            continue
        cls = _event(cand) if cand == noun else None
        # "80 people injured in the attack remain in hospital" counts who is in hospital
        cls = cls or (_state(cand.head, cand) if cand == noun else None)
        cls = cls or (_from_modifiers(cand) if cand == noun else None)
        cls = cls or (_word_after(cand) if cand == noun else None)
        cls = cls or _predicate(cand)
        # "ordered the eight to be jailed": a number standing for people, with its own clause
        cls = cls or (_from_modifiers(cand) if cand == anchor and noun is None else None)
        if cls:
            return _negated(cls, anchor, noun)
    if base != anchor:
        return _predicate(base)
    if noun is None:
        # "rose to 233 and over 900 injured, …": a number standing alone with an event word
        # right after it counts that event, wherever the parse hung the word
        return _word_after(anchor, auxiliaries=True) or _word_before(anchor, noun)
    return _word_before(anchor, noun)


#: Nouns for where someone is or how they fare: not known, they are the missing.
_WHEREABOUTS = frozenset({"safety", "whereabouts", "fate"})
_UNKNOWN = frozenset({"unconfirmed", "unknown", "unclear"})


def _unknown_whereabouts(node: Token) -> bool:
    """ "The safety of 211 people remains unconfirmed", "the whereabouts of 30 residents are
    unknown": people no one can account for are counted as missing."""
    if node.dep_ != "pobj" or node.head.lower_ != "of" or lemma(node.head.head) not in _WHEREABOUTS:
        return False
    holder = node.head.head
    if holder.dep_ not in _SUBJECTS:
        return False
    verb = holder.head
    return any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in _UNKNOWN for c in verb.children)


#: Nouns for the dead themselves: they say the counted are dead, not what is counted of them.
_REMAINS = frozenset({"body", "corpse", "remains"})

#: Counts reported together with their complement: "identified" and "yet to be identified".
_NEGATED = {"identified": "not_identified"}
_NOT_YET = frozenset({"not", "n't", "never", "yet"})


#: Verbs of waiting for what is not yet done: "bodies pending identification".
_AWAITING = frozenset({"pending", "awaiting", "await", "awaits"})


def _awaited(noun: Token) -> str | None:
    """The complement of what the counted still wait for: "62 bodies were still pending
    identification", "40 victims awaiting identification" count the not yet identified."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "acl") and verb == noun:
        return None
    if noun.dep_ in ("nsubj", "nsubjpass"):
        waits = verb.head if verb.dep_ in ("aux", "auxpass") else verb  # the parse hangs "were" between
        if waits.lower_ not in _AWAITING:
            waits = next((c for c in waits.children if c.lower_ in _AWAITING), waits)
    else:
        waits = next((c for c in noun.children if c.dep_ == "acl" and c.lower_ in _AWAITING), None)
    if waits is None or waits.lower_ not in _AWAITING:
        return None
    for c in waits.children:
        if c.dep_ in ("dobj", "pobj", "attr"):
            cls = EVENTS.get(lemma(c)) or EVENTS.get(c.lower_)
            cls = "identified" if lemma(c) == "identification" else cls
            if cls in _NEGATED:
                return _NEGATED[cls]
    return None


def _modifier_event(noun: Token) -> str | None:
    """An event adjective or participle on the noun ("the 29 unidentified bodies")."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and (EVENTS.get(lemma(c)) or EVENTS.get(c.lower_)):
            return _wholly(c, EVENTS.get(lemma(c)) or EVENTS.get(c.lower_))
    return None


def _negated(cls: str, anchor: Token, noun: Token | None) -> str:
    """The complement of a count the sentence negates: "29 victims are yet to be identified",
    "bodies not yet identified" count the unidentified, not the identified."""
    if cls not in _NEGATED:
        return cls
    start = noun if noun is not None else anchor
    verbs = []
    node = start
    for _ in range(4):
        if node.head == node:
            break
        node = node.head
        verbs.append(node)
        verbs += [c for c in node.children if c.dep_ in ("xcomp", "acl", "relcl", "amod")]
    for v in verbs:
        if EVENTS.get(lemma(v)) != cls:
            continue
        marks = {c.lower_ for c in v.children}
        if v.dep_ == "xcomp":
            marks |= {c.lower_ for c in v.head.children}
        if marks & _NOT_YET:
            return _NEGATED[cls]
    return cls


def _word_after(noun: Token, auxiliaries: bool = False) -> str | None:
    """ "estimates of up to 10,000 people missing": an event adjective or participle right after
    the counted noun says what it counts, wherever the parse hung it (here on "giving"). With
    ``auxiliaries``, over the auxiliaries of its own verb too ("… and more than 850 are injured")."""
    doc = noun.doc
    i = noun.i + 1
    while auxiliaries and i < len(doc) and (doc[i].pos_ == "AUX" or doc[i].lower_ in ("still", "also")):
        i += 1
    if i >= len(doc) or (i > noun.i + 1 and doc[i].tag_ not in ("VBN", "JJ")):
        return None
    after = doc[i]
    return _event(after) if after.tag_ in ("JJ", "VBN", "VBG") else None
