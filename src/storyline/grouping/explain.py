"""Why each article is in its story: its evidence against the rest of the story.

Computed live (leave-one-out: each article against the other members), with the very
evidence function grouping decides on, so the explanation matches the story as it is now,
not only as it was when the article joined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.stories import StoryState, story_evidence
from storyline.grouping.story_index import entity_keys
from storyline.models import Article, Evidence
from storyline.settings import GroupingSettings

CLOSEST_ROWS = 512  # articles compared with the whole story per matrix product (memory stays bounded)


def explain_members(
    articles: Sequence[Article],
    stats: EntityStats,
    settings: GroupingSettings,
    only: Collection[str] | None = None,
    whole: StoryState | None = None,
) -> dict[str, Evidence | None]:
    """Evidence for every member (or the ``only`` ones: a page of a large story) against all the
    others; None for a story of one.

    The story without one article is the whole story minus that article (its vector, its entities, its
    language, its date), so a story of n articles costs n times its number of entities, not n * n.
    ``whole``: the story's state as the writer keeps it, when read from the store (then only the explained
    articles need their entities; the others, their vectors and dates); else it is summed from ``articles``."""
    explained = [article for article in articles if only is None or article.id in only]
    if len(articles) < 2:
        return {article.id: None for article in explained}
    if whole is None:
        dim = next((a.embedding.shape[0] for a in articles if a.embedding is not None), 1)
        whole = StoryState(id=0, vector_sum=np.zeros(dim, dtype=np.float32))
        for article in articles:
            whole.add(article)
    dates = sorted(article.published for article in articles if article.published is not None)
    closest = _closest_others(articles, {article.id for article in explained})
    return {
        article.id: story_evidence(article, _without(whole, article, dates), closest[article.id], stats, settings)
        for article in explained
    }


def _without(whole: StoryState, article: Article, dates: list[dt.date]) -> StoryState:
    """The story's state without ``article`` (``dates``: every member's date, sorted)."""
    counts = dict(whole.entity_counts)
    for key in entity_keys(article):
        counts[key] = counts.get(key, 1) - 1  # (a count the store lost is not a page's error: `storyline check`)
        if not counts[key]:
            del counts[key]
    languages = dict(whole.languages)
    if article.language:
        languages[article.language] -= 1
        if not languages[article.language]:
            del languages[article.language]
    first, last = whole.first, whole.last
    if article.published is not None:
        first = dates[1] if article.published == dates[0] and len(dates) > 1 else (dates[0] if len(dates) > 1 else None)
        last = (
            dates[-2] if article.published == dates[-1] and len(dates) > 1 else (dates[-1] if len(dates) > 1 else None)
        )
    vector_sum = whole.vector_sum - article.embedding if article.embedding is not None else whole.vector_sum
    return StoryState(
        id=0,
        vector_sum=vector_sum,
        size=whole.size - 1,
        entity_counts=counts,
        first=first,
        last=last,
        languages=languages,
    )


def _closest_others(articles: Sequence[Article], wanted: set[str]) -> dict[str, tuple[float, str | None]]:
    """Per wanted article, its most similar other member (similarity, id); ties go to the larger id."""
    found: dict[str, tuple[float, str | None]] = {article.id: (0.0, None) for article in articles}
    embedded = [(article.id, article.embedding) for article in articles if article.embedding is not None]
    if len(embedded) < 2:
        return found
    matrix = np.stack([vector for _id, vector in embedded]).astype(np.float32)
    ids = [article_id for article_id, _vector in embedded]
    rows = [index for index, article_id in enumerate(ids) if article_id in wanted]
    for start in range(0, len(rows), CLOSEST_ROWS):
        chunk = rows[start : start + CLOSEST_ROWS]
        block = matrix[chunk] @ matrix.T
        for index, similarities in zip(chunk, block, strict=True):
            similarities[index] = -np.inf
            best = float(similarities.max())
            tied = np.flatnonzero(similarities == similarities.max())
            found[ids[index]] = (best, max(ids[other] for other in tied))
    return found
