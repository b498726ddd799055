"""Time of the entities stage per article over a pair file's articles (title and lead), after the stages
ingest runs before it (cleaning, and the language stage, which takes the file's language as declared).

Usage: python benchmarks/entity_cost.py ../shared/data/pairs/semeval2022-task8-dev.jsonl [N]
       python benchmarks/entity_cost.py --stream N [--blocks K] [--shared ../shared]

Reads the first N distinct articles (default all), runs the entities stage once over them as a warm-up
(dictionaries and models load) and then once timed, and prints milliseconds per article. For A/B figures
run it in whole processes, the two builds in turn (docs/benchmarks.md).

``--stream N``: the first N articles of ``news_stream.py``'s stream (languages detected, as ingest does),
timed in K blocks one after the other in one process, without a warm-up pass over them: whether the
stage's cost per article stays flat as a long-running process meets more articles (its caches fill to
their bounds).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_stream import stream  # noqa: E402

from storyline.evaluation.pairs import articles_in_order, read_pairs  # noqa: E402
from storyline.models import Article  # noqa: E402
from storyline.settings import Settings  # noqa: E402
from storyline.stages.clean import clean_text  # noqa: E402
from storyline.stages.entities import extract_entities  # noqa: E402
from storyline.stages.language import detect_language  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path)
    parser.add_argument("count", nargs="?", type=int)
    parser.add_argument("--stream", type=int, help="time the first N articles of the benchmark stream")
    parser.add_argument("--blocks", type=int, default=10)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    if args.stream:
        time_stream(args.stream, args.blocks, args.shared if args.shared.exists() else None)
        return
    if args.pairs is None:
        parser.error("a pair file, or --stream N")
    articles = articles_in_order(read_pairs(args.pairs))[: args.count]
    articles = detect_language(clean_text(articles), Settings().languages)
    extract_entities(articles)
    started = time.perf_counter()
    found = extract_entities(articles)
    seconds = time.perf_counter() - started
    mentions = sum(len(article.entities) for article in found)
    print(f"{len(articles)} articles, {mentions} mentions, {1000 * seconds / len(articles):.2f} ms per article")


def time_stream(count: int, blocks: int, shared: Path | None) -> None:
    items = stream(count, shared=shared)
    articles = [Article(id=str(i), text=item["text"], title=item.get("title")) for i, item in enumerate(items)]
    articles = detect_language(clean_text(articles), Settings().languages)
    size = max(1, count // blocks)
    for start in range(0, count, size):
        block = articles[start : start + size]
        started = time.perf_counter()
        extract_entities(block)
        per_article = 1000 * (time.perf_counter() - started) / len(block)
        print(f"articles {start:>7,}-{start + len(block):>7,}: {per_article:.2f} ms per article", flush=True)


if __name__ == "__main__":
    main()
