"""Where a store's entity linking leaves gaps, without a gold set: two signs a person can read and count.

Usage:
  python benchmarks/link_gaps.py STORE PAIRS [--list] [--json]

STORE is a SQLite store of the pair file's articles (``storyline ingest`` of
``benchmarks/pairs_to_articles.py PAIRS``); PAIRS the labeled pair file.

- **Names shown by more than one entity**: entities whose display names are the same (case aside). Some
  are two referents (Valencia in Spain and in Venezuela); most are one referent the linking split, by
  kind ("Xi Jinping" typed a person in one article and untyped in another) or by spelling.
- **Shared entities of cross-language same-story pairs**: for each pair labeled the same story whose two
  articles are in different languages, the entities both articles name. Two reports of one event share
  its people and places; an entity named in both languages but linked apart is a missed link, which
  ``--list`` shows (each pair's names only one side has) for a person to judge.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from collections import defaultdict
from pathlib import Path


def names_shown_twice(db: sqlite3.Connection) -> list[dict[str, object]]:
    rows = db.execute(
        "SELECT lower(name), count(*), group_concat(kind || ':' || name || ':' || articles, ' | ')"
        " FROM entities WHERE merged_into IS NULL GROUP BY lower(name) HAVING count(*) > 1"
        " ORDER BY count(*) DESC, sum(articles) DESC"
    ).fetchall()
    return [{"name": name, "entities": count, "which": which} for name, count, which in rows]


def entity_names(db: sqlite3.Connection) -> tuple[dict[str, set[int]], dict[int, str]]:
    by_article: dict[str, set[int]] = defaultdict(set)
    for article_id, entity_id in db.execute("SELECT article_id, entity_id FROM entity_mentions"):
        by_article[article_id].add(entity_id)
    return by_article, dict(db.execute("SELECT id, name FROM entities"))


def cross_language_pairs(pairs: Path) -> list[tuple[str, str, str]]:
    found = []
    for line in pairs.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        if pair.get("label") == 1 and pair["a"]["lang"] != pair["b"]["lang"]:
            found.append((pair["id"], pair["a"]["id"], pair["b"]["id"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--list", action="store_true", help="each pair's names only one side has")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = sqlite3.connect(args.store)
    twice = names_shown_twice(db)
    by_article, names = entity_names(db)
    pairs = cross_language_pairs(args.pairs)
    shared = [len(by_article[a] & by_article[b]) for _pair, a, b in pairs]
    report = {
        "entities": db.execute("SELECT count(*) FROM entities WHERE merged_into IS NULL").fetchone()[0],
        "names_shown_by_several_entities": len(twice),
        "entities_sharing_a_name": sum(int(row["entities"]) for row in twice),  # type: ignore[call-overload]
        "cross_language_same_story_pairs": len(pairs),
        "shared_entities": sum(shared),
    }
    if args.json:
        print(json.dumps({**report, "names": twice}, ensure_ascii=False, indent=2))
        return
    print(json.dumps(report, indent=2))
    if args.list:
        for row in twice:
            print(f"{row['entities']} x {row['name']}: {row['which']}")
        for pair, a, b in pairs:
            only_a = sorted(names[e] for e in by_article[a] - by_article[b])
            only_b = sorted(names[e] for e in by_article[b] - by_article[a])
            print(f"{pair}\n  only {a}: {only_a}\n  only {b}: {only_b}")


if __name__ == "__main__":
    main()
