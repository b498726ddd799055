"""Read-side views of entities and timelines, shared by the CLI and the web layer."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from storyline.grouping.timeline import ArticleFacts, build_timeline
from storyline.models import TimelineEntry
from storyline.stages.gazetteer import find_place
from storyline.stages.keys import given_key, last_word_key, name_key, spelling

if TYPE_CHECKING:
    from storyline.store import Store


PAGE_STORIES = 50  # a page of a storyline's stories (newest first), and the timeline of those
CLI_TIMELINE_STORIES = 300  # `storyline timeline --storyline`: the latest ones of a long storyline


def list_entities(
    store: Store, kind: str | None = None, story_id: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Entities by number of stories: id, name, type, variants, articles, stories."""
    return [_entity_view(row) for row in store.entity_rows(kind=kind, story_id=story_id, limit=limit)]


def list_entities_page(store: Store, kind: str | None, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of ``list_entities``."""
    return [_entity_view(row) for row in store.entity_rows(kind=kind, limit=limit, offset=offset)]


def find_entity(store: Store, name_or_id: str) -> dict[str, Any] | None:
    """By id, by name or written form, else by the place or name key the words reduce to
    ("Будапешт" finds Budapest, "Lavrov" finds the Sergey Lavrov written "Лавров")."""
    row = store.find_entity(name_or_id)
    if row is not None:
        return row
    place = find_place(name_or_id.strip())
    if place is not None:
        return store.find_entity_by_key(place.id)
    words = name_or_id.split()
    if not words:
        return None
    given = given_key(words[0]) if len(words) > 1 else ""
    return store.find_entity_by_key(name_key(words[-1]), given, spelling(words[-1]))


SHOWN_STORIES = 100  # an entity page lists its latest stories ...
SHOWN_ARTICLES = 200  # ... and articles
TIMELINE_STORIES = 30  # and the timeline of its latest stories: the page costs the same for any entity


def entity_detail(store: Store, name_or_id: str) -> dict[str, Any] | None:
    """One entity: its variants, its latest stories and articles, its activity and its timeline."""
    row = find_entity(store, name_or_id)
    if row is None:
        return None
    view = _entity_view(row)
    view["story_count"] = row["stories"]
    view["stories"] = store.entity_story_rows(row["id"], max(SHOWN_STORIES, TIMELINE_STORIES))
    view["article_list"] = store.entity_articles(row["id"], SHOWN_ARTICLES)
    view["articles_by_date"] = store.entity_article_dates(row["id"])
    view["timeline"] = entity_timeline(store, row["id"], [story["id"] for story in view["stories"][:TIMELINE_STORIES]])
    view["stories"] = view["stories"][:SHOWN_STORIES]
    return view


def story_timeline(
    store: Store, story_id: int, rows: list[dict[str, Any]] | None = None, most_articles: int | None = None
) -> list[dict[str, Any]] | None:
    """The story's timeline (``rows``: its row from ``store.story_rows``, when read already), from all
    its articles or from ``most_articles`` of them spread evenly over it (``spread``)."""
    rows = store.story_rows([story_id]) if rows is None else rows
    if not rows:
        return None
    articles = rows[0]["articles"]
    read = articles if most_articles is None else spread(articles, most_articles)
    return _timeline(store, {story_id: read}, references={story_id: _latest_date(articles)})


def spread(items: list[Any], most: int) -> list[Any]:
    """At most ``most`` of ``items`` evenly spaced over them, the first and the last included, in order."""
    if len(items) <= most:
        return items
    if most < 2:
        return items[-most:] if most else []
    step = (len(items) - 1) / (most - 1)
    return [items[round(number * step)] for number in range(most)]


def _latest_date(articles: list[dict[str, Any]]) -> dt.date | None:
    dates = [a["published"] for a in articles if a["published"]]
    return dt.date.fromisoformat(max(dates)) if dates else None


def storyline_timeline(store: Store, storyline_id: int) -> list[dict[str, Any]] | None:
    found = store.storyline_rows([storyline_id], latest_stories=CLI_TIMELINE_STORIES)
    if not found:
        return None
    return stories_timeline(store, found[0]["story_ids"])


def stories_timeline(store: Store, story_ids: list[int]) -> list[dict[str, Any]]:
    """One timeline of these stories' dated events."""
    return _timeline(store, {row["id"]: row["articles"] for row in store.story_rows(story_ids)})


def entity_timeline(store: Store, entity_id: int, story_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """The timelines of the entity's latest stories (or of ``story_ids``), only the entries that name it."""
    if story_ids is None:
        story_ids = [story["id"] for story in store.entity_story_rows(entity_id, TIMELINE_STORIES)]
    entries = _timeline(store, {row["id"]: row["articles"] for row in store.story_rows(story_ids)}, raw=True)
    keys = store.entity_keys(entity_id)
    return [
        _entry_view(entry, names)
        for entry, names in entries
        if any(keys & set(statement.entity_keys) for statement in entry.statements)
    ]


def _timeline(
    store: Store,
    articles_by_story: dict[int, list[dict[str, Any]]],
    raw: bool = False,
    references: dict[int, dt.date | None] | None = None,
) -> Any:
    """The dated events of these stories' articles; an undated article's relative dates are read against
    its story's latest date (``references``: per story, when the articles given are a part of it)."""
    facts: dict[str, ArticleFacts] = {}
    story_of: dict[str, int] = {}
    story_reference: dict[int, dt.date | None] = {}
    for story_id, articles in articles_by_story.items():
        story_reference[story_id] = (
            references[story_id] if references and story_id in references else _latest_date(articles)
        )
        for order, article in enumerate(articles):
            published = dt.date.fromisoformat(article["published"]) if article["published"] else None
            facts[article["id"]] = ArticleFacts(article["id"], article["language"], published, article["source"], order)
            story_of[article["id"]] = story_id
    ids = list(facts)
    names = store.entity_names(ids)

    def reference(article_id: str) -> dt.date | None:
        return facts[article_id].published or story_reference.get(story_of[article_id])

    def entity_name(article_id: str, key: str) -> str:
        return names.get((article_id, key), (0, key, ""))[1]

    def person_name(article_id: str, name: str) -> str | None:
        """A source is a person when the article names an entity of that type with its last word: shown
        by that entity's name, one name whatever the script ("Доналд Тръмп", 特朗普: Donald Trump)."""
        found = names.get((article_id, last_word_key(name)))
        return found[1] if found is not None and found[2] == "person" else None

    def entity_of(article_id: str, key: str) -> int | None:
        found = names.get((article_id, key))
        return found[0] if found is not None else None

    entries = build_timeline(store.statements_of(ids), facts, reference, entity_name, person_name, entity_of)
    if raw:
        return [(entry, names) for entry in entries]
    return [_entry_view(entry, names) for entry in entries]


def _entry_view(entry: TimelineEntry, names: dict[tuple[str, str], tuple[int, str, str]]) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "precision": entry.precision,
        "text": entry.text,
        "language": entry.language,
        "entities": list(entry.entities),
        "articles": list(entry.articles),
        "sources": list(entry.sources),
        "speakers": list(entry.speakers),
        "outlets": list(entry.outlets),
        "planned": entry.planned,
        "statements": [
            {
                "article": s.article_id,
                "text": s.text,
                "expression": s.expression,
                "relative": s.relative,
                "year_inferred": s.month is not None,
                "sources": list(s.sources),
            }
            for s in entry.statements
        ],
    }


def _entity_view(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "type": row["kind"],
        "variants": row["variants"],
        "articles": row["articles"],
        "stories": row["stories"],
        "identity": row["identity"],
    }
