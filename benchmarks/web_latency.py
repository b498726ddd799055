"""How fast the pages and their JSON twins answer: median, 95th percentile and largest of repeated requests.

Usage: python benchmarks/web_latency.py STORE [REPEATS]      (a SQLite file or a postgresql:// URL)

Serves STORE.db with uvicorn on a free loopback port in this process and requests each path REPEATS
times (default 41) from one client, after one warm-up request each. Story, storyline and entity paths use
the store's largest story, largest storyline and most named entity.
"""

from __future__ import annotations

import statistics
import sys
import time
import urllib.parse
import urllib.request

from storyline.settings import Settings
from storyline.store import Store, open_store
from storyline.web import create_app
from storyline.web.background import serving_in_background


def paths(store: Store) -> list[str]:
    largest = store._db.execute("SELECT id FROM stories ORDER BY size DESC, id LIMIT 1").fetchone()[0]
    line = store._db.execute("SELECT id FROM storylines ORDER BY stories DESC, id LIMIT 1").fetchone()
    language = store.languages()[0]["language"]
    entity = store.entity_rows(limit=1)[0]
    name = urllib.parse.quote(entity["name"])
    return [
        "/",
        f"/?entity={name}",
        f"/?language={language}&since=2020-01-01",
        f"/?q={name}",
        f"/stories/{largest}",
        f"/api/stories/{largest}",
        "/storylines",
        *([f"/storylines/{line[0]}", f"/api/storylines/{line[0]}"] if line else []),
        "/entities",
        f"/entities/{entity['id']}",
        f"/api/entities/{entity['id']}",
        f"/search?q={name}",
    ]


def main(db: str, repeats: int) -> None:
    with open_store(db) as store:
        counts, targets = store.counts(), paths(store)
    with serving_in_background(create_app(Settings(db=db))) as base:
        measure(base, targets, counts, db, repeats)


def measure(base: str, targets: list[str], counts: dict[str, int], db: str, repeats: int) -> None:
    print(f"{db}: {counts['articles']} articles, {counts['stories']} stories; {repeats} requests per path")
    print(f"{'path':48} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'KiB':>6}")
    for path in targets:
        url = base + path
        urllib.request.urlopen(url).read()
        times, size = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            size = len(urllib.request.urlopen(url).read())
            times.append(1000 * (time.perf_counter() - started))
        times.sort()
        p95 = times[int(round(0.95 * (len(times) - 1)))]
        print(f"{path[:48]:48} {statistics.median(times):10.1f} {p95:8.1f} {times[-1]:8.1f} {size / 1024:6.1f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 41)
