"""Attribution spans learned from PolNeAR: two linear-chain CRFs over spaCy features.

The rules in :mod:`attribution` know the constructions of news attribution, but
news uses hundreds of cue words and annotators draw span boundaries by
conventions that rules only approximate (the comma inside a closing quote is
content; "has said" is a cue; an apposition belongs to the source). Two small
CRFs learn those from PolNeAR train, in the two-step design of BBC's Citron:

1. the **cue tagger** labels cue tokens (BIO) in each sentence;
2. the **span tagger** labels source and content tokens (BIO) around one cue,
   with features that describe each token *relative to that cue* (syntactic
   path, direction, distance, sentence offset, quotation).

Both are plain CRFsuite models (a few MB), trained by ``reportedly train``
(:mod:`reportedly.train.crf`) with a fixed configuration, and read here at
inference. The rest of the ledger (entities, chains, stance, numbers, dates)
is built on top of their spans exactly as for the rules.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc

from ..nlp import doc_text
from .cue_paths import TreeIndex, relations
from .encoder import WordTags
from .lexicon import REPORTING_VERBS
from .quotes import Quote, find_quotes
from .spans import root_of

MODEL_DIR = "models/attribution"
SPAN_WINDOW = 2  # sentences before and after the cue's sentence seen by the span tagger
#: Tokens the span tagger reads at most on each side of a cue. Five sentences of news are
#: far shorter (on the 84 PolNeAR dev articles the longest side is 120 tokens), but a
#: block without sentence ends (a paragraph of quotation fragments) is one sentence of
#: thousands of tokens, and reading all of it for each of its hundreds of cues made the
#: work grow with the square of the block.
SPAN_MAX_SIDE = 200
QUOTE_CHARS = frozenset('"“”„«»')


@dataclass(slots=True)
class BlockView:
    """Per-token arrays of one parsed block, computed once and shared by both taggers."""

    doc: Doc
    offset: int
    section: str
    sent_of: list[int]
    sent_bounds: list[tuple[int, int]]
    in_quote: list[bool]
    quote_of: list[int] = field(default_factory=list)
    base: list[list[str]] = field(default_factory=list)
    enc: list[tuple[str, str, str, str]] = field(default_factory=list)
    # token attributes as plain lists, by token index: the taggers read each token's neighbours
    # many times over, and every ``doc[i]`` builds a new Token object
    text: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    lemma: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    dep: list[str] = field(default_factory=list)
    ent: list[str] = field(default_factory=list)
    # the parse as indexes: each token's head, its subtree's first and last token, its children
    # and their relations
    head: list[int] = field(default_factory=list)
    left: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    child_deps: list[set[str]] = field(default_factory=list)
    # the encoder's words behind each token (-1: none), for its cue-conditioned pair head
    words: WordTags | None = None
    word_of: list[int] = field(default_factory=list)
    #: the parse numbered once per block, so a cue's relations read its window, not the block
    tree: TreeIndex = field(default_factory=lambda: TreeIndex([], [], [], []))
    #: each token's word and tag as its neighbours' span features name them, made on first use
    neighbour_feats: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None

    @classmethod
    def of(cls, doc: Doc, offset: int, section: str, words: WordTags | None = None) -> BlockView:
        n = len(doc)
        sent_of = [0] * n
        bounds = []
        for k, sent in enumerate(doc.sents):
            bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                sent_of[i] = k
        text = doc_text(doc)
        # one array read instead of a Token object per attribute access: building the view was a
        # tenth of the extraction time
        rows = doc.to_array(_ATTRS).tolist() if n else []
        strings = doc.vocab.strings
        idx = [r[_IDX] for r in rows]
        quotes = find_quotes(text)
        quote_of = quote_index(quotes, idx)
        in_quote = [q >= 0 for q in quote_of]
        view = cls(doc, offset, section, sent_of, bounds, in_quote, quote_of)
        view.text = [text[at : at + r[_LENGTH]] for at, r in zip(idx, rows, strict=True)]
        view.lower = [strings[r[_LOWER]] for r in rows]
        view.pos = [strings[r[_POS]] for r in rows]
        view.tag = [strings[r[_TAG]] for r in rows]
        view.dep = [strings[r[_DEP]] for r in rows]
        view.lemma = [strings[r[_LEMMA]].lower() for r in rows]
        view.ent = [strings[r[_ENT]] if r[_ENT] else "" for r in rows]
        # HEAD is stored as an unsigned offset from the token
        view.head = [i + (r[_HEAD] - 2**64 if r[_HEAD] >= 2**63 else r[_HEAD]) for i, r in enumerate(rows)]
        view.children = [[] for _ in range(n)]
        view.child_deps = [set() for _ in range(n)]
        view.left, view.right = list(range(n)), list(range(n))
        for j, h in enumerate(view.head):
            if h != j:
                view.children[h].append(j)
                view.child_deps[h].add(view.dep[j])
        # a subtree's edges (its extreme tokens), children before their heads: walking every
        # token up to its root cost the tree's depth per token, the block's length squared on a
        # chained quote-dense paragraph (issue 18)
        order = [j for j, h in enumerate(view.head) if h == j]
        for k in order:  # grows while read: heads before their children
            order.extend(view.children[k])
        for j in reversed(order):
            h = view.head[j]
            if h != j:
                view.left[h] = min(view.left[h], view.left[j])
                view.right[h] = max(view.right[h], view.right[j])
        view.tree = TreeIndex.of(view.head, view.children, order)
        if words is not None:
            ends = [at + max(1, len(t)) for at, t in zip(idx, view.text, strict=True)]
            spans = [(offset + a, offset + b) for a, b in zip(idx, ends, strict=True)]
            view.enc = words.readings(spans)
            if words.head is not None:
                view.words = words
                view.word_of = words.word_index(spans)
        view.base = [_token_features(i, view) for i in range(n)]
        return view


def quote_index(quotes: list[Quote], positions: list[int]) -> list[int]:
    """Per character position, the index of the quote whose text holds it, or -1.

    ``find_quotes`` gives quotes in text order that never overlap, so the only candidate
    is the last one starting at or before the position: a binary search per token
    rather than a scan of every quote (quadratic on a quote-dense block).
    """
    starts = [q.start for q in quotes]
    out = []
    for at in positions:
        k = bisect_right(starts, at) - 1
        out.append(k if k >= 0 and at < quotes[k].end else -1)
    return out


_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IDX, LENGTH]
_LOWER, _LEMMA, _POS, _TAG, _DEP, _HEAD, _ENT, _IDX, _LENGTH = range(len(_ATTRS))


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "XX"
    if text[:1].isupper():
        return "Xx"
    if text.isdigit():
        return "d"
    if text.islower():
        return "x"
    return "o"


def _token_features(i: int, view: BlockView) -> list[str]:
    lemma = view.lemma[i]
    head = view.head[i]
    feats = [
        "w=" + view.lower[i],
        "l=" + lemma,
        "p=" + view.pos[i],
        "t=" + view.tag[i],
        "d=" + view.dep[i],
        "s=" + _shape(view.text[i]),
        "hl=" + view.lemma[head],
        "hp=" + view.pos[head],
        "q=" + str(view.in_quote[i]),
    ]
    if lemma in REPORTING_VERBS:
        feats.append("lex=" + REPORTING_VERBS[lemma].value)
    if view.enc:
        cue, cue_tag, src, con = view.enc[i]
        feats += ["ec=" + cue, "et=" + cue_tag, "es=" + src, "en=" + con]
    if view.ent[i]:
        feats.append("e=" + view.ent[i])
    if view.text[i] in QUOTE_CHARS:
        feats.append("quotemark")
    kids = view.child_deps[i]
    for dep in ("ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "parataxis", "advcl", "agent"):
        if dep in kids:
            feats.append("has_" + dep)
    return feats


def cue_features(view: BlockView, start: int, end: int) -> list[list[str]]:
    """Features of tokens [start, end) (one sentence) for the cue tagger."""
    out = []
    has_quote = any(view.in_quote[start:end])
    quoted = [0]
    for i in range(start, end):
        quoted.append(quoted[-1] + (view.in_quote[i] or view.text[i] in QUOTE_CHARS))
    lemmas, deps = view.lemma, view.dep
    for i in range(start, end):
        feats = list(view.base[i])
        feats.append("sec=" + view.section)
        if i == start:
            feats.append("BOS")
        if i == end - 1:
            feats.append("EOS")
        for k in (-3, -2, -1, 1, 2, 3):
            j = i + k
            if start <= j < end:
                feats.append(f"{k}:w={view.lower[j]}")
                feats.append(f"{k}:p={view.pos[j]}")
                if abs(k) == 1:
                    if view.enc:
                        feats.append(f"{k}:ec={view.enc[j][0]}")
                    feats.append(f"{k}:d={deps[j]}")
                    feats.append(f"{k}:l={lemmas[j]}")
                    feats.append(f"{k}:q={view.in_quote[j]}")
        head = view.head[i]
        lemma = lemmas[i]
        feats.append("hd=" + deps[head])
        feats.append("l|hl=" + lemma + "|" + lemmas[head])
        feats.append("d|hd=" + deps[i] + "|" + deps[head])
        if has_quote:
            feats.append("sent_has_quote")
        if view.lower[i] == "according" and i + 1 < end and view.lower[i + 1] == "to":
            feats.append("according_to")
        feats.append("l|d=" + lemma + "|" + deps[i])
        left, right = view.left[i], view.right[i]
        if right > left and quoted[right + 1 - start] - quoted[left - start] > 0:
            feats.append("subtree_quote")
            feats.append("subtree_quote|p=" + view.pos[i])
        for child in view.children[i]:
            dep = deps[child]
            if dep in ("nsubj", "nsubjpass"):
                kind = view.ent[child] or view.pos[child]
                feats.append("subj=" + kind)
                feats.append("subj|l=" + kind + "|" + lemma)
            elif dep in ("ccomp", "parataxis", "xcomp"):
                feats.append("comp|l=" + dep + "|" + lemma)
        out.append(feats)
    return out


def _bucket(n: int) -> str:
    for limit in (1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "far"


def span_window(view: BlockView, cue: list[int]) -> tuple[int, int]:
    """Tokens [lo, hi) the span tagger reads for one cue: ``SPAN_WINDOW`` sentences either side,
    and at most ``SPAN_MAX_SIDE`` tokens before the cue's first token and after its last."""
    sent = view.sent_of[cue[0]]
    lo = view.sent_bounds[max(0, sent - SPAN_WINDOW)][0]
    hi = view.sent_bounds[min(len(view.sent_bounds) - 1, sent + SPAN_WINDOW)][1]
    return max(lo, min(cue) - SPAN_MAX_SIDE), min(hi, max(cue) + 1 + SPAN_MAX_SIDE)


#: ``"dist=" + side + _bucket(d)`` for d in 0..20 on each side (farther is ``far``): the span
#: features name every token's distance from its cue, hundreds of tokens per cue
_DIST = {side: tuple(f"dist={side}{_bucket(d)}" for d in range(21)) for side in "LR"}
_FAR = {side: f"dist={side}far" for side in "LR"}
_DEPTH = tuple(f"depth={d}" for d in range(5))


def _neighbours(view: BlockView) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each token's word and tag features as its right and its left neighbour sees them
    (``-1:w=…``, ``-1:p=…`` / ``1:w=…``, ``1:p=…``): the same for every cue of the block,
    so made once per block, when its first cue asks."""
    if view.neighbour_feats is None:
        lower, pos = view.lower, view.pos
        view.neighbour_feats = (
            [("-1:w=" + w, "-1:p=" + p) for w, p in zip(lower, pos, strict=True)],
            [("1:w=" + w, "1:p=" + p) for w, p in zip(lower, pos, strict=True)],
        )
    return view.neighbour_feats


def span_features(view: BlockView, cue: list[int], lo: int, hi: int) -> list[list[str]]:
    """Features of tokens [lo, hi) relative to one cue, for the source/content tagger.

    This runs for every token around every cue (a fifth of the analysis on news, most of it on
    a quote-dense paragraph), so the strings that do not depend on the token are made once per
    cue (``rel``'s, the distance buckets) or once per block (the neighbours' words and tags).
    Each token's features are those of :func:`_reference_span_features` in the same order
    (tests/test_learned_features.py): the CRF sums their weights in that order.
    """
    head = root_of(view.doc, cue)
    cue_set = set(cue)
    cue_sent = view.sent_of[head.i]
    first, last = min(cue), max(cue)
    cue_lemma = head.lemma_.lower()
    rels, depths, edges = relations(
        view.head, view.dep, view.left, view.right, view.tree, head.i, range(lo, hi), cue_set
    )
    near = _nearest_quotes(view, first, last)
    paired = _pair_readings(view, cue, lo, hi)
    base, dep, heads, in_quote, sent_of = view.base, view.dep, view.head, view.in_quote, view.sent_of
    quote_of, enc, word_of = view.quote_of, view.enc, view.word_of
    as_left, as_right = _neighbours(view)
    cl, rel_cl = "cl=" + cue_lemma, "|" + cue_lemma
    per_rel: dict[str, tuple[str, str, str, str, str]] = {}
    per_so: dict[int, tuple[str, str]] = {}
    out = []
    for i in range(lo, hi):
        if i in cue_set:
            feats = list(base[i])
            feats.append("CUE")
            out.append(feats)
            continue
        if i < first:
            side, dist = "L", first - i
        else:
            side, dist = "R", i - last
        so = sent_of[i] - cue_sent
        so_strs = per_so.get(so)
        if so_strs is None:
            s = str(so)
            so_strs = per_so[so] = ("so=" + s, s)
        at = i - lo
        rel = rels[at]
        r = per_rel.get(rel)
        if r is None:
            r = per_rel[rel] = (
                "rel=" + rel,
                "rel=" + rel + "|",
                "rel|d=" + rel + "|",
                "rel|cl=" + rel + rel_cl,
                "|" + rel,
            )
        q = str(in_quote[i])
        depth = depths[at]
        feats = [
            *base[i],
            "side=" + side,
            _DIST[side][dist] if 0 <= dist <= 20 else _FAR[side] if dist > 20 else _DIST[side][1],
            so_strs[0],
            r[0],
            r[1] + side,
            _DEPTH[depth] if depth < 5 else "depth=5",
            r[2] + dep[i],
            cl,
            "q|side=" + q + side,
            r[3],
            "hrel=" + dep[heads[i]] + r[4],
            "q|so=" + q + so_strs[1],
        ]
        if enc:
            _, _, src, con = enc[i]
            s = so_strs[1]
            feats += [
                "es|side=" + src + side,
                "en|so=" + con + s,
                "es|rel=" + src + rel,
                "en|rel=" + con + rel,
            ]
        if paired is not None:
            reading = paired.get(word_of[i])
            if reading is None:
                feats.append("pair=none")
            else:
                ps, pn, sb, nb = reading
                feats += ["ps=" + ps, "pn=" + pn, "psb=" + sb, "pnb=" + nb, "pn|ps=" + pn + ps]
                feats += ["pn|rel=" + pn + rel, "ps|rel=" + ps + rel]
                if i + 1 < hi and (nxt := paired.get(word_of[i + 1])) is not None:
                    feats.append("pn>pn=" + pn + nxt[1])
        edge = edges[at]
        if edge:
            feats.append("edge=" + edge)
            feats.append("edge|rel=" + edge + "|" + rel)
        qi = quote_of[i]
        if qi >= 0 and qi in near:
            feats.append("nearq=" + near[qi])
        if i > lo:
            feats += as_left[i - 1]
            other = rels[at - 1]
            feats.append("-1:rel=" + other)
            if other != rel:
                feats.append("-1:relchange")
                feats.append("-1:rel>" + other + "|" + rel)
            if i - 1 in cue_set:
                feats.append("-1:CUE")
        if i + 1 < hi:
            feats += as_right[i + 1]
            other = rels[at + 1]
            feats.append("1:rel=" + other)
            if other != rel:
                feats.append("1:relchange")
                feats.append("1:rel>" + other + "|" + rel)
            if i + 1 in cue_set:
                feats.append("1:CUE")
        out.append(feats)
    return out


def _pair_readings(
    view: BlockView, cue: list[int], lo: int, hi: int
) -> dict[int, tuple[str, str, str, str]] | None:
    """The pair head's reading of the words of tokens [lo, hi) against one cue: per word, source
    and content tag and their inside probabilities in fifths; ``None`` without a pair head."""
    if view.words is None:
        return None
    cue_words = sorted({view.word_of[i] for i in cue if view.word_of[i] >= 0})
    found = view.words.pair(cue_words)
    if found is None:
        return {}
    members, probs = found
    at = {w: k for k, w in enumerate(members)}
    wanted = [(w, at[w]) for w in {view.word_of[i] for i in range(lo, hi)} if w in at]
    rows = [k for _, k in wanted]
    inside = (5 * (1.0 - probs[rows, :, 0])).astype(int).clip(max=4).tolist()
    best = probs[rows].argmax(-1).tolist()
    tags = ("O", "B", "I")
    return {
        w: (tags[b[0]], tags[b[1]], str(p[0]), str(p[1]))
        for (w, _), b, p in zip(wanted, best, inside, strict=True)
    }


def _nearest_quotes(view: BlockView, first: int, last: int) -> dict[int, str]:
    """The quotations nearest the cue on each side within its sentence, by quote index."""
    sent = view.sent_of[first]
    lo, hi = view.sent_bounds[sent]
    found: dict[int, str] = {}
    for label, rng in (("L", range(first - 1, lo - 1, -1)), ("R", range(last + 1, hi))):
        for j in rng:
            q = view.quote_of[j]
            if q >= 0:
                found.setdefault(q, label)
                break
    return found


def bio_spans(labels: list[str], kind: str, offset: int = 0) -> list[list[int]]:
    """Token index runs labelled ``B-kind``/``I-kind`` (an orphan ``I`` opens a span)."""
    spans: list[list[int]] = []
    current: list[int] | None = None
    for n, label in enumerate(labels):
        if label == f"B-{kind}" or (label == f"I-{kind}" and current is None):
            current = [n + offset]
            spans.append(current)
        elif label == f"I-{kind}" and current is not None:
            current.append(n + offset)
        else:
            current = None
    return spans


@dataclass(slots=True)
class Relation:
    """A learned attribution in one block: token indices of cue, source and content."""

    cue: list[int]
    source: list[int]
    content: list[list[int]]


class AttributionModel:
    """The two taggers, loaded from a model folder (``cue.crfsuite``, ``span.crfsuite``, ``meta.json``)."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open(str(path / "cue.crfsuite"))
        self.span_tagger = pycrfsuite.Tagger()
        self.span_tagger.open(str(path / "span.crfsuite"))

    def predict(self, view: BlockView) -> list[Relation]:
        """Relations of one block (built with the encoder's reading when the model was trained on it)."""
        relations = []
        for start, end in view.sent_bounds:
            for cue in self._cues(view, start, end):
                relation = self._spans(view, cue)
                if relation.content:
                    relations.append(relation)
        return relations

    def lead_in(self, view: BlockView) -> Relation | None:
        """The last cue of the block's last sentence, with its source but no content.

        For a paragraph that ends with a colon and introduces the next one (``He
        said:`` before a quotation): the span tagger sees one block, so it finds no
        content there, and :meth:`predict` drops such a cue.
        """
        if not view.sent_bounds:
            return None
        cues = self._cues(view, *view.sent_bounds[-1])
        return self._spans(view, cues[-1]) if cues else None

    def _cues(self, view: BlockView, start: int, end: int) -> list[list[int]]:
        labels = self.cue_tagger.tag(cue_features(view, start, end))
        threshold = self.meta.get("cue_threshold")
        if threshold is not None:
            labels = self._by_marginals(labels, threshold)
        return bio_spans(labels, "CUE", start)

    def _spans(self, view: BlockView, cue: list[int]) -> Relation:
        lo, hi = span_window(view, cue)
        tags = self.span_tagger.tag(span_features(view, cue, lo, hi))
        sources = bio_spans(tags, "SRC", lo)
        source = min(sources, key=lambda s: min(abs(s[0] - cue[0]), abs(s[-1] - cue[0])), default=[])
        return Relation(cue, source, bio_spans(tags, "CON", lo))

    def _by_marginals(self, labels: list[str], threshold: float) -> list[str]:
        """Cue labels from per-token marginals: trades Viterbi's caution for recall at ``threshold``."""
        tagger = self.cue_tagger
        out = []
        for n in range(len(labels)):
            begin = tagger.marginal("B-CUE", n)
            inside = tagger.marginal("I-CUE", n)
            if inside >= threshold and out and out[-1] != "O":
                out.append("I-CUE")
            elif begin + inside >= threshold:
                out.append("B-CUE")
            else:
                out.append("O")
        return out


def default_model_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / MODEL_DIR))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> AttributionModel | None:
    """The shipped model, or ``None`` when it is absent (the rules then work alone)."""
    folder = Path(path) if path else default_model_path()
    if not (folder / "meta.json").exists():
        return None
    return AttributionModel(folder)
