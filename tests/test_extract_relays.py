"""A newsroom credited after another speaker's words is a relay, not the origin."""

from __future__ import annotations

from reportedly import analyze


def _chains(text: str) -> dict[str, list[str]]:
    """Each claim's content -> its chain's entity names, nearest the reader first."""
    return {
        " / ".join(s.text for s in c.content): [link.entity.name for link in c.chain]
        for c in analyze(text).claims
    }


def test_a_denial_credited_to_a_newsroom_keeps_its_speaker_as_the_origin() -> None:
    chains = _chains("The mayor denied any wrongdoing, CNN reported.")
    assert chains["any wrongdoing"] == ["CNN", "mayor"]


def test_according_to_a_newsroom_after_a_statement_puts_the_newsroom_nearest_the_reader() -> None:
    chains = _chains("The relief office said 200 homes were lost, according to CNN.")
    assert chains["200 homes were lost"] == ["CNN", "relief office"]


def test_a_speaker_after_the_frame_is_not_taken_for_a_relayed_one() -> None:
    # the outer cue comes first: nothing inside it is rescued as a relayed statement
    chains = _chains("The pilot added that it is likely that the storm will continue to batter the coast.")
    assert all("storm" not in chain for chain in chains.values())
