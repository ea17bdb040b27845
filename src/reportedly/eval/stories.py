"""Scoring the story layer against a real multi-outlet corpus with gold.

:func:`score_links` compares what linking built (stories, claim clusters with
their origins, conflicts, measure series) with a story corpus's gold
(``shared/data/stories/*/gold.json``). The figures are the ones the story
issue fixes:

* **stories**: B-cubed precision/recall/F1 of the documents' story
  assignment; the gold story is one cluster, every distractor its own;
* **propositions**: pairwise precision/recall/F1 over gold mentions in
  different documents: a pair is gold-positive when both mention one
  proposition, system-positive when the claims found at both quotes share a
  claim cluster (a claim stating several figures sits in one cluster per figure);
* **measures**: per gold measure, *purity* (share of its points in the one
  system series holding most of them; points the system did not count stay in
  the denominator), the number of distinct series its points fall in, and
  how many foreign points (other gold measures' points) share that series;
  value, bounds and approximation accuracy of the numbers found;
* **conflicts**: a system conflict is right when its two claims are found at
  a gold conflict's two quotes, or at other mentions of the propositions those
  quotes mention (the same disagreement shown on other reports of it); one
  found at a trap's two quotes (a ``non_conflict``) is a *trap hit*;
  precision is right / all reported;
* **origins**: per gold proposition, the independent-origin count of the
  system cluster holding most of its mentions against the gold count
  (exact accuracy over all propositions, a proposition with no cluster
  counting as wrong; mean absolute error over those with a cluster);
* **match**: the convention a gold quote finds its claim by (``evidence``, the default since
  round 11: the claim's source and cue count beside its content; ``content``: its content only,
  the figures of rounds 1-10), :mod:`reportedly.eval.matching`;
* **cross_language** (only for a gold whose documents are in more than one
  language): the pairs of one proposition's mentions (one measure's points) in
  different languages that share a cluster (a series), :func:`_cross_language`.

Every item the scorer could not place (a quote missing from the text, an
article not collected) is counted under ``skipped`` rather than silently
dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import combinations
from typing import Any

from ..model import Ledger, Measure, MeasureScope
from .matching import DEFAULT_MATCH, Match, QuoteIndex, best_claim, locate, quantity_in


def _prf(tp: int, sys_n: int, gold_n: int) -> dict[str, float]:
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


#: the quote index under its old name (tests and tools import it so)
_Index = QuoteIndex


def story_bcubed(gold_label: dict[str, str], system_label: dict[str, str]) -> dict[str, float]:
    """B-cubed over the items both labellings hold."""
    items = [i for i in gold_label if i in system_label]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    gold_of: dict[str, set[str]] = defaultdict(set)
    sys_of: dict[str, set[str]] = defaultdict(set)
    for i in items:
        gold_of[gold_label[i]].add(i)
        sys_of[system_label[i]].add(i)
    p = r = 0.0
    for i in items:
        g, s = gold_of[gold_label[i]], sys_of[system_label[i]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_links(
    gold: dict[str, Any],
    ledgers: dict[str, Ledger],
    stories: Iterable[Any],
    conflicts: Iterable[Any],
    series: dict[tuple[str, int], str],
    match: Match = DEFAULT_MATCH,
) -> dict[str, Any]:
    """All story-layer figures for one corpus.

    ``ledgers`` maps gold file names to analysed ledgers; ``stories`` are
    :class:`~reportedly.model.Story` objects (with their clusters);
    ``conflicts`` :class:`~reportedly.model.Conflict` objects; ``series`` maps
    (claim id, quantity position) to the measure series the quantity was put in. ``match`` is the
    convention a gold quote finds its claim by (:mod:`reportedly.eval.matching`); the report
    says which under ``"match"``.
    """
    idx = _Index(ledgers, match)
    stories = list(stories)
    conflicts = list(conflicts)
    file_of_doc = {led.document.id: f for f, led in ledgers.items()}
    out: dict[str, Any] = {"match": match, "documents": len(ledgers)}
    out["stories"] = _stories(gold, ledgers, stories, file_of_doc)
    cluster_of: dict[str, list[Any]] = defaultdict(list)
    for s in stories:
        for cl in s.clusters:
            for ref in cl.claims:
                cluster_of[ref.id].append(cl)
    out["propositions"] = _propositions(gold, idx, cluster_of)
    out["origins"] = _origins(gold, idx, cluster_of)
    out["measures"] = _measures(gold, idx, series)
    out["conflicts"] = _conflicts(gold, idx, conflicts, file_of_doc, ledgers)
    out["skipped"] = dict(sorted(idx.skipped.items()))
    if len({d.get("language") or "en" for d in gold.get("documents", [])}) > 1:
        # its own index: the quotes placed again are not counted twice under "skipped"
        out["cross_language"] = _cross_language(gold, _Index(ledgers, match), cluster_of, series)
    return out


def _cross_language(
    gold: dict[str, Any], idx: _Index, cluster_of: dict[str, list[Any]], series: dict[tuple[str, int], str]
) -> dict[str, Any]:
    """A story told in two languages (issue 19): whether one proposition's mentions in different
    languages stand in one claim cluster, and one measure's points in different languages in one
    series.

    Over the pairs of placed mentions (points) of one gold proposition (measure) that are in
    different documents *and* different languages (the gold's ``language`` per document, English
    when absent): ``pairs`` and ``together`` (sharing a cluster; for points, the same series key).
    ``propositions`` / ``measures`` count the gold items with such a pair, ``*_together`` those
    with at least one pair together, ``*_all_together`` those with every such pair together.
    """
    language = {d["file"]: d.get("language") or "en" for d in gold.get("documents", [])}

    def tally(groups: list[list[tuple[str, set[Any]]]]) -> dict[str, Any]:
        pairs = together = items = any_n = all_n = 0
        for placed in groups:
            mixed = [
                bool(a[1] & b[1])
                for a, b in combinations(placed, 2)
                if a[0] != b[0] and language.get(a[0]) != language.get(b[0])
            ]
            if not mixed:
                continue
            items += 1
            pairs += len(mixed)
            together += sum(mixed)
            any_n += any(mixed)
            all_n += all(mixed)
        return {
            "items": items,
            "pairs": pairs,
            "together": together,
            "share": round(together / pairs, 4) if pairs else 0.0,
            "items_together": any_n,
            "items_all_together": all_n,
        }

    props = []
    for p in gold.get("propositions", []):
        placed = []
        for m in p["mentions"]:
            found = _mention_clusters(m, idx, cluster_of, "cross-language mention")
            if found is not None:
                placed.append((m["file"], {id(x) for x in found[1]}))
        props.append(placed)
    measures = []
    for m in gold.get("measures", []):
        placed = []
        for pt in m["points"]:
            where = idx.where(pt["file"], pt["quote"], "cross-language point")
            if where is None:
                continue
            hit = quantity_in(idx.claims(pt["file"]), where, pt.get("value"), pt.get("low"), pt.get("high"))
            key = series.get((hit[0].id, hit[1])) if hit is not None else None
            placed.append((pt["file"], {key} if key is not None else set()))
        measures.append(placed)
    return {"propositions": tally(props), "measures": tally(measures)}


def _stories(
    gold: dict[str, Any], ledgers: dict[str, Ledger], stories: list[Any], file_of_doc: dict[str, str]
) -> dict[str, Any]:
    gold_label = {}
    for d in gold["documents"]:
        if d["file"] in ledgers:
            gold_label[d["file"]] = "story" if d.get("in_story", True) else f"other:{d['file']}"
    system_label = {}
    for s in stories:
        for doc_id in s.documents:
            if doc_id in file_of_doc:
                system_label[file_of_doc[doc_id]] = s.id
    score = story_bcubed(gold_label, system_label)
    in_story = [f for f, lab in gold_label.items() if lab == "story"]
    main = Counter(system_label[f] for f in in_story if f in system_label).most_common(1)
    main_id = main[0][0] if main else None
    score["system_stories"] = len(set(system_label.values()))
    score["in_story_documents"] = len(in_story)
    score["in_main_story"] = main[0][1] if main else 0
    score["distractors_in_main_story"] = sorted(
        f for f, lab in gold_label.items() if lab != "story" and system_label.get(f) == main_id
    )
    return score


def _mention_clusters(ref: dict[str, str], idx: _Index, cluster_of: dict[str, list[Any]], what: str):
    """(claim id or None, the clusters the mention stands in), or None when the quote is not placed.

    A claim stating several figures sits in one cluster per figure; a mention quoting one of
    them ("another 3,317 in Syria") stands only in the clusters of the figures it quotes, by the
    cluster's key. A figure the claim states once also stands in its series' figure cluster placed
    or not (:func:`same_figure_series`): the linker joins one number with and without its place and
    names the cluster by the key most of its points have, so an exact key alone dropped the mention
    from the cluster holding its figure (round 14: it stood in no cluster at all).
    """
    where = idx.where(ref["file"], ref["quote"], what)
    if where is None:
        return None
    c = best_claim(idx.claims(ref["file"]), where, idx.match)
    if c is None:
        return None, []
    overlapping = [q for q in c.quantities if q.start < where.end and where.start < q.end]
    quoted = [q.measure for q in overlapping if q.measure is not None]
    # a figure whose series the claim states once: a figure cluster of that series, placed or not,
    # can only be this figure's ("17,134 in Turkey and 3,317 in Syria" state two: exact keys only)
    bare = Counter(
        replace(q.measure, place=None, place_name=None, qualifier=None).key for q in c.quantities if q.measure
    )
    alone = [m for m in quoted if bare[replace(m, place=None, place_name=None, qualifier=None).key] == 1]
    out = []
    for cl in cluster_of.get(c.id, []):
        figure = getattr(cl, "measure", None)
        if (
            quoted
            and figure not in {m.key for m in quoted}
            and not any(same_figure_series(m, figure) for m in alone)
        ):
            continue  # a mention quoting a figure stands with that figure, not the claim's other ones
        out.append(cl)
    return c.id, out


def same_figure_series(m: Measure, figure: str | None) -> bool:
    """Whether a quoted figure's series (``m``) is a figure cluster's (``figure``, its key).

    The linker joins the very same number of one series once with its place and once without
    (``reportedly.link.clusters.figure_groups``: "the toll stands at 154" and "154 killed in
    Seoul") and names the cluster by the key most of its points have; so the quoted figure stands
    in the cluster when the keys are equal, when the cluster's key is the quoted series without
    its place, or when the quoted figure has no place and the cluster's key is its series in a
    place. Two places never match ("in Turkey" is not the cluster "in Syria")."""
    if figure is None:
        return False
    if figure == m.key:
        return True
    bare = replace(m, place=None, place_name=None, qualifier=None)
    if figure == bare.key:
        return True
    if m.place_name is not None:
        return False
    core = replace(bare, scope=MeasureScope.POINT, period_days=None).key
    tail = bare.key[len(core) :]
    return figure.startswith(core + " in ") and figure.endswith(tail)


def _propositions(gold: dict[str, Any], idx: _Index, cluster_of: dict[str, list[Any]]) -> dict[str, Any]:
    # one node per distinct (file, quote); a quote reused by an umbrella proposition is one mention
    props: dict[tuple[str, str], set[str]] = defaultdict(set)
    claim_of: dict[tuple[str, str], str | None] = {}
    clusters_of: dict[tuple[str, str], set[int]] = {}
    for p in gold.get("propositions", []):
        for m in p["mentions"]:
            found = _mention_clusters(m, idx, cluster_of, "proposition mention")
            if found is None:
                continue  # counted under skipped: neither a hit nor a miss
            node = (m["file"], m["quote"])
            props[node].add(p["id"])
            claim_of[node] = found[0]
            clusters_of[node] = {id(x) for x in found[1]}
    nodes = sorted(props)
    tp = sys_pos = gold_pos = 0
    for a, b in combinations(nodes, 2):
        if a[0] == b[0]:
            continue  # clusters link documents; two mentions in one article are not scored
        g = bool(props[a] & props[b])
        s = bool(clusters_of[a] & clusters_of[b])
        gold_pos += g
        sys_pos += s
        tp += g and s
    found_n = sum(1 for n in nodes if claim_of[n])
    clustered = sum(1 for n in nodes if clusters_of[n])
    return {
        **_prf(tp, sys_pos, gold_pos),
        "mentions": len(nodes),
        "mentions_with_claim": found_n,
        "mentions_clustered": clustered,
        "gold_pairs": gold_pos,
        "system_pairs": sys_pos,
    }


def _origins(gold: dict[str, Any], idx: _Index, cluster_of: dict[str, list[Any]]) -> dict[str, Any]:
    rows = []
    for p in gold.get("propositions", []):
        clusters: Counter[int] = Counter()
        keep = {}
        for m in p["mentions"]:
            found = _mention_clusters(m, idx, cluster_of, "origin mention")
            for cl in found[1] if found else []:
                clusters[id(cl)] += 1
                keep[id(cl)] = cl
        predicted = None
        outlets = None
        if clusters:
            key, n = clusters.most_common(1)[0]
            if n >= 2 or len(p["mentions"]) == 1:
                cl = keep[key]
                predicted = len(cl.origins)
                outlets = len({o for origin in cl.origins for o in origin.outlets})
        rows.append(
            {
                "proposition": p["id"],
                "gold": p["independent_origins"],
                "system": predicted,
                "outlets": outlets,
            }
        )
    with_cluster = [r for r in rows if r["system"] is not None]
    exact = sum(1 for r in rows if r["system"] == r["gold"])
    mae = (
        sum(abs(r["system"] - r["gold"]) for r in with_cluster) / len(with_cluster) if with_cluster else None
    )
    return {
        "exact_accuracy": round(exact / len(rows), 4) if rows else 0.0,
        "mean_absolute_error": round(mae, 4) if mae is not None else None,
        "propositions": len(rows),
        "with_cluster": len(with_cluster),
        "rows": rows,
    }


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _measures(gold: dict[str, Any], idx: _Index, series: dict[tuple[str, int], str]) -> dict[str, Any]:
    placed: dict[str, list[str | None]] = {}
    point_series: dict[tuple[str, str], str] = {}
    numbers = Counter()
    for m in gold.get("measures", []):
        keys: list[str | None] = []
        for pt in m["points"]:
            where = idx.where(pt["file"], pt["quote"], "measure point")
            if where is None:
                continue
            hit = quantity_in(idx.claims(pt["file"]), where, pt.get("value"), pt.get("low"), pt.get("high"))
            if hit is None:
                keys.append(None)
                numbers["points_without_quantity"] += 1
                continue
            claim, pos, q = hit
            numbers["points_found"] += 1
            value = q.value if q.value is not None else (q.low if q.low is not None else q.high)
            numbers["value_right"] += _same(value, pt.get("value"))
            numbers["bounds_right"] += _same(q.low, pt.get("low")) and _same(q.high, pt.get("high"))
            numbers["approximate_right"] += bool(q.approximate) == bool(pt.get("approximate"))
            key = series.get((claim.id, pos))
            keys.append(key)
            if key is not None:
                point_series[(pt["file"], pt["quote"])] = key
        placed[m["id"]] = keys
    rows = []
    for m in gold.get("measures", []):
        keys = placed[m["id"]]
        if not keys:
            continue
        counted = Counter(k for k in keys if k is not None)
        top, top_n = counted.most_common(1)[0] if counted else (None, 0)
        own = {(pt["file"], pt["quote"]) for pt in m["points"]}
        foreign = sum(1 for ref, k in point_series.items() if k == top and ref not in own) if top else 0
        rows.append(
            {
                "measure": m["id"],
                "name": m.get("name", ""),
                "points": len(keys),
                "purity": round(top_n / len(keys), 4),
                "series": len(counted),
                "main_series": top,
                "foreign_points": foreign,
            }
        )
    found = numbers["points_found"]
    return {
        "purity": round(sum(r["purity"] for r in rows) / len(rows), 4) if rows else 0.0,
        "series_per_measure": round(sum(max(1, r["series"]) for r in rows) / len(rows), 4) if rows else 0.0,
        "foreign_points": sum(r["foreign_points"] for r in rows),
        "points": sum(r["points"] for r in rows),
        "points_found": found,
        "value_accuracy": round(numbers["value_right"] / found, 4) if found else 0.0,
        "bounds_accuracy": round(numbers["bounds_right"] / found, 4) if found else 0.0,
        "approximate_accuracy": round(numbers["approximate_right"] / found, 4) if found else 0.0,
        "rows": rows,
    }


def _conflicts(
    gold: dict[str, Any],
    idx: _Index,
    conflicts: list[Any],
    file_of_doc: dict[str, str],
    ledgers: dict[str, Ledger],
) -> dict[str, Any]:
    real = _sides(gold, idx)
    traps = [
        (idx.candidates(e["a"], "trap"), idx.candidates(e["b"], "trap"))
        for e in gold.get("non_conflicts", [])
    ]

    def hits(c: Any, sides: tuple[set[str], set[str]]) -> bool:
        # a conflict between two sides stands for every claim of each side (Conflict.sides)
        a, b = sides
        xs, ys = ({r.id for r in side} for side in c.sides())
        return bool((xs & a and ys & b) or (xs & b and ys & a))

    within = [c for c in conflicts if c.a.document_id in file_of_doc and c.b.document_id in file_of_doc]
    ours = [c for c in within if not getattr(c, "declined", False)]
    declined = [c for c in within if getattr(c, "declined", False)]
    traps_declined = sum(1 for c in declined if any(hits(c, sides) for sides in traps))

    found = [False] * len(real)
    right = trapped = 0
    listed = []
    for c in ours:
        gold_hit = [i for i, sides in enumerate(real) if hits(c, sides)]
        trap_hit = any(hits(c, sides) for sides in traps)
        for i in gold_hit:
            found[i] = True
        right += bool(gold_hit)
        trapped += trap_hit and not gold_hit
        listed.append(
            {
                "kind": c.kind.value,
                "verdict": "right" if gold_hit else ("trap" if trap_hit else "unmatched"),
                "a": _brief(ledgers[file_of_doc[c.a.document_id]], c.a.id),
                "b": _brief(ledgers[file_of_doc[c.b.document_id]], c.b.id),
                "why": c.why,
            }
        )
    recall = sum(found) / len(real) if real else 0.0
    precision = right / len(ours) if ours else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "reported": len(ours),
        "right": right,
        "trap_hits": trapped,
        "declined": len(declined),
        "traps_declined_with_reason": traps_declined,
        "gold": len(real),
        "traps": len(traps),
        "found": [g["id"] for g, f in zip(gold.get("conflicts", []), found, strict=True) if f],
        "listed": listed,
    }


def gold_conflict_sides(
    gold: dict[str, Any], ledgers: dict[str, Ledger], match: Match = DEFAULT_MATCH
) -> list[tuple[set[str], ...]]:
    """Per gold conflict, the claim ids standing for each side as the scorer reads them (an empty
    side: a quote no claim matches); for tools that say why a conflict was missed."""
    return _sides(gold, _Index(ledgers, match))


def _sides(gold: dict[str, Any], idx: _Index) -> list[tuple[set[str], ...]]:
    # any pair of mentions of the two propositions finds a gold conflict: the gold names one pair
    # (the first reports, say), a system may show the same disagreement on other reports of it
    mates = _proposition_mates(gold, idx)
    return [
        tuple(idx.candidates(e[k], "conflict") | mates(e[k]) for k in "ab") for e in gold.get("conflicts", [])
    ]


def _proposition_mates(gold: dict[str, Any], idx: _Index):
    """For a quote overlapping a proposition mention: the claims at all that proposition's mentions;
    for a quote overlapping a gold measure point: the claims at every point of that measure with
    the same value."""
    placed: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for p in gold.get("propositions", []):
        for m in p["mentions"]:
            where = idx.where(m["file"], m["quote"], "proposition mention (conflict side)")
            if where is not None:
                placed[m["file"]].append((where.start, where.end, p["id"]))
                members[p["id"]] |= idx.candidates(m, "proposition mention (conflict side)")

    # the same figure of one gold measure in other reports ("29 people have died …" in two copies
    # of one wire story) is the same side of a numeric disagreement
    for m in gold.get("measures", []):
        for pt in m["points"]:
            where = idx.where(pt["file"], pt["quote"], "measure point (conflict side)")
            if where is not None and pt.get("value") is not None:
                key = f"{m['id']}={pt['value']}"
                placed[pt["file"]].append((where.start, where.end, key))
                members[key] |= idx.candidates(pt, "measure point (conflict side)")

    def mates(ref: dict[str, str]) -> set[str]:
        ledger = idx.ledgers.get(ref["file"])
        where = locate(ledger.document.text, ref["quote"], ref["file"]) if ledger else None
        out: set[str] = set()
        if where is None:
            return out
        for start, end, pid in placed.get(ref["file"], []):
            if start < where.end and where.start < end:
                out |= members[pid]
        return out

    return mates


def _brief(ledger: Ledger, claim_id: str) -> str:
    for c in ledger.claims:
        if c.id == claim_id:
            text = " ".join(c.content_text.split())
            return text if len(text) <= 120 else text[:119] + "…"
    return claim_id


def evaluate_story_corpus(
    corpus: Any,
    *,
    db: str | None = None,
    embedder: Any = None,
    progress: Any = None,
    match: Match = DEFAULT_MATCH,
) -> dict[str, Any]:
    """Analyse a :class:`~reportedly.corpora.stories.StoryCorpus`, store it, link it, score it.

    The documents go through the same path as ``reportedly ingest`` followed
    by ``reportedly link``: analysis, a store (a fresh temporary SQLite file
    unless ``db`` names one to keep), linking. ``progress`` gets one line per step; ``match``
    is the quote-matching convention of :func:`score_links`.
    """
    import tempfile
    import time
    from pathlib import Path

    from .. import analyze_many
    from ..link import link_store
    from ..store import Store

    say = progress or (lambda _msg: None)
    files = list(corpus.articles)
    started = time.perf_counter()
    say(f"analysing {len(files)} articles")
    ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
    analysed = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="reportedly-eval-") as tmp:
        store = Store(db or str(Path(tmp) / "stories.db"))
        try:
            for f in files:
                store.save(ledgers[f], source=corpus.articles[f].document.meta.get("source"))
            say("linking")
            tick = time.perf_counter()
            result = link_store(store, embedder=embedder, progress=progress)
            linked = time.perf_counter() - tick
        finally:
            store.close()
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    report = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series, match)
    report["corpus"] = corpus.name
    report["missing_articles"] = list(corpus.missing)
    report["seconds"] = {"analysis": round(analysed, 2), "link": round(linked, 2)}
    return report
