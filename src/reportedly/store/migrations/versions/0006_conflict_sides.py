"""The rest of each side's claims on conflicts.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

A conflict between two sides ("Russia's officials hold Ukraine responsible; Ukraine's deny it")
is shown on one claim of each side; ``conflicts.also`` keeps the others, as JSON
``{"a": [claim ids], "b": [claim ids]}``, so a reader (and the story scorer) sees every report
of each side. NULL where there are none, which is what conflicts stored before this revision
read until the store is linked again (the link fingerprint's revision relinks it on first read).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # idempotent like 0004 and 0005: a store whose version row was rewound may hold the column
    have = sa.inspect(op.get_bind())
    if "also" not in {c["name"] for c in have.get_columns("conflicts")}:
        op.add_column("conflicts", sa.Column("also", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_column("also")
