"""Write the articles of a labeled pair file as JSONL records that `storyline ingest -` reads.

Usage: python benchmarks/pairs_to_articles.py ../shared/data/pairs/semeval2022-task8-dev.jsonl > /tmp/articles.jsonl

Each article appears once, in the order the pair file first mentions it. The language label is
left out on purpose, so that ingest measures language identification too.
"""

from __future__ import annotations

import json
import sys


def main(path: str) -> None:
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            pair = json.loads(line)
            for side in ("a", "b"):
                article = pair[side]
                if article["id"] in seen:
                    continue
                seen.add(article["id"])
                record = {"id": article["id"], "text": article["text"]}
                for field in ("title", "url"):
                    if article.get(field):
                        record[field] = article[field]
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
