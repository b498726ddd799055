"""Which entities two stores of the same articles make differently: for reading a change of the entity
rules store-wide, where the merge audit (``merge_audit.py``) only draws a sample.

Usage: python benchmarks/entity_changes.py BEFORE_STORE AFTER_STORE

Each store's entities are read as the sets of their written variants (surfaces); an entity whose set
only one store holds is listed under that store, with its name, so that a person can judge each change
(a join that went, a name found, a mention lost). Prints how many entities each store has and how many
differ. Both stores are opened read-only (a store of an older schema is upgraded first by opening it
with ``storyline check``).
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from pathlib import Path

Variants = frozenset[str]


def entity_variants(store: Path) -> list[tuple[Variants, str]]:
    """Each entity with mentions: its set of written variants and its name."""
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        surfaces: dict[int, set[str]] = {}
        for entity_id, surface in db.execute(
            "SELECT v.entity_id, v.surface FROM entity_variants v JOIN entities e ON e.id = v.entity_id"
            " WHERE e.articles > 0"
        ):
            surfaces.setdefault(int(entity_id), set()).add(str(surface))
        names = {int(row[0]): str(row[1]) for row in db.execute("SELECT id, name FROM entities WHERE articles > 0")}
    finally:
        db.close()
    return [(frozenset(variants), names[entity_id]) for entity_id, variants in surfaces.items()]


def only_in(first: list[tuple[Variants, str]], second: list[tuple[Variants, str]]) -> list[tuple[str, list[str]]]:
    """The entities of ``first`` whose set of variants ``second`` holds fewer times (name, variants)."""
    left, right = Counter(v for v, _ in first), Counter(v for v, _ in second)
    names = dict(first)
    return sorted((names[variants], sorted(variants)) for variants in left if left[variants] > right[variants])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    before, after = entity_variants(args.before), entity_variants(args.after)
    gone, new = only_in(before, after), only_in(after, before)
    print(f"{len(before)} entities before, {len(after)} after; {len(gone)} only before, {len(new)} only after")
    for title, rows in (("only before:", gone), ("only after:", new)):
        print(title)
        for name, variants in rows:
            print(f"  {name}  ({', '.join(variants[:8])}{', ...' if len(variants) > 8 else ''})")


if __name__ == "__main__":
    main()
