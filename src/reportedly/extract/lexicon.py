"""Word lists the rules rely on, kept in one place so they can be reviewed and extended.

Reporting verbs map to the stance they signal (GLOSSARY.md). The lists are
about the *function* of a word in news attribution, not about any one
article: they were drawn up from the general vocabulary of reporting verbs
and checked against PolNeAR train.
"""

from __future__ import annotations

import re

from ..model import Stance


def any_word(words: str) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, ignoring case: ``words`` are regular expressions split
    by white space, ``_`` standing for one space ("white_house"; write ``\\s+`` for any run of
    white space). A table of words is then read as one, not as a regular expression."""
    alternatives = "|".join(w.replace("_", " ") for w in words.split())
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


#: lemma -> stance for verbs that introduce attributed content.
REPORTING_VERBS: dict[str, Stance] = {
    # confirmed: the source vouches it has verified
    "confirm": Stance.CONFIRMED,
    "verify": Stance.CONFIRMED,
    "acknowledge": Stance.CONFIRMED,
    "admit": Stance.CONFIRMED,
    "concede": Stance.CONFIRMED,
    "corroborate": Stance.CONFIRMED,
    # asserted: a plain statement
    "say": Stance.ASSERTED,
    "tell": Stance.ASSERTED,
    "add": Stance.ASSERTED,
    "state": Stance.ASSERTED,
    "announce": Stance.ASSERTED,
    "write": Stance.ASSERTED,
    "insist": Stance.ASSERTED,
    "declare": Stance.ASSERTED,
    "note": Stance.ASSERTED,
    "explain": Stance.ASSERTED,
    "warn": Stance.ASSERTED,
    "argue": Stance.ASSERTED,
    "claim": Stance.ASSERTED,
    "stress": Stance.ASSERTED,
    "emphasize": Stance.ASSERTED,
    "emphasise": Stance.ASSERTED,
    "reiterate": Stance.ASSERTED,
    "maintain": Stance.ASSERTED,
    "testify": Stance.ASSERTED,
    "tweet": Stance.ASSERTED,
    "post": Stance.ASSERTED,
    "reply": Stance.ASSERTED,
    "respond": Stance.ASSERTED,
    "answer": Stance.ASSERTED,
    "continue": Stance.ASSERTED,
    "recall": Stance.ASSERTED,
    "predict": Stance.EXPECTED,
    "promise": Stance.ASSERTED,
    "pledge": Stance.ASSERTED,
    "vow": Stance.ASSERTED,
    "agree": Stance.ASSERTED,
    "disclose": Stance.ASSERTED,
    "reveal": Stance.ASSERTED,
    "indicate": Stance.ASSERTED,
    "suggest": Stance.ESTIMATED,
    "show": Stance.ASSERTED,
    "find": Stance.ASSERTED,
    "conclude": Stance.ESTIMATED,
    "inform": Stance.ASSERTED,
    "brief": Stance.ASSERTED,
    "complain": Stance.ASSERTED,
    "boast": Stance.ASSERTED,
    "remark": Stance.ASSERTED,
    "observe": Stance.ASSERTED,
    "contend": Stance.ASSERTED,
    "assert": Stance.ASSERTED,
    "mention": Stance.ASSERTED,
    "point": Stance.ASSERTED,  # "pointed out"
    "quote": Stance.ASSERTED,
    "describe": Stance.ASSERTED,
    # estimated: a judgement or a figure
    "estimate": Stance.ESTIMATED,
    "assess": Stance.ESTIMATED,
    "believe": Stance.ESTIMATED,
    "calculate": Stance.ESTIMATED,
    "think": Stance.ESTIMATED,
    "expect": Stance.EXPECTED,
    "project": Stance.EXPECTED,
    "forecast": Stance.EXPECTED,
    "judge": Stance.ESTIMATED,
    "reckon": Stance.ESTIMATED,
    "guess": Stance.ESTIMATED,
    "fear": Stance.ESTIMATED,
    "worry": Stance.ESTIMATED,
    "speculate": Stance.ESTIMATED,
    # suspected
    "suspect": Stance.SUSPECTED,
    "accuse": Stance.SUSPECTED,
    "allege": Stance.SUSPECTED,
    # reported
    "report": Stance.REPORTED,
    # denied
    "deny": Stance.DENIED,
    "reject": Stance.DENIED,
    "dismiss": Stance.DENIED,
    "refute": Stance.DENIED,
    "rebut": Stance.DENIED,
    "dispute": Stance.DENIED,
}

#: Verbs whose direct object (not only a clause) can be the attributed content:
#: "Seoul confirms North Korea's additional export", "the ministry denied the report".
OBJECT_CONTENT_VERBS = frozenset(
    {
        "confirm",
        "deny",
        "report",
        "announce",
        "acknowledge",
        "admit",
        "estimate",
        "reject",
        "dismiss",
        "verify",
        "reveal",
        "disclose",
        "predict",
        "allege",
        "dispute",
        "refute",
    }
)

#: Reporting verbs that need a clause or a quote: "add" alone ("added fuel") is not reporting.
CLAUSE_ONLY = frozenset(
    {
        "add",
        "show",
        "find",
        "continue",
        "post",
        "point",
        "describe",
        "note",
        "tell",
        "answer",
        "reply",
        "respond",
        "inform",
        "brief",
        "quote",
        "agree",
        "write",
        "think",
        "expect",
        "believe",
        "fear",
        "worry",
        "project",
        "judge",
        "guess",
        "promise",
        "pledge",
        "vow",
        "say",
        "state",
        "indicate",
        "suggest",
        "claim",
        "warn",
        "argue",
        "insist",
        "recall",
        "mention",
        "remark",
        "observe",
        "assert",
    }
)

#: Passive forms that attribute without naming anyone: "X has been suspected of", "X is believed to".
PASSIVE_VERBS: dict[str, Stance] = {
    "suspect": Stance.SUSPECTED,
    "accuse": Stance.SUSPECTED,
    "allege": Stance.SUSPECTED,
    "believe": Stance.ESTIMATED,
    "think": Stance.ESTIMATED,
    "estimate": Stance.ESTIMATED,
    "expect": Stance.EXPECTED,
    "report": Stance.REPORTED,
    "say": Stance.REPORTED,
    "rumor": Stance.REPORTED,
    "rumour": Stance.REPORTED,
    "confirm": Stance.CONFIRMED,
    "verify": Stance.CONFIRMED,
    "understand": Stance.ESTIMATED,
}

#: Verbs that, with a source as object, extend a chain: "citing X", "as cited by X", "briefed by X".
CITING_VERBS = frozenset({"cite", "quote", "brief", "inform", "tell", "source"})

#: Hedges recorded beside the stance. Multi-word hedges are matched on lowercased text.
HEDGE_WORDS = frozenset(
    {
        "likely",
        "unlikely",
        "may",
        "might",
        "could",
        "possibly",
        "probably",
        "perhaps",
        "reportedly",
        "allegedly",
        "apparently",
        "presumably",
        "seemingly",
        "purportedly",
        "supposedly",
    }
)
HEDGE_PHRASES = (
    "known to",
    "believed to",
    "expected to",
    "thought to",
    "appears to",
    "appear to",
    "seems to",
    "seem to",
    "said to",
    "suspected of",
    "is likely",
    "are likely",
)

#: Signals that the source itself says the information is not yet verified.
UNVERIFIED_PHRASES = (
    "conflicting information",
    "conflicting reports",
    "process of confirming",
    "process of verifying",
    "could not be independently verified",
    "could not independently verify",
    "could not be verified",
    "could not immediately verify",
    "could not immediately confirm",
    "could not confirm",
    "cannot confirm",
    "can't confirm",
    "unable to confirm",
    "unable to verify",
    "not yet confirmed",
    "not been confirmed",
    "not been verified",
    "still verifying",
    "still confirming",
    "yet to confirm",
    "yet to be confirmed",
    "trying to verify",
    "working to verify",
    "seeking to confirm",
)

#: Heads of noun phrases that describe people without naming them (anonymous when no name is given).
GROUP_NOUNS = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "person",
        "people",
        "diplomat",
        "diplomats",
        "lawmaker",
        "lawmakers",
        "legislator",
        "legislators",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "insider",
        "insiders",
        "aide",
        "aides",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "resident",
        "residents",
        "local",
        "locals",
        "villager",
        "villagers",
        "rescuer",
        "rescuers",
        "medic",
        "medics",
        "volunteer",
        "volunteers",
        "survivor",
        "survivors",
        "witness",
        "witnesses",
        "investigator",
        "investigators",
        "authority",
        "authorities",
        "commander",
        "commanders",
        "officer",
        "officers",
        "staffer",
        "staffers",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "member",
        "members",
        "senator",
        "senators",
        "researcher",
        "researchers",
        "scientist",
        "scientists",
        "doctor",
        "doctors",
        "critic",
        "critics",
        "supporter",
        "supporters",
        "voter",
        "voters",
        "activist",
        "activists",
        "negotiator",
        "negotiators",
        "prosecutor",
        "prosecutors",
        "executive",
        "executives",
        "employee",
        "employees",
        "worker",
        "workers",
        "soldier",
        "soldiers",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "economist",
        "economists",
        "minister",
        "ministers",
        "leader",
        "leaders",
        "representative",
        "representatives",
        "agent",
        "agents",
        "delegate",
        "delegates",
        "governor",
        "manager",
        "managers",
        "director",
        "chief",
        "head",
        "envoy",
        "envoys",
        "ambassador",
        "partner",
        "media",
        "report",
        "reports",
    }
)

#: Lemmas of listeners that are not people by name: "told the audience", "told a rally in Ohio".
AUDIENCE_NOUNS = frozenset(
    {
        "audience",
        "crowd",
        "forum",
        "meeting",
        "gathering",
        "conference",
        "convention",
        "rally",
        "reporter",
        "journalist",
        "interviewer",
        "host",
        "panel",
        "committee",
        "hearing",
        "supporter",
        "voter",
        "viewer",
        "listener",
        "student",
        "congregation",
        "room",
        "group",
    }
)
#: Whom "told" can address and still report ("told officials", "told the crowd").
LISTENER_NOUNS = GROUP_NOUNS | AUDIENCE_NOUNS

#: Words that mark a description as deliberately anonymous.
ANONYMITY_MARKERS = frozenset(
    {
        "unidentified",
        "unnamed",
        "anonymous",
        "undisclosed",
        "familiar",
        "briefed",
        "knowledgeable",
        "speaking",
        "anonymity",
    }
)

#: Nouns that refer back to an earlier entity of a given type ("the newspaper said"): each line
#: a group of nouns, then the types they may refer back to, the likelier first.
ANAPHORIC_NOUNS: dict[str, tuple[str, ...]] = {
    noun: tuple(types.split())
    for line in """
        newspaper paper daily outlet broadcaster network magazine publication: media_outlet
        agency: agency media_outlet
        service: agency
        ministry department: government agency
        government administration: government country
        company firm: organization
        group: organization official_group
        organization organisation: organization
        military army: military_unit country
        court: government organization
        committee: organization government
        country: country
    """.strip().splitlines()
    for nouns, types in [line.split(":")]
    for noun in nouns.split()
}

#: Demonyms normalised to a country's short name inside group descriptions.
DEMONYMS: dict[str, str] = {
    "american": "U.S.",
    "u.s.": "U.S.",
    "us": "U.S.",
    "south korean": "South Korean",
    "north korean": "North Korean",
    "russian": "Russian",
    "ukrainian": "Ukrainian",
    "chinese": "Chinese",
    "japanese": "Japanese",
    "british": "British",
    "french": "French",
    "german": "German",
    "western": "Western",
}

#: Titles dropped from person names ("President Joe Biden" -> "Joe Biden").
TITLES = frozenset(
    {
        "president",
        "prime",
        "minister",
        "sen.",
        "senator",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "gen.",
        "general",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chairman",
        "chairwoman",
        "director",
        "chief",
        "ambassador",
        "judge",
        "justice",
        "mayor",
        "lt.",
        "col.",
        "colonel",
        "adm.",
        "admiral",
        "vice",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "state",
        "sir",
        "lord",
        "pope",
        "premier",
        "leader",
        "u.s.",
        "former",
        "then",
        "ceo",
        "commander",
        "lieutenant",
        "sgt.",
        "capt.",
        "captain",
    }
)

#: Common nouns of an organised body ("the ministry", "the agency", "the police"): what a figure
#: comes from ("figures from the regional administration", ``mentions``) and what "it" or "they"
#: may stand for in the outlet's narrative (``outlet``); each use adds its own few.
BODY_NOUNS = frozenset(
    {
        "government",
        "ministry",
        "agency",
        "organization",
        "organisation",
        "office",
        "department",
        "council",
        "committee",
        "service",
        "military",
        "police",
        "army",
    }
)

#: Words at the end of a headline after a colon that make it an attribution ("…: Ukraine official").
HEADLINE_SOURCE_HEADS = frozenset(
    GROUP_NOUNS
    | {
        "report",
        "reports",
        "study",
        "survey",
        "poll",
        "polls",
        "media",
        "kremlin",
        "ministry",
        "agency",
        "police",
        "military",
        "army",
        "government",
        "un",
        "nato",
        "sources",
        "data",
        "analysis",
        "court",
    }
)

#: Verbs that set a count or measure, their subject giving the figure ("put the toll at",
#: "raised/lowered/revised the toll to"): the *tallies* finder's cues (finders/tallies.py).
TALLY_VERBS = frozenset({"put", "raise", "lower", "revise", "update", "increase", "adjust"})
