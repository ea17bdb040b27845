"""The paragraph gate of ``benchmarks/encoder_gate_quality.py`` (issue 20, round 10; not shipped).

The gate's figures in BENCHMARKS.md rest on two properties checked here on text of ours: it
blanks exactly the paragraphs without a quotation mark, colon or reporting word, keeping every
offset, so the encoder's windows skip them and the words left keep their positions; and on a
paragraph with no cue the skip changes no claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from encoder_gate_quality import gated_text  # noqa: E402

from reportedly.extract import encoder as enc  # noqa: E402
from reportedly.nlp import load  # noqa: E402

PLAIN = "The ferry leaves the harbour at noon and returns before dusk."
SPOKEN = "The harbour master said the crossing would resume on Friday."
QUOTED = "“We will reopen the pier,” the mayor told the council."
TEXT = "\n".join([SPOKEN, PLAIN, QUOTED])


def test_gate_blanks_only_implausible_paragraphs_and_keeps_offsets() -> None:
    gated = gated_text(TEXT, load())
    assert len(gated) == len(TEXT)
    assert gated.split("\n") == [SPOKEN, " " * len(PLAIN), QUOTED]


def test_cue_vocabulary_gate_reads_a_paragraph_with_one_of_its_words() -> None:
    gated = gated_text(TEXT, load(), words={"leaves"})
    assert gated.split("\n") == [" " * len(SPOKEN), PLAIN, QUOTED]  # a quotation mark is always read


def test_gated_windows_skip_the_blank_paragraph_at_the_same_offsets() -> None:
    full = [s for w in enc.windows(TEXT) for s in w.starts]
    gated = [s for w in enc.windows(gated_text(TEXT, load())) for s in w.starts]
    lo, hi = len(SPOKEN) + 1, len(SPOKEN) + 1 + len(PLAIN)
    assert not [s for s in gated if lo <= s < hi]
    assert gated == [s for s in full if not lo <= s < hi]


@pytest.mark.skipif(enc.load_encoder() is None, reason="the encoder is not installed")
def test_skipping_a_paragraph_without_a_cue_keeps_the_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reportedly

    def claims() -> list[str]:
        return [repr(c) for c in reportedly.analyze(TEXT).claims]

    read: list[str] = []

    def gated(text: str, max_len: int = enc.MAX_LEN) -> list[enc.Window]:
        read.append(gated_text(text, load()))
        return pack(read[-1], max_len)

    pack = enc.windows
    before = claims()
    monkeypatch.setattr(enc, "windows", gated)
    assert claims() == before
    assert read and PLAIN not in read[-1]  # the encoder did read the gated text
    assert before  # the two reported paragraphs do give claims
