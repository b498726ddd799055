"""The time window: exactly the gap past which no story can be joined, the shards that cover it, and
how long a writer keeps stories in memory."""

from __future__ import annotations

import dataclasses
import datetime as dt

from storyline.grouping.evidence import combine
from storyline.grouping.window import (
    SHARD_DAYS,
    dated_shard,
    join_window_days,
    memory_horizon_days,
    search_window,
    shard_of,
    undated_shard,
)
from storyline.settings import GROUPING_FOR_EMBEDDER, GroupingSettings, Settings

DAY = dt.date(2025, 10, 21)


def test_window_is_the_largest_gap_at_which_the_best_evidence_still_joins() -> None:
    for settings in GROUPING_FOR_EMBEDDER.values():
        days = join_window_days(settings)
        assert days is not None and 10 < days < 200
        best = {"similarity": 1.0, "overlap": 1.0, "cross_lingual": settings.weight_cross_lingual > 0}
        assert combine(best["similarity"], best["overlap"], days - 0.01, settings, best["cross_lingual"]) >= 0.5
        assert combine(best["similarity"], best["overlap"], days + 0.01, settings, best["cross_lingual"]) < 0.5


def test_window_without_a_time_penalty_is_unbounded() -> None:
    assert join_window_days(GroupingSettings(weight_gap_week=0.0)) is None
    assert search_window(DAY, None, DAY, None) is None


def test_window_shards_cover_the_days_around_the_article_and_recent_undated_ones() -> None:
    window = search_window(DAY, None, DAY, 39.0)
    assert window is not None
    for offset in range(-39, 40):
        assert dated_shard(DAY + dt.timedelta(days=offset)) in window.dated
    assert dated_shard(DAY + dt.timedelta(days=40 + SHARD_DAYS)) not in window.dated
    for offset in range(0, 40):
        assert undated_shard(DAY - dt.timedelta(days=offset)) in window.undated


def test_window_of_an_undated_article_centres_on_the_newest_date() -> None:
    newest = DAY - dt.timedelta(days=400)
    window = search_window(None, newest, DAY, 39.0)
    assert window is not None and dated_shard(newest) in window.dated and dated_shard(DAY) not in window.dated
    nothing_dated = search_window(None, None, DAY, 39.0)
    assert nothing_dated is not None and list(nothing_dated.dated) == []


def test_window_dated_and_undated_shards_never_collide() -> None:
    assert shard_of(DAY, DAY) >= 0 > shard_of(None, DAY)
    assert shard_of(dt.date.min, DAY) >= 0 and shard_of(None, dt.date.min) < 0


def test_memory_horizon_reaches_past_both_the_window_and_the_storyline_gap() -> None:
    settings = Settings()
    window = join_window_days(settings.grouping)
    assert window is not None
    assert memory_horizon_days(settings) == max(window, settings.storylines.max_gap_days) + SHARD_DAYS
    longer = dataclasses.replace(settings, storylines=dataclasses.replace(settings.storylines, max_gap_days=400.0))
    assert memory_horizon_days(longer) == 400.0 + SHARD_DAYS
    timeless = dataclasses.replace(settings, grouping=dataclasses.replace(settings.grouping, weight_gap_week=0.0))
    assert memory_horizon_days(timeless) is None
