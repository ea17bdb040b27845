"""Wall and CPU seconds of each document analysed on a local Dask cluster, as ``ingest --workers N`` does.

The time limit (``--timeout``) is wall-clock time; on a machine shared with other jobs a document
gets a fraction of a core, so its wall time is a multiple of its CPU time. This prints both for
each document (and the load average before and after), to see how close a long but ordinary
article comes to the limit under load:

    PYTHONPATH=src python benchmarks/worker_times.py --workers 2 --timeout 0 ARTICLE.txt ...
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from reportedly.batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_WORDS, DaskRunner, analyze_outcome
from reportedly.ingest import parse_layout
from reportedly.model import Document


def timed(document: Document, timeout: float) -> dict[str, Any]:
    """One document's outcome with the worker's wall, process CPU and analysing thread's CPU seconds."""
    cpu, thread = time.process_time(), time.thread_time()
    outcome = analyze_outcome(document, timeout, 1, DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_WORDS)
    return {
        "wall_s": round(outcome.seconds, 1),
        "process_cpu_s": round(time.process_time() - cpu, 1),
        "thread_cpu_s": round(time.thread_time() - thread, 1),
        "reason": outcome.reason,
        "claims": len(outcome.ledger.claims) if outcome.ledger is not None else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=0.0, help="the limit given to each document (0: none)")
    args = ap.parse_args()
    documents = [parse_layout(f.read_text(encoding="utf-8")) for f in args.files]
    with DaskRunner(workers=args.workers) as runner:
        runner.warm_up()
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        assert runner.client is not None
        futures = [runner.client.submit(timed, d, args.timeout, pure=False) for d in documents]
        for path, future in zip(args.files, futures, strict=True):
            row = future.result()
            words = len(path.read_text(encoding="utf-8").split())
            print(f"{path.name}: {path.stat().st_size:,} bytes, {words:,} words: {row}", flush=True)
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
