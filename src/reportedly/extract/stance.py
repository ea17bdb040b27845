"""Stance rules that read the content and the words around the cue, in one module.

The cue word gives a first stance (:func:`reportedly.extract.drafts.cue_stance`:
*said* asserts, *denied* denies). Real news often says more about how surely a
source speaks than the cue does, and a fact-checker needs that reading kept:

* a **non-denial** ("has not denied", "did not dispute") is ``no_comment`` with
  the flag ``not_denied``, never ``denied``: nothing was rejected;
* a **refusal or referral** ("declined to confirm", "referred questions to the
  defence ministry", "does not feel the need to confirm it", "did not specify",
  "cannot comment", "I will leave this question unanswered", "look at the
  information coming from the police") is ``no_comment``: the source did not
  speak on the point;
* a **rejection in the content** ("has nothing to do with", "no … involvement",
  "does not stand up to any criticism", "groundless"), the speaker's own
  institution rejecting ("adding that the Kremlin rejected accusations", said by
  the Kremlin spokesman) and "continue to deny" are ``denied``;
* a **doubt or inability to verify** ("cannot corroborate", "could not
  independently verify", "remains unconfirmed", "hard to say", "does not
  believe", "no solid evidence") is ``unverified``;
* a **condition** ("if …", "unless …", "raised the prospect of") is
  ``conditional``, and its clause stays in the content;
* a **forecast** ("is likely to rise", "will double", "could be flooded",
  "risks flooding", "it is likely that … will") is ``expected``; a plain future
  ("the terminal will open in the spring") stays the speaker's statement;
* an **assessment inside a quotation** ("we assess", "we believe", "we think",
  "our estimate") is ``estimated``;
* a **hedged cause or blame** ("likely caused", "might have been due to",
  "suggested Russia is responsible", "pointed to a possible connection", "it was
  highly likely … was caused by") is ``suspected``;
* an **official confirmation** ("officially confirmed", "confirmed deaths",
  "confirmed dead") is ``confirmed``.

Negation and hedges inside quotations count like any other words: the rules read
the content as written, quoted or not. The order matters and is the order above:
what the source refuses, rejects or doubts is decided before what it forecasts,
and a forecast before a plain assessment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Stance

#: Cue lemmas that reject what they report; negated, they reject nothing.
DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
#: Cue lemmas whose negation is a doubt: "does not believe", "did not think".
BELIEF_CUES = frozenset({"believe", "think", "expect", "assess", "estimate", "know"})

_SPEAK = (
    r"(?:comment|confirm|deny|say|discuss|disclose|answer|elaborate|speculate|specify|respond|verify|name"
    r"|identify)"
)

#: Refusals and referrals: the source does not speak on the point.
REFUSAL = re.compile(
    rf"\b(?:declin(?:e|ed|es|ing)|refus(?:e|ed|es|ing)|would\s+not|wouldn't|will\s+not|won't)\s+"
    rf"(?:to\s+)?(?:publicly\s+|immediately\s+|officially\s+)?{_SPEAK}"
    r"|\brefer(?:red|s|ring)?\s+(?:all\s+)?(?:questions|inquiries|enquiries|requests|reporters|journalists)\s+to\b"
    r"|\b(?:feel|feels|felt)\s+the\s+need\s+to\s+(?:confirm|comment|deny|explain)"
    r"|\bno\s+need\s+to\s+(?:confirm|comment|deny)"
    r"|\b(?:did|does|do|would)\s+not\s+(?:specify|say\s+(?:what|who|why|how|whether|when|where))"
    r"|\bdidn't\s+(?:specify|say\s+(?:what|who|why|how|whether))"
    r"|\b(?:cannot|can't|could\s+not|couldn't)\s+say\b"
    r"|\b(?:cannot|can't|could\s+not|couldn't|unable\s+to|not\s+able\s+to)\s+(?:\w+\s+)?comment\b"
    r"|\b(?:declin(?:e|ed|es|ing)|refus(?:e|ed|es|ing))\s+to\s+(?:publicly\s+)?"
    r"(?:provide|give|reveal|release|share|publish|discuss|explain)\b"
    r"|\b(?:leave|leaves|left|leaving)\s+(?:this|that|the|these|those|such)\s+(?:\w+\s+)?questions?\s+unanswered"
    r"|\b(?:wrong|inappropriate|premature|not\s+appropriate|too\s+early)\s+(?:for\s+[\w\s]{1,40}?)?to\s+"
    r"(?:comment|speculate)\b"
    r"|\b(?:look\s+at|refer\s+to|turn\s+to|wait\s+for)\s+(?:the\s+)?(?:information|statements?|data|updates?|"
    r"announcements?)\s+(?:coming\s+)?(?:from|of|by|issued\s+by)\b"
    r"|\bnot\s+have\s+(?:the\s+|enough\s+)?information\s+to\b"
    r"|\bno\s+comment\b",
    re.I,
)

#: Doubts and inability to verify: the source does not vouch for it.
DOUBT = re.compile(
    r"\b(?:cannot|can't|could\s+not|couldn't|unable\s+to|not\s+able\s+to|impossible\s+to|"
    r"(?:was|is|were|are)\s+not\s+possible\s+to|has\s+not\s+been\s+able\s+to)\s+"
    r"(?:yet\s+|immediately\s+|independently\s+)*(?:be\s+)?(?:independently\s+)?"
    r"(?:corroborat|verif|confirm|reconcil|establish|determin)\w*"
    r"|\b(?:remains?|remained|is\s+still|are\s+still|still)\s+(?:unconfirmed|unverified|unclear|unknown)"
    r"|\bunconfirmed\b|\bunverified\b"
    r"|\b(?:hard|difficult|too\s+early|impossible)\s+to\s+(?:say|tell|know)"
    r"|\b(?:do|does|did)\s+not\s+believe\b|\b(?:don't|doesn't|didn't)\s+believe\b"
    r"|\bno\s+(?:solid\s+|hard\s+|clear\s+|firm\s+|conclusive\s+)?(?:evidence|proof|confirmation)\b"
    r"|\bconflicting\s+(?:information|reports|claims|accounts)\b"
    r"|\brumou?red?\b|\brumou?rs\b",
    re.I,
)

#: A rejection written in the content: the source says a link or a claim does not hold
#: ("Ukraine has nothing to do with the attack", "there was no foreign involvement", "the statement
#: does not stand up to any criticism", "the reports are groundless").
REJECTION = re.compile(
    r"\b(?:has|have|had)\s+(?:absolutely\s+|certainly\s+|clearly\s+|simply\s+)?nothing\s+to\s+do\s+with\b"
    r"|\bno\s+(?:\w+\s+){0,2}involvement\b"
    r"|\b(?:does|do|did)\s+not\s+stand\s+up\s+to\b|\b(?:doesn't|don't|didn't)\s+stand\s+up\s+to\b"
    r"|\b(?:groundless|baseless|unfounded)\b",
    re.I,
)

_DENIALS = "denied|rejected|dismissed|refuted|denies|rejects|dismisses|refutes|deny|reject|dismiss|refute"
#: A content that opens with its subject rejecting something ("that the Kremlin "decisively
#: rejected" accusations …"): a denial when that subject is the speaker (see :func:`_self_rejection`).
_REJECTING_SUBJECT = re.compile(
    r"^\W{0,2}(?:that\s+)?(?:the\s+)?(?P<subject>[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)\s+"
    r"(?:has\s+|had\s+|have\s+)?\W?(?:\w+ly\s+)?\W?"
    rf"(?:{_DENIALS})\b",
    re.I,
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
#: A denial carried by an aspect verb, whose lemma the cue takes: "continue to deny any involvement".
_ASPECT_DENIAL = re.compile(
    r"\b(?:continu\w*|keeps?|kept|keeping)\s+(?:on\s+)?(?:to\s+)?"
    r"(?:deny|denying|reject|rejecting|dismiss|dismissing|refute|refuting)\b",
    re.I,
)

#: A content that opens with a condition, or a prospect raised: the claim holds only under it.
CONDITIONAL = re.compile(
    r"^\W{0,2}(?:that\s+)?(?:if|unless|should\s+\w+\s+(?:be|happen))\b|\b(?:raised|raises|raise)\s+the\s+prospect\b"
    r"|^\W{0,2}(?:the\s+)?prospect\s+of\b",
    re.I,
)

#: Forecasts: what is expected to happen, not what happened.
FORECAST = re.compile(
    r"\b(?:is|are|was|were|remains?)\s+(?:also\s+)?(?:almost\s+)?(?:expected|likely|set|certain|feared|projected|"
    r"forecast|predicted|poised|bound)\s+to\s+(?:keep\s+|continue\s+|further\s+)?"
    r"(?:rise|rising|increase|climb|grow|go\s+up|mount|exceed|top|surpass|double|triple|reach|hit|fall|drop)"
    r"|\b(?:could|may|might|will|would|'ll)\s+(?:still\s+|further\s+|likely\s+|probably\s+|soon\s+)?"
    r"(?:rise|climb|increase|grow|double|triple|mount|exceed|surpass|top|reach|result\s+in|"
    r"be\s+(?:flooded|submerged|affected|inundated|displaced|higher|much\s+higher)|flood|go\s+up)"
    r"|\b(?:risks?|risking|threat\s+of|danger\s+of|at\s+risk\s+of)\s+(?:\w+\s+)?(?:flooding|being\s+flooded|collapse)"
    r"|\bdangerous\s+zone\b"
    # a future framed by a likelihood ("it is likely that Russia will continue to …"); a plain
    # future is the speaker's statement ("the terminal will open in the spring": asserted)
    r"|\b(?:it\s+(?:is|was)|it's)\s+\W?(?:highly\s+|very\s+|most\s+|quite\s+)?(?:likely|probable|certain)\W?\s+"
    r"(?:that\s+)?[\w\s'’,-]{0,60}?\b(?-i:will|would|'ll)\s"
    r"|\b(?:feared|fears?)\s+(?:that\s+)?(?:the\s+)?[\w\s]{0,30}?\b(?:would|will|could)\s+(?:rise|increase|climb)",
    re.I,
)

#: A judgement inside the speaker's own words: "we assess", "we believe", "our estimate".
ASSESSMENT = re.compile(
    r"\b(?:we|I)\s+(?:(?:now|still|strongly|also)\s+)?(?:assess|believe|estimate|reckon|judge|calculate|think)\b"
    r"|\bour\s+(?:best\s+)?(?:assessment|estimate|estimates|judgement|judgment)\b"
    r"|\b(?:the|an|its)\s+estimated\s+(?:toll|number|figure|death|cost)"
    r"|\b(?:might|may)\s+have\s+(?:died|been\s+(?:killed|made|left|displaced|affected))\b",
    re.I,
)

#: A hedged cause or blame: suspicion, not an assertion of fact.
SUSPICION = re.compile(
    r"\b(?:likely|probably|possibly|may\s+have|might\s+have|could\s+have|most\s+likely)\s+"
    r"(?:been\s+)?(?:caused|due\s+to|behind|responsible|the\s+result\s+of|set\s+off|triggered|blown|destroyed|"
    r"planted|the\s+culprit)"
    r"|\b(?:is|are|was|were)\s+(?:likely|probably|possibly)\s+(?:responsible|behind|to\s+blame)"
    r"|\bleaning\s+towards?\b"
    r"|\bevidence\s+(?:\w+\s+)?(?:suggests|suggested|suggesting|points|pointed|pointing|indicates|indicated|"
    r"indicating)\b"
    r"|\bpoint(?:s|ed|ing)?\s+to\s+(?:a\s+|the\s+)?(?:possible|potential|likely|probable)\b"
    r"|\b(?:a|the)\s+(?:possible|potential|suspected)\s+(?:\w+\s+)?(?:link|connection|involvement|role)\b"
    r"|\bsuggest(?:s|ed|ing)?\s+(?:that\s+)?[\w\s'’-]{0,60}?\b(?:is|was|were|are|had\s+been|has\s+been)\s+"
    r"(?:\w+\s+)?(?:responsible|behind|to\s+blame|the\s+culprit|caused|crippled|destroyed|blown)\b"
    r"|\b(?:it\s+(?:is|was)|it's)\s+\W?(?:highly\s+|very\s+|most\s+|quite\s+)?(?:likely|probable|possible)\W?\s+"
    r"(?:that\s+)?[\w\s'’-]{0,80}?\b(?:caused|behind|responsible|to\s+blame|planted|blown|destroyed|set\s+off)\b"
    r"|\b(?:analysts|officials|experts|investigators|intelligence|police|they|we|I|he|she|who)\s+"
    r"(?:\w+\s+)?(?:suspect|suspects|suspected)\s+(?:that\s+)?\w+"
    r"|\b(?:the\s+)?(?:likely|probable|possible)\s+(?:cause|trigger|culprit)\b",
    re.I,
)

#: The source vouches the figure was confirmed.
CONFIRMATION = re.compile(
    r"\bofficially\s+confirmed\b|\bconfirming\s+that\b"
    r"|\bconfirmed\s+(?:dead|deaths?|fatalities|death\s+toll|toll|killed|casualties|cases|victims)\b"
    r"|\b(?:are|is|were|was|been|have\s+been|has\s+been)\s+confirmed\s+(?:dead|killed|to\s+have\s+died)\b",
    re.I,
)

#: Stances a content may override: a plain statement, an estimate, an outlet's report.
_OPEN = frozenset({Stance.ASSERTED, Stance.ESTIMATED, Stance.REPORTED})


@dataclass(frozen=True, slots=True)
class StanceReading:
    """The stance decided for a claim, and whether it is a non-denial (``not_denied``)."""

    stance: Stance
    not_denied: bool = False


def read_stance(
    stance: Stance,
    *,
    cue_lemma: str,
    negated: bool,
    content: str,
    cue_context: str = "",
    speaker: str = "",
) -> StanceReading:
    """The stance of a claim from its cue's stance, the negation on the cue, its content and the
    words around the cue (``cue_context``: the cue and what stands between it and the content,
    e.g. "declined to confirm" or "referred questions to"), and the speaker's names and roles
    (``speaker``: "Peskov Dmitry Peskov Kremlin spokesman"), which tell a rejection by the speaker's
    own institution ("the Kremlin rejected") from one the speaker reports of others.

    Rules run in the order the module docstring gives; the first that applies wins. A stance
    the cue already made specific (``denied``, ``suspected``, ``no_comment``, ``unverified``,
    ``expected``, ``conditional``) is only changed by the negation and refusal rules.
    """
    lemma = cue_lemma.lower()
    if lemma == "defend" and stance in _OPEN:
        return StanceReading(
            Stance.DENIED
        )  # "defended the response, which many criticised": rejects the criticism
    if lemma in DENIAL_CUES and negated:
        return StanceReading(Stance.NO_COMMENT, not_denied=True)  # "has not denied": nothing rejected
    if stance is Stance.NO_COMMENT:
        return StanceReading(stance)
    around = f"{cue_context} {content}"
    if REFUSAL.search(cue_context) or (stance in _OPEN and REFUSAL.search(_lead(f"{cue_context} {content}"))):
        return StanceReading(Stance.NO_COMMENT)
    if stance is Stance.CONFIRMED and negated:
        return StanceReading(Stance.UNVERIFIED)  # "could not (independently) verify/confirm"
    if lemma in BELIEF_CUES and negated:
        return StanceReading(Stance.UNVERIFIED)  # "does not believe there was direct combat"
    if stance in (Stance.DENIED, Stance.SUSPECTED, Stance.UNVERIFIED, Stance.EXPECTED, Stance.CONDITIONAL):
        return StanceReading(stance)
    if REJECTION.search(content) or _self_rejection(content, speaker) or _ASPECT_DENIAL.search(cue_context):
        return StanceReading(Stance.DENIED)
    if DOUBT.search(around):
        return StanceReading(Stance.UNVERIFIED)
    if CONDITIONAL.search(content):
        return StanceReading(Stance.CONDITIONAL)
    if FORECAST.search(content):
        return StanceReading(Stance.EXPECTED)
    if SUSPICION.search(content) or (lemma == "suggest" and _BLAME.search(content)):
        return StanceReading(Stance.SUSPECTED)
    if ASSESSMENT.search(content):
        return StanceReading(Stance.ESTIMATED)
    if CONFIRMATION.search(content):
        return StanceReading(Stance.CONFIRMED)
    return StanceReading(stance)


#: What a suggestion of blame is about: "suggested Russia is responsible for the attack".
_BLAME = re.compile(r"\b(?:responsible|behind|to\s+blame|culprit|caused|deliberate)\b", re.I)


def _lead(content: str) -> str:
    """The first words of a content: a refusal there is the source's ("it would not comment"),
    one deep inside a long quotation is usually about someone else."""
    return " ".join(content.split()[:16])


def _self_rejection(content: str, speaker: str) -> bool:
    """Whether the content opens with the speaker (a pronoun, or a word of the speaker's names and
    roles) rejecting something: "adding that the Kremlin rejected accusations", said by the Kremlin
    spokesman, is his denial; "said Kyiv rejected the accusations" is not the speaker's."""
    m = _REJECTING_SUBJECT.search(content)
    if m is None:
        return False
    words = [w.lower() for w in re.findall(r"[\w'’]+", m["subject"])]
    if len(words) == 1 and words[0] in _PRONOUNS:
        return True
    names = {w.lower() for w in re.findall(r"[\w'’]+", speaker) if len(w) > 2}
    # the speaker's institution, or the body a role names ("the ministry", said by the minister)
    return bool(words) and any(_kin(words[-1], n) for n in names)


def _kin(a: str, b: str) -> bool:
    """One word, or two of one stem: ministry/minister, Russia/Russian (six letters shared)."""
    return a == b or (min(len(a), len(b)) >= 6 and a[:6] == b[:6])
