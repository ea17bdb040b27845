"""Blame conflicts: who did it, according to whom.

War and disaster stories turn on responsibility: "Ukraine accused Russian forces of blowing up
the dam", "deliberate sabotage by the Ukrainian side", "the evidence suggests an explosion set
off by Russia", "the Kremlin decisively rejected accusations that Moscow's forces were behind
it". Two such claims in one story that name *different* agents for the story's event cannot
both be true: a polarity conflict on the agent. A claim that names an agent and a denial of
responsibility by (or for) that agent are a stance conflict.

A claim's agent is read from the attribution and its content:

* the cue blames someone: "X accused / blamed Y (of …)", "placing the blame on Y": the first
  side named in the content;
* the content names a doer: "by Y" after an act ("sabotage by Kyiv", "set off by Russia"),
  "responsibility lies with Y", "Y was behind / responsible", "Y blew up / destroyed …", or
  a side's adjective on an act ("a Ukrainian strike", "Russian shelling");
* a denial (stance ``denied``) of "responsibility" is the source's own side's, of
  "accusations that Y …" is Y's.

A side is a country: a mention resolves through the entity gazetteer (capitals and seats of
government are their countries: "Moscow", "the Kremlin", "Kyiv") or a demonym ("Ukrainian").
Conflicts are reported once per story and pair of sides, on the earliest claim of each side,
with every origin of each side in the reason: one row per disagreement, not one per article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ..extract.lexicon import any_word
from ..model import Conflict, ConflictKind, Stance
from .corpus import ClaimItem

#: ``side(phrase)``: the country a phrase stands for ("Russian forces" -> "Russia"), or None.
SideOf = Callable[[str], str | None]

_ACTS = (
    r"sabotag\w*|blow\w*\s+up|blew\s+up|destr\w+|attack\w*|strike|struck|shell\w*|bomb\w*|"
    r"explo\w+|demoli\w+|mine[ds]?|damag\w+|set\s+off|detonat\w+|hit|fir\w+|"
    r"rockets?|missiles?|munitions?|projectiles?"
)
#: A side named after the act or the word that points at it: one to three words, "the" allowed.
_AGENT = r"(?P<agent>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2})"
#: A side named before what it did or is: one to three words, as few as will do.
_AGENT_BEFORE = r"(?P<agent>\b[\w’'-]+(?:\s+[\w’'-]+){0,2}?)"
_BY = re.compile(rf"\b(?:{_ACTS})\b[^.;:]{{0,60}}?\bby\s+{_AGENT}", re.I)
#: "all indications pointed to Israel's responsibility": the side whose responsibility it is.
_OWNS = re.compile(r"\b(?P<agent>[A-Z][\w’'-]+)(?:'s|’s)\s+(?:responsibility|culpability|guilt)\b")
_LIES = re.compile(rf"\bresponsib\w+\s+(?:lies|rests)\s+(?:with|on)\s+{_AGENT}", re.I)
_BEHIND = re.compile(
    rf"{_AGENT_BEFORE}\s+(?:(?:was|were|is|are|being)\s+)?(?:(?:the\s+)?culprit|behind|responsible)\b", re.I
)
_DID = re.compile(rf"{_AGENT_BEFORE}\s+(?:had\s+|have\s+|has\s+)?(?:{_ACTS})\b", re.I)
_SIDE_ACT = re.compile(
    r"\b(?P<agent>[A-Z][\w’'-]+)\s+(?:strike|shelling|bombardment|attack|sabotage|missile|forces'?)\b"
)
_CLAIMED = re.compile(r"\bclaim(?:s|ed|ing)?\b", re.I)
_ACT_NOUN = re.compile(
    r"\b(?:attack|assault|bombing|shooting|rampage|massacre|killing|raid|strike|explosion|blast|hostage)s?\b",
    re.I,
)
#: A side tied to the act: "a possible Ukraine connection", "its initial line of a link to Ukraine".
_LINK_TO = re.compile(rf"\b(?:links?|connections?|ties|trail|trace)\s+(?:to|with)\s+{_AGENT}", re.I)
_SIDE_LINK = re.compile(r"\b(?P<agent>[A-Z][\w’'-]+)\s+(?:connection|link|trail|trace|involvement|hand)\b")
#: A time clause open before a blamed act: the report's framing of the event, not the speaker's point.
_TIME_CLAUSE = re.compile(r"\b(?:after|following|since|when)\s+[^,;.]*$", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|on|of|outside|inside)\s+$", re.I)
_PROOF = re.compile(r"\b(?:proof|evidence|sign|signs|indication)\s+(?:of|for|that)\b[^.;]*$", re.I)
_BLAME_CUES = any_word(r"accus\w* blam\w*")
_REJECTS = re.compile(
    r"\b(?:reject|den(?:y|ied|ies)|dismiss|refut)\w*\b[^.;]{0,40}?\b(?:accusations?|claims?|allegations?)\b"
    r"(?:\s+by\s+[^.;]{0,60}?\s+that\b|\s+that\b)?",
    re.I,
)
_PASSIVE = any_word("was were is are been be being of in on at to")
#: What a side denies about itself: "denied responsibility", "any involvement", "nothing to do with".
_OWN_PART = re.compile(r"\b(?:responsib|involve|nothing to do|role\b|link\b|links\b|behind\b)", re.I)
#: A denial's content that only points back at charges made before: "the claims", "these allegations".
_BARE_CHARGE = re.compile(
    r"\W*(?:the|these|those|such|all|any|this|that|its|their)?\s*"
    r"(?:claims?|accusations?|allegations?|charges?|assertions?|suggestions?)\W*",
    re.I,
)
_EACH_OTHER = any_word(r"each\s+other one\s+another")


@dataclass(slots=True)
class Blame:
    item: ClaimItem
    side: str
    denied: bool  # the claim denies this side's responsibility
    own: bool = False  # the speaker claims the act itself ("the group claimed responsibility")
    presupposed: bool = False  # named in a time clause ("after Russian forces destroyed the dam")


def blame_of(item: ClaimItem, side_of: SideOf) -> Blame | None:
    """The side a claim holds (or denies to be) responsible, if it names one."""
    text = item.text
    if not text.strip() or _EACH_OTHER.search(text) or item.neutral:
        return None
    claim = item.claim
    rejected = _REJECTS.search(text)
    if rejected:  # "the Kremlin decisively rejected accusations … that Moscow's forces were behind"
        side = _denied_side(text[rejected.end() :], item, side_of)
        return Blame(item, side, True) if side else None
    if claim.stance is Stance.DENIED:
        side = _denied_side(re.split(r"\baccusations?\b", text, maxsplit=1)[-1], item, side_of)
        if side is None and _BARE_CHARGE.fullmatch(text) and claim.source is not None:
            # "Kyiv categorically denied the claims": the charges it answers are against its own side
            side = _first_side(claim.source.text, side_of)
        return Blame(item, side, True) if side else None
    if item.negative:
        if _OWN_PART.search(text):  # "Ukraine certainly has nothing to do with the shooting"
            side = _denied_side(text, item, side_of)
            return Blame(item, side, True) if side else None
        return None
    own = _own_claim(item)
    if own is not None:
        return Blame(item, own, False, own=True)
    if _BLAME_CUES.search(claim.cue.text):
        side = _first_side(text, side_of)
        return Blame(item, side, False) if side else None
    for pattern in (_LIES, _OWNS, _BY, _BEHIND, _SIDE_ACT, _DID, _LINK_TO, _SIDE_LINK):
        for m in pattern.finditer(text):
            if _PASSIVE.search(m.group("agent")):
                continue  # "the dam in Ukraine was destroyed": the patient, not the doer
            if _PROOF.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "any proof of a link with Ukraine": asking for the evidence, not giving it
            if pattern in (_DID, _SIDE_ACT) and _PLACE_BEFORE.search(text[: m.start("agent")]):
                continue  # "the toll in Moscow concert hall attack": where it happened, not who did it
            side = _first_side(m.group("agent"), side_of)
            if side:
                return Blame(item, side, False, presupposed=bool(_TIME_CLAUSE.search(text[: m.end("agent")])))
    return None


def _own_claim(item: ClaimItem) -> str | None:
    """The speaker, when a claim is its claim of the act: "X claimed responsibility for the attack",
    "the attack was swiftly claimed by X", "X claiming responsibility for the massacre". Plain
    "claimed" that introduces a statement ("Russia claimed that Kyiv blew up the dam") is not one:
    the content must be the responsibility or the act itself, in a few words."""
    claim, o = item.claim, item.origin
    if o is None or o.anonymous or o.relay or not _CLAIMED.search(claim.cue.text):
        return None
    both = f"{claim.cue.text} {item.text}"
    if re.search(r"\bresponsib", both, re.I) or (len(item.text.split()) <= 8 and _ACT_NOUN.search(item.text)):
        return o.name
    return None


def _denied_side(text: str, item: ClaimItem, side_of: SideOf) -> str | None:
    """Whose part a denial denies: the side named before the part ("that Moscow's forces were
    behind", "Ukraine has nothing to do with"), else the speaker's own ("Ukrainian officials denied
    responsibility", "dismissed allegations of the country's involvement in the shooting in Moscow
    Region": the place after the part is where it happened, not who did it)."""
    parts = list(_OWN_PART.finditer(text))
    side = None if parts else _first_side(text, side_of)
    for part in parts:
        # "ISIS bears sole responsibility for this attack. There was no Ukrainian involvement":
        # the part a side is named before, whichever of the parts named it
        side = _first_side(text[: part.start()], side_of)
        if side is not None:
            break
    if side is None and parts and item.claim.source is not None:
        side = _first_side(item.claim.source.text, side_of)
    return side


def _first_side(text: str, side_of: SideOf) -> str | None:
    words = re.findall(r"[\w’'.-]+", text)[:12]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            side = side_of(" ".join(words[i : i + n]))
            if side:
                return side
    return None


def blaming(items: list[ClaimItem], side_of: SideOf) -> set[str]:
    """The ids of the claims that name a side responsible for the story's event, or deny it: the
    disagreements :func:`blame_conflicts` shows, one row per pair of sides, which no other
    conflict rule repeats claim by claim."""
    side_of = with_place_demonyms(side_of)
    return {it.id for it in items if blame_of(it, side_of) is not None}


def blame_conflicts(items: list[ClaimItem], side_of: SideOf, story: str | None) -> list[Conflict]:
    """Polarity conflicts between sides blamed for one story's event, and stance conflicts with denials.

    Sides the entity gazetteer lacks are read here through the places gazetteer's demonyms
    ("an errant Palestinian rocket"): enough to tell two sides apart in a disagreement, while the
    blame propositions (:func:`blame_groups`) keep to the entity gazetteer's countries."""
    side_of = with_place_demonyms(side_of)
    # a group's claim of its own act is no answer to who sponsored it: it stands as a proposition
    # (blame_groups) but sets no side against another
    blames = [b for it in items if (b := blame_of(it, side_of)) is not None and not b.own]
    if not blames:
        return []
    by_side: dict[str, list[Blame]] = defaultdict(list)
    denials: dict[str, list[Blame]] = defaultdict(list)
    for b in sorted(blames, key=_order):
        # "the USA, Britain and Ukraine are behind it", "the UK, US and Ukraine deny any
        # involvement": every party a list names is blamed (or denies), not only the first
        for side in listed_sides(b, side_of):
            (denials if b.denied else by_side)[side].append(b if side == b.side else replace(b, side=side))
    out: list[Conflict] = []
    sides = sorted(by_side, key=lambda s: _order(by_side[s][0]))
    # who accuses, for which camp, and which parties each claim lists together: once per side
    who = {s: {_who(x) for x in by_side[s]} for s in sides}
    camps = {s: {_camp(x, side_of) for x in by_side[s]} for s in sides}
    listed = {s: [_coordinated(x, side_of) for x in by_side[s]] for s in sides}
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if who[a] <= who[b] or who[b] <= who[a]:
                continue  # the same accusers naming several parties: a joint blame, no contradiction
            if camps[a] & camps[b]:
                continue  # one side's officials naming several parties ("the US, Britain and Ukraine")
            if any({a, b} <= together for together in listed[a] + listed[b]):
                continue  # one claim naming both parties ("the UK, US and Ukraine were behind it")
            first_a, first_b = by_side[a][0], by_side[b][0]
            # worded so that no verb agrees with the names: "Dmitry Peskov say" read as an error
            why = (
                f"who is responsible: {a} according to {_origins(by_side[a])}; "
                f"{b} according to {_origins(by_side[b])}"
            )
            conflict = Conflict(ConflictKind.POLARITY, first_a.item.ref(), first_b.item.ref(), why, story)
            out.append(_with_sides(conflict, by_side[a], by_side[b]))
    rows: dict[str, tuple[list[Blame], list[Blame]]] = {}
    for side, denied in denials.items():
        accusers = [b for b in by_side.get(side, []) if _who(b) != _who(denied[0])]
        if accusers:
            rows[side] = (accusers, denied)
    folded: dict[str, str] = {}
    for side, (accusers, denied) in rows.items():
        into = _covered(side, accusers, denied, by_side, denials, side_of)
        if into is not None and into in rows:
            folded[side] = into  # Britain blamed, and denying, only with Ukraine by one camp
    for side, (accusers, denied) in rows.items():
        if side in folded:
            continue
        why = f"{side} held responsible by {_origins(accusers)}; denied by {_origins(denied)}"
        # the evidence shown is the accusation the denial answers: in its own article if it
        # has one ("officials said a strike destroyed it … Ukrainian officials denied"), else the
        # one nearest in time
        answered = min(accusers, key=lambda b: _distance(b, denied[0]))
        conflict = Conflict(ConflictKind.STANCE, answered.item.ref(), denied[0].item.ref(), why, story)
        more_a = [b for x, y in folded.items() if y == side for b in rows[x][0]]
        more_d = [b for x, y in folded.items() if y == side for b in rows[x][1]]
        out.append(_with_sides(conflict, accusers + more_a, denied + more_d))
    return out


def listed_sides(b: Blame, side_of: SideOf) -> list[str]:
    """The side a blame names, and the parties listed with it ("the UK, US and Ukraine"), in
    the claim's content or, for a denial, its source ("The UK, US and Ukraine continue to deny")."""
    out = [b.side]
    texts = [b.item.text]
    if b.denied and b.item.claim.source is not None:
        texts.append(b.item.claim.source.text)
    for text in texts:
        together = _coordinated_in(text, side_of)
        if b.side in together:
            out += sorted(together - set(out))
    return out


def _covered(
    side: str,
    accusers: list[Blame],
    denied: list[Blame],
    by_side: dict[str, list[Blame]],
    denials: dict[str, list[Blame]],
    side_of: SideOf,
) -> str | None:
    """The side whose row already shows this side's disagreement: every camp blaming
    this side blames that one too, and every denial for this side denies for that one too. One
    camp's list of parties ("the USA, Britain and Ukraine are behind it", "Russian officials
    blamed Britain"), denied by "the UK, US and Ukraine", is one disagreement (a joint blame),
    shown once, on the side most claims blame."""
    mine_a = {_camp(b, side_of) for b in accusers}
    mine_d = {b.item.id for b in denied}
    for other in denials:
        if other == side:
            continue
        theirs_a = {_camp(b, side_of) for b in by_side.get(other, [])}
        theirs_d = {b.item.id for b in denials[other]}
        bigger = len(by_side.get(other, [])) + len(theirs_d) > len(accusers) + len(mine_d)
        if mine_a <= theirs_a and mine_d <= theirs_d and (bigger or other < side):
            return other
    return None


def _with_sides(conflict: Conflict, side_a: list[Blame], side_b: list[Blame]) -> Conflict:
    """The conflict with the rest of each side's claims: every accusation and every denial."""
    a_ids = dict.fromkeys(b.item.id for b in side_a if b.item.id != conflict.a.id)
    b_ids = dict.fromkeys(b.item.id for b in side_b if b.item.id != conflict.b.id)
    refs = {b.item.id: b.item for b in side_a + side_b}
    conflict.a_also = [refs[i].ref() for i in a_ids]
    conflict.b_also = [refs[i].ref() for i in b_ids]
    return conflict


def _distance(a: Blame, b: Blame) -> tuple[bool, int, int, tuple[date, str, str]]:
    """How far accusation ``a`` is from denial ``b``: another article, days apart, and inside one
    article characters apart (a denial answers the accusation told just before it: "officials
    said a strike destroyed it … Ukrainian officials denied responsibility", not the one in the
    lead)."""
    da, db = a.item.doc.published, b.item.doc.published
    days = abs((da - db).days) if da is not None and db is not None else 0
    apart = a.item.doc.id != b.item.doc.id
    chars = 0 if apart else abs(_at(a) - _at(b))
    return (apart, days, chars, _order(a))


def _at(b: Blame) -> int:
    claim = b.item.claim
    if claim.sentence is not None:
        return claim.sentence.start
    return claim.content[0].start if claim.content else 0


def _order(b: Blame) -> tuple[date, str, str]:
    return (b.item.doc.published or date.min, b.item.doc.id, b.item.claim.id)


def _coordinated(b: Blame, side_of: SideOf) -> set[str]:
    """The sides a blaming claim names together in one list ("the UK, US and Ukraine")."""
    return _coordinated_in(b.item.text, side_of)


def _coordinated_in(text: str, side_of: SideOf) -> set[str]:
    found: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?", text):
        side = side_of(m.group(0)) or side_of(m.group(0).split()[0])
        if side:
            found.append((m.start(), m.end(), side))
    out: set[str] = set()
    for (_s1, e1, a), (s2, _e2, c) in zip(found, found[1:], strict=False):
        if a != c and re.fullmatch(r"\s*(?:,|and|or|as well as|the|\s)*\s*", text[e1:s2]):
            out.update((a, c))
    return out


def _camp(b: Blame, side_of: SideOf) -> str:
    """The side an accuser speaks for, else who it is."""
    return accuser_side(b.item, side_of) or _who(b)


def _who(b: Blame) -> str:
    it = b.item
    if it.origin is not None:
        return it.origin.name
    if it.source is not None:
        return it.source.name
    return it.doc.outlet


def _origins(blames: list[Blame]) -> str:
    names = list(dict.fromkeys(_who(b) for b in blames))
    return ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")


def gazetteer_sides(lookup: Callable[[str], tuple[str, object] | None], countries: set[str]) -> SideOf:
    """A side resolver over the entity gazetteer: names, capitals and demonyms of its countries."""
    stems = {c: c.lower()[:5] for c in countries if len(c) >= 5}

    def side_of(phrase: str) -> str | None:
        p = re.sub(r"(?:'s|’s)$", "", phrase.strip().strip("'’\".,").lower())
        p = re.sub(r"^the\s+", "", p)
        if not p:
            return None
        hit = lookup(p)
        if hit is not None and hit[0] in countries:
            return hit[0]
        if " " in p:
            return None
        for country, stem in stems.items():
            # a demonym: "ukrainian" / "russian" / "syrian" share the country's stem
            if (
                p.startswith(stem)
                and p != country.lower()
                and re.fullmatch(r"[a-z]+(?:ian|ean|an|ese|ish|i)", p)
            ):
                return country
        return None

    return side_of


def with_place_demonyms(side_of: SideOf) -> SideOf:
    """``side_of``, and for a demonym it does not know a side from the places gazetteer's
    demonyms ("Palestinian"): only a word written as a demonym, never a place's name (a place is
    where it happened, not who did it)."""

    def side(phrase: str) -> str | None:
        found = side_of(phrase)
        word = phrase.strip().strip("'’\".,").lower()
        if found is not None or not re.fullmatch(r"[a-z]+(?:ian|ean|an|ese|ish|i)s?", word):
            return found
        from ..places import default_places

        place = default_places().demonym(word)
        return place.name if place is not None else None

    return side


def blame_groups(items: list[ClaimItem], side_of: SideOf) -> list[tuple[str, list[ClaimItem]]]:
    """The claims holding each side responsible, by side and accuser, where two documents or more do.

    "Ukraine accused Russian forces of blowing up the dam", "placing the blame on Moscow",
    "after Russian forces destroyed the dam": one proposition (Russia did it), whatever the wording,
    which sentence similarity alone does not see. Who says so is part of the proposition: one
    side's accusation, a third country's intelligence and experts' evidence are told apart by the
    accuser's side (the origin's country, from its name, roles or description, else the source's
    words); accusers of no known side stand together. The key is ``"Russia"`` or
    ``"Russia|Ukraine"`` (blamed, accuser).
    """
    blamed = [(it, b) for it in items if (b := blame_of(it, side_of)) is not None and not b.denied]
    people = _people_sides([it for it, _b in blamed], side_of)
    by_side: dict[str, list[ClaimItem]] = defaultdict(list)
    for it, b in blamed:
        accuser = None if b.own else accuser_side(it, side_of, people)
        if b.own:
            key = OWN + b.side
        else:
            key = b.side if accuser is None or accuser == b.side else f"{b.side}|{accuser}"
        # "27 people are missing after Russian troops destroyed the dam", the minister said: the
        # blame is the report's framing of the event, so it counts as the outlet's voice (which
        # repeats the side's accusers), not as one more origin of the accusation
        by_side[key].append(replace(it, origin=None) if b.presupposed else it)
    # accusers of no known side in one document only are no proposition of their own: they stand
    # with the side's main accusers
    for side in [k for k in by_side if "|" not in k and not k.startswith(OWN)]:
        if len({it.doc.id for it in by_side[side]}) < 2:
            known = [k for k in by_side if k.startswith(side + "|")]
            if known:
                main = max(known, key=lambda k: (len({it.doc.id for it in by_side[k]}), k))
                by_side[main].extend(by_side.pop(side))
    for it in items:  # "Russia and Ukraine blamed each other": a proposition of its own
        if mutual_blame(it):
            by_side[MUTUAL].append(it)
    # a side denying its own part ("Ukraine has denied any involvement", "Kyiv rejected the
    # accusations"), however worded, is one proposition: the denial the accusations meet
    for it in items:
        b = blame_of(it, side_of)
        if b is not None and b.denied and accuser_side(it, side_of, people) == b.side:
            by_side[DENIES + b.side].append(it)
    out = []
    for side, members in sorted(by_side.items()):
        if len({it.doc.id for it in members}) >= 2:
            out.append(
                (side, sorted(members, key=lambda it: (it.doc.published or date.min, it.doc.id, it.id)))
            )
    return out


#: The blame group key of claims saying the sides blame each other.
MUTUAL = "*"
#: Prefix of the blame group key of a side's denials of its own part.
DENIES = "!"
#: Prefix of the blame group key of a speaker's claims of its own act.
OWN = "+"


def mutual_blame(item: ClaimItem) -> bool:
    """ "Ukraine and Russia blamed each other for blowing up the structure", "traded accusations"."""
    if item.neutral or item.negative:
        return False
    text = item.text
    if _EACH_OTHER.search(text) and _BLAME_CUES.search(f"{item.claim.cue.text} {text}"):
        return True
    return re.search(r"\b(?:traded|trading|trade)\s+(?:accusations|blame)\b", text, re.I) is not None


def accuser_side(item: ClaimItem, side_of: SideOf, people: dict[str, str] | None = None) -> str | None:
    """The side of the one who says it: the origin's country ("Ukraine's interior ministry",
    "Ukrainian Interior Minister Ihor Klymenko", "U.S. officials"), the side of a person its role
    ties it to ("adviser to President Zelensky"), else the source's words."""
    o = item.origin
    texts: list[str] = []
    if o is not None and not o.relay:
        texts += [
            o.name,
            *sorted(o.roles),
            *sorted(o.aliases),
            *([o.group.removeprefix("anon:")] if o.group else []),
        ]
    for text in texts:
        side = _first_side(text, side_of)
        if side:
            return side
    if o is not None and not o.relay and people:
        own = _surname_key(o.name.split()[-1]) if o.name.split() else ""
        for role in sorted(o.roles):
            for word in re.findall(r"\b[A-Z][\w’'-]{3,}", role):
                side = people.get(_surname_key(word))
                if side and _surname_key(word) != own:
                    return side
    if item.claim.source is not None:
        return _first_side(item.claim.source.text, side_of)
    return None


def _surname_key(word: str) -> str:
    return word.casefold()[:6]


def _people_sides(items: list[ClaimItem], side_of: SideOf) -> dict[str, str]:
    """Surname (first six letters: spellings vary) -> side, for the people whose roles name a side."""
    out: dict[str, str] = {}
    for it in items:
        o = it.origin
        if o is None or o.anonymous or not o.roles or not o.name.split():
            continue
        for role in sorted(o.roles):
            side = _first_side(role, side_of)
            if side:
                out.setdefault(_surname_key(o.name.split()[-1]), side)
                break
    return out
