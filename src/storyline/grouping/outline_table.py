"""Stories' dates and centroids as arrays: one row per story, compared with many stories at once.

Grouping and storyline upkeep rule out most of the stories they look at from dates and meaning
alone (at 116,000 stored articles about 99% of a new article's entity-found stories, and 98% of a
changed story's storyline candidates). Kept as Python objects, one per story, and stacked into a
matrix for every decision, that ruling-out cost more than the decisions themselves; here the rows
stay in arrays between batches, a changed story's row is dropped and written again from its
state, and a look-up is array indexing.

Undated stories have ``UNDATED`` as their first and last day (dates are kept as ordinals).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

UNDATED = np.iinfo(np.int64).min


def ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day is not None else int(UNDATED)


@dataclass(frozen=True)
class Outlines:
    """Rows of story outlines, as a store reads them: ids, first and last day (ordinals, or
    ``UNDATED``) and unit centroids."""

    ids: np.ndarray  # (n,) int64
    firsts: np.ndarray  # (n,) int64
    lasts: np.ndarray  # (n,) int64
    centroids: np.ndarray  # (n, dim) float32

    @classmethod
    def empty(cls, dim: int) -> Outlines:
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, none, np.zeros((0, dim), dtype=np.float32))

    @classmethod
    def of(
        cls, rows: Sequence[tuple[int, dt.date | None, dt.date | None]], centroids: Sequence[np.ndarray], dim: int
    ) -> Outlines:
        """From (id, first, last) and one centroid per row."""
        if not rows:
            return cls.empty(dim)
        return cls(
            np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)),
            np.fromiter((ordinal(row[1]) for row in rows), dtype=np.int64, count=len(rows)),
            np.fromiter((ordinal(row[2]) for row in rows), dtype=np.int64, count=len(rows)),
            np.stack([np.asarray(vector, dtype=np.float32) for vector in centroids]).reshape(len(rows), dim),
        )

    def __len__(self) -> int:
        return len(self.ids)


class OutlineTable:
    """Outlines of the stories looked at, one row per story (a changed story's row is dropped and
    written again). ``firsts``, ``lasts``, ``ids`` and ``centroids`` are indexed by the rows that
    ``rows_of`` returns. A dropped story's row is reused; when every row is held, the quarter used
    least recently is forgotten (read again when next needed), so the table never copies itself. Rows
    used since the last ``keep`` are never forgotten (the table grows instead): a look-up that needs
    more stories than the capacity still gets them all."""

    def __init__(self, dim: int, capacity: int = 60_000) -> None:
        self.dim = dim
        self.capacity = capacity
        self.row: dict[int, int] = {}
        self._free: list[int] = []  # rows of dropped stories, reused first
        self._used = 0  # rows ever written
        self._clock = 0
        self._kept_since = 1  # rows used at or after this tick stay
        # allocated once: the system hands out the pages as rows are first written
        self.ids = np.zeros(capacity, dtype=np.int64)
        self.firsts = np.zeros(capacity, dtype=np.int64)
        self.lasts = np.zeros(capacity, dtype=np.int64)
        self.centroids = np.zeros((capacity, dim), dtype=np.float32)
        self._used_at = np.zeros(capacity, dtype=np.int64)  # when each row was last asked for

    def __len__(self) -> int:
        return len(self.row)

    def missing(self, story_ids: Iterable[int]) -> list[int]:
        return [story_id for story_id in story_ids if story_id not in self.row]

    def keep(self, story_ids: Iterable[int]) -> None:
        """From now until the next ``keep``, these stories' rows (and every row used or written
        meanwhile) are not forgotten to make room."""
        self._clock += 1
        self._kept_since = self._clock
        self.rows_of(story_ids)

    def rows_of(self, story_ids: Iterable[int]) -> np.ndarray:
        """The rows of those of these stories the table holds, in their order."""
        row = self.row
        rows = np.fromiter((row[story] for story in story_ids if story in row), dtype=np.int64)
        self._used_at[rows] = self._clock
        return rows

    def put(self, outlines: Outlines) -> None:
        """Add these rows (a story already held is written again)."""
        numbers = {story: number for number, story in enumerate(outlines.ids.tolist())}  # the last of repeats
        held = [(self.row[story], number) for story, number in numbers.items() if story in self.row]
        fresh = [(story, number) for story, number in numbers.items() if story not in self.row]
        if held:
            self._write(np.asarray([row for row, _ in held]), outlines, np.asarray([number for _, number in held]))
        if fresh:
            rows = self._rows_for(len(fresh))
            self._write(rows, outlines, np.asarray([number for _, number in fresh], dtype=np.int64))
            self.row.update(zip([story for story, _ in fresh], rows.tolist(), strict=True))
            self._used_at[rows] = self._clock

    def drop(self, story_id: int) -> None:
        row = self.row.pop(story_id, None)
        if row is not None:
            self._free.append(row)

    def forget_ended_before(self, day: int) -> None:
        """Drop the dated stories whose last day (an ordinal) is before ``day`` (between look-ups: the
        rows a look-up returned are reused)."""
        held = np.fromiter(self.row.values(), dtype=np.int64, count=len(self.row))
        ended = held[(self.lasts[held] != UNDATED) & (self.lasts[held] < day)]
        for story in self.ids[ended].tolist():
            self.drop(story)

    def _write(self, at: np.ndarray, outlines: Outlines, numbers: np.ndarray) -> None:
        self.ids[at] = outlines.ids[numbers]
        self.firsts[at] = outlines.firsts[numbers]
        self.lasts[at] = outlines.lasts[numbers]
        self.centroids[at] = outlines.centroids[numbers]

    def _rows_for(self, count: int) -> np.ndarray:
        """``count`` rows to write new stories to: dropped stories' rows, then rows never written,
        then the rows of the stories used least recently (forgotten here)."""
        if len(self._free) + self.capacity - self._used < count:
            self._forget_least_used(max(count, self.capacity // 4))
        taken = [self._free.pop() for _ in range(min(count, len(self._free)))]
        more = min(count - len(taken), self.capacity - self._used)
        taken += range(self._used, self._used + more)
        self._used += more
        if len(taken) < count:  # more new rows in one call than the table holds: it grows
            self._grow(count - len(taken))
            taken += range(self._used, self._used + count - len(taken))
            self._used = len(self.ids)
        return np.asarray(taken, dtype=np.int64)

    def _forget_least_used(self, count: int) -> None:
        held = np.fromiter(self.row.values(), dtype=np.int64, count=len(self.row))
        held = held[self._used_at[held] < self._kept_since]
        oldest = held[np.argsort(self._used_at[held], kind="stable")[:count]]
        for story, row in zip(self.ids[oldest].tolist(), oldest.tolist(), strict=True):
            del self.row[story]
            self._free.append(row)

    def _grow(self, extra: int) -> None:
        self.ids = np.concatenate([self.ids, np.zeros(extra, dtype=np.int64)])
        self.firsts = np.concatenate([self.firsts, np.zeros(extra, dtype=np.int64)])
        self.lasts = np.concatenate([self.lasts, np.zeros(extra, dtype=np.int64)])
        self.centroids = np.concatenate([self.centroids, np.zeros((extra, self.dim), dtype=np.float32)])
        self._used_at = np.concatenate([self._used_at, np.zeros(extra, dtype=np.int64)])
        self.capacity = len(self.ids)
