"""How fragile the story threads of the development stories are, pooled over all of them.

A story passes B³ on a development corpus when every in-story document reaches the others through
a chain of links; this script asks by how much. For every story (the dev loop's cached ledgers,
``--cache``) it captures exactly what :func:`reportedly.link.stories.group_documents` is given
(documents, sentence vectors, claims, threshold) and then, with that function alone:

* **margin**: for every in-story document, its best link to another in-story document: the
  pair's similarity minus what the pair needs (the story threshold within the window and span,
  the follow-up score past them or for a like event elsewhere; a two-language link on shared
  figures counts as ``+1``); a document under 0 hangs only on links the rules of a later stage
  give it (none today) and is a story of its own;
* **one link**: in-story documents with a single in-story partner above its bar (the story loses
  them with that one document);
* **leave one out**: the grouping rerun without each in-story document in turn: how many removals
  split the rest of the story (and how many documents they cut off in all);
* **first day dropped**: the grouping rerun without the in-story documents of the story's first
  day (a store that holds only the later coverage): system stories among the rest, documents in
  the largest one, B³;
* **distractors**: the best margin of each out-of-story document to an in-story one (below 0:
  kept out), so a signal that raises the in-story margins is seen to keep them out.

    PYTHONPATH=src python benchmarks/thread_margins.py --cache /tmp/cache-threads14 [NAME ...]
        [--weakest 15] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from measure_points import _ledgers  # noqa: E402, PLC2701 - the sibling's cache of analysed corpora
from story_sets import STORIES  # noqa: E402

TEXTS = REPO.parent / "stories-local"


class _Captured(Exception):
    """Raised by the stand-in grouping once it holds its arguments: nothing after it is needed."""


@dataclass
class Corpus:
    name: str
    docs: list[Any]
    vectors: np.ndarray
    claims_by_doc: dict[str, list[Any]]
    threshold: float
    window: int
    file_of: dict[str, str]
    in_story: set[str]  # document ids
    gold_label: dict[str, str]  # file -> label


def capture(name: str, cache: Path) -> Corpus:
    """The grouping's arguments for one story, as the pipeline builds them (kept in the cache as
    ``NAME.grouping.pkl``: they depend on the ledgers and the texts alone)."""
    kept = cache / f"{name}.grouping.pkl"
    if kept.exists():
        return pickle.loads(kept.read_bytes())
    from reportedly.corpora.stories import load_story_corpus
    from reportedly.link import pipeline

    gold_rel, folder = STORIES[name]
    corpus = load_story_corpus((REPO / gold_rel).resolve(), TEXTS / folder / "articles")
    ledgers = _ledgers(name, corpus, cache, reanalyse=False)  # analysed once and kept, as the dev loop does
    vec_path = cache / "vectors.pkl"
    known: dict[str, np.ndarray] = pickle.loads(vec_path.read_bytes()) if vec_path.exists() else {}

    def cached(_method: str, keys: list[str]) -> dict[str, np.ndarray]:
        return {k: known[k] for k in keys if k in known}

    def save(_method: str, new: dict[str, np.ndarray]) -> None:
        known.update(new)
        vec_path.write_bytes(pickle.dumps(known))

    got: list[tuple] = []

    def stand_in(*args: Any) -> None:
        got.append(args)
        raise _Captured

    original = pipeline.group_documents
    pipeline.group_documents = stand_in
    try:
        pipeline.link_ledgers([ledgers[f] for f in corpus.articles], cached=cached, save=save)
    except _Captured:
        pass
    finally:
        pipeline.group_documents = original
    docs, vectors, claims_by_doc, threshold, window = got[0]
    file_of = {led.document.id: f for f, led in ledgers.items()}
    gold_label = {}
    for d in corpus.gold["documents"]:
        if d["file"] in ledgers:
            gold_label[d["file"]] = "story" if d.get("in_story", True) else f"other:{d['file']}"
    in_story = {i for i, f in file_of.items() if gold_label.get(f) == "story"}
    out = Corpus(name, docs, vectors, claims_by_doc, threshold, window, file_of, in_story, gold_label)
    kept.write_bytes(pickle.dumps(out))
    return out


def group(c: Corpus, keep: list[int], raise_by: float = 0.0) -> dict[str, str]:
    """Document id -> story id, grouping only the documents at ``keep`` (the story threshold
    raised by ``raise_by``)."""
    from reportedly.link.stories import group_documents

    docs = [c.docs[k] for k in keep]
    stories = group_documents(docs, c.vectors[keep], c.claims_by_doc, c.threshold + raise_by, c.window)
    return {d.id: s.id for s in stories for d in s.documents}


def bcubed(c: Corpus, label: dict[str, str]) -> dict[str, float]:
    from reportedly.eval.stories import story_bcubed

    system = {c.file_of[i]: s for i, s in label.items() if i in c.file_of}
    return story_bcubed({f: g for f, g in c.gold_label.items() if f in system}, system)


def split_of(c: Corpus, label: dict[str, str], among: set[str]) -> tuple[int, int]:
    """(system stories holding the in-story documents ``among``, documents outside the largest)."""
    counts = Counter(label[i] for i in among if i in label)
    return len(counts), (sum(counts.values()) - max(counts.values())) if counts else 0


def margins(c: Corpus, why: dict[tuple[int, int], str] | None = None) -> dict[int, dict[int, float]]:
    """Pair margins (similarity minus the bar the pair needs) between every two documents."""
    from reportedly.link import stories as st

    bags = [st.rare_words(d) for d in c.docs]
    places = [st.headline_places(d) for d in c.docs]
    langs = [d.document.meta.get("language") or "en" for d in c.docs]
    figures = [st.stated_figures(c.claims_by_doc.get(d.id, [])) for d in c.docs]
    dates = [d.published for d in c.docs]
    firsts = [dates[i] for i, d in enumerate(c.docs) if d.id in c.in_story and dates[i]]
    story_first = min(firsts) if firsts else None
    window, span = timedelta(days=c.window), timedelta(days=st.MAX_SPAN_DAYS)
    reach = timedelta(days=max(st.FOLLOW_UP_DAYS, c.window))
    strong_bar = max(c.threshold, st.FOLLOW_UP_SCORE)
    out: dict[int, dict[int, float]] = {i: {} for i in range(len(c.docs))}
    for i in range(len(c.docs)):
        for j in range(i + 1, len(c.docs)):
            older, newer = (i, j) if (dates[i] or date.min) <= (dates[j] or date.min) else (j, i)
            gap = (dates[newer] - dates[older]) if dates[newer] and dates[older] else timedelta(0)
            if gap > reach:
                continue
            words = bags[i] if len(bags[i]) <= len(bags[j]) else bags[j]
            other = bags[j] if words is bags[i] else bags[i]
            score = sum(v * other.get(w, 0.0) for w, v in words.items())
            score += st.VECTOR_SHARE * float(c.vectors[i] @ c.vectors[j])
            loose = gap <= window and not (story_first and dates[newer] and dates[newer] - story_first > span)
            bar = "window" if loose else ("past window" if gap > window else "past span")
            if loose and score < strong_bar and st.elsewhere(places[i], places[j]):
                loose, bar = False, "elsewhere"
            if loose and langs[i] != langs[j] and st._same_figures(figures[i], figures[j]):  # noqa: SLF001
                m = 1.0
            else:
                m = score - (c.threshold if loose else strong_bar)
            out[i][j] = out[j][i] = m
            if why is not None:
                why[i, j] = why[j, i] = bar
    return out


def headroom(pair: dict[int, dict[int, float]], inside: list[int]) -> float:
    """How far every bar could rise before the in-story documents fall apart: the weakest link of
    the maximum spanning tree of their pair margins (below 0: they are not one story today)."""
    parent = {i: i for i in inside}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = sorted(
        ((m, i, j) for i in inside for j, m in pair[i].items() if j in parent and i < j), reverse=True
    )
    groups = len(inside)
    for m, i, j in edges:
        a, b = find(i), find(j)
        if a != b:
            parent[a] = b
            groups -= 1
            if groups == 1:
                return m
    return -1.0


def rise(c: Corpus, keep: list[int], among: set[str]) -> float:
    """End to end, whatever links the grouping uses: how far the story threshold can rise (to
    0.005) with the in-story documents ``among`` still one story; 0 where they are not one now."""
    low, high = 0.0, 0.4
    if split_of(c, group(c, keep), among)[1]:
        return 0.0
    while high - low > 0.005:
        mid = (low + high) / 2
        if split_of(c, group(c, keep, mid), among)[1]:
            high = mid
        else:
            low = mid
    return round(low, 3)


def study(c: Corpus) -> dict[str, Any]:
    everyone = list(range(len(c.docs)))
    full = group(c, everyone)
    inside = [i for i, d in enumerate(c.docs) if d.id in c.in_story]
    why: dict[tuple[int, int], str] = {}
    pair = margins(c, why)
    rows = []
    for i in inside:
        partners = {j: m for j, m in pair[i].items() if j in inside}
        best = max(partners.values(), default=-1.0)
        top = max(partners, key=lambda j: partners[j], default=None)
        rows.append(
            {
                "file": c.file_of[c.docs[i].id],
                "title": (c.docs[i].document.title or "")[:70],
                "margin": round(best, 3),
                "partners": sum(1 for m in partners.values() if m >= 0),
                "bar": why.get((i, top), "") if top is not None else "",
                "blocked": Counter(why[i, j] for j, m in partners.items() if m < 0 and why[i, j] != "window"),
            }
        )
    # leave one document out
    splits = lost = 0
    for k in inside:
        keep = [i for i in everyone if i != k]
        rest = c.in_story - {c.docs[k].id}
        off = split_of(c, group(c, keep), rest)[1] - split_of(c, full, rest)[1]
        splits += off > 0
        lost += max(off, 0)
    # drop the first day's in-story documents
    first = min(c.docs[i].published for i in inside if c.docs[i].published)
    day_one = {i for i in inside if c.docs[i].published == first}
    keep = [i for i in everyone if i not in day_one]
    later = group(c, keep)
    rest = {c.docs[i].id for i in inside if i not in day_one}
    n_stories, off = split_of(c, later, rest)
    rises = (rise(c, everyone, c.in_story), rise(c, keep, rest))
    distractors = [
        max((m for j, m in pair[i].items() if j in inside), default=-1.0) for i in everyone if i not in inside
    ]
    full_stories, full_off = split_of(c, full, c.in_story)
    return {
        "name": c.name,
        "in_story": len(inside),
        "b3": bcubed(c, full),
        "stories": full_stories,
        "in_main": len(inside) - full_off,
        "rows": rows,
        "headroom": round(headroom(pair, inside), 3),
        "rise": rises[0],
        "day1_rise": rises[1],
        "loo_splits": splits,
        "loo_lost": lost,
        "day1": len(day_one),
        "day1_stories": n_stories,
        "day1_in_main": len(rest) - off,
        "day1_rest": len(rest),
        "day1_b3": bcubed(c, later)["f1"],
        "distractors": len(distractors),
        "distractor_best": round(max(distractors, default=-1.0), 3),
    }


def table(results: list[dict[str, Any]], weakest: int) -> str:
    lines = [
        "| story | in-story docs | B³ (P/R) | system stories (in main) |"
        " threshold can rise (first day dropped) | pair headroom | margin min / median | under 0.05 |"
        " one link | leave-one-out: removals that cut more off (docs) |"
        " first day dropped: docs, stories (in main / rest), B³ | distractors: best margin |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    pooled: list[dict[str, Any]] = []
    for r in results:
        ms = sorted(x["margin"] for x in r["rows"])
        pooled += [{**x, "story": r["name"]} for x in r["rows"]]
        b = r["b3"]
        lines.append(
            f"| {r['name']} | {r['in_story']} | {b['f1']:.2f} ({b['precision']:.2f}/{b['recall']:.2f}) | "
            f"{r['stories']} ({r['in_main']}) | {r['rise']:.3f} ({r['day1_rise']:.3f}) | "
            f"{r['headroom']:+.3f} | {ms[0]:.3f} / {ms[len(ms) // 2]:.3f} | "
            f"{sum(m < 0.05 for m in ms)} | {sum(x['partners'] == 1 for x in r['rows'])} | "
            f"{r['loo_splits']} ({r['loo_lost']}) | {r['day1']}, {r['day1_stories']} "
            f"({r['day1_in_main']}/{r['day1_rest']}), {r['day1_b3']:.2f} | {r['distractor_best']:+.3f} |"
        )
    n = len(pooled)
    ms = sorted(x["margin"] for x in pooled)
    lines.append(
        f"| **pooled** | {n} | | | {min(r['rise'] for r in results):.3f} "
        f"({min(r['day1_rise'] for r in results):.3f}) | {min(r['headroom'] for r in results):+.3f} | "
        f"{ms[0]:.3f} / {ms[n // 2]:.3f} | {sum(m < 0.05 for m in ms)} | "
        f"{sum(x['partners'] == 1 for x in pooled)} | {sum(r['loo_splits'] for r in results)} "
        f"({sum(r['loo_lost'] for r in results)}) | {sum(r['day1'] for r in results)}, "
        f"{sum(r['day1_stories'] > 1 for r in results)} stories split | "
        f"{max(r['distractor_best'] for r in results):+.3f} |"
    )
    lines += ["", f"Weakest {weakest} in-story documents (pooled):", ""]
    lines += [
        "| story | file | headline | best margin | its bar | partners |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for x in sorted(pooled, key=lambda x: x["margin"])[:weakest]:
        lines.append(
            f"| {x['story']} | {x['file']} | {x['title']} | {x['margin']:+.3f} | {x['bar']} | "
            f"{x['partners']} |"
        )
    blocked: Counter[str] = Counter()
    for x in pooled:
        blocked.update(x["blocked"])
    lines += [
        "",
        "In-story pairs under their bar because of a rule, not the score (pooled, each pair twice): ",
    ]
    lines[-1] += ", ".join(f"{k} {v}" for k, v in blocked.most_common()) or "none"
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", default=list(STORIES))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/devcache"))
    ap.add_argument("--weakest", type=int, default=15)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    results = []
    for name in args.names:
        r = study(capture(name, args.cache))
        print(
            f"{name}: B3 {r['b3']['f1']:.3f} stories {r['stories']} loo {r['loo_splits']} "
            f"day1 {r['day1_stories']} rise {r['rise']:.3f}",
            file=sys.stderr,
            flush=True,
        )
        results.append(r)
    print(table(results, args.weakest))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
