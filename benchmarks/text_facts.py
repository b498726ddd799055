"""Do facts written in the text separate events? Numbers and calendar dates as grouping evidence.

Usage: python benchmarks/text_facts.py PAIRS.jsonl --db EVAL.db [--chars 600]

``EVAL.db`` is a store of the pair file's articles as `storyline eval pairs FILE --keep-db EVAL.db`
builds it (the shipped evidence of every pair comes from it, as the grouping computes it). For each
pair, from the first ``--chars`` characters each article embeds (title and lead): the Jaccard overlap
of the numbers written in them; whether both name calendar days (day and month, from the dates
stage's expressions) and none in common; whether they share one. Each fact is added to the shipped
features and the decision cross-validated (10 folds x 5 repeats, as ``storyline.evaluation.fit``
fits the grouping): mean F1 (± its spread over the repeats) and the held-out logit's Pearson against
the graded scores, beside the shipped features alone. A fact helps only if it moves both past that
spread.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from storyline.evaluation.fit import cross_validate, feature_matrix
from storyline.evaluation.pairs import LabeledPair, pair_rows, read_pairs
from storyline.models import Article
from storyline.settings import Settings
from storyline.stages.date_expressions import find_expressions
from storyline.stages.embed import embedding_text
from storyline.store import open_store

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(article: Article, chars: int) -> set[str]:
    return {re.sub(r"[.,]", "", found) for found in NUMBER.findall(embedding_text(article, chars))}


def calendar_days(article: Article, chars: int) -> set[tuple[int, int]]:
    expressions = find_expressions(embedding_text(article, chars), article.language)
    return {(e.month, e.day) for e in expressions if not e.relative and e.month and e.day}


def pair_facts(pair: LabeledPair, chars: int) -> list[float]:
    first, second = numbers(pair.a, chars), numbers(pair.b, chars)
    jaccard = len(first & second) / len(first | second) if first | second else 0.0
    days_a, days_b = calendar_days(pair.a, chars), calendar_days(pair.b, chars)
    both_dated = bool(days_a and days_b)
    return [jaccard, float(both_dated and not days_a & days_b), float(bool(days_a & days_b))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--db", required=True, help="the store `storyline eval pairs FILE --keep-db` built")
    parser.add_argument("--chars", type=int, default=600)
    args = parser.parse_args()
    pairs = read_pairs(args.pairs)
    with open_store(args.db) as store:
        rows = pair_rows(pairs, store, Settings(db=args.db))
    by_id = {pair.id: pair for pair in pairs}
    facts = np.array([pair_facts(by_id[row["id"]], args.chars) for row in rows])
    shipped = feature_matrix(rows)
    labels = np.array([-1 if row["label"] is None else row["label"] for row in rows])
    scores = np.array([np.nan if row["score"] is None else row["score"] for row in rows])

    def measured(features: np.ndarray) -> str:
        scaled = (features - features.mean(0)) / (features.std(0) + 1e-9)
        result = cross_validate(scaled, labels, scores, folds=10, repeats=5)
        return f"F1 {np.mean(result.f1):.4f} ± {np.std(result.f1):.4f}, Pearson {np.nanmean(result.pearson_logit):.4f}"

    def with_fact(columns: list[int]) -> np.ndarray:
        return np.hstack([shipped, facts[:, columns]])

    print(f"{len(rows)} pairs; first {args.chars} characters of each article")
    print(f"pairs whose articles both name calendar days: {int(facts[:, 1].sum() + facts[:, 2].sum())}")
    print(f"| shipped features | {measured(shipped)} |")
    print(f"| + shared numbers (Jaccard) | {measured(with_fact([0]))} |")
    print(f"| + calendar days named, none shared | {measured(with_fact([1]))} |")
    print(f"| + calendar days: none shared, one shared | {measured(with_fact([1, 2]))} |")


if __name__ == "__main__":
    main()
