"""Given names of many countries, to tell a person's name from other runs of capitalised words.

Russian and Ukrainian morphology tags given names (pymorphy3), and Russian's dictionary serves the
other Cyrillic languages (``entities._cyrillic_name_kind``); for the Latin-script languages the
given names come from Faker's person providers (MIT, in its wheel): the male, female and unisex first
names of its 80-odd locales, 31,000 names in all (Jorge, Łukasz, Philippe, Óscar, Seda), and their
family names; the Russian and Ukrainian first names also as English-language text spells them (Dmitry,
Yevgeny, Volodymyr, Oleksandr). The sets are built once per installation (1.5 s: it imports every locale's module) and
then read from the user's cache folder, as the gazetteer's index is.

A given name that is also a word (Will, Grace, North, Santa) is no evidence on its own: the caller
(``entities._person_by_given_name``) weighs it against how the article writes the word.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from anyascii import anyascii

from storyline.stages.arabic_names import wire_service_given_names
from storyline.stages.disk_cache import built_once, cache_folder
from storyline.stages.keys import plain_arabic, writes_no_vowels

CACHE_FORMAT = 7
# a register's first name counts where this many of nomquamgender's sources list it, borne this many times
REGISTER_SOURCES = 8
REGISTER_BEARERS = 100
REGISTER_LETTERS = 3
_LATIN_LETTERS = re.compile("[a-zß-öø-ÿ\u0100-\u024f\u1e00-\u1eff]+")  # casefolded Latin letters, accents too
GENERIC_ENGLISH = "en"  # Faker's locale without a country: the long tail of the US census's names
# Faker's locales whose first names are in Cyrillic: their Latin spellings are first names too (Dmitry)
_CYRILLIC_LOCALES = {"ru_RU": "ru", "uk_UA": "uk"}
_LAST_NAME_LISTS = ("last_names", "last_names_male", "last_names_female", "last_romanized_names")
_FIRST_NAME_LISTS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_unisex",
    "first_names_nonbinary",
    "first_romanized_names",
)


def is_given_name(word: str) -> bool:
    """Whether some locale lists ``word`` as a first name (letter case ignored), or each part of it
    ("Jean-Luc", "Hans-Peter")."""
    names = _names()[0]
    folded = word.casefold()
    if folded in names or ("-" in folded and all(part in names for part in folded.split("-"))):
        return True
    return writes_no_vowels(folded) and plain_arabic(folded) in names


def registered_first_name(word: str) -> bool:
    """Whether the registers of first names that ``nomquamgender`` (MIT, in its wheel) gathers from many
    countries count ``word`` as a first name that no locale of Faker lists (Barack, Ségolène, Takuya,
    Idriss): in at least ``REGISTER_SOURCES`` of its sources, borne at least ``REGISTER_BEARERS`` times, and
    no common English word. Weaker evidence than Faker's lists (the registers hold words too: "Eine",
    "Marke", "Sala" are someone's names), so the caller weighs it against the article's language. Its
    names are written in plain Latin letters ("segolene"): ``word``'s accents are dropped, and a word in
    another script is no such name."""
    folded = word.casefold()
    return _LATIN_LETTERS.fullmatch(folded) is not None and anyascii(folded) in _names()[3]


def is_country_list_given_name(word: str) -> bool:
    """Whether a locale of a country lists ``word`` as a first name: Faker's generic English list
    ("en") alone holds 4,300 rare names of the US census, among them states (Texas, Montana,
    Tennessee), which outweigh no region's name."""
    return word.casefold() in _names()[2]


def is_family_name(word: str) -> bool:
    """Whether some locale lists ``word`` as a family name (letter case ignored)."""
    return word.casefold() in _names()[1]


def listed_first_names() -> frozenset[str]:
    """Every first name some locale lists, casefolded."""
    return _names()[0]


def listed_family_names() -> frozenset[str]:
    """Every family name some locale lists, casefolded."""
    return _names()[1]


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(first names, family names, first names a country's list has: not only ``GENERIC_ENGLISH``, the
    registers' first names), from the cache or built."""
    return built_once(_cache_path(), _build, tuple)


def _build() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    listed, last, in_country_lists = _faker_names()
    return listed, last, in_country_lists, _registered_first_names(listed)


def _registered_first_names(listed: frozenset[str]) -> frozenset[str]:
    """The registers' first names (see ``registered_first_name``) that Faker does not list, in plain letters."""
    from storyline.stages import lemmas

    spec = importlib.util.find_spec("nomquamgender")  # its data file only: importing it loads pandas
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    data = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    registers: dict[str, list[Any]] = json.loads(data.read_text(encoding="utf-8"))
    plain = {anyascii(name) for name in listed}
    return frozenset(
        name
        for name, (sources, bearers, *_rest) in registers.items()
        if sources >= REGISTER_SOURCES
        and bearers >= REGISTER_BEARERS
        and len(name) >= REGISTER_LETTERS
        and name.isascii()
        and name.isalpha()
        and name not in plain
        and not lemmas.in_lowercase(name, "en")
    )


def _faker_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    first = faker_lists_by_locale("person", _FIRST_NAME_LISTS)
    for locale, language in _CYRILLIC_LOCALES.items():
        first[f"{locale}-latin"] = {
            spelled for name in first.get(locale, ()) for spelled in latin_spellings(name, language)
        }
    last = {name for values in faker_lists_by_locale("person", _LAST_NAME_LISTS).values() for name in _plain(values)}
    listed = {name for values in first.values() for name in _plain(values)}
    listed |= wire_service_given_names()  # the Arab world's frequent names, as its wire services spell them
    listed |= {plain_arabic(name) for name in listed if writes_no_vowels(name)}
    in_country_lists = {
        name for locale, values in first.items() if locale != GENERIC_ENGLISH for name in _plain(values)
    }
    return frozenset(listed), frozenset(last), frozenset(in_country_lists)


def latin_spellings(name: str, language: str) -> set[str]:
    """How English-language text writes a Russian or Ukrainian first name: the language's romanisation
    (``romanise.py``: Дмитрий Dmitry, Володимир Volodymyr), letter by letter (Dmitriy, Volodimir), and
    for a Russian "-ий" the ending as "-i" and an opening "Е" as "E" or "Ye" (Евгений: Yevgeny, Evgeniy,
    Evgeny, Evgeni, Yevgeni)."""
    from storyline.stages.keys import latin
    from storyline.stages.romanise import romanise

    spelled = {romanise(name, language), latin(name)}
    if language == "ru" and name.endswith("ий"):
        stem = romanise(name, language)[:-1]  # "Yevgen", "Dmitr"
        spelled |= {stem + "y", stem + "i", stem + "iy"}
    if name[:1] == "Е":
        spelled |= {"E" + word[2:] for word in spelled if word.startswith("Ye")}
        spelled |= {"Ye" + word[1:] for word in spelled if word.startswith("E")}
    return {word for word in spelled if word.isalpha()}


def _plain(values: set[str]) -> set[str]:
    folded = {value.casefold() for value in values}
    return {name for name in folded if name.isalpha() and len(name) > 1}


def faker_lists(provider: str, attributes: tuple[str, ...]) -> set[str]:
    """Every value the locales of one of Faker's providers ("person", "company") list under these
    attributes (a dict's keys: it maps values to weights)."""
    return set().union(*faker_lists_by_locale(provider, attributes).values())


def faker_lists_by_locale(provider: str, attributes: tuple[str, ...]) -> dict[str, set[str]]:
    """What each locale of one of Faker's providers lists under these attributes, by locale."""
    package = importlib.import_module(f"faker.providers.{provider}")
    by_locale: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(package.__path__):
        found = getattr(importlib.import_module(f"{package.__name__}.{module.name}"), "Provider", None)
        values: set[str] = set()
        for attribute in attributes:
            listed = getattr(found, attribute, None)
            if isinstance(listed, dict | list | tuple | set | frozenset):
                values.update(str(value) for value in listed)
        by_locale[module.name] = values
    return by_locale


def _cache_path() -> Path:
    from importlib.metadata import version

    stamp = f"faker-{version('faker')}-nomquamgender-{_version_or_none('nomquamgender')}"
    return cache_folder() / f"given-names-{CACHE_FORMAT}-{stamp}.pickle"


def _version_or_none(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "none"
