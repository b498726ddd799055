"""Why each article is in its story: its evidence against the rest of the story.

Computed live (leave-one-out: each article against the other members), with the very
evidence function grouping decides on, so the explanation matches the story as it is now,
not only as it was when the article joined.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.stories import StoryState, story_evidence
from storyline.models import Article, Evidence
from storyline.settings import GroupingSettings


def explain_members(
    articles: Sequence[Article], stats: EntityStats, settings: GroupingSettings
) -> dict[str, Evidence | None]:
    """Evidence for every member against the others; None for a story of one."""
    if len(articles) < 2:
        return {article.id: None for article in articles}
    dim = next((a.embedding.shape[0] for a in articles if a.embedding is not None), 1)
    explanations: dict[str, Evidence | None] = {}
    for article in articles:
        others = [other for other in articles if other.id != article.id]
        state = StoryState(id=0, vector_sum=np.zeros(dim, dtype=np.float32))
        for other in others:
            state.add(other)
        explanations[article.id] = story_evidence(article, state, _closest(article, others), stats, settings)
    return explanations


def _closest(article: Article, others: Sequence[Article]) -> tuple[float, str | None]:
    if article.embedding is None:
        return 0.0, None
    scored = [(float(other.embedding @ article.embedding), other.id) for other in others if other.embedding is not None]
    return max(scored) if scored else (0.0, None)
