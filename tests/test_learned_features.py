"""The span tagger's features, built faster, are the features as they were, in the same order.

The CRF sums the weights of a token's features in the order given, so the new builder must give
the same strings in the same order for every token around every cue: checked against the old
code, kept here verbatim, on text of our own (news sentences, a quote-dense paragraph, a cue
split by a word, far tokens), with and without the encoder's readings.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from reportedly.extract import encoder as enc
from reportedly.extract import learned
from reportedly.extract.learned import BlockView, span_features, span_window
from reportedly.extract.spans import root_of
from reportedly.ingest.layout import parse_layout
from reportedly.nlp import load
from reportedly.nlp.blocks import parse_many


def _reference_ancestors_of(heads: list[int], i: int) -> list[int]:
    """Token ``i`` and its heads up to the root, by index."""
    chain = [i]
    while heads[i] != i:
        i = heads[i]
        chain.append(i)
    return chain


def _reference_relation(
    view: BlockView, i: int, head: Token, head_pos: dict[int, int]
) -> tuple[str, int, str]:
    """How token ``i`` is connected to the cue head: relation name, depth and subtree edge marker.

    Reads the view's arrays, not spaCy tokens: this runs for every token around every cue.
    Walks up from ``i`` only as far as the first ancestor of the cue head (``head_pos``): the
    head itself when ``i`` hangs below it, else the lowest common ancestor. Walking on to the
    root made this quadratic in the depth of long parses (a paragraph of quotation fragments).
    """
    heads = view.head
    if i == head.i:
        anc = _reference_ancestors_of(heads, i)
        below = anc[-1]  # the cue head itself: its chain read as a full walk reads it
        edge = "first" if i == view.left[below] else "last" if i == view.right[below] else ""
        return "below:" + view.dep[below], 0, edge
    node, below, steps = i, -1, 0
    while node not in head_pos:
        up = heads[node]
        if up == node:
            return "nopath", 9, ""
        below, node, steps = node, up, steps + 1
    if steps == 0:
        return "above", head_pos[i], ""
    edge = ""
    if node == head.i:
        # the token hangs below the cue: through which child of the cue?
        rel = "below:" + view.dep[below]
        if i == view.left[below]:
            edge = "first"
        elif i == view.right[below]:
            edge = "last"
    else:
        rel = "side:" + view.dep[below] + ">" + str(min(head_pos[node], 3))
        if i == view.left[below]:
            edge = "sfirst"
        elif i == view.right[below]:
            edge = "slast"
    return rel, steps, edge


def _reference_span_features(view, cue, lo, hi):  # noqa: ANN001, ANN202, C901 - the old code, verbatim
    """The span features as they were built before round 8, one string at a time."""
    head = root_of(view.doc, cue)
    cue_set = set(cue)
    head_anc = _reference_ancestors_of(view.head, head.i)
    head_pos = {idx: n for n, idx in enumerate(head_anc)}
    cue_sent = view.sent_of[head.i]
    first, last = min(cue), max(cue)
    cue_lemma = head.lemma_.lower()
    rels: list[str] = []
    depths: list[int] = []
    edges: list[str] = []
    for i in range(lo, hi):
        rel, depth, edge = _reference_relation(view, i, head, head_pos)
        rels.append("CUE" if i in cue_set else rel)
        depths.append(depth)
        edges.append(edge)
    near = learned._nearest_quotes(view, first, last)
    paired = learned._pair_readings(view, cue, lo, hi)
    out = []
    for i in range(lo, hi):
        feats = list(view.base[i])
        if i in cue_set:
            feats.append("CUE")
            out.append(feats)
            continue
        side = "L" if i < first else "R"
        dist = first - i if i < first else i - last
        feats += [
            "side=" + side,
            "dist=" + side + learned._bucket(dist),
            "so=" + str(view.sent_of[i] - cue_sent),
        ]
        rel = rels[i - lo]
        feats += [
            "rel=" + rel,
            "rel=" + rel + "|" + side,
            "depth=" + str(min(depths[i - lo], 5)),
            "rel|d=" + rel + "|" + view.dep[i],
            "cl=" + cue_lemma,
            "q|side=" + str(view.in_quote[i]) + side,
            "rel|cl=" + rel + "|" + cue_lemma,
            "hrel=" + view.dep[view.head[i]] + "|" + rel,
            "q|so=" + str(view.in_quote[i]) + str(view.sent_of[i] - cue_sent),
        ]
        if view.enc:
            _, _, src, con = view.enc[i]
            so = str(view.sent_of[i] - cue_sent)
            feats += ["es|side=" + src + side, "en|so=" + con + so]
            feats += ["es|rel=" + src + rel, "en|rel=" + con + rel]
        if paired is not None:
            reading = paired.get(view.word_of[i])
            if reading is None:
                feats.append("pair=none")
            else:
                ps, pn, sb, nb = reading
                feats += ["ps=" + ps, "pn=" + pn, "psb=" + sb, "pnb=" + nb, "pn|ps=" + pn + ps]
                feats += ["pn|rel=" + pn + rel, "ps|rel=" + ps + rel]
                if i + 1 < hi and (nxt := paired.get(view.word_of[i + 1])) is not None:
                    feats.append("pn>pn=" + pn + nxt[1])
        if edges[i - lo]:
            feats.append("edge=" + edges[i - lo])
            feats.append("edge|rel=" + edges[i - lo] + "|" + rel)
        q = view.quote_of[i]
        if q >= 0 and q in near:
            feats.append("nearq=" + near[q])
        for k in (-1, 1):
            j = i + k
            if lo <= j < hi:
                feats.append(f"{k}:w={view.lower[j]}")
                feats.append(f"{k}:p={view.pos[j]}")
                feats.append(f"{k}:rel={rels[j - lo]}")
                if rels[j - lo] != rel:
                    feats.append(f"{k}:relchange")
                    feats.append(f"{k}:rel>{rels[j - lo]}|{rel}")
                if j in cue_set:
                    feats.append(f"{k}:CUE")
        out.append(feats)
    return out


TEXTS = [
    "The mayor said on Friday that the bridge would reopen in March, but the council denied that "
    "any money had been set aside. “We have not seen a plan,” a councillor told reporters. "
    "The ministry, according to two officials who asked not to be named, has warned the city "
    "repeatedly. Residents had long complained, the newspaper reported.",
    " ".join(
        f"\u201cStage {i} is done,\u201d the engineer said, \u201cand" + (" next\u201d" if i % 2 else "")
        for i in range(30)
    )
    + " end.",
    "He did not, she insisted, ever say that the money was gone; the auditors, however, "
    "have repeatedly said it was, and the firm's lawyers have since denied everything.",
]


def _views(with_encoder: bool) -> list[BlockView]:
    tagger = enc.load_encoder() if with_encoder else None
    views = []
    for text in TEXTS:
        words = tagger.tag(text) if tagger is not None else None
        for block in next(iter(parse_many([parse_layout(text)], load()))):
            views.append(BlockView.of(block.doc, block.offset, block.section.value, words))
    return views


@pytest.mark.parametrize("with_encoder", [True, False])
def test_span_features_are_the_old_features_in_the_old_order(with_encoder: bool) -> None:
    checked = 0
    for view in _views(with_encoder):
        n = len(view.doc)
        # every token as a one-token cue, and cues of two tokens split by a word ("has … said")
        cues = [[i] for i in range(n)] + [[i, i + 2] for i in range(0, n - 2, 7)]
        for cue in cues:
            lo, hi = span_window(view, cue)
            assert span_features(view, cue, lo, hi) == _reference_span_features(view, cue, lo, hi)
            # a narrower window than the tagger's own (its edges drop a neighbour's features)
            lo2, hi2 = max(lo, min(cue) - 3), min(hi, max(cue) + 4)
            assert span_features(view, cue, lo2, hi2) == _reference_span_features(view, cue, lo2, hi2)
            checked += 1
    assert checked > 500
