"""The store's browsing queries: filtered, paged story lists (a part of ``Store``)."""

from __future__ import annotations

from typing import Any

from storyline.models import StoryQuery
from storyline.store.base import StoreBase


class BrowseQueries(StoreBase):
    """Mixed into ``Store``; uses its connection."""

    def story_page(self, query: StoryQuery) -> tuple[int, list[int]]:
        """(number of matching stories, ids of the requested page), newest first."""
        where, params = _story_conditions(query)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self._db.execute(f"SELECT COUNT(*) FROM stories s {clause}", params).fetchone()[0]
        ids = [
            row[0]
            for row in self._db.execute(
                f"SELECT s.id FROM stories s {clause} ORDER BY s.last_seen DESC NULLS LAST, s.id DESC LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            )
        ]
        return total, ids

    def languages(self) -> list[dict[str, Any]]:
        """Languages of the stored articles with their article counts, most first."""
        return [
            {"language": row[0], "articles": row[1]}
            for row in self._db.execute(
                "SELECT language, articles FROM language_counts ORDER BY articles DESC, language"
            )
        ]


def _story_conditions(query: StoryQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.language:
        where.append("s.id IN (SELECT story_id FROM story_languages WHERE language=?)")
        params.append(query.language)
    if query.since:
        where.append("s.last_seen >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("s.first_seen <= ?")
        params.append(query.until.isoformat())
    if query.entity_id is not None:
        where.append("s.id IN (SELECT story_id FROM entity_stories WHERE entity_id=?)")
        params.append(query.entity_id)
    if query.story_ids is not None:
        ids = list(query.story_ids)[:5000]
        where.append(f"s.id IN ({','.join('?' * len(ids))})" if ids else "1=0")
        params.extend(ids)
    return where, params
