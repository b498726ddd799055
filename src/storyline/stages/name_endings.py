"""A foreign person's name in the case endings of Polish, Czech, Slovak, Slovenian and Croatian, given back
its nominative where the dictionary does not know it.

These languages decline a foreign man's name as their own nouns ("Donalda Trumpa", "Donaldem Trumpem",
"Joea Bidena": Donald Trump, Joe Biden) and give a foreign woman's surname the Czech and Slovak feminine
suffix ("Theresa Mayová", "Theresy Mayové", "Asiu Bibiovou": Theresa May, Asia Bibi). simplemma's
dictionaries know the languages' own names, not Trump's or Biden's, so the written forms would stay, and
a name written in Latin script is linked by its exact spelling: "Trumpa" is not "Trump".

The rule reads the case from the given name: where the first word is a first name some locale lists
followed by one of the language's masculine case endings, the surname loses the same ending (or, in the
dative and locative, one of theirs: "Donaldu Trumpovi"), if it has it and a consonant stays before it
("Joea Bidena": Joe, then Biden). A surname in -ová (-ové, -ovou, -ovej)
is the feminine form of the family name before the suffix where some list holds that name and none holds
the feminine form ("Mayová": May; "Nováková", which Czech lists hold, stays).

A name written alone in a case ("Ryanaira", "Ryanairze", "Trumpovi", and Czech's possessive "Trumpův")
is the name the same article writes without the ending ("Ryanair", "Donald Trump"): its mention takes
that one's key and dictionary form.
"""

from __future__ import annotations

import dataclasses

from storyline.stages.given_names import is_family_name, is_given_name
from storyline.stages.latin_names import is_census_surname
from storyline.stages.name_filters import Found

# The endings a masculine noun of a consonant stem takes, by language (nominative aside).
_MASCULINE_ENDINGS = {
    "pl": ("owi", "em", "ie", "a", "u"),
    "cs": ("ovi", "em", "e", "a", "u"),
    "sk": ("ovi", "om", "e", "a", "u"),
    "sl": ("om", "em", "u", "a"),
    "hr": ("om", "em", "u", "a", "e"),
}
# The dative's and the locative's endings, which a given name and its surname may take apart ("Donaldu
# Trumpovi", "Donaldowi Trumpowi")
_DATIVE_LOCATIVE = ("ovi", "owi", "ie", "u", "e")
_FEMININE_SUFFIXES = ("ová", "ové", "ovou", "ovej")  # Czech and Slovak: a woman's surname and its cases
_FEMININE_LANGUAGES = ("cs", "sk")
_FEMININE_ENDINGS = ("ou", "y", "e", "ě", "u", "i")  # Czech and Slovak cases of a first name in -a
_MIN_STEM = 3
_VOWELS = set("aeiouyáéíóúůýěäô")


def latin_slavic_nominative(run: list[str], language: str | None) -> list[str] | None:
    """The nominative of a person's name of two words written in one of these languages' cases, or None
    where it shows none that this rule reads."""
    if language not in _MASCULINE_ENDINGS or len(run) != 2:
        return None
    first, surname = run
    feminine = _feminine_family_name(surname, language)
    if feminine is not None:
        return [_feminine_given_name(first) or first, feminine]
    if is_given_name(first):
        return None  # in the nominative already ("Joe" is no "Jo" with an ending)
    for ending in _MASCULINE_ENDINGS[language]:
        given = first[: -len(ending)]
        if not first.endswith(ending) or len(given) < 2 or not is_given_name(given):
            continue
        same_case = _DATIVE_LOCATIVE if ending in _DATIVE_LOCATIVE else (ending,)
        for surname_ending in sorted(same_case, key=len, reverse=True):
            stem = surname[: -len(surname_ending)]
            if surname.endswith(surname_ending) and len(stem) >= _MIN_STEM and stem[-1].lower() not in _VOWELS:
                return [given, stem]
        return [given, surname]  # a surname that does not decline ("Joe Biden" has no ending to lose)
    return None


def _feminine_given_name(word: str) -> str | None:
    """A woman's first name in -a read back from a case of it ("Theresy", "Asiu": Theresa, Asia)."""
    if is_given_name(word):
        return word
    for ending in _FEMININE_ENDINGS:
        name = word[: -len(ending)] + "a"
        if word.endswith(ending) and len(name) > _MIN_STEM and is_given_name(name):
            return name
    return None


def _feminine_family_name(surname: str, language: str) -> str | None:
    if language not in _FEMININE_LANGUAGES or is_family_name(surname):
        return None
    for suffix in _FEMININE_SUFFIXES:
        stem = surname[: -len(suffix)]
        if surname.endswith(suffix) and len(stem) >= 2 and (is_family_name(stem) or is_census_surname(stem)):
            return stem
    return None


# The endings a foreign name alone takes, by language: its cases, and the possessive adjectives of
# Czech, Slovak and Slovenian ("Trumpův", "Trumpova": Trump's), longest first.
_ALONE_ENDINGS = {
    "pl": ("owi", "em", "ze", "ie", "a", "u"),
    "cs": ("ovými", "ových", "ovým", "ovou", "ovi", "ova", "ovo", "ovy", "ově", "ovu", "ův", "em", "e", "a", "u"),
    "sk": ("ovi", "ova", "ovo", "ovho", "om", "e", "a", "u"),
    "sl": ("ovimi", "ovega", "ovemu", "ovih", "ovim", "ovem", "ovo", "ova", "ovi", "ove", "ov", "om", "em", "u", "a"),
    "hr": ("ovima", "ovog", "ovoj", "ovih", "ovim", "ovo", "ova", "ovi", "ove", "ov", "om", "em", "u", "a", "e"),
}


def case_forms_named_again(found: list[Found], language: str | None) -> list[Found]:
    """Each one-word name that is another name of the same article, or its last word, with one of the
    language's endings (see the module's notes), made that name."""
    endings = _ALONE_ENDINGS.get(language or "")
    if not endings:
        return found
    named: dict[str, Found] = {}
    for mention in found:
        last = mention.lemma.split()[-1] if mention.lemma else ""
        if last[:1].isupper() and (" " not in mention.lemma or mention.kind == "person"):
            named.setdefault(last, mention)
    return [_as_named(mention, named, endings) for mention in found]


def _as_named(mention: Found, named: dict[str, Found], endings: tuple[str, ...]) -> Found:
    if " " in mention.surface or ":" in mention.key:
        return mention
    for ending in endings:
        stem = mention.lemma[: -len(ending)]
        if mention.lemma.endswith(ending) and len(stem) >= _MIN_STEM and (other := named.get(stem)) is not None:
            return dataclasses.replace(mention, key=other.key, given="", kind=other.kind, lemma=stem)
    return mention
