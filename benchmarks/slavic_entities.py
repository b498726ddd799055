"""Entity mentions, types, cross-language links and merges measured on the SlavicNER corpus
(hand-annotated news in bg, cs, pl, ru, sl, uk; evaluation/slavic_ner.py), read from a local clone.

python benchmarks/slavic_entities.py SLAVICNER_CLONE [--languages ru,uk,bg] [--per-language 60]
                                     [--window 1000] [--offset 0] [--errors] [--write-gold FILE]

Takes the first N articles of each language in a fixed order that mixes the topics, scores the
first WINDOW characters of each against the corpus's own annotation (the identifiers stand for the
canonical names, so no English-name figure), overall and per language. ``--errors`` lists the
system mentions that are no gold mention and the gold mentions not found; ``--write-gold`` writes
the sample as a gold file of benchmarks/entity_gold.json's form.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.evaluation import slavic_ner
from storyline.evaluation.entity_gold import (
    best_hit,
    first_characters,
    gold_hits,
    is_gold_mention,
    load_articles,
    other_surfaces,
    score,
)
from storyline.grouping.entities import MentionRow, link_entities
from storyline.models import Article


def sample_gold(
    root: Path, languages: tuple[str, ...], per_language: int, window: int, offset: int = 0
) -> dict[str, Any]:
    refs = slavic_ner.article_refs(root, languages)
    chosen = [
        ref
        for language in languages
        for ref in [r for r in refs if f"/{language}/" in r][offset : offset + per_language]
    ]
    articles = []
    for ref in chosen:
        article = slavic_ner.read_article(root, ref)
        end = len(first_characters(article.text, window))
        articles.append({"ref": ref, "mentions": slavic_ner.gold_mentions(article, end)})
    return {
        "about": f"SlavicNER articles, first {window} characters; canonical names are the corpus's identifiers.",
        "window": window,
        "articles": articles,
    }


def errors(gold: dict[str, Any], articles: dict[str, Article]) -> dict[str, Counter[str]]:
    wrong: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    for item in gold["articles"]:
        article = articles[item["ref"]]
        for mention in article.entities:
            if not is_gold_mention(mention.surface, item["mentions"]):
                wrong[f"{article.language} {mention.kind:6} {mention.surface}"] += 1
        for gold in item["mentions"]:
            surface, kind = gold[0], gold[1]
            hits = gold_hits(gold, list(article.entities))
            if kind != "misc" and not hits:
                missed[f"{article.language} {kind:6} {surface}"] += 1
            elif kind != "misc" and (hit := best_hit(surface, hits, other_surfaces(gold))).kind != kind:
                typed[f"{article.language} {kind:6} as {hit.kind:6} {surface} ({hit.surface})"] += 1
    return {"not a gold mention": wrong, "gold mention not found": missed, "typed otherwise": typed}


def link_errors(gold: dict[str, Any], articles: dict[str, Article]) -> dict[str, Counter[str]]:
    """Gold entities whose found mentions the system splits over several entities, and system entities
    that join several gold ones, each with the surfaces (language: surface) on each side."""
    rows = [
        MentionRow(a.id, None, m.key, m.given, m.kind, m.surface, m.lemma, m.count, a.language)
        for a in articles.values()
        for m in a.entities
    ]
    entities, links = link_entities(rows)
    names = {entity.identity: entity.name for entity in entities}
    by_gold: dict[str, dict[str, set[str]]] = {}
    by_system: dict[str, dict[str, set[str]]] = {}
    for item in gold["articles"]:
        article = articles[item["ref"]]
        for gold in item["mentions"]:
            surface, kind, entity = gold[0], gold[1], gold[2]
            hits = gold_hits(gold, list(article.entities))
            if kind == "misc" or not hits:
                continue
            hit = best_hit(surface, hits, other_surfaces(gold))
            identity = links[(article.id, hit.key, hit.given)]
            shown = f"{article.language}: {hit.surface}"
            by_gold.setdefault(entity, {}).setdefault(names[identity], set()).add(shown)
            by_system.setdefault(names[identity], {}).setdefault(entity, set()).add(shown)
    split = Counter(
        {
            f"{entity}: " + " | ".join(f"{name} <- {sorted(s)}" for name, s in parts.items()): len(parts)
            for entity, parts in by_gold.items()
            if len(parts) > 1
        }
    )
    joined = Counter(
        {
            f"{name}: " + " | ".join(f"{entity} <- {sorted(s)}" for entity, s in parts.items()): len(parts)
            for name, parts in by_system.items()
            if len(parts) > 1
        }
    )
    return {"gold entity split": split, "system entity joining gold ones": joined}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a clone of github.com/SlavicNLP/SlavicNER")
    parser.add_argument("--languages", default="ru,uk,bg")
    parser.add_argument("--per-language", type=int, default=60)
    parser.add_argument("--window", type=int, default=1000)
    parser.add_argument("--offset", type=int, default=0, help="skip the first N of each language (another sample)")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--write-gold", type=Path)
    args = parser.parse_args()
    languages = tuple(args.languages.split(","))
    gold = sample_gold(args.root, languages, args.per_language, args.window, args.offset)
    if args.write_gold:
        args.write_gold.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    articles = load_articles(gold, Path("/nonexistent"), args.root)
    result: dict[str, Any] = {"all": score(gold, articles)}
    for language in languages:
        part = {**gold, "articles": [a for a in gold["articles"] if f"/{language}/" in a["ref"]]}
        result[language] = score(part, {a["ref"]: articles[a["ref"]] for a in part["articles"]})
    for figures in result.values():
        figures.pop("english_names", None)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if args.errors:
        for title, counts in {**errors(gold, articles), **link_errors(gold, articles)}.items():
            print(f"\n{title} ({sum(counts.values())}):")
            for line, count in counts.most_common():
                print(f"  {count:3} {line}")


if __name__ == "__main__":
    main()
