"""Analysis time and peak RSS on a paragraph of N quotation fragments (issue 18).

2,000 fragments must take no more than 4x the time of 500 (linear growth).
Usage: python benchmarks/bench_quote_fragments.py 500 2000
"""

from __future__ import annotations

import resource
import sys
import time

import reportedly


def fragments(n: int) -> str:
    """One paragraph of ``n`` quoted fragments, every other one left unclosed."""
    return " ".join(
        f"\u201cPart {i} went well,\u201d she said, \u201cand" + (" then\u201d" if i % 2 else "")
        for i in range(n)
    )


def main(counts: list[int]) -> None:
    reportedly.warm_up()
    for n in counts:
        started = time.perf_counter()
        ledger = reportedly.analyze("Officials spoke on Monday.\n\n" + fragments(n) + " end.")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        seconds = time.perf_counter() - started
        print(f"{n} fragments: {seconds:.1f} s, {len(ledger.claims)} claims, peak RSS {peak} MiB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 2000])
