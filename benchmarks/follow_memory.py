"""Where a long-running follower's memory goes: rounds of `follow` in this process, resident memory
after a warm-up and at the end, and (``--tracemalloc``) what the Python heap grew by from the warm-up to the
end, file by file (with ``--by-line``, line by line). Tracing runs from the start (its tables hold a few
hundred MiB then: compare resident sizes of runs without it).

Usage: python benchmarks/follow_memory.py [--rounds 55] [--warm-up 15] [--per-round 24]
       [--embedder hashing] [--sqlite-cache-kib 32768] [--tracemalloc [--by-line]]
       [--pairs ../shared/data/pairs/semeval2022-task8-dev.jsonl] [--stream] [--every 10]
       [--keep-free-memory] [--fill-caches]

One feed on the tests' fixture server (127.0.0.1) publishes ``--per-round`` new real article pages
before every round (the labeled pairs' texts, each once; the feed lists its 60 latest items); the
rounds run in this process with one kept-open ``Ingestor``, as `storyline follow` runs them.
``--sqlite-cache-kib`` sets SQLite's page cache per connection (the store's default: 32 MiB), to tell
the cache filling from the rest.

``--stream``: the items are the scale benchmark's dated stream instead (``news_stream.py``: events over
a year in date order, each item's date in its feed entry and on its page; its undated articles left out,
see ``items``), so that a long run passes
the grouping's time windows, as months of real news do: what a follower holds for the active window
then stops growing. After each round the allocator's free pages go back to the system as ``storyline
follow`` does (``follow.release_free_memory``); ``--keep-free-memory`` skips that, to compare.
``--every N`` adds the resident memory every N rounds to the output (``series``), with the story map's
sizes and how full the memoising caches are (``cache_census.py``: words, lemmas, keys met so far).
``--max-cached-stories`` / ``--max-cached-members``: the story map's caches (``IndexSettings``), smaller
than their defaults to see memory level off within a short run. ``--fill-caches``: after the first round,
every large memoising cache is filled to its bound with made-up words (``cache_census.fill_to_bounds``),
the state weeks of real news leave them in; the rounds after it then show what grows beyond the caches.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import sqlite3
import sys
import tempfile
import tracemalloc
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cache_census import census, fill_to_bounds  # noqa: E402
from embed_speed import resident_mib  # noqa: E402
from follow_speed import html_page, texts  # noqa: E402
from news_stream import stream  # noqa: E402

from feed_server import Route, feed_server, rss  # noqa: E402
from storyline.follow import follow_round, release_free_memory  # noqa: E402
from storyline.ingest.fetch import FetchSettings, PoliteFetcher  # noqa: E402
from storyline.pipeline import Ingestor  # noqa: E402
from storyline.settings import IndexSettings, Settings  # noqa: E402
from storyline.stages.embed import make_embedder  # noqa: E402
from storyline.store import open_store, sqlite  # noqa: E402

FEED_ITEMS = 60


def items(pairs: str, wanted: int, dated: bool) -> list[tuple[str, str, str]]:
    """(title, text, ISO date or "") of each item, in publishing order: the pair file's texts, or with
    ``dated`` the scale benchmark's dated stream (its shared sentences taken from beside the pair file).

    The stream's undated articles (3%) are left out of the dated items: a follower dates an item nothing
    dates by the day it sees it (``follow.py``), and in a replay of a year in an hour that day is past
    every date the replay has reached: one such article makes today the newest date the story map has
    placed, its time window stops moving with the stream, and nothing passes out of it (the caches then
    fill up to their size bounds, which is what an earlier soak measured as growth)."""
    if not dated:
        return [(title, text, "") for title, text in texts(Path(pairs), wanted)]
    shared = Path(pairs).parent.parent.parent
    if not shared.exists():  # a run from a checkout with no shared/ beside it: say so, its numbers differ
        print(
            f"follow_memory: {shared} not found: the stream is made of the bundled samples' sentences only"
            " (one topic, so a few long stories), not the pair file's; pass --pairs",
            file=sys.stderr,
        )
    records = [
        record
        for record in stream(wanted + wanted // 10, shared=shared if shared.exists() else None)
        if record.get("published")
    ]
    return [(record["title"], record["text"], record["published"]) for record in records[:wanted]]


def cache_sizes(ingestor: Ingestor, store: object) -> dict[str, int]:
    """How much the story map holds in memory: story states, member vectors, outline rows, entity
    counts, loaded shard vectors (what should level off once the stream passes the time windows)."""
    index = ingestor._index  # noqa: SLF001 (a benchmark's look inside)
    if index is None:
        return {}
    neighbours = index.neighbours
    return {
        "states": len(index.stories),
        "member_vectors": index._member_count,  # noqa: SLF001
        "outlines": len(index.outlines),
        "entity_counts": len(index.stats.frequency),
        "shard_vectors": neighbours.loaded_vectors() if neighbours is not None else 0,
    }


def stored_dates(db: str) -> dict[str, object]:
    """The stored articles' publication dates: first, last, how many have none."""
    with sqlite3.connect(db) as connection:
        first, last, undated = connection.execute(
            "SELECT min(published), max(published), sum(published IS NULL) FROM articles"
        ).fetchone()
    return {"first": first, "last": last, "undated": undated}


def dated_page(title: str, text: str, date: str) -> bytes:
    page = html_page(title, text)
    if not date:
        return page
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">'
    return page.replace(b"<head>", b"<head>" + meta.encode(), 1)


def dated_rss(listed: list[tuple[str, str, str, str, str]]) -> bytes:
    """The feed with each item's own date (none for an undated item)."""
    dates = [
        dt.date.fromisoformat(entry[4]).strftime("%a, %d %b %Y 08:00:00 GMT") if entry[4] else "" for entry in listed
    ]
    return rss("feed", [entry[:4] for entry in listed], dates=dates)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=55)
    parser.add_argument("--warm-up", type=int, default=15)
    parser.add_argument("--per-round", type=int, default=24)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--sqlite-cache-kib", type=int, default=sqlite.CACHE_KIB)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--by-line", action="store_true", help="with --tracemalloc: the growth by line, not by file")
    parser.add_argument("--stream", action="store_true")
    parser.add_argument("--keep-free-memory", action="store_true", help="skip the allocator trim between rounds")
    parser.add_argument("--every", type=int, default=0)
    parser.add_argument(
        "--fill-caches",
        action="store_true",
        help="after the first round, fill every large cache to its bound with made-up words (as weeks of news would)",
    )
    parser.add_argument("--max-cached-stories", type=int, default=IndexSettings.max_cached_stories)
    parser.add_argument("--max-cached-members", type=int, default=IndexSettings.max_cached_members)
    parser.add_argument(
        "--pairs", default=str(ROOT.parent / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl")
    )
    args = parser.parse_args()
    sqlite.CACHE_KIB = args.sqlite_cache_kib
    articles = items(args.pairs, args.rounds * args.per_round, args.stream)
    listed: list[tuple[str, str, str, str, str]] = []
    result: dict[str, object] = {**vars(args)}
    with feed_server() as server, tempfile.TemporaryDirectory() as folder:
        published = 0

        def publish() -> None:
            nonlocal published
            for title, text, date in articles[published : published + args.per_round]:
                path = f"/items/{published}.html"
                server.routes[path] = Route(dated_page(title, text, date))
                entry = (f"item-{published}", server.base + path, escape(title), escape(text[:200]), date)
                listed.insert(0, entry)
                published += 1
            for entry in listed[FEED_ITEMS:]:  # pages that left the feed: the server forgets them too
                path = entry[1].removeprefix(server.base)
                server.routes.pop(path, None)
                server.seen_headers.pop(path, None)  # the server runs in this process: its records
                server.hits.pop(path, None)  # of old requests are not the follower's memory
            del listed[FEED_ITEMS:]
            server.routes["/feed.rss"] = Route(dated_rss(listed), etag=f'"{published}"')

        settings = Settings(db=str(Path(folder) / "memory.db")).with_embedder(args.embedder)
        caches = {"max_cached_stories": args.max_cached_stories, "max_cached_members": args.max_cached_members}
        settings = dataclasses.replace(settings, index=dataclasses.replace(settings.index, **caches))
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder(args.embedder), keep_open=True) as ingestor,
        ):
            before = None
            if args.tracemalloc:  # from the start: a snapshot taken when tracing starts holds nothing, and
                tracemalloc.start()  # compared with it every block made since and alive counted as growth
            series: list[dict[str, object]] = []
            result["series"] = series
            for number in range(1, args.rounds + 1):
                publish()
                follow_round(number, [server.base + "/feed.rss"], store, ingestor, fetcher)
                if number == 1 and args.fill_caches:
                    result["filled"] = fill_to_bounds()
                if not args.keep_free_memory:
                    release_free_memory()  # as `follow` does between rounds
                if args.every and number % args.every == 0:
                    point = {"round": number, "articles": published, "resident_mib": round(resident_mib(), 1)}
                    series.append({**point, **cache_sizes(ingestor, store), "caches": census()})
                if number == args.warm_up:
                    gc.collect()
                    if args.tracemalloc:
                        before = tracemalloc.take_snapshot()
                    result["after_warm_up"] = {"articles": published, "resident_mib": round(resident_mib(), 1)}
            gc.collect()
            result["at_end"] = {"articles": published, "resident_mib": round(resident_mib(), 1)}
            result["stored_dates"] = stored_dates(settings.db)
            if before is not None:
                grown = tracemalloc.take_snapshot().compare_to(before, "lineno" if args.by_line else "filename")
                result["python_heap_grew_mib"] = round(sum(stat.size_diff for stat in grown) / 2**20, 1)
                result["largest"] = [
                    {"file": str(stat.traceback), "kib": round(stat.size_diff / 1024), "objects": stat.count_diff}
                    for stat in grown[:10]
                ]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
