"""What matters now: stories ranked by how widely and how fast they are being reported.

Over the articles that arrived in a window (``since``, by the time storyline stored them), a story's
importance is the number of distinct outlets that reported it, weighed up for every further language
(a story covered in five languages is followed beyond one country), plus its articles of the last few
hours (``RECENT_HOURS``: a story that is growing now). Ties go to the story whose latest article is
newest. Each ranked story says why, in words ("14 outlets in 5 languages, 9 in the last 3 hours").
An article without a known outlet counts as an outlet of its own: its file or URL is all that tells
who published it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.wording import plural

RECENT_HOURS = 3
LANGUAGE_WEIGHT = 0.25  # each language beyond the first adds a quarter to the outlets' weight


@dataclass(frozen=True)
class Activity:
    """One article of the window: its story, outlet (or None), language and when it was stored."""

    story_id: int
    source: str | None
    article_id: str
    language: str | None
    ingested_at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class RankedStory:
    story_id: int
    score: float
    outlets: int
    languages: int
    articles: int
    recent: int  # articles in the last RECENT_HOURS
    latest: str  # when its latest article of the window was stored
    why: str


def rank_stories(activity: Iterable[Activity], now: dt.datetime, limit: int = 20) -> list[RankedStory]:
    """The stories of the window's articles, most important first."""
    recent_since = (now - dt.timedelta(hours=RECENT_HOURS)).isoformat(timespec="seconds")
    by_story: dict[int, list[Activity]] = {}
    for row in activity:
        by_story.setdefault(row.story_id, []).append(row)
    ranked = [_rank(story_id, rows, recent_since) for story_id, rows in by_story.items()]
    # highest score first, then the newest latest article, then the lowest id: stable sorts, last key first
    ranked.sort(key=lambda story: story.story_id)
    ranked.sort(key=lambda story: story.latest, reverse=True)
    ranked.sort(key=lambda story: story.score, reverse=True)
    return ranked[:limit]


def _rank(story_id: int, rows: list[Activity], recent_since: str) -> RankedStory:
    outlets = len({row.source.casefold() if row.source else f"article:{row.article_id}" for row in rows})
    languages = len({row.language for row in rows if row.language})
    recent = sum(1 for row in rows if row.ingested_at >= recent_since)
    score = outlets * (1 + LANGUAGE_WEIGHT * max(0, languages - 1)) + recent
    why = f"{plural(outlets, 'outlet')} in {plural(max(languages, 1), 'language')}"
    if recent:
        why += f", {recent} in the last {RECENT_HOURS} hours"
    return RankedStory(
        story_id, round(score, 2), outlets, languages, len(rows), recent, max(row.ingested_at for row in rows), why
    )
