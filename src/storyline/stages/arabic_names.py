"""Arabic names in Latin letters as English-language news writes them, for display only.

Arabic script writes long vowels only (ا و ي), rarely the short ones, so a letter-by-letter
transliteration leaves consonant clusters no reader can say: anyascii makes عصام القاضى "`sm lqda"
and محمد بن سلمان "mhmd bn slmn". Here:

- the name parts English-language news spells one way are looked up (محمد Mohammed, عبد الفتاح Abdel
  Fattah, بن bin, أبو Abu): the frequent given names of the Arab world, in the spellings of the wire
  services;
- the article "ال" is written "al-" before the rest of the word ("Al-" opening a name: Al-Ahram);
- و and ي are "w" and "y" where a vowel or the word's start is on either side, the long vowels "ou"
  and "i" between consonants, a word's opening ع a vowel, ة and ى "a";
- an unwritten short vowel is supplied once, as "a", between a word's first two consonants
  (سلمان Salman, مدبولي Madbouli); vowel marks, where a text writes them, are read instead.

The keys that link names across scripts (``keys.py``) do not use this: nothing here changes which
mentions meet, only the name shown when no Latin-script spelling of the entity was seen.
"""

from __future__ import annotations

import re

# Name parts English-language news spells one way (Reuters', AP's and the papers' usual spellings).
_KNOWN: dict[str, str] = {
    "محمد": "Mohammed", "أحمد": "Ahmed", "احمد": "Ahmed", "محمود": "Mahmoud", "مصطفى": "Mostafa",
    "علي": "Ali", "عمر": "Omar", "عمرو": "Amr", "عثمان": "Othman", "خالد": "Khaled", "حسن": "Hassan",
    "حسين": "Hussein", "حسني": "Hosni", "إبراهيم": "Ibrahim", "ابراهيم": "Ibrahim", "يوسف": "Youssef",
    "عبدالله": "Abdullah", "عبدالرحمن": "Abdulrahman", "عبدالعزيز": "Abdulaziz", "سعيد": "Saeed",
    "سامي": "Sami", "طارق": "Tarek", "هشام": "Hisham", "عصام": "Essam", "أشرف": "Ashraf", "اشرف": "Ashraf",
    "عادل": "Adel", "كريم": "Karim", "ياسر": "Yasser", "وليد": "Walid", "نبيل": "Nabil", "جمال": "Jamal",
    "مجدي": "Magdy", "هاني": "Hani", "رامي": "Rami", "شريف": "Sherif", "أيمن": "Ayman", "ايمن": "Ayman",
    "سلمان": "Salman", "فيصل": "Faisal", "ناصر": "Nasser", "صالح": "Saleh", "سالم": "Salem", "فهد": "Fahd",
    "سعد": "Saad", "زايد": "Zayed", "راشد": "Rashid", "حمد": "Hamad", "منصور": "Mansour", "طلال": "Talal",
    "بشار": "Bashar", "قاسم": "Qasem", "حسام": "Hossam", "عماد": "Emad", "مراد": "Mourad", "نجيب": "Naguib",
    "عاصم": "Assem", "مصطفي": "Mostafa", "إسماعيل": "Ismail", "اسماعيل": "Ismail", "موسى": "Moussa",
    "عيسى": "Issa", "يحيى": "Yahya", "زكريا": "Zakaria", "رشيد": "Rachid", "عبد": "Abdel",
    "فاطمة": "Fatima", "عائشة": "Aisha", "مريم": "Mariam", "زينب": "Zeinab", "نور": "Nour", "سارة": "Sara",
    "ليلى": "Laila", "هدى": "Hoda", "منى": "Mona", "إيمان": "Eman", "ايمان": "Eman", "ياسمين": "Yasmin",
    "رانيا": "Rania", "دينا": "Dina", "نادية": "Nadia", "أمل": "Amal", "سميرة": "Samira", "خديجة": "Khadija",
    "بن": "bin", "ابن": "ibn", "بنت": "bint", "أبو": "Abu", "ابو": "Abu", "الله": "Allah",
}  # fmt: skip
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v",
}  # fmt: skip
_LONG_VOWELS = {"ا": "a", "آ": "a", "أ": "a", "إ": "i", "ى": "a", "ة": "a", "ؤ": "u"}
_MARKS = {"\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u064b": "", "\u064c": "", "\u064d": ""}
_SHADDA = "\u0651"
_LENGTHENED = {"ا": "a", "ى": "a", "ي": "i", "و": "u"}  # the letter that makes a marked short vowel long
_SILENT = {"ء", "ئ", "ـ"}  # the hamza on its own or on a seat, and the tatweel: nothing said
_ARTICLE = "ال"
_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3]+")
_ABDEL = re.compile(r"(?<![\u0621-\u064a])عبد\s*(ال[\u0621-\u064a]+)")  # written apart or as one word
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩،", "0123456789,")


_NO_GIVEN_NAMES = frozenset({"عبد", "بن", "ابن", "بنت", "أبو", "ابو", "الله"})  # parts of names, none alone


def wire_service_given_names() -> frozenset[str]:
    """The given names of the table of spellings above (compound ones written as one word: عبدالرحمن)."""
    return frozenset(_KNOWN) - _NO_GIVEN_NAMES


def arabic_in_latin(text: str) -> str:
    """``text``'s Arabic words in Latin letters (see the module's notes), its Arabic digits as digits;
    anything else as it is."""
    text = _ABDEL.sub(_abdel, text.translate(_DIGITS))
    return _WORD.sub(lambda found: _word(found.group(0), opening=not text[: found.start()].strip()), text)


def _abdel(found: re.Match[str]) -> str:
    """عبد الله: Abdullah; عبد الفتاح and عبدالفتاح: Abdel Fattah (the servant of one of God's names, one
    name)."""
    name = found.group(1)
    if (known := _KNOWN.get("عبد" + name)) is not None:
        return known  # عبدالرحمن: Abdulrahman, as the table spells it
    return "Abdullah" if name == "الله" else "Abdel " + _capitalised(_spelled(name[len(_ARTICLE) :]))


def _word(word: str, opening: bool) -> str:
    if word in _KNOWN:
        return _KNOWN[word]
    if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1:
        rest = word[len(_ARTICLE) :]
        return ("Al-" if opening else "al-") + (_KNOWN.get(rest) or _capitalised(_spelled(rest)))
    return _capitalised(_spelled(word))


def _spelled(word: str) -> str:
    """One word letter by letter, the long vowels read from their neighbours, one short vowel supplied."""
    units: list[tuple[str, bool]] = []  # (Latin letters, whether a vowel)
    marked = any(letter in _MARKS for letter in word)
    for index, letter in enumerate(word):
        before_vowel = bool(units) and units[-1][1]
        after = word[index + 1] if index + 1 < len(word) else ""
        if units and units[-1][0] == _LENGTHENED.get(letter) and word[index - 1] in _MARKS:
            continue  # the vowel a mark wrote, made long: مُبَارَك is Mubarak, not Mubaarak
        if letter in _MARKS:
            if _MARKS[letter]:
                units.append((_MARKS[letter], True))
        elif letter == _SHADDA:
            if units and not units[-1][1]:
                units.append((units[-1][0][-1], False))
        elif letter in _SILENT:
            continue
        elif letter == "ع":
            if not units:
                units.append(("" if after in _LONG_VOWELS or after in "وي" else "a", True))
            elif not before_vowel and after and after not in _LONG_VOWELS and after not in "وي":
                units.append(("a", True))  # جمعة: Jumaa, not Jma
        elif letter in "وي":
            consonant = not units or before_vowel or after in _LONG_VOWELS
            if letter == "و":
                units.append(("w", False) if consonant else ("ou", True))
            else:
                units.append(("y", False) if consonant else ("i", True))
        elif letter in _LONG_VOWELS:
            units.append((_LONG_VOWELS[letter], True))
        else:
            units.append((_CONSONANTS.get(letter, ""), False))
    if not marked:
        units = _short_vowel_supplied(units)
    return "".join(letters for letters, _vowel in units)


def _short_vowel_supplied(units: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """An "a" between the word's first two consonants when it opens with two (a word that opens with a
    vowel has its first syllable written)."""
    if len(units) >= 2 and units[0][0] and not units[0][1] and not units[1][1]:
        return [units[0], ("a", True), *units[1:]]
    return units


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]
