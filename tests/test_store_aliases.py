"""store/aliases.py: entities and the names they go by, learnt from articles or added by users."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from reportedly.store import InvalidInput, NotFound, Store
from reportedly.store.aliases import alias_key, aliases_of, entities_named, entity_rows, user_alias_row
from test_store import ledger_a, ledger_b


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "aliases.db") as s:
        s.save(ledger_a())
        s.save(ledger_b())
        yield s


@pytest.fixture
def conn(store: Store) -> Iterator[Connection]:
    with store.engine.connect() as c, c.begin():
        yield c


def test_entities_with_merged_aliases_and_claims_made_joined_or_relayed(conn: Connection) -> None:
    rows = entity_rows(conn)
    assert [e["name"].casefold() for e in rows] == sorted(e["name"].casefold() for e in rows)
    nis = next(e for e in rows if e["id"] == "nis")
    assert nis["aliases"] == sorted(nis["aliases"]) and "NIS" in nis["aliases"]
    assert "South Korea's spy agency" in nis["aliases"]  # learnt from the second article
    assert nis["claims"] == 4  # a-0, a-1 said; a-2 relayed; b-0 estimated
    assert next(e for e in rows if e["id"] == "south-korea")["claims"] == 1  # jointly
    assert aliases_of(conn, ["nis"]) == {"nis": nis["aliases"]}
    assert aliases_of(conn, []) == {}


def test_a_name_means_the_entities_it_is_the_id_name_or_alias_of(conn: Connection) -> None:
    assert entities_named(conn, "  nis ") == {"nis"}
    assert entities_named(conn, "NATIONAL INTELLIGENCE SERVICE") == {"nis"}
    assert entities_named(conn, "south korea's SPY agency") == {"nis"}
    assert entities_named(conn, "south-korea") == {"south-korea"}
    assert entities_named(conn, "Seoul") == set()


def test_alias_keys_ignore_case_spacing_apostrophes_and_a_leading_the() -> None:
    assert alias_key("  The  South’s Spy Agency ") == "south's spy agency"
    assert alias_key("Theatre Guild") == "theatre guild"


def test_user_aliases_are_added_replaced_listed_and_removed(store: Store) -> None:
    store.add_user_alias("The South’s spy agency", "National Intelligence Service", "agency")
    store.add_user_alias("Zeta", "apple")
    store.add_user_alias("south's Spy Agency", "NIS")  # the same key: replaces the first
    assert store.user_aliases() == {"south's spy agency": ("NIS", None), "zeta": ("apple", None)}
    listed = store.user_alias_rows()
    assert [(r["alias"], r["canonical"]) for r in listed] == [
        ("south's Spy Agency", "NIS"),
        ("Zeta", "apple"),
    ]
    assert listed[0]["added_at"].endswith("+00:00")
    store.remove_user_alias("THE south's spy agency")
    with pytest.raises(NotFound, match="no user alias 'x'; list them with: reportedly aliases --user"):
        store.remove_user_alias("x")
    assert list(store.user_aliases()) == ["zeta"]


@pytest.mark.parametrize(
    ("alias", "canonical", "type_", "message"),
    [
        (" ", "NIS", None, "must both be non-empty"),
        ("spies", "  ", None, "must both be non-empty"),
        ("spies", "NIS", "spooks", "unknown entity type 'spooks'"),
    ],
)
def test_bad_user_aliases_are_invalid_input(
    alias: str, canonical: str, type_: str | None, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        user_alias_row(alias, canonical, type_)


def test_a_user_alias_row() -> None:
    row = user_alias_row(" Seoul's spies ", " NIS ", "AGENCY")
    assert {k: row[k] for k in ("alias", "shown", "canonical", "type")} == {
        "alias": "seoul's spies",
        "shown": "Seoul's spies",
        "canonical": "NIS",
        "type": "agency",
    }
