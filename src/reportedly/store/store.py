"""The ledger store: what the CLI and the API use to keep and query ledgers.

:class:`Store` is a facade, as sqlite-utils' ``Database`` is: it owns the engine and the
transactions, and each method is a few lines over the module that knows the rows:

* :mod:`~reportedly.store.rows`: ledgers into rows; :mod:`~reportedly.store.reading`: rows back
  into ledgers, claims and documents;
* :mod:`~reportedly.store.search`: finding claims (filters, sources, full text);
* :mod:`~reportedly.store.aliases`: entities, their aliases and the aliases users add;
* :mod:`~reportedly.store.links`: what the link stage derives (stories, clusters,
  conflicts, measures, timelines, cached vectors), written in one transaction;
* :mod:`~reportedly.store.stories` and :mod:`~reportedly.store.measures`: reading them back,
  paged in SQL.

What comes back has one shape per kind of answer: listings of summary rows are lists of
JSON-ready dicts; ledgers, stories, clusters, conflicts and timeline points are the model
classes (``to_dict()`` gives their JSON); a ``*_page`` method returns a :class:`Page` of
what the matching listing returns, with the total count. Failures are the typed errors of
:mod:`reportedly.store.errors`, all of them :class:`StoreError`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar, Unpack

from sqlalchemy import Connection, Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from reportedly.model import Claim, ClaimCluster, Conflict, Document, Ledger, Story, TimelinePoint
from reportedly.store import aliases, links, reading, rows
from reportedly.store import engine as db
from reportedly.store import measures as measure_reads  # the module; Store.measures is a method
from reportedly.store import stories as story_reads  # the module; Store.stories is a method
from reportedly.store.errors import (
    AlreadyExists,
    InvalidInput,
    NotFound,
    StoreUnavailable,
    driver_message,
    from_database,
)
from reportedly.store.links import LinkRows
from reportedly.store.schema import TABLES, claims, documents, ingest_errors
from reportedly.store.search import ClaimFilters, claim_conditions, count_claims, has_search_index
from reportedly.store.values import Page, check_paging, iso

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :meth:`Store.save` did.

    ``claims`` is the number of claims stored for the document, whether they
    were written now (``created``) or by an earlier save of the same article.
    """

    document_id: str
    created: bool
    claims: int


class Store:
    """A database of ledgers; SQLite file by default, any SQLAlchemy URL otherwise.

    Opening a store migrates its schema to the version this code expects, so a
    database written by an older reportedly is upgraded in place.
    """

    def __init__(self, url_or_path: str | Path = "reportedly.db") -> None:
        url = db.to_url(url_or_path)
        try:
            self._engine = db.create(url)
        except (SQLAlchemyError, ImportError) as exc:  # unknown dialect, driver not installed
            shown = url.render_as_string(hide_password=True)
            raise StoreUnavailable(f"cannot open database {shown}: {driver_message(exc)}") from exc
        try:
            db.upgrade(self._engine)
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def url(self) -> str:
        """The database URL, password masked: safe to print or log."""
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for ad-hoc SQL the methods here do not cover.

        On SQLite its connections already enforce foreign keys; raw writes
        bypass the checks :meth:`save` makes, so prefer the methods.
        """
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- connections -------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """One transaction per call, so a multi-query read sees one snapshot."""
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise from_database(exc) from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._engine.connect().execution_options(**{db.WRITE: True}) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            raise from_database(exc) from exc

    def _page(
        self, items: Callable[..., list[T]], total: Callable[[Connection], int], limit: int, offset: int
    ) -> Page[T]:
        """A page: ``items(conn, limit=, offset=)`` and ``total(conn)``, read in one transaction."""
        check_paging(limit, offset)
        with self._read() as conn:
            return Page(items(conn, limit=limit, offset=offset), total(conn), limit, offset)

    # -- writing -----------------------------------------------------------

    def save(self, ledger: Ledger, *, source: str | None = None) -> SaveResult:
        """Store a ledger in one transaction; a document already stored is left as it is.

        Idempotence is by document id, which is a hash of the article text: the
        same article read again from a file, URL or feed is the same document,
        and its first analysis stands. ``source`` records where it was read from.
        Raises InvalidInput for a ledger whose offsets do not reproduce their text
        (or whose claim ids repeat), AlreadyExists when its claim ids belong to
        another document.
        """
        doc = ledger.document
        prepared = rows.prepare(ledger)
        try:
            with self._write() as conn:
                stored = rows.stored_claims(conn, doc.id)
                if stored is not None:
                    return SaveResult(doc.id, False, stored)
                if prepared.refusal is not None:
                    raise InvalidInput(f"document {doc.id}: {prepared.refusal}")
                if taken := rows.claim_ids_taken(conn, prepared.claim_ids):
                    raise AlreadyExists(
                        f"document {doc.id}: claim ids already used by another document: {sorted(taken)[:5]}"
                    )
                rows.insert_ledger(conn, ledger, prepared, source)
        except AlreadyExists as exc:
            # Another process may have saved the same article between our
            # check and our insert; that is the idempotent outcome, not an error.
            if isinstance(exc.__cause__, IntegrityError):
                with self._read() as conn:
                    stored = rows.stored_claims(conn, doc.id)
                if stored is not None:
                    return SaveResult(doc.id, False, stored)
            raise
        return SaveResult(doc.id, True, len(prepared.claim_rows))

    def record_error(self, source: str, reason: str, message: str) -> None:
        """Remember an article that could not be ingested, for the user to review later."""
        with self._write() as conn:
            conn.execute(
                insert(ingest_errors),
                [{"source": source, "reason": reason, "message": message, "at": datetime.now(UTC)}],
            )

    def delete_document(self, document_id: str) -> None:
        """Remove a document with its claims (the database cascades); entities stay. NotFound if absent."""
        with self._write() as conn:
            result = conn.execute(delete(documents).where(documents.c.id == document_id))
            if result.rowcount == 0:
                raise NotFound("document", document_id)

    # -- documents and ledgers ---------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """Whether a document is stored; lets a batch skip analysing what it would not store."""
        with self._read() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.id == document_id)) is not None

    def document(self, document_id: str) -> dict[str, Any]:
        """One document's summary dict, as :meth:`documents` lists it; NotFound when it is not stored."""
        found = self.documents(ids=[document_id])
        if not found:
            raise NotFound("document", document_id)
        return found[0]

    def documents(self, *, ids: Collection[str] | None = None) -> list[dict[str, Any]]:
        """Every stored document (or those of ``ids``), oldest ingestion first, as summary dicts.

        Keys: ``id``, ``title``, ``outlet``, ``published``, ``url``, ``source``,
        ``ingested_at`` and ``claims`` (how many the document has).
        """
        with self._read() as conn:
            return reading.document_rows(conn, ids=ids)

    def document_page(self, *, limit: int = 50, offset: int = 0) -> Page[dict[str, Any]]:
        """A page of :meth:`documents` (oldest ingestion first) with the total count."""
        return self._page(reading.document_rows, reading.count_documents, limit, offset)

    def errors(self) -> list[dict[str, Any]]:
        """Recorded ingest errors, oldest first: ``id``, ``source``, ``reason``, ``message``, ``at``."""
        with self._read() as conn:
            found = conn.execute(select(ingest_errors).order_by(ingest_errors.c.id)).all()
        return [
            {"id": r.id, "source": r.source, "reason": r.reason, "message": r.message, "at": iso(r.at)}
            for r in found
        ]

    def load(self, document_id: str) -> Ledger:
        """The stored ledger rebuilt as model objects; NotFound when the document is not stored.

        Entities carry their aliases as merged across every stored document.
        """
        with self._read() as conn:
            return reading.load_ledger(conn, document_id)

    def ledger(self, document_id: str) -> dict[str, Any]:
        """The stored ledger in the shape of ``Ledger.to_dict()``; NotFound when it is not stored."""
        return self.load(document_id).to_dict()

    def counts(self) -> dict[str, int]:
        """Rows per table: a cheap summary for ``status`` commands and tests."""
        with self._read() as conn:
            return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}

    # -- claims ------------------------------------------------------------

    def claims(
        self, *, limit: int | None = None, offset: int = 0, **filters: Unpack[ClaimFilters]
    ) -> list[dict[str, Any]]:
        """Claims as ``Claim.to_dict()`` plus ``document_id``, by document then position.

        The filters are those of :class:`~reportedly.store.search.ClaimFilters`, all of which
        must hold. ``source`` names an entity by name, id or alias (case-insensitive) and
        matches claims it made (alone or jointly) *or relayed*: a claim whose chain passes
        through the entity counts, since "what did the NIS say" includes what lawmakers said
        the NIS told them. An unresolved source matches on its mention text. InvalidInput for
        an unknown stance or kind.
        """
        check_paging(limit, offset)
        with self._read() as conn:
            conds = claim_conditions(conn, **filters)
            found = reading.load_claims(conn, conds, limit=limit, offset=offset)
            return [reading.listed(d, c) for d, c in found]

    def claim_page(
        self, *, limit: int = 50, offset: int = 0, **filters: Unpack[ClaimFilters]
    ) -> Page[dict[str, Any]]:
        """One page of claims (as :meth:`claims` returns them, with the same filters) and how many
        match in all.

        ``documents`` and ``claim_ids`` restrict to a set (a story's documents, a cluster's
        claims); ``published_from``/``published_to`` bound the article's publication date
        (inclusive); ``search`` is full text over content, source, cue and sentence, with every
        word required and the last one matched as a prefix (FTS5 on SQLite, substring match
        elsewhere).
        """
        check_paging(limit, offset)
        with self._read() as conn:
            conds = claim_conditions(conn, **filters)
            total = count_claims(conn, conds)
            found = reading.load_claims(conn, conds, limit=limit, offset=offset)
            items = [reading.listed(d, c) for d, c in found]
        return Page(items, total, limit, offset)

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim as :meth:`claims` returns it; NotFound when there is none."""
        with self._read() as conn:
            found = reading.load_claims(conn, [claims.c.id == claim_id])
        if not found:
            raise NotFound("claim", claim_id)
        return reading.listed(*found[0])

    @property
    def full_text(self) -> bool:
        """Whether claim search runs on the FTS5 index (SQLite) rather than substring matching."""
        with self._read() as conn:
            return has_search_index(conn)

    # -- entities and aliases ----------------------------------------------

    def entities(self) -> list[dict[str, Any]]:
        """Every entity as a dict (``id``, ``name``, ``type``, ``anonymous``, ``aliases``, ``claims``).

        Aliases are merged across documents; ``claims`` counts the claims the entity
        made, joined or relayed, the same set ``claims(source=entity_id)`` returns.
        """
        with self._read() as conn:
            return aliases.entity_rows(conn)

    def entity(self, entity_id: str) -> dict[str, Any]:
        """One entity as :meth:`entities` gives it, read alone; :class:`NotFound` if there is none."""
        with self._read() as conn:
            found = aliases.entity_rows(conn, [entity_id])
        if not found:
            raise NotFound("entity", entity_id)
        return found[0]

    def user_aliases(self) -> dict[str, tuple[str, str | None]]:
        """Aliases users added: normalised alias -> (canonical name, entity type or None)."""
        with self._read() as conn:
            return aliases.user_alias_map(conn)

    def user_alias_rows(self) -> list[dict[str, Any]]:
        """Aliases users added as dicts (``alias``, ``canonical``, ``type``, ``added_at``), by name."""
        with self._read() as conn:
            return aliases.user_alias_rows(conn)

    def add_user_alias(self, alias: str, canonical: str, type_: str | None = None) -> None:
        """Say that ``alias`` names ``canonical`` in every document (replaces an earlier entry).

        InvalidInput for an empty alias or name, or an unknown entity type.
        """
        row = aliases.user_alias_row(alias, canonical, type_)
        with self._write() as conn:
            aliases.add_user_alias(conn, row)

    def remove_user_alias(self, alias: str) -> None:
        """Forget an alias added with :meth:`add_user_alias`; NotFound when there is none."""
        with self._write() as conn:
            aliases.remove_user_alias(conn, alias)

    # -- link runs (written by reportedly.link) ----------------------------

    def link_inputs(
        self, document_ids: Sequence[str] | None = None
    ) -> tuple[list[Document], list[tuple[str, Claim]]]:
        """Every document and every claim (with its document id), as model objects, for linking;
        with ``document_ids`` only those documents and their claims."""
        with self._read() as conn:
            return links.link_inputs(conn, document_ids)

    def story_assignment(self) -> tuple[dict[str, str], dict[str, Any], int]:
        """(story id of each document the last link run placed, publication date of every
        document, number of claims stored): what an incremental link run starts from."""
        with self._read() as conn:
            return links.story_assignment(conn)

    def link_fingerprint(self, extra: str = "") -> str:
        """Changes whenever a link run would give a different answer: documents, claims, user aliases."""
        with self._read() as conn:
            return links.link_fingerprint(conn, extra)

    def last_link_run(self) -> dict[str, Any] | None:
        """The newest link run as a dict (``built_at``, ``documents``, ``claims``, ``method``,
        ``fingerprint``, ``seconds``), or None before the first."""
        with self._read() as conn:
            return links.last_link_run(conn)

    def cached_vectors(self, method: str, items: list[str]) -> dict[str, Any]:
        """Sentence vectors stored by earlier link runs (numpy float32 rows), by item key."""
        with self._read() as conn:
            return links.cached_vectors(conn, method, items)

    def save_vectors(self, method: str, vectors: dict[str, Any]) -> None:
        """Cache sentence vectors by item key, replacing any stored for the same items and method."""
        found = links.vector_rows(method, vectors)
        with self._write() as conn:
            links.save_vectors(conn, method, found)

    def replace_links(self, found: LinkRows) -> None:
        """Replace every derived story row with a new link run's, in one transaction."""
        with self._write() as conn:
            links.replace_links(conn, found)

    # -- stories, clusters, conflicts, measures, timelines -----------------

    def replace_story_links(
        self, old_stories: Sequence[str], document_ids: Sequence[str], found: LinkRows
    ) -> None:
        """Replace the rows of ``old_stories`` (and of the conflicts and measures within
        ``document_ids``) with an incremental link run's, in one transaction."""
        with self._write() as conn:
            links.replace_story_links(conn, old_stories, document_ids, found)

    def stories(self, *, min_documents: int = 1) -> list[dict[str, Any]]:
        """Stories as dicts, largest first: ``id``, ``title``, ``first``, ``last``, ``documents``,
        ``outlets``, ``clusters``, ``conflicts``, ``entities`` (counts for documents, clusters
        and conflicts; a sorted list of names for outlets)."""
        with self._read() as conn:
            return story_reads.story_rows(conn, min_documents=min_documents)

    def story_page(self, *, min_documents: int = 1, limit: int = 50, offset: int = 0) -> Page[dict[str, Any]]:
        """A page of :meth:`stories`, ordered and counted in SQL."""
        return self._page(
            partial(story_reads.story_rows, min_documents=min_documents),
            partial(story_reads.count_stories, min_documents=min_documents),
            limit,
            offset,
        )

    def story(self, story_id: str) -> tuple[Story, list[dict[str, Any]]]:
        """A story with all its clusters (claims, origins), and summary dicts of its documents
        (``id``, ``title``, ``outlet``, ``url``, ``published``); NotFound for an unknown story."""
        with self._read() as conn:
            return story_reads.story(conn, story_id)

    def story_documents(self, story_id: str) -> list[str]:
        """The ids of a story's documents, in story order; NotFound for an unknown story."""
        with self._read() as conn:
            return story_reads.story_document_ids(conn, story_id)

    def cluster_page(self, story_id: str, *, limit: int = 50, offset: int = 0) -> Page[ClaimCluster]:
        """A page of a story's claim clusters, in the order :meth:`story` gives them; NotFound
        for an unknown story."""
        with self._read() as conn:
            story_reads.require_story(conn, story_id)
        return self._page(
            partial(story_reads.cluster_list, story_id=story_id),
            partial(story_reads.count_clusters, story_id=story_id),
            limit,
            offset,
        )

    def conflicts(
        self, *, story: str | None = None, kind: str | None = None, declined: bool | None = False
    ) -> list[Conflict]:
        """Stored conflicts, each with both claims' evidence, in the order they were found.

        ``declined=True`` lists the pairs the link run declined (with why), ``None`` both.
        InvalidInput for an unknown ``kind``; an unknown ``story`` has none.
        """
        with self._read() as conn:
            return story_reads.conflict_list(conn, story=story, kind=kind, declined=declined)

    def conflict_page(
        self,
        *,
        story: str | None = None,
        kind: str | None = None,
        declined: bool | None = False,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Conflict]:
        """A page of :meth:`conflicts` with the total count."""
        return self._page(
            partial(story_reads.conflict_list, story=story, kind=kind, declined=declined),
            partial(story_reads.count_conflicts, story=story, kind=kind, declined=declined),
            limit,
            offset,
        )

    def measures(self, *, story: str | None = None) -> list[dict[str, Any]]:
        """What is counted and where, as dicts (``measure``, ``points``, ``documents``, ``first``,
        ``last``), most documents first."""
        with self._read() as conn:
            return measure_reads.measure_rows(conn, story=story)

    def measure_page(
        self, *, story: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[dict[str, Any]]:
        """A page of :meth:`measures` with the total count."""
        return self._page(
            partial(measure_reads.measure_rows, story=story),
            partial(measure_reads.count_measures, story=story),
            limit,
            offset,
        )

    def timeline(self, measure: str, *, story: str | None = None) -> list[TimelinePoint]:
        """Every number stored for a measure, by date: value, bounds, source, stance, evidence."""
        with self._read() as conn:
            return measure_reads.timeline(conn, measure, story=story)
