"""Names in Cyrillic written in Latin script the way each language's own convention writes them.

For display only: the keys that link names across scripts (``keys.py``) use one transliteration for
every language, so that nothing here changes which mentions meet. A name shown to a reader is spelled
as its language romanises it:

- Ukrainian: the national standard (Cabinet of Ministers resolution 55 of 2010, the one of Ukrainian
  passports and road signs): Володимир Зеленський -> Volodymyr Zelenskyi, Харків -> Kharkiv;
  є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia inside it; зг is zgh.
- Russian: the spelling English-language newsrooms use (BGN/PCGN's letters, with the endings -ий and
  -ый written -y and a final -ия written -ia): Дмитрий Песков -> Dmitry Peskov, Мария -> Maria;
  е is ye at the start of a word and after a vowel or a sign (Ельцин -> Yeltsin).
- Bulgarian: the official Streamlined System (the 2009 transliteration law): щ -> sht, ъ -> a, final
  -ия -> -ia (Антъни Блинкън -> Antani Blinkan).
- Arabic: as English-language news spells names (``arabic_names.py``: محمد بن سلمان -> Mohammed bin
  Salman, عصام القاضى -> Essam al-Qada, not anyascii's "mhmd bn slmn").
- Chinese: Hanyu Pinyin (``chinese.in_latin``: 王毅 -> Wang Yi, 中国外交部 -> Zhongguo Waijiaobu).
- Any other language or script: ``keys.latin`` (anyascii), with ъ as "a" (anyascii drops it: Тръмп
  would be "Trmp").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.stages import chinese
from storyline.stages.arabic_names import arabic_in_latin
from storyline.stages.chinese import has_han
from storyline.stages.keys import latin

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_UKRAINIAN = {
    **_COMMON,
    "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "є": "ie", "й": "i", "ю": "iu", "я": "ia", "'": "",
    "’": "", "ʼ": "",
}  # fmt: skip
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RUSSIAN = {**_COMMON, "ё": "yo", "ы": "y", "э": "e"}
_BULGARIAN = {**_COMMON, "х": "h", "щ": "sht", "ъ": "a", "ь": "y"}
_RUSSIAN_VOWELS_AND_SIGNS = set("аеёиоуыэюяъь")
_WORD = re.compile(r"[\w'’ʼ]+")


def romanise(text: str, language: str | None, person: bool = False) -> str:
    """``text`` in Latin script by ``language``'s convention (see the module's notes); ``person``: the
    name is a person's (Chinese writes a family name apart from the given name: Wang Yi)."""
    if language == "uk":
        return _words(text, _ukrainian_word)
    if language == "ru":
        return _words(text, _russian_word)
    if language == "bg":
        return _words(text, _bulgarian_word)
    if language == "ar":
        return latin(arabic_in_latin(text))
    if language == "zh" and has_han(text):
        return chinese.in_latin(text, person=person)
    return latin(text.replace("ъ", "а").replace("Ъ", "А"))


def _words(text: str, word_in_latin: Callable[[str], str]) -> str:
    return _WORD.sub(lambda match: _keep_case(match.group(0), word_in_latin(match.group(0).lower())), text)


def _ukrainian_word(word: str) -> str:
    out = []
    for index, letter in enumerate(word):
        if index == 0 and letter in _UKRAINIAN_INITIAL:
            out.append(_UKRAINIAN_INITIAL[letter])
        elif letter == "г" and index > 0 and word[index - 1] == "з":
            out.append("gh")  # Згорани -> Zghorany, not Zhorany
        else:
            out.append(_UKRAINIAN.get(letter, latin(letter)))
    return "".join(out)


def _russian_word(word: str) -> str:
    for ending, spelled in (("ий", "y"), ("ый", "y"), ("ия", "ia")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return _russian_letters(word[: -len(ending)]) + spelled
    return _russian_letters(word)


def _russian_letters(word: str) -> str:
    out = []
    for index, letter in enumerate(word):
        if letter == "е" and (index == 0 or word[index - 1] in _RUSSIAN_VOWELS_AND_SIGNS):
            out.append("ye")
        else:
            out.append(_RUSSIAN.get(letter, latin(letter)))
    return "".join(out)


def _bulgarian_word(word: str) -> str:
    if word.endswith("ия") and len(word) > 3:
        return "".join(_BULGARIAN.get(letter, latin(letter)) for letter in word[:-2]) + "ia"
    return "".join(_BULGARIAN.get(letter, latin(letter)) for letter in word)


def _keep_case(original: str, spelled: str) -> str:
    """The Latin spelling written as the original was: capitalised, all capitals, or lowercase."""
    if original.isupper() and len(original) > 1:
        return spelled.upper()
    if original[:1].isupper():
        return spelled[:1].upper() + spelled[1:]
    return spelled
