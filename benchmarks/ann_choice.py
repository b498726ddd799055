"""Which approximate-nearest-neighbour library the story index uses: the candidates measured alike.

Usage: python benchmarks/ann_choice.py VECTORS.npy [N] [--libraries usearch,hnswlib,faiss,voyager]
       python benchmarks/ann_choice.py VECTORS.npy [N] --flat-sizes 5000,20000,50000

VECTORS is a .npy file of real article vectors, or a pair file (.jsonl), whose articles are then
embedded with e5-small (title + lead, as ingest does; about two minutes for the dev pairs). N
vectors (default 100,000) are made from them: blends of two real vectors plus noise, normalised, so
the set keeps the real vectors' anisotropy (every e5 cosine is high) without being copies of them. The index grows in batches of 2,000, as ingest adds them; then, one query at a time as
grouping asks: latency (median, p99) for the 50 nearest, recall@50 against exact search, and
saving, loading and adding after loading. Each library runs with the same graph size (M=16,
ef_construction=128, ef_search=128) and one thread; the queries are also run 128 at a time (an ingest
batch searches a shard together), per query. Only installed libraries run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

K = 50
M = 16
EF_ADD = 128
EF_SEARCH = 128
BATCH = 2000
QUERIES = 512
BATCH_QUERIES = 128  # an ingest batch's articles search a shard together


class Candidate:
    name = ""

    def __init__(self, dim: int) -> None:
        self.dim = dim

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None: ...
    def search(self, vector: np.ndarray) -> np.ndarray: ...
    def search_batch(self, vectors: np.ndarray) -> None: ...
    def save(self, path: Path) -> None: ...
    def load(self, path: Path) -> None: ...


class Usearch(Candidate):
    name = "usearch"

    def __init__(self, dim: int) -> None:
        super().__init__(dim)
        from usearch.index import Index

        self._make: Callable[[], Any] = lambda: Index(
            ndim=dim, metric="ip", dtype="f32", connectivity=M, expansion_add=EF_ADD, expansion_search=EF_SEARCH
        )
        self.index = self._make()

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        self.index.add(keys, vectors, threads=1)

    def search(self, vector: np.ndarray) -> np.ndarray:
        return np.asarray(self.index.search(vector, K, threads=1).keys)

    def search_batch(self, vectors: np.ndarray) -> None:
        self.index.search(vectors, K, threads=1)

    def save(self, path: Path) -> None:
        self.index.save(str(path))

    def load(self, path: Path) -> None:
        self.index = self._make()
        self.index.load(str(path))


class Hnswlib(Candidate):
    name = "hnswlib"

    def __init__(self, dim: int) -> None:
        super().__init__(dim)
        import hnswlib

        self._module = hnswlib
        self.index = hnswlib.Index(space="ip", dim=dim)
        self.index.init_index(max_elements=BATCH, ef_construction=EF_ADD, M=M)
        self.index.set_ef(EF_SEARCH)
        self.index.set_num_threads(1)

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        needed = self.index.get_current_count() + len(keys)
        if needed > self.index.get_max_elements():
            self.index.resize_index(max(needed, 2 * self.index.get_max_elements()))
        self.index.add_items(vectors, keys)

    def search(self, vector: np.ndarray) -> np.ndarray:
        labels, _ = self.index.knn_query(vector, k=K)
        return labels[0]

    def search_batch(self, vectors: np.ndarray) -> None:
        self.index.knn_query(vectors, k=K)

    def save(self, path: Path) -> None:
        self.index.save_index(str(path))

    def load(self, path: Path) -> None:
        self.index = self._module.Index(space="ip", dim=self.dim)
        self.index.load_index(str(path), max_elements=0)
        self.index.set_ef(EF_SEARCH)
        self.index.set_num_threads(1)


class Faiss(Candidate):
    name = "faiss"

    def __init__(self, dim: int) -> None:
        super().__init__(dim)
        import faiss

        faiss.omp_set_num_threads(1)
        self._faiss = faiss
        inner = faiss.IndexHNSWFlat(dim, M, faiss.METRIC_INNER_PRODUCT)
        inner.hnsw.efConstruction = EF_ADD
        inner.hnsw.efSearch = EF_SEARCH
        self.index = faiss.IndexIDMap2(inner)

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        self.index.add_with_ids(vectors, keys.astype(np.int64))

    def search(self, vector: np.ndarray) -> np.ndarray:
        _, labels = self.index.search(vector.reshape(1, -1), K)
        return labels[0]

    def search_batch(self, vectors: np.ndarray) -> None:
        self.index.search(vectors, K)

    def save(self, path: Path) -> None:
        self._faiss.write_index(self.index, str(path))

    def load(self, path: Path) -> None:
        self.index = self._faiss.read_index(str(path))
        self._faiss.downcast_index(self.index.index).hnsw.efSearch = EF_SEARCH


class Voyager(Candidate):
    name = "voyager"

    def __init__(self, dim: int) -> None:
        super().__init__(dim)
        import voyager

        self._voyager = voyager
        self.index = voyager.Index(voyager.Space.InnerProduct, num_dimensions=dim, M=M, ef_construction=EF_ADD)

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        self.index.add_items(vectors, [int(key) for key in keys], num_threads=1)

    def search(self, vector: np.ndarray) -> np.ndarray:
        labels, _ = self.index.query(vector, k=K, query_ef=EF_SEARCH)
        return np.asarray(labels)

    def search_batch(self, vectors: np.ndarray) -> None:
        self.index.query(vectors, k=K, query_ef=EF_SEARCH, num_threads=1)

    def save(self, path: Path) -> None:
        self.index.save(str(path))

    def load(self, path: Path) -> None:
        self.index = self._voyager.Index.load(str(path))


CANDIDATES: dict[str, type[Candidate]] = {c.name: c for c in (Usearch, Hnswlib, Faiss, Voyager)}


def real_vectors(path: Path) -> np.ndarray:
    if path.suffix == ".npy":
        return np.load(path).astype(np.float32)
    from storyline.evaluation.pairs import articles_in_order, read_pairs
    from storyline.settings import Settings
    from storyline.stages.embed import embedding_text, make_embedder

    articles = articles_in_order(read_pairs(path))
    texts = [embedding_text(article, Settings().max_embed_chars) for article in articles]
    return make_embedder("e5-small").embed(texts)


def synthetic(real: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """Blends of two real vectors plus noise: a continuum with the real vectors' anisotropy, where
    the nearest neighbours are not just copies of one real vector."""
    spread = float(np.std(real - real.mean(axis=0)))
    share = rng.uniform(0.0, 1.0, (count, 1)).astype(np.float32)
    blend = share * real[rng.integers(0, len(real), count)] + (1 - share) * real[rng.integers(0, len(real), count)]
    noisy = blend + rng.normal(0.0, spread / 2, blend.shape).astype(np.float32)
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


def rss_mib() -> float:
    with open(f"/proc/{os.getpid()}/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(candidate_type: type[Candidate], data: np.ndarray, queries: np.ndarray, truth: list[set[int]]) -> dict:
    before = rss_mib()
    candidate = candidate_type(data.shape[1])
    keys = np.arange(len(data), dtype=np.uint64)
    started = time.perf_counter()
    for start in range(0, len(data), BATCH):
        candidate.add(keys[start : start + BATCH], data[start : start + BATCH])
    add_seconds = time.perf_counter() - started
    memory = rss_mib() - before
    latencies, recalls = [], []
    for query, expected in zip(queries, truth, strict=True):
        began = time.perf_counter()
        found = candidate.search(query)
        latencies.append(1000 * (time.perf_counter() - began))
        recalls.append(len(expected & {int(key) for key in found}) / K)
    latencies.sort()
    began = time.perf_counter()
    for start in range(0, len(queries), BATCH_QUERIES):
        candidate.search_batch(queries[start : start + BATCH_QUERIES])
    batch_ms = 1000 * (time.perf_counter() - began) / len(queries)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index"
        began = time.perf_counter()
        candidate.save(path)
        save_seconds = time.perf_counter() - began
        size = path.stat().st_size
        began = time.perf_counter()
        candidate.load(path)
        load_seconds = time.perf_counter() - began
        extra = np.arange(len(data), len(data) + 10, dtype=np.uint64)
        began = time.perf_counter()
        candidate.add(extra, queries[:10])
        add_after_load_ms = 1000 * (time.perf_counter() - began) / 10
        found_again = int(extra[0]) in {int(key) for key in candidate.search(queries[0])}
    return {
        "library": candidate.name,
        "add_per_s": round(len(data) / add_seconds),
        "query_ms_median": round(statistics.median(latencies), 3),
        "query_ms_p99": round(latencies[int(0.99 * (len(latencies) - 1))], 3),
        "batched_query_ms": round(batch_ms, 3),
        "recall_at_50": round(float(np.mean(recalls)), 4),
        "memory_mib": round(memory),
        "file_mib": round(size / 2**20, 1),
        "save_s": round(save_seconds, 3),
        "load_s": round(load_seconds, 3),
        "add_after_load_ms": round(add_after_load_ms, 3),
        "added_after_load_found": found_again,
    }


def flat_or_graph(data: np.ndarray, queries: np.ndarray, sizes: list[int]) -> None:
    """Where a graph starts to pay: one query's latency on a flat matrix (numpy) and on voyager's graph."""
    from voyager import Index, Space

    print(f"{'vectors':>8} {'flat ms':>8} {'flat ms (128 at once)':>22} {'graph ms':>9} {'graph recall@50':>16}")
    for size in sizes:
        part = data[:size]
        graph = Index(Space.InnerProduct, num_dimensions=part.shape[1], M=M, ef_construction=EF_ADD)
        graph.add_items(part, list(range(size)), num_threads=1)
        flat_ms, graph_ms, recalls = [], [], []
        for query in queries[:200]:
            began = time.perf_counter()
            scores = part @ query
            best = np.argpartition(-scores, K)[:K]
            flat_ms.append(1000 * (time.perf_counter() - began))
            began = time.perf_counter()
            found, _distances = graph.query(query, k=K, query_ef=EF_SEARCH, num_threads=1)
            graph_ms.append(1000 * (time.perf_counter() - began))
            recalls.append(len(set(best.tolist()) & {int(key) for key in found}) / K)
        began = time.perf_counter()
        for start in range(0, 512, BATCH_QUERIES):
            for row in queries[start : start + BATCH_QUERIES] @ part.T:
                np.argpartition(-row, K)[:K]
        batched_ms = 1000 * (time.perf_counter() - began) / 512
        print(
            f"{size:>8} {statistics.median(flat_ms):8.3f} {batched_ms:22.3f} {statistics.median(graph_ms):9.3f}"
            f" {np.mean(recalls):16.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vectors", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--libraries", default=",".join(CANDIDATES))
    parser.add_argument("--flat-sizes", default="", help="e.g. 5000,20000,50000: flat matrix against graph by size")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    real = real_vectors(args.vectors)
    data = synthetic(real, args.count, rng)
    queries = synthetic(real, QUERIES, rng)
    scores = queries @ data.T
    truth = [set(np.argpartition(-row, K)[:K].tolist()) for row in scores]
    print(f"{args.count} vectors of {data.shape[1]} dimensions from {args.vectors}; {QUERIES} queries, k={K}")
    if args.flat_sizes:
        flat_or_graph(data, queries, [int(size) for size in args.flat_sizes.split(",")])
        return
    for name in args.libraries.split(","):
        try:
            result = measure(CANDIDATES[name], data, queries, truth)
        except ImportError:
            print(f"{name}: not installed")
            continue
        print(result, flush=True)


if __name__ == "__main__":
    main()
