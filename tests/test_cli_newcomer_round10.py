"""The newcomer's trial, round 10: the story layer as a user sees it (stories, entities, story
pages). Our own sentences; each test failed before its fix."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.table import Table

import reportedly
from reportedly.cli.ledger import entity_table_rows
from reportedly.cli.output import keep_words
from reportedly.cli.stories import stories_table
from reportedly.model import EntityType, Ledger


def _ledger(text: str) -> Ledger:
    return reportedly.analyze("Harbour news\n\n" + text, published=date(2024, 3, 12))


def _names(ledger: Ledger) -> dict[str, EntityType]:
    return {e.name: e.type for e in ledger.entities}


def test_stories_at_80_columns_give_the_title_room_and_keep_the_id_whole() -> None:
    """At 80 columns the title column was 8 characters wide: one or two words a line."""
    row = {
        "id": "s-0123456789",
        "title": "Storm surge floods the old harbour as ferries stay in port for a third day",
        "first": "2024-03-12",
        "documents": 12,
        "outlets": ["a", "b", "c"],
        "clusters": 31,
        "conflicts": 2,
    }
    columns, cells = stories_table(80)
    table = Table(*columns, expand=True)
    table.add_row(*cells(row))
    console = Console(width=80, record=True)
    console.print(keep_words(table, 80))
    lines = console.export_text().splitlines()
    title_lines = [ln for ln in lines if "harbour" in ln or "Storm" in ln]
    assert title_lines and len(lines) <= 8, lines  # the title wraps over two or three lines, not nine
    assert any("s-0123456789" in ln for ln in lines)  # the id a user passes to 'story', unbroken
    assert any("12 docs" in ln for ln in lines) and any("2 conflicts" in ln for ln in lines)


def test_entities_table_lists_an_anonymous_description_once_with_its_documents() -> None:
    """Ten articles each citing "officials" listed ten identical "officials" rows."""
    rows = [
        {
            "id": f"officials@d{i}",
            "name": name,
            "type": "official_group",
            "anonymous": True,
            "aliases": [],
            "claims": 2,
        }
        for i, name in enumerate(["officials", "Officials", "officials"])
    ]
    rows.append({"id": "harbour-board", "name": "Harbour Board", "type": "agency", "anonymous": False,
                 "aliases": [], "claims": 1})  # fmt: skip
    shown = entity_table_rows(rows)
    assert [r["name"].lower() for r in shown] == ["officials", "harbour board"]
    assert shown[0]["documents"] == 3 and shown[0]["claims"] == 6
    assert len(rows) == 4  # the stored entities themselves (--json) are untouched


def test_coordinated_sources_are_split_into_their_conjuncts() -> None:
    """ "X and Y police have asked" and "told A, B and his supporters" were one entity each,
    named by the whole list."""
    ledger = _ledger(
        "The Coastal Bureau of Investigation and Ostria police have asked residents for photographs "
        "of the flooded district.\n\n"
        "On Monday, the mayor told Reuters, The Guardian and his online supporters that he expected "
        "the bridge to reopen by Friday."
    )
    names = _names(ledger)
    assert not [n for n in names if " and " in n or "," in n], names
    cited = _ledger("As of Monday, 85 people are still missing, harbour officials said, citing data "
                    "compiled by the Coastal Bureau and local authorities.")  # fmt: skip
    assert not [n for n in _names(cited) if " and " in n], _names(cited)
    asked = next(c for c in ledger.claims if "photographs" in c.content_text)
    assert asked.source is not None and asked.source.entity is not None
    assert {asked.source.entity.name, *(e.name for e in asked.source.joint)} == {
        "Coastal Bureau of Investigation",
        "Ostria police",
    }
    told = next(c for c in ledger.claims if "bridge" in c.content_text)
    assert [link.entity.name for link in told.chain] == ["Reuters", "mayor"]


def test_a_county_or_district_speaking_is_not_a_country() -> None:
    """ "County of Maui" was typed a country, and listed and counted as one."""
    ledger = _ledger(
        "The County of Ostria announced on Thursday that the mayor had resigned.\n\n"
        "Garvin County said on Monday that the coast road was closed.\n\n"
        "Ukraine said the bridge had been hit twice."
    )
    names = _names(ledger)
    assert names["County of Ostria"] is EntityType.GOVERNMENT, names
    assert names["Garvin County"] is EntityType.GOVERNMENT, names
    assert names["Ukraine"] is EntityType.COUNTRY, names


def test_a_figure_is_never_a_speaker() -> None:
    """ "The death toll is expected to rise" made "death toll" a source, then an origin."""
    ledger = _ledger(
        "The storm moved north overnight. The death toll is expected to continue to rise.\n\n"
        "The death toll from the storm stands at 61, but is expected to climb.\n\n"
        "The latest figures showed that 40 boats had sunk.\n\n"
        "Figures from the harbour authority showed that 12 piers had collapsed."
    )
    names = {n.lower() for n in _names(ledger)}
    assert not names & {"death toll", "latest figures", "figures"}, names
    piers = next(c for c in ledger.claims if "piers" in c.content_text)
    assert piers.source is not None and piers.source.entity is not None
    assert "harbour authority" in piers.source.entity.name.lower()


def test_the_half_word_at_the_end_of_a_cut_text_is_not_read() -> None:
    """A collected page ending "… who killed 1,400 Israe" counted "1,400 Israe"; the sentence's
    speaker and cue are whole and are still read."""
    text = (
        "The harbour master said the ferries would stay in port.\n\n"
        "The port has been closed since Oct. 7 and officials said on Tuesday that the storm had "
        "destroyed 300 homes along the coa"
    )
    ledger = _ledger(text)
    told = next(c for c in ledger.claims if "300 homes" in c.content_text)
    assert "coa" not in told.content_text.split()
    assert all("coa" not in q.text for c in ledger.claims for q in c.quantities)
    whole = _ledger(text + "st.")  # the same sentence finished is read to its end
    assert any(c.content_text.endswith("coast") for c in whole.claims)


def test_a_figure_that_ends_a_text_without_its_stop_is_kept() -> None:
    """A page that ends "… had risen to 2,445" with no final stop is not a word cut in two: the
    figure is the claim's number and stays read (a cut word, "coa", is still dropped above)."""
    text = (
        "The harbour master said the ferries would stay in port.\n\n"
        "Later in the evening the regional governor said that the number of homes destroyed by the "
        "storm had risen to 2,445"
    )
    ledger = _ledger(text)
    told = next(c for c in ledger.claims if "homes destroyed" in c.content_text)
    assert [q.value for q in told.quantities] == [2445]
