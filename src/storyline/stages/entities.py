"""Named entities as cross-script keys (a first version: capitalisation, morphology, keys).

Reads ``title``, ``text`` and ``language``; writes ``entities``. A mention is a run of
capitalised words; its key is the key of its head (last) word after lemmatising, so
"Сергей Лавров", "Лаврова" and "Lavrov's" all reduce to the key of "Lavrov". Sentence-initial
words count only when the same word is capitalised mid-sentence elsewhere in the article or
morphology says it is a proper noun. Russian and Ukrainian use pymorphy3 (proper-noun parses
preferred, which also gives the type); other languages use simplemma.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from storyline.models import Article, EntityMention
from storyline.stages.keys import name_key

_WORD = re.compile(r"[^\W\d_][\w'’]*[^\W_]|[^\W\d_]")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…»\"”])\s+|\n+")
_MORPHOLOGY_LANGUAGES = ("ru", "uk")
_PROPER_TAGS = {"Surn": "person", "Name": "person", "Patr": "person", "Geox": "place", "Orgn": "org"}
_MAX_RUN = 4
# "Lavrov's", "Trump'ın", "Putin’e": a lower-case suffix after an apostrophe is inflection.
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_A-ZА-ЯЁІЇЄҐ]+$")
# Capitalised words that are not names in the languages that capitalise them mid-sentence.
_NOT_NAMES = {
    "i",
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "minister",
    "prime",
    "secretary",
    "foreign",
    "state",
    "general",
    "ceo",
    "he",
    "she",
    "we",
    "they",
    "it",
}


def extract_entities(articles: Sequence[Article]) -> list[Article]:
    """Set ``entities`` on every article."""
    return [article.evolve(entities=find_mentions(article)) for article in articles]


def find_mentions(article: Article) -> tuple[EntityMention, ...]:
    sentences = [s for s in _SENTENCE_BREAK.split((article.title or "") + "\n" + article.text) if s.strip()]
    tokenised = [_words_with_breaks(sentence) for sentence in sentences]
    mid_sentence_caps = {word.lower() for words in tokenised for word, _ in words[1:] if _is_capitalised(word)}
    counts: Counter[tuple[str, str, str]] = Counter()
    lemmas: dict[str, Counter[str]] = {}
    for words in tokenised:
        for run in _capitalised_runs(words, mid_sentence_caps, article.language):
            mention = _mention_for_run(run, article.language)
            if mention is not None:
                counts[mention[:3]] += 1
                lemmas.setdefault(mention[0], Counter())[mention[3]] += 1
    surfaces: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    for (key, surface, kind), count in counts.items():
        surfaces.setdefault(key, Counter())[surface] += count
        kinds.setdefault(key, Counter())[kind] += count
    return tuple(
        EntityMention(
            key=key,
            surface=surfaces[key].most_common(1)[0][0],
            kind=_best_kind(kinds[key]),
            count=sum(surfaces[key].values()),
            lemma=lemmas[key].most_common(1)[0][0],
        )
        for key in sorted(surfaces)
    )


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _NOT_NAMES


def _words_with_breaks(sentence: str) -> list[tuple[str, bool]]:
    """Words, each flagged when punctuation separates it from the word before."""
    words: list[tuple[str, bool]] = []
    previous_end = 0
    for match in _WORD.finditer(sentence):
        between = sentence[previous_end : match.start()]
        words.append((match.group(0), bool(between.strip())))
        previous_end = match.end()
    return words


def _capitalised_runs(words: list[tuple[str, bool]], mid_caps: set[str], language: str | None) -> list[list[str]]:
    """Runs of capitalised words; punctuation and acronym/name boundaries end a run."""
    runs: list[list[str]] = []
    current: list[str] = []
    for index, (word, broken) in enumerate(words):
        acronym = word.isupper() and len(word) > 1
        keep = _is_capitalised(word) and (
            index > 0 or acronym or word.lower() in mid_caps or _proper_kind(word, language) is not None
        )
        continues = (
            keep
            and current
            and not broken
            and len(current) < _MAX_RUN
            and acronym == (current[-1].isupper() and len(current[-1]) > 1)
        )
        if continues:
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if keep else []
    if current:
        runs.append(current)
    return runs


def _mention_for_run(run: list[str], language: str | None) -> tuple[str, str, str, str] | None:
    """(key, surface, kind, lemma of the head word) for one run, or None when it has no key."""
    head = run[-1]
    lemma, kind = _lemma_and_kind(head, language)
    key = name_key(lemma)
    if len(key) < 2:
        return None
    if kind == "misc" and head.isupper() and len(head) > 1:
        kind = "org"
    for word in run[:-1]:
        if kind == "misc":
            kind = _lemma_and_kind(word, language)[1]
    return key, " ".join(run), kind, lemma


def _lemma_and_kind(word: str, language: str | None) -> tuple[str, str]:
    word = _APOSTROPHE_SUFFIX.sub("", word)
    if word.isupper() and len(word) > 1:
        return word, "misc"
    if language in _MORPHOLOGY_LANGUAGES:
        return _morph_lemma(word, language)
    if language and language in SUPPORTED_LANGUAGES:
        # The low-memory backend gives the same lemmas from a seventh of the memory (measured:
        # 115 MiB instead of 779 MiB with eight languages loaded).
        return _capitalise(simplemma.lemmatize(word, lang=language, low_memory=True)), "misc"
    return word, "misc"


def _proper_kind(word: str, language: str | None) -> str | None:
    if language not in _MORPHOLOGY_LANGUAGES:
        return None
    kind = _morph_lemma(word, language)[1]
    return None if kind == "misc" else kind


@lru_cache(maxsize=200_000)
def _morph_lemma(word: str, language: str) -> tuple[str, str]:
    """Prefer a proper-noun reading (Лавровим is the surname, not the adjective)."""
    parses = _analyzer(language).parse(word)
    for parse in parses:
        for tag, kind in _PROPER_TAGS.items():
            if tag in parse.tag.grammemes:
                return _capitalise(parse.normal_form), kind
    nouns = [parse for parse in parses if parse.tag.POS == "NOUN"]
    chosen = nouns[0] if nouns else (parses[0] if parses else None)
    return (_capitalise(chosen.normal_form), "misc") if chosen else (word, "misc")


@lru_cache(maxsize=2)
def _analyzer(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _best_kind(kinds: Counter[str]) -> str:
    typed = [(count, kind) for kind, count in kinds.items() if kind != "misc"]
    return max(typed)[1] if typed else "misc"
