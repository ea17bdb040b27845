"""The adversarial corpus (benchmarks/adversarial.py, small scale) through ``analyze`` and the API.

``tests/test_adversarial.py`` runs it through ``ingest``; issue 18 asks the same of the other
two entry points. ``analyze``: every bad case alone is refused with one clear line naming the
file and exit 1, nothing on stdout; the whole corpus in one run prints a ledger for every good
case and a line for every bad one; terminal output never carries a raw control character; each
process stays under its time limit and 2 GiB of peak RSS (``os.wait4``). The API: one
``reportedly serve`` in a process of its own; every case a client could post is answered 4xx or
202 with a job that ends ``done`` or ``error`` with a 4xx and a reason, never a 5xx, every
response with the security headers; the server's peak RSS (psutil) stays under 2 GiB and it
stops promptly on SIGTERM.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from adversarial import JSONL_GOOD, build  # noqa: E402
from bench_adversarial import Server, http_form, run_measured  # noqa: E402

from reportedly.api.security import CONTENT_SECURITY_POLICY  # noqa: E402

TIMEOUT_S = 60  # the --timeout given to every analysis; the corpus's good cases take seconds
#: A process's wall limit: its analyses' limit plus start-up (loading the models takes 5-10 s on
#: a quiet 2-core machine, over a minute when it is shared by many jobs).
WALL_LIMIT_S = TIMEOUT_S + 240
RSS_LIMIT_MIB = 2048
#: C0 controls but tab and newline, DEL, C1 controls: none may reach a terminal raw.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}


def _analyze(*args: str) -> tuple[int, float, float, str, str]:
    cmd = [sys.executable, "-m", "reportedly.cli", "analyze", *args, "--timeout", str(TIMEOUT_S)]
    return run_measured(cmd, ENV, WALL_LIMIT_S + 60)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("adv") / "corpus"
    return root, build(root, "small")


@pytest.mark.slow  # fresh processes: two load the models
def test_every_bad_case_alone_is_one_clear_refusal(corpus: tuple[Path, dict[str, str]]) -> None:
    root, cases = corpus
    for name in sorted(n for n, fate in cases.items() if fate == "bad"):
        code, wall, rss, out, err = _analyze(str(root / name), "--json")
        assert code == 1, (name, code, err)  # EXIT_INPUT: the input, not a crash (no traceback)
        assert out == "", name  # no half ledger for a script to read
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0], (name, err)
        assert "Traceback" not in err and not RAW_CONTROL.search(err)
        assert wall < WALL_LIMIT_S and rss < RSS_LIMIT_MIB, (name, wall, rss)


@pytest.mark.slow
def test_the_whole_corpus_in_one_analyze(corpus: tuple[Path, dict[str, str]]) -> None:
    root, cases = corpus
    code, wall, rss, out, err = _analyze(str(root), "--json")
    assert code == 1  # some inputs were refused, and the exit code says so
    ledgers = json.loads(out)  # still a ledger for every good document
    good = [n for n, fate in cases.items() if fate == "good"]
    assert len(ledgers) == len(good) + JSONL_GOOD
    titles = {led["document"]["title"] for led in ledgers}
    assert {"Harbour authority closes the east pier", "Escapes in the ledger"} <= titles
    refused = [line for line in err.splitlines() if line.startswith("Error: ")]
    for name in (n for n, fate in cases.items() if fate == "bad"):
        assert any(name in line for line in refused), (name, err)
    assert "Traceback" not in err and not RAW_CONTROL.search(err)
    assert not RAW_CONTROL.search(out.replace("\n", ""))  # JSON escapes controls, C1 included
    escapes = next(led for led in ledgers if led["document"]["title"] == "Escapes in the ledger")
    content = escapes["claims"][0]["content"]["text"]
    assert "\x1b[2J" in content and "\x9b31m" in content  # --json stays exact: the text as read
    assert wall < WALL_LIMIT_S and rss < RSS_LIMIT_MIB, (wall, rss)


@pytest.mark.slow
def test_escapes_reach_the_terminal_escaped(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    code, wall, rss, out, err = _analyze(str(root / "escapes.txt"))
    assert code == 0, err
    assert "bridge" in out and "Monday" in out  # the claim is printed ...
    assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err)  # ... its escapes are not live
    assert wall < WALL_LIMIT_S and rss < RSS_LIMIT_MIB, (wall, rss)


def _security_headers(headers: dict[str, str]) -> None:
    lower = {k.lower(): v for k, v in headers.items()}
    assert lower.get("content-security-policy") == CONTENT_SECURITY_POLICY
    assert lower.get("x-content-type-options") == "nosniff"


def _post_body(path: Path) -> bytes:
    raw = path.read_bytes()
    text = (
        raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8", "replace")
    )
    key = "html" if path.suffix == ".html" else "text"
    return json.dumps({key: text}).encode("utf-8")


@pytest.mark.slow  # a server in a process of its own, with the models
def test_the_corpus_through_the_api(corpus: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, cases = corpus
    server = Server(tmp_path, ENV, TIMEOUT_S)
    try:
        peak = server.ps.memory_info().rss
        posted = 0
        for name in sorted(cases):
            path = root / name
            if not http_form(path):  # symlink loop, pipe, unreadable file, JSONL: no HTTP form
                continue
            posted += 1
            started = time.monotonic()
            status, answer, headers = server.request("POST", "/api/documents?async=true", _post_body(path))
            _security_headers(headers)
            assert status < 500, (name, status, answer)
            if status != 202:
                assert 400 <= status < 500 and answer["detail"], (name, status, answer)
                continue
            href = headers.get("location") or headers.get("Location")
            while True:
                peak = max(peak, server.ps.memory_info().rss)
                status, job, headers = server.request("GET", href)
                _security_headers(headers)
                assert status == 200, (name, status, job)
                if job["status"] in ("done", "error"):
                    break
                assert time.monotonic() - started < TIMEOUT_S + 10, (name, job)
                time.sleep(0.1)
            if job["status"] == "done":
                assert job["status_code"] in (200, 201) and job["document_id"], (name, job)
            else:  # refused with the reason, never an internal error
                assert 400 <= job["status_code"] < 500 and job["detail"], (name, job)
            assert "Traceback" not in json.dumps(job)
        assert posted >= 8
        assert peak / 2**20 < RSS_LIMIT_MIB, peak / 2**20
        # Shutdown is prompt: SIGTERM with no analysis running ends the server in seconds.
        server.proc.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        server.proc.wait(timeout=30)
        assert time.monotonic() - stopped < 15
    finally:
        server.close()
