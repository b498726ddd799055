"""Entity mentions and types measured on named-entity corpora in the CoNLL form: one token and its BIO tag
(PER, ORG, LOC, MISC) per line, a blank line between sentences, "-DOCSTART-" between documents where the
corpus marks them. Read from a local copy, never bundled: for instance the CoNLL-2003 English and German
news (Reuters; Frankfurter Rundschau), the CoNLL-2002 Spanish news (EFE) and WikiNEuRal's Wikipedia
sentences in Italian, French, Portuguese, Polish and Russian, as the WikiNEuRal repository
(github.com/Babelscape/wikineural, data/conll/LANG/test.conllu, data/wikineural/LANG/test.conllu)
redistributes them: the three columns are a token's number, the token and its tag.

python benchmarks/conll_entities.py FILE --language en [--sentences 12] [--limit 300] [--errors 40]

Documents (or, where the corpus marks none, ``--sentences`` consecutive sentences, in the corpus's order,
which keeps an article's sentences together) are read as one article each by the whole entity stage,
their tokens joined as running text (no space before a full stop or a comma). Scored per article, on the
distinct written names, the way ``entity_quality.py`` scores its gold sets: a system mention is right
when it shares a word (up to inflection) with a gold name of any type (precision); a gold person, place
or organisation is found when a system mention shares a word with it (recall), and its type is that of
the system mention most like it (type accuracy; MISC is neither counted in recall nor typed). Exact
recall counts only the gold names that a system mention writes exactly. Full stops are left out of both
("U.S." is the system's "US"). The corpora's conventions are
their own: CoNLL-2003 tags a country's adjective ("German") MISC, the system leaves it out; a club named
by its city ("Ajax", "Bayern") is an organisation there.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from storyline.evaluation import entity_gold
from storyline.models import Article, EntityMention
from storyline.stages.entities import extract_entities

KINDS = {"PER": "person", "LOC": "place", "ORG": "org", "MISC": "misc"}
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]}%]|'s\b|n't\b|'\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")

Sentence = tuple[list[str], list[str]]  # tokens, tags


def read_documents(path: Path, sentences_per_article: int) -> list[list[Sentence]]:
    """The corpus's documents, each a list of sentences; groups of consecutive sentences where it marks
    no documents."""
    documents: list[list[Sentence]] = [[]]
    tokens: list[str] = []
    tags: list[str] = []
    marked = False
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split("\t") if "\t" in line else line.split()
        if not columns:
            if tokens:
                documents[-1].append((tokens, tags))
            tokens, tags = [], []
            continue
        token, tag = (columns[1], columns[-1]) if len(columns) >= 3 else (columns[0], columns[-1])
        if token == "-DOCSTART-":
            marked = True
            if documents[-1]:
                documents.append([])
            continue
        tokens.append(token)
        tags.append(tag)
    documents = [document for document in documents if document]
    if marked:
        return documents
    sentences = [sentence for document in documents for sentence in document]
    return [sentences[at : at + sentences_per_article] for at in range(0, len(sentences), sentences_per_article)]


def running_text(tokens: list[str]) -> str:
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def gold_names(sentence: Sentence) -> list[tuple[str, str]]:
    """The sentence's names: (surface as running text, kind)."""
    names: list[tuple[str, str]] = []
    current: list[str] = []
    kind = ""
    for token, tag in zip(*sentence, strict=True):
        if tag.startswith("I-") and current and tag[2:] == kind:
            current.append(token)
            continue
        if current:
            names.append((running_text(current), KINDS[kind]))
        current, kind = ([token], tag[2:]) if tag[:2] in ("B-", "I-") else ([], "")
    if current:
        names.append((running_text(current), KINDS[kind]))
    return names


def mentions_match(gold: str, system: str) -> bool:
    """``entity_gold.mentions_match``, full stops aside: the system writes "U.S." as "US"."""
    return entity_gold.mentions_match(gold.replace(".", ""), system.replace(".", ""))


def _most_alike(surface: str, system: list[EntityMention]) -> EntityMention | None:
    sharing = [mention for mention in system if mentions_match(surface, mention.surface)]
    if not sharing:
        return None
    words = set(surface.casefold().split())
    return max(sharing, key=lambda m: (_exactly(m, surface), len(words & set(m.surface.casefold().split()))))


def _exactly(mention: EntityMention, surface: str) -> bool:
    return mention.surface.replace(".", "") == surface.replace(".", "")


def score(read: list[tuple[Article, list[tuple[str, str]]]], errors: dict[str, Counter[str]]) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    for article, gold in read:
        kinds = dict(gold)
        system = list(article.entities)
        totals["system"] += len(system)
        for mention in system:
            if any(mentions_match(surface, mention.surface) for surface in kinds):
                totals["right"] += 1
            else:
                errors["not gold"][f"{mention.surface} ({mention.kind})"] += 1
        for surface, kind in kinds.items():
            if kind == "misc":
                continue
            totals["gold"] += 1
            found = _most_alike(surface, system)
            if found is None:
                errors["missed"][f"{surface} ({kind})"] += 1
                continue
            totals["found"] += 1
            totals["exact"] += any(_exactly(mention, surface) for mention in system)
            totals["typed"] += found.kind == kind
            if found.kind != kind:
                errors["mistyped"][f"{surface} as {found.kind} (gold {kind})"] += 1
    return {
        "articles": len(read),
        "gold_names": totals["gold"],
        "system_mentions": totals["system"],
        "precision": round(totals["right"] / max(totals["system"], 1), 3),
        "recall": round(totals["found"] / max(totals["gold"], 1), 3),
        "recall_exact": round(totals["exact"] / max(totals["gold"], 1), 3),
        "type_accuracy_of_found": round(totals["typed"] / max(totals["found"], 1), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--language", required=True, help="the corpus's language (ISO 639-1)")
    parser.add_argument("--sentences", type=int, default=12, help="sentences read as one article where no documents")
    parser.add_argument("--limit", type=int, default=300, help="articles scored")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    args = parser.parse_args()
    documents = read_documents(args.file, args.sentences)[: args.limit]
    articles = [
        Article(
            id=f"conll:{number}",
            text="\n".join(running_text(tokens) for tokens, _ in document),
            language=args.language,
        )
        for number, document in enumerate(documents)
    ]
    read = extract_entities(articles)
    errors: dict[str, Counter[str]] = {"not gold": Counter(), "missed": Counter(), "mistyped": Counter()}
    gold = [[name for sentence in document for name in gold_names(sentence)] for document in documents]
    print(json.dumps(score(list(zip(read, gold, strict=True)), errors), indent=2))
    for kind, counts in errors.items() if args.errors else ():
        print(f"\n{kind} ({sum(counts.values())}):")
        for what, count in counts.most_common(args.errors):
            print(f"  {count:3d}  {what}")


if __name__ == "__main__":
    main()
