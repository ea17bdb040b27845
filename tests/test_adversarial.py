"""The adversarial corpus (benchmarks/adversarial.py, small scale) through ``ingest``.

Every good document is stored exactly once (also after a re-run), every bad one is
one error record naming the file as given with a reason (a JSONL batch: one per bad
line, naming the line), every URL to loopback, link-local, private addresses or
``file://`` is refused, and the run stays under its time and memory limits.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from adversarial import HOSTILE_URLS, JSONL_BAD_LINES, JSONL_GOOD, build  # noqa: E402

WALL_LIMIT_S = 300
RSS_LIMIT_MIB = 2048


def _ingest(corpus: Path, db: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    urls = [url for url, _ in HOSTILE_URLS]
    cmd = [
        sys.executable,
        "-m",
        "reportedly.cli",
        "ingest",
        str(corpus),
        *urls,
        "--db",
        str(db),
        "--json",
        "-q",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=WALL_LIMIT_S)
    return json.loads(done.stdout)


@pytest.mark.slow  # a whole corpus through ingest in a subprocess
def test_adversarial_corpus_through_ingest(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    cases = build(corpus, "small")
    good = {name for name, fate in cases.items() if fate == "good"}
    bad = {name for name, fate in cases.items() if fate == "bad"}

    started = time.monotonic()
    report = _ingest(corpus, tmp_path / "c.db")
    wall = time.monotonic() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    urls = {url for url, _ in HOSTILE_URLS}
    refused = {e["source"]: e for e in report["errors"] if e["source"] in urls}
    assert set(refused) == urls, report["errors"]  # refused before any connection
    for url, error in refused.items():
        assert error["reason"] and url in error["message"]
    batch = [e for e in report["errors"] if e["source"] == str(corpus / "batch.jsonl")]
    lines = sorted(int(re.search(r" line (\d+): ", e["message"]).group(1)) for e in batch)
    assert lines == JSONL_BAD_LINES, batch  # one record per bad line, naming the file and the line
    files = [e for e in report["errors"] if e["source"] not in urls and e not in batch]
    errors = {Path(e["source"]).name: e for e in files}
    assert set(errors) == bad, report["errors"]
    assert len(files) == len(bad)  # one record each
    for name, error in errors.items():
        assert error["source"] == str(corpus / name)  # the input as given, never "<html>"
        assert name in error["message"] and error["reason"]
    assert report["stored"] == len(good) + JSONL_GOOD
    assert wall < WALL_LIMIT_S
    assert peak_mib < RSS_LIMIT_MIB

    again = _ingest(corpus, tmp_path / "c.db")
    assert again["stored"] == 0 and again["unchanged"] == len(good) + JSONL_GOOD  # nothing stored twice
