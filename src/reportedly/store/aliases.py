"""Entities and the names they go by: aliases learnt from articles, and aliases users add.

Aliases in ``entity_aliases`` come from the ledgers (an entity seen as "the NIS" in one
article and "Seoul's spy agency" in another); ``user_aliases`` holds what people added with
``reportedly aliases add``, applied by the link stage across every document. The functions
here read and write both, and find which entities a name given by a user means.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, union

from reportedly.model import EntityType
from reportedly.store.errors import InvalidInput, NotFound
from reportedly.store.schema import chain_links, claims, entities, entity_aliases, joint_sources, user_aliases
from reportedly.store.values import enum_value, iso


def entity_rows(conn: Connection, ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Every entity as a dict: ``id``, ``name``, ``type``, ``anonymous``, ``aliases``, ``claims``;
    only those of ``ids`` when given (one entity's page need not read them all).

    ``claims`` counts the claims the entity made, joined or relayed. Sorted by name
    (case-folded) then id, in Python, so that every database lists them alike.
    """
    by_source = select(claims.c.source_entity_id.label("entity_id"), claims.c.id.label("claim_id")).where(
        claims.c.source_entity_id.is_not(None)
    )
    by_joint = select(joint_sources.c.entity_id, joint_sources.c.claim_id)
    by_chain = select(chain_links.c.entity_id, chain_links.c.claim_id)
    if ids is not None:
        by_source = by_source.where(claims.c.source_entity_id.in_(ids))
        by_joint = by_joint.where(joint_sources.c.entity_id.in_(ids))
        by_chain = by_chain.where(chain_links.c.entity_id.in_(ids))
    involved = union(by_source, by_joint, by_chain).subquery()
    counts = select(involved.c.entity_id, func.count().label("n")).group_by(involved.c.entity_id).subquery()
    query = select(entities, func.coalesce(counts.c.n, 0).label("claims")).select_from(
        entities.outerjoin(counts, counts.c.entity_id == entities.c.id)
    )
    if ids is not None:
        query = query.where(entities.c.id.in_(ids))
    rows = conn.execute(query).all()
    aliases = aliases_of(conn, ids)
    out = [
        {
            "id": r.id,
            "name": r.name,
            "type": r.type,
            "anonymous": bool(r.anonymous),
            "aliases": aliases.get(r.id, []),
            "claims": r.claims,
        }
        for r in rows
    ]
    out.sort(key=lambda e: (e["name"].casefold(), e["id"]))
    return out


def aliases_of(conn: Connection, ids: list[str] | None = None) -> dict[str, list[str]]:
    """Entity id -> its aliases learnt from articles, sorted; for ``ids`` only when given."""
    query = select(entity_aliases).order_by(entity_aliases.c.entity_id, entity_aliases.c.alias)
    if ids is not None:
        query = query.where(entity_aliases.c.entity_id.in_(ids))
    out: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(query):
        out[r.entity_id].append(r.alias)
    return {k: sorted(v) for k, v in out.items()}


def entities_named(conn: Connection, name: str, *, user: bool = True) -> set[str]:
    """The ids of the entities whose id, name or alias is ``name`` (case-insensitively), and,
    when ``name`` is an alias a user added (``reportedly aliases add``), those its canonical
    name names: what a user said an alias means holds when they look claims up by it too.

    Names are compared with Python's casefold rather than SQL ``lower()``, which SQLite
    applies to ASCII only; the entity tables are small enough to scan.
    """
    key = name.strip().casefold()
    ids = {
        r.id
        for r in conn.execute(select(entities.c.id, entities.c.name))
        if key in (r.id.casefold(), r.name.casefold())
    }
    ids |= {r.entity_id for r in conn.execute(select(entity_aliases)) if r.alias.casefold() == key}
    added = user_alias_map(conn).get(alias_key(name)) if user else None
    if added is not None:
        ids |= entities_named(conn, added[0], user=False)
    return ids


# -- user aliases ---------------------------------------------------------------------


def alias_key(alias: str) -> str:
    """The lookup form of an alias: lower case, apostrophes unified, no leading "the"."""
    key = re.sub(r"\s+", " ", alias.replace("’", "'").strip().lower())
    return re.sub(r"^the ", "", key)


def user_alias_map(conn: Connection) -> dict[str, tuple[str, str | None]]:
    """Aliases users added: normalised alias -> (canonical name, entity type or None)."""
    return {r.alias: (r.canonical, r.type) for r in conn.execute(select(user_aliases))}


def user_alias_rows(conn: Connection) -> list[dict[str, Any]]:
    """Aliases users added as dicts (``alias`` as typed, ``canonical``, ``type``, ``added_at``).

    Sorted by canonical name then alias in code-point order, here rather than by ORDER BY:
    a PostgreSQL database sorts text by its collation and the listing should read the same
    on every database.
    """
    rows = sorted(conn.execute(select(user_aliases)), key=lambda r: (r.canonical, r.alias))
    return [
        {"alias": r.shown, "canonical": r.canonical, "type": r.type, "added_at": iso(r.added_at)}
        for r in rows
    ]


def user_alias_row(alias: str, canonical: str, type_: str | None) -> dict[str, Any]:
    """The row :func:`add_user_alias` writes; InvalidInput for an empty name or an unknown type."""
    key = alias_key(alias)
    if not key or not canonical.strip():
        raise InvalidInput("an alias and the name it stands for must both be non-empty")
    if type_ is not None:
        type_ = enum_value(EntityType, type_, "entity type")
    return {
        "alias": key,
        "shown": alias.strip(),
        "canonical": canonical.strip(),
        "type": type_,
        "added_at": datetime.now(UTC),
    }


def add_user_alias(conn: Connection, row: dict[str, Any]) -> None:
    """Store a row made by :func:`user_alias_row`, replacing an earlier entry for the same alias."""
    conn.execute(delete(user_aliases).where(user_aliases.c.alias == row["alias"]))
    conn.execute(insert(user_aliases), [row])


def remove_user_alias(conn: Connection, alias: str) -> None:
    """Forget an alias users added; NotFound when there is none."""
    result = conn.execute(delete(user_aliases).where(user_aliases.c.alias == alias_key(alias)))
    if result.rowcount == 0:
        raise NotFound("user alias", alias, "list them with: reportedly aliases --user")
