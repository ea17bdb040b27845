"""Wall time of ``reportedly ingest`` in one process against the same ingest on Dask workers.

Each run is the command a user types, in a fresh process with a fresh SQLite
store, so the figures include start-up: loading the models (once per worker)
and, for Dask, starting the cluster. Runs alternate between the modes, several
times; medians are reported, and the speed-up is the ratio of medians from the
same session, since these machines are shared and noisy. The command's own
JSON report splits off the start-up and the shut-down (a local cluster's
workers closing), so the steady speed of a long batch is reported too: after
start-up (the shut-down included) and between the two.

    python benchmarks/bench_ingest.py --texts ../shared/data/polnear/dev/text --workers 2 --repeat 3
    python benchmarks/bench_ingest.py --texts ../shared/data/polnear/dev/text --workers 2 --repeat 3 \
        --one-thread --cluster 1 2

Modes: ``one`` (one process, as a user runs it: its encoder uses every core),
``workers=N`` (``--workers N``, a local Dask cluster), with ``--one-thread`` also
``one, 1 thread`` (one process with its encoder held to one thread: the
per-core baseline, against which a speed-up measures scaling over processes
alone), and with ``--cluster N …`` ``cluster=N`` (a real cluster on this
machine: a ``dask scheduler`` and N ``dask worker --nthreads 1`` processes with
``REPORTEDLY_ENCODER_THREADS=1``, started afresh for each run, and ``ingest
--scheduler``). The CPU seconds of every process taking part (the ingesting
process, its workers, a cluster's scheduler and workers) are sampled while each
run lasts, so where the time goes shows even on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CLI = [
    sys.executable,
    "-c",
    "import sys; from reportedly.cli import main; sys.argv[0] = 'reportedly'; main()",
]
# the same CLI with the encoder held to one thread before anything loads it
ONE_THREAD = [
    sys.executable,
    "-c",
    "import sys; from reportedly.extract.encoder import set_threads; set_threads(1); "
    "from reportedly.cli import main; sys.argv[0] = 'reportedly'; main()",
]
# docs/batch.md: a worker's nanny must not set glibc's trim threshold (a third slower), and the
# workers' profiler (a stack sample every 10 ms) and 20 ms tick are turned off / slowed, as the
# local cluster does (reportedly.batch.LOCAL_CLUSTER_CONFIG)
DASK_YAML = """\
distributed:
  nanny:
    pre-spawn-environ:
      MALLOC_TRIM_THRESHOLD_: null
  worker:
    profile:
      enabled: false
  admin:
    tick:
      interval: 500ms
"""


class CpuSampler:
    """Total CPU seconds of some processes and all their descendants, sampled until stopped.

    A process's times are read while it lives (children that exit are read at their last
    sample), so every ``interval`` seconds each known process is read again.
    """

    def __init__(self, roots: list[int]) -> None:
        self.roots = [psutil.Process(pid) for pid in roots]
        self.last: dict[int, tuple[str, float]] = {}

    def sample(self) -> None:
        for root in self.roots:
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            for proc in procs:
                try:
                    times = proc.cpu_times()
                    self.last[proc.pid] = (self.role(proc), times.user + times.system)
                except psutil.Error:
                    pass

    def role(self, proc: psutil.Process) -> str:
        return "main" if proc.pid == self.roots[0].pid else "other"

    def totals(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for role, seconds in self.last.values():
            out[role] = round(out.get(role, 0.0) + seconds, 1)
        return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A ``dask scheduler`` and ``workers`` ``dask worker`` processes on loopback, for one run."""

    def __init__(self, workers: int, tmp: Path) -> None:
        self.address = f"tcp://127.0.0.1:{free_port()}"
        (tmp / "dask").mkdir()
        (tmp / "dask" / "reportedly.yaml").write_text(DASK_YAML, encoding="utf-8")
        env = os.environ | {"DASK_CONFIG": str(tmp / "dask"), "REPORTEDLY_ENCODER_THREADS": "1"}
        port = self.address.rsplit(":", 1)[1]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
        self.procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "distributed.cli.dask_scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    port,
                    "--no-dashboard",
                ],
                **quiet,
            )
        ]
        for _ in range(workers):
            self.procs.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        self.address,
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                    ],
                    **quiet,
                )
            )
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=180)

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def run_ingest(texts: Path, mode: str) -> tuple[float, dict[str, object], dict[str, float]]:
    """One run of ``mode``: wall seconds, the command's JSON report, CPU seconds by role."""
    with tempfile.TemporaryDirectory() as tmp:
        cluster = None
        base = ONE_THREAD if mode == "one, 1 thread" else CLI
        cmd = [*base, "ingest", str(texts), "--db", str(Path(tmp) / "bench.db"), "--json", "--quiet"]
        if mode.startswith("workers="):
            cmd += ["--workers", mode.split("=")[1]]
        if mode.startswith("cluster="):
            cluster = Cluster(int(mode.split("=")[1]), Path(tmp))
            cmd += ["--scheduler", cluster.address]
        try:
            started = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            sampler = CpuSampler([proc.pid] + ([p.pid for p in cluster.procs] if cluster else []))
            while proc.poll() is None:
                sampler.sample()
                time.sleep(0.2)
            stdout, stderr = proc.communicate()
            seconds = time.perf_counter() - started
            if cluster is not None:
                sampler.sample()
        finally:
            if cluster is not None:
                cluster.close()
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr[-2000:]}")
    cpu = sampler.totals()
    return (
        seconds,
        json.loads(stdout),
        {"ingesting_process": cpu.get("main", 0.0), "others": cpu.get("other", 0.0)},
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Example: python benchmarks/bench_ingest.py --texts ../shared/data/polnear/dev/text "
        "--workers 2 --repeat 3",
    )
    parser.add_argument("--texts", required=True, help="Folder of .txt articles to ingest.")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes for the parallel run.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--one-thread", action="store_true", help="Also run one process with its encoder held to one thread."
    )
    parser.add_argument(
        "--cluster",
        type=int,
        nargs="*",
        default=[],
        metavar="N",
        help="Also run on a real cluster of N `dask worker` processes (a fresh one per run).",
    )
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()

    texts = Path(args.texts)
    files = sorted(texts.glob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    modes = ["one", f"workers={args.workers}"]
    if args.one_thread:
        modes.insert(1, "one, 1 thread")
    modes += [f"cluster={n}" for n in args.cluster]
    times: dict[str, list[float]] = {m: [] for m in modes}
    steady: dict[str, list[float]] = {m: [] for m in modes}
    # between start-up and shut-down (the local cluster's workers closing; 0 in one process):
    # the per-document speed of a long batch, both fixed costs left out
    between: dict[str, list[float]] = {m: [] for m in modes}
    cpu: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    reports: dict[str, dict[str, object]] = {}
    for _ in range(args.repeat):
        for mode in modes:
            seconds, report, used = run_ingest(texts, mode)
            times[mode].append(seconds)
            # After start-up (cluster, models): what a long batch runs at.
            steady[mode].append(float(report["seconds"]) - float(report["startup_seconds"]))
            # older trees' reports have no shutdown_seconds: nothing is left out for them
            between[mode].append(steady[mode][-1] - float(report.get("shutdown_seconds", 0.0)))
            cpu[mode].append(used)
            reports[mode] = report
            print(
                f"{mode}: {seconds:.1f} s, start-up {report['startup_seconds']} s, "
                f"shut-down {report.get('shutdown_seconds')} s, CPU {used}",
                file=sys.stderr,
                flush=True,
            )
    result: dict[str, object] = {"texts": len(files), "words": words, "repeat": args.repeat}
    per_mode = {}
    one, one_steady = statistics.median(times["one"]), statistics.median(steady["one"])
    one_between = statistics.median(between["one"])
    for mode in modes:
        whole, after = statistics.median(times[mode]), statistics.median(steady[mode])
        inside = statistics.median(between[mode])
        per_mode[mode] = {
            "whole_s": round(whole, 1),
            "after_startup_s": round(after, 1),
            "words_per_s_after_startup": round(words / after),
            "speed_up": round(one / whole, 2),
            "speed_up_after_startup": round(one_steady / after, 2),
            "between_startup_and_shutdown_s": round(inside, 1),
            "speed_up_between_startup_and_shutdown": round(one_between / inside, 2),
            "cpu_s_median": {
                role: round(statistics.median(c[role] for c in cpu[mode]), 1) for role in cpu[mode][0]
            },
            "runs_s": [round(t, 1) for t in times[mode]],
            "stored": reports[mode]["stored"],
            "claims": reports[mode]["claims"],
        }
        if "one, 1 thread" in steady and mode != "one, 1 thread" and mode != "one":
            per_mode[mode]["speed_up_after_startup_vs_one_thread"] = round(
                statistics.median(steady["one, 1 thread"]) / after, 2
            )
    result["modes"] = per_mode
    counts = {(m["stored"], m["claims"]) for m in per_mode.values()}
    result["same_ledgers"] = len(counts) == 1
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for mode, figures in per_mode.items():
            print(f"{mode:>16}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    if not result["same_ledgers"]:
        sys.exit(f"the modes stored different counts: {sorted(counts)}")


if __name__ == "__main__":
    main()
