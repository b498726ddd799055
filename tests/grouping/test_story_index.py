"""The story index's cache of member vectors: the closest member is found exactly, and the least
recently used stories are the ones forgotten (not all at once)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from storyline.grouping.story_index import NothingStored, StoryIndex, StoryState, _best_per_segment
from storyline.models import Article, EntityMention

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

    def members_of_stories(self, story_ids: Sequence[int]) -> dict[int, list[tuple[str, np.ndarray]]]:
        self.reads += story_ids
        return {story_id: self.vectors[story_id] for story_id in story_ids}


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


class KeyStories(NothingStored):
    """Stored stories per (key, low, high): story 100 + the key's number; counts the look-ups."""

    def __init__(self) -> None:
        self.single: list[str] = []
        self.batched: list[list[tuple[str, dt.date, dt.date]]] = []

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]:
        self.single.append(key)
        return [100 + int(key[1:])]

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]:
        self.batched.append(list(probes))
        return {probe: [100 + int(probe[0][1:])] for probe in probes}


def test_story_index_reads_a_batchs_key_stories_together() -> None:
    """A batch's articles get their rare keys' stored stories from one look-up made before they are
    placed: a dated one around its date, an undated one around the newest date placed before it. One
    undated before any date is placed has no window yet, and asks for its own."""
    mentions = [
        tuple(EntityMention(key=f"k{n}", surface=f"K{n}", kind="person", lemma=f"K{n}") for n in range(m, m + 2))
        for m in (0, 2)
    ]
    dated = [
        Article(id=f"a{n}", text="", published=dt.date(2025, 1, 10 + n), entities=found)
        for n, found in enumerate(mentions)
    ]
    undated = Article(id="u", text="", entities=mentions[0])
    source = KeyStories()
    index = StoryIndex(DIM, source=source, window_days=10)
    index.prefetch_key_stories([*dated, undated])
    assert len(source.batched) == 1 and {key for key, _low, _high in source.batched[0]} == {"k0", "k1", "k2", "k3"}
    for article, stories in zip(dated, ({100, 101}, {102, 103}), strict=True):
        assert set(index.candidates(article, 5)) == stories
        index.join(index.new_story(), article)
    assert set(index.candidates(undated, 5)) == {1, 100, 101}  # story 1: the batch's own, naming k0 too
    assert source.single == [], "the undated article's window was read with the batch"
    first = KeyStories()
    index = StoryIndex(DIM, source=first, window_days=10)
    index.prefetch_key_stories([undated, *dated])
    assert set(index.candidates(undated, 5)) == {100, 101} and sorted(first.single) == ["k0", "k1"]


def _mention(n: int) -> EntityMention:
    return EntityMention(key=f"k{n}", surface=f"K{n}", kind="person", lemma=f"K{n}")


def test_story_index_finds_the_batchs_changed_stories_by_any_key_they_hold() -> None:
    """A story changed in the batch is a candidate for an article sharing any of its keys: those of its
    stored members (read with its state) and those of the members the batch gave it; after the
    commit, only through the store."""
    index = StoryIndex(DIM, source=KeyStories(), window_days=10)
    day = dt.date(2025, 1, 10)
    stored = StoryState(id=7, vector_sum=np.zeros(DIM, dtype=np.float32), size=3, entity_counts={"k9": 3})
    index.stories[7] = stored  # as read from the store
    index.join(stored, Article(id="a", text="", published=day, entities=(_mention(1),)))
    index.join(stored, Article(id="b", text="", published=day, entities=(_mention(2),)))
    fresh = index.new_story()
    index.join(fresh, Article(id="c", text="", published=day, entities=(_mention(2),)))

    def found(n: int) -> set[int]:
        return set(index.candidates(Article(id=f"q{n}", text="", published=day, entities=(_mention(n),)), 5))

    assert found(9) == {7, 109} and found(1) == {7, 101} and found(2) == {7, fresh.id, 102}
    assert found(3) == {103}
    index.committed({})
    assert found(9) == {109} and found(2) == {102}


def test_best_per_segment_is_argmax_of_each_segment_first_on_ties() -> None:
    rng = np.random.default_rng(7)
    for _trial in range(500):
        sizes = rng.integers(0, 5, size=int(rng.integers(0, 6)))
        scores = rng.integers(0, 3, size=int(sizes.sum())).astype(np.float32)  # many ties
        expected, start = [], 0
        for size in sizes.tolist():
            row = int(np.argmax(scores[start : start + size])) if size else -1
            expected.append((row, float(scores[start + row]) if size else 0.0))
            start += size
        assert _best_per_segment(scores, sizes) == expected


class DatedStates(NothingStored):
    """Stored stories 1..n, story n ending on day n of 2025; counts the states read."""

    def __init__(self, stories: int) -> None:
        self.days = {
            story_id: dt.date(2025, 1, 1) + dt.timedelta(days=story_id - 1) for story_id in range(1, stories + 1)
        }
        self.reads: list[int] = []

    def story_states(self, story_ids: Sequence[int]) -> dict[int, StoryState]:
        self.reads += story_ids
        return {
            story_id: StoryState(
                story_id, np.ones(DIM, dtype=np.float32), 1, {}, self.days[story_id], self.days[story_id]
            )
            for story_id in story_ids
            if story_id in self.days
        }

    def next_story_id(self) -> int:
        return len(self.days) + 1


def test_story_index_forgets_stories_that_ended_before_its_horizon() -> None:
    """After a commit, stories that ended more than ``keep_days`` before the newest date leave memory
    (states and outlines), recent and undated ones stay; a forgotten one is read again when asked for."""
    source = DatedStates(stories=60)
    index = StoryIndex(DIM, source=source, window_days=5, keep_days=20)
    index.states(range(1, 61))
    index.outline_rows(range(1, 61))
    undated = index.new_story()
    index.join(undated, Article(id="u", text="", embedding=_unit(np.ones(DIM))))
    latest = index.states([60])[60]
    index.join(latest, Article(id="n", text="", published=dt.date(2025, 3, 1), embedding=_unit(np.ones(DIM))))
    index.committed({})
    horizon = dt.date(2025, 3, 1) - dt.timedelta(days=20)
    kept = {story_id for story_id, day in source.days.items() if day >= horizon}
    assert set(index.stories) == kept | {60, undated.id}
    assert set(index.outlines.row) == kept - {60}, "a changed story's outline is written again when next needed"
    source.reads.clear()
    assert index.states([1])[1].last == dt.date(2025, 1, 1) and source.reads == [1]
