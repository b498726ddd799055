"""Why each article is in its story: its evidence against the rest of the story.

Computed live from stored vectors and entities (leave-one-out: the article against the
other members), so the explanation matches the story as it is now, not only as it was when
the article joined.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np

from storyline.grouping.evidence import EntityStats, evidence_between, gap_in_days
from storyline.models import Evidence
from storyline.settings import GroupingSettings


def explain_members(
    article_ids: Sequence[str],
    vectors: Mapping[str, np.ndarray],
    keys: Mapping[str, set[str]],
    dates: Mapping[str, dt.date | None],
    stats: EntityStats,
    settings: GroupingSettings,
) -> dict[str, Evidence | None]:
    """Evidence for every member against the others; None for a story of one."""
    if len(article_ids) < 2:
        return {article_id: None for article_id in article_ids}
    dim = next(iter(vectors.values())).shape[0] if vectors else 1
    total = sum((vectors[a] for a in article_ids if a in vectors), np.zeros(dim, dtype=np.float32))
    key_counts: dict[str, int] = {}
    for article_id in article_ids:
        for key in keys.get(article_id, set()):
            key_counts[key] = key_counts.get(key, 0) + 1
    explanations: dict[str, Evidence | None] = {}
    others_count = len(article_ids) - 1
    for article_id in article_ids:
        own = vectors.get(article_id, np.zeros(dim, dtype=np.float32))
        own_keys = keys.get(article_id, set())
        others_profile = {
            key: (count - (1 if key in own_keys else 0)) / others_count
            for key, count in key_counts.items()
            if count - (1 if key in own_keys else 0) > 0
        }
        other_dates = [d for other, d in dates.items() if other != article_id and d is not None]
        gap = gap_in_days(dates.get(article_id), min(other_dates), max(other_dates)) if other_dates else None
        explanations[article_id] = evidence_between(
            own, total - own, {key: 1.0 for key in own_keys}, others_profile, gap, stats, settings
        )
    return explanations
