"""Non-denials on claims.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

``claims.not_denied`` flags a non-denial ("has not denied", "did not dispute"):
its stance is ``no_comment``, never ``denied`` (GLOSSARY.md), and the flag keeps
what a fact-checker needs to tell it from a plain refusal. Ledgers stored before
this revision read False: they are re-read only when analysed again. An added
column with a default, so an existing store upgrades in place; on SQLite the FTS
views of 0003 do not read it and are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # idempotent like 0004: a store whose version row was rewound may hold the column already
    have = sa.inspect(op.get_bind())
    if "not_denied" not in {c["name"] for c in have.get_columns("claims")}:
        op.add_column(
            "claims", sa.Column("not_denied", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("not_denied")
