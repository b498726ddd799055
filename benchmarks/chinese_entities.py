"""Chinese entity mentions and types measured on the MSRA named-entity corpus (news sentences from
the People's Daily, every person, place and organisation marked by hand; Levow, SIGHAN 2006), read
from a local copy in the BIO form of its common redistribution: SPLIT/sentences.txt (one sentence per
line, characters separated by spaces) and SPLIT/tags.txt (one B-/I-PER, LOC, ORG or O per character).

python benchmarks/chinese_entities.py MSRA_FOLDER [--split val] [--sentences 10] [--limit 300] [--errors]
                                      [--repeat 3]

Consecutive sentences (``--sentences`` of them, in the corpus's order, which keeps an article's
sentences together) are read as one article by the whole entity stage. Scored per article, on the
distinct written names: a system mention is right when the gold marks the same characters as a name
somewhere in the article (precision), a gold name is found when the system gives a mention of the same
characters (recall, exact), or one that holds it or that it holds (recall, overlapping); types are
scored on the exact finds. The corpus marks nations and cities as places, and also an organisation's
full name with its country ("中国致公党") where the system may find the country alone. With
``--repeat N``, the entity stage's time per article is reported too: the median of N runs after one
that loads what the stage loads once.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.models import Article
from storyline.stages.entities import extract_entities

KINDS = {"PER": "person", "LOC": "place", "ORG": "org"}


def read_split(folder: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each sentence with its gold names (surface, kind), in the corpus's order."""
    sentences = (folder / "sentences.txt").read_text(encoding="utf-8").splitlines()
    tags = (folder / "tags.txt").read_text(encoding="utf-8").splitlines()
    if len(sentences) != len(tags):
        raise SystemExit(f"{folder}: {len(sentences)} sentences but {len(tags)} lines of tags")
    out = []
    for number, (line, tag_line) in enumerate(zip(sentences, tags, strict=True), 1):
        characters, labels = line.split(" "), tag_line.split(" ")
        if len(characters) != len(labels):
            raise SystemExit(f"{folder}: sentence {number} has {len(characters)} characters but {len(labels)} tags")
        out.append(("".join(characters), _names(characters, labels)))
    return out


def _names(characters: list[str], labels: list[str]) -> list[tuple[str, str]]:
    names, current, kind = [], "", ""
    for character, label in zip(characters, labels, strict=True):
        if label.startswith("I-") and current and label[2:] == kind:
            current += character
            continue
        if current:
            names.append((current, KINDS[kind]))
        current, kind = (character, label[2:]) if label.startswith("B-") else ("", "")
    if current:
        names.append((current, KINDS[kind]))
    return names


def score(articles: list[tuple[Article, list[tuple[str, str]]]]) -> tuple[dict[str, Any], dict[str, Counter[str]]]:
    totals: Counter[str] = Counter()
    errors: dict[str, Counter[str]] = {"not gold": Counter(), "missed": Counter(), "mistyped": Counter()}
    for article, gold in articles:
        gold_kinds = {surface: kind for surface, kind in gold}
        system = {mention.surface: mention.kind for mention in article.entities}
        totals["system"] += len(system)
        totals["gold"] += len(gold_kinds)
        for surface in system:
            if surface in gold_kinds:
                totals["right"] += 1
            else:
                errors["not gold"][surface] += 1
        for surface, kind in gold_kinds.items():
            if surface in system:
                totals["found"] += 1
                totals["typed"] += system[surface] == kind
                if system[surface] != kind:
                    errors["mistyped"][f"{surface} {system[surface]} (gold {kind})"] += 1
            elif any(surface in other or other in surface for other in system):
                totals["overlapped"] += 1
            else:
                errors["missed"][f"{surface} ({kind})"] += 1
    figures = {
        "articles": len(articles),
        "gold_names": totals["gold"],
        "system_names": totals["system"],
        "precision": round(totals["right"] / max(totals["system"], 1), 3),
        "recall_exact": round(totals["found"] / max(totals["gold"], 1), 3),
        "recall_overlapping": round((totals["found"] + totals["overlapped"]) / max(totals["gold"], 1), 3),
        "type_accuracy_of_found": round(totals["typed"] / max(totals["found"], 1), 3),
    }
    return figures, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder holding the corpus's splits (val/, test/)")
    parser.add_argument("--split", default="val")
    parser.add_argument("--sentences", type=int, default=10, help="sentences read as one article")
    parser.add_argument("--limit", type=int, default=300, help="articles scored")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--repeat", type=int, default=0, help="time the stage over N runs")
    args = parser.parse_args()
    sentences = read_split(args.root / args.split)
    groups = [sentences[at : at + args.sentences] for at in range(0, len(sentences), args.sentences)][: args.limit]
    plain = [
        Article(id=f"msra:{args.split}:{number}", text="\n".join(text for text, _ in group), language="zh")
        for number, group in enumerate(groups)
    ]
    read = extract_entities(plain)
    figures, errors = score(
        [(article, [n for _, names in group for n in names]) for article, group in zip(read, groups, strict=True)]
    )
    if args.repeat:
        seconds = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            extract_entities(plain)
            seconds.append(time.perf_counter() - start)
        figures["ms_per_article"] = round(1000 * statistics.median(seconds) / len(plain), 2)
        figures["characters_per_article"] = round(sum(len(a.text) for a in plain) / len(plain))
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.errors:
        for title, counts in errors.items():
            print(f"\n{title} ({sum(counts.values())}):")
            for line, count in counts.most_common(60):
                print(f"  {count:3} {line}")


if __name__ == "__main__":
    main()
