"""Analysis time and peak RSS on a paragraph of N quotation fragments (issue 18).

2,000 fragments must take no more than 4x the time of 500 (linear growth). CPU time is
printed beside wall time: on a shared machine the wall time mostly measures the other jobs.
With ``--repeat K`` the sizes are run K times, interleaved (500, 2000, 500, 2000, ...), and the
summary gives each size's fastest and median CPU time and the ratio of the largest size to the
smallest by each: the fastest run is the one the other jobs disturbed least.
Usage: python benchmarks/bench_quote_fragments.py 500 2000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import reportedly


def fragments(n: int) -> str:
    """One paragraph of ``n`` quoted fragments, every other one left unclosed."""
    return " ".join(
        f"\u201cPart {i} went well,\u201d she said, \u201cand" + (" then\u201d" if i % 2 else "")
        for i in range(n)
    )


def main(counts: list[int], repeat: int = 1) -> None:
    reportedly.warm_up()
    reportedly.analyze("Warming up in Paris, the tagger said.")  # the gazetteer loads on first use
    cpu_by_size: dict[int, list[float]] = {n: [] for n in counts}
    for _ in range(repeat):
        for n in counts:
            started, cpu = time.perf_counter(), time.process_time()
            ledger = reportedly.analyze("Officials spoke on Monday.\n\n" + fragments(n) + " end.")
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            cpu_by_size[n].append(cpu)
            claims = len(ledger.claims)
            line = f"{n} fragments: {seconds:.1f} s wall, {cpu:.1f} s CPU, {claims} claims"
            print(f"{line}, peak RSS {peak} MiB", flush=True)
    if repeat > 1:
        for n, cpus in cpu_by_size.items():
            median = statistics.median(cpus)
            print(f"{n} fragments, {repeat} runs: fastest {min(cpus):.1f} s CPU, median {median:.1f} s")
    if len(counts) > 1:
        small, large = min(counts), max(counts)
        fast = min(cpu_by_size[large]) / min(cpu_by_size[small])
        median = statistics.median(cpu_by_size[large]) / statistics.median(cpu_by_size[small])
        print(f"{large} / {small} fragments, CPU time: {fast:.2f}x by fastest runs, {median:.2f}x by medians")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[500, 2000], help="fragments per paragraph")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size, interleaved")
    args = parser.parse_args()
    main(args.counts, args.repeat)
