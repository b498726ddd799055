"""Entity gold read from a local clone of the SlavicNER corpus (github.com/SlavicNLP/SlavicNER;
Piskorski, Marcińczuk and Yangarber, LREC-COLING 2024): 5,017 news articles in Bulgarian, Czech,
Polish, Russian, Slovene and Ukrainian on seven topics, every named person, organisation, place,
event and product marked by hand with its span, type, lemma and one identifier shared across
articles and languages ("PER-Pavlo-Klimkin", "GPE-Russia").

The corpus is read where the user keeps it and never copied into the project. An article is named
by a reference ``slavicner:TOPIC/LANGUAGE/NAME``: its text is ``raw/TOPIC/LANGUAGE/NAME.txt`` and
its annotation ``ner/TOPIC/LANGUAGE/NAME.tsv`` (start, end, surface, lemma, type, identifier per
line; start and end index the text's characters).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PREFIX = "slavicner:"

# The corpus's types in the gold set's kinds. Events and products ("Brexit", "Nord Stream 2") have no
# kind of their own there: they are "misc", which the scorer counts only for the system's precision.
KINDS = {"PER": "person", "ORG": "org", "LOC": "place", "EVT": "misc", "PRO": "misc"}


class SlavicNerError(RuntimeError):
    """An article of the corpus cannot be read; the message names the file and the reason."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    surface: str
    kind: str
    identifier: str
    lemma: str = ""


@dataclass(frozen=True)
class SlavicArticle:
    ref: str
    language: str
    text: str
    spans: tuple[Span, ...]


def read_article(root: Path, ref: str) -> SlavicArticle:
    """The article ``ref`` names, its text and its hand-marked spans (checked against the text)."""
    relative = ref.removeprefix(PREFIX)
    parts = relative.split("/")
    if len(parts) != 3:
        raise SlavicNerError(f"{ref}: not TOPIC/LANGUAGE/NAME")
    text_path = root / "raw" / f"{relative}.txt"
    spans_path = root / "ner" / f"{relative}.tsv"
    for path in (text_path, spans_path):
        if not path.exists():
            raise SlavicNerError(f"{path}: not found (is {root} a clone of SlavicNER?)")
    text = text_path.read_text(encoding="utf-8")
    return SlavicArticle(ref=ref, language=parts[1], text=text, spans=tuple(_spans(spans_path, text)))


def _spans(path: Path, text: str) -> list[Span]:
    spans = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if not line.strip():
            continue
        if len(fields) < 6 or fields[4] not in KINDS:
            raise SlavicNerError(f"{path}:{number}: not START, END, SURFACE, LEMMA, TYPE, IDENTIFIER")
        start, end = int(fields[0]), int(fields[1])
        if text[start:end] != fields[2]:
            raise SlavicNerError(f"{path}:{number}: {fields[2]!r} is not the text at {start}-{end}")
        spans.append(Span(start, end, fields[2], KINDS[fields[4]], fields[5], fields[3]))
    return spans


def article_refs(root: Path, languages: tuple[str, ...]) -> list[str]:
    """Every article of these languages, in an order that mixes the topics and does not depend on
    the files' names (a hash of the reference), so that the first N of a language are a fair sample."""
    refs = [
        PREFIX + path.relative_to(root / "ner").with_suffix("").as_posix()
        for language in languages
        for path in (root / "ner").glob(f"*/{language}/*.tsv")
    ]
    return sorted(refs, key=lambda ref: hashlib.sha256(ref.encode()).hexdigest())


def gold_mentions(article: SlavicArticle, end: int) -> list[list[Any]]:
    """The gold set's mentions of the article's first ``end`` characters: each identifier once, as
    first written there, with its kind (the identifier stands for the canonical name) and the other
    ways the article writes it there ("Великобритания", then "Обединеното кралство")."""
    seen: dict[str, list[Any]] = {}
    for span in sorted(article.spans, key=lambda span: span.start):
        if span.end > end:
            continue
        if span.identifier not in seen:
            seen[span.identifier] = [span.surface, span.kind, span.identifier, []]
        elif span.surface not in (known := seen[span.identifier])[3] and span.surface != known[0]:
            known[3].append(span.surface)
    return list(seen.values())
