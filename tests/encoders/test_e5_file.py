from pathlib import Path

import numpy as np
import pytest

from storyline.encoders.e5_file import Q4_BLOCK, E5File, E5FileError, Q4Matrix, _unpack
from storyline.encoders.e5_graph import pack_nibbles


def test_e5_file_reads_the_bundled_configuration(e5_file: E5File) -> None:
    config = e5_file.config
    assert (config.hidden, config.layers, config.heads, config.intermediate) == (384, 12, 12, 1536)
    assert config.max_positions == 512
    assert len(e5_file.tokenizer.pieces) > 200_000


def test_e5_file_refuses_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(E5FileError, match="not an E5S1 model file"):
        E5File(path)


def test_e5_file_q4_block_decodes_low_nibbles_then_high_nibbles() -> None:
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["scale"] = 0.5
    block["codes"][0] = [(15 - j) << 4 | j for j in range(16)]  # weight j = j, weight j + 16 = 15 - j
    weights = _unpack(block.reshape(1, 1)).dequantised()[0]
    expected = np.array([j - 8 for j in range(16)] + [15 - j - 8 for j in range(16)], dtype=np.float32) * 0.5
    assert np.array_equal(weights, expected)


def test_e5_file_repacking_keeps_every_code_in_order() -> None:
    codes = np.random.default_rng(0).integers(0, 16, size=(3, 2, 32), dtype=np.uint8)
    packed = pack_nibbles(Q4Matrix(codes=codes, scales=np.ones((3, 2), np.float32)))
    unpacked = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(3, 2, 32)
    assert np.array_equal(unpacked, codes)


def test_e5_file_word_vectors_match_the_dequantised_table_rows(e5_file: E5File) -> None:
    ids = np.array([[0, 5, 250001], [17, 17, 3]])
    vectors = e5_file.word_vectors(ids)
    assert vectors.shape == (2, 3, 384)
    assert np.array_equal(vectors[1, 0], vectors[1, 1])
    assert not np.array_equal(vectors[0, 1], vectors[1, 0])
    assert np.all(np.isfinite(vectors)) and np.abs(vectors).max() < 10
