"""The data of each page, assembled from the core queries; the page and its /api twin both use it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from storyline import entity_views, queries
from storyline.settings import Settings
from storyline.store import Store

TIMELINE_EVENTS = 100  # a story page's timeline: its most reported events (`storyline timeline` lists all) ...
TIMELINE_ARTICLES = 300  # ... of at most this many of its articles, spread over it: the page's cost is bounded
TIMELINE_STATEMENTS = 10  # the statements listed per event on a page (all its articles are listed)


def most_reported(entries: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """At most ``limit`` events, those reported by the most articles (the later first on a tie), in date order."""
    if len(entries) <= limit:
        return entries
    ranked = sorted(range(len(entries)), key=lambda n: (-len(entries[n]["articles"]), -n))[:limit]
    return [entries[n] for n in sorted(ranked)]


def story_page(store: Store, story_id: int, settings: Settings, page: int = 1) -> dict[str, Any] | None:
    """A story with one page of its articles (``queries.STORY_ARTICLES_PER_PAGE``) and its timeline (the
    ``TIMELINE_EVENTS`` most reported events of at most ``TIMELINE_ARTICLES`` of its articles, spread evenly
    over it); the titles and pages of the articles the page names."""
    rows = store.story_rows([story_id])  # read once, for the articles and for the timeline
    detail = queries.story_detail(store, story_id, settings, page=page, rows=rows)
    if detail is None:
        return None
    timeline = entity_views.story_timeline(store, story_id, rows, TIMELINE_ARTICLES) or []
    detail["timeline"] = [_first_statements(entry) for entry in most_reported(timeline, TIMELINE_EVENTS)]
    detail["timeline_total"] = len(timeline)
    detail["timeline_articles"] = min(detail["article_count"], TIMELINE_ARTICLES)
    _name_articles(detail)
    detail["storyline_id"] = store.storyline_of_stories([story_id]).get(story_id)
    detail["last_grew"] = store.story_last_grew(story_id)
    return detail


def _first_statements(entry: dict[str, Any]) -> dict[str, Any]:
    """The event with its first ``TIMELINE_STATEMENTS`` statements, and how many it has."""
    return {
        **entry,
        "statements": entry["statements"][:TIMELINE_STATEMENTS],
        "statement_count": len(entry["statements"]),
    }


def _name_articles(detail: dict[str, Any]) -> None:
    """Keep the titles of the articles the page names (its own, their closest, the timeline's), and say
    on which page of the story each of them is."""
    named = {article["id"] for article in detail["articles"]}
    named |= {article["why"]["closest_article"] for article in detail["articles"] if article["why"]}
    named |= {article_id for entry in detail["timeline"] for article_id in entry["articles"]}
    positions = {article_id: position for position, article_id in enumerate(detail["article_titles"])}
    detail["article_titles"] = {
        article_id: title for article_id, title in detail["article_titles"].items() if article_id in named
    }
    detail["article_pages"] = {
        article_id: positions[article_id] // detail["per_page"] + 1 for article_id in detail["article_titles"]
    }


def top_page(store: Store, hours: float, limit: int) -> dict[str, Any]:
    """What matters now: the stories of the last ``hours`` ranked (``ranking.py``), with why."""
    import datetime as dt

    return {"hours": hours, "stories": queries.top_stories(store, hours, dt.datetime.now(dt.UTC), limit)}


def feeds_page(store: Store) -> dict[str, Any]:
    """The feeds `storyline follow` polls, with their health."""
    return {"feeds": store.feed_rows()}


def storyline_list(store: Store, page: int, per_page: int) -> dict[str, Any]:
    total = store.storyline_count()
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": queries.page_count(total, per_page),
        "storylines": queries.list_storylines(store, offset=(page - 1) * per_page, limit=per_page),
    }


def storyline_page(store: Store, storyline_id: int, page: int = 1) -> dict[str, Any] | None:
    """A storyline with one page of its stories (``entity_views.PAGE_STORIES``, newest first) and the
    timeline of those stories."""
    found = queries.list_storylines(store, storyline_ids=[storyline_id], stories_page=page)
    if not found:
        if store.resolve_storyline(storyline_id) == storyline_id and page > 1:  # past its last page
            found = queries.list_storylines(store, storyline_ids=[storyline_id], stories_page=1)
            return {**found[0], "stories": [], "links": [], "timeline": [], **_story_pages(found[0], page)}
        return None
    timeline = entity_views.stories_timeline(store, [story["id"] for story in found[0]["stories"]])
    return {**found[0], "timeline": timeline, **_story_pages(found[0], page)}


def _story_pages(storyline: dict[str, Any], page: int) -> dict[str, int]:
    per_page = entity_views.PAGE_STORIES
    return {"page": page, "per_page": per_page, "pages": queries.page_count(storyline["story_count"], per_page)}


def entity_list(store: Store, kind: str | None, page: int, per_page: int) -> dict[str, Any]:
    total = store.entity_count(kind=kind)
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": queries.page_count(total, per_page),
        "type": kind,
        "entities": entity_views.list_entities_page(store, kind, (page - 1) * per_page, per_page),
    }


def entity_page(store: Store, name_or_id: str) -> dict[str, Any] | None:
    detail = entity_views.entity_detail(store, name_or_id)
    if detail is None:
        return None
    detail["variants_by_language"] = _variants_by_language(detail["variants"])
    detail["activity"] = activity(
        {dt.date.fromisoformat(day): count for day, count in detail.pop("articles_by_date").items()}
    )
    return detail


def search_page(store: Store, text: str, limit: int) -> dict[str, Any]:
    hits = queries.search_articles(store, text, limit) if text.strip() else []
    return {
        "query": text,
        "languages": sorted({hit["language"] for hit in hits if hit["language"]}),
        "results": hits,
    }


def activity(dates: dict[dt.date, int]) -> dict[str, Any]:
    """Article counts per period (from counts per day): days for a fortnight or less, weeks up to half
    a year, else months."""
    if not dates:
        return {"unit": "day", "periods": []}
    span = (max(dates) - min(dates)).days
    unit = "day" if span <= 14 else "week" if span <= 183 else "month"
    counts: Counter[dt.date] = Counter()
    for date, number in dates.items():
        counts[period_start(date, unit)] += number
    periods = []
    current = period_start(min(dates), unit)
    while current <= max(dates):
        periods.append({"start": current.isoformat(), "articles": counts.get(current, 0)})
        current = next_period(current, unit)
    return {"unit": unit, "periods": periods}


def period_start(date: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())
    if unit == "month":
        return date.replace(day=1)
    return date


def next_period(start: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=1)


def _variants_by_language(variants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for variant in variants:
        grouped.setdefault(variant["language"] or "unknown", []).append(
            {"surface": variant["surface"], "count": variant["count"]}
        )
    ordered = sorted(grouped.items(), key=lambda item: (-sum(v["count"] for v in item[1]), item[0]))
    return [{"language": language, "forms": forms} for language, forms in ordered]
