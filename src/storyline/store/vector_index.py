"""Article vectors for candidate look-up: time shards kept beside the store, each a flat matrix
searched exactly while small and an HNSW graph (voyager) once large.

The store's ``article_vectors`` rows are the truth; the shard files are a cache of them that is
never rebuilt at start: a shard is loaded from its file when a search first needs it, then
catches up with the rows committed after the file was written (each file's name carries the
last article number it holds). Files are written after the store commits, atomically (write,
then rename), so a crash leaves at worst an older file and a longer catch-up. Only committed
articles ever enter a shard. Memory is bounded: shards no search has read for ``idle_searches``
searches are dropped, and the least recently used past ``max_loaded_vectors``.
"""

from __future__ import annotations

import json
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyline.settings import IndexSettings

GRAPH = ".voyager"
GRAPH_LIBRARY = "voyager"  # in the folder's marker: files another library wrote are never read
FLAT = ".flat"
NO_LABEL = -1  # padding in a search's rows: no hit (article numbers start at 1)


class VectorRows(Protocol):
    """The committed vectors, as the store keeps them (labels are article numbers, which only grow)."""

    def vector_rows(self, shard: int, after: int) -> Iterator[tuple[int, np.ndarray]]: ...

    def vector_shards(self) -> list[int]: ...

    def last_article_number(self) -> int: ...


FIRST_ROWS = 8  # a new flat shard's room: a week of a sparse archive may hold one article, not 256 (0.5 MiB)


class Shard:
    """One shard's vectors and the highest article number it holds.

    While it holds fewer than ``exact_below`` vectors it is a flat matrix searched exactly (one
    matrix product: faster than a graph at that size, and nothing missed); past that it becomes an
    HNSW graph (voyager, chosen by measurement: docs/benchmarks.md), grown in place from then on.
    """

    def __init__(self, number: int, dim: int, settings: IndexSettings) -> None:
        self.number = number
        self.dim = dim
        self.settings = settings
        self.labels = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, dim), dtype=np.float32)
        self._rows = 0
        self.graph: Any = None
        self.max_label = 0
        self.unsaved = 0

    def __len__(self) -> int:
        return len(self.graph) if self.graph is not None else self._rows

    def add(self, labels: Sequence[int], vectors: np.ndarray, saved: bool = False) -> None:
        """Add what this shard does not hold yet (labels only grow)."""
        keep = [row for row, label in enumerate(labels) if label > self.max_label]
        if not keep:
            return
        new_labels = np.asarray([labels[row] for row in keep], dtype=np.int64)
        new_vectors = np.asarray(vectors, dtype=np.float32)[keep]
        if self.graph is not None:
            self.graph.add_items(new_vectors, [int(label) for label in new_labels], num_threads=1)
        else:
            self._append(new_labels, new_vectors)
            if self._rows >= self.settings.exact_below:
                self._build_graph()
        self.max_label = int(new_labels.max())
        self.unsaved += 0 if saved else len(keep)

    def search(self, vectors: np.ndarray, limit: int, floor: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ``limit`` nearest of this shard's vectors to each row of ``vectors``: labels and cosines,
        one row per query (unordered). With a ``floor``, only hits at or above it: rows with fewer
        are padded with label ``NO_LABEL`` and cosine -inf."""
        if not len(self):
            return np.zeros((len(vectors), 0), dtype=np.int64), np.zeros((len(vectors), 0), dtype=np.float32)
        if self.graph is not None:
            keys, distances = self.graph.query(
                vectors, k=min(limit, len(self)), query_ef=self.settings.expansion_search, num_threads=1
            )
            labels, scores = np.atleast_2d(keys).astype(np.int64), 1.0 - np.atleast_2d(distances).astype(np.float64)
            return _below_floor_padded(labels, scores, floor)
        # One matrix product for all the queries: the shard is read from memory once, not per query.
        scores = vectors @ self.matrix[: self._rows].T
        if floor is not None:
            return _best_above(scores, self.labels[: self._rows], limit, floor)
        if self._rows <= limit:
            return np.broadcast_to(self.labels[: self._rows], scores.shape), scores
        best = np.argpartition(-scores, limit, axis=1)[:, :limit]
        return self.labels[best], np.take_along_axis(scores, best, axis=1)

    def save(self, path: Path) -> None:
        """Write the shard to ``path`` (a graph file, or the flat matrix with its labels)."""
        if self.graph is not None:
            self.graph.save(str(path))
        else:
            with path.open("wb") as handle:
                np.save(handle, self.labels[: self._rows])
                np.save(handle, self.matrix[: self._rows])

    def load(self, path: Path, max_label: int) -> None:
        if path.name.endswith(GRAPH):
            from voyager import Index

            self.graph = Index.load(str(path))
            self.graph.ef = self.settings.expansion_search
        else:
            with path.open("rb") as handle:
                labels, matrix = np.load(handle), np.load(handle)
            if matrix.shape[1:] != (self.dim,) or len(labels) != len(matrix):
                raise ValueError(f"{path}: not a shard of {self.dim} dimensions")
            # kept as read (no copy when the file holds these types: a copy doubled a shard's load time)
            self.labels = np.ascontiguousarray(labels, dtype=np.int64)
            self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
            self._rows = len(labels)
        self.max_label = max_label

    def _append(self, labels: np.ndarray, vectors: np.ndarray) -> None:
        needed = self._rows + len(labels)
        if needed > len(self.matrix):
            size = max(needed, 2 * len(self.matrix), FIRST_ROWS)
            self.matrix = np.concatenate(
                [self.matrix[: self._rows], np.zeros((size - self._rows, self.dim), np.float32)]
            )
            self.labels = np.concatenate([self.labels[: self._rows], np.zeros(size - self._rows, np.int64)])
        self.matrix[self._rows : needed] = vectors
        self.labels[self._rows : needed] = labels
        self._rows = needed

    def _build_graph(self) -> None:
        self.graph = self._new_graph()
        self.graph.add_items(
            self.matrix[: self._rows], [int(label) for label in self.labels[: self._rows]], num_threads=1
        )
        self.matrix = np.zeros((0, self.dim), dtype=np.float32)
        self.labels = np.zeros(0, dtype=np.int64)
        self._rows = 0
        self.unsaved += 1  # its file changes form

    def _new_graph(self) -> Any:
        from voyager import Index, Space

        graph = Index(
            Space.InnerProduct,
            num_dimensions=self.dim,
            M=self.settings.connectivity,
            ef_construction=self.settings.expansion_add,
        )
        graph.ef = self.settings.expansion_search
        return graph

    @property
    def suffix(self) -> str:
        return GRAPH if self.graph is not None else FLAT


class VectorIndex:
    """Search and grow the shards of one store's vectors."""

    def __init__(self, folder: Path, dim: int, identity: str, rows: VectorRows, settings: IndexSettings) -> None:
        self.folder = folder
        self.dim = dim
        self.settings = settings
        self._rows = rows
        self._identity = {"store": identity, "dim": dim, "graphs": GRAPH_LIBRARY}
        self._shards: OrderedDict[int, Shard] = OrderedDict()
        self._searches = 0  # searches so far, the clock of ``_last_search``
        self._last_search: dict[int, int] = {}  # shard -> the search that last read it
        self._checked = False

    def search(
        self, vector: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[tuple[int, float]]:
        """The ``limit`` nearest committed articles in the given shards (all shards when None): (label,
        cosine), best first; with a ``floor``, only those at or above it."""
        return self.search_many(np.asarray(vector, dtype=np.float32)[None, :], shards, limit, floor)[0]

    def search_many(
        self, vectors: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[list[tuple[int, float]]]:
        """``search`` for each row of ``vectors``, all in the same shards, each shard read once."""
        numbers = self._all_shards() if shards is None else list(shards)
        queries = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        self._searches += 1
        self._last_search.update(dict.fromkeys(numbers, self._searches))
        found = [self._shard(number).search(queries, limit, floor) for number in numbers]
        self._evict()
        if not found:
            return [[] for _ in queries]
        labels = np.concatenate([part[0] for part in found], axis=1)
        scores = np.concatenate([part[1] for part in found], axis=1)
        best = np.argsort(-scores, axis=1, kind="stable")[:, :limit]  # all the shards' hits, best first
        labels, scores = np.take_along_axis(labels, best, axis=1), np.take_along_axis(scores, best, axis=1)
        return [
            [(label, score) for label, score in zip(row_labels, row_scores, strict=True) if label != NO_LABEL]
            for row_labels, row_scores in zip(labels.tolist(), scores.tolist(), strict=True)
        ]

    def add(self, items: Sequence[tuple[int, int, np.ndarray]]) -> None:
        """Committed articles: (label, shard, vector)."""
        by_shard: dict[int, list[tuple[int, np.ndarray]]] = {}
        for label, shard, vector in items:
            by_shard.setdefault(shard, []).append((label, vector))
        for number, rows in by_shard.items():
            if number in self._shards:  # a shard not loaded catches up from the store when first needed
                self._shards[number].add([label for label, _ in rows], np.asarray([v for _, v in rows], np.float32))

    def save(self) -> None:
        """Write every shard that holds vectors its file does not."""
        for shard in self._shards.values():
            if shard.unsaved:
                self._write(shard)

    def forget(self) -> None:
        """Drop everything loaded (another writer changed the store, or a batch failed)."""
        self._shards.clear()
        self._last_search.clear()
        self._checked = False

    def loaded_vectors(self) -> int:
        return sum(len(shard) for shard in self._shards.values())

    # ---- shards ----------------------------------------------------------------------------

    def _shard(self, number: int) -> Shard:
        if number in self._shards:
            self._shards.move_to_end(number)
            return self._shards[number]
        self._check_folder()
        shard = Shard(number, self.dim, self.settings)
        path = self._file_of(number)
        if path is not None and _label_of(path) > self._rows.last_article_number():
            path.unlink(missing_ok=True)  # made from a later state of the store than this one (a restored backup)
            path = None
        if path is not None:
            try:
                shard.load(path, _label_of(path))
            except (OSError, RuntimeError, ValueError):  # unreadable: rebuilt from the store below
                shard = Shard(number, self.dim, self.settings)
        self._catch_up(shard)
        self._shards[number] = shard
        return shard

    def _catch_up(self, shard: Shard) -> None:
        labels: list[int] = []
        vectors: list[np.ndarray] = []
        for label, vector in self._rows.vector_rows(shard.number, shard.max_label):
            labels.append(label)
            vectors.append(vector)
            if len(labels) >= 4096:
                shard.add(labels, np.asarray(vectors))
                labels, vectors = [], []
        if labels:
            shard.add(labels, np.asarray(vectors))

    def _evict(self) -> None:
        """Drop the shards no search has read for ``idle_searches`` searches (weeks the stream has left
        behind: a follower's memory is the active window's, not its history's), then the least recently
        used past ``max_loaded_vectors``. A dropped shard is written first if it holds unsaved vectors,
        and comes back from its file when a search needs it again."""
        idle = [
            number
            for number in self._shards
            if self._searches - self._last_search.get(number, self._searches) > self.settings.idle_searches
        ]
        for number in idle:
            self._drop(number)
        while len(self._shards) > 1 and self.loaded_vectors() > self.settings.max_loaded_vectors:
            self._drop(next(iter(self._shards)))

    def _drop(self, number: int) -> None:
        shard = self._shards.pop(number)
        self._last_search.pop(number, None)
        if shard.unsaved:
            self._write(shard)

    def _write(self, shard: Shard) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"{shard.number}.{shard.max_label}{shard.suffix}"
        temporary = final.with_suffix(".tmp")
        shard.save(temporary)
        os.replace(temporary, final)
        for older in self._files(shard.number):
            if older != final:
                older.unlink(missing_ok=True)
        shard.unsaved = 0

    def _files(self, number: int) -> list[Path]:
        """The shard's files (one listing of the folder: a pattern match compiled per call cost more)."""
        prefix = f"{number}."
        try:
            with os.scandir(self.folder) as entries:
                names = [entry.name for entry in entries if entry.name.startswith(prefix)]
        except FileNotFoundError:
            return []
        return [self.folder / name for name in names if name.endswith((GRAPH, FLAT))]

    def _file_of(self, number: int) -> Path | None:
        files = sorted(self._files(number), key=_label_of)
        return files[-1] if files else None

    def _all_shards(self) -> list[int]:
        files = [*self.folder.glob(f"*{GRAPH}"), *self.folder.glob(f"*{FLAT}")]
        on_disk = {int(path.name.split(".")[0]) for path in files}
        return sorted(on_disk | set(self._shards) | set(self._rows.vector_shards()))

    def _check_folder(self) -> None:
        """Files made for another store (or another embedder) are removed, never read."""
        if self._checked:
            return
        self._checked = True
        marker = self.folder / "index.json"
        try:
            found = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = None
        if found != self._identity:
            for path in [*self.folder.glob(f"*{GRAPH}"), *self.folder.glob(f"*{FLAT}")]:
                path.unlink(missing_ok=True)
            self.folder.mkdir(parents=True, exist_ok=True)
            marker.write_text(json.dumps(self._identity), encoding="utf-8")


def _label_of(path: Path) -> int:
    try:
        return int(path.name.split(".")[1])
    except (IndexError, ValueError):
        return -1


def _best_above(scores: np.ndarray, labels: np.ndarray, limit: int, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """Per row of ``scores``, the ``limit`` best columns at or above ``floor`` (their labels and
    scores), padded: only the few hits are sorted, not every column (most are far below the floor)."""
    rows, columns = np.nonzero(scores >= floor)
    hits = scores[rows, columns]
    order = np.lexsort((-hits, rows))  # by row, best first
    rows, columns, hits = rows[order], columns[order], hits[order]
    starts = np.searchsorted(rows, np.arange(len(scores)))
    rank = np.arange(len(rows)) - starts[rows]
    keep = rank < limit
    width = int(rank[keep].max()) + 1 if keep.any() else 0
    found_labels = np.full((len(scores), width), NO_LABEL, dtype=np.int64)
    found_scores = np.full((len(scores), width), -np.inf, dtype=scores.dtype)
    found_labels[rows[keep], rank[keep]] = labels[columns[keep]]
    found_scores[rows[keep], rank[keep]] = hits[keep]
    return found_labels, found_scores


def _below_floor_padded(labels: np.ndarray, scores: np.ndarray, floor: float | None) -> tuple[np.ndarray, np.ndarray]:
    """A graph's hits with those under ``floor`` replaced by padding."""
    if floor is None:
        return labels, scores
    below = scores < floor
    return np.where(below, NO_LABEL, labels), np.where(below, -np.inf, scores)
