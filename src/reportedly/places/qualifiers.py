"""Who holds a place, read from the words around its mention.

An agent and a control word before it ("Russian-occupied", "rebel-held", "Kyiv-controlled"),
or a bare "occupied"/"annexed", across words such as "parts of the", "the left bank of"; and
the words after it ("…, which is occupied by Russia", "under Russian control").
:func:`qualify` adds them to the mentions :func:`.mentions.find_mentions` found.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import PlaceMention
from .names import (
    BARE_CONTROL_WORDS,
    CONTROL_WORDS,
    GAP_WORDS,
    PARTY_NOUNS,
    fold_cached,
    party_is_national,
)

if TYPE_CHECKING:
    from .gazetteer import Places

_SIDE = re.compile(r"\b(left|right|east|west|eastern|western|northern|southern)\s+(bank|side)\b")
_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|that|now|currently|still|largely|partly|partially|temporarily|is|are|was|were|being)\s+)*"
    r"(?P<rel>occupied|held|controlled|annexed|run)\s+by\s+(?:the\s+)?(?P<agent>[^\W\d_][\w.’'-]*)"
    r"(?:\s+(?P<noun>[a-z]+))?"
    r"|^\s*,?\s*(?:which\s+(?:is|are|was|were)\s+)?under\s+(?:the\s+)?(?P<agent2>[^\W\d_][\w.’'-]*)"
    r"(?:\s+(?P<noun2>[a-z]+))?\s+(?P<rel2>control|occupation|rule)\b"
)


_POSSESSED = re.compile(
    r"^['’]s\s+(?:[a-z]+\s+){0,2}?(?P<agent>[^\W\d_]+)[-‑](?P<rel>occupied|held|controlled|run)\b"
)


_AFTER_REL = {"control": "controlled", "rule": "controlled", "occupation": "occupied"}


def _agent(places: Places, word: str, noun: str | None = None) -> str | None:
    """Who holds a place: a country's code for a country, demonym or capital; else the word."""
    if not word:
        return None
    w = word.strip(".-").lower()
    if noun in PARTY_NOUNS and not party_is_national(noun):
        return noun.rstrip("s") if noun in {"rebels"} else noun
    place = places.demonym(word)
    if place is None:
        hit = places.countries.keys.get(fold_cached(word))
        if hit:
            place = places.countries.by_id.get(hit[0])
    if place is None and word[:1].isupper():
        country = places.country_of_capital(word)
        place = country
    if place is not None:
        return place.country
    return w


def qualify(places: Places, text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    out = []
    prev_end = 0
    for mention in found:
        left = text[prev_end : mention.start]
        # stay in the sentence
        cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("; "))
        if cut >= 0:
            left = left[cut + 1 :]
        qualifier, side = _qualifier_before(places, left)
        right = text[mention.end : mention.end + 80]
        if qualifier is None:
            qualifier = _qualifier_after(places, right)
        if qualifier is None:  # "Syria's opposition-held northwest"
            m = _POSSESSED.match(right)
            if m:
                qualifier = (CONTROL_WORDS[m.group("rel")], _agent(places, m.group("agent")))
        if side is None:
            m = re.match(r"^['’]s\s+(?:[a-z-]+\s+){0,2}?(left|right)\s+bank\b", right)
            if m:
                side = f"{m.group(1)} bank"
                q2 = _qualifier_before(places, right[: m.start(1)].lstrip("'’s "))[0]
                qualifier = qualifier or q2
        if out and re.fullmatch(r"['’]s\s+", text[out[-1].end : mention.start]) and out[-1].qualifier:
            # "the Russia-occupied part of Ukraine's Kherson region": the owner only says whose
            # region; what is held is the region
            owner = out[-1]
            qualifier, side = qualifier or owner.qualifier, side or owner.side
            out[-1] = replace(owner, qualifier=None, side=None)
        out.append(replace(mention, qualifier=qualifier, side=side))
        prev_end = mention.end
    return out


_WORD = re.compile(r"[^\W\d_][\w.’']*|[-‑]")


def _qualifier_before(places: Places, left: str) -> tuple[tuple[str, str | None] | None, str | None]:
    """Read backwards from a place over general words to a control word and its agent."""
    words = _WORD.findall(left)
    side = None
    k = len(words) - 1
    while k >= 0:
        w = words[k].lower()
        if w in CONTROL_WORDS:
            rel = CONTROL_WORDS[w]
            agent = None
            if k >= 2 and words[k - 1] in "-‑":
                agent = _agent(places, words[k - 2])
            elif w not in BARE_CONTROL_WORDS:
                return None, side
            if side is None:
                s = _SIDE.search(" ".join(words[k + 1 :]).lower())
                side = f"{s.group(1)} {s.group(2)}" if s and s.group(2) == "bank" else None
            return (rel, agent), side
        if w in GAP_WORDS or w in {
            "temporarily",
            "currently",
            "now",
            "still",
            "formerly",
            "partially",
            "river",
        }:
            k -= 1
            continue
        if words[k][:1].isupper() and k > 0 and words[k - 1].lower() == "the":
            k -= 2  # "the left bank of the Dnipro in the Kherson region": a river between
            continue
        break
    s = _SIDE.search(" ".join(words[k + 1 :]).lower())
    if s and s.group(2) == "bank":
        side = f"{s.group(1)} bank"
    return None, side


def _qualifier_after(places: Places, right: str) -> tuple[str, str | None] | None:
    m = _AFTER.match(right)
    if not m:
        return None
    if m.group("rel"):
        return CONTROL_WORDS[m.group("rel")], _agent(places, m.group("agent"), m.group("noun"))
    return _AFTER_REL[m.group("rel2")], _agent(places, m.group("agent2"), m.group("noun2"))
