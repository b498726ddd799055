"""Russia's regions in Cyrillic and in English, which the packaged ISO 3166-2 catalogues give only in the
romanisation of their Russian names ("Kurskaya oblast'", "Krasnodarskiy kray", "Tatarstan, Respublika"):
no Russian text writes them so, nor English news ("Kursk Oblast", "Krasnodar Krai", "Tatarstan").

The romanisation (BGN/PCGN's, with "'" for the soft sign) is read back into Cyrillic letter by letter, as
it is regular: "Kurskaya oblast'" is "Курская область", "Khanty-Mansiyskiy avtonomnyy okrug" "Ханты-
Мансийский автономный округ". The English name of an oblast or a krai is its centre's: the city the
adjective is made from ("Kurskaya": Kursk, "Belgorodskaya": Belgorod, "Moskovskaya": Moskva, Moscow), when
the gazetteer knows that city in Russia under a name that opens as the adjective does (not
"Leningradskaya": Leningrad is an old name of Saint Petersburg); a republic's is the name of its people's
land ("Tatarstan"). A helper of the gazetteer (``gazetteer._subdivisions``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGRAPHS = (
    ("shch", "щ"), ("iya", "ия"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("yu", "ю"),
    ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("iy", "ий"), ("yy", "ый"),
)  # fmt: skip
# "ts" before the adjective's "k" is "тс" as often as "ц" ("Irkutskaya": Иркутская, "Lipetskaya": Липецкая)
_TS_BEFORE_K = "tsk"
_LETTERS = dict(zip("abvgdezijklmnoprstufh'", "абвгдезийклмнопрстуфхь", strict=True))
_VOWELS = frozenset("aeiouy")
_ADJECTIVE = re.compile(r"^(.+?)(?:skaya|skiy|ckaya)$")
_TYPES = {"oblast'": "Oblast", "kray": "Krai"}
_PREFIX_LETTERS = 3  # "Mos" of Moskovskaya and Moscow


def cyrillic(romanised: str) -> list[str]:
    """A Russian name read back from its BGN/PCGN romanisation ("Kurskaya oblast'": "Курская область"); both
    readings where "ts" stands before "k"."""
    readings = [romanised]
    if _TS_BEFORE_K in romanised.lower():
        readings.append(re.sub(_TS_BEFORE_K, "t\u0000sk", romanised, flags=re.IGNORECASE))
    return [
        " ".join("-".join(_word(part) for part in word.split("-")) for word in reading.split()) for reading in readings
    ]


def _word(word: str) -> str:
    lower = word.lower()
    out: list[str] = []
    at = 0
    while at < len(lower):
        for latin, letters in _DIGRAPHS:
            if lower.startswith(latin, at):
                out.append(letters)
                at += len(latin)
                break
        else:
            letter = lower[at]
            if letter == "\u0000":  # "t" and "s" read apart
                at += 1
                continue
            if letter == "y":  # "й" after a vowel, "ы" after a consonant
                out.append("й" if at > 0 and lower[at - 1] in _VOWELS else "ы")
            else:
                out.append(_LETTERS.get(letter, letter))
            at += 1
    written = "".join(out)
    return written[:1].upper() + written[1:] if word[:1].isupper() else written


def region_names(romanised: str, city: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """A region's English name and its names to look it up by, from its ISO 3166-2 name; ``city(name)``:
    the English name of a Russian city the gazetteer knows by ``name``, or None."""
    name, _, kind = romanised.partition(", ")  # "Tatarstan, Respublika"
    if kind:  # a republic: its land's name, alone and after the word; English writes "-iya" as "-ia"
        land = re.sub(r"iya$", "ia", name.replace("'", ""))
        written = cyrillic(name)
        return land, sorted({land, name.replace("'", ""), *written, *(f"{cyrillic(kind)[0]} {w}" for w in written)})
    words = name.split()
    english = _centre_name(words, city) or name.replace("'", "")
    return english, sorted({english, *cyrillic(name), name.replace("'", "")})


def _centre_name(words: list[str], city: Callable[[str], str | None]) -> str | None:
    """ "Kursk Oblast" for "Kurskaya oblast'": the city the adjective is made from, and the region's type."""
    if len(words) != 2 or words[1] not in _TYPES or (found := _ADJECTIVE.match(words[0].replace("'", ""))) is None:
        return None
    stem = found.group(1)
    moscow = f"{stem[:-2]}va" if stem.endswith("ov") else ""  # "Moskovskaya": Moskva
    for candidate in (f"{stem}sk", stem, f"{stem}a", f"{stem}o", f"{stem}l", moscow):
        english = city(candidate) if candidate else None
        if english is None or english[:_PREFIX_LETTERS].casefold() != candidate[:_PREFIX_LETTERS].casefold():
            continue
        english = english.replace("’", "").replace("'", "")  # "Arkhangel’sk", "Ryazan’"
        if english.casefold().startswith((candidate.casefold() + "-", candidate.casefold() + " ")):
            english = candidate  # "Rostov-on-Don": Rostov Oblast
        return f"{english} {_TYPES[words[1]]}"
    return None
