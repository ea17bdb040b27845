"""Korean: an act of an official body told in the outlet's voice, credited to the body.

"한덕수 국무총리는 국가 애도 기간을 11월 5일까지로 정했다." "대통령실은 전원 비상근무 체제에
돌입했다." No reporting verb: the outlet tells what a named official or office did. Another report
tells the same decision in its own words, and the gold set credits it to whoever made it (the
decision is that body's, not the outlet's finding), so the topic is the claim's source. Round 12.

Read only when the sentence has no cue, no quotation mark and no figure (figures are the outlet's
tally, :func:`.common.build_ledger`), its topic or subject first is an agent (an office, a title, a
person with a title: :func:`.ko.is_agent`), and it ends in a past declarative of a verb ("정했다",
"돌입했다"); a plan ("집중할 예정이다") or a state is not an act done. Asserted, unless its ending
says otherwise.
"""

from __future__ import annotations

from typing import Any

from ..model import ClaimKind, Stance
from .common import Attribution
from .ko import clean_name, content_stance, counts, is_agent, kiwi, topic_source

_PAST = {"었", "았", "였"}
_MARKS = "\"“”‘’'″«»"


def act(stext: str, base: int) -> Attribution | None:
    """The act a sentence tells (module docstring), or None."""
    if any(m in stext for m in _MARKS) or counts(stext):
        return None
    toks: list[Any] = kiwi().tokenize(stext)
    k = len(toks) - 1
    while k >= 0 and toks[k].tag in ("SF", "SP", "SSC"):
        k -= 1
    if k < 2 or toks[k].tag != "EF" or toks[k].form != "다":
        return None
    if toks[k - 1].tag != "EP" or toks[k - 1].form not in _PAST or toks[k - 2].tag not in ("VV", "XSV"):
        return None
    verb = k - 2
    if toks[verb].tag == "XSV" and verb > 0 and toks[verb - 1].tag == "NNG":
        verb -= 1  # "돌입했다": the noun made a verb
    topic = topic_source(toks, verb, base)
    if topic is None:
        return None
    (a, b), _, particle = topic
    phrase = stext[a - base : b - base]
    if not is_agent(phrase):
        return None
    start = toks[particle + 1].start if particle + 1 < len(toks) else b - base
    end = toks[k].start + toks[k].len
    body = stext[start:end]
    return Attribution(
        cue=(base + toks[verb].start, base + end),
        lemma=toks[verb].form,
        content=[(base + start, base + end)],
        stance=content_stance(body, Stance.ASSERTED),
        kind=ClaimKind.INDIRECT,
        source=(a, b),
        source_name=clean_name(phrase),
    )
