"""Where a long-running follower's memory goes: rounds of `follow` in this process, resident memory
after a warm-up and at the end, and (``--tracemalloc``) what the Python heap grew by, file by file.

Usage: python benchmarks/follow_memory.py [--rounds 55] [--warm-up 15] [--per-round 24]
       [--embedder hashing] [--sqlite-cache-kib 32768] [--tracemalloc]
       [--pairs ../shared/data/pairs/semeval2022-task8-dev.jsonl]

One feed on the tests' fixture server (127.0.0.1) publishes ``--per-round`` new real article pages
before every round (the labeled pairs' texts, each once; the feed lists its 60 latest items); the
rounds run in this process with one kept-open ``Ingestor``, as `storyline follow` runs them.
``--sqlite-cache-kib`` sets SQLite's page cache per connection (the store's default: 32 MiB), to tell
the cache filling from the rest.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import tracemalloc
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from follow_speed import html_page, texts  # noqa: E402

from feed_server import Route, feed_server, rss  # noqa: E402
from storyline.follow import follow_round  # noqa: E402
from storyline.ingest.fetch import FetchSettings, PoliteFetcher  # noqa: E402
from storyline.pipeline import Ingestor  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.stages.embed import make_embedder  # noqa: E402
from storyline.store import open_store, sqlite  # noqa: E402

FEED_ITEMS = 60


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=55)
    parser.add_argument("--warm-up", type=int, default=15)
    parser.add_argument("--per-round", type=int, default=24)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--sqlite-cache-kib", type=int, default=sqlite.CACHE_KIB)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument(
        "--pairs", default=str(ROOT.parent / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl")
    )
    args = parser.parse_args()
    sqlite.CACHE_KIB = args.sqlite_cache_kib
    articles = texts(Path(args.pairs), args.rounds * args.per_round)
    listed: list[tuple[str, str, str, str]] = []
    result: dict[str, object] = {**vars(args)}
    with feed_server() as server, tempfile.TemporaryDirectory() as folder:
        published = 0

        def publish() -> None:
            nonlocal published
            for title, text in articles[published : published + args.per_round]:
                path = f"/items/{published}.html"
                server.routes[path] = Route(html_page(title, text))
                listed.insert(0, (f"item-{published}", server.base + path, escape(title), escape(text[:200])))
                published += 1
            del listed[FEED_ITEMS:]
            server.routes["/feed.rss"] = Route(rss("feed", listed), etag=f'"{published}"')

        settings = Settings(db=str(Path(folder) / "memory.db")).with_embedder(args.embedder)
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder(args.embedder), keep_open=True) as ingestor,
        ):
            before = None
            for number in range(1, args.rounds + 1):
                publish()
                follow_round(number, [server.base + "/feed.rss"], store, ingestor, fetcher)
                if number == args.warm_up:
                    gc.collect()
                    if args.tracemalloc:
                        tracemalloc.start()
                        before = tracemalloc.take_snapshot()
                    result["after_warm_up"] = {"articles": published, "resident_mib": round(resident_mib(), 1)}
            gc.collect()
            result["at_end"] = {"articles": published, "resident_mib": round(resident_mib(), 1)}
            if before is not None:
                grown = tracemalloc.take_snapshot().compare_to(before, "filename")
                result["python_heap_grew_mib"] = round(sum(stat.size_diff for stat in grown) / 2**20, 1)
                result["largest"] = [
                    {"file": str(stat.traceback), "kib": round(stat.size_diff / 1024)} for stat in grown[:10]
                ]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
