"""Fine-tune e5-small's transformer layers on scored pairs, on the CPU.

The word-embedding table stays frozen (it is most of the model, and the 4-bit table every language
shares); so do the layers below ``trained_layers``, whose output is computed once per article and kept.
Each step embeds a batch of pairs, scores it with the chosen objective and takes an AdamW step with a
linear warm-up and decay. Batches are drawn in a seeded order, so a run is repeatable.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import torch

from storyline.encoders.e5_encoder import padded
from storyline.encoders.e5_tuned import E5Weights
from storyline.training.e5_torch import EncoderLayer, LayerStack, input_embeddings, load_layers, mean_pooled
from storyline.training.objectives import OBJECTIVES
from storyline.training.pair_data import TrainingSet

FROZEN_BATCH_TOKENS = 8192  # padded tokens per forward pass of the frozen layers


@dataclass(frozen=True)
class TrainOptions:
    objective: str = "cosent"
    epochs: int = 2
    batch_pairs: int = 16
    learning_rate: float = 2e-5
    warmup: float = 0.1  # share of the steps with a rising learning rate
    weight_decay: float = 0.01
    trained_layers: int = 6  # the top layers that learn; the rest stay as bundled (6 of 12: docs/training.md)
    seed: int = 0
    max_steps: int | None = None  # stop early (tests)


@dataclass
class TrainedEncoder:
    """The layers after training, and how training went."""

    norm: torch.nn.LayerNorm
    layers: list[EncoderLayer]
    options: TrainOptions
    losses: list[float] = field(default_factory=list)  # mean loss per epoch
    step_losses: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def report(self) -> dict[str, Any]:
        return {
            "options": asdict(self.options),
            "epoch_losses": [round(loss, 5) for loss in self.losses],
            "steps": len(self.step_losses),
            "seconds": round(self.seconds, 1),
        }


def train_encoder(
    data: TrainingSet,
    model: E5Weights,
    options: TrainOptions,
    on_step: Callable[[int, int, float], None] = lambda _step, _total, _loss: None,
) -> TrainedEncoder:
    """Train on ``data`` from the weights of ``model``; ``on_step(step, total, loss)`` reports progress."""
    if options.objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {options.objective!r}; choose one of {', '.join(OBJECTIVES)}")
    if not data.pairs:
        raise ValueError("no scored pairs to train on")
    torch.manual_seed(options.seed)
    started = time.perf_counter()
    norm, layers = load_layers(model)
    frozen_count = model.config.layers - max(1, min(options.trained_layers, model.config.layers))
    frozen = frozen_states(data.tokens, model, norm, LayerStack(layers[:frozen_count]))
    top = LayerStack(layers[frozen_count:])
    for parameter in norm.parameters():
        parameter.requires_grad_(False)
    objective = OBJECTIVES[options.objective]
    random = np.random.default_rng(options.seed)
    per_epoch = -(-len(data.pairs) // options.batch_pairs)
    total = (
        per_epoch * options.epochs if options.max_steps is None else min(options.max_steps, per_epoch * options.epochs)
    )
    optimiser = torch.optim.AdamW(top.parameters(), lr=options.learning_rate, weight_decay=options.weight_decay)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, _warmup_then_decay(total, options.warmup))
    trained = TrainedEncoder(norm, layers, options)
    top.train()
    step = 0
    while step < total:
        order = random.permutation(len(data.pairs))
        epoch_losses = []
        for start in range(0, len(order), options.batch_pairs):
            if step >= total:
                break
            batch = [data.pairs[index] for index in order[start : start + options.batch_pairs]]
            left = _pooled(top, frozen, [pair.left for pair in batch])
            right = _pooled(top, frozen, [pair.right for pair in batch])
            scores = torch.tensor([pair.score for pair in batch], dtype=torch.float32)
            groups = torch.tensor([pair.group for pair in batch])
            loss = objective(left, right, scores, groups)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(top.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            epoch_losses.append(loss.item())
            trained.step_losses.append(epoch_losses[-1])
            on_step(step, total, epoch_losses[-1])
        trained.losses.append(float(np.mean(epoch_losses)) if epoch_losses else float("nan"))
    top.eval()
    trained.seconds = time.perf_counter() - started
    return trained


def frozen_states(
    tokens: list[list[int]], model: E5Weights, norm: torch.nn.LayerNorm, frozen: LayerStack
) -> list[torch.Tensor]:
    """Each text's states after the frozen layers ([length, hidden]), computed once, without padding kept."""
    states: list[torch.Tensor] = [torch.empty(0)] * len(tokens)
    order = sorted(range(len(tokens)), key=lambda index: len(tokens[index]), reverse=True)
    start = 0
    with torch.no_grad():
        while start < len(order):
            size = max(1, FROZEN_BATCH_TOKENS // len(tokens[order[start]]))
            chunk = order[start : start + size]
            ids, mask = padded([tokens[index] for index in chunk], model.tokenizer.eos)
            hidden = frozen(norm(torch.from_numpy(input_embeddings(model, ids))), torch.from_numpy(mask))
            for row, index in enumerate(chunk):
                states[index] = hidden[row, : len(tokens[index])].clone()
            start += size
    return states


def _pooled(top: LayerStack, frozen: list[torch.Tensor], indices: list[int]) -> torch.Tensor:
    length = max(len(frozen[index]) for index in indices)
    states = torch.zeros(len(indices), length, frozen[indices[0]].shape[-1])
    mask = torch.zeros(len(indices), length, dtype=torch.int64)
    for row, index in enumerate(indices):
        states[row, : len(frozen[index])] = frozen[index]
        mask[row, : len(frozen[index])] = 1
    return mean_pooled(top(states, mask), mask)


def _warmup_then_decay(total: int, warmup: float) -> Callable[[int], float]:
    rising = max(1, int(total * warmup))

    def factor(step: int) -> float:
        if step < rising:
            return (step + 1) / rising
        return max(0.0, (total - step) / max(1, total - rising))

    return factor
