"""Names in scripts without capital letters (Arabic, Persian, Hebrew...), where the capitalised-run
heuristic of ``entities.py`` sees nothing: found by what is known instead of by their shape. A helper
of the entities stage.

- **Places**: the longest run of up to ``MAX_PLACE_WORDS`` words that the gazetteer knows (GeoNames'
  alternate names and the CLDR's and ISO's country names are in these scripts too: القاهرة is Cairo,
  القاهرة الجديدة New Cairo), also after one-letter proclitics written onto the first word (Arabic
  "وبالقاهرة", and in Cairo: ``PROCLITICS``); a city named by one word only where that word is no
  frequent word and the city is where the language is spoken or large.
- **People**: a first name some locale lists as written (Faker's Arabic, Persian and Hebrew locales),
  followed by a word that is none of the language's most frequent words (jusText's lists), no place,
  and no inflected form of another word (the dictionary's form of it is the word itself, or the word
  without its article: "الجزار", al-Gazzar, is "جزار"; "تحاول", she tries, is "حاول" and no name): the
  first name and the family name ("عصام القاضي"). After a person's title (``TITLES``: "الجنرال أشرف
  السيدي") the first name need not be listed nor the family name uninflected, so long as neither is a
  frequent word or a place. A first name alone says too little: many are words too (إيمان, faith).

Organisations are left out: no list of them in these scripts ships in a package.
"""

from __future__ import annotations

from dataclasses import dataclass

from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from storyline.stages import lemmas
from storyline.stages.gazetteer import Place, find_place
from storyline.stages.given_names import is_given_name
from storyline.stages.name_filters import COMMON_WORD_CITY_POPULATION, frequent_words, small_city_abroad

MAX_PLACE_WORDS = 3
MIN_WORD_LETTERS = 3  # a family name's shortest
UNCASED_SHARE = 0.6  # of a sentence's words, for it to be read this way
# one-letter words Arabic writes onto the next: and, in/with, for/to, so, like
PROCLITICS = {"ar": ("و", "ب", "ل", "ف", "ك")}
ARTICLES = {"ar": "ال"}
# pronouns and the plural written onto a word's end: his, her, their (two), your, our; feminine plural
SUFFIXES = {"ar": ("هما", "ها", "هم", "كم", "نا", "ه", "ات")}
COMPOUND_FIRST_WORDS = {"ar": ("عبد",)}  # a first name's first word, written apart from the rest
TATWEEL = "\u0640"  # the stretching stroke of Arabic script ("عـنـد"): a page's styling, not a name's
# Titles written before a person's name ("الرئيس عبد الفتاح السيسي", "الجنرال أشرف السيدي"): after one, a
# first name no list holds and a family name the dictionary reads as a word's form are a person's too
# (not "الشيخ", which opens places: الشيخ زايد)
TITLES = {
    "ar": frozenset({
        "الرئيس", "الرئيسة", "الوزير", "الوزيرة", "اللواء", "العميد", "العقيد", "الجنرال", "الدكتور", "الدكتورة",
        "المستشار", "المستشارة", "السفير", "السفيرة", "النائب", "النائبة", "الفنان", "الفنانة", "الملك", "الملكة",
        "الأمير", "الأميرة", "المهندس", "المهندسة", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "المطرب", "المطربة",
        "الممثل", "الممثلة", "اللاعب", "اللاعبة", "المدرب",
    }),
}  # fmt: skip

Words = list[tuple[str, bool]]  # (word, whether punctuation separates it from the word before)


@dataclass(frozen=True)
class KnownName:
    """A name found by look-up: its first word's index, how many words, its written form (without a
    proclitic), and the place when it is one (else a person's name, whose first name is ``first``, its
    words written together: "عبد الفتاح" as lists write it, "عبدالفتاح")."""

    start: int
    length: int
    surface: str
    place: Place | None
    first: str = ""


def is_uncased(words: Words) -> bool:
    """Whether most of a sentence's words are in a script without capital letters."""
    letters = [word for word, _ in words if word[:1].isalpha()]
    if not letters:
        return False
    uncased = sum(1 for word in letters if not _cased(word))
    return uncased >= UNCASED_SHARE * len(letters)


def _cased(word: str) -> bool:
    """A word in a script with capital letters."""
    return word.lower() != word.upper()


def known_names(words: Words, language: str | None) -> list[KnownName]:
    """The places and people of one sentence of such a script, in order, none overlapping."""
    found: list[KnownName] = []
    index = 0
    while index < len(words):
        name = _place_at(words, index, language) or _person_at(words, index, language)
        if name is None:
            index += 1
            continue
        found.append(name)
        index += name.length
    return found


def _place_at(words: Words, index: int, language: str | None) -> KnownName | None:
    for length in range(min(MAX_PLACE_WORDS, len(words) - index), 0, -1):
        if any(broken for _, broken in words[index + 1 : index + length]):
            continue
        run = [word for word, _ in words[index : index + length]]
        if _cased(run[0]):  # the capitalised runs' to read
            continue
        for first in _without_proclitic(run[0], language):
            text = " ".join([first, *run[1:]])
            place = find_place(text)
            if place is not None and (length > 1 or not _word_more_than_city(text, place, language)):
                return KnownName(index, length, text, place)
    return None


def _word_more_than_city(word: str, place: Place, language: str | None) -> bool:
    """A city's one-word name that is more likely a word here: a city abroad of fewer than a million
    ("كورونا", corona, is also Corona, California: ``name_filters.small_city_abroad``), or, unless the city
    is that large, one of the language's most frequent words ("الجديدة", the new, is also El Jadida; not
    القاهرة, لندن, which are frequent too)."""
    if not language or not place.id.startswith("geo:") or place.population >= COMMON_WORD_CITY_POPULATION:
        return False  # countries, regions, and large cities
    return small_city_abroad(place, language) or word in frequent_words(language)


def _without_proclitic(word: str, language: str | None) -> list[str]:
    """The word as written, then without one or two proclitics of the language ("وبالقاهرة": and in
    Cairo) where what is left is long enough for a name."""
    forms = [word]
    proclitics = PROCLITICS.get(language or "", ())
    while forms[-1].startswith(proclitics) and len(forms) <= 2 and len(forms[-1]) > MIN_WORD_LETTERS:
        forms.append(forms[-1][1:])
    return forms


def _person_at(words: Words, index: int, language: str | None) -> KnownName | None:
    given_words = 2 if _opens_compound_first_name(words, index, language) else 1  # "عبد الفتاح السيسي"
    at = index + given_words  # the family name's word
    if at >= len(words) or any(broken for _, broken in words[index + 1 : at + 1]):
        return None
    first, family = "".join(word for word, _ in words[index:at]), words[at][0]
    titled = _after_title(words, index, language)
    if _cased(first) or not (titled or is_given_name(first)):
        return None
    common = frequent_words(language) if language else frozenset()
    if len(family) < MIN_WORD_LETTERS or (family in common and not (is_given_name(first) and is_given_name(family))):
        return None  # a frequent word after a first name, unless a first name too: "أحمد موسى", Ahmed Moussa
    if given_words == 1 and first in common and (titled or not _family_name_beyond_doubt(family, language)):
        return None  # "نور حديثها", light of her talk; but "أحمد موسى", "حسن نصرالله"
    if _cased(family) or TATWEEL in family or find_place(family) is not None or find_place(first) is not None:
        return None
    proclitics = PROCLITICS.get(language or "", ())
    if (_inflected(family, language) and not titled) or (family.startswith(proclitics) and is_given_name(family[1:])):
        return None  # "شاكر وخالد": Shaker and Khaled
    surface = " ".join(word for word, _ in words[index : at + 1])
    return KnownName(index, given_words + 1, surface, None, first)


def _family_name_beyond_doubt(word: str, language: str | None) -> bool:
    """Whether a word after a first name that is also a frequent word (أحمد, محمد, موسى, among the language's
    most frequent words, as names are) is a family name: a first name itself, as a father's name follows
    one's own ("محمد رجب", "أحمد موسى"), or a word the dictionary does not know, opening with no proclitic,
    and no known word with a pronoun or plural ending ("حسن نصرالله"; not "صالح عينه", fit [for] his eye)."""
    if is_given_name(word):
        return True
    if not language or language not in SUPPORTED_LANGUAGES or lemmas.is_known(word, language):
        return False
    if word.startswith(PROCLITICS.get(language, ())):
        return False  # "ياسر سليمان ورحاب مطاوع": and Rehab
    stems = [word[: -len(ending)] for ending in SUFFIXES.get(language, ()) if word.endswith(ending)]
    stems += [word[:-2] + "ة"] if language == "ar" and word.endswith("ات") else []
    return not any(len(stem) >= MIN_WORD_LETTERS - 1 and lemmas.is_known(stem, language) for stem in stems)


def _opens_compound_first_name(words: Words, index: int, language: str | None) -> bool:
    """Whether word ``index`` opens a first name of two words, "عبد" (servant of) and one of God's names
    with its article ("عبد الفتاح", "عبد الرحمن"), which lists write as one word ("عبدالرحمن")."""
    if index + 1 >= len(words) or words[index][0] not in COMPOUND_FIRST_WORDS.get(language or "", ()):
        return False
    return words[index + 1][0].startswith(ARTICLES.get(language or "", "\0"))


def _after_title(words: Words, index: int, language: str | None) -> bool:
    """Whether a person's title (``TITLES``) comes right before word ``index``, with nothing between but a
    people's adjective ("المستشارة الألمانية أنجيلا ميركل": the German chancellor Angela Merkel)."""
    if index == 0 or words[index][1]:
        return False
    titles = TITLES.get(language or "", frozenset())
    if words[index - 1][0] in titles:
        return True
    return (
        index >= 2
        and not words[index - 1][1]
        and _peoples_adjective(words[index - 1][0], language)
        and (words[index - 2][0] in titles)
    )


def _peoples_adjective(word: str, language: str | None) -> bool:
    """An Arabic adjective of relation with its article, masculine or feminine ("الألمانية", "الفرنسي",
    "الأمريكي"): what a title's holder is of."""
    return language == "ar" and word.startswith(ARTICLES["ar"]) and word.endswith(("ي", "ية")) and len(word) > 5


def _inflected(word: str, language: str | None) -> bool:
    """Whether the dictionary reads the word as a form of another word (a verb's person, a plural)."""
    if not language or language not in SUPPORTED_LANGUAGES:
        return False
    lemma = lemmas.dictionary_lemma(word, language)
    article = ARTICLES.get(language, "")
    return lemma is not None and lemma not in (word, word.removeprefix(article) if article else word)
