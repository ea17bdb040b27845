"""Story threads and the places headlines name: a like event elsewhere, or one event told twice.

A headline that names a place the other report neither names nor holds a place inside of tells a
like event elsewhere, and such a pair needs a strong link to share a story. The gazetteer resolves
a name with the places around it, so one name can resolve to two entries in two reports of one
event; the rule compares names as well as entries. Sentences are our own.
"""

from __future__ import annotations

from datetime import date

from reportedly.link.corpus import DocItem
from reportedly.link.stories import elsewhere, headline_places
from reportedly.model import Document


def report(title: str, text: str) -> DocItem:
    doc = Document(text=text, title=title, outlet="Outlet", published=date(2024, 10, 30))
    return DocItem(doc, "Outlet")


def test_a_headline_place_resolved_alone_is_the_same_place_its_namesake_is_in_another_report() -> None:
    # Alone, the headline's "Valencia" is the largest place of that name; beside "Spain" in the
    # other report's opening it is Spain's. Both reports name the same word.
    protest = report(
        "Crowds march in Valencia over the flood response",
        "Thousands walked through the city centre on Saturday, carrying mud-stained placards.",
    )
    toll = report(
        "Flood deaths in Spain pass 200",
        "Rescue teams in Spain searched garages near Valencia as the toll climbed again on Friday.",
    )
    a, b = headline_places(protest), headline_places(toll)
    assert a[0] and {p.name for p in a[0]} == {"Valencia"}
    assert not elsewhere(a, b)


def test_a_headline_place_the_other_report_never_names_is_still_elsewhere() -> None:
    other = report(
        "Floods sweep through Murcia villages",
        "Rivers burst their banks overnight and cut off three villages, the regional service said.",
    )
    toll = report(
        "Flood deaths in Spain pass 200",
        "Rescue teams in Spain searched garages near Valencia as the toll climbed again on Friday.",
    )
    assert elsewhere(headline_places(other), headline_places(toll))
