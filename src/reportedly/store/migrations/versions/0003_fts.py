"""Full-text claim search (SQLite FTS5) and readable views for Datasette.

Revision ID: 0003
Revises: 0002
Create Date: 2024-11-28

SQLite only: other databases get nothing here (``Store`` falls back to a
plain substring match on them), since FTS5 and the SQL of these views
(``group_concat``, ``substr`` on characters) are SQLite's.

**Search.** ``claim_search`` is an FTS5 table of one row per claim: its
content, its source (mention text plus the resolved entity's name and the
aliases known when the claim was stored), its cue
and its sentence (cut from the document text by the stored offsets). It is
kept in step with ``claims`` by triggers, so every writer, not only
``Store.save``, keeps it right. It is a standalone FTS table keyed by
``claim_id`` rather than an external-content table over ``claims.rowid``:
``claims`` has a text primary key, and SQLite may renumber such a table's
rowids on VACUUM or a batch migration, which would silently point the index
at the wrong claims. The price is that deleting a claim scans the index,
which only ``delete_document`` does.

**Views.** ``claim_ledger`` (one readable row per claim), ``claim_chains``,
``claim_numbers``, ``claim_dates`` and ``source_summary`` join ids to names,
so a person browsing the file in Datasette reads "National Intelligence
Service said … (confirmed)" instead of foreign keys.

A later migration that rebuilds ``claims``, ``documents``, ``entities`` or
the other joined tables in batch mode (copy and rename) must drop these
views and triggers first and create them again afterwards: SQLite re-checks
every view when a table is renamed, and drops a table's triggers with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The text of one claim's index row, from the claim row ``row`` (new / a table alias).
_SEARCH_ROW = """
    {row}.id,
    {row}.content_text,
    coalesce({row}.source_text, '') || ' ' ||
        coalesce((SELECT name FROM entities WHERE entities.id = {row}.source_entity_id), '') || ' ' ||
        coalesce((SELECT group_concat(alias, ' ') FROM entity_aliases
                  WHERE entity_aliases.entity_id = {row}.source_entity_id), ''),
    {row}.cue_text,
    coalesce(
        (SELECT substr(documents.text, {row}.sentence_start + 1, {row}.sentence_end - {row}.sentence_start)
         FROM documents WHERE documents.id = {row}.document_id),
        ''
    )
"""

_INSERT = "INSERT INTO claim_search (claim_id, content, source, cue, sentence) SELECT " + _SEARCH_ROW

STATEMENTS_UP = (
    # porter: "troop" finds "troops"; remove_diacritics: "Zelenskyy" finds "Zelenskyy's" spellings.
    "CREATE VIRTUAL TABLE claim_search USING fts5("
    "claim_id UNINDEXED, content, source, cue, sentence, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
    _INSERT.format(row="claims") + " FROM claims",
    "CREATE TRIGGER claim_search_after_insert AFTER INSERT ON claims BEGIN "
    + _INSERT.format(row="new")
    + "; END",
    "CREATE TRIGGER claim_search_after_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_search WHERE claim_id = old.id; END",
    "CREATE TRIGGER claim_search_after_update AFTER UPDATE ON claims BEGIN "
    "DELETE FROM claim_search WHERE claim_id = old.id; " + _INSERT.format(row="new") + "; END",
    """
    CREATE VIEW claim_ledger AS
    SELECT
        c.id AS claim_id,
        c.document_id,
        d.title AS document_title,
        d.outlet,
        d.published,
        c.section,
        c.kind,
        c.stance,
        c.negated,
        coalesce(e.name, c.source_text) AS source,
        c.source_text AS source_as_written,
        c.source_entity_id,
        e.type AS source_type,
        e.anonymous AS source_anonymous,
        (SELECT group_concat(name, ' → ') FROM (
            SELECT ce.name FROM chain_links cl JOIN entities ce ON ce.id = cl.entity_id
            WHERE cl.claim_id = c.id ORDER BY cl.position)) AS chain,
        coalesce(
            (SELECT oe.name FROM chain_links ol JOIN entities oe ON oe.id = ol.entity_id
             WHERE ol.claim_id = c.id ORDER BY ol.position DESC LIMIT 1),
            e.name, c.source_text) AS origin,
        c.cue_text AS cue,
        c.content_text AS content,
        c.hedges,
        (SELECT count(*) FROM quantities q WHERE q.claim_id = c.id) AS numbers,
        (SELECT count(*) FROM time_expressions t WHERE t.claim_id = c.id) AS dates,
        c.cue_start,
        c.cue_end,
        c.content_spans,
        c.ordinal
    FROM claims c
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN entities e ON e.id = c.source_entity_id
    """,
    """
    CREATE VIEW claim_chains AS
    SELECT
        cl.claim_id,
        c.document_id,
        cl.position AS hop,
        e.name AS source,
        e.type AS source_type,
        e.anonymous AS source_anonymous,
        cl.cue,
        cl.position = (SELECT max(position) FROM chain_links x WHERE x.claim_id = cl.claim_id) AS is_origin,
        c.content_text AS content
    FROM chain_links cl
    JOIN claims c ON c.id = cl.claim_id
    JOIN entities e ON e.id = cl.entity_id
    """,
    """
    CREATE VIEW claim_numbers AS
    SELECT
        q.claim_id,
        c.document_id,
        d.title AS document_title,
        d.outlet,
        d.published,
        coalesce(e.name, c.source_text) AS source,
        c.stance,
        q.text AS number_as_written,
        q.value,
        q.low,
        q.high,
        q.approximate,
        q.unit,
        q.scope,
        q.attribute,
        c.content_text AS content
    FROM quantities q
    JOIN claims c ON c.id = q.claim_id
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN entities e ON e.id = c.source_entity_id
    """,
    """
    CREATE VIEW claim_dates AS
    SELECT
        t.claim_id,
        c.document_id,
        d.published,
        coalesce(e.name, c.source_text) AS source,
        t.text AS date_as_written,
        t.resolved,
        t.granularity,
        c.content_text AS content
    FROM time_expressions t
    JOIN claims c ON c.id = t.claim_id
    JOIN documents d ON d.id = c.document_id
    LEFT JOIN entities e ON e.id = c.source_entity_id
    """,
    """
    CREATE VIEW source_summary AS
    SELECT
        e.id AS entity_id,
        e.name,
        e.type,
        e.anonymous,
        (SELECT group_concat(alias, '; ') FROM (
            SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY alias)) AS aliases,
        (SELECT count(*) FROM claims c WHERE c.source_entity_id = e.id) AS claims_as_source,
        (SELECT count(DISTINCT cl.claim_id) FROM chain_links cl WHERE cl.entity_id = e.id)
            AS claims_in_chains,
        (SELECT count(DISTINCT cl.claim_id) FROM chain_links cl
         WHERE cl.entity_id = e.id
           AND cl.position = (SELECT max(position) FROM chain_links x WHERE x.claim_id = cl.claim_id))
            AS claims_as_origin,
        (SELECT count(*) FROM document_entities de WHERE de.entity_id = e.id) AS documents
    FROM entities e
    """,
)

STATEMENTS_DOWN = (
    "DROP VIEW IF EXISTS source_summary",
    "DROP VIEW IF EXISTS claim_dates",
    "DROP VIEW IF EXISTS claim_numbers",
    "DROP VIEW IF EXISTS claim_chains",
    "DROP VIEW IF EXISTS claim_ledger",
    "DROP TRIGGER IF EXISTS claim_search_after_update",
    "DROP TRIGGER IF EXISTS claim_search_after_delete",
    "DROP TRIGGER IF EXISTS claim_search_after_insert",
    "DROP TABLE IF EXISTS claim_search",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS_DOWN:
        op.execute(statement)
