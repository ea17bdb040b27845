"""Batch analysis on Dask: the same ledgers as in one process, failures kept per document.

The in-process cluster (threads) lets a test replace the analysis with a slow
or failing double; the command-line test starts real worker processes, as a
user's ``ingest --workers 2`` does.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import reportedly
from reportedly import batch
from reportedly.batch import AnalysisTimeout, BatchError, DaskRunner, analyze_here, time_limit
from reportedly.cli import EXIT_INPUT, EXIT_USAGE, app
from reportedly.ingest.layout import parse_layout

distributed = pytest.importorskip("distributed", reason="Dask (distributed) is not installed")

TEXTS = {
    "pier": (
        "Harbour authority closes the east pier\n\n"
        "The harbour authority said on Monday that the east pier would stay closed until repairs end.\n\n"
        "“We will not reopen it while the pylons are cracked,” said Ines Varga, its chief engineer."
    ),
    "mill": (
        "Mill to cut 120 jobs\n\n"
        "The owners of the Kessel paper mill said they would cut about 120 jobs next year, according to "
        "a union statement.\n\nThe regional government declined to comment."
    ),
    "bridge": (
        "Bridge reopens early\n\n"
        "City engineers confirmed that the Aldgate bridge reopened on Friday, two weeks ahead of plan.\n\n"
        "Residents said traffic had eased within hours."
    ),
}


def spin(seconds: float) -> None:
    """Busy Python code, which a time limit can interrupt between bytecodes."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def claim_view(ledger: reportedly.Ledger) -> list[tuple[object, ...]]:
    return [
        (c.kind, c.stance, c.cue.start, c.cue.end, tuple((s.start, s.end) for s in c.content))
        for c in ledger.claims
    ]


def test_time_limit_stops_busy_code_in_a_worker_thread() -> None:
    """Dask runs tasks in threads, where SIGALRM cannot reach; the limit must work there too."""
    seen: dict[str, object] = {}

    def work() -> None:
        started = time.perf_counter()
        try:
            with time_limit(0.2):
                spin(5)
            seen["result"] = "finished"
        except AnalysisTimeout:
            seen["result"] = "stopped"
        seen["seconds"] = time.perf_counter() - started
        # Disarmed on exit: busy code after the block runs on undisturbed.
        spin(0.4)
        seen["after"] = "ran"

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert seen["result"] == "stopped"
    assert seen["seconds"] < 2
    assert seen["after"] == "ran"


def _stubborn(seconds: float, seen: dict[str, object]) -> None:
    """Busy code that loses the first AnalysisTimeout, as a weakref callback or ``__del__`` does."""
    started = time.perf_counter()
    seen["swallowed"] = 0
    try:
        with time_limit(0.2):
            while time.perf_counter() - started < seconds:
                try:
                    spin(seconds)
                except AnalysisTimeout:
                    if seen["swallowed"]:
                        raise
                    seen["swallowed"] = 1
                try:  # an ordinary "except Exception" in library code must not catch it either
                    spin(0.05)
                except Exception:  # noqa: BLE001
                    seen["caught_by_except_exception"] = True
        seen["result"] = "finished"
    except AnalysisTimeout:
        seen["result"] = "stopped"
    seen["seconds"] = time.perf_counter() - started
    spin(1.2)  # a repeat left armed, or pending, would land here
    seen["after"] = "ran"


@pytest.mark.slow  # busy code runs past the limit and past its repeat: about 2 s each
@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_time_limit_is_raised_again_when_the_first_is_lost(where: str) -> None:
    seen: dict[str, object] = {}
    if where == "main thread":
        _stubborn(8, seen)
    else:
        thread = threading.Thread(target=_stubborn, args=(8, seen))
        thread.start()
        thread.join(20)
    assert seen["result"] == "stopped" and seen["swallowed"] == 1
    assert "caught_by_except_exception" not in seen
    assert seen["seconds"] < 4
    assert seen["after"] == "ran"


def test_reserve_refuses_an_allocation_past_the_armed_limit() -> None:
    from reportedly.batch import AnalysisOverMemory, memory_limit, reserve

    reserve(10**15)  # no limit armed: nothing to refuse
    with memory_limit(100_000):  # 100 GB: a small allocation fits, a petabyte does not
        reserve(10**6)
        with pytest.raises(AnalysisOverMemory):
            reserve(10**15)
    reserve(10**15)  # disarmed again on exit


def test_time_limit_in_the_main_thread_and_when_fast() -> None:
    with pytest.raises(AnalysisTimeout), time_limit(0.2):
        spin(5)
    with time_limit(1.0):
        spin(0.05)
    spin(1.2)  # a timer left armed would fire here


def test_runner_needs_exactly_one_way_to_reach_dask() -> None:
    with pytest.raises(BatchError):
        DaskRunner()
    with pytest.raises(BatchError):
        DaskRunner(workers=2, scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(BatchError):
        DaskRunner(workers=0)


@pytest.fixture(scope="module")
def threads_client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address="127.0.0.1:0", silence_logs=40
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.mark.slow  # Dask
def test_dask_outcomes_match_in_process_analysis_and_keep_failures(
    threads_client: distributed.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = [parse_layout(text, title=name) for name, text in TEXTS.items()]
    expected = {o.document.id: claim_view(o.ledger) for o in analyze_here(documents) if o.ledger}
    assert len(expected) == 3 and all(expected.values())

    slow = parse_layout("Slow\n\nThe committee said the hearing would resume after the break.")
    broken = parse_layout("Broken\n\nThe ministry said the figures were provisional.")
    crash = parse_layout("Crash\n\nThe mayor said the market would move.")
    real = reportedly.analyze_document
    real_task = batch.analyze_outcome

    def double(document, nlp=None):  # noqa: ANN001, ANN202 - test double
        if "committee" in document.text:
            spin(60)
        if "ministry" in document.text:
            raise ValueError("cannot read this one")
        return real(document, nlp)

    def task(document, *args):  # noqa: ANN001, ANN002, ANN202 - the task itself fails, as on a lost worker
        if "mayor" in document.text:
            raise RuntimeError("worker lost")
        return real_task(document, *args)

    monkeypatch.setattr(reportedly, "analyze_document", double)
    monkeypatch.setattr(batch, "analyze_outcome", task)
    started = time.perf_counter()
    with DaskRunner(client=threads_client) as runner:
        # 12 s per document: the good ones share two threads with the spinning one and the GIL, and on a
        # loaded CI machine (the whole suite in one process) one of them once needed more than 4 s.
        outcomes = list(runner.analyze([slow, *documents, broken, crash], timeout=12.0))
    assert time.perf_counter() - started < 50  # the slow document (60 s of work) was stopped, not waited for
    by_id = {o.document.id: o for o in outcomes}
    assert len(outcomes) == 6
    failed = {i: (by_id[i].reason, by_id[i].message, by_id[i].seconds) for i in expected if not by_id[i].ok}
    assert not failed, failed  # says which good document failed, and why
    assert {i: claim_view(by_id[i].ledger) for i in expected} == expected
    assert by_id[slow.id].reason == "timeout" and "--timeout" in by_id[slow.id].message
    assert by_id[broken.id].reason == "analysis"
    assert "ValueError: cannot read this one" in (by_id[broken.id].message or "")
    assert by_id[crash.id].reason == "worker"
    assert "RuntimeError: worker lost" in (by_id[crash.id].message or "")
    assert threads_client.status == "running"  # a client the caller made is left open


def test_workers_that_cannot_load_the_models_stop_the_batch_with_a_clear_error(
    threads_client: distributed.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(threads: int | None) -> None:
        raise ModuleNotFoundError("No module named 'reportedly'")

    monkeypatch.setattr(batch, "_warm", missing)
    with DaskRunner(client=threads_client) as runner, pytest.raises(BatchError, match="could not load"):
        runner.warm_up()


def test_window_keeps_few_documents_in_flight(threads_client: distributed.Client) -> None:
    """A corpus streams through: documents are drawn from the source only as results come back."""
    drawn: list[int] = []

    def source() -> Iterator[reportedly.Document]:
        for i in range(30):
            drawn.append(i)
            yield parse_layout(f"Note {i}\n\nThe clerk said item {i} was filed.")

    with DaskRunner(client=threads_client) as runner:
        stream = runner.analyze(source())
        first = next(stream)
        assert first.ok
        # in flight, plus those read ahead to send the longest first
        assert len(drawn) <= (4 + batch.LOOKAHEAD_PER_THREAD) * runner.size + 1
        rest = list(stream)
    assert len(rest) == 29 and len({o.document.id for o in [first, *rest]}) == 30


def test_largest_first_sends_the_longest_held_and_ends_on_the_shortest() -> None:
    """The feed of the cluster: longest of the next few first, every document once, bounded."""
    lengths = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10]
    docs = [parse_layout(f"Note {n}\n\n" + "word " * n) for n in lengths]
    drawn: list[int] = []

    def source() -> Iterator[reportedly.Document]:
        for n, doc in enumerate(docs):
            drawn.append(n)
            yield doc

    stream = batch.largest_first(source(), ahead=3)
    first = next(stream)
    assert len(drawn) == 4  # held: at most ahead + 1
    assert first is docs[2]  # the longest of the first four (5, 1, 9, 3)
    order = [first, *stream]
    assert sorted(map(id, order)) == sorted(map(id, docs))
    # the last three out are the shortest of the final stretch, longest first
    tail = [len(d.text) for d in order[-3:]]
    assert tail == sorted(tail, reverse=True)
    assert order[-1] is docs[1]  # the shortest of all was still held at the end
    # nothing read ahead: the order read
    assert list(batch.largest_first(iter(docs), ahead=0)) == docs


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


@pytest.mark.slow  # Dask
def test_ingest_on_local_dask_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")

    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    code, output = run("ingest", str(folder), "--db", one, "--json")
    assert code == EXIT_INPUT, output  # the empty file is an error record
    in_process = json.loads(output)
    code, output = run("ingest", str(folder), "--db", two, "--workers", "2", "--json")
    assert code == EXIT_INPUT, output
    on_dask = json.loads(output)
    assert on_dask["stored"] == in_process["stored"] == 3
    assert on_dask["claims"] == in_process["claims"] > 0
    assert [e["reason"] for e in on_dask["errors"]] == [e["reason"] for e in in_process["errors"]]
    for report in (in_process, on_dask):
        assert 0 <= report["startup_seconds"] < report["seconds"]  # ~0 when this process has the models
        assert report["startup_seconds"] + report["shutdown_seconds"] <= report["seconds"]
    assert in_process["shutdown_seconds"] < 0.1  # nothing to close in one process

    def stored_claims(db: str) -> list[str]:
        code, output = run("claims", "--db", db, "--json")
        assert code == 0, output
        return sorted(json.dumps(c, sort_keys=True) for c in json.loads(output))

    assert stored_claims(two) == stored_claims(one)

    started = time.perf_counter()
    pier, mill = str(folder / "pier.txt"), str(folder / "mill.txt")
    code, output = run("ingest", pier, mill, "--db", two, "--workers", "2", "--json")
    assert code == 0, output
    again = json.loads(output)
    assert (again["stored"], again["unchanged"]) == (0, 2)
    assert time.perf_counter() - started < 5  # nothing new: no cluster started, no models loaded


@pytest.mark.slow  # Dask
def test_ingest_refuses_workers_with_a_scheduler_and_an_unreachable_scheduler(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text(TEXTS["pier"], encoding="utf-8")
    db = str(tmp_path / "x.db")
    code, output = run(
        "ingest", str(article), "--db", db, "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert code == EXIT_USAGE and "not both" in output
    code, output = run("ingest", str(article), "--db", db, "--scheduler", "tcp://127.0.0.1:9")
    assert code == EXIT_USAGE and "cannot start Dask" in output


def _trim_threshold() -> str | None:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


@pytest.mark.slow  # Dask
@pytest.mark.skipif(bool(_trim_threshold()), reason="MALLOC_TRIM_THRESHOLD_ is set in this environment")
def test_local_workers_keep_glibcs_adaptive_malloc() -> None:
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_, which made analysis on a worker a third slower."""
    with DaskRunner(workers=1) as runner:
        assert runner.client is not None
        seen = runner.client.run(_trim_threshold)
    assert list(seen.values()) == [None]


def _intervals(server: Any) -> dict[str, float]:
    """The intervals (ms) a Dask server actually runs its tick and system monitor at."""
    return {name: server.periodic_callbacks[name].callback_time for name in ("tick", "monitor")}


def _worker_intervals(dask_worker: Any) -> dict[str, float]:
    return _intervals(dask_worker) | {
        "memory": dask_worker.memory_manager.memory_monitor_interval * 1000,
        "profiled": "profile" in dask_worker.periodic_callbacks,
    }


def _scheduler_intervals(dask_scheduler: Any) -> dict[str, float]:
    return _intervals(dask_scheduler)


@pytest.mark.slow  # Dask
def test_local_cluster_keeps_its_housekeeping_off_the_workers_cores() -> None:
    """The scheduler and nannies share the cores with the workers: no dashboard, slower ticks and
    monitors than Dask's defaults (20 ms, 500 ms, 100 ms), in the workers and the scheduler alike,
    and no profiler sampling the analysing thread's stack every 10 ms."""
    with DaskRunner(workers=1) as runner:
        assert runner.client is not None
        workers = runner.client.run(_worker_intervals)
        scheduler = runner.client.run_on_scheduler(_scheduler_intervals)
        # Bokeh may be absent (then no dashboard runs anyway): what the scheduler was asked for
        dashboard = runner._cluster.scheduler_spec["options"]["dashboard"]
    assert list(workers.values()) == [{"tick": 500, "monitor": 2000, "memory": 1000, "profiled": False}]
    assert scheduler == {"tick": 500, "monitor": 2000}
    assert dashboard is False


def test_worker_warm_up_caps_the_encoder_threads_before_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """A running cluster's worker takes REPORTEDLY_ENCODER_THREADS; the local cluster's own cap wins."""
    from reportedly.extract import encoder

    calls: list[object] = []
    monkeypatch.setattr(encoder, "set_threads", lambda n: calls.append(("threads", n)))
    monkeypatch.setattr(reportedly, "warm_up", lambda: calls.append("load"))
    monkeypatch.setenv("REPORTEDLY_ENCODER_THREADS", "3")
    batch._warm(None)
    batch._warm(1)
    monkeypatch.delenv("REPORTEDLY_ENCODER_THREADS")
    batch._warm(None)
    assert calls == [("threads", 3), "load", ("threads", 1), "load", "load"]
