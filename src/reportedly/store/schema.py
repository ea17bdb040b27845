"""The relational shape of a ledger, as SQLAlchemy Core tables.

Table and column names are meant to be read by people: users open the
database in Datasette or ``sqlite3`` and should recognise ``claims.stance`` or
``quantities.unit`` without a manual. Only portable Core types are used so the
same metadata works on SQLite today and PostgreSQL later; lists that are only
ever read whole (hedges, content spans, paragraphs) are kept as JSON text
rather than child tables, because nobody queries into them.

This module is the *current* schema. The migrations under ``migrations/``
spell out every change explicitly and must produce exactly these tables; a
test compares the two, so change both together.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

# Named constraints let Alembic's SQLite batch mode rebuild tables later
# without guessing at the names SQLite would otherwise leave blank.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),  # Document.id: a hash of the normalised text
    Column("title", Text),
    Column("subtitle", Text),
    Column("outlet", String),
    Column("url", Text),
    Column("published", Date),
    Column("dateline", Text),
    Column("dateline_start", Integer),
    Column("dateline_end", Integer),
    Column("byline", Text),
    Column("byline_start", Integer),
    Column("byline_end", Integer),
    Column("paragraphs", Text, nullable=False),  # JSON list of [start, end]
    Column("sections", Text, nullable=False),  # JSON list of {kind, start, end}
    Column("meta", Text, nullable=False),  # JSON object
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("source", Text),  # where the article was read from: a path, URL or feed
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("anonymous", Boolean, nullable=False),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    PrimaryKeyConstraint("entity_id", "alias"),
)


def _parts(
    owner: str, name: str, *items: Column[Any] | Index | UniqueConstraint, text: bool = False
) -> Table:
    """A table of the parts of a ``claim`` or ``document`` (``owner``) in order, keyed by
    (``{owner}_id``, ``position``) and deleted with their owner.

    ``text`` adds the columns of a span of the document (``text``, ``start``, ``end``)
    right after the key, before ``items``.
    """
    span = (
        (
            Column("text", Text, nullable=False),
            Column("start", Integer, nullable=False),
            Column("end", Integer, nullable=False),
        )
        if text
        else ()
    )
    return Table(
        name,
        metadata,
        Column(f"{owner}_id", String, ForeignKey(f"{owner}s.id", ondelete="CASCADE"), nullable=False),
        Column("position", Integer, nullable=False),
        *span,
        *items,
        PrimaryKeyConstraint(f"{owner}_id", "position"),
    )


# Which entities a ledger listed, in its order: the global ``entities`` table
# merges entities across documents, so this is what lets ``Store.ledger``
# give back the entity list of one document.
document_entities = _parts(
    "document",
    "document_entities",
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    UniqueConstraint("document_id", "entity_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position of the claim in its ledger
    Column("kind", String(32), nullable=False),
    Column("section", String(32), nullable=False),
    Column("stance", String(32), nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("inverted", Boolean, nullable=False),
    # a non-denial ("has not denied"): stance no_comment, never denied (revision 0005)
    Column("not_denied", Boolean, nullable=False, server_default=false()),
    Column("hedges", Text, nullable=False),  # JSON list of strings
    Column("cue_text", Text, nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("cue_lemma", String, nullable=False),
    Column("source_text", Text),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_entity_id", String, ForeignKey("entities.id")),
    Column("content_text", Text, nullable=False),
    Column("content_spans", Text, nullable=False),  # JSON list of [start, end]
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    UniqueConstraint("document_id", "ordinal"),
    Index(None, "document_id"),
    Index(None, "source_entity_id"),
    Index(None, "stance"),
)


# "The U.S. and South Korea said": the mention resolves to ``source_entity_id``
# plus these further speakers, in the order they were named.
joint_sources = _parts(
    "claim",
    "joint_sources",
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Index(None, "entity_id"),
)

chain_links = _parts(
    "claim",
    "chain_links",
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("cue", Text),
    Column("mention_start", Integer),
    Column("mention_end", Integer),
    Index(None, "entity_id"),
)

quantities = _parts(
    "claim",
    "quantities",
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("approximate", Boolean, nullable=False),
    Column("unit", String),
    Column("scope", String(32), nullable=False),
    Column("attribute", Boolean, nullable=False),
    Column("measure", Text),  # JSON of the typed Measure (revision 0004); NULL: not a comparable count
    text=True,
)

time_expressions = _parts(
    "claim",
    "time_expressions",
    Column("resolved", String),
    Column("granularity", String(32), nullable=False),
    text=True,
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", String, nullable=False),
    Column("message", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

TABLES = tuple(metadata.sorted_tables)
"""Every table, parents before children (the order inserts must follow)."""

# -- stories (revision 0002) ----------------------------------------------------
# What ``reportedly link`` derives from the ledgers above. Every row here can be
# rebuilt from the ledgers, so a link run replaces them wholesale; the only
# user-written table is ``user_aliases``.

# One row per link run: when, over how much, with which text-similarity method;
# the newest row tells the read verbs whether the stories are stale.
link_runs = Table(
    "link_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("built_at", DateTime(timezone=True), nullable=False),
    Column("documents", Integer, nullable=False),
    Column("claims", Integer, nullable=False),
    Column("method", String, nullable=False),  # "minilm" or "tfidf"
    Column("fingerprint", String, nullable=False),  # hash of the stored document ids
    Column("seconds", Float, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("first", Date),
    Column("last", Date),
    Column("entities", Text, nullable=False),  # JSON list of canonical entity names
)


def _members(
    name: str, group: tuple[str, str], member: tuple[str, str], *items: Column[Any] | Index | UniqueConstraint
) -> Table:
    """The members of a group in order (a story's documents, a cluster's claims): ``group`` and
    ``member`` are (column, the ``table.id`` it refers to); a row is keyed by the pair, with its
    ``position`` in the group, and is deleted with either side."""
    (group_id, groups), (member_id, members) = group, member
    return Table(
        name,
        metadata,
        Column(group_id, String, ForeignKey(groups, ondelete="CASCADE"), nullable=False),
        Column(member_id, String, ForeignKey(members, ondelete="CASCADE"), nullable=False),
        Column("position", Integer, nullable=False),
        *items,
        PrimaryKeyConstraint(group_id, member_id),
    )


story_documents = _members(
    "story_documents",
    ("story_id", "stories.id"),
    ("document_id", "documents.id"),
    UniqueConstraint("document_id"),
)

claim_clusters = Table(
    "claim_clusters",
    metadata,
    Column("id", String, primary_key=True),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("label", Text, nullable=False),
    Column("measure", Text),
    Column("outlets", Integer, nullable=False),
    Column("independent_origins", Integer, nullable=False),
    Index(None, "story_id"),
)

# A claim's membership in a cluster, with the independent origin it was counted under.
cluster_claims = _members(
    "cluster_claims",
    ("cluster_id", "claim_clusters.id"),
    ("claim_id", "claims.id"),
    Column("origin_key", Text, nullable=False),
    Column("origin_name", Text, nullable=False),
    Column("origin_anonymous", Boolean, nullable=False),
    Index(None, "claim_id"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("story_id", String, ForeignKey("stories.id", ondelete="CASCADE")),
    Column("claim_a", String, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("claim_b", String, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("measure", Text),
    Column("why", Text, nullable=False),
    # a pair examined and declined (an update, a part and its whole …), kept with its reason (0004)
    Column("declined", Boolean, nullable=False, server_default=false()),
    # the rest of each side's claims, as JSON {"a": [claim ids], "b": [claim ids]} (0006)
    Column("also", Text),
    Index(None, "story_id"),
)

# What each counted quantity measures ("North Korean troops in Russia"): the key timelines group by.
claim_measures = Table(
    "claim_measures",
    metadata,
    Column("claim_id", String, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),  # the quantity's position in its claim
    Column("measure", Text, nullable=False),
    Column("date", Date),  # when the number holds: a resolved time in the claim, else publication
    PrimaryKeyConstraint("claim_id", "position"),
    Index(None, "measure"),
)

# Sentence vectors already computed, so a re-link only embeds new claims and documents.
link_vectors = Table(
    "link_vectors",
    metadata,
    Column("item", String, nullable=False),  # a claim or document id
    Column("method", String, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # float32, L2-normalised
    PrimaryKeyConstraint("item", "method"),
)

# Aliases users add with ``reportedly aliases add``: applied across documents at link time.
user_aliases = Table(
    "user_aliases",
    metadata,
    Column("alias", Text, primary_key=True),  # normalised (lower case, no leading "the")
    Column("shown", Text, nullable=False),  # as the user typed it
    Column("canonical", Text, nullable=False),
    Column("type", String(32)),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

# Recomputed now that the story tables are declared (counts() and tests read this).
TABLES = tuple(metadata.sorted_tables)
