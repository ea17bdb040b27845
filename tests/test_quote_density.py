"""Quote-dense text: the quote pairing and the span tagger's per-token work stay (near) linear.

The faster code must give what the old, simpler code gave: each is checked against a
reference copy of the old implementation on random inputs, and the work on a paragraph of
quotation fragments is counted rather than timed, so the test does not depend on the load
of the machine.
"""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from reportedly.extract import learned
from reportedly.extract.cue_paths import TreeIndex, relations
from reportedly.extract.learned import quote_index
from reportedly.extract.quotes import CLOSERS, OPENERS, STRAIGHT, Quote, find_quotes


def _reference_find_quotes(text: str) -> list[Quote]:
    """The pairing as it was, with the list rebuilt on every inner pair (quadratic)."""
    quotes: list[Quote] = []
    stack: list[tuple[int, str]] = []
    inner: list[Quote] = []
    lead = len(text) - len(text.lstrip())
    for i, ch in enumerate(text):
        if i == lead and ch == "”" and text.count("”") >= 2:
            ch = "“"
        if stack:
            top = stack[-1][1]
            if (top == STRAIGHT and ch == STRAIGHT) or (top != STRAIGHT and ch in CLOSERS):
                at = stack.pop()[0]
                q = Quote(at, at + 1, i, i + 1)
                if stack:
                    inner = [p for p in inner if p.outer_end <= q.outer_start] + [q]
                else:
                    quotes.append(q)
                    inner = []
                continue
            if ch in OPENERS and top in OPENERS:
                stack.append((i, ch))
            continue
        if ch in OPENERS or ch == STRAIGHT:
            stack.append((i, ch))
    if stack:
        quotes.extend(inner)
        at = stack[-1][0]
        end = len(text.rstrip())
        if end - at > 1 and not any(p.outer_start > at for p in inner):
            quotes.append(Quote(at, at + 1, end, end, True))
    return sorted(quotes, key=lambda q: q.outer_start)


def _random_text(rng: random.Random, n: int) -> str:
    alphabet = ["“", "”", "„", "«", "»", '"', "a", "b", " ", " ", "x"]
    return "".join(rng.choice(alphabet) for _ in range(n))


@pytest.mark.parametrize("seed", range(300))
def test_pairing_matches_the_old_pairing(seed: int) -> None:
    rng = random.Random(seed)
    text = _random_text(rng, rng.randint(0, 60))
    assert find_quotes(text) == _reference_find_quotes(text)


@pytest.mark.parametrize("seed", range(300))
def test_quote_index_matches_a_scan_of_every_quote(seed: int) -> None:
    rng = random.Random(seed)
    text = _random_text(rng, rng.randint(0, 60))
    quotes = find_quotes(text)
    positions = list(range(len(text) + 1))
    scan = [next((k for k, q in enumerate(quotes) if q.start <= at < q.end), -1) for at in positions]
    assert quote_index(quotes, positions) == scan


def _ancestors_of(heads: list[int], i: int) -> list[int]:
    chain = [i]
    while heads[i] != i:
        i = heads[i]
        chain.append(i)
    return chain


def _reference_relation(view, i, head, head_pos):  # noqa: ANN001, ANN202 - the old code, verbatim
    anc = _ancestors_of(view.head, i)
    edge = ""
    if head.i in anc:
        below = anc[anc.index(head.i) - 1]
        rel = "below:" + view.dep[below]
        depth = anc.index(head.i)
        if i == view.left[below]:
            edge = "first"
        elif i == view.right[below]:
            edge = "last"
    elif i in head_pos:
        rel = "above"
        depth = head_pos[i]
    else:
        common = next((a for a in anc if a in head_pos), None)
        if common is None:
            rel = "nopath"
            depth = 9
        else:
            branch = anc[anc.index(common) - 1] if anc.index(common) > 0 else i
            rel = "side:" + view.dep[branch] + ">" + str(min(head_pos[common], 3))
            depth = anc.index(common)
            if i == view.left[branch]:
                edge = "sfirst"
            elif i == view.right[branch]:
                edge = "slast"
    return rel, depth, edge


def _random_forest(rng: random.Random, n: int) -> SimpleNamespace:
    """A block of one to three sentences, each a random dependency tree, as the view's arrays."""
    heads = list(range(n))
    cuts = sorted(rng.sample(range(1, n), min(n - 1, rng.randint(0, 2))))
    for lo, hi in zip([0, *cuts], [*cuts, n], strict=True):
        order = list(range(lo, hi))
        rng.shuffle(order)
        for k, tok in enumerate(order[1:], 1):
            heads[tok] = order[rng.randrange(k)]
    left, right = list(range(n)), list(range(n))
    for j in range(n):
        k = j
        while heads[k] != k:
            k = heads[k]
            left[k], right[k] = min(left[k], j), max(right[k], j)
    deps = [rng.choice(["nsubj", "ccomp", "dobj", "punct", "prep"]) for _ in range(n)]
    return SimpleNamespace(head=heads, dep=deps, left=left, right=right)


@pytest.mark.parametrize("seed", range(200))
def test_relation_matches_the_full_walk(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 40)
    view = _random_forest(rng, n)
    head = SimpleNamespace(i=rng.randrange(n))
    head_pos = {idx: k for k, idx in enumerate(_ancestors_of(view.head, head.i))}
    children: list[list[int]] = [[] for _ in range(n)]
    for j, h in enumerate(view.head):
        if h != j:
            children[h].append(j)
    order = [j for j, h in enumerate(view.head) if h == j]
    for k in order:
        order.extend(children[k])
    tree = TreeIndex.of(view.head, children, order)
    rels, depths, edges = relations(
        view.head, view.dep, view.left, view.right, tree, head.i, range(n), {head.i}
    )
    for i in range(n):
        if i == head.i:  # a cue token: named CUE, never read further
            assert rels[i] == "CUE"
            continue
        assert (rels[i], depths[i], edges[i]) == _reference_relation(view, i, head, head_pos)


def _best_of_three(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        find_quotes(text)
        best = min(best, time.process_time() - started)
    return best


def test_pairing_grows_linearly_with_unclosed_quote_density() -> None:
    # an opener never closed, then thousands of pairs inside it: the old pairing rebuilt its
    # list of inner pairs on every one of them (4x the pairs took 16x the time)
    small = "“He said " + "“no” and " * 5_000
    large = "“He said " + "“no” and " * 20_000
    assert len(find_quotes(large)) == 20_000
    assert _best_of_three(large) < 8 * max(_best_of_three(small), 1e-3)


def test_the_span_tagger_reads_a_bounded_window_in_a_sentence_without_end() -> None:
    # one "sentence" of 5,000 tokens (a block of quotation fragments): each cue's window is
    # capped, so the tagger's work per cue does not grow with the block
    n = 5_000
    view = SimpleNamespace(sent_of=[0] * n, sent_bounds=[(0, n)])
    for cue in ([10], [2_500, 2_501], [4_990]):
        lo, hi = learned.span_window(view, cue)
        assert lo <= min(cue) and max(cue) < hi
        assert hi - lo <= 2 * learned.SPAN_MAX_SIDE + len(cue)
    # a short block is read whole, as before
    short = SimpleNamespace(sent_of=[0] * 40 + [1] * 40, sent_bounds=[(0, 40), (40, 80)])
    assert learned.span_window(short, [45]) == (0, 80)


@pytest.mark.parametrize("text", ["", "One.", "Two words  \n\n", "  lead and trail ", "“Quoted,” he said.\n"])
def test_text_length_is_the_length_of_the_doc_text(text: str) -> None:
    import spacy

    from reportedly.extract.spans import _text_length

    doc = spacy.blank("en")(text)
    assert _text_length(doc) == len(doc.text)
    if len(doc) > 1:
        assert _text_length(doc[1:]) == len(doc[1:].text)


def test_enclosing_finds_every_range_holding_a_span_and_only_those() -> None:
    from reportedly.extract.spans import enclosing

    ranges = [(0, 100), (10, 20), (15, 60), (30, 40), (70, 80), (5, 12)]
    holding = enclosing(ranges)
    for start, end in [(16, 18), (35, 36), (11, 12), (75, 79), (90, 95), (0, 1), (100, 101)]:
        expected = [n for n, (a, b) in enumerate(ranges) if a <= start and end <= b]
        assert holding(start, end) == expected
    assert enclosing([])(3, 4) == []


@pytest.mark.parametrize("seed", range(200))
def test_ranges_answer_as_a_scan_of_every_range_does(seed: int) -> None:
    from reportedly.extract.spans import Ranges

    rng = random.Random(seed)
    ranges = []
    for _ in range(rng.randint(0, 12)):
        a = rng.randint(0, 40)
        ranges.append((a, a + rng.randint(-2, 15)))  # a few end before they start
    index = Ranges(ranges)
    for _ in range(20):
        s = rng.randint(-2, 50)
        e = s + rng.randint(0, 20)
        every = list(enumerate(ranges))
        assert index.holding(s, e) == [n for n, (a, b) in every if a <= s and e <= b]
        assert index.overlapping(s, e) == [n for n, (a, b) in every if a <= e and b >= s]
        assert index.starting_in(s, e) == [n for n, (a, _) in every if s <= a <= e]
        assert index.ending_in(s, e) == [n for n, (_, b) in every if s <= b <= e]
        spans = [(s, e), (e + 3, e + rng.randint(3, 12))][: rng.randint(1, 2)]
        for slack in (0, 1):
            expected = [n for n, (a, b) in every if any(x <= a and b <= y + slack for x, y in spans)]
            assert index.inside(spans, slack) == expected


def _reference_antecedent(self, pronoun, at):  # noqa: ANN001, ANN202 - the old code, verbatim
    from reportedly.extract import entities as e
    from reportedly.model import EntityType

    best_pos, best = -1, None
    for pos, ent in reversed(self.history):
        if pos >= at:
            continue
        if pos < at - e.PRONOUN_REACH:
            break  # mentions are in text order: none earlier is within reach
        fits = (
            (pronoun in e._PRONOUNS_PERSON and ent.type is EntityType.PERSON)
            or (pronoun in e._PRONOUNS_PLURAL and ent.type is not EntityType.PERSON)
            or (pronoun in e._PRONOUNS_THING and ent.type is not EntityType.PERSON and not e._plural(ent))
        )
        if fits:
            best_pos, best = pos, ent
            break
    for pos, text, label in reversed(self.candidates):
        if pos >= at or pos <= best_pos:
            continue
        if pos < at - e.PRONOUN_REACH:
            break
        if pronoun in e._PRONOUNS_PERSON and label == "PERSON":
            return self._named(text, label, at)
        if pronoun in e._PRONOUNS_PLURAL and label in {"PLURAL", "ORG", "NORP"}:
            if label == "PLURAL" and pos in self.spans:
                return self._resolve_one(self.spans[pos], at)[0]
            return self._named(text, label, at)
        if pronoun in e._PRONOUNS_THING and label in {"ORG", "GPE"}:
            return self._named(text, label, at)
    return self._touch(best, at) if best is not None else None


@pytest.mark.parametrize("seed", range(40))
def test_pronoun_antecedents_match_a_scan_of_every_mention(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mentions and names recorded out of text order (as a resolver records them), some out of
    reach: the indexed search answers every pronoun at every offset as the old scan did."""
    from reportedly.extract import entities
    from reportedly.model import Entity, EntityType

    class Probe(entities.EntityResolver):
        """Records as the resolver does; answers without recording, so both searches see one state."""

        def _named(self, text, label, at):  # noqa: ANN001, ANN202
            return ("named", text, label)

        def _resolve_one(self, mention, at):  # noqa: ANN001, ANN202
            return [("resolved", mention)]

        def _touch(self, entity, at):  # noqa: ANN001, ANN202
            return ("mention", entity.id)

    monkeypatch.setattr(entities, "PRONOUN_REACH", 60)
    rng = random.Random(seed)
    resolver = Probe("doc", "text")
    kinds = [
        (EntityType.PERSON, False, "Ann Lee"),
        (EntityType.UNKNOWN, True, "officials"),
        (EntityType.UNKNOWN, True, "she"),
        (EntityType.MEDIA_OUTLET, False, "Reuters"),
    ]
    here = 0
    for k in range(rng.randint(0, 120)):
        here += rng.randint(0, 9)
        pos = max(0, here + rng.randint(-25, 25))  # recorded roughly, not strictly, in text order
        if rng.random() < 0.5:
            etype, anonymous, name = rng.choice(kinds)
            entities.EntityResolver._touch(resolver, Entity(f"e{k}", name, etype, [], anonymous), pos)
        else:
            label = rng.choice(["PERSON", "ORG", "GPE", "NORP", "PLURAL"])
            resolver._candidate(pos, f"name {k}", label)
            if label == "PLURAL" and rng.random() < 0.5:
                resolver.spans[pos] = f"span {k}"
    for at in range(0, here + 40, 3):
        for pronoun in ("he", "she", "him", "her", "they", "them", "it"):
            assert resolver._antecedent_for_pronoun(pronoun, at) == _reference_antecedent(
                resolver, pronoun, at
            )


@pytest.mark.parametrize("seed", range(100))
def test_strict_overlap_by_position_is_the_scans(seed: int) -> None:
    """``overlapping(s + 1, e - 1)`` is the strict test ``a < e and s < b`` the merge, the outlet's
    claims and the quotation steps used to run against every range; and the resumed quotations'
    test (sorted, never overlapping) is the same test."""
    from reportedly.extract.spans import Ranges
    from reportedly.extract.steps.paragraphs import _overlaps

    rng = random.Random(seed)
    ranges = []
    for _ in range(rng.randint(0, 15)):
        a = rng.randint(0, 60)
        ranges.append((a, a + rng.randint(-2, 12)))
    index = Ranges(ranges)
    disjoint: list[tuple[int, int]] = []
    for a in sorted(rng.sample(range(0, 80, 4), rng.randint(0, 12))):
        disjoint.append((a, a + rng.randint(1, 4)))
    for _ in range(30):
        s = rng.randint(-2, 70)
        e = s + rng.randint(0, 15)
        assert index.overlapping(s + 1, e - 1) == [n for n, (a, b) in enumerate(ranges) if a < e and s < b]
        assert _overlaps(disjoint, s, e) == any(a < e and s < b for a, b in disjoint)


@pytest.mark.parametrize("seed", range(30))
def test_a_cues_encoder_window_is_found_as_a_comparison_with_every_word_found_it(seed: int) -> None:
    import numpy as np

    from reportedly.extract.encoder import WordTags

    class Head:
        def probs(self, projected, cue, dist):  # noqa: ANN001, ANN202 - what the head was given
            return projected, cue, dist

    rng = random.Random(seed)
    sizes = [rng.randint(0, 6) for _ in range(rng.randint(1, 6))]  # a window may hold no word
    window = np.asarray([n for n, k in enumerate(sizes) for _ in range(k)], dtype=np.int64)
    if not len(window):
        return
    words = len(window)
    tags = WordTags(list(range(words)), np.zeros((words, 3, 3)))
    tags.window, tags.head = window, Head()
    tags.hidden = np.arange(words * 2, dtype=float).reshape(words, 2)
    tags.position = np.asarray([rng.randint(1, 50) for _ in range(words)])
    tags.projected = [f"window {n}" for n in range(len(sizes))]
    for w in range(words):
        members, (projected, _, dist) = tags.pair([w])
        old = (window == window[w]).nonzero()[0]
        assert members == old.tolist()
        assert projected == f"window {window[w]}"
        assert dist.tolist() == (tags.position[old] - int(tags.position[w])).tolist()


def _fragments(n: int) -> str:
    """One paragraph of ``n`` quoted fragments, every other one left unclosed (the benchmark's)."""
    return " ".join(
        f"\u201cPart {i} went well,\u201d she said, \u201cand" + (" then\u201d" if i % 2 else "")
        for i in range(n)
    )


_ORDINARY = (
    "The minister, who spoke after the vote, said the port would reopen. “We are ready,” she told "
    "reporters in Odesa, adding that 40 cranes had been repaired. Officials, the agency reported, "
    "expect more ships — “perhaps 12 a day” — by March, though critics said that was optimistic."
)


@pytest.mark.parametrize("text", [_ORDINARY, _fragments(60)])
def test_the_subtree_walk_is_spacys_subtree(text: str) -> None:
    from reportedly.extract.spans import Subtrees, first_from
    from reportedly.nlp import load

    doc = load()(text)
    trees = Subtrees(doc)
    assert trees.valid
    view = learned.BlockView.of(doc, 0, "body")  # the learned taggers' arrays: the same edges
    for t in doc:
        assert trees.walk[trees.lo[t.i] : trees.hi[t.i]] == [x.i for x in t.subtree]
        assert (trees.low[t.i], trees.high[t.i]) == (t.left_edge.i, t.right_edge.i)
        assert (view.left[t.i], view.right[t.i]) == (t.left_edge.i, t.right_edge.i)
    for sent in doc.sents:
        for at in range(sent.start_char - 1, sent.end_char + 2):
            scan = next((t.i for t in sent if t.idx >= at), sent.end)
            assert first_from(sent, at) == scan


@pytest.mark.parametrize("text", [_ORDINARY, _fragments(40)])
def test_verbs_read_by_subtree_walk_find_what_token_lists_find(text: str) -> None:
    # the walk is used only where spaCy's subtrees agree with it; elsewhere the verbs finder lists
    # tokens as it always did. Both must give the same drafts.
    from passages import passages
    from reportedly.extract.finders.verbs import verb_attributions
    from reportedly.extract.spans import Subtrees

    def drafts(force_lists: bool) -> list[tuple]:
        out = []
        for passage in passages(text):
            if force_lists:
                passage._subtrees = Subtrees(passage.block.doc)
                passage._subtrees.valid = False
            for sent in passage.block.doc.sents:
                for d in verb_attributions(sent, passage):
                    out.append((d.kind, d.cue, d.content, d.source_span, [q.outer_start for q in d.quotes]))
        return out

    walked = drafts(force_lists=False)
    assert walked, "the text has reporting verbs"
    assert walked == drafts(force_lists=True)


_COUNT_READS = """
import cProfile, json, pstats, sys
import reportedly

reportedly.warm_up()
out = []
for text in json.loads(sys.stdin.read()):
    profile = cProfile.Profile()
    profile.enable()
    reportedly.analyze(text)
    profile.disable()
    stats = pstats.Stats(profile).stats
    out.append(sum(v[1] for (path, _, name), v in stats.items() if name == "cinit" and "token" in path))
print(json.dumps(out))
"""


def _token_reads(*texts: str) -> list[int]:
    """spaCy Token objects made while analysing each text: every token the code reads (a
    ``subtree``, ``children``, ``doc[i]``) makes one; counted by the profiler, not timed. In a
    fresh interpreter: inside a long test session the profiled analysis was seen to spin (hours
    of CPU at the call into ``analyze``) after other tests had run, never on its own."""
    import json
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _COUNT_READS],
        input=json.dumps(list(texts)),
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow  # two analyses under the profiler in a fresh interpreter: 10-20 s
def test_token_reads_grow_linearly_within_a_quote_dense_block() -> None:
    # 40 and 160 fragments are each one parser block (under 8,000 characters), one long chained
    # parse: a step that lists a verb's clause subtree, the sentence, or a number's ancestors per
    # cue reads ~block-length tokens per cue. Before the fix 4x the fragments read 12.8x the
    # tokens (listing each verb's clause alone 6.9x); now 4.05x.
    small, large = _token_reads(_fragments(40), _fragments(160))
    if small == 0:
        pytest.skip("this spaCy build does not report Token creation to the profiler")
    assert large <= 5 * small, (small, large)
