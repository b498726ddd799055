"""How names look in each language: small constants that the entity stage and the grouping layer both
read, kept apart from the modules that load dictionaries, so that reading commands load none."""

from __future__ import annotations

import re

# Languages that capitalise every noun: there a lone capitalised dictionary word is a noun, not a name.
NOUN_CAPITALISING = frozenset({"de", "lb"})
# Languages whose names take no case endings: a capitalised word there is a name as written
NAMES_NOT_INFLECTED = frozenset({"en", "es", "fr", "it", "pt", "ca", "nl"})
# Slavic languages written in Latin script, whose names take case endings
LATIN_SLAVIC = frozenset({"pl", "cs", "sk", "sl", "hr"})
# Languages without cases, whose nouns change only their endings (number, the article's suffix): a
# capitalised word's dictionary form that changes more is another word's ("Мей" is no form of "мея")
ENDINGS_ONLY = frozenset({"bg", "mk"})
# Languages whose word list (simplemma's) writes every lemma in lowercase, names too ("София": "софия",
# "Иван": "иван"): there a word's case in the dictionary says nothing of whether it is a common word
LOWERCASE_DICTIONARIES = frozenset({"bg"})
# "Lavrov's", "Trump'ın", "Putin’e": a lower-case suffix after an apostrophe is inflection.
APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_A-ZА-ЯЁІЇЄҐ]+$")


def turkish_casefold(text: str) -> str:
    """``text`` casefolded, Turkish's dotted capital "İ" as "i" (casefolding makes it "i" and a combining dot)."""
    return text.replace("İ", "i").casefold()


# the small words inside a person's surname, in any language ("Ursula von der Leyen", "Charles de Gaulle",
# "Ludwig van Beethoven", "Mohammed bin Salman"), as Latin and Cyrillic script write them ("Урсула фон дер
# Ляйен", "Шарль де Голль"): a first, then what may follow it ("von der", "de la")
FIRST_PARTICLES = frozenset(
    {"von", "van", "de", "del", "della", "di", "da", "dos", "das", "du", "zu", "ter", "ten", "bin", "ibn", "bint"}
    | {"фон", "ван", "де", "ди", "да", "дос", "дю", "бин", "ибн", "бен"}
)
SECOND_PARTICLES = {
    "von": {"der", "dem", "den"},
    "van": {"der", "den", "de"},
    "de": {"la", "las", "los"},
    "фон": {"дер", "ден"},
    "ван": {"дер", "ден", "де"},
    "де": {"ла"},
}
NAME_PARTICLES = FIRST_PARTICLES.union(*SECOND_PARTICLES.values())
# the Cyrillic ones as the names' own languages write them ("фон дер": von der, shown so, not "Fawn der")
PARTICLES_IN_LATIN = {
    "фон": "von",
    "ван": "van",
    "де": "de",
    "ди": "di",
    "да": "da",
    "дос": "dos",
    "дю": "du",
    "бин": "bin",
    "ибн": "ibn",
    "бен": "ben",
    "дер": "der",
    "ден": "den",
    "ла": "la",
}
