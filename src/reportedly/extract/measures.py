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

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from ..model import Measure, MeasureScope, Quantity, TimeExpr
from .measure_grave import grave
from .measure_money import estimated, money_what
from .measure_parts import ON_BOARD_UNITS, among_whole, crew, on_board
from .measure_places import (
    PlaceFinder,
    PlaceHit,
    entity_places,
    number_place,
    place_side,
)
from .measure_scope import as_of_day, event_long_before, event_noun, is_historical, read_scope
from .measure_states import own_state, quake_count, state_of
from .measure_what import TALLY, event_after, lemma, named_tally, subject_of, unit_of, what_counted
from .measure_words import ATTACK_VERBS, TALLY_NOUNS
from .number_parse import clause_tokens, counted_noun, number_token

_SCALAR_UNITS = frozenset({"magnitude", "metres", "percent", "attackers"})
#: Properties of the event itself: they do not change over time or from place to place.
_FIXED_PROPERTIES = frozenset({"magnitude", "attackers", "crew"})
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
    if not quantities:
        return []
    times = list(times)
    found: list[list[PlaceHit]] = []

    def hits() -> list[PlaceHit]:
        # The sentence's places, looked up once and only when a quantity's reading gets as far
        # as asking: most sentences have no quantity, and most quantities are read as no
        # measure before their place matters. The gazetteer search was a tenth of the analysis's
        # CPU when every sentence paid for it (issue 20).
        if not found:
            found.append(find_places(sent))
        return found[0]

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
    hits: Callable[[], list[PlaceHit]],
    previous: Measure | None,
) -> Measure | None:
    if q.attribute or (q.value is None and q.low is None and q.high is None):
        return None
    doc = sent.doc
    start, end = q.start - offset, q.end - offset
    anchor = number_token(doc, start, end)
    noun = counted_noun(anchor, end, sent)
    raw_unit = q.unit or ""
    if (
        noun is not None
        and noun.i > anchor.i + 1
        and event_after(anchor)
        and any(t.is_punct for t in doc[anchor.i + 2 : noun.i])
    ):
        noun, raw_unit = None, ""  # "27 dead, four missing, hotels destroyed": the adjective is the count's
    if noun is not None and (noun.ent_type_ in ("DATE", "TIME") or noun.like_num):
        noun, raw_unit = None, ""  # "more than 5,000 early Tuesday": a day is not what is counted
    if noun is not None and noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
        # "rose to 233 and over 900 injured, informed Secretary Pradeep Jena": a parse that
        # hangs the number on a person's name; nobody counts people by a name
        noun, raw_unit = None, ""
    unit_word = raw_unit.lower()
    if unit_word in _MULTIPLIERS or (
        noun is not None and lemma(noun) in _GROWTH_NOUNS and unit_word == "fold"
    ):
        return _multiplier(anchor, noun, sent, offset, times, published)
    if unit_word == "percent":
        return _share(anchor, sent, q, offset, times, published, hits)
    if unit_word in _CURRENCIES:
        return _money(anchor, sent, q, offset, times, published, hits)
    if unit_word in _SKIP_UNITS or raw_unit[:1].isupper() and noun is None:
        return None
    if (
        noun is None
        and anchor.dep_ == "appos"
        and anchor.head.pos_ == "PROPN"
        and not any(c.dep_ == "prep" and c.lower_ == "in" for c in anchor.children)
        and not event_after(anchor)  # "Acapulco – At least 27 dead, four missing": no age
    ):
        return None  # "Clyde Wakida, 74, … were identified": a number beside a name is an age
    unit = unit_of(noun, unit_word)
    what = what_counted(anchor, noun)
    if what in (None, "identified") and (whole := among_whole(anchor, noun)):
        what = whole  # "nine Tunisians were (identified) among the 95 survivors": the whole's event
    if what is None and unit in (None, *ON_BOARD_UNITS) and on_board(anchor, noun):
        what, unit = "on_board", unit or "people"  # "up to 300 people were on board"
    if what in (None, "on_board") and crew(noun) and not _included_others(noun):
        what, unit = "on_board", "crew"  # "All 22 crew aboard were safe", "There are 21 sailors on the ship"
    if what is None and anchor.dep_ in ("dobj", "npadvmod") and anchor.head.lemma_ == "measure":
        return None  # "quakes measuring 1 or higher": a reading on a scale, no count
    if what is None and quake_count(anchor, noun):
        what, unit = "recorded", "earthquake"  # "1,045 earthquakes", "has recorded 1,248 tremors"
    elif what is None:
        what = state_of(anchor, noun)  # "without water", "cut off", "staying at shelters"
    else:
        what = own_state(anchor, noun) or what  # "… and 40,000 households left without water"
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
    elif what is None and noun is None and not unit_word and previous is not None and _elided(anchor):
        # "has killed more than 1,400 people in Israel … and about 3,000 in Gaza": a bare number
        # joined to the figure before it, its verb and noun left out, counts what that one does
        what, unit = previous.what, previous.unit
    elif what is None and previous is not None and previous.place and _next_place(anchor, noun):
        # "1,604 fatalities in Al-Sur, 976 in Nahr, and one death in Qasr", "684 were in the
        # central province, and 280 others in the coastal province": a figure by place, its
        # verb and noun left out, counts what the placed figure before it does, in its own place
        what, unit = previous.what, previous.unit
    if unit == "magnitude":
        # "the toll climbed to 180 after quakes of up to 7.6 magnitude": a magnitude inherits no
        # tally's event from the figure before it; it is the quake's, like any magnitude
        what = None
    if unit in (None, "people") and grave(anchor, noun):
        # "1,204 were injured, including 721 in a critical condition": the part in grave
        # condition is a count of its own, whatever its whole counts
        what, unit = "critical", "people"
    if what is None and noun is None and _of_a_tally(anchor):
        what = TALLY  # "the provisional tally of more than 2,600"
    if what == TALLY:
        # "the death toll … is liable to rise above the provisional tally of more than 2,600":
        # a bare tally beside one that names its event is that tally
        what = named_tally(sent) or TALLY
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
    if unit == "troops" and (what == "sent" or (what is None and hits())):
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
    place = number_place(anchor, noun, clause, sent, hits()) if unit not in _FIXED_PROPERTIES else None
    side = place_side(place) if place else None
    subject = subject_of(noun, anchor, clause if unit in _SCALAR_UNITS else None)
    # "104 rescued, including 47 Syrians": a part named by its nationality is a series of its own
    included = (
        previous is not None
        and (what, unit, subject) == (previous.what, previous.unit, previous.subject)
        and _included(anchor, noun)
    )
    if place is None and previous is not None and previous.place and inherits and _up_from(anchor):
        # "raised the toll in Turkey to 17,134, up from 16,546": the earlier value of the very
        # tally just told, in its place
        place = PlaceHit(0, 0, previous.place, previous.place_name or previous.place, None)
        side = previous.qualifier
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
        subject=subject,
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
        "identified",
        "not_identified",
        "critical",
        "buried",
        "isolated",
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
        if lemma(node) in _GROWTH_VERBS or lemma(node) in _GROWTH_NOUNS:
            growth = node
            break
        if node.head == node:
            break
        node = node.head
    if growth is None and noun is not None and lemma(noun) in _GROWTH_NOUNS:
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


_CURRENCIES = frozenset({"usd", "eur", "gbp", "jpy", "cny", "inr", "rub", "uah", "try", "chf", "aud", "cad"})


#: The word a share's number modifies: "25 %", "25 percent", "two-thirds" ("two" on "thirds").
_PER_WORDS = frozenset({"%", "percent", "cent", "thirds", "quarters", "fifths"})


def _share(
    anchor: Token,
    sent: Span,
    q: Quantity,
    offset: int,
    times: list[TimeExpr],
    published: date | None,
    hits: Callable[[], list[PlaceHit]],
) -> Measure | None:
    """A percentage of a named whole ("25% of the city was destroyed", "only 3% of the search
    area"): a series of its own, ``percent of <whole>``, with what happened to the share. A
    percentage that names no whole ("rose 5%") says nothing comparable and is not typed."""
    pct = anchor.head if anchor.dep_ == "nummod" and anchor.head.lower_ in _PER_WORDS else anchor
    # "two-thirds of the area": the parse may hang "thirds" under "two"; the whole is on "thirds"
    pct = next((c for c in anchor.children if c.lower_ in _PER_WORDS), pct)
    whole = next(
        (
            g
            for c in pct.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if whole is None or whole.like_num:
        return None
    if whole.lower_ == "those" and any(c.dep_ in ("acl", "relcl") for c in whole.children):
        name = "people"  # "90% of those killed": of the people the clause describes
    elif whole.pos_ in ("NOUN", "PROPN"):
        name = unit_of(whole, "") if unit_of(whole, "") == "people" else lemma(whole)
    else:
        return None
    clause = clause_tokens(anchor, sent)
    if is_historical(clause, published):
        return None
    what = what_counted(anchor, pct)
    place = number_place(anchor, pct, clause, sent, hits())
    scope = read_scope(anchor, clause, q, times, offset)
    return Measure(
        what=what if what != TALLY else None,
        unit=f"percent of {name}",
        place=place.id if place else None,
        place_name=place.name if place else None,
        qualifier=place_side(place) if place else None,
        # a share is of a whole at a time: "killed last weekend" dates the whole, no flow
        scope=MeasureScope.POINT if scope is MeasureScope.PERIOD else scope,
        as_of=as_of_day(clause, times, offset, published),
    )


def _money(
    anchor: Token,
    sent: Span,
    q: Quantity,
    offset: int,
    times: list[TimeExpr],
    published: date | None,
    hits: Callable[[], list[PlaceHit]],
) -> Measure | None:
    """An amount of money that is the value of a cost, a damage or a loss ("the cost to rebuild
    was estimated at $5.5 billion", "$1 billion in damage"): typed as a ``cost`` in its
    currency; one that is the value of aid, a loan, a fund, a fine (``measure_money``) is typed
    by that noun ("$50 million in aid": ``aid``). Amounts of nothing named (prices, "$5") are
    not typed: nothing says two are one."""
    what = money_what(anchor)
    if what is None:
        return None
    clause = clause_tokens(anchor, sent)
    if is_historical(clause, published):
        return None
    place = number_place(anchor, None, clause, sent, hits())
    scope = read_scope(anchor, clause, q, times, offset)
    if what == "cost" and scope is not MeasureScope.HYPOTHETICAL and estimated(anchor):
        scope = MeasureScope.FORECAST  # "initial estimates of the costs are at $600 million"
    return Measure(
        what=what,
        unit=(q.unit or "").lower(),
        place=place.id if place else None,
        place_name=place.name if place else None,
        qualifier=place_side(place) if place else None,
        scope=scope,
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
            if node.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "prep" and c.lower_ == "of" and c.i < node.i for c in node.head.children
            ):
                return True  # "Of the 72 deaths, 39 were in A": a part of the whole the clause opens with
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


#: Words between "and" and an elided figure: "and about 3,000", "and more than 20".
_ELIDED_SKIP = frozenset(
    {"about", "around", "some", "nearly", "almost", "over", "more", "than", "at", "least"}
)


def _of_a_tally(anchor: Token) -> bool:
    """A number that is the "of" phrase of a tally noun: "the provisional tally of 2,600"."""
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in TALLY_NOUNS


def _elided(anchor: Token) -> bool:
    """A number right after "and" (over words that bound it) with no noun of its own."""
    doc = anchor.doc
    i = anchor.i - 1
    while i >= 0 and doc[i].lower_ in _ELIDED_SKIP:
        i -= 1
    return i >= 0 and doc[i].lower_ == "and"


def _next_place(anchor: Token, noun: Token | None) -> bool:
    """A number in a list of figures by place: right after a comma or "and" (over words that
    bound it), with no noun of its own or "others", and its own "in" phrase."""
    if noun is not None and noun.lower_ not in ("others", "more"):
        return False
    doc = anchor.doc
    i = anchor.i - 1
    while i >= 0 and doc[i].lower_ in _ELIDED_SKIP:
        i -= 1
    if i < 0 or doc[i].lower_ not in (",", "and"):
        return False
    own = noun if noun is not None else anchor
    return any(c.dep_ == "prep" and c.lower_ == "in" for c in own.children)


def _up_from(anchor: Token) -> bool:
    """ "raised the toll to 17,134, up from 16,546": the earlier value of the same tally."""
    if anchor.dep_ == "nummod" and anchor.head.ent_type_ in ("DATE", "TIME"):
        anchor = anchor.head  # "up from 55 Thursday night": the parse hangs the number on the day
    head = anchor.head
    return anchor.dep_ == "pobj" and head.lower_ == "from" and head.head.lower_ in ("up", "down")


def _after_magnitude(anchor: Token) -> bool:
    """ "a magnitude 7.8 quake", "a magnitude-7.8 earthquake": the scale named before the number."""
    if anchor.lower_.startswith("magnitude-"):
        return True  # the tokenizer keeps "magnitude-7.6" one token: the number is inside it
    i = anchor.i - 1
    if i >= 0 and anchor.doc[i].text == "-":
        i -= 1
    return i >= 0 and anchor.doc[i].lower_ == "magnitude"


def _included_others(noun: Token) -> bool:
    """ "22 crew members aboard, including the pilot": a crew count that takes in people who are
    not crew counts everyone aboard, not the crew."""
    return any(t.lower_ == "including" for t in noun.subtree)
