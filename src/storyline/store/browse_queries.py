"""The store's browsing queries: filtered, paged story lists (a part of ``Store``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.models import StoryQuery
from storyline.store import base
from storyline.store.base import Dialect, StoreBase, member_of

# A list with several filters counts its matches up to this many, then says "more than" (an exact
# count would read every match: 28,000 stories for one language of a 200,000-article store).
COUNT_CAP = 10_000


@dataclass(frozen=True)
class StoryPage:
    """One page of a filtered story list."""

    total: int  # matching stories; a lower bound when ``exact`` is False
    exact: bool
    ids: list[int]  # the page's stories, newest first
    has_more: bool  # another page follows


class BrowseQueries(StoreBase):
    """Mixed into ``Store``; uses its connection."""

    def story_page(self, query: StoryQuery) -> StoryPage:
        """The requested page of matching stories, newest first, with how many match. Its cost
        follows the page and the most selective filter, not the number of stories stored."""
        sizes = self._filter_sizes(query)
        total, exact = self._count_matches(query, sizes)
        walk = not sizes or min(sizes) > base.SORT_LIMIT
        where, params = _story_conditions(query, walk, self._sql)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        ids = [
            row[0]
            for row in self._db.execute(
                f"SELECT s.id FROM stories s {clause} ORDER BY s.last_seen DESC NULLS LAST, s.id DESC LIMIT ? OFFSET ?",
                [*params, query.limit + 1, query.offset],
            )
        ]
        return StoryPage(total, exact, ids[: query.limit], len(ids) > query.limit)

    def _filter_sizes(self, query: StoryQuery) -> list[int]:
        """How many stories each filter with its own table matches (index look-ups, no join)."""
        sizes = []
        if query.language:
            sql = "SELECT COUNT(*) FROM story_languages WHERE language=?"
            sizes.append(self._db.execute(sql, (query.language,)).fetchone()[0])
        if query.entity_id is not None:
            sql = "SELECT COUNT(*) FROM entity_stories WHERE entity_id=?"
            sizes.append(self._db.execute(sql, (query.entity_id,)).fetchone()[0])
        if query.story_ids is not None:
            sizes.append(len(_listed_ids(query)))
        return sizes

    def _count_matches(self, query: StoryQuery, sizes: list[int]) -> tuple[int, bool]:
        """(matches, exact): exact for no filter or one filter with its own table, else up to COUNT_CAP."""
        where, params = _story_conditions(query, False, self._sql)
        if not where:
            return self.story_count(), True
        if len(where) == 1 and len(sizes) == 1:
            return sizes[0], True
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM stories s WHERE {' AND '.join(where)} LIMIT ?) capped"
        count = self._db.execute(sql, [*params, COUNT_CAP + 1]).fetchone()[0]
        return min(count, COUNT_CAP), count <= COUNT_CAP

    def languages(self) -> list[dict[str, Any]]:
        """Languages of the stored articles with their article counts, most first."""
        return [
            {"language": row[0], "articles": row[1]}
            for row in self._db.execute(
                "SELECT language, articles FROM language_counts ORDER BY articles DESC, language"
            )
        ]

    def story_last_grew(self, story_id: int) -> str | None:
        """When the story's latest article was stored (ISO, UTC)."""
        row = self._db.execute(
            "SELECT MAX(a.ingested_at) FROM memberships m JOIN articles a ON a.id=m.article_id WHERE m.story_id=?",
            (story_id,),
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def story_activity_since(self, since: str, limit: int) -> list[tuple[int, str | None, str, str | None, str]]:
        """(story, outlet, article, language, stored at) of the articles stored since ``since`` (ISO,
        UTC), the latest ``limit`` of them: what ``ranking.rank_stories`` weighs. An index on the storing
        time keeps this to the window, newest first."""
        return [
            (int(row[0]), row[1], row[2], row[3], row[4])
            for row in self._db.execute(
                "SELECT m.story_id, a.source, a.id, a.language, a.ingested_at FROM articles a"
                " JOIN memberships m ON m.article_id=a.id WHERE a.ingested_at >= ?"
                " ORDER BY a.ingested_at DESC LIMIT ?",
                (since, limit),
            )
        ]


def _story_conditions(query: StoryQuery, walk: bool, dialect: Dialect) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``stories s``. ``walk``: written so that the database walks the stories in
    date order and tests each (EXISTS) rather than reading every match first (IN)."""
    where: list[str] = []
    params: list[Any] = []
    if query.language:
        where.append(member_of("s.id", "story_languages", "language", "story_id", walk))
        params.append(query.language)
    if query.since:
        where.append("s.last_seen >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("s.first_seen <= ?")
        params.append(query.until.isoformat())
    if query.entity_id is not None:
        where.append(member_of("s.id", "entity_stories", "entity_id", "story_id", walk))
        params.append(query.entity_id)
    if query.story_ids is not None:
        condition, listed = dialect.one_of("s.id", _listed_ids(query), "bigint")
        where.append(condition)
        params.extend(listed)
    return where, params


def _listed_ids(query: StoryQuery) -> list[int]:
    return list(query.story_ids or ())[:5000]
