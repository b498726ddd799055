"""How long the vector index's flat shards take to load from their files, and a search over them.

Usage: python benchmarks/shard_load.py STORE.index [--largest 10] [--repeat 5]

Loads the ``--largest`` flat shard files of a store's index folder (``STORE.db.index``) ``--repeat``
times and prints the median milliseconds for all of them, then the median of 300 searches of one
random vector over the same shards loaded (read only: the folder is not changed).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from storyline.settings import IndexSettings
from storyline.store.vector_index import FLAT, Shard, _label_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a store's index folder (STORE.db.index)")
    parser.add_argument("--largest", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(args.folder.glob(f"*{FLAT}"), key=lambda path: -path.stat().st_size)[: args.largest]
    if not files:
        raise SystemExit(f"{args.folder}: no flat shard files")
    dim = _dim_of(files[0])
    timings: list[float] = []
    shards: list[Shard] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        shards = []
        for path in files:
            shard = Shard(0, dim, IndexSettings())
            shard.load(path, _label_of(path))
            shards.append(shard)
        timings.append(time.perf_counter() - started)
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    print(f"{len(files)} shards, {megabytes:.1f} MB: load median {1000 * statistics.median(timings):.1f} ms")
    query = np.random.default_rng(1).normal(size=(1, dim)).astype(np.float32)
    searches = []
    for _ in range(300):
        started = time.perf_counter()
        for shard in shards:
            shard.search(query, 50, 0.3)
        searches.append(time.perf_counter() - started)
    print(f"search of them all: median {1000 * statistics.median(searches):.2f} ms")


def _dim_of(path: Path) -> int:
    with path.open("rb") as handle:
        np.load(handle)  # the labels
        return int(np.load(handle).shape[1])


if __name__ == "__main__":
    main()
