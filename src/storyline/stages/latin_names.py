"""A foreign person's name that Russian, Ukrainian or Bulgarian text writes in Cyrillic, given back its
Latin spelling.

Newsrooms write a foreign name in Cyrillic by its sound (Donald Trump: Дональд Трамп, Theresa May:
Тереза Мэй, Boris Johnson: Борис Джонсон, in Bulgarian Борис Джонсън). Read back letter by letter
(``romanise.py``), that gives "Donald Tramp", "Tereza Mey", "Boris Dzhonson": names no English reader
knows. Here each Cyrillic letter or group of letters may also stand for the Latin letters that the
transcription rules write it for (English "u" and "o" as а, "j" as дж, "th" as т, a silent final "e",
French "-ier" as -ье, German "sch" as ш, read backwards), and a spelling is kept only when a list of
real names holds it:

- family names: the 88,799 surnames of the United States census of 1990, ranked by how many bear them
  (the ``names`` package's data), and the family names of Faker's 80 locales;
- first names: the census's male and female first names, ranked the same way, and Faker's first names.

Each spelling costs its departures from the plain letters (one each, half for a doubled consonant,
none for the vowel that Bulgarian ъ stands for), times ``DEPARTURE``, plus the logarithm of its rank:
"Trump" (one departure, rank 8,608) beats "Tramp" (none, rank 67,050), "May" (rank 264) beats "Mey"
(22,802). The cheapest is taken when it costs at most ``MAX_COST``: a rare name far from the letters
("Rose" for Раза) is no evidence. A word stays romanised (``_is_native``) when it is a name of the
text's own languages (Faker's Russian, Ukrainian and Bulgarian lists: Ирина, Кирил, Петров; the East
Slavic surname endings: Lavrov, Zelenskyi) or when its plain romanisation is a name some country lists
(Markus, Dominik): those are spelled as they are written.

Weights set on three topics of the SlavicNER corpus and measured on the four others
(``benchmarks/person_names.py``, docs/quality.md).

Display only, as ``romanise``: the keys that link names across scripts never see these spellings.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from storyline.stages.disk_cache import built_once, cache_folder
from storyline.stages.keys import latin
from storyline.stages.name_languages import PARTICLES_IN_LATIN

CACHE_FORMAT = 1
_SCHWA_BEFORE_LAST = re.compile(r"ъ([нрлм])$")
MAX_DEPARTURES = 3
DEPARTURE = 1.8  # what one departure from the plain letters costs, against log(rank)
MAX_COST = 12.0  # past it, too rare a name too far from the letters: the romanisation stays
_UNRANKED_SURNAME = 100_000  # a family name only Faker lists: rarer than the census's last
_UNRANKED_FIRST_NAME = 6_000  # a first name only Faker lists: rarer than the census's last
# The East and South Slavic family names' endings that names of other countries written in Cyrillic
# hardly end in (not "-ин", which Martin and Marin end in, nor "-ян", as Ryan is written in Russian)
_REGIONAL_FAMILY_ENDINGS = (
    "ов", "ев", "ёв", "ова", "ева", "ёва", "ъв", "ски", "ска", "цки", "цка", "ский", "цкий", "ская", "цкая",
)  # fmt: skip
# Endings of East Slavic surnames (Lavrov, Zelensky, Shevchenko, Tkachuk, Pashinyan ...): the name is
# the language's own, so its romanisation is its Latin spelling.
_SLAVIC_ENDINGS = (
    *_REGIONAL_FAMILY_ENDINGS,
    "ин", "ын", "ий", "ый", "ой", "ина", "ына", "ая", "ко", "ук", "юк", "ич", "ян", "ів", "їв", "іна",
)  # fmt: skip

# Each Cyrillic letter or group: its plain Latin letters first (no departure), then what else the
# transcription of foreign names writes it for (``_departure``). Per language, the plain letters follow
# ``romanise``'s convention.
_COMMON: dict[str, tuple[str, ...]] = {
    "а": ("a", "u", "o", "e"), "б": ("b", "bb"), "в": ("v", "w"), "г": ("g", "gh", "h"), "д": ("d", "dd"),
    "е": ("e", "a", "ai", "ea", "ie"), "ё": ("yo", "o", "e"), "ж": ("zh", "j", "g", "s"), "з": ("z", "s", "zz"),
    "и": ("i", "ee", "y", "e", "ea", "ie"), "й": ("y", "i", "j"), "к": ("k", "c", "ck", "ch", "q"),
    "л": ("l", "ll"), "м": ("m", "mm"), "н": ("n", "nn"), "о": ("o", "oh", "a", "au", "aw", "ou", "oa", "ow"),
    "п": ("p", "pp"), "р": ("r", "rr"), "с": ("s", "c", "ss"), "т": ("t", "th", "tt"),
    "у": ("u", "oo", "o", "ou", "w"), "ф": ("f", "ph", "ff"), "х": ("kh", "h", "ch"),
    "ц": ("ts", "c", "z", "tz"), "ч": ("ch", "tch", "c"), "ш": ("sh", "sch", "ch"), "щ": ("shch",),
    "ъ": ("",), "ы": ("y", "i"), "ь": ("",), "э": ("e", "a", "ai"), "ю": ("yu", "u", "eu", "ew", "ue"),
    "я": ("ya", "ia", "a"),
    "дж": ("dzh", "j", "g", "dg", "ge", "gi"), "кс": ("ks", "x"), "кв": ("kv", "qu"), "ай": ("ay", "i", "y", "ei", "igh", "ai"),
    "ей": ("ey", "ay", "ai", "a", "ei"), "эй": ("ey", "ay", "a", "ai"), "ой": ("oy", "oi"),
    "оу": ("ou", "o", "ow"), "ау": ("au", "ow", "ou"), "уо": ("uo", "wa", "wo"), "уи": ("ui", "wi"),
    "ью": ("yu", "ew", "u"), "ье": ("ye", "ier", "ie"), "шт": ("sht", "st"), "шп": ("shp", "sp"),
    # Michael (Майкл): the "ae" Russian leaves unwritten, beside what "к" and "л" spell one by one
    "кл": ("kl", "cl", "ckl", "chl", "kll", "cll", "chael"),
}  # fmt: skip
_LANGUAGE_LETTERS: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {},
    "uk": {
        "г": ("h", "g", "gh"), "ґ": ("g",), "и": ("y", "i", "e"), "і": ("i", "ee", "y", "e", "ea", "ie"),
        "ї": ("i", "yi"), "є": ("ie", "ye", "e"), "й": ("i", "y", "j"), "ю": ("iu", "yu", "u", "eu", "ew", "ue"),
        "я": ("ia", "ya", "a"), "х": ("kh", "h", "ch"), "ей": ("ei", "ay", "ai", "a", "ey"),
        "ай": ("ai", "i", "y", "ei", "igh", "ay"), "ой": ("oi", "oy"), "ьє": ("ie", "ier", "ye"),
    },
    "bg": {
        "ъ": ("a", "u", "o", "e", "i", "ae"), "х": ("h", "kh", "ch"), "щ": ("sht",), "ь": ("y",),
        "ъй": ("ay", "i", "y"), "ий": ("iy", "ee", "ea", "ie", "ei", "i", "e"),  # Грийн, Кийт: Green, Keith
        "ие": ("ie", "iye", "ier"),  # French "-ier", which Russian writes -ье: Барние, Barnier
    },
}  # fmt: skip
_FINAL_O = ("eau", "ot", "ault")  # French endings written -о (Trudeau)
_VOWELS = set("aeiouy")
_SOFT = set("еиіыэюяє")  # the letters before which с may be a soft "c" (Pence, Nancy)
_FINAL_A = set("ая")  # a name's last letter that only a last "a" spells (``_may_spell``)
_FINAL_I = set("иіы")  # a name's last letter that no last "e" spells


@dataclass(frozen=True)
class Spelling:
    text: str  # lowercase
    departures: float
    rank: int

    @property
    def cost(self) -> float:
        return self.departures * DEPARTURE + math.log(self.rank)


def latin_name(name: str, language: str | None) -> str | None:
    """``name`` (a person's, in Cyrillic, as ``language`` writes it) with each word that a listed name
    spells within ``MAX_DEPARTURES`` written that way and the others romanised; None when no word is
    found in the lists or the language is not one of ``_LANGUAGE_LETTERS``'s."""
    from storyline.stages.romanise import romanise

    if language not in _LANGUAGE_LETTERS:
        return None
    words = name.split()
    foreign = _foreign_surname(words[-1].lower(), language)
    own = _own_surname(words[-1].lower())  # "Петър Марков" stays Petar: a name of the text's own languages
    # a family name of the region's own form: its given names are the region's too, romanised even where no
    # list holds them ("Румен Радев" is Rumen, not Roman; "Калин Янакиев" Kalin, not Colin)
    regional = words[-1].lower().endswith(_REGIONAL_FAMILY_ENDINGS)
    surname = _best(words[-1].lower(), language, surname=True, weigh_native=True)
    if surname is None and len(words) == 1 and _census_first_name(words[0], language):
        # a person named by a first name alone ("Меланія": Melania), which no list holds as a surname
        surname = _best(words[0].lower(), language, surname=False, weigh_native=True)
    out = []
    spelled_words: list[bool] = []
    for word in words[:-1]:
        if word in PARTICLES_IN_LATIN:  # "фон дер Ляйен": von der, not a name of the lists ("Fawn")
            out.append(PARTICLES_IN_LATIN[word])
            spelled_words.append(True)
            continue
        # a foreign surname's given names are foreign too: "Тереза Мей" is Teresa, "Майк Пенс" Mike,
        # though Тереза and Maik are names of lists the text's own languages take as written
        spelled = (
            None if regional else _best(word.lower(), language, surname=False, native_too=foreign, weigh_native=not own)
        )
        spelled_words.append(spelled is not None)
        out.append(_capitalised(spelled) if spelled else romanise(word, language))
    schwa = _schwa_spelled(words[-1], language, own)
    out.append(_capitalised(surname) if surname else romanise(schwa, language))
    found = surname is not None or foreign or any(spelled_words) or schwa != words[-1]
    return " ".join(out) if found else None


def _census_first_name(word: str, language: str) -> bool:
    """Whether a lone word is a first name that the census ranks, spelled more cheaply so than as any
    surname, and no common word of the language: one word says less than a full name, so neither a name
    only Faker's long lists hold ("Мумтаз" as Mumtoz) nor a word ("Таран", a ram, and a surname) is
    taken for one."""
    from storyline.stages import lemmas

    folded = word.lower()
    spelled = _cheapest(folded, language, surname=False)
    return (
        spelled is not None
        and spelled.rank < _UNRANKED_FIRST_NAME
        and rather_a_first_name(word, language)
        and not lemmas.common_word(folded, language)
    )


def _schwa_spelled(word: str, language: str, own: bool) -> str:
    """A foreign surname no list spells, in Bulgarian, with its last syllable's ъ before a closing н, р,
    л or м written as е: that ъ stands for the unstressed vowel that English and German names write
    "e" most often (Блинкън: Blinken, not the official romanisation's Blinkan; -ър: -er). A name of the
    text's own languages keeps its letters."""
    if language != "bg" or own or _in_own_lists(word.lower(), surname=False):
        return word
    return _SCHWA_BEFORE_LAST.sub(r"е\1", word)


def _foreign_surname(word: str, language: str) -> bool:
    """A surname no list of the text's own languages holds, without an East Slavic ending, that a list
    of another country spells (as written: Рааб, Raab; or by sound: Мей, May)."""
    if _own_surname(word):
        return False
    return word.isalpha() and _cheapest(word, language, surname=True) is not None


@lru_cache(maxsize=1 << 14)
def _best(word: str, language: str, surname: bool, native_too: bool = False, weigh_native: bool = False) -> str | None:
    """The listed spelling of one word that costs least, if any; None for a word that is its own
    language's name (``_is_native``), unless ``native_too``, or, with ``weigh_native``, a first name
    that only another country's list holds as romanised ("Пол": Pol, of Catalonia): there the likelier
    of the two wins ("Paul")."""
    if not word.isalpha() or len(word) < 2:
        return None
    native = _is_native(word, language, surname)
    if native and not native_too and (not weigh_native or _in_own_lists(word, surname)):
        return None
    best = _cheapest(word, language, surname)
    if best is not None and native and best.cost >= _native_cost(word, language, surname):
        return None  # "Анатолий" stays Anatoly: no spelling of the lists is likelier than its own
    return best.text if best else None


def _own_surname(word: str) -> bool:
    """A surname of the text's own languages: an East Slavic ending, or listed in Cyrillic."""
    from storyline.stages.given_names import listed_family_names

    return word.endswith(_SLAVIC_ENDINGS) or word in listed_family_names()


def _in_own_lists(word: str, surname: bool) -> bool:
    """A name the text's own languages' lists hold in Cyrillic (Ирина, Петров), or a surname with an East
    Slavic ending."""
    from storyline.stages.given_names import listed_first_names

    return _own_surname(word) if surname else word in listed_first_names()


def _native_cost(word: str, language: str, surname: bool) -> float:
    """What a name of the text's own languages costs as it is romanised: the logarithm of its rank in
    the lists, or of the rank past their last."""
    from storyline.stages.romanise import romanise

    ranks = (_surnames() if surname else _first_names())[0]
    unranked = _UNRANKED_SURNAME if surname else _UNRANKED_FIRST_NAME
    return math.log(ranks.get(romanise(word, language).lower(), unranked))


def rather_a_surname(word: str, language: str) -> bool:
    """Whether a foreign name in Cyrillic that a dictionary reads as a first name is rather a family
    name: one whose Latin spelling the lists know as a surname more cheaply than as a first name, or
    as neither ("Джонсон": Johnson, "Байден"), while the text's own languages list no such first name.
    Russian's dictionary tags both as given names, which keep a bare surname from its full name."""
    from storyline.stages.given_names import listed_first_names

    word = word.lower()
    if language not in _LANGUAGE_LETTERS or not word.isalpha() or word in listed_first_names():
        return False
    first, family = _cheapest(word, language, surname=False), _cheapest(word, language, surname=True)
    return first is None or (family is not None and family.cost < first.cost)


def rather_a_first_name(word: str, language: str) -> bool:
    """Whether a foreign name in Cyrillic is a first name: its Latin spelling is a listed first name, and
    one that costs no more than any surname spelling ("Мишел": Michel, "Дэвид": David; not "Джонсон")."""
    word = word.lower()
    if language not in _LANGUAGE_LETTERS or not word.isalpha():
        return False
    first, family = _cheapest(word, language, surname=False), _cheapest(word, language, surname=True)
    return first is not None and (family is None or first.cost <= family.cost)


@lru_cache(maxsize=1 << 14)  # bounded; the entities stage asks for the same words in every article
def _cheapest(word: str, language: str, surname: bool) -> Spelling | None:
    """The listed spelling of ``word`` that costs least, within ``MAX_COST``."""
    ranks, keys = _surnames() if surname else _first_names()
    found = [Spelling(text, departures, ranks[text]) for text, departures in _candidates(word, language, keys).items()]
    best = min(found, key=lambda s: (s.cost, s.text)) if found else None
    return best if best and best.cost <= MAX_COST else None


def _is_native(word: str, language: str, surname: bool) -> bool:
    """A name of the text's own languages, or one whose plain romanisation a country's list already
    spells (Markus, Karl): its romanisation is its spelling. Faker's locales list Cyrillic names
    (Ирина, Кирил, Петров) and their romanised first names; the census's long tail (Tramp) does not
    count."""
    from storyline.stages.given_names import listed_family_names, listed_first_names
    from storyline.stages.romanise import romanise

    if surname and word.endswith(_SLAVIC_ENDINGS):
        return True
    listed = listed_family_names() if surname else listed_first_names()
    return word in listed or romanise(word, language) in listed or latin(word).lower() in listed


def _candidates(word: str, language: str, keys: list[str]) -> dict[str, float]:
    """Every listed spelling of ``word`` within ``MAX_DEPARTURES``, with its fewest departures."""
    letters = {**_COMMON, **_LANGUAGE_LETTERS[language]}
    found: dict[str, float] = {}

    def walk(position: int, prefix: str, departures: float) -> None:
        if departures > MAX_DEPARTURES or (prefix and not _has_prefix(keys, prefix)):
            return
        if position == len(word):
            for text, more in _word_ends(word, prefix):
                if departures + more <= MAX_DEPARTURES and _is_listed(keys, text):
                    found[text] = min(departures + more, found.get(text, MAX_DEPARTURES))
            return
        group = letters.get(word[position : position + 2]) if position + 2 <= len(word) else None
        length = 2 if group else 1
        options = group or letters.get(word[position]) or (latin(word[position]).lower(),)
        for rank, spelled in enumerate(options):
            if _may_spell(word, position, length, spelled):
                walk(
                    position + length,
                    prefix + spelled,
                    departures + _departure(word[position], rank, spelled, language),
                )

    walk(0, "", 0)
    return found


def _may_spell(word: str, position: int, length: int, spelled: str) -> bool:
    """Whether the letters of ``word`` at ``position`` (``length`` of them) may be spelled so where they
    stand: "c" for с only before a soft vowel (Pence, Nancy; never Tuck for Туск), "ch" for к never before
    one (Christopher, Nicholas; never Cherry for Керри); a last "а" or "я" only as a last "a" (Giorgia,
    Angela: not George, Jorge), a last "и" not as an "e" (Meloni, Kerry: not Malone)."""
    letter, after = word[position], word[position + length : position + length + 1]
    if spelled == "c" and letter == "с" and after not in _SOFT:
        return False
    if spelled == "ch" and letter == "к" and after in _SOFT:
        return False
    if after:
        return True
    if word[-1] in _FINAL_A:
        return spelled.endswith("a")
    return word[-1] not in _FINAL_I or spelled not in ("e", "ea")


def _departure(letter: str, rank: int, spelled: str, language: str) -> float:
    """What writing ``letter`` (the first of its group) as its ``rank``-th option ``spelled`` departs
    from the plain letters: nothing for the plain ones, and for Bulgarian ъ, which writes any
    unstressed vowel of a foreign name (Тилърсън, Tillerson); half for a doubled consonant (Russell
    written Расел); one otherwise."""
    if rank == 0 or (language == "bg" and letter == "ъ"):
        return 0.0
    if len(spelled) == 2 and spelled[0] == spelled[1] and spelled[0] not in _VOWELS:
        return 0.5
    return 1.0


def _word_ends(word: str, prefix: str) -> list[tuple[str, int]]:
    """A spelling's possible ends, with their departures: as it is, a silent "e" after a consonant
    (Pence, Mike) or after "o" (Joe), an "h" after a vowel (Sarah), -ce for a final с, a silent "e"
    before a final с or з after a consonant (James, Charles), French endings for a final о (Trudeau)."""
    ends = [(prefix, 0)]
    last = prefix[-1:]
    if last and (last not in _VOWELS or last == "o"):
        ends.append((prefix + "e", 1))
    if last in _VOWELS:
        ends.append((prefix + "h", 1))
    if word.endswith("с") and last == "s":
        ends.append((prefix[:-1] + "ce", 1))
    if word.endswith(("с", "з")) and last in "sz" and len(prefix) > 1 and prefix[-2] not in _VOWELS:
        ends.append((prefix[:-1] + "e" + last, 1))  # a silent "e" before it: James, Charles, Jones
    if word.endswith("о") and last == "o":
        ends.extend((prefix[:-1] + french, 1) for french in _FINAL_O)
    return ends


def _has_prefix(keys: list[str], prefix: str) -> bool:
    index = bisect.bisect_left(keys, prefix)
    return index < len(keys) and keys[index].startswith(prefix)


def _is_listed(keys: list[str], text: str) -> bool:
    index = bisect.bisect_left(keys, text)
    return index < len(keys) and keys[index] == text


def _capitalised(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def census_surname_rank(word: str) -> int | None:
    """How common a family name ``word`` is (1: the commonest), by the census's ranks (Faker's names
    rank after them), or None where no list holds it."""
    return _surnames()[0].get(word.lower())


def is_census_surname(word: str) -> bool:
    """Whether the census's or Faker's family names hold ``word`` (letter case ignored): "Merkel", "Trump"."""
    return census_surname_rank(word) is not None


def _surnames() -> tuple[dict[str, int], list[str]]:
    return _lists()[0]


def _first_names() -> tuple[dict[str, int], list[str]]:
    return _lists()[1]


Ranked = tuple[dict[str, int], list[str]]  # name -> rank, and the names in order (for prefix look-ups)


@lru_cache(maxsize=1)
def _lists() -> tuple[Ranked, Ranked]:
    """(family names, first names), from the user's cache folder or built (0.2 s) and kept there, as
    ``given_names`` keeps Faker's lists."""
    return built_once(_cache_path(), _build, tuple)


def _build() -> tuple[Ranked, Ranked]:
    from storyline.stages.given_names import listed_family_names, listed_first_names

    family = _census("dist.all.last")
    for name in listed_family_names():
        if name.isascii():
            family.setdefault(name, _UNRANKED_SURNAME)
    first = _census("dist.male.first")
    for name, rank in _census("dist.female.first").items():
        first[name] = min(rank, first.get(name, rank))
    for name in listed_first_names():
        if name.isascii():
            first.setdefault(name, _UNRANKED_FIRST_NAME)
    return (family, sorted(family)), (first, sorted(first))


def _cache_path() -> Path:
    from importlib.metadata import version

    return cache_folder() / f"latin-names-{CACHE_FORMAT}-names-{version('names')}-faker-{version('faker')}.pickle"


def _census(file: str) -> dict[str, int]:
    """A census list of the ``names`` package: one name a line, in capitals, then its share, the
    cumulated share and its rank."""
    ranks: dict[str, int] = {}
    for line in (resources.files("names") / file).read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[0].isalpha():
            ranks.setdefault(fields[0].lower(), int(fields[3]))
    return ranks
