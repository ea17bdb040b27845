"""Where a number holds: the places a sentence names (gazetteer ids, who holds them, "both sides"),
and which of them is the number's own rather than a speaker's ("authorities in Damascus said").

Split from :mod:`reportedly.extract.measures`, which types the rest of a measure (what, unit,
scope, as-of) and asks :func:`number_place` for the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from spacy.tokens import Span, Token

from .measure_words import EVENTS, TALLY_NOUNS


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place named in a sentence, as the measure step needs it (see :class:`PlaceFinder`)."""

    start: int  # offsets relative to the text given to ``find``
    end: int
    id: str
    name: str
    qualifier: str | None = None


class PlaceFinder(Protocol):
    """Finds places in a sentence: the places gazetteer, or the parse's own fallback."""

    def __call__(self, sent: Span) -> list[PlaceHit]: ...


def gazetteer_places(  # noqa: ANN001 - places: a reportedly.places.Places
    places=None, hints: frozenset[str] | Callable[[], frozenset[str]] = frozenset()
) -> PlaceFinder:
    """A finder over the places gazetteer: ids, names and control qualifiers ("occupied:RU").

    ``hints`` are the countries the document names (``Places.countries_in``), or a function that
    reads them, called once when a sentence first needs places: a sentence that says only
    "Valencia" in a report on Spain's floods means Spain's Valencia.

    "the Russian-occupied parts of the Ukrainian region of Kherson" names Ukraine (by demonym)
    and the Kherson region inside it: the named region is kept, with the qualifier the phrase
    gives, and the country's demonym is dropped as less specific; so is the country written
    after its town ("Valencia, Spain"), which says where the town is.
    """
    from ..places import default_places

    gaz = places or default_places()

    # read once, when a sentence first needs places
    country_hints = cache(hints if callable(hints) else lambda: hints)

    def find(sent: Span) -> list[PlaceHit]:
        found = gaz.find(sent.text, hints=country_hints())
        hits: list[PlaceHit] = []
        for i, m in enumerate(found):
            qualifier = _qualifier(m)
            nxt = found[i + 1] if i + 1 < len(found) else None
            prev = found[i - 1] if i else None
            if (
                prev is not None
                and m.place.kind == "country"
                and prev.place.kind != "country"
                and prev.place.country == m.place.id
                and re.fullmatch(r",\s*", sent.text[prev.end : m.start])
            ):
                continue  # "in Valencia, Spain": where the town is, not a second place counted
            if (
                m.via == "demonym"
                and nxt is not None
                and nxt.start - m.end <= 30
                and nxt.place.country == m.place.id
                and nxt.place.id != m.place.id
            ):
                if qualifier and nxt.qualifier is None:
                    found[i + 1] = replace(nxt, qualifier=m.qualifier, side=nxt.side or m.side)
                continue  # "the Ukrainian region of Kherson": the region says more
            if _possessor(m, nxt, sent.text):
                if nxt.place.country != m.place.id and nxt.qualifier is None:
                    # "Russia's Kherson region": a region another country claims as its own is
                    # held by that country, not by the region's own
                    found[i + 1] = replace(nxt, qualifier=("occupied", m.place.id))
                continue  # "Ukraine's Kherson region": the region says more than its country
            before = sent.text[max(0, m.start - 60) : m.start]
            if qualifier and _BOTH_SIDES.search(before):
                qualifier = None  # "in both the government- and rebel-held areas in Syria": all of it
            compass = _COMPASS.search(before[-25:])
            if compass and m.place.kind == "country" and m.via == "name":
                qualifier = ", ".join(p for p in (qualifier, compass.group(1).lower().replace("-", "")) if p)
            hits.append(PlaceHit(m.start, m.end, m.place.id, m.place.name, qualifier))
        hits = [h for h in hits if not _in_list_with_unknowns(sent.text, h, found)]
        hits += _areas(sent.text, gaz, hits)
        for m in _SIDE_OF_BORDER.finditer(sent.text):
            # "1,602 confirmed dead on the Syrian side of the border": that country, where a bare
            # "the Syrian side" is a party, not a place
            country = gaz.demonym(m.group("party"))
            if country is not None and not any(h.start <= m.start("party") < h.end for h in hits):
                hits.append(PlaceHit(m.start("party"), m.end(), country.id, country.name, None))
        return hits

    return find


_NAME = r"[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*){0,3}"
_ASIDE = r"(?:\s*\([^()]{0,40}\))?"  # "Injil (150 families)"
#: A list a place opens ("Valencia, Castile-La Mancha and Andalusia") or closes ("Injil (150
#: families), Gulran (95 families) and Kushk").
_LIST_AFTER = re.compile(rf"{_ASIDE}(?:\s*,\s*{_NAME}{_ASIDE})*,?\s+and\s+{_NAME}")
_LIST_BEFORE = re.compile(rf"{_NAME}{_ASIDE}(?:\s*,\s*{_NAME}{_ASIDE})*,?\s+and\s+$")


def _in_list_with_unknowns(text: str, hit: PlaceHit, found: list) -> bool:
    """A place in a list of names of which the gazetteer knows not all: "217 died in Valencia,
    Castile-La Mancha and Andalusia" counts over all three, "11,585 affected across Zinda Jan
    district, and Injil, Gulran, Kohsan and Kushk districts" over all five, so it is no figure
    of one of them alone; its place is left for the story to settle."""
    covered = [(f.start, f.end) for f in found]
    spans = []
    m = _LIST_AFTER.match(text, hit.end)
    if m is not None:
        spans.append((m.start(), m.end()))
    lo = max(0, hit.start - 200)
    m = _LIST_BEFORE.search(text[lo : hit.start])
    if m is not None:
        spans.append((lo + m.start(), lo + m.end()))
    for a0, b0 in spans:
        for n in re.finditer(_NAME, text[a0:b0]):
            a = a0 + n.start()
            b = a + len(n.group().rstrip("."))
            if not any(s <= a and b <= e for s, e in covered):
                return True
    return False


#: What follows a dateline's place: "Kyiv:", "KYIV, Ukraine (AP) —", "Derna, June 5 -", and a
#: country in brackets after the city ("Washington [US], March 28:", as syndication feeds write it).
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][\w'’.-]*\s?){1,3}(?:\[[A-Za-z. ]{1,20}\]\s?)?(?:,\s*(?:[A-Z][\w'’.-]*\s?){1,3})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?(?::|—|–|--|-\s)"
)

#: "250 km south of", "some 40 miles north-west of the": a place a distance is measured from.
_LANDMARK = re.compile(
    r"\b(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:to\s+the\s+)?"
    r"(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)(?:ern)?\s+of\s+(?:the\s+)?$",
    re.I,
)

_SIDE_OF_BORDER = re.compile(r"\b(?P<party>[A-Z][a-z]+)\s+side\s+of\s+the\s+(?:border|frontier)\b")


def _possessor(m, nxt, text: str) -> bool:  # noqa: ANN001 - reportedly.places.PlaceMention
    """A country named as the owner of the next place ("Ukraine's Kherson region")."""
    if nxt is None or m.via != "name" or m.place.kind != "country" or nxt.place.kind == "country":
        return False
    return re.fullmatch(r"\s*['’]s?\s+", text[m.end : nxt.start]) is not None


_BOTH_SIDES = re.compile(r"\bboth\b[^.;]{0,40}\band\b[^.;]{0,30}-(?:held|controlled|occupied)\b", re.I)


_COMPASS = re.compile(r"\b((?:north|south)[- ]?(?:east|west)|north|south|east|west)(?:ern)?\s+$", re.I)


#: "the Russian-controlled areas", "the rebel-held northwest", "occupied territories": held areas.
_AREA = re.compile(
    r"\b(?:(?P<party>[A-Za-z]+)[- ])?(?P<rel>occupied|held|controlled)\s+"
    r"(?P<what>parts?|areas?|territor(?:y|ies)|zones?|regions?|side|bank|cit(?:y|ies)|towns?|villages?|"
    r"(?:north|south)[- ]?(?:east|west)|north|south|east|west)\b",
    re.I,
)


_CONTROLLED_BY = re.compile(
    r"\b(?:territor(?:y|ies)|areas?|parts?|regions?)\s+(?:that|which)\s+(?P<party>[A-Z][\w-]+)\s+"
    r"(?P<rel>controls|holds|occupies)\b"
)


#: "in Russian areas", "in Ukrainian territory": a country's demonym on an area noun is its side's area.
_DEMONYM_AREA = re.compile(r"\b(?P<party>[A-Z][a-z]+)\s+(?P<what>areas|territor(?:y|ies))\b(?P<rel>)")


def _areas(text: str, gaz, named: list[PlaceHit]) -> list[PlaceHit]:  # noqa: ANN001 - Places
    """Areas named only by who holds them: their id is the qualifier (no gazetteer place)."""
    out = []
    for pattern in (_AREA, _CONTROLLED_BY, _DEMONYM_AREA):
        for m in pattern.finditer(text):
            if pattern is _DEMONYM_AREA and gaz.demonym(m.group("party")) is None:
                continue  # "Kherson areas": a place's name, not a side's
            party_at = m.start("party") if m.group("party") else -1
            if any(
                h.start <= m.start() < h.end or m.start() <= h.start < m.end()
                for h in named
                if h.start != party_at
            ):
                continue
            if any(0 <= h.start - m.end() <= 45 and re.match(r"\s+of\b", text[m.end() :]) for h in named):
                continue  # "the Russian-occupied parts of the region of Kherson": the region says it
            if m.group("party") and _both_parties(text[: m.start()], gaz):
                continue  # "government and rebel-held areas": every side's, so no one side's area
            rel = {"controls": "controlled", "holds": "held", "occupies": "occupied", "": "held"}.get(
                m.group("rel"), m.group("rel")
            )
            party = m.group("party")
            side = None
            if party:
                country = (
                    gaz.demonym(party) or gaz.country_of_capital(party) or gaz.lookup(party, kind="country")
                )
                side = country.id if country is not None else party.lower()
            qualifier = rel if rel == "occupied" or not side else f"{rel}:{side}"
            what = m.groupdict().get("what") or ""
            compass = what.lower().replace("-", "") if _COMPASS.match(what + " ") else None
            label = ", ".join(p for p in (qualifier, compass) if p)
            out.append(PlaceHit(m.start(), m.end(), f"area:{label}", f"{label} areas", label))
    return out


#: Holders of an area that are no country: the words of control news uses for any civil war.
_PARTIES = frozenset({"government", "regime", "rebel", "opposition", "insurgent", "militant", "separatist"})
_AND_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)(?P<hyphen>-?)\s+(?:and|&)\s+$")


def _both_parties(before: str, gaz) -> bool:  # noqa: ANN001 - Places
    """ "government- and rebel-held", "Russian and Ukrainian-controlled": a first party joined by
    "and" to the area's own, so the area is both sides' (the whole place)."""
    m = _AND_BEFORE.search(before[-40:])
    if m is None:
        return False
    word = m.group("word")
    if m.group("hyphen") or word.lower() in _PARTIES:
        return True
    return gaz.demonym(word) is not None or gaz.lookup(word, kind="country") is not None


def place_side(hit: PlaceHit) -> str | None:
    """Who holds the place, in one vocabulary: a foreign power's control is "occupied", the
    country's own is "held:government" ("Russian-controlled" Kherson = "occupied" Kherson;
    "Ukrainian-controlled" Kherson = "government-held"); other holders ("rebel") stay as said."""
    if not hit.qualifier:
        return None
    parts = []
    own = hit.id.split("-")[0].split("+")[0] if not hit.id.startswith(("area:", "geo:")) else None
    for part in hit.qualifier.split(", "):
        rel, _, party = part.partition(":")
        if rel in ("held", "controlled") and len(party) == 2 and party.isupper():
            part = "held:government" if own and party == own else "occupied"
        elif rel == "controlled" and party in ("government", "regime"):
            part = "held:government"
        parts.append(part)
    return ", ".join(dict.fromkeys(parts))


def _qualifier(m) -> str | None:  # noqa: ANN001 - a reportedly.places.PlaceMention
    parts = []
    if m.qualifier is not None:
        relation, party = m.qualifier
        # "occupied" names one occupier in a story, said or not; "held"/"controlled" need the party
        parts.append(f"{relation}:{party}" if party and relation != "occupied" else relation)
    if m.side:
        parts.append(m.side)
    return ", ".join(parts) or None


def entity_places(sent: Span) -> list[PlaceHit]:
    """Fallback finder: spaCy's GPE/LOC entities, named by their own text (no gazetteer ids)."""
    base = sent.start_char
    return [
        PlaceHit(e.start_char - base, e.end_char - base, e.text.lower(), e.text)
        for e in sent.ents
        if e.label_ in ("GPE", "LOC")
    ]


_COUNTRY = re.compile(r"[A-Z]{2}")  # the gazetteer's country ids (ISO 3166-1); regions and cities differ


def _origin_of(root: Token, own: set[int]) -> bool:
    """A place "from" which the counted come, on their own noun ("700 migrants from Syria")."""
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "from Chad and Niger"
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.i in own and prep.head.pos_ == "NOUN"


def number_place(
    anchor: Token, noun: Token | None, clause: list[Token], sent: Span, hits: list[PlaceHit]
) -> PlaceHit | None:
    """The place the number's own phrase names, else its clause's.

    A place that qualifies someone else ("authorities in Damascus said …") is not the number's;
    places joined by "and" ("in Turkey and Syria") are one combined place.
    """
    if not hits:
        return None
    doc = sent.doc
    base = sent.start_char
    in_clause = {t.i for t in clause}
    own = {anchor.i, *(c.i for c in anchor.subtree)}
    if noun is not None:
        own |= {t.i for t in noun.subtree if t.i >= anchor.i}
    scored = []
    dateline = _DATELINE.match(sent.text)
    for h in hits:
        span = doc.char_span(base + h.start, base + h.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        toks = {t.i for t in span}
        if _qualifies_another(span.root, anchor, noun) or _another_count(span.root, anchor, noun):
            continue
        if _mostly(span.root):
            continue  # "3,300 people, mainly in A and B": where most of them are, not where the count holds
        if dateline is not None and h.end <= dateline.end():
            continue  # "LUCKNOW, India (AP) — The toll rose to 40": where the report was filed
        if _LANDMARK.search(sent.text[max(0, h.start - 40) : h.start]):
            continue  # "in Balasore district, about 250 km south of Kolkata": a landmark, not where
        if span.root.dep_ in ("nsubj", "nsubjpass", "poss") and span.root.head.pos_ in ("VERB", "AUX"):
            continue  # "North Korea had sent 7,000 containers to Russia": the actor is no place of the count
        if noun is not None and _COUNTRY.fullmatch(h.id) and _origin_of(span.root, own):
            continue  # "104 survivors, mostly from Syria and Egypt": where they come from, not where counted
            # (a country only: "30,000 people from Derna displaced" are counted where they lived)
        if toks & own:
            rank = 0
        elif toks & in_clause:
            rank = 1
        elif _fronted(span, sent):
            rank = 2  # "In Mykolaiv oblast, 31 settlements were flooded, one person died, …"
        else:
            continue  # a place in another clause is that clause's
        scored.append((rank, abs(min(toks) - anchor.i), h, span))
    if not scored:
        return None
    scored.sort(key=lambda t: (t[0], t[1]))
    rank, _d, best, span = scored[0]
    partners = [h for r, _dd, h, sp in scored[1:] if r == rank and h.id != best.id and _coordinated(span, sp)]
    if partners:
        group = sorted([best, *partners], key=lambda h: h.start)
        ids = sorted({h.id for h in group})
        quals = {h.qualifier for h in group}
        return PlaceHit(
            group[0].start,
            group[-1].end,
            "+".join(ids),
            " and ".join(dict.fromkeys(h.name for h in group)),
            quals.pop() if len(quals) == 1 else None,
        )
    return best


def _fronted(span: Span, sent: Span) -> bool:
    """A place in a phrase that opens the sentence and is set off by a comma ("In Mykolaiv
    oblast, 31 settlements were flooded, one person died, and 936 people were evacuated"): it
    sets the scene for every clause after it, not only the first."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in ("in", "across", "throughout"):
        return False
    if prep.i != sent.start:
        return False
    after = max(t.i for t in prep.subtree) + 1
    return after < sent.end and sent.doc[after].text == ","


#: Nouns a place may qualify and still be where a number holds ("the death toll in Turkey").
_NUMBER_NOUNS = TALLY_NOUNS | frozenset(
    (
        "area", "part", "side", "bank", "zone", "region", "province", "oblast", "district", "county",
        "governorate", "state", "territory", "country", "town", "city", "village", "settlement",
        "community", "municipality", "capital", "front", "line", "border", "frontier", "coast",
    )
)  # fmt: skip


def _qualifies_another(root: Token, anchor: Token, noun: Token | None) -> bool:
    """ "authorities in Damascus", "officials in Kyiv": the place belongs to someone, not to the count."""
    node = root
    for _ in range(4):
        head = node.head
        if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") and head.head not in (anchor, noun):
            # "the quake centred around Kahramanmaras": the place of what the clause describes;
            # "the number of lives lost in Syria" is still where the counted were lost
            described = head.head
            low = described.lemma_.lower()
            counted = low in _NUMBER_NOUNS or low in EVENTS or described.lower_ in EVENTS
            return described.pos_ in ("NOUN", "PROPN") and not counted
        if head in (node, anchor) or head.pos_ in ("VERB", "AUX") or (noun is not None and head == noun):
            return False
        if node.dep_ in ("compound", "poss", "amod", "nmod") and _owned(head):
            # "according to Hamas officials", "the U.S. intelligence community", "killed in
            # Israel's bombardment": a place naming whose officials, agency or strikes they are
            return True
        if node.dep_ in ("pobj", "conj", "appos", "compound", "poss") or node.dep_ == "prep":
            if head.pos_ in ("NOUN", "PROPN") and node.dep_ == "prep":
                low = head.lemma_.lower()
                if node.lower_ == "in" and _event_of_a_tally(head):
                    return False  # "the death toll from the earthquake in northwestern Syria": the toll's
                return not (low in _NUMBER_NOUNS or low in EVENTS or head.like_num or head.ent_type_ == "GPE")
            node = head
            continue
        return False
    return False


def _owned(head: Token) -> bool:
    """A noun a place modifies as its owner or agent ("Hamas officials", "U.S. intelligence",
    "Israel's bombardment"), not as where something is counted: no tally, event or place noun."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    low = head.lemma_.lower()
    return not (low in _NUMBER_NOUNS or low in EVENTS or head.lower_ in EVENTS or head.like_num)


def _event_of_a_tally(noun: Token) -> bool:
    """The event a tally is of: "the death toll from the earthquake", "the number of deaths from the
    flooding"; a place "in" it is where the tally counts ("near Moscow" only places the event)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("from", "of", "in") or prep.head == prep:
        return False
    tally = prep.head
    return tally.pos_ == "NOUN" and (tally.lemma_.lower() in TALLY_NOUNS or tally.lemma_.lower() in EVENTS)


def _another_count(root: Token, anchor: Token, noun: Token | None) -> bool:
    """ "1,121 died, with another 783 fatalities in Syria": a place in another number's own phrase."""
    node = root
    for _ in range(6):
        head = node.head
        if head == node or head in (anchor, noun):
            return False
        if head.like_num and head.pos_ == "NUM" and head != anchor:
            return True  # "238 people dead, 101 each in A and B": the place of a part told after the whole
        if head.lemma_ == "include" and any(
            c.dep_ in ("nsubj", "nsubjpass") and any(t == anchor for t in c.subtree) for c in head.children
        ):
            return True  # "the 168 deaths included 70 in A, 70 in B": the parts' places, not the whole's
        if head.pos_ in ("VERB", "AUX") and _counted_subject(head, anchor, root):
            return True  # "Of the 72 deaths, 39 were in A": the part's place, not the whole's
        if head.pos_ in ("VERB", "AUX") and _own_subject(head, anchor):
            return False  # "…, and four people have died in A": the anchor's own predicate
        counts = any(c.like_num and c.dep_ == "nummod" and c != anchor for c in head.children)
        if head.pos_ in ("NOUN", "PROPN") and counts:
            # "killed 1,591 people in the province of A and 809 in the province of B": a number
            # joined to another's noun is not inside that noun's place, which comes before it
            joined = anchor.dep_ == "conj" and anchor.head == head and root.i < anchor.i
            return joined or not any(t == anchor for t in head.subtree)
        node = head
    return False


def _counted_subject(verb: Token, anchor: Token, place: Token) -> bool:
    """Whether the verb's subject is another number's ("39 were in A", "22 people died in B"),
    one the anchor is no part of: a place after it on that verb is where that number holds (a
    place before it opens the sentence for every clause: "In A, 12 villages were flooded, two
    people died")."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass") or any(t == anchor for t in c.subtree) or place.i < c.i:
            continue
        if c.like_num or any(g.like_num and g.dep_ == "nummod" for g in c.children):
            return True
    return False


#: Adverbs that make a place where most of a count is, not where it holds.
_MOSTLY = frozenset({"mainly", "mostly", "largely", "chiefly", "primarily", "predominantly"})


def _mostly(root: Token) -> bool:
    """A place in a phrase "mainly / mostly in …" ("mostly in the towns of A and B"), climbing
    over the phrase's nouns, "of" and "and"."""
    node = root
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or node.head == node:
            return False
        node = node.head
        if (node.dep_ == "prep" or node.pos_ == "ADP") and node.lower_ != "of":
            return any(c.lower_ in _MOSTLY for c in node.children)
    return False


def _own_subject(verb: Token, anchor: Token) -> bool:
    """Whether the anchor is (in) the verb's subject: the verb is the number's own predicate."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and any(t == anchor for t in c.subtree) for c in verb.children
    )


def _coordinated(a: Span, b: Span) -> bool:
    """Two place mentions joined by "and" / a comma in one phrase ("Turkey and Syria")."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    between = lo.doc[lo.end : hi.start]
    if [t.text for t in between] == [","] and not _list_goes_on(hi):
        return False  # "in Valencia, Spain", "Lewiston, Maine": a place and the one holding it
    return 0 < len(between) <= 3 and all(t.lower_ in ("and", ",", "&", "the", "as", "well") for t in between)


def _list_goes_on(span: Span) -> bool:
    """Whether a list of places goes on after the mention ("Turkey, Syria and Lebanon", "Turkey,
    Syria, Lebanon"), not a clause ("in Valencia, Spain, jumped to 95")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.lower_ in ("and", "&", "or"):
        return True
    return nxt.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].pos_ == "PROPN"
