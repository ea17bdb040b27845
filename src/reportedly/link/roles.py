"""How a source's words name the body it speaks for: "a spokesperson for the Libyan Red
Crescent", "WMO chief", "officials of the UN refugee agency", "the ministry's figures".

Split from :mod:`.entities`: these are readings of one phrase, the index decides what they join.
"""

from __future__ import annotations

import re

from ..extract.roles import same_stem

#: "researchers of NORSAR", "officials from the ministry": people speaking for an organisation.
MEMBER = re.compile(
    r"^(?:(?:an?|the|some|two|three|several)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:researchers?|scientists?|seismologists?|experts?|analysts?|officials?|representatives?|"
    r"spokes(?:man|woman|person)|staff|team|members?|statement|report|data|figures|statistics|estimates?|"
    r"assessments?|analys[ie]s)"
    r"\s+(?:(?:collected|published|released|compiled|issued)\s+)?(?:of|from|at|by|for)\s+(?P<org>.+)$",
    re.I,
)
#: "the National Resistance Center statement": what an organisation published, not the organisation.
PUBLISHED = re.compile(
    r"^(?P<org>.*[A-Z].*?)\s+(?:statement|report|data|figures|statistics|tally)"
    r"(?:\s+(?:for|from|of|on|in)\s+[^A-Z]*(?:[A-Z][a-z]+day|[a-z]+)(?:'s)?(?:\s+[a-z]+)*)?$"
)

#: "an unclassified U.S. intelligence assessment delivered to Congress", "a French intelligence
#: report": what a body described by its country and domain found, written as the source.
ASSESSED = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:unclassified|declassified|classified|new|latest|preliminary|initial|final)\s+)*"
    r"(?P<org>[^a-z\s][^\s]*(?:\s+[\w.'’-]+)*?)\s+(?:assessment|report|analysis|estimate|review)s?"
    r"(?:\s+(?:delivered|provided|sent|given|presented|released)\s+to\s+.+)?$"
)

_SPOKES = r"(?:spokes(?:man|woman|person|people|men|women)|press\s+(?:secretary|officer))"
_SPOKEN_FOR = re.compile(rf"\b{_SPOKES}\s+(?:for|of|at|to)\s+(?P<after>.+)$", re.I)
_SPOKEN_BEFORE = re.compile(
    rf"^(?:(?:the|a|an|chief|main|top|deputy|senior|official)\s+)*(?P<before>.+?)\s+{_SPOKES}$", re.I
)


_LEADER = r"(?:head|chief|director(?:[\s-]general)?|secretary[\s-]general|leader|chairman|chairwoman|chair)"
#: "the head of the World Meteorological Organization", "chief of the UN agency": a title, not a name.
HEAD_OF = re.compile(rf"^(?:the\s+)?(?:[\w-]+\s+)?{_LEADER}\s+of\s+(?P<org>.*[A-Z].*)$", re.I)
_LED_BEFORE = re.compile(rf"^(?:the\s+)?(?P<org>.+?)\s+{_LEADER}$", re.I)


def led_body(role: str) -> str | None:
    """The body a leader's role names: "WMO chief" -> "WMO", "head of the WHO" -> "the WHO"."""
    m = HEAD_OF.match(role.strip()) or _LED_BEFORE.match(role.strip())
    return m.group("org") if m else None


def spoken_for(role: str) -> str | None:
    """The body a spokesperson's role names: "spokesperson for the Israel Defense Forces",
    "Libyan Red Crescent spokesman", "chief Israeli military spokesperson"."""
    m = _SPOKEN_FOR.search(role.strip())
    if m:
        return re.sub(r"^(?:the|a|an)\s+", "", m.group("after").strip(" ,."), flags=re.I)
    m = _SPOKEN_BEFORE.match(role.strip())
    return m.group("before") if m else None


def publisher(org: str) -> str:
    """The body behind a published thing, innermost: "Libyan Red Crescent figures for Saturday's
    report" -> "Libyan Red Crescent"."""
    while (m := PUBLISHED.match(org)) and m.group("org") != org:
        org = m.group("org")
    return org


def named_org(phrase: str) -> bool:
    """Whether a phrase names a body (a capitalised word): "the Libyan Red Crescent", not "the ministry"."""
    return any(w[:1].isupper() for w in phrase.split() if w.lower() not in {"the", "a", "an"})


def role_fits(
    want: tuple[str, frozenset[str], frozenset[str]], have: tuple[str, frozenset[str], frozenset[str]]
) -> bool:
    """A role description holds a person's role: same noun and rank, every qualifier found."""
    return (
        have[0] == want[0]
        and have[2] == want[2]
        and all(any(same_stem(w, h) for h in have[1]) for w in want[1])
    )
