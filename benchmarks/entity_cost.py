"""Time of the entities stage per article over a pair file's articles (title and lead), after the stages
ingest runs before it (cleaning, and the language stage, which takes the file's language as declared).

Usage: python benchmarks/entity_cost.py ../shared/data/pairs/semeval2022-task8-dev.jsonl [N]

Reads the first N distinct articles (default all), runs the entities stage once over them as a warm-up
(dictionaries and models load) and then once timed, and prints milliseconds per article. For A/B figures
run it in whole processes, the two builds in turn (docs/benchmarks.md).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from storyline.evaluation.pairs import articles_in_order, read_pairs
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.entities import extract_entities
from storyline.stages.language import detect_language


def main() -> None:
    articles = articles_in_order(read_pairs(Path(sys.argv[1])))
    if len(sys.argv) > 2:
        articles = articles[: int(sys.argv[2])]
    articles = detect_language(clean_text(articles), Settings().languages)
    extract_entities(articles)
    started = time.perf_counter()
    found = extract_entities(articles)
    seconds = time.perf_counter() - started
    mentions = sum(len(article.entities) for article in found)
    print(f"{len(articles)} articles, {mentions} mentions, {1000 * seconds / len(articles):.2f} ms per article")


if __name__ == "__main__":
    main()
