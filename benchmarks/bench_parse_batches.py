"""spaCy's parse of the quote-dense paragraph, in batches of at most N characters (issue 18).

The parse of a 2,000-fragment paragraph grew 4.6x against 500 fragments for 4.0x the tokens when
a document's blocks went to ``nlp.pipe`` as one batch; ``parse_many`` now caps a batch's
characters (``MAX_BATCH_CHARS``). This times ``parse_many`` alone (CPU time, the sizes and the
caps interleaved, ``--repeat`` rounds) with each cap given, ``0`` meaning the old batching (64
blocks, no character cap), and prints each cap's 2,000 / 500 ratio by fastest runs and by medians.
Usage: python benchmarks/bench_parse_batches.py --caps 0 16000 --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench_quote_fragments import fragments

from reportedly.ingest.layout import parse_layout
from reportedly.nlp import load
from reportedly.nlp.blocks import parse_many


def main(counts: list[int], caps: list[int], repeat: int) -> None:
    nlp = load()
    list(parse_many([parse_layout("Warming up\n\nThe parser said so on Monday.")], nlp))
    documents = {n: parse_layout("Officials spoke on Monday.\n\n" + fragments(n) + " end.") for n in counts}
    cpu: dict[tuple[int, int], list[float]] = {(n, cap): [] for n in counts for cap in caps}
    for _ in range(repeat):
        for n in counts:
            for cap in caps:
                started = time.process_time()
                list(parse_many([documents[n]], nlp, batch_chars=cap or 10**12))
                cpu[n, cap].append(time.process_time() - started)
    small, large = min(counts), max(counts)
    for cap in caps:
        label = f"cap {cap:,} characters" if cap else "one batch of up to 64 blocks (before)"
        for n in counts:
            runs = cpu[n, cap]
            median = statistics.median(runs)
            print(f"{label}, {n} fragments: fastest {min(runs):.3f} s CPU, median {median:.3f} s")
        fast = min(cpu[large, cap]) / min(cpu[small, cap])
        median = statistics.median(cpu[large, cap]) / statistics.median(cpu[small, cap])
        print(
            f"{label}: {large} / {small} = {fast:.2f}x by fastest runs, {median:.2f}x by medians", flush=True
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[500, 2000], help="fragments per paragraph")
    parser.add_argument(
        "--caps", nargs="+", type=int, default=[0, 16_000], help="characters per batch; 0: before"
    )
    parser.add_argument("--repeat", type=int, default=7, help="rounds, every size and cap once each")
    args = parser.parse_args()
    main(args.counts, args.caps, args.repeat)
