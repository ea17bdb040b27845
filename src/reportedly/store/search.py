"""Finding claims: filters, who said it (through chains too), publication dates, full-text search.

:func:`claim_conditions` turns the filters :meth:`Store.claims` and :meth:`Store.claim_page`
take into SQL conditions on ``claims``; :func:`reportedly.store.reading.load_claims` reads
whatever they select. Search runs on the FTS5 index of migration 0003 where there is one
(SQLite) and falls back to substring matching elsewhere (PostgreSQL). User input is never
passed through as FTS query syntax, so a stray quote cannot turn into a query error.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from typing import TypedDict, Unpack

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
    true,
)

from reportedly.model import ClaimKind, SectionKind, Stance
from reportedly.store.aliases import entities_named
from reportedly.store.schema import chain_links, claims, documents, entities, entity_aliases, joint_sources
from reportedly.store.values import as_date, enum_value

#: The FTS5 table of migration 0003 and the shadow tables SQLite keeps for it:
#: real tables in the file that ``schema.metadata`` does not (and cannot) declare.
SEARCH_TABLES = frozenset(
    {"claim_search"} | {f"claim_search_{part}" for part in ("data", "idx", "content", "docsize", "config")}
)

_WORD = re.compile(r"\w+")


class ClaimFilters(TypedDict, total=False):
    """Which claims to list, the one declaration of the filters :meth:`Store.claims`,
    :meth:`Store.claim_page` and :func:`claim_conditions` take; every filter given must hold.

    ``source`` names an entity by name, id or alias (case-insensitive) and matches claims it
    made, alone or jointly, *or relayed* (:func:`source_condition`); ``stance``, ``kind`` and
    ``section`` are enum values in any case; ``document`` is one document id, ``documents``
    and ``claim_ids`` restrict to a set (a story's documents, a cluster's claims);
    ``published_from``/``published_to`` bound the article's publication date (inclusive,
    ``YYYY-MM-DD`` text or a date); ``search`` is full text (:func:`search_condition`).
    """

    source: str | None
    stance: str | None
    kind: str | None
    section: str | None
    document: str | None
    documents: Collection[str] | None
    claim_ids: Collection[str] | None
    published_from: date | str | None
    published_to: date | str | None
    search: str | None


def claim_conditions(conn: Connection, **filters: Unpack[ClaimFilters]) -> list[ColumnElement[bool]]:
    """The SQL conditions on ``claims`` for these filters, all of which must hold.

    Enum values are checked (any case; InvalidInput names the choices), dates may be
    ``YYYY-MM-DD`` text; ``source`` is matched as :func:`source_condition` says and
    ``search`` as :func:`search_condition` does. A blank ``search`` filters nothing.
    """
    unknown = filters.keys() - ClaimFilters.__optional_keys__
    if unknown:  # a typo in a filter's name must not silently list every claim
        raise TypeError(f"unknown claim filters: {', '.join(sorted(unknown))}")
    given = {name: value for name, value in filters.items() if value is not None}
    conds: list[ColumnElement[bool]] = []
    for name, enum in (("stance", Stance), ("kind", ClaimKind), ("section", SectionKind)):
        if name in given:
            conds.append(claims.c[name] == enum_value(enum, given[name], name))
    if "document" in given:
        conds.append(claims.c.document_id == given["document"])
    if "documents" in given:
        conds.append(claims.c.document_id.in_(list(given["documents"])))
    if "claim_ids" in given:
        conds.append(claims.c.id.in_(list(given["claim_ids"])))
    low = as_date(given.get("published_from"), "published_from")
    high = as_date(given.get("published_to"), "published_to")
    if low is not None or high is not None:
        dated = select(documents.c.id)
        if low is not None:
            dated = dated.where(documents.c.published >= low)
        if high is not None:
            dated = dated.where(documents.c.published <= high)
        conds.append(claims.c.document_id.in_(dated))
    if given.get("search", "").strip():
        conds.append(search_condition(conn, given["search"]))
    if "source" in given:
        conds.append(source_condition(conn, given["source"]))
    return conds


def count_claims(conn: Connection, conds: list[ColumnElement[bool]]) -> int:
    """How many claims match every condition."""
    return conn.scalar(select(func.count()).select_from(claims).where(and_(true(), *conds))) or 0


def source_condition(conn: Connection, needle: str) -> ColumnElement[bool]:
    """Claims made by, or relayed through, whatever entity ``needle`` names.

    "What did the NIS say" includes what lawmakers said the NIS told them, so a claim
    whose chain passes through the entity counts, as does one it made jointly. The
    entity is found by id, name or alias (:func:`reportedly.store.aliases.entities_named`),
    or by the name as articles write it: "Peskov" finds the entity that a claim's source
    mention "Peskov" resolved to (Dmitry Peskov), whose stored aliases need not list the
    surname. Unresolved mentions match on their text, by SQL ``lower()``.
    """
    written = select(claims.c.source_entity_id).where(
        claims.c.source_entity_id.is_not(None), func.lower(claims.c.source_text) == needle.strip().lower()
    )
    ids = entities_named(conn, needle) | set(conn.scalars(written.distinct()))
    unresolved = and_(
        claims.c.source_entity_id.is_(None), func.lower(claims.c.source_text) == needle.strip().lower()
    )
    if not ids:
        return unresolved
    joint = select(joint_sources.c.claim_id).where(joint_sources.c.entity_id.in_(ids))
    relayed = select(chain_links.c.claim_id).where(chain_links.c.entity_id.in_(ids))
    return or_(
        claims.c.source_entity_id.in_(ids), claims.c.id.in_(joint), claims.c.id.in_(relayed), unresolved
    )


# -- full text -------------------------------------------------------------------------


def search_terms(text: str) -> list[str]:
    """The words of a search box entry; punctuation and FTS operators are dropped."""
    return _WORD.findall(text)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every word, the last as a prefix (typing-as-you-go).

    Each word is quoted, so ``NOT``, ``NEAR``, ``*`` or an unbalanced quote in
    the input are searched for (or dropped), never interpreted.
    """
    words = search_terms(text)
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def has_search_index(conn: Connection) -> bool:
    """Whether this database has the FTS5 claim index (SQLite only)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_search'"
    ).first()
    return found is not None


def search_condition(conn: Connection, text: str) -> ColumnElement[bool]:
    """Claims whose content, source, cue or sentence hold every word of ``text``, the last as a prefix."""
    query = fts_query(text)
    if query is None:
        return false()  # nothing searchable typed: match nothing rather than everything
    if has_search_index(conn):
        index = table("claim_search", column("claim_id"))
        matching = select(index.c.claim_id).where(literal_column("claim_search").op("MATCH")(query))
        return claims.c.id.in_(matching)
    return _substring_condition(search_terms(text))


def _substring_condition(words: list[str]) -> ColumnElement[bool]:
    """Every word somewhere in what the FTS5 index holds: content, source, cue, sentence.

    The stand-in for FTS5 where there is none (PostgreSQL), so it reads the
    same fields the index is built from (the source being the mention, the
    resolved entity's name and its aliases) and a search finds a claim by
    whichever of them matched, as it does on SQLite. The sentence is cut
    from the document text by character offsets, which is how Python counts
    them too. Words may hold ``_`` (a LIKE wildcard), so matching escapes it.
    """
    name = select(entities.c.name).where(entities.c.id == claims.c.source_entity_id).scalar_subquery()
    sentence = (
        select(
            func.substr(
                documents.c.text, claims.c.sentence_start + 1, claims.c.sentence_end - claims.c.sentence_start
            )
        )
        .where(documents.c.id == claims.c.document_id)
        .scalar_subquery()
    )
    fields = (claims.c.content_text, claims.c.source_text, claims.c.cue_text, name, sentence)
    conds = []
    for word in words:
        needle = word.lower()
        alias = (
            select(entity_aliases.c.entity_id)
            .where(
                entity_aliases.c.entity_id == claims.c.source_entity_id,
                func.lower(entity_aliases.c.alias).contains(needle, autoescape=True),
            )
            .exists()
        )
        conds.append(or_(*(func.lower(f).contains(needle, autoescape=True) for f in fields), alias))
    return and_(*conds)
