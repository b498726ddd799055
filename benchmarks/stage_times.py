"""Where ingest time goes: seconds per pipeline step over articles from a pair file.

Usage: python benchmarks/stage_times.py ../shared/data/pairs/semeval2022-task8-dev.jsonl [N]

Runs the same steps as `storyline ingest` (clean, language, dates, entities, embedding,
near-duplicates, grouping, storing, storylines, entity links) on the first N articles (default 200), in batches of the
default size, each step timed on its own, after one warm-up batch that loads the models. Language
labels are dropped so that language identification runs.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from storyline.evaluation.pairs import articles_in_order, read_pairs
from storyline.grouping.entity_updates import relink_after
from storyline.grouping.stories import assign_stories, entity_keys
from storyline.grouping.storyline_updates import refresh_storylines
from storyline.pipeline import enrichment_stages
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.duplicates import mark_near_duplicates
from storyline.stages.embed import make_embedder
from storyline.store import open_store


def main(path: str, count: int) -> None:
    articles = [a.evolve(metadata={}) for a in articles_in_order(read_pairs(Path(path)))][: count + 32]
    warmup, measured = articles[:32], articles[32 : count + 32]
    settings = Settings()
    embedder = make_embedder(settings.embedder)
    stages = [("clean", clean_text), *enrichment_stages(settings, embedder)]
    bands = settings.duplicates.bands
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        index = store.open_story_index(embedder.dim, embedder.vector_space, settings)
        seconds: dict[str, float] = defaultdict(float)
        for is_warmup, chunk_source in ((True, warmup), (False, measured)):
            for start in range(0, len(chunk_source), settings.batch_size):
                batch = chunk_source[start : start + settings.batch_size]
                for name, stage in stages:
                    began = time.perf_counter()
                    batch = stage(batch)
                    seconds[name] += 0 if is_warmup else time.perf_counter() - began
                began = time.perf_counter()
                batch = mark_near_duplicates(batch, store, settings.duplicates)
                seconds["duplicates"] += 0 if is_warmup else time.perf_counter() - began
                began = time.perf_counter()
                for article in batch:
                    index.stats.add(entity_keys(article))
                memberships = assign_stories(batch, index, settings.grouping)
                seconds["grouping"] += 0 if is_warmup else time.perf_counter() - began
                changed = set(index.touched)
                with store.transaction():
                    began = time.perf_counter()
                    labels = store.save_batch(batch, memberships, index, embedder.name, bands)
                    seconds["store"] += 0 if is_warmup else time.perf_counter() - began
                    began = time.perf_counter()
                    refresh_storylines(store, index, changed, settings.storylines)
                    seconds["storylines"] += 0 if is_warmup else time.perf_counter() - began
                    began = time.perf_counter()
                    relink_after(store, [article.id for article in batch])
                    seconds["entity links"] += 0 if is_warmup else time.perf_counter() - began
                index.committed(labels)
    total = sum(seconds.values())
    print(f"{len(measured)} articles, {total:.1f} s, {len(measured) / total:.2f} articles/s (models loaded)")
    for name, value in sorted(seconds.items(), key=lambda item: -item[1]):
        print(
            f"  {name:12} {value:7.2f} s  {100 * value / total:5.1f}%  {len(measured) / value if value else float('inf'):8.1f} articles/s"
        )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
