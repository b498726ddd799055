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
from dataclasses import dataclass, field

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


@dataclass
class _Tally:
    """One story's articles of the window, counted as they are read."""

    outlets: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    articles: int = 0
    recent: int = 0
    latest: str = ""

    def score(self) -> float:
        return round(len(self.outlets) * (1 + LANGUAGE_WEIGHT * max(0, len(self.languages) - 1)) + self.recent, 2)


def rank_stories(activity: Iterable[Activity], now: dt.datetime, limit: int = 20) -> list[RankedStory]:
    """The stories of the window's articles, most important first (one pass over the articles; only the
    ranked ones are put in words)."""
    recent_since = (now - dt.timedelta(hours=RECENT_HOURS)).isoformat(timespec="seconds")
    tallies: dict[int, _Tally] = {}
    for row in activity:
        tally = tallies.get(row.story_id)
        if tally is None:
            tally = tallies[row.story_id] = _Tally()
        tally.outlets.add(row.source.casefold() if row.source else f"article:{row.article_id}")
        if row.language:
            tally.languages.add(row.language)
        tally.articles += 1
        if row.ingested_at >= recent_since:
            tally.recent += 1
        if row.ingested_at > tally.latest:
            tally.latest = row.ingested_at
    scored = [(story_id, tally.score(), tally.latest) for story_id, tally in tallies.items()]
    # highest score first, then the newest latest article, then the lowest id: stable sorts, last key first
    scored.sort(key=lambda story: story[0])
    scored.sort(key=lambda story: story[2], reverse=True)
    scored.sort(key=lambda story: story[1], reverse=True)
    return [_ranked(story_id, score, tallies[story_id]) for story_id, score, _latest in scored[:limit]]


def _ranked(story_id: int, score: float, tally: _Tally) -> RankedStory:
    outlets, languages = len(tally.outlets), len(tally.languages)
    why = f"{plural(outlets, 'outlet')} in {plural(max(languages, 1), 'language')}"
    if tally.recent:
        why += f", {tally.recent} in the last {RECENT_HOURS} hours"
    return RankedStory(story_id, score, outlets, languages, tally.articles, tally.recent, tally.latest, why)
