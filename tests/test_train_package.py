"""``reportedly.train`` sits outside the analysis path, needs its options, and trains in order.

The trainers themselves are tested in ``test_training.py`` on PolNeAR texts; here a corpus
of three made-up articles, written in the PolNeAR layout, is enough to run the whole recipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportedly.cli import app

ARTICLES = [
    (
        "The mayor said on Monday that the bridge would reopen in March. ",
        "The mayor",
        "said",
        "that the bridge would reopen in March",
    ),
    (
        "Officials told reporters that the river had risen by two metres overnight. ",
        "Officials",
        "told reporters",
        "that the river had risen by two metres overnight",
    ),
    (
        "The ministry denied that any school had closed because of the flood. ",
        "The ministry",
        "denied",
        "that any school had closed because of the flood",
    ),
]


def _split(folder: Path) -> Path:
    """A PolNeAR-shaped split: text/NAME.txt and attributions/NAME_ANNOTATOR.ann (brat standoff)."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for n, (sentence, source, cue, content) in enumerate(ARTICLES):
        text = sentence * 3
        lines = []
        for k in range(3):
            base = k * len(sentence)
            spans = {
                "Source": base + sentence.index(source),
                "Cue": base + sentence.index(cue),
                "Content": base + sentence.index(content),
            }
            words = {"Source": source, "Cue": cue, "Content": content}
            ids = {}
            for kind, start in spans.items():
                t = f"T{len(lines) + 1}"
                ids[kind] = t
                lines.append(f"{t}\t{kind} {start} {start + len(words[kind])}\t{words[kind]}")
            lines.append(
                f"E{k + 1}\tAttribution:{ids['Cue']} Content:{ids['Content']} "
                f"Cue:{ids['Cue']} Source:{ids['Source']}"
            )
        (folder / "text" / f"doc{n}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"doc{n}_ann.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _importers_of(package: str) -> set[str]:
    """Modules of src/reportedly with an import of ``package`` anywhere (functions included)."""
    import ast

    src = Path(__file__).resolve().parents[1] / "src" / "reportedly"
    found = set()
    for path in src.rglob("*.py"):
        parts = list(path.relative_to(src.parent).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        here = name if parts[-1] == "__init__" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = here.split(".")[: len(here.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                targets = [module] + [f"{module}.{a.name}" for a in node.names]
            else:
                continue
            if any(t == package or t.startswith(package + ".") for t in targets):
                found.add(name)
    return found


def test_only_the_train_verb_imports_the_trainers() -> None:
    # the fast lane's guard; the test below shows it end to end in a fresh process
    outside = {m for m in _importers_of("reportedly.train") if not m.startswith("reportedly.train")}
    assert outside == {"reportedly.cli.train"}
    readers = {m for m in _importers_of("reportedly.corpora.polnear") if not m.startswith("reportedly.train")}
    assert readers == {"reportedly.eval.score"}


@pytest.mark.slow  # a fresh process loads spaCy and the models (10 s)
def test_analysing_a_text_does_not_import_the_trainers() -> None:
    code = (
        "import sys, reportedly\n"
        "ledger = reportedly.analyze('The mayor said on Monday that the bridge would reopen.')\n"
        "assert ledger.claims, 'no claim'\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportedly.train', 'reportedly.corpora'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_train_needs_corpus_and_out(tmp_path: Path) -> None:
    split = _split(tmp_path / "split")
    no_out = CliRunner().invoke(app, ["train", "--corpus", str(split)])
    assert no_out.exit_code == 2 and "--out" in no_out.output
    no_corpus = CliRunner().invoke(app, ["train", "--out", str(tmp_path / "m")])
    assert no_corpus.exit_code == 2 and "--corpus" in no_corpus.output
    assert not (tmp_path / "m").exists()


def test_a_missing_training_dependency_names_the_extra(tmp_path: Path, monkeypatch) -> None:
    from reportedly.train import MissingTrainingDependency, require, train_all

    require()  # everything is installed here
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # as if python-crfsuite were not
    with pytest.raises(MissingTrainingDependency, match=r"python-crfsuite.*reportedly\[train\]"):
        train_all(_split(tmp_path / "split"), tmp_path / "m", models="crf", folds=0)
    result = CliRunner().invoke(
        app, ["train", "--model", "crf", "--corpus", str(tmp_path / "split"), "--out", str(tmp_path / "m")]
    )
    assert result.exit_code == 2 and "pip install 'reportedly[train]'" in result.output
    assert not (tmp_path / "m").exists()  # refused before anything was written


@pytest.mark.slow  # the device check imports torch (a few seconds of CPU)
def test_train_all_refuses_bad_arguments_before_training(tmp_path: Path) -> None:
    from reportedly.train import TrainingError, train_all

    split = _split(tmp_path / "split")
    with pytest.raises(TrainingError, match="choose one of"):
        train_all(split, tmp_path / "m", models="everything")
    with pytest.raises(TrainingError, match="no text/ and attributions/"):
        train_all(tmp_path, tmp_path / "m")
    with pytest.raises(TrainingError, match="leaves a fold encoder without texts"):
        train_all(split, tmp_path / "m", limit=2, folds=2)
    assert not (tmp_path / "m").exists()


@pytest.mark.slow  # trains three encoders and two CRFs (about 20 s on 2 shared cores)
def test_train_all_trains_every_model_in_order(tmp_path: Path) -> None:
    from reportedly.extract.encoder import EncoderTagger
    from reportedly.extract.learned import AttributionModel
    from reportedly.train import train_all

    said: list[str] = []
    out, folds = tmp_path / "models", tmp_path / "folds"
    metas = train_all(
        _split(tmp_path / "split"),
        out,
        fold_dir=folds,
        folds=2,
        epochs=1,
        pair_epochs=1,
        progress=said.append,
    )
    steps = [m for m in said if "stage" in m or m.startswith(("CRF features", "training the"))]
    assert steps == [
        "fold 1 of 2, stage one: the word tagger",
        "fold 1 of 2, stage two: the cue-conditioned pair head",
        "fold 2 of 2, stage one: the word tagger",
        "fold 2 of 2, stage two: the cue-conditioned pair head",
        "the shipped encoder, stage one: the word tagger",
        "the shipped encoder, stage two: the cue-conditioned pair head",
        f"CRF features include the encoder in {out / 'encoder'}",
        "training the cue tagger on 9 sequences",
        "training the span tagger on 9 sequences",
    ]
    # every text held out by exactly one fold encoder (doc0 and doc2 by the first, doc1 by the second)
    assert [f["held_out"] for f in metas["folds"]] == [2, 1]
    held = [json.loads((folds / str(k) / "meta.json").read_text())["held_out"] for k in range(2)]
    assert held == [["doc0", "doc2"], ["doc1"]]
    assert metas["crf"]["encoder_features"] and metas["crf"]["span_reading"] == "fold encoders (cross-fitted)"
    assert metas["crf"]["sequences"]["documents"] == 3
    # what was written loads as inference loads it
    assert EncoderTagger(out / "encoder").tag(ARTICLES[0][0]).probs.shape[0] > 5
    assert AttributionModel(out / "attribution").meta == metas["crf"]
    assert os.path.getsize(out / "attribution" / "cue.crfsuite") > 0
