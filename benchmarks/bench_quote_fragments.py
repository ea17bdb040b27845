"""Analysis time and peak RSS on a paragraph of N quotation fragments (issue 18).

2,000 fragments must take no more than 4x the time of 500 (linear growth). CPU time is
printed beside wall time: on a shared machine the wall time mostly measures the other jobs.
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
    reportedly.analyze("Warming up in Paris, the tagger said.")  # the gazetteer loads on first use
    for n in counts:
        started, cpu = time.perf_counter(), time.process_time()
        ledger = reportedly.analyze("Officials spoke on Monday.\n\n" + fragments(n) + " end.")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        claims = len(ledger.claims)
        line = f"{n} fragments: {seconds:.1f} s wall, {cpu:.1f} s CPU, {claims} claims, peak RSS {peak} MiB"
        print(line, flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 2000])
