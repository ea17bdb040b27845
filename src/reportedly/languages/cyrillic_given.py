"""Figures given back: "Такі дані станом на 19:40 наводить пресслужба ДСНС." / "Такие данные
приводит МЧС." A sentence that opens with "these figures" and a verb of publishing names who told
the sentence before, as "Про це повідомив X" / "Об этом сообщил X" does (the finders' back
reference): the figures are X's, not the outlet's. "наводити" / "приводить" are no reporting verbs
elsewhere ("привело к пожару"), so the construction is read here whole, not through the verb list.

A decision is given back the same way: "У Татарстані оголосили жалобу. Таке рішення ухвалив
президент X." / "Такое решение принял X": the act before is X's (asserted: a decision is done, not
told). "Решением X объявлено …" / "Рішенням X оголошено …" opens a sentence whose rest X decided.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import ClaimKind, Stance
from .common import Attribution
from .cyrillic_tokens import Tok

_GIVEN = re.compile(
    r"\s*(?:такі|ці|такие|эти)\s+(?:дані|данные|цифри|цифры)\b[^.]*?\s"
    r"(?P<verb>(?:навод|привод|оприлюдни|опублікува|опубликова)\w*)\s+(?P<who>[^.!?]+)",
    re.IGNORECASE,
)


_DECIDED = re.compile(
    r"\s*(?:такое|это|таке|це)\s+(?:решение|рішення)\s+(?:[^.]*?\s)?"
    r"(?P<verb>(?:принял|принял[аи]|приняли|ухвалил|ухвалив|ухвалил[аи]|прийняв|прийнял[аи]))\s+(?P<who>[^.!?]+)",
    re.IGNORECASE,
)
_BY_DECISION = re.compile(r"\s*(?P<verb>решением|рішенням)\s+", re.IGNORECASE)


def _decided(reader: Any, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
    """ "Такое решение принял X" (the sentence before is X's act) and "Решением X объявлено …" (the
    rest of this sentence is): the decider is the source, the act asserted."""
    m = _DECIDED.match(stext)
    if m is not None:
        back = reader.back_reference(toks, opened=True)
        who = [t for t in toks if t.start >= m.start("who") and not t.punct]
        content = back
    else:
        m = _BY_DECISION.match(stext)
        if m is None:
            return []
        who = []
        for t in toks:
            if t.start < m.end("verb") or t.punct:
                continue
            if t.text[0].isdigit() or t.pos in ("VERB", "PRTS", "PREP", "NUMR", "ADVB", "CONJ"):
                break  # the decider's name ends where the act begins ("… Минниханова 12 мая объявлено")
            who.append(t)
        rest = next((t for t in toks if t.start >= m.end("verb") and t not in who and not t.punct), None)
        content = (base + rest.start, base + len(stext.rstrip(" .!?"))) if who and rest else None
    if content is None or not who:
        return []
    source, name, hops = reader._source(who, stext, base)
    if source is None:
        return []
    return [
        Attribution(
            cue=(base + m.start("verb"), base + m.end("verb")),
            lemma=m.group("verb").lower(),
            content=[content],
            stance=Stance.ASSERTED,
            kind=ClaimKind.INDIRECT,
            source=source,
            source_name=name,
            hops=hops,
        )
    ]


def figures_given(reader: Any, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
    """The sentence before, told by whom "these figures" are given by (none: not this construction,
    or no sentence before)."""
    m = _GIVEN.match(stext)
    if m is None:
        return _decided(reader, toks, stext, base)
    back = reader.back_reference(toks, opened=True)
    who = [t for t in toks if t.start >= m.start("who") and not t.punct]
    if back is None or not who:
        return []
    source, name, hops = reader._source(who, stext, base)
    if source is None:
        return []
    body = reader._text[back[0] : back[1]]
    return [
        Attribution(
            cue=(base + m.start("verb"), base + m.end("verb")),
            lemma=m.group("verb").lower(),
            content=[back],
            stance=reader.content_stance(body, Stance.REPORTED),
            kind=ClaimKind.INDIRECT,
            source=source,
            source_name=name,
            hops=hops,
        )
    ]
