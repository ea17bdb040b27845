"""Mixed API load on loopback: reads over many connections while token-authenticated writes run.

Issue 18 asks that a heavy write never stalls readers: the server analyses posted articles off
the request path, so reads should keep their latency while articles are being analysed. This
script measures that on a real server (``reportedly serve`` in a subprocess, on 127.0.0.1):

* a store holding the 84 PolNeAR dev texts (built here with ``reportedly ingest`` and
  ``reportedly link`` into a temporary folder, or ``--store PATH``, which is copied first so the
  writes never change it);
* ``--readers`` connections, each a keep-alive HTTP connection in its own thread, looping over a
  mix of reads (claim pages with paging and filters, one document, one claim, full-text search,
  entities, stories, one story, measures, conflicts);
* ``--writers`` threads posting articles with the token (``?async=true`` → 202 → poll
  ``/api/jobs/{id}`` until done), each article a dev text with a sentence of its own appended
  so that it is new to the store and really analysed.

It reports requests/s, p50 and p99 per kind (reads, write POSTs, job turnaround) and the count of
5xx answers, as a table or ``--json``. Exit code 1 when any answer was a 5xx or a transport
error. It refuses any host that is not a loopback address: it is a load generator, and pointing
it at somebody else's server is not what it is for.

Usage:
    PYTHONPATH=src python benchmarks/bench_api_load.py --seconds 60 --readers 8 --writers 1
    PYTHONPATH=src python benchmarks/bench_api_load.py --store news.db --seconds 20 --json
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import math
import os
import random
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
if not DEFAULT_TEXTS.is_dir():  # a worktree beside /work/main: the shared data is one level up
    DEFAULT_TEXTS = Path("/work/shared/data/polnear/dev/text")

#: The issue's target for reads while writes run.
READ_P99_TARGET_MS = 500.0


class NotLoopback(ValueError):
    """The host is not a loopback address; the script only loads a server on this machine."""


def require_loopback(host: str) -> str:
    """Return ``host`` when every address it resolves to is loopback; raise :class:`NotLoopback` otherwise.

    Resolving (rather than matching the name) catches names that point elsewhere; every
    address must be loopback, so a name with one public address among several is refused too.
    """
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise NotLoopback(f"cannot resolve {host!r}: {exc}; use 127.0.0.1") from None
    addresses = {info[4][0] for info in infos}
    outside = sorted(a for a in addresses if not ipaddress.ip_address(a.split("%")[0]).is_loopback)
    if not addresses or outside:
        raise NotLoopback(
            f"{host!r} resolves to {', '.join(outside) or 'nothing'}, not a loopback address; "
            "this load generator only runs against a server on this machine (use 127.0.0.1)"
        )
    return host


def percentile(values: Iterable[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by the nearest-rank method; NaN for no values.

    Nearest rank returns an observed value (the smallest one with at least q % of the values at
    or below it), so a p99 of 100 samples is the 99th smallest, never an interpolation between
    the two slowest answers.
    """
    ordered = sorted(values)
    if not ordered:
        return math.nan
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Tally:
    """Latencies and status codes of one kind of request, shared by that kind's threads."""

    latencies_ms: list[float] = field(default_factory=list)
    #: (start, milliseconds) of each answer, start in seconds of ``time.perf_counter()``, for ``--trace``.
    events: list[tuple[float, float]] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    transport_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int, ms: float, start: float = 0.0) -> None:
        with self.lock:
            self.latencies_ms.append(ms)
            self.events.append((start, ms))
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def failed(self) -> None:
        with self.lock:
            self.transport_errors += 1

    def summary(self, seconds: float) -> dict[str, Any]:
        count = len(self.latencies_ms)
        return {
            "requests": count,
            "per_second": round(count / seconds, 2) if seconds > 0 else 0.0,
            "p50_ms": round(percentile(self.latencies_ms, 50), 1) if count else None,
            "p99_ms": round(percentile(self.latencies_ms, 99), 1) if count else None,
            "max_ms": round(max(self.latencies_ms), 1) if count else None,
            "status_5xx": sum(n for s, n in self.statuses.items() if s >= 500),
            "statuses": {str(s): n for s, n in sorted(self.statuses.items())},
            "transport_errors": self.transport_errors,
        }


class Client:
    """One keep-alive HTTP connection to the server (reconnects after a dropped connection)."""

    def __init__(self, host: str, port: int, token: str | None = None) -> None:
        self.host, self.port, self.token = host, port, token
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any, dict[str, str]]:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                # The server closed an idle keep-alive connection (5 s) between two requests:
                # open a new one once; a second failure is a real transport error.
                self.close()
                if attempt == 2:
                    raise
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw.decode("utf-8", "replace")
        return response.status, payload, {k.lower(): v for k, v in response.getheaders()}

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


@dataclass
class Catalog:
    """Ids and words taken from the store before the load, so every read names something real."""

    documents: list[str]
    claims: list[str]
    entities: list[str]
    stories: list[str]
    words: list[str]

    def reads(self) -> list[tuple[str, Callable[[random.Random], str]]]:
        """Named read paths; each draws its parameters from the catalog."""

        def q(params: dict[str, Any]) -> str:
            return urllib.parse.urlencode(params)

        mix: list[tuple[str, Callable[[random.Random], str]]] = [
            ("claims page", lambda r: f"/api/claims?{q({'limit': 50, 'offset': r.randrange(0, 1500, 50)})}"),
            (
                "claims filtered",
                lambda r: (
                    "/api/claims?"
                    + q(
                        {
                            "stance": r.choice(["asserted", "estimated", "denied"]),
                            "kind": r.choice(["direct", "indirect", "mixed"]),
                            "limit": 20,
                            "offset": r.choice([0, 20, 40]),
                        }
                    )
                ),
            ),
            ("claims search", lambda r: f"/api/claims?{q({'q': r.choice(self.words), 'limit': 20})}"),
            (
                "claims by source",
                lambda r: f"/api/claims?{q({'source': r.choice(self.entities), 'limit': 20})}",
            ),
            ("claims of a document", lambda r: f"/api/claims?{q({'document': r.choice(self.documents)})}"),
            ("one document", lambda r: f"/api/documents/{r.choice(self.documents)}"),
            (
                "documents page",
                lambda r: f"/api/documents?{q({'limit': 20, 'offset': r.randrange(0, 80, 20)})}",
            ),
            ("one claim", lambda r: f"/api/claims/{r.choice(self.claims)}"),
            ("provenance", lambda r: f"/api/claims/{r.choice(self.claims)}/provenance"),
            ("entities", lambda r: f"/api/entities?{q({'q': r.choice(self.words)[:4], 'limit': 20})}"),
            ("stories", lambda r: f"/api/stories?{q({'limit': 20})}"),
            ("measures", lambda r: f"/api/measures?{q({'limit': 20})}"),
            ("conflicts", lambda r: f"/api/conflicts?{q({'limit': 20})}"),
        ]
        if self.stories:
            mix.append(("one story", lambda r: f"/api/stories/{r.choice(self.stories)}"))
        return mix


def catalog(client: Client) -> Catalog:
    """Read ids and search words from the running server."""
    _, docs, _ = client.request("GET", "/api/documents?limit=500")
    documents = [d["id"] for d in docs["items"]]
    _, claims_page, _ = client.request("GET", "/api/claims?limit=500")
    claims = [c["id"] for c in claims_page["items"]]
    _, ents, _ = client.request("GET", "/api/entities?limit=200")
    entities = [e["name"] for e in ents["items"]] or ["nobody"]
    _, stories_page, _ = client.request("GET", "/api/stories?limit=100")
    stories = (
        [s["id"] for s in (stories_page or {}).get("items", [])] if isinstance(stories_page, dict) else []
    )
    words: list[str] = []
    for claim in claims_page["items"][:200]:
        words += [
            w for w in (claim.get("content") or {}).get("text", "").split() if w.isalpha() and len(w) > 5
        ]
    if not documents or not claims:
        raise SystemExit("the store holds no documents or no claims; give --store a populated store")
    return Catalog(documents, claims, entities, stories, sorted(set(words))[:300] or ["said"])


def build_store(texts: Path, folder: Path, python: str) -> Path:
    """Ingest ``texts`` into a new SQLite store under ``folder`` and link it; return its path."""
    db = folder / "load.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for verb in (["ingest", str(texts), "-q"], ["link"]):
        done = subprocess.run(
            [python, "-m", "reportedly.cli", *verb, "--db", str(db)], env=env, capture_output=True, text=True
        )
        if done.returncode not in (0, 1):  # 1: some document failed, the rest is stored
            raise SystemExit(f"reportedly {verb[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return db


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start_server(db: Path, host: str, port: int, token: str, log: Path, python: str) -> subprocess.Popen:
    """``reportedly serve`` on loopback; returns once it answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "REPORTEDLY_TOKEN": token}
    cmd = [python, "-m", "reportedly.cli", "serve", "--db", str(db), "--host", host, "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"reportedly serve exited with {server.returncode}: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("reportedly serve did not answer within 120 s")


def articles(texts: Path) -> list[str]:
    """Texts to post: dev texts, each made new by a sentence of its own (see :func:`writer`)."""
    found = sorted(texts.glob("*.txt"))
    if not found:
        raise SystemExit(f"no .txt files under {texts}")
    return [p.read_text(encoding="utf-8") for p in found]


def reader(
    client: Client,
    mix: list,
    rng: random.Random,
    stop: threading.Event,
    tally: Tally,
    per_path: dict[str, Tally],
) -> None:
    while not stop.is_set():
        name, make = rng.choice(mix)
        path = make(rng)
        started = time.perf_counter()
        try:
            status, _, _ = client.request("GET", path)
        except (OSError, http.client.HTTPException):
            tally.failed()
            continue
        ms = (time.perf_counter() - started) * 1000
        tally.add(status, ms, started)
        per_path[name].add(status, ms, started)
    client.close()


def writer(
    client: Client,
    texts: list[str],
    number: int,
    stop: threading.Event,
    posts: Tally,
    jobs: Tally,
    stored: list[str],
) -> None:
    """Post articles one after another until ``stop``; each job is waited for before the next post."""
    count = 0
    while not stop.is_set():
        count += 1
        text = texts[(number * 7919 + count) % len(texts)]
        # A sentence of its own makes the text new to the store (storing is idempotent by text),
        # so every post is really analysed.
        mark = secrets.token_hex(4)
        text = f"{text.rstrip()}\n\nThe load test's writer {number} said this was post {count} ({mark})."
        started = time.perf_counter()
        try:
            status, body, headers = client.request("POST", "/api/documents?async=true", {"text": text})
        except (OSError, http.client.HTTPException):
            posts.failed()
            continue
        posts.add(status, (time.perf_counter() - started) * 1000, started)
        if status != 202:
            time.sleep(0.5)
            continue
        href = headers.get("location") or body["href"]
        while True:  # the job is followed to its end even after stop, so it is counted
            try:
                status, job, _ = client.request("GET", href)
            except (OSError, http.client.HTTPException):
                jobs.failed()
                break
            if status >= 500 or job.get("status") in ("done", "error"):
                code = status if status >= 500 else int(job.get("status_code") or 500)
                jobs.add(code, (time.perf_counter() - started) * 1000, started)
                if job.get("document_id"):
                    stored.append(job["document_id"])
                break
            time.sleep(0.1)
    client.close()


def run(args: argparse.Namespace) -> dict[str, Any]:
    host = require_loopback(args.host)
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="reportedly-load-") as tmp:
        folder = Path(tmp)
        if args.store:
            db = folder / "load.db"
            shutil.copyfile(args.store, db)  # the writes must not change the given store
        else:
            print(f"building the store from {args.texts} (ingest + link) …", file=sys.stderr)
            db = build_store(args.texts, folder, python)
        port = args.port or free_port(host)
        token = secrets.token_urlsafe(24)
        log = folder / "serve.log"
        server = start_server(db, host, port, token, log, python)
        try:
            first = Client(host, port)
            known = catalog(first)
            first.close()
            mix = known.reads()
            texts = articles(args.texts)
            reads, posts, jobs = Tally(), Tally(), Tally()
            per_path = {name: Tally() for name, _ in mix}
            stored: list[str] = []
            stop = threading.Event()
            threads = [
                threading.Thread(
                    target=reader,
                    args=(Client(host, port), mix, random.Random(args.seed + i), stop, reads, per_path),
                    daemon=True,
                )
                for i in range(args.readers)
            ] + [
                threading.Thread(
                    target=writer,
                    args=(Client(host, port, token), texts, i, stop, posts, jobs, stored),
                    daemon=True,
                )
                for i in range(args.writers)
            ]
            started = time.monotonic()
            origin = time.perf_counter()
            for t in threads:
                t.start()
            time.sleep(args.seconds)
            stop.set()
            read_seconds = time.monotonic() - started
            for t in threads:
                t.join(timeout=args.job_timeout)
            write_seconds = time.monotonic() - started
            log_tail = log.read_text(errors="replace")[-3000:]
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        result = {
            "host": host,
            "documents_before": len(known.documents),
            "readers": args.readers,
            "writers": args.writers,
            "seconds": round(read_seconds, 1),
            "reads": reads.summary(read_seconds),
            "write_posts": posts.summary(write_seconds),
            "write_jobs": jobs.summary(write_seconds),
            "documents_written": len(set(stored)),
            "per_read": {name: t.summary(read_seconds) for name, t in per_path.items()},
            "status_5xx": reads.summary(1)["status_5xx"]
            + posts.summary(1)["status_5xx"]
            + jobs.summary(1)["status_5xx"],
            "transport_errors": reads.transport_errors + posts.transport_errors + jobs.transport_errors,
            "read_p99_target_ms": READ_P99_TARGET_MS,
        }
        if args.trace:  # every answer's start (s from the start of the load) and latency, per kind
            trace = {"jobs": jobs.events, **{name: t.events for name, t in per_path.items()}}
            rebased = {k: [(round(a - origin, 3), round(ms, 1)) for a, ms in v] for k, v in trace.items()}
            args.trace.write_text(json.dumps(rebased))
        if result["status_5xx"] or result["transport_errors"]:
            result["server_log_tail"] = log_tail
        return result


def table(result: dict[str, Any]) -> str:
    def row(name: str, s: dict[str, Any]) -> str:
        def ms(v: float | None) -> str:
            return "—" if v is None else f"{v:,.0f}"

        return (
            f"| {name} | {s['requests']:,} | {s['per_second']:.1f} | {ms(s['p50_ms'])} | {ms(s['p99_ms'])} | "
            f"{ms(s['max_ms'])} | {s['status_5xx']} |"
        )

    lines = [
        f"{result['documents_before']} documents, {result['readers']} read connections, "
        f"{result['writers']} writer(s), {result['seconds']} s; "
        f"{result['documents_written']} articles stored by the writers",
        "",
        "| kind | requests | per s | p50 ms | p99 ms | max ms | 5xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        row("reads", result["reads"]),
        row("write POSTs (202)", result["write_posts"]),
        row("write jobs (post → done)", result["write_jobs"]),
    ]
    lines += [
        "",
        "| read | requests | per s | p50 ms | p99 ms | max ms | 5xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [row(name, s) for name, s in result["per_read"].items()]
    verdict = "met" if (result["reads"]["p99_ms"] or math.inf) < READ_P99_TARGET_MS else "NOT met"
    lines += [
        "",
        f"5xx answers: {result['status_5xx']}, transport errors: {result['transport_errors']}; "
        f"read p99 target {READ_P99_TARGET_MS:.0f} ms: {verdict}",
    ]
    return "\n".join(lines)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: PYTHONPATH=src python benchmarks/bench_api_load.py --seconds 60 --json",
    )
    p.add_argument(
        "--store", type=Path, help="SQLite store to load (copied first); default: build one from --texts"
    )
    p.add_argument(
        "--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles (store and posts)"
    )
    p.add_argument("--host", default="127.0.0.1", help="loopback address to serve on (others are refused)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    p.add_argument("--seconds", type=float, default=60.0, help="how long the reads run")
    p.add_argument("--readers", type=int, default=8, help="read connections, one thread each")
    p.add_argument("--writers", type=int, default=1, help="threads posting articles with the token")
    p.add_argument("--job-timeout", type=float, default=300.0, help="seconds to wait for the last jobs")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--trace", type=Path, help="write every answer's start and latency to this JSON file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        result = run(args)
    except NotLoopback as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 1 if result["status_5xx"] or result["transport_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
