"""Given names of many countries, to tell a person's name from other runs of capitalised words.

Russian and Ukrainian morphology tags given names (pymorphy3), and Russian's dictionary serves the
other Cyrillic languages (``entities._cyrillic_name_kind``); for the Latin-script languages the
given names come from Faker's person providers (MIT, in its wheel): the male, female and unisex first
names of its 80-odd locales, 31,000 names in all (Jorge, Łukasz, Philippe, Óscar, Seda), and their
family names. The sets are built once per installation (1.5 s: it imports every locale's module) and
then read from the user's cache folder, as the gazetteer's index is.

A given name that is also a word (Will, Grace, North, Santa) is no evidence on its own: the caller
(``entities._person_by_given_name``) weighs it against how the article writes the word.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from storyline.stages.disk_cache import built_once, cache_folder

CACHE_FORMAT = 2
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
    """Whether some locale lists ``word`` as a first name (letter case ignored)."""
    return word.casefold() in _names()[0]


def is_family_name(word: str) -> bool:
    """Whether some locale lists ``word`` as a family name (letter case ignored)."""
    return word.casefold() in _names()[1]


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, family names), from the cache or built."""
    return built_once(_cache_path(), lambda: (_collect(_FIRST_NAME_LISTS), _collect(_LAST_NAME_LISTS)), tuple)


def _collect(attributes: tuple[str, ...]) -> frozenset[str]:
    names = {name.casefold() for name in faker_lists("person", attributes)}
    return frozenset(name for name in names if name.isalpha() and len(name) > 1)


def faker_lists(provider: str, attributes: tuple[str, ...]) -> set[str]:
    """Every value the locales of one of Faker's providers ("person", "company") list under these
    attributes (a dict's keys: it maps values to weights)."""
    package = importlib.import_module(f"faker.providers.{provider}")
    values: set[str] = set()
    for module in pkgutil.iter_modules(package.__path__):
        found = getattr(importlib.import_module(f"{package.__name__}.{module.name}"), "Provider", None)
        for attribute in attributes:
            listed = getattr(found, attribute, None)
            if isinstance(listed, dict | list | tuple | set | frozenset):
                values.update(str(value) for value in listed)
    return values


def _cache_path() -> Path:
    from importlib.metadata import version

    return cache_folder() / f"given-names-{CACHE_FORMAT}-faker-{version('faker')}.pickle"
