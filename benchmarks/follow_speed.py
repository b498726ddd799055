"""Items per second through `follow` (fetch + extract + ingest) against a local server, and the time
from an item appearing in a feed to its story being stored.

Usage: python benchmarks/follow_speed.py [--feeds 10] [--items 50] [--embedder hashing|e5-small]
       [--pairs ../shared/data/pairs/semeval2022-task8-dev.jsonl]

The pages are real article texts (the labeled pairs' title and lead, several languages), served as
HTML pages by the tests' fixture server on 127.0.0.1, listed in RSS feeds of ``--items`` items each;
the host delay is 0 (one local host stands for many). Round 1 takes every item; round 2 finds every
feed unchanged (304); then one new item is added to one feed and round 3 takes it: its time is the
latency from an item appearing to its story, when a round starts right then (with `--every T` add up
to T of waiting).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from feed_server import Route, feed_server, rss  # noqa: E402
from storyline.follow import follow_round  # noqa: E402
from storyline.ingest.fetch import FetchSettings, PoliteFetcher  # noqa: E402
from storyline.pipeline import Ingestor  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.stages.embed import make_embedder  # noqa: E402
from storyline.store import open_store  # noqa: E402


def texts(pairs: Path, wanted: int) -> list[tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for line in pairs.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("a", "b"):
            article = pair[side]
            found.setdefault(article["id"], (article.get("title") or article["text"][:60], article["text"]))
        if len(found) >= wanted:
            break
    return list(found.values())[:wanted]


def html_page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(part)}</p>" for part in text.split("\n") if part.strip())
    return (
        f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument(
        "--pairs", default=str(ROOT.parent / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl")
    )
    args = parser.parse_args()
    articles = texts(Path(args.pairs), args.feeds * args.items + 1)
    with feed_server() as server, tempfile.TemporaryDirectory() as folder:
        urls = []
        for feed in range(args.feeds):
            items = []
            for number in range(args.items):
                title, text = articles[feed * args.items + number]
                path = f"/f{feed}/{number}.html"
                server.routes[path] = Route(html_page(title, text))
                items.append((f"f{feed}-{number}", server.base + path, escape(title), escape(text[:200])))
            server.routes[f"/f{feed}.rss"] = Route(rss(f"feed {feed}", items), etag=f'"{feed}-1"')
            urls.append(f"{server.base}/f{feed}.rss")
        settings = Settings(db=str(Path(folder) / "follow.db")).with_embedder(args.embedder)
        fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=0.0))
        with (
            open_store(settings.db) as store,
            Ingestor(store, settings, make_embedder(args.embedder), keep_open=True) as ingestor,
        ):
            began = time.perf_counter()
            first = follow_round(1, urls, store, ingestor, fetcher)
            first_seconds = time.perf_counter() - began
            began = time.perf_counter()
            second = follow_round(2, urls, store, ingestor, fetcher)
            second_seconds = time.perf_counter() - began
            title, text = articles[-1]
            server.routes["/new.html"] = Route(html_page(title, text))
            feed_items = [("new", server.base + "/new.html", escape(title), escape(text[:200]))]
            server.routes["/f0.rss"] = Route(rss("feed 0", feed_items), etag='"0-2"')
            began = time.perf_counter()
            third = follow_round(3, urls, store, ingestor, fetcher)
            third_seconds = time.perf_counter() - began
            found = store._db.execute(
                "SELECT COUNT(*) FROM memberships m JOIN articles a ON a.id=m.article_id WHERE a.path=?",
                (server.base + "/new.html",),
            ).fetchone()[0]
    result = {
        "feeds": args.feeds,
        "items": args.feeds * args.items,
        "embedder": args.embedder,
        "round_1": {**first.as_dict(), "items_per_second": round(first.new_items / first_seconds, 1)},
        "round_2_all_unchanged_seconds": round(second_seconds, 3),
        "round_2_not_modified": second.not_modified,
        "round_3_one_new_item_seconds": round(third_seconds, 3),
        "round_3_stored": third.stored,
        "new_item_in_a_story": bool(found),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
