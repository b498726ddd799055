"""The story index's cache of member vectors: the closest member is found exactly, and the least
recently used stories are the ones forgotten (not all at once)."""

from __future__ import annotations

import numpy as np

from storyline.grouping.story_index import NothingStored, StoryIndex
from storyline.models import Article

DIM = 8


class Members(NothingStored):
    """Stories 1..n of ``size`` members each, counting how often a story's members are read."""

    def __init__(self, stories: int, size: int) -> None:
        rng = np.random.default_rng(5)
        self.vectors = {
            story_id: [(f"s{story_id}-{n}", _unit(rng.normal(size=DIM))) for n in range(size)]
            for story_id in range(1, stories + 1)
        }
        self.reads: list[int] = []

    def member_vectors(self, story_id: int) -> list[tuple[str, np.ndarray]]:
        self.reads.append(story_id)
        return self.vectors[story_id]


def _unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def test_story_index_closest_member_is_the_most_similar_of_every_member() -> None:
    source = Members(stories=3, size=40)
    index = StoryIndex(DIM, source=source)
    rng = np.random.default_rng(9)
    for _ in range(20):
        article = Article(id="x", text="", embedding=_unit(rng.normal(size=DIM)))
        for story_id, members in source.vectors.items():
            scores = [float(vector @ article.embedding) for _id, vector in members]
            best = int(np.argmax(scores))
            similarity, member = index.closest_member(article, story_id)
            assert member == members[best][0] and abs(similarity - scores[best]) < 1e-5


def test_story_index_forgets_the_least_recently_used_members_first() -> None:
    source = Members(stories=6, size=10)
    index = StoryIndex(DIM, source=source, max_cached_members=40)  # four stories' worth
    article = Article(id="x", text="", embedding=_unit(np.ones(DIM)))
    for story_id in (1, 2, 3, 4, 5):  # 50 vectors: over the bound
        index.closest_member(article, story_id)
        index.closest_member(article, 1)  # story 1 stays in use
    index.committed({})  # trims to three quarters of the bound: the least recently used go
    source.reads.clear()
    for story_id in (1, 5, 4):
        index.closest_member(article, story_id)
    assert source.reads == [], "the recently used stories are still in memory"
    index.closest_member(article, 2)
    assert source.reads == [2], "the least recently used one was forgotten"
