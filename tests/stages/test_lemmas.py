from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries import stream_dictionary_factory

from storyline.stages import lemmas

WORDS = {
    "de": ["Krise", "Berlins", "Häusern", "Bundeskanzlerin", "und", "Es"],
    "en": ["talks", "Ministers", "went", "The"],
    "fr": ["ministres", "était", "Paris", "Un"],
    "es": ["conversaciones", "Madrid", "fue"],
}


def test_lemmas_are_simplemmas_and_come_back_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = lemmas.IndexedDictionaryFactory(tmp_path)
    for language, words in WORDS.items():
        mapping = built.get_dictionary(language)
        reference = simplemma.strategies.dictionaries.LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary(language)
        for word in words:
            assert mapping.get(word) == reference.get(word), (language, word)
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{language}.marshal" for language in sorted(WORDS)]

    def no_walk(self: object, lang: str) -> None:
        raise AssertionError(f"the index of {lang} was rebuilt instead of read from the cache")

    monkeypatch.setattr(stream_dictionary_factory.StreamMap, "__init__", no_walk)
    again = lemmas.IndexedDictionaryFactory(tmp_path)
    for language, words in WORDS.items():
        reference = simplemma.strategies.dictionaries.LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary(language)
        assert [again.get_dictionary(language).get(word) for word in words] == [reference.get(w) for w in words]


def test_lemmas_a_damaged_cache_is_rebuilt_and_an_unwritable_one_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "en.marshal").write_bytes(b"\x00not marshal")
    assert lemmas.IndexedDictionaryFactory(tmp_path).get_dictionary("en").get("went") == "go"
    assert lemmas.IndexedDictionaryFactory(tmp_path).get_dictionary("en").get("went") == "go"
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert lemmas.IndexedDictionaryFactory(blocked / "sub").get_dictionary("en").get("went") == "go"
    with pytest.raises(ValueError, match="Unsupported language"):
        lemmas.IndexedDictionaryFactory(tmp_path).get_dictionary("../../etc")


def test_lemmas_module_functions_match_simplemma() -> None:
    for language, words in WORDS.items():
        for word in words:
            assert lemmas.lemmatize(word, language) == simplemma.lemmatize(word, lang=language, low_memory=True)
            assert lemmas.is_known(word, language) == simplemma.is_known(word, lang=language, low_memory=True)


def test_the_lowercase_dictionaries_are_the_ones_that_write_names_in_lowercase() -> None:
    """``LOWERCASE_DICTIONARIES`` is what simplemma's word lists do: Bulgarian's writes "София" and "Иван"
    in lowercase, Russian's keeps their capitals (a new simplemma that changes this must change the set)."""
    from storyline.stages.name_languages import LOWERCASE_DICTIONARIES

    for language, names in {"bg": ("София", "Иван"), "ru": ("София", "Иван"), "de": ("Berlin", "Paris")}.items():
        lowered = all(lemmas.in_lowercase(name, language) for name in names)
        assert lowered == (language in LOWERCASE_DICTIONARIES)


def test_lemmas_an_adverb_of_a_known_adjective_is_a_word() -> None:
    assert lemmas.derived_adverb("inizialmente", "it") and lemmas.derived_adverb("actuellement", "fr")
    assert lemmas.derived_adverb("rápidamente", "es")
    assert not lemmas.derived_adverb("clément", "fr")  # a first name, not an adverb of "clé"
    assert not lemmas.derived_adverb("clemente", "it") and not lemmas.derived_adverb("quickly", "en")
