"""What a figure counts as a thing: its unit and whose it is.

Split from :mod:`reportedly.extract.measure_what` (which reads the event a figure counts); this
module folds the counted noun onto a few general classes ("residents", "persons" and "others" are
``people``; "crew members" and "sailors" are ``crew``) and reads the subject on it (a nationality,
an ordinal on the event a scalar measures). Everything here reads one sentence's tokens.
"""

from __future__ import annotations

from spacy.tokens import Token

from .measure_parts import a_people
from .measure_words import EVENTS, RANGE_NOUNS
from .measure_words import TALLY_NOUNS as _TALLIES

#: What stands for a tally here: tallies and the ranges a figure is the span of.
TALLY_NOUNS = _TALLIES | RANGE_NOUNS


def lemma(t: Token) -> str:
    """The token's lemma in lower case: how every word list here is written."""
    return t.lemma_.lower()


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
            "national",  # "12 nationals were rescued": citizens, people like "citizens"
            "passenger",
            "victim",
            "martyr",  # "the toll reached 471 martyrs": the dead, as one side's outlets name them
            "man",
            "men",
            "woman",
            "women",
            "suspect",
            "defendant",
            "detainee",
            "case",  # "28 critical cases", "120 injury cases": patients
            # people named by a role: "eight officials were detained" and "the eight" are one count
            "official",
            "worker",
            "employee",
            "staff",
            "student",
            "patient",
            "survivor",
            "tourist",
            "migrant",
            "pilgrim",
            "journalist",
            "spectator",
            "visitor",
            "guest",
            # a utility's people: "150,000 customers / clients without electricity" counts who
            # is without it, as "75,000 people are without power" does
            "customer",
            "client",
            # people named by what they are accused of: "nine suspected smugglers were arrested"
            # counts people, as "nine people were arrested" does
            "smuggler",
            "trafficker",
            # who works a vessel: "two sailors were injured" counts people (told with no event,
            # a crew is a count of its own: measure_parts.crew)
            "crew",
            "crewman",
            "crewmen",
            "crewmember",
            "sailor",
            "seafarer",
            "mariner",
            "seaman",
            "seamen",
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
    **dict.fromkeys(["kilogram", "kilogramme", "kilo", "kg"], "kilograms"),
    **dict.fromkeys(["tonne", "ton", "t"], "tonnes"),
}


#: Nouns that with "foreign" name foreigners ("foreign nationals", "foreign citizens").
_FOREIGN_HEADS = frozenset({"national", "citizen"})


def unit_of(noun: Token | None, unit_word: str) -> str | None:
    """The counted noun folded onto its class (``UNITS``); a toll or a tally of victims counts people."""
    if noun is None:
        return UNITS.get(unit_word, unit_word or None) if unit_word else None
    word = lemma(noun)
    if word in _FOREIGN_HEADS and any(c.lower_ == "foreign" and c.dep_ == "amod" for c in noun.children):
        # "26 foreign nationals", "foreign citizens": foreigners, as "26 foreigners" and the Korean,
        # Russian and Ukrainian readers' "외국인", "иностранцев" count them (one series across languages)
        word = "foreigner"
    if word in TALLY_NOUNS or EVENTS.get(word) in ("killed", "injured", "killed_or_injured"):
        return "people"  # "deaths", "casualties", "the toll": people
    if EVENTS.get(word) in ("evacuated", "displaced"):
        return "people"
    if word == "member" and any(c.dep_ == "compound" and lemma(c) == "crew" for c in noun.children):
        return "people"  # "three crew members were hurt"
    if _nationals(noun):
        return "people"  # "471 Palestinians were killed": people, whose nationality is the subject
    return UNITS.get(word, UNITS.get(noun.lower_, word))


def _nationals(noun: Token) -> bool:
    """A plural nationality standing for people ("Palestinians", "Israelis", "Syrians")."""
    if noun.tag_ not in ("NNPS", "NNS") or not noun.text[:1].isupper():
        return False
    return noun.ent_type_ == "NORP" or (noun.tag_ == "NNPS" and a_people(noun.text))


def _national(noun: Token) -> str:
    """ "Palestinians" -> "Palestinian": the nationality as it qualifies "people"."""
    return noun.text[:-1] if noun.text.endswith("s") else noun.text


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


def subject_of(noun: Token | None, anchor: Token, clause: list[Token] | None = None) -> str | None:
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
    if noun is not None and _nationals(noun):
        words.append(_national(noun))
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
