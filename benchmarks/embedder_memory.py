"""Resident memory of an embedder alone over a stream of articles, embedded as a follower does it: title and
lead (``Settings().max_embed_chars``), a round's batch at a time. Whether the embedder's own memory (e5's
onnxruntime arena, its tokenizer's caches) levels off, apart from the story map's.

Usage: python benchmarks/news_stream.py 6000 --shared ../shared > stream6k.jsonl
       python benchmarks/embedder_memory.py stream6k.jsonl [--embedder e5-small] [--batch 30] [--every 600]

Prints the resident MiB after the first batch, then every ``--every`` articles (a garbage collection first).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from embed_speed import resident_mib  # noqa: E402

from storyline.models import Article  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.stages.embed import embedding_text, make_embedder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stream", type=Path, help="articles as JSON lines (news_stream.py's output)")
    parser.add_argument("--embedder", default="e5-small")
    parser.add_argument("--batch", type=int, default=30, help="articles embedded at a time (a round's)")
    parser.add_argument("--every", type=int, default=600, help="articles between readings")
    args = parser.parse_args()
    limit = Settings().max_embed_chars
    texts = []
    with args.stream.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            article = Article(id=str(item.get("id", "")), text=item.get("text", ""), title=item.get("title"))
            texts.append(embedding_text(article, limit))
    embedder = make_embedder(args.embedder)
    embedder.embed(texts[: args.batch])
    print(f"after the first batch: {resident_mib():.1f} MiB", flush=True)
    for start in range(0, len(texts), args.batch):
        embedder.embed(texts[start : start + args.batch])
        done = start + args.batch
        if done % args.every < args.batch:
            gc.collect()
            print(f"{done:6d} articles: {resident_mib():.1f} MiB", flush=True)


if __name__ == "__main__":
    main()
