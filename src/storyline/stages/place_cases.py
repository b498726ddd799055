"""A foreign place's name in the case endings of Polish, Czech, Slovak, Slovenian and Croatian, given back
its nominative where the dictionary does not know it.

These languages decline a foreign city's name as their own nouns: Kyjev, "v Kyjevu"; Wuhan, "v Wuhanu";
Dresden, "v Dresdnu" (the "e" of the last syllable falls out); Doha, "v Dohi"; Minnesota, "v Minnesoti";
Floryda, "na Florydzie" (the consonant before the ending changes). simplemma's dictionaries know the
languages' own places, not every city abroad, so the written form found no place. The rule strips one
of the language's case endings and tries the nominatives it may come from, reversing the consonant
changes the locative makes, against the gazetteer (``find_place``); the first that names a place wins.
A name that some locale lists as a first or family name is not read so: "Hamiltona" is a person's case
far more often than a city's. The same endings give back a listed company's name ("Lufthanso",
"Boeingu": ``entities._listed_company`` passes the companies' look-up as ``find``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from storyline.stages.given_names import is_family_name, is_given_name

T = TypeVar("T")
_MIN_STEM = 3
_VOWELS = frozenset("aeiouyáéíóúůýěąę")


# Each language's endings as "written>nominative", in the order they are tried (longest written ending
# first). Not the dative's "-ovi", "-owi": a person's case far more often ("Stalinovi", which would be
# "Stalin", an old name of Donetsk). An empty nominative ending is a consonant stem ("Kyjevu": Kyjev); the locative's consonant
# changes are written out ("Florydzie": Floryda, "Praze": Praha, "Ameryce": Ameryka).
def _endings(pairs: str) -> tuple[tuple[str, str], ...]:
    return tuple((written, nominative) for written, nominative in (pair.split(">") for pair in pairs.split()))


_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": _endings(
        "dzie>da dzie>d cie>ta cie>t rze>ra rze>r sie>sa sie>s zie>za zie>z dze>ga ce>ka le>ła le>ł"
        " ie>a ie> em> ii>ia ji>ja ą>a ę>a a> u> y>a i>a"
    ),
    "cs": _endings("em> em>o ou>a ze>ha ze>ga ce>ka ře>ra ii>ie ii>ia ě> ě>a e>a a> u> u>o y>a i>a"),
    "sk": _endings("om> ou>a ii>ia e> e>a a> u> u>o y>a i>a"),
    "sl": _endings("jem> ju> ja> om> em> u> u>o a> i>a o>a e>a"),
    "hr": _endings("om> em> u> u>o a> i>a e>a"),
}


def place_in_case(word: str, language: str | None, find: Callable[[str], T | None]) -> T | None:
    """The place a declined foreign name of one word stands for, or None: ``find`` (the gazetteer's
    look-up) asked for each nominative the word's case ending may come from."""
    endings = _ENDINGS.get(language or "")
    if not endings or not word[:1].isupper() or word.isupper():
        return None
    for nominative in _nominatives(word, endings):
        if is_given_name(nominative) or is_family_name(nominative):
            return None  # a person's name in a case ("Hamiltona", "Jacksona")
        found = find(nominative)
        if found is not None:
            return found
    return None


def _nominatives(word: str, endings: tuple[tuple[str, str], ...]) -> list[str]:
    """The nominatives ``word`` may be a case of, in the endings' order, each with the last syllable's
    fallen "e" put back where the stem ends in two consonants ("Dresdn": Dresden, "Manchestr": Manchester)."""
    folded = word.casefold()
    found: list[str] = []
    for written, nominative in endings:
        if not folded.endswith(written):
            continue
        stem = word[: len(word) - len(written)]
        if len(stem) < _MIN_STEM:
            continue
        found.append(stem + nominative)
        if not nominative and _ends_in_two_consonants(stem):
            found.append(stem[:-1] + "e" + stem[-1])
    return list(dict.fromkeys(found))


def _ends_in_two_consonants(stem: str) -> bool:
    last = stem[-2:].casefold()
    return len(last) == 2 and last.isalpha() and not (set(last) & _VOWELS)
