"""The vector shards: search, files written and caught up, stale or foreign files never read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from storyline.settings import IndexSettings
from storyline.store.vector_index import VectorIndex

DIM = 8


class Rows:
    """The store's committed vectors, in memory."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int, np.ndarray]] = []  # label, shard, vector
        self.read = 0

    def commit(self, label: int, shard: int, vector: np.ndarray) -> tuple[int, int, np.ndarray]:
        self.rows.append((label, shard, vector))
        return label, shard, vector

    def vector_rows(self, shard: int, after: int) -> Iterator[tuple[int, np.ndarray]]:
        for label, number, vector in self.rows:
            if number == shard and label > after:
                self.read += 1
                yield label, vector.astype(np.float32)

    def vector_shards(self) -> list[int]:
        return sorted({shard for _label, shard, _vector in self.rows})

    def last_article_number(self) -> int:
        return max((label for label, _shard, _vector in self.rows), default=0)


def _vectors(count: int, seed: int = 1) -> np.ndarray:
    matrix = np.random.default_rng(seed).normal(size=(count, DIM)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def _index(folder: Path, rows: Rows, store: str = "store-a", **settings: int) -> VectorIndex:
    return VectorIndex(folder, DIM, store, rows, IndexSettings(**settings))


def test_vector_index_finds_the_nearest_in_the_asked_shards_only(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(40)
    index = _index(tmp_path / "ix", rows)
    index.add([rows.commit(label, label % 2, vectors[label - 1]) for label in range(1, 41)])
    (best, score), *_ = index.search(vectors[9], [0, 1], 5)
    assert best == 10 and abs(score - 1.0) < 1e-5
    assert all(label % 2 == 1 for label, _ in index.search(vectors[9], [1], 10))
    assert [label for label, _ in index.search(vectors[9], None, 1)] == [10]


def test_vector_index_files_are_caught_up_from_the_store_not_rebuilt(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(30)
    first = _index(tmp_path / "ix", rows)
    first.add([rows.commit(label, 0, vectors[label - 1]) for label in range(1, 21)])
    first.search(vectors[0], [0], 1)  # loads shard 0 (it caught up the 20 rows already committed)
    first.save()
    for label in range(21, 31):
        rows.commit(label, 0, vectors[label - 1])  # committed by a writer that never wrote the file
    rows.read = 0
    second = _index(tmp_path / "ix", rows)
    assert [label for label, _ in second.search(vectors[25], [0], 1)] == [26]
    assert rows.read == 10, "only the rows after the file's last label are read"


def test_vector_index_ignores_files_newer_than_the_store_and_of_another_store(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(10)
    index = _index(tmp_path / "ix", rows)
    index.add([rows.commit(label, 0, vectors[label - 1]) for label in range(1, 11)])
    index.search(vectors[0], [0], 1)
    index.save()
    restored = Rows()  # an older copy of the store: it holds only the first five
    for label in range(1, 6):
        restored.commit(label, 0, vectors[label - 1])
    older = _index(tmp_path / "ix", restored)
    assert {label for label, _ in older.search(vectors[7], [0], 10)} == {1, 2, 3, 4, 5}
    other = _index(tmp_path / "ix", Rows(), store="store-b")
    assert other.search(vectors[0], [0], 5) == []
    assert not list((tmp_path / "ix").glob("0.*")), "another store's files are removed"


def test_vector_index_keeps_memory_within_bounds(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(60)
    index = _index(tmp_path / "ix", rows, max_loaded_vectors=25)
    for shard in range(6):
        for offset in range(10):
            label = shard * 10 + offset + 1
            rows.commit(label, shard, vectors[label - 1])
    for shard in range(6):
        index.search(vectors[0], [shard], 3)
        assert index.loaded_vectors() <= 25 + 10
    assert [label for label, _ in index.search(vectors[0], [0], 1)] == [1], "a dropped shard comes back"


def test_vector_index_large_shards_search_the_graph(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(500, seed=3)
    index = _index(tmp_path / "ix", rows, exact_below=100)
    index.search(vectors[0], [0], 1)  # an empty shard, loaded: it grows in memory from here
    index.add([rows.commit(label, 0, vectors[label - 1]) for label in range(1, 501)])
    exact = np.argsort(-(vectors @ vectors[42]))[:10] + 1
    found = index.search(vectors[42], [0], 10)
    assert len({label for label, _ in found} & set(exact.tolist())) >= 9
    index.save()
    assert [path.suffix for path in (tmp_path / "ix").glob("0.*")] == [".voyager"], "past exact_below: a graph"
    again = _index(tmp_path / "ix", rows, exact_below=100)
    assert len({label for label, _ in again.search(vectors[42], [0], 10)} & set(exact.tolist())) >= 9


def test_vector_index_floor_keeps_exactly_the_hits_at_or_above_it(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(300, seed=5)
    flat = _index(tmp_path / "flat", rows)
    graph = _index(tmp_path / "graph", Rows(), exact_below=100)
    items = [rows.commit(label, label % 3, vectors[label - 1]) for label in range(1, 301)]
    flat.add(items)
    graph.search(vectors[0], [0, 1, 2], 1)  # loaded while empty: grows in memory, past exact_below a graph
    graph.add(items)
    queries = vectors[:40]
    for limit in (1, 5, 30, 400):
        for floor in (-1.0, 0.2, 0.5, 0.9, 1.1):
            with_floor = flat.search_many(queries, [0, 1, 2], limit, floor)
            for query, found in zip(queries, with_floor, strict=True):
                scores = vectors @ query
                ranked = [(int(i) + 1, float(scores[i])) for i in np.argsort(-scores, kind="stable")]
                expected = [hit for hit in ranked if hit[1] >= floor][:limit]
                assert [label for label, _ in found] == [label for label, _ in expected]
                assert np.allclose([s for _, s in found], [s for _, s in expected], atol=1e-5)
            for query, found in zip(queries, graph.search_many(queries, [0, 1, 2], limit, floor), strict=True):
                assert all(score >= floor for _, score in found)
                unfloored = [hit for hit in graph.search(query, [0, 1, 2], limit) if hit[1] >= floor]
                assert [label for label, _ in found] == [label for label, _ in unfloored]


def test_vector_index_drops_shards_no_search_has_read_for_a_while(tmp_path: Path) -> None:
    rows, vectors = Rows(), _vectors(60)
    index = _index(tmp_path / "ix", rows, idle_searches=1)
    for shard in range(6):
        index.add([rows.commit(shard * 10 + offset + 1, shard, vectors[shard * 10 + offset]) for offset in range(10)])
    for shard in range(6):  # a stream moving on week by week: each search reads the latest two weeks
        index.search(vectors[0], [max(0, shard - 1), shard], 3)
    assert index.loaded_vectors() == 30, "the weeks left behind are dropped (the last three searched stay)"
    assert [label for label, _ in index.search(vectors[0], [0], 1)] == [1], "a dropped shard comes back from its file"
