"""Cross-script keys for names: one key for Лавров, Lavrov and Лаврова (after lemmatising).

The key is a phonetic skeleton of the Latin transliteration: consonant classes that survive
transliteration (Тръмп / Трамп / Trump -> "trmp"), vowels dropped after the first letter.
It is deliberately coarse: it links spellings across scripts and leaves the decision of
whether two articles share an entity to the evidence that weighs it (rare keys count more).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Order matters: longer spellings before their parts.
_SPELLINGS = (
    ("shch", "st"),
    ("sht", "st"),
    ("dzh", "j"),
    ("sch", "s"),
    ("tch", "c"),
    ("sh", "s"),
    ("zh", "j"),
    ("ch", "c"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("th", "t"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("g", "h"),
    ("z", "s"),
    ("c", "k"),
)
# In exact spellings (Latin script on both sides) the affricates Cyrillic writes ч and ц keep a letter of
# their own: "ch", "tch", "ts" and "tz" are not "k" there, as they may be across scripts (Christ is Крист),
# so that "Merz" is not "Merck", "Kurz" not "Church", "Chen" not "Ken", while German "Tsch" still meets
# English "Ch" (Tschernobyl, Chernobyl). ``vowel_pattern`` reads it back as the plain spelling's "k".
AFFRICATE = "ç"
_EXACT_SPELLINGS = tuple(
    (letters, AFFRICATE if letters in ("tch", "ch", "ts", "tz") else sound)
    for letters, sound in _SPELLINGS
    if letters != "g"  # "g" stays itself (it is "h" only for Cyrillic Г read the Ukrainian way)
)
MAX_ACRONYM = 5  # letters of the longest acronym
_VOWELS = set("aeiouy")
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]")


def latin(text: str) -> str:
    """A readable Latin-script form of any name (apostrophes for hard signs dropped)."""
    return anyascii(text).replace("'", "").replace("`", "")


@lru_cache(maxsize=1 << 15)
def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin-script one (and it has one)."""
    if text.isascii():
        return any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(_latin_letter(ch) for ch in letters)


_ABJADS = ("ARABIC", "HEBREW", "SYRIAC", "THAANA")


def script_of(text: str) -> str:
    """The script of a text's first letter, as Unicode names it ("LATIN", "CYRILLIC", "ARABIC"; "" for none)."""
    import unicodedata

    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def plain_arabic(word: str) -> str:
    """An Arabic word as its spellings meet: the alef without its hamza or madda (أحمد, احمد; الأردن,
    الاردن). Not the final yaa written undotted, which would make على (on) of علي (Ali)."""
    return word.translate(_PLAIN_ARABIC)


_PLAIN_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def writes_no_vowels(text: str) -> bool:
    """Whether ``text``'s first letter is of a script that leaves short vowels unwritten (an abjad:
    Arabic, Hebrew, Syriac, Thaana), where a name's skeleton meets many other names'."""
    return script_of(text) in _ABJADS


@lru_cache(maxsize=4096)
def _latin_letter(ch: str) -> bool:
    import unicodedata

    return "LATIN" in unicodedata.name(ch, "")


_VOWELS_KEPT_FROM = 4


@lru_cache(maxsize=1 << 16)
def given_key(word: str) -> str:
    """The key of a given name: ``name_key`` with "h" and "j" read as no consonant, as its vowels are.
    Scripts and languages write these sounds past any one mapping: English and Italian "g" is Cyrillic
    "дж" (George: Джордж, Giorgia: Джорджа), Spanish "j" is "х" (Javier: Хавьер), Russian "г" is
    Ukrainian "h" (Сергей, Сергій, Serhiy), Polish and German "j" is "й" (Jan: Ян, Jens: Йенс), where a
    surname's key must keep them (a surname alone is evidence; a given name only tells apart the people
    who share one surname)."""
    written = is_latin(word)
    spelled = _sounds(_GERMAN_ICH.sub("ikh", latin(word)) if written else latin(word), foreign=written)
    return _skeleton(spelled, silent=_GIVEN_SILENT)


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """The phonetic skeleton of one (already lemmatised) word; '' when nothing is left. A name of
    ``_VOWELS_KEPT_FROM`` letters or more whose skeleton would be one letter ("Duda", "Lula") keeps the
    consonant each vowel separates ("dd", "ll"): one letter keys nothing apart, so such names had no key
    at all. Shorter words ("Sie", "Co") stay without one: far more of them are pronouns and
    abbreviations than names."""
    return _skeleton(_sounds(latin(word), foreign=is_latin(word)), silent=_NAME_SILENT)


def earlier_name_keys(word: str) -> frozenset[str]:
    """The keys ``name_key`` gave this word in stores written before schema 19 (without
    ``_foreign_letters``): for the upgrade that keys their mentions again (``store/entity_links``)."""
    return frozenset({_skeleton(_sounds(latin(word), foreign=False), silent=_NAME_SILENT)})


def earlier_given_keys(word: str) -> frozenset[str]:
    """The keys a given name had in stores written before schema 19: ``name_key``'s up to schema 17,
    ``given_key``'s without ``_foreign_letters`` and the German "ich" in schema 18."""
    spelled = _sounds(latin(word), foreign=False)
    return frozenset({_skeleton(spelled, silent=_NAME_SILENT), _skeleton(spelled, silent=_GIVEN_SILENT)})


_NAME_SILENT = frozenset("aeiouyij")  # the letters a key drops after its first ("y", "i", "j": a vowel's)
_GIVEN_SILENT = _NAME_SILENT | {"h"}  # a given name's: "h" too (``given_key``)


def sounds_key(sounds: str) -> str:
    """The key ``name_key`` gives a word whose letters are already its sounds (``_sounds``'s alphabet:
    "s" for "sh" and "z", "k" for "c", "h" for "g", "j" for "zh" and "dzh"): for names read back from
    another writing system's syllables (``chinese.latin_keys``)."""
    return _skeleton(sounds, silent=_NAME_SILENT)


def _skeleton(spelled: str, silent: frozenset[str]) -> str:
    if not spelled:
        return ""
    head = "a" if spelled[0] in silent else spelled[0]
    skeleton = [head]
    apart = False  # a silent consonant since the last letter kept: the same letter again is another one
    for letter in spelled[1:]:
        if letter in silent:
            apart = apart or letter not in _NAME_SILENT
            continue
        if letter != skeleton[-1] or apart:  # "Gregor" is "arr", not George's "ar"
            skeleton.append(letter)
        apart = False
    if len(skeleton) > 1 or len(spelled) < _VOWELS_KEPT_FROM:
        return "".join(skeleton)
    consonants = [letter for letter in spelled[1:] if letter not in silent]
    return head + "".join(consonants)


# a given name's last "ich" is German's (Friedrich, Heinrich, Ulrich: Фридрих, Генрих, Ульрих), where a
# surname's is often a Slavic one written the English way (Abramovich: Абрамович)
_GERMAN_ICH = re.compile(r"ich$", re.IGNORECASE)
_GERMAN_Z = re.compile(r"(?<=[lnr])z$")  # Merz, Scholz, Kurz, Heinz: Мерц, Шольц, Курц, Хайнц


def _foreign_letters(spelled: str) -> str:
    """Latin letters that a language other than English writes for a sound Cyrillic spells otherwise:
    German "z" after "l", "n" or "r" at a word's end ("ts": Scholz is Шольц, Merz Мерц; a vowel's "z" is
    anyone's, Sánchez is Санчес), Polish "drz" ("dzh": Andrzej is Анджей)."""
    return _GERMAN_Z.sub("ts", spelled.replace("drz", "dzh")) if "z" in spelled else spelled


def _sounds(written: str, exact: bool = False, foreign: bool = False) -> str:
    """A Latin-script word in lowercase letters only, spellings of one sound made one (sh -> s, x -> ks).
    ``exact``: "g" stays itself (it is "h" only for Cyrillic Г read the Ukrainian way: Гонконг), so that
    names written in Latin script on both sides keep it (German is not Herrmann), and so do the
    affricates (``AFFRICATE``). ``foreign``: a word
    written in Latin script, whose letters ``_foreign_letters`` reads (Cyrillic "з" is never German "z":
    Коллинз is Collins)."""
    spelled = _NOT_LETTER.sub("", written.lower())
    if foreign:
        spelled = _foreign_letters(spelled)
    for letters, sound in _EXACT_SPELLINGS if exact else _SPELLINGS:
        spelled = spelled.replace(letters, sound)
    return spelled


@lru_cache(maxsize=1 << 16)  # bounded: a writer spells the same names in every batch (its memory stays flat)
def spelling(name: str, exact: bool = False) -> str:
    """A finer key that tells apart names whose phonetic keys collide (Apple and Opel, Яндекс and
    Index, Nike and Naik, "Times" and "New York Times") and keeps one name's spellings across scripts
    together (Лавров/Lavrov, Тръмп/Trump, Ройтерс/Reuters, Кремъл/Кремль, Єрмак/Yermak): the phonetic
    skeleton with the vowel a word opens with, upper case (Я is "A", Є "E", Ю "U", И and Y "I"), and
    "*" where it ends in a vowel. Vowels inside a word are what scripts spell differently (Тръмп,
    Трамп, Trump; a Bulgarian "ъ" where Russian has none), so they do not count. ``exact``: every
    vowel as written, for names in Latin script, where they do not vary (Plaza is not Please);
    ``vowel_pattern`` turns that back into the first form. Words are joined by "_"; '' for none."""
    return "_".join(part for part in (_word_spelling(word, exact) for word in name.split()) if part)


@lru_cache(maxsize=1 << 14)
def vowel_pattern(exact: str) -> str:
    """The plain spelling of an exact one."""
    return "_".join(_plain(word) for word in exact.split("_"))


def _plain(exact_word: str) -> str:
    out: list[str] = []
    opening = exact_word[:1].isupper()  # the opening vowels' class, then the vowels as written
    for place, letter in enumerate(exact_word.replace("g", "h").replace(AFFRICATE, "k")):
        if letter in "aeiou":
            if opening and len(out) == 1:
                continue
            ends_the_word = exact_word[place + 1 :].strip("aeiou") == ""
            final_vowels = exact_word[len(exact_word.rstrip("aeiou")) :]
            if ends_the_word and (not out or out[-1] != "*") and not _silent_e(final_vowels):
                out.append("*")
            continue
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def _word_spelling(word: str, exact: bool) -> str:
    # the Bulgarian "ъ" is the "a" of English spellings (Тръмп, Блинкън), not a silent hard sign
    spelled = _sounds(latin(word.replace("ъ", "а").replace("Ъ", "А")), exact, foreign=is_latin(word))
    out: list[str] = []
    index = 0
    while index < len(spelled):
        letter = spelled[index]
        if letter in _VOWELS or letter in "ij":
            end = index
            while end < len(spelled) and (spelled[end] in _VOWELS or spelled[end] in "ij"):
                end += 1
            if index == 0:
                out.append(_opening_vowel(spelled[index:end]))
                if exact and _written_vowels(spelled[index:end]) != out[-1].lower():
                    out.append(_written_vowels(spelled[index:end]))  # "Jak" is not "Ak", "Yaasss" not "Az"
            elif exact:
                out.append(_written_vowels(spelled[index:end]))
            elif end == len(spelled) and not _silent_e(spelled[index:end]):
                out.append("*")
            index = end
            continue
        if not out or out[-1] != letter:
            out.append(letter)
        index += 1
    return "".join(out)


def _silent_e(final_vowels: str) -> bool:
    """A word's last vowels, "e" alone after a consonant, count as no vowel: silent in French and English
    names, which Cyrillic writes without it (Lagarde: Лагард, Albanese: Албаниз), and written in
    Cyrillic where it is heard (Conte: Конте, Rutte: Рютте) or ends a case (Шольце), so no spelling
    can tell which ("Année" and "Anne" alike); a name ending in another vowel keeps its mark (Захарова is
    not Захаров)."""
    return bool(final_vowels) and set(final_vowels) == {"e"}


def _written_vowels(vowels: str) -> str:
    """A run of vowels as written, "y" and "j" read as "i". A vowel written twice stays so ("Choose" is
    not "Chose", "Année" not "Anne"); consonants written twice are one (Qassem, Qasem)."""
    return vowels.replace("y", "i").replace("j", "i")


def _opening_vowel(vowels: str) -> str:
    """The class of the vowels a word opens with, upper case: "ya", "ia" -> "A"; "i", "y", "j" -> "I"."""
    sound = vowels[1] if len(vowels) > 1 and vowels[0] in "yij" else vowels[0]
    return "I" if sound in "yij" else sound.upper()


# Chinese characters (CJK ideographs, their extension A and the compatibility ones): the one place their
# ranges are written (the gazetteer, stages/chinese.py and the sources' keys read them)
HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_RANGES}]")


def last_word_key(name: str) -> str:
    """The key of a written name's last word (a person's surname, an outlet's one word): how a source
    the text names ("Тръмп заяви") is matched with the article's entities; '' for no word. A Chinese
    name's is its last part in simplified characters, as the entity stage keys it (``chinese.name_key``)."""
    if _HAN.search(name):
        from storyline.stages.chinese import name_key as chinese_key  # it reads the gazetteer, which reads this

        return chinese_key(name)
    words = name.split()
    return name_key(words[-1]) if words else ""


def acronym_key(word: str) -> str:
    """Acronyms keep every letter (США -> "#ssha", NATO -> "#nato"): vowels carry their identity; and every
    digit (G7 is not G20, the A380 not the A340 nor the road A46: "#g7", "#g20")."""
    spelled = _NOT_LETTER_OR_DIGIT.sub("", latin(word).lower())
    return "#" + spelled if spelled and not spelled.isdigit() else ""


def is_mixed_case_acronym(word: str) -> bool:
    """An acronym with small letters inside ("AfD", "PiS", "BfV"): keyed as an acronym (``acronym_key``), so
    that it is the one a headline writes in capitals ("AFD")."""
    return (
        2 < len(word) <= MAX_ACRONYM
        and word.isalpha()
        and word[0].isupper()
        and word[-1].isupper()
        and not word.isupper()
    )


def earlier_acronym_keys(word: str) -> frozenset[str]:
    """The keys ``acronym_key`` gave this word in stores written before schema 23 (its letters only; an
    acronym with small letters inside, ``name_key``'s): for the upgrade that keys their mentions again
    (``store/entity_links``)."""
    if is_mixed_case_acronym(word):
        return frozenset({name_key(word)})
    spelled = _NOT_LETTER.sub("", latin(word).lower())
    return frozenset({"#" + spelled} if spelled else ())


def as_written(written: str, form: str) -> str:
    """``form`` (another form of the word, as a dictionary gives it) with the capitals of ``written``:
    all capitals, a first capital, or none ("Министерства" and "министерство" give "Министерство")."""
    if written.isupper() and len(written) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if written[:1].isupper() else form.lower()
