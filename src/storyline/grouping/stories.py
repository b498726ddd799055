"""Incremental story grouping: each new article joins its best-matching story or starts one.

Reads ``embedding``, ``entities``, ``published`` and ``duplicate_of``; returns one
``Membership`` per article (articles are never dropped). The ``StoryIndex`` holds what the
decision needs about existing stories and fetches the rest from the store as it needs it, so a
later run resumes without recomputing or loading everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np

from storyline.grouping.evidence import EntityStats, combine, gap_in_days, weigh_evidence
from storyline.grouping.outline_table import UNDATED
from storyline.grouping.story_index import StoryIndex, StoryState, entity_keys
from storyline.grouping.window import best_logit_without_meaning, logit_of
from storyline.models import Article, Evidence, Membership
from storyline.settings import GroupingSettings

__all__ = ["StoryIndex", "StoryState", "assign_stories", "entity_keys", "story_evidence"]


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


def could_join(
    article: Article, first: dt.date | None, last: dt.date | None, similarity: float, settings: GroupingSettings
) -> bool:
    """Whether a story with these dates could reach the join probability with the best entity
    overlap there is: the others need not be weighed (most nearest neighbours are far below it)."""
    gap = gap_in_days(article.published, first, last)
    best = combine(
        similarity, 1.0 if settings.weight_entities > 0 else 0.0, gap, settings, settings.weight_cross_lingual > 0
    )
    return round(best, 4) >= settings.join_probability


def might_join(
    article: Article, firsts: np.ndarray, lasts: np.ndarray, similarities: np.ndarray, settings: GroupingSettings
) -> np.ndarray:
    """``could_join`` for many stories at once (dates as ordinals, ``UNDATED`` when unknown), with a
    margin: every story it rules out, ``could_join`` rules out too."""
    needed = settings.join_probability - 1e-3
    if not 0.0 < needed < 1.0:
        return np.ones(len(similarities), dtype=bool)
    logit = best_logit_without_meaning(settings) + settings.weight_similarity * similarities.astype(np.float64)
    if article.published is not None:
        day = article.published.toordinal()
        dated = firsts != UNDATED
        firsts, lasts = np.where(dated, firsts, day), np.where(dated, lasts, day)  # undated: no gap
        gaps = (np.maximum(firsts - day, 0) + np.maximum(day - lasts, 0)).astype(np.float64)
        logit -= settings.weight_gap_week * np.maximum(0.0, gaps - settings.gap_grace_days) / 7.0
    return logit >= logit_of(needed) - 1e-9


def assign_stories(articles: Sequence[Article], index: StoryIndex, settings: GroupingSettings) -> list[Membership]:
    """Place every article, in order, updating ``index`` as it goes."""
    index.prefetch_neighbours(articles, settings.candidate_neighbours)
    index.prefetch_places([article.id for article in articles] + [a.duplicate_of for a in articles if a.duplicate_of])
    index.prefetch_key_stories(articles)  # after the places: an article placed already searches for nothing
    memberships = []
    for article in articles:
        placed = index.story_of(article.id)
        if placed is not None:
            memberships.append(Membership(article.id, placed, None))
            continue
        memberships.append(_place(article, index, settings))
    return memberships


def _place(article: Article, index: StoryIndex, settings: GroupingSettings) -> Membership:
    original = index.story_of(article.duplicate_of) if article.duplicate_of else None
    if original is not None:
        state = index.states([original])[original]
        evidence = story_evidence(article, state, index.closest_member(article, state.id), index.stats, settings)
        index.join(state, article)
        return Membership(article.id, state.id, evidence)
    best: tuple[float, StoryState, Evidence] | None = None
    candidates = index.candidates(article, settings.candidate_neighbours)
    ids, rows = index.outline_rows(candidates)
    table = index.outlines
    similarities = np.fromiter((candidates[story][0] for story in ids.tolist()), dtype=np.float64, count=len(ids))
    hopeful = might_join(article, table.firsts[rows], table.lasts[rows], similarities, settings)
    viable = {
        story_id: candidates[story_id]
        for story_id, row in zip(ids[hopeful].tolist(), rows[hopeful].tolist(), strict=True)
        if could_join(article, _day(table.firsts[row]), _day(table.lasts[row]), candidates[story_id][0], settings)
    }
    states = index.states(viable)
    for story_id, closest in viable.items():
        state = states[story_id]
        evidence = story_evidence(article, state, closest, index.stats, settings)
        if best is None or evidence.score > best[0]:
            best = (evidence.score, state, evidence)
    if best is not None and best[0] >= settings.join_probability:
        index.join(best[1], article)
        return Membership(article.id, best[1].id, best[2])
    state = index.new_story()
    index.join(state, article)
    return Membership(article.id, state.id, None)


def _day(number: int) -> dt.date | None:
    return None if number == UNDATED else dt.date.fromordinal(int(number))
