"""Helpers shared by the tests: hand-built articles and a fake embedder.

Imported as ``helpers`` (not from ``conftest``: the sub-folders have conftest modules of their own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storyline.models import Article, EntityMention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


class TableEmbedder:
    """A fake embedder: a fixed vector per text prefix, so tests choose the similarities."""

    name = "table"
    vector_space = "table"
    dim = 3

    def __init__(self, table: dict[str, Sequence[float]]) -> None:
        self.table = {key: np.asarray(value, dtype=np.float32) for key, value in table.items()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            vector = next((v for key, v in self.table.items() if text.startswith(key)), np.ones(3, dtype=np.float32))
            rows.append(vector / np.linalg.norm(vector))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), 3)


def make_article(
    article_id: str,
    vector: Sequence[float] | None = None,
    keys: Sequence[str] = (),
    published: dt.date | None = None,
    text: str = "text",
) -> Article:
    embedding = None
    if vector is not None:
        array = np.asarray(vector, dtype=np.float32)
        embedding = array / np.linalg.norm(array)
    return Article(
        id=article_id,
        text=text,
        published=published,
        embedding=embedding,
        entities=tuple(EntityMention(key=key, surface=key, kind="misc", lemma=key) for key in keys),
    )
