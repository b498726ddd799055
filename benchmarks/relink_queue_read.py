"""What the relink queue's read of a surname's next bare mentions costs, per store (SQLite).

Usage: python benchmarks/relink_queue_read.py STORE.db [STORE.db ...] [--keys 300] [--limit 8]

For the ``--keys`` keys with the most full-name mentions (the ones whose bare mentions a walk over the
key's rows reaches last), runs the query ``next_queued_mentions`` runs (``--limit`` rows from the key's
first on), once to warm the cache and once timed, and prints the index's definition with the median,
p90 and largest milliseconds. Compare a store before and after an index change on copies of one store.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time

from storyline.store.entity_links import QUEUED_MENTIONS

QUERY = QUEUED_MENTIONS + " WHERE e.key=? AND e.rowid>? AND e.given='' ORDER BY e.rowid LIMIT ?"


def read_times(path: str, keys: int, limit: int) -> tuple[str, list[float]]:
    """The index definition and the milliseconds of each key's read."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        busiest = [
            row[0]
            for row in db.execute(
                "SELECT key FROM article_entities WHERE given<>'' GROUP BY key ORDER BY COUNT(*) DESC LIMIT ?", (keys,)
            )
        ]
        for key in busiest:
            db.execute(QUERY, (key, 0, limit)).fetchall()
        times = []
        for key in busiest:
            began = time.perf_counter()
            db.execute(QUERY, (key, 0, limit)).fetchall()
            times.append(1000 * (time.perf_counter() - began))
        index = db.execute("SELECT sql FROM sqlite_master WHERE name='article_entities_key'").fetchone()
        return (str(index[0]) if index else "(no index)"), sorted(times)
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="+")
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--limit", type=int, default=8)
    args = parser.parse_args()
    for path in args.stores:
        index, times = read_times(path, args.keys, args.limit)
        p90 = times[int(0.9 * (len(times) - 1))]
        print(f"{path}: {index}: median {statistics.median(times):.3f} ms, p90 {p90:.3f}, largest {times[-1]:.3f}")


if __name__ == "__main__":
    main()
