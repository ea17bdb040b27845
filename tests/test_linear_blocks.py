"""Work within one block grows with the block, not with its square (issue 18).

A paragraph of quotation fragments is one sentence of thousands of tokens with hundreds of
reporting verbs and numbers, so any step that compares every claim or number of a block with
every other grows with the square of the block. The two that did (a draft's "made someone
speak" test, a sentence's taken number ranges) now read by position: each is checked here
against the old scan on random input, and the whole analysis is checked by counting the Python
calls it makes on one block and on a block four times longer (counts do not depend on the
machine's load, as timings do).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from reportedly.extract.drafts import Draft
from reportedly.extract.merge import makes_speak, speakers_by_start
from reportedly.extract.quantities import Taken
from reportedly.model import ClaimKind, Stance

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def _reference_makes_speak(draft: Draft, drafts: list[Draft], text: str) -> bool:
    """The test as it was: every draft of the block per draft."""
    if not draft.content:
        return False
    end = draft.content[-1][1]
    return any(
        other is not draft
        and other.source_span is not None
        and draft.cue[1] <= other.source_span[0] < other.cue[0] < end
        and not text[draft.cue[1] : other.source_span[0]].strip()
        and text[other.cue[0] : other.cue[1]].lower().startswith("to ")
        for other in drafts
    )


def test_makes_speak_by_source_start_is_the_scan() -> None:
    hits = 0
    for seed in range(40):
        rng = random.Random(seed)
        text = "".join(
            rng.choice(["to warn", " ", "\n", "led", "x", "  ", "To say", "\t"]) for _ in range(120)
        )
        n = len(text)
        tos = [k for k in range(n) if text.lower().startswith("to ", k)]
        drafts: list[Draft] = []
        for _ in range(rng.randint(1, 40)):
            a = rng.choice(tos) if tos and rng.random() < 0.5 else rng.randrange(n)
            b = min(n, a + rng.randint(1, 8))
            # the source often right after another draft's cue, past some white space
            s = drafts[-1].cue[1] + rng.randint(0, 3) if drafts and rng.random() < 0.6 else rng.randrange(n)
            content = [] if rng.random() < 0.1 else [(b, min(n, b + rng.randint(1, 60)))]
            source = None if rng.random() < 0.2 else (s, min(n, s + rng.randint(1, 6)))
            drafts.append(
                Draft(ClaimKind.INDIRECT, (a, b), "say", content, Stance.REPORTED, source_span=source)
            )
        rng.shuffle(drafts)
        by_source = speakers_by_start(drafts)
        for d in drafts:
            want = _reference_makes_speak(d, drafts, text)
            assert makes_speak(d, drafts, text, by_source) == want
            assert makes_speak(d, drafts, text) == want
            hits += want
    assert hits >= 5  # the random drafts reach the rule, not only its refusals


@pytest.mark.parametrize("seed", range(20))
def test_taken_ranges_answer_as_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    ranges: list[tuple[int, int]] = []
    for _ in range(rng.randint(0, 5)):  # times first, some long, some overlapping
        a = rng.randrange(200)
        ranges.append((a, a + rng.randint(0, 40)))
    taken = Taken(list(ranges))
    for _ in range(300):
        a = rng.randrange(220)
        b = a + rng.randint(0, 12)
        want = not any(a < e and s < b for s, e in ranges)
        assert taken.free(a, b) == want
        if rng.random() < 0.5:  # emitted, as a quantity, free or not
            c = a + rng.randint(0, 30)
            ranges.append((a, c))
            taken.add(a, c)


_COUNT = """
import cProfile, json, pstats, sys
sys.path.insert(0, sys.argv[1])
import reportedly
from bench_quote_fragments import fragments
reportedly.warm_up()
reportedly.analyze("Warming up in Paris, the tagger said.")
out = []
for n in (80, 320):
    profile = cProfile.Profile()
    profile.enable()
    reportedly.analyze("Officials spoke on Monday.\\n\\n" + fragments(n) + " end.")
    profile.disable()
    out.append([[list(k), v[1]] for k, v in pstats.Stats(profile).stats.items()])
print(json.dumps(out))
"""


def _calls_in_a_fresh_process() -> tuple[dict[tuple, int], dict[tuple, int]]:
    """Call counts of analysing 80 and 320 fragments, in a process of their own: in the whole
    suite, state other tests leave behind (threads, hooks) made the profiled run in this process
    crawl for many minutes, where the file alone takes seconds."""
    import json
    import subprocess
    import sys

    bench = str(Path(__file__).resolve().parents[1] / "benchmarks")
    run = subprocess.run(
        [sys.executable, "-c", _COUNT, bench], capture_output=True, text=True, timeout=600, check=True
    )
    small, large = (
        {tuple(k): n for k, n in rows} for rows in json.loads(run.stdout.strip().splitlines()[-1])
    )
    return small, large


def test_calls_grow_with_a_quote_dense_block_not_its_square() -> None:
    """80 and 320 fragments (one block and two): 4.08x the characters. Every function of ours
    called 400 times or more at the larger size is called at most 6x as often (a step that
    compared every claim or number of a block with every other grew 8.5x), and all calls about
    4x (4.04x). Builtins are left out: the longer paragraph is split into blocks, a search the
    shorter one does not need (re.Match.end 241 -> 1,711 calls)."""
    small, large = _calls_in_a_fresh_process()
    assert sum(large.values()) <= 4.4 * sum(small.values())
    ours = {k: n for k, n in large.items() if "/reportedly/" in k[0]}  # not spaCy's, not builtins
    grew = {k: (small.get(k, 0), n) for k, n in ours.items() if n >= 400 and n > 6 * small.get(k, 0)}
    assert not grew, f"calls that grew faster than the text: {grew}"
