"""The encoder in ONNX Runtime reads as the torch model does, and the analysis path never imports torch."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from reportedly.extract import encoder as enc

pytest.importorskip("onnxruntime")

TEXTS = [
    "Officials in Seoul said on Tuesday that about 3,000 workers had been sent abroad.",
    "“We are still checking the numbers,” a ministry spokesman told reporters, adding that it could rise.\n\n"
    "The mayor said the bridge would reopen in March, but the council denied that any money had been set "
    "aside for the repairs. According to the agency, the dam had been damaged before the blast.",
    "A report by the committee, which was seen by Reuters, found no evidence of fraud. The chairman "
    "told a news conference that the findings would be published in full next week.\n\n"
    "“There was no wrongdoing,” he said. Opposition lawmakers, citing two unnamed officials, said the "
    "inquiry had been rushed, and the ministry declined to comment on their remarks.",
]


@pytest.mark.slow  # imports torch and builds the torch encoder (about 6 s of CPU)
def test_the_graphs_int8_linear_equals_torchs_dynamic_linear_exactly() -> None:
    # the one place where the runtimes could differ by design: 7-bit activations, per-row weights
    torch = pytest.importorskip("torch")
    import onnxruntime as ort
    from onnx import TensorProto
    from safetensors.numpy import load_file

    from reportedly.extract.onnx_encoder import _Graph

    prefix = "encoder.encoder.layer.2.intermediate.dense"
    state = load_file(str(enc.default_encoder_path() / enc.WEIGHTS))
    g = _Graph(state)
    out = g.linear("x", prefix)
    session = ort.InferenceSession(
        g.model([("x", TensorProto.FLOAT, [None, 384])], [(out, "y", [None, 1536])])
    )
    reference = enc.EncoderTagger(enc.default_encoder_path(), "torch").model.encoder.encoder.layer[2]
    rng = np.random.default_rng(7)
    for scale, shift in ((1.0, 0.0), (4.0, 1.5), (0.1, -0.3)):
        x = (rng.standard_normal((57, 384)) * scale + shift).astype(np.float32)
        with torch.inference_mode():
            expected = reference.intermediate.dense(torch.from_numpy(x)).numpy()
        (got,) = session.run(None, {"x": x})
        np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.mark.slow  # imports torch and builds the torch encoder (about 6 s of CPU)
def test_onnx_and_torch_readings_agree() -> None:
    pytest.importorskip("torch")
    onnx = enc.EncoderTagger(enc.default_encoder_path(), "onnx")
    torch_tagger = enc.EncoderTagger(enc.default_encoder_path(), "torch")
    same = total = 0
    for text in TEXTS:
        a, b = onnx.tag(text), torch_tagger.tag(text)
        assert a.starts == b.starts
        # int8 rounding can flip where the float paths differ in the last bit, so not every word is equal
        np.testing.assert_allclose(a.probs, b.probs, atol=0.35)
        same += int((a.probs.argmax(-1) == b.probs.argmax(-1)).all(-1).sum())
        total += len(a.starts)
        said = text.find("said")
        if said >= 0:
            (word,) = a.word_index([(said, said + 4)])
            members_a, pa = a.pair([word])
            members_b, pb = b.pair([word])
            assert members_a == members_b
            np.testing.assert_allclose(pa, pb, atol=0.35)
    assert same / total >= 0.97


@pytest.mark.slow  # transformers' tokenizer imports torch (about 5 s of CPU)
def test_subwords_equal_transformers_fast_tokenizer() -> None:
    transformers = pytest.importorskip("transformers")
    tok = transformers.AutoTokenizer.from_pretrained(str(enc.base_model_dir()))
    long = " ".join(
        ["Zelenskyy's spokesman, Serhiy Nykyforov, said 1,500 troops moved."] * 40
    )  # > 128 pieces
    for text in [*TEXTS, long, "Кремль заявил", "국정원은 밝혔다", "naïve café — “quoted”"]:
        ref = tok(text, add_special_tokens=False, return_offsets_mapping=True)
        got = enc.pieces(text)
        assert got.ids == ref["input_ids"]
        assert got.offsets == [tuple(o) for o in ref["offset_mapping"]]
        assert got.words == ref.word_ids()


@pytest.mark.slow  # a fresh process loads spaCy and the models (about 6 s of CPU)
def test_the_analysis_path_does_not_import_torch() -> None:
    code = (
        "import sys, reportedly\n"
        "ledger = reportedly.analyze('The mayor said on Monday that the bridge would reopen.')\n"
        "assert ledger.claims, 'no claim'\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    env_free = {k: v for k, v in __import__("os").environ.items() if k != "REPORTEDLY_ENCODER_RUNTIME"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env_free, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_an_unknown_runtime_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTEDLY_ENCODER_RUNTIME", "tensorflow")
    with pytest.raises(ValueError, match="use 'onnx' or 'torch'"):
        enc.runtime()


def _sessions(build):  # noqa: ANN001, ANN202 - a graph builder of onnx_encoder
    """The shipped graph and its reference (standard operators only), one thread each."""
    import onnxruntime as ort
    from safetensors.numpy import load_file

    state = load_file(str(enc.default_encoder_path() / enc.WEIGHTS))
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.log_severity_level = 3
    return [
        ort.InferenceSession(build(state, ref), options, providers=["CPUExecutionProvider"])
        for ref in (False, True)
    ]


def test_fused_quantisation_and_gelu_read_bit_for_bit_as_the_standard_operators() -> None:
    # QuantizeLinear + a byte Clip for Div, Round, Add, Clip, Cast, and ONNX Runtime's Gelu for
    # its five operators: a speed change only, so every output must be the same bits
    from reportedly.extract.encoder_input import distance_buckets_np, special_ids, windows
    from reportedly.extract.onnx_encoder import base_model_dir, encoder_graph, mapped_tensor, pair_graph

    fused, reference = _sessions(encoder_graph)
    table = mapped_tensor(base_model_dir() / "model.safetensors", "word_embeddings.weight")
    cls, sep = special_ids()
    feeds = [
        {"words": np.asarray(table[np.asarray([cls, *w.ids, sep])], dtype=np.float32)}
        for text in TEXTS
        for w in windows(text + "\n\n" + text.upper(), 24)  # several windows, odd cases and widths
    ]
    assert len(feeds) > 4
    projected = []
    for feed in feeds:
        got, want = fused.run(None, feed), reference.run(None, feed)
        assert len(got) == len(want) == 3
        for a, b in zip(got, want, strict=True):
            assert a.dtype == b.dtype and np.array_equal(a, b)
        projected.append((got[0], got[2]))
    pair_fused, pair_reference = _sessions(pair_graph)
    for hidden, proj in projected:
        for cue_at in (1, len(proj) // 2, len(proj) - 2):
            dist = np.arange(len(proj)) - cue_at
            feed = {
                "projected": proj,
                "cue": hidden[cue_at : cue_at + 2].mean(0)[None],
                "bucket": distance_buckets_np(dist),
            }
            assert np.array_equal(pair_fused.run(None, feed)[0], pair_reference.run(None, feed)[0])
