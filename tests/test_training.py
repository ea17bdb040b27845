"""``reportedly train`` reproduces its models: both trainers run on a few PolNeAR texts.

Full training takes half an hour; these runs use one to three texts, enough to
show that the trainers read the corpus the way inference reads articles, that
what they write loads and tags, that the encoder's file leaves out the frozen
word embeddings, and that a fixed seed gives the same weights twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import app
from reportedly.extract import encoder as enc
from reportedly.extract.learned import AttributionModel, BlockView
from reportedly.ingest.layout import parse_layout
from reportedly.nlp import load
from reportedly.nlp.blocks import parse_many

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train"

needs_corpus = pytest.mark.skipif(
    not (TRAIN / "text").is_dir(),
    reason=f"PolNeAR train split not found at {TRAIN} (checkout without ../shared)",
)

SAMPLE = (
    "The mayor said on Monday that the bridge would reopen in March.\n\n"
    "“We are not there yet,” a spokeswoman for the city told reporters."
)


def _views(text: str) -> list[BlockView]:
    document = parse_layout(text)
    blocks = next(iter(parse_many([document], load())))
    return [BlockView.of(b.doc, b.offset, b.section.value) for b in blocks]


@needs_corpus
@pytest.mark.slow  # trains a model
def test_crf_training_writes_a_model_that_tags(tmp_path: Path) -> None:
    from reportedly.train.crf import train

    meta = train(TRAIN, tmp_path, limit=3, max_iterations=20)
    assert meta["sequences"]["documents"] == 3
    assert meta["sequences"]["cue"] > 10 and meta["sequences"]["span"] > 5
    model = AttributionModel(tmp_path)
    relations = [r for v in _views(SAMPLE) for r in model.predict(v)]
    # a model trained on three texts is weak, but "said" with a that-clause is in every news text
    assert any(v.doc[i].lower_ == "said" for v in _views(SAMPLE) for r in relations for i in r.cue)


def test_windows_cover_every_word_once_and_keep_offsets() -> None:
    text = ("First paragraph, said the mayor. " * 30 + "\n\n") * 3
    wins = enc.windows(text, max_len=64)
    assert all(len(w.ids) <= 64 for w in wins)
    starts = [s for w in wins for s, f in zip(w.starts, w.first, strict=True) if f]
    assert starts == sorted(starts) and len(starts) == len(set(starts))
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(enc.base_model_dir() / "tokenizer.json"))
    for w in wins[:3]:
        for i, s, e in zip(w.ids, w.starts, w.ends, strict=True):
            piece = tok.id_to_token(i).removeprefix("##")
            assert text[s:e].lower() == piece


def test_gold_labels_mark_spans_with_begin_and_inside() -> None:
    text = "The mayor said the bridge will reopen."
    (w,) = enc.windows(text)
    said = text.index("said")
    content = (text.index("the bridge"), len(text) - 1)
    labels = enc.gold_labels(w, {"CUE": [((said, said + 4),)], "CON": [(content,)], "SRC": [((0, 9),)]})
    words = [text[s:e] for s, f, e in zip(w.starts, w.first, w.ends, strict=True) if f]
    by_layer = {layer: [t for t in labels[n] if t != -100] for n, layer in enumerate(enc.LAYERS)}
    assert words[:3] == ["The", "mayor", "said"]
    assert by_layer["SRC"][:3] == [1, 2, 0]
    assert by_layer["CUE"][:4] == [0, 0, 1, 0]
    assert by_layer["CON"][3:] == [1, 2, 2, 2, 0]  # "the bridge will reopen" then the full stop


@pytest.mark.slow  # trains models
@needs_corpus
def test_encoder_training_is_deterministic_and_ships_without_embeddings(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "train",
            "--model",
            "encoder",
            "--corpus",
            str(TRAIN),
            "--out",
            str(tmp_path / "a"),
            "--limit",
            "1",
            "--epochs",
            "1",
            "--pair-epochs",
            "1",
            "--folds",
            "0",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)["encoder"]
    assert meta["windows"] > 0 and meta["history"][0]["epoch"] == 1
    assert meta["pair"]["history"][0]["epoch"] == 1
    from reportedly.train.encoder import Run, train, train_pair

    # the same two stages by hand: stage one, then the pair head on its file
    train(Run(corpus=TRAIN, out=tmp_path / "b1", limit=1, epochs=1))
    train_pair(Run(corpus=TRAIN, out=tmp_path / "b", limit=1, epochs=1), tmp_path / "b1")
    from safetensors.torch import load_file

    a = load_file(str(tmp_path / "a" / "encoder" / enc.WEIGHTS))
    b = load_file(str(tmp_path / "b" / enc.WEIGHTS))
    assert not any(k.endswith(enc.FROZEN) for k in a)
    assert any(k.startswith("pair.") for k in a)
    assert a.keys() == b.keys()
    assert all((a[k] == b[k]).all() for k in a), "same corpus and seed gave different weights"
    tagger = enc.EncoderTagger(tmp_path / "b")
    words = tagger.tag(SAMPLE)
    assert words.probs.shape == (len(words.starts), len(enc.LAYERS), len(enc.TAGS))
    assert len(words.starts) > 20 and words.starts == sorted(words.starts)
    assert abs(float(words.probs.sum(-1).mean()) - 1.0) < 1e-4  # a distribution per word and layer
    said = SAMPLE.index("said")
    ((bucket, cue, src, con),) = words.readings([(said, said + 4)])
    assert bucket in {"0", "1", "2", "3", "4"} and {cue, src, con} <= set(enc.TAGS)
    # the pair head reads every word of the cue's window against that cue
    (said_word,) = words.word_index([(said, said + 4)])
    members, probs = words.pair([said_word])
    assert said_word in members and probs.shape == (len(members), len(enc.PAIR_LAYERS), len(enc.TAGS))
    assert abs(float(probs.sum(-1).mean()) - 1.0) < 1e-4


@pytest.mark.slow  # trains models
def test_stage_two_ships_one_scale_per_row_and_stage_one_one_per_matrix(tmp_path: Path) -> None:
    # the shipped file quantises each output row on its own scale; stage one's file, which only
    # seeds stage two, keeps one scale per matrix, so the shipped recipe reproduces the shipped base
    import torch
    from safetensors.torch import load_file

    torch.manual_seed(0)
    model = enc.build_model(pair=True).eval()
    enc.save_model(model, tmp_path / "rows", per_channel=True)
    enc.save_model(model, tmp_path / "matrix")
    rows = load_file(str(tmp_path / "rows" / enc.WEIGHTS))
    matrix = load_file(str(tmp_path / "matrix" / enc.WEIGHTS))
    name = "encoder.encoder.layer.0.intermediate.dense"
    assert rows[f"{name}.qscale"].shape == (rows[f"{name}.qweight"].shape[0],)
    assert matrix[f"{name}.qscale"].shape == (1,)
    # what loads for inference is what was saved, row scales and all
    tagger = enc.load_tagger(tmp_path / "rows")
    from reportedly.extract import encoder_torch

    weight = dict(encoder_torch._linears(tagger))[name].weight()
    assert torch.equal(weight.q_per_channel_scales().double(), rows[f"{name}.qscale"])
    assert torch.equal(weight.int_repr(), rows[f"{name}.qweight"])
    # back to float (stage two's start): each row within half its own step of the original
    back = dict(enc.load_float(tmp_path / "rows").named_parameters())[f"{name}.weight"]
    original = dict(model.named_parameters())[f"{name}.weight"].half().float()
    step = rows[f"{name}.qscale"].float()[:, None]
    assert bool(((back - original).abs() <= step / 2 + 1e-6).all())
    # and the rows' error is smaller than one scale for the whole matrix gives
    whole = dict(enc.load_float(tmp_path / "matrix").named_parameters())[f"{name}.weight"]
    assert (back - original).abs().mean() < (whole - original).abs().mean()


def test_base_encoder_must_hold_weights(tmp_path: Path) -> None:
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    result = CliRunner().invoke(
        app,
        [
            "train",
            "--model",
            "encoder",
            "--corpus",
            str(split),
            "--out",
            str(tmp_path / "m"),
            "--base-encoder",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 2
    assert "holds no encoder weights" in result.output


def test_pair_examples_label_each_relation_against_its_own_cue(tmp_path: Path) -> None:
    from reportedly.train.encoder import pair_examples

    text = "The mayor said the bridge will reopen. The council denied any delay.\n"
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(text, encoding="utf-8")
    spans = {
        "T1": ("Source", "The mayor"),
        "T2": ("Cue", "said"),
        "T3": ("Content", "the bridge will reopen"),
        "T4": ("Source", "The council"),
        "T5": ("Cue", "denied"),
        "T6": ("Content", "any delay"),
    }
    lines = []
    for tid, (kind, words) in spans.items():
        start = text.index(words)
        lines.append(f"{tid}\t{kind} {start} {start + len(words)}\t{words}")
    for tid, cue in (("T7", "said"), ("T8", "denied")):
        start = text.index(cue)
        lines.append(f"{tid}\tAttribution {start} {start + len(cue)}\t{cue}")
    lines += [
        "E1\tAttribution:T7 Content:T3 Cue:T2 Source:T1",
        "E2\tAttribution:T8 Content:T6 Cue:T5 Source:T4",
    ]
    (split / "attributions" / "a.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (ex,) = pair_examples(split)
    assert len(ex.cues) == 2
    w = ex.window
    firsts = [k for k, f in enumerate(w.first) if f] + [len(w.first)]
    words = [text[w.starts[a] : w.ends[b - 1]] for a, b in zip(firsts, firsts[1:], strict=False)]
    con = enc.PAIR_LAYERS.index("CON")
    for cue_word, content in (("said", "the bridge will reopen"), ("denied", "any delay")):
        n = next(k for k, at in enumerate(ex.cues) if words[sum(ex.window.first[: at[0]])] == cue_word)
        labels = [t for t in ex.pair_labels[n][con] if t != -100]
        assert " ".join(w for w, t in zip(words, labels, strict=True) if t) == content


def test_train_refuses_a_folder_that_is_not_a_split(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--corpus", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "text/ and attributions/" in result.output


@pytest.mark.slow  # trains models
@needs_corpus
def test_stage_command_line_records_its_overrides_and_device(tmp_path: Path) -> None:
    # the way to train where only torch is installed (a GPU box): one stage per call, settings
    # overridden with --set, every one of them written to the meta data
    from reportedly.train.encoder import main, split_fold

    main(
        [
            "one",
            str(TRAIN),
            str(tmp_path / "one"),
            "--limit",
            "3",
            "--epochs",
            "1",
            "--set",
            "lr=1e-4",
            "--fold",
            "1/2",
        ]
    )
    meta = json.loads((tmp_path / "one" / "meta.json").read_text())
    assert meta["config"]["lr"] == 1e-4 and meta["config"]["epochs"] == 1
    assert meta["device"] == "cpu"
    assert meta["fold"] == [1, 2] and meta["held_out"] == split_fold(TRAIN, 3, (1, 2))[1]
    main(
        [
            "pair",
            str(TRAIN),
            str(tmp_path / "two"),
            "--init",
            str(tmp_path / "one"),
            "--limit",
            "3",
            "--epochs",
            "1",
            "--set",
            "pair_lr=0.002",
        ]
    )
    meta = json.loads((tmp_path / "two" / "meta.json").read_text())
    assert meta["pair"]["config"]["pair_lr"] == 0.002 and meta["pair"]["device"] == "cpu"
    assert meta["config"]["lr"] == 1e-4  # stage one's settings travel with the file
    assert meta["fold"] == [1, 2]  # and so does its fold: stage two held out the same text
    with pytest.raises(ValueError, match="unknown training settings: lr_typo"):
        main(["one", str(TRAIN), str(tmp_path / "x"), "--limit", "1", "--set", "lr_typo=1"])
    with pytest.raises(SystemExit):
        main(["pair", str(TRAIN), str(tmp_path / "x")])  # stage two needs the stage-one folder


def test_encoder_trainer_imports_no_spacy() -> None:
    # a GPU machine has torch and transformers but not spaCy: the encoder's trainer must not need it
    import subprocess
    import sys

    code = (
        "import sys, reportedly.train.encoder\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'})\n"
        "assert not bad, bad"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow  # imports torch and builds the encoder (about 5 s of CPU)
def test_base_weights_in_half_precision_still_train_in_float32(tmp_path: Path, monkeypatch) -> None:
    # transformers 5 loads a checkpoint in its own dtype; a float16 copy of the base (as carried to
    # a GPU box) must not turn training or the int8 conversion into half-precision arithmetic
    import shutil

    import torch
    from safetensors.torch import load_file, save_file

    base = enc.base_model_dir()
    for f in base.iterdir():
        if f.is_file() and f.name != "model.safetensors":
            shutil.copy(f, tmp_path / f.name)
    half = {k: v.half().contiguous() for k, v in load_file(str(base / "model.safetensors")).items()}
    save_file(half, str(tmp_path / "model.safetensors"), metadata={"format": "pt"})
    from reportedly.extract import encoder_torch

    monkeypatch.setattr(encoder_torch, "base_model_dir", lambda: tmp_path)  # where build_model reads it
    model = enc.build_model()
    assert {p.dtype for p in model.parameters()} == {torch.float32}


@pytest.mark.slow  # imports torch to ask it for devices (about 5 s of CPU)
def test_train_refuses_a_device_torch_cannot_use(tmp_path: Path) -> None:
    import torch

    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    out = ["--out", str(tmp_path / "m")]
    args = ["train", "--model", "encoder", "--corpus", str(split), *out]
    bad = CliRunner().invoke(app, [*args, "--device", "tpu9"])
    assert bad.exit_code == 2 and "--device tpu9" in bad.output
    if not torch.cuda.is_available():
        args = ["train", "--model", "encoder", "--corpus", str(split), *out, "--device", "cuda"]
        gpu = CliRunner().invoke(app, args)
        assert gpu.exit_code == 2 and "sees no CUDA GPU" in gpu.output


@needs_corpus
def test_folds_hold_out_every_text_exactly_once() -> None:
    from reportedly.train.encoder import split_fold

    names = [d[0] for d in split_fold(TRAIN, 9, None)[0]]
    held = [split_fold(TRAIN, 9, (k, 4))[1] for k in range(4)]
    assert sorted(n for h in held for n in h) == sorted(names)  # each text in one fold's hold-out
    for k, h in enumerate(held):
        kept = [d[0] for d in split_fold(TRAIN, 9, (k, 4))[0]]
        assert set(kept).isdisjoint(h) and len(kept) + len(h) == 9
    with pytest.raises(ValueError, match="fold 4/4"):
        split_fold(TRAIN, 9, (4, 4))


def _fake_fold(folder: Path, fold: list[int], held_out: list[str]) -> None:
    import torch

    torch.manual_seed(fold[0])
    enc.save_model(enc.build_model(pair=True).eval(), folder, per_channel=True)
    meta = {"layers": list(enc.LAYERS), "tags": list(enc.TAGS), "max_len": enc.MAX_LEN}
    (folder / "meta.json").write_text(json.dumps(meta | {"fold": fold, "held_out": held_out}))


@pytest.mark.slow  # trains models
def test_crfs_read_each_text_with_the_fold_encoder_that_held_it_out(tmp_path: Path) -> None:
    from reportedly.train import TrainingError, fold_reading

    _fake_fold(tmp_path / "0", [0, 2], ["alpha"])
    _fake_fold(tmp_path / "1", [1, 2], ["beta"])
    reading = fold_reading(tmp_path, 2)
    by_zero = enc.EncoderTagger(tmp_path / "0").tag(SAMPLE).probs
    by_one = enc.EncoderTagger(tmp_path / "1").tag(SAMPLE).probs
    assert not (by_zero == by_one).all()  # two differently seeded encoders read differently
    assert (reading("alpha", SAMPLE).probs == by_zero).all()
    assert (reading("beta", SAMPLE).probs == by_one).all()
    with pytest.raises(TrainingError):
        reading("gamma", SAMPLE)  # a text no fold held out: another corpus
    with pytest.raises(TrainingError):
        fold_reading(tmp_path, 3)  # fold 2 of 3 is missing
    (tmp_path / "1" / "meta.json").write_text(json.dumps({"fold": [1, 4], "held_out": []}))
    with pytest.raises(TrainingError):
        fold_reading(tmp_path, 2)  # a fold of another split


def test_train_crf_without_fold_encoders_says_how_to_get_them(tmp_path: Path) -> None:
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    result = CliRunner().invoke(
        app,
        [
            "train",
            "--model",
            "crf",
            "--corpus",
            str(split),
            "--out",
            str(tmp_path / "m"),
            "--fold-dir",
            str(tmp_path / "nowhere"),
        ],
    )
    assert result.exit_code == 2 and "has no fold encoder 0" in result.output
    small = CliRunner().invoke(
        app,
        ["train", "--model", "encoder", "--corpus", str(split), "--out", str(tmp_path / "m"), "--limit", "3"],
    )
    assert small.exit_code == 2 and "--folds 0" in small.output


@pytest.mark.slow  # trains models
def test_span_tagger_learns_from_its_own_reading_and_the_cue_tagger_from_the_other(tmp_path: Path) -> None:
    # the shipped CRFs: the cue tagger learns from the shipped encoder's reading, the span tagger
    # from the fold encoders' (cross-fitted) one; here two differently seeded encoders stand in
    from reportedly.train.crf import Example, sequences

    _fake_fold(tmp_path / "a", [0, 2], [])
    _fake_fold(tmp_path / "b", [1, 2], [])
    a = enc.EncoderTagger(tmp_path / "a").tag(SAMPLE)
    b = enc.EncoderTagger(tmp_path / "b").tag(SAMPLE)
    blocks = next(iter(parse_many([parse_layout(SAMPLE)], load())))

    def views(words):
        return [BlockView.of(bl.doc, bl.offset, bl.section.value, words) for bl in blocks]

    said = SAMPLE.index("said")
    triple = (((4, 9),), ((said, said + 4),), ((said + 5, SAMPLE.index(".")),))
    only_a = list(sequences(Example("x", views(a), [triple])))
    mixed = list(sequences(Example("x", views(a), [triple], views(b))))
    only_b = list(sequences(Example("x", views(b), [triple])))
    kind = lambda seqs, k: [s for s in seqs if s[0] == k]  # noqa: E731
    assert kind(mixed, "cue") == kind(only_a, "cue") != kind(only_b, "cue")
    assert len(kind(mixed, "span")) == 1
    assert kind(mixed, "span") == kind(only_b, "span") != kind(only_a, "span")


@pytest.mark.slow  # trains models
@needs_corpus
def test_train_all_with_folds_end_to_end(tmp_path: Path) -> None:
    # the whole recipe as a user runs it, scaled down: fold encoders, the shipped encoder, the CRFs
    # with the span tagger on the folds' reading of the texts each held out
    args = [
        "train",
        "--corpus",
        str(TRAIN),
        "--out",
        str(tmp_path / "m"),
        "--fold-dir",
        str(tmp_path / "f"),
        "--limit",
        "3",
        "--folds",
        "2",
        "--epochs",
        "1",
        "--pair-epochs",
        "1",
        "--json",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    metas = json.loads(result.stdout)
    assert [f["held_out"] for f in metas["folds"]] == [2, 1]  # texts 0 and 2, then text 1
    assert metas["crf"]["span_reading"] == "fold encoders (cross-fitted)"
    assert metas["crf"]["sequences"]["documents"] == 3
    for k in range(2):
        assert json.loads((tmp_path / "f" / str(k) / "meta.json").read_text())["fold"] == [k, 2]
    assert "fold" not in json.loads((tmp_path / "m" / "encoder" / "meta.json").read_text())
    model = AttributionModel(tmp_path / "m" / "attribution")
    assert model.meta["span_reading"] == "fold encoders (cross-fitted)"


def test_cross_validation_refuses_what_it_cannot_cut_before_reading_anything(tmp_path: Path) -> None:
    from reportedly.train import TrainingError
    from reportedly.train.crossval import cross_validate, fold_of

    with pytest.raises(TrainingError, match="text/ and attributions/"):
        cross_validate(tmp_path, 4)
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    with pytest.raises(TrainingError, match="at least 2 parts"):
        cross_validate(split, 1)
    with pytest.raises(TrainingError, match="numbered 0 to 3"):
        cross_validate(split, 4, only=[4])
    with pytest.raises(TrainingError, match="0 texts cannot be cut into 4 parts"):
        cross_validate(split, 4)
    # the parts are the fold encoders' (every n-th text by sorted position), so the two can be compared
    assert [fold_of(i, 4) for i in range(9)] == [0, 1, 2, 3, 0, 1, 2, 3, 0]
