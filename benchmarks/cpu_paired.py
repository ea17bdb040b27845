"""CPU seconds of the analysis, old code against new, in alternating fresh processes.

On a machine shared with other jobs the wall clock measures the other jobs; the CPU time of the
process (``time.process_time``) measures the work, and alternating old, new, old, new spreads
the load's effect on caches and clocks over both. Each run is a fresh process, held to one
thread (``set_threads(1)``: no reading ahead, one encoder thread), that calls ``warm_up``,
analyses the first text once, then times ``reportedly.analyze`` of each text.

    python benchmarks/cpu_paired.py --old /tmp/old/src --new src \\
        --texts ../shared/data/polnear/dev/text --limit 40 --pairs 2
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def one_run(texts: str, limit: int) -> None:
    """Analyse the texts in this process and print the CPU seconds and the claims."""
    from reportedly.extract.encoder import set_threads

    set_threads(1)
    import reportedly

    files = sorted(Path(texts).glob("*.txt"))[:limit]
    docs = [f.read_text(encoding="utf-8") for f in files]
    reportedly.warm_up()
    reportedly.analyze(docs[0])
    start = time.process_time()
    claims = sum(len(reportedly.analyze(d).claims) for d in docs)
    print(f"{time.process_time() - start:.3f} {claims}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True, help="the old code's src folder")
    ap.add_argument("--new", required=True, help="the new code's src folder")
    ap.add_argument("--texts", required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=84, help="the first N texts in sorted order")
    ap.add_argument("--pairs", type=int, default=2, help="old/new runs, alternating")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child run
    a = ap.parse_args()
    if a.one:
        one_run(a.texts, a.limit)
        return
    spent: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(a.pairs):
        for name in ("old", "new"):
            env = dict(os.environ, PYTHONPATH=str(Path(getattr(a, name)).resolve()))
            args = [sys.executable, __file__, "--one", "--old", a.old, "--new", a.new]
            args += ["--texts", a.texts, "--limit", str(a.limit)]
            seconds, claims = subprocess.run(
                args, env=env, check=True, capture_output=True, text=True
            ).stdout.split()
            spent[name].append(float(seconds))
            print(f"{name}: {float(seconds):.2f} s CPU, {claims} claims", flush=True)
    old, new = statistics.median(spent["old"]), statistics.median(spent["new"])
    print(f"medians: old {old:.2f} s, new {new:.2f} s CPU: {100 * (new - old) / old:+.1f} %")


if __name__ == "__main__":
    main()
