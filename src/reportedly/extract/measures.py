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
  own scope;
* **as of**: a day the clause gives, else the publication date.

Figures of *another* event (a historical comparison: "the 2015 quake that killed 9,000 in
Nepal") get no measure: they belong to no series of this story.

The vocabularies below are general English news words for events and counted things, not
words of any one story; a new event class is a new entry in :data:`EVENTS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from ..model import Measure, MeasureScope, Quantity, QuantityScope, TimeExpr
from .lexicon import REPORTING_VERBS
from .measure_places import (
    PlaceFinder,
    PlaceHit,
    entity_places,
    number_place,
    place_side,
)
from .measure_words import EVENTS, TALLY_NOUNS
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
        ],
        "people",
    ),
    **dict.fromkeys(["troop", "soldier", "serviceman", "servicemen", "personnel", "fighter"], "troops"),
    **dict.fromkeys(["house", "home", "dwelling", "apartment", "household"], "homes"),
    **dict.fromkeys(["settlement", "village", "town", "community", "locality", "hamlet"], "settlements"),
    **dict.fromkeys(["child", "children", "minor"], "children"),
    **dict.fromkeys(["metre", "meter", "m"], "metres"),
    **dict.fromkeys(["kilometre", "kilometer", "km"], "kilometres"),
}
#: Verbs that move a tally to a number ("the toll rose to", "putting the total at").
TALLY_VERBS = frozenset(
    [
        "rise",
        "climb",
        "reach",
        "exceed",
        "top",
        "pass",
        "surge",
        "jump",
        "increase",
        "hit",
        "stand",
        "put",
        "bring",
        "take",
        "raise",
        "mount",
        "soar",
        "grow",
        "near",
        "approach",
        "cross",
        "amount",
    ]
)
_FORECAST_WORDS = frozenset(
    [
        "could",
        "may",
        "might",
        "would",
        "will",
        "expect",
        "forecast",
        "project",
        "predict",
        "fear",
        "likely",
        "feared",
        "projected",
        "expected",
        "estimate",
        "warn",
        "liable",
        "set",
        "certain",
    ]
)
_NOT_FORECAST_AFTER = frozenset({"have", "'ve"})  # "might have died": a hedged count, not a forecast
_SCALAR_UNITS = frozenset({"magnitude", "metres", "percent"})
#: Properties of the event itself: they do not change over time or from place to place.
_FIXED_PROPERTIES = frozenset({"magnitude"})
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
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def type_measures(
    sent: Span,
    quantities: list[Quantity],
    offset: int,
    times: Iterable[TimeExpr] = (),
    published: date | None = None,
    find_places: PlaceFinder = entity_places,
) -> list[Measure | None]:
    """The measure of each quantity of ``sent`` (a sentence of a block parsed at ``offset``).

    Numbers are read together because some take their meaning from a neighbour: "putting the
    total at 20,451" after "17,134 deaths in Turkey and another 3,317 in Syria" is a total of
    deaths, and "including 474 children" after "3,614 people were evacuated" counts evacuees.
    """
    times = list(times)
    hits = find_places(sent)
    out: list[Measure | None] = []
    previous: Measure | None = None
    for q in quantities:
        m = _read(sent, q, offset, times, published, hits, previous)
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
    if unit_word in _SKIP_UNITS or raw_unit[:1].isupper() and noun is None:
        return None
    unit = _unit(noun, unit_word)
    what = _what(anchor, noun)
    if what == "magnitude" or unit == "magnitude" or _after_magnitude(anchor):
        what, unit = None, "magnitude"
    clause = clause_tokens(anchor, sent)
    if _historical([*clause, *(noun.subtree if noun is not None else ()), *_event_noun(clause)], published):
        return None
    if _event_long_before(clause, times, offset, published):
        return None
    inherits = previous is not None and (
        what == TALLY or (what is None and (_subset_of_previous(anchor, noun) or _up_from(anchor)))
    )
    if inherits:
        what = previous.what  # type: ignore[union-attr]
        unit = unit if what != TALLY and unit not in (None, "people") else previous.unit  # type: ignore[union-attr]
    if what in _PEOPLE_EVENTS and unit is None:
        unit = "people"
    if unit == "troops" and (what == "sent" or (what is None and hits)):
        what = "deployed"  # "10,000 North Korean troops were in / had been sent to Russia"
    scope = _scope(anchor, clause, q, times, offset)
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
        as_of=_as_of(clause, times, offset, published),
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
        "treated",
    }
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
        while head.dep_ in ("aux", "auxpass") and head.head != head:
            head = head.head  # "houses remained flooded": remained is the auxiliary of flooded
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


def _state(verb: Token, node: Token) -> str | None:
    """ "are still in hospital", "remain in hospital": a place that is a state of the counted."""
    if verb.lemma_ not in _STATE_VERBS or node.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for obj in c.children:
                if obj.dep_ == "pobj" and not any(g.dep_ == "det" for g in obj.children) and _event(obj):
                    return _event(obj)
    return None


#: Marks a bare tally ("putting the total at …"): its event comes from the sentence's other numbers.
TALLY = "tally"


def _tally_of(noun: Token) -> str | None:
    return "killed" if _lemma(noun) == "toll" else None


def _what(anchor: Token, noun: Token | None) -> str | None:
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


_RATE = frozenset({"per", "daily", "weekly", "monthly", "hourly", "annually", "yearly"})


def _scope(
    anchor: Token, clause: list[Token], q: Quantity, times: list[TimeExpr], offset: int
) -> MeasureScope:
    for i, t in enumerate(clause):
        low = t.lower_
        if low == "if" or (low == "unless" and t.dep_ == "mark"):
            return MeasureScope.HYPOTHETICAL
        if low in _FORECAST_WORDS or _lemma(t) in _FORECAST_WORDS:
            nxt = clause[i + 1].lower_ if i + 1 < len(clause) else ""
            if nxt in _NOT_FORECAST_AFTER:
                continue
            if _lemma(t) in ("estimate", "warn") and t.dep_ not in ("ROOT", "xcomp", "ccomp"):
                continue
            if (
                low in ("will", "would")
                and t.head.lemma_ == "be"
                and not any(c.lower_ in ("likely", "expected") for c in t.head.children)
            ):
                continue
            return MeasureScope.FORECAST
    if _modal_above(anchor, clause):
        return MeasureScope.FORECAST
    if q.scope is QuantityScope.CUMULATIVE:
        return MeasureScope.CUMULATIVE
    if q.scope is QuantityScope.PERIOD and _explicit_period(clause, times, offset):
        return MeasureScope.PERIOD
    return MeasureScope.POINT


_MODALS = frozenset({"could", "may", "might", "will", "would"})


def _modal_above(anchor: Token, clause: list[Token]) -> bool:
    """ "could result in the water level rising by as much as 12 metres": a modal on a verb the
    number's clause hangs from (not a reporting verb) makes the number a forecast too."""
    inside = {t.i for t in clause}
    for verb in anchor.ancestors:
        if verb.i in inside or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.lemma_ in REPORTING_VERBS:
            return False  # "officials said 5 died": the speaker's tense is not the count's
        if any(c.dep_ == "neg" for c in verb.children):
            return False  # "would not rule out that 500 might have died": a hedged count
        for c in verb.children:
            if c.dep_ == "aux" and c.lower_ in _MODALS and not _followed_by_have(c):
                return True
    return False


def _followed_by_have(t: Token) -> bool:
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.lower_ in _NOT_FORECAST_AFTER


def _explicit_period(clause: list[Token], times: list[TimeExpr], offset: int) -> bool:
    """An interval of known length ("in the past 24 hours", "over two months") or a rate ("per day").

    "since Monday's quake" or "on Thursday" make no period: a toll counted since the event
    began is a running total, one series with the other counts.
    """
    if any(t.lower_ in _RATE for t in clause):
        return True
    if not clause:
        return False
    doc = clause[0].doc
    lo = clause[0].idx + offset
    hi = clause[-1].idx + len(clause[-1].text) + offset
    for t in times:
        if not (lo <= t.start and t.end <= hi and t.resolved and "/" in t.resolved):
            continue
        span = doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is not None and _dates_a_noun(span.root):
            continue  # "as a result of last week's earthquake": the week dates the quake
        return True
    return False


def _event_noun(clause: list[Token]) -> list[Token]:
    """ "a 1999 quake that killed 17,000": the noun a relative clause describes, with its modifiers."""
    roots = [t for t in clause if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN")]
    if not roots:
        return []
    head = roots[0].head
    return [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "nummod", "poss", "npadvmod"))]


#: Days before publication after which a dated event is another, earlier event.
EARLIER_EVENT_DAYS = 30


def _event_long_before(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> bool:
    """ "hit by a missile in December that killed three": the number's clause hangs from an event
    (a noun or verb) dated months before the report, so the number belongs to that earlier event."""
    inside = {t.i for t in clause}
    roots = [
        t
        for t in clause
        if t.head.i not in inside
        and (
            t.dep_ in ("relcl", "acl", "advcl")
            or (t.dep_ == "ccomp" and t.head.lemma_ not in REPORTING_VERBS)
        )
    ]
    if published is None or not roots:
        return False
    described = roots[0].head
    doc = described.doc
    for t in times:
        if t.granularity not in ("day", "month") or not t.resolved or "/" in t.resolved:
            continue
        span = doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or span.root.i in inside:
            continue
        attach = span.root.head.head if span.root.head.pos_ == "ADP" else span.root.head
        if attach != described:
            continue
        try:
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if (published - day).days > EARLIER_EVENT_DAYS:
            return True
    return False


def _historical(tokens: Iterable[Token], published: date | None) -> bool:
    """A year before the publication's in the number's clause or on its noun ("the 2015 quake")."""
    if published is None:
        return False
    return any(_YEAR.match(t.text) and int(t.text) < published.year - 1 for t in tokens)


def _as_of(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> date | None:
    """The day the figure holds: a day the number's verb is dated by, else the publication date.

    A day inside a noun phrase ("Monday's quake", "the dam breach on Tuesday") dates the event,
    not the count, and is passed over.
    """
    if not clause:
        return published
    doc = clause[0].doc
    lo = clause[0].idx + offset
    hi = clause[-1].idx + len(clause[-1].text) + offset
    for t in times:
        if not (lo <= t.start and t.end <= hi and t.granularity in ("day", "month") and t.resolved):
            continue
        if "/" in t.resolved:
            continue
        span = doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or _dates_a_noun(span.root) or _dates_the_event(span.root):
            continue
        try:  # a month ("sent … last month") holds from its first day
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if published is None or day <= published:
            return day
    return _statement_day(clause, times, offset, published)


def _statement_day(
    clause: list[Token], times: Iterable[TimeExpr], offset: int, published: date | None
) -> date | None:
    """ "South Korea said last month that 7,000 containers had been sent": the figure held when it was
    said, so a date of the reporting verb (outside the number's clause) dates it; else publication."""
    root = clause[0].sent.root if clause else None
    if root is None:
        return published
    for t in times:
        if t.granularity not in ("day", "month") or not t.resolved or "/" in t.resolved:
            continue
        span = root.doc.char_span(t.start - offset, t.end - offset, alignment_mode="expand")
        if span is None or span.root.head != root:
            continue
        try:
            day = date.fromisoformat(t.resolved if t.granularity == "day" else f"{t.resolved}-01")
        except ValueError:
            continue
        if published is None or day <= published:
            return day
    return published


def _dates_the_event(token: Token) -> bool:
    """ "which killed 139 people on Friday": the day of the killing, not of the count of the dead.

    A day on the event verb itself dates the event; the count of its dead or injured is the one
    known when it is told. A day on a tally verb ("the toll rose on Wednesday to 143") or a
    reporting verb dates the count.
    """
    node = token
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return _lemma(head) in EVENTS and _lemma(head) not in TALLY_VERBS
        node = head
    return False


def _dates_a_noun(token: Token) -> bool:
    node = token
    for _ in range(4):
        head = node.head
        if head == node or head.pos_ in ("VERB", "AUX"):
            return False
        nominal = head.pos_ in ("NOUN", "PROPN")
        modifies = nominal and node.dep_ in ("poss", "compound", "pobj", "prep", "npadvmod", "nmod")
        if modifies and (head.dep_ != "pobj" or head.head.lower_ not in ("as", "by", "until", "since")):
            return True
        node = head
    return False
