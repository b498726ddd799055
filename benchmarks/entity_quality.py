"""Entity mention and cross-language link precision/recall on the hand-made gold set.

python benchmarks/entity_quality.py [benchmarks/entity_gold.json] [--pairs ../shared/data/pairs/semeval2022-task8-dev.jsonl]
                                    [--slavicner CLONE]

``--slavicner``: a clone of github.com/SlavicNLP/SlavicNER, where benchmarks/entity_gold_slavic.json's
articles are read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from storyline.evaluation.entity_gold import GoldError, load_articles, load_gold, score

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", default=str(ROOT / "benchmarks" / "entity_gold.json"))
    parser.add_argument(
        "--pairs", default=str(ROOT.parent / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl")
    )
    parser.add_argument("--slavicner", type=Path, help="a clone of the SlavicNER corpus")
    args = parser.parse_args()
    gold = load_gold(Path(args.gold))
    try:
        articles = load_articles(gold, Path(args.pairs), args.slavicner)
    except GoldError as error:
        sys.exit(str(error))
    print(json.dumps(score(gold, articles), indent=2))


if __name__ == "__main__":
    main()
