"""Claim clusters: claims in different documents of one story asserting the same proposition.

Clustering runs inside each story (the blocking step that keeps the cost near-linear: claims
are only compared with claims of the same story). Two claims of different documents are
*linked* when they state the same thing:

* by their numbers: both count one measure series (:class:`~reportedly.model.Measure`) with
  values that can both be true (bounds that meet) for about the same day: "passed 20,000 on
  Thursday" and "climbed to more than 20,000 on Thursday" are one proposition; "17,134" and
  "24,617" for the same series are two (a series, not a proposition), and such a pair is a
  *cannot-link*: no chain of text links may put them in one cluster. Figures are one only when
  they state the same number within :data:`FIGURE_TOLERANCE` ("at least 16" and "29" can both
  be true but are two reports), and an exact figure restated days later is the same one;
* by their text: close sentence vectors (``threshold``) *and* a lexical anchor (at least
  :data:`LEXICAL_OVERLAP` of content words shared), or very close vectors alone
  (:data:`STRONG` above the threshold), or one outlet's quotation inside another's longer one
  (:data:`QUOTE_CONTAINMENT`). Sentence vectors alone are dominated by topic: every sentence
  about the dam is close to every other.

Links are taken strongest first and merge clusters unless the merge would join a cannot-link
pair or, for a text link, the two clusters are not close on average (average linkage,
:data:`AVERAGE_SLACK`): one close pair must not chain a whole topic together. Polarity splits:
a denial and a confirmation of the same thing are near neighbours in vector space but must not
corroborate each other; they go to separate clusters and meet again in
:mod:`reportedly.link.conflicts`. Neutral claims (declined to comment, cannot verify) take no
side and are not clustered, nor are contents of fewer than :data:`MIN_WORDS` content words
without a measured number (a name, a fragment). A cluster is kept when its claims come from at
least two documents.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import numpy as np

from ..model import Measure, MeasureScope, Quantity
from .across import figures_across_languages, statements_across_languages
from .corpus import ClaimItem, vague
from .embed import words
from .independence import origin_key
from .numbers import FIXED_PROPERTIES, bounds
from .pairs import FEATURES, FLOOR, PairModel, feature_matrix, pair_features, pair_view
from .settle import place_containment

#: Content-word Jaccard overlap two claims need, beside close vectors, to be linked by text.
LEXICAL_OVERLAP = 0.2
#: How far below the threshold the average similarity of two clusters may be for a text link to join
#: them (average linkage): one close pair must not chain a topic's claims into one "proposition".
AVERAGE_SLACK = 0.05
#: How far above the threshold vectors alone link two claims.
STRONG = 0.2
#: Content words a claim needs to be clustered by its text (claims counting a measure need none).
MIN_WORDS = 4
#: Share of the shorter content's word 4-grams found in the other for two claims to be one quotation.
QUOTE_CONTAINMENT = 0.5
#: Words a content needs to be compared as a quotation (shorter ones are stock phrases).
QUOTE_WORDS = 10
#: How much lower the similarity bar is for two claims of one named origin ("Putin said …" in two reports).
SAME_VOICE_SLACK = 0.2
#: Days apart two figures of one series may be and still state one proposition.
SAME_FIGURE_DAYS = 1
#: How far apart (relative) two stated figures may be and still be one figure ("3,614", "more than 3,600").
FIGURE_TOLERANCE = 0.03

_MIN = date.min
#: Scopes of one series' key: a count at a time and a running total ("104 rescued", "104 so far").
_COUNTS = frozenset((MeasureScope.POINT, MeasureScope.CUMULATIVE))


@dataclass(slots=True)
class Group:
    id: str = ""
    items: list[ClaimItem] = field(default_factory=list)
    centroid: np.ndarray | None = None
    measure: str | None = None

    @property
    def documents(self) -> set[str]:
        return {it.doc.id for it in self.items}


def cluster_id(claim_ids: list[str], figure: str = "") -> str:
    key = min(claim_ids) + (f"|{figure}" if figure else "")
    return "k-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def figure_groups(items: list[ClaimItem]) -> list[Group]:
    """One cluster per figure stated by several documents: same series, same day, bounds that meet.

    A claim stating several figures ("17,134 deaths in Turkey and another 3,317 in Syria,
    putting the total at 20,451") belongs to one figure cluster per figure, beside its text
    cluster: each figure is a proposition other outlets repeat on its own. Series are compared
    without their place first: the very same number of the same thing, once with its place
    ("1,414 people in the country", read as Syria) and once without ("stands at 1,414"), is one
    figure; two places that cannot be one area never share a cluster.
    """
    by_series: dict[tuple, list[tuple[ClaimItem, int, Measure]]] = {}
    for it in items:
        if it.neutral:
            continue
        for m in it.measures:
            if not vague(it.claim.quantities[m.position]):
                t = m.typed
                # a count and a running total are one series here: "104 rescued" and "104 rescued
                # so far" are one figure (:func:`_same_place` lets only the same number cross)
                scope = MeasureScope.POINT if t.scope in _COUNTS else t.scope
                base = (t.what, t.unit, t.subject, scope, t.period_days)
                by_series.setdefault(base, []).append((it, m.position, t))
    out: list[Group] = []
    for _base, points in sorted(by_series.items(), key=lambda kv: str(kv[0])):
        points.sort(key=lambda p: (p[0].measures_when(p[1]) or _MIN, p[0].doc.id, p[0].id))
        runs: list[list[tuple[ClaimItem, int, Measure]]] = []
        for point in points:
            for run in runs:
                if all(_same_place(point, other) for other in run) and any(
                    _same_figure(point[:2], other[:2]) for other in run
                ):
                    run.append(point)
                    break
            else:
                runs.append([point])
        for run in runs:
            members = list({it.id: it for it, _pos, _t in run}.values())
            if len({it.doc.id for it in members}) >= 2:
                keys = Counter(t.key for _it, _pos, t in run)
                key = max(keys, key=lambda k: (keys[k], len(k), k))
                out.append(Group(items=members, measure=key))
    return out


def _same_place(a: tuple[ClaimItem, int, Measure], b: tuple[ClaimItem, int, Measure]) -> bool:
    """Two points of one unplaced series that may count in one place: the same place and control,
    or, for the very same number only, one place unknown or one inside the other."""
    (ia, pa, ta), (ib, pb, tb) = a, b
    exact = same_exact(ia.claim.quantities[pa], ib.claim.quantities[pb])
    if ta.scope != tb.scope and not (exact and {ta.scope, tb.scope} <= _COUNTS):
        return False  # a count and a running total ("so far") are one figure only as the same number
    if (ta.place, ta.qualifier) == (tb.place, tb.qualifier):
        return True
    if not exact:
        return False
    if ta.place is None or tb.place is None:
        return True
    return _may_be_one_place(ta.place, tb.place)


def _same_figure(a: tuple[ClaimItem, int], b: tuple[ClaimItem, int]) -> bool:
    (ia, pa), (ib, pb) = a, b
    da, db = ia.measures_when(pa), ib.measures_when(pb)
    fixed = (
        ia.claim.quantities[pa].measure is not None
        and ia.claim.quantities[pa].measure.unit in FIXED_PROPERTIES
    )
    qa, qb = ia.claim.quantities[pa], ib.claim.quantities[pb]
    if (
        not fixed
        and not same_exact(qa, qb)
        and da is not None
        and db is not None
        and abs((da - db).days) > SAME_FIGURE_DAYS
    ):
        return False  # "more than 20,000" on one day and days later are two reports, not one
    return one_figure(qa, qb)


def one_figure(a: Quantity, b: Quantity) -> bool:
    """Two quantities stating one figure: bounds that meet *and* figures that are the same number
    within :data:`FIGURE_TOLERANCE`. "At least 16" and "29" can both be true, but they are two
    reports; "more than 3,600" and "3,614" are one."""
    (la, ha), (lb, hb) = bounds(a), bounds(b)
    if max(la, lb) > min(ha, hb):
        return False
    fa, fb = _anchor(a), _anchor(b)
    if fa is None or fb is None:
        return True
    return abs(fa - fb) <= FIGURE_TOLERANCE * max(abs(fa), abs(fb))


def _anchor(q: Quantity) -> float | None:
    """The number a quantity states: its value, else the bound it names."""
    for v in (q.value, q.low, q.high):
        if v is not None:
            return float(v)
    return None


def _exact(q: Quantity) -> float | None:
    """The figure of a quantity stated exactly ("3,614", "144"; not "more than 3,600", "about 40")."""
    if q.approximate or q.value is None or q.low != q.value or q.high != q.value:
        return None
    return q.value


def same_exact(a: Quantity, b: Quantity) -> bool:
    """One stated figure of one series, whatever the days: a toll restated later ("the attack that
    killed 144", "more than 7,600 injured" days after "7,600 injuries") repeats the report that gave
    it; a changed toll is a different figure."""
    va, vb = _anchor(a), _anchor(b)
    if va is None or va != vb:
        return False
    return _exact(a) is not None or _exact(b) is not None or (a.low, a.high) == (b.low, b.high)


def cluster_claims(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    threshold: float,
    model: PairModel | None = None,
    blame: dict[str, str] | None = None,
) -> list[Group]:
    """Clusters of one story's claims (cross-document ones only), in order of first appearance.

    With a pair ``model`` (:mod:`reportedly.link.pairs`), text links between asserted claims are the
    model's: a pair is linked when its probability reaches the model's threshold; figure links,
    cannot-links and the split by polarity stay as they are. Refusals keep the hand rules.
    ``blame`` (claim id -> its blame proposition, :func:`reportedly.link.blame.blame_groups`) is
    evidence the model reads.
    """
    every = [
        it
        for it in sorted(items, key=lambda it: (it.doc.published or _MIN, it.doc.id, it.claim.id))
        if it.text.strip() and (it.measures or len(set(words(it.statement))) >= MIN_WORDS)
    ]
    ordered = [it for it in every if not it.neutral]
    groups: list[Group] = []
    for side in _sides(items):
        groups.extend(_link(side, vectors, threshold, model, blame))
    # refusals and doubts repeated by several outlets ("I will leave this question unanswered", "the
    # Kremlin refused to comment on the claim") are a proposition of their own: linked only among
    # themselves, per stance and per named voice, never with what was asserted
    groups.extend(neutral_groups(every, vectors, threshold))
    figures = figure_groups([it for it in ordered if not it.negative])
    # the same count stated in two languages, where the readers typed it differently or not at all
    # (a claim with an untyped count and no English words is not in ``every``)
    across = [it for it in items if it.text.strip() and not it.neutral and not it.negative]
    figures += [Group(items=m, measure=k) for m, k in figures_across_languages(across)]
    # one speaker's statement naming the same number in two languages (no figure, no shared words)
    figures += [Group(items=pair) for pair in statements_across_languages(across)]
    # a text cluster holding exactly a figure cluster's claims is that figure's proposition: keep it
    # under the figure's series (a claim's other figures stand in their own figure clusters)
    stated = {frozenset(it.id for it in g.items) for g in figures}
    groups = [g for g in groups if frozenset(it.id for it in g.items) not in stated] + figures
    kept = [g for g in groups if len(g.documents) >= 2]
    seen: set[str] = set()
    for g in kept:
        g.items.sort(key=lambda it: (it.doc.published or _MIN, it.doc.id, it.claim.id))
        g.id = cluster_id([it.id for it in g.items], g.measure or "")
        n = 1
        while g.id in seen:  # two figures of one series stated by the same claims ("1,414 and 2,274")
            n += 1
            g.id = cluster_id([it.id for it in g.items], f"{g.measure or ''}#{n}")
        seen.add(g.id)
        total = np.sum([vectors[it.id] for it in g.items], axis=0)
        g.centroid = (total / (float(np.linalg.norm(total)) or 1.0)).astype(np.float32)
        g.measure = g.measure or _shared_measure(g.items)
    kept.sort(key=lambda g: (g.items[0].doc.published or _MIN, g.items[0].doc.id, g.items[0].claim.id))
    return kept


def neutral_groups(items: list[ClaimItem], vectors: dict[str, np.ndarray], threshold: float) -> list[Group]:
    """Clusters of refusals and doubts: "the Kremlin refused to comment on the claim" in several reports.

    A refusal or an inability to verify takes no side on its content, so it never joins the
    claims it declines on; but the refusal is itself news that outlets repeat. Refusals are linked
    by their text as other claims are (one named voice's with the lower bar of one voice), only
    within one stance and one named voice: the Kremlin's refusal and the Pentagon's on the same
    question are two facts. Unnamed voices and outlets' own doubts stand together.
    """
    voices: dict[tuple[str, str], list[ClaimItem]] = {}
    for it in items:
        if it.neutral:
            voices.setdefault((it.claim.stance.value, _voice(it) or ""), []).append(it)
    out: list[Group] = []
    for _key, members in sorted(voices.items()):
        if len({it.doc.id for it in members}) >= 2:
            out.extend(_link(members, vectors, threshold))
    return out


_Figure = tuple[date | None, Quantity]


def _figures(it: ClaimItem) -> dict[str, list[_Figure]]:
    out: dict[str, list[_Figure]] = {}
    for m in it.measures:
        q = it.claim.quantities[m.position]
        if not vague(q):
            out.setdefault(m.measure, []).append((m.when, q))
    return out


def _agree(a: list[_Figure], b: list[_Figure]) -> bool:
    for da, qa in a:
        for db, qb in b:
            close = same_exact(qa, qb) or da is None or db is None or abs((da - db).days) <= SAME_FIGURE_DAYS
            if close and one_figure(qa, qb):
                return True
    return False


def _loosely_agree(a: ClaimItem, b: ClaimItem) -> bool:
    """Same event counted, same day, bounds that meet, where one side's place is unknown."""
    for ma in a.measures:
        for mb in b.measures:
            ta, tb = ma.typed, mb.typed
            if vague(a.claim.quantities[ma.position]) or vague(b.claim.quantities[mb.position]):
                continue
            if (ta.what, ta.unit, ta.scope) != (tb.what, tb.unit, tb.scope):
                continue
            qa, qb = a.claim.quantities[ma.position], b.claim.quantities[mb.position]
            if ta.place is not None and tb.place is not None:
                # both placed, apart: the same figure only when it is the same number and one place may
                # be the other ("northwest Syria" / "rebel-held areas"; "Syria" / "northern Syria")
                if same_exact(qa, qb) and _may_be_one_place(ta.place, tb.place):
                    return True
                continue
            close = (
                same_exact(qa, qb)
                or ta.as_of is None
                or tb.as_of is None
                or abs((ta.as_of - tb.as_of).days) <= SAME_FIGURE_DAYS
            )
            if close and one_figure(qa, qb):
                return True
    return False


def _may_be_one_place(a: str, b: str) -> bool:
    """Two place ids that can name one area: equal, one inside the other, or one an area named only
    by who holds it ("rebel-held areas"), which the gazetteer cannot place."""
    if a == b or a.startswith("area:") or b.startswith("area:"):
        return True
    contains = _containment()
    return contains(a, b) or contains(b, a)


@cache
def _containment():  # noqa: ANN202 - the gazetteer's containment test, loaded once
    return place_containment()


@dataclass(slots=True)
class _Edges:
    """What one pass over a side's pairs finds: rule links, cannot-links, and the pairs a model weighs."""

    sims: np.ndarray
    links: list[tuple[float, int, int]] = field(default_factory=list)
    bars: dict[tuple[int, int], float] = field(default_factory=dict)  # a text link's own bar
    cannot: set[tuple[int, int]] = field(default_factory=set)
    candidates: list[tuple[int, int]] = field(default_factory=list)
    rows: list[list[float]] = field(default_factory=list)


def _edges(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    threshold: float,
    weigh: bool,
    blame: dict[str, str] | None = None,
) -> _Edges:
    """Figure links and cannot-links, and text links by the hand rules, or (``weigh``) the feature
    rows of the pairs a pair model is to weigh instead (:mod:`reportedly.link.pairs`)."""
    n = len(items)
    matrix = np.stack([vectors[it.id] for it in items])
    out = _Edges(sims=matrix @ matrix.T)
    sims, links, bars, cannot = out.sims, out.links, out.bars, out.cannot
    bags = [frozenset(words(it.statement)) for it in items]
    figures = [_figures(it) for it in items]
    numerals = [_numerals(it.text) for it in items]
    grams = [_word_grams(it.text) for it in items]
    voices = [_voice(it) for it in items]
    sides = blame or {}
    views = [pair_view(it, numerals[k], grams[k], voices[k], sides.get(it.id)) for k, it in enumerate(items)]
    views = views if weigh else []
    for i in range(n):
        for j in range(i + 1, n):
            if items[i].doc.id == items[j].doc.id:
                continue
            shared = figures[i].keys() & figures[j].keys()
            if shared:
                if all(_agree(figures[i][k], figures[j][k]) for k in shared):
                    links.append((2.0 + float(sims[i, j]), i, j))  # the same figure: the surest link
                else:
                    cannot.add((i, j))
                continue
            if figures[i] and figures[j]:
                # both state figures, of series typed apart (one names a place, the other not):
                # one proposition only if a figure of one agrees with a figure of the other
                if _loosely_agree(items[i], items[j]) and float(sims[i, j]) >= threshold:
                    links.append((1.0 + float(sims[i, j]), i, j))
                continue
            apart = bool(numerals[i]) and bool(numerals[j]) and not numerals[i] & numerals[j]
            if apart and not weigh:
                continue  # "eight people died" and "25 people were killed" are not one statement
            sim = float(sims[i, j])
            one_voice = voices[i] is not None and voices[i] == voices[j]
            bar = threshold - SAME_VOICE_SLACK if one_voice else threshold
            close = sim >= bar + STRONG or (sim >= bar and _jaccard(bags[i], bags[j]) >= LEXICAL_OVERLAP)
            if weigh:
                if sim >= FLOOR:  # the model weighs the evidence, the hand rule's verdict among it
                    quote = _contained(grams[i], grams[j])
                    rule = not apart and (close or quote >= QUOTE_CONTAINMENT)
                    out.candidates.append((i, j))
                    out.rows.append(pair_features(views[i], views[j], sim, quote, rule))
            elif close:
                links.append((sim + threshold - bar, i, j))
                bars[i, j] = bar
            elif _contained(grams[i], grams[j]) >= QUOTE_CONTAINMENT:
                # one outlet's quotation inside another's longer one: the same words, the same statement
                links.append((threshold, i, j))
    return out


def _sides(items: list[ClaimItem]) -> list[list[ClaimItem]]:
    """The claims a story clusters by their text, affirmative and negative apart, in order."""
    every = [
        it
        for it in sorted(items, key=lambda it: (it.doc.published or _MIN, it.doc.id, it.claim.id))
        if it.text.strip() and (it.measures or len(set(words(it.statement))) >= MIN_WORDS)
    ]
    ordered = [it for it in every if not it.neutral]
    return [[it for it in ordered if it.negative == negative] for negative in (False, True)]


def model_pairs(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    threshold: float,
    blame: dict[str, str] | None = None,
) -> list[tuple[ClaimItem, ClaimItem, list[float]]]:
    """The pairs of a story's claims a pair model would weigh, with their feature rows: what the
    model is trained on (``benchmarks/train_pairs.py``), the very rows :func:`cluster_claims` reads."""
    out = []
    for side in _sides(items):
        if side:
            edges = _edges(side, vectors, threshold, weigh=True, blame=blame)
            pairs = zip(edges.candidates, edges.rows, strict=True)
            out.extend((side[i], side[j], row) for (i, j), row in pairs)
    return out


def _link(
    items: list[ClaimItem],
    vectors: dict[str, np.ndarray],
    threshold: float,
    model: PairModel | None = None,
    blame: dict[str, str] | None = None,
) -> list[Group]:
    n = len(items)
    if n == 0:
        return []
    edges = _edges(items, vectors, threshold, weigh=model is not None, blame=blame)
    sims, links, bars, cannot = edges.sims, edges.links, edges.bars, edges.cannot
    probs: dict[tuple[int, int], float] = {}  # the model's probability of the pairs it weighed
    by_rule: set[tuple[int, int]] = set()  # pairs the hand rule links too
    if model is not None and edges.rows:
        rows = feature_matrix(edges.rows)
        apart = rows[:, FEATURES.index("two_voices")] > 0 if model.voices_apart else np.zeros(len(rows), bool)
        ruled = rows[:, FEATURES.index("rule")] > 0
        for (i, j), p, two, rule in zip(edges.candidates, model.probability(rows), apart, ruled, strict=True):
            if two:  # two named voices: the hand rule's verdict stands
                p = max(float(p), model.threshold) if rule else 0.0
            probs[i, j] = float(p)
            if rule:
                by_rule.add((i, j))
            if p >= model.threshold:
                links.append((float(p) * 0.999, i, j))  # under 1.0: a text link, checked on average
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}
    keep = model is not None and model.keep_voices
    voices = {i: _counted_voice(items[i]) for i in range(n)} if keep else {}
    hold = model is not None and model.keep_figures
    stated = [frozenset(_figures(it)) for it in items] if hold else []
    held: dict[int, frozenset[str]] = {i: frozenset() for i in range(n)} if hold else {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for strength, i, j in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        a, b = find(i), find(j)
        if a == b:
            continue
        if any((min(x, y), max(x, y)) in cannot for x in members[a] for y in members[b]):
            continue
        if keep and strength < 1.0 and voices[a] and voices[b] and voices[a].isdisjoint(voices[b]):
            # two speakers' clusters: the model alone does not make them one statement; the hand rule
            # does, where it links the pair and the clusters are close on average as it asks
            cross = [float(sims[x, y]) for x in members[a] for y in members[b]]
            if (i, j) not in by_rule or sum(cross) / len(cross) < threshold - AVERAGE_SLACK:
                continue
        if (
            hold
            and strength < 1.0
            and (_unstated(held[a], members[b], stated) or _unstated(held[b], members[a], stated))
        ):
            continue  # a figure's cluster takes no claim by its text alone that states none of its series
        if strength < 1.0 and model is not None:  # the clusters as wholes must be one proposition
            cross = [
                probs.get((min(x, y), max(x, y)), 0.0)
                for x in members[a]
                for y in members[b]
                if items[x].doc.id != items[y].doc.id
            ]
            if cross and sum(cross) / len(cross) < model.threshold - model.slack:
                continue
        elif strength < 1.0:  # a text link: the clusters as wholes must be close, not one pair in them
            cross = [float(sims[x, y]) for x in members[a] for y in members[b]]
            if sum(cross) / len(cross) < bars.get((i, j), threshold) - AVERAGE_SLACK:
                continue
        parent[b] = a
        members[a] |= members.pop(b)
        if keep:
            voices[a] |= voices.pop(b)
        if hold:
            held[a] = held[a] | held.pop(b) | (stated[i] & stated[j] if strength >= 2.0 else frozenset())
    return [Group(items=[items[i] for i in sorted(m)]) for m in members.values()]


def _unstated(series: frozenset[str], members: set[int], stated: list[frozenset[str]]) -> bool:
    """Whether a cluster joined on the figures of ``series`` meets claims none of which states a figure
    (a claim stating another series' figure may still be the same report: a toll beside its depth)."""
    return bool(series) and not any(stated[x] for x in members)


def _counted_voice(it: ClaimItem) -> frozenset[str]:
    """The named origin the origin count files a claim under (:func:`origin_key`), as a set: empty
    for an unnamed group or an outlet speaking for itself, which may relay any named voice."""
    key, _name, anonymous = origin_key(it)
    return frozenset() if anonymous or key.startswith("outlet:") else frozenset((key,))


def _voice(it: ClaimItem) -> str | None:
    """The named origin a claim comes from, when it is one: the same speaker's statement relayed by
    several outlets needs less likeness of wording to be one statement than two speakers' do."""
    o = it.origin
    if o is None or o.anonymous or o.relay:
        return None
    return o.key


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million dozen dozens hundreds thousands"
)
_NUMERAL = re.compile(r"\d[\d,.]*|\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b", re.I)


def _numerals(text: str) -> frozenset[str]:
    """The numbers a content states, normalised ("1,300" = "1300")."""
    return frozenset(m.group(0).lower().replace(",", "").rstrip(".") for m in _NUMERAL.finditer(text))


def _shared_measure(items: list[ClaimItem]) -> str | None:
    """The series every member that counts anything counts, if one does and at least two members
    count: the cluster then states one figure of it. A member stating no figure (a headline,
    "soldiers head west", beside two reports of "thousands of soldiers moving west") takes
    nothing from the figure the others state."""
    counting = [it for it in items if it.measures]
    if len(counting) < 2:
        return None
    common: set[str] | None = None
    for it in counting:
        keys = {m.measure for m in it.measures}
        common = keys if common is None else common & keys
    return min(common) if common else None


def _word_grams(text: str, size: int = 4) -> frozenset[tuple[str, ...]]:
    """The content's word 4-grams, when it has :data:`QUOTE_WORDS` words or more (else none)."""
    toks = re.findall(r"[a-z0-9]+", re.sub(r"(?<=[a-z])-(?=[a-z])", "", text.lower().replace("’", "'")))
    if len(toks) < QUOTE_WORDS:
        return frozenset()
    return frozenset(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


def _contained(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Share of the smaller set of word 4-grams found in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
