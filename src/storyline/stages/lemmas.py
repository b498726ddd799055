"""simplemma's compact dictionaries, with the index that makes them searchable cached on disk.

simplemma's low-memory backend keeps each language's dictionary as a front-coded stream and, when a
language is first used in a process, walks the whole stream once to note where each block of 32
entries starts (3.7 million entries for Polish: about 2.5 s; Russian and German about 1 s). Every
new process paid that again, so one article in a fresh ``storyline ingest`` took seconds. Here the
decompressed stream and its block index are written once to the user's cache folder
(``$XDG_CACHE_HOME/storyline``, else ``~/.cache/storyline``) and read back with ``marshal`` (no
code runs on load); the lemmas are exactly simplemma's. Where the cache folder cannot be written,
the index is built in memory as before.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES, CachingDictionaryFactory
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap
from simplemma.utils import normalize_token

from storyline.stages import disk_cache

FORMAT = 1  # bump when the cached layout changes


def cache_folder() -> Path:
    """Where the dictionary indexes are kept (one file per language and simplemma version)."""
    return disk_cache.cache_folder() / f"simplemma-{metadata.version('simplemma')}-{FORMAT}"


class IndexedStreamMap(StreamMap):
    """simplemma's ``StreamMap`` for one language, its block index read from the cache when there."""

    __slots__ = ()

    def __init__(self, lang: str, folder: Path | None) -> None:
        if lang not in SUPPORTED_LANGUAGES:
            raise ValueError(f"Unsupported language: {lang}")
        cached = folder / f"{lang}.marshal" if folder is not None else None
        if cached is not None and self._load(cached):
            return
        super().__init__(lang)
        if cached is not None:
            self._save(cached)

    def _state(self) -> tuple[Any, ...]:
        return (self._data, self._rev, self._count, self._pos, self._firsts, self._blocks)

    def _load(self, path: Path) -> bool:
        try:
            state = marshal.loads(path.read_bytes())
            self._data, self._rev, self._count, self._pos, self._firsts, self._blocks = state
        except (OSError, EOFError, ValueError, TypeError):
            return False  # absent, unreadable or from another layout: rebuilt and rewritten
        return True

    def _save(self, path: Path) -> None:
        """Write the index beside the others, atomically (write, then rename); never fatal."""
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(marshal.dumps(self._state()))
                os.replace(temporary, path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)


class IndexedDictionaryFactory(CachingDictionaryFactory):
    """simplemma's low-memory dictionaries, indexed through the on-disk cache."""

    __slots__ = ("_folder",)

    def __init__(self, folder: Path | None, cache_max_size: int = 8) -> None:
        super().__init__(cache_max_size)
        self._folder = folder

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return IndexedStreamMap(lang, self._folder)


@lru_cache(maxsize=1)
def _factory() -> IndexedDictionaryFactory:
    return IndexedDictionaryFactory(cache_folder())


@lru_cache(maxsize=1)
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))


@lru_cache(maxsize=1)
def _lookup() -> DictionaryLookupStrategy:
    return DictionaryLookupStrategy(_factory())


def lemmatize(word: str, language: str) -> str:
    """simplemma's lemma of ``word`` (its default strategy, compact dictionaries)."""
    return str(_lemmatizer().lemmatize(word, language))


def dictionary_lemma(word: str, language: str) -> str | None:
    """The lemma simplemma's dictionary of ``language`` gives ``word`` as written (proper nouns keep
    their capital: "Polski" -> "Polski", "Desde" -> "desde"), or None where it has none."""
    lemma = _lookup().get_lemma(word, language)
    return None if lemma is None else str(lemma)


# Romance adverbs made from an adjective's feminine form, which the compact dictionaries often lack
# ("inizialmente", "actuellement"): the ending, and the endings its adjective may take back
_ADVERB_ENDINGS = {"it": "mente", "es": "mente", "pt": "mente", "ca": "ment", "fr": "ment"}


def derived_adverb(word: str, language: str) -> bool:
    """Whether ``word`` (in lowercase) is an adverb the language makes from an adjective the dictionary
    knows ("inizialmente": iniziale; "actuellement": actuelle; "rápidamente": rápida)."""
    ending = _ADVERB_ENDINGS.get(language)
    if ending is None or not word.endswith(ending) or len(word) < len(ending) + 4:
        return False  # "Clément" is no adverb of "clé"
    stem = word[: -len(ending)]
    return any(is_known(form, language) for form in (stem, stem + "e", stem + "a"))


def listed_in_capitals(word: str, language: str | None) -> bool:
    """Whether the dictionary of ``language`` lists ``word`` as an acronym in capitals, its dictionary form
    written so ("ÖVP", "NATO", "FPÖ"; not "BOSS", whose form is "Boss")."""
    lemma = dictionary_lemma(word, language) if language in SUPPORTED_LANGUAGES else None
    return lemma is not None and len(lemma) > 1 and lemma.isupper()


def in_lowercase(word: str, language: str) -> bool:
    """Whether the dictionary knows ``word`` as written as a common word's form: its dictionary form
    is in lowercase ("Desde" -> "desde", "Endig" -> "endigen")."""
    lemma = dictionary_lemma(word, language) if language in SUPPORTED_LANGUAGES else None
    return lemma is not None and lemma[:1].islower()


def common_word(word: str, language: str) -> bool:
    """Whether ``word`` as written is a common word's form in ``language`` or in English (``in_lowercase``):
    English words turn up in any language's text, as titles and brands write them."""
    return any(in_lowercase(word, tongue) for tongue in dict.fromkeys((language, "en")))


def with_capital(word: str, language: str) -> bool:
    """Whether the dictionary knows ``word`` as written with a capital kept in its dictionary form: a
    proper noun ("Marczak", "Polski"), or in German any noun ("Hauptstadt")."""
    lemma = dictionary_lemma(word, language) if language in SUPPORTED_LANGUAGES else None
    return lemma is not None and lemma[:1].isupper()


_ADJECTIVE_ENDINGS = frozenset({"", "e", "en", "er", "es", "em"})  # German's adjective endings


def capitalised_noun(word: str, language: str) -> bool:
    """A noun the dictionary writes with a capital and not also an adjective's or adverb's form: in German
    any noun ("Hauptstadt"; "Haft", "Strafe", "Menge", whose lowercase forms are forms of verbs), not an
    adjective ("Deutsche": "deutsche" is "deutsch" with an ending) nor an adverb ("Mal": "mal")."""
    return with_capital(word, language) and not inflected_adjective(word.lower(), language)


def inflected_adjective(word: str, language: str) -> bool:
    """A lowercase word that is its dictionary form with an adjective's ending ("deutsche", "neuen",
    "offene") or without one ("mal", "neu"), where that form is no verb's infinitive ("mengen"); a
    verb's other forms ("haft", "strafe" from "haften", "strafen") do not open with their infinitive."""
    lemma = dictionary_lemma(word, language) if language in SUPPORTED_LANGUAGES else None
    if lemma is None or not lemma[:1].islower() or not word.startswith(lemma):
        return False
    ending = word[len(lemma) :]
    return ending in _ADJECTIVE_ENDINGS and not (ending == "" and lemma.endswith("n"))


def is_known(word: str, language: str) -> bool:
    """Whether simplemma's dictionary of ``language`` holds ``word`` (as simplemma.is_known)."""
    return _lookup().get_lemma(normalize_token(word), language) is not None
