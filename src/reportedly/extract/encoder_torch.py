"""The encoder tagger as a torch network: building it, storing it in int8, loading it back.

:func:`build_model` is the network training fine-tunes (:mod:`reportedly.train.encoder`);
:func:`save_model` writes it as inference runs it (int8 linear layers, the rest in float16),
:func:`load_tagger` reads that file for the torch runtime and :func:`load_float` for further
training. Torch is imported inside each function: the ONNX runtime never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .encoder_input import DIST_BUCKETS, FROZEN, LAYERS, PAIR_DIM, PAIR_LAYERS, TAGS, WEIGHTS, base_model_dir


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

    The second training stage (:mod:`reportedly.train.encoder`) starts from
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
