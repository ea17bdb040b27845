"""CPU seconds and peak memory of one hostile text through ``reportedly.analyze``, optionally profiled.

Issue 18's pathological inputs (one giant line, thousands of unbalanced quotation marks) are
measured on a shared machine whose load makes wall time meaningless, so this reports the
analysing process's CPU time (``time.process_time``) with the models warmed before the clock
starts; pin it to one core (``taskset -c 0``) for figures comparable across runs.

    PYTHONPATH=src python benchmarks/hostile_cpu.py line 8000            # "The minister said …" x N, one line
    PYTHONPATH=src python benchmarks/hostile_cpu.py quotes 4000 --profile # N unbalanced quotation marks
    PYTHONPATH=src python benchmarks/hostile_cpu.py file ADV_DIR/unbalanced_quotes.txt
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import sys
import time

import reportedly


def text_of(kind: str, arg: str) -> str:
    """The text to analyse: a generated one (``line``, ``quotes``) or a file's."""
    if kind == "line":
        return "The minister said prices rose. " * int(arg)
    if kind == "quotes":
        return "Quotes\n\n" + "He said \u201cno " * int(arg)
    with open(arg, encoding="utf-8") as fh:
        return fh.read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["line", "quotes", "file"])
    ap.add_argument("arg", help="how many sentences or quotation marks, or the file's path")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions too")
    args = ap.parse_args()
    sys.setrecursionlimit(10000)  # deep parses of pathological text
    reportedly.warm_up()
    reportedly.analyze("Warming up in Paris, the tagger said.")
    text = text_of(args.kind, args.arg)
    profiler = cProfile.Profile() if args.profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    ledger = reportedly.analyze(text)
    if profiler:
        profiler.disable()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(
        f"{args.kind} {args.arg}: {cpu:.1f} s CPU, {wall:.1f} s wall, {len(ledger.claims)} claims, "
        f"peak RSS {peak} MiB",
        flush=True,
    )
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(35)
        stats.sort_stats("cumulative").print_stats(60)
        print(out.getvalue())


if __name__ == "__main__":
    main()
