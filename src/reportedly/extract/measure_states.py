"""States a disaster leaves people and homes in, and counts of the shocks themselves.

After an earthquake, a flood or a storm, reports count more than the dead and the hurt: the
homes left without water or power, the people cut off by broken roads, the people sleeping in
shelters, and the aftershocks recorded since the main shock. None of these has an event word
that :data:`~reportedly.extract.measure_words.EVENTS` could hold: "without" and "no" make a
state of a plain noun ("without water", "have no power"), "cut off" is a verb with a particle,
and a count of quakes counts the event itself. Each is read here from the number's own clause,
for a number :func:`~reportedly.extract.measure_what.what_counted` left with no event:

* ``without_water`` / ``without_power``: "52,300 households remained without water", "homes
  were left without running water", "8,200 houses have no power" (key ``homes without water``);
* ``isolated``: "1,700 people were still cut off", "2,600 people remain isolated", "900
  residents remain inaccessible" (key ``people isolated``);
* ``evacuated``: who stays in a shelter is an evacuee ("19,000 people were continuing to shelter
  in evacuation centres", "15,000 people are staying at temporary shelters");
* ``recorded``: a count of quakes, tremors or aftershocks ("the agency has recorded 830 tremors",
  "a total of 612 earthquakes measuring 1 or higher", "more than 400 aftershocks"), unit
  ``earthquakes``; a quake's magnitude ("a 6.1 magnitude quake") is no count (a singular noun).
"""

from __future__ import annotations

from spacy.tokens import Token

from .measure_units import lemma
from .measure_words import TALLY_NOUNS

__all__ = ["QUAKE_NOUNS", "own_state", "quake_count", "state_of"]

#: What a home goes without after a disaster: the utility names the state.
_UTILITIES = {
    "water": "without_water",
    "power": "without_power",
    "electricity": "without_power",
    "blackout": "without_power",
}
#: Adjectives of a utility's supply: "without electrical supply", "without electric power".
_UTILITY_ADJECTIVES = {"electrical": "without_power", "electric": "without_power"}
#: Adjectives and participles of people no one can reach.
_ISOLATED = frozenset({"isolated", "inaccessible", "stranded", "unreachable"})
#: Verbs of staying somewhere: "staying at shelters", "remain in evacuation centres".
_STAY = frozenset({"stay", "remain", "live", "sleep", "be", "continue", "take"})
#: Nouns for a place where evacuees stay.
_SHELTERS = frozenset({"shelter", "centre", "center", "camp", "gymnasium"})
#: Nouns of a shaking of the ground: counted, the number counts the shocks themselves.
QUAKE_NOUNS = frozenset({"quake", "earthquake", "tremor", "aftershock", "temblor"})


def quake_count(anchor: Token, noun: Token | None) -> bool:
    """Whether the number counts quakes ("1,045 earthquakes", "more than 400 aftershocks"): a
    plural quake noun the number is a count of. "A 6.1 magnitude quake" and "the 7.6 quake" are
    one quake's magnitude (a singular noun), never a count."""
    return noun is not None and lemma(noun) in QUAKE_NOUNS and noun.tag_ == "NNS" and anchor.head == noun


def own_state(anchor: Token, noun: Token | None) -> str | None:
    """The state a participle on the number's own noun names ("40,000 households left without
    water", "people cut off by landslides"): nearer than any verb the noun is joined to, so it
    wins over an event the parse lends the noun ("with 14,000 people still evacuating and 40,000
    households left without water": the households are without water, not evacuating)."""
    node = _counted(anchor, noun)
    for c in node.children:
        if c.dep_ in ("acl", "amod", "relcl"):
            found = _verb_state(c)
            if found:
                return found
    return None


def state_of(anchor: Token, noun: Token | None) -> str | None:
    """The state the number's noun (or the number) is left in, by a participle on it or by its
    verb ("remained without water", "have no power", "are staying at shelters", "leaving 23,000
    homes without power"), or None."""
    found = own_state(anchor, noun)
    if found:
        return found
    node = _counted(anchor, noun)
    if node.dep_ in ("nsubj", "nsubjpass"):
        return _verb_state(node.head)
    if node.dep_ == "dobj" and lemma(node.head) == "leave":
        return _verb_state(node.head)  # "leaving 23,000 homes without power"
    return None


def _counted(anchor: Token, noun: Token | None) -> Token:
    """The noun standing for the count: its own, or the tally it is "a total of"."""
    node = noun if noun is not None else anchor
    while node.dep_ == "pobj" and node.head.lower_ == "of" and lemma(node.head.head) in TALLY_NOUNS:
        node = node.head.head  # "a total of 114,796 households remained without water"
    return node


def _verb_state(verb: Token) -> str | None:
    """The state a verb (with its complements) puts its subject in."""
    if lemma(verb) == "cut" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return "isolated"  # "1,700 people were still cut off"
    if verb.lower_ in _ISOLATED:
        return "isolated"
    if lemma(verb) == "shelter" and verb.pos_ == "VERB":
        return "evacuated"  # "continuing to shelter in evacuation centres"
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "without":
            found = _utility(c)
            if found:
                return found
        if c.dep_ in ("acomp", "oprd", "xcomp", "attr") and c.lower_ in _ISOLATED:
            return "isolated"  # "2,600 people remain isolated"
        if c.dep_ in ("acomp", "oprd", "xcomp", "advcl"):
            found = _verb_state(c) if c.pos_ in ("VERB", "ADJ") and c != verb else None
            if found:
                return found  # "were left without water", "continuing to shelter"
        if (
            c.dep_ == "dobj"
            and lemma(verb) == "have"
            # "8,200 houses have no power", "150,000 customers do not have electricity"
            and (any(g.lower_ == "no" for g in c.children) or any(g.dep_ == "neg" for g in verb.children))
        ):
            found = _UTILITIES.get(lemma(c))
            if found:
                return found  # "8,200 houses have no power"
        if (
            c.dep_ == "prep"
            and c.lower_ in ("at", "in")
            and lemma(verb) in _STAY
            and any(g.dep_ == "pobj" and lemma(g) in _SHELTERS and _shelter(g) for g in c.children)
        ):
            return "evacuated"  # "15,000 people are staying at temporary shelters"
    return None


def _utility(prep: Token) -> str | None:
    """ "without (running) water", "without water supply", "without electricity"."""
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        found = _UTILITIES.get(lemma(obj))
        if found:
            return found
        for g in obj.children:  # "without water supply": the utility is the compound
            if g.dep_ == "compound" and _UTILITIES.get(lemma(g)):
                return _UTILITIES[lemma(g)]
            if g.dep_ == "amod" and _UTILITY_ADJECTIVES.get(g.lower_):
                return _UTILITY_ADJECTIVES[g.lower_]  # "without electrical supply"
    return None


def _shelter(noun: Token) -> bool:
    """A shelter noun that names a shelter: "shelters", "evacuation centres", "relief camps";
    a "centre" or "camp" only with a word of refuge before it (not "the city centre")."""
    if lemma(noun) == "shelter":
        return True
    return any(
        lemma(g) in ("evacuation", "evacuee", "relief", "refugee", "shelter", "temporary")
        for g in noun.children
        if g.dep_ in ("compound", "amod")
    )
