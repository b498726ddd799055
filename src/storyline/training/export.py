"""Save a trained encoder as a model folder (``storyline.encoders.e5_tuned``) the encoder can run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from storyline.encoders.e5_tuned import E5Weights, write_tuned_model
from storyline.training.e5_torch import LINEARS, NORMS
from storyline.training.train import TrainedEncoder


def save_trained(trained: TrainedEncoder, base: E5Weights, folder: Path, info: dict[str, Any]) -> None:
    """The trained layers (the top ``trained_layers``) as changes to the bundled file, with ``info``."""
    if base.tuned is not None:
        raise ValueError("training starts from the bundled model; save over it, not over a tuned one")
    floats: dict[str, np.ndarray] = {}
    weights: dict[str, np.ndarray] = {}
    first = len(trained.layers) - trained.options.trained_layers
    for index in range(max(0, first), len(trained.layers)):
        layer = trained.layers[index]
        for name in LINEARS:
            linear = getattr(layer, name)
            weights[f"l{index}.{name}.w"] = linear.weight.detach().numpy().copy()
            floats[f"l{index}.{name}.b"] = linear.bias.detach().numpy().copy()
        for name in NORMS:
            norm = getattr(layer, name)
            floats[f"l{index}.{name}.w"] = norm.weight.detach().numpy().copy()
            floats[f"l{index}.{name}.b"] = norm.bias.detach().numpy().copy()
    write_tuned_model(folder, base.base, floats, weights, {**info, "training": trained.report()})
