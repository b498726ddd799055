"""The active time window: which stored stories a new article could possibly join.

The grouping decision (``evidence.combine``) takes ``weight_gap_week`` off the logit for every week
past ``gap_grace_days`` between an article and a story. The best the other signals can give is a
cosine of 1 and a full entity overlap, so past a certain gap no story can reach
``join_probability``: that gap bounds the search exactly, for the coefficients in use (about 39
days with the e5-small ones). Undated articles cannot be placed in time: they are compared with
what arrived recently (undated articles ingested within the window, and dated ones around the
newest date the store has seen).

Vectors are kept in shards of ``SHARD_DAYS`` days: dated articles by their date, undated ones by
the day they were ingested (negative shard numbers), so the window is a short list of shards. The
shard length is part of the store's format (a migration computes it the same way), not a setting.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from storyline.settings import GroupingSettings, Settings

SHARD_DAYS = 7
FLOOR_MARGIN = 1e-3  # below the similarity floor: float32 products and rounding never rule a joinable story out


@dataclass(frozen=True)
class Window:
    """Shards to search for one article."""

    dated: range  # dated shard numbers
    undated: range  # undated shard numbers (negative)

    def shards(self) -> list[int]:
        return [*self.dated, *self.undated]


def best_logit_without_meaning(settings: GroupingSettings) -> float:
    """The decision's logit with no gap, a full entity overlap and the cross-lingual weight where it
    helps: the most any story gets from everything but the cosine."""
    return settings.intercept + max(0.0, settings.weight_entities) + max(0.0, settings.weight_cross_lingual)


def logit_of(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


def join_window_days(settings: GroupingSettings) -> float | None:
    """The largest gap in days at which any story can still be joined; None when time never rules one out."""
    if settings.weight_gap_week <= 0:
        return None
    best_logit = best_logit_without_meaning(settings) + max(0.0, settings.weight_similarity)
    needed = logit_of(settings.join_probability)
    if best_logit < needed:
        return 0.0
    return settings.gap_grace_days + 7.0 * (best_logit - needed) / settings.weight_gap_week


def memory_horizon_days(settings: Settings) -> float | None:
    """How far before the newest date a writer keeps stories in memory: past both the grouping
    window and the storyline gap (nothing a new article does reaches further), plus one shard of
    slack for articles a few days late. None (keep by count only) when time never rules a story out."""
    window = join_window_days(settings.grouping)
    if window is None:
        return None
    return max(window, settings.storylines.max_gap_days) + SHARD_DAYS


def join_similarity_floor(settings: GroupingSettings) -> float | None:
    """The lowest closest-member cosine at which any story can still be joined (no gap, full entity
    overlap, the cross-lingual weight if it helps), less a small margin; None when meaning never
    rules one out. Nearest neighbours below it are no candidates: they could never win."""
    if settings.weight_similarity <= 0 or not 0.0 < settings.join_probability < 1.0:
        return None
    needed = logit_of(settings.join_probability)
    return (needed - best_logit_without_meaning(settings)) / settings.weight_similarity - FLOOR_MARGIN


def dated_shard(day: dt.date) -> int:
    return day.toordinal() // SHARD_DAYS


def undated_shard(ingested: dt.date) -> int:
    return -(ingested.toordinal() // SHARD_DAYS) - 1


def shard_of(published: dt.date | None, ingested: dt.date) -> int:
    """Where an article's vector is kept."""
    return dated_shard(published) if published else undated_shard(ingested)


def search_window(
    published: dt.date | None, newest: dt.date | None, today: dt.date, days: float | None
) -> Window | None:
    """The shards that can hold an article's story; None means every shard (no time bound)."""
    if days is None:
        return None
    reach = dt.timedelta(days=math.ceil(days))
    undated = range(undated_shard(today), undated_shard(max(dt.date.min + reach, today) - reach) + 1)
    centre = published or newest
    if centre is None:
        return Window(dated=range(0), undated=undated)
    low = dated_shard(max(dt.date.min + reach, centre) - reach)
    high = dated_shard(min(dt.date.max - reach, centre) + reach)
    return Window(dated=range(low, high + 1), undated=undated)
