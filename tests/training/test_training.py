"""Fine-tuning on a handful of pairs for a few steps: the loss goes down, the saved model is faithful.

The full training run is never part of the suite (benchmarks/train_cv.py measures it).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from seed_pairs import seed_pair_file

from storyline.encoders.e5_encoder import PASSAGE_PREFIX, E5Encoder, bundled_model_path, padded
from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_tuned import (
    BUNDLED_VECTOR_SPACE,
    MODEL_JSON,
    E5Weights,
    TunedModelError,
    load_weights,
    tuned_vector_space,
)
from storyline.evaluation.pairs import LabeledPair, read_pairs
from storyline.models import Article
from storyline.stages.embed import E5SmallEmbedder, embedding_text, make_embedder

torch = pytest.importorskip("torch", reason="training needs PyTorch (pip install 'storyline[train]')")

from storyline.training.e5_torch import LayerStack, input_embeddings, load_layers, mean_pooled  # noqa: E402
from storyline.training.export import save_trained  # noqa: E402
from storyline.training.objectives import contrastive, cosent  # noqa: E402
from storyline.training.pair_data import pair_folds, training_set  # noqa: E402
from storyline.training.train import TrainOptions, train_encoder  # noqa: E402

MAX_CHARS = 600


@pytest.fixture(scope="module")
def base() -> E5Weights:
    return load_weights(E5File(bundled_model_path()), None)


@pytest.fixture(scope="module")
def seed_pairs(tmp_path_factory: pytest.TempPathFactory) -> list[LabeledPair]:
    """Two halves of one seed article are the same story (1.0); halves of two seeds are not (3.5)."""
    from importlib import resources

    seeds = Path(str(resources.files("storyline").joinpath("samples")))
    return read_pairs(seed_pair_file(seeds, tmp_path_factory.mktemp("pairs")))


def _torch_vectors(layers: list, norm: torch.nn.LayerNorm, base: E5Weights, texts: list[str]) -> np.ndarray:
    encoder_tokens = E5Encoder().tokenizer
    ids, mask = padded(
        [
            [base.tokenizer.bos, *encoder_tokens.content_ids(PASSAGE_PREFIX + text), base.tokenizer.eos]
            for text in texts
        ],
        base.tokenizer.eos,
    )
    with torch.no_grad():
        states = LayerStack(layers)(norm(torch.from_numpy(input_embeddings(base, ids))), torch.from_numpy(mask))
        return mean_pooled(states, torch.from_numpy(mask)).numpy()


def test_training_torch_model_computes_what_the_onnx_encoder_does(base: E5Weights, seed_pairs: list) -> None:
    texts = [embedding_text(pair.a, MAX_CHARS) for pair in seed_pairs[:5]]
    norm, layers = load_layers(base)
    cosines = np.sum(_torch_vectors(layers, norm, base, texts) * E5Encoder().embed(texts, PASSAGE_PREFIX), axis=1)
    assert cosines.min() > 0.9999


def test_training_loss_goes_down_and_the_saved_model_is_faithful(
    base: E5Weights, seed_pairs: list, tmp_path: Path
) -> None:
    data = training_set(seed_pairs, base, MAX_CHARS)
    options = TrainOptions(epochs=4, batch_pairs=10, trained_layers=2, learning_rate=1e-4, warmup=0.0)
    trained = train_encoder(data, base, options)
    assert len(trained.losses) == 4
    assert trained.losses[-1] < trained.losses[0]
    # only the top two layers learned
    untouched = load_layers(base)[1]
    assert torch.equal(trained.layers[9].fi.weight, untouched[9].fi.weight)
    assert not torch.equal(trained.layers[11].fi.weight, untouched[11].fi.weight)

    folder = tmp_path / "model"
    save_trained(trained, base, folder, {"note": "test"})
    texts = [embedding_text(pair.a, MAX_CHARS) for pair in seed_pairs[:5]]
    tuned = E5Encoder(tuned=folder).embed(texts, PASSAGE_PREFIX)
    faithful = np.sum(_torch_vectors(trained.layers, trained.norm, base, texts) * tuned, axis=1)
    assert faithful.min() >= 0.999
    moved = np.sum(E5Encoder().embed(texts, PASSAGE_PREFIX) * tuned, axis=1)
    assert moved.min() < 0.9999  # training changed the vectors
    info = json.loads((folder / MODEL_JSON).read_text())
    assert info["note"] == "test" and info["training"]["options"]["trained_layers"] == 2

    embedder = make_embedder("e5-small", str(folder))
    assert embedder.vector_space == tuned_vector_space(folder) != BUNDLED_VECTOR_SPACE
    assert np.allclose(embedder.embed(texts), tuned, atol=1e-6)
    with pytest.raises(ValueError, match="only as the e5-small embedder"):
        make_embedder("use-m3", str(folder))

    info["base_sha256"] = "0" * 64
    (folder / MODEL_JSON).write_text(json.dumps(info))
    with pytest.raises(TunedModelError, match="another base model"):
        E5Encoder(tuned=folder)


def test_training_folder_that_is_not_a_model_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(TunedModelError, match=f"{tmp_path}: not a tuned model folder"):
        E5SmallEmbedder(tmp_path)
    (tmp_path / MODEL_JSON).write_text('{"format": "something else"}')
    with pytest.raises(TunedModelError, match="model format 'something else'"):
        tuned_vector_space(tmp_path)


def test_training_cosent_prefers_cosines_ordered_as_the_scores() -> None:
    vectors = torch.nn.functional.normalize(torch.randn(4, 8), dim=-1)
    close = torch.nn.functional.normalize(vectors + 0.1 * torch.randn(4, 8), dim=-1)
    far = torch.nn.functional.normalize(torch.randn(4, 8), dim=-1)
    right = torch.stack([close[0], close[1], far[2], far[3]])
    scores, groups = torch.tensor([1.0, 1.0, 4.0, 4.0]), torch.arange(4)
    ordered = cosent(vectors, right, scores, groups)
    reversed_scores = cosent(vectors, right, torch.tensor([4.0, 4.0, 1.0, 1.0]), groups)
    assert ordered < reversed_scores
    assert contrastive(vectors, right, scores, groups) < contrastive(vectors, right.flip(0), scores, groups)


def test_training_cross_pairs_within_one_group_are_not_taken_as_unrelated() -> None:
    x, y, z, w, v = torch.nn.functional.normalize(torch.randn(5, 8), dim=-1)
    left, right = torch.stack([x, y, z]), torch.stack([w, x, v])  # pair 1's right side is pair 0's left
    scores = torch.tensor([2.0, 2.0, 2.0])
    # as one group, the cross pair (x, x) has no known score; as strangers it would be "unrelated"
    one_group = cosent(left, right, scores, torch.tensor([0, 0, 1]))
    apart = cosent(left, right, scores, torch.tensor([0, 1, 2]))
    assert apart > one_group + 5.0


def test_training_folds_never_split_pairs_that_share_an_article() -> None:
    articles = [Article(id=f"a{i}", text=f"text {i}") for i in range(40)]
    pairs = [LabeledPair(f"p{i}", articles[i], articles[i + 1], 2.0, 1) for i in range(0, 30, 2)]
    pairs += [LabeledPair("chain1", articles[30], articles[31], 1.0, 1)]
    pairs += [LabeledPair("chain2", articles[31], articles[32], 1.0, 1)]
    pairs += [LabeledPair("chain3", articles[32], articles[0], 1.0, 1)]
    folds = pair_folds(pairs, 4, seed=3)
    fold_of_article: dict[str, int] = {}
    for pair, fold in zip(pairs, folds, strict=True):
        for article in (pair.a, pair.b):
            assert fold_of_article.setdefault(article.id, fold) == fold
    sizes = np.bincount(folds, minlength=4)
    assert sizes.max() - sizes.min() <= 2


def test_training_weights_that_do_not_fit_the_base_model_are_refused(base: E5Weights, tmp_path: Path) -> None:
    from storyline.encoders.e5_tuned import TunedModel, write_tuned_model

    write_tuned_model(tmp_path, base.base, {}, {"l0.q.w": np.zeros((384, 384), dtype=np.float32)}, {})
    TunedModel(tmp_path, base.base)  # a change of the right shape is fine
    codes, scales = np.zeros((384, 12, 32), np.int8), np.zeros((384, 12), np.float32)  # fi is 1536 x 384
    np.savez_compressed(tmp_path / "weights.npz", **{"l0.fi.w.delta_codes": codes, "l0.fi.w.delta_scales": scales})
    with pytest.raises(TunedModelError, match="l0.fi.w, which does not fit the base model"):
        TunedModel(tmp_path, base.base)
