"""Link stage: from single-article ledgers to stories across articles.

Reads stored ledgers (or ledgers in memory) and builds:

* canonical entities across documents (:mod:`.entities`),
* stories: documents about one event (:mod:`.stories`),
* claim clusters: one proposition across documents (:mod:`.clusters`), with
  their independent origins (:mod:`.independence`),
* conflicts: numeric, polarity, stance, internal (:mod:`.conflicts`),
* measures and timelines (:mod:`.measures`, :mod:`.timelines`, :mod:`.plot`).

Python API::

    from reportedly.link import link_store, ensure_linked
    from reportedly.store import Store
    with Store("news.db") as store:
        ensure_linked(store)           # links again only if the ledgers changed
        for row in store.stories(min_documents=2):
            print(row["title"], row["documents"])
        story, documents = store.story(row["id"])
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .embed import MINILM, TFIDF, THRESHOLDS, Embedder, MiniLMEmbedder, TfidfEmbedder, default_embedder
from .entities import Canonical, EntityIndex, load_aliases
from .pipeline import LinkResult, Progress, link_corpus, link_ledgers, link_store, link_store_incremental

__all__ = [
    "MINILM",
    "TFIDF",
    "THRESHOLDS",
    "Canonical",
    "Embedder",
    "EntityIndex",
    "LinkResult",
    "MiniLMEmbedder",
    "TfidfEmbedder",
    "default_embedder",
    "ensure_linked",
    "fingerprint",
    "link_corpus",
    "link_ledgers",
    "link_store",
    "link_store_incremental",
    "load_aliases",
]


#: The revision of the linking rules. Raise it with any change to what a link run gives on the same
#: ledgers: a store linked by an older release is then linked again in full on its next read,
#: instead of showing its old stories until a document is added (or ``link --force``).
LINK_REVISION = 7


@cache
def _bundled_gazetteer() -> bytes:
    """The bundled alias table as installed: read once per process, not on every story verb."""
    return (resources.files("reportedly") / "data" / "aliases.tsv").read_bytes()


@cache
def _bundled_pair_model() -> bytes:
    """The shipped claim-pair model's weights (``link.pairs``): new weights link claims anew."""
    path = resources.files("reportedly") / "data" / "models" / "pairs.json"
    return path.read_bytes() if path.is_file() else b""


def fingerprint(store: Any, embedder: Embedder, aliases: Iterable[str | Path] = ()) -> str:
    """What a link run depends on: ``settings:ledgers``, where the settings part (the rules'
    revision, the bundled gazetteer, method, alias files, user aliases) tells an incremental run
    whether the last run is still a valid start."""
    digest = hashlib.sha1(f"{LINK_REVISION}:{embedder.method}".encode())
    digest.update(_bundled_gazetteer())
    digest.update(_bundled_pair_model())
    for path in aliases:
        digest.update(Path(path).read_bytes())
    for alias, (canonical, etype) in sorted(store.user_aliases().items()):
        digest.update(f"{alias}\t{canonical}\t{etype}".encode())
    settings = digest.hexdigest()[:8]
    return f"{settings}:{store.link_fingerprint(settings)}"


def ensure_linked(
    store: Any,
    *,
    embedder: Embedder | None = None,
    aliases: Iterable[str | Path] = (),
    progress: Progress | None = None,
    force: bool = False,
    incremental: bool = True,
) -> LinkResult | None:
    """Link the store when its ledgers (or aliases) changed since the last run; None when up to date.

    When documents were only added since the last run with the same method and aliases, they are
    placed incrementally (:func:`link_store_incremental`); ``force`` or ``incremental=False``
    relink everything."""
    embedder = embedder or default_embedder()
    aliases = list(aliases)
    wanted = fingerprint(store, embedder, aliases)
    last = store.last_link_run()
    if not force and last is not None and last["fingerprint"] == wanted:
        return None
    same_settings = (
        last is not None
        and embedder.cacheable  # TF-IDF weights depend on the whole corpus: a subset would differ
        and last["method"] == embedder.method
        and last["fingerprint"].split(":")[0] == wanted.split(":")[0]
    )
    if not force and incremental and same_settings:
        # only documents added since the last run: place them without relinking the store
        result = link_store_incremental(
            store, embedder=embedder, aliases=aliases, progress=progress, fingerprint=wanted, last_run=last
        )
        if result is not None:
            return result
    return link_store(store, embedder=embedder, aliases=aliases, progress=progress, fingerprint=wanted)
