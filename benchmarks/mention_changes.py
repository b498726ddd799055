"""Which articles' entity mentions a change of the entity rules changes, over a pair file's articles.

Usage:
  python benchmarks/mention_changes.py dump ../shared/data/pairs/semeval2022-task8-dev.jsonl OUT.json
  python benchmarks/mention_changes.py diff BEFORE.json AFTER.json

``dump`` runs the entities stage over every article of the pair file (title and text), after the
stages ingest runs before it (cleaning, then the language stage, which takes the file's language as
declared) and writes each article's mentions (surface, type, key, given name's key, lemma: linking
spells a name by its lemma and tells people apart by their given names' keys); run it with each build (for the
build before, e.g. ``PYTHONPATH=OLD_CHECKOUT/src``). ``diff`` lists the articles whose mentions differ,
with the mentions gone and those new, for a person to judge, and how many articles changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dump(pairs: Path, out: Path) -> None:
    from storyline.evaluation.pairs import articles_in_order, read_pairs
    from storyline.settings import Settings
    from storyline.stages.clean import clean_text
    from storyline.stages.entities import extract_entities
    from storyline.stages.language import detect_language

    cleaned = clean_text(articles_in_order(read_pairs(pairs)))
    found = extract_entities(detect_language(cleaned, Settings().languages))
    mentions = {
        article.id: sorted([m.surface, m.kind, m.key, m.given, m.lemma] for m in article.entities) for article in found
    }
    out.write_text(json.dumps(mentions, ensure_ascii=False), encoding="utf-8")
    print(f"{len(mentions)} articles, {sum(map(len, mentions.values()))} mentions -> {out}")


def diff(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    for article in sorted(before.keys() & after.keys()):
        old = {tuple(mention) for mention in before[article]}
        new = {tuple(mention) for mention in after[article]}
        if old != new:
            changed += 1
            print(f"{article}  gone: {sorted(old - new)}  new: {sorted(new - old)}")
    print(f"{changed} of {len(before.keys() & after.keys())} articles changed")


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[1] not in ("dump", "diff"):
        sys.exit(__doc__)
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        diff(Path(sys.argv[2]), Path(sys.argv[3]))


if __name__ == "__main__":
    main()
