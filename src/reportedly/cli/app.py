"""The Typer application every verb module registers on; it imports nothing of reportedly."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="reportedly",
    help="Turn news articles into an auditable ledger of attributed claims: who says what, "
    "through whom, how surely, with which numbers and dates.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
