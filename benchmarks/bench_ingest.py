"""Wall time of ``reportedly ingest`` in one process against the same ingest on local Dask workers.

Each run is the command a user types, in a fresh process with a fresh SQLite
store, so the figures include start-up: loading the models (once per worker)
and, for Dask, starting the cluster. Runs alternate between the modes, several
times; medians are reported, and the speed-up is the ratio of medians from the
same session, since these machines are shared and noisy. The command's own
JSON report splits off the start-up, so the steady speed of a long batch is
reported too.

    python benchmarks/bench_ingest.py --texts ../shared/data/polnear/dev/text --workers 2 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "reportedly"


def run_ingest(texts: Path, workers: int) -> tuple[float, dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(CLI), "ingest", str(texts), "--db", str(Path(tmp) / "bench.db"), "--json", "--quiet"]
        if workers > 1:
            cmd += ["--workers", str(workers)]
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", required=True, help="Folder of .txt articles to ingest.")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes for the parallel run.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    texts = Path(args.texts)
    files = sorted(texts.glob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    times: dict[int, list[float]] = {1: [], args.workers: []}
    steady: dict[int, list[float]] = {1: [], args.workers: []}
    reports: dict[int, dict[str, object]] = {}
    for _ in range(args.repeat):
        for workers in (1, args.workers):
            seconds, report = run_ingest(texts, workers)
            times[workers].append(seconds)
            # After start-up (cluster, models): what a long batch runs at.
            steady[workers].append(float(report["seconds"]) - float(report["startup_seconds"]))
            reports[workers] = report
            print(
                f"workers={workers}: {seconds:.1f} s, start-up {report['startup_seconds']} s",
                file=sys.stderr,
                flush=True,
            )
    one, many = statistics.median(times[1]), statistics.median(times[args.workers])
    one_steady, many_steady = statistics.median(steady[1]), statistics.median(steady[args.workers])
    same = (reports[1]["stored"], reports[1]["claims"]) == (
        reports[args.workers]["stored"],
        reports[args.workers]["claims"],
    )
    result = {
        "texts": len(files),
        "words": words,
        "repeat": args.repeat,
        "one_process_s": round(one, 1),
        "dask_s": round(many, 1),
        "dask_workers": args.workers,
        "one_process_words_per_s": round(words / one),
        "dask_words_per_s": round(words / many),
        "speed_up": round(one / many, 2),
        "one_process_after_startup_s": round(one_steady, 1),
        "dask_after_startup_s": round(many_steady, 1),
        "one_process_words_per_s_after_startup": round(words / one_steady),
        "dask_words_per_s_after_startup": round(words / many_steady),
        "speed_up_after_startup": round(one_steady / many_steady, 2),
        "runs_s": {str(k): [round(t, 1) for t in v] for k, v in times.items()},
        "stored": reports[1]["stored"],
        "claims": reports[1]["claims"],
        "same_ledgers": same,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>24}: {value}")
    if not same:
        sys.exit("the Dask run stored different counts from the one-process run")


if __name__ == "__main__":
    main()
