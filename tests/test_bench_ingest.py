"""benchmarks/bench_ingest.py: the CPU it attributes to each run, and its real-cluster mode.

The speed figures themselves need a quiet machine (BENCHMARKS.md); these tests check the parts
the figures are read through: the CPU sampler counts a child's work after the child has exited,
and a run on a real ``dask scheduler`` with ``dask worker`` processes stores what one process
stores.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import CpuSampler, run_ingest  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "story"
BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6:\n    pass\n"


def test_cpu_sampler_counts_the_children_of_a_run_after_they_exit() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {BURN!r}])"]
    )
    sampler = CpuSampler([parent.pid])
    while parent.poll() is None:
        sampler.sample()
        time.sleep(0.05)
    totals = sampler.totals()
    assert totals.get("other", 0.0) >= 0.4  # the burning grandchild, read before it exited
    assert totals.get("main", 0.0) < totals["other"]


@pytest.mark.slow  # starts a Dask scheduler and a worker process, loads the models twice
def test_a_run_on_a_real_cluster_stores_what_one_process_stores(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for article in sorted(ARTICLES.glob("*.txt"))[:2]:
        (texts / article.name).write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    _, alone, _ = run_ingest(texts, "one")
    _, clustered, cpu = run_ingest(texts, "cluster=1")
    assert clustered["stored"] == alone["stored"] == 2
    assert clustered["claims"] == alone["claims"] > 0
    assert cpu["others"] > 0  # the worker's analysis is counted, not only the ingesting process
