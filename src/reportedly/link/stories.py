"""Stories: documents about one unfolding event, grouped by their nearest neighbours.

Two documents are *linked* when they are about the same event: their similarity (below)
reaches the story threshold and they were published within ``window_days`` of each other.
A story is a connected group of linked documents (single linkage), which is order-free: a
report that bridges the dam's blame and its flood toll joins both halves into one story,
whichever came first. Documents are taken oldest first and only compared with documents of
the last :data:`FOLLOW_UP_DAYS`, so the cost is documents x recent documents: linear in the
corpus for a fixed news rate.

An event is told over weeks: the first reports, then an investigation's findings or a trial a
month later. Loose links (the story threshold) hold within the window while the story is younger
than :data:`MAX_SPAN_DAYS`, which keeps a long-running *topic* ("the primaries", "the war") from
chaining into one story; past either limit a document joins only on a *strong* link
(:data:`FOLLOW_UP_SCORE`, as close as two reports of one event on the same day are), which a
later report on the same event reaches and a report on the same topic does not.

Similarity is the cosine of the documents' *rare words* (headline and opening, each word
weighted by how rare it is in English, from ``wordfreq``: "Kakhovka", "Oleshky" and "dam"
weigh far more than "Ukraine" or "said") plus a share of the sentence-model cosine of their
headline and lead. Sentence vectors alone are dominated by the topic: two reports of the same
war on different events are as close as two reports of one event; the rare words are what
tell events apart. Word rarity comes from general English frequencies, not from the corpus
being linked, so a document's weight vector does not change as the store grows.

Two documents in different languages (``meta["language"]``) share no words; they are also
linked when they state :data:`SHARED_FIGURES` of the same figures of the same things, or one
of at least :data:`DISTINCT_FIGURE` (:func:`stated_figures`), so a Korean and an English report
of one toll are one story; or when one named speaker writes the same number in both (the police
chief's "112" calls in Korean and in English, :func:`reportedly.link.across.spoken_numbers`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from .across import spoken_numbers
from .corpus import ClaimItem, DocItem

#: Loose links hold between documents published this close: two weeks, so a toll revised in an
#: event's third week (11 days after the report before it) stays its story (10 until round 8).
WINDOW_DAYS = 14
#: A story older than this takes new documents only on a strong link: a long-running topic
#: ("the primaries") becomes successive stories instead of one that absorbs the campaign.
MAX_SPAN_DAYS = 21
#: How far back a strong link reaches: a follow-up weeks later (findings, a verdict) joins its event.
FOLLOW_UP_DAYS = 60
#: A strong link: above every link between a story and an unrelated report of the same war or
#: region in the development corpora (at most 0.56), below most links of reports of one event.
FOLLOW_UP_SCORE = 0.6
#: Weight of the sentence-model cosine beside the rare-word cosine.
VECTOR_SHARE = 0.3
#: Words at least this common in English (Zipf scale: 5.5 = once in ~3,000 words) carry no weight.
COMMON_ZIPF = 5.5
#: Characters of a document's body read for its words (headline always included).
TERMS_CHARS = 1500

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
#: Reports in two languages share no words; they are about one event when they state at least
#: this many of the same figures of the same things ("37명" injured and "37" injured; issue 19) …
SHARED_FIGURES = 2
#: … or one figure at least this large ("154명" killed and "154" killed within the window): an
#: exact three-digit count of the same thing is too rare to be shared by chance
DISTINCT_FIGURE = 100
#: Figures under this are too common to tell two events apart ("2 dead", "3 injured").
FIGURE_FLOOR = 10


@dataclass(slots=True)
class StoryGroup:
    id: str
    documents: list[DocItem] = field(default_factory=list)
    centroid: np.ndarray | None = None
    sources: Counter[str] = field(default_factory=Counter)
    last: date | None = None
    first: date | None = None
    title: str = ""


def story_id(first_document: str) -> str:
    """Stable across rebuilds as long as the story's first document stays its first."""
    return "s-" + hashlib.sha1(first_document.encode()).hexdigest()[:10]


@lru_cache(maxsize=200_000)
def _rarity(word: str) -> float:
    from wordfreq import zipf_frequency

    z = zipf_frequency(word, "en")
    return 0.0 if z > COMMON_ZIPF else 7.5 - z


def rare_words(doc: DocItem) -> dict[str, float]:
    """The document's words weighted by rarity, L2-normalised (headline and opening)."""
    text = f"{doc.document.title or ''} {doc.document.text[:TERMS_CHARS]}"
    weights: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group(0).lower().strip("'’-")
        if len(w) >= 3:
            r = _rarity(w)
            if r:
                weights[w] += r
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def stated_figures(items: list[ClaimItem]) -> set[tuple[str, str | None, float]]:
    """The exact figures a document states, with what they count (killed, people, 154): what
    two reports in different languages can share when they share no words."""
    out: set[tuple[str, str | None, float]] = set()
    for it in items:
        for m in it.measures:
            q = it.claim.quantities[m.position]
            if q.value is not None and not q.approximate and q.value >= FIGURE_FLOOR:
                out.add((m.typed.what, m.typed.unit, float(q.value)))
    return out


def headline_places(doc: DocItem) -> tuple[list[object], list[object]]:
    """(the places below a country the headline names, most particular first; every place the
    headline and opening name): where the report says its event happened, and what it knows."""
    from ..places import default_places

    gaz = default_places()
    title = doc.document.title or ""
    named = [m.place for m in gaz.find(f"{title}\n{doc.document.text[:TERMS_CHARS]}")]
    head = [m.place for m in gaz.find(title) if m.place.kind != "country"]
    finest = [p for p in head if not any(q is not p and gaz.contains(p, q) for q in head)]
    return finest, named


def elsewhere(a: tuple[list[object], list[object]], b: tuple[list[object], list[object]]) -> bool:
    """Whether two reports tell like events in two places: one headline names a place below a
    country ("Goods train derails in Odisha's Bargarh") that the other report neither names nor
    holds a place inside of. A report of one event names where it happened, and so do the other
    reports of it; a like event elsewhere in the same country shares every rare word but that
    place ("train", "derailed", the state, even the first event's place, named as background)."""
    from ..places import default_places

    gaz = default_places()

    def unknown(finest: list[object], named: list[object]) -> bool:
        return any(not any(_same_name(p, q) or gaz.contains(p, q) for q in named) for p in finest)

    return unknown(a[0], b[1]) or unknown(b[0], a[1])


def _same_name(p: object, q: object) -> bool:
    """Whether two resolved places are one place or share its name. The gazetteer resolves a name
    with the places around it ("Valencia" is Spain's beside "Spain", Venezuela's in a headline on
    its own), so two reports naming the same place can get two entries for it; a report that names
    the very word a headline names does not tell a like event elsewhere."""
    return p.id == q.id or p.name.casefold() == q.name.casefold()


def _same_figures(a: set[tuple[str, str | None, float]], b: set[tuple[str, str | None, float]]) -> bool:
    """Whether two documents state enough of the same figures to be about one event."""
    shared = a & b
    return len(shared) >= SHARED_FIGURES or any(v >= DISTINCT_FIGURE for _w, _u, v in shared)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)


def group_documents(
    docs: list[DocItem],
    vectors: np.ndarray,
    claims_by_doc: dict[str, list[ClaimItem]],
    threshold: float,
    window_days: int = WINDOW_DAYS,
) -> list[StoryGroup]:
    """Assign every document to exactly one story; returns stories oldest first."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].published or date.min, docs[i].id))
    window = timedelta(days=window_days)
    max_span = timedelta(days=MAX_SPAN_DAYS)
    reach = timedelta(days=max(FOLLOW_UP_DAYS, window_days))
    bags = [rare_words(d) for d in docs]
    languages = [d.document.meta.get("language") or "en" for d in docs]
    figures = [stated_figures(claims_by_doc.get(d.id, [])) for d in docs]
    spoken = [spoken_numbers(claims_by_doc.get(d.id, [])) for d in docs]
    places = [headline_places(d) for d in docs]
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[int, date | None] = {}
    seen: list[int] = []
    for i in order:
        parent[i] = i
        when = docs[i].published
        first[i] = when
        linked = []
        keep = []
        for j in seen:
            other = docs[j].published
            if when is not None and other is not None and when - other > reach:
                continue
            keep.append(j)
            root_first = first[find(j)]
            loose = not (
                (when is not None and other is not None and when - other > window)
                or (when is not None and root_first is not None and when - root_first > max_span)
            )
            score = _cosine(bags[i], bags[j]) + VECTOR_SHARE * float(vectors[i] @ vectors[j])
            strong = score >= max(threshold, FOLLOW_UP_SCORE)
            if loose and not strong and score >= threshold and elsewhere(places[i], places[j]):
                loose = False  # a like event in another place: the words are the event's kind
            # reports in two languages share few words: the same figures tell they are one event
            # or one named speaker writing the same number ("112" calls) in both
            across = (
                loose
                and languages[i] != languages[j]
                and (_same_figures(figures[i], figures[j]) or bool(spoken[i] & spoken[j]))
            )
            if strong or (loose and score >= threshold) or across:
                linked.append(j)
        for j in linked:
            a, b = find(i), find(j)
            if a != b:
                # the root is the older story's, so a story's id stays its first document's
                older, newer = (
                    (a, b)
                    if (first[a] or date.min, docs[a].id) <= (first[b] or date.min, docs[b].id)
                    else (b, a)
                )
                parent[newer] = older
        seen = [*keep, i]

    stories: dict[int, StoryGroup] = {}
    for i in order:
        root = find(i)
        group = stories.get(root)
        if group is None:
            group = stories[root] = StoryGroup(story_id(docs[root].id))
        _add(group, docs[i], vectors[i], _named_sources(claims_by_doc.get(docs[i].id, [])))
    out = sorted(stories.values(), key=lambda s: (s.first or date.min, s.id))
    for s in out:
        s.title = _title(s, vectors, docs)
    return out


def _add(story: StoryGroup, doc: DocItem, vec: np.ndarray, named: set[str]) -> None:
    n = len(story.documents)
    total = vec if story.centroid is None else story.centroid * n + vec
    norm = float(np.linalg.norm(total)) or 1.0
    story.centroid = (total / norm).astype(np.float32)
    story.documents.append(doc)
    story.sources.update(named)
    if doc.published is not None:
        story.last = max(story.last or doc.published, doc.published)
        story.first = min(story.first or doc.published, doc.published)


def _named_sources(items: list[ClaimItem]) -> set[str]:
    """Named sources and origins, minus countries: "the U.S. said" is in every foreign story."""
    out = set()
    for it in items:
        for c in (it.source, it.origin):
            if c is not None and not c.anonymous and c.type.value != "country":
                out.add(c.key)
    return out


def _title(story: StoryGroup, vectors: np.ndarray, docs: list[DocItem]) -> str:
    """The headline of the document closest to the story's centroid: the most typical one."""
    index = {d.id: i for i, d in enumerate(docs)}
    best = max(story.documents, key=lambda d: float(vectors[index[d.id]] @ story.centroid))
    return best.document.title or best.lead(80)
