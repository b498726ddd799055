"""How fast the pages and their JSON twins answer: median, 95th percentile and largest of repeated requests.

Usage: python benchmarks/web_latency.py STORE [REPEATS] [--against OTHER]   (SQLite files or postgresql:// URLs)

Serves STORE with uvicorn on a free loopback port in this process and requests each path REPEATS
times (default 41) from one client, after one warm-up request each. Story, storyline and entity paths use
the store's largest story, largest storyline and most named entity. With ``--against OTHER`` (a copy of
the same store in the other database) both are served and each request to one is followed by the same
request to the other, so that both see the same moments of a machine whose speed drifts; the table gives
both and the ratio of their medians (STORE's over OTHER's).
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


def main(db: str, repeats: int, other: str | None = None) -> None:
    with open_store(db) as store:
        counts, targets = store.counts(), paths(store)
    if other is None:
        with serving_in_background(create_app(Settings(db=db))) as base:
            measure(base, targets, counts, db, repeats)
        return
    with open_store(other) as store:
        other_targets = paths(store)
    with (
        serving_in_background(create_app(Settings(db=db))) as base,
        serving_in_background(create_app(Settings(db=other))) as other_base,
    ):
        compare(base, other_base, list(zip(targets, other_targets, strict=True)), counts, db, other, repeats)


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
        print(f"{path[:48]:48} {statistics.median(times):10.1f} {_p95(times):8.1f} {times[-1]:8.1f} {size / 1024:6.1f}")


def compare(
    base: str,
    other_base: str,
    targets: list[tuple[str, str]],
    counts: dict[str, int],
    db: str,
    other: str,
    repeats: int,
) -> None:
    print(f"{db} against {other}: {counts['articles']} articles, {counts['stories']} stories; {repeats} requests each")
    print(f"{'path':40} {'median / p95 ms':>16} {'other median / p95':>19} {'ratio':>6}")
    for path, other_path in targets:
        urls = (base + path, other_base + other_path)
        for url in urls:
            urllib.request.urlopen(url).read()
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(repeats):
            for url, kept in zip(urls, times, strict=True):
                started = time.perf_counter()
                urllib.request.urlopen(url).read()
                kept.append(1000 * (time.perf_counter() - started))
        mine, theirs = (sorted(kept) for kept in times)
        ratio = statistics.median(mine) / statistics.median(theirs)
        print(
            f"{path[:40]:40} {statistics.median(mine):7.1f} / {_p95(mine):6.1f}"
            f" {statistics.median(theirs):9.1f} / {_p95(theirs):7.1f} {ratio:5.2f}x"
        )


def _p95(times: list[float]) -> float:
    return times[int(round(0.95 * (len(times) - 1)))]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    against = None
    if "--against" in arguments:
        at = arguments.index("--against")
        against = arguments[at + 1]
        del arguments[at : at + 2]
    main(arguments[0], int(arguments[1]) if len(arguments) > 1 else 41, against)
