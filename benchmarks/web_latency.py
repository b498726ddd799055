"""How fast the pages and their JSON twins answer: median and 90th percentile of repeated requests.

Usage: python benchmarks/web_latency.py STORE.db [REPEATS]

Serves STORE.db with uvicorn on a free loopback port in this process and requests each path REPEATS
times (default 21) from one client, after one warm-up request each. Story and entity paths use the
store's largest story and most named entity.
"""

from __future__ import annotations

import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from storyline.settings import Settings
from storyline.store import Store
from storyline.web import create_app
from storyline.web.background import serving_in_background


def paths(store: Store) -> list[str]:
    largest = max(store.story_rows(), key=lambda row: row["size"])["id"]
    entity = store.entity_rows(limit=1)[0]
    name = urllib.parse.quote(entity["name"])
    return [
        "/",
        f"/?entity={name}",
        "/?language=de&since=2020-01-01",
        f"/?q={name}",
        f"/stories/{largest}",
        f"/api/stories/{largest}",
        "/entities",
        f"/entities/{entity['id']}",
        f"/search?q={name}",
        "/storylines",
    ]


def main(db: str, repeats: int) -> None:
    with Store(db) as store:
        counts, targets = store.counts(), paths(store)
    with serving_in_background(create_app(Settings(db_path=Path(db)))) as base:
        measure(base, targets, counts, db, repeats)


def measure(base: str, targets: list[str], counts: dict[str, int], db: str, repeats: int) -> None:
    print(f"{db}: {counts['articles']} articles, {counts['stories']} stories; {repeats} requests per path")
    print(f"{'path':48} {'median ms':>10} {'p90 ms':>8} {'KiB':>6}")
    for path in targets:
        url = base + path
        urllib.request.urlopen(url).read()
        times, size = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            size = len(urllib.request.urlopen(url).read())
            times.append(1000 * (time.perf_counter() - started))
        times.sort()
        p90 = times[int(0.9 * (len(times) - 1))]
        print(f"{path[:48]:48} {statistics.median(times):10.1f} {p90:8.1f} {size / 1024:6.1f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 21)
