"""Memory of a long `storyline follow` at a steady item rate: does the follower grow?

Usage: python benchmarks/follow_soak.py [--minutes 60] [--feeds 10] [--rate 0.4] [--every 30]
       [--embedder e5-small] [--pairs ../shared/data/pairs/semeval2022-task8-dev.jsonl] [--out soak.jsonl]
       [--stream]

A fixture server on 127.0.0.1 (the tests' ``feed_server``) serves ``--feeds`` RSS feeds; every
``--every`` seconds it publishes ``rate * every`` new items, spread over the feeds, each a real
article page (the labeled pairs' texts, each used once), and each feed lists only its 30 latest items
(older ones vanish, as on real feeds). The real command runs beside it in its own process:
``storyline follow FEEDS.txt --every {every}s --host-delay 0``. Every 10 seconds the follower's
resident memory (VmRSS, and its peak VmHWM) is read from /proc and written as one JSON line, with the
articles stored so far. At the end: the memory at 5 minutes, at the half and at the end, and the
growth over the second half per 1,000 articles stored.

``--stream``: the items are the scale benchmark's dated stream (``news_stream.py``: events over a year
in date order, each item's date in its feed entry and on its page; its few undated articles left out,
see ``follow_memory.items``) instead of the pairs' undated texts, so that at a high enough rate the hour
passes the story map's time windows, as months of news do: the second half then shows the follower's
steady state, not its window filling.
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from follow_memory import dated_page, dated_rss, items  # noqa: E402

from feed_server import Route, feed_server, rss  # noqa: E402

FEED_ITEMS = 30
SAMPLE_SECONDS = 10.0


def memory_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--rate", type=float, default=0.4, help="new items per second, over all feeds")
    parser.add_argument("--every", type=int, default=30, help="seconds between the follower's rounds")
    parser.add_argument("--embedder", default="e5-small")
    parser.add_argument(
        "--pairs", default=str(ROOT.parent / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl")
    )
    parser.add_argument("--out", default=None, help="also write the samples here (JSON lines)")
    parser.add_argument("--stream", action="store_true", help="the dated stream of the scale benchmark")
    args = parser.parse_args()
    seconds = args.minutes * 60
    per_round = max(1, round(args.rate * args.every))
    articles = items(args.pairs, int(seconds / args.every * per_round) + per_round, args.stream)
    samples: list[dict[str, float]] = []
    with feed_server() as server, tempfile.TemporaryDirectory() as folder:
        listed: list[list[tuple[str, str, str, str, str]]] = [[] for _ in range(args.feeds)]
        published = 0

        def publish(count: int) -> None:
            nonlocal published
            for _ in range(count):
                if published >= len(articles):
                    return
                feed = published % args.feeds
                title, text, date = articles[published]
                path = f"/f{feed}/{published}.html"
                server.routes[path] = Route(dated_page(title, text, date))
                entry = (f"item-{published}", server.base + path, escape(title), escape(text[:200]), date)
                listed[feed].insert(0, entry)
                for gone in listed[feed][FEED_ITEMS:]:  # a page that left its feed is no longer served
                    server.routes.pop(gone[1].removeprefix(server.base), None)
                del listed[feed][FEED_ITEMS:]
                feed_xml = (
                    dated_rss(listed[feed]) if args.stream else rss(f"feed {feed}", [e[:4] for e in listed[feed]])
                )
                server.routes[f"/f{feed}.rss"] = Route(feed_xml, etag=f'"{feed}-{published}"')
                published += 1

        publish(per_round)
        feeds = Path(folder) / "feeds.txt"
        feeds.write_text("".join(f"{server.base}/f{feed}.rss\n" for feed in range(args.feeds)))
        db = Path(folder) / "soak.db"
        # the follower's progress lines go to a file: a pipe read only at the end fills (64 KiB, about
        # 75 minutes of rounds) and then blocks the follower on its next line
        log = Path(folder) / "follower.err"
        log_file = log.open("w")  # noqa: SIM115 (closed below)
        follower = subprocess.Popen(
            [sys.executable, "-m", "storyline", "follow", str(feeds), "--db", str(db), "--every", f"{args.every}s"]
            + ["--host-delay", "0", "--embedder", args.embedder],
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            text=True,
        )
        began = time.monotonic()
        next_publish = began + args.every
        out = open(args.out, "w") if args.out else None  # noqa: SIM115 (closed below)
        try:
            while time.monotonic() - began < seconds and follower.poll() is None:
                time.sleep(SAMPLE_SECONDS)
                if time.monotonic() >= next_publish:
                    publish(per_round)
                    next_publish += args.every
                rss_kib, peak_kib = memory_kib(follower.pid)
                sample = {
                    "seconds": round(time.monotonic() - began),
                    "rss_mib": round(rss_kib / 1024, 1),
                    "peak_mib": round(peak_kib / 1024, 1),
                    "published": published,
                    "stored": stored(db),
                }
                samples.append(sample)
                if out:
                    out.write(json.dumps(sample) + "\n")
                    out.flush()
        finally:
            follower.send_signal(signal.SIGINT)
            try:
                follower.wait(timeout=120)
            except subprocess.TimeoutExpired:
                follower.kill()
                follower.wait()
            log_file.close()
            errors = log.read_text(encoding="utf-8", errors="replace")
            if out:
                out.close()
    print(json.dumps(summary(samples, args, errors), indent=2))


def summary(samples: list[dict[str, float]], args: argparse.Namespace, errors: str) -> dict[str, object]:
    if not samples:
        return {"error": "no samples", "follower_stderr_tail": errors[-2000:]}
    half = samples[len(samples) // 2]
    last = samples[-1]
    at_five = next((sample for sample in samples if sample["seconds"] >= 300), samples[0])
    grown = last["stored"] - half["stored"]
    return {
        "minutes": args.minutes,
        "feeds": args.feeds,
        "items_per_second": args.rate,
        "every_seconds": args.every,
        "embedder": args.embedder,
        "items": "dated stream" if args.stream else "pairs' texts",
        "published": last["published"],
        "stored": last["stored"],
        "rss_mib_at_5_minutes": at_five["rss_mib"],
        "rss_mib_at_half": half["rss_mib"],
        "rss_mib_at_end": last["rss_mib"],
        "peak_mib": last["peak_mib"],
        "second_half_growth_mib_per_1000_articles": round((last["rss_mib"] - half["rss_mib"]) / grown * 1000, 1)
        if grown
        else None,
        "follower_last_lines": errors.strip().splitlines()[-3:],
    }


if __name__ == "__main__":
    main()
