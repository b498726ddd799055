"""Towns of a country named in an article of another language that names the country too.

The gazetteer's index holds cities of ``MIN_CITY_POPULATION`` people in every language; towns smaller
than that only in the languages of their own countries (``gazetteer.find_town``: "Landshut" in German
text), since abroad most such names are words or people before they are towns. An article abroad that
names a town's country (or one of its first-level regions: Bavaria) is the exception that context
allows: "Landshut" in an English article about Germany is the German town, the entity the German
articles of the same story name. The name must be no word of the article's language nor of English
and no listed first or family name, and the town is looked up by its own name in Latin script
(``gazetteer.find_town_abroad``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storyline.stages.gazetteer import Place, find_town_abroad, spoken_in
from storyline.stages.given_names import is_family_name, is_given_name
from storyline.stages.keys import is_latin
from storyline.stages.name_filters import Found
from storyline.stages.name_languages import APOSTROPHE_SUFFIX
from storyline.stages.name_shapes import is_known_word

LONGEST_TOWN = 3  # words of a town's name ("Hochheim am Main")


def towns_of_named_countries(mentions: Sequence[Found], language: str | None) -> list[Found]:
    """``mentions`` with each name no list knows (untyped, or a place by its context alone) that is a town of
    a country the article names (by the country or one of its regions) typed as that town; the rest as they
    are."""
    countries = named_countries(mentions)
    if not countries or not language:
        return list(mentions)
    return [_as_town(mention, countries, language) for mention in mentions]


def named_countries(mentions: Sequence[Found]) -> set[str]:
    """The ISO 3166 codes of the countries an article names, itself or by a first-level region."""
    return {mention.key[4:6] for mention in mentions if mention.kind == "place" and mention.key.startswith("iso:")}


def _as_town(mention: Found, countries: set[str], language: str) -> Found:
    if mention.kind not in ("misc", "place") or ":" in mention.key or mention.key.startswith("#"):
        return mention
    name = APOSTROPHE_SUFFIX.sub("", mention.surface)
    words = name.split()
    if not words or len(words) > LONGEST_TOWN or not is_latin(name) or name.isupper():
        return mention
    town = _town_of(name, countries, language)
    if (
        town is None
        or is_given_name(words[0])
        or is_family_name(words[-1])
        or any(word[:1].isupper() and is_known_word(word, language) for word in words)  # "Worms", "Marl"
    ):
        return mention
    return dataclasses.replace(mention, key=town.id, given="", kind="place", lemma=town.name)


def _town_of(name: str, countries: set[str], language: str) -> Place | None:
    """The town ``name`` is, where it is in one of ``countries`` and abroad (``language`` is not spoken there: at
    home the entities stage's own town rule has judged the name)."""
    town = find_town_abroad(name)
    if town is None or town.country not in countries or spoken_in(language, town):
        return None
    return town
