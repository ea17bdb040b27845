"""Figures that count people by where they were or by the group they are a part of.

Split from :mod:`reportedly.extract.measures` (which types a quantity as a measure); this reads
two shapes the event words alone miss:

* **on board**: "up to 300 people were on board", "there were 600 people on the boat", "a
  trawler carrying up to 500 migrants", "between 200 and 400 people had crammed onto the vessel".
  No event word says what these count, so they were typed as nothing and every estimate of a
  vessel's load fell out of the timelines; they are one count, ``on_board``, of the people a
  boat, plane, bus or train carried, apart from who died, survived or is missing of them.
* **among a whole**: "nine Tunisians were among the 95 survivors", "20 Britons were identified
  among the dead": the part counts what its whole counts (here the rescued, the killed), not
  the verb that names the part ("identified").

Both read one sentence's parse; the words are general news English (vehicles, "aboard").
"""

from __future__ import annotations

from spacy.tokens import Token

from .measure_words import EVENTS

#: What carries people: a figure of the people on or in one of these counts those on board.
VEHICLES = frozenset(
    {
        "boat",
        "ship",
        "vessel",
        "ferry",
        "trawler",
        "dinghy",
        "raft",
        "yacht",
        "plane",
        "aircraft",
        "airliner",
        "jet",
        "flight",
        "helicopter",
        "bus",
        "minibus",
        "coach",
        "train",
        "carriage",
        "truck",
        "lorry",
        "van",
    }
)
_ABOARD = frozenset({"aboard", "onboard"})
_INTO = frozenset({"on", "onto", "into", "in", "aboard"})
#: Verbs whose object is what a vehicle carries: "a boat carrying 500 people".
_CARRY = frozenset({"carry", "transport"})
#: Verbs whose subject fills a vehicle: "300 people had packed the boat", "boarded the ferry".
_FILL = frozenset({"pack", "cram", "crowd", "fill", "board", "squeeze"})
#: Units that can be on board: people counted by any name, and children.
ON_BOARD_UNITS = frozenset({"people", "children"})
#: Nouns for the people who work a vessel: "21 sailors", "the 22 crew", "22 crew members".
CREW_NOUNS = frozenset(
    {"crew", "crewman", "crewmen", "crewmember", "sailor", "seafarer", "mariner", "seaman", "seamen"}
)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _names_a_vehicle(t: Token) -> bool:
    """ "board" of "on board", or a vehicle noun ("the ferry", "a fishing boat")."""
    return t.lower_ == "board" or _lemma(t) in VEHICLES


def _aboard(t: Token) -> bool:
    """A word or phrase that puts someone on board: "aboard", "on board the ferry", "on the
    boat", "onto the vessel", "on to the fishing boat" (the parse may split "on to")."""
    if t.lower_ in _ABOARD:
        return True
    into = t.lower_ in _INTO or (t.lower_ == "to" and t.i > 0 and t.doc[t.i - 1].lower_ == "on")
    if t.dep_ == "prep" and into:
        # "board" may be parsed as the preposition's clause ("pcomp") when a noun follows it
        return any(o.dep_ in ("pobj", "pcomp") and _names_a_vehicle(o) for o in t.children)
    return False


def on_board(anchor: Token, noun: Token | None) -> bool:
    """Whether the number counts people on board a vehicle (see the module's docstring).

    The counted noun (or the number standing alone) is the subject of "were on board", the
    noun of "there were … aboard / on the ship", the subject of a verb that puts it on board
    ("had crammed onto the vessel"), or the object of a vehicle's "carrying"."""
    counted = noun if noun is not None else anchor
    while counted.dep_ == "conj" and counted.head.like_num:
        counted = counted.head  # "between 400 and 750 people": the range's first number
    if counted.like_num and counted.dep_ == "nummod":
        counted = counted.head
    if counted.lower_ in _ABOARD:
        return True  # "there were around 700 onboard": the parse took the adverb for the counted noun
    if counted.dep_ == "pobj" and counted.head.lower_ == "between" and _lemma(counted.head.head) in _CARRY:
        counted = counted.head  # "the ferry had been carrying between 200 and 350 people"
    verb = counted.head
    if counted.dep_ == "pobj" and counted.head.lower_ == "between":
        # "reports suggested between 200 and 350 people had packed the ferry": the parse hung the
        # range on the verb before it, leaving the clause right after it with no subject
        verb = _subjectless_clause_after(counted) or verb
        counted_is_subject = verb.i != counted.head.i
    else:
        counted_is_subject = counted.dep_ in ("nsubj", "nsubjpass", "attr")
    if counted.dep_ in ("dobj", "prep"):
        verb = counted.head
        if _lemma(verb) not in _CARRY:
            return False
        carrier = [verb.head] if verb.dep_ == "acl" else []
        carrier += [c for c in verb.children if c.dep_ == "nsubj"]
        return any(_lemma(c) in VEHICLES for c in carrier)
    if not counted_is_subject:
        return False
    if _lemma(verb) in _FILL and any(c.dep_ == "dobj" and _lemma(c) in VEHICLES for c in verb.children):
        return True
    if any(_aboard(c) for c in (*verb.children, *counted.children) if c != counted):
        return True
    # "on board the vessel, which left on Monday, there were 400 people": a place put before an
    # existential "there were" is its place, wherever the parse hung it (not on a noun: "the
    # crew on board the ferry said there were 40 cars")
    return any(c.dep_ == "expl" for c in verb.children) and any(
        _aboard(t) and t.head.pos_ not in ("NOUN", "PROPN", "PRON") for t in verb.sent if t.i < verb.i
    )


def _subjectless_clause_after(counted: Token) -> Token | None:
    """The clause that starts right after ``counted`` (past its auxiliaries) and has no subject of
    its own, hanging from the same verb: ``counted`` is its subject, whatever the parse says."""
    doc = counted.doc
    for c in counted.head.head.children:
        if c.dep_ not in ("ccomp", "conj", "advcl") or c.i <= counted.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue
        if all(doc[k].dep_ in ("aux", "auxpass", "neg") for k in range(counted.i + 1, c.i)):
            return c
    return None


def among_whole(anchor: Token, noun: Token | None) -> str | None:
    """The event of the whole a part is "among" ("nine Tunisians were among the 95 survivors",
    "12 were among the 104 people who had survived", "were identified among the dead"), or None."""
    counted = noun if noun is not None else anchor
    if counted.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in counted.head.children:
        if c.dep_ != "prep" or c.lower_ != "among":
            continue
        for whole in c.children:
            if whole.dep_ != "pobj":
                continue
            found = EVENTS.get(_lemma(whole)) or EVENTS.get(whole.lower_)
            for m in whole.children if not found else ():
                if m.dep_ in ("acl", "relcl", "amod") and (EVENTS.get(_lemma(m)) or EVENTS.get(m.lower_)):
                    found = EVENTS.get(_lemma(m)) or EVENTS.get(m.lower_)
            if found:
                return found
    return None


def a_people(word: str) -> bool:
    """Whether a capitalised plural names a people by its country ("Tunisians", "Pakistanis"),
    by the places gazetteer's demonyms: the tagger often leaves such a word untagged, or calls
    it an organisation, at the head of a sentence ("Nine Tunisians were among …")."""
    from ..places import default_places  # the gazetteer loads lazily, once per process

    return default_places().demonym(word) is not None


def crew(noun: Token | None) -> bool:
    """Whether the counted noun is a vessel's crew: "21 sailors", "all 22 crew aboard", "the 21
    crew members of the ship", "22 members of the crew".

    A crew is a property of its vessel, like a ship's length: told with no event ("are safe",
    "remain on board", "There are 21 sailors on the ship"), it counts who works the vessel, a
    count of its own apart from everyone aboard (pilots, passengers) and from any event's toll."""
    if noun is None:
        return False
    if _lemma(noun) in CREW_NOUNS or noun.lower_ in CREW_NOUNS:
        return True
    if _lemma(noun) != "member":
        return False
    if any(c.dep_ == "compound" and _lemma(c) == "crew" for c in noun.children):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and _lemma(g) == "crew" for g in c.children)
        for c in noun.children
    )
