"""Incremental story grouping: each new article joins its best-matching story or starts one.

Reads ``embedding``, ``entities``, ``published`` and ``duplicate_of``; returns one
``Membership`` per article (articles are never dropped). The ``StoryIndex`` holds what the
decision needs about existing stories, so a later run resumes from the store without
recomputing anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.grouping.evidence import EntityStats, gap_in_days, weigh_evidence
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
    languages: dict[str, int] = field(default_factory=dict)

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
        if article.language:
            self.languages[article.language] = self.languages.get(article.language, 0) + 1
        if article.published is not None:
            self.first = min(self.first or article.published, article.published)
            self.last = max(self.last or article.published, article.published)


class VectorRows:
    """A growing matrix of unit vectors with a label per row (article id and story id)."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self.article_ids: list[str] = []
        self.story_ids: list[int] = []
        self.rows_of_story: dict[int, list[int]] = {}
        self._matrix = np.zeros((0, dim), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.article_ids)

    def add(self, article_id: str, story_id: int, vector: np.ndarray) -> None:
        if len(self) >= self._matrix.shape[0]:
            grown = np.zeros((max(256, 2 * self._matrix.shape[0]), self.dim), dtype=np.float32)
            grown[: len(self)] = self._matrix[: len(self)]
            self._matrix = grown
        self._matrix[len(self)] = vector
        self.rows_of_story.setdefault(story_id, []).append(len(self))
        self.article_ids.append(article_id)
        self.story_ids.append(story_id)

    def similarities(self, vector: np.ndarray, rows: list[int] | None = None) -> np.ndarray:
        matrix = self._matrix[: len(self)] if rows is None else self._matrix[rows]
        return matrix @ vector


@dataclass
class StoryIndex:
    """All stories' states and their members' vectors, for candidate look-up and evidence."""

    dim: int
    stories: dict[int, StoryState] = field(default_factory=dict)
    article_story: dict[str, int] = field(default_factory=dict)
    stats: EntityStats = field(default_factory=EntityStats)
    next_id: int = 1
    _members: VectorRows = field(init=False)
    _by_key: dict[str, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._members = VectorRows(self.dim)

    def add_story(self, state: StoryState) -> None:
        self.stories[state.id] = state
        self.next_id = max(self.next_id, state.id + 1)
        self._index_keys(state)

    def add_member(self, article_id: str, story_id: int, vector: np.ndarray | None) -> None:
        """Remember an article already in a story (used when loading from the store)."""
        self.article_story[article_id] = story_id
        if vector is not None:
            self._members.add(article_id, story_id, vector)

    def new_story(self) -> StoryState:
        state = StoryState(id=self.next_id, vector_sum=np.zeros(self.dim, dtype=np.float32))
        self.add_story(state)
        return state

    def join(self, state: StoryState, article: Article) -> None:
        state.add(article)
        self.add_member(article.id, state.id, article.embedding)
        self._index_keys(state)

    def nearest_members(self, article: Article, limit: int) -> dict[int, tuple[float, str]]:
        """For the stories of the ``limit`` nearest articles: (similarity, article id) of the closest member."""
        if article.embedding is None or not len(self._members):
            return {}
        scores = self._members.similarities(article.embedding)
        order = np.argsort(-scores)[:limit] if len(scores) > limit else np.argsort(-scores)
        closest: dict[int, tuple[float, str]] = {}
        for row in order:
            story_id = self._members.story_ids[row]
            if story_id not in closest:
                closest[story_id] = (float(scores[row]), self._members.article_ids[row])
        return closest

    def closest_member(self, article: Article, story_id: int) -> tuple[float, str | None]:
        """The story's member most similar to the article (similarity 0 when nothing to compare)."""
        if article.embedding is None or not len(self._members):
            return 0.0, None
        rows = self._members.rows_of_story.get(story_id, [])
        if not rows:
            return 0.0, None
        scores = self._members.similarities(article.embedding, rows)
        best = int(np.argmax(scores))
        return float(scores[best]), self._members.article_ids[rows[best]]

    def candidates(self, article: Article, limit: int) -> dict[int, tuple[float, str | None]]:
        """Stories worth comparing, with each one's closest member: nearest by meaning, or sharing a rare entity."""
        chosen: dict[int, tuple[float, str | None]] = dict(self.nearest_members(article, limit))
        keys = sorted(entity_keys(article), key=lambda key: -self.stats.weight(key))
        for key in keys[:_RARE_KEYS_FOR_CANDIDATES]:
            for story_id in list(self._by_key.get(key, ()))[:_MAX_STORIES_PER_KEY]:
                if story_id not in chosen:
                    chosen[story_id] = self.closest_member(article, story_id)
        return chosen

    def _index_keys(self, state: StoryState) -> None:
        for key in state.entity_counts:
            self._by_key.setdefault(key, set()).add(state.id)


def entity_keys(article: Article) -> set[str]:
    return {mention.key for mention in article.entities}


def article_profile(article: Article) -> dict[str, float]:
    return {key: 1.0 for key in entity_keys(article)}


def story_evidence(
    article: Article,
    state: StoryState,
    closest: tuple[float, str | None],
    stats: EntityStats,
    settings: GroupingSettings,
) -> Evidence:
    """The evidence that ``article`` belongs to the story ``state``.

    Meaning is measured against the story's closest member rather than its centroid: a
    centroid of several articles sits near the middle of a whole topic and attracts articles
    about other events (measured in docs/grouping.md).
    """
    similarity, closest_id = closest
    return weigh_evidence(
        similarity,
        article_profile(article),
        state.profile(),
        gap_in_days(article.published, state.first, state.last),
        stats,
        settings,
        cross_lingual=is_cross_lingual(article.language, state.languages),
        closest_article=closest_id,
    )


def is_cross_lingual(language: str | None, others: Iterable[str]) -> bool:
    """True when the article's language is known and none of the others share it."""
    known = set(others)
    return bool(language and known and language not in known)


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
        evidence = story_evidence(article, state, index.closest_member(article, state.id), index.stats, settings)
        index.join(state, article)
        return Membership(article.id, state.id, evidence)
    best: tuple[float, StoryState, Evidence] | None = None
    for story_id, closest in index.candidates(article, settings.candidate_neighbours).items():
        state = index.stories[story_id]
        evidence = story_evidence(article, state, closest, index.stats, settings)
        if best is None or evidence.score > best[0]:
            best = (evidence.score, state, evidence)
    if best is not None and best[0] >= settings.join_probability:
        index.join(best[1], article)
        return Membership(article.id, best[1].id, best[2])
    state = index.new_story()
    index.join(state, article)
    return Membership(article.id, state.id, None)
