"""Does "what matters now" pick the stories that go on being reported? A replay of a store's articles.

Usage: python benchmarks/ranking_check.py STORE.db [--window-hours 24] [--ahead-days 3] [--top 10]

There is no outside judgement of importance among the data this project may use (the labeled pairs say
which articles report the same event, not which events mattered), so the ranking is checked against
what happened next: the store's articles are replayed in the order of their publication dates, as if
each had arrived on its date. On every day D with articles, the stories of the window before the end of
D are ranked by ``ranking.rank_stories`` (its ``now``: the end of D), and by two plain orders beside it:
newest first (what the story list shows) and most articles first. Each order is scored by how many
further articles its top ``--top`` stories received in the ``--ahead-days`` that followed (the stories
that kept being reported), as a share of the most any ``--top`` stories of that day received (1.0: the
order picked the stories that grew most; days where no story grew are left out). Mean over the days,
with a bootstrap interval over days, and the difference to each plain order paired by day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.ranking import Activity, rank_stories  # noqa: E402


def read_activity(db: Path) -> list[Activity]:
    """Every dated article with a story, its date as the time it "arrived" (end of that day)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT m.story_id, a.source, a.id, a.language, a.published FROM articles a"
            " JOIN memberships m ON m.article_id=a.id WHERE a.published IS NOT NULL AND a.duplicate_of IS NULL"
        ).fetchall()
    return [
        Activity(int(story), source, article, language, f"{published[:10]}T12:00:00+00:00")
        for story, source, article, language, published in rows
    ]


def score_day(order: list[int], future: dict[int, int], top: int) -> float:
    """The further articles of the order's top stories, as a share of the best possible top."""
    best = sum(sorted(future.values(), reverse=True)[:top])
    return sum(future.get(story, 0) for story in order[:top]) / best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--window-hours", type=float, default=24.0)
    parser.add_argument("--ahead-days", type=int, default=3)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    activity = read_activity(args.db)
    by_day: dict[str, list[Activity]] = defaultdict(list)
    for row in activity:
        by_day[row.ingested_at[:10]].append(row)
    days = sorted(by_day)
    scores: dict[str, list[float]] = {"ranking": [], "newest first": [], "most articles": []}
    for day in days:
        now = dt.datetime.fromisoformat(f"{day}T23:59:59+00:00")
        since = (now - dt.timedelta(hours=args.window_hours)).isoformat(timespec="seconds")
        window = [row for row in activity if since <= row.ingested_at <= now.isoformat(timespec="seconds")]
        ahead = (now + dt.timedelta(days=args.ahead_days)).isoformat(timespec="seconds")
        candidates = {row.story_id for row in window}
        future: dict[int, int] = defaultdict(int)
        for row in activity:
            if now.isoformat(timespec="seconds") < row.ingested_at <= ahead and row.story_id in candidates:
                future[row.story_id] += 1
        if not future:
            continue
        ranked = [story.story_id for story in rank_stories(window, now, limit=len(candidates))]
        latest: dict[int, str] = {}
        counts: dict[int, int] = defaultdict(int)
        for row in window:
            latest[row.story_id] = max(latest.get(row.story_id, ""), row.ingested_at)
            counts[row.story_id] += 1
        newest = sorted(candidates, key=lambda story: (latest[story], story), reverse=True)
        biggest = sorted(candidates, key=lambda story: (counts[story], latest[story], story), reverse=True)
        for name, order in (("ranking", ranked), ("newest first", newest), ("most articles", biggest)):
            scores[name].append(score_day(order, future, args.top))
    print(json.dumps(report(scores, len(days), args), indent=2))


def report(scores: dict[str, list[float]], days: int, args: argparse.Namespace) -> dict[str, object]:
    rng = random.Random(16)
    count = len(scores["ranking"])
    draws = [[rng.randrange(count) for _ in range(count)] for _ in range(1000)] if count else []

    def interval(values: list[float]) -> list[float]:
        means = sorted(sum(values[i] for i in draw) / count for draw in draws)
        return [round(means[25], 3), round(means[974], 3)]

    result: dict[str, object] = {
        "days_with_articles": days,
        "days_scored": count,
        "window_hours": args.window_hours,
        "ahead_days": args.ahead_days,
        "top": args.top,
    }
    for name, values in scores.items():
        result[name] = {"mean": round(sum(values) / count, 3), "interval": interval(values)} if count else None
    for name in ("newest first", "most articles"):
        if count:
            difference = [a - b for a, b in zip(scores["ranking"], scores[name], strict=True)]
            result[f"ranking minus {name}"] = {
                "mean": round(sum(difference) / count, 3),
                "interval": interval(difference),
            }
    return result


if __name__ == "__main__":
    main()
