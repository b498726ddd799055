"""Words beside a name that say what it is and are not part of it, where a language's capitals do not
tell them apart: German capitalises every noun, so "Hauptstadt Moskau" or "Bundeskanzlerin Angela
Merkel" reads as one run. A helper of the entities stage (``entities.py``)."""

from __future__ import annotations

from storyline.stages import lemmas
from storyline.stages.entity_cues import ends_in_org_word, has_org_word, opens_with_org_word
from storyline.stages.gazetteer import find_place, is_country
from storyline.stages.given_names import is_family_name, is_given_name
from storyline.stages.name_filters import NOUN_CAPITALISING

# German nouns for a kind of place, as a compound's end: "Hauptstadt Moskau", "Bundesstaat Borno",
# "Provinz Hubei", "Stadtteil Kreuzberg", "Bundesland Bayern"
_GERMAN_PLACE_KINDS = (
    "stadt",
    "staat",
    "metropole",
    "provinz",
    "region",
    "kreis",
    "bezirk",
    "teil",
    "gemeinde",
    "kanton",
    "land",
)


def is_german_descriptor(run: list[str], language: str | None) -> bool:
    """A German common noun that says what the name after it is: a person's role before a full name
    ("Trainer Julian Nagelsmann", "Bundeskanzlerin Angela Merkel"), or a kind of place before a city or
    region ("Hauptstadt Moskau", "Bundesstaat Borno"). German capitalises it, but it is context, not the
    name; an organisation's word stays ("Kantonspolizei Aargau", "Polizeipräsidium Pforzheim"), and so
    does a name ("Olaf Scholz") or an adjective ("Deutsche Bank")."""
    if language not in NOUN_CAPITALISING or len(run) < 2:
        return False
    word, rest = run[0], run[1:]
    if is_given_name(word) or find_place(word) is not None or not _noun(word, language):
        return False
    if has_org_word([word]) or ends_in_org_word(word) or opens_with_org_word([word]):
        return False  # "Kantonspolizei Aargau", "Staatsanwaltschaft Zofingen": the organisation's name
    if _bare_name(rest, language) and not _english_or_of_a_place(word):  # "Wetterdienst Ubimet"
        return True
    if is_family_name(word):
        return False
    folded = word.casefold()
    kind_of_place = any(
        folded.removesuffix(ending).endswith(_GERMAN_PLACE_KINDS) for ending in ("", "en", "es", "s", "e")
    )
    place = find_place(" ".join(rest)) if kind_of_place else None  # "Bundesstaaten Texas", "Landes Tirol"
    before_full_name = len(rest) >= 2 and is_given_name(rest[0])
    return before_full_name or (place is not None and not is_country(place))


def _noun(word: str, language: str) -> bool:
    """A noun the dictionary knows, and not also an adjective's form ("deutsche" is "deutsch")."""
    return lemmas.with_capital(word, language) and not lemmas.in_lowercase(word.lower(), language)


def _english_or_of_a_place(word: str) -> bool:
    """An English word ("Burger King", "Downing Street") or a German word for what comes from a place
    ("Berliner Tempodrom"): part of a name, not a German noun before one."""
    folded = word.casefold()
    return lemmas.is_known(folded, "en") or (folded.endswith("er") and find_place(word[:-2]) is not None)


def _bare_name(rest: list[str], language: str) -> bool:
    """One word that is a name and nothing else: no word the dictionary knows, no place ("Ubimet",
    "Nehammer"; not "Aargau", nor "Kurz", which alone would be the adjective)."""
    if len(rest) != 1 or find_place(rest[0]) is not None or rest[0].isupper():
        return False
    name = rest[0]
    return lemmas.dictionary_lemma(name, language) is None and lemmas.dictionary_lemma(name.lower(), language) is None
