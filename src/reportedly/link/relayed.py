"""A news outlet credited with someone else's words: "The UN called for an inquiry, the BBC noted".

Extraction reads the outlet as the claim's only hop when a report credits another outlet with
a sentence whose own subject is the speaker ("Maui County said more than 100 firefighters were
battling the fires, Hawaii News reported"). The outlet did not originate that statement: it
passes on what the body it names said, as the outlet of a chain "according to CNN, the UN
stated" does (:func:`reportedly.link.entities.origin_of`). Counted under the outlet, the same
statement reported by a second outlet directly ("the United Nations called for …") counts as a
second origin. Here the named speaker of the content's opening clause becomes the claim's
origin, where the corpus knows that name as one entity. Only a verb of speech opens such a
clause: "the coast guard's claims that … were disputed" evaluates the claims, and stays the
outlet's. Split from :mod:`.corpus`, which calls it while building each claim's item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import EntityType
from .entities import Canonical

#: The content opens with a capitalised name and a verb of speech: "The United Nations called for",
#: "Maui County said", "Podolyak said". A possessive noun ("X's claims that") is not a speech verb.
_OPENING = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+)?[A-Z][\w.'’-]*){0,6})\s+"
    r"(?:has\s+|have\s+|had\s+)?"
    r"(?:said|says|called|calls|urged|urges|demanded|demands|announced|announces|warned|warns|stated"
    r"|states|told|confirmed|confirms)\b"
)


def relayed_speaker(content: str, canonicals: Callable[[], Iterable[Canonical]]) -> Canonical | None:
    """The one entity of the corpus (``canonicals()``, asked only when the content opens with a
    speaker) named by a content's opening speaker, or None.

    A name matches an entity's name or alias (a leading "the" and case aside), or a person's
    surname; news outlets, relays and unnamed groups are never the speaker found. Two entities
    that fit, or none, give None: the claim stays the outlet's."""
    m = _OPENING.match(content.strip())
    if m is None:
        return None
    name = _plain(m.group("name"))
    fits: dict[str, Canonical] = {}
    for c in canonicals():
        if c.relay or c.anonymous or c.type is EntityType.MEDIA_OUTLET:
            continue
        names = {_plain(a) for a in (c.name, *c.aliases)}
        if c.type is EntityType.PERSON and len(c.name.split()) > 1:
            names.add(_plain(c.name.split()[-1]))
        if name in names:
            fits[c.key] = c
    return next(iter(fits.values())) if len(fits) == 1 else None


def _plain(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I).casefold()
