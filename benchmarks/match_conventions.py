"""The story scorer under both quote-matching conventions, on ledgers analysed and linked once.

``reportedly eval-stories --match content|evidence`` scores one convention per run, and each run
analyses the corpus again; this analyses each corpus once (cached, as the dev loop does), links it
once, and scores the same links under ``content`` (rounds 1-10) and ``evidence`` (round 11), so
the two columns differ by the convention alone (:mod:`reportedly.eval.matching`). It also lists
the gold proposition mentions whose claim differs between the two conventions (``--list``), for a
person to judge whether the new match is the mention's claim or a neighbour's::

    PYTHONPATH=src python benchmarks/match_conventions.py all --cache /tmp/match-cache \\
        [--reanalyse] [--list] [--json OUT.json]

Names: kakhovka quake crocus derna alahli maui balasore herat morocco pylos (or ``all``), and ko
(the story in Korean and English, whose report adds the cross-language pairs). Gold
folders are read from ``../shared/data/stories`` and ``benchmarks/stories``, texts from
``../stories-local/<story>/articles`` (``--local`` to change it).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from story_sets import STORIES as DEVELOPMENT_STORIES  # the sibling table (python benchmarks/x.py)

from reportedly import analyze_many
from reportedly.corpora.stories import load_story_corpus
from reportedly.eval.matching import MATCH_CONVENTIONS, best_claim, locate
from reportedly.eval.stories import score_links
from reportedly.link import link_store
from reportedly.store import Store

REPO = Path(__file__).resolve().parent.parent
STORIES = {
    **DEVELOPMENT_STORIES,
    # the story told in Korean and English (not in "all": a language set's story, issue 19)
    "ko": ("benchmarks/languages/ko", "lang-ko"),
}


def line(name: str, r: dict[str, Any]) -> str:
    s, p, m, c, o = (r[k] for k in ("stories", "propositions", "measures", "conflicts", "origins"))
    return (
        f"{name:9s} {r['match']:8s} B3 {s['f1']:.2f} props {p['precision']:.3f}/{p['recall']:.3f}/"
        f"{p['f1']:.3f} with claim {p['mentions_with_claim']}/{p['mentions']} "
        f"origins {o['exact_accuracy']:.2f} ({o['mean_absolute_error'] or 0:.2f}) "
        f"purity {m['purity']:.2f}/{m['series_per_measure']:.2f} "
        f"conflicts {c['precision']:.2f}/{c['recall']:.2f} ({c['reported']} rep, {c['trap_hits']} traps)"
    )


def changed_mentions(gold: dict[str, Any], ledgers: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold proposition mentions whose best claim differs between the two conventions."""
    out = []
    seen = set()
    for p in gold.get("propositions", []):
        for m in p["mentions"]:
            key = (m["file"], m["quote"])
            led = ledgers.get(m["file"])
            if key in seen or led is None:
                continue
            seen.add(key)
            where = locate(led.document.text, m["quote"], m["file"])
            if where is None:
                continue
            a, b = (best_claim(led.claims, where, conv) for conv in MATCH_CONVENTIONS)
            if (a and a.id) != (b and b.id):
                out.append(
                    {
                        "proposition": p["id"],
                        "file": m["file"],
                        "quote": m["quote"],
                        "content_match": a and " ".join(a.content_text.split())[:140],
                        "evidence_match": b
                        and f"[{b.source.text if b.source else '-'} | {b.cue.text}] "
                        + " ".join(b.content_text.split())[:140],
                    }
                )
    return out


def run(name: str, cache: Path, local: Path, reanalyse: bool) -> tuple[list[dict[str, Any]], list[Any]]:
    gold_rel, folder = STORIES[name]
    corpus = load_story_corpus(REPO / gold_rel, local / folder / "articles")
    files = list(corpus.articles)
    pkl = cache / f"{name}.pkl"
    if pkl.exists() and not reanalyse:
        ledgers = pickle.loads(pkl.read_bytes())
    else:
        ledgers = dict(zip(files, analyze_many([corpus.articles[f].document for f in files]), strict=True))
        cache.mkdir(parents=True, exist_ok=True)
        pkl.write_bytes(pickle.dumps(ledgers))
    with tempfile.TemporaryDirectory(prefix="match-conv-") as tmp:
        store = Store(str(Path(tmp) / "s.db"))
        try:
            for f in files:
                store.save(ledgers[f], source=corpus.articles[f].document.meta.get("source"))
            result = link_store(store)
        finally:
            store.close()
    series = {(m.claim_id, m.position): m.measure for m in result.measures}
    reports = []
    for conv in MATCH_CONVENTIONS:
        r = score_links(corpus.gold, ledgers, result.stories, result.conflicts, series, conv)
        r["corpus"] = corpus.name
        reports.append(r)
    return reports, changed_mentions(corpus.gold, ledgers)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="+")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/match-cache"))
    ap.add_argument("--local", type=Path, default=REPO.parent / "stories-local")
    ap.add_argument("--reanalyse", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    names = [n for n in STORIES if n != "ko"] if args.names == ["all"] else args.names
    everything = {}
    for name in names:
        reports, changed = run(name, args.cache, args.local, args.reanalyse)
        for r in reports:
            print(line(name, r), flush=True)
            if "cross_language" in r:
                x = r["cross_language"]["propositions"]
                print(f"{name:9s} {r['match']:8s} across languages: {x['together']} of {x['pairs']} pairs")
        print(f"{name:9s} mentions whose claim differs: {len(changed)}", flush=True)
        if args.list:
            for ch in changed:
                print(f"  {ch['proposition']} {ch['file']}: «{ch['quote'][:120]}»")
                print(f"    content : {ch['content_match']}")
                print(f"    evidence: {ch['evidence_match']}")
        everything[name] = {"reports": reports, "changed": changed}
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
