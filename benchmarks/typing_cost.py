"""What typing Ukrainian and Bulgarian names with the Russian model costs: entity extraction of the first
100 articles of a language in a SlavicNER clone (evaluation/slavic_ner.py), with the model typing the
untyped names or without, three passes each (the text varied so nothing is answered from memory).

python benchmarks/typing_cost.py CLONE [--language uk] [--articles 100]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from storyline.evaluation import slavic_ner
from storyline.models import Article
from storyline.stages import named_entities
from storyline.stages.entities import extract_entities


def one_pass(articles: list[Article], mark: str) -> float:
    varied = [a.evolve(id=a.id + mark, text=a.text + " " + mark) for a in articles]
    started = time.perf_counter()
    extract_entities(varied)
    return (time.perf_counter() - started) / len(varied) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--language", default="uk")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    refs = slavic_ner.article_refs(args.root, (args.language,))[: args.articles]
    articles = [
        Article(id=ref, text=slavic_ner.read_article(args.root, ref).text, language=args.language) for ref in refs
    ]
    typed_by = named_entities.TYPED_BY_RUSSIAN
    extract_entities(articles[:3])  # models loaded before the timed part
    figures: dict[str, list[float]] = {"typed by the model": [], "untyped": []}
    for number in range(3):
        for name, languages in (("typed by the model", typed_by), ("untyped", ())):
            named_entities.TYPED_BY_RUSSIAN = languages
            figures[name].append(one_pass(articles, f"x{number}{len(languages)}"))
    for name, values in figures.items():
        print(
            f"{name:20} median {statistics.median(values):6.1f} ms/article  ({', '.join(f'{v:.1f}' for v in values)})"
        )


if __name__ == "__main__":
    main()
