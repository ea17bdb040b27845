"""Story linking on a real corpus: ingest cost, link cost, and how link cost grows.

PolNeAR's texts carry no dates or outlets in the text itself, so the first
step writes them to a JSON Lines file with the corpus metadata (publisher,
publication date, title): the same path a user with a scraped archive takes.

    python benchmarks/bench_link.py jsonl --out /tmp/polnear.jsonl
    /usr/bin/time -v reportedly ingest /tmp/polnear.jsonl --db /tmp/polnear.db -q --json
    python benchmarks/bench_link.py link --db /tmp/polnear.db            # time + peak memory
    python benchmarks/bench_link.py scale --db /tmp/polnear.db           # 3 corpus sizes
    python benchmarks/bench_link.py sample --db /tmp/polnear.db -n 20    # clusters to hand-check
    python benchmarks/bench_link.py incremental --db /tmp/stories.db     # a batch into 1x..10x stores
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "polnear"


def write_jsonl(corpus: Path, out: Path, splits: tuple[str, ...] = ("train", "dev")) -> int:
    """One JSON line per article: text plus the corpus metadata the text lacks."""
    n = 0
    with (corpus / "metadata.tsv").open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] not in splits:
                continue
            path = corpus / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            record = {
                "text": path.read_text(encoding="utf-8"),
                "title": row["title"] or None,
                "outlet": row["publisher"],
                "published": row["publication_date"],
                "url": f"polnear:{row['compartment']}/{row['filename']}",
            }
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cmd_link(db: str, method: str) -> None:
    """One full link run over the store (embedding included unless vectors are cached)."""
    from reportedly.link import default_embedder, link_store
    from reportedly.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        result = link_store(store, embedder=default_embedder(method))
    summary = result.summary()
    summary["wall_seconds"] = round(time.perf_counter() - started, 2)
    summary["peak_rss_mib"] = round(peak_mib(), 1)
    print(json.dumps(summary, indent=2))


class Precomputed:
    """Vectors looked up by text, so scaling runs time linking alone, not the sentence model."""

    cacheable = False

    def __init__(self, method: str, table: dict[str, np.ndarray]) -> None:
        self.method = method
        self.table = table

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.table[t] for t in texts])


def _texts(documents: list, claims: list) -> list[str]:
    """Every text linking embeds: document leads and claim statements, as the pipeline forms them."""
    from reportedly.link.corpus import ClaimItem, DocItem, outlet_of

    texts = {DocItem(d, outlet_of(d)).lead() for d in documents}
    texts |= {ClaimItem(c, None, None, None, False).statement for _, c in claims}  # type: ignore[arg-type]
    return sorted(texts)


def _copies(documents: list, claims: list, times: int) -> tuple[list, list]:
    """The corpus ``times`` over, each copy moved by whole years: same density of news, more of it."""
    docs_out, claims_out = [], []
    for k in range(times):
        shift = timedelta(days=366 * k)
        suffix = f"~{k}" if k else ""
        for d in documents:
            moved = d.published + shift if d.published else None
            docs_out.append(replace(d, id=d.id + suffix, published=moved))
        for doc_id, c in claims:
            claims_out.append((doc_id + suffix, replace(c, id=c.id + suffix)))
    return docs_out, claims_out


def cmd_scale(db: str, method: str, fractions: list[float], repeat: int) -> None:
    """Link time at several corpus sizes: random subsets below 1, shifted copies above 1."""
    from reportedly.link import default_embedder, link_corpus
    from reportedly.store import Store

    with Store(db) as store:
        documents, claims = store.link_inputs()
        embedder = default_embedder(method)
        ordered = _texts(documents, claims)
        vectors = embedder.encode(ordered)
        table = dict(zip(ordered, vectors, strict=True))
    fake = Precomputed(embedder.method, table)
    rng = random.Random(7)
    rows = []
    for fraction in fractions:
        if fraction <= 1:
            keep = {d.id for d in rng.sample(documents, round(len(documents) * fraction))}
            docs = [d for d in documents if d.id in keep]
            cls = [(i, c) for i, c in claims if i in keep]
        else:
            docs, cls = _copies(documents, claims, round(fraction))
        best = None
        for _ in range(repeat):
            started = time.perf_counter()
            result = link_corpus(docs, cls, embedder=fake, user_aliases={})
            took = time.perf_counter() - started
            best = took if best is None else min(best, took)
        rows.append(
            {
                "fraction": fraction,
                "documents": len(docs),
                "claims": len(cls),
                "seconds": round(best, 3),
                "ms_per_1000_claims": round(1000 * best / max(len(cls), 1) * 1000, 1),
                "stories": len(result.stories),
                "clusters": sum(len(s.clusters) for s in result.stories),
            }
        )
        print(json.dumps(rows[-1]), flush=True)


class CachedPrecomputed(Precomputed):
    """Precomputed vectors that the store may cache, as MiniLM's are (incremental runs need it)."""

    cacheable = True


def _ledgers(documents: list, claims: list) -> list:
    """Ledgers again from linking inputs, with the entities their claims name (for Store.save)."""
    from reportedly.model import Ledger

    by_doc: dict[str, list] = {d.id: [] for d in documents}
    for doc_id, c in claims:
        by_doc[doc_id].append(c)
    out = []
    for d in documents:
        ents = {}
        for c in by_doc[d.id]:
            named = [link.entity for link in c.chain]
            if c.source is not None:
                named += ([c.source.entity] if c.source.entity else []) + list(c.source.joint)
            ents.update({e.id: e for e in named})
        out.append(Ledger(document=d, claims=by_doc[d.id], entities=list(ents.values())))
    return out


def cmd_incremental(db: str, method: str, sizes: list[int], batch: int, repeat: int) -> None:
    """Adding a batch of new documents to stores 1x..Nx the corpus: incremental vs full relink.

    Each store holds the corpus ``size`` times over (copies a year apart: the same news rate,
    more of it) minus a batch of the newest copy's last documents; the batch is then stored and
    placed incrementally, and for comparison the whole store is relinked. Vectors come from a
    table computed once, so both runs time linking and store writes, not the sentence model.
    """
    import shutil
    import tempfile

    from reportedly.link import default_embedder, ensure_linked, link_store
    from reportedly.store import Store

    with Store(db) as store:
        documents, claims = store.link_inputs()
    embedder = default_embedder(method)
    ordered = _texts(documents, claims)
    fake = CachedPrecomputed(embedder.method, dict(zip(ordered, embedder.encode(ordered), strict=True)))
    for size in sizes:
        docs, cls = _copies(documents, claims, size)
        ledgers = _ledgers(docs, cls)
        ledgers.sort(key=lambda led: (led.document.published or date.min, led.document.id))
        held, rest = ledgers[-batch:], ledgers[:-batch]
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp) / "base.db"
            with Store(base) as store:
                for led in rest:
                    store.save(led)
                ensure_linked(store, embedder=fake)
            inc_times, full_times = [], []
            for _ in range(repeat):
                run = Path(tmp) / "run.db"
                shutil.copy(base, run)
                with Store(run) as store:
                    for led in held:
                        store.save(led)
                    started = time.perf_counter()
                    result = ensure_linked(store, embedder=fake)
                    inc_times.append(time.perf_counter() - started)
                    assert result is not None and result.new_documents == len(held), "not incremental"
                    relinked = result.documents
                    started = time.perf_counter()
                    link_store(store, embedder=fake)
                    full_times.append(time.perf_counter() - started)
        inc, full = sorted(inc_times)[len(inc_times) // 2], sorted(full_times)[len(full_times) // 2]
        print(
            json.dumps(
                {
                    "store_documents": len(ledgers),
                    "store_claims": len(cls),
                    "batch": len(held),
                    "relinked_documents": relinked,
                    "incremental_seconds_median": round(inc, 3),
                    "full_seconds_median": round(full, 3),
                    "full_over_incremental": round(full / inc, 2) if inc else None,
                }
            ),
            flush=True,
        )


def cmd_sample(db: str, n: int, seed: int) -> None:
    """N random claim clusters with their members, for a person to judge."""
    from reportedly.store import Store

    with Store(db) as store:
        all_clusters = []
        for row in store.stories(min_documents=2):
            story, _docs = store.story(row["id"])
            all_clusters.extend((story, c) for c in story.clusters)
    rng = random.Random(seed)
    picked = rng.sample(all_clusters, min(n, len(all_clusters)))
    for number, (story, c) in enumerate(picked, 1):
        print(f"## {number}. {c.id} in {story.id} ({story.title})")
        print(f"label: {c.label} | {len(c.outlets)} outlets, {c.independent_origins} origins")
        for ref in c.claims:
            print(
                f"  - {ref.published} {ref.outlet} [{ref.source} → {ref.origin}] {ref.stance.value}: "
                f"{ref.content.text[:220]}"
            )
        print()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    j = sub.add_parser("jsonl", help="write PolNeAR train+dev as JSON Lines with metadata")
    j.add_argument("--corpus", type=Path, default=POLNEAR)
    j.add_argument("--out", type=Path, required=True)
    lk = sub.add_parser("link", help="one link run over a store: time, peak memory, counts")
    lk.add_argument("--db", required=True)
    lk.add_argument("--method", default="auto")
    sc = sub.add_parser("scale", help="link time at several corpus sizes (embedding excluded)")
    sc.add_argument("--db", required=True)
    sc.add_argument("--method", default="auto")
    sc.add_argument("--fractions", default="0.25,0.5,1,2,4")
    sc.add_argument("--repeat", type=int, default=3)
    inc = sub.add_parser("incremental", help="a batch into stores 1x..Nx the corpus: incremental vs full")
    inc.add_argument("--db", required=True)
    inc.add_argument("--method", default="auto")
    inc.add_argument("--sizes", default="1,5,10")
    inc.add_argument("--batch", type=int, default=5)
    inc.add_argument("--repeat", type=int, default=3)
    sa = sub.add_parser("sample", help="random claim clusters to hand-check")
    sa.add_argument("--db", required=True)
    sa.add_argument("-n", type=int, default=20)
    sa.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    if args.cmd == "jsonl":
        n = write_jsonl(args.corpus, args.out)
        print(f"wrote {n} articles to {args.out}", file=sys.stderr)
    elif args.cmd == "link":
        cmd_link(args.db, args.method)
    elif args.cmd == "scale":
        cmd_scale(args.db, args.method, [float(x) for x in args.fractions.split(",")], args.repeat)
    elif args.cmd == "incremental":
        sizes = [int(x) for x in args.sizes.split(",")]
        cmd_incremental(args.db, args.method, sizes, args.batch, args.repeat)
    elif args.cmd == "sample":
        cmd_sample(args.db, args.n, args.seed)


if __name__ == "__main__":
    main()
