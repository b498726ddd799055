"""How each enrichment stage's cost grows with an article's length (is it linear?).

    python benchmarks/long_articles.py ../shared/data/pairs/semeval2022-task8-dev.jsonl
    python benchmarks/long_articles.py PAIRS --languages en,de,pl --sizes 20000,200000 --repeat 3

For each language, the first article of the pairs file of at least 1,000 characters is repeated (paragraph
breaks between the copies) up to each size, then cleaned and enriched (the hashing embedder, so that only
the stages' own work counts); prints the median seconds of each stage over ``--repeat`` runs. The ingest
cuts texts at ``Settings.max_article_chars`` (200,000), so that is the longest text a stage ever sees.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from storyline.models import Article
from storyline.pipeline import enrichment_stages
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.embed import make_embedder


def first_long_texts(pairs: Path, languages: list[str], least: int = 1000) -> dict[str, str]:
    texts: dict[str, str] = {}
    with pairs.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for side in ("a", "b"):
                article = record[side]
                if article["lang"] in languages and article["lang"] not in texts and len(article["text"]) >= least:
                    texts[article["lang"]] = article["text"]
    return texts


def stage_seconds(text: str, repeat: int) -> dict[str, float]:
    settings = Settings(db=":memory:").with_embedder("hashing")
    stages = [("clean", clean_text), *enrichment_stages(settings, make_embedder("hashing"))]
    runs: dict[str, list[float]] = {name: [] for name, _ in stages}
    for _ in range(repeat):
        batch = [Article(id="long", title="", text=text)]
        for name, stage in stages:
            began = time.perf_counter()
            batch = stage(batch)
            runs[name].append(time.perf_counter() - began)
    return {name: statistics.median(seconds) for name, seconds in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--languages", default="en,de,pl")
    parser.add_argument("--sizes", default="20000,200000")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    texts = first_long_texts(args.pairs, args.languages.split(","))
    for language, text in sorted(texts.items()):
        for size in (int(value) for value in args.sizes.split(",")):
            long = ((text + "\n\n") * (size // len(text) + 1))[:size]
            seconds = stage_seconds(long, args.repeat)
            shown = ", ".join(f"{name} {value:.2f}" for name, value in seconds.items())
            print(f"{language} {size:>7,} characters: {shown} (seconds)", flush=True)


if __name__ == "__main__":
    main()
