"""Typed measures on quantities, declined conflict pairs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

``quantities.measure`` holds what a counted quantity measures (the typed
:class:`~reportedly.model.Measure`, as JSON: what, unit, subject, place,
qualifier, scope, as-of day). Ledgers stored before this revision have none:
their numbers are not put in series until they are analysed again.
``conflicts.declined`` marks pairs the link run examined and declined (an
update, a part and its whole …), kept with their reason. Both are added
columns with defaults, so an existing store upgrades in place; on SQLite the
FTS views of 0003 do not read these columns and are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a store whose version row was rewound by hand (or restored from a copy) may hold the
    # columns already: add only what is missing
    have = sa.inspect(op.get_bind())
    if "measure" not in {c["name"] for c in have.get_columns("quantities")}:
        op.add_column("quantities", sa.Column("measure", sa.Text(), nullable=True))
    if "declined" not in {c["name"] for c in have.get_columns("conflicts")}:
        op.add_column(
            "conflicts", sa.Column("declined", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("conflicts") as batch:
        batch.drop_column("declined")
    with op.batch_alter_table("quantities") as batch:
        batch.drop_column("measure")
