"""Resident memory of one ``reportedly ingest`` process over a long batch: is it flat?

Runs the command a user types (one process, a fresh SQLite store) over every
``.txt`` file of the folders given, and samples the process's resident memory
(``/proc/PID/status``) once a second. Reports the peak and the resident
memory at each tenth of the run, so growth with the number of documents shows
as a rising row rather than hiding in one peak figure; with ``--every N`` also
the resident memory each time another N documents are in the store (counted
through a read-only connection to the store, which is in WAL mode), so the row
is by documents done rather than by time.

    python benchmarks/bench_ingest_memory.py ../shared/data/polnear/train/text ../shared/data/polnear/dev/text
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = Path(sys.executable).parent / "reportedly"


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _stored(db: Path) -> int | None:
    """Documents in the store now, or None while it cannot be read (not created yet, locked)."""
    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="Folders of .txt articles (all ingested in one batch).")
    parser.add_argument("--limit", type=int, default=1000, help="At most this many files.")
    parser.add_argument(
        "--every", type=int, default=0, help="Also report RSS each time another N documents are stored."
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    files = [f for folder in args.folders for f in sorted(Path(folder).glob("*.txt"))][: args.limit]
    if not files:
        sys.exit("no .txt files in the folders given")
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch"
        batch.mkdir()
        for n, f in enumerate(files):
            (batch / f"{n:05d}-{f.name}").symlink_to(f.resolve())
        db = Path(tmp) / "m.db"
        cmd = [str(CLI), "ingest", str(batch), "--db", str(db), "--json", "--quiet"]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        samples: list[tuple[float, float]] = []
        by_documents: dict[int, int] = {}  # N documents stored -> RSS (MB) when first seen
        while proc.poll() is None:
            rss = _rss_mb(proc.pid)
            if rss is not None:
                samples.append((time.perf_counter() - started, rss))
                if args.every:
                    done = _stored(db)
                    if done is not None:
                        by_documents.setdefault(done // args.every * args.every, round(rss))
            time.sleep(1.0)
        out, err = proc.communicate()
    if proc.returncode not in (0, 1):
        sys.exit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    report = json.loads(out)
    wall = time.perf_counter() - started
    tenths = []
    for k in range(1, 11):
        at = [rss for t, rss in samples if t <= wall * k / 10]
        tenths.append(round(at[-1]) if at else None)
    result = {
        "files": len(files),
        "stored": report.get("stored"),
        "errors": report.get("errors"),
        "wall_s": round(wall, 1),
        "peak_rss_mb": round(max(rss for _, rss in samples)) if samples else None,
        "rss_mb_at_each_tenth": tenths,
    }
    if args.every:
        result[f"rss_mb_every_{args.every}_stored"] = dict(sorted(by_documents.items()))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>22}: {value}")


if __name__ == "__main__":
    main()
