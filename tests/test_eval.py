"""Measurement infrastructure: brat export, our scorer against the shared one, and ``reportedly eval``.

The scorer must agree with ``../shared/eval/score_attributions.py`` to the last
bit, because every figure the project reports comes from that script; the
fixture below is small enough to check a few figures by hand as well, so the
agreement is not two implementations sharing one mistake.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

import reportedly
from reportedly.cli import app
from reportedly.corpora.polnear import gold_file
from reportedly.eval.runner import (
    EvalError,
    balanced_chunks,
    evaluate,
    predict_annotations,
    predict_folder,
    split_chunks,
)
from reportedly.eval.score import score_documents, score_folder
from reportedly.export.brat import ledger_to_brat, read_brat
from reportedly.model import (
    Claim,
    ClaimKind,
    Cue,
    Document,
    Ledger,
    SectionKind,
    SourceMention,
    Span,
    Stance,
)

SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_attributions.py"

ALPHA = (
    'The mayor said the bridge will reopen in May.\n\n"We are not worried," a spokeswoman told reporters.\n'
)
BETA = (
    "Talks will fail, the envoy warned, unless both sides compromise.\n"
    "It was reported that the deal is dead.\n"
)
GAMMA = "The harbour was quiet on Sunday.\n"  # has no gold file: must be skipped


def shared_scorer() -> ModuleType:
    if not SHARED_SCORER.exists():
        pytest.skip(f"shared scorer not found at {SHARED_SCORER} (checkout without ../shared)")
    spec = importlib.util.spec_from_file_location("shared_score_attributions", SHARED_SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def at(text: str, piece: str) -> str:
    """Brat offsets of the first occurrence of ``piece``, as 'START END'."""
    start = text.index(piece)
    return f"{start} {start + len(piece)}"


def t_line(tid: str, kind: str, text: str, *pieces: str) -> str:
    offsets = ";".join(at(text, p) for p in pieces)
    return f"{tid}\t{kind} {offsets}\t{' '.join(pieces)}"


def gold_alpha() -> str:
    a = ALPHA
    return (
        "\n".join(
            [
                t_line("T1", "Source", a, "The mayor"),
                t_line("T2", "Cue", a, "said"),
                t_line("T3", "Content", a, "the bridge will reopen in May"),
                t_line("T4", "Attribution", a, "said"),
                "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
                t_line("T5", "Content", a, '"We are not worried,"'),  # quote marks inside the gold span
                t_line("T6", "Source", a, "a spokeswoman"),
                t_line("T7", "Cue", a, "told"),
                t_line("T8", "Attribution", a, "told"),
                "E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5",
            ]
        )
        + "\n"
    )


def pred_alpha() -> str:
    a = ALPHA
    return (
        "\n".join(
            [
                t_line("T1", "Source", a, "mayor"),  # source boundary too short
                t_line("T2", "Cue", a, "said"),
                t_line("T3", "Content", a, "the bridge will reopen in May."),  # full stop included
                "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3",
                t_line("T4", "Source", a, "a spokeswoman"),
                t_line("T5", "Cue", a, "told"),
                t_line("T6", "Content", a, "We are not worried,"),  # no quote marks: equal after trimming
                "E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6",
            ]
        )
        + "\n"
    )


def gold_beta() -> str:
    b = BETA
    return (
        "\n".join(
            [
                t_line("T1", "Source", b, "the envoy"),
                t_line("T2", "Cue", b, "warned"),
                t_line(
                    "T3", "Content", b, "Talks will fail", "unless both sides compromise"
                ),  # discontinuous
                t_line("T4", "Attribution", b, "warned"),
                "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
                t_line("T5", "Cue", b, "was reported"),
                t_line("T6", "Content", b, "the deal is dead"),
                t_line("T7", "Attribution-no-source", b, "was reported"),
                "E2\tAttribution-no-source:T7 Content:T6 Cue:T5",
            ]
        )
        + "\n"
    )


def pred_beta() -> str:
    b = BETA
    return (
        "\n".join(
            [
                t_line("T1", "Source", b, "the envoy"),
                t_line("T2", "Cue", b, "warned"),
                t_line("T3", "Content", b, "Talks will fail"),
                t_line("T4", "Content", b, "unless both sides compromise"),
                # Two Content roles merge into the gold's one discontinuous content for relations.
                "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3 Content2:T4",
                t_line("T5", "Source", b, "It"),  # spurious source on an agentless report
                t_line("T6", "Cue", b, "reported"),
                t_line("T7", "Content", b, "that the deal is dead."),
                "E2\tAttribution:T6 Cue:T6 Source:T5 Content:T7",
                t_line("T8", "Source", b, "both sides"),  # a spurious relation
                t_line("T9", "Cue", b, "compromise"),
                t_line("T10", "Content", b, "Talks will fail"),
                "E3\tAttribution:T9 Cue:T9 Source:T8 Content:T10",
            ]
        )
        + "\n"
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> dict[str, Path]:
    """text/, gold/ (two annotators for beta, only the first counts) and pred/ folders."""
    dirs = {name: tmp_path / name for name in ("text", "gold", "pred")}
    for d in dirs.values():
        d.mkdir()
    for name, text in (("alpha", ALPHA), ("beta", BETA), ("gamma", GAMMA)):
        (dirs["text"] / f"{name}.txt").write_text(text, encoding="utf-8")
    (dirs["gold"] / "alpha.ann").write_text(gold_alpha(), encoding="utf-8")
    (dirs["gold"] / "beta_anna.ann").write_text(gold_beta(), encoding="utf-8")
    # A second annotator sorted later: must be ignored (it would change every figure).
    (dirs["gold"] / "beta_zoe.ann").write_text(t_line("T1", "Cue", BETA, "fail") + "\n", encoding="utf-8")
    (dirs["pred"] / "alpha.ann").write_text(pred_alpha(), encoding="utf-8")
    (dirs["pred"] / "beta.ann").write_text(pred_beta(), encoding="utf-8")
    return dirs


# ---------------------------------------------------------------------------- scorer
def test_gold_file_prefers_annotator_files_in_sorted_order(corpus: dict[str, Path]) -> None:
    assert gold_file(corpus["gold"], "beta").name == "beta_anna.ann"
    assert gold_file(corpus["gold"], "alpha").name == "alpha.ann"
    assert gold_file(corpus["gold"], "gamma") is None


def test_scorer_figures_computed_by_hand(corpus: dict[str, Path]) -> None:
    res = score_folder(corpus["text"], corpus["gold"], corpus["pred"])
    assert res["documents"] == 2  # gamma has no gold
    assert res["counts"] == {"gold_relations": 4, "pred_relations": 5}
    # Sources: gold {The mayor, a spokeswoman, the envoy}; predicted adds "mayor", "It", "both sides"
    # and misses "The mayor": 2 of 5 right, 2 of 3 found.
    assert res["source_exact"] == pytest.approx((2 / 5, 2 / 3, 0.5))
    # Cues: 3 of 5 predicted ("reported" is not "was reported", "compromise" is spurious), 3 of 4 gold.
    assert res["cue_exact"] == pytest.approx((3 / 5, 3 / 4, 2 / 3))
    # Cue tokens: gold said, told, "warned,", was, reported; predicted said, told, "warned,",
    # reported, "compromise." -> 4 shared of 5 each.
    assert res["cue_token"] == pytest.approx((0.8, 0.8, 0.8))
    # Contents: only the quotation matches (after trimming its quote marks); the two-piece
    # prediction is two spans, not the gold's one discontinuous span; a duplicate counts once.
    assert res["content_exact"] == pytest.approx((1 / 5, 1 / 4, 2 / 9))
    # Relations exact: the quotation and the merged Content+Content2 one.
    assert res["relation_exact"] == pytest.approx((2 / 5, 2 / 4, 4 / 9))
    # Lenient also accepts the short source/long content of the mayor; the agentless report
    # fails on its invented source, the spurious one on its cue.
    assert res["relation_lenient"] == pytest.approx((3 / 5, 3 / 4, 2 / 3))


def test_scorer_agrees_with_the_shared_scorer(corpus: dict[str, Path]) -> None:
    shared = shared_scorer()
    ours = score_folder(corpus["text"], corpus["gold"], corpus["pred"])
    theirs = shared.score(str(corpus["text"]), str(corpus["gold"]), str(corpus["pred"]))
    assert ours == theirs  # identical floats, not approximately equal
    assert evaluate(corpus["text"], corpus["gold"], corpus["pred"]) == theirs


def test_scorer_agrees_with_the_shared_scorer_on_swapped_roles(corpus: dict[str, Path]) -> None:
    """Scoring gold against the prediction (P and R swap) and against nothing at all."""
    shared = shared_scorer()
    swapped = corpus["text"].parent / "swapped"
    swapped.mkdir()
    (swapped / "alpha_x.ann").write_text(pred_alpha(), encoding="utf-8")
    (swapped / "beta_x.ann").write_text(pred_beta(), encoding="utf-8")
    gold_as_pred = corpus["text"].parent / "gold_as_pred"
    gold_as_pred.mkdir()
    (gold_as_pred / "alpha.ann").write_text(gold_alpha(), encoding="utf-8")
    (gold_as_pred / "beta.ann").write_text(gold_beta(), encoding="utf-8")
    for gold, pred in ((swapped, gold_as_pred), (corpus["gold"], corpus["text"])):
        theirs = shared.score(str(corpus["text"]), str(gold), str(pred))
        assert score_folder(corpus["text"], gold, pred) == theirs
    # No .ann files in text/: nothing predicted.
    empty = score_folder(corpus["text"], corpus["gold"], corpus["text"])
    assert empty["relation_lenient"] == (0.0, 0.0, 0.0) and empty["counts"]["pred_relations"] == 0


def test_score_documents_scores_in_memory_like_files(corpus: dict[str, Path]) -> None:
    in_memory = score_documents([(ALPHA, gold_alpha(), pred_alpha()), (BETA, gold_beta(), pred_beta())])
    assert in_memory == score_folder(corpus["text"], corpus["gold"], corpus["pred"])


def test_malformed_prediction_lines_are_skipped_not_fatal() -> None:
    pred = "T1\tCue x y\tsaid\nT2\tCue\nE1\nT3\tCue " + at(ALPHA, "said") + "\tsaid\n"
    res = score_documents([(ALPHA, gold_alpha(), pred)])
    assert res["cue_exact"] == pytest.approx((1.0, 0.5, 2 / 3))


# ---------------------------------------------------------------------------- brat export
def hand_ledger() -> Ledger:
    text = "Prices will rise,\nthe bank said, in the spring. Aid was promised. Nothing else was said."
    doc = Document(text=text)

    def span(piece: str) -> Span:
        start = text.index(piece)
        return Span(start, start + len(piece), piece)

    def cue(piece: str) -> Cue:
        s = span(piece)
        return Cue(s.start, s.end, s.text, piece)

    bank = span("the bank")
    said = cue("said")
    claims = [
        Claim(
            ClaimKind.INDIRECT,
            SectionKind.BODY,
            Stance.ASSERTED,
            said,
            [span("Prices will rise"), span("in the spring")],
            SourceMention(bank.start, bank.end, bank.text),
        ),
        Claim(ClaimKind.PASSIVE, SectionKind.BODY, Stance.REPORTED, cue("was promised"), [span("Aid")]),
        Claim(ClaimKind.NON_STATEMENT, SectionKind.BODY, Stance.NO_COMMENT, cue("was said."), []),
    ]
    return Ledger(document=doc, claims=claims)


def test_ledger_to_brat_writes_polnear_shape() -> None:
    ledger = hand_ledger()
    text = ledger.document.text
    expected = (
        f"T1\tSource {at(text, 'the bank')}\tthe bank\n"
        f"T2\tCue {at(text, 'said')}\tsaid\n"
        f"T3\tContent {at(text, 'Prices will rise')};{at(text, 'in the spring')}"
        "\tPrices will rise in the spring\n"
        f"T4\tAttribution {at(text, 'said')}\tsaid\n"
        "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n"
        f"T5\tCue {at(text, 'was promised')}\twas promised\n"
        f"T6\tContent {at(text, 'Aid')}\tAid\n"
        f"T7\tAttribution {at(text, 'was promised')}\twas promised\n"
        "E2\tAttribution:T7 Cue:T5 Content:T6\n"  # no source: no Source role; empty content: no E3
    )
    assert ledger_to_brat(ledger) == expected


def test_brat_text_field_stays_on_one_line() -> None:
    text = "“Rates\nwill\u2028rise,” the bank said."
    doc = Document(text=text)
    content = Span(1, text.index("”"), text[1 : text.index("”")])
    cue_at = text.index("said")
    claim = Claim(
        ClaimKind.DIRECT, SectionKind.BODY, Stance.ASSERTED, Cue(cue_at, cue_at + 4, "said", "say"), [content]
    )
    ann = ledger_to_brat(Ledger(document=doc, claims=[claim]))
    assert len(ann.splitlines()) == 4  # Cue, Content, Attribution, E: no line broken by the content
    assert "\tRates will rise,\n" in ann
    assert read_brat(ann, text, check_text=True)[0]["content"] == [(content.start, content.end)]


def test_read_brat_rejects_what_does_not_fit_the_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        read_brat("T1\tCue 5 500\tsaid\n", ALPHA)
    with pytest.raises(ValueError, match="T9"):
        read_brat(t_line("T1", "Cue", ALPHA, "said") + "\nE1\tAttribution:T1 Cue:T1 Content:T9\n", ALPHA)
    with pytest.raises(ValueError, match="does not match"):
        read_brat(f"T1\tCue {at(ALPHA, 'said')}\ttold\n", ALPHA, check_text=True)


def test_read_brat_parses_polnear_roles() -> None:
    relations = read_brat(
        gold_beta() + "T8\tContent " + at(BETA, "the deal") + "\tthe deal\n"
        "E3\tAttribution:T4 Cue:T2 Content:T6 Content2:T8\n",
        BETA,
    )
    assert [r["id"] for r in relations] == ["E1", "E2", "E3"]
    assert relations[0]["content_text"] == "Talks will fail unless both sides compromise"
    assert relations[0]["source_text"] == "the envoy"
    assert relations[1]["type"] == "Attribution-no-source" and relations[1]["source"] is None
    assert relations[2]["content_text"] == "the deal is dead the deal"  # Content2 merged, file order


@pytest.fixture(scope="module")
def demo_ledger() -> Ledger:
    text = (Path(reportedly.__file__).parent / "data" / "demo-article.txt").read_text(encoding="utf-8")
    return reportedly.analyze(text)


def test_brat_round_trip_recovers_every_claim(demo_ledger: Ledger) -> None:
    text = demo_ledger.document.text
    # the outlet's own statements are not attributions: brat (and PolNeAR) has no place for them
    claims = [c for c in demo_ledger.claims if c.content and c.kind is not ClaimKind.OUTLET]
    assert len(claims) >= 10 and len(claims) < len(demo_ledger.claims)
    assert any(c.source is None for c in claims) and any(len(c.content) > 1 for c in claims)
    relations = read_brat(ledger_to_brat(demo_ledger), text, check_text=True)
    assert len(relations) == len(claims)
    for claim, rel in zip(claims, relations, strict=True):
        assert rel["cue"] == [(claim.cue.start, claim.cue.end)]
        assert rel["content"] == [(s.start, s.end) for s in claim.content]
        assert rel["source"] == (None if claim.source is None else [(claim.source.start, claim.source.end)])


def test_brat_export_scores_perfectly_against_itself(demo_ledger: Ledger, tmp_path: Path) -> None:
    shared = shared_scorer()
    for name in ("text", "gold", "pred"):
        (tmp_path / name).mkdir()
    ann = ledger_to_brat(demo_ledger)
    (tmp_path / "text" / "demo.txt").write_text(demo_ledger.document.text, encoding="utf-8")
    (tmp_path / "gold" / "demo.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "pred" / "demo.ann").write_text(ann, encoding="utf-8")
    res = shared.score(str(tmp_path / "text"), str(tmp_path / "gold"), str(tmp_path / "pred"))
    for key in ("source_exact", "cue_exact", "content_exact", "relation_exact", "relation_lenient"):
        assert res[key] == (1.0, 1.0, 1.0), key
    attributions = [c for c in demo_ledger.claims if c.content and c.kind is not ClaimKind.OUTLET]
    assert res["counts"]["gold_relations"] == len(attributions)


# ---------------------------------------------------------------------------- runner
def test_split_chunks_balances_by_size(tmp_path: Path) -> None:
    paths = []
    for name, size in (("a", 900), ("b", 500), ("c", 400), ("d", 100)):
        path = tmp_path / f"{name}.txt"
        path.write_text("x" * size)
        paths.append(path)
    chunks = split_chunks(paths, 2)
    assert [[p.name for p in c] for c in chunks] == [["a.txt", "d.txt"], ["b.txt", "c.txt"]]
    assert len(split_chunks(paths[:1], 4)) == 1


def test_balanced_chunks_equal_weight_not_equal_count() -> None:
    texts = ["a " * 90, "b " * 10, "c " * 50, "d " * 40, "e " * 10]
    chunks = balanced_chunks(texts, 2, lambda t: len(t.split()))
    assert sorted(sum(len(t.split()) for t in c) for c in chunks) == [100, 100]
    # each chunk keeps the input order, and every item lands in exactly one chunk
    assert all(c == sorted(c, key=texts.index) for c in chunks)
    assert sorted(map(len, texts)) == sorted(len(t) for c in chunks for t in c)
    assert balanced_chunks([], 3, len) == []


@pytest.mark.slow  # a process pool
def test_predict_folder_with_workers_matches_one_process(corpus: dict[str, Path], tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    seen: list[int] = []
    assert predict_folder(corpus["text"], one) == 3
    assert predict_folder(corpus["text"], two, workers=2, progress=seen.append) == 3
    assert sum(seen) == 3
    for name in ("alpha", "beta", "gamma"):
        assert (one / f"{name}.ann").read_bytes() == (two / f"{name}.ann").read_bytes()
    assert (one / "alpha.ann").read_text(encoding="utf-8") == predict_annotations([ALPHA])[0]
    assert read_brat((one / "alpha.ann").read_text(encoding="utf-8"), ALPHA, check_text=True)


def test_predict_folder_reports_bad_input(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="does not exist"):
        predict_folder(tmp_path / "missing", tmp_path / "out")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 said\n")
    with pytest.raises(EvalError, match=r"bad\.txt: not UTF-8"):
        predict_folder(tmp_path, tmp_path / "out")


# ---------------------------------------------------------------------------- CLI
def test_cli_eval_json_matches_the_scorer_on_its_predictions(corpus: dict[str, Path], tmp_path: Path) -> None:
    out_dir = tmp_path / "preds"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--text",
            str(corpus["text"]),
            "--gold",
            str(corpus["gold"]),
            "--pred-out",
            str(out_dir),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(p.name for p in out_dir.iterdir()) == ["alpha.ann", "beta.ann", "gamma.ann"]
    expected = json.loads(json.dumps(score_folder(corpus["text"], corpus["gold"], out_dir)))
    assert data == expected
    assert data["documents"] == 2 and data["counts"]["gold_relations"] == 4
    # The extractor finds the mayor's and the spokeswoman's statements at least.
    assert data["counts"]["pred_relations"] >= 2 and data["relation_lenient"][1] >= 0.5


def test_cli_eval_prints_a_table(corpus: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["eval", "--text", str(corpus["text"]), "--gold", str(corpus["gold"])])
    assert result.exit_code == 0, result.output
    for word in ("Source", "Cue", "Content", "Relation", "lenient", "F1", "2 documents scored"):
        assert word in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text", "MISSING", "--gold", "{gold}"], "--text 'MISSING' does not exist"),
        (["--text", "{text}", "--gold", "MISSING"], "--gold 'MISSING' does not exist"),
        (["--text", "{gold}", "--gold", "{gold}"], "no .txt files"),
        (["--text", "{text}", "--gold", "{text}"], "has a gold file"),
        (["--text", "{text}", "--gold", "{gold}", "--workers", "0"], "--workers"),
        (["--text", "{text}", "--gold", "{gold}", "--pred-out", "{gold}"], "would overwrite gold"),
    ],
)
def test_cli_eval_usage_errors_exit_2(corpus: dict[str, Path], args: list[str], message: str) -> None:
    args = [a.format(text=corpus["text"], gold=corpus["gold"]) for a in args]
    result = CliRunner().invoke(app, ["eval", *args])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())  # Rich may wrap a long message
    assert "Traceback" not in result.output


def test_cli_eval_help_explains_the_metrics() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    for word in ("--text", "--gold", "--pred-out", "--workers", "--json", "lenient", "Jaccard", "trimmed"):
        assert word in result.output
