"""Measures: what a number counts, whose, where, when and in which scope, read off the parse.

"killing more than 2,300 people", "the death toll in Turkey has exceeded 1,760", "There were
17,134 confirmed deaths in Turkey and another 3,317 in Syria" and "Eight people have died so far
in the Russian-occupied parts of the region" all count people *killed*; "were evacuated",
"remain missing" and "still flooded" count other things. Across articles, numbers can only be
compared when this is known, so each counted quantity gets a typed
:class:`~reportedly.model.Measure` here, where the sentence's parse is at hand:

* **what**: the event or state, from the counted noun ("deaths", "casualties", "evacuees"),
  the verb the number is subject or object of ("were evacuated", "killing"), a predicate
  ("were dead", "are missing"), a clause on the noun ("people who died", "people killed"), or
  the noun a toll verb moves ("the toll rose to …", "putting the number of dead at …");
* **unit**: the counted thing, folded onto a few general classes (people, troops, homes,
  settlements …) so that "residents", "persons" and "others" are one unit;
* **subject**: a nationality or an ordinal on the counted noun ("North Korean troops",
  "a second 7.6 magnitude tremor");
* **place**: the place the number's clause names ("in Syria", "in the Russian-occupied parts
  of the region of Kherson"), with its control qualifier, from the places gazetteer;
* **scope**: a forecast ("could rise to", "is expected to exceed") or a hypothesis (an
  if-clause) never sits in the series of counts; a period with its length; else the quantity's
  own scope (read in :mod:`.measure_scope`);
* **as of**: a day the clause gives, else the publication date (:mod:`.measure_scope`).

Figures of *another* event (a historical comparison: "the 2015 quake that killed 9,000 in
Nepal") get no measure: they belong to no series of this story.

The vocabularies below are general English news words for events and counted things, not
words of any one story; a new event class is a new entry in :data:`EVENTS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from ..model import Measure, MeasureScope, Quantity, TimeExpr
from .measure_places import (
    PlaceFinder,
    PlaceHit,
    entity_places,
    number_place,
    place_side,
)
from .measure_scope import as_of_day, event_long_before, event_noun, is_historical, read_scope
from .measure_words import ATTACK_VERBS, EVENTS, LIGHT_VERBS, TALLY_NOUNS, TALLY_VERBS
from .number_parse import clause_tokens, counted_noun, number_token

#: Counted nouns folded onto general classes; anything else is kept as its lemma.
UNITS: dict[str, str] = {
    **dict.fromkeys(
        [
            "people",
            "person",
            "persons",
            "resident",
            "inhabitant",
            "individual",
            "civilian",
            "other",
            "villager",
            "citizen",
            "passenger",
            "victim",
            "man",
            "men",
            "woman",
            "women",
            "suspect",
            "defendant",
            "detainee",
        ],
        "people",
    ),
    # who carried out the attack: "four gunmen", "all four perpetrators", "three terrorists"
    **dict.fromkeys(
        [
            "gunman",
            "gunmen",
            "attacker",
            "assailant",
            "perpetrator",
            "terrorist",
            "shooter",
            "bomber",
            "hijacker",
        ],
        "attackers",
    ),
    **dict.fromkeys(["troop", "soldier", "serviceman", "servicemen", "personnel", "fighter"], "troops"),
    **dict.fromkeys(["house", "home", "dwelling", "apartment", "household"], "homes"),
    **dict.fromkeys(["settlement", "village", "town", "community", "locality", "hamlet"], "settlements"),
    **dict.fromkeys(["child", "children", "minor"], "children"),
    **dict.fromkeys(["metre", "meter", "m"], "metres"),
    **dict.fromkeys(["kilometre", "kilometer", "km"], "kilometres"),
}
_SCALAR_UNITS = frozenset({"magnitude", "metres", "percent", "attackers"})
#: Properties of the event itself: they do not change over time or from place to place.
_FIXED_PROPERTIES = frozenset({"magnitude", "attackers"})
_SKIP_UNITS = frozenset(
    [
        "usd",
        "eur",
        "gbp",
        "dollar",
        "dollars",
        "euro",
        "euros",
        "pound",
        "pounds",
        "yen",
        "won",
        "rouble",
        "ruble",
        "rubles",
        "yuan",
        "percent",
        "year",
        "years",
        "day",
        "days",
        "month",
        "months",
        "week",
        "weeks",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "time",
        "times",
        "point",
        "points",
        "mm",
    ]
)


def type_measures(
    sent: Span,
    quantities: list[Quantity],
    offset: int,
    times: Iterable[TimeExpr] = (),
    published: date | None = None,
    find_places: PlaceFinder = entity_places,
    before: Measure | None = None,
) -> list[Measure | None]:
    """The measure of each quantity of ``sent`` (a sentence of a block parsed at ``offset``).

    Numbers are read together because some take their meaning from a neighbour: "putting the
    total at 20,451" after "17,134 deaths in Turkey and another 3,317 in Syria" is a total of
    deaths, and "including 474 children" after "3,614 people were evacuated" counts evacuees.
    ``before`` is the last figure typed before this sentence (in its paragraph, or in the one
    before when the paragraph has none yet): a bare tally that names no event ("The confirmed
    total now stands at 28,191." after "… killed 24,617 in Turkey"; "The new figure … included
    over 17,600 people in Turkey" opening a paragraph) is a total of the same; nothing else is
    read across sentences.
    """
    times = list(times)
    hits = find_places(sent)
    out: list[Measure | None] = []
    previous: Measure | None = None
    for q in quantities:
        m = _read(sent, q, offset, times, published, hits, previous)
        if m is not None and m.what == TALLY and previous is None and before is not None:
            m = replace(m, what=before.what, unit=before.unit if m.unit in (None, "people") else m.unit)
        out.append(m)
        if m is not None and m.what not in (None, TALLY):
            previous = m
    return [m if m is None or m.what != TALLY else None for m in out]


def type_measure(
    sent: Span,
    q: Quantity,
    offset: int,
    times: Iterable[TimeExpr] = (),
    published: date | None = None,
    find_places: PlaceFinder = entity_places,
) -> Measure | None:
    """The measure of one quantity read alone (see :func:`type_measures`)."""
    return type_measures(sent, [q], offset, times, published, find_places)[0]


def _read(
    sent: Span,
    q: Quantity,
    offset: int,
    times: list[TimeExpr],
    published: date | None,
    hits: list[PlaceHit],
    previous: Measure | None,
) -> Measure | None:
    if q.attribute or (q.value is None and q.low is None and q.high is None):
        return None
    doc = sent.doc
    start, end = q.start - offset, q.end - offset
    anchor = number_token(doc, start, end)
    noun = counted_noun(anchor, end, sent)
    raw_unit = q.unit or ""
    if noun is not None and (noun.ent_type_ in ("DATE", "TIME") or noun.like_num):
        noun, raw_unit = None, ""  # "more than 5,000 early Tuesday": a day is not what is counted
    unit_word = raw_unit.lower()
    if unit_word in _MULTIPLIERS or (
        noun is not None and _lemma(noun) in _GROWTH_NOUNS and unit_word == "fold"
    ):
        return _multiplier(anchor, noun, sent, offset, times, published)
    if unit_word in _SKIP_UNITS or raw_unit[:1].isupper() and noun is None:
        return None
    unit = _unit(noun, unit_word)
    what = _what(anchor, noun)
    if what == "magnitude" or unit == "magnitude" or _after_magnitude(anchor):
        what, unit = None, "magnitude"
    clause = clause_tokens(anchor, sent)
    if is_historical([*clause, *(noun.subtree if noun is not None else ()), *event_noun(clause)], published):
        return None
    if event_long_before(clause, times, offset, published):
        return None
    inherits = previous is not None and (
        what == TALLY
        or (what is None and (_subset_of_previous(anchor, noun) or _up_from(anchor)))
        # "80 people injured in the attack, including six children, remain in hospital": a part
        # named with "including" counts what its whole counts, whatever verb the parse hangs it on
        or (what is not None and _included(anchor, noun))
    )
    if inherits:
        what = previous.what  # type: ignore[union-attr]
        unit = unit if what != TALLY and unit not in (None, "people") else previous.unit  # type: ignore[union-attr]
    if what in _PEOPLE_EVENTS and unit is None:
        unit = "people"
    if unit == "people" and _attacks(noun if noun is not None else anchor):
        unit = "attackers"  # "the four men who attacked the hall", "three people … opened fire"
    if unit == "attackers":
        # how many carried out the attack is a fact of the event, like a quake's magnitude: "the
        # four gunmen were detained" and "four perpetrators" count the same four
        what = None
    if what == "pleaded_guilty" and any(t.lower_ in ("not", "n't", "innocent") for t in clause):
        what = "pleaded_not_guilty"
    if unit == "troops" and (what == "sent" or (what is None and hits)):
        what = "deployed"  # "10,000 North Korean troops were in / had been sent to Russia"
    scope = read_scope(anchor, clause, q, times, offset)
    if unit in _SCALAR_UNITS and scope is MeasureScope.PERIOD:
        scope = MeasureScope.POINT  # "Monday's 7.8 magnitude quake": a property, not a flow
    if what is None and unit not in _SCALAR_UNITS and scope is not MeasureScope.FORECAST:
        # "home to 13.5 million people": a count of things with no event is rarely tracked,
        # and two such numbers are not known to count the same thing
        return None
    if what is None and unit is None:
        return None
    # a quake's magnitude is the quake's, wherever the sentence says it struck
    place = number_place(anchor, noun, clause, sent, hits) if unit not in _FIXED_PROPERTIES else None
    side = place_side(place) if place else None
    included = (
        previous is not None and (what, unit) == (previous.what, previous.unit) and _included(anchor, noun)
    )
    if included and (place is None or place.id == previous.place):  # type: ignore[union-attr]
        # "11 people were detained, including the four suspects": a part of the count just
        # given, of the same thing and place, is no second figure of its series ("including
        # 4,400 in the rebel-held northwest" is the northwest's own figure)
        return None
    if place is not None and place.id.startswith("area:"):
        # an area named only by who holds it: its identity is that side
        place = replace(place, id=f"area:{side}", name=f"{side} areas")
    return Measure(
        what=what,
        unit=unit,
        subject=_subject(noun, anchor, clause if unit in _SCALAR_UNITS else None),
        place=place.id if place else None,
        place_name=place.name if place else None,
        qualifier=side,
        scope=scope,
        period_days=None,
        as_of=as_of_day(clause, times, offset, published),
    )


_PEOPLE_EVENTS = frozenset(
    {
        "killed",
        "injured",
        "killed_or_injured",
        "missing",
        "evacuated",
        "displaced",
        "rescued",
        "arrested",
        "hospitalised",
        "in_hospital",
        "treated",
        "charged",
        "pleaded_guilty",
        "pleaded_not_guilty",
    }
)


#: Units that multiply: "could rise eight-fold", "likely to increase as much as eight times".
_MULTIPLIERS = frozenset({"fold", "times"})
_GROWTH_VERBS = frozenset({"rise", "increase", "grow", "multiply", "climb", "jump", "soar", "go", "swell"})
_GROWTH_NOUNS = frozenset({"increase", "rise", "growth", "jump"})


def _multiplier(
    anchor: Token, noun: Token | None, sent: Span, offset: int, times: list[TimeExpr], published: date | None
) -> Measure | None:
    """How many times a count grows ("the toll could rise eight-fold", "eightfold increases on the
    initial numbers"): a series of its own, a forecast unless the growth is told as past ("has
    risen fivefold"). "Three times" with no growth is an occurrence count, not typed."""
    growth = None
    node = anchor
    for _ in range(3):
        if _lemma(node) in _GROWTH_VERBS or _lemma(node) in _GROWTH_NOUNS:
            growth = node
            break
        if node.head == node:
            break
        node = node.head
    if growth is None and noun is not None and _lemma(noun) in _GROWTH_NOUNS:
        growth = noun
    if growth is None:
        return None
    told_past = growth.tag_ == "VBD" or (
        growth.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in growth.children)
    )
    clause = clause_tokens(anchor, sent)
    return Measure(
        what=None,
        unit="times",
        scope=MeasureScope.POINT if told_past else MeasureScope.FORECAST,
        as_of=as_of_day(clause, times, offset, published),
    )


def _attacks(node: Token) -> bool:
    """Whether the counted people carried out the attack: subject of an attack verb ("three
    people in camouflage opened fire") or described by one ("the four men who attacked")."""

    def attack(verb: Token) -> bool:
        if verb.lemma_.lower() in ATTACK_VERBS:
            return True
        # "opened fire": the verb and its object
        return verb.lemma_.lower() == "open" and any(
            c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children
        )

    if node.dep_ in ("nsubj",) and node.head.pos_ == "VERB" and attack(node.head):
        return True
    return any(
        c.dep_ == "relcl"
        and attack(c)
        and any(g.dep_ == "nsubj" and g.tag_ in ("WP", "WDT") for g in c.children)
        for c in node.children
    )


def _subset_of_previous(anchor: Token, noun: Token | None) -> bool:
    """ "including 474 children", "of whom 160 are children", "another 3,317 in Syria"."""
    for t in (noun, anchor):
        if t is None:
            continue
        node = t
        for _ in range(3):
            if node.dep_ == "pobj" and node.head.lower_ in ("including", "among", "of"):
                return True
            if node.dep_ == "conj" and node.head.like_num:
                return True
            if node.dep_ == "dobj" and node.head.lemma_ == "include":
                return True  # "the toll … included over 17,600 people in Turkey"
            node = node.head
            if node == node.head:
                break
    return any(c.lower_ in ("another", "other") for c in anchor.children) or (
        noun is not None and any(c.lower_ in ("another", "other") for c in noun.children)
    )


def _included(anchor: Token, noun: Token | None) -> bool:
    """ "including the four suspects", "among them 20 people": a number named as part of another."""
    for t in (noun, anchor):
        node = t
        for _ in range(3):
            if node is None or node == node.head:
                break
            if node.dep_ == "pobj" and node.head.lower_ in ("including", "among"):
                return True
            node = node.head
    return False


def _up_from(anchor: Token) -> bool:
    """ "raised the toll to 17,134, up from 16,546": the earlier value of the same tally."""
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in ("up", "down")


def _after_magnitude(anchor: Token) -> bool:
    """ "a magnitude 7.8 quake", "a magnitude-7.8 earthquake": the scale named before the number."""
    i = anchor.i - 1
    if i >= 0 and anchor.doc[i].text == "-":
        i -= 1
    return i >= 0 and anchor.doc[i].lower_ == "magnitude"


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _event(t: Token | None) -> str | None:
    if t is None:
        return None
    cls = EVENTS.get(_lemma(t)) or EVENTS.get(t.lower_)
    if cls:
        return cls
    if _lemma(t) == "toll" and not any(c.dep_ == "compound" for c in t.children):
        return "killed"  # a bare "toll" in news is a death toll
    for c in t.children:
        if c.dep_ in ("compound", "amod") and (EVENTS.get(_lemma(c)) or EVENTS.get(c.lower_)):
            return EVENTS.get(_lemma(c)) or EVENTS.get(c.lower_)
    return None


def _from_modifiers(noun: Token) -> str | None:
    """ "people killed", "people who died", "homes that remained flooded", "people in need"."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl", "amod", "compound"):
            cls = _event(c)
            if cls:
                return cls
            for g in c.children:
                if g.dep_ in ("acomp", "xcomp", "oprd", "conj", "attr") and _event(g):
                    return _event(g)
        if c.dep_ == "prep" and c.lower_ == "of":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    cls = _event(obj) or _from_modifiers(obj)
                    if cls:
                        return cls
    return None


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
        if node.dep_ in _ARG_DEPS:
            cls = _event(head)
            if cls and not (node.dep_ == "prep" and head.pos_ in ("NOUN", "PROPN") and node.lower_ != "of"):
                return cls
            # copula and raising: "were dead", "remained flooded", "are still missing"
            for c in head.children:
                if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    continue  # "the toll surged to 5,000 after … aftershocks collapsed buildings"
                if c.dep_ in ("acomp", "attr", "xcomp", "oprd", "conj") and c != node:
                    cls = _event(c)
                    if cls:
                        return cls
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
                    if c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in TALLY_NOUNS:
                        return TALLY  # "the new figure included over 17,600 people in Turkey"
            state = _state(head, node)
            if state:
                return state
            if _lemma(head) in TALLY_VERBS or head.lemma_ == "be":
                # "the toll rose to 5,000", "putting the number of dead at …", "the total is …";
                # a tally that names its event wins over one that does not ("earlier figures
                # had put the death toll at five"), and "the toll, which stands at …" is the toll's
                found = [_event(c) or _from_modifiers(c) or _tally_of(c) for c in _tally_args(head, node)]
                if found:
                    return next((f for f in found if f), TALLY)
        climb = node.dep_ in ("pobj", "prep", "conj", "appos") or (
            _lemma(node) in TALLY_NOUNS and node.dep_ in ("nsubj", "nsubjpass", "dobj")
        )
        if not climb:
            return None
        node = head
    return None


def _tally_args(verb: Token, node: Token) -> list[Token]:
    """The tally nouns a tally verb moves: its subject or object, or for a relative clause
    ("the toll, which currently stands at …") the noun the clause describes."""
    args = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c != node]
    if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in args):
        args.append(verb.head)
    return [c for c in args if _lemma(c) in TALLY_NOUNS or _event(c)]


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


def _tally_of(noun: Token) -> str | None:
    return "killed" if _lemma(noun) == "toll" else None


def _what(anchor: Token, noun: Token | None) -> str | None:
    verb = _orphaned_verb(anchor) if noun is None else None
    if verb is not None and (_event(verb) or _state(verb, None)):
        return _event(verb) or _state(verb, None)
    # "3,317 in Syria" conjoined with "17,134 confirmed deaths": the first number's noun counts
    base = anchor
    while base.dep_ == "conj" and base.head.like_num:
        base = base.head
    if noun is None and anchor.dep_ == "nummod" and _event(anchor.head):
        return _event(anchor.head)  # "40 people were killed and over 100 hurt"
    if anchor.dep_ == "conj" or base != anchor:
        # "812 deaths and 1,449 injured": a conjoined number's own participle says what it counts
        own = _from_modifiers(anchor)
        if own:
            return own
    if noun is None and base != anchor:
        noun = base.head if base.dep_ == "nummod" else None
    for cand in (noun, anchor):
        if cand is None:
            continue
        cls = _event(cand) if cand == noun else None
        # "80 people injured in the attack remain in hospital" counts who is in hospital
        cls = cls or (_state(cand.head, cand) if cand == noun else None)
        cls = cls or (_from_modifiers(cand) if cand == noun else None)
        cls = cls or _predicate(cand)
        if cls:
            return cls
    if base != anchor:
        return _predicate(base)
    return None


def _unit(noun: Token | None, unit_word: str) -> str | None:
    if noun is None:
        return UNITS.get(unit_word, unit_word or None) if unit_word else None
    lemma = _lemma(noun)
    if lemma in TALLY_NOUNS or EVENTS.get(lemma) in ("killed", "injured", "killed_or_injured"):
        return "people"  # "deaths", "casualties", "the toll": people
    if EVENTS.get(lemma) in ("evacuated", "displaced"):
        return "people"
    return UNITS.get(lemma, UNITS.get(noun.lower_, lemma))


_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "main",
        "initial",
        "latest",
        "biggest",
        "largest",
        "strongest",
    ]
)


def _subject(noun: Token | None, anchor: Token, clause: list[Token] | None = None) -> str | None:
    """Whose or which: a nationality on the counted noun ("North Korean troops"), or for a scalar
    an ordinal on the event it measures ("a second 7.6 magnitude tremor", "the second quake had a
    magnitude of 7.5")."""
    words = []
    events = [t for t in (clause or []) if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"]
    if clause is not None:
        events += [anchor, *([noun, noun.head] if noun is not None else [])]
    for t in dict.fromkeys(events):
        for c in t.children:
            if c.lower_ in _ORDINALS and c.dep_ in ("amod", "advmod", "compound"):
                words.append(c.lower_)
            elif c.lower_ in _ANOTHER and c.dep_ in ("det", "amod"):
                words.append("later")
    if clause is not None and not words and any(_later_event(t) for t in clause):
        # "Hours later, a 7.5 magnitude quake struck": an event after the one told of is another
        # event; its magnitude is no second reading of the first one's
        words.append("later")
    for t in (noun, anchor):
        if t is None:
            continue
        for c in t.children:
            if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound", "nmod"):
                ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
                words.append(ent.text if ent is not None else c.text)  # "North Korean", not "Korean"
            elif c.dep_ == "amod" and c.ent_type_ == "ORDINAL":
                words.append(c.lower_)
        if t == noun:
            break
    return " ".join(dict.fromkeys(words)) or None


_ANOTHER = frozenset({"another", "subsequent"})
_LATER = frozenset({"later", "afterwards", "afterward", "subsequently"})


def _later_event(t: Token) -> bool:
    """ "later" on the clause's verb ("hours later, a quake struck"), not on a reporting verb."""
    return t.lower_ in _LATER and t.dep_ == "advmod" and t.head.pos_ == "VERB" and t.head.dep_ == "ROOT"
