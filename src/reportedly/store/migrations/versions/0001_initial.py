"""Initial schema: documents, entities, claims and their parts, ingest errors.

Revision ID: 0001
Revises:
Create Date: 2024-11-25

Written out by hand rather than from ``schema.metadata`` so that the revision
stays what it was when later revisions change the metadata.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("subtitle", sa.Text()),
        sa.Column("outlet", sa.String()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("dateline", sa.Text()),
        sa.Column("dateline_start", sa.Integer()),
        sa.Column("dateline_end", sa.Integer()),
        sa.Column("byline", sa.Text()),
        sa.Column("byline_start", sa.Integer()),
        sa.Column("byline_end", sa.Integer()),
        sa.Column("paragraphs", sa.Text(), nullable=False),
        sa.Column("sections", sa.Text(), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_entity_aliases_entity_id_entities", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entity_id", "alias", name="pk_entity_aliases"),
    )
    op.create_table(
        "document_entities",
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_entities_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name="fk_document_entities_entity_id_entities"
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name="pk_document_entities"),
        sa.UniqueConstraint("document_id", "entity_id", name="uq_document_entities_document_id_entity_id"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("stance", sa.String(32), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("inverted", sa.Boolean(), nullable=False),
        sa.Column("hedges", sa.Text(), nullable=False),
        sa.Column("cue_text", sa.Text(), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=False),
        sa.Column("cue_end", sa.Integer(), nullable=False),
        sa.Column("cue_lemma", sa.String(), nullable=False),
        sa.Column("source_text", sa.Text()),
        sa.Column("source_start", sa.Integer()),
        sa.Column("source_end", sa.Integer()),
        sa.Column("source_entity_id", sa.String()),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("content_spans", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer()),
        sa.Column("sentence_end", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_claims_document_id_documents", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["source_entity_id"], ["entities.id"], name="fk_claims_source_entity_id_entities"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.UniqueConstraint("document_id", "ordinal", name="uq_claims_document_id_ordinal"),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_source_entity_id", "claims", ["source_entity_id"])
    op.create_index("ix_claims_stance", "claims", ["stance"])
    op.create_table(
        "joint_sources",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_joint_sources_claim_id_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_joint_sources_entity_id_entities"),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_joint_sources"),
    )
    op.create_index("ix_joint_sources_entity_id", "joint_sources", ["entity_id"])
    op.create_table(
        "chain_links",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("mention_start", sa.Integer()),
        sa.Column("mention_end", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_chain_links_claim_id_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_chain_links_entity_id_entities"),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_chain_links"),
    )
    op.create_index("ix_chain_links_entity_id", "chain_links", ["entity_id"])
    op.create_table(
        "quantities",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("low", sa.Float()),
        sa.Column("high", sa.Float()),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("unit", sa.String()),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.Column("attribute", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_quantities_claim_id_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_quantities"),
    )
    op.create_table(
        "time_expressions",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("resolved", sa.String()),
        sa.Column("granularity", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_time_expressions_claim_id_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_time_expressions"),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_errors"),
    )


def downgrade() -> None:
    for table in (
        "ingest_errors",
        "time_expressions",
        "quantities",
        "chain_links",
        "joint_sources",
        "claims",
        "document_entities",
        "entity_aliases",
        "entities",
        "documents",
    ):
        op.drop_table(table)
