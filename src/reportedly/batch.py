"""Analysing many documents: in this process, or spread over the workers of a Dask cluster.

Extraction is CPU-bound and documents are independent, so a corpus scales out
by sending documents to worker processes and ledgers back. Storing stays with
the caller, one writer in one process: SQLite allows a single writer, and a
ledger saved in one transaction by one client keeps re-ingestion idempotent on
any database. Every document ends as an :class:`Outcome`, a ledger or an error
saying why, so one bad article (or a worker that dies) never stops a batch.

Dask is chosen over a bare process pool because the same code then runs on a
laptop (``--workers 4`` starts a local cluster) and on many machines
(``--scheduler tcp://host:8786`` joins a running one), with Dask's scheduling,
memory limits and restarts of lost workers.
"""

from __future__ import annotations

import ctypes
import heapq
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import Document, Ledger

if TYPE_CHECKING:
    from distributed import Client


#: Dask's nanny starts workers with glibc's MALLOC_TRIM_THRESHOLD_ set, to hand
#: freed memory back sooner. Setting it also turns off glibc's adaptive mmap
#: threshold, so spaCy's and torch's many mid-sized buffers are mapped and
#: unmapped afresh each time: analysis on such a worker ran a third slower than
#: in a plain process (25.7 s against 18.9 s for 40 PolNeAR dev texts). The
#: local cluster's workers start without it.
TRIM_THRESHOLD = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"

#: Dask settings of the local cluster (``--workers N``), beside the trim threshold above. On a
#: machine with as many workers as cores, the scheduler and the nannies share the cores with
#: the workers in the ingesting process, so their housekeeping is analysis time lost. Idle, a
#: two-worker cluster at Dask's defaults used 0.55 s of CPU per 20 s in that process and 0.38 s
#: in each worker; with these, 0.14 s and 0.27 s. The tick (a check, every 20 ms by default,
#: that the event loop is not blocked, which only ever logs a warning) was most of it; the
#: system monitor feeds the dashboard, which the local cluster does not start; the nanny's
#: memory monitor, which restarts a worker past Dask's own memory limit, reacts within a
#: second instead of 0.1 s (``--max-memory`` stops a runaway document long before).
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    TRIM_THRESHOLD: None,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Each worker samples the stack of the analysing thread every 10 ms for the dashboard's
    # profile: a deep stack walked under the GIL a hundred times a second. 20 PolNeAR dev texts
    # took 8.8 and 9.4 s of CPU on one worker with it, 8.0 and 8.3 s without, 7.6 to 8.0 s in a
    # plain process with one encoder thread (busy machine; CPU seconds, not wall time).
    "distributed.worker.profile.enabled": False,
}


class AnalysisTimeout(BaseException):
    """Raised inside an analysis that ran past its time limit.

    A ``BaseException``, like ``KeyboardInterrupt``: an ``except Exception`` anywhere in the
    analysis (ours or a library's) must not swallow it and let the analysis run on.
    """


class AnalysisOverMemory(BaseException):
    """Raised inside an analysis while the process's memory is over its limit (see AnalysisTimeout)."""


#: Seconds between repeats of a limit's exception until the analysis has stopped. An exception
#: raised from outside can land where Python ignores it (a weakref callback, ``__del__``: a 6 MB
#: single line analysed in the API ran on past its 120 s limit that way), so it is raised again.
REPEAT_S = 0.5


#: Documents the cluster's feed reads ahead per worker thread, to send the largest of them
#: first (:func:`largest_first`). A batch's wall time ends when its last document does: with
#: documents sent in the order read, a long article read last runs alone while the other
#: workers idle. Sent largest first, the last to go out are the shortest of the final
#: stretch, so the workers finish close together. Documents are small beside the models
#: (a few KB of text each), so holding a few more per worker costs nothing measurable.
LOOKAHEAD_PER_THREAD = 4


#: Default of how much resident memory the analysis of one document may add to its process, in
#: MiB. The limit is the process's memory when the document starts plus this: a process that
#: already holds other things (a notebook, the test suite, a server after many requests) is not
#: refused every document. The models take 0.5-0.8 GiB (an ``ingest`` of 992 articles stays under
#: 600 MB, ``serve`` under 800 MB) and an ordinary article adds tens of MiB. Issue 18 asks that no
#: one document take 2 GB: a 6 MB single line reached 2.1 GB inside its 120 s (the encoder keeps
#: a state per word); 1100 MiB over a fresh process's 0.6-0.8 GiB stops it under 2 GB (decimal,
#: 1,907 MiB), sample overshoot included. Two workers (``--workers 2``) fit a 24 GB machine many times.
DEFAULT_MAX_MEMORY_MB = 1100

#: Default of how many words (runs of characters between white space) one document may have to
#: be analysed; a longer one is refused at once, reason ``too_long_to_analyse``, instead of running
#: to its time limit. Work grows with the claims a text holds, and a text of nothing but short
#: reported sentences ("The minister said prices rose." over and over) is the costliest per word:
#: 4.6 ms of CPU a claim, about 0.9 ms a word, so 50,000 such words took 47 s of CPU
#: (BENCHMARKS.md, round 13), inside the 120 s limit on an idle core, while the 6.2 MB single
#: line of issue 18 (a million words, some 15 minutes of CPU) used to end as a ``timeout`` after
#: 120 s. News is far shorter: the longest development article has 5,513 words (PolNeAR train),
#: a 100 KB article some 17,000.
DEFAULT_MAX_WORDS = 50_000

#: Characters read at a time when counting words, so a 10 MB text is never split into a list
#: of a million strings (some 70 MB) just to be counted.
_COUNT_CHUNK = 1 << 20


def count_words(text: str) -> int:
    """How many words ``text`` has: runs of characters between white space, as ``str.split()`` finds them."""
    words = 0
    previous_inside = False  # whether the chunk before ended inside a word
    for start in range(0, len(text), _COUNT_CHUNK):
        chunk = text[start : start + _COUNT_CHUNK]
        words += len(chunk.split())
        if previous_inside and not chunk[0].isspace():
            words -= 1  # a word cut by the chunk boundary was counted twice
        previous_inside = not chunk[-1].isspace()
    return words


#: The memory limit armed in this thread (bytes), so a large allocation can be refused
#: before it is made (:func:`reserve`): one compiled call cannot be stopped half way.
_armed = threading.local()


def reserve(nbytes: int) -> None:
    """Raise :class:`AnalysisOverMemory` when ``nbytes`` more would pass this thread's memory limit.

    The watchdog of :func:`memory_limit` samples every 0.2 s and stops the analysis between
    bytecodes; a single compiled call (joining a document's encoder states) can double the
    memory before it returns, so the code about to make one asks here first.
    """
    limit = getattr(_armed, "limit", None)
    if limit is None:
        return
    import psutil

    if psutil.Process().memory_info().rss + nbytes > limit:
        raise AnalysisOverMemory


class BatchError(Exception):
    """The batch could not start: Dask missing, the scheduler unreachable, bad settings."""


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its ledger, or why there is none.

    ``message`` does not name the document; the caller knows where it read it from.

    ``reason`` is ``"timeout"``, ``"memory"`` (grew the process by more than ``--max-memory``),
    ``"too_long_to_analyse"`` (more words than ``--max-words``, refused before any analysis),
    ``"analysis"`` (extraction raised) or ``"worker"`` (the process analysing it died, e.g. out of memory).
    """

    document: Document
    ledger: Ledger | None = None
    reason: str | None = None
    message: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.ledger is not None


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway analysis (a pathological text) without stopping the batch.

    In the main thread this is SIGALRM. Dask runs tasks in worker threads,
    where signals cannot be used, so there a timer raises the exception in the
    analysing thread instead (CPython's ``PyThreadState_SetAsyncExc``). Either
    way the exception lands between Python bytecodes: a long call inside
    spaCy's or torch's compiled code finishes first, then the analysis stops.
    """
    if seconds <= 0:
        yield
        return
    state = {"armed": True}
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):

        def expire(signum: int, frame: object) -> None:
            if state["armed"]:
                raise AnalysisTimeout

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)  # again every REPEAT_S until stopped
        try:
            yield
        finally:
            _disarm(
                state,
                lambda: (signal.setitimer(signal.ITIMER_REAL, 0), signal.signal(signal.SIGALRM, previous)),
            )
        return

    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()

    def expire_thread() -> None:
        if done.wait(seconds):
            return
        while True:  # again every REPEAT_S until the analysis has stopped and disarmed
            with lock:
                if not state["armed"]:
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(AnalysisTimeout)
                )
            if done.wait(REPEAT_S):
                return

    timer = threading.Thread(target=expire_thread, name="reportedly-time-limit", daemon=True)
    timer.start()
    try:
        yield
    finally:
        # Disarmed under the lock, so the exception cannot be raised after
        # the analysis has returned, in whatever the thread does next.
        _disarm(state, done.set, lock)


def _disarm(state: dict[str, bool], then: Callable[[], object], lock: threading.Lock | None = None) -> None:
    """Disarm a limit; a repeat of its exception landing here is absorbed and the disarming retried."""
    while True:
        try:
            if lock is None:
                state["armed"] = False
            else:
                with lock:
                    state["armed"] = False
                    # One raised just before this may still be pending: clear it (NULL clears),
                    # so it cannot land in whatever this thread does next.
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(threading.get_ident()), None)
            then()
            return
        except (AnalysisTimeout, AnalysisOverMemory):
            continue


@contextmanager
def memory_limit(max_mb: float, interval: float = 0.2) -> Iterator[None]:
    """Stop an analysis once it has added ``max_mb`` MiB to this process's resident memory.

    The limit is the resident memory on entry plus ``max_mb``: one document's growth is bounded,
    whatever the process held before it (models, other work, earlier requests).

    A watchdog thread samples RSS (psutil) and raises :class:`AnalysisOverMemory`
    in the analysing thread, the same way :func:`time_limit` does in worker
    threads. RSS is measured rather than capped with ``RLIMIT_AS`` because
    torch and spaCy reserve far more address space than they touch, so an
    address-space limit fails at import instead of on the heavy document.
    ``max_mb <= 0`` (or psutil missing) means no limit.
    """
    try:
        import psutil
    except ImportError:  # pragma: no cover - a dependency, but installs can be partial
        psutil = None
    if max_mb <= 0 or psutil is None:
        yield
        return
    process = psutil.Process()
    limit = process.memory_info().rss + max_mb * 1024 * 1024
    target = threading.get_ident()
    state = {"armed": True}
    lock = threading.Lock()
    done = threading.Event()

    def watch() -> None:
        over = False
        while not done.wait(REPEAT_S if over else interval):
            over = over or process.memory_info().rss > limit
            if over:  # raised again every REPEAT_S until the analysis has stopped (see time_limit)
                with lock:
                    if not state["armed"]:
                        return
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(target), ctypes.py_object(AnalysisOverMemory)
                    )

    watcher = threading.Thread(target=watch, name="reportedly-memory-watch", daemon=True)
    watcher.start()
    outer = getattr(_armed, "limit", None)
    _armed.limit = limit
    try:
        yield
    finally:
        _armed.limit = outer
        _disarm(state, done.set, lock)


def analyze_outcome(
    document: Document,
    timeout: float = 0.0,
    threads: int | None = None,
    max_memory: float = 0.0,
    max_words: int = 0,
) -> Outcome:
    """Analyse one document wherever this runs (here or on a Dask worker), never raising.

    ``threads`` caps torch's threads in this process: several worker processes
    on one machine each using every core run slower than one. A document of more than
    ``max_words`` words (0: no limit) is refused before any work: it could only run to its
    time limit, minutes of a core for an error record that says no more.
    """
    from . import analyze_document

    started = time.perf_counter()
    refusal = too_long(document.text, max_words)
    if refusal is not None:
        return Outcome(
            document, reason="too_long_to_analyse", message=refusal, seconds=time.perf_counter() - started
        )
    _cap_threads(threads)
    try:
        with time_limit(timeout), memory_limit(max_memory):
            ledger = analyze_document(document)
    except AnalysisOverMemory:
        message = f"analysis grew past its memory limit of {max_memory:g} MiB and was stopped (--max-memory)"
        return Outcome(document, reason="memory", message=message, seconds=time.perf_counter() - started)
    except AnalysisTimeout:
        message = f"analysis took longer than {timeout:g} s and was stopped (--timeout)"
        return Outcome(document, reason="timeout", message=message, seconds=time.perf_counter() - started)
    except Exception as exc:  # one bad document must not stop the batch
        message = f"analysis failed: {exc.__class__.__name__}: {exc}"
        return Outcome(document, reason="analysis", message=message, seconds=time.perf_counter() - started)
    return Outcome(document, ledger=ledger, seconds=time.perf_counter() - started)


def too_long(text: str, max_words: int) -> str | None:
    """Why a document of ``text`` is too long to analyse under ``max_words`` (0: no limit), or None."""
    if max_words <= 0 or len(text) <= max_words:  # fewer characters than the limit: fewer words
        return None
    words = count_words(text)
    if words <= max_words:
        return None
    return (
        f"the text has {words:,} words, over the limit of {max_words:,} words analysed per document "
        "(--max-words); split it into articles or raise --max-words"
    )


def analyze_here(
    documents: Iterable[Document], *, timeout: float = 0.0, max_memory: float = 0.0, max_words: int = 0
) -> Iterator[Outcome]:
    """Analyse documents one after another in this process, in their order."""
    for document in documents:
        yield analyze_outcome(document, timeout, max_memory=max_memory, max_words=max_words)


def _warm(threads: int | None) -> None:
    """Load the models on a worker before its first document, so --timeout measures analysis.

    The encoder's threads are capped first (they are fixed when it loads): as the local cluster
    asks (one per worker process), else by ``REPORTEDLY_ENCODER_THREADS`` on a running cluster's
    worker, where it is set.
    """
    from . import warm_up
    from .settings import encoder_threads

    _cap_threads(threads or encoder_threads())
    warm_up()


def _cap_threads(threads: int | None) -> None:
    if threads:
        from .extract.encoder import set_threads

        set_threads(threads)


def largest_first(documents: Iterable[Document], ahead: int) -> Iterator[Document]:
    """``documents`` in a streaming longest-first order: each time, the longest text among
    the next ``ahead`` + 1 not yet given.

    At most ``ahead`` + 1 documents are held at a time, so a corpus still streams; at the end
    the held documents come out longest first, so the batch ends on short ones. Ties keep the
    order read. ``ahead`` 0 gives the documents in the order read.
    """
    held: list[tuple[int, int, Document]] = []
    for n, document in enumerate(documents):
        heapq.heappush(held, (-len(document.text), n, document))
        if len(held) > ahead:
            yield heapq.heappop(held)[2]
    while held:
        yield heapq.heappop(held)[2]


class DaskRunner:
    """A Dask client, local cluster or remote scheduler, for analysing documents.

    Use as a context manager; a local cluster is shut down on exit, a remote
    one is only disconnected from. ``workers`` starts that many local worker
    processes with one thread each; ``scheduler`` joins a running cluster
    whose workers have reportedly (same version) installed; ``client`` uses a
    Dask client the caller made and keeps (a notebook's, or a test's).
    """

    def __init__(
        self, *, workers: int | None = None, scheduler: str | None = None, client: Client | None = None
    ) -> None:
        if sum(x is not None for x in (workers, scheduler, client)) != 1:
            raise BatchError("give one of: a number of local workers, a scheduler address, a Dask client")
        if workers is not None and workers < 1:
            raise BatchError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.scheduler = scheduler
        self.client: Client | None = client
        self._owned = client is None
        self._cluster: Any = None

    def __enter__(self) -> DaskRunner:
        if self.client is not None:
            return self
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency, but installs can be partial
            raise BatchError("Dask is not installed: pip install 'reportedly[cluster]'") from exc
        try:
            if self.scheduler is not None:
                self.client = Client(self.scheduler, timeout="10s")
            else:
                with dask.config.set(LOCAL_CLUSTER_CONFIG):
                    self._cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        # Loopback only: the workers are this machine's, and a
                        # cluster port open to the network would run any task sent to it.
                        host="127.0.0.1",
                        # No dashboard (Scheduler(dashboard=False)): its port is a random one
                        # nobody is told, and feeding it costs the cores the workers need. The
                        # scheduler's small HTTP server (health, metrics) stays on loopback.
                        dashboard_address="127.0.0.1:0",
                        scheduler_kwargs={"dashboard": False},
                        silence_logs=40,  # logging.ERROR: a CLI's stderr is for the user
                    )
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise BatchError(f"cannot start Dask on {where}: {exc}") from exc
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None and self._owned:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    @property
    def size(self) -> int:
        """Worker threads the cluster has now (at least 1, so windows are never empty)."""
        assert self.client is not None
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def warm_up(self) -> None:
        """Load the models on every worker, in parallel.

        This is also where a remote cluster whose workers lack reportedly (or
        its models) shows it, so the error says so instead of failing every
        document one by one.
        """
        assert self.client is not None
        try:
            self.client.run(_warm, self._threads())
        except Exception as exc:  # ModuleNotFoundError, OSError … raised on a worker
            raise BatchError(
                f"the Dask workers could not load reportedly's models: {exc.__class__.__name__}: {exc} "
                "(are reportedly and its models installed where the workers run?)"
            ) from exc

    def _threads(self) -> int | None:
        # One torch thread per local worker process; a remote cluster's workers
        # are sized by whoever started them.
        return 1 if self.workers is not None else None

    def analyze(
        self,
        documents: Iterable[Document],
        *,
        timeout: float = 0.0,
        max_memory: float = 0.0,
        max_words: int = 0,
    ) -> Iterator[Outcome]:
        """Analyse documents on the cluster; outcomes come back as they finish.

        At most a few documents per worker thread are in flight and a few more are read
        ahead, so that the longest go out first (:func:`largest_first`); a corpus streams
        through without being held in memory at once.
        """
        from distributed import as_completed

        assert self.client is not None
        window = 4 * self.size
        pending: dict[Any, Document] = {}
        queue = as_completed()
        source = largest_first(documents, LOOKAHEAD_PER_THREAD * self.size)
        threads = self._threads()

        def submit(document: Document) -> None:
            # pure=False: two documents with equal ids (same text) are still two tasks.
            future = self.client.submit(
                analyze_outcome, document, timeout, threads, max_memory, max_words, pure=False
            )
            pending[future] = document
            queue.add(future)

        for document in source:
            submit(document)
            if len(pending) >= window:
                break
        for future in queue:
            document = pending.pop(future)
            if future.status == "finished":
                yield future.result()
            else:
                try:
                    future.result()
                    detail = "unknown error"
                except Exception as exc:  # KilledWorker, CancelledError …
                    detail = f"{exc.__class__.__name__}: {exc}"
                yield Outcome(document, reason="worker", message=f"the Dask worker failed: {detail}")
            future.release()
            for document in source:
                submit(document)
                break
