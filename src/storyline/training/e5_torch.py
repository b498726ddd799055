"""multilingual-e5-small as a PyTorch module, started from the bundled weights (no download).

The module computes what ``storyline.encoders`` runs in onnxruntime: the same 4-bit weights, dequantised
to float32, the same attention, GELU and LayerNorms; its pooled vectors agree with the onnxruntime
encoder's to a cosine of about 0.99999. The word-embedding table is not part of it: the input is the summed
word + position + type embeddings, computed once outside (the table stays frozen, and as 4-bit codes).

``lower_layers`` splits the encoder: the first layers, which training leaves frozen, run once per text
(``frozen_states``) and the rest (``TrainableTop``) run in every step. Caching the frozen part's output
is what makes several epochs affordable on a 2-core machine.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from storyline.encoders.e5_tuned import E5Weights

LINEARS = ("q", "k", "v", "ao", "fi", "fo")
NORMS = ("aln", "oln")


class EncoderLayer(nn.Module):
    def __init__(self, hidden: int, heads: int, intermediate: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.ao = (nn.Linear(hidden, hidden) for _ in range(4))
        self.fi, self.fo = nn.Linear(hidden, intermediate), nn.Linear(intermediate, hidden)
        self.aln, self.oln = nn.LayerNorm(hidden, eps=eps), nn.LayerNorm(hidden, eps=eps)

    def forward(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, width = states.shape

        def split(projected: torch.Tensor) -> torch.Tensor:
            return projected.view(batch, length, self.heads, width // self.heads).transpose(1, 2)

        # A padded key gets a large negative score, as onnxruntime's MultiHeadAttention does with its mask.
        blocked = (1.0 - mask[:, None, None, :].to(states.dtype)) * -10000.0
        context = nn.functional.scaled_dot_product_attention(
            split(self.q(states)), split(self.k(states)), split(self.v(states)), attn_mask=blocked
        )
        context = context.transpose(1, 2).reshape(batch, length, width)
        attended = self.aln(states + self.ao(context))
        return self.oln(attended + self.fo(nn.functional.gelu(self.fi(attended))))


class LayerStack(nn.Module):
    def __init__(self, layers: list[EncoderLayer]) -> None:
        super().__init__()
        self.layers = nn.ModuleList(layers)

    def forward(self, states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        for layer in self.layers:
            states = layer(states, mask)
        return states


def load_layers(model: E5Weights) -> tuple[nn.LayerNorm, list[EncoderLayer]]:
    """The embedding LayerNorm and every encoder layer, with the file's weights (dequantised)."""
    config = model.config
    norm = nn.LayerNorm(config.hidden, eps=config.eps)
    _assign(norm, model, "emb.ln")
    layers = []
    for index in range(config.layers):
        layer = EncoderLayer(config.hidden, config.heads, config.intermediate, config.eps)
        for name in LINEARS:
            linear: nn.Linear = getattr(layer, name)
            rows, columns = linear.weight.shape
            matrix = model.linear(f"l{index}.{name}.w", rows, columns)
            weights = matrix if isinstance(matrix, np.ndarray) else matrix.dequantised()
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(weights))
                linear.bias.copy_(torch.from_numpy(model.floats(f"l{index}.{name}.b")))
        for name in NORMS:
            _assign(getattr(layer, name), model, f"l{index}.{name}")
        layers.append(layer)
    return norm, layers


def _assign(norm: nn.LayerNorm, model: E5Weights, prefix: str) -> None:
    with torch.no_grad():
        norm.weight.copy_(torch.from_numpy(model.floats(f"{prefix}.w")))
        norm.bias.copy_(torch.from_numpy(model.floats(f"{prefix}.b")))


def mean_pooled(states: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Unit-length mean of each row's real tokens, as the encoder pools."""
    weights = mask.to(states.dtype)[..., None]
    pooled = (states * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
    return nn.functional.normalize(pooled, dim=-1)


def input_embeddings(model: E5Weights, ids: np.ndarray) -> np.ndarray:
    """Word + position + type embeddings of padded ids [batch, length], as the encoder computes them."""
    hidden = model.config.hidden
    positions = model.floats("emb.pos").reshape(-1, hidden)[: ids.shape[1]]
    token_type = model.floats("emb.type")[:hidden]
    return (model.word_vectors(ids) + positions + token_type).astype(np.float32)


def parameter_count(module: nn.Module) -> int:
    return sum(math.prod(parameter.shape) for parameter in module.parameters())
