"""How persons' names written in Cyrillic are shown in Latin script, measured on the SlavicNER corpus
(evaluation/slavic_ner.py), read from a local clone.

python benchmarks/person_names.py SLAVICNER_CLONE [--languages ru,uk,bg] [--errors]

Every distinct (language, lemma, identifier) of the corpus's hand-marked persons whose lemma is words
in Cyrillic that start with a capital: the corpus's identifier is the person's usual name in Latin
script ("PER-Theresa-May" for "Тереза Мэй"). A lemma's last word is scored against the identifier's
last part (the family name), its first word against the identifier's first part where both have two
or more, letters only, case and accents aside. "before" is the language's romanisation
(stages/romanise.py), "after" what storyline shows now (stages/latin_names.py, then the
romanisation). The weights of latin_names.py were set on the topics of ``TUNED_ON``; the others are
reported apart. ``--errors`` lists the names the change made wrong and those it made right.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from anyascii import anyascii

from storyline.evaluation import slavic_ner
from storyline.stages.latin_names import latin_name
from storyline.stages.romanise import romanise

TUNED_ON = ("asia_bibi", "brexit", "covid-19")
_CAPITALISED_CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐ]")


def persons(root: Path, languages: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(topic, language, lemma, identifier) of every distinct person, in a fixed order."""
    found: set[tuple[str, str, str, str]] = set()
    for ref in slavic_ner.article_refs(root, languages):
        article = slavic_ner.read_article(root, ref)
        topic = ref.removeprefix(slavic_ner.PREFIX).split("/")[0]
        for span in article.spans:
            words = span.lemma.split()
            if (
                span.kind == "person"
                and span.identifier.startswith("PER-")
                and words
                and all(_CAPITALISED_CYRILLIC.match(word) for word in words)
            ):
                found.add((topic, article.language, span.lemma, span.identifier))
    return sorted(found)


def letters(name: str) -> str:
    return "".join(char for char in anyascii(name).casefold() if char.isalnum())


def compare(items: list[tuple[str, str, str, str]]) -> tuple[dict[str, Any], dict[str, list[list[str]]]]:
    counts: Counter[str] = Counter()
    changed: dict[str, list[list[str]]] = {"made_wrong": [], "made_right": []}
    for _topic, language, lemma, identifier in items:
        usual = identifier.removeprefix("PER-").split("-")
        before = romanise(lemma, language).split()
        after = (latin_name(lemma, language) or romanise(lemma, language)).split()
        parts = [("family_name", -1)] + ([("first_name", 0)] if len(before) >= 2 and len(usual) >= 2 else [])
        for part, index in parts:
            right_before = letters(before[index]) == letters(usual[index])
            right_after = letters(after[index]) == letters(usual[index])
            counts[f"{part}s"] += 1
            counts[f"{part}s_right_before"] += right_before
            counts[f"{part}s_right_after"] += right_after
            if right_before != right_after:
                which = "made_right" if right_after else "made_wrong"
                changed[which].append([language, lemma, after[index], usual[index]])
    result: dict[str, Any] = {"persons": len(items)}
    for part in ("family_names", "first_names"):
        total = counts[part]
        result[part] = total
        for when in ("before", "after"):
            result[f"{part}_right_{when}"] = round(counts[f"{part}_right_{when}"] / total, 3) if total else None
    result["made_right"] = len(changed["made_right"])
    result["made_wrong"] = len(changed["made_wrong"])
    return result, changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clone", type=Path, help="a clone of github.com/SlavicNLP/SlavicNER")
    parser.add_argument("--languages", default="ru,uk,bg")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    items = persons(args.clone, tuple(args.languages.split(",")))
    report = {}
    for name, chosen in (
        ("topics the weights were set on", [item for item in items if item[0] in TUNED_ON]),
        ("other topics", [item for item in items if item[0] not in TUNED_ON]),
    ):
        result, changed = compare(chosen)
        report[name] = result
        if args.errors:
            report[name] |= changed
    print(json.dumps(report, ensure_ascii=False, indent=1 if args.errors else 2))


if __name__ == "__main__":
    main()
