"""Kill ``reportedly ingest`` with SIGKILL at random points, re-run it, and check the store (issue 18).

A machine that is recycled kills the ingest without warning. The store promises that a kill
leaves every document either fully stored or absent, and that re-running the same ingest
finishes the rest without storing anything twice. This script does exactly that, ``--kills``
times in a row, then lets one run finish and checks:

* every input file is stored exactly once (one row per file, one per text, none missing);
* no claim row without its document, and (``--reference``) every document has the same number
  of claims as in a store built without kills, so no ledger was stored in part;
* ``PRAGMA integrity_check`` answers ``ok`` (SQLite);
* a further re-run stores nothing (``stored == 0``).

Each kill comes at a random point of the work: the script waits until the run has stored a
random number (``--min-step``–``--max-step``, default 1–3) of new documents, then a further
random 0–``--max-extra`` s (default 1.5), so the kill lands in an analysis or a write; then it kills the
whole process group (the ingest and, with ``--workers 2``, its Dask scheduler, nannies and
workers), as a recycled machine would. A run that ends before its kill is counted apart and
does not count as a kill.

Usage:
    PYTHONPATH=src python benchmarks/kill_loop.py --kills 10 --workers 1
    PYTHONPATH=src python benchmarks/kill_loop.py --kills 10 --workers 2 --json
    PYTHONPATH=src python benchmarks/kill_loop.py --kills 10 --db postgresql+psycopg://u@/db?host=/tmp
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = Path("/work/shared/data/polnear/dev/text")


def store_url(db: str) -> str:
    """SQLAlchemy URL of ``db`` (a path or a URL), as the CLI reads it."""
    return db if "://" in db else f"sqlite:///{Path(db).resolve()}"


def count_documents(url: str) -> int:
    """Documents stored so far; 0 while the store does not exist yet."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar() or 0)
    except Exception:  # noqa: BLE001 - no store or no table yet: nothing stored
        return 0
    finally:
        engine.dispose()


def ingest_command(sources: Path, db: str, workers: int, python: str) -> list[str]:
    return [
        python,
        "-m",
        "reportedly.cli",
        "ingest",
        str(sources),
        "--db",
        db,
        "--json",
        "-q",
        "--workers",
        str(workers),
    ]


def kill_once(
    cmd: list[str],
    url: str,
    rng: random.Random,
    steps: tuple[int, int],
    max_extra: float,
    env: dict[str, str],
) -> dict[str, Any]:
    """Start one ingest and SIGKILL its process group at a random point; say what happened."""
    before = count_documents(url)
    step = rng.randint(*steps)
    extra = rng.uniform(0, max_extra)
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    reached = None
    while proc.poll() is None:
        if reached is None and count_documents(url) >= before + step:
            reached = time.monotonic()
        if reached is not None and time.monotonic() - reached >= extra:
            break
        time.sleep(0.1)
    if proc.poll() is not None:
        return {
            "killed": False,
            "exit": proc.returncode,
            "seconds": round(time.monotonic() - started, 1),
            "stored_before": before,
            "stored_after": count_documents(url),
        }
    os.killpg(proc.pid, signal.SIGKILL)  # the ingest and every worker it started, at once
    proc.wait()
    return {
        "killed": True,
        "seconds": round(time.monotonic() - started, 1),
        "wanted_step": step,
        "stored_before": before,
        "stored_after": count_documents(url),
    }


def check(url: str, sources: Path, reference: str | None) -> dict[str, Any]:
    """What the store holds after the loop, against the input files (and a reference store)."""
    files = sorted(str(p) for p in sources.glob("*.txt"))
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, source FROM documents")).all()
        distinct_texts = conn.execute(text("SELECT count(DISTINCT text) FROM documents")).scalar()
        orphans = conn.execute(
            text("SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)")
        ).scalar()
        claims = dict(
            conn.execute(text("SELECT document_id, count(*) FROM claims GROUP BY document_id")).all()
        )
        integrity = (
            conn.execute(text("PRAGMA integrity_check")).scalar()
            if url.startswith("sqlite")
            else "not applicable (PostgreSQL)"
        )
    engine.dispose()
    by_source: dict[str, int] = {}
    for _, source in rows:
        by_source[source] = by_source.get(source, 0) + 1
    result: dict[str, Any] = {
        "input_files": len(files),
        "documents": len(rows),
        "distinct_texts": distinct_texts,
        "missing": sorted(set(files) - set(by_source)),
        "stored_twice": sorted(s for s, n in by_source.items() if n > 1),
        "unexpected": sorted(set(by_source) - set(files)),
        "orphan_claims": orphans,
        "claims": sum(claims.values()),
        "integrity_check": integrity,
    }
    if reference:
        ref = create_engine(store_url(reference), poolclass=NullPool)
        with ref.connect() as conn:
            expected = dict(
                conn.execute(
                    text(
                        "SELECT d.id, count(c.id) FROM documents d"
                        " LEFT JOIN claims c ON c.document_id = d.id GROUP BY d.id"
                    )
                ).all()
            )
        ref.dispose()
        got = {doc_id: claims.get(doc_id, 0) for doc_id, _ in rows}
        result["reference_claims"] = sum(expected.values())
        result["claim_count_differs"] = sorted(
            d for d in set(expected) | set(got) if expected.get(d) != got.get(d)
        )
    result["ok"] = (
        result["documents"] == result["input_files"] == result["distinct_texts"]
        and not result["missing"]
        and not result["stored_twice"]
        and not result["unexpected"]
        and result["orphan_claims"] == 0
        and result["integrity_check"] in ("ok", "not applicable (PostgreSQL)")
        and not result.get("claim_count_differs")
    )
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory(prefix="reportedly-kill-") as tmp:
        db = args.db or str(Path(tmp) / "kill.db")
        url = store_url(db)
        sources = args.texts
        if args.docs:  # a subset, linked into a folder of its own so every run reads the same files
            sources = Path(tmp) / "texts"
            sources.mkdir()
            for path in sorted(args.texts.glob("*.txt"))[: args.docs]:
                (sources / path.name).symlink_to(path)
        cmd = ingest_command(sources, db, args.workers, sys.executable)
        runs: list[dict[str, Any]] = []
        started = time.monotonic()
        while sum(r["killed"] for r in runs) < args.kills:
            outcome = kill_once(cmd, url, rng, (args.min_step, args.max_step), args.max_extra, env)
            runs.append(outcome)
            if not args.json:
                print(f"run {len(runs)}: {outcome}", file=sys.stderr)
            if not outcome["killed"] and outcome["stored_after"] >= len(list(sources.glob("*.txt"))):
                break  # everything stored before the kills were done: more input is needed
        final = subprocess.run(cmd, env=env, capture_output=True, text=True)
        again = subprocess.run(cmd, env=env, capture_output=True, text=True)
        report = {
            "workers": args.workers,
            "store": "PostgreSQL" if url.startswith("postgresql") else "SQLite",
            "kills": sum(r["killed"] for r in runs),
            "runs_finished_before_kill": sum(not r["killed"] for r in runs),
            "kill_points_stored": [r["stored_after"] for r in runs if r["killed"]],
            "final_run": _summary(final),
            "re_run": _summary(again),
            "seconds": round(time.monotonic() - started, 1),
            "check": check(url, sources, args.reference),
            "runs": runs,
        }
        report["ok"] = (
            report["check"]["ok"]
            and report["kills"] >= args.kills
            and report["re_run"].get("stored") == 0
            and final.returncode == 0
            and again.returncode == 0
        )
        return report


def _summary(done: subprocess.CompletedProcess) -> dict[str, Any]:
    try:
        data = json.loads(done.stdout)
    except ValueError:
        return {"exit": done.returncode, "stderr": done.stderr[-1500:]}
    return {
        "exit": done.returncode,
        **{k: data.get(k) for k in ("stored", "unchanged", "failed")},
        "errors": len(data.get("errors") or []),
    }


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=10, help="SIGKILLs to deliver mid-ingest (default 10)")
    p.add_argument("--workers", type=int, default=1, help="ingest --workers (1: one process; 2: Dask)")
    p.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles")
    p.add_argument("--docs", type=int, default=0, help="use only the first N texts (0: all)")
    p.add_argument("--db", help="store path or SQLAlchemy URL (default: a new SQLite file); must start empty")
    p.add_argument(
        "--reference", help="a store of the same texts built without kills: claim counts must match"
    )
    p.add_argument(
        "--min-step",
        type=int,
        default=1,
        help="fewest new documents a run stores before its kill (0: it may die while loading models)",
    )
    p.add_argument("--max-step", type=int, default=3, help="most new documents a run stores before its kill")
    p.add_argument("--max-extra", type=float, default=1.5, help="most seconds between that and the kill")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--json", action="store_true")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        c = report["check"]
        print(
            f"{report['store']}, --workers {report['workers']}: {report['kills']} kills "
            f"({report['runs_finished_before_kill']} runs ended first), then a full run "
            f"({report['final_run']}) and a re-run ({report['re_run']}); {report['seconds']} s"
        )
        print(
            f"documents {c['documents']} of {c['input_files']} files, distinct texts {c['distinct_texts']}, "
            f"missing {len(c['missing'])}, stored twice {len(c['stored_twice'])}, orphan claims "
            f"{c['orphan_claims']}, claims {c['claims']}"
            + (
                f" (reference {c['reference_claims']}, documents differing {len(c['claim_count_differs'])})"
                if "reference_claims" in c
                else ""
            )
            + f", integrity_check {c['integrity_check']}"
        )
        print("OK" if report["ok"] else "FAILED")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
