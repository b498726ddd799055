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

from storyline.stages import lemmas
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
# A given name ending in a vowel takes other endings than its surname does: Slovenian puts -j- before the
# ending ("Joeja Bidna", "Joeju Bidnu"), Polish declines it as an adjective ("Joego Bidena", "Joemu
# Bidenowi"). Each such ending, with the surname's endings of the same case.
_VOWEL_NAME_ENDINGS = {
    "sl": (("jem", ("om", "em")), ("ja", ("a",)), ("ju", ("u",))),
    "pl": (("go", ("a",)), ("mu", ("owi",))),
}
_FEMININE_SUFFIXES = ("ová", "ové", "ovou", "ovej")  # Czech and Slovak: a woman's surname and its cases
_FEMININE_LANGUAGES = ("cs", "sk")
_FEMININE_ENDINGS = ("ou", "y", "e", "ě", "u", "i", "ą", "ę", "ie")  # Czech, Slovak, Polish cases of a name in -a
# Polish cases of a woman's first name in -a ("Theresy", "Theresie", "Theresę", "Theresą", "Angeli"), and those
# of them a surname in -a takes alike ("Beaty Kempy"; "Giorgii Meloni" keeps its surname)
_POLISH_FEMININE_ENDINGS = ("ie", "y", "i", "ę", "ą")
_POLISH_SURNAME_ENDINGS = ("y", "ę", "ą")
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
    for ending, surname_endings in _given_name_endings(language):
        given = first[: -len(ending)]
        if not first.endswith(ending) or len(given) < 2 or not is_given_name(given):
            continue
        for surname_ending in sorted(surname_endings, key=len, reverse=True):
            stem = surname[: -len(surname_ending)]
            if surname.endswith(surname_ending) and len(stem) >= _MIN_STEM and stem[-1].lower() not in _VOWELS:
                return [given, stem]
        return [given, surname]  # a surname that does not decline ("Joe Biden" has no ending to lose)
    return _agreeing_case(first, surname, language)


# The endings a first name and its surname both take in one case, which no nominative has: Polish's
# feminine instrumental -ą, and the masculine instrumental and dative (not the genitive's -a, which
# women's names end in: "Beata Szydła").
_AGREEING_ENDINGS = ("em", "om", "owi", "ovi")


def _agreeing_case(first: str, surname: str, language: str) -> list[str] | None:
    """The nominative of a name whose first name no list holds, read from the case ending both words
    take ("Keirem Starmerem": Keir Starmer), or, in Polish, of a listed woman's first name in a case
    ("Giorgią Meloni", "Theresy May", "Beatą Szydłą": Giorgia Meloni, Theresa May, Beata Szydła)."""
    if language == "pl" and first.endswith(_POLISH_FEMININE_ENDINGS):  # a listed first name: not "Gazetą Krakowską"
        given = _feminine_given_name(first)
        if given is None or given == first or lemmas.in_lowercase(first, language):  # "Rady Europejskiej": a council's
            return None
        ending = next(ending for ending in _POLISH_FEMININE_ENDINGS if first.endswith(ending))
        return [given, surname[: -len(ending)] + "a" if _declines_alike(surname, ending) else surname]
    for ending in _AGREEING_ENDINGS:
        if ending not in _MASCULINE_ENDINGS[language] or not (first.endswith(ending) and surname.endswith(ending)):
            continue
        stems = [first[: -len(ending)], surname[: -len(ending)]]
        if all(len(stem) >= _MIN_STEM and stem[-1].lower() not in _VOWELS for stem in stems):
            return stems
    return None


def _declines_alike(surname: str, ending: str) -> bool:
    """Whether a Polish woman's surname takes her first name's case ending, as one in -a does ("Beaty
    Kempy", "Beatą Szydłą"); not a surname whose nominative ends so ("Theresy May", "Giorgii Meloni")."""
    if ending not in _POLISH_SURNAME_ENDINGS or not surname.endswith(ending) or len(surname) <= len(ending) + 1:
        return False
    return ending == "ą" or (surname[-len(ending) - 1].lower() not in _VOWELS and not is_family_name(surname))


def _given_name_endings(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each ending a given name of the language takes, with the endings its surname takes in the same case."""
    masculine = tuple(
        (ending, _DATIVE_LOCATIVE if ending in _DATIVE_LOCATIVE else (ending,))
        for ending in _MASCULINE_ENDINGS[language]
    )
    return masculine + _VOWEL_NAME_ENDINGS.get(language, ())


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
    language's endings (see the module's notes), made that name; and each first name alone, in any case,
    that opens the name of one person of the article only, made that person ("Theresy": Theresa May)."""
    endings = _ALONE_ENDINGS.get(language or "")
    if not endings:
        return found
    named: dict[str, Found] = {}
    for mention in found:
        last = mention.lemma.split()[-1] if mention.lemma else ""
        if last[:1].isupper() and (" " not in mention.lemma or mention.kind == "person"):
            named.setdefault(last, mention)
    persons = _persons_by_first_name(found)
    return [_as_named(mention, named, endings) or _as_person(mention, persons, language) for mention in found]


def _as_named(mention: Found, named: dict[str, Found], endings: tuple[str, ...]) -> Found | None:
    """The name of the article this one-word mention writes in a case, made that name; None where none."""
    if " " in mention.surface or ":" in mention.key:
        return None
    for ending in endings:
        stem = mention.lemma[: -len(ending)]
        if mention.lemma.endswith(ending) and len(stem) >= _MIN_STEM and (other := named.get(stem)) is not None:
            return dataclasses.replace(mention, key=other.key, given="", kind=other.kind, lemma=stem)
    for suffix in _FEMININE_SUFFIXES:  # "Mayové", where the article writes "Theresa Mayová"
        stem = mention.lemma[: -len(suffix)]
        other = named.get(stem) if mention.lemma.endswith(suffix) else None
        if other is not None and other.kind == "person" and other.surface.endswith(_FEMININE_SUFFIXES):
            return dataclasses.replace(mention, key=other.key, given="", kind="person", lemma=stem)
    return None


def _persons_by_first_name(found: list[Found]) -> dict[str, list[Found]]:
    """The article's persons named in full, by their first name in the nominative."""
    persons: dict[str, list[Found]] = {}
    for mention in found:
        if mention.kind == "person" and mention.given and " " in mention.lemma:
            first = mention.lemma.split()[0]
            if all(other.key != mention.key for other in persons.get(first, [])):
                persons.setdefault(first, []).append(mention)
    return persons


def _as_person(mention: Found, persons: dict[str, list[Found]], language: str | None) -> Found:
    """A first name written alone, made the one person of the article it opens the name of."""
    if " " in mention.surface or ":" in mention.key or not persons:
        return mention
    word = mention.surface
    feminine = _feminine_given_name(word)  # the word itself too, where it is a listed first name
    nominatives = {*([feminine] if feminine else []), *_masculine_given_names(word, language)}
    matches = {person.key: person for name in nominatives for person in persons.get(name, [])}
    if len(matches) != 1:
        return mention
    (person,) = matches.values()
    return dataclasses.replace(mention, key=person.key, given=person.given, kind="person", lemma=person.lemma)


def is_feminine_surname(word: str, language: str | None) -> bool:
    """A Czech or Slovak woman's surname, in the nominative or a case ("Merkelová", "Mayové",
    "Bibiovou", "Merkelovej"), alone: capitalised, with the suffix, and no word the dictionary reads
    back to another ("Nové": nový, new; "Britové": Brit; "Králové": král). A surname the dictionary
    lists stays one ("Nováková")."""
    if language not in _FEMININE_LANGUAGES or not word[:1].isupper() or not word.endswith(_FEMININE_SUFFIXES):
        return False
    if len(word) - max(len(suffix) for suffix in _FEMININE_SUFFIXES if word.endswith(suffix)) < _MIN_STEM:
        return False
    lemma = lemmas.lemmatize(word, language or "").casefold()
    return lemma == word.casefold() or lemma.endswith(_FEMININE_SUFFIXES[0])


def is_first_name_in_case(word: str, language: str | None) -> bool:
    """Whether ``word`` is a listed first name in one of the language's cases ("Eugena", "Joeja",
    "Asiu"), its nominative read back by the endings above."""
    return bool(_masculine_given_names(word, language)) or (_feminine_given_name(word) or word) != word


def _masculine_given_names(word: str, language: str | None) -> list[str]:
    """A man's first name read back from a case of it ("Donalda", "Joeja": Donald, Joe)."""
    return [
        word[: -len(ending)]
        for ending, _surname_endings in _given_name_endings(language or "")
        if word.endswith(ending) and len(word) - len(ending) >= 2 and is_given_name(word[: -len(ending)])
    ]
