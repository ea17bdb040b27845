"""Pronouns resolved to the nearest person they can stand for (reportedly.extract.pronouns)."""

from __future__ import annotations

from reportedly import analyze
from reportedly.extract.pronouns import Genders


def _sources(text: str) -> dict[str, str]:
    """Each claim's first content words -> the name of the entity it is credited to."""
    return {
        c.content[0].text.split()[-1].strip(".,"): c.source.entity.name
        for c in analyze(text).claims
        if c.content and c.source is not None and c.source.entity is not None
    }


def test_she_skips_the_man_a_he_already_stood_for() -> None:
    text = (
        "Anna Kowal, the board's chair, said the dam was sound. Tom Baker said repairs would start "
        'in May. "We are ready," he told reporters. On Monday she said the gates were shut.'
    )
    got = _sources(text)
    assert got["shut"] == "Anna Kowal"
    assert got["May"] == "Tom Baker"


def test_an_honorific_says_which_pronoun_fits() -> None:
    text = (
        "Mr Lee, a pilot, said the river was high. Ms Park said the town was dry. "
        "Later he said the bridge was open."
    )
    assert _sources(text)["open"] == "Lee"


def test_the_first_pronoun_used_for_a_person_is_kept_and_nothing_known_fits_either() -> None:
    g = Genders()
    assert g.fits("she", "Tom Baker") and g.fits("he", "Tom Baker")
    g.note("he", "Tom Baker")
    g.note("she", "Baker")  # a later misreading does not overturn what the text said first
    assert g.fits("he", "Baker") and not g.fits("she", "Mr. Tom Baker's")
    assert g.fits("they", "Baker")
    g.learn_name("said ", "Ms Roe")
    g.learn_name("told Mrs. ", "Jane Doe")
    assert not g.fits("he", "Roe") and not g.fits("him", "Jane Doe") and g.fits("her", "Doe")


def test_the_official_and_the_officer_refer_to_the_person_introduced_with_that_role() -> None:
    text = (
        "Raj Patel, a senior railway official, said the signal had failed. The official said 40 staff "
        "were on duty. Police officer Dan Cole said the road was shut. The officer said two cars were hit."
    )
    got = _sources(text)
    assert got["duty"] == "Raj Patel" and got["hit"] == "Dan Cole"
