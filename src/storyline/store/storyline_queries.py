"""The store's storyline queries (a part of ``Store``): pages of storylines, one storyline, aliases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyline.grouping.evidence import EntityStats
from storyline.grouping.storylines import common_entities
from storyline.store.base import NO_LIMIT, StoreBase, row_dict


class StorylineQueries(StoreBase):
    """Mixed into ``Store``."""

    def entity_stats(self, keys: Sequence[str] | None = None) -> EntityStats:
        raise NotImplementedError  # Store's own

    def storyline_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM storylines").fetchone()[0])

    def storyline_rows(
        self,
        storyline_ids: Sequence[int] | None = None,
        offset: int = 0,
        limit: int | None = None,
        latest_stories: int | None = None,
        stories_offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Storylines, latest first: each with its story ids (the ``latest_stories`` latest ones when
        given, after skipping ``stories_offset`` later ones: a storyline can hold thousands), its story
        count and dates, the links among those stories and the entities they share."""
        if storyline_ids is None:
            found = self._db.execute(
                "SELECT id, stories, first_seen, last_seen FROM storylines ORDER BY last_seen DESC, id DESC"
                " LIMIT ? OFFSET ?",
                (NO_LIMIT if limit is None else limit, offset),
            ).fetchall()
        else:
            by_id = {
                row[0]: row
                for row in self._rows_for_ids(
                    "SELECT id, stories, first_seen, last_seen FROM storylines WHERE id IN ({marks})",
                    list(storyline_ids),
                )
            }
            found = [by_id[storyline_id] for storyline_id in storyline_ids if storyline_id in by_id]
        story_ids_of = self._latest_stories(
            [row[0] for row in found], NO_LIMIT if latest_stories is None else latest_stories, stories_offset
        )
        # The page's links and entity profiles in one query each, not one per storyline.
        every_story = sorted({story for stories in story_ids_of.values() for story in stories})
        links = self._links_of(every_story)
        profiles = self._profiles(every_story)
        stats = self.entity_stats(sorted({key for profile in profiles.values() for key in profile}))
        rows = []
        for storyline_id, story_count, first_seen, last_seen in found:
            story_ids = story_ids_of[storyline_id]
            if not story_ids:
                continue
            mine = set(story_ids)
            rows.append(
                {
                    "id": storyline_id,
                    "story_ids": sorted(story_ids),
                    "story_count": int(story_count),
                    "first_seen": first_seen,
                    "last_seen": last_seen,
                    "links": [link for link in links if link["earlier"] in mine and link["later"] in mine],
                    "entities": list(
                        common_entities([profiles[story] for story in story_ids if story in profiles], stats)
                    ),
                }
            )
        return rows

    def _latest_stories(self, storyline_ids: Sequence[int], limit: int, offset: int) -> dict[int, list[int]]:
        """Each storyline's stories, latest first, ``limit`` of them after skipping ``offset``."""
        return {
            storyline_id: [
                row[0]
                for row in self._db.execute(
                    "SELECT id FROM stories WHERE storyline_id=? ORDER BY first_seen DESC NULLS LAST, id DESC"
                    " LIMIT ? OFFSET ?",
                    (storyline_id, limit, offset),
                )
            ]
            for storyline_id in storyline_ids
        }

    def resolve_storyline(self, storyline_id: int) -> int | None:
        """The storyline an id names now: itself, the one it was merged into, or None."""
        if self._db.execute("SELECT 1 FROM storylines WHERE id=?", (storyline_id,)).fetchone():
            return storyline_id
        row = self._db.execute("SELECT storyline_id FROM storyline_aliases WHERE id=?", (storyline_id,)).fetchone()
        if row and self._db.execute("SELECT 1 FROM storylines WHERE id=?", (row[0],)).fetchone():
            return int(row[0])
        return None

    def storyline_of_stories(self, story_ids: Sequence[int]) -> dict[int, int]:
        """story id -> storyline id, for the stories that belong to one."""
        return {
            row[0]: row[1]
            for row in self._rows_for_ids(
                "SELECT id, storyline_id FROM stories WHERE id IN ({marks}) AND storyline_id IS NOT NULL", story_ids
            )
        }

    def _links_of(self, story_ids: Sequence[int]) -> list[dict[str, Any]]:
        """The links between these stories."""
        wanted = set(story_ids)
        return [
            row_dict(row)
            for row in self._rows_for_ids(
                "SELECT earlier, later, shared_entities, similarity, gap_days FROM storyline_links"
                " WHERE earlier IN ({marks}) ORDER BY earlier, later",
                story_ids,
            )
            if row["later"] in wanted
        ]

    def _profiles(self, story_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        """Per story, its entity keys with the number of its articles naming each."""
        profiles: dict[int, dict[str, int]] = {}
        for row in self._rows_for_ids(
            "SELECT story_id, key, articles FROM story_entities WHERE story_id IN ({marks})", story_ids
        ):
            profiles.setdefault(row[0], {})[row[1]] = row[2]
        return profiles
