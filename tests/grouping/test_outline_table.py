"""The outline table: rows look-up in the order asked, a changed story written again, dropped rows
reused, and the capacity kept by forgetting the least recently used rows, never those a look-up holds."""

from __future__ import annotations

import datetime as dt

import numpy as np

from storyline.grouping.outline_table import UNDATED, Outlines, OutlineTable

DIM = 4


def _outlines(ids: list[int], day: dt.date | None = dt.date(2025, 3, 1)) -> Outlines:
    return Outlines.of([(i, day, day) for i in ids], [np.full(DIM, float(i), np.float32) for i in ids], DIM)


def _held(table: OutlineTable, ids: list[int]) -> dict[int, float]:
    rows = table.rows_of(ids)
    return {int(i): float(c[0]) for i, c in zip(table.ids[rows], table.centroids[rows], strict=True)}


def test_outline_table_rows_come_in_the_order_asked_and_skip_unknown_stories() -> None:
    table = OutlineTable(DIM, capacity=10)
    table.put(_outlines([5, 3, 8]))
    rows = table.rows_of([8, 99, 5])
    assert table.ids[rows].tolist() == [8, 5]
    assert table.missing([3, 4, 8]) == [4]
    assert table.firsts[rows].tolist() == [dt.date(2025, 3, 1).toordinal()] * 2


def test_outline_table_undated_stories_have_the_undated_mark() -> None:
    table = OutlineTable(DIM, capacity=10)
    table.put(_outlines([1], day=None))
    assert table.firsts[table.rows_of([1])].tolist() == [UNDATED]


def test_outline_table_a_story_put_again_is_overwritten_and_a_dropped_one_is_gone() -> None:
    table = OutlineTable(DIM, capacity=10)
    table.put(_outlines([1, 2]))
    table.put(Outlines.of([(2, None, None)], [np.full(DIM, 7.0, np.float32)], DIM))
    assert _held(table, [1, 2]) == {1: 1.0, 2: 7.0}
    table.drop(1)
    assert _held(table, [1, 2]) == {2: 7.0} and len(table) == 1


def test_outline_table_reuses_dropped_rows_and_forgets_the_least_recently_used_not_the_kept() -> None:
    table = OutlineTable(DIM, capacity=4)
    table.put(_outlines([1, 2, 3, 4]))
    table.drop(2)
    table.put(_outlines([5]))  # in the dropped story's row: nothing forgotten, no growth
    assert _held(table, [1, 3, 4, 5]) == {1: 1.0, 3: 3.0, 4: 4.0, 5: 5.0} and len(table.ids) == 4
    table.keep([3])
    table.keep([4])  # 1 and 5 were used before 3, 4 only since the last keep
    table.put(_outlines([6]))  # full: the least recently used goes
    assert set(_held(table, [1, 3, 4, 5, 6])) == {3, 4, 5, 6} and len(table.ids) == 4
    table.keep([3, 4, 5, 6])
    table.put(_outlines([7, 8]))  # everything held is kept: the table grows rather than lose one
    assert _held(table, [3, 4, 5, 6, 7, 8]) == {i: float(i) for i in range(3, 9)}
    assert len(table.ids) == 6
