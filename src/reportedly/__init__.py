"""reportedly: news articles in, an auditable ledger of attributed claims out.

The Python API is the product; the CLI and the web API are thin skins over it::

    import reportedly
    ledger = reportedly.analyze(text, published="2024-11-20")
    for claim in ledger.claims:
        print(claim.source.entity.name if claim.source else "-", claim.stance, claim.content_text)

    from reportedly.store import Store
    report = reportedly.ingest_into(Store("news.db"), ["articles/"], timeout=120)
    print(len(report.stored), "stored,", len(report.skipped), "already there,", len(report.errors), "errors")
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from .ingesting import IngestReport, ingest_into
from .model import Claim, ClaimKind, Document, Entity, EntityType, Ledger, SectionKind, Stance

if TYPE_CHECKING:
    from spacy.language import Language


class _ThincWithoutTorch:
    """Keeps spaCy's thinc from importing torch, which nothing on the analysis path uses.

    thinc imports torch whenever it is installed, to offer PyTorch layers the
    English pipeline does not have: 180 MB of resident memory in every process,
    more than the encoder itself, which ONNX Runtime reads. This import hook
    hides torch only while ``thinc.compat`` runs; code that needs torch later
    (training, ``REPORTEDLY_ENCODER_RUNTIME=torch``, the sentence model for
    linking) imports it as usual. Not installed when ONNX Runtime is missing or
    the torch runtime is chosen, and a no-op when torch is already loaded.
    """

    def find_spec(self, name: str, path: object = None, target: object = None) -> object:
        import importlib.util
        import sys

        if name != "thinc.compat":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module: object) -> None:
            hide = "torch" not in sys.modules
            if hide:
                sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
            try:
                run(module)
            finally:
                if hide and sys.modules.get("torch", False) is None:
                    del sys.modules["torch"]

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]  # this spec's own loader
        return spec


def _install_thinc_hook() -> None:
    import importlib.util
    import sys

    from .settings import encoder_runtime

    if {"torch", "thinc"} & sys.modules.keys() or encoder_runtime() == "torch":
        return
    if importlib.util.find_spec("onnxruntime") is not None:
        sys.meta_path.insert(0, _ThincWithoutTorch())


_install_thinc_hook()

__version__ = "0.1.0"
__all__ = [
    "Claim",
    "ClaimKind",
    "Document",
    "Entity",
    "EntityType",
    "IngestReport",
    "Ledger",
    "SectionKind",
    "Stance",
    "analyze",
    "analyze_document",
    "analyze_many",
    "ingest_into",
]


def analyze(
    text: str,
    *,
    published: date | datetime | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Ledger:
    """Analyse one article given as plain text and return its claim ledger."""
    from .ingest.layout import parse_layout

    document = parse_layout(text, title=title, url=url, outlet=outlet, published=published)
    return analyze_document(document)


#: The short article :func:`warm_up` analyses. It is dated and names a day with its year, so that
#: dateparser's tables are read here too: its timezone patterns (compiled on the first date it
#: parses) and its English locale took about 0.5 s of CPU inside the first dated article of every
#: process, which is each Dask worker's first documents, after start-up (``ingest --workers``).
WARM_UP_TEXT = (
    "Port repairs end\n\n"
    "The port authority in Odesa said on Monday, March 4, 2024, that 40 cranes were repaired."
)


def warm_up() -> None:
    """Load spaCy and the learned models now rather than inside the first document's analysis.

    Loading takes seconds (torch, the encoder, the CRFs); a per-document time
    limit such as ``ingest --timeout`` must measure analysis, not start-up. The
    place gazetteer's city tables are loaded here too: the first measure with a
    place name read them inside a document's analysis (12 s of a 15 s first
    document on a loaded 2-core machine, and the server's reads waited on it).
    A short article then loads whatever else is lazily imported on the way
    (:data:`WARM_UP_TEXT`).
    """
    from .extract import Models
    from .nlp import load
    from .places.gazetteer import default_places

    load()
    models = Models.shipped()
    if models.encoder is not None:
        models.encoder.tag("Warming up, the tagger said.")
    default_places().cities  # noqa: B018 - the property loads the tables
    analyze(WARM_UP_TEXT, published="2024-03-06")
    _freeze_loaded()


_frozen = False


def _freeze_loaded() -> None:
    """Keep what is loaded by now (spaCy, the encoder, the gazetteers: some 170,000 objects) out of
    the garbage collector's full passes, once per process.

    Those objects live as long as the process, yet every full pass read them all again: a tenth of
    a second each, and a long document, which makes several passes where a short one makes none,
    paid them on top of its own work (issue 18: a quarter of a second of a 2,000-fragment
    paragraph's 23). Garbage is collected first, so only live objects are frozen.
    """
    import gc

    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def analyze_document(document: Document, nlp: Language | None = None) -> Ledger:
    """Analyse a Document that ingest already built (from HTML, a feed, JSONL …)."""
    return next(iter(analyze_many([document], nlp)))


def analyze_many(documents, nlp: Language | None = None):  # noqa: ANN001, ANN201 - iterable in, iterator out
    """Analyse many documents, streaming the English ones through spaCy in batches.

    Each document's language is detected first and kept in ``meta["language"]``;
    Korean, Russian and Ukrainian documents go to their own extractors
    (:mod:`reportedly.languages`), the rest to the English pipeline, in input order.
    """
    from .languages import extract_foreign, has_extractor, language_of

    docs = list(documents)
    foreign = [has_extractor(language_of(d)) for d in docs]
    english = _english((d for d, f in zip(docs, foreign, strict=True) if not f), nlp)
    for document, other in zip(docs, foreign, strict=True):
        yield extract_foreign(document) if other else next(english)


def _english(documents, nlp: Language | None = None):  # noqa: ANN001, ANN202 - iterable in, iterator out
    from .extract import Extractor, Models

    docs = list(documents)
    if not docs:
        return
    extractor = Extractor(Models.shipped())
    readings = _readings(extractor, docs)
    parsed = _parsed(docs, nlp)
    try:
        for document in docs:
            yield extractor(document, next(parsed), next(readings))
    finally:
        readings.close()
        parsed.close()


def _parsed(docs, nlp: Language | None):  # noqa: ANN001, ANN202 - Documents in, their blocks out
    """Each document's parsed blocks, parsed on a thread of their own while the ones before are extracted.

    spaCy's parse is as long as all of the extraction after it, and most of it
    (the networks' matrix products, the parser's transitions) runs in compiled
    code that releases the GIL, so on a spare core the next documents are
    parsed while the current one is extracted (two documents ahead, so
    memory stays bounded). One ``nlp.pipe`` stream over every document, as
    without reading ahead: the batches, and so the parses, are the same. With
    one core per process (:func:`~reportedly.extract.encoder.set_threads`) each
    document is parsed when its turn comes.
    """
    from .extract.encoder import spare_core
    from .nlp.blocks import parse_many

    blocks = parse_many(docs, nlp)
    if len(docs) < 2 or not spare_core():
        yield from blocks
        return
    # only the pool's one thread advances the stream, one document per task, in order; two
    # documents ahead are enough, as spaCy parses at most 64 blocks (three or four news documents) at a time
    yield from _ahead((lambda: next(blocks) for _ in docs), "reportedly-parser", depth=2)


def _readings(extractor, docs):  # noqa: ANN001, ANN202 - an Extractor and Documents in, readings out
    """The encoder's reading of each document, made on a core of its own while spaCy parses.

    ONNX Runtime releases the GIL, so with a core to spare the next documents
    are read while the current one is parsed and extracted (three documents
    ahead, so memory stays bounded). With one core per process (``eval
    --workers``, Dask workers: :func:`~reportedly.extract.encoder.set_threads`)
    or the torch runtime, each document is read when its turn comes.
    """
    from functools import partial

    from .extract.encoder import overlaps

    if extractor.encoder is None or len(docs) < 2 or not overlaps(extractor.encoder):
        for document in docs:
            yield extractor.read(document.text)
        return
    yield from _ahead((partial(extractor.read, d.text) for d in docs), "reportedly-encoder")


def _ahead(tasks, name: str, depth: int = 3):  # noqa: ANN001, ANN202 - callables in, their results out
    """The results of ``tasks`` (callables without arguments), in order, computed on one thread of
    their own at most ``depth`` tasks ahead of the caller; an exception comes out where its result would."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    _fewer_arenas()
    pool = ThreadPoolExecutor(1, thread_name_prefix=name)
    try:
        pending = iter(tasks)
        ahead = deque(pool.submit(task) for task in islice(pending, depth))
        while ahead:
            done = ahead.popleft()
            following = next(pending, None)
            if following is not None:
                ahead.append(pool.submit(following))
            yield done.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_ARENAS_CAPPED = False


def _fewer_arenas() -> None:
    """Cap glibc's malloc at two arenas before the first helper thread starts (once per process).

    By default each thread that allocates gets a heap of its own: spaCy's parse on
    a helper thread left its documents' freed memory in a heap of its own, which
    raised the peak resident memory of analysing the 84 PolNeAR dev texts in one
    process from 581 to 606 MB. With two arenas (the main one, and one the helper
    threads share) it was 584 MB, flat from the 40th text on (one arena: 579 MB,
    with every thread's allocations behind one lock). A ``MALLOC_ARENA_MAX`` set
    by the user is left as it is; on a C library without ``mallopt`` nothing happens.
    """
    global _ARENAS_CAPPED
    if _ARENAS_CAPPED:
        return
    _ARENAS_CAPPED = True
    import ctypes
    import os

    if "MALLOC_ARENA_MAX" in os.environ:
        return
    try:
        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):
        return
