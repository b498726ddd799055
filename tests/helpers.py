"""Helpers shared by the tests: hand-built articles and a fake embedder.

Imported as ``helpers`` (not from ``conftest``: the sub-folders have conftest modules of their own).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from storyline.models import Article, EntityMention
from storyline.stages.embed import HashingEmbedder

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


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting the texts it is asked for in this process (a worker process
    that receives a copy counts in its own)."""

    def __init__(self) -> None:
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        return super().embed(texts)


class DyingEmbedder(CountingEmbedder):
    """Embeds in the process that made it; any other process that runs it dies at once (a worker
    killed mid-run)."""

    def __init__(self) -> None:
        super().__init__()
        self.home = os.getpid()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if os.getpid() != self.home:
            os._exit(1)
        return super().embed(texts)


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
