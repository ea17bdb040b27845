"""store/search.py: claim filters become SQL conditions; search input is never query syntax.

Substring matching (the fallback where there is no FTS5 index) is exercised on
PostgreSQL in test_store_postgres.py; here the conditions run on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, select

from reportedly.store import InvalidInput, Store
from reportedly.store.schema import claims
from reportedly.store.search import (
    claim_conditions,
    count_claims,
    fts_query,
    has_search_index,
    search_condition,
    search_terms,
    source_condition,
)
from test_store import ledger_a, ledger_b


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    with Store(tmp_path / "search.db") as store:
        store.save(ledger_a())
        store.save(ledger_b())
        with store.engine.connect() as c, c.begin():
            yield c


def matching(conn: Connection, *conds) -> set[str]:  # noqa: ANN002 - SQL conditions
    return set(conn.scalars(select(claims.c.id).where(*conds)))


def test_search_box_words_are_quoted_and_the_last_is_a_prefix() -> None:
    assert search_terms('troops, "Kursk"*') == ["troops", "Kursk"]
    assert fts_query("troops Kursk") == '"troops" "Kursk"*'
    assert fts_query('NOT "x" NEAR(y)') == '"NOT" "x" "NEAR" "y"*'
    assert fts_query(" !! ") is None


def test_full_text_search_on_sqlite(conn: Connection) -> None:
    assert has_search_index(conn)
    assert matching(conn, search_condition(conn, "Kursk")) == {"a-1", "b-0"}
    assert matching(conn, search_condition(conn, "Kur")) == {"a-1", "b-0"}  # the last word as a prefix
    assert matching(conn, search_condition(conn, "fighting Kursk")) == {"a-1"}
    assert matching(conn, search_condition(conn, '"')) == set()  # nothing searchable: nothing found


def test_source_matches_speaker_joint_speaker_and_chain(conn: Connection) -> None:
    # a-2 was relayed through the NIS; b-0 names it by an alias ("South Korea's spy agency")
    assert matching(conn, source_condition(conn, "nis")) == {"a-0", "a-1", "a-2", "b-0"}
    assert matching(conn, source_condition(conn, "south-korea")) == {"b-1"}  # a joint speaker, by id
    assert matching(conn, source_condition(conn, "the russian EMBASSY")) == {"a-3"}  # an unresolved mention
    assert matching(conn, source_condition(conn, "nobody")) == set()


def test_filters_combine_and_check_their_values(conn: Connection) -> None:
    every = matching(conn)
    assert len(every) == 6
    conds = claim_conditions(conn, stance="ASSERTED ", document=ledger_a().document.id)
    assert matching(conn, *conds) == {"a-1"} and count_claims(conn, conds) == 1
    assert matching(conn, *claim_conditions(conn, documents=[ledger_b().document.id])) == {"b-0", "b-1"}
    chosen = claim_conditions(conn, claim_ids=["a-0", "b-1", "zz"], section="body", kind="indirect")
    assert matching(conn, *chosen) == {"a-0", "b-1"}
    assert matching(conn, *claim_conditions(conn, search="   ")) == every  # a blank search filters nothing
    assert count_claims(conn, []) == 6
    with pytest.raises(TypeError, match="document_ids"):  # a misspelt filter is an error, not "every claim"
        claim_conditions(conn, document_ids=["x"])  # type: ignore[call-arg]


def test_publication_dates_bound_the_articles(conn: Connection) -> None:
    published = {ledger_a().document.published, ledger_b().document.published}
    assert None not in published
    first = min(published)
    assert isinstance(first, date)
    only_first = matching(conn, *claim_conditions(conn, published_to=first.isoformat()))
    assert only_first == matching(conn, *claim_conditions(conn, published_from=first, published_to=first))
    assert only_first and only_first != matching(conn)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"stance": "sure"}, "unknown stance 'sure'; expected one of: confirmed, asserted"),
        ({"kind": "rumour"}, "unknown kind 'rumour'"),
        ({"section": "footer"}, "unknown section 'footer'"),
        ({"published_from": "2024-13-01"}, "published_from '2024-13-01' is not a date; use YYYY-MM-DD"),
        ({"published_to": "soon"}, "published_to 'soon' is not a date"),
    ],
)
def test_bad_filters_are_invalid_input(conn: Connection, filters: dict, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(")):
        claim_conditions(conn, **filters)
