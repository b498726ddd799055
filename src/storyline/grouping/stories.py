"""Incremental story grouping: each new article joins its best-matching story or starts one.

Reads ``embedding``, ``entities``, ``published`` and ``duplicate_of``; returns one
``Membership`` per article (articles are never dropped). The ``StoryIndex`` holds what the
decision needs about existing stories, so a later run resumes from the store without
recomputing anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.grouping.evidence import EntityStats, evidence_between, gap_in_days
from storyline.models import Article, Evidence, Membership
from storyline.settings import GroupingSettings

_RARE_KEYS_FOR_CANDIDATES = 3
_MAX_STORIES_PER_KEY = 50


@dataclass
class StoryState:
    """What grouping remembers about one story."""

    id: int
    vector_sum: np.ndarray
    size: int = 0
    entity_counts: dict[str, int] = field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / (norm or 1.0)

    def profile(self) -> dict[str, float]:
        return {key: count / self.size for key, count in self.entity_counts.items()}

    def add(self, article: Article) -> None:
        if article.embedding is not None:
            self.vector_sum = self.vector_sum + article.embedding
        self.size += 1
        for key in entity_keys(article):
            self.entity_counts[key] = self.entity_counts.get(key, 0) + 1
        if article.published is not None:
            self.first = min(self.first or article.published, article.published)
            self.last = max(self.last or article.published, article.published)


@dataclass
class StoryIndex:
    """All stories' states, with fast candidate look-up by embedding and by rare entity."""

    dim: int
    stories: dict[int, StoryState] = field(default_factory=dict)
    article_story: dict[str, int] = field(default_factory=dict)
    stats: EntityStats = field(default_factory=EntityStats)
    next_id: int = 1
    _ids: list[int] = field(default_factory=list)
    _rows: dict[int, int] = field(default_factory=dict)
    _matrix: np.ndarray = field(init=False)
    _by_key: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._matrix = np.zeros((0, self.dim), dtype=np.float32)

    def add_story(self, state: StoryState) -> None:
        self.stories[state.id] = state
        self.next_id = max(self.next_id, state.id + 1)
        self._refresh(state)

    def new_story(self) -> StoryState:
        state = StoryState(id=self.next_id, vector_sum=np.zeros(self.dim, dtype=np.float32))
        self.add_story(state)
        return state

    def join(self, state: StoryState, article: Article) -> None:
        state.add(article)
        self.article_story[article.id] = state.id
        self._refresh(state)

    def candidates(self, article: Article, limit: int) -> list[StoryState]:
        chosen: set[int] = set()
        if article.embedding is not None and self._ids:
            scores = self._matrix[: len(self._ids)] @ article.embedding
            top = np.argsort(-scores)[:limit]
            chosen.update(self._ids[row] for row in top)
        keys = sorted(entity_keys(article), key=lambda key: -self.stats.weight(key))
        for key in keys[:_RARE_KEYS_FOR_CANDIDATES]:
            chosen.update(list(self._by_key.get(key, ()))[:_MAX_STORIES_PER_KEY])
        return [self.stories[story_id] for story_id in sorted(chosen)]

    def _refresh(self, state: StoryState) -> None:
        if state.id not in self._rows:
            if len(self._ids) >= self._matrix.shape[0]:
                grown = np.zeros((max(64, 2 * self._matrix.shape[0]), self.dim), dtype=np.float32)
                grown[: len(self._ids)] = self._matrix[: len(self._ids)]
                self._matrix = grown
            self._rows[state.id] = len(self._ids)
            self._ids.append(state.id)
        self._matrix[self._rows[state.id]] = state.centroid
        for key in state.entity_counts:
            self._by_key.setdefault(key, set()).add(state.id)


def entity_keys(article: Article) -> set[str]:
    return {mention.key for mention in article.entities}


def article_profile(article: Article) -> dict[str, float]:
    return {key: 1.0 for key in entity_keys(article)}


def story_evidence(article: Article, state: StoryState, stats: EntityStats, settings: GroupingSettings) -> Evidence:
    """The evidence that ``article`` belongs to the story ``state``."""
    vector = article.embedding if article.embedding is not None else np.zeros_like(state.vector_sum)
    return evidence_between(
        vector,
        state.centroid,
        article_profile(article),
        state.profile(),
        gap_in_days(article.published, state.first, state.last),
        stats,
        settings,
    )


def assign_stories(articles: Sequence[Article], index: StoryIndex, settings: GroupingSettings) -> list[Membership]:
    """Place every article, in order, updating ``index`` as it goes."""
    memberships = []
    for article in articles:
        if article.id in index.article_story:
            memberships.append(Membership(article.id, index.article_story[article.id], None))
            continue
        memberships.append(_place(article, index, settings))
    return memberships


def _place(article: Article, index: StoryIndex, settings: GroupingSettings) -> Membership:
    if article.duplicate_of and article.duplicate_of in index.article_story:
        state = index.stories[index.article_story[article.duplicate_of]]
        evidence = story_evidence(article, state, index.stats, settings)
        index.join(state, article)
        return Membership(article.id, state.id, evidence)
    best: tuple[float, StoryState, Evidence] | None = None
    for state in index.candidates(article, settings.candidate_stories):
        evidence = story_evidence(article, state, index.stats, settings)
        if best is None or evidence.score > best[0]:
            best = (evidence.score, state, evidence)
    if best is not None and best[0] >= settings.join_probability:
        index.join(best[1], article)
        return Membership(article.id, best[1].id, best[2])
    state = index.new_story()
    index.join(state, article)
    return Membership(article.id, state.id, None)
