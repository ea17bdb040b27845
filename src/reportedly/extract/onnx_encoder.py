"""The shipped encoder run by ONNX Runtime instead of torch: same weights, same int8 arithmetic.

Why: torch costs a third of the analysis's memory (its own libraries, and a
float32 copy of the whole MiniLM built before it is quantised) and runs each
layer as a separate call. ONNX Runtime is made for CPU inference: it loads
only the int8 matrices from ``tagger.safetensors`` and fuses the graph.

The graph is built here, in memory, from the stored weights — there is no
second model file to keep in step with the first. Every linear layer repeats
what torch's dynamic int8 ``Linear`` does on x86 (fbgemm): the activations
quantised per tensor to unsigned 7 bits (``reduce_range``) with a zero point,
the weights per output row as stored, an integer product, then one float
scale per row and the bias. The readings therefore match torch's to float
rounding (``tests/test_onnx_encoder.py`` checks tags and probabilities), and
the CRFs, trained on torch's reading, see the same input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .encoder_input import WEIGHTS, base_model_dir, distance_buckets_np

HEADS = 12
EPS = 1e-12
CONTRIB = "com.microsoft"  # ONNX Runtime's own operators (``Gelu``)
QMAX = 127  # fbgemm's dynamic activations use 7 bits (reduce_range) so its int16 sums cannot overflow


class _Graph:
    """Writes ONNX nodes with unique names; the layers both graphs need are methods."""

    def __init__(self, state: dict[str, np.ndarray], reference: bool = False) -> None:
        from onnx import helper

        self.helper = helper
        self.state = state
        #: build the graph with the standard operators the fused ones replace (a test's reference)
        self.reference = reference
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self.n = 0
        self.zero = self.const("zero", np.array(0.0, dtype=np.float32))
        self.qmax = self.const("qmax", np.array(float(QMAX), dtype=np.float32))
        self.tiny = self.const("tiny", np.array(1e-12, dtype=np.float32))
        self._bytes: tuple[str, str] | None = None

    def bytes_range(self) -> tuple[str, str]:
        """0 and :data:`QMAX` as bytes, made on first use (an unused initializer draws a warning)."""
        if self._bytes is None:
            self._bytes = (
                self.const("zero8", np.array(0, dtype=np.uint8)),
                self.const("qmax8", np.array(QMAX, dtype=np.uint8)),
            )
        return self._bytes

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, inputs: list[str], **attrs: Any) -> str:
        self.n += 1
        out = f"{kind}_{self.n}"
        self.nodes.append(self.helper.make_node(kind, inputs, [out], **attrs))
        return out

    def linear(self, x: str, prefix: str) -> str:
        """torch's dynamic int8 ``Linear`` on x86: 7-bit activations quantised over the whole
        tensor, per-row int8 weights, an integer product, float scales, the bias."""
        from onnx import TensorProto

        state = self.state
        qweight = state[f"{prefix}.qweight"]  # (out, in)
        rows = qweight.shape[0]
        wzero = np.broadcast_to(state[f"{prefix}.qzero"].astype(np.int8).reshape(-1), (rows,))
        wscale = np.broadcast_to(_f32(state[f"{prefix}.qscale"]).reshape(-1), (rows,))
        w = self.const(f"{prefix}.wT", qweight.T.astype(np.int8))
        lo = self.op("Min", [self.op("ReduceMin", [x], keepdims=0), self.zero])
        hi = self.op("Max", [self.op("ReduceMax", [x], keepdims=0), self.zero])
        scale = self.op("Max", [self.op("Div", [self.op("Sub", [hi, lo]), self.qmax]), self.tiny])
        zp = self.op(
            "Clip", [self.op("Round", [self.op("Neg", [self.op("Div", [lo, scale])])]), self.zero, self.qmax]
        )
        zp8 = self.op("Cast", [zp], to=TensorProto.UINT8)
        if self.reference:
            rounded = self.op("Add", [self.op("Round", [self.op("Div", [x, scale])]), zp])
            q = self.op("Cast", [self.op("Clip", [rounded, self.zero, self.qmax])], to=TensorProto.UINT8)
        else:
            # round(x / scale) + zero point, clipped to 7 bits: ``QuantizeLinear`` divides and
            # rounds half to even as Div and Round do, in one pass over the tensor instead of four;
            # it saturates at 255, so the 7-bit ceiling is a Clip on the bytes (bit-identical
            # readings on every window of the PolNeAR dev texts: tests/test_onnx_encoder.py)
            zero8, qmax8 = self.bytes_range()
            q = self.op("Clip", [self.op("QuantizeLinear", [x, scale, zp8]), zero8, qmax8])
        acc = self.op("MatMulInteger", [q, w, zp8, self.const(f"{prefix}.wzero", wzero.copy())])
        scales = self.op("Mul", [scale, self.const(f"{prefix}.wscale", wscale.copy())])
        out = self.op("Mul", [self.op("Cast", [acc], to=TensorProto.FLOAT), scales])
        return self.op("Add", [out, self.const(f"{prefix}.bias", _f32(state[f"{prefix}.bias"]))])

    def layer_norm(self, x: str, prefix: str) -> str:
        w, b = (self.const(f"{prefix}.{p}", _f32(self.state[f"{prefix}.{p}"])) for p in ("weight", "bias"))
        return self.op("LayerNormalization", [x, w, b], axis=-1, epsilon=EPS)

    def gelu(self, x: str) -> str:
        """BERT's exact GELU, x · ½ (1 + erf(x / √2)), as ONNX Runtime's own ``Gelu`` kernel.

        One pass instead of five (Mul, Erf, Add, Mul, Mul): it computes the same products with
        the same erf, and its readings are bit-identical to the five operators' on every window
        of the PolNeAR dev texts (tests/test_onnx_encoder.py keeps the five as the reference).
        """
        if not self.reference:
            return self.op("Gelu", [x], domain=CONTRIB)
        n = self.n
        rsqrt2 = self.const(f"rsqrt2_{n}", np.array(1 / np.sqrt(2), dtype=np.float32))
        one, half = (
            self.const(f"{k}_{n}", np.array(v, dtype=np.float32)) for k, v in (("one", 1), ("half", 0.5))
        )
        inner = self.op("Add", [self.op("Erf", [self.op("Mul", [x, rsqrt2])]), one])
        return self.op("Mul", [self.op("Mul", [x, half]), inner])

    def model(
        self, inputs: list[tuple[str, int, list[Any]]], outputs: list[tuple[str, str, list[Any]]]
    ) -> bytes:
        """Serialize: ``inputs`` as (name, element type, shape), ``outputs`` as (node, name, shape)."""
        from onnx import TensorProto

        helper = self.helper
        for node, name, _ in outputs:
            self.nodes.append(helper.make_node("Identity", [node], [name]))
        graph = helper.make_graph(
            self.nodes,
            "reportedly-encoder",
            [helper.make_tensor_value_info(name, kind, shape) for name, kind, shape in inputs],
            [helper.make_tensor_value_info(name, TensorProto.FLOAT, shape) for _, name, shape in outputs],
            self.inits,
        )
        opsets = [helper.make_opsetid("", 17), helper.make_opsetid(CONTRIB, 1)]
        model = helper.make_model(graph, opset_imports=opsets)
        model.ir_version = 8
        return model.SerializeToString()


def _f32(a: np.ndarray) -> np.ndarray:
    return np.asarray(a, dtype=np.float32)


def encoder_graph(state: dict[str, np.ndarray], reference: bool = False) -> bytes:
    """The encoder and tagging head: word embeddings (T, H) in (looked up outside the graph,
    see :class:`OnnxTagger`), per subword the final state (T, H), the tag probabilities
    (T, 3, 3) and, with a pair head, the states through the pair head's ``tok`` (T, 128) out."""
    from onnx import TensorProto

    g = _Graph(state, reference)
    emb = "encoder.embeddings"
    table = state[f"{emb}.position_embeddings.weight"]
    width = table.shape[1]
    head_dim = width // HEADS
    x = "words"
    length = g.op("Shape", [x], end=1)
    axes0 = g.const("axes0", np.array([0], np.int64))
    positions = g.op(
        "Slice", [g.const("pos", _f32(table)), g.const("start0", np.array([0], np.int64)), length, axes0]
    )
    x = g.op(
        "Add",
        [
            g.op("Add", [x, positions]),
            g.const("type0", _f32(state[f"{emb}.token_type_embeddings.weight"][0])),
        ],
    )
    hidden = g.layer_norm(x, f"{emb}.LayerNorm")
    split = g.const("split_shape", np.array([0, HEADS, head_dim], dtype=np.int64))
    merge = g.const("merge_shape", np.array([0, width], dtype=np.int64))
    scale = g.const("attn_scale", np.array(1 / np.sqrt(head_dim), dtype=np.float32))
    layers = 1 + max(int(k.split(".")[3]) for k in state if k.startswith("encoder.encoder.layer."))
    for n in range(layers):
        p = f"encoder.encoder.layer.{n}"
        q, k, v = (
            g.op(
                "Transpose",
                [g.op("Reshape", [g.linear(hidden, f"{p}.attention.self.{name}"), split])],
                perm=perm,
            )
            for name, perm in (("query", [1, 0, 2]), ("key", [1, 2, 0]), ("value", [1, 0, 2]))
        )  # (heads, T, d), (heads, d, T), (heads, T, d)
        scores = g.op("Softmax", [g.op("Mul", [g.op("MatMul", [q, k]), scale])], axis=-1)
        context = g.op("Reshape", [g.op("Transpose", [g.op("MatMul", [scores, v])], perm=[1, 0, 2]), merge])
        attended = g.op("Add", [g.linear(context, f"{p}.attention.output.dense"), hidden])
        attended = g.layer_norm(attended, f"{p}.attention.output.LayerNorm")
        inner = g.gelu(g.linear(attended, f"{p}.intermediate.dense"))
        hidden = g.layer_norm(
            g.op("Add", [g.linear(inner, f"{p}.output.dense"), attended]), f"{p}.output.LayerNorm"
        )
    tag_shape = g.const("tag_shape", np.array([0, 3, 3], dtype=np.int64))
    probs = g.op("Softmax", [g.op("Reshape", [g.linear(hidden, "head"), tag_shape])], axis=-1)
    outputs = [(hidden, "hidden", [None, width]), (probs, "probs", [None, 3, 3])]
    if "pair.tok.qweight" in state:
        outputs.append(
            (g.linear(hidden, "pair.tok"), "projected", [None, state["pair.tok.qweight"].shape[0]])
        )
    return g.model([("words", TensorProto.FLOAT, [None, width])], outputs)


def pair_graph(state: dict[str, np.ndarray], reference: bool = False) -> bytes:
    """The pair head's reading of one cue: a window's projected states (T, 128), the cue's
    mean state (1, H) and each word's distance bucket (T,) in; probabilities (T, 2, 3) out."""
    from onnx import TensorProto

    g = _Graph(state, reference)
    dim = state["pair.tok.qweight"].shape[0]
    width = state["pair.cue.qweight"].shape[1]
    dist = g.op("Gather", [g.const("dist", _f32(state["pair.dist.weight"])), "bucket"])
    x = g.op("Add", [g.op("Add", ["projected", g.linear("cue", "pair.cue")]), dist])
    out = g.linear(g.gelu(x), "pair.out")
    shape = g.const("pair_shape", np.array([0, 2, 3], dtype=np.int64))
    probs = g.op("Softmax", [g.op("Reshape", [out, shape])], axis=-1)
    return g.model(
        [
            ("projected", TensorProto.FLOAT, [None, dim]),
            ("cue", TensorProto.FLOAT, [1, width]),
            ("bucket", TensorProto.INT64, [None]),
        ],
        [(probs, "probs", [None, 2, 3])],
    )


def mapped_tensor(file: Path, suffix: str) -> np.ndarray:
    """One tensor of a safetensors file, memory-mapped rather than read.

    The frozen word embeddings are 47 MB of float32 of which a document touches
    a few hundred rows; mapped, only those pages become resident, and every
    process on the machine shares them.
    """
    with open(file, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
    key = next(k for k in header if k != "__metadata__" and k.endswith(suffix))
    info = header[key]
    dtype = {"F32": np.float32, "F16": np.float16}[info["dtype"]]
    begin, _ = info["data_offsets"]
    return np.memmap(file, dtype=dtype, mode="r", offset=8 + size + begin, shape=tuple(info["shape"]))


class OnnxPairHead:
    """The pair head as :meth:`WordTags.pair <reportedly.extract.encoder.WordTags.pair>` calls it."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def probs(self, projected: np.ndarray, cue: np.ndarray, dist: np.ndarray) -> np.ndarray:
        feed = {"projected": projected, "cue": cue.astype(np.float32), "bucket": distance_buckets_np(dist)}
        return self.session.run(None, feed)[0]


class OnnxRunner:
    """The stored tagger in ONNX Runtime: :meth:`run` reads one window of subword ids."""

    def __init__(self, path: Path, threads: int | None = None) -> None:
        import onnxruntime as ort
        from safetensors.numpy import load_file

        state = load_file(str(path / WEIGHTS))
        self.words = mapped_tensor(base_model_dir() / "model.safetensors", "word_embeddings.weight")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or 0  # 0: ONNX Runtime's default, every core
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # its shape-inference notes are not the user's business
        # idle pool threads sleep instead of spinning: spaCy parses on the same cores meanwhile
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        providers = ["CPUExecutionProvider"]
        self.session = ort.InferenceSession(encoder_graph(state), options, providers=providers)
        self.head = (
            OnnxPairHead(ort.InferenceSession(pair_graph(state), options, providers=providers))
            if ("pair.tok.qweight" in state)
            else None
        )

    def run(self, ids: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Per subword of ``ids`` (with [CLS] and [SEP]): final states, tag probabilities, pair projection."""
        words = np.asarray(self.words[np.asarray(ids)], dtype=np.float32)
        out = self.session.run(None, {"words": words})
        return out[0], out[1], out[2] if len(out) > 2 else None
