"""The adversarial corpus through ``ingest``, ``analyze`` and the API, one case at a time (issue 18).

For every case of a corpus written by ``adversarial.py`` (``full`` scale for the issue's sizes)
this runs, one after another, never two at once:

* ``reportedly ingest CASE --db NEW --json``, and ``reportedly analyze CASE --json``, each in a
  process of its own: wall time, and that process's peak resident memory (``os.wait4``'s
  ``ru_maxrss``: the process's own peak, models included);
* the API: one ``reportedly serve`` (with a token) for the whole run; each text or HTML case is
  posted as a job (``?async=true``) and its job followed to the end: wall time from the POST to
  the job's end, and the server's peak resident memory while the job ran (psutil, every 0.1 s).
  File-system cases (symlink loop, named pipe, unreadable file) and JSONL batches have no
  HTTP form and are skipped there; invalid UTF-8 is sent as what a client could send, the
  bytes decoded with U+FFFD replacements.

The outcome column says what each entry point answered (stored, a ledger with N claims, or the
refusal's reason). The limits are the defaults (120 s, 4096 MiB; ``--timeout`` to change the
time limit of all three); a case passes when its wall time stays within the limit plus the
start-up (``--slack`` seconds) and its peak RSS under ``--rss-limit`` MiB (2048, the issue's).

Usage:
    PYTHONPATH=src python benchmarks/adversarial.py /tmp/adv full
    PYTHONPATH=src python benchmarks/bench_adversarial.py /tmp/adv --json > adv.json
    PYTHONPATH=src python benchmarks/bench_adversarial.py /tmp/adv --cases single_line.txt --modes api
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
MODES = ("ingest", "analyze", "api")


def run_measured(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[int, float, float, str, str]:
    """Run ``cmd``; (exit code, wall s, peak RSS MiB of that process, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.monotonic() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        return (
            proc.returncode,
            wall,
            usage.ru_maxrss / 1024,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


def ingest_case(path: Path, env: dict[str, str], folder: Path, timeout: float) -> dict[str, Any]:
    db = folder / f"{path.name}.db"
    cmd = [
        sys.executable,
        "-m",
        "reportedly.cli",
        "ingest",
        str(path),
        "--db",
        str(db),
        "--json",
        "-q",
        "--timeout",
        str(timeout),
    ]
    code, wall, rss, out, err = run_measured(cmd, env, timeout * 3 + 120)
    try:
        report = json.loads(out)
        reasons = sorted({e["reason"] for e in report["errors"]})
        outcome = f"stored {report['stored']}" + (f", errors: {', '.join(reasons)}" if reasons else "")
    except (ValueError, KeyError):
        outcome = f"exit {code}: {err.strip().splitlines()[-1][:120] if err.strip() else ''}"
    return {"outcome": outcome, "exit": code, "wall_s": round(wall, 1), "peak_rss_mib": round(rss)}


def analyze_case(path: Path, env: dict[str, str], timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "reportedly.cli", "analyze", str(path), "--json", "--timeout", str(timeout)]
    code, wall, rss, out, err = run_measured(cmd, env, timeout * 3 + 120)
    try:
        ledger = json.loads(out)
        outcome = f"ledger, {len(ledger['claims'])} claims"
    except (ValueError, KeyError, TypeError):
        last = err.strip().splitlines()[-1] if err.strip() else ""
        outcome = f"refused: {last[:160]}"
    return {"outcome": outcome, "exit": code, "wall_s": round(wall, 1), "peak_rss_mib": round(rss)}


class Server:
    """``reportedly serve`` on loopback with a token, for the API mode."""

    def __init__(self, folder: Path, env: dict[str, str], timeout: float) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.token = secrets.token_urlsafe(16)
        cmd = [
            sys.executable,
            "-m",
            "reportedly.cli",
            "serve",
            "--db",
            str(folder / "api.db"),
            "--port",
            str(self.port),
            "--analysis-timeout",
            str(timeout),
        ]
        self.log = (folder / "serve.log").open("w")
        self.proc = subprocess.Popen(
            cmd, env={**env, "REPORTEDLY_TOKEN": self.token}, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.ps = psutil.Process(self.proc.pid)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    raise SystemExit(f"serve exited {self.proc.returncode}") from None
                time.sleep(0.2)
        raise SystemExit("serve did not answer in 180 s")

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any, dict[str, str]]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        raw = r.read()
        conn.close()
        try:
            return r.status, json.loads(raw), dict(r.getheaders())
        except ValueError:
            return r.status, raw[:200], dict(r.getheaders())

    def post(self, path: Path, timeout: float) -> dict[str, Any]:
        raw = path.read_bytes()
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("utf-8", "replace")
        key = "html" if path.suffix in (".html", ".htm") else "text"
        body = json.dumps({key: text}).encode("utf-8")
        base = self.ps.memory_info().rss
        peak = base
        started = time.monotonic()
        status, answer, headers = self.request("POST", "/api/documents?async=true", body)
        if status != 202:
            outcome = (
                f"{status}: {str((answer or {}).get('detail') if isinstance(answer, dict) else answer)[:160]}"
            )
        else:
            href = headers.get("location") or headers.get("Location")
            while True:
                peak = max(peak, self.ps.memory_info().rss)
                status, job, _ = self.request("GET", href)
                if job.get("status") in ("done", "error"):
                    break
                if time.monotonic() - started > timeout * 3 + 120:
                    job = {"status": "error", "status_code": 0, "detail": "still running: gave up"}
                    break
                time.sleep(0.1)
            if job["status"] == "done":
                claims = sum(d.get("claims", 0) for d in job.get("documents") or [])
                outcome = f"{job['status_code']}: stored, {claims} claims"
            else:
                outcome = f"{job.get('status_code')}: {str(job.get('detail'))[:160]}"
        wall = time.monotonic() - started
        return {
            "outcome": outcome,
            "wall_s": round(wall, 1),
            "peak_rss_mib": round(peak / 2**20),
            "rss_before_mib": round(base / 2**20),
        }

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def http_form(path: Path) -> bool:
    """Whether a case can be posted: a regular, readable text or HTML file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and os.access(path, os.R_OK) and path.suffix in (".txt", ".html", ".htm")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path, help="a folder written by adversarial.py")
    p.add_argument("--cases", nargs="*", help="only these file names")
    p.add_argument("--modes", default=",".join(MODES), help="comma-separated: ingest,analyze,api")
    p.add_argument("--timeout", type=float, default=120.0, help="time limit given to every entry point")
    p.add_argument("--slack", type=float, default=60.0, help="seconds of start-up allowed past the limit")
    p.add_argument("--rss-limit", type=float, default=2048.0, help="MiB a case's peak RSS must stay under")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    names = args.cases or sorted(x.name for x in args.corpus.iterdir())
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="reportedly-adv-") as tmp:
        folder = Path(tmp)
        server = Server(folder, env, args.timeout) if "api" in modes else None
        try:
            for name in names:
                path = args.corpus / name
                try:
                    size = (
                        path.lstat().st_size
                        if path.is_symlink() or not path.is_file()
                        else path.stat().st_size
                    )
                except OSError:
                    size = 0
                row: dict[str, Any] = {"case": name, "bytes": size}
                if "ingest" in modes:
                    row["ingest"] = ingest_case(path, env, folder, args.timeout)
                if "analyze" in modes:
                    row["analyze"] = analyze_case(path, env, args.timeout)
                if server is not None:
                    row["api"] = server.post(path, args.timeout) if http_form(path) else None
                row["ok"] = all(
                    r["wall_s"] <= args.timeout + args.slack and r["peak_rss_mib"] < args.rss_limit
                    for m in modes
                    if (r := row.get(m))
                )
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)  # progress: the heavy cases take minutes
        finally:
            if server is not None:
                server.close()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        head = "| case | bytes | " + " | ".join(f"{m}: outcome | wall | peak RSS" for m in modes) + " |"
        print(head)
        print("| --- | ---: |" + " --- | ---: | ---: |" * len(modes))
        for row in rows:
            cells = []
            for m in modes:
                r = row.get(m)
                cells.append(
                    "n/a | | "
                    if r is None
                    else f"{r['outcome']} | {r['wall_s']:.1f} s | {r['peak_rss_mib']:,} MiB"
                )
            print(f"| {row['case']} | {row['bytes']:,} | " + " | ".join(cells) + " |")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
