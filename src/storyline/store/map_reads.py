"""What grouping reads from the store on demand (``StorySource``, ``VectorRows``): a part of ``Store``.

Every query here is an index look-up bounded by what one decision needs (a few stories, one
story's members, one key's stories around a date), never a scan of the store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence

import numpy as np

from storyline.grouping.outline_table import Outlines, ordinal
from storyline.grouping.story_index import StoryState
from storyline.store.base import StoreBase, iso, to_date

LONG_STORY_DAYS = 60  # stories longer than this are kept in long_stories too

# The parts of ``stories_with_key``, in the order their stories come; each gives (story_id, part, day).
BEGIN_INSIDE = (
    "SELECT story_id, 0 AS part, first_seen AS day FROM story_entities WHERE key=? AND first_seen BETWEEN ? AND ?"
    " ORDER BY first_seen DESC, story_id DESC"
)
BEGIN_BEFORE = (
    "SELECT story_id, 1 AS part, first_seen AS day FROM story_entities WHERE key=? AND first_seen >= ?"
    " AND first_seen < ? AND last_seen >= ? ORDER BY first_seen DESC, story_id DESC"
)
# Walks the long stories still going on at the range's start (long_stories_last), each checked for
# the key ({join}: the dialect's join that keeps long_stories the outer loop; the other way round
# walks every story naming the key, tens of thousands for a common name in a large store).
LONGER = (
    "SELECT l.story_id, 2 AS part, l.last_seen AS day FROM long_stories l {join} story_entities e"
    " ON e.story_id=l.story_id AND e.key=? WHERE l.first_seen < ? AND l.last_seen >= ?"
    " ORDER BY l.last_seen DESC, l.story_id DESC"
)
UNDATED = (
    "SELECT story_id, 3 AS part, first_seen AS day FROM story_entities WHERE key=? AND first_seen IS NULL"
    " ORDER BY story_id DESC"
)


class MapReads(StoreBase):
    """Mixed into ``Store``."""

    # ---- StorySource ------------------------------------------------------------------------

    def story_states(self, story_ids: Sequence[int]) -> dict[int, StoryState]:
        states: dict[int, StoryState] = {}
        for row in self._rows_for_ids(
            "SELECT id, vector_sum, size, first_seen, last_seen, languages FROM stories WHERE id IN ({marks})",
            story_ids,
        ):
            states[row["id"]] = StoryState(
                id=row["id"],
                vector_sum=np.frombuffer(row["vector_sum"], dtype=np.float32).copy(),
                size=row["size"],
                first=to_date(row["first_seen"]),
                last=to_date(row["last_seen"]),
                languages=json.loads(row["languages"]),
            )
        for row in self._rows_for_ids(
            "SELECT story_id, key, articles FROM story_entities WHERE story_id IN ({marks})", list(states)
        ):
            states[row[0]].entity_counts[row[1]] = row[2]
        return states

    def story_outlines(self, story_ids: Sequence[int]) -> Outlines:
        rows = list(
            self._rows_for_ids(
                "SELECT id, vector_sum, first_seen, last_seen FROM stories WHERE id IN ({marks})", story_ids
            )
        )
        if not rows:
            return Outlines.empty(0)
        sums = np.frombuffer(b"".join(bytes(row[1]) for row in rows), dtype=np.float32).reshape(len(rows), -1)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = sums / np.where(norms == 0, 1.0, norms)  # one pass for all the stories' centroids
        return Outlines(
            np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
            np.fromiter((ordinal(to_date(row[2])) for row in rows), dtype=np.int64, count=len(rows)),
            np.fromiter((ordinal(to_date(row[3])) for row in rows), dtype=np.int64, count=len(rows)),
            centroids.astype(np.float32, copy=False),
        )

    def members_of_stories(self, story_ids: Sequence[int]) -> dict[int, list[tuple[str, np.ndarray]]]:
        """Each story's stored members' vectors, in the order they were stored (a story's rows all
        come in one chunk of ids, so ordering each chunk by label orders each story)."""
        found: dict[int, list[tuple[str, np.ndarray]]] = {}
        for row in self._rows_for_ids(
            "SELECT story_id, article_id, vector FROM article_vectors WHERE story_id IN ({marks}) ORDER BY label",
            sorted(set(story_ids)),
        ):
            found.setdefault(row[0], []).append((row[1], self._vector_of(row[2])))
        return found

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]:
        """Stories naming ``key`` whose dates reach into [low, high] (any date when None), latest
        first, then undated ones, newest first: the stories that begin inside the range (the index
        alone answers), those that began up to ``LONG_STORY_DAYS`` before it and reach in, the few
        longer ones, the undated ones, stopping as soon as it has ``limit`` (PostgreSQL, where each
        statement is a round trip, asks for the four parts in one: ``stories_with_keys``)."""
        if low is None or high is None:
            latest = [
                row[0]
                for row in self._db.execute(
                    "SELECT story_id FROM story_entities WHERE key=? AND first_seen IS NOT NULL"
                    " ORDER BY first_seen DESC LIMIT ?",
                    (key, limit),
                )
            ]
            return latest + self._undated_with_key(key, limit - len(latest))
        earliest, low_text, high_text = iso(low - dt.timedelta(days=LONG_STORY_DAYS)), iso(low), iso(high)
        parts = [
            (BEGIN_INSIDE, (key, low_text, high_text)),
            (BEGIN_BEFORE, (key, earliest, low_text, low_text)),
            (LONGER.format(join=self._sql.ordered_join), (key, earliest, low_text)),
            (UNDATED, (key,)),
        ]
        found: list[int] = []
        for part, values in parts:
            if len(found) < limit:
                found += [row[0] for row in self._db.execute(f"{part} LIMIT ?", (*values, limit - len(found)))]
        return found

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]:
        """``stories_with_key`` for many (key, low, high) at once (PostgreSQL: in one statement)."""
        return {probe: self.stories_with_key(*probe, limit) for probe in dict.fromkeys(probes)}

    def _undated_with_key(self, key: str, limit: int) -> list[int]:
        if limit <= 0:
            return []
        return [row[0] for row in self._db.execute(f"{UNDATED} LIMIT ?", (key, limit))]

    def members_by_label(self, labels: Sequence[int]) -> dict[int, tuple[str, int]]:
        return {
            row[0]: (row[1], row[2])
            for row in self._rows_for_ids(
                "SELECT label, article_id, story_id FROM article_vectors WHERE label IN ({marks})", labels
            )
        }

    def stories_of_articles(self, article_ids: Sequence[str]) -> dict[str, int]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids(
                "SELECT article_id, story_id FROM memberships WHERE article_id IN ({marks})", article_ids
            )
        }

    def entity_frequencies(self, keys: Sequence[str]) -> dict[str, int]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids("SELECT key, articles FROM entity_frequency WHERE key IN ({marks})", keys)
        }

    def document_count(self) -> int:
        return int(self._meta("documents") or 0)

    def newest_date(self) -> dt.date | None:
        return to_date(self._meta("newest_date"))

    def next_story_id(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM stories").fetchone()[0])

    # ---- VectorRows ---------------------------------------------------------------------------

    def vector_rows(self, shard: int, after: int) -> Iterator[tuple[int, np.ndarray]]:
        for label, stored in self._db.execute(
            "SELECT label, vector FROM article_vectors WHERE shard=? AND label>? ORDER BY label", (shard, after)
        ):
            yield label, self._vector_of(stored)

    def vector_shards(self) -> list[int]:
        """Every shard that holds vectors (one index step per shard, not a scan of the rows)."""
        shards: list[int] = []
        row = self._db.execute("SELECT MIN(shard) FROM article_vectors").fetchone()
        while row is not None and row[0] is not None:
            shards.append(row[0])
            row = self._db.execute("SELECT MIN(shard) FROM article_vectors WHERE shard>?", (row[0],)).fetchone()
        return shards

    def last_article_number(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
