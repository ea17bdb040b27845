"""The words of measures: the events and states a number counts (``EVENTS``), the nouns that
name a tally ("toll", "total") and the verbs that move one ("rose to", "put at"). Shared by
measure typing, scope and date reading, place reading and outlet claims."""

from __future__ import annotations

#: Lemmas (nouns, verbs, adjectives) naming an event or state a number counts, by class.
EVENTS: dict[str, str] = {
    **dict.fromkeys(
        [
            "kill",
            "die",
            "dead",
            "death",
            "fatality",
            "fatal",
            "perish",
            "drown",
            "death-toll",
            "deceased",
            "body",
            "life",
            "lives",
            "martyr",  # "471 martyrs", "1,000 people martyred": the dead, as one side's outlets name them
        ],
        "killed",
    ),
    **dict.fromkeys(["injure", "wound", "hurt", "injury", "injured", "wounded"], "injured"),
    **dict.fromkeys(["casualty", "casualties"], "killed_or_injured"),
    **dict.fromkeys(["miss", "missing", "unaccounted"], "missing"),
    **dict.fromkeys(["evacuate", "evacuation", "evacuee", "relocate", "flee"], "evacuated"),
    **dict.fromkeys(["displace", "displacement", "homeless", "refugee"], "displaced"),
    # who lived through it is who was rescued alive: "104 survivors", "only 104 people survived"
    **dict.fromkeys(["rescue", "survive", "survivor"], "rescued"),
    **dict.fromkeys(["treat", "treatment", "outpatient"], "treated"),
    **dict.fromkeys(
        ["hospitalize", "hospitalise", "hospitalized", "hospitalised", "hospital"], "hospitalised"
    ),
    **dict.fromkeys(["arrest", "detain", "detention", "apprehend", "jail", "imprison"], "arrested"),
    **dict.fromkeys(["charge", "indict", "remand"], "charged"),
    **dict.fromkeys(["plead", "guilt", "guilty"], "pleaded_guilty"),
    **dict.fromkeys(["deploy", "dispatch", "station"], "deployed"),
    **dict.fromkeys(["send", "ship", "deliver", "supply", "transfer", "export"], "sent"),
    **dict.fromkeys(["flood", "submerge", "inundate", "underwater"], "flooded"),
    **dict.fromkeys(["destroy", "collapse", "raze"], "destroyed"),
    **dict.fromkeys(["damage"], "damaged"),
    **dict.fromkeys(["burn"], "burned"),  # "850 hectares burned", "homes were burned down"
    # the dead laid to rest: a count of its own, a part of the toll that grows behind it ("2,530
    # of the dead had been buried"); not who lies under rubble (see measure_what._event)
    **dict.fromkeys(["bury", "burial"], "buried"),
    **dict.fromkeys(["affect"], "affected"),
    # what is taken away after a disaster, by weight: "the removal of 50,000 tonnes of wreckage",
    # "crews removed 3,000 tonnes of debris" (a count of its own, growing as the work goes on)
    **dict.fromkeys(["remove", "removal"], "removed"),
    # the dead (or the missing) named so far: a count of its own, which rises as the toll's does
    **dict.fromkeys(["identify", "identified", "identity"], "identified"),
    # the dead not yet named: a count of its own that falls as the identified rise ("81 bodies
    # remain unidentified", "29 victims are yet to be identified")
    **dict.fromkeys(["unidentified", "unidentifiable"], "not_identified"),
    **dict.fromkeys(["magnitude"], "magnitude"),
}
#: Verbs that attack: the people who do it are the event's attackers ("the four men who attacked
#: the hall", "three people in camouflage opened fire"), a count of the event itself.
ATTACK_VERBS = frozenset(["attack", "storm", "shoot", "ambush", "raid", "gun"])

#: Verbs that take their event as an object: "suffered injuries", "received outpatient care",
#: "admitted guilt", "needed treatment", "lost their lives": the number counts who undergoes the
#: object's event.
LIGHT_VERBS = frozenset(["suffer", "sustain", "receive", "admit", "need", "require", "undergo", "lose"])

#: Nouns an amount of money is the value of: "the cost to rebuild was estimated at $5.5 billion",
#: "$1 billion in damage", "losses of $3 billion". Such an amount is typed as a cost.
MONEY_NOUNS = frozenset(["cost", "damage", "loss", "bill"])

#: Nouns that stand for a tally of something else: the thing comes from around them.
TALLY_NOUNS = frozenset(["toll", "number", "total", "tally", "count", "figure", "sum"])
#: Nouns a figure is the span of ("the low end of the 100 to 300 spectrum"): a tally to measure
#: typing only; a sentence about "the range" is no count an outlet states.
RANGE_NOUNS = frozenset(["spectrum", "range"])

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
        "sit",  # "the confirmed death toll currently sits at 95", as "stands at"
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
        "total",  # "the death toll totaled 213": the verb of the tally noun
        "estimate",  # "estimated the death toll at 300", as "put the toll at 300"
        "surpass",
        # a tally told going down or corrected is still that tally: "fell from 41 to 31",
        # "revised the number of deaths down to 97", "pegged the toll at 3,958"
        "fall",
        "drop",
        "decline",
        "lower",
        "revise",
        "adjust",
        "update",
        "peg",
        "place",
        "set",
        "move",
        "fix",  # "the final toll has been fixed at 275"
        "go",  # "the toll could go up to 500" (a tally noun must be what goes)
        "total",  # "the death toll totaled 213 as of Thursday"
        # a tally told by how many times it grew: "the number of missing more than tripled to 323"
        "double",
        "triple",
        "quadruple",
    ]
)
