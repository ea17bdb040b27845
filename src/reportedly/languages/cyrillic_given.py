"""Figures given back: "Такі дані станом на 19:40 наводить пресслужба ДСНС." / "Такие данные
приводит МЧС." A sentence that opens with "these figures" and a verb of publishing names who told
the sentence before, as "Про це повідомив X" / "Об этом сообщил X" does (the finders' back
reference): the figures are X's, not the outlet's. "наводити" / "приводить" are no reporting verbs
elsewhere ("привело к пожару"), so the construction is read here whole, not through the verb list.
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


def figures_given(reader: Any, toks: list[Tok], stext: str, base: int) -> list[Attribution]:
    """The sentence before, told by whom "these figures" are given by (none: not this construction,
    or no sentence before)."""
    m = _GIVEN.match(stext)
    if m is None:
        return []
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
