"""Draw entities whose variants are written more than one way, for a person to judge whether each one
joins different referents (issue 16's store-wide merge audit).

Usage: python benchmarks/merge_audit.py STORE.db [--sample 100] [--seed 16] [--json]

"More than one way": at least two distinct spellings among the entity's variants after case folding
and transliteration to Latin (so "Лавров" and "Лаврова", or "Corona" and "Korona", count; "COVID" and
"Covid" do not). The draw is random with a fixed seed; the listing shows each entity's name, type,
number of articles and its variants with their counts, which is what a judge needs. The judge's count
of entities that join two or more referents is what docs/quality.md reports.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3

from storyline.stages.keys import latin


def spellings(variants: list[list]) -> set[str]:
    return {"".join(ch for ch in latin(surface).casefold() if ch.isalpha()) for surface, _language, _count in variants}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = db.execute(
        "SELECT id, identity, name, kind, articles, variants FROM entities WHERE articles > 0 ORDER BY id"
    ).fetchall()
    pool = [row for row in rows if len(spellings(json.loads(row[5]))) > 1]
    drawn = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    listing = [
        {
            "id": row[0],
            "identity": row[1],
            "name": row[2],
            "kind": row[3],
            "articles": row[4],
            "variants": json.loads(row[5]),
        }
        for row in sorted(drawn, key=lambda row: -row[4])
    ]
    if args.json:
        print(json.dumps({"entities": len(rows), "with_spellings": len(pool), "drawn": listing}, ensure_ascii=False))
        return
    print(f"{len(rows)} entities, {len(pool)} written more than one way, {len(listing)} drawn (seed {args.seed})")
    for number, entity in enumerate(listing, 1):
        variants = ", ".join(f"{surface} [{language}] {count}" for surface, language, count in entity["variants"][:10])
        print(f"{number:3d} {entity['kind']:6s} {entity['name']} ({entity['articles']} articles): {variants}")


if __name__ == "__main__":
    main()
