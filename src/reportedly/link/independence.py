"""Independence: how many *origins* stand behind a cluster, not how many articles.

Each claim's origin is the last element of its chain (GLOSSARY.md). Claims
count as one origin when:

* their origins are the same canonical entity (after cross-document
  resolution: "Seoul" and "South Korea", "Hillary Rodham Clinton" and
  "Hillary Clinton"), or a spokesperson and the body they speak for
  (:attr:`reportedly.link.entities.Canonical.speaks_for`: "IDF spokesman Daniel
  Hagari" is the IDF speaking);
* their origins are anonymous groups with the same normalised description
  ("U.S. officials", "unidentified American officials") *and* the articles
  were published within :data:`BRIEFING_DAYS` of each other: the same unnamed
  officials talking to several outlets in one news cycle are one briefing.
  The same description weeks apart counts as a new origin. Grouping is by
  chains of publication dates (each within the window of the previous), so the
  result does not depend on the order the claims are read;
* the claim has no chain (an unattributed statement), or every hop of it is a
  relay ("state media", "reporters", "Telegram": never origins, see
  :attr:`reportedly.link.entities.Canonical.relay`): its origin is the
  publishing outlet itself;
* one is a body described with an indefinite article ("a UN relief agency", "a
  Moscow court") and the other the named body of the cluster it describes (a
  shared name word that is no country's), within :data:`BRIEFING_DAYS`;
* their sentences are near-identical (wire copy run by several outlets): the
  wording is the origin, whatever source each copy names. Near-identical means
  a Jaccard overlap of at least :data:`WIRE_OVERLAP` between the sentences'
  word 4-grams.

Voices a report names by their kind, officials of a place or a body beside that government or
body, a government's ministers beside that government (within :data:`GOVERNMENT_DAYS`), and
bodies named by their parent are joined by the rules of :mod:`.voices`.

The result: ``reported by N outlets, M independent origins``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date

from ..extract.roles import role_words
from ..model import EntityType, Origin
from .blame import SideOf, accuser_side
from .corpus import ClaimItem
from .governments import government_ministries
from .offices import department_heads, described_offices
from .origins_background import recalled_only
from .partition import Partition
from .roles import role_fits
from .statements import kind_bodies, statement_owners
from .voices import government_members, introduced_officials, kind_named, parent_bodies, place_officials

BRIEFING_DAYS = 3
#: A government and its ministers repeat one figure over a longer cycle than one briefing.
GOVERNMENT_DAYS = 7
WIRE_OVERLAP = 0.6


def with_demonyms(side_of: SideOf, country_of: Callable[[str], str | None], countries: set[str]) -> SideOf:
    """A side resolver that also knows every country the places gazetteer knows, and its irregular
    demonyms ("French", "British", "Dutch"): "a senior French military official" and "the French
    military intelligence directorate" speak for one side. Sides the given resolver names keep its
    spelling ("France"); others take the gazetteer's key."""
    names = {c.casefold(): c for c in countries}

    def side(phrase: str) -> str | None:
        found = side_of(phrase)
        if found or not phrase[:1].isupper():  # a country and its people are written capitalised
            return found
        key = country_of(phrase)
        return names.get(key.casefold(), key) if key else None

    return side


def origin_key(item: ClaimItem) -> tuple[str, str, bool]:
    """(key, display name, anonymous) before date bucketing and wire merging.

    An unnamed group is keyed by its description across documents (the entity
    itself is per document); the dates then decide whether two are one briefing.
    """
    if item.origin is None or item.origin.relay:
        outlet = item.doc.outlet
        return f"outlet:{outlet.casefold()}", outlet, False
    if item.origin.anonymous:
        return item.origin.group or item.origin.key, item.origin.name, True
    if item.origin.speaks_for is not None:  # a spokesperson: the body they speak for
        return item.origin.speaks_for.key, item.origin.speaks_for.name, False
    if item.origin.type is not EntityType.PERSON and not any(map(_written_as_name, item.origin.aliases)):
        # "the statement said", "the assessment states", "rescuers said": a description in lower case
        # names no one the reader could find in another article; it is its own article's source
        return f"{item.origin.key}@{item.doc.id}", item.origin.name, False
    return item.origin.key, item.origin.name, False


def _written_as_name(text: str) -> bool:
    """A capitalised word besides a leading article: "the Libyan Red Crescent", not "the statement"."""
    return any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _ARTICLES)


_ARTICLES = frozenset({"the", "a", "an"})


def origins(items: list[ClaimItem], side_of: SideOf | None = None) -> tuple[list[Origin], dict[str, Origin]]:
    """The independent origins of a cluster's claims, and the origin each claim was counted under.

    With ``side_of`` (a phrase -> country resolver), a country speaking ("Ukraine accused …") and
    an unnamed group that names only its side ("Kyiv officials", "Russian officials") are that
    side's government speaking: where the cluster also holds a named official voice of that side
    (a ministry, a spokesman), they join it rather than count again (see :func:`_side_voices`).
    """
    n = len(items)
    part = Partition(n)
    find, union = part.find, part.union

    keys = [origin_key(it) for it in items]
    for i in recalled_only(items):  # "… before a wildfire that killed 115": the newsroom's figure
        keys[i] = (f"outlet:{items[i].doc.outlet.casefold()}", items[i].doc.outlet, False)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, (key, _name, _anon) in enumerate(keys):
        by_key[key].append(i)
    for members in by_key.values():
        if keys[members[0]][2]:  # anonymous: same briefing only within the window
            members = sorted(members, key=lambda i: items[i].doc.published or date.min)
            for a, b in zip(members, members[1:], strict=False):
                da, db = items[a].doc.published, items[b].doc.published
                if da is None or db is None or (db - da).days <= BRIEFING_DAYS:
                    union(a, b)
        else:
            for other in members[1:]:
                union(members[0], other)
    # One article naming one unnamed group two ways ("Ukraine official" in the headline, "a
    # Ukrainian military intelligence official" in the body): same head noun, and one
    # description's words inside the other's.
    anon = [i for i in range(n) if keys[i][2]]
    for x, i in enumerate(anon):
        for j in anon[x + 1 :]:
            if items[i].doc.id == items[j].doc.id and _same_group(keys[i][0], keys[j][0]):
                union(i, j)
    shingles = [_shingles(it) for it in items]
    contents = [_content_shingles(it) for it in items]
    copied: set[int] = set()
    for i in range(n):
        for j in range(i + 1, n):
            if items[i].doc.id != items[j].doc.id and (
                _jaccard(shingles[i], shingles[j]) >= WIRE_OVERLAP
                or _jaccard(contents[i], contents[j]) >= WIRE_OVERLAP
            ):
                if find(i) != find(j):
                    copied.update((i, j))
                union(i, j)

    # A body described rather than named ("a UN relief agency") is the named body it describes.
    for i, j in _described(items, keys, find, side_of):
        union(i, j)
    # An unnamed role ("the Chief Secretary said") is the one person of the cluster given that role.
    for i, j in _role_holders(items, find):
        union(i, j)
    # "The county said …" after "Maui County said …" in one article: the body it named before.
    for i, j in _named_before(items, keys, find):
        union(i, j)
    # "The UN agency said …", "a spokesman for the aid group said …": the body the report named.
    for i, j in kind_named(items, keys, find, _origin_words):
        union(i, j)
    # "Odisha Chief Secretary Pradeep Jena" beside "the Odisha government": one government speaking.
    for i, j in place_officials(items, find, _near):
        union(i, j)
    # "Catherine Smallwood, WHO's senior emergency officer for Europe" beside the WHO: the WHO.
    for i, j in introduced_officials(items, keys, find, _near):
        union(i, j)

    # "Public Health Minister Jane Roe" beside "the Foo government": the government speaking.
    def _side(it: ClaimItem) -> str | None:
        return accuser_side(it, side_of) if side_of is not None else None

    def _week(a: ClaimItem, b: ClaimItem) -> bool:
        return _near(a, b, GOVERNMENT_DAYS)

    for i, j in government_members(items, keys, find, _week, _side):
        union(i, j)
    # "The Foo government said 2,400 died" beside its disaster ministry's 2,400: the ministry's.
    for i, j in government_ministries(items, find, _week, _side):
        union(i, j)
    # "The United Nations offered that toll" beside "the UN Office for … Humanitarian Affairs".
    for i, j in parent_bodies(items, keys, _near):
        union(i, j)
    # Unattributed statements (the outlet's own voice, or only relays) of something other outlets
    # attribute repeat that origin: a death toll or a magnitude stated flatly comes from the
    # agency others name, not from each newsroom. They join the cluster's most reported
    # attributed origin. Where nobody is named, each newsroom (or wire copy) stays its own origin:
    # agencies do keep their own tallies.
    unattributed = [i for i in range(n) if keys[i][0].startswith("outlet:")]
    attributed = Counter(find(i) for i in range(n) if not keys[i][0].startswith("outlet:"))
    if unattributed and attributed:
        anchor = attributed.most_common(1)[0][0]
        for i in unattributed:
            if find(i) not in attributed:  # not already a copy of an attributed sentence
                union(i, anchor)
    # A news outlet named as the only source of a figure ("over 9,000 are still missing, according
    # to CNN") passes on the count of the body the cluster names for that figure within
    # BRIEFING_DAYS: newsrooms do not count the missing themselves. Its own reporting of what
    # happened ("NBC News reported, citing two US officials, …") states no figure and stays its own.
    bodies = [i for i in range(n) if not keys[i][2] and not keys[i][0].startswith("outlet:")]
    counting = Counter(find(i) for i in bodies if not _media(items[i]))
    if counting:
        anchor = counting.most_common(1)[0][0]
        for i in range(n):
            if (
                _media(items[i])
                and items[i].measures
                and find(i) not in counting
                and any(find(j) == anchor and _near(items[i], items[j]) for j in range(n))
            ):
                union(i, anchor)
    # "The government revised the toll to 275 from 288" in a cluster of the 288: the earlier figure
    # is passed on, not stated anew; it counts under the origin that gave 288 as its own.
    for i, j in _revised_from(items, keys, find):
        union(i, j)
    # "… according to a statement" beside "the royal palace said …": the palace's statement.
    for i, j in statement_owners(items, keys, find, _near):
        union(i, j)
    # "The coastguard said …" beside "the Greek coast guard said …" in another report: that body.
    for i, j in kind_bodies(items, keys, find, _near):
        union(i, j)
    # "The UN's migration agency" beside "the International Organization for Migration"; "Maryland
    # Transportation Secretary Jane Roe" beside "the Maryland Department of Transportation".
    for i, j in described_offices(items, keys, find, _near) + department_heads(items, keys, find, _week):
        union(i, j)
    if side_of is not None:
        for i, j in _side_voices(items, keys, find, side_of):
            union(i, j)
        # Unnamed voices that give no side or body ("officials said", "authorities said"), or a side
        # no named voice of the cluster speaks for, and repeat what a named origin of the cluster
        # states are that origin's relays, as a flat statement is: nothing in the report tells them
        # apart from the body others name.
        # A description in lower case ("international aid groups", "a statement", "the office") is
        # no named voice either: it names no one a reader could find in another report. One that
        # names several parties ("the two sides", "both parties") is nobody's relay.
        described = [
            not keys[i][2]
            and keys[i][0].endswith(f"@{items[i].doc.id}")
            and not _SEVERAL.search(items[i].origin.name if items[i].origin is not None else "")
            for i in range(n)
        ]
        named = Counter(
            find(i)
            for i in range(n)
            if not keys[i][2] and not described[i] and not keys[i][0].startswith("outlet:")
        )
        if named:
            anchor = named.most_common(1)[0][0]
            sides = [accuser_side(it, side_of) for it in items]
            anchor_sides = {sides[j] for j in range(n) if find(j) == anchor}
            voiced = {
                sides[j]
                for j in range(n)
                if not keys[j][2] and items[j].origin is not None and items[j].origin.type in _OFFICIAL
            }
            for i in range(n):
                if (
                    (keys[i][2] or described[i])
                    and find(i) not in named
                    and not _LOCAL.search(keys[i][0])
                    and _sideless(sides[i], voiced, anchor_sides)
                    and any(find(j) == anchor and _near(items[i], items[j]) for j in range(n))
                ):
                    union(i, anchor)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    out: list[Origin] = []
    per_claim: dict[str, Origin] = {}
    for members in sorted(groups.values(), key=lambda m: min(m)):
        # the group is named by a named source, else an outlet speaking for itself, else the group
        named = (
            [i for i in members if not keys[i][2] and not keys[i][0].startswith("outlet:")]
            or [i for i in members if not keys[i][2]]
            or members
        )
        first = min(named)
        key, name, anonymous = keys[first]
        if copied & set(members):  # merged through copied wording
            key = "wire:" + key
        if anonymous:
            day = items[min(members, key=lambda i: items[i].doc.published or date.min)].doc.published
            key = f"{key}@{day.isoformat() if day else 'undated'}"
        o = Origin(
            key=key,
            name=name,
            anonymous=anonymous,
            claims=[items[i].id for i in members],
            outlets=[items[i].doc.outlet for i in members],
        )
        out.append(o)
        for i in members:
            per_claim[items[i].id] = o
    return out, per_claim


#: An unnamed group of a level below the state ("local officials", "Russian-installed authorities",
#: "regional authorities") is a body of its own: never the relay or the voice of the state's
#: named spokesmen, whose words it may repeat.
_LOCAL = re.compile(
    r"\b(?:local|regional|municipal|city|provincial|district|town|village|installed|occupation)\b", re.I
)
#: A description of several parties speaking ("the two sides", "both parties"): no one voice.
_SEVERAL = re.compile(r"\b(?:both|sides|parties)\b", re.I)
#: Origin types that speak for a government when they name no one ("Ukraine", "Russian officials").
_SIDE_VOICES = frozenset({EntityType.COUNTRY, EntityType.GOVERNMENT, EntityType.OFFICIAL_GROUP})
#: Named origin types that can be a side's official voice.
_OFFICIAL = frozenset({EntityType.GOVERNMENT, EntityType.AGENCY, EntityType.PERSON, EntityType.MILITARY_UNIT})


def _side_voices(
    items: list[ClaimItem], keys: list[tuple[str, str, bool]], find: Callable[[int], int], side_of: SideOf
) -> list[tuple[int, int]]:
    """Pairs to merge: a country named as speaker, or an unnamed group known only by its side, with
    the most reported named official origin of the same side in the cluster (an unnamed group only
    within :data:`BRIEFING_DAYS` of it). "Ukraine accused Russia" beside Zelensky's own words, or
    "Kyiv officials said the toll rose to 16" beside the interior ministry's 16, are one government
    speaking; two named officials stay two origins."""
    named: dict[str, list[int]] = defaultdict(list)
    voices: list[tuple[int, str]] = []
    for i, it in enumerate(items):
        o = it.origin
        if o is None or o.relay:
            continue
        side = accuser_side(it, side_of)
        if side is None:
            continue
        if o.type is EntityType.COUNTRY or (
            keys[i][2] and o.type in _SIDE_VOICES and not _LOCAL.search(keys[i][0])
        ):
            voices.append((i, side))
        elif not keys[i][2] and o.type in _OFFICIAL:
            named[side].append(i)
    out: list[tuple[int, int]] = []
    for i, side in voices:
        candidates = [j for j in named.get(side, []) if not keys[i][2] or _near(items[i], items[j])]
        if candidates:
            reach = Counter(find(j) for j in candidates)
            anchor = max(candidates, key=lambda j: (reach[find(j)], -j))
            out.append((i, anchor))
    return out


def _indefinite(item: ClaimItem) -> bool:
    """A body the report describes instead of naming ("a UN relief agency said", "a Moscow court
    ordered"): every way the articles wrote it opens with an indefinite article."""
    o = item.origin
    return (
        o is not None
        and not o.relay
        and not o.anonymous
        and o.type is not EntityType.PERSON
        and bool(o.aliases)
        and all(_INDEFINITE.match(a) for a in o.aliases)
    )


_INDEFINITE = re.compile(r"^(?:a|an)\s", re.I)
_NAME_STOP = frozenset({"a", "an", "the", "of", "for", "and", "in", "on", "by", "with", "to", "s"})


def _origin_words(item: ClaimItem) -> set[str]:
    """The words of every way the articles wrote a claim's origin, without articles and particles."""
    aliases = item.origin.aliases if item.origin is not None else ()
    return {w for a in aliases for w in _tokens(a) if w not in _NAME_STOP}


def _described(
    items: list[ClaimItem],
    keys: list[tuple[str, str, bool]],
    find: Callable[[int], int],
    side_of: SideOf | None,
) -> list[tuple[int, int]]:
    """Pairs to merge: a body described with an indefinite article and the named body of the cluster
    it describes, within :data:`BRIEFING_DAYS`. "A UN relief agency said 4,300 had died" beside
    "4,300 had died, the UN Office for the Coordination of Humanitarian Affairs said", or "a Moscow
    court ordered …" beside "the Basmanny District Court said …", is the one body written two ways:
    the description shares a word of the name (its organisation, "UN"; its kind, "court"). A word
    that only names a country ("a Russian court", "the Russian Investigative Committee") tells no
    body; where several named bodies fit, the most reported is taken."""
    out: list[tuple[int, int]] = []
    named = [
        j
        for j in range(len(items))
        if not keys[j][2] and not keys[j][0].startswith("outlet:") and not _indefinite(items[j])
    ]
    for i, it in enumerate(items):
        if not _indefinite(it) or it.origin is None:
            continue
        words = _origin_words(it)
        if side_of is not None:
            words = {w for w in words if side_of(w) is None}
        fits = [
            j for j in named if find(j) != find(i) and _near(it, items[j]) and words & _origin_words(items[j])
        ]
        if fits:
            reach = Counter(find(j) for j in fits)
            out.append((i, max(fits, key=lambda j: (reach[find(j)], -j))))
    return out


def _named_before(
    items: list[ClaimItem], keys: list[tuple[str, str, bool]], find: Callable[[int], int]
) -> list[tuple[int, int]]:
    """Pairs to merge: a body an article describes in lower case ("the county said", "the
    ministry said") and the named body of the same article and cluster whose name holds that
    head noun ("Maui County", "the Health Ministry"): the article named it once and calls it by
    its kind after. Kept per article otherwise (see :func:`origin_key`)."""
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        if it.origin is None or not keys[i][0].endswith(f"@{it.doc.id}") or keys[i][2]:
            continue
        head = _tokens(it.origin.name)[-1:]
        fits = [
            j
            for j in range(len(items))
            if items[j].doc.id == it.doc.id
            and find(j) != find(i)
            and not keys[j][2]
            and not keys[j][0].startswith("outlet:")
            and not keys[j][0].endswith(f"@{it.doc.id}")
            and head
            and head[0] in _origin_words(items[j])
        ]
        if fits:
            reach = Counter(find(j) for j in fits)
            out.append((i, max(fits, key=lambda j: (reach[find(j)], -j))))
    return out


def _role_holders(items: list[ClaimItem], find: Callable[[int], int]) -> list[tuple[int, int]]:
    """Pairs to merge: an unnamed role ("the Chief Secretary said 793 were discharged", "the
    governor said") and the one named person of the cluster the articles give that role ("Odisha
    Chief Secretary Pradeep Jena"), within :data:`BRIEFING_DAYS`. An article that named the person
    once calls them by their title after; where extraction did not join the two, the cluster
    does: they state one proposition in one news cycle. Two people holding the role stay apart."""
    people = [
        j
        for j, it in enumerate(items)
        if it.origin is not None and not it.origin.anonymous and it.origin.type is EntityType.PERSON
    ]
    out: list[tuple[int, int]] = []
    for i, it in enumerate(items):
        o = it.origin
        if o is None or not o.anonymous or o.type is not EntityType.PERSON:
            continue
        want = role_words(o.name)
        if not want[0]:
            continue
        fits = {
            find(j): j
            for j in people
            if _near(it, items[j]) and any(role_fits(want, role_words(r)) for r in items[j].origin.roles)
        }
        if len(fits) == 1:
            out.append((i, next(iter(fits.values()))))
    return out


#: A revision and the figure it replaced: "revised the toll to 275 from 288", "from 288 to 275".
_REVISION = re.compile(
    r"\bto\s+(?P<new>\d[\d,]*)\s+from\s+(?P<old>\d[\d,]*)\b|\bfrom\s+(?P<old2>\d[\d,]*)\s+to\s+(?P<new2>\d[\d,]*)\b"
)
_FIGURE = re.compile(r"\b\d[\d,]*\b")


def _revised_from(
    items: list[ClaimItem], keys: list[tuple[str, str, bool]], find: Callable[[int], int]
) -> list[tuple[int, int]]:
    """Pairs to merge: a claim that gives a figure only as what a revision replaced ("revised the
    death toll to 275 from 288") and the named origin of the cluster that states that figure as its
    own, within :data:`BRIEFING_DAYS`. The reviser passes the earlier figure on; it is no second
    origin of it. Only where the cluster's figure is the replaced one: in a cluster of the new
    figure the reviser is its origin."""
    revised: dict[int, tuple[str, str]] = {}
    for i, it in enumerate(items):
        m = _REVISION.search(it.text)
        if m:
            revised[i] = (m.group("old") or m.group("old2"), m.group("new") or m.group("new2"))
    if not revised:
        return []
    stated = Counter(
        f for i, it in enumerate(items) if i not in revised for f in set(_FIGURE.findall(it.text))
    )
    owners = [
        j
        for j in range(len(items))
        if j not in revised and not keys[j][2] and not keys[j][0].startswith("outlet:")
    ]
    out: list[tuple[int, int]] = []
    for i, (old, new) in revised.items():
        if stated[old] <= stated[new]:
            continue
        fits = [j for j in owners if old in _FIGURE.findall(items[j].text) and _near(items[i], items[j])]
        if fits:
            reach = Counter(find(j) for j in fits)
            out.append((i, max(fits, key=lambda j: (reach[find(j)], -j))))
    return out


def _sideless(side: str | None, voiced: set[str | None], anchor_sides: set[str | None]) -> bool:
    """Whether an unnamed voice's side tells it apart from a cluster's named origin: no side, or a
    side no named official of the cluster speaks for while the named origin speaks for no other
    ("Palestinian officials said 471 were killed" beside the Gaza health ministry's 471: the
    ministry's figure passed on; "U.S. officials" beside Turkey's disaster agency are not its relay)."""
    return side is None or (side not in voiced and anchor_sides <= {None, side})


def _media(item: ClaimItem) -> bool:
    return item.origin is not None and not item.origin.relay and item.origin.type is EntityType.MEDIA_OUTLET


def _near(a: ClaimItem, b: ClaimItem, days: int = BRIEFING_DAYS) -> bool:
    """Whether two claims can be one news cycle's: published within :data:`BRIEFING_DAYS`, or one
    dating its figure, or naming a past day, to the other's days ("the death toll was ten on 12 June,
    the Ukrainian authorities revealed", four days after the governor gave ten on 12 June)."""
    da, db = a.doc.published, b.doc.published
    if da is None or db is None:
        return True
    days_a = {da, *(m.when for m in a.measures if m.when is not None), *_days_named(a, da)}
    days_b = {db, *(m.when for m in b.measures if m.when is not None), *_days_named(b, db)}
    return any(abs((x - y).days) <= days for x in days_a for y in days_b)


def _days_named(item: ClaimItem, published: date) -> list[date]:
    """The past days a claim names ("the last time the authorities revealed the toll was on 12
    June"): what it reports is dated to them, whatever day it is published."""
    out = []
    for t in item.claim.times:
        if t.granularity == "day" and t.resolved:
            try:
                day = date.fromisoformat(t.resolved)
            except ValueError:
                continue
            if day <= published:
                out.append(day)
    return out


def _same_group(a: str, b: str) -> bool:
    wa, wb = a.removeprefix("anon:").split(), b.removeprefix("anon:").split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return set(wa) <= set(wb) or set(wb) <= set(wa)


_TOKEN = re.compile(r"[a-z0-9]+")
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
#: Words a claim's content needs for its wording alone to show a wire copy.
CONTENT_COPY_WORDS = 10


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_INNER_HYPHEN.sub("", text.lower()))  # "co-ordinator" = "coordinator"


def _grams(toks: list[str], size: int) -> frozenset[tuple[str, ...]]:
    if len(toks) < size:
        return frozenset([tuple(toks)]) if toks else frozenset()
    return frozenset(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


def _shingles(item: ClaimItem, size: int = 4) -> frozenset[tuple[str, ...]]:
    span = item.claim.sentence
    return _grams(_tokens(span.text if span is not None else item.text), size)


def _content_shingles(item: ClaimItem, size: int = 4) -> frozenset[tuple[str, ...]]:
    """The content's word 4-grams, where it is long enough to be a copy's wording rather than a
    stock phrase: two copies of one wire story may differ only in how they name the source
    ("the UN's regional co-ordinator for Syria has said" / "… for the Syrian crisis said Thursday")."""
    toks = _tokens(item.text)
    return _grams(toks, size) if len(toks) >= CONTENT_COPY_WORDS else frozenset()


def _jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
