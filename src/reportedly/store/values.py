"""Small pieces every part of the store uses: checking arguments, converting values, pages.

Arguments from callers (a stance typed on the command line, a date from a query string,
a page's limit) are checked here and refused with :class:`InvalidInput`; values read
from columns (times, dates) are turned into the JSON-ready strings the listings return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, func, select

from reportedly.store.errors import InvalidInput

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing: ``items`` from ``offset`` on, of ``total`` matching in all.

    The items have the type the matching listing returns (dicts for documents, claims,
    stories and measures; :class:`~reportedly.model.ClaimCluster` and
    :class:`~reportedly.model.Conflict` for clusters and conflicts).
    """

    items: list[T]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        """The page as the API serves it; model objects among the items become their ``to_dict()``."""
        items = [item.to_dict() if hasattr(item, "to_dict") else item for item in self.items]
        return {"items": items, "total": self.total, "limit": self.limit, "offset": self.offset}


def check_paging(limit: int | None, offset: int) -> None:
    """Refuse a negative limit or offset (``limit=None`` means no limit)."""
    if limit is not None and limit < 0 or offset < 0:
        raise InvalidInput("limit and offset must not be negative")


def enum_value(enum: type[E], value: str, what: str) -> str:
    """The stored value of ``value`` (any case, stray spaces allowed), or InvalidInput naming the choices."""
    try:
        return enum(str(value).strip().lower()).value
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise InvalidInput(f"unknown {what} {value!r}; expected one of: {choices}") from None


def as_date(value: date | str | None, what: str) -> date | None:
    """A date given as a date or as ``YYYY-MM-DD`` text; InvalidInput otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{what} {value!r} is not a date; use YYYY-MM-DD") from None


def iso(moment: datetime | None) -> str | None:
    """ISO time in UTC; SQLite hands back naive datetimes, which we stored as UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def day(value: Any) -> str | None:
    """A date column's value as ``YYYY-MM-DD`` (SQLite may hand back text for an aggregate)."""
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def by_code_point(conn: Connection, column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``column`` for ORDER BY in code-point order, the order Python sorts strings in.

    SQLite compares text byte by byte (UTF-8, so by code point) already; PostgreSQL sorts
    by the database's collation (``en_US`` puts "apple" before "Zeta"), so there the
    ``C`` collation is asked for. Listings sorted this way read the same on every database.
    """
    if conn.dialect.name == "postgresql":
        return column.collate("C")
    return column


def paged(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    """``query`` with LIMIT and OFFSET applied (``limit=None``: all from ``offset`` on)."""
    if limit is None and not offset:
        return query
    return query.limit(limit).offset(offset)


def count_rows(conn: Connection, query: Select[Any]) -> int:
    """How many rows ``query`` returns, counted by the database."""
    return conn.scalar(select(func.count()).select_from(query.subquery())) or 0
