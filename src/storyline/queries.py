"""Read-side views shared by the CLI and the web layer: plain JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline import entity_views
from storyline.entity_views import find_entity
from storyline.grouping.entities import transliterate
from storyline.grouping.explain import explain_members
from storyline.models import Article, EntityMention, StoryQuery
from storyline.settings import Settings
from storyline.stages.gazetteer import find_place
from storyline.stages.keys import name_key

if TYPE_CHECKING:
    from storyline.store import Store

_TOP_ENTITIES = 8
_TEXT_FILTER_HITS = 2000


@dataclass(frozen=True)
class StoryFilters:
    """What a reader narrows the story list by, as they write it (an entity by name or id)."""

    language: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    entity: str | None = None
    text: str | None = None
    page: int = 1
    per_page: int = 20


_POSSESSIVE = re.compile(r"['’]s$")


# the most articles of the window that a ranking weighs, the latest first: a day of 200,000 articles (a bulk
# import, or a stream of a million a day) took the front page 3 s to rank; 5,000 take about 70 ms
RANKED_ARTICLES = 5_000


def top_stories(store: Store, hours: float, now: dt.datetime, limit: int = 20) -> list[dict[str, Any]]:
    """The stories that matter now (``ranking.py``): of the articles stored in the last ``hours`` (the
    latest ``RANKED_ARTICLES`` of them), ranked by outlets, languages and growth, each with why, its
    title, dates and size."""
    from storyline.ranking import Activity, rank_stories

    since = (now - dt.timedelta(hours=hours)).isoformat(timespec="seconds")
    activity = store.story_activity_since(since, RANKED_ARTICLES)
    ranked = rank_stories((Activity(*row) for row in activity), now, limit)
    summaries = {row["id"]: row for row in store.story_summaries([story.story_id for story in ranked])}
    return [
        {
            "rank": number,
            "story_id": story.story_id,
            "title": summaries.get(story.story_id, {}).get("title"),
            "first_seen": summaries.get(story.story_id, {}).get("first_seen"),
            "last_seen": summaries.get(story.story_id, {}).get("last_seen"),
            "size": summaries.get(story.story_id, {}).get("size"),
            "score": story.score,
            "outlets": story.outlets,
            "languages": story.languages,
            "articles_in_window": story.articles,
            "recent": story.recent,
            "latest": story.latest,
            "why": story.why,
        }
        for number, story in enumerate(ranked, 1)
    ]


def list_stories(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Stories newest first, each with its articles and top entities."""
    return _story_views(store, store.story_rows(limit=limit))


FRONT_HOURS = 24.0  # the front page ranks the stories of the articles stored in the last day


def front_page(store: Store, filters: StoryFilters, now: dt.datetime, order: str | None = None) -> dict[str, Any]:
    """The front page. Unfiltered, it shows what matters now: the stories of the articles stored in
    the last ``FRONT_HOURS``, ranked (``ranking.py``), each with why. Filtered, paged on, asked for
    ``newest``, or with nothing stored in that time, it is the story list, newest first; ``order``
    says which it is, and ``ranked_none`` that a ranking was wanted but nothing arrived to rank."""
    narrowed = filters != StoryFilters(per_page=filters.per_page)
    wants_ranking = order != "newest" and not narrowed
    if wants_ranking:
        ranked = top_stories(store, FRONT_HOURS, now, limit=filters.per_page)
        if ranked:
            return _ranked_front(store, filters, ranked)
    return {**browse_stories(store, filters), "order": "newest", "hours": FRONT_HOURS, "ranked_none": wants_ranking}


def _ranked_front(store: Store, filters: StoryFilters, ranked: list[dict[str, Any]]) -> dict[str, Any]:
    views = story_cards(store, [story["story_id"] for story in ranked])
    ranks = {story["story_id"]: story for story in ranked}
    for view in views:
        view.update({name: ranks[view["id"]][name] for name in ("rank", "score", "why")})
    return {
        "order": "important",
        "hours": FRONT_HOURS,
        "ranked_none": False,
        "total": len(views),
        "total_exact": True,
        "page": 1,
        "per_page": filters.per_page,
        "pages": 1,
        "has_more": False,
        "filters": {name: None for name in ("language", "since", "until", "entity", "entity_found", "text")},
        "languages": store.languages(),
        "stories": views,
    }


def browse_stories(store: Store, filters: StoryFilters) -> dict[str, Any]:
    """One page of stories matching the filters, newest first, with the counts to page on."""
    entity = find_entity(store, filters.entity) if filters.entity else None
    story_ids: tuple[int, ...] | None = None
    if filters.text:
        hits = search_articles(store, filters.text, limit=_TEXT_FILTER_HITS, snippets=False)
        story_ids = tuple(sorted({hit["story_id"] for hit in hits if hit["story_id"] is not None}))
    if filters.entity and entity is None:
        story_ids = ()
    query = StoryQuery(
        language=filters.language,
        since=filters.since,
        until=filters.until,
        entity_id=entity["id"] if entity else None,
        story_ids=story_ids,
        offset=(filters.page - 1) * filters.per_page,
        limit=filters.per_page,
    )
    page = store.story_page(query)
    return {
        "total": page.total,
        "total_exact": page.exact,  # False: more than ``total`` stories match (several filters, many matches)
        "page": filters.page,
        "per_page": filters.per_page,
        "pages": page_count(page.total, filters.per_page),
        "has_more": page.has_more,
        "filters": {
            "language": filters.language,
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None,
            "entity": filters.entity,
            "entity_found": {"id": entity["id"], "name": entity["name"]} if entity else None,
            "text": filters.text,
        },
        "languages": store.languages(),
        "stories": story_cards(store, list(page.ids)),
    }


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


STORY_ARTICLES_PER_PAGE = 50  # a story's articles on one page of it (the CLI shows them all)


def story_detail(
    store: Store,
    story_id: int,
    settings: Settings,
    page: int | None = None,
    per_page: int | None = None,
    rows: list[dict[str, Any]] | None = None,
) -> dict[str, Any] | None:
    """One story, its articles grouped by language, each with why it is here: all of them, or one
    ``page`` of them (in the story's order) with the whole story's dates and counts beside. ``rows``:
    the story's row from ``store.story_rows``, when the caller has read it already."""
    rows = store.story_rows([story_id]) if rows is None else rows
    if not rows:
        return None
    view = _story_view(rows[0], top_entities(store, [story_id])[story_id])
    everything = view["articles"]
    view["article_dates"] = [article["published"] for article in everything]
    if page is not None:
        per_page = per_page or STORY_ARTICLES_PER_PAGE
        view["page"], view["per_page"] = page, per_page
        view["pages"] = page_count(len(view["articles"]), per_page)
        view["articles"] = view["articles"][(page - 1) * per_page : page * per_page]
    shown = {article["id"] for article in view["articles"]}
    vectors = store.article_vectors([article["id"] for article in everything])  # each one's closest member
    keys = store.article_entity_keys(sorted(shown))  # the rest of the story: its state, as the writer keeps it
    whole = store.story_states([story_id]).get(story_id)
    members = [
        Article(
            id=a["id"],
            text="",
            language=a["language"],
            published=dt.date.fromisoformat(a["published"]) if a["published"] else None,
            embedding=vectors.get(a["id"]),
            entities=tuple(EntityMention(key=key, surface=key, kind="misc") for key in sorted(keys.get(a["id"], ()))),
        )
        for a in everything
    ]
    stats = store.entity_stats(sorted(set(whole.entity_counts if whole else ()).union(*keys.values())))
    evidence = explain_members(members, stats, settings.grouping, only=shown, whole=whole)
    titles = {a["id"]: a["title"] for a in everything}
    view["article_titles"] = titles  # every article's, in the story's order (the timeline names them)
    names = display_names(store, sorted({key for found in evidence.values() if found for key in found.shared_entities}))
    by_language: dict[str, list[dict[str, Any]]] = {}
    for article in view["articles"]:
        found = evidence.get(article["id"])
        article["why"] = (
            None
            if found is None
            else {
                "similarity": found.similarity,
                "closest_article": found.closest_article,
                "closest_title": titles.get(found.closest_article or ""),
                "entity_overlap": found.entity_overlap,
                "shared_entities": [names.get(key, key) for key in found.shared_entities],
                "gap_days": found.gap_days,
                "cross_lingual": found.cross_lingual,
                "score": found.score,
            }
        )
        by_language.setdefault(article["language"] or "unknown", []).append(article)
    view["by_language"] = by_language
    return view


LISTED_STORIES = 12  # per storyline in a list of storylines


def list_storylines(
    store: Store,
    offset: int = 0,
    limit: int | None = None,
    storyline_ids: list[int] | None = None,
    stories_page: int = 1,
) -> list[dict[str, Any]]:
    """Storylines, latest first (or the given ones), each with its latest stories in time order
    (``LISTED_STORIES`` in a list; for given ones, page ``stories_page`` of ``entity_views.PAGE_STORIES``, newest
    first), its story count and its links."""
    views = []
    latest = LISTED_STORIES if storyline_ids is None else entity_views.PAGE_STORIES
    skipped = 0 if storyline_ids is None else (stories_page - 1) * entity_views.PAGE_STORIES
    rows = store.storyline_rows(
        storyline_ids, offset=offset, limit=limit, latest_stories=latest, stories_offset=skipped
    )
    keys = sorted(
        {key for row in rows for link in row["links"] for key in json.loads(link["shared_entities"])}
        | {key for row in rows for key in row["entities"]}
    )
    names = display_names(store, keys)
    summaries = {s["id"]: s for s in store.story_summaries([i for row in rows for i in row["story_ids"]])}
    for storyline in rows:
        mine = [summaries[story_id] for story_id in storyline["story_ids"] if story_id in summaries]
        shown = sorted(mine, key=lambda s: (s["first_seen"] or "", s["id"]))
        views.append(
            {
                "id": storyline["id"],
                "entities": [names[key] for key in storyline["entities"]],
                "story_count": storyline["story_count"],
                "stories": [
                    {
                        "id": s["id"],
                        "title": s["title"],
                        "first_seen": s["first_seen"],
                        "last_seen": s["last_seen"],
                        "articles": s["size"],
                    }
                    for s in shown
                ],
                "links": [
                    {
                        "earlier": l["earlier"],
                        "later": l["later"],
                        "shared_entities": [names[k] for k in json.loads(l["shared_entities"])],
                        "similarity": l["similarity"],
                        "gap_days": l["gap_days"],
                    }
                    for l in storyline["links"]
                ],
                "first_seen": storyline["first_seen"],
                "last_seen": storyline["last_seen"],
            }
        )
    return views


def search_articles(store: Store, query: str, limit: int = 20, snippets: bool = True) -> list[dict[str, Any]]:
    """Keyword matches (any inflection of the words), then articles naming the same entities
    in other scripts (a query "Budapest" finds "Будапеща" and "Будапешті"; "Trump" finds 特朗普 where
    the store links it to Donald Trump). A query that is an entity's name or written form ("Donald
    Trump", 特朗普) finds the articles naming that entity by any of its keys."""
    results = store.search(query, limit, snippets)
    if len(results) >= limit:
        return results[:limit]
    seen = {result["id"] for result in results}
    named = None if query.strip().isdigit() else store.find_entity(query.strip())
    keys = [key for key in (_entity_key(word) for word in re.findall(r"\w+", query)) if len(key) >= 3]
    groups = [sorted(store.entity_keys(named["id"]))] if named else _linked_keys(store, keys)
    if any(groups):
        for row in store.articles_with_entities(groups, limit):
            if row["id"] not in seen:
                seen.add(row["id"])
                results.append(row)
    return results[:limit]


def _linked_keys(store: Store, keys: list[str]) -> list[list[str]]:
    """Each key with the other keys of the entity most articles link it to: the keys one entity has in
    several scripts, where their letters do not meet ("trmp" and 特朗普 of Donald Trump)."""
    linked = store.key_entities(keys)
    other_keys = {entity_id: store.entity_keys(entity_id) for entity_id, _name in linked.values()}
    return [[key, *sorted(other_keys[linked[key][0]] - {key})] if key in linked else [key] for key in keys]


def _entity_key(word: str) -> str:
    place = find_place(word)
    return place.id if place else name_key(word)


def display_names(store: Store, keys: list[str], linked: dict[str, str] | None = None) -> dict[str, str]:
    """A readable Latin-script name per key: the linked entity's name (the most written one where
    a key is shared), else the key's most used form transliterated."""
    names = dict(store.key_names(keys) if linked is None else linked)
    missing = [key for key in keys if key not in names]
    for key, forms in store.entity_forms(missing).items():
        names[key] = transliterate(_POSSESSIVE.sub("", forms[0][0])) if forms else key
    return names


def top_entities(store: Store, story_ids: list[int], most: int = _TOP_ENTITIES) -> dict[int, list[dict[str, Any]]]:
    """Each story's ``most`` entities named by the most of its articles, with their linked entity, display
    name and type, from the counts the writer keeps (not from every mention of every article)."""
    rows = store.story_top_entities(story_ids, most)
    keys = sorted({row["key"] for story_rows in rows.values() for row in story_rows})
    linked = store.key_entities(keys)
    names = display_names(store, keys, {key: name for key, (_id, name) in linked.items()})
    kinds = store.entity_kinds(sorted({entity_id for entity_id, _name in linked.values()}))
    return {
        story_id: [
            {
                "key": row["key"],
                "entity_id": linked[row["key"]][0] if row["key"] in linked else None,
                "name": names[row["key"]],
                "type": kinds.get(linked[row["key"]][0], "misc") if row["key"] in linked else "misc",
                "articles": row["articles"],
            }
            for row in story_rows
        ]
        for story_id, story_rows in rows.items()
    }


LISTED_ARTICLES = 10  # a story in a list of stories: its latest articles (``article_count`` counts them all)


def story_cards(store: Store, story_ids: list[int]) -> list[dict[str, Any]]:
    """Stories as a list shows them, in the order given: the shape of ``_story_view`` with only the
    latest ``LISTED_ARTICLES`` articles, so that a page of the largest stories costs what any page does."""
    cards = store.story_cards(story_ids, LISTED_ARTICLES)
    entities = top_entities(store, list(cards))
    return [
        _listed(card, card["languages"], card["sources"], card["size"], entities[story_id])
        for story_id in story_ids
        if (card := cards.get(story_id)) is not None
    ]


def _story_views(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    entities = top_entities(store, [row["id"] for row in rows])
    return [_story_view(row, entities[row["id"]]) for row in rows]


def _article_view(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": a["id"],
        "path": a["path"],
        "url": a["url"],
        "title": a["title"] or a["headline"],
        "language": a["language"],
        "published": a["published"],
        "published_from": a["published_from"],
        "source": a["source"],
        "duplicate_of": a["duplicate_of"],
    }


def _story_view(row: dict[str, Any], entities: list[dict[str, Any]]) -> dict[str, Any]:
    articles = row["articles"]
    languages = sorted({a["language"] for a in articles if a["language"]})
    sources = sorted({a["source"] for a in articles if a["source"]})
    return _listed(row, languages, sources, len(articles), entities)


def _listed(
    row: dict[str, Any], languages: list[str], sources: list[str], count: int, entities: list[dict[str, Any]]
) -> dict[str, Any]:
    """A story as the lists and its page show it (``row["articles"]``: all its articles, or its latest)."""
    return {
        "id": row["id"],
        "title": row["title"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "languages": languages,
        "sources": sources,
        "article_count": count,
        "entities": entities[:_TOP_ENTITIES],
        "articles": [_article_view(a) for a in row["articles"]],
    }
