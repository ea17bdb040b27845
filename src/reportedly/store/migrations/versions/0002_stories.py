"""Stories: link runs, stories, claim clusters, conflicts, measures, cached vectors, user aliases.

Revision ID: 0002
Revises: 0001
Create Date: 2024-11-27

Only new tables: the ledger tables of 0001 are untouched, so upgrading an
existing store is instant and its ledgers are unchanged. Everything but
``user_aliases`` is derived data that ``reportedly link`` rebuilds.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_runs"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("first", sa.Date()),
        sa.Column("last", sa.Date()),
        sa.Column("entities", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "story_documents",
        sa.Column("story_id", sa.String(), nullable=False),
        sa.Column("document_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_story_documents_story_id_stories", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_story_documents_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("story_id", "document_id", name="pk_story_documents"),
        sa.UniqueConstraint("document_id", name="uq_story_documents_document_id"),
    )
    op.create_table(
        "claim_clusters",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("story_id", sa.String(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text()),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("independent_origins", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_claim_clusters_story_id_stories", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claim_clusters"),
    )
    op.create_index("ix_claim_clusters_story_id", "claim_clusters", ["story_id"])
    op.create_table(
        "cluster_claims",
        sa.Column("cluster_id", sa.String(), nullable=False),
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("origin_key", sa.Text(), nullable=False),
        sa.Column("origin_name", sa.Text(), nullable=False),
        sa.Column("origin_anonymous", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["claim_clusters.id"],
            name="fk_cluster_claims_cluster_id_claim_clusters",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_cluster_claims_claim_id_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("cluster_id", "claim_id", name="pk_cluster_claims"),
    )
    op.create_index("ix_cluster_claims_claim_id", "cluster_claims", ["claim_id"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("story_id", sa.String()),
        sa.Column("claim_a", sa.String(), nullable=False),
        sa.Column("claim_b", sa.String(), nullable=False),
        sa.Column("measure", sa.Text()),
        sa.Column("why", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_conflicts_story_id_stories", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["claim_a"], ["claims.id"], name="fk_conflicts_claim_a_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["claim_b"], ["claims.id"], name="fk_conflicts_claim_b_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_conflicts"),
    )
    op.create_index("ix_conflicts_story_id", "conflicts", ["story_id"])
    op.create_table(
        "claim_measures",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("date", sa.Date()),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_claim_measures_claim_id_claims", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name="pk_claim_measures"),
    )
    op.create_index("ix_claim_measures_measure", "claim_measures", ["measure"])
    op.create_table(
        "link_vectors",
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("item", "method", name="pk_link_vectors"),
    )
    op.create_table(
        "user_aliases",
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32)),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("alias", name="pk_user_aliases"),
    )


def downgrade() -> None:
    for table in (
        "user_aliases",
        "link_vectors",
        "claim_measures",
        "conflicts",
        "cluster_claims",
        "claim_clusters",
        "story_documents",
        "stories",
        "link_runs",
    ):
        op.drop_table(table)
