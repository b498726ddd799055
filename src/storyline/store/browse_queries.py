"""The store's browsing queries: filtered, paged story lists (a part of ``Store``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from storyline.models import StoryQuery


class BrowseQueries:
    """Mixed into ``Store``; uses its connection."""

    _db: sqlite3.Connection

    def story_page(self, query: StoryQuery) -> tuple[int, list[int]]:
        """(number of matching stories, ids of the requested page), newest first."""
        where, params = _story_conditions(query)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self._db.execute(f"SELECT COUNT(*) FROM stories s {clause}", params).fetchone()[0]
        ids = [
            row[0]
            for row in self._db.execute(
                f"SELECT s.id FROM stories s {clause}"
                " ORDER BY s.last_seen IS NULL, s.last_seen DESC, s.id DESC LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            )
        ]
        return total, ids

    def languages(self) -> list[dict[str, Any]]:
        """Languages of the stored articles with their article counts, most first."""
        return [
            {"language": row[0], "articles": row[1]}
            for row in self._db.execute(
                "SELECT language, COUNT(*) FROM articles WHERE language IS NOT NULL GROUP BY language"
                " ORDER BY COUNT(*) DESC, language"
            )
        ]

    def storyline_of_stories(self, story_ids: Sequence[int]) -> dict[int, int]:
        """story id -> storyline id, for the stories that belong to one."""
        if not story_ids:
            return {}
        marks = ",".join("?" * len(story_ids))
        found: dict[int, int] = {}
        for row in self._db.execute(
            f"SELECT storyline_id, earlier, later FROM storyline_links WHERE earlier IN ({marks}) OR later IN ({marks})",
            [*story_ids, *story_ids],
        ):
            for story in (row[1], row[2]):
                found[story] = row[0]
        return {story: line for story, line in found.items() if story in set(story_ids)}


def _story_conditions(query: StoryQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.language:
        where.append(
            "EXISTS (SELECT 1 FROM memberships m JOIN articles a ON a.id=m.article_id"
            " WHERE m.story_id=s.id AND a.language=?)"
        )
        params.append(query.language)
    if query.since:
        where.append("s.last_seen >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("s.first_seen <= ?")
        params.append(query.until.isoformat())
    if query.entity_id is not None:
        where.append(
            "s.id IN (SELECT m.story_id FROM entity_mentions em JOIN memberships m ON m.article_id=em.article_id"
            " WHERE em.entity_id=?)"
        )
        params.append(query.entity_id)
    if query.story_ids is not None:
        ids = list(query.story_ids)[:5000]
        where.append(f"s.id IN ({','.join('?' * len(ids))})" if ids else "0")
        params.extend(ids)
    return where, params
