"""Finding places in running text, with who holds them.

The finder looks for the longest gazetteer name at every capitalised word, then decides
from the words around it whether the name is a place here:

* a region noun after or before it makes it a region ("Kherson Oblast", "the province of
  Hatay", "Kherson and Mykolaiv oblasts"); "Russia's Kursk region" is looked for in Russia;
* a name inside a longer run of capitalised words is part of another name (a person,
  "Lloyd Austin"; an outlet, "the Kyiv Independent"), unless it is a country or region that
  opens the run ("US Secretary of State");
* a name that is also an English word ("Split", "Nice", "Van", "Of") is not believed at the
  start of a sentence or in a headline set in title case, unless a preposition of place or
  a region noun vouches for it; month and weekday names never are places;
* a word that ends a person's name elsewhere in the text ("Austin" after "Lloyd Austin")
  is a surname here too; callers may pass more (``not_places``);
* country codes count only as initialisms written in capitals ("US", "U.S.", "UAE"), never
  as codes ("IT", "TV", "AM");
* towns below the floor for bare names need a preposition of place or a region noun.

Qualifiers are read from the words before the place, up to the previous place: an agent
and a control word ("Russian-occupied", "rebel-held", "Kyiv-controlled"), or a bare
"occupied"/"annexed", across words such as "parts of the", "the left bank of"; and from
the words after it ("…, which is occupied by Russia", "under Russian control"), in
:mod:`.qualifiers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import names
from .model import Place, PlaceMention
from .names import (
    CALENDAR_WORDS,
    CONTROL_WORDS,
    GAP_WORDS,
    PLACE_NOUNS,
    common_words,
    fold_cached,
    is_common,
    stop_words,
)
from .qualifiers import qualify

if TYPE_CHECKING:
    from .gazetteer import Places

#: "State" is left out in running text: "Michigan State" is a university far more often than
#: a way to write Michigan; the bare name of a state finds it anyway.
REGION_NOUNS = names.REGION_NOUNS - {"state"}
REGION_NOUNS_PLURAL = names.REGION_NOUNS_PLURAL - {"states"}
#: Bare towns below this many people need a preposition of place or a region noun.
BARE_NAME_MIN_POPULATION = 15000
#: Cities this big are believed even where capitalisation cannot tell ("Moscow said").
BIG_CITY = 1_000_000
_MAX_WORDS = 6
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE_END = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘(\[\n]\s*$|^\s*$")
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "from", "to", "into", "at", "outside", "around", "towards", "toward", "across", "of", "on"}
)
#: Towns smaller than this, in a country the text does not name, need a word that vouches for them.
FOREIGN_TOWN = 100_000
#: Nouns after a town's name that make it the name of something else ("the Kakhovka dam").
FACILITY_NOUNS = frozenset(
    str.split(
        "dam reservoir plant station airport bridge university hospital stadium prison river canal "
        "refinery mosque church cathedral base airbase"
    )
)
#: Verbs of saying: a town's name before one is a person's ("Frederick said").
SPEECH_VERBS = frozenset(
    {"said", "says", "told", "added", "stated", "wrote", "tweeted", "explained", "noted"}
)
_SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "settlement", "port", "capital", "district"})
_AGENT_OF = re.compile(r"[-‑](?:" + "|".join(sorted(CONTROL_WORDS)) + r")\b")
_LIST_GLUE = re.compile(r",\s*|\s+and\s+|,\s*and\s+|\s*&\s*|\s+or\s+")
_CAPWORDS = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}"
_COORDINATED = re.compile(
    rf"(?:,\s*{_CAPWORDS})*,?\s+(?:and|&)\s+{_CAPWORDS}\s+(?P<noun>"
    + "|".join(sorted(REGION_NOUNS_PLURAL))
    + r")\b"
)


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    possessive: bool
    initial: bool  # first word of a sentence, a line, or a quotation

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class _Match:
    i: int  # first token
    j: int  # last token of the name
    places: list[Place]
    end_tok: int  # last token of the mention (a region noun after the name included)
    strong: bool = False  # a region noun (or a place noun after a demonym) makes it certain
    via: str = "name"
    vouched: bool = False  # a settlement noun before or after it ("the city of", "Kherson city")


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        poss = bool(_POSSESSIVE_END.search(w)) and len(w) > 2
        if poss:
            e -= 2
            w = w[:-2]
        initial = bool(_SENTENCE_END.search(text[max(0, s - 3) : s])) if s else True
        out.append(_Tok(s, e, w, poss, initial))
    return out


def _joined(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """Tokens i..j written as one name: single spaces or hyphens between them, no possessive inside."""
    for k in range(i, j):
        gap = text[toks[k].end : toks[k + 1].start]
        if toks[k].possessive or gap not in (" ", "-", "‑"):
            return False
    return True


def _title_case(text: str, toks: list[_Tok]) -> set[int]:
    """Tokens in lines or sentences set in title case (headlines), where capitals say little."""
    out: set[int] = set()
    stops = stop_words()
    common = common_words(nouns=False)
    start = 0
    for k in range(len(toks) + 1):
        if k == len(toks) or (
            k > start and (toks[k].initial or "\n" in text[toks[k - 1].end : toks[k].start])
        ):
            words = [t for t in toks[start:k] if t.text.lower() not in stops]
            caps = [t for t in words if t.cap]
            # nearly every word capitalised, English words among them ("Death Toll Rises"):
            # a headline in title case, not a byline of names nor a sentence full of places
            headline = len(caps) >= 3 and len(caps) >= 0.85 * len(words)
            if headline and sum(is_common(fold_cached(t.text), common) for t in caps) >= 2:
                out.update(range(start, k))
            start = k
    return out


def find_mentions(
    places: Places, text: str, *, not_places: Iterable[str] = (), hints: Iterable[str] = ()
) -> list[PlaceMention]:
    """Every place named in ``text`` (see the module docstring).

    ``hints`` are countries (ISO codes) the caller knows the text to be about: the countries
    its whole document names, when ``text`` is one sentence of it. They rank a shared name's
    places inside them first, as a country named in ``text`` itself does: "Valencia" in a
    sentence of a report that names Spain elsewhere is Spain's, not Venezuela's.
    """
    toks = _tokens(text)
    if not toks:
        return []
    titled = _title_case(text, toks)
    common = common_words()
    blocked = {fold_cached(n) for n in not_places}
    countries = places.countries

    # 1. every capitalised word: the longest name of the gazetteer starting there
    matches: list[_Match] = []
    k = 0
    while k < len(toks):
        m = _match_at(places, text, toks, k)
        if m is None:
            k += 1
            continue
        matches.append(m)
        k = m.end_tok + 1

    # 2. surnames: last words of runs of capitalised words that are not places
    covered = {t for m in matches for t in range(m.i, m.j + 1)}
    surnames = set(blocked)
    for a, b in _runs(toks, titled):
        if b > a and b in covered and not any(t in covered for t in range(a, b)):
            first = toks[a].text.lower()
            if first not in GAP_WORDS and places.demonym(toks[a].text) is None:
                surnames.add(fold_cached(toks[b].text))

    # 3. hints: the countries named plainly in the text (and those the caller knows it is about)
    # rank same-named places inside them first
    extra_hints = hints
    hints = {
        m.places[0].country
        for m in matches
        if m.places and m.via == "name" and (m.places[0].kind == "country" or m.strong)
    }
    hint_set = frozenset(hints) | frozenset(extra_hints)
    runs = {t: (a, b) for a, b in _runs(toks, titled) for t in range(a, b + 1)}

    verdicts: list[tuple[_Match, Place, str]] = []
    for m in matches:
        if not m.places:
            continue
        place = _choose(places, m, hint_set, toks)
        if place is None:
            continue
        key = fold_cached(text[toks[m.i].start : toks[m.j].end])
        verdict = _believe(place, m, key, toks, text, titled, common, surnames, runs, countries, hint_set)
        verdicts.append((m, place, verdict))
    # a small town in a list of places is a place: "Damascus, Rif Dimashq, Quneitra, Homs and Tartus"
    for n, (m, place, verdict) in enumerate(verdicts):
        if verdict != "small":
            continue
        for o in (n - 1, n + 1):
            # a neighbour in the same country: "Valencia, Castilla-La Mancha and Andalusia" does
            # not make a town in Alabama of the last name
            if 0 <= o < len(verdicts) and verdicts[o][2] == "yes" and verdicts[o][1].country == place.country:
                a, b = sorted((verdicts[o][0], m), key=lambda x: x.i)
                if _LIST_GLUE.fullmatch(text[toks[a.end_tok].end : toks[b.i].start]):
                    verdicts[n] = (m, place, "yes")
                    break
    out: list[PlaceMention] = []
    for m, place, verdict in verdicts:
        if _AGENT_OF.match(text, toks[m.end_tok].end):
            continue  # "Russia-occupied", "Kyiv-controlled": who holds the next place, not a place
        if verdict == "yes":
            start, end = toks[m.i].start, toks[m.end_tok].end
            out.append(PlaceMention(start, end, text[start:end], place, via=m.via))

    out = qualify(places, text, out)
    return _coordinated_plurals(places, text, out, hint_set)


def _match_at(places: Places, text: str, toks: list[_Tok], k: int) -> _Match | None:
    if not toks[k].cap:
        return None
    named = _name_at(places, text, toks, k)
    demonym = _demonym_at(places, text, toks, k)
    if demonym is not None and (named is None or named.j <= demonym.j):
        return demonym
    return named


def _demonym_at(places: Places, text: str, toks: list[_Tok], k: int) -> _Match | None:
    n_toks = len(toks)
    # "North Korean", "Russian": a demonym is a place only before a place noun ("the Russian
    # region"); otherwise its words are skipped, so that "North" of "North Korean" is no region.
    for n in range(min(3, n_toks - k), 0, -1):
        j = k + n - 1
        if not _joined(text, toks, k, j) or text[toks[j].end : toks[j].end + 1] in ("-", "‑"):
            continue
        if toks[k].text.lower() == "the":
            return None
        if k > 0 and toks[k - 1].cap and text[toks[k - 1].end : toks[k].start] == " " and not toks[k].initial:
            return None  # "North American airspace": the end of a longer name, not "American"
        dem = places.demonym(text[toks[k].start : toks[j].end])
        if dem is None or fold_cached(text[toks[k].start : toks[j].end]) in places.countries.keys:
            continue
        nxt = toks[j + 1] if j + 1 < n_toks else None
        noun = nxt.text if nxt and text[toks[j].end : nxt.start] == " " else ""
        if noun in PLACE_NOUNS:  # lower case: "the Canadian Coast Guard" is a name
            return _Match(k, j, [dem], j, strong=True, via="demonym")
        return _Match(k, j, [], j)
    return None


def _name_at(places: Places, text: str, toks: list[_Tok], k: int) -> _Match | None:
    n_toks = len(toks)
    for n in range(min(_MAX_WORDS, n_toks - k), 0, -1):
        j = k + n - 1
        if not _joined(text, toks, k, j):
            continue
        if any(
            not toks[x].cap and toks[x].text not in {"of", "the", "and", "de", "al", "el"}
            for x in range(k, j + 1)
        ):
            continue
        if n > 1 and toks[k].text.lower() == "the":
            continue  # "The Kakhovka …": the article is no part of the name
        span = text[toks[k].start : toks[j].end]
        key = fold_cached(span)
        nxt = toks[j + 1] if j + 1 < n_toks and not toks[j].possessive else None
        gap = text[toks[j].end : nxt.start] if nxt else ""
        noun = nxt.text.lower() if nxt and gap == " " else ""
        before = [toks[x].text.lower() for x in range(max(0, k - 2), k)]
        # "the province of Hatay", "the city of Kherson"
        of_region = len(before) == 2 and before[1] == "of" and before[0] in REGION_NOUNS
        of_town = len(before) == 2 and before[1] == "of" and before[0] in _SETTLEMENT_NOUNS
        coordination = _COORDINATED.match(text, toks[j].end)  # "Kherson and Mykolaiv regions"
        if noun not in REGION_NOUNS and coordination:
            noun = coordination.group("noun")
            coordinated = True
        else:
            coordinated = False
        if noun in REGION_NOUNS or noun in REGION_NOUNS_PLURAL or of_region:
            if key in places.countries.keys and noun not in ("region", "regions", "province", "provinces"):
                pass  # "Syrian Arab Republic", "Ukraine state": the country itself, below
            else:
                regions = places.regions_named(key, stems=True, weak=False)
                weak = places.regions_named(key, stems=True)
                cities = places.cities_named(key, alternates=False)
                # the region's own names, then a town of that name ("the Pazarcik district"),
                # then regions named after a city's name in another language
                found = regions + cities + [r for r in weak if r not in regions]
                if found:
                    end = j + 1 if not (of_region or coordinated) else j
                    return _Match(k, j, found, end, strong=True)
        if key in places.countries.keys:
            if key in places.countries.codes:
                continue
            if key in places.countries.initialisms and not span.replace(".", "").isupper():
                continue
            return _Match(k, j, places.countries_named(key), j)
        found = places.bare(key)
        if found:
            return _Match(k, j, found, j, vouched=of_town or noun in _SETTLEMENT_NOUNS)
    return None


def _runs(toks: list[_Tok], titled: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words joined by single spaces (a sentence's first stop word left out)."""
    out = []
    stops = stop_words()
    k = 0
    while k < len(toks):
        if not toks[k].cap or k in titled or (toks[k].initial and toks[k].text.lower() in stops):
            k += 1
            continue
        a = k
        while (
            k + 1 < len(toks)
            and toks[k + 1].cap
            and k + 1 not in titled
            and not toks[k].possessive
            and not toks[k + 1].initial
            and toks[k + 1].start - toks[k].end == 1
        ):
            k += 1
        out.append((a, k))
        k += 1
    return out


def _choose(places: Places, m: _Match, hints: frozenset[str], toks: list[_Tok]) -> Place | None:
    cands = m.places
    if not cands:
        return None
    # "Russia's Kursk region", "Hatay's Antakya": the owner named just before
    if m.i > 0 and toks[m.i - 1].possessive:
        owner = places.lookup(toks[m.i - 1].text)
        if owner is not None:
            inside = [p for p in cands if p.country == owner.country and p.id != owner.id]
            if inside:
                return inside[0]
    if m.via == "demonym" or cands[0].kind == "country":
        return cands[0]
    top = cands[0]
    if hints and top.country not in hints:
        for p in cands:
            # a place inside a country the text names, unless it is a far smaller namesake
            # ("Moscow" with the US named is still Moscow, Russia)
            if p.country in hints and p.population * 20 >= top.population:
                return p
    return top


def _believe(
    place: Place,
    m: _Match,
    key: str,
    toks: list[_Tok],
    text: str,
    titled: set[int],
    common: frozenset[str],
    surnames: set[str],
    runs: dict[int, tuple[int, int]],
    countries,
    hints: frozenset[str],
) -> str:
    """Whether a name is a place here: "yes", "no", or "small" (a small town nothing vouches for,
    which a list of places around it may still rescue). See the module docstring."""
    if key in CALENDAR_WORDS:
        return "no"
    if m.via == "demonym":
        return "yes"
    single = m.i == m.j
    prev = toks[m.i - 1].text.lower() if m.i > 0 else ""
    vouched = (
        m.strong
        or m.vouched
        or prev in _PLACE_PREPOSITIONS
        or prev in _SETTLEMENT_NOUNS  # "the capital Kherson", "the town Oleshky"
        or prev in CONTROL_WORDS  # "occupied Oleshky", "Russian-held Nova Kakhovka"
        or (m.i > 0 and toks[m.i - 1].possessive)
    )
    nxt = text[toks[m.j].end : toks[m.j].end + 2]
    if nxt.startswith(",") and m.j + 1 < len(toks):  # "Antakya, Turkey"
        after = toks[m.j + 1]
        vouched = vouched or (after.cap and fold_cached(after.text) in countries.keys)
    big = (
        place.kind == "country"
        or place.population >= BIG_CITY
        or (place.kind == "city" and _is_capital(place, countries))
    )
    if single and key in surnames and not m.strong:
        return "no"
    if place.kind == "city" and prev == "the" and not m.strong:
        return "no"  # "the Dnipro" is the river; cities take no article
    nt = toks[m.end_tok + 1] if m.end_tok + 1 < len(toks) else None
    after = nt.text if nt and text[toks[m.end_tok].end : nt.start] == " " else ""
    if place.kind != "country" and after in FACILITY_NOUNS and not m.strong:
        return "no"  # "the Kakhovka dam", "Gaziantep airport": a facility named after the town
    if place.kind != "country" and re.match(r"\s(?:al|el|ad|ar|as|ash|an|at|az)[-‑]", text[toks[m.j].end :]):
        return "no"  # "Bab al-Hawa": the first word of a longer Arabic name
    if place.kind == "city" and after in SPEECH_VERBS and not _is_capital(place, countries):
        return "no"  # "Frederick said": a person; a capital speaking is the entity layer's metonymy
    is_word = is_common(key, common)
    if place.kind == "region" and is_word and not m.strong:
        return "no"  # "North", "Centre", "Capital": ISO names that are words need "region" after them
    # capitals cannot tell: the first word of a sentence, headlines
    if (toks[m.i].initial or m.i in titled) and is_word and not (big or vouched):
        return "no"
    if single and place.kind != "country" and is_word and toks[m.i].text.isupper():
        return "no"
    # inside a longer run of capitalised words: part of another name
    run = runs.get(m.i)
    if run and not m.strong:
        a, b = run
        inside_before = a < m.i
        inside_after = b > m.j
        if place.kind == "country":  # "US Secretary of State": a country may open a name
            if inside_before:
                return "no"
        elif inside_before or inside_after:
            return "no"
    if place.kind == "city" and place.population < BARE_NAME_MIN_POPULATION and not vouched:
        return "small"
    if (
        single
        and place.kind == "city"
        and place.population < FOREIGN_TOWN
        and place.country not in hints
        and not vouched
    ):
        return "small"  # "citing Xinhua": a small town abroad, with nothing saying it is a place
    return "yes"


def _is_capital(place: Place, countries) -> bool:
    cap = countries.capitals.get(place.country)
    return bool(cap) and fold_cached(cap) == fold_cached(place.name)


def _coordinated_plurals(
    places: Places, text: str, found: list[PlaceMention], hints: frozenset[str]
) -> list[PlaceMention]:
    """ "Kherson and Mykolaiv oblasts": the plural noun makes regions of every name it closes,
    and a qualifier before the first name holds for them all."""
    out = list(found)
    for n, mention in enumerate(out):
        last = mention.text.rsplit(" ", 1)[-1].lower()
        if last not in REGION_NOUNS_PLURAL:
            continue
        group = [n]
        k = n
        while k > 0 and re.fullmatch(
            r",\s*|\s+and\s+|,\s*and\s+|\s*&\s*", text[out[k - 1].end : out[k].start]
        ):
            k -= 1
            group.append(k)
        if len(group) < 2:
            continue
        first = out[group[-1]]
        for g in group:
            mm = out[g]
            if mm.place.kind != "region":
                stem = fold_cached(mm.text)
                regions = [
                    r for r in places.regions_named(stem, hints, stems=True) if r.country == mm.place.country
                ]
                if regions:
                    mm = replace(mm, place=regions[0])
            if mm.qualifier is None and first.qualifier is not None:
                mm = replace(mm, qualifier=first.qualifier, side=mm.side or first.side)
            out[g] = mm
    return out
